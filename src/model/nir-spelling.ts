// Apart from nir.ts so that comparing two spellings of an INS pulls none of the NIR's checks and
// messages into an element's first load.
/** Removes the white space people type between groups and upper-cases Corsica's letters. */
export function normalizeNir(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}
