import { expect } from '@open-wc/testing';
import { db, startMockBackend, worker } from '../../mocks/browser.js';
import { ACTORS, DOCUMENTS, PATIENT_ADULT, PATIENT_NO_DOSSIER, SEED_NOW } from '../../mocks/data/index.js';
import { API_PREFIX, ROUTES, routePath, type RouteName, type RouteSpec } from '../../src/model/routes.js';
import type { Actor } from '../../src/model/actor.js';

const ADULT = PATIENT_ADULT.identity.ins;
const DOC_ID = DOCUMENTS[ADULT]![0]!.id;

/** A well-formed request for each route, so that what is tested is the policy, not the parser. */
function requestFor(name: RouteName, spec: RouteSpec): { ins: string; init: RequestInit; path: string } {
  const ins = name === 'createDossier' ? PATIENT_NO_DOSSIER.ins : ADULT;
  const path = routePath(spec.path, { ins, id: name === 'removeRepresentative' ? 'rep-unknown' : DOC_ID, version: 1 });
  const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method: spec.method,
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...headers },
  });
  const channels = { email: true, sms: false };
  switch (name) {
    case 'createDossier':
      return {
        ins,
        path,
        init: json(
          { ins, insStatus: 'QUAL', traits: PATIENT_NO_DOSSIER.traits, channel: 'professional', consent: true },
          { 'Idempotency-Key': crypto.randomUUID() },
        ),
      };
    case 'closeDossier':
      return { ins, path, init: json({ reason: 'Je ne souhaite plus de DMP' }) };
    case 'reactivateDossier':
      return { ins, path, init: json({ consent: true }) };
    case 'addDocument': {
      const form = new FormData();
      form.set('metadata', JSON.stringify({ title: 'Compte rendu', typeCode: '11488-4', serviceStart: SEED_NOW }));
      form.set('file', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'cr.pdf');
      return { ins, path, init: { method: 'POST', body: form } };
    }
    case 'updateDocument':
      return { ins, path, init: json({ masked: true }) };
    case 'saveSynthesis':
      return { ins, path, init: json({ content: PATIENT_SYNTHESIS_CONTENT() }, { 'If-Match': '"stale"' }) };
    case 'changeAuthorization':
      return { ins, path, init: json({ change: 'grant', rpps: '10011462503' }) };
    case 'setOppositions':
      return { ins, path, init: json({ breakGlass: true, regulation: false }) };
    case 'setNotificationPreferences':
      return { ins, path, init: json({ newDocument: channels, firstAccess: channels, emergencyAccess: channels }) };
    case 'addRepresentative':
      return { ins, path, init: json({ firstName: 'Paul', lastName: 'Durand', relationship: 'guardian' }) };
    case 'requestEmergencyAccess':
      return { ins, path, init: json({ mode: 'break-glass', justification: 'Patiente inconsciente, allergies inconnues' }) };
    default:
      return { ins, path, init: { method: spec.method } };
  }
}

function PATIENT_SYNTHESIS_CONTENT() {
  return db.syntheses.get(ADULT)!.at(-1)!.content;
}

/** The actions a route may log: a PATCH logs what it did (mask, visibility, archive). */
function loggedActions(name: RouteName, spec: RouteSpec): string[] {
  if (name === 'updateDocument') return ['document.mask', 'document.unmask', 'document.set-visibility', 'document.archive', 'document.read'];
  if (name === 'changeAuthorization') return ['authorization.manage', 'authorization.grant-self'];
  return [spec.action!];
}

function sameActor(logged: { id?: string | undefined; rpps?: string | undefined }, actor: Actor): boolean {
  return actor.kind === 'professional' ? logged.rpps === actor.rpps : logged.id === actor.id;
}

