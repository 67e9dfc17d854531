import { ContactSchema, NewLegalRepresentativeSchema, type DossierCreate, type NewLegalRepresentative } from '../../model/dossier.js';
import { validateNir } from '../../model/nir.js';
import { PatientTraitsSchema, type PatientIdentity } from '../../model/patient.js';
import {
  normalizePhone,
  traitMismatches,
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
