import { expect } from '@open-wc/testing';
import { HttpDmpClient } from '../../src/client/http-client.js';
import type { DocumentQuery } from '../../src/model/document.js';
import type { DossierCreate } from '../../src/model/dossier.js';
import { emptySynthesisContent } from '../../src/model/synthesis.js';
import { API_PREFIX } from '../../src/model/routes.js';
import { EMERGENCY_GRANT_DURATION_MS } from '../../src/policy/index.js';
import { db } from '../../mocks/browser.js';
import {
  PATIENT_ADULT,
  PATIENT_CLOSED,
  PATIENT_LARGE,
  PATIENT_MASKED,
  PATIENT_MINOR,
  PATIENT_NO_DOSSIER,
  PATIENT_OPPOSED,
  DR_BERNARD_CARDIOLOGUE,
  DR_ROUSSEL_PSYCHIATRE,
  SAMU_REGULATOR_GIRARD,
  SEED_NOW,
} from '../../mocks/data/index.js';
import { failure } from '../support/failure.js';
import { searchesAround } from '../support/hidden-probes.js';
import { onSeededBackend } from '../support/mock-backend.js';

const ADULT = PATIENT_ADULT.identity.ins;

/** A client acting as one seeded actor, as the provider would build it. */
function as(actorId: string, extra: Record<string, string> = {}) {
  return new HttpDmpClient({
    baseUrl: '/api/dmp/v1',
    headers: () => ({ Authorization: `Bearer ${actorId}`, ...extra }),
    retry: { baseDelayMs: 1 },
  });
}

/** A GET as one seeded actor, to see the answer as it is on the wire. */
function rawGet(actorId: string, path: string): Promise<Response> {
  return fetch(`/api/dmp/v1${path}`, { headers: { Authorization: `Bearer ${actorId}` } });
}

