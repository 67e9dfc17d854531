import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { HttpDmpClient } from '../../src/client/http-client.js';
import type { HttpDmpClientOptions } from '../../src/client/http-client.js';
import type { HeadersRequest } from '../../src/client/types.js';
import {
  api,
  BASE_URL,
  DOC_BIOLOGY,
  documents,
  DOSSIER_ACTIVE,
  DOSSIER_CREATE,
  INS_ADULT,
  problem,
  SYNTHESIS_V1,
  SYNTHESIS_V2,
} from './fixtures.js';
import { failure } from '../support/failure.js';
import { isRetryable } from '../../src/i18n/error-text.js';

const worker = setupWorker();

function client(options: Partial<HttpDmpClientOptions> = {}) {
  return new HttpDmpClient({
    baseUrl: BASE_URL,
    headers: () => ({ Authorization: 'Bearer pat-claire' }),
    retry: { baseDelayMs: 1 },
    ...options,
  });
}

function problemJson(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return HttpResponse.json(body, { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
}

/** Answers with `respond` and counts the requests; `arrived` resolves on the first one. */
function counted(respond: (request: Request, attempt: number) => Response | Promise<Response>) {
  let signalArrival!: () => void;
  const server = {
    count: 0,
    arrived: new Promise<void>((resolve) => (signalArrival = resolve)),
    resolver: ({ request }: { request: Request }) => {
      server.count += 1;
      signalArrival();
      return respond(request, server.count);
    },
  };
  return server;
}

describe('HttpDmpClient', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'error', serviceWorker: { url: '/mockServiceWorker.js' } }));
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  describe('requests', () => {
    it('sends the auth hook’s headers, awaited, on every request', async () => {
      let token = 'pat-claire';
      const seen: Array<string | null> = [];
      worker.use(
        http.get(api('/dossiers/:ins'), ({ request }) => {
          seen.push(request.headers.get('Authorization'));
          return HttpResponse.json(DOSSIER_ACTIVE);
        }),
      );
      const dmp = client({ headers: async () => ({ Authorization: `Bearer ${token}` }) });
      await dmp.getDossier(INS_ADULT);
      token = 'pro-martin';
      await dmp.getDossier(INS_ADULT);
      expect(seen).to.deep.equal(['Bearer pat-claire', 'Bearer pro-martin']);
    });

    it('lets the hook’s headers replace its defaults, and the call’s the hook’s, however each spells the name', async () => {
      const seen: Array<[string | null, string | null]> = [];
      worker.use(
        http.put(api('/dossiers/:ins/synthesis'), ({ request }) => {
          seen.push([request.headers.get('Accept'), request.headers.get('If-Match')]);
          return HttpResponse.json(SYNTHESIS_V2);
        }),
      );
      await client({ headers: () => ({ accept: 'application/json', 'if-match': '"stale"' }) }).saveSynthesis(INS_ADULT, SYNTHESIS_V1.content, '"v1"');
      expect(seen).to.deep.equal([['application/json', '"v1"']]);
    });

    it('tells the auth hook which patient each request is about, an upload too, and none for a request about no dossier', async () => {
      worker.use(
        http.get(api('/dossiers/:ins'), () => HttpResponse.json(DOSSIER_ACTIVE)),
        http.post(api('/dossiers/:ins/documents'), () => HttpResponse.json(DOC_BIOLOGY, { status: 201 })),
        http.get(api('/professionals'), () => HttpResponse.json({ items: [] })),
      );
      const told: HeadersRequest[] = [];
      const dmp = client({ headers: (request) => (told.push(request), {}) });
      await dmp.getDossier(INS_ADULT);
      await dmp.addDocument(INS_ADULT, { title: 'Bilan lipidique', typeCode: '11502-2', serviceStart: '2024-02-10T08:15:00+01:00' }, new Blob(['%PDF'], { type: 'application/pdf' }));
      await dmp.searchProfessionals('martin');
      expect(told).to.deep.equal([{ ins: INS_ADULT }, { ins: INS_ADULT }, {}]);
    });

    it('stops waiting for an auth hook that never settles: at the caller’s abort, or at the timeout', async () => {
      const server = counted(() => HttpResponse.json(DOSSIER_ACTIVE));
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const hanging = () => new Promise<Record<string, string>>(() => undefined);
      const controller = new AbortController();
      const aborted = failure(client({ headers: hanging }).getDossier(INS_ADULT, { signal: controller.signal }));
      setTimeout(() => controller.abort(), 20);
      expect((await aborted).kind).to.equal('aborted');
      expect((await failure(client({ headers: hanging, timeoutMs: 50 }).getDossier(INS_ADULT))).kind).to.equal('timeout');
      expect((await failure(client({ headers: hanging, timeoutMs: 50 }).addDocument(INS_ADULT, { title: 'Bilan lipidique', typeCode: '11502-2', serviceStart: '2024-02-10T08:15:00+01:00' }, new Blob(['%PDF'])))).kind).to.equal('timeout');
      expect(server.count).to.equal(0);
    });

    it('counts a slow auth hook in the call’s timeout: the request gets only what is left of it', async () => {
      worker.use(
        http.get(api('/dossiers/:ins'), async () => {
          await delay(300);
          return HttpResponse.json(DOSSIER_ACTIVE);
        }),
      );
      const slowHook = () => new Promise<Record<string, string>>((resolve) => setTimeout(() => resolve({}), 300));
      // 300 ms for the hook, then 300 ms for the server: each within 500 ms, the call not.
      expect((await failure(client({ headers: slowHook, timeoutMs: 500 }).getDossier(INS_ADULT))).kind).to.equal('timeout');
      expect((await client({ headers: slowHook, timeoutMs: 1500 }).getDossier(INS_ADULT)).status).to.equal('active');
    });

    it('fails as unauthorized, without a request, when the auth hook throws', async () => {
      const server = counted(() => HttpResponse.json(DOSSIER_ACTIVE));
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const error = await failure(
        client({
          headers: () => {
            throw new Error('token refresh failed');
          },
        }).getDossier(INS_ADULT),
      );
      expect(error.kind).to.equal('unauthorized');
      expect(server.count).to.equal(0);
    });

    it('builds the query string from the query, skipping undefined and encoding special characters', async () => {
      let url: URL | undefined;
      worker.use(
        http.get(api('/dossiers/:ins/documents'), ({ request }) => {
          url = new URL(request.url);
          return HttpResponse.json({ items: [] });
        }),
      );
      const q = 'HbA1c & "lipides" é+/?#=';
      await client().listDocuments(INS_ADULT, { q, from: undefined, authorProfession: undefined, category: 'biology', limit: 20 });
      expect([...url!.searchParams.keys()]).to.deep.equal(['q', 'category', 'limit']);
      expect(url!.searchParams.get('q')).to.equal(q);
      expect(url!.searchParams.get('limit')).to.equal('20');
      expect(url!.search).not.to.include('undefined');
    });

    it('encodes path parameters', async () => {
      let pathname = '';
      worker.use(
        http.all(api('/*'), ({ request }) => {
          pathname = new URL(request.url).pathname;
          return HttpResponse.json(DOC_BIOLOGY);
        }),
      );
      await client().getDocument(INS_ADULT, 'doc/1 ?#');
      expect(pathname).to.equal(api(`/dossiers/${INS_ADULT}/documents/doc%2F1%20%3F%23`));
    });

    it('refuses a query that fails its schema without sending it', async () => {
      const server = counted(() => HttpResponse.json({ items: [] }));
      worker.use(http.get(api('/dossiers/:ins/documents'), server.resolver));
      const error = await failure(client().listDocuments(INS_ADULT, { limit: 5000 }));
      expect(error.kind).to.equal('invalid-request');
      expect(error.issues?.map((issue) => issue.path)).to.deep.equal(['limit']);
      expect(server.count).to.equal(0);
    });

    it('reports a request too large, of a refused type or missing its If-Match as invalid, not as a server fault to retry', async () => {
      for (const status of [413, 415, 428]) {
        worker.use(http.post(api('/dossiers/:ins/close'), () => problemJson(status, { title: 'Refusé', status })));
        const error = await failure(client().closeDossier(INS_ADULT, 'Décès'));
        expect(error.kind, String(status)).to.equal('invalid-request');
        expect(isRetryable(error), String(status)).to.equal(false);
      }
    });

    it('refuses a body that fails its schema without sending it', async () => {
      const server = counted(() => HttpResponse.json({}));
      worker.use(http.post(api('/dossiers'), server.resolver));
      const error = await failure(
        client().createDossier({ ...DOSSIER_CREATE, ins: '185057800608436' }, { idempotencyKey: 'k-1' }),
      );
      expect(error.kind).to.equal('invalid-request');
      expect(error.issues?.map((issue) => issue.path)).to.deep.equal(['ins']);
      expect(server.count).to.equal(0);
    });

    it('sends Idempotency-Key and the validated body on createDossier, and does not retry it', async () => {
      let key: string | null = null;
      let body: unknown;
      const server = counted(async (request) => {
        key = request.headers.get('Idempotency-Key');
        body = await request.json();
        return HttpResponse.error();
      });
      worker.use(http.post(api('/dossiers'), server.resolver));
      const error = await failure(client().createDossier(DOSSIER_CREATE, { idempotencyKey: 'create-7f3a' }));
      expect(error.kind).to.equal('network');
      expect(key).to.equal('create-7f3a');
      expect(body).to.deep.equal(DOSSIER_CREATE);
      expect(server.count).to.equal(1);
    });

    it('refuses a create asked without an Idempotency-Key from plain JavaScript, as a rejected DmpError, sending nothing', async () => {
      const server = counted(() => HttpResponse.json({}));
      worker.use(http.post(api('/dossiers'), server.resolver), http.post(api('/dossiers/:ins/emergency-access'), server.resolver));
      let tokens = 0;
      const hooked = client({ headers: () => ((tokens += 1), {}) });
      const untyped = hooked as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const calls = [
        () => untyped.createDossier!(DOSSIER_CREATE),
        () => untyped.requestEmergencyAccess!(DOSSIER_CREATE.ins, 'break-glass', 'Patiente inconsciente aux urgences'),
        () => untyped.addRepresentative!(DOSSIER_CREATE.ins, { firstName: 'Paul', lastName: 'Durand', relationship: 'guardian' }, {}),
      ];
      for (const call of calls) {
        let promise: Promise<unknown> | undefined;
        expect(() => (promise = call())).not.to.throw();
        const error = await failure(promise!);
        expect(error.kind).to.equal('invalid-request');
        expect(error.message).to.contain('needs options.idempotencyKey');
      }
      expect(server.count).to.equal(0);
      // Refused before the host is asked for a token.
      expect(tokens).to.equal(0);
    });
  });

  describe('errors', () => {
    it('maps a network error to kind network after 3 tries of a GET', async () => {
      const server = counted(() => HttpResponse.error());
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const error = await failure(client().getDossier(INS_ADULT));
      expect(error.kind).to.equal('network');
      expect(error.status).to.equal(undefined);
      expect(server.count).to.equal(3);
    });

    it('times out after timeoutMs, without retrying', async () => {
      const server = counted(async () => {
        await delay(2000);
        return HttpResponse.json(DOSSIER_ACTIVE);
      });
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const started = performance.now();
      const error = await failure(client({ timeoutMs: 50 }).getDossier(INS_ADULT));
      expect(error.kind).to.equal('timeout');
      expect(performance.now() - started).to.be.below(1500);
      expect(server.count).to.equal(1);
    });

    it('reports a caller’s abort as aborted', async () => {
      const server = counted(async () => {
        await delay(2000);
        return HttpResponse.json(DOSSIER_ACTIVE);
      });
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const sent: RequestInit[] = [];
      const dmp = client({ fetch: (input, init = {}) => (sent.push(init), fetch(input, init)) });
      const controller = new AbortController();
      const call = dmp.getDossier(INS_ADULT, { signal: controller.signal });
      await server.arrived;
      controller.abort();
      const error = await failure(call);
      expect(error.kind).to.equal('aborted');
      expect(sent[0]?.signal?.aborted, 'the request itself is aborted').to.equal(true);
      expect(server.count).to.equal(1);
    });

    it('sends nothing for a signal already aborted', async () => {
      const server = counted(() => HttpResponse.json(DOSSIER_ACTIVE));
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const error = await failure(client().getDossier(INS_ADULT, { signal: AbortSignal.abort() }));
      expect(error.kind).to.equal('aborted');
      expect(server.count).to.equal(0);
    });

    it('reports a caller’s AbortSignal.timeout as timeout', async () => {
      worker.use(
        http.get(api('/dossiers/:ins'), async () => {
          await delay(2000);
          return HttpResponse.json(DOSSIER_ACTIVE);
        }),
      );
      const error = await failure(client().getDossier(INS_ADULT, { signal: AbortSignal.timeout(30) }));
      expect(error.kind).to.equal('timeout');
    });

    it('stops retrying when the caller aborts during the backoff', async () => {
      const server = counted(() => problemJson(500, problem(500, 'Erreur interne')));
      // Counted by this call's own credentials: an earlier test's call still retrying is not it.
      const ours = 'Bearer backoff-aborted';
      worker.use(http.get(api('/dossiers/:ins'), (info) => (info.request.headers.get('Authorization') === ours ? server.resolver(info) : undefined)));
      const controller = new AbortController();
      const call = client({ headers: () => ({ Authorization: ours }), retry: { baseDelayMs: 5000 } }).getDossier(INS_ADULT, { signal: controller.signal });
      await server.arrived;
      await delay(50);
      controller.abort();
      const error = await failure(call);
      expect(error.kind).to.equal('aborted');
      await delay(50);
      expect(server.count).to.equal(1);
    });

    it('maps a 400 with invalidParams to invalid-request with issues, not retried', async () => {
      const body = problem(400, 'Requête invalide', { invalidParams: [{ name: 'from', reason: 'Date attendue (AAAA-MM-JJ).' }] });
      const server = counted(() => problemJson(400, body));
      worker.use(http.get(api('/dossiers/:ins/documents'), server.resolver));
      const error = await failure(client().listDocuments(INS_ADULT, { from: '2024-01-01' }));
      expect(error.kind).to.equal('invalid-request');
      expect(error.status).to.equal(400);
      expect(error.issues).to.deep.equal([{ path: 'from', message: 'Date attendue (AAAA-MM-JJ).' }]);
      expect(error.problem?.title).to.equal('Requête invalide');
      expect(server.count).to.equal(1);
    });

    it('maps a 401 to unauthorized', async () => {
      worker.use(http.get(api('/dossiers/:ins'), () => problemJson(401, problem(401, 'Non authentifié'))));
      const error = await failure(client().getDossier(INS_ADULT));
      expect(error.kind).to.equal('unauthorized');
      expect(error.status).to.equal(401);
    });

    it('maps a 403 to forbidden with the policy reason, not retried', async () => {
      const body = problem(403, 'Accès refusé', { detail: 'Le patient s’est opposé au bris de glace.', reason: 'patient-opposed' });
      const server = counted(() => problemJson(403, body));
      worker.use(http.get(api('/dossiers/:ins/synthesis'), server.resolver));
      const error = await failure(client().getSynthesis(INS_ADULT));
      expect(error.kind).to.equal('forbidden');
      expect(error.reason).to.equal('patient-opposed');
      expect(error.problem).to.deep.equal(body);
      expect(server.count).to.equal(1);
    });

    it('keeps the reason of a JSON error body that is not a valid problem', async () => {
      worker.use(http.get(api('/dossiers/:ins'), () => HttpResponse.json({ reason: 'blocked' }, { status: 403 })));
      const error = await failure(client().getDossier(INS_ADULT));
      expect(error.kind).to.equal('forbidden');
      expect(error.reason).to.equal('blocked');
      expect(error.problem).to.deep.equal({ type: 'about:blank', title: '', status: 403, reason: 'blocked' });
    });

    it('keeps what is well formed in a problem that is not: a reason newer than the client, no title', async () => {
      const newer = { title: 'Accès refusé', status: 403, detail: 'Hors du parcours de soins.', reason: 'outside-care-pathway' };
      worker.use(http.get(api('/dossiers/:ins/synthesis'), () => problemJson(403, newer)));
      const refused = await failure(client().getSynthesis(INS_ADULT));
      expect([refused.kind, refused.reason, refused.problem?.detail]).to.deep.equal(['forbidden', undefined, 'Hors du parcours de soins.']);
      expect(refused.message).to.equal('GET /dossiers/:ins/synthesis answered 403');
      const untitled = { status: 400, invalidParams: [{ name: 'from', reason: 'Date attendue (AAAA-MM-JJ).' }] };
      worker.use(http.get(api('/dossiers/:ins/documents'), () => problemJson(400, untitled)));
      const invalid = await failure(client().listDocuments(INS_ADULT, { from: '2024-01-01' }));
      expect(invalid.kind).to.equal('invalid-request');
      expect(invalid.issues).to.deep.equal([{ path: 'from', message: 'Date attendue (AAAA-MM-JJ).' }]);
    });

    it('maps a 404 to not-found', async () => {
      worker.use(http.get(api('/dossiers/:ins/documents/:id'), () => problemJson(404, problem(404, 'Document introuvable'))));
      const error = await failure(client().getDocument(INS_ADULT, 'doc-unknown'));
      expect(error.kind).to.equal('not-found');
      expect(error.status).to.equal(404);
    });

    it('maps a 409 to conflict with its reason', async () => {
      worker.use(http.post(api('/dossiers'), () => problemJson(409, problem(409, 'Le dossier existe', { reason: 'dossier-exists' }))));
      const error = await failure(client().createDossier(DOSSIER_CREATE, { idempotencyKey: 'k-2' }));
      expect(error.kind).to.equal('conflict');
      expect(error.reason).to.equal('dossier-exists');
    });

    it('maps a 412 on saveSynthesis to conflict with the server’s version and ETag', async () => {
      let ifMatch: string | null = null;
      worker.use(
        http.put(api('/dossiers/:ins/synthesis'), ({ request }) => {
          ifMatch = request.headers.get('If-Match');
          return problemJson(412, problem(412, 'Version dépassée', { current: SYNTHESIS_V2, etag: SYNTHESIS_V2.etag }));
        }),
      );
      const error = await failure(client().saveSynthesis(INS_ADULT, SYNTHESIS_V1.content, SYNTHESIS_V1.etag));
      expect(ifMatch).to.equal(SYNTHESIS_V1.etag);
      expect(error.kind).to.equal('conflict');
      expect(error.status).to.equal(412);
      expect(error.current).to.deep.equal(SYNTHESIS_V2);
      expect(error.etag).to.equal(SYNTHESIS_V2.etag);
    });

    it('reads the server’s version of a 412 whose ETag comes beside it, in the body or as a header', async () => {
      const { etag, ...withoutEtag } = SYNTHESIS_V2;
      worker.use(http.put(api('/dossiers/:ins/synthesis'), () => problemJson(412, problem(412, 'Version dépassée', { current: withoutEtag, etag }))));
      const beside = await failure(client().saveSynthesis(INS_ADULT, SYNTHESIS_V1.content, SYNTHESIS_V1.etag));
      expect([beside.kind, beside.issues]).to.deep.equal(['conflict', undefined]);
      expect(beside.current).to.deep.equal(SYNTHESIS_V2);
      worker.use(http.put(api('/dossiers/:ins/synthesis'), () => problemJson(412, problem(412, 'Version dépassée', { current: withoutEtag }), { ETag: etag })));
      const header = await failure(client().saveSynthesis(INS_ADULT, SYNTHESIS_V1.content, SYNTHESIS_V1.etag));
      expect(header.current).to.deep.equal(SYNTHESIS_V2);
    });

    it('saves against the body’s ETag when a proxy weakened the header’s', async () => {
      let ifMatch: string | null = null;
      worker.use(
        http.get(api('/dossiers/:ins/synthesis'), () => HttpResponse.json(SYNTHESIS_V2, { headers: { ETag: `W/${SYNTHESIS_V2.etag}` } })),
        http.put(api('/dossiers/:ins/synthesis'), ({ request }) => {
          ifMatch = request.headers.get('If-Match');
          return HttpResponse.json(SYNTHESIS_V2, { headers: { ETag: SYNTHESIS_V2.etag } });
        }),
      );
      const read = await client().getSynthesis(INS_ADULT);
      expect(read?.etag).to.equal(SYNTHESIS_V2.etag);
      await client().saveSynthesis(INS_ADULT, SYNTHESIS_V2.content, read!.etag);
      expect(ifMatch).to.equal(SYNTHESIS_V2.etag);
    });

    it('keeps the strong ETag of a 412’s version when a proxy weakened the header’s', async () => {
      worker.use(http.put(api('/dossiers/:ins/synthesis'), () => problemJson(412, problem(412, 'Version dépassée', { current: SYNTHESIS_V2 }), { ETag: `W/${SYNTHESIS_V2.etag}` })));
      const error = await failure(client().saveSynthesis(INS_ADULT, SYNTHESIS_V1.content, SYNTHESIS_V1.etag));
      expect(error.current).to.deep.equal(SYNTHESIS_V2);
    });

    it('keeps a 412 a conflict when the server’s version fails its schema, naming the fields', async () => {
      const broken = { ...SYNTHESIS_V2, savedAt: 'hier' };
      worker.use(http.put(api('/dossiers/:ins/synthesis'), () => HttpResponse.json({ current: broken, etag: broken.etag }, { status: 412 })));
      const error = await failure(client().saveSynthesis(INS_ADULT, SYNTHESIS_V1.content, SYNTHESIS_V1.etag));
      expect(error.kind).to.equal('conflict');
      expect(error.current).to.equal(undefined);
      expect(error.etag).to.equal(SYNTHESIS_V2.etag);
      expect(error.issues?.map((issue) => issue.path)).to.deep.equal(['current.savedAt']);
    });

    it('maps a 5xx with a non-JSON body to http with its status', async () => {
      worker.use(
        http.post(api('/dossiers/:ins/close'), () => new HttpResponse('<html><body>Bad gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } })),
      );
      const error = await failure(client().closeDossier(INS_ADULT, 'Décès'));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(502);
      expect(error.problem).to.equal(undefined);
    });

    it('maps an error with a truncated problem body by its status', async () => {
      worker.use(
        http.get(api('/dossiers/:ins'), () => new HttpResponse('{"type":"about:blank","title":"Dossier intr', { status: 404, headers: { 'Content-Type': 'application/problem+json' } })),
      );
      const error = await failure(client().getDossier(INS_ADULT));
      expect(error.kind).to.equal('not-found');
      expect(error.problem).to.equal(undefined);
    });

    it('maps a truncated JSON success body to invalid-response', async () => {
      worker.use(
        http.get(api('/dossiers/:ins/documents'), () => new HttpResponse('{"items":[{"id":"doc-1","tit', { headers: { 'Content-Type': 'application/json' } })),
      );
      const error = await failure(client().listDocuments(INS_ADULT));
      expect(error.kind).to.equal('invalid-response');
      expect(error.status).to.equal(200);
    });

    it('maps a body failing its schema to invalid-response with the exact field path', async () => {
      const items = documents(5);
      items[3] = { ...DOC_BIOLOGY, id: 'doc-3', submittedAt: 'hier' };
      worker.use(http.get(api('/dossiers/:ins/documents'), () => HttpResponse.json({ items })));
      const error = await failure(client().listDocuments(INS_ADULT));
      expect(error.kind).to.equal('invalid-response');
      expect(error.issues?.map((issue) => issue.path)).to.deep.equal(['items.3.submittedAt']);
      expect(error.message).to.include('items.3.submittedAt');
    });

    it('keeps the patient’s NIR out of error messages, even when the server’s words repeat it: those stay in the problem', async () => {
      worker.use(http.get(api('/dossiers/:ins'), () => problemJson(404, problem(404, 'Dossier introuvable', { detail: `Aucun dossier pour l’INS ${INS_ADULT}` }))));
      const error = await failure(client().getDossier(INS_ADULT));
      expect(error.message).to.include('/dossiers/:ins');
      expect(error.message).not.to.include(INS_ADULT);
      expect(error.problem?.detail).to.include(INS_ADULT);
    });
  });

  describe('retries', () => {
    it('retries a GET on 500 up to 3 tries, then fails as http', async () => {
      const server = counted(() => problemJson(500, problem(500, 'Erreur interne')));
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const error = await failure(client().getDossier(INS_ADULT));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(500);
      expect(server.count).to.equal(3);
    });

    it('makes as many tries as configured', async () => {
      const server = counted(() => problemJson(500, problem(500, 'Erreur interne')));
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      await failure(client({ retry: { tries: 5, baseDelayMs: 1 } }).getDossier(INS_ADULT));
      expect(server.count).to.equal(5);
    });

    it('succeeds when a 503 is followed by a success', async () => {
      const server = counted((_, attempt) => (attempt === 1 ? problemJson(503, problem(503, 'Maintenance')) : HttpResponse.json(DOSSIER_ACTIVE)));
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      expect(await client().getDossier(INS_ADULT)).to.deep.equal(DOSSIER_ACTIVE);
      expect(server.count).to.equal(2);
    });

    it('waits the Retry-After seconds of a 429 before retrying', async () => {
      const server = counted((_, attempt) =>
        attempt === 1 ? problemJson(429, problem(429, 'Trop de requêtes'), { 'Retry-After': '1' }) : HttpResponse.json(DOSSIER_ACTIVE),
      );
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const started = performance.now();
      expect(await client().getDossier(INS_ADULT)).to.deep.equal(DOSSIER_ACTIVE);
      expect(performance.now() - started).to.be.at.least(950);
      expect(server.count).to.equal(2);
    });

    it('gives up at once when Retry-After (an HTTP date) is beyond maxDelayMs', async () => {
      const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
      const server = counted(() => problemJson(429, problem(429, 'Trop de requêtes'), { 'Retry-After': inAnHour }));
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const error = await failure(client().getDossier(INS_ADULT));
      expect(error.kind).to.equal('rate-limited');
      expect(error.retryAfter).to.be.within(3590, 3600);
      expect(server.count).to.equal(1);
    });

    it('fails as rate-limited, not as a timeout, when the Retry-After wait would outlast the call’s deadline', async () => {
      const server = counted(() => problemJson(429, problem(429, 'Trop de requêtes'), { 'Retry-After': '2' }));
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const error = await failure(client({ timeoutMs: 1000 }).getDossier(INS_ADULT));
      expect([error.kind, error.retryAfter]).to.deep.equal(['rate-limited', 2]);
      expect(server.count).to.equal(1);
    });

    it('fails as rate-limited once the tries are spent', async () => {
      const server = counted(() => problemJson(429, problem(429, 'Trop de requêtes'), { 'Retry-After': '0' }));
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const error = await failure(client().getDossier(INS_ADULT));
      expect(error.kind).to.equal('rate-limited');
      expect(error.retryAfter).to.equal(0);
      expect(server.count).to.equal(3);
    });

    it('never retries a POST on 500', async () => {
      const server = counted(() => problemJson(500, problem(500, 'Erreur interne')));
      worker.use(http.post(api('/dossiers/:ins/close'), server.resolver));
      const error = await failure(client().closeDossier(INS_ADULT, 'Décès'));
      expect(error.kind).to.equal('http');
      expect(server.count).to.equal(1);
    });

    it('never retries a GET on 404', async () => {
      const server = counted(() => problemJson(404, problem(404, 'Introuvable')));
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      await failure(client().getDossier(INS_ADULT));
      expect(server.count).to.equal(1);
    });

    it('never retries an invalid response', async () => {
      const server = counted(() => HttpResponse.json({ ...DOSSIER_ACTIVE, status: 'perdu' }));
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const error = await failure(client().getDossier(INS_ADULT));
      expect(error.kind).to.equal('invalid-response');
      expect(error.issues?.map((issue) => issue.path)).to.deep.equal(['status']);
      expect(server.count).to.equal(1);
    });
  });

  describe('in-flight GETs', () => {
    function slowDossier() {
      return counted(async () => {
        await delay(100);
        return HttpResponse.json(DOSSIER_ACTIVE);
      });
    }

    it('share one request between concurrent identical calls', async () => {
      const server = slowDossier();
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const dmp = client();
      const [a, b] = await Promise.all([dmp.getDossier(INS_ADULT), dmp.getDossier(INS_ADULT)]);
      expect(a).to.deep.equal(DOSSIER_ACTIVE);
      expect(b).to.deep.equal(DOSSIER_ACTIVE);
      expect(server.count).to.equal(1);
    });

    it('do not share between different callers’ headers', async () => {
      const server = slowDossier();
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      let token = 'pat-claire';
      const dmp = client({ headers: () => ({ Authorization: `Bearer ${token}` }) });
      const first = dmp.getDossier(INS_ADULT);
      token = 'rep-marc';
      await Promise.all([first, dmp.getDossier(INS_ADULT)]);
      expect(server.count).to.equal(2);
    });

    it('are not joined by a read asked once a write was sent: that read sees the write', async () => {
      const reads = counted(async (_request, attempt) => {
        // The first read left before the write and answers after it, with what it read then.
        if (attempt === 1) await delay(150);
        return HttpResponse.json(attempt === 1 ? DOSSIER_ACTIVE : { ...DOSSIER_ACTIVE, status: 'closed' });
      });
      worker.use(
        http.get(api('/dossiers/:ins'), reads.resolver),
        http.post(api('/dossiers/:ins/close'), () => HttpResponse.json({ ...DOSSIER_ACTIVE, status: 'closed' })),
      );
      const dmp = client();
      const before = dmp.getDossier(INS_ADULT);
      await reads.arrived;
      await dmp.closeDossier(INS_ADULT, 'Décès');
      const after = await dmp.getDossier(INS_ADULT);
      expect(after.status).to.equal('closed');
      expect((await before).status).to.equal('active');
      expect(reads.count).to.equal(2);
    });

    it('are not cached once settled', async () => {
      const server = slowDossier();
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const dmp = client();
      await dmp.getDossier(INS_ADULT);
      await dmp.getDossier(INS_ADULT);
      expect(server.count).to.equal(2);
    });

    it('let one caller abort without aborting the others', async () => {
      const server = slowDossier();
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const sent: RequestInit[] = [];
      const dmp = client({ fetch: (input, init = {}) => (sent.push(init), fetch(input, init)) });
      const controller = new AbortController();
      const leaving = dmp.getDossier(INS_ADULT, { signal: controller.signal });
      const staying = dmp.getDossier(INS_ADULT, { signal: new AbortController().signal });
      await server.arrived;
      controller.abort();
      expect((await failure(leaving)).kind).to.equal('aborted');
      expect(sent[0]?.signal?.aborted).to.equal(false);
      expect(await staying).to.deep.equal(DOSSIER_ACTIVE);
      expect(server.count).to.equal(1);
    });

    it('start afresh once every caller has aborted', async () => {
      const server = slowDossier();
      worker.use(http.get(api('/dossiers/:ins'), server.resolver));
      const dmp = client();
      const controller = new AbortController();
      const first = dmp.getDossier(INS_ADULT, { signal: controller.signal });
      const second = dmp.getDossier(INS_ADULT, { signal: controller.signal });
      await server.arrived;
      controller.abort();
      // Called at once, before the aborted request has even settled.
      const third = dmp.getDossier(INS_ADULT);
      expect((await failure(first)).kind).to.equal('aborted');
      expect((await failure(second)).kind).to.equal('aborted');
      expect(await third).to.deep.equal(DOSSIER_ACTIVE);
      expect(server.count).to.equal(2);
    });
  });

  describe('synthesis ETags', () => {
    it('takes the ETag header over the body’s etag', async () => {
      worker.use(http.get(api('/dossiers/:ins/synthesis'), () => HttpResponse.json(SYNTHESIS_V1, { headers: { ETag: '"from-header"' } })));
      const synthesis = await client().getSynthesis(INS_ADULT);
      expect(synthesis?.etag).to.equal('"from-header"');
    });

    it('falls back to the body’s etag without an ETag header', async () => {
      worker.use(http.get(api('/dossiers/:ins/synthesis'), () => HttpResponse.json(SYNTHESIS_V1)));
      expect(await client().getSynthesis(INS_ADULT)).to.deep.equal(SYNTHESIS_V1);
    });

    it('saves with If-Match and returns the new version', async () => {
      let ifMatch: string | null = null;
      let body: unknown;
      worker.use(
        http.put(api('/dossiers/:ins/synthesis'), async ({ request }) => {
          ifMatch = request.headers.get('If-Match');
          body = await request.json();
          return HttpResponse.json(SYNTHESIS_V2, { headers: { ETag: SYNTHESIS_V2.etag } });
        }),
      );
      const saved = await client().saveSynthesis(INS_ADULT, SYNTHESIS_V2.content, SYNTHESIS_V1.etag);
      expect(ifMatch).to.equal(SYNTHESIS_V1.etag);
      expect(body).to.deep.equal({ content: SYNTHESIS_V2.content });
      expect(saved).to.deep.equal(SYNTHESIS_V2);
    });
  });

  describe('bodies', () => {
    it('resolves a 204 DELETE with undefined', async () => {
      worker.use(http.delete(api('/dossiers/:ins/documents/:id'), () => new HttpResponse(null, { status: 204 })));
      expect(await client().deleteDocument(INS_ADULT, DOC_BIOLOGY.id)).to.equal(undefined);
    });

    it('resolves a 204 on the synthesis with null: the dossier has none yet', async () => {
      worker.use(http.get(api('/dossiers/:ins/synthesis'), () => new HttpResponse(null, { status: 204 })));
      expect(await client().getSynthesis(INS_ADULT)).to.equal(null);
    });

    it('still rejects a 404 on the synthesis with not-found, for the caller to read as none yet', async () => {
      worker.use(http.get(api('/dossiers/:ins/synthesis'), () => problemJson(404, problem(404, 'Introuvable'))));
      expect((await failure(client().getSynthesis(INS_ADULT))).kind).to.equal('not-found');
    });

    it('takes a 204 on a route that promises a body for an invalid response, not for null', async () => {
      worker.use(http.get(api('/dossiers/:ins'), () => new HttpResponse(null, { status: 204 })));
      expect((await failure(client().getDossier(INS_ADULT))).kind).to.equal('invalid-response');
    });

    it('resolves a document’s content as a Blob', async () => {
      worker.use(
        http.get(api('/dossiers/:ins/documents/:id/content'), () => new HttpResponse('%PDF-1.7 bilan', { headers: { 'Content-Type': 'application/pdf' } })),
      );
      const content = await client().getDocumentContent(INS_ADULT, DOC_BIOLOGY.id);
      expect(content).to.be.instanceOf(Blob);
      expect(content.type).to.equal('application/pdf');
      expect(await content.text()).to.equal('%PDF-1.7 bilan');
    });
  });
});
