import * as z from '../zod.js';
import { DateSchema, DateTimeSchema, trimmed } from './common.js';

/**
 * What the patient declares about themselves ("Mes informations"): stored as one document of
 * their own (typeCode `EXPPAT_2`, class 90, category `patient`) whose file is this object as
 * JSON. Uploaded advance directives are separate `EXPPAT_3` documents.
 */

export { DIRECTIVES_TYPE_CODE, PROFILE_TYPE_CODE } from './category.js';
/**
 * The profile's file type. `text/plain` is among the types every DMP gateway accepts; the
 * content is JSON nonetheless, and is read as such.
 */
export const PROFILE_MIME_TYPE = 'text/plain';

export const BLOOD_GROUPS = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-', 'unknown'] as const;
export const BloodGroupSchema = z.enum(BLOOD_GROUPS);
export type BloodGroup = z.infer<typeof BloodGroupSchema>;

export const ORGAN_DONATION_CHOICES = ['accept', 'refuse', 'undeclared'] as const;
export type OrganDonationChoice = (typeof ORGAN_DONATION_CHOICES)[number];

export const MAX_ALLERGIES = 50;
export const MAX_TREATMENTS = 50;
export const MAX_EMERGENCY_CONTACTS = 5;

/** Metropolitan and overseas numbers as `0X XX XX XX XX` (the form the profile stores). */
export const FRENCH_PHONE = /^0[1-9](?: \d{2}){4}$/;

/**
 * A French phone number as people type it — `06 12 34 56 78`, `06.12.34.56.78`,
 * `+33 6 12 34 56 78`, `0033612345678` — in the stored form, or undefined when it is none.
 */
export function normalizeFrenchPhone(input: string): string | undefined {
  const compact = input.replace(/[\s.\-()]/g, '');
  const match = /^(?:\+33|0033|0)([1-9]\d{8})$/.exec(compact);
  if (!match?.[1]) return undefined;
  const digits = `0${match[1]}`;
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}

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

interface EntryLists {
  allergies: ReadonlyArray<{ id: string }>;
  treatments: ReadonlyArray<{ id: string }>;
  emergencyContacts: ReadonlyArray<{ id: string }>;
}

function uniqueEntryIds(p: EntryLists): boolean {
  const ids = [...p.allergies, ...p.treatments, ...p.emergencyContacts].map((e) => e.id);
  return new Set(ids).size === ids.length;
}

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
    z.refine(uniqueEntryIds, { message: 'Identifiants d’entrée en double.', path: ['allergies'] }),
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
