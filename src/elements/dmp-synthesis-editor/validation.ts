import { msg, str } from '@lit/localize';
import { SynthesisContentSchema, type SynthesisContent } from '../../model/synthesis.js';

/*
 * The schema is the single source of the rules; this module only names the failing field and
 * says why in the user's language (zod's own messages are English and technical).
 */

/** Why a field is refused, independent of the language it is shown in. */
export type FieldProblem =
  | { code: 'required' }
  | { code: 'date' }
  | { code: 'end-before-start' }
  | { code: 'too-long'; max: number }
  | { code: 'invalid' };

/** `list:entryId:field` for a field of an entry, the field's name for a statement. */
export function fieldKey(list: string, id: string, field: string): string {
  return `${list}:${id}:${field}`;
}

export type ValidationResult =
  | { ok: true; value: SynthesisContent; problems: ReadonlyMap<string, FieldProblem> }
  | { ok: false; problems: ReadonlyMap<string, FieldProblem> };

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
      // The schema's only refinement on entries: the end date must not precede the start.
      return { code: 'end-before-start' };
    default:
      return { code: 'invalid' };
  }
}

/** Runs the schema and maps each issue to the field it concerns (by entry id, not position). */
export function validateContent(content: SynthesisContent): ValidationResult {
  const parsed = SynthesisContentSchema.safeParse(content);
  const problems = new Map<string, FieldProblem>();
  if (parsed.success) return { ok: true, value: parsed.data, problems };
  for (const issue of parsed.error.issues as ZodIssueLike[]) {
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

/** The message shown next to the field. */
export function problemText(problem: FieldProblem): string {
  switch (problem.code) {
    case 'required':
      return msg('Champ requis', { id: 'synthesis-editor.error.required' });
    case 'date':
      return msg('Date invalide', { id: 'synthesis-editor.error.date' });
    case 'end-before-start':
      return msg('La date de fin précède la date de début.', { id: 'synthesis-editor.error.end-before-start' });
    case 'too-long':
      return msg(str`${problem.max} caractères au plus`, { id: 'synthesis-editor.error.too-long' });
    case 'invalid':
      return msg('Valeur invalide', { id: 'synthesis-editor.error.invalid' });
  }
}
