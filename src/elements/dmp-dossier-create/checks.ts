import { ContactSchema, NewLegalRepresentativeSchema, type DossierCreate, type NewLegalRepresentative } from '../../model/dossier.js';
import type { Sex } from '../../model/ins.js';
import { validateNir, type NirValidation } from '../../model/nir.js';
import { PatientTraitsSchema, type PatientIdentity } from '../../model/patient.js';
import { internationalPhone } from '../../model/phone.js';
import {
  type DetailsField,
  type DetailsForm,
  type FieldError,
  type FieldErrors,
  type IdentityField,
  type IdentityForm,
} from './identity.js';

/*
 * The two steps' forms checked against the creation request's zod schemas. The element imports
 * this module when the user first enters a form, so that showing it loads no zod.
 */

function add<F extends string>(errors: FieldErrors<F>, field: F, error: FieldError): void {
  (errors[field] ??= []).push(error);
}

const SEX_OF_DIGIT: Readonly<Record<string, Sex>> = { '1': 'M', '7': 'M', '2': 'F', '8': 'F' };

/**
 * The birth place the NIR names, as the INS traits code it (the INSEE code at birth): the five
 * characters after the month — département and commune, 97x/98x and a two-digit commune, or 99
 * and a country. None where the two may lawfully differ: a provisional number, Corsica before
 * 1976 (20), 96, and 91–95 before 1968, which then meant Algeria, Morocco or Tunisia.
 */
function nirBirthPlace(nir: Extract<NirValidation, { ok: true }>, birthYear: number): string | undefined {
  const department = Number(nir.department);
  if (nir.provisional || department === 20 || department === 96) return undefined;
  if (department >= 91 && department <= 95 && !(birthYear >= 1968)) return undefined;
  return nir.nir.slice(5, 10);
}

/**
 * Where the traits contradict the NIR: its sex digit, birth year, birth month and birth place. A
 * month from 20 to 99 means the civil record has none, and an indeterminate sex matches any digit.
 */
function traitMismatches(
  nir: Extract<NirValidation, { ok: true }>,
  sex: Sex | '',
  birthDate: string,
  birthPlaceCode: string,
): FieldErrors<'sex' | 'birthDate' | 'birthPlaceCode'> {
  const errors: FieldErrors<'sex' | 'birthDate' | 'birthPlaceCode'> = {};
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
  // A year that contradicts the NIR already says what to fix, and 91–95 mean a place by the year.
  const place = birthPlaceCode.trim().toUpperCase();
  const named = errors.birthDate?.some((e) => e.code === 'mismatch-year') ? undefined : nirBirthPlace(nir, Number(date?.[1]));
  if (place && named !== undefined && place !== named) errors.birthPlaceCode = [{ code: 'mismatch-place', digits: named }];
  return errors;
}

/**
 * The identity as the DMP takes it, or every field's problem. Online, the patient or their
 * representative is not asked the INS status (`statusAsked` false), which only an identity
 * service knows: what they type, checked neither by INSi nor against an identity document, is
 * provisional (`PROV`), and online the policy does not require it qualified.
 */
export function checkIdentity(form: IdentityForm, statusAsked = true): { ok: true; identity: PatientIdentity } | { ok: false; errors: FieldErrors<IdentityField> } {
  const errors: FieldErrors<IdentityField> = {};
  const nir = validateNir(form.nir);
  if (!nir.ok) add(errors, 'nir', nir.reason === 'empty' ? { code: 'required' } : { code: 'nir', reason: nir.reason });
  const insStatus = form.insStatus || (statusAsked ? '' : 'PROV');
  if (insStatus === '') add(errors, 'insStatus', { code: 'required' });
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
    const mismatches = traitMismatches(nir, form.sex, form.birthDate, form.birthPlaceCode);
    for (const field of ['sex', 'birthDate', 'birthPlaceCode'] as const) {
      if (mismatches[field] && !errors[field]) errors[field] = mismatches[field];
    }
  }
  if (Object.keys(errors).length > 0 || !nir.ok || !traits.success || insStatus === '') return { ok: false, errors };
  return { ok: true, identity: { ins: nir.nir, insStatus, traits: traits.data } };
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
  const phone = internationalPhone(form.phone);
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
