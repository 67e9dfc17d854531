import * as z from '../zod.js';
import { DateSchema, DateTimeSchema, trimmed } from './common.js';
import { uniqueEntryIds } from './entry-ids.js';
import { BLOOD_GROUPS, FRENCH_PHONE, MAX_ALLERGIES, MAX_EMERGENCY_CONTACTS, MAX_TREATMENTS, ORGAN_DONATION_CHOICES } from './profile-fields.js';

/**
 * What the patient declares about themselves ("Mes informations"): stored as one document of
 * their own (typeCode `EXPPAT_2`, class 90, category `patient`) whose file is this object as
 * JSON. Uploaded advance directives are separate `EXPPAT_3` documents.
 */

export { DIRECTIVES_TYPE_CODE, PROFILE_TYPE_CODE } from './category.js';
export {
  BLOOD_GROUPS,
  FRENCH_PHONE,
  MAX_ALLERGIES,
  MAX_EMERGENCY_CONTACTS,
  MAX_TREATMENTS,
  ORGAN_DONATION_CHOICES,
  PROFILE_MIME_TYPE,
  normalizeFrenchPhone,
  type BloodGroup,
  type OrganDonationChoice,
} from './profile-fields.js';

export const BloodGroupSchema = z.enum(BLOOD_GROUPS);

const EntryIdSchema = z.string().check(z.minLength(1), z.maxLength(64));
const optionalText = (max: number) => z.optional(trimmed(1, max));
const PhoneSchema = z.string().check(z.regex(FRENCH_PHONE));

export const DeclaredAllergySchema = z.object({
  id: EntryIdSchema,
  /** The substance, food or drug. */
  agent: trimmed(1, 200),
  reaction: optionalText(500),
  since: z.optional(DateSchema),
});
export type DeclaredAllergy = z.infer<typeof DeclaredAllergySchema>;

export const DeclaredTreatmentSchema = z.object({
  id: EntryIdSchema,
  name: trimmed(1, 200),
  dosage: optionalText(200),
});
export type DeclaredTreatment = z.infer<typeof DeclaredTreatmentSchema>;

export const EmergencyContactSchema = z.object({
  id: EntryIdSchema,
  name: trimmed(1, 150),
  relationship: trimmed(1, 100),
  phone: PhoneSchema,
});
export type EmergencyContact = z.infer<typeof EmergencyContactSchema>;

/** The personne de confiance (CSP L1111-6). */
export const TrustedPersonSchema = z.object({
  name: trimmed(1, 150),
  relationship: optionalText(100),
  phone: z.optional(PhoneSchema),
  email: z.optional(z.email().check(z.maxLength(254))),
});
export type TrustedPerson = z.infer<typeof TrustedPersonSchema>;

/** Directives anticipées written in the profile itself; an uploaded file is an `EXPPAT_3` document. */
export const AdvanceDirectivesSchema = z.object({
  text: optionalText(10_000),
  writtenOn: DateSchema,
});
export type AdvanceDirectives = z.infer<typeof AdvanceDirectivesSchema>;

export const OrganDonationSchema = z.object({
  choice: z.enum(ORGAN_DONATION_CHOICES),
  note: optionalText(1000),
});
export type OrganDonation = z.infer<typeof OrganDonationSchema>;

export const PatientProfileSchema = z
  .object({
    bloodGroup: BloodGroupSchema,
    allergies: z.array(DeclaredAllergySchema).check(z.maxLength(MAX_ALLERGIES)),
    /** "No allergy known" is a statement, not an empty list (DOMAIN.md). */
    allergiesNoneKnown: z.boolean(),
    treatments: z.array(DeclaredTreatmentSchema).check(z.maxLength(MAX_TREATMENTS)),
    emergencyContacts: z.array(EmergencyContactSchema).check(z.maxLength(MAX_EMERGENCY_CONTACTS)),
    trustedPerson: z.optional(TrustedPersonSchema),
    advanceDirectives: z.optional(AdvanceDirectivesSchema),
    organDonation: OrganDonationSchema,
    /** When the patient (or their representative) saved this version. */
    declaredAt: DateTimeSchema,
  })
  .check(
    z.refine((p) => !(p.allergiesNoneKnown && p.allergies.length > 0), {
      message: 'Aucune allergie connue, mais des allergies sont listées.',
      path: ['allergiesNoneKnown'],
    }),
    uniqueEntryIds(['allergies', 'treatments', 'emergencyContacts']),
  );
export type PatientProfile = z.infer<typeof PatientProfileSchema>;

export type ParsedProfile = { ok: true; profile: PatientProfile } | { ok: false; issues: Array<{ path: string; message: string }> };

/** The content of an `EXPPAT_2` document: JSON checked against the schema, never trusted. */
export function parseProfileText(text: string): ParsedProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, issues: [{ path: '', message: 'not JSON' }] };
  }
  const parsed = PatientProfileSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, profile: parsed.data }
    : { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}
