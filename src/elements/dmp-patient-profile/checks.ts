import { PROFILE_TYPE_CODE } from '../../model/category.js';
import { TYPE_CODE_LABELS } from '../../model/document-types.js';
import { PatientProfileSchema, normalizeFrenchPhone, type PatientProfile } from '../../model/profile.js';
import * as z from '../../zod.js';
import { FIELD, type FieldProblem, type ProfileDraft } from './draft.js';

/*
 * The draft checked field by field against the profile's zod schema, and the stored content read
 * back through it. The element fetches this module once it is on the page, apart from its first
 * load.
 */

export { parseProfileText } from '../../model/profile.js';
export { RetryKey } from '../base/retry-key.js';

/** The title a saved declaration carries: its type's (the type table comes with the checks, not the first load). */
export const PROFILE_TITLE = TYPE_CODE_LABELS[PROFILE_TYPE_CODE] ?? 'Informations de l’usager';

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
