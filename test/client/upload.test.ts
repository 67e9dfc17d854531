import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { HttpDmpClient } from '../../src/client/http-client.js';
import type { HttpDmpClientOptions } from '../../src/client/http-client.js';
import type { UploadProgress } from '../../src/client/types.js';
import type { NewDocument } from '../../src/model/document.js';
import { api, BASE_URL, DOC_BIOLOGY, INS_ADULT, problem } from './fixtures.js';
import { failure } from '../support/failure.js';

const worker = setupWorker();
const UPLOAD = api('/dossiers/:ins/documents');

const METADATA: NewDocument = { title: 'Bilan lipidique', typeCode: '11502-2', serviceStart: '2024-02-10T08:15:00+01:00' };

function pdf(bytes: number): File {
  const content = new Uint8Array(bytes);
  content.set(new TextEncoder().encode('%PDF-1.7'));
  return new File([content], 'bilan-lipidique.pdf', { type: 'application/pdf' });
}

function client(options: Partial<HttpDmpClientOptions> = {}) {
  return new HttpDmpClient({ baseUrl: BASE_URL, headers: () => ({ Authorization: 'Bearer pro-martin' }), retry: { baseDelayMs: 1 }, ...options });
}

describe('HttpDmpClient.addDocument', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'error', serviceWorker: { url: '/mockServiceWorker.js' } }));
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  it('posts metadata and file as multipart with the auth headers, and parses the document', async () => {
    let received: { authorization: string | null; metadata: unknown; name: string; type: string; size: number; head: string } | undefined;
    worker.use(
      http.post(UPLOAD, async ({ request }) => {
        const form = await request.formData();
        const file = form.get('file') as File;
        received = {
          authorization: request.headers.get('Authorization'),
          metadata: JSON.parse(form.get('metadata') as string),
          name: file.name,
          type: file.type,
          size: file.size,
          head: (await file.slice(0, 8).text()),
        };
        return HttpResponse.json(DOC_BIOLOGY, { status: 201 });
      }),
    );
    const file = pdf(256 * 1024);
    const document = await client().addDocument(INS_ADULT, METADATA, file);
    expect(document).to.deep.equal(DOC_BIOLOGY);
    expect(received).to.deep.equal({
      authorization: 'Bearer pro-martin',
      metadata: METADATA,
      name: 'bilan-lipidique.pdf',
      type: 'application/pdf',
      size: file.size,
      head: '%PDF-1.7',
    });
  });

  it('reports progress from 0 to the whole body even when the browser fires no upload progress', async () => {
    // Chromium fires none for a request a service worker answers, as MSW's worker does here.
    worker.use(http.post(UPLOAD, () => HttpResponse.json(DOC_BIOLOGY, { status: 201 })));
    const file = pdf(256 * 1024);
    const progress: UploadProgress[] = [];
    await client().addDocument(INS_ADULT, METADATA, file, { onProgress: (event) => progress.push(event) });
    const total = progress[0]?.total ?? 0;
    expect(total).to.be.above(file.size);
    expect(progress).to.deep.equal([
      { loaded: 0, total },
      { loaded: total, total },
    ]);
  });

  it('passes on the upload progress the browser reports', async () => {
    // Stands in for the network: fires, halfway, the progress event a real upload would.
    class NetworkXhr extends XMLHttpRequest {
      override send(body?: Document | XMLHttpRequestBodyInit | null) {
        this.upload.addEventListener(
          'loadstart',
          (event) => {
            const half = new ProgressEvent('progress', { lengthComputable: true, loaded: Math.floor(event.total / 2), total: event.total });
            queueMicrotask(() => this.upload.dispatchEvent(half));
          },
          { once: true },
        );
        super.send(body);
      }
    }
    worker.use(http.post(UPLOAD, () => HttpResponse.json(DOC_BIOLOGY, { status: 201 })));
    const progress: UploadProgress[] = [];
    const original = globalThis.XMLHttpRequest;
    globalThis.XMLHttpRequest = NetworkXhr;
    try {
      await client().addDocument(INS_ADULT, METADATA, pdf(1024), { onProgress: (event) => progress.push(event) });
    } finally {
      globalThis.XMLHttpRequest = original;
    }
    const total = progress[0]?.total ?? 0;
    expect(progress).to.deep.equal([
      { loaded: 0, total },
      { loaded: Math.floor(total / 2), total },
      { loaded: total, total },
    ]);
  });

  it('does not claim the whole body went through when the server refuses it', async () => {
    worker.use(http.post(UPLOAD, () => HttpResponse.json(problem(500, 'Erreur interne'), { status: 500 })));
    const progress: UploadProgress[] = [];
    await failure(client().addDocument(INS_ADULT, METADATA, pdf(1024), { onProgress: (event) => progress.push(event) }));
    expect(progress.map((event) => event.loaded)).to.deep.equal([0]);
  });

  it('refuses metadata that fails its schema without sending anything', async () => {
    let requests = 0;
    worker.use(
      http.post(UPLOAD, () => {
        requests += 1;
        return HttpResponse.json(DOC_BIOLOGY, { status: 201 });
      }),
    );
    const error = await failure(client().addDocument(INS_ADULT, { ...METADATA, title: '  ' }, pdf(16)));
    expect(error.kind).to.equal('invalid-request');
    expect(error.issues?.map((issue) => issue.path)).to.deep.equal(['title']);
    expect(requests).to.equal(0);
  });

  it('maps a 403 to forbidden with the policy reason', async () => {
    worker.use(
      http.post(UPLOAD, () =>
        HttpResponse.json(problem(403, 'Dépôt refusé', { reason: 'profession-not-permitted' }), {
          status: 403,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      ),
    );
    const error = await failure(client().addDocument(INS_ADULT, METADATA, pdf(16)));
    expect(error.kind).to.equal('forbidden');
    expect(error.status).to.equal(403);
    expect(error.reason).to.equal('profession-not-permitted');
    expect(error.problem?.title).to.equal('Dépôt refusé');
  });

  it('maps a 413 with a non-JSON body to an invalid request and never retries', async () => {
    let requests = 0;
    worker.use(
      http.post(UPLOAD, () => {
        requests += 1;
        return new HttpResponse('Request Entity Too Large', { status: 413, headers: { 'Content-Type': 'text/plain' } });
      }),
    );
    const error = await failure(client().addDocument(INS_ADULT, METADATA, pdf(16)));
    expect(error.kind).to.equal('invalid-request');
    expect(error.status).to.equal(413);
    expect(error.problem).to.equal(undefined);
    expect(requests).to.equal(1);
  });

  it('does not retry a 500', async () => {
    let requests = 0;
    worker.use(
      http.post(UPLOAD, () => {
        requests += 1;
        return HttpResponse.json(problem(500, 'Erreur interne'), { status: 500 });
      }),
    );
    const error = await failure(client().addDocument(INS_ADULT, METADATA, pdf(16)));
    expect(error.kind).to.equal('http');
    expect(requests).to.equal(1);
  });

  it('maps a network error to network', async () => {
    worker.use(http.post(UPLOAD, () => HttpResponse.error()));
    const error = await failure(client().addDocument(INS_ADULT, METADATA, pdf(16)));
    expect(error.kind).to.equal('network');
  });

  it('maps a truncated body to invalid-response', async () => {
    worker.use(http.post(UPLOAD, () => new HttpResponse('{"id":"doc-9","title":', { status: 201, headers: { 'Content-Type': 'application/json' } })));
    const error = await failure(client().addDocument(INS_ADULT, METADATA, pdf(16)));
    expect(error.kind).to.equal('invalid-response');
    expect(error.status).to.equal(201);
  });

  it('maps a document failing its schema to invalid-response with the field path', async () => {
    worker.use(http.post(UPLOAD, () => HttpResponse.json({ ...DOC_BIOLOGY, size: -1 }, { status: 201 })));
    const error = await failure(client().addDocument(INS_ADULT, METADATA, pdf(16)));
    expect(error.kind).to.equal('invalid-response');
    expect(error.issues?.map((issue) => issue.path)).to.deep.equal(['size']);
  });

  it('aborts when the caller aborts', async () => {
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    worker.use(
      http.post(UPLOAD, async () => {
        arrived();
        await delay(2000);
        return HttpResponse.json(DOC_BIOLOGY, { status: 201 });
      }),
    );
    let aborted = false;
    class RecordingXhr extends XMLHttpRequest {
      override abort() {
        aborted = true;
        super.abort();
      }
    }
    const original = globalThis.XMLHttpRequest;
    globalThis.XMLHttpRequest = RecordingXhr;
    try {
      const controller = new AbortController();
      const upload = client().addDocument(INS_ADULT, METADATA, pdf(16), { signal: controller.signal });
      await arrival;
      controller.abort();
      expect((await failure(upload)).kind).to.equal('aborted');
      expect(aborted, 'the XMLHttpRequest itself is aborted').to.equal(true);
    } finally {
      globalThis.XMLHttpRequest = original;
    }
  });

  it('times out after timeoutMs without progress', async () => {
    worker.use(
      http.post(UPLOAD, async () => {
        await delay(2000);
        return HttpResponse.json(DOC_BIOLOGY, { status: 201 });
      }),
    );
    const started = performance.now();
    const error = await failure(client({ timeoutMs: 100 }).addDocument(INS_ADULT, METADATA, pdf(16)));
    expect(error.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.below(1500);
  });
});
