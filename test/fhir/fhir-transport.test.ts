import { expect, waitUntil } from '@open-wc/testing';
import { FhirDmpClient } from '../../src/fhir/client.js';
import type { FhirDmpClientOptions } from '../../src/fhir/client.js';
import { PATIENT_ADULT } from '../../mocks/data/index.js';
import { failure } from '../support/failure.js';

/*
 * The FHIR client's transport: the same retries, deadline and abort handling as the HTTP
 * client (src/client/retry.ts), on a fetch that answers what each test needs.
 */
const BASE = 'https://fhir.test/R4';
const INS = PATIENT_ADULT.identity.ins;
const FHIR_JSON = { 'Content-Type': 'application/fhir+json' };
const EMPTY_SEARCH = { resourceType: 'Bundle', type: 'searchset', entry: [] };
const REPRESENTATIVE_SEARCH = {
  resourceType: 'Bundle',
  type: 'searchset',
  entry: [{ resource: { resourceType: 'RelatedPerson', id: 'rp-1', patient: { reference: 'Patient/p-1' } }, search: { mode: 'match' } }],
};

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { ...FHIR_JSON, ...headers } });
const outcome = (status: number, headers: Record<string, string> = {}) =>
  json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: 'Indisponible' }] }, status, headers);

interface Sent {
  method: string;
  signal: AbortSignal | undefined;
}

/** A client whose fetch calls `respond` with the request and its rank; `sent` lists them. */
function client(respond: (sent: Sent, rank: number) => Response | Promise<Response>, options: Partial<FhirDmpClientOptions> = {}) {
  const sent: Sent[] = [];
  const fhir = new FhirDmpClient({
    baseUrl: BASE,
    retry: { baseDelayMs: 1 },
    fetch: async (_input, init) => {
      const request = { method: init?.method ?? 'GET', signal: init?.signal ?? undefined };
      sent.push(request);
      return respond(request, sent.length);
    },
    ...options,
  });
  return Object.assign(fhir, { sent });
}

/** Never answers; rejects as fetch does when its signal aborts. */
const hang = ({ signal }: Sent) =>
  new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));

