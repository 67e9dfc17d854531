import { CREATION_CHANNEL } from '../../policy/channels.js';
import type { Actor } from '../../model/actor.js';
import type { CreationChannel, NewLegalRepresentative } from '../../model/dossier.js';
import type { InsStatus, Sex } from '../../model/ins.js';
import type { NirFailure, NirValidation } from '../../model/nir.js';

/** What the user typed in the identification step, as typed. */
export interface IdentityForm {
  nir: string;
  insStatus: InsStatus | '';
  birthName: string;
  firstNames: string;
  birthDate: string;
  sex: Sex | '';
  birthPlaceCode: string;
}

export type IdentityField = keyof IdentityForm;

/** What the user typed in the creation step. */
export interface DetailsForm {
  consent: boolean;
  representativeFirstName: string;
  representativeLastName: string;
  representativeRelationship: NewLegalRepresentative['relationship'] | '';
  opposeBreakGlass: boolean;
  opposeRegulation: boolean;
  email: string;
  phone: string;
}

export type DetailsField = 'consent' | 'representativeFirstName' | 'representativeLastName' | 'representativeRelationship' | 'email' | 'phone';

/** A field's problem as a code, so its words follow the locale. */
export type FieldError =
  | { code: 'required' }
  | { code: 'format' }
  | { code: 'nir'; reason: NirFailure }
  | { code: 'mismatch-sex'; digit: string }
  | { code: 'mismatch-year'; digits: string }
  | { code: 'mismatch-month'; digits: string }
  | { code: 'consent' }
  /** Refused by the server, in its own words. */
  | { code: 'server'; message: string };

export type FieldErrors<F extends string> = Partial<Record<F, FieldError[]>>;

export const EMPTY_IDENTITY: IdentityForm = {
  nir: '',
  insStatus: '',
  birthName: '',
  firstNames: '',
  birthDate: '',
  sex: '',
  birthPlaceCode: '',
};

export const EMPTY_DETAILS: DetailsForm = {
  consent: false,
  representativeFirstName: '',
  representativeLastName: '',
  representativeRelationship: '',
  opposeBreakGlass: false,
  opposeRegulation: false,
  email: '',
  phone: '',
};

/** The creation channel `decide` expects for an actor; none for actors the law keeps out. */
export function creationChannel(actor: Actor): CreationChannel | undefined {
  return actor.kind in CREATION_CHANNEL ? CREATION_CHANNEL[actor.kind as keyof typeof CREATION_CHANNEL] : undefined;
}

const SEX_OF_DIGIT: Readonly<Record<string, Sex>> = { '1': 'M', '7': 'M', '2': 'F', '8': 'F' };

/**
 * Where the traits contradict the NIR: its sex digit, birth year and birth month. A month from 20
 * to 99 means the civil record has none, and an indeterminate sex matches any digit.
 */
export function traitMismatches(nir: Extract<NirValidation, { ok: true }>, sex: Sex | '', birthDate: string): FieldErrors<'sex' | 'birthDate'> {
  const errors: FieldErrors<'sex' | 'birthDate'> = {};
  if (sex === 'M' || sex === 'F') {
    if (SEX_OF_DIGIT[nir.sex] !== sex) errors.sex = [{ code: 'mismatch-sex', digit: nir.sex }];
  }
  const date = /^(\d{4})-(\d{2})-\d{2}$/.exec(birthDate);
  if (date) {
    const dateErrors: FieldError[] = [];
    if (date[1]!.slice(2) !== nir.birthYear) dateErrors.push({ code: 'mismatch-year', digits: nir.birthYear });
    if (Number(nir.birthMonth) <= 12 && date[2] !== nir.birthMonth) dateErrors.push({ code: 'mismatch-month', digits: nir.birthMonth });
    if (dateErrors.length > 0) errors.birthDate = dateErrors;
  }
  return errors;
}

/** `06 12 34 56 78`, `0033 6…` or `+33 6…` → `+33612345678`; anything else is left for the schema to refuse. */
export function normalizePhone(input: string): string {
  const compact = input.replace(/[\s.\-()]/g, '');
  if (/^0\d{9}$/.test(compact)) return `+33${compact.slice(1)}`;
  if (compact.startsWith('0033')) return `+33${compact.slice(4)}`;
  return compact;
}
