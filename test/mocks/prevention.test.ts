import { expect } from '@open-wc/testing';
import { HttpDmpClient } from '../../src/client/http-client.js';
import type { PreventionContent } from '../../src/model/prevention.js';
import { emptyPreventionContent } from '../../src/model/synthesis.js';
import { db } from '../../mocks/browser.js';
import { PATIENT_ADULT, PATIENT_MINOR, PREVENTION_DURAND } from '../../mocks/data/index.js';
import { failure } from '../support/failure.js';
import { onSeededBackend } from '../support/mock-backend.js';
import { historyAfterReadOfASecretList } from '../support/secret-prevention.js';

const ADULT = PATIENT_ADULT.identity.ins;
const VACCINATIONS_DOC = PREVENTION_DURAND.documents.vaccinations!;
const SCREENINGS_DOC = PREVENTION_DURAND.documents.screenings!;

function as(actorId: string, extra: Record<string, string> = {}) {
  return new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: () => ({ Authorization: `Bearer ${actorId}`, ...extra }), retry: { baseDelayMs: 1 } });
}

const newDocumentNotices = (ins: string) => db.notifications.filter((n) => n.ins === ins && n.event === 'new-document').length;

function withVaccine(content: PreventionContent, vaccine: string): PreventionContent {
  return { ...content, vaccinations: [...content.vaccinations, { id: `vac-${vaccine}`, vaccine, date: '2026-11-20' }] };
}

const logOf = (ins: string) => db.logOf(ins);

