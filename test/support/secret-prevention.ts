import type { DmpClient } from '../../src/client/types.js';
import { emptyPreventionContent } from '../../src/model/synthesis.js';

type ClientAs = (actorId: string, extra?: Record<string, string>) => DmpClient;

/**
 * Dr Lefebvre writes the screenings of `ins` (a minor's dossier), then a vaccination under
 * connexion secrète, then reads both lists outside it: one history line that names a document
 * kept from the representatives. Resolves with the titles of the history each reader is shown.
 */
export async function historyAfterReadOfASecretList(as: ClientAs, ins: string, readers: readonly string[]): Promise<string[][]> {
  const screenings = { ...emptyPreventionContent(), screenings: [{ id: 'scr-vue', label: 'Dépistage visuel', date: '2026-11-02' }] };
  const first = await as('ps-lefebvre').savePrevention(ins, screenings, '');
  const vaccination = { id: 'vac-hpv', vaccine: 'HPV (Gardasil 9), 1re dose', date: '2026-11-20' };
  await as('ps-lefebvre', { 'DMP-Secret': '1' }).savePrevention(ins, { ...first.content, vaccinations: [vaccination] }, first.etag);
  await as('ps-lefebvre').getPrevention(ins);
  return Promise.all(readers.map(async (reader) => (await as(reader).listAccessLog(ins, { limit: 100 })).items.map((entry) => entry.target?.title ?? '')));
}
