import {
  NewLegalRepresentativeSchema,
  NotificationPreferencesSchema,
  type LegalRepresentative,
  type NewLegalRepresentative,
  type NotificationPreferences,
} from '../../model/dossier.js';

/** The notification form as typed: text fields stay strings until saved. */
export interface PreferencesDraft {
  email: string;
  phone: string;
  newDocument: { email: boolean; sms: boolean };
  firstAccess: { email: boolean; sms: boolean };
  emergencyAccess: { email: boolean; sms: boolean };
}

export type NotificationEvent = 'newDocument' | 'firstAccess' | 'emergencyAccess';
export const NOTIFICATION_EVENTS: readonly NotificationEvent[] = ['newDocument', 'firstAccess', 'emergencyAccess'];

export interface RepresentativeDraft {
  firstName: string;
  lastName: string;
  relationship: LegalRepresentative['relationship'];
}

export const RELATIONSHIPS: ReadonlyArray<LegalRepresentative['relationship']> = ['parent', 'guardian', 'curator', 'other'];

export const EMPTY_REPRESENTATIVE: RepresentativeDraft = { firstName: '', lastName: '', relationship: 'parent' };

/** Which fields failed, by the name of the first path segment (`email`, `lastName`…). */
export type FieldErrors = ReadonlySet<string>;

export function preferencesDraft(preferences: NotificationPreferences): PreferencesDraft {
  return {
    email: preferences.email ?? '',
    phone: preferences.phone ?? '',
    newDocument: { ...preferences.newDocument },
    firstAccess: { ...preferences.firstAccess },
    emergencyAccess: { ...preferences.emergencyAccess },
  };
}

/**
 * People type a mobile number as printed (`06 39 98 01 01`); the API takes `+33639980101`.
 * Anything else is passed on for the schema to judge.
 */
export function normalizePhone(input: string): string | undefined {
  const compact = input.replace(/[\s.()-]/g, '');
  if (!compact) return undefined;
  return /^0\d{9}$/.test(compact) ? `+33${compact.slice(1)}` : compact;
}

function failedFields(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }>): FieldErrors {
  return new Set(issues.map((issue) => String(issue.path[0] ?? '')));
}

export function parsePreferences(draft: PreferencesDraft): { ok: true; value: NotificationPreferences } | { ok: false; fields: FieldErrors } {
  const email = draft.email.trim();
  const phone = normalizePhone(draft.phone);
  const parsed = NotificationPreferencesSchema.safeParse({
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    newDocument: draft.newDocument,
    firstAccess: draft.firstAccess,
    emergencyAccess: draft.emergencyAccess,
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fields: failedFields(parsed.error.issues) };
}

export function parseRepresentative(draft: RepresentativeDraft): { ok: true; value: NewLegalRepresentative } | { ok: false; fields: FieldErrors } {
  const parsed = NewLegalRepresentativeSchema.safeParse(draft);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fields: failedFields(parsed.error.issues) };
}

/** The typed confirmation word, forgiving case and surrounding spaces but not spelling. */
export function confirmsWith(typed: string, word: string): boolean {
  return typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();
}
