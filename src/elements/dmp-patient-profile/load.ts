import type { DmpClient, RequestOptions } from '../../client/types.js';
import type { DmpDocument } from '../../model/document.js';
import { lazyModule } from '../../client/lazy-module.js';
import { DIRECTIVES_TYPE_CODE, PROFILE_TYPE_CODE } from '../../model/category.js';
import type { ParsedProfile, PatientProfile } from '../../model/profile.js';
import { sameValue } from '../base/same-value.js';

/**
 * The profile's schema checks, and zod with them: apart from the element's first load, fetched
 * as soon as it is on the page (the content it reads goes through them).
 */
export const loadChecks = lazyModule(() => import('./checks.js'), 'The profile checks');

export interface PatientDocuments {
  /** The current declared-information document, the newest if several are current. */
  profile: DmpDocument | undefined;
  /** The current uploaded directives, newest first. */
  directives: DmpDocument[];
  /** For a professional, the patient's documents kept from them, by reason (masked…). */
  hidden: Record<string, number> | undefined;
}

/**
 * The patient's current own documents this element shows (category `patient`), every page of
 * them: an old directives file missed would be offered again as a first one.
 */
export async function listPatientDocuments(client: DmpClient, ins: string, options: RequestOptions): Promise<PatientDocuments> {
  const query = { category: 'patient', status: 'current', limit: 1000 } as const;
  const list = await client.listDocuments(ins, query, options);
  const items = [...list.items];
  for (let cursor = list.nextCursor; cursor; ) {
    const page = await client.listDocuments(ins, { ...query, cursor }, options);
    items.push(...page.items);
    cursor = page.nextCursor;
  }
  const current = items
    .filter((d) => d.status === 'current')
    .sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0));
  return {
    profile: current.find((d) => d.typeCode === PROFILE_TYPE_CODE),
    directives: current.filter((d) => d.typeCode === DIRECTIVES_TYPE_CODE),
    hidden: list.hidden,
  };
}

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
