import type { DmpError } from '../../client/errors.js';
import { PreventionContentSchema } from '../../model/prevention.js';
import { SynthesisContentSchema, SynthesisContentToSaveSchema } from '../../model/synthesis.js';
import { ENTRY_LISTS, entriesOf, splitContent, type EditorContent, type TypedCode } from './entries.js';
import { fieldKey, type FieldProblem, type Refusal, type Refusals, type ValidationResult } from './validation.js';

/*
 * The synthesis checked against its zod schema. Only an author needs it: the editor fetches this
 * module when the user may write, apart from its first load.
 */

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  origin?: string;
  maximum?: number | bigint;
  format?: string;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const step of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[step];
  return value;
}

function problemOf(issue: ZodIssueLike, value: unknown): FieldProblem {
  const blank = value === undefined || (typeof value === 'string' && value.trim() === '');
  if (blank && issue.code !== 'custom') return { code: 'required' };
  switch (issue.code) {
    case 'too_small':
      return { code: 'required' };
    case 'too_big':
      return issue.origin === 'string' ? { code: 'too-long', max: Number(issue.maximum) } : { code: 'invalid' };
    case 'invalid_format':
      return issue.format === 'date' ? { code: 'date' } : { code: 'invalid' };
    case 'custom':
      // The refinement on entries: the end date must not precede the start. On the whole
      // content: section 1 needs text when it has no entry; the others (no known allergy, yet
      // allergies; two entries under one id, see contentOf) the editor never lets happen.
      if (issue.path.length > 1) return { code: 'end-before-start' };
      return issue.path[0] === 'narrative' ? { code: 'narrative-needed' } : { code: 'invalid' };
    default:
      return { code: 'invalid' };
  }
}

/**
 * Runs the schemas (the VSM's and the prevention record's) and maps each issue to the field it
 * concerns (by entry id, not position). Only what the save writes is held to the rules of a save
 * (`writes`): a vaccination added to a record whose VSM predates a rule asks for no VSM version,
 * and lists the user cannot see block nothing.
 */
export function validateContent(content: EditorContent, writes = { synthesis: true, prevention: true }): ValidationResult {
  const parts = splitContent(content);
  const synthesis = (writes.synthesis ? SynthesisContentToSaveSchema : SynthesisContentSchema).safeParse(parts.synthesis);
  const prevention = writes.prevention ? PreventionContentSchema.safeParse(parts.prevention) : { success: true as const, data: parts.prevention, error: undefined };
  const problems = new Map<string, FieldProblem>();
  // A CIM-10 text typed and not picked from the list (see handleComboInput): the schema drops it.
  for (const list of ENTRY_LISTS) {
    for (const entry of entriesOf(content, list)) {
      if ((entry as { code?: TypedCode }).code?.typed !== undefined) problems.set(fieldKey(list, entry.id, 'code'), { code: 'unpicked' });
    }
  }
  if (synthesis.success && prevention.success && problems.size === 0) return { ok: true, value: { ...synthesis.data, ...prevention.data }, problems };
  const issues = [...(synthesis.error?.issues ?? []), ...(prevention.error?.issues ?? [])] as ZodIssueLike[];
  for (const issue of issues) {
    const [list, index, field] = issue.path;
    const entry = typeof index === 'number' ? (valueAt(content, [list ?? '', index]) as { id?: unknown } | undefined) : undefined;
    const key =
      entry && typeof entry.id === 'string' && field !== undefined
        ? fieldKey(String(list), entry.id, String(field))
        : String(list ?? '');
    const fieldPath = field === undefined ? issue.path : issue.path.slice(0, 3);
    if (!problems.has(key)) problems.set(key, problemOf(issue, valueAt(content, fieldPath)));
  }
  return { ok: false, problems };
}

/**
 * What a server refused a save for (a 400's `invalidParams`). A refusal names a field by its path
 * in the body sent (`content.problems.0.label`, or as a JSON pointer): an entry by its position in
 * what was sent (`sent`), which the form knows by its id. It stands under the field, if the form
 * draws it (`drawn`, by key), while the field holds what was typed (`typed`: the form's content
 * when it was sent, untrimmed, as the field shows it). The reasons for anything else go beside
 * the save's error, so that none is lost.
 */
export function refusedFields(error: unknown, sent: EditorContent, typed: EditorContent, drawn: (key: string) => boolean): Refusals {
  const fields = new Map<string, Refusal>();
  const elsewhere: string[] = [];
  // A field's value as text, to tell whether it changed since.
  const fieldText = (work: EditorContent, list: string, id: string | undefined, field: string) => {
    const holder = id === undefined ? work : (work[list as keyof EditorContent] as Array<{ id: string }> | undefined)?.find((entry) => entry.id === id);
    return JSON.stringify((holder as Record<string, unknown> | undefined)?.[field]);
  };
  // Not isDmpError: this module's imports from the element's own would weigh on its first load.
  const refusal = error as Partial<DmpError> | undefined;
  for (const { path, message } of refusal?.kind === 'invalid-request' ? (refusal.issues ?? []) : []) {
    const steps = path.split(/[./[\]]+/).filter(Boolean);
    if (steps[0] === 'content') steps.shift();
    const [list = '', index, field] = steps;
    const entries = sent[list as keyof EditorContent];
    const id = Array.isArray(entries) ? (entries as Array<{ id: string }>)[Number(index)]?.id : undefined;
    const name = id === undefined ? list : field;
    const key = id === undefined ? list : name && fieldKey(list, id, name);
    if (!key || !name || (id === undefined && steps.length !== 1) || !drawn(key)) {
      elsewhere.push(message);
    } else if (!fields.has(key)) {
      const value = fieldText(typed, list, id, name);
      fields.set(key, { problem: { code: 'refused', reason: message }, stands: (work) => fieldText(work, list, id, name) === value });
    }
  }
  return { fields, elsewhere };
}
