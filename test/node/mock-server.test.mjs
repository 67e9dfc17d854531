// Node-side checks: the mock server answers over real HTTP, and the policy engine runs in Node
// without a DOM (as an integrator's gateway would use it).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importTs } from '../../scripts/lib/bundle.mjs';

describe('standalone mock server', () => {
  let server;
  let base;
  before(async () => {
    const { createMockServer } = await importTs('mocks/server.ts');
    server = createMockServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}/api/dmp/v1`;
  });
  after(() => server.close());

  const get = (path, actor) => fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${actor}` } });

  it('answers the existence test, a document list and the access history, as the README shows', async () => {
    const dossier = await get('/dossiers/258036938304702', 'ps-martin');
    assert.equal(dossier.status, 200);
    assert.equal((await dossier.json()).status, 'active');
    const list = await (await get('/dossiers/258036938304702/documents?limit=5', 'ps-dubois')).json();
    assert.equal(list.items.length, 5);
    assert.ok(list.hidden['profession-not-permitted'] > 0);
    const log = await (await get('/dossiers/258036938304702/access-log', 'pat-durand-jeanne')).json();
    assert.ok(log.items.some((e) => e.actor.id === 'ps-dubois' && e.action === 'document.list'));
  });

  it('refuses with problem+json and the policy reason, allows CORS, and 404s an unknown path', async () => {
    const refused = await get('/dossiers/258036938304702/documents', 'occ-med');
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('content-type'), 'application/problem+json');
    assert.equal((await refused.json()).reason, 'never-authorized-actor');
    const preflight = await fetch(`${base}/dossiers/258036938304702/synthesis`, { method: 'OPTIONS' });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers'), /If-Match/);
    assert.equal((await get('/nothing-here', 'ps-martin')).status, 404);
  });

  it('answers a path with a malformed escape with a 400 problem, not a crash', async () => {
    const response = await get('/dossiers/258036938304702/representatives/%E0', 'pat-durand-jeanne');
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
  });

  it('drops the connection for an injected network fault, and answers 415 to a JSON body of another type', async () => {
    const fault = await fetch(`${base}/__mock/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/oppositions', network: true, times: 1 }),
    });
    assert.equal(fault.status, 204);
    await assert.rejects(get('/dossiers/258036938304702/oppositions', 'pat-durand-jeanne'), TypeError);
    const typed = await fetch(`${base}/dossiers/258036938304702/oppositions`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer pat-durand-jeanne', 'Content-Type': 'text/plain' },
      body: JSON.stringify({ breakGlass: true, regulation: false }),
    });
    assert.equal(typed.status, 415);
  });

  it('accepts a JSON body (opposition change by the patient)', async () => {
    const response = await fetch(`${base}/dossiers/258036938304702/oppositions`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer pat-durand-jeanne', 'Content-Type': 'application/json' },
      body: JSON.stringify({ breakGlass: true, regulation: false }),
    });
    const { etag, ...oppositions } = await response.json();
    assert.deepEqual(oppositions, { breakGlass: true, regulation: false });
    // The version, in the header for HTTP clients and in the body for those behind a proxy.
    assert.equal(response.headers.get('ETag'), etag);
  });
});

describe('policy engine in Node', () => {
  it('decides without a DOM', async () => {
    const { decide } = await importTs('src/policy/index.ts');
    assert.equal(typeof globalThis.document, 'undefined');
    const decision = decide({
      actor: { kind: 'insurer' },
      action: 'document.list',
      dossier: { status: 'active', patientId: 'p', patientIsMinor: false, treatingPhysiciansRpps: [], authorizedRpps: [], blockedRpps: [], oppositions: { breakGlass: false, regulation: false } },
    });
    assert.deepEqual({ allowed: decision.allowed, reason: decision.reason }, { allowed: false, reason: 'never-authorized-actor' });
  });
});
