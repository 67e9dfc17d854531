import { undefinedIfNotFound } from '../../client/errors.js';
import { lazyModule } from '../../client/lazy-module.js';
import type { DmpClient, RequestOptions } from '../../client/types.js';
import { listPatientDocuments } from '../base/patient-documents.js';
import type { Declared } from './recap.js';

/** The parser (and zod with it) loads only when there is a declaration to read. */
const loadProfileParser = lazyModule(() => import('../../model/profile.js'), 'The profile parser', 'parseProfileText');

/**
 * The patient's current declaration, read and checked. Every page of their own documents is
 * searched for it: behind a hundred newer notes, it must still be found.
 */
export async function readDeclared(client: DmpClient, ins: string, options: RequestOptions): Promise<Declared> {
  const doc = (await listPatientDocuments(client, ins, options)).profile;
  if (!doc) return { kind: 'none' };
  const blob = await undefinedIfNotFound(() => client.getDocumentContent(ins, doc.id, options));
  if (!blob) return { kind: 'none' };
  const { parseProfileText } = await loadProfileParser();
  const parsed = parseProfileText(await blob.text());
  return parsed.ok ? { kind: 'profile', profile: parsed.profile } : { kind: 'unreadable' };
}
