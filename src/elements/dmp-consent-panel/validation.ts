import { internationalPhone } from '../../model/phone.js';
import {
  DossierCloseSchema,
  NewLegalRepresentativeSchema,
  NotificationPreferencesSchema,
  type NewLegalRepresentative,
  type NotificationPreferences,
} from '../../model/dossier.js';
import { type FieldErrors, type PreferencesDraft, type RepresentativeDraft } from './forms.js';

/*
 * The panel's forms checked against their zod schemas. The panel imports this module when a form
 * is first submitted, so that showing the panel loads no zod.
 */

function failedFields(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }>): FieldErrors {
  return new Set(issues.map((issue) => String(issue.path[0] ?? '')));
}

export function parsePreferences(draft: PreferencesDraft): { ok: true; value: NotificationPreferences } | { ok: false; fields: FieldErrors } {
  const email = draft.email.trim();
  const phone = internationalPhone(draft.phone);
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

/** The reason given for closing the dossier, trimmed, or undefined when it does not fit. */
export function parseCloseReason(reason: string): string | undefined {
  const parsed = DossierCloseSchema.safeParse({ reason });
  return parsed.success ? parsed.data.reason : undefined;
}