describe('mock backend: vaccinations and screenings, their own documents beside the VSM', () => {
  onSeededBackend();

  it('reads the seeded record, in one access-log line naming both documents', async () => {
    const before = logOf(ADULT).length;
    const record = (await as('ps-martin').getPrevention(ADULT))!;
    expect(record.documents).to.deep.equal({ vaccinations: VACCINATIONS_DOC, screenings: SCREENINGS_DOC });
    expect(record.content).to.deep.equal(PREVENTION_DURAND.content);
    expect(record.etag).to.be.a('string').and.not.equal('');
    const lines = logOf(ADULT).slice(before);
    expect(lines.map((l) => [l.action, l.outcome, l.target])).to.deep.equal([['document.read', 'allowed', { title: 'Historique des vaccinations, Dépistages' }]]);
  });

  it('keeps a read that names a list written under connexion secrète out of the representative’s history', async () => {
    const ins = PATIENT_MINOR.identity.ins;
    const patient = db.dossiers.get(ins)!.patientId;
    const [representative, own] = await historyAfterReadOfASecretList(as, ins, ['rep-moreau-sophie', patient]);
    expect(logOf(ins).filter((line) => line.action === 'document.read').at(-1)!.target?.title, 'the read, in one line').to.equal('Historique des vaccinations, Dépistages');
    expect(representative!.filter((title) => title.includes('vaccinations')), 'the representative is told of the secret vaccinations').to.deep.equal([]);
    expect(representative, 'the line about the screenings alone, not kept from them, is shown').to.include('Dépistages');
    // The patient, from whom nothing here is kept, sees the read.
    expect(own).to.include('Historique des vaccinations, Dépistages');
  });

  it('answers "none yet" for a dossier without one, and keeps the VSM free of prevention', async () => {
    expect(await as('ps-martin').getPrevention(PATIENT_MINOR.identity.ins)).to.equal(null);
    const synthesis = (await as('ps-martin').getSynthesis(ADULT))!;
    expect(Object.keys(synthesis.content)).not.to.include.members(['vaccinations', 'screenings']);
  });

  it('writes a new version of only the list that changed, replacing its document (XDS replacement)', async () => {
    const client = as('ps-martin');
    const current = (await client.getPrevention(ADULT))!;
    const before = logOf(ADULT).length;
    const saved = await client.savePrevention(ADULT, withVaccine(current.content, 'Grippe 2026-2027'), current.etag);
    expect(saved.version).to.equal(2);
    expect(saved.etag).not.to.equal(current.etag);
    expect(saved.documents.screenings).to.equal(SCREENINGS_DOC);
    const added = db.findDocument(ADULT, saved.documents.vaccinations!)!;
    expect(added).to.include({ typeCode: '11369-6', category: 'prevention', status: 'current', replaces: VACCINATIONS_DOC, version: 2 });
    expect(db.findDocument(ADULT, VACCINATIONS_DOC)).to.include({ status: 'replaced', replacedBy: added.id });
    expect(db.findDocument(ADULT, SCREENINGS_DOC)!.status).to.equal('current');
    const lines = logOf(ADULT).slice(before);
    expect(lines.map((l) => [l.action, l.outcome, l.target?.documentId])).to.deep.equal([['document.replace', 'allowed', added.id]]);
    expect((await client.getPrevention(ADULT))!.content.vaccinations.map((v) => v.vaccine)).to.include('Grippe 2026-2027');
  });

  it('adds the first document of a list never written, and writes a first record without If-Match', async () => {
    const ins = PATIENT_MINOR.identity.ins;
    const client = as('ps-martin');
    const content = { ...emptyPreventionContent(), screenings: [{ id: 'scr-1', label: 'Dépistage de l’amblyopie', date: '2026-11-02' }] };
    const before = logOf(ins).length;
    const saved = await client.savePrevention(ins, content, '');
    expect(saved.documents.vaccinations).to.equal(undefined);
    expect(db.findDocument(ins, saved.documents.screenings!)).to.include({ typeCode: '90767-5', category: 'prevention', version: 1 });
    expect(logOf(ins).slice(before).map((l) => [l.action, l.outcome])).to.deep.equal([['document.add', 'allowed']]);
    // A second save without If-Match could not have seen this one.
    const late = await failure(client.savePrevention(ins, content, ''));
    expect([late.kind, late.status]).to.deep.equal(['conflict', 412]);
  });

  it('refuses a save over a version someone replaced meanwhile, with theirs', async () => {
    const current = (await as('ps-martin').getPrevention(ADULT))!;
    await as('ps-martin').savePrevention(ADULT, withVaccine(current.content, 'Premier'), current.etag);
    const error = await failure(as('ps-martin').savePrevention(ADULT, withVaccine(current.content, 'Second'), current.etag));
    expect([error.kind, error.status]).to.deep.equal(['conflict', 412]);
    const theirs = error.current as { content: PreventionContent; version: number };
    expect(theirs.version).to.equal(2);
    expect(theirs.content.vaccinations.map((v) => v.vaccine)).to.include('Premier');
    expect(logOf(ADULT).at(-1)).to.include({ action: 'document.replace', outcome: 'denied', reason: 'invalid-request' });
  });

  it('lets the policy judge each write: a pharmacist may not replace the médecin traitant’s vaccination history', async () => {
    const current = (await as('ps-dubois').getPrevention(ADULT))!;
    const error = await failure(as('ps-dubois').savePrevention(ADULT, withVaccine(current.content, 'Grippe en officine'), current.etag));
    expect([error.status, error.reason]).to.deep.equal([403, 'not-author']);
    expect(db.findDocument(ADULT, VACCINATIONS_DOC)!.status).to.equal('current');
    expect(logOf(ADULT).at(-1)).to.include({ action: 'document.replace', outcome: 'denied', reason: 'not-author' });
  });

  it('refuses the patient’s side a write, shows them the lists they may see, and never tells them of the others', async () => {
    const patient = as('pat-durand-jeanne');
    const current = (await patient.getPrevention(ADULT))!;
    expect(current.content).to.deep.equal(PREVENTION_DURAND.content);
    const error = await failure(patient.savePrevention(ADULT, withVaccine(current.content, 'Par la patiente'), current.etag));
    expect(error.status).to.equal(403);
    // Kept from the patient for the month after its submission (POLICY.md).
    Object.assign(db.findDocument(ADULT, SCREENINGS_DOC)!, { invisibleToPatient: true, submittedAt: db.now().toISOString() });
    const partial = (await patient.getPrevention(ADULT))!;
    expect(partial.content).to.deep.equal({ vaccinations: PREVENTION_DURAND.content.vaccinations, screenings: [] });
    expect(partial.documents).to.deep.equal({ vaccinations: VACCINATIONS_DOC });
    expect(logOf(ADULT).at(-1)).to.include({ action: 'document.read', outcome: 'allowed' });
    expect(logOf(ADULT).at(-1)!.target?.documentId).to.equal(VACCINATIONS_DOC);
    // A write is refused for what the patient may not do, not as if the record were missing.
    const hiddenWrite = await failure(patient.savePrevention(ADULT, withVaccine(partial.content, 'Encore'), partial.etag));
    expect(hiddenWrite.status).to.equal(403);
    Object.assign(db.findDocument(ADULT, VACCINATIONS_DOC)!, { invisibleToPatient: true, submittedAt: db.now().toISOString() });
    expect(await patient.getPrevention(ADULT)).to.equal(null);
    expect(logOf(ADULT).at(-1)).to.include({ action: 'document.read', outcome: 'denied', reason: 'invisible-to-patient' });
  });

  it('tells a professional refused a document why, and does not let them write over it', async () => {
    db.findDocument(ADULT, VACCINATIONS_DOC)!.masked = true;
    const refused = await failure(as('ps-dubois').getPrevention(ADULT));
    expect([refused.status, refused.reason]).to.deep.equal([403, 'masked']);
    const write = await failure(as('ps-dubois').savePrevention(ADULT, emptyPreventionContent(), ''));
    expect([write.status, write.reason]).to.deep.equal([403, 'masked']);
    // The treating physician still reads it (POLICY.md: masking hides from others).
    expect((await as('ps-martin').getPrevention(ADULT))!.content.vaccinations).to.have.length(PREVENTION_DURAND.content.vaccinations.length);
  });

  it('keeps the patient’s mask on the new version of a masked list', async () => {
    db.findDocument(ADULT, VACCINATIONS_DOC)!.masked = true;
    const current = (await as('ps-martin').getPrevention(ADULT))!;
    const saved = await as('ps-martin').savePrevention(ADULT, withVaccine(current.content, 'Masqué'), current.etag);
    expect(db.findDocument(ADULT, saved.documents.vaccinations!)!.masked).to.equal(true);
  });

  it('forgets a list whose document the patient deleted, and changes the ETag', async () => {
    const before = (await as('ps-martin').getPrevention(ADULT))!;
    await as('pat-durand-jeanne').deleteDocument(ADULT, SCREENINGS_DOC);
    const after = (await as('ps-martin').getPrevention(ADULT))!;
    expect(after.content.screenings).to.deep.equal([]);
    expect(after.documents.screenings).to.equal(undefined);
    expect(after.etag).not.to.equal(before.etag);
  });

  it('keeps a list’s secrets on its new version, and tells the patient once for a save of both lists', async () => {
    db.findDocument(ADULT, VACCINATIONS_DOC)!.invisibleToLegalRepresentatives = true;
    const current = (await as('ps-martin').getPrevention(ADULT))!;
    const notices = newDocumentNotices(ADULT);
    const content = {
      vaccinations: withVaccine(current.content, 'Grippe 2026-2027').vaccinations,
      screenings: [...current.content.screenings, { id: 'scr-new', label: 'Frottis cervico-utérin', date: '2026-11-20' }],
    };
    const saved = await as('ps-martin').savePrevention(ADULT, content, current.etag);
    expect(db.findDocument(ADULT, saved.documents.vaccinations!)!.invisibleToLegalRepresentatives).to.equal(true);
    expect(db.findDocument(ADULT, saved.documents.screenings!)!.invisibleToLegalRepresentatives).to.equal(false);
    expect(newDocumentNotices(ADULT) - notices).to.equal(1);
  });

  it('keeps a first list written under connexion secrète from the representatives, and sends no notice', async () => {
    const ins = PATIENT_MINOR.identity.ins;
    const notices = newDocumentNotices(ins);
    const content = { ...emptyPreventionContent(), vaccinations: [{ id: 'vac-hpv', vaccine: 'HPV (Gardasil 9), 1re dose', date: '2026-11-20' }] };
    const saved = await as('ps-martin', { 'DMP-Secret': '1' }).savePrevention(ins, content, '');
    expect(db.findDocument(ins, saved.documents.vaccinations!)!.invisibleToLegalRepresentatives).to.equal(true);
    expect(newDocumentNotices(ins)).to.equal(notices);
    expect(await as('rep-moreau-sophie').getPrevention(ins)).to.equal(null);
  });

  for (const status of ['replaced', 'archived'] as const) {
    it(`treats a list whose document was ${status} through the documents route as gone: a stale save conflicts, the next one writes it anew`, async () => {
      const current = (await as('ps-martin').getPrevention(ADULT))!;
      db.findDocument(ADULT, VACCINATIONS_DOC)!.status = status;
      const documents = db.documentsOf(ADULT).length;
      const error = await failure(as('ps-martin').savePrevention(ADULT, withVaccine(current.content, 'Trop tard'), current.etag));
      expect([error.kind, error.status]).to.deep.equal(['conflict', 412]);
      expect(db.documentsOf(ADULT).length).to.equal(documents);
      const now = (await as('ps-martin').getPrevention(ADULT))!;
      expect(now.documents.vaccinations).to.equal(undefined);
      expect(now.content.vaccinations).to.deep.equal([]);
      const saved = await as('ps-martin').savePrevention(ADULT, withVaccine(now.content, 'Écrite à nouveau'), now.etag);
      expect(saved.documents.vaccinations).not.to.equal(VACCINATIONS_DOC);
      expect(db.findDocument(ADULT, saved.documents.vaccinations!)!.status).to.equal('current');
    });
  }

  it('answers a save that changes nothing with the record as it stands, writing nothing; refuses an empty first save', async () => {
    const current = (await as('ps-martin').getPrevention(ADULT))!;
    const documents = db.documentsOf(ADULT).length;
    const same = await as('ps-martin').savePrevention(ADULT, current.content, current.etag);
    expect(same.version).to.equal(current.version);
    expect(db.documentsOf(ADULT).length).to.equal(documents);
    const empty = await failure(as('ps-martin').savePrevention(PATIENT_MINOR.identity.ins, emptyPreventionContent(), ''));
    expect(empty.status).to.equal(400);
  });
});
