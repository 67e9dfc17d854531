// Apart from dossier.ts so that using it pulls no schema (and no zod) into an element's bundle.
/**
 * A mobile number as people type it — `06 12 34 56 78`, `06.12.34.56.78`, `0033 6…`, `+33 6…` —
 * in the international form the notification settings store (`+33612345678`). Anything else is
 * passed on, spaces removed, for the schema to judge; nothing typed gives `''`.
 */
export function internationalPhone(input: string): string {
  const compact = input.replace(/[\s.\-()]/g, '');
  if (/^0\d{9}$/.test(compact)) return `+33${compact.slice(1)}`;
  if (compact.startsWith('0033')) return `+33${compact.slice(4)}`;
  return compact;
}
