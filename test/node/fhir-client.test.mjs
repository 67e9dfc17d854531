// The FHIR adapter's behaviour tests (test/fhir/fhir-client.node.ts) run in Node: Medplum's
// in-memory FHIR server (@medplum/fhir-router) imports CommonJS packages (dataloader,
// rfc6902) that the browser test runner serves untransformed and Chromium cannot load.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { importTs } from '../../scripts/lib/bundle.mjs';

await importTs('test/fhir/fhir-client.node.ts');

describe('FhirDmpClient.getSynthesisVersion on a gateway of its own', () => {
  const BASE = 'http://fhir.test/R4';
  let ADULT;
  let as;
  let gateway;
  before(async () => {
    const [{ FhirGateway }, { FhirDmpClient }, { PATIENT_ADULT, SEED_NOW }] = await Promise.all([
      importTs('mocks/fhir/index.ts'),
      importTs('src/fhir/index.ts'),
      importTs('mocks/data/index.ts'),
    ]);
    ADULT = PATIENT_ADULT.identity.ins;
    gateway = new FhirGateway();
    await gateway.ready();
    gateway.setNow(SEED_NOW);
    // Straight to the gateway: the suite above holds the MSW server of the shared one.
    as = (actorId) =>
      new FhirDmpClient({ baseUrl: BASE, headers: { Authorization: `Bearer ${actorId}` }, fetch: (input, init) => gateway.handle(new Request(input, init), BASE) });
    await as(PATIENT_ADULT.id).updateDocument(ADULT, 'doc-durand-vsm-v1', { masked: true });
  });

  const outcomeOf = (promise) =>
    promise.then(
      (synthesis) => ({ version: synthesis.version }),
      (error) => ({ kind: error.kind, status: error.status, reason: error.reason }),
    );

  it('answers not-found for a version that never existed while an older one is masked from the professional, as the JSON API', async () => {
    const pharmacist = as('ps-dubois');
    assert.deepEqual(await outcomeOf(pharmacist.getSynthesisVersion(ADULT, 3)), { kind: 'not-found', status: 404, reason: undefined });
    assert.deepEqual(await outcomeOf(pharmacist.getSynthesisVersion(ADULT, 0)), { kind: 'not-found', status: 404, reason: undefined });
    assert.deepEqual(await outcomeOf(pharmacist.getSynthesisVersion(ADULT, 1)), { kind: 'forbidden', status: 403, reason: 'masked' });
    assert.deepEqual(await outcomeOf(pharmacist.getSynthesisVersion(ADULT, 2)), { version: 2 });
  });
});
