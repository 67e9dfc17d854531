import { CREATION_CHANNEL } from '../../policy/channels.js';
import type { Actor } from '../../model/actor.js';
import { ContactSchema, NewLegalRepresentativeSchema, type CreationChannel, type DossierCreate, type NewLegalRepresentative } from '../../model/dossier.js';
import { validateNir, type NirFailure, type NirValidation } from '../../model/nir.js';
import { PatientTraitsSchema, type InsStatus, type PatientIdentity, type Sex } from '../../model/patient.js';

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
  | { code: 'consent' };

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

function add<F extends string>(errors: FieldErrors<F>, field: F, error: FieldError): void {
  (errors[field] ??= []).push(error);
}

/** The identity as the DMP takes it, or every field's problem. */
export function checkIdentity(form: IdentityForm): { ok: true; identity: PatientIdentity } | { ok: false; errors: FieldErrors<IdentityField> } {
  const errors: FieldErrors<IdentityField> = {};
  const nir = validateNir(form.nir);
  if (!nir.ok) add(errors, 'nir', nir.reason === 'empty' ? { code: 'required' } : { code: 'nir', reason: nir.reason });
  if (form.insStatus === '') add(errors, 'insStatus', { code: 'required' });
  const candidate = {
    birthName: form.birthName.trim(),
    firstNames: form.firstNames.trim(),
    birthDate: form.birthDate,
    sex: form.sex,
    ...(form.birthPlaceCode.trim() ? { birthPlaceCode: form.birthPlaceCode.trim().toUpperCase() } : {}),
  };
  const traits = PatientTraitsSchema.safeParse(candidate);
  if (!traits.success) {
    for (const issue of traits.error.issues) {
      const field = issue.path[0] as IdentityField;
      if (errors[field]) continue;
      const empty = String((candidate as Record<string, unknown>)[field] ?? '') === '';
      add(errors, field, { code: empty ? 'required' : 'format' });
    }
  }
  if (nir.ok) {
    // A trait already wrong on its own says so first; the comparison with the NIR comes next.
    const mismatches = traitMismatches(nir, form.sex, form.birthDate);
    if (mismatches.sex && !errors.sex) errors.sex = mismatches.sex;
    if (mismatches.birthDate && !errors.birthDate) errors.birthDate = mismatches.birthDate;
  }
  if (Object.keys(errors).length > 0 || !nir.ok || !traits.success || form.insStatus === '') return { ok: false, errors };
  return { ok: true, identity: { ins: nir.nir, insStatus: form.insStatus, traits: traits.data } };
}

/** `06 12 34 56 78`, `0033 6…` or `+33 6…` → `+33612345678`; anything else is left for the schema to refuse. */
export function normalizePhone(input: string): string {
  const compact = input.replace(/[\s.\-()]/g, '');
  if (/^0\d{9}$/.test(compact)) return `+33${compact.slice(1)}`;
  if (compact.startsWith('0033')) return `+33${compact.slice(4)}`;
  return compact;
}

/** The creation request's optional parts, or every field's problem. */
export function checkDetails(
  form: DetailsForm,
  minor: boolean,
): { ok: true; value: Pick<DossierCreate, 'legalRepresentative' | 'oppositions' | 'contact'> } | { ok: false; errors: FieldErrors<DetailsField> } {
  const errors: FieldErrors<DetailsField> = {};
  let legalRepresentative: NewLegalRepresentative | undefined;
  if (minor) {
    const candidate = {
      firstName: form.representativeFirstName.trim(),
      lastName: form.representativeLastName.trim(),
      relationship: form.representativeRelationship,
    };
    const parsed = NewLegalRepresentativeSchema.safeParse(candidate);
    if (parsed.success) legalRepresentative = parsed.data;
    else {
      const fields = { firstName: 'representativeFirstName', lastName: 'representativeLastName', relationship: 'representativeRelationship' } as const;
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof typeof fields;
        if (!errors[fields[key]]) add(errors, fields[key], { code: candidate[key] === '' ? 'required' : 'format' });
      }
    }
  }
  const email = form.email.trim();
  const phone = form.phone.trim() ? normalizePhone(form.phone) : '';
  const contact = { ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
  // The creation request's own contact rules (DossierCreateSchema.contact).
  const parsedContact = ContactSchema.safeParse(contact);
  if (!parsedContact.success) {
    for (const issue of parsedContact.error.issues) {
      const field = issue.path[0] === 'phone' ? 'phone' : 'email';
      if (!errors[field]) add(errors, field, { code: 'format' });
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...(legalRepresentative ? { legalRepresentative } : {}),
      oppositions: { breakGlass: form.opposeBreakGlass, regulation: form.opposeRegulation },
      ...(email || phone ? { contact } : {}),
    },
  };
}