/** A save of the synthesis as one seeded actor, with If-Match as given: none when undefined. */
function rawSaveSynthesis(actorId: string, ins: string, ifMatch: string | undefined): Promise<Response> {
  return fetch(`/api/dmp/v1/dossiers/${ins}/synthesis`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${actorId}`, 'Content-Type': 'application/json', ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }) },
    body: JSON.stringify({ content: { ...emptySynthesisContent(), allergiesNoneKnown: true } }),
  });
}

const logOf = (ins: string) => db.logOf(ins);
const lastLog = (ins: string) => logOf(ins)[logOf(ins).length - 1]!;

describe('mock reference backend', () => {
  onSeededBackend();

  describe('identity and logging', () => {
    it('refuses an unknown caller with 401', async () => {
      const error = await failure(as('nobody').getDossier(ADULT));
      expect(error.status).to.equal(401);
    });

    it('writes exactly one access-log entry per request, allowed or denied, with actor, action, mode and outcome', async () => {
      const before = logOf(ADULT).length;
      await as('ps-martin').listDocuments(ADULT);
      await failure(as('ps-renard').listDocuments(ADULT));
      expect(logOf(ADULT).length).to.equal(before + 2);
      const [allowed, denied] = logOf(ADULT).slice(-2);
      expect(allowed).to.deep.include({ action: 'document.list', mode: 'normal', outcome: 'allowed', reason: 'allowed', secret: false });
      expect(allowed!.actor).to.include({ kind: 'professional', rpps: '10003456786', profession: '10' });
      expect(denied).to.deep.include({ action: 'document.list', outcome: 'denied', reason: 'blocked' });
    });

    it('never lets an occupational physician or an insurer in, and logs the refusal', async () => {
      for (const id of ['occ-med', 'insurer-mutuelle']) {
        const error = await failure(as(id).listDocuments(ADULT));
        expect(error.kind).to.equal('forbidden');
        expect(error.reason).to.equal('never-authorized-actor');
        expect(lastLog(ADULT).outcome).to.equal('denied');
      }
    });
  });

  describe('documents', () => {
    it('lists newest first and lets the médecin traitant see everything but the attestation de résidence', async () => {
      const list = await as('ps-martin').listDocuments(ADULT, { limit: 1000 });
      const dates = list.items.map((d) => d.serviceStart);
      expect(dates).to.deep.equal([...dates].sort().reverse());
      expect(list.items.some((d) => d.typeCode === 'ATTEST-RESID')).to.equal(false);
      expect(list.hidden?.['profession-not-permitted'] ?? 0).to.be.greaterThan(0);
    });

    it('hides from a pharmacist what the matrix forbids, with counts by reason but no detail', async () => {
      const doctor = await as('ps-martin').listDocuments(ADULT, { limit: 1000 });
      const pharmacist = await as('ps-dubois').listDocuments(ADULT, { limit: 1000 });
      expect(pharmacist.items.some((d) => d.category === 'imaging')).to.equal(false);
      expect(pharmacist.items.some((d) => d.category === 'administrative')).to.equal(false);
      const hiddenCount = Object.values(pharmacist.hidden ?? {}).reduce((a, b) => a + b, 0);
      expect(pharmacist.total! + hiddenCount).to.equal(doctor.total! + Object.values(doctor.hidden ?? {}).reduce((a, b) => a + b, 0));
      expect(pharmacist.hidden!['profession-not-permitted']).to.be.greaterThan(0);
    });

    it('tells how many documents are hidden in the whole dossier, whatever the search: a count that followed it would say what a masked one is', async () => {
      const pharmacist = as('ps-dubois');
      const target = db.documentsOf(ADULT).find((d) => d.status === 'current' && d.category === 'biology' && !d.masked && d.author.rpps !== '10007025645')!;
      await as(PATIENT_ADULT.id).updateDocument(ADULT, target.id, { masked: true });
      const forbidden = db.documentsOf(ADULT).filter((d) => d.status !== 'deleted' && (d.category === 'imaging' || d.category === 'administrative'));
      const hidden = async (query: DocumentQuery) => (await pharmacist.listDocuments(ADULT, { limit: 1000, ...query })).hidden;
      const whole = await hidden({});
      expect(whole!['profession-not-permitted']).to.equal(forbidden.length);
      expect(whole!.masked).to.be.greaterThan(0);
      for (const query of [...searchesAround(target), { category: 'imaging' } as const]) expect(await hidden(query), JSON.stringify(query)).to.deep.equal(whole);
      expect((await pharmacist.latestDocuments(ADULT)).hidden).to.deep.equal(whole);
      expect((await pharmacist.latestDocuments(ADULT, { categories: ['biology'] })).hidden).to.deep.equal(whole);
    });

    it('adds a document sent again under its Idempotency-Key once, refuses the key for another file, and adds twice what comes without one', async () => {
      const martin = as('ps-martin');
      const metadata = { title: 'Compte rendu de consultation', typeCode: '11488-4', serviceStart: SEED_NOW } as const;
      const file = (text: string) => new Blob([text], { type: 'application/pdf' });
      const titled = () => db.documentsOf(ADULT).filter((d) => d.title === metadata.title && d.submittedAt === SEED_NOW);
      const before = titled().length;
      const notices = () => db.notifications.filter((n) => n.ins === ADULT && n.event === 'new-document').length;
      const noticesBefore = notices();
      const first = await martin.addDocument(ADULT, metadata, file('%PDF-1 a'), { idempotencyKey: 'upload-1' });
      const again = await martin.addDocument(ADULT, metadata, file('%PDF-1 a'), { idempotencyKey: 'upload-1' });
      expect(again.id).to.equal(first.id);
      expect(titled()).to.have.length(before + 1);
      expect(notices() - noticesBefore, 'the patient is told of one document twice').to.equal(1);
      expect(logOf(ADULT).slice(-2).map((e) => [e.action, e.outcome, e.target?.documentId])).to.deep.equal([
        ['document.add', 'allowed', first.id],
        ['document.add', 'allowed', first.id],
      ]);
      const other = await failure(martin.addDocument(ADULT, metadata, file('%PDF-1 b'), { idempotencyKey: 'upload-1' }));
      expect(other.status).to.equal(422);
      // Another caller's key is theirs alone.
      expect((await as('ps-bernard').addDocument(ADULT, metadata, file('%PDF-1 a'), { idempotencyKey: 'upload-1' })).id).to.not.equal(first.id);
      await martin.addDocument(ADULT, metadata, file('%PDF-1 a'));
      await martin.addDocument(ADULT, metadata, file('%PDF-1 a'));
      expect(titled()).to.have.length(before + 4);
    });

    it('keeps one declaration of the patient’s information current: a second first one is refused, logged, until it replaces the first', async () => {
      const minor = PATIENT_MINOR.identity.ins;
      const representative = as('rep-moreau-sophie');
      const declaration = (blood: string) => new Blob([JSON.stringify({ bloodGroup: blood })], { type: 'text/plain' });
      const metadata = { title: 'Informations de l’usager', typeCode: 'EXPPAT_2', serviceStart: SEED_NOW } as const;
      const first = await representative.addDocument(minor, metadata, declaration('O+'));
      const second = await failure(representative.addDocument(minor, metadata, declaration('A-')));
      expect([second.kind, second.status]).to.deep.equal(['conflict', 409]);
      expect(lastLog(minor)).to.deep.include({ action: 'document.add', outcome: 'denied', reason: 'invalid-request' });
      const current = () => db.documentsOf(minor).filter((d) => d.typeCode === 'EXPPAT_2' && d.status === 'current').map((d) => d.id);
      expect(current()).to.deep.equal([first.id]);
      const replacing = await representative.addDocument(minor, { ...metadata, replaces: first.id }, declaration('A-'));
      expect(current()).to.deep.equal([replacing.id]);
    });

    it('never tells a patient that something is hidden from them', async () => {
      const list = await as(PATIENT_MASKED.id).listDocuments(PATIENT_MASKED.identity.ins, { limit: 1000 });
      expect(list.hidden).to.equal(undefined);
    });

    it('gives the newest current document of each category in one logged request, as the per-category searches would', async () => {
      const pharmacist = as('ps-dubois');
      const before = logOf(ADULT).length;
      const latest = await pharmacist.latestDocuments(ADULT);
      expect(logOf(ADULT).length - before).to.equal(1);
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.list', outcome: 'allowed' });
      for (const line of latest.categories) {
        const search = await pharmacist.listDocuments(ADULT, { category: line.category, status: 'current', limit: 1000 });
        expect(line.document?.id, line.category).to.equal(search.items[0]?.id);
      }
      // Hidden counts are the whole dossier's, never a category's.
      expect(latest.hidden).to.deep.equal((await pharmacist.listDocuments(ADULT, { limit: 1 })).hidden);
      expect(latest.categories.find((l) => l.category === 'imaging')).to.deep.equal({ category: 'imaging' });
      const lines = logOf(ADULT).length;
      const some = await pharmacist.latestDocuments(ADULT, { categories: ['biology', 'prevention'] });
      expect(some.categories.map((l) => l.category)).to.deep.equal(['biology', 'prevention']);
      expect(logOf(ADULT).length - lines).to.equal(1);
      const patient = await as(PATIENT_MASKED.id).latestDocuments(PATIENT_MASKED.identity.ins);
      expect(patient.hidden).to.equal(undefined);
      expect((await failure(as('occ-med').latestDocuments(ADULT))).reason).to.equal('never-authorized-actor');
    });

    it('masking by the patient hides a document from a professional who is neither author nor médecin traitant', async () => {
      const pharmacistBefore = await as('ps-dubois').listDocuments(ADULT, { limit: 1000 });
      const target = pharmacistBefore.items.find((d) => d.author.rpps !== '10007025645')!;
      const masked = await as(PATIENT_ADULT.id).updateDocument(ADULT, target.id, { masked: true });
      expect(masked.masked).to.equal(true);
      expect(masked.confidentiality).to.include('MASQUE_PS');
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.mask', outcome: 'allowed' });
      const pharmacistAfter = await as('ps-dubois').listDocuments(ADULT, { limit: 1000 });
      expect(pharmacistAfter.items.map((d) => d.id)).not.to.include(target.id);
      expect(pharmacistAfter.hidden!.masked).to.equal((pharmacistBefore.hidden?.masked ?? 0) + 1);
      const doctor = await as('ps-martin').listDocuments(ADULT, { limit: 1000 });
      expect(doctor.items.map((d) => d.id)).to.include(target.id);
      const direct = await failure(as('ps-dubois').getDocument(ADULT, target.id));
      // The professional is told why (masked), nothing of the document itself.
      expect(direct.status).to.equal(403);
      expect(direct.reason).to.equal('masked');
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.read', outcome: 'denied', reason: 'masked' });
    });

    it('refuses masking to a professional (patient-only)', async () => {
      const list = await as('ps-martin').listDocuments(ADULT);
      const error = await failure(as('ps-martin').updateDocument(ADULT, list.items[0]!.id, { masked: true }));
      expect(error.reason).to.equal('patient-only');
    });

    it('checks and logs each action of a PATCH that does several, and does none when one is refused', async () => {
      const own = db.documentsOf(ADULT).find((d) => d.category === 'patient' && d.status === 'current')!;
      const before = logOf(ADULT).length;
      const done = await as(PATIENT_ADULT.id).updateDocument(ADULT, own.id, { masked: true, status: 'archived' });
      expect(done).to.include({ masked: true, status: 'archived' });
      expect(logOf(ADULT).slice(before).map((e) => [e.action, e.outcome, e.target?.documentId])).to.deep.equal([
        ['document.mask', 'allowed', own.id],
        ['document.archive', 'allowed', own.id],
      ]);
      const report = db.documentsOf(ADULT).find((d) => d.category === 'report' && d.status === 'current' && !d.masked)!;
      const refused = await failure(as(PATIENT_ADULT.id).updateDocument(ADULT, report.id, { masked: true, status: 'archived' }));
      expect(refused.reason).to.equal('not-author');
      expect(db.findDocument(ADULT, report.id)).to.include({ masked: false, status: 'current' });
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.archive', outcome: 'denied', reason: 'not-author' });
    });

    it('refuses to archive a replaced version, which stays in its chain, and logs the refusal as the archiving asked for', async () => {
      const before = structuredClone(db.findDocument(ADULT, 'doc-durand-vsm-v1')!);
      expect(before.status).to.equal('replaced');
      const refused = await failure(as('ps-martin').updateDocument(ADULT, before.id, { status: 'archived' }));
      expect([refused.status, refused.kind]).to.deep.equal([400, 'invalid-request']);
      expect(db.findDocument(ADULT, before.id)).to.deep.equal(before);
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.archive', outcome: 'denied', reason: 'invalid-request' });
    });

    it('refuses a patient-side act on a document to a professional without access as patient-only (POLICY.md step 6 before 7), whether the document exists or not', async () => {
      const id = db.documentsOf(ADULT)[0]!.id;
      for (const target of [id, 'doc-unknown']) {
        const mask = await failure(as('ps-leroy').updateDocument(ADULT, target, { masked: true }));
        expect(mask.reason, target).to.equal('patient-only');
        expect(lastLog(ADULT)).to.deep.include({ action: 'document.mask', outcome: 'denied', reason: 'patient-only' });
        const deletion = await failure(as('ps-leroy').deleteDocument(ADULT, target));
        expect(deletion.reason, target).to.equal('patient-only');
        expect(lastLog(ADULT)).to.deep.include({ action: 'document.delete', outcome: 'denied', reason: 'patient-only' });
      }
      expect((await failure(as('ps-leroy').getDocument(ADULT, id))).reason).to.equal('not-authorized');
    });

    it('keeps a recent invisible-to-patient document from the patient until one month after submission', async () => {
      const ins = PATIENT_MASKED.identity.ins;
      const professional = await as('ps-martin').listDocuments(ins, { limit: 1000 });
      const invisible = professional.items.filter((d) => d.invisibleToPatient);
      expect(invisible.length).to.be.greaterThan(0);
      const recent = invisible.reduce((a, b) => (a.submittedAt > b.submittedAt ? a : b));
      const patientNow = await as(PATIENT_MASKED.id).listDocuments(ins, { limit: 1000 });
      expect(patientNow.items.map((d) => d.id)).not.to.include(recent.id);
      // Nor told it exists when asking for it by id.
      expect((await failure(as(PATIENT_MASKED.id).getDocument(ins, recent.id))).status).to.equal(404);
      const pending = () => db.notifications.filter((n) => n.ins === ins && n.event === 'invisible-document-pending').length;
      const noticesBefore = pending();
      // Two weeks after submission the patient is told to see a professional; it is still hidden.
      db.setNow(new Date(Date.parse(recent.submittedAt) + 14 * 86_400_000 + 60_000).toISOString());
      const patientAfterNotice = await as(PATIENT_MASKED.id).listDocuments(ins, { limit: 1000 });
      expect(patientAfterNotice.items.map((d) => d.id)).not.to.include(recent.id);
      expect(pending()).to.be.greaterThan(noticesBefore);
      const release = new Date(recent.submittedAt);
      release.setUTCMonth(release.getUTCMonth() + 1);
      db.setNow(new Date(release.getTime() + 60_000).toISOString());
      const patientLater = await as(PATIENT_MASKED.id).listDocuments(ins, { limit: 1000 });
      expect(patientLater.items.map((d) => d.id)).to.include(recent.id);
    });

    it('sends the two-week notice on its clock to a patient who reads the outbox, with no other request about the dossier', async () => {
      const ins = PATIENT_MASKED.identity.ins;
      const waiting = db.documentsOf(ins).find((d) => d.invisibleToPatient && !d.invisibleToLegalRepresentatives && d.status === 'current')!;
      db.setNow(new Date(Date.parse(waiting.submittedAt) + 14 * 86_400_000 + 60_000).toISOString());
      const { items } = await as(PATIENT_MASKED.id).listNotifications();
      expect(items.filter((n) => n.event === 'invisible-document-pending').length).to.be.greaterThan(0);
      const again = await as(PATIENT_MASKED.id).listNotifications();
      expect(again.items).to.deep.equal(items);
    });

    it('adds a document with its file, logs it, notifies the patient, and marks connexion secrète documents', async () => {
      const minorIns = PATIENT_MINOR.identity.ins;
      const client = as('ps-lefebvre', { 'DMP-Secret': '1' });
      const file = new Blob(['%PDF-1.4 test'], { type: 'application/pdf' });
      const doc = await client.addDocument(
        minorIns,
        { title: 'Consultation confidentielle', typeCode: '11488-4', serviceStart: '2026-11-19T10:00:00.000Z' },
        file,
      );
      expect(doc).to.include({ category: 'report', invisibleToLegalRepresentatives: true, status: 'current' });
      expect(lastLog(minorIns)).to.deep.include({ action: 'document.add', outcome: 'allowed', secret: true });
      // The dossier's outbox may reach the parents: a secret document is not announced.
      expect(db.notifications.some((n) => n.ins === minorIns && n.event === 'new-document')).to.equal(false);
      await as('ps-lefebvre').addDocument(minorIns, { title: 'Consultation', typeCode: '11488-4', serviceStart: '2026-11-19T10:00:00.000Z' }, file);
      expect(db.notifications.some((n) => n.ins === minorIns && n.event === 'new-document')).to.equal(true);
      const representative = await as('rep-moreau-sophie').listDocuments(minorIns, { limit: 1000 });
      expect(representative.items.map((d) => d.id)).not.to.include(doc.id);
      const content = await as('ps-lefebvre').getDocumentContent(minorIns, doc.id);
      expect(await content.text()).to.equal('%PDF-1.4 test');
    });

    it('filters by keyword without accents, category, dates and author profession; pages with a stable cursor', async () => {
      const client = as('ps-martin');
      const all = await client.listDocuments(ADULT, { limit: 1000 });
      const some = all.items[0]!;
      const word = some.title.split(' ')[0]!.normalize('NFD').replace(/\p{Diacritic}/gu, '').toUpperCase();
      const byWord = await client.listDocuments(ADULT, { q: word, limit: 1000 });
      expect(byWord.items.map((d) => d.id)).to.include(some.id);
      const biology = await client.listDocuments(ADULT, { category: 'biology', limit: 1000 });
      expect(biology.items.every((d) => d.category === 'biology')).to.equal(true);
      const page1 = await client.listDocuments(ADULT, { limit: 3 });
      const page2 = await client.listDocuments(ADULT, { limit: 3, cursor: page1.nextCursor! });
      expect(page1.items.concat(page2.items).map((d) => d.id)).to.deep.equal(all.items.slice(0, 6).map((d) => d.id));
      const byTitle = await client.listDocuments(ADULT, { sort: 'title-asc', limit: 1000 });
      const titles = byTitle.items.map((d) => d.title.toLowerCase());
      expect(titles[0]! <= titles[titles.length - 1]!).to.equal(true);
    });

    it('generates the 10,000-document dossier on first access and pages through it', async () => {
      const list = await as('ps-martin').listDocuments(PATIENT_LARGE.identity.ins, { limit: 100 });
      expect(list.items).to.have.length(100);
      expect((list.total ?? 0) + Object.values(list.hidden ?? {}).reduce((a, b) => a + b, 0)).to.equal(10_000);
      expect(list.nextCursor).to.be.a('string');
    });

    it('lets administrative staff list and read the administrative documents only, and tells them nothing of the rest', async () => {
      const admin = as('admin-chu');
      const administrative = db.documentsOf(ADULT).filter((d) => d.status !== 'deleted' && d.category === 'administrative').map((d) => d.id);
      expect(administrative.length).to.be.greaterThan(0);
      const list = await admin.listDocuments(ADULT, { limit: 1000 });
      expect(list.items.map((d) => d.id).sort()).to.deep.equal([...administrative].sort());
      expect(list.items.every((d) => d.category === 'administrative')).to.equal(true);
      expect(list.hidden).to.equal(undefined);
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.list', mode: 'normal', outcome: 'allowed', reason: 'allowed' });
      const report = db.documentsOf(ADULT).find((d) => d.status === 'current' && d.category === 'report')!;
      for (const read of [() => admin.getDocument(ADULT, report.id), () => admin.getDocumentContent(ADULT, report.id)]) {
        const refused = await failure(read());
        expect([refused.status, refused.reason]).to.deep.equal([403, 'profession-not-permitted']);
        expect(lastLog(ADULT)).to.deep.include({ action: 'document.read', outcome: 'denied', reason: 'profession-not-permitted' });
      }
      expect((await admin.getDocument(ADULT, administrative[0]!)).category).to.equal('administrative');
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.read', outcome: 'allowed' });
    });
  });

  describe('what stays hidden', () => {
    const pdf = () => new Blob(['%PDF-1.4'], { type: 'application/pdf' });
    const newDocumentNotices = (ins: string) => db.notifications.filter((n) => n.ins === ins && n.event === 'new-document').length;

    it('keeps a synthesis written in secret, and the versions that follow it, from the representative', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const v1 = await as('ps-martin', { 'DMP-Secret': '1' }).saveSynthesis(ins, { ...emptySynthesisContent(), narrative: 'Contraception, à garder secret' }, '');
      // Written outside the connexion secrète, over the secret version it starts from.
      const v2 = await as('ps-martin').saveSynthesis(ins, { ...emptySynthesisContent(), narrative: 'Contraception, à garder secret ; rien d’autre' }, v1.etag);
      const representative = as('rep-moreau-sophie');
      expect(await representative.getSynthesis(ins)).to.equal(null);
      expect((await representative.listSynthesisVersions(ins)).items).to.deep.equal([]);
      expect((await failure(representative.getSynthesisVersion(ins, v1.version))).status).to.equal(404);
      expect((await failure(representative.getSynthesisVersion(ins, v2.version))).status).to.equal(404);
      expect(lastLog(ins)).to.deep.include({ action: 'synthesis.read', outcome: 'denied', reason: 'invisible-to-legal-representative' });
      // The minor, from whom nothing was hidden, reads both.
      expect((await as(PATIENT_MINOR.id).listSynthesisVersions(ins)).items.map((v) => v.version)).to.deep.equal([v2.version, v1.version]);
      expect((await as(PATIENT_MINOR.id).getSynthesisVersion(ins, v1.version)).content.narrative).to.equal('Contraception, à garder secret');
    });

    it('keeps an older synthesis version the patient masked from the pharmacist, and the mask on the versions that follow', async () => {
      const [older] = db.syntheses.get(ADULT)!;
      await as(PATIENT_ADULT.id).updateDocument(ADULT, older!.documentId, { masked: true });
      const refused = await failure(as('ps-dubois').getSynthesisVersion(ADULT, older!.version));
      expect(refused.reason).to.equal('masked');
      expect((await as('ps-dubois').listSynthesisVersions(ADULT)).items.map((v) => v.version)).not.to.include(older!.version);
      // Masking the current version, then saving a new one: the new one is masked too.
      const current = (await as('ps-martin').getSynthesis(ADULT))!;
      await as(PATIENT_ADULT.id).updateDocument(ADULT, current.documentId, { masked: true });
      const next = await as('ps-martin').saveSynthesis(ADULT, current.content, current.etag);
      expect(db.findDocument(ADULT, next.documentId)!.masked).to.equal(true);
      expect((await failure(as('ps-dubois').getSynthesis(ADULT))).reason).to.equal('masked');
    });

    it('names the VSM read or written in the history as any document, title included, as the FHIR gateway does', async () => {
      const current = (await as('ps-martin').getSynthesis(ADULT))!;
      expect(lastLog(ADULT)).to.deep.include({ action: 'synthesis.read', target: { documentId: current.documentId, title: 'Volet de synthèse médicale' } });
      const next = await as('ps-martin').saveSynthesis(ADULT, current.content, current.etag);
      expect(lastLog(ADULT)).to.deep.include({ action: 'synthesis.write', target: { documentId: next.documentId, title: 'Volet de synthèse médicale' } });
    });

    it('no longer serves a synthesis version whose document the patient deleted', async () => {
      const current = (await as('ps-martin').getSynthesis(ADULT))!;
      await as(PATIENT_ADULT.id).deleteDocument(ADULT, current.documentId);
      const after = await as('ps-martin').getSynthesis(ADULT);
      expect(after?.version).not.to.equal(current.version);
      expect((await as('ps-martin').listSynthesisVersions(ADULT)).items.map((v) => v.version)).not.to.include(current.version);
      expect((await failure(as('ps-martin').getSynthesisVersion(ADULT, current.version))).status).to.equal(404);
    });

    it('keeps the patient’s mask on a document a professional replaces', async () => {
      const target = (await as('ps-martin').listDocuments(ADULT, { limit: 1000 })).items.find((d) => d.author.rpps === '10003456786' && d.typeCode !== 'SYNTH');
      expect(target, 'a document by Dr Martin').to.not.equal(undefined);
      await as(PATIENT_ADULT.id).updateDocument(ADULT, target!.id, { masked: true });
      const replacement = await as('ps-martin').addDocument(ADULT, { title: 'Compte rendu corrigé', typeCode: target!.typeCode, serviceStart: target!.serviceStart, replaces: target!.id }, pdf());
      expect(replacement.masked).to.equal(true);
      expect(replacement.confidentiality).to.include('MASQUE_PS');
      expect((await failure(as('ps-dubois').getDocument(ADULT, replacement.id))).reason).to.equal('masked');
    });

    it('refuses visibility flags sent with an upload by the patient’s side, and stores nothing', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const before = db.documentsOf(ins).length;
      const meta = { title: 'Ordonnance', typeCode: 'DOCPAT02', serviceStart: '2026-11-19T10:00:00.000Z', invisibleToPatient: true };
      const error = await failure(as('rep-moreau-sophie').addDocument(ins, meta, pdf()));
      expect(error.status).to.equal(403);
      expect(error.reason).to.equal('not-author');
      expect(db.documentsOf(ins)).to.have.length(before);
      expect(lastLog(ins)).to.deep.include({ action: 'document.set-visibility', outcome: 'denied', reason: 'not-author' });
    });

    it('keeps the title of a refused new version out of the patient’s history when the version it replaces is hidden from them', async () => {
      const meta = { title: 'Biopsie, annonce à faire', typeCode: '11502-2', serviceStart: SEED_NOW } as const;
      const kept = await as('ps-martin').addDocument(ADULT, { ...meta, invisibleToPatient: true }, pdf());
      db.dossiers.get(ADULT)!.identity.insStatus = 'PROV';
      const refused = await failure(as('ps-martin').addDocument(ADULT, { ...meta, title: 'Biopsie, résultat corrigé', replaces: kept.id }, pdf()));
      expect(refused.reason).to.equal('ins-not-qualified');
      const history = JSON.stringify(await as(PATIENT_ADULT.id).listAccessLog(ADULT, { limit: 1000 }));
      expect(history).not.to.contain('Biopsie');
    });

    it('announces each new version, as the policy says, unless what kept the previous one from the patient keeps it too', async () => {
      const martin = as('ps-martin');
      const meta = { title: 'Bilan biologique', typeCode: '11502-2', serviceStart: SEED_NOW } as const;
      const start = newDocumentNotices(ADULT);
      const told = await martin.addDocument(ADULT, meta, pdf());
      await martin.addDocument(ADULT, { ...meta, replaces: told.id }, pdf());
      expect(newDocumentNotices(ADULT)).to.equal(start + 2);
      const kept = await martin.addDocument(ADULT, { ...meta, invisibleToPatient: true }, pdf());
      const next = await martin.addDocument(ADULT, { ...meta, replaces: kept.id }, pdf());
      expect(next.invisibleToPatient).to.equal(true);
      expect(newDocumentNotices(ADULT)).to.equal(start + 2);
    });

    it('announces a document kept from the patient only by the two-week notice, and keeps its line out of their history until then', async () => {
      const notices = newDocumentNotices(ADULT);
      const meta = { title: 'Résultat de biopsie, annonce à faire', typeCode: '11502-2', serviceStart: SEED_NOW, invisibleToPatient: true };
      const doc = await as('ps-martin').addDocument(ADULT, meta, pdf());
      expect(newDocumentNotices(ADULT)).to.equal(notices);
      await as('ps-martin').getDocument(ADULT, doc.id);
      const history = async () => (await as(PATIENT_ADULT.id).listAccessLog(ADULT, { limit: 500 })).items.filter((e) => e.target?.documentId === doc.id);
      expect(await history()).to.deep.equal([]);
      // The professional's own history shows nothing less.
      expect(logOf(ADULT).filter((e) => e.target?.documentId === doc.id)).to.have.length(2);
      const release = new Date(doc.submittedAt);
      release.setUTCMonth(release.getUTCMonth() + 1);
      db.setNow(new Date(release.getTime() + 60_000).toISOString());
      expect((await history()).map((e) => e.action)).to.deep.equal(['document.read', 'document.add']);
    });

    it('honours the connexion secrète only for a professional on a minor’s dossier', async () => {
      const doc = await as('ps-martin', { 'DMP-Secret': '1' }).addDocument(ADULT, { title: 'Consultation', typeCode: '11488-4', serviceStart: SEED_NOW }, pdf());
      expect(doc.invisibleToLegalRepresentatives).to.equal(false);
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.add', secret: false });
      const ins = PATIENT_MINOR.identity.ins;
      const own = await as('rep-moreau-sophie', { 'DMP-Secret': '1' }).addDocument(ins, { title: 'Vaccins', typeCode: 'DOCPAT06', serviceStart: SEED_NOW }, pdf());
      expect(own.invisibleToLegalRepresentatives).to.equal(false);
    });

    it('still shows a masked document to its author, who is not médecin traitant, and to no other professional', async () => {
      const ins = PATIENT_MASKED.identity.ins;
      const doc = db.findDocument(ins, 'doc-rousseau-cr-psy')!;
      expect([doc.masked, doc.author.rpps]).to.deep.equal([true, DR_ROUSSEL_PSYCHIATRE.rpps]);
      expect(db.policyDossier(ins).treatingPhysiciansRpps).not.to.include(DR_ROUSSEL_PSYCHIATRE.rpps);
      const author = as('ps-roussel');
      expect((await author.getDocument(ins, doc.id)).id).to.equal(doc.id);
      expect(lastLog(ins)).to.deep.include({ action: 'document.read', mode: 'normal', outcome: 'allowed', reason: 'allowed' });
      expect(lastLog(ins).target?.documentId).to.equal(doc.id);
      expect((await author.listDocuments(ins, { limit: 1000 })).items.map((d) => d.id)).to.include(doc.id);
      // An authorized pharmacist, who may read reports, is refused it as masked.
      const other = await failure(as('ps-dubois').getDocument(ins, doc.id));
      expect([other.status, other.reason]).to.deep.equal([403, 'masked']);
    });
  });

  describe('what the patient’s side is never told', () => {
    const MINOR = PATIENT_MINOR.identity.ins;
    const notices = (ins: string, event: string) => db.notifications.filter((n) => n.ins === ins && n.event === event).length;
    const pdf = () => new Blob(['%PDF-1.4'], { type: 'application/pdf' });

    it('announces no first access made under connexion secrète; the first one outside it is', async () => {
      const secret = as('ps-bernard', { 'DMP-Secret': '1' });
      await secret.changeAuthorization(MINOR, { change: 'grant-self', rpps: DR_BERNARD_CARDIOLOGUE.rpps, consent: true });
      await secret.listDocuments(MINOR);
      expect(notices(MINOR, 'first-access')).to.equal(0);
      await as('ps-bernard').listDocuments(MINOR);
      expect(notices(MINOR, 'first-access')).to.equal(1);
    });

    it('keeps a consent declared under connexion secrète from the representatives: neither their list nor the dossier they read names it; the minor’s own does', async () => {
      const rpps = DR_BERNARD_CARDIOLOGUE.rpps;
      await as('ps-bernard', { 'DMP-Secret': '1' }).changeAuthorization(MINOR, { change: 'grant-self', rpps, consent: true });
      const mother = as('rep-moreau-sophie');
      const listed = async (actorId: string) => (await as(actorId).listAuthorizations(MINOR)).items.map((a) => a.professional.rpps);
      expect(await listed('rep-moreau-sophie')).not.to.include(rpps);
      expect((await mother.getDossier(MINOR)).policy.authorizedRpps).not.to.include(rpps);
      expect(await listed(PATIENT_MINOR.id)).to.include(rpps);
      expect((await as('ps-bernard').listDocuments(MINOR)).items.length).to.be.greaterThan(0);
      // Declared again outside connexion secrète, it is no secret any more.
      await as('ps-bernard').changeAuthorization(MINOR, { change: 'grant-self', rpps, consent: true });
      expect(await listed('rep-moreau-sophie')).to.include(rpps);
      // Known to the representatives, declared again under it, it stays known.
      await as('ps-bernard', { 'DMP-Secret': '1' }).changeAuthorization(MINOR, { change: 'grant-self', rpps, consent: true });
      expect(await listed('rep-moreau-sophie')).to.include(rpps);
    });

    it('announces no emergency access made under connexion secrète; one outside it is', async () => {
      const justification = 'Adolescente inconsciente, suivi confidentiel à vérifier.';
      await as('ps-morel', { 'DMP-Secret': '1' }).requestEmergencyAccess(MINOR, 'break-glass', justification, { idempotencyKey: 'k-secret' });
      expect(notices(MINOR, 'emergency-access')).to.equal(0);
      await as('ps-morel').requestEmergencyAccess(MINOR, 'break-glass', justification, { idempotencyKey: 'k-open' });
      expect(notices(MINOR, 'emergency-access')).to.be.greaterThan(0);
    });

    it('sends no two-week notice for a result kept from the patient under connexion secrète', async () => {
      const doc = await as('ps-lefebvre', { 'DMP-Secret': '1' }).addDocument(
        MINOR,
        { title: 'Sérologie confidentielle', typeCode: '11502-2', serviceStart: SEED_NOW, invisibleToPatient: true },
        pdf(),
      );
      db.setNow(new Date(Date.parse(doc.submittedAt) + 15 * 86_400_000).toISOString());
      await as('ps-lefebvre').listDocuments(MINOR);
      expect(notices(MINOR, 'invisible-document-pending')).to.equal(0);
    });

    it('keeps a secret on the new version of a document replaced outside connexion secrète, and announces neither', async () => {
      const v1 = await as('ps-lefebvre', { 'DMP-Secret': '1' }).addDocument(MINOR, { title: 'Contraception', typeCode: '11488-4', serviceStart: SEED_NOW }, pdf());
      const v2 = await as('ps-lefebvre').addDocument(MINOR, { title: 'Contraception (v2)', typeCode: '11488-4', serviceStart: SEED_NOW, replaces: v1.id }, pdf());
      expect(v2).to.include({ invisibleToLegalRepresentatives: true, replaces: v1.id });
      expect(notices(MINOR, 'new-document')).to.equal(0);
      expect((await as('rep-moreau-sophie').listDocuments(MINOR, { limit: 1000 })).items.map((d) => d.id)).not.to.include(v2.id);
    });

    it('shows the patient the last version they may read as the current one, with no trace of a newer one kept from them', async () => {
      const meta = { title: 'Bilan biologique', typeCode: '11502-2', serviceStart: SEED_NOW } as const;
      const v1 = await as('ps-martin').addDocument(ADULT, meta, pdf());
      const v2 = await as('ps-martin').addDocument(ADULT, { ...meta, title: 'Bilan biologique corrigé', replaces: v1.id, invisibleToPatient: true }, pdf());
      const patient = as(PATIENT_ADULT.id);
      const listed = (await patient.listDocuments(ADULT, { limit: 1000, status: 'current' })).items.find((d) => d.id === v1.id);
      expect(listed).to.include({ status: 'current' }).and.not.to.have.property('replacedBy');
      expect(await patient.getDocument(ADULT, v1.id)).to.include({ status: 'current' }).and.not.to.have.property('replacedBy');
      // Masked by the patient, it comes back as they know it.
      expect(await patient.updateDocument(ADULT, v1.id, { masked: true })).to.include({ masked: true, status: 'current' }).and.not.to.have.property('replacedBy');
      // Its author, who reads the newer version, sees the chain as it is.
      expect(await as('ps-martin').getDocument(ADULT, v1.id)).to.include({ status: 'replaced', replacedBy: v2.id });
      // Announced, the newer version replaces it for the patient too.
      await as('ps-martin').updateDocument(ADULT, v2.id, { invisibleToPatient: false });
      expect(await patient.getDocument(ADULT, v1.id)).to.include({ status: 'replaced', replacedBy: v2.id });
    });

    it('shows a representative the version a secret one replaced as the current one', async () => {
      const v1 = await as('ps-lefebvre').addDocument(MINOR, { title: 'Consultation', typeCode: '11488-4', serviceStart: SEED_NOW }, pdf());
      const v2 = await as('ps-lefebvre', { 'DMP-Secret': '1' }).addDocument(MINOR, { title: 'Consultation (v2)', typeCode: '11488-4', serviceStart: SEED_NOW, replaces: v1.id }, pdf());
      expect(v2.invisibleToLegalRepresentatives).to.equal(true);
      const listed = (await as('rep-moreau-sophie').listDocuments(MINOR, { limit: 1000 })).items.find((d) => d.id === v1.id);
      expect(listed).to.include({ status: 'current' }).and.not.to.have.property('replacedBy');
    });

    it('leaves the title of a refused upload meant to be hidden from the patient out of their history', async () => {
      const refused = await failure(
        as('ps-renard').addDocument(ADULT, { title: 'Annonce diagnostique', typeCode: '11488-4', serviceStart: SEED_NOW, invisibleToPatient: true }, pdf()),
      );
      expect(refused.reason).to.equal('blocked');
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.add', outcome: 'denied', reason: 'blocked' });
      expect(JSON.stringify(await as('pat-durand-jeanne').listAccessLog(ADULT, { limit: 1000 }))).not.to.contain('Annonce diagnostique');
    });

    it('answers a version hidden from a representative exactly as one that does not exist', async () => {
      const v1 = await as('ps-martin', { 'DMP-Secret': '1' }).saveSynthesis(MINOR, { ...emptySynthesisContent(), narrative: 'Suivi confidentiel' }, '');
      await as('ps-martin').saveSynthesis(MINOR, { ...emptySynthesisContent(), narrative: 'Suivi' }, v1.etag);
      const representative = as('rep-moreau-sophie');
      const hidden = await failure(representative.getSynthesisVersion(MINOR, v1.version));
      const missing = await failure(representative.getSynthesisVersion(MINOR, 99));
      expect([hidden.status, hidden.problem?.title, hidden.reason]).to.deep.equal([missing.status, missing.problem?.title, missing.reason]);
    });

    it('logs the request for a synthesis version that never was as refused, never as a read', async () => {
      const missing = await failure(as(PATIENT_ADULT.id).getSynthesisVersion(ADULT, 99));
      expect(missing.status).to.equal(404);
      expect(lastLog(ADULT)).to.deep.include({ action: 'synthesis.read', outcome: 'denied', reason: 'invalid-request' });
    });
  });

  describe('emergency access', () => {
    it('notifies each new emergency grant, even one asked under an older grant still valid', async () => {
      const justification = 'Patiente inconsciente aux urgences, allergies inconnues';
      const first = await as('ps-morel').requestEmergencyAccess(ADULT, 'break-glass', justification, { idempotencyKey: crypto.randomUUID() });
      const before = db.notifications.filter((n) => n.ins === ADULT && n.event === 'emergency-access').length;
      await as('ps-morel', { 'DMP-Access-Grant': first.id }).requestEmergencyAccess(ADULT, 'break-glass', justification, { idempotencyKey: crypto.randomUUID() });
      expect(db.notifications.filter((n) => n.ins === ADULT && n.event === 'emergency-access').length).to.be.greaterThan(before);
    });

    it('logs a refused change to a document under the change asked for, with the reason it was refused', async () => {
      const doc = db.documentsOf(ADULT).find((d) => d.status === 'current' && d.category === 'report')!;
      doc.masked = true;
      const refused = await failure(as('ps-dubois').updateDocument(ADULT, doc.id, { status: 'archived' }));
      expect([refused.status, refused.reason]).to.deep.equal([403, 'masked']);
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.archive', outcome: 'denied', reason: 'masked' });
    });

    it('shows the notification outbox to the patient side of each dossier only', async () => {
      const justification = 'Patiente inconsciente aux urgences, allergies inconnues';
      await as('ps-morel').requestEmergencyAccess(ADULT, 'break-glass', justification, { idempotencyKey: crypto.randomUUID() });
      await as('ps-morel').requestEmergencyAccess(PATIENT_MINOR.identity.ins, 'break-glass', justification, { idempotencyKey: crypto.randomUUID() });
      const patient = await as('pat-durand-jeanne').listNotifications();
      expect(patient.items.some((n) => n.event === 'emergency-access')).to.equal(true);
      expect(patient.items.every((n) => n.ins === ADULT)).to.equal(true);
      const representative = await as('rep-moreau-sophie').listNotifications();
      expect(representative.items.some((n) => n.event === 'emergency-access')).to.equal(true);
      expect(representative.items.every((n) => n.ins === PATIENT_MINOR.identity.ins)).to.equal(true);
      expect((await as('ps-morel').listNotifications()).items).to.deep.equal([]);
    });

    it('refuses break-glass without a 20-character justification, then grants it and logs the mode and the reason', async () => {
      const emergencyDoctor = as('ps-morel');
      expect((await failure(emergencyDoctor.listDocuments(ADULT))).reason).to.equal('not-authorized');
      const short = await failure(emergencyDoctor.requestEmergencyAccess(ADULT, 'break-glass', 'urgence', { idempotencyKey: crypto.randomUUID() }));
      expect(short.reason).to.equal('justification-required');
      const justification = 'Patiente inconsciente aux urgences, allergies inconnues';
      const grant = await emergencyDoctor.requestEmergencyAccess(ADULT, 'break-glass', justification, { idempotencyKey: crypto.randomUUID() });
      expect(grant.mode).to.equal('break-glass');
      expect(lastLog(ADULT)).to.deep.include({ mode: 'break-glass', justification, outcome: 'allowed' });
      expect(db.notifications.filter((n) => n.ins === ADULT && n.event === 'emergency-access')).to.have.length.greaterThan(0);
      const withGrant = as('ps-morel', { 'DMP-Access-Grant': grant.id });
      const list = await withGrant.listDocuments(ADULT);
      expect(list.items.length).to.be.greaterThan(0);
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.list', mode: 'break-glass', justification });
      const write = await failure(
        withGrant.addDocument(ADULT, { title: 'Note', typeCode: '11488-4', serviceStart: SEED_NOW }, new Blob(['x'], { type: 'text/plain' })),
      );
      expect(write.reason).to.equal('not-authorized');
    });

    it('refuses break-glass and regulation when the patient opposed them', async () => {
      const ins = PATIENT_OPPOSED.identity.ins;
      const why = 'Détresse respiratoire, patient inconscient, pas de proche joignable';
      expect((await failure(as('ps-morel').requestEmergencyAccess(ins, 'break-glass', why, { idempotencyKey: crypto.randomUUID() }))).reason).to.equal('patient-opposed');
      expect((await failure(as('ps-girard').requestEmergencyAccess(ins, 'regulation', why, { idempotencyKey: crypto.randomUUID() }))).reason).to.equal('patient-opposed');
      expect(lastLog(ins)).to.deep.include({ mode: 'regulation', outcome: 'denied', reason: 'patient-opposed', justification: why });
    });

    it('refuses regulation mode to a professional who is not a regulator', async () => {
      const why = 'Appel au 15 pour douleur thoracique, patient seul';
      expect((await failure(as('ps-morel').requestEmergencyAccess(ADULT, 'regulation', why, { idempotencyKey: crypto.randomUUID() }))).reason).to.equal('not-regulator');
    });

    it('gives the same grant to a request sent again after a lost answer, logged as a request of its own, and tells the patient once', async () => {
      const why = 'Patient inconscient, pronostic vital engagé immédiatement';
      const morel = as('ps-morel');
      db.faults.add({ method: 'POST', path: '/emergency-access', answerLost: true, times: 1 });
      expect((await failure(morel.requestEmergencyAccess(ADULT, 'break-glass', why, { idempotencyKey: 'k-urgence' }))).kind).to.equal('network');
      const notified = db.notifications.length;
      const logged = logOf(ADULT).length;
      const grant = await morel.requestEmergencyAccess(ADULT, 'break-glass', why, { idempotencyKey: 'k-urgence' });
      expect([...db.grants.keys()]).to.deep.equal([grant.id]);
      expect(db.notifications.length).to.equal(notified);
      expect(logOf(ADULT).slice(logged).map((e) => [e.action, e.outcome, e.mode, e.justification])).to.deep.equal([['document.list', 'allowed', 'break-glass', why]]);
      const other = await failure(morel.requestEmergencyAccess(ADULT, 'break-glass', `${why}, sans proche joignable`, { idempotencyKey: 'k-urgence' }));
      expect(other.status).to.equal(422);
      expect(db.grants.size).to.equal(1);
    });

    it('judges a request sent again as it judges a first one: blocked since the grant, the professional gets the refusal, logged', async () => {
      const why = 'Patient inconscient, pronostic vital engagé immédiatement';
      const morel = as('ps-morel');
      await morel.requestEmergencyAccess(ADULT, 'break-glass', why, { idempotencyKey: 'k-bloque' });
      await as(PATIENT_ADULT.id).changeAuthorization(ADULT, { change: 'block', rpps: '10018239573' });
      const logged = logOf(ADULT).length;
      const refused = await failure(morel.requestEmergencyAccess(ADULT, 'break-glass', why, { idempotencyKey: 'k-bloque' }));
      expect([refused.status, refused.reason]).to.deep.equal([403, 'blocked']);
      expect(logOf(ADULT).slice(logged).map((e) => [e.action, e.outcome, e.reason])).to.deep.equal([['document.list', 'denied', 'blocked']]);
    });

    it('grants anew, rather than give back, a request sent again once its grant has ended', async () => {
      const why = 'Patient inconscient, pronostic vital engagé immédiatement';
      const morel = as('ps-morel');
      const first = await morel.requestEmergencyAccess(ADULT, 'break-glass', why, { idempotencyKey: 'k-tard' });
      db.setNow(new Date(Date.parse(SEED_NOW) + 2 * 3_600_000).toISOString());
      const again = await morel.requestEmergencyAccess(ADULT, 'break-glass', why, { idempotencyKey: 'k-tard' });
      expect(again.id).not.to.equal(first.id);
      expect(Date.parse(again.expiresAt)).to.be.greaterThan(db.now().getTime());
    });

    it('grants a SAMU regulator regulation with a justification, logs the reads under the grant in that mode, and tells the patient', async () => {
      const why = 'Appel au 15 : douleur thoracique, patiente seule à domicile';
      const girard = as('ps-girard');
      expect((await failure(girard.listDocuments(ADULT))).reason).to.equal('not-authorized');
      const emergencyNotices = () => db.notifications.filter((n) => n.ins === ADULT && n.event === 'emergency-access').length;
      const before = emergencyNotices();
      const grant = await girard.requestEmergencyAccess(ADULT, 'regulation', why, { idempotencyKey: crypto.randomUUID() });
      expect(grant.mode).to.equal('regulation');
      expect(Date.parse(grant.expiresAt) - Date.parse(SEED_NOW)).to.equal(EMERGENCY_GRANT_DURATION_MS);
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.list', mode: 'regulation', justification: why, outcome: 'allowed', reason: 'allowed' });
      expect(lastLog(ADULT).actor).to.include({ kind: 'professional', rpps: SAMU_REGULATOR_GIRARD.rpps });
      expect(emergencyNotices()).to.be.greaterThan(before);
      const told = (await as(PATIENT_ADULT.id).listNotifications()).items.filter((n) => n.event === 'emergency-access');
      expect(told.length).to.be.greaterThan(0);
      expect(told.every((n) => n.ins === ADULT)).to.equal(true);
      const notified = emergencyNotices();
      const doc = db.documentsOf(ADULT).find((d) => d.status === 'current' && d.category === 'report' && !d.masked)!;
      const read = await as('ps-girard', { 'DMP-Access-Grant': grant.id }).getDocument(ADULT, doc.id);
      expect(read.id).to.equal(doc.id);
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.read', mode: 'regulation', justification: why, outcome: 'allowed', reason: 'allowed' });
      expect(lastLog(ADULT).target?.documentId).to.equal(doc.id);
      // A read under the grant is the access the patient was told of: no second notice.
      expect(emergencyNotices()).to.equal(notified);
    });

    it('ignores an emergency grant once its time is up: the read runs in normal mode and is refused', async () => {
      const why = 'Patiente inconsciente aux urgences, allergies inconnues';
      const grant = await as('ps-morel').requestEmergencyAccess(ADULT, 'break-glass', why, { idempotencyKey: crypto.randomUUID() });
      const withGrant = as('ps-morel', { 'DMP-Access-Grant': grant.id });
      db.setNow(new Date(Date.parse(SEED_NOW) + EMERGENCY_GRANT_DURATION_MS - 1_000).toISOString());
      expect((await withGrant.listDocuments(ADULT)).items.length).to.be.greaterThan(0);
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.list', mode: 'break-glass', outcome: 'allowed' });
      db.setNow(new Date(Date.parse(SEED_NOW) + EMERGENCY_GRANT_DURATION_MS + 1_000).toISOString());
      const expired = await failure(withGrant.listDocuments(ADULT));
      expect([expired.status, expired.reason]).to.deep.equal([403, 'not-authorized']);
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.list', mode: 'normal', outcome: 'denied', reason: 'not-authorized' });
      expect(lastLog(ADULT)).not.to.have.property('justification');
    });

    it('ignores an emergency grant shown by another professional, or on another dossier', async () => {
      const why = 'Patiente inconsciente aux urgences, allergies inconnues';
      const grant = await as('ps-morel').requestEmergencyAccess(ADULT, 'break-glass', why, { idempotencyKey: crypto.randomUUID() });
      const header = { 'DMP-Access-Grant': grant.id };
      const borrowed = await failure(as('ps-leroy', header).listDocuments(ADULT));
      expect([borrowed.status, borrowed.reason]).to.deep.equal([403, 'not-authorized']);
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.list', mode: 'normal', outcome: 'denied', reason: 'not-authorized' });
      expect(lastLog(ADULT).actor).to.include({ rpps: '10011462503' });
      const elsewhere = PATIENT_MASKED.identity.ins;
      const moved = await failure(as('ps-morel', header).listDocuments(elsewhere));
      expect([moved.status, moved.reason]).to.deep.equal([403, 'not-authorized']);
      expect(lastLog(elsewhere)).to.deep.include({ action: 'document.list', mode: 'normal', outcome: 'denied', reason: 'not-authorized' });
      // Where and for whom it was given, the grant still holds.
      expect((await as('ps-morel', header).listDocuments(ADULT)).items.length).to.be.greaterThan(0);
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.list', mode: 'break-glass', outcome: 'allowed' });
    });
  });

  describe('dossier lifecycle', () => {
    const creation = (): DossierCreate => ({
      ins: PATIENT_NO_DOSSIER.ins,
      insStatus: 'QUAL',
      traits: PATIENT_NO_DOSSIER.traits,
      channel: 'professional',
      consent: true,
      contact: { email: 'patient@example.org' },
    });

    it('answers the existence test for an INS typed with spaces or a lower-case 2a as for its one spelling', async () => {
      const spaced = ADULT.replace(/^(\d)(\d{2})(\d{2})/, '$1 $2 $3 ');
      expect((await rawGet('ps-martin', `/dossiers/${encodeURIComponent(spaced)}`)).status).to.equal(200);
      expect((await as('ps-martin').getDossier(spaced)).status).to.equal('active');
      expect(lastLog(ADULT)).to.deep.include({ action: 'dossier.read', outcome: 'allowed' });
    });

    it('answers an INS that is no NIR with 400 naming it, on every dossier route, and logs it in no history', async () => {
      const bad = '1234';
      const headers = { Authorization: 'Bearer ps-martin', 'Content-Type': 'application/json' };
      const asked: [string, string, unknown?][] = [
        ['GET', ''],
        ['GET', '/documents'],
        ['GET', '/documents/doc-1'],
        ['GET', '/synthesis'],
        ['GET', '/access-log'],
        ['GET', '/authorizations'],
        ['POST', '/close', { reason: 'Test' }],
        ['PUT', '/oppositions', { emergency: true, regulation: true }],
      ];
      for (const [method, path, body] of asked) {
        const response = await fetch(`${API_PREFIX}/dossiers/${bad}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
        const problem = await response.json();
        expect([method, path, response.status, problem.invalidParams?.[0]?.name]).to.deep.equal([method, path, 400, 'ins']);
      }
      expect(logOf(bad)).to.deep.equal([]);
      expect((await failure(as('ps-martin').listDocuments(bad))).kind).to.equal('invalid-request');
    });

    it('answers the existence test with "none", "active" or "closed"', async () => {
      expect((await as('ps-dubois').getDossier(PATIENT_NO_DOSSIER.ins)).status).to.equal('none');
      expect((await as('ps-martin').getDossier(ADULT)).status).to.equal('active');
      expect((await as('ps-martin').getDossier(PATIENT_CLOSED.identity.ins)).status).to.equal('closed');
      expect((await failure(as('ps-martin').listDocuments(PATIENT_CLOSED.identity.ins))).reason).to.equal('dossier-closed');
    });

    it('tells of a closed dossier its status only, but to its patient when and why it was closed', async () => {
      const ins = PATIENT_CLOSED.identity.ins;
      const record = db.dossiers.get(ins)!;
      expect(record.closedAt && record.closeReason && record.createdAt).to.be.a('string');
      for (const actor of ['ps-martin', 'ps-dubois', 'admin-chu']) {
        const info = await as(actor).getDossier(ins);
        expect([info.status, info.createdAt, info.closedAt, info.closeReason], actor).to.deep.equal(['closed', undefined, undefined, undefined]);
      }
      const own = await as(PATIENT_CLOSED.id).getDossier(ins);
      expect([own.createdAt, own.closedAt, own.closeReason]).to.deep.equal([record.createdAt, record.closedAt, record.closeReason]);
      expect((await as('ps-martin').getDossier(ADULT)).createdAt).to.equal(db.dossiers.get(ADULT)!.createdAt);
    });

    it('tells of a closed dossier nothing else in its policy view either: no patient, age, identity status, opposition or access list', async () => {
      const ins = PATIENT_CLOSED.identity.ins;
      const neutral = { status: 'closed', patientId: '', patientIsMinor: false, treatingPhysiciansRpps: [], authorizedRpps: [], blockedRpps: [], oppositions: { breakGlass: false, regulation: false } };
      for (const actor of ['ps-martin', 'ps-dubois', 'ps-renard', 'admin-chu']) {
        expect((await as(actor).getDossier(ins)).policy, actor).to.deep.equal(neutral);
      }
      expect((await as(PATIENT_CLOSED.id).getDossier(ins)).policy).to.deep.equal(db.policyDossier(ins));
    });

    it('scopes the access conditions to the caller', async () => {
      const info = await as('ps-dubois').getDossier(ADULT);
      expect(info.policy.authorizedRpps).to.deep.equal(['10007025645']);
      expect(info.policy.treatingPhysiciansRpps).to.deep.equal([]);
      expect(info.policy.legalRepresentativeIds).to.equal(undefined);
    });

    it('lets professionals write to a dossier the patient opened online with the provisional identity they typed', async () => {
      const ins = PATIENT_NO_DOSSIER.ins;
      const patient = 'pat-santoni-paul-antoine';
      await as(patient).createDossier({ ...creation(), insStatus: 'PROV', channel: 'online' }, { idempotencyKey: 'k-online' });
      expect(db.dossiers.get(ins)!.identity.insStatus).to.equal('PROV');
      await as('ps-dubois').changeAuthorization(ins, { change: 'grant-self', rpps: '10007025645', consent: true });
      const meta = { title: 'Dispensation', typeCode: '60593-1', serviceStart: SEED_NOW } as const;
      const pdf = () => new Blob(['%PDF-1.4'], { type: 'application/pdf' });
      expect((await as('ps-dubois').addDocument(ins, meta, pdf())).title).to.equal('Dispensation');
      // The status held against a dossier opened by a professional or the caisse still counts.
      const record = db.dossiers.get(ins)!;
      delete record.openedOnline;
      record.identity.insStatus = 'VALI';
      expect((await failure(as('ps-dubois').addDocument(ins, meta, pdf()))).reason).to.equal('ins-not-qualified');
    });

    it('tells a patient who gave a phone number only of a professional’s first access by SMS', async () => {
      await as('ps-dubois').createDossier({ ...creation(), contact: { phone: '+33612345678' } }, { idempotencyKey: 'k-sms' });
      expect(db.dossiers.get(PATIENT_NO_DOSSIER.ins)!.notificationPreferences.firstAccess).to.deep.equal({ email: false, sms: true });
      await as('ps-martin').changeAuthorization(PATIENT_NO_DOSSIER.ins, { change: 'grant-self', rpps: '10003456786', consent: true });
      const told = db.notifications.filter((n) => n.ins === PATIENT_NO_DOSSIER.ins && n.event === 'first-access').map((n) => n.channel);
      expect(told).to.deep.equal(['sms']);
    });

    it('creates a dossier once however often the same request is retried, and counts the pharmacist’s act once', async () => {
      const pharmacist = as('ps-dubois');
      const first = await pharmacist.createDossier(creation(), { idempotencyKey: 'key-1' });
      const again = await pharmacist.createDossier(creation(), { idempotencyKey: 'key-1' });
      expect(again).to.deep.equal(first);
      expect(first.credentials.temporaryPassword.length).to.be.greaterThan(7);
      expect(db.creationActs.get('ps-dubois')).to.equal(1);
      expect(lastLog(PATIENT_NO_DOSSIER.ins)).to.deep.include({ action: 'dossier.create', outcome: 'allowed' });
      const other = await failure(pharmacist.createDossier(creation(), { idempotencyKey: 'key-2' }));
      expect(other.status).to.equal(409);
      expect(db.creationActs.get('ps-dubois')).to.equal(1);
    });

    it('logs a replayed creation as its own request, a creation allowed as the first was, and still counts the act and notifies once', async () => {
      const ins = PATIENT_NO_DOSSIER.ins;
      const pharmacist = as('ps-dubois');
      await pharmacist.createDossier(creation(), { idempotencyKey: 'key-1' });
      const logged = logOf(ins).length;
      const notified = db.notifications.length;
      await pharmacist.createDossier(creation(), { idempotencyKey: 'key-1' });
      expect(logOf(ins).slice(logged).map((e) => [e.action, e.outcome, e.reason, e.actor.id])).to.deep.equal([
        ['dossier.create', 'allowed', 'allowed', 'ps-dubois'],
      ]);
      expect(db.creationActs.get('ps-dubois')).to.equal(1);
      expect(db.notifications.length).to.equal(notified);
    });

    it('logs a creation replayed with another body as a refused invalid request, in the history of the dossier that body names', async () => {
      const pharmacist = as('ps-dubois');
      await pharmacist.createDossier(creation(), { idempotencyKey: 'key-1' });
      const first = logOf(PATIENT_NO_DOSSIER.ins).length;
      const named = logOf(ADULT).length;
      const other = { ...creation(), ins: ADULT, traits: PATIENT_ADULT.identity.traits };
      const error = await failure(pharmacist.createDossier(other, { idempotencyKey: 'key-1' }));
      expect(error.status).to.equal(422);
      expect(logOf(ADULT).slice(named).map((e) => [e.action, e.outcome, e.reason, e.actor.id])).to.deep.equal([
        ['dossier.create', 'denied', 'invalid-request', 'ps-dubois'],
      ]);
      expect(logOf(PATIENT_NO_DOSSIER.ins).length).to.equal(first);
    });

    it('refuses a creation without consent, and a curator for a minor', async () => {
      // Well-formed, and refused by the policy with its reason.
      const noConsent = await failure(as('ps-dubois').createDossier({ ...creation(), consent: false as true }, { idempotencyKey: 'k3' }));
      expect(noConsent.status).to.equal(403);
      expect(noConsent.reason).to.equal('consent-required');
      expect(lastLog(PATIENT_NO_DOSSIER.ins)).to.deep.include({ action: 'dossier.create', outcome: 'denied', reason: 'consent-required' });
      expect(db.dossiers.has(PATIENT_NO_DOSSIER.ins)).to.equal(false);
      const minorTraits = { ...PATIENT_NO_DOSSIER.traits, birthDate: '2015-07-14' };
      const curator = await failure(
        as('ps-dubois').createDossier(
          { ...creation(), traits: minorTraits, legalRepresentative: { firstName: 'Luc', lastName: 'Bernard', relationship: 'curator' } },
          { idempotencyKey: 'k5' },
        ),
      );
      expect(curator.status).to.equal(400);
      expect(curator.issues!.map((i) => i.path)).to.deep.equal(['legalRepresentative.relationship']);
      expect(lastLog(PATIENT_NO_DOSSIER.ins)).to.deep.include({ action: 'dossier.create', outcome: 'denied', reason: 'invalid-request' });
      expect(db.dossiers.has(PATIENT_NO_DOSSIER.ins)).to.equal(false);
    });

    it('logs a creation without Idempotency-Key in the history of the INS it names', async () => {
      const before = logOf(PATIENT_NO_DOSSIER.ins).length;
      const response = await fetch(`${API_PREFIX}/dossiers`, {
        method: 'POST',
        body: JSON.stringify(creation()),
        headers: { Authorization: 'Bearer ps-dubois', 'Content-Type': 'application/json' },
      });
      expect(response.status).to.equal(400);
      expect(logOf(PATIENT_NO_DOSSIER.ins).slice(before).map((e) => [e.action, e.outcome, e.reason])).to.deep.equal([['dossier.create', 'denied', 'invalid-request']]);
      expect(db.dossiers.has(PATIENT_NO_DOSSIER.ins)).to.equal(false);
    });

    it('refuses a curator for a minor’s dossier, and logs it', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const error = await failure(as('rep-moreau-sophie').addRepresentative(ins, { firstName: 'Paul', lastName: 'Curateur', relationship: 'curator' }, { idempotencyKey: 'k-curateur' }));
      expect(error.status).to.equal(400);
      expect(error.issues!.map((i) => i.path)).to.deep.equal(['relationship']);
      expect(db.dossiers.get(ins)!.legalRepresentatives.some((r) => r.lastName === 'Curateur')).to.equal(false);
      expect(lastLog(ins)).to.deep.include({ action: 'representative.manage', outcome: 'denied', reason: 'invalid-request' });
    });

    it('ends a parent’s representation when the patient comes of age, and refuses a parent for an adult', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const mother = as('rep-moreau-sophie');
      expect((await mother.getDossier(ins)).status).to.equal('active');
      // Léa, born on 9 June 2012, is 18 on 9 June 2030: parental authority ends.
      db.setNow('2030-06-10T09:00:00.000Z');
      expect((await failure(mother.getDossier(ins))).reason).to.equal('not-legal-representative');
      expect((await as(PATIENT_MINOR.id).listRepresentatives(ins)).items.map((r) => r.id)).not.to.include('rep-moreau-sophie');
      // Not listed, so not found to remove either, as the FHIR gateway answers.
      const removal = await failure(as(PATIENT_MINOR.id).removeRepresentative(ins, 'rep-moreau-sophie'));
      expect([removal.status, removal.kind]).to.deep.equal([404, 'not-found']);
      expect(db.dossiers.get(ins)!.legalRepresentatives.some((r) => r.id === 'rep-moreau-sophie')).to.equal(true);
      const error = await failure(as(PATIENT_ADULT.id).addRepresentative(ADULT, { firstName: 'Louis', lastName: 'Durand', relationship: 'parent' }, { idempotencyKey: 'k-parent-majeur' }));
      expect([error.status, error.issues!.map((i) => i.path)]).to.deep.equal([400, ['relationship']]);
      expect(lastLog(ADULT)).to.deep.include({ action: 'representative.manage', outcome: 'denied', reason: 'invalid-request' });
    });

    it('judges an addition of a representative sent again as a first one: refused once the dossier is closed, and logged', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const mother = as('rep-moreau-sophie');
      const person = { firstName: 'Paul', lastName: 'Moreau', relationship: 'parent' as const };
      const added = await mother.addRepresentative(ins, person, { idempotencyKey: 'k-parent' });
      expect((await mother.addRepresentative(ins, person, { idempotencyKey: 'k-parent' })).id).to.equal(added.id);
      await mother.closeDossier(ins, 'Nous ne souhaitons plus utiliser le DMP.');
      const logged = logOf(ins).length;
      const refused = await failure(mother.addRepresentative(ins, person, { idempotencyKey: 'k-parent' }));
      expect([refused.status, refused.reason]).to.deep.equal([403, 'dossier-closed']);
      expect(logOf(ins).slice(logged).map((e) => [e.action, e.outcome, e.reason])).to.deep.equal([['representative.manage', 'denied', 'dossier-closed']]);
      expect(db.dossiers.get(ins)!.legalRepresentatives.filter((r) => r.lastName === 'Moreau' && r.firstName === 'Paul')).to.have.length(1);
    });

    it('logs a malformed creation as a refused invalid request in the history of the INS it names, and nowhere when it names none', async () => {
      const before = logOf(PATIENT_NO_DOSSIER.ins).length;
      // Sent as a gateway of another make might: the client checks its bodies before sending.
      const post = (body: unknown, key: string) =>
        fetch(`${API_PREFIX}/dossiers`, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { Authorization: 'Bearer ps-dubois', 'Content-Type': 'application/json', 'Idempotency-Key': key },
        });
      expect((await post({ ...creation(), insStatus: 'SURE' }, 'k9')).status).to.equal(400);
      expect(logOf(PATIENT_NO_DOSSIER.ins).slice(before).map((e) => [e.action, e.outcome, e.reason, e.actor.id])).to.deep.equal([
        ['dossier.create', 'denied', 'invalid-request', 'ps-dubois'],
      ]);
      const total = () => [...db.dossiers.keys(), PATIENT_NO_DOSSIER.ins].reduce((n, ins) => n + logOf(ins).length, 0);
      const all = total();
      expect((await post({ ...creation(), ins: '12' }, 'k10')).status).to.equal(400);
      expect(total()).to.equal(all);
      expect(db.dossiers.has(PATIENT_NO_DOSSIER.ins)).to.equal(false);
    });

    it('lets the patient’s side open online no one’s dossier but their own, and logs the refusal', async () => {
      const online = { ...creation(), channel: 'online' as const };
      const patient = await failure(as(PATIENT_ADULT.id).createDossier(online, { idempotencyKey: 'k6' }));
      expect(patient.status).to.equal(403);
      expect(patient.reason).to.equal('not-own-dossier');
      expect(lastLog(PATIENT_NO_DOSSIER.ins)).to.deep.include({ action: 'dossier.create', outcome: 'denied', reason: 'not-own-dossier' });
      const representative = await failure(as('rep-moreau-sophie').createDossier(online, { idempotencyKey: 'k7' }));
      expect(representative.reason).to.equal('not-legal-representative');
      expect(db.dossiers.has(PATIENT_NO_DOSSIER.ins)).to.equal(false);
      // Their own INS already has its DMP.
      const own = await failure(
        as(PATIENT_ADULT.id).createDossier({ ...online, ins: ADULT, traits: PATIENT_ADULT.identity.traits }, { idempotencyKey: 'k8' }),
      );
      expect(own.status).to.equal(409);
    });

    it('lets a patient without a dossier open their own online, and then read it as theirs', async () => {
      const santoni = as('pat-santoni-paul-antoine');
      const created = await santoni.createDossier({ ...creation(), channel: 'online' }, { idempotencyKey: 'k11' });
      expect(created.dossier).to.include({ ins: PATIENT_NO_DOSSIER.ins, status: 'active' });
      expect(db.dossiers.get(PATIENT_NO_DOSSIER.ins)?.patientId).to.equal('pat-santoni-paul-antoine');
      expect(lastLog(PATIENT_NO_DOSSIER.ins)).to.deep.include({ action: 'dossier.create', outcome: 'allowed' });
      expect((await santoni.getDossier(PATIENT_NO_DOSSIER.ins)).status).to.equal('active');
      // Another patient still cannot read it.
      expect((await failure(as(PATIENT_ADULT.id).getDossier(PATIENT_NO_DOSSIER.ins))).reason).to.equal('not-own-dossier');
    });

    it('lets the patient close and reactivate the dossier', async () => {
      const patient = as(PATIENT_ADULT.id);
      expect((await patient.closeDossier(ADULT, 'Je ne souhaite plus utiliser le DMP')).status).to.equal('closed');
      expect((await failure(as('ps-martin').listDocuments(ADULT))).reason).to.equal('dossier-closed');
      expect((await patient.reactivateDossier(ADULT)).status).to.equal('active');
    });

    it('lets a professional reactivate a closed dossier only with the patient’s consent', async () => {
      const ins = PATIENT_CLOSED.identity.ins;
      const martin = as('ps-martin');
      const refused = await failure(martin.reactivateDossier(ins));
      expect([refused.status, refused.reason]).to.deep.equal([403, 'consent-required']);
      expect(db.dossiers.get(ins)!.status).to.equal('closed');
      expect(lastLog(ins)).to.deep.include({ action: 'dossier.reactivate', outcome: 'denied', reason: 'consent-required' });
      expect((await martin.reactivateDossier(ins, { consent: true })).status).to.equal('active');
      expect(db.dossiers.get(ins)!.status).to.equal('active');
      expect(lastLog(ins)).to.deep.include({ action: 'dossier.reactivate', outcome: 'allowed', reason: 'allowed' });
    });

    it('lets administrative staff create a dossier at the caisse, and through no other channel', async () => {
      const ins = PATIENT_NO_DOSSIER.ins;
      const admin = as('admin-chu');
      // creation() is the professional channel.
      const wrong = await failure(admin.createDossier(creation(), { idempotencyKey: 'k-admin-professional' }));
      expect([wrong.status, wrong.reason]).to.deep.equal([400, 'invalid-request']);
      expect(lastLog(ins)).to.deep.include({ action: 'dossier.create', outcome: 'denied', reason: 'invalid-request' });
      expect(db.dossiers.has(ins)).to.equal(false);
      const created = await admin.createDossier({ ...creation(), channel: 'caisse' }, { idempotencyKey: 'k-admin-caisse' });
      expect(created.dossier).to.include({ ins, status: 'active' });
      expect(db.dossiers.get(ins)?.status).to.equal('active');
      expect(lastLog(ins)).to.deep.include({ action: 'dossier.create', outcome: 'allowed', reason: 'allowed' });
    });
  });

  describe('synthesis', () => {
    it('saves a new version with If-Match, and answers 412 with the current version on a stale ETag', async () => {
      const doctor = as('ps-martin');
      const current = (await doctor.getSynthesis(ADULT))!;
      const saved = await doctor.saveSynthesis(ADULT, { ...current.content, narrative: 'Mise à jour' }, current.etag);
      expect(saved.version).to.equal(current.version + 1);
      const conflict = await failure(doctor.saveSynthesis(ADULT, { ...emptySynthesisContent(), allergiesNoneKnown: true }, current.etag));
      expect(conflict.kind).to.equal('conflict');
      expect(conflict.etag).to.equal(saved.etag);
      const versions = await doctor.listSynthesisVersions(ADULT);
      expect(versions.items[0]!.version).to.equal(saved.version);
      const old = await doctor.getSynthesisVersion(ADULT, current.version);
      expect(old.content).to.deep.equal(current.content);
    });

    it('has no VSM once the patient deleted the current one: the version it replaced does not come back; the next is written anew, numbered after them', async () => {
      const current = (await as('ps-martin').getSynthesis(ADULT))!;
      expect(current.version).to.be.greaterThan(1);
      await as(PATIENT_ADULT.id).deleteDocument(ADULT, current.documentId);
      expect(await as('ps-bernard').getSynthesis(ADULT)).to.equal(null);
      const anew = await as('ps-martin').saveSynthesis(ADULT, { ...current.content, narrative: 'Reprise après suppression' }, '');
      expect(anew.version).to.equal(current.version + 1);
      expect((await as('ps-martin').getSynthesis(ADULT))!.version).to.equal(anew.version);
    });

    it('matches If-Match as RFC 9110 §13.1.1: * and any tag of a list, by strong comparison; none at all only for the first version', async () => {
      const current = (await as('ps-martin').getSynthesis(ADULT))!;
      const weak = await rawSaveSynthesis('ps-martin', ADULT, `W/${current.etag}`);
      expect(weak.status).to.equal(412);
      expect(((await weak.json()) as { etag?: string }).etag).to.equal(current.etag);
      const listed = await rawSaveSynthesis('ps-martin', ADULT, `"vsm-0-stale", ${current.etag}`);
      expect(listed.status).to.equal(200);
      const saved = (await listed.json()) as { version: number; etag: string };
      expect(saved.version).to.equal(current.version + 1);
      const any = await rawSaveSynthesis('ps-martin', ADULT, '*');
      expect(any.status).to.equal(200);
      expect(((await any.json()) as { version: number }).version).to.equal(saved.version + 1);
      const without = await rawSaveSynthesis('ps-martin', ADULT, undefined);
      expect(without.status).to.equal(412);
      expect(await without.json()).to.have.keys(['type', 'title', 'status', 'detail', 'current', 'etag']);
      const ins = PATIENT_MINOR.identity.ins;
      expect((await rawSaveSynthesis('ps-martin', ins, '*')).status).to.equal(412);
      expect(lastLog(ins)).to.deep.include({ action: 'synthesis.write', outcome: 'denied', reason: 'invalid-request' });
      expect(db.syntheses.has(ins)).to.equal(false);
      expect((await rawSaveSynthesis('ps-martin', ins, undefined)).status).to.equal(200);
    });

    it('lets only the médecin traitant write it', async () => {
      const current = (await as('ps-martin').getSynthesis(ADULT))!;
      const error = await failure(as('ps-bernard').saveSynthesis(ADULT, current.content, current.etag));
      expect(error.reason).to.equal('not-treating-physician');
    });

    it('takes the VSM by PUT /synthesis only: a SYNTH file, or a file replacing the VSM, is refused as malformed and logged', async () => {
      const served = (await as('ps-martin').getSynthesis(ADULT))!;
      const count = db.documentsOf(ADULT).length;
      const file = () => new Blob(['<ClinicalDocument/>'], { type: 'text/xml' });
      const vsm = { title: 'Volet de synthèse médicale', typeCode: 'SYNTH', serviceStart: SEED_NOW };
      // Our client sends none: the schema says where the VSM goes.
      const local = await failure(as('ps-martin').addDocument(ADULT, vsm, file()));
      expect([local.kind, local.status, local.issues?.map((i) => i.path)]).to.deep.equal(['invalid-request', undefined, ['typeCode']]);
      // Another one's, from a pharmacist who may read the VSM and so add to its category: not its writer.
      const form = new FormData();
      form.append('metadata', JSON.stringify(vsm));
      form.append('file', file());
      const sent = await fetch(`${API_PREFIX}/dossiers/${ADULT}/documents`, { method: 'POST', headers: { Authorization: 'Bearer ps-dubois' }, body: form });
      const problem = (await sent.json()) as { detail?: string; invalidParams?: Array<{ name: string; reason: string }> };
      expect([sent.status, problem.invalidParams?.map((p) => p.name)]).to.deep.equal([400, ['typeCode']]);
      expect(problem.invalidParams?.[0]?.reason).to.contain('PUT /dossiers/{ins}/synthesis');
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.add', outcome: 'denied', reason: 'invalid-request' });
      // Its writer neither: a file is no version the synthesis route serves.
      const report = await failure(as('ps-martin').addDocument(ADULT, { title: 'Compte rendu', typeCode: '11488-4', serviceStart: SEED_NOW, replaces: served.documentId }, file()));
      expect([report.status, report.issues?.map((i) => i.path)]).to.deep.equal([400, ['replaces']]);
      expect(report.problem?.detail ?? report.problem?.title).to.contain('PUT /dossiers/{ins}/synthesis');
      expect(lastLog(ADULT)).to.deep.include({ action: 'document.replace', outcome: 'denied', reason: 'invalid-request' });
      expect(db.documentsOf(ADULT).length).to.equal(count);
      expect(db.findDocument(ADULT, served.documentId)!.status).to.equal('current');
      expect((await as('ps-martin').getSynthesis(ADULT))!.documentId).to.equal(served.documentId);
    });

    it('refuses a save of the VSM or of the prevention record with two entries under one id, naming the second', async () => {
      const put = (path: string, etag: string, content: unknown) =>
        fetch(`${API_PREFIX}/dossiers/${ADULT}/${path}`, {
          method: 'PUT',
          headers: { Authorization: 'Bearer ps-martin', 'Content-Type': 'application/json', 'If-Match': etag },
          body: JSON.stringify({ content }),
        });
      const namesOf = async (response: Response) => [response.status, ((await response.json()) as { invalidParams?: Array<{ name: string }> }).invalidParams?.map((p) => p.name)];
      const synthesis = (await as('ps-martin').getSynthesis(ADULT))!;
      const { problems, treatments } = synthesis.content;
      const twice = { ...synthesis.content, treatments: [...treatments, { ...treatments[0]!, id: problems[0]!.id }] };
      expect(await namesOf(await put('synthesis', synthesis.etag, twice))).to.deep.equal([400, [`content.treatments.${treatments.length}.id`]]);
      const prevention = (await as('ps-martin').getPrevention(ADULT))!;
      const { vaccinations } = prevention.content;
      const again = { ...prevention.content, vaccinations: [...vaccinations, { ...vaccinations[0]!, date: '2026-11-20' }] };
      expect(await namesOf(await put('prevention', prevention.etag, again))).to.deep.equal([400, [`content.vaccinations.${vaccinations.length}.id`]]);
      expect((await as('ps-martin').getSynthesis(ADULT))!.version).to.equal(synthesis.version);
      expect((await as('ps-martin').getPrevention(ADULT))!.version).to.equal(prevention.version);
    });

    it('answers 204 with no body and no ETag when the dossier has no synthesis yet, and logs the read', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      expect(db.syntheses.has(ins)).to.equal(false);
      const response = await rawGet('ps-martin', `/dossiers/${ins}/synthesis`);
      expect(response.status).to.equal(204);
      expect(response.headers.get('ETag')).to.equal(null);
      expect(await response.text()).to.equal('');
      expect(lastLog(ins)).to.deep.include({ action: 'synthesis.read', outcome: 'allowed' });
      expect(await as('ps-martin').getSynthesis(ins)).to.equal(null);
    });

    it('still answers 404 for a dossier that does not exist', async () => {
      const response = await rawGet('ps-martin', `/dossiers/${PATIENT_NO_DOSSIER.ins}/synthesis`);
      expect(response.status).to.equal(404);
      expect(((await response.json()) as { reason?: string }).reason).to.equal('no-dossier');
    });

    it('answers a synthesis hidden from the legal representative as if there were none', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const saved = await as('ps-martin', { 'DMP-Secret': '1' }).saveSynthesis(ins, { ...emptySynthesisContent(), allergiesNoneKnown: true }, '');
      expect((await as(PATIENT_MINOR.id).getSynthesis(ins))?.documentId).to.equal(saved.documentId);
      const response = await rawGet('rep-moreau-sophie', `/dossiers/${ins}/synthesis`);
      expect(response.status).to.equal(204);
      expect(await response.text()).to.equal('');
      expect(lastLog(ins)).to.deep.include({ action: 'synthesis.read', outcome: 'denied', reason: 'invisible-to-legal-representative' });
      // Its versions likewise: the empty list of a dossier without a synthesis, not a refusal.
      const logged = logOf(ins).length;
      expect(await as('rep-moreau-sophie').listSynthesisVersions(ins)).to.deep.equal({ items: [] });
      expect(logOf(ins)).to.have.length(logged + 1);
      expect(lastLog(ins)).to.deep.include({ action: 'synthesis.read', outcome: 'denied', reason: 'invisible-to-legal-representative' });
      // Kept for the audit, but not in the history the patient's side reads: it would tell.
      const history = await as('rep-moreau-sophie').listAccessLog(ins, { limit: 200 });
      expect(history.items.filter((e) => e.reason === 'invisible-to-legal-representative')).to.deep.equal([]);
      // The minor, from whom nothing was hidden, sees the refusal.
      const own = await as(PATIENT_MINOR.id).listAccessLog(ins, { limit: 200 });
      expect(own.items.filter((e) => e.reason === 'invisible-to-legal-representative')).to.have.length(2);
    });
  });

  describe('authorizations and settings', () => {
    it('a block by the patient refuses the professional’s next request, and it is logged', async () => {
      const patient = as(PATIENT_ADULT.id);
      await as('ps-dubois').listDocuments(ADULT);
      await patient.changeAuthorization(ADULT, { change: 'block', rpps: '10007025645' });
      expect(lastLog(ADULT)).to.deep.include({ action: 'authorization.manage', outcome: 'allowed' });
      const error = await failure(as('ps-dubois').listDocuments(ADULT));
      expect(error.reason).to.equal('blocked');
      expect(lastLog(ADULT)).to.deep.include({ outcome: 'denied', reason: 'blocked' });
    });

    it('holds a professional authorized or blocked, never both: the patient’s grant ends a block, the professional’s own declaration does not', async () => {
      const renard = as('ps-renard');
      expect((await failure(renard.listDocuments(ADULT))).reason).to.equal('blocked');
      const declared = await failure(renard.changeAuthorization(ADULT, { change: 'grant-self', rpps: '10017128462', consent: true }));
      expect(declared.reason).to.equal('blocked');
      expect(lastLog(ADULT)).to.deep.include({ action: 'authorization.grant-self', outcome: 'denied', reason: 'blocked' });
      const { items } = await as(PATIENT_ADULT.id).changeAuthorization(ADULT, { change: 'grant', rpps: '10017128462' });
      expect(items.filter((a) => a.professional.rpps === '10017128462').map((a) => a.status)).to.deep.equal(['authorized']);
      expect(lastLog(ADULT)).to.deep.include({ action: 'authorization.manage', outcome: 'allowed' });
      expect((await renard.listDocuments(ADULT)).items.length).to.be.greaterThan(0);
    });

    it('records a professional’s self-declared consent and notifies the first access', async () => {
      const error = await failure(as('ps-leroy').listDocuments(ADULT));
      expect(error.reason).to.equal('not-authorized');
      await as('ps-leroy').changeAuthorization(ADULT, { change: 'grant-self', rpps: '10011462503', consent: true });
      expect((await as('ps-leroy').listDocuments(ADULT)).items.length).to.be.greaterThan(0);
      expect(db.notifications.some((n) => n.ins === ADULT && n.event === 'first-access')).to.equal(true);
    });

    it('changes oppositions, preferences and representatives for the patient only', async () => {
      const patient = as(PATIENT_ADULT.id);
      expect(await patient.setOppositions(ADULT, { breakGlass: true, regulation: false })).to.deep.include({ breakGlass: true, regulation: false });
      const why = 'Patient inconscient, pronostic vital engagé immédiatement';
      expect((await failure(as('ps-morel').requestEmergencyAccess(ADULT, 'break-glass', why, { idempotencyKey: crypto.randomUUID() }))).reason).to.equal('patient-opposed');
      expect((await failure(as('ps-martin').getOppositions(ADULT))).reason).to.equal('patient-only');
      const rep = await patient.addRepresentative(ADULT, { firstName: 'Paul', lastName: 'Durand', relationship: 'guardian' }, { idempotencyKey: 'k-paul' });
      expect((await patient.listRepresentatives(ADULT)).items.map((r) => r.id)).to.include(rep.id);
      await patient.removeRepresentative(ADULT, rep.id);
      expect((await patient.listRepresentatives(ADULT)).items.map((r) => r.id)).not.to.include(rep.id);
    });

    it('adds a legal representative once however often the same request is sent again, and refuses the key for another person or without one', async () => {
      const patient = as(PATIENT_ADULT.id);
      const paul = { firstName: 'Paul', lastName: 'Durand', relationship: 'guardian' } as const;
      const before = db.dossiers.get(ADULT)!.legalRepresentatives.length;
      db.faults.add({ method: 'POST', path: '/representatives', answerLost: true, times: 1 });
      expect((await failure(patient.addRepresentative(ADULT, paul, { idempotencyKey: 'k-paul' }))).kind).to.equal('network');
      const logged = logOf(ADULT).length;
      const again = await patient.addRepresentative(ADULT, paul, { idempotencyKey: 'k-paul' });
      const added = db.dossiers.get(ADULT)!.legalRepresentatives;
      expect(added.length).to.equal(before + 1);
      expect(again.id).to.equal(added[added.length - 1]!.id);
      expect(logOf(ADULT).slice(logged).map((e) => [e.action, e.outcome])).to.deep.equal([['representative.manage', 'allowed']]);
      const other = await failure(patient.addRepresentative(ADULT, { ...paul, firstName: 'Pierre' }, { idempotencyKey: 'k-paul' }));
      expect(other.status).to.equal(422);
      const keyless = await fetch(`/api/dmp/v1/dossiers/${ADULT}/representatives`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${PATIENT_ADULT.id}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(paul),
      });
      expect(keyless.status).to.equal(400);
      expect(db.dossiers.get(ADULT)!.legalRepresentatives.length).to.equal(before + 1);
      expect(lastLog(ADULT)).to.deep.include({ action: 'representative.manage', outcome: 'denied', reason: 'invalid-request' });
    });

    it('adds anew, rather than give back, a representative sent again once the first was removed', async () => {
      const patient = as(PATIENT_ADULT.id);
      const paul = { firstName: 'Paul', lastName: 'Durand', relationship: 'guardian' } as const;
      const first = await patient.addRepresentative(ADULT, paul, { idempotencyKey: 'k-paul' });
      await patient.removeRepresentative(ADULT, first.id);
      const again = await patient.addRepresentative(ADULT, paul, { idempotencyKey: 'k-paul' });
      expect(again.id).not.to.equal(first.id);
      expect(db.dossiers.get(ADULT)!.legalRepresentatives.map((r) => r.id)).to.include(again.id);
    });

    it('refuses a change of a setting made against a version changed since, with the current one, and takes one made against the current version or without If-Match', async () => {
      const tab = as(PATIENT_ADULT.id);
      const phone = as(PATIENT_ADULT.id);
      const seen = await tab.getOppositions(ADULT);
      expect(seen.etag).to.be.a('string');
      const onPhone = await phone.setOppositions(ADULT, { ...seen, regulation: true });
      expect(onPhone.etag).not.to.equal(seen.etag);
      const stale = await failure(tab.setOppositions(ADULT, { ...seen, breakGlass: true }));
      expect([stale.kind, stale.status]).to.deep.equal(['conflict', 412]);
      expect(stale.current).to.deep.equal({ breakGlass: false, regulation: true, etag: onPhone.etag });
      expect(db.dossiers.get(ADULT)!.oppositions).to.deep.equal({ breakGlass: false, regulation: true });
      expect(lastLog(ADULT)).to.deep.include({ action: 'opposition.manage', outcome: 'denied', reason: 'invalid-request' });
      expect(await tab.setOppositions(ADULT, { ...(stale.current as typeof seen), breakGlass: true })).to.deep.include({ breakGlass: true, regulation: true });
      // A client that keeps no ETag writes as before.
      expect(await tab.setOppositions(ADULT, { breakGlass: false, regulation: false })).to.deep.include({ breakGlass: false, regulation: false });

      const preferences = await tab.getNotificationPreferences(ADULT);
      await phone.setNotificationPreferences(ADULT, { ...preferences, email: 'telephone@example.org' });
      const stalePreferences = await failure(tab.setNotificationPreferences(ADULT, { ...preferences, email: 'onglet@example.org' }));
      expect(stalePreferences.kind).to.equal('conflict');
      expect(db.dossiers.get(ADULT)!.notificationPreferences.email).to.equal('telephone@example.org');
    });

    it('designates only a médecin as médecin traitant', async () => {
      const patient = as(PATIENT_ADULT.id);
      const error = await failure(patient.changeAuthorization(ADULT, { change: 'designate-treating', rpps: '10007025645' }));
      expect(error.status).to.equal(400);
      expect(error.issues?.map((i) => i.path)).to.deep.equal(['rpps']);
      expect(db.policyDossier(ADULT).treatingPhysiciansRpps).not.to.include('10007025645');
      expect(lastLog(ADULT)).to.deep.include({ action: 'authorization.manage', outcome: 'denied', reason: 'invalid-request' });
      await patient.changeAuthorization(ADULT, { change: 'designate-treating', rpps: '10005874218' });
      expect(db.policyDossier(ADULT).treatingPhysiciansRpps).to.include('10005874218');
    });

    it('finds professionals by name without accents or by RPPS', async () => {
      const byName = await as(PATIENT_ADULT.id).searchProfessionals('martin');
      expect(byName.items.map((p) => p.id)).to.include('ps-martin');
      const byRpps = await as(PATIENT_ADULT.id).searchProfessionals('1000345');
      expect(byRpps.items.map((p) => p.id)).to.include('ps-martin');
    });

    it('refuses a directory search outside its declared query with a 400 naming q', async () => {
      for (const path of ['/professionals', `/professionals?q=${'a'.repeat(101)}`]) {
        const response = await rawGet(PATIENT_ADULT.id, path);
        expect(response.status, path).to.equal(400);
        expect(response.headers.get('Content-Type'), path).to.equal('application/problem+json');
        const problem = (await response.json()) as { invalidParams?: Array<{ name: string }> };
        expect(problem.invalidParams?.map((p) => p.name), path).to.deep.equal(['q']);
      }
      expect((await rawGet(PATIENT_ADULT.id, `/professionals?q=${'a'.repeat(100)}`)).status).to.equal(200);
    });
  });

  describe('access history', () => {
    it('is read by the patient, refused to professionals, and pages stay stable while entries arrive', async () => {
      const patient = as(PATIENT_ADULT.id);
      expect((await failure(as('ps-martin').listAccessLog(ADULT))).reason).to.equal('patient-only');
      const page1 = await patient.listAccessLog(ADULT, { limit: 5 });
      await as('ps-martin').listDocuments(ADULT);
      await as('ps-martin').listDocuments(ADULT);
      const page2 = await patient.listAccessLog(ADULT, { limit: 5, cursor: page1.nextCursor! });
      const ids1 = page1.items.map((e) => e.id);
      expect(page2.items.some((e) => ids1.includes(e.id))).to.equal(false);
      const emergency = await patient.listAccessLog(ADULT, { mode: 'break-glass', limit: 1000 });
      expect(emergency.items.every((e) => e.mode === 'break-glass')).to.equal(true);
    });

    it('refuses a cursor that is not a whole number, a blank one included (it would read as the end)', async () => {
      for (const cursor of ['', '%20', '0x10', '1e1', '-0', 'abc']) {
        const response = await rawGet(PATIENT_ADULT.id, `/dossiers/${ADULT}/access-log?cursor=${cursor}`);
        expect(response.status, `cursor "${cursor}"`).to.equal(400);
      }
      expect((await rawGet(PATIENT_ADULT.id, `/dossiers/${ADULT}/access-log?cursor=3`)).status).to.equal(200);
    });

    it('hides connexion secrète entries from legal representatives', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      await as('ps-lefebvre', { 'DMP-Secret': '1' }).listDocuments(ins);
      const representative = await as('rep-moreau-sophie').listAccessLog(ins, { limit: 1000 });
      expect(representative.items.some((e) => e.secret)).to.equal(false);
      const patient = await as(PATIENT_MINOR.id).listAccessLog(ins, { limit: 1000 });
      expect(patient.items.some((e) => e.secret)).to.equal(true);
    });
  });

  describe('fault injection', () => {
    it('injects a 503 once: a GET is retried and succeeds; a malformed body is an invalid-response', async () => {
      db.faults.add({ method: 'GET', path: '/documents', status: 503, times: 1 });
      expect((await as('ps-martin').listDocuments(ADULT)).items.length).to.be.greaterThan(0);
      db.faults.add({ method: 'GET', path: '/documents', malformed: 'schema', times: 1 });
      expect((await failure(as('ps-martin').listDocuments(ADULT))).kind).to.equal('invalid-response');
      db.faults.add({ method: 'GET', path: '/documents', malformed: 'truncated', times: 1 });
      expect((await failure(as('ps-martin').listDocuments(ADULT))).kind).to.equal('invalid-response');
    });

    it('is controlled over HTTP too, and reset restores the seed', async () => {
      await fetch('/api/dmp/v1/__mock/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ path: '/oppositions', status: 500, times: 5 }) });
      expect((await failure(as(PATIENT_ADULT.id).setOppositions(ADULT, { breakGlass: true, regulation: true }))).status).to.equal(500);
      await as(PATIENT_ADULT.id).changeAuthorization(ADULT, { change: 'block', rpps: '10007025645' });
      await fetch('/api/dmp/v1/__mock/reset', { method: 'POST' });
      db.setNow(SEED_NOW);
      expect((await as('ps-dubois').listDocuments(ADULT)).items.length).to.be.greaterThan(0);
    });

    it('answers a fault it cannot read with a 400 problem, and injects nothing', async () => {
      const post = (body: string) => fetch('/api/dmp/v1/__mock/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      const malformed = await post('{"path": "/oppositions", "status": 500');
      expect(malformed.status).to.equal(400);
      expect(malformed.headers.get('Content-Type')).to.equal('application/problem+json');
      expect(((await malformed.json()) as { detail?: string }).detail).to.match(/JSON/);
      const invalid = await post(JSON.stringify({ path: '/oppositions', status: 'often' }));
      expect(invalid.status).to.equal(400);
      expect(((await invalid.json()) as { invalidParams?: Array<{ name: string }> }).invalidParams?.map((p) => p.name)).to.deep.equal(['status']);
      expect(await as(PATIENT_ADULT.id).getOppositions(ADULT)).to.deep.include(db.dossiers.get(ADULT)!.oppositions);
    });
  });
});
