import { internationalPhone } from '../../model/phone.js';
import type { LegalRepresentative, NotificationPreferences } from '../../model/dossier.js';
import { mayRepresent } from '../../model/relationships.js';

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

const RELATIONSHIPS: ReadonlyArray<LegalRepresentative['relationship']> = ['parent', 'guardian', 'curator', 'other'];

/** The links that may represent this patient, as the form offers them. */
export function relationshipsFor(patientIsMinor: boolean): Array<LegalRepresentative['relationship']> {
  return RELATIONSHIPS.filter((r) => mayRepresent(r, patientIsMinor));
}

/** The draft's link, or the first one offered when this patient cannot have it (a parent, for an adult). */
export function chosenRelationship(draft: RepresentativeDraft, patientIsMinor: boolean): LegalRepresentative['relationship'] {
  const offered = relationshipsFor(patientIsMinor);
  return offered.includes(draft.relationship) ? draft.relationship : offered[0]!;
}

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

/** An address as the server stores it: `06 39 98 01 99` typed is the `+33639980199` saved. */
function stored(draft: PreferencesDraft, key: 'email' | 'phone'): string {
  return key === 'phone' ? internationalPhone(draft.phone) : draft.email.trim();
}

/**
 * What was typed on `base`, moved onto `current` (a version saved meanwhile elsewhere): each value
 * the user changed (an address, one channel of one event) keeps theirs, the others take the
 * current one.
 */
export function rebasePreferences(draft: PreferencesDraft, base: PreferencesDraft, current: PreferencesDraft): PreferencesDraft {
  const pick = <T>(mine: T, from: T, theirs: T) => (mine === from ? theirs : mine);
  const channels = (event: NotificationEvent) => ({
    email: pick(draft[event].email, base[event].email, current[event].email),
    sms: pick(draft[event].sms, base[event].sms, current[event].sms),
  });
  // Compared as the server stores them: a number typed as printed is the one stored in
  // international form, an address with a space typed after it is the address.
  const unchanged = (key: 'email' | 'phone') => stored(draft, key) === stored(base, key);
  return {
    email: unchanged('email') ? current.email : draft.email,
    phone: unchanged('phone') ? current.phone : draft.phone,
    newDocument: channels('newDocument'),
    firstAccess: channels('firstAccess'),
    emergencyAccess: channels('emergencyAccess'),
  };
}

/** The addresses both the user and another screen changed, differently: the other screen's value. */
export function changedOnBothSides(draft: PreferencesDraft, base: PreferencesDraft, current: PreferencesDraft): Partial<Record<'email' | 'phone', string>> {
  const both: Partial<Record<'email' | 'phone', string>> = {};
  for (const key of ['email', 'phone'] as const) {
    const [mine, from, theirs] = [stored(draft, key), stored(base, key), stored(current, key)];
    if (mine !== from && theirs !== from && theirs !== mine) both[key] = current[key];
  }
  return both;
}


/** The typed confirmation word, forgiving case and surrounding spaces but not spelling. */
export function confirmsWith(typed: string, word: string): boolean {
  return typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();
}