describe('audit completeness: every route × every seeded actor', () => {
  before(async () => {
    await startMockBackend({ onUnhandledRequest: 'bypass' });
  });
  after(() => worker.stop());

  const dossierRoutes = (Object.entries(ROUTES) as Array<[RouteName, RouteSpec]>).filter(([, spec]) => spec.action);

  it('names a policy action on every route that touches a dossier', () => {
    const without = (Object.entries(ROUTES) as Array<[RouteName, RouteSpec]>).filter(([, s]) => !s.action).map(([n]) => n);
    expect(without.sort()).to.deep.equal(['listNotifications', 'searchProfessionals']);
  });

  for (const actor of ACTORS) {
    it(`writes exactly one line per request for ${actor.id} (${actor.kind}), with its actor, action, mode and outcome`, async () => {
      for (const [name, spec] of dossierRoutes) {
        db.reset();
        db.setNow(SEED_NOW);
        const { ins, path, init } = requestFor(name, spec);
        const before = db.logOf(ins).length;
        const response = await fetch(`${API_PREFIX}${path}`, {
          ...init,
          headers: { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${actor.id}` },
        });
        const log = db.logOf(ins);
        expect(log.length - before, `${name} as ${actor.id}`).to.equal(1);
        const entry = log[log.length - 1]!;
        expect(sameActor(entry.actor, actor), `${name}: actor`).to.equal(true);
        expect(loggedActions(name, spec), `${name}: action ${entry.action}`).to.include(entry.action);
        // Asking emergency access with normal access already is allowed (as normal access, POLICY
        // 7.3) but answered 409: no grant is needed.
        const alreadyAllowed = name === 'requestEmergencyAccess' && response.status === 409;
        expect(entry.outcome, `${name} as ${actor.id}: HTTP ${response.status}, reason ${entry.reason}`).to.equal(
          response.ok || alreadyAllowed ? 'allowed' : 'denied',
        );
        if (name !== 'requestEmergencyAccess') expect(entry.mode, `${name}: mode`).to.equal('normal');
        else if (response.ok) expect(entry).to.deep.include({ mode: 'break-glass', justification: 'Patiente inconsciente, allergies inconnues' });
        if (!response.ok && response.status === 403) {
          const problem = (await response.json()) as { reason?: string };
          expect(problem.reason, `${name}: reason in the answer`).to.equal(entry.reason);
        }
      }
    });
  }

  it('logs a malformed request on a dossier as a refused invalid request', async () => {
    db.reset();
    const before = db.logOf(ADULT).length;
    const response = await fetch(`${API_PREFIX}/dossiers/${ADULT}/oppositions`, {
      method: 'PUT',
      body: '{"breakGlass": "yes"',
      headers: { Authorization: `Bearer ${PATIENT_ADULT.id}`, 'Content-Type': 'application/json' },
    });
    expect(response.status).to.equal(400);
    expect(db.logOf(ADULT).length).to.equal(before + 1);
    expect(db.logOf(ADULT).at(-1)).to.deep.include({ action: 'opposition.manage', outcome: 'denied', reason: 'invalid-request' });
  });

  it('refuses a JSON body sent as another type (what a cross-site form can send), and logs it', async () => {
    db.reset();
    const before = db.logOf(ADULT).length;
    const response = await fetch(`${API_PREFIX}/dossiers/${ADULT}/close`, {
      method: 'POST',
      body: JSON.stringify({ reason: 'Fermeture envoyée par un formulaire d’un autre site' }),
      headers: { Authorization: `Bearer ${PATIENT_ADULT.id}`, 'Content-Type': 'text/plain' },
    });
    expect(response.status).to.equal(415);
    expect(response.headers.get('Content-Type')).to.equal('application/problem+json');
    expect(db.dossiers.get(ADULT)!.status).to.equal('active');
    expect(db.logOf(ADULT).slice(before).map((e) => [e.action, e.outcome, e.reason])).to.deep.equal([['dossier.close', 'denied', 'invalid-request']]);
  });

  it('offers no route that edits or deletes the access log', async () => {
    const logRoutes = Object.values(ROUTES).filter((r) => r.path.includes('access-log'));
    expect(logRoutes.map((r) => r.method)).to.deep.equal(['GET']);
    db.reset();
    const before = structuredClone(db.logOf(ADULT));
    for (const method of ['DELETE', 'PUT', 'PATCH', 'POST']) {
      const response = await fetch(`${API_PREFIX}/dossiers/${ADULT}/access-log`, {
        method,
        headers: { Authorization: `Bearer ${PATIENT_ADULT.id}` },
      }).catch(() => undefined);
      expect(response?.ok ?? false, method).to.equal(false);
    }
    expect(db.logOf(ADULT)).to.deep.equal(before);
  });
});
