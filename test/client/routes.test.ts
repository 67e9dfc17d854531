import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { HttpDmpClient } from '../../src/client/http-client.js';
import { ROUTES } from '../../src/model/routes.js';
import type { RouteName } from '../../src/model/routes.js';
import { api, BASE_URL, DOC_BIOLOGY, DOSSIER_ACTIVE, DOSSIER_CREATE, INS_ADULT, RPPS_DR_MARTIN, SYNTHESIS_V1 } from './fixtures.js';

const worker = setupWorker();
const dmp = new HttpDmpClient({ baseUrl: BASE_URL, headers: () => ({ Authorization: 'Bearer pro-martin' }) });

const DR_MARTIN = { id: 'pro-martin', rpps: RPPS_DR_MARTIN, firstName: 'Paul', lastName: 'Martin', profession: '10', specialty: 'SM26' };
const AUTHORIZATIONS = { items: [{ professional: DR_MARTIN, status: 'treating-physician', since: '2022-09-01T10:00:00+02:00' }] };
const OPPOSITIONS = { breakGlass: true, regulation: false };
const PREFERENCES = {
  email: 'claire.durand@example.fr',
  newDocument: { email: true, sms: false },
  firstAccess: { email: true, sms: false },
  emergencyAccess: { email: true, sms: true },
};
const NEW_REPRESENTATIVE = { firstName: 'Marc', lastName: 'Durand', relationship: 'guardian' };
const REPRESENTATIVE = { ...NEW_REPRESENTATIVE, id: 'rep-marc', since: '2023-04-01T09:00:00+02:00' };
const JUSTIFICATION = 'Patiente inconsciente aux urgences, aucun proche joignable.';
const PREVENTION = {
  documents: { vaccinations: 'doc-vaccinations-1' },
  version: 1,
  etag: '"prevention-1"',
  author: SYNTHESIS_V1.author,
  savedAt: SYNTHESIS_V1.savedAt,
  content: { vaccinations: [{ id: 'vac-1', vaccine: 'Grippe saisonnière', date: '2026-10-01' }], screenings: [] },
};

interface Case {
  name: RouteName;
  call: () => Promise<unknown>;
  /** Path and query as the server receives them, relative to the base URL. */
  url: string;
  body?: unknown;
  /** JSON answered; none for a 204. */
  answer?: unknown;
}

