import * as z from '../zod.js';

/**
 * No two entries of a record share an id, across the lists named: versions are compared entry by
 * entry, by id (DECISIONS.md 4), and two entries under one id would be taken for one. The issue
 * names the second entry's id, so that a caller is told which one to renumber.
 */
export function uniqueEntryIds<K extends string>(lists: readonly K[]) {
  return z.superRefine<Record<K, ReadonlyArray<{ id: string }>>>((record, ctx) => {
    const seen = new Set<string>();
    for (const list of lists) {
      record[list].forEach((entry, index) => {
        if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', message: 'Identifiant d’entrée en double.', path: [list, index, 'id'], input: entry.id });
        seen.add(entry.id);
      });
    }
  });
}
