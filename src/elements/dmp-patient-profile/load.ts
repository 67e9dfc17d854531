import type { DmpClient, RequestOptions } from '../../client/types.js';
import type { DmpDocument } from '../../model/document.js';
import { lazyModule } from '../../client/lazy-module.js';
import type { ParsedProfile, PatientProfile } from '../../model/profile.js';
import { listPatientDocuments } from '../base/patient-documents.js';
import { sameValue } from '../base/same-value.js';

/**
 * The profile's schema checks, and zod with them: apart from the element's first load, fetched
 * as soon as it is on the page (the content it reads goes through them).
 */
export const loadChecks = lazyModule(() => import('./checks.js'), 'The profile checks', 'checkDraft');

export type ProfileContent = ParsedProfile;

/**
 * Reads and checks the stored profile. Content that is not the expected JSON is reported with
 * its issues rather than shown: a wrong blood group is worse than none.
 */
export async function readProfile(client: DmpClient, ins: string, doc: DmpDocument, options: RequestOptions): Promise<ProfileContent> {
  const [{ parseProfileText }, content] = await Promise.all([loadChecks(), client.getDocumentContent(ins, doc.id, options)]);
  return parseProfileText(await content.text());
}

/**
 * The declaration a save answered unreadably (a 2xx failing its schema) most likely made: the
 * current one, when it is newer than the one replaced and holds exactly what was sent. Undefined
 * when that cannot be told.
 */
export async function savedDespite(
  client: DmpClient,
  ins: string,
  sent: PatientProfile,
  replaced: DmpDocument | undefined,
  signal: AbortSignal,
): Promise<DmpDocument | undefined> {
  const { profile: current } = await listPatientDocuments(client, ins, { signal }).catch(() => ({ profile: undefined }));
  if (!current || current.id === replaced?.id) return undefined;
  const stored = await readProfile(client, ins, current, { signal }).catch(() => undefined);
  return stored?.ok && sameValue(stored.profile, sent) ? current : undefined;
}
