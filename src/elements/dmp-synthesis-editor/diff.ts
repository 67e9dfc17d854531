import { sameValue } from '../base/same-value.js';
import { entriesOf, type EditorContent, type Entry, type EntryList, type ShownContent, ENTRY_LISTS } from './entries.js';

/*
 * Versions are compared entry by entry, by stable id (DECISIONS.md 4), never as text. Pure
 * functions: the version comparison, the conflict view and the merge all use them.
 */

/** The statements that are not entries. */
export const SCALAR_FIELDS = ['allergiesNoneKnown', 'narrative'] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

export interface EntryChange {
  list: EntryList;
  id: string;
  kind: 'added' | 'removed' | 'changed';
  before?: Entry | undefined;
  after?: Entry | undefined;
  /** For `changed`: the fields whose value differs. */
  fields: string[];
}

export interface ScalarChange {
  field: ScalarField;
  before: unknown;
  after: unknown;
}

export interface SynthesisDiff {
  entries: EntryChange[];
  scalars: ScalarChange[];
}

function changedFields(before: Entry, after: Entry): string[] {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((key) => !sameValue(b[key], a[key]));
}

function byId(entries: readonly Entry[]): Map<string, Entry> {
  return new Map(entries.map((e) => [e.id, e]));
}

/** What changed from `before` to `after`: entries added, removed and changed, by id. */
export function diffSynthesis(before: ShownContent, after: ShownContent): SynthesisDiff {
  const entries: EntryChange[] = [];
  for (const list of ENTRY_LISTS) {
    const old = byId(entriesOf(before, list));
    const now = byId(entriesOf(after, list));
    for (const entry of entriesOf(after, list)) {
      const previous = old.get(entry.id);
      if (!previous) entries.push({ list, id: entry.id, kind: 'added', after: entry, fields: [] });
      else {
        const fields = changedFields(previous, entry);
        if (fields.length > 0) entries.push({ list, id: entry.id, kind: 'changed', before: previous, after: entry, fields });
      }
    }
    for (const entry of entriesOf(before, list)) {
      if (!now.has(entry.id)) entries.push({ list, id: entry.id, kind: 'removed', before: entry, fields: [] });
    }
  }
  const scalars = SCALAR_FIELDS.filter((field) => !sameValue(before[field], after[field])).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }));
  return { entries, scalars };
}

/** Both sides changed the same entry (or statement) differently; `undefined` means removed. */
export interface MergeConflict {
  /** Stable key for the user's pick: `list:id` or the scalar field's name. */
  key: string;
  list?: EntryList | undefined;
  id?: string | undefined;
  field?: ScalarField | undefined;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult {
  /** The server's version with the user's changes applied; conflicts keep the server's side. */
  content: EditorContent;
  conflicts: MergeConflict[];
}

/** Puts `entry` in `list` where it follows the same neighbour as in `order`, or first. */
function place(list: Entry[], entry: Entry, order: readonly Entry[]): void {
  const at = list.findIndex((e) => e.id === entry.id);
  if (at >= 0) {
    list[at] = entry;
    return;
  }
  const position = order.findIndex((e) => e.id === entry.id);
  for (let i = position - 1; i >= 0; i -= 1) {
    const anchor = list.findIndex((e) => e.id === order[i]?.id);
    if (anchor >= 0) {
      list.splice(anchor + 1, 0, entry);
      return;
    }
  }
  list.unshift(entry);
}

function setScalar(content: EditorContent, field: ScalarField, value: unknown): void {
  const record = content as unknown as Record<string, unknown>;
  if (value === undefined) delete record[field];
  else record[field] = value;
}

/**
 * Three-way merge: the server's version (`theirs`) with the user's changes since `base`
 * (`mine`) re-applied entry by entry. A change of the user's wins where the server left the
 * entry as it was in `base`; where both changed it differently, it becomes a conflict. Without
 * `base` (the version the user started from could not be fetched) nobody's change can be told
 * from the other's: every difference between the two sides is a conflict.
 */
export function mergeSynthesis(base: EditorContent | undefined, mine: EditorContent, theirs: EditorContent): MergeResult {
  const content = structuredClone(theirs);
  const conflicts: MergeConflict[] = [];
  for (const list of ENTRY_LISTS) {
    const b = base && byId(entriesOf(base, list));
    const m = byId(entriesOf(mine, list));
    const t = byId(entriesOf(theirs, list));
    const result = entriesOf(content, list);
    for (const id of new Set([...(b ?? t).keys(), ...m.keys()])) {
      const [be, me, te] = [b?.get(id), m.get(id), t.get(id)];
      if (sameValue(te, me) || (b && sameValue(me, be))) continue;
      if (!b || !sameValue(te, be)) {
        conflicts.push({ key: `${list}:${id}`, list, id, mine: me, theirs: te });
      } else if (me) place(result, structuredClone(me), entriesOf(mine, list));
      else result.splice(result.findIndex((e) => e.id === id), 1);
    }
  }
  for (const field of SCALAR_FIELDS) {
    const [me, te] = [mine[field], theirs[field]];
    if (sameValue(te, me) || (base && sameValue(me, base[field]))) continue;
    if (base && sameValue(te, base[field])) setScalar(content, field, me);
    else conflicts.push({ key: field, field, mine: me, theirs: te });
  }
  return { content: withConsistentAllergies(content), conflicts };
}

/**
 * "No known allergy" from one side and an allergy listed by the other: the allergy is a fact
 * someone recorded, the statement no longer holds.
 */
function withConsistentAllergies(content: EditorContent): EditorContent {
  if (content.allergiesNoneKnown && content.allergies.length > 0) content.allergiesNoneKnown = false;
  return content;
}

/** The merged content once the user picked a side for each conflict (the server's by default). */
export function resolveMerge(
  result: MergeResult,
  mine: EditorContent,
  picks: Readonly<Record<string, 'mine' | 'theirs'>>,
): EditorContent {
  const content = structuredClone(result.content);
  for (const conflict of result.conflicts) {
    if (picks[conflict.key] !== 'mine') continue;
    if (conflict.field) {
      setScalar(content, conflict.field, conflict.mine);
    } else if (conflict.list) {
      const list = entriesOf(content, conflict.list);
      if (conflict.mine) place(list, structuredClone(conflict.mine as Entry), entriesOf(mine, conflict.list));
      else list.splice(list.findIndex((e) => e.id === conflict.id), 1);
    }
  }
  return withConsistentAllergies(content);
}
