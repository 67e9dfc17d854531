import { msg, str } from '@lit/localize';
import type { EditorContent } from './entries.js';

/*
 * The schema is the single source of the rules (schema-check.ts runs it); this module names the
 * failing field and says why in the user's language (zod's own messages are English and technical).
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

/** The message shown next to the field. */
export function problemText(problem: FieldProblem): string {
  switch (problem.code) {
    case 'required':
      return msg('Champ requis');
    case 'date':
      return msg('Date invalide');
    case 'end-before-start':
      return msg('La date de fin précède la date de début.');
    case 'too-long':
      return msg(str`${problem.max} caractères au plus`);
    case 'narrative-needed':
      return msg('Requis sans pathologie, allergie ni facteur de risque saisi : dites-le ici, par exemple « Pas d’antécédent connu ».');
    case 'unpicked':
      return msg('Aucun code choisi : choisissez-en un dans la liste, ou videz le champ.');
    case 'invalid':
      return msg('Valeur invalide');
    case 'refused':
      return problem.reason;
  }
}
