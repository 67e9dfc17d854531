import type { DmpError } from '../../client/errors.js';
import { PreventionContentSchema } from '../../model/prevention.js';
import { SynthesisContentSchema, SynthesisContentToSaveSchema } from '../../model/synthesis.js';
import { splitContent, type EditorContent } from './entries.js';
import { fieldKey, type FieldProblem, type Refusal, type ValidationResult } from './validation.js';

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
  if (synthesis.success && prevention.success) return { ok: true, value: { ...synthesis.data, ...prevention.data }, problems };
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
 * The fields a server refused a save for (a 400's `invalidParams`), keyed as the form keys them.
 * A refusal names a field by its path in the body sent (`content.problems.0.label`, or as a JSON
 * pointer): an entry by its position in what was sent, which the form knows by its id. Anything
 * else refused is told by the save's message alone.
 */
export function refusedFields(error: unknown, sent: EditorContent): Map<string, Refusal> {
  const refused = new Map<string, Refusal>();
  // A field's value as text, to tell whether it changed (imports shared with the element would
  // weigh on its first load).
  const valueAt = (work: EditorContent, list: string, id: string | undefined, field: string) => {
    const holder = id === undefined ? work : (work[list as keyof EditorContent] as Array<{ id: string }> | undefined)?.find((entry) => entry.id === id);
    return JSON.stringify((holder as Record<string, unknown> | undefined)?.[field]);
  };
  const refusal = error as Partial<DmpError> | undefined;
  for (const { path, message } of refusal?.kind === 'invalid-request' ? (refusal.issues ?? []) : []) {
    const steps = path.split(/[./[\]]+/).filter(Boolean);
    if (steps[0] === 'content') steps.shift();
    const [list = '', index, field] = steps;
    let key = list;
    let id: string | undefined;
    let name = list;
    const entries = sent[list as keyof EditorContent];
    if (Array.isArray(entries)) {
      id = (entries as Array<{ id: string }>)[Number(index)]?.id;
      if (id === undefined || field === undefined) continue;
      key = fieldKey(list, id, field);
      name = field;
    } else if (steps.length !== 1) {
      continue;
    }
    const value = valueAt(sent, list, id, name);
    if (!refused.has(key)) refused.set(key, { problem: { code: 'refused', reason: message }, stands: (work) => valueAt(work, list, id, name) === value });
  }
  return refused;
}
