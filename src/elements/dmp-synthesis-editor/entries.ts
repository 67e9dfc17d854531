import type { SynthesisContent } from '../../model/synthesis.js';

/* The entries of a synthesis, as the editor and the comparison both handle them. */

/** The lists of entries in a synthesis, in the order the editor presents them. */
export const ENTRY_LISTS = ['problems', 'allergies', 'riskFactors', 'treatments', 'vaccinations', 'screenings', 'pointsToWatch'] as const;
export type EntryList = (typeof ENTRY_LISTS)[number];
export type Entry = SynthesisContent[EntryList][number];

/** The entries of one list of a synthesis, as the common entry type. */
export function entriesOf(content: SynthesisContent, list: EntryList): Entry[] {
  return content[list] as Entry[];
}
