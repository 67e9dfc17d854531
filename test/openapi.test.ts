import { expect } from '@open-wc/testing';
import type { RequestHandler } from 'msw';
import spec from '../openapi.json' with { type: 'json' };
import { handlers } from '../mocks/handlers/index.js';
import { db, startMockBackend, worker } from '../mocks/browser.js';
import { PATIENT_ADULT, PATIENT_MASKED, PATIENT_NO_DOSSIER, SEED_NOW } from '../mocks/data/index.js';
import { API_PREFIX, ROUTES, routePath, type RouteName, type RouteSpec } from '../src/model/routes.js';

type Operation = { operationId: string; responses: Record<string, unknown> };
const operations = Object.entries(spec.paths as Record<string, Record<string, Operation>>).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
);

describe('openapi.json', () => {
  before(async () => {
    await startMockBackend({ onUnhandledRequest: 'error' });
  });
  after(() => worker.stop());

  it('describes exactly the routes the mock backend serves', () => {
    const served = (handlers as RequestHandler[])
      .map((h) => h.info as unknown as { method: string; path: string })
      .filter((info) => !String(info.path).includes('/__mock/'))
      .map((info) => `${info.method} ${String(info.path).replace(`*${API_PREFIX}`, '').replace(/:([a-zA-Z]+)/g, '{$1}')}`);
    expect(served.sort()).to.deep.equal(operations.map((o) => o.key).sort());
  });

  it('names each operation after its route and declares the status the mock answers', async () => {
    db.reset();
    db.setNow(SEED_NOW);
    const ins = PATIENT_ADULT.identity.ins;
    const calls: Array<[RouteName, string, RequestInit, string?]> = [
      ['getDossier', 'pat-durand-jeanne', {}],
      ['listDocuments', 'ps-martin', {}],
      ['getSynthesis', 'ps-martin', {}],
      ['listAccessLog', 'pat-durand-jeanne', {}],
      ['addRepresentative', 'pat-durand-jeanne', { body: JSON.stringify({ firstName: 'Paul', lastName: 'Durand', relationship: 'guardian' }) }],
      ['requestEmergencyAccess', 'ps-morel', { body: JSON.stringify({ mode: 'break-glass', justification: 'Patiente inconsciente aux urgences' }) }],
      // 409: the médecin traitant has normal access already; 404: no dossier for that INS.
      ['requestEmergencyAccess', 'ps-martin', { body: JSON.stringify({ mode: 'break-glass', justification: 'Patiente inconsciente aux urgences' }) }],
      ['listDocuments', 'ps-martin', {}, PATIENT_NO_DOSSIER.ins],
    ];
    const statuses: number[] = [];
    for (const [name, actor, init, about = ins] of calls) {
      const route = ROUTES[name];
      const op = operations.find((o) => o.key === `${route.method} ${route.path.replace(/:([a-zA-Z]+)/g, '{$1}')}`)!.op;
      expect(op.operationId).to.equal(name);
      const response = await fetch(`${API_PREFIX}${routePath(route.path, { ins: about })}`, {
        method: route.method,
        headers: { Authorization: `Bearer ${actor}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        ...init,
      });
      expect(Object.keys(op.responses), name).to.include(String(response.status));
      statuses.push(response.status);
    }
    expect(statuses).to.deep.equal([200, 200, 200, 200, 201, 201, 409, 404]);
  });

  it('declares the 204 the mock answers for a dossier without a synthesis', async () => {
    db.reset();
    const ins = PATIENT_MASKED.identity.ins;
    const response = await fetch(`${API_PREFIX}${routePath(ROUTES.getSynthesis.path, { ins })}`, { headers: { Authorization: 'Bearer ps-martin' } });
    expect(response.status).to.equal(204);
    const op = operations.find((o) => o.op.operationId === 'getSynthesis')!.op;
    expect(op.responses).to.have.property('204');
  });

  it('declares, on every operation with a JSON body, the 415 for a body not sent as JSON, and the 422 for a reused Idempotency-Key', async () => {
    db.reset();
    const url = `${API_PREFIX}${routePath(ROUTES.addRepresentative.path, { ins: PATIENT_ADULT.identity.ins })}`;
    const body = (firstName: string) => JSON.stringify({ firstName, lastName: 'Durand', relationship: 'guardian' });
    const send = (contentType: string, key: string, firstName: string) =>
      fetch(url, { method: 'POST', headers: { Authorization: 'Bearer pat-durand-jeanne', 'Content-Type': contentType, 'Idempotency-Key': key }, body: body(firstName) });
    // What a cross-site form can send is not read as JSON.
    expect((await send('text/plain', crypto.randomUUID(), 'Paul')).status).to.equal(415);
    const key = crypto.randomUUID();
    expect((await send('application/json', key, 'Paul')).status).to.equal(201);
    expect((await send('application/json', key, 'Pierre')).status).to.equal(422);
    for (const [name, route] of Object.entries(ROUTES as Record<RouteName, RouteSpec>)) {
      const { responses } = operations.find((o) => o.op.operationId === name)!.op;
      if (route.body && route.body !== 'multipart') expect(responses, name).to.have.property('415');
      if (route.idempotencyKey) expect(responses, name).to.have.property('422');
    }
  });
});
