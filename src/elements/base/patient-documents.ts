import { DmpError } from '../../client/errors.js';
import type { DmpClient, RequestOptions } from '../../client/types.js';
import { DIRECTIVES_TYPE_CODE, PROFILE_TYPE_CODE } from '../../model/category.js';
import type { DmpDocument } from '../../model/document.js';

export interface PatientDocuments {
  /** The current declared-information document, the newest if several are current. */
  profile: DmpDocument | undefined;
  /** The current uploaded directives, newest first. */
  directives: DmpDocument[];
  /** For a professional, what the dossier keeps from them, by reason: the whole dossier's, not only the patient's own documents. */
  hidden: Record<string, number> | undefined;
}

/**
 * The patient's current own documents (category `patient`), every page of them: an old
 * directives file missed would be offered again as a first one, and a declaration behind a hundred
 * newer notes would go unshown.
 */
export async function listPatientDocuments(client: DmpClient, ins: string, options: RequestOptions): Promise<PatientDocuments> {
  const query = { category: 'patient', status: 'current', limit: 1000 } as const;
  const list = await client.listDocuments(ins, query, options);
  const items = [...list.items];
  const read = new Set<string>();
  for (let cursor = list.nextCursor; cursor; ) {
    // A server whose cursor leads back to a page already read would be read for ever.
    if (read.has(cursor)) throw new DmpError('invalid-response', 'Cursor read twice');
    read.add(cursor);
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