describe('FhirDmpClient transport', () => {
  describe('retries', () => {
    it('reads the answer that follows a 503', async () => {
      const expected = await client(() => json(EMPTY_SEARCH)).getDossier(INS);
      const fhir = client((_, rank) => (rank === 1 ? outcome(503) : json(EMPTY_SEARCH)));
      expect(await fhir.getDossier(INS)).to.deep.equal(expected);
      expect(fhir.sent.length).to.equal(2);
    });

    it('fails as http once the tries are spent, and makes as many as configured', async () => {
      const three = client(() => outcome(500));
      const error = await failure(three.getDossier(INS));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(500);
      expect(three.sent.length).to.equal(3);
      const five = client(() => outcome(500), { retry: { tries: 5, baseDelayMs: 1 } });
      await failure(five.getDossier(INS));
      expect(five.sent.length).to.equal(5);
    });

    it('retries when no answer comes, then fails as network', async () => {
      const fhir = client(() => Promise.reject(new TypeError('Failed to fetch')));
      const error = await failure(fhir.getDossier(INS));
      expect(error.kind).to.equal('network');
      expect(fhir.sent.length).to.equal(3);
    });

    it('waits the Retry-After of a 429 before retrying', async () => {
      const fhir = client((_, rank) => (rank === 1 ? outcome(429, { 'Retry-After': '1' }) : json(EMPTY_SEARCH)));
      const started = performance.now();
      await fhir.getDossier(INS);
      expect(performance.now() - started).to.be.at.least(950);
      expect(fhir.sent.length).to.equal(2);
    });

    it('gives up at once when Retry-After is beyond maxDelayMs, telling how long to wait', async () => {
      const fhir = client(() => outcome(429, { 'Retry-After': '3600' }));
      const error = await failure(fhir.getDossier(INS));
      expect(error.kind).to.equal('rate-limited');
      expect(error.retryAfter).to.equal(3600);
      expect(fhir.sent.length).to.equal(1);
    });

    it('never retries a write', async () => {
      const fhir = client(({ method }) => (method === 'GET' ? json(REPRESENTATIVE_SEARCH) : outcome(503)));
      const error = await failure(fhir.removeRepresentative(INS, 'rp-1'));
      expect(error.kind).to.equal('http');
      expect(fhir.sent.map((s) => s.method)).to.deep.equal(['GET', 'DELETE']);
    });

    it('never retries a 404', async () => {
      const fhir = client(() => outcome(404));
      expect((await failure(fhir.getDossier(INS))).kind).to.equal('not-found');
      expect(fhir.sent.length).to.equal(1);
    });
  });

  describe('deadline and abort', () => {
    it('times out a request that never answers, without retrying it', async () => {
      const fhir = client(hang, { timeoutMs: 50 });
      const error = await failure(fhir.getDossier(INS));
      expect(error.kind).to.equal('timeout');
      expect(fhir.sent.length).to.equal(1);
      expect(fhir.sent[0]!.signal?.aborted, 'the request itself is aborted').to.equal(true);
    });

    it('counts the retries in timeoutMs, and ends with the last answer rather than wait past it', async () => {
      const fhir = client(() => outcome(503), { timeoutMs: 300, retry: { tries: 10, baseDelayMs: 200 } });
      const started = performance.now();
      const error = await failure(fhir.getDossier(INS));
      expect([error.kind, error.status]).to.deep.equal(['http', 503]);
      expect(performance.now() - started).to.be.below(1500);
      expect(fhir.sent.length).to.be.below(4);
    });

    it('reports a caller’s abort as aborted, and aborts the request', async () => {
      const fhir = client(hang);
      const controller = new AbortController();
      const call = fhir.getDossier(INS, { signal: controller.signal });
      await waitUntil(() => fhir.sent.length === 1, 'the request was never sent');
      controller.abort();
      expect((await failure(call)).kind).to.equal('aborted');
      expect(fhir.sent[0]!.signal?.aborted).to.equal(true);
    });

    it('stops retrying when the caller aborts during the backoff', async () => {
      const fhir = client(() => outcome(500), { retry: { baseDelayMs: 5000 } });
      const controller = new AbortController();
      const call = fhir.getDossier(INS, { signal: controller.signal });
      await waitUntil(() => fhir.sent.length === 1, 'the first attempt was never sent');
      // Its 500 read, the client is in its 2.5–5 s backoff.
      await new Promise((resolve) => setTimeout(resolve, 50));
      controller.abort();
      expect((await failure(call)).kind).to.equal('aborted');
      expect(fhir.sent.length).to.equal(1);
    });

    it('sends nothing for a signal already aborted', async () => {
      const fhir = client(() => json(EMPTY_SEARCH));
      expect((await failure(fhir.getDossier(INS, { signal: AbortSignal.abort() }))).kind).to.equal('aborted');
      expect(fhir.sent.length).to.equal(0);
    });

    it('times out, sending nothing, when the headers hook never settles', async () => {
      const fhir = client(() => json(EMPTY_SEARCH), { timeoutMs: 50, headers: () => new Promise<Record<string, string>>(() => undefined) });
      expect((await failure(fhir.getDossier(INS))).kind).to.equal('timeout');
      expect(fhir.sent.length).to.equal(0);
    });

    it('reports a caller’s abort during the headers hook as aborted, at once', async () => {
      const fhir = client(() => json(EMPTY_SEARCH), { headers: () => new Promise<Record<string, string>>(() => undefined) });
      const controller = new AbortController();
      const call = fhir.getDossier(INS, { signal: controller.signal });
      controller.abort();
      expect((await failure(call)).kind).to.equal('aborted');
      expect(fhir.sent.length).to.equal(0);
    });

    it('counts the time the headers hook took in timeoutMs', async () => {
      const slowHook = () => new Promise<Record<string, string>>((resolve) => setTimeout(() => resolve({}), 400));
      const fhir = client(hang, { timeoutMs: 500, headers: slowHook });
      const started = performance.now();
      expect((await failure(fhir.getDossier(INS))).kind).to.equal('timeout');
      // 500 ms in all; a request given a timeout of its own after the hook would end at 900.
      expect(performance.now() - started).to.be.below(750);
    });

    it('fails as unauthorized, sending nothing, when the headers hook throws', async () => {
      const fhir = client(() => json(EMPTY_SEARCH), {
        headers: () => {
          throw new Error('carte CPS retirée');
        },
      });
      expect((await failure(fhir.getDossier(INS))).kind).to.equal('unauthorized');
      expect(fhir.sent.length).to.equal(0);
    });
  });

  it('refuses an INS whose key is wrong as the caller’s mistake, sending nothing', async () => {
    const fhir = client(() => json(EMPTY_SEARCH));
    const mistyped = `${INS.slice(0, 13)}${String((Number(INS.slice(13)) % 97) + 1).padStart(2, '0')}`;
    const error = await failure(fhir.getDossier(mistyped));
    expect(error.kind).to.equal('invalid-request');
    expect(error.issues?.[0]?.path).to.equal('ins');
    expect(fhir.sent.length).to.equal(0);
    expect((await failure(fhir.listDocuments('12345'))).kind).to.equal('invalid-request');
  });

  it('lets the hook’s headers replace its defaults however the hook spells them', async () => {
    const accepted: Array<string | null> = [];
    const fhir = new FhirDmpClient({
      baseUrl: BASE,
      headers: () => ({ accept: 'application/json' }),
      fetch: async (_input, init) => {
        accepted.push(new Headers(init?.headers).get('Accept'));
        return json(EMPTY_SEARCH);
      },
    });
    await fhir.getDossier(INS);
    expect(accepted).to.deep.equal(['application/json']);
  });
});
