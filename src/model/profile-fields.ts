/*
 * The fields of the patient's declared information that need no schema: what the form offers and
 * how it formats, so that showing it loads no zod. The schemas are in profile.ts.
 */

/**
 * The profile's file type. `text/plain` is among the types every DMP gateway accepts; the
 * content is JSON nonetheless, and is read as such.
 */
export const PROFILE_MIME_TYPE = 'text/plain';

export const BLOOD_GROUPS = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-', 'unknown'] as const;
export type BloodGroup = (typeof BLOOD_GROUPS)[number];

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
