import type { LegalRepresentative, NotificationPreferences } from '../../model/dossier.js';

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
 * What was typed on `base`, moved onto `current` (a version saved meanwhile elsewhere): the
 * fields the user changed keep their value, the others take the current one.
 */
export function rebasePreferences(draft: PreferencesDraft, base: PreferencesDraft, current: PreferencesDraft): PreferencesDraft {
  // Built by preferencesDraft and edited by spreading: their keys come in the same order.
  const field = <K extends keyof PreferencesDraft>(key: K) => (JSON.stringify(draft[key]) === JSON.stringify(base[key]) ? current[key] : draft[key]);
  return {
    email: field('email'),
    phone: field('phone'),
    newDocument: field('newDocument'),
    firstAccess: field('firstAccess'),
    emergencyAccess: field('emergencyAccess'),
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

/** The typed confirmation word, forgiving case and surrounding spaces but not spelling. */
export function confirmsWith(typed: string, word: string): boolean {
  return typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();
}
