import type { EditorContent } from './entries.js';

/*
 * The schema is the single source of the rules (schema-check.ts runs it); this module names the
 * failing field and why, which the editor (edit-view.ts) says in the user's language (zod's own
 * messages are English and technical).
 */

/** Why a field is refused, independent of the language it is shown in. */
export type FieldProblem =
  | { code: 'required' }
  | { code: 'date' }
  | { code: 'end-before-start' }
  | { code: 'too-long'; max: number }
  | { code: 'narrative-needed' }
  | { code: 'unpicked' }
  | { code: 'invalid' }
  | { code: 'refused'; reason: string };

/**
 * A server's refusal of a field (a 400's `invalidParams`), in its words: it stands under the field
 * while the field holds the value refused.
 */
export interface Refusal {
  readonly problem: FieldProblem;
  stands(work: EditorContent): boolean;
}

/** What a server refused a save for: the fields the form draws, and the reasons for the rest. */
export interface Refusals {
  readonly fields: ReadonlyMap<string, Refusal>;
  readonly elsewhere: readonly string[];
}

/** `list:entryId:field` for a field of an entry, the field's name for a statement. */
export function fieldKey(list: string, id: string, field: string): string {
  return `${list}:${id}:${field}`;
}

export type ValidationResult =
  | { ok: true; value: EditorContent; problems: ReadonlyMap<string, FieldProblem> }
  | { ok: false; problems: ReadonlyMap<string, FieldProblem> };
