import type { SynthesisContent } from '../../model/synthesis.js';

/* The entries of a synthesis, as the editor and the comparison both handle them. */

/** The lists of entries in a synthesis, in the order the editor presents them. */
export const ENTRY_LISTS = ['problems', 'allergies', 'riskFactors', 'treatments', 'vaccinations', 'screenings', 'pointsToWatch'] as const;
export type EntryList = (typeof ENTRY_LISTS)[number];
export type Entry = SynthesisContent[EntryList][number];

/** Structural equality of JSON-like values; a key holding `undefined` counts as absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!sameValue(ra[key], rb[key])) return false;
  return true;
}

/** The entries of one list of a synthesis, as the common entry type. */
export function entriesOf(content: SynthesisContent, list: EntryList): Entry[] {
  return content[list] as Entry[];
}
