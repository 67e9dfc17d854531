import type { DmpIssue } from '../../client/errors.js';
import type { DmpClient, RequestOptions } from '../../client/types.js';
import type { DmpDocument } from '../../model/document.js';
import { DIRECTIVES_TYPE_CODE, PROFILE_TYPE_CODE, PatientProfileSchema, type PatientProfile } from '../../model/profile.js';
import type { PolicyDocumentInput } from '../../policy/types.js';

/** A document of the patient's own that does not exist yet, for questions asked before it does. */
export function newPatientDocument(typeCode: string): PolicyDocumentInput {
  return { category: 'patient', typeCode, masked: false, invisibleToPatient: false, invisibleToLegalRepresentatives: false };
}

export interface PatientDocuments {
  /** The current declared-information document, the newest if several are current. */
  profile: DmpDocument | undefined;
  /** The current uploaded directives, newest first. */
  directives: DmpDocument[];
}

/** The patient's current own documents this element shows (one query, category `patient`). */
export async function listPatientDocuments(client: DmpClient, ins: string, options: RequestOptions): Promise<PatientDocuments> {
  const list = await client.listDocuments(ins, { category: 'patient', status: 'current', limit: 100 }, options);
  const current = list.items
    .filter((d) => d.status === 'current')
    .sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0));
  return {
    profile: current.find((d) => d.typeCode === PROFILE_TYPE_CODE),
    directives: current.filter((d) => d.typeCode === DIRECTIVES_TYPE_CODE),
  };
}

export type ProfileContent = { ok: true; profile: PatientProfile } | { ok: false; issues: DmpIssue[] };

/**
 * Reads and checks the stored profile. Content that is not the expected JSON is reported with
 * its issues rather than shown: a wrong blood group is worse than none.
 */
export async function readProfile(client: DmpClient, ins: string, doc: DmpDocument, options: RequestOptions): Promise<ProfileContent> {
  const text = await (await client.getDocumentContent(ins, doc.id, options)).text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, issues: [{ path: '', message: 'not JSON' }] };
  }
  const parsed = PatientProfileSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, profile: parsed.data }
    : { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}
