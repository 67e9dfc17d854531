import * as z from '../../zod.js';
import {
  PatientProfileSchema,
  normalizeFrenchPhone,
  type BloodGroup,
  type OrganDonationChoice,
  type PatientProfile,
} from '../../model/profile.js';

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

/** A new entry id: stable across versions so they compare entry by entry (DECISIONS.md 4). */
export function newEntryId(prefix: string): string {
  const random = new Uint32Array(2);
  crypto.getRandomValues(random);
  return `${prefix}-${Array.from(random, (n) => n.toString(36)).join('')}`;
}

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

const EMAIL = z.email();
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function optional(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

function checkDate(value: string, today: string): FieldProblem | undefined {
  if (value === '') return undefined;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return 'date-invalid';
  return value > today ? 'date-future' : undefined;
}

export type CheckResult =
  | { ok: true; profile: PatientProfile }
  | { ok: false; problems: ReadonlyMap<string, FieldProblem> };

/**
 * Checks the draft field by field and builds the profile to store. `today` (`YYYY-MM-DD`) bounds
 * the dates; `declaredAt` stamps the version.
 */
export function checkDraft(draft: ProfileDraft, today: string, declaredAt: string): CheckResult {
  const problems = new Map<string, FieldProblem>();
  const flag = (field: string, problem: FieldProblem | undefined) => {
    if (problem && !problems.has(field)) problems.set(field, problem);
  };

  if (draft.allergiesNoneKnown && draft.allergies.length > 0) flag(FIELD.allergiesNoneKnown, 'allergies-conflict');
  for (const a of draft.allergies) {
    if (!optional(a.agent)) flag(FIELD.allergy(a.id, 'agent'), 'agent-required');
    flag(FIELD.allergy(a.id, 'since'), checkDate(a.since, today));
  }
  for (const t of draft.treatments) if (!optional(t.name)) flag(FIELD.treatment(t.id, 'name'), 'treatment-required');
  const phones = new Map<string, string>();
  for (const c of draft.emergencyContacts) {
    if (!optional(c.name)) flag(FIELD.contact(c.id, 'name'), 'name-required');
    if (!optional(c.relationship)) flag(FIELD.contact(c.id, 'relationship'), 'relationship-required');
    const phone = normalizeFrenchPhone(c.phone);
    if (!optional(c.phone)) flag(FIELD.contact(c.id, 'phone'), 'phone-required');
    else if (!phone) flag(FIELD.contact(c.id, 'phone'), 'phone-invalid');
    else phones.set(c.id, phone);
  }

  const trusted = draft.trustedPerson;
  const trustedGiven = [trusted.name, trusted.relationship, trusted.phone, trusted.email].some((v) => optional(v));
  const trustedPhone = optional(trusted.phone) ? normalizeFrenchPhone(trusted.phone) : undefined;
  if (trustedGiven) {
    if (!optional(trusted.name)) flag(FIELD.trusted('name'), 'name-required');
    if (optional(trusted.phone) && !trustedPhone) flag(FIELD.trusted('phone'), 'phone-invalid');
    const email = optional(trusted.email);
    if (email && !EMAIL.safeParse(email).success) flag(FIELD.trusted('email'), 'email-invalid');
  }

  const directivesText = optional(draft.directives.text);
  if (directivesText && draft.directives.writtenOn === '') flag(FIELD.directivesWrittenOn, 'directives-date-required');
  flag(FIELD.directivesWrittenOn, checkDate(draft.directives.writtenOn, today));

  if (problems.size > 0) return { ok: false, problems };

  const trustedName = optional(trusted.name);
  const trustedRelationship = optional(trusted.relationship);
  const trustedEmail = optional(trusted.email);
  const note = optional(draft.organDonation.note);
  const profile: PatientProfile = {
    bloodGroup: draft.bloodGroup,
    allergiesNoneKnown: draft.allergiesNoneKnown,
    allergies: draft.allergies.map((a) => {
      const reaction = optional(a.reaction);
      return { id: a.id, agent: a.agent.trim(), ...(reaction ? { reaction } : {}), ...(a.since ? { since: a.since } : {}) };
    }),
    treatments: draft.treatments.map((t) => {
      const dosage = optional(t.dosage);
      return { id: t.id, name: t.name.trim(), ...(dosage ? { dosage } : {}) };
    }),
    emergencyContacts: draft.emergencyContacts.map((c) => ({
      id: c.id,
      name: c.name.trim(),
      relationship: c.relationship.trim(),
      phone: phones.get(c.id) ?? c.phone,
    })),
    ...(trustedName
      ? {
          trustedPerson: {
            name: trustedName,
            ...(trustedRelationship ? { relationship: trustedRelationship } : {}),
            ...(trustedPhone ? { phone: trustedPhone } : {}),
            ...(trustedEmail ? { email: trustedEmail } : {}),
          },
        }
      : {}),
    ...(draft.directives.writtenOn
      ? { advanceDirectives: { ...(directivesText ? { text: directivesText } : {}), writtenOn: draft.directives.writtenOn } }
      : {}),
    organDonation: { choice: draft.organDonation.choice, ...(note ? { note } : {}) },
    declaredAt,
  };
  // The schema stays the last word: a draft restored from an older form cannot slip through.
  const parsed = PatientProfileSchema.safeParse(profile);
  return parsed.success ? { ok: true, profile: parsed.data } : { ok: false, problems };
}
