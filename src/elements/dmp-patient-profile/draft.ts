import type { PatientProfile } from '../../model/profile.js';
import type { BloodGroup, OrganDonationChoice } from '../../model/profile-fields.js';

/*
 * The form works on text as typed (a draft); the stored profile is built from it only when every
 * field passes. The draft is what survives a failed save, a reload or a session expiry.
 */

export interface AllergyDraft {
  id: string;
  agent: string;
  reaction: string;
  since: string;
}

export interface TreatmentDraft {
  id: string;
  name: string;
  dosage: string;
}

export interface ContactDraft {
  id: string;
  name: string;
  relationship: string;
  phone: string;
}

export interface ProfileDraft {
  bloodGroup: BloodGroup;
  allergiesNoneKnown: boolean;
  allergies: AllergyDraft[];
  treatments: TreatmentDraft[];
  emergencyContacts: ContactDraft[];
  trustedPerson: { name: string; relationship: string; phone: string; email: string };
  directives: { text: string; writtenOn: string };
  organDonation: { choice: OrganDonationChoice; note: string };
}

/** Where edits were kept after a failed save: on this device too, or only in the form on the page. */
export type DraftKept = 'device' | 'page';

/** Why a field is refused; the element words it in the user's language. */
export type FieldProblem =
  | 'agent-required'
  | 'treatment-required'
  | 'name-required'
  | 'relationship-required'
  | 'phone-required'
  | 'phone-invalid'
  | 'email-invalid'
  | 'date-invalid'
  | 'date-future'
  | 'directives-date-required'
  | 'allergies-conflict';

/** DOM ids of the fields; an error is keyed by the id of the field it concerns. */
export const FIELD = {
  bloodGroup: 'blood-group',
  allergiesNoneKnown: 'allergies-none-known',
  allergy: (id: string, part: 'agent' | 'reaction' | 'since') => `allergy-${id}-${part}`,
  treatment: (id: string, part: 'name' | 'dosage') => `treatment-${id}-${part}`,
  contact: (id: string, part: 'name' | 'relationship' | 'phone') => `contact-${id}-${part}`,
  trusted: (part: 'name' | 'relationship' | 'phone' | 'email') => `trusted-${part}`,
  directivesText: 'directives-text',
  directivesWrittenOn: 'directives-written-on',
  organNote: 'organ-note',
} as const;

/** The form's starting point: the stored profile, or nothing declared. */
export function draftOf(profile: PatientProfile | undefined): ProfileDraft {
  return {
    bloodGroup: profile?.bloodGroup ?? 'unknown',
    allergiesNoneKnown: profile?.allergiesNoneKnown ?? false,
    allergies: (profile?.allergies ?? []).map((a) => ({ id: a.id, agent: a.agent, reaction: a.reaction ?? '', since: a.since ?? '' })),
    treatments: (profile?.treatments ?? []).map((t) => ({ id: t.id, name: t.name, dosage: t.dosage ?? '' })),
    emergencyContacts: (profile?.emergencyContacts ?? []).map((c) => ({ ...c })),
    trustedPerson: {
      name: profile?.trustedPerson?.name ?? '',
      relationship: profile?.trustedPerson?.relationship ?? '',
      phone: profile?.trustedPerson?.phone ?? '',
      email: profile?.trustedPerson?.email ?? '',
    },
    directives: { text: profile?.advanceDirectives?.text ?? '', writtenOn: profile?.advanceDirectives?.writtenOn ?? '' },
    organDonation: { choice: profile?.organDonation.choice ?? 'undeclared', note: profile?.organDonation.note ?? '' },
  };
}

/** Whether a value read back from storage is a draft this version of the form can resume. */
export function isProfileDraft(value: unknown): value is ProfileDraft {
  const v = value as Partial<ProfileDraft> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.bloodGroup === 'string' &&
    Array.isArray(v.allergies) &&
    Array.isArray(v.treatments) &&
    Array.isArray(v.emergencyContacts) &&
    typeof v.trustedPerson === 'object' &&
    typeof v.directives === 'object' &&
    typeof v.organDonation === 'object'
  );
}
