import type { Prevention, PreventionContent } from '../../model/prevention.js';
import type { CodedValue, Synthesis, SynthesisContent } from '../../model/synthesis.js';
import { emptyPreventionContent, emptySynthesisContent } from '../../model/synthesis-shape.js';

/* The entries of a synthesis, as the editor and the comparison both handle them. */

/**
 * What the editor presents and edits in one form: the VSM's content and, beside it, the
 * vaccinations and screenings, which are saved as their own documents (DECISIONS.md 1).
 */
export type EditorContent = SynthesisContent & PreventionContent;

/** The lists of entries in a synthesis, in the order the editor presents them. */
export const ENTRY_LISTS = ['problems', 'allergies', 'riskFactors', 'treatments', 'vaccinations', 'screenings', 'pointsToWatch'] as const;
export type EntryList = (typeof ENTRY_LISTS)[number];
export type Entry = EditorContent[EntryList][number];

/**
 * An entry's code as the editor holds it: `typed`, a CIM-10 text typed and not picked from the
 * list, which the checks refuse and the schema drops; kept in the work, so drafts and merges keep
 * it. Without a code picked before, it comes alone.
 */
export type TypedCode = Partial<CodedValue> & { typed?: string };

/** A content as shown: an older version of the VSM comes without the prevention lists. */
export type ShownContent = SynthesisContent & Partial<PreventionContent>;

/** The entries of one list, as the common entry type; a list the content lacks reads as empty. */
export function entriesOf(content: ShownContent, list: EntryList): Entry[] {
  return (content[list] ?? []) as Entry[];
}

/** The VSM's part and the prevention record's part of what the editor holds. */
export function splitContent({ vaccinations, screenings, ...synthesis }: EditorContent): { synthesis: SynthesisContent; prevention: PreventionContent } {
  return { synthesis, prevention: { vaccinations, screenings } };
}

/** What the server holds, as the editor shows it: the VSM and the prevention record together. */
export interface ServerSide {
  synthesis: Synthesis | null;
  prevention: Prevention | null;
}

/**
 * The server's side as one content: what is not written yet is empty. Entries sharing an id (a
 * malformed answer, read all the same) are told apart, `<id>~2` the second: compared, they would
 * be taken for one, and no save could pass (ids are unique in a save) with no field to correct.
 * Renamed the same way at each reading, so that the versions compared agree.
 */
export function contentOf(side: ServerSide): EditorContent {
  const content: EditorContent = { ...(side.synthesis?.content ?? emptySynthesisContent()), ...(side.prevention?.content ?? emptyPreventionContent()) };
  const seen = new Set<string>();
  for (const list of ENTRY_LISTS) {
    content[list] = entriesOf(content, list).map((entry) => {
      let id = entry.id;
      for (let n = 2; seen.has(id); n++) id = `${entry.id}~${n}`;
      seen.add(id);
      return id === entry.id ? entry : { ...entry, id };
    }) as never;
  }
  return content;
}