const dossier = `/dossiers/${INS_ADULT}`;
const CASES: Case[] = [
  { name: 'getDossier', call: () => dmp.getDossier(INS_ADULT), url: dossier, answer: DOSSIER_ACTIVE },
  {
    name: 'createDossier',
    call: () => dmp.createDossier(DOSSIER_CREATE, { idempotencyKey: 'k' }),
    url: '/dossiers',
    body: DOSSIER_CREATE,
    answer: { dossier: DOSSIER_ACTIVE, credentials: { identifier: 'claire.durand', temporaryPassword: 'Xk4#pq9Lm2' } },
  },
  { name: 'closeDossier', call: () => dmp.closeDossier(INS_ADULT, 'Décès'), url: `${dossier}/close`, body: { reason: 'Décès' }, answer: DOSSIER_ACTIVE },
  { name: 'reactivateDossier', call: () => dmp.reactivateDossier(INS_ADULT, { consent: true }), url: `${dossier}/reactivate`, body: { consent: true }, answer: DOSSIER_ACTIVE },
  {
    name: 'listDocuments',
    call: () => dmp.listDocuments(INS_ADULT, { category: 'biology', sort: 'date-desc' }),
    url: `${dossier}/documents?category=biology&sort=date-desc`,
    answer: { items: [DOC_BIOLOGY], nextCursor: 'c2', total: 7, hidden: { masked: 2 } },
  },
  {
    name: 'latestDocuments',
    call: () => dmp.latestDocuments(INS_ADULT),
    url: `${dossier}/latest-documents`,
    answer: { categories: [{ category: 'biology', document: DOC_BIOLOGY }, { category: 'imaging' }, { category: 'prevention' }], hidden: { masked: 1 } },
  },
  { name: 'getDocument', call: () => dmp.getDocument(INS_ADULT, DOC_BIOLOGY.id), url: `${dossier}/documents/${DOC_BIOLOGY.id}`, answer: DOC_BIOLOGY },
  {
    name: 'updateDocument',
    call: () => dmp.updateDocument(INS_ADULT, DOC_BIOLOGY.id, { masked: true }),
    url: `${dossier}/documents/${DOC_BIOLOGY.id}`,
    body: { masked: true },
    answer: { ...DOC_BIOLOGY, masked: true },
  },
  { name: 'deleteDocument', call: () => dmp.deleteDocument(INS_ADULT, DOC_BIOLOGY.id), url: `${dossier}/documents/${DOC_BIOLOGY.id}` },
  { name: 'getSynthesis', call: () => dmp.getSynthesis(INS_ADULT), url: `${dossier}/synthesis`, answer: SYNTHESIS_V1 },
  {
    name: 'listSynthesisVersions',
    call: () => dmp.listSynthesisVersions(INS_ADULT),
    url: `${dossier}/synthesis/versions`,
    answer: { items: [{ documentId: 'vsm-1', version: 1, author: SYNTHESIS_V1.author, savedAt: SYNTHESIS_V1.savedAt }] },
  },
  { name: 'getSynthesisVersion', call: () => dmp.getSynthesisVersion(INS_ADULT, 1), url: `${dossier}/synthesis/versions/1`, answer: SYNTHESIS_V1 },
  {
    name: 'saveSynthesis',
    call: () => dmp.saveSynthesis(INS_ADULT, SYNTHESIS_V1.content, '"vsm-v0"'),
    url: `${dossier}/synthesis`,
    body: { content: SYNTHESIS_V1.content },
    answer: SYNTHESIS_V1,
  },
  { name: 'getPrevention', call: () => dmp.getPrevention(INS_ADULT), url: `${dossier}/prevention`, answer: PREVENTION },
  {
    name: 'savePrevention',
    call: () => dmp.savePrevention(INS_ADULT, PREVENTION.content, '"prevention-0"'),
    url: `${dossier}/prevention`,
    body: { content: PREVENTION.content },
    answer: PREVENTION,
  },
  { name: 'listAuthorizations', call: () => dmp.listAuthorizations(INS_ADULT), url: `${dossier}/authorizations`, answer: AUTHORIZATIONS },
  {
    name: 'changeAuthorization',
    call: () => dmp.changeAuthorization(INS_ADULT, { change: 'designate-treating', rpps: RPPS_DR_MARTIN }),
    url: `${dossier}/authorizations`,
    body: { change: 'designate-treating', rpps: RPPS_DR_MARTIN },
    answer: AUTHORIZATIONS,
  },
  { name: 'searchProfessionals', call: () => dmp.searchProfessionals('Martin'), url: '/professionals?q=Martin', answer: { items: [DR_MARTIN] } },
  { name: 'getOppositions', call: () => dmp.getOppositions(INS_ADULT), url: `${dossier}/oppositions`, answer: OPPOSITIONS },
  { name: 'setOppositions', call: () => dmp.setOppositions(INS_ADULT, OPPOSITIONS), url: `${dossier}/oppositions`, body: OPPOSITIONS, answer: OPPOSITIONS },
  { name: 'getNotificationPreferences', call: () => dmp.getNotificationPreferences(INS_ADULT), url: `${dossier}/notification-preferences`, answer: PREFERENCES },
  {
    name: 'setNotificationPreferences',
    call: () => dmp.setNotificationPreferences(INS_ADULT, PREFERENCES),
    url: `${dossier}/notification-preferences`,
    body: PREFERENCES,
    answer: PREFERENCES,
  },
  { name: 'listRepresentatives', call: () => dmp.listRepresentatives(INS_ADULT), url: `${dossier}/representatives`, answer: { items: [REPRESENTATIVE] } },
  {
    name: 'addRepresentative',
    call: () => dmp.addRepresentative(INS_ADULT, { firstName: 'Marc', lastName: 'Durand', relationship: 'guardian' }, { idempotencyKey: 'k' }),
    url: `${dossier}/representatives`,
    body: NEW_REPRESENTATIVE,
    answer: REPRESENTATIVE,
  },
  { name: 'removeRepresentative', call: () => dmp.removeRepresentative(INS_ADULT, 'rep-marc'), url: `${dossier}/representatives/rep-marc` },
  {
    name: 'listAccessLog',
    call: () => dmp.listAccessLog(INS_ADULT, { mode: 'break-glass', limit: 50 }),
    url: `${dossier}/access-log?mode=break-glass&limit=50`,
    answer: {
      items: [
        {
          id: 'log-1',
          at: '2024-03-01T02:14:00+01:00',
          actor: { kind: 'professional', name: 'Dr Paul Martin', rpps: RPPS_DR_MARTIN, profession: '10' },
          action: 'document.read',
          target: { documentId: DOC_BIOLOGY.id, title: DOC_BIOLOGY.title },
          mode: 'break-glass',
          justification: JUSTIFICATION,
          outcome: 'allowed',
          reason: 'allowed',
          secret: false,
        },
      ],
    },
  },
  {
    name: 'requestEmergencyAccess',
    call: () => dmp.requestEmergencyAccess(INS_ADULT, 'break-glass', JUSTIFICATION, { idempotencyKey: 'k' }),
    url: `${dossier}/emergency-access`,
    body: { mode: 'break-glass', justification: JUSTIFICATION },
    answer: { id: 'grant-1', mode: 'break-glass', expiresAt: '2024-03-01T03:14:00+01:00' },
  },
  {
    name: 'listNotifications',
    call: () => dmp.listNotifications(),
    url: '/notifications',
    answer: {
      items: [{ id: 'n-1', at: '2024-03-01T02:14:00+01:00', ins: INS_ADULT, channel: 'sms', event: 'emergency-access', text: 'Accès en urgence à votre dossier.' }],
    },
  },
];

describe('HttpDmpClient routes', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'error', serviceWorker: { url: '/mockServiceWorker.js' } }));
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  it('has a case for every JSON route (the upload has its own tests)', () => {
    const covered = [...CASES.map((c) => c.name), 'addDocument', 'getDocumentContent'].sort();
    expect(covered).to.deep.equal(Object.keys(ROUTES).sort());
  });

  for (const { name, call, url, body, answer } of CASES) {
    it(`${name} calls ${ROUTES[name].method} ${ROUTES[name].path} and resolves with the parsed answer`, async () => {
      let seen: { method: string; url: string; body: unknown; key: string | null } | undefined;
      worker.use(
        http.all(api('/*'), async ({ request }) => {
          const target = new URL(request.url);
          const text = await request.text();
          seen = { method: request.method, url: target.pathname.slice(BASE_URL.length) + target.search, body: text ? JSON.parse(text) : undefined, key: request.headers.get('Idempotency-Key') };
          return answer === undefined ? new HttpResponse(null, { status: 204 }) : HttpResponse.json(answer);
        }),
      );
      const result = await call();
      // Each route that takes an Idempotency-Key sends the one given (every case gives `k`).
      expect(seen).to.deep.equal({ method: ROUTES[name].method, url, body, key: 'idempotencyKey' in ROUTES[name] ? 'k' : null });
      expect(result).to.deep.equal(answer);
    });
  }
});
