import type * as z from 'zod/mini';
import type { AccessLogQuery } from '../model/access-log.js';
import type { AuthorizationChange } from '../model/authorization.js';
import type { DmpDocument, DocumentPatch, DocumentQuery, NewDocument } from '../model/document.js';
import type {
  DossierCreate,
  NewLegalRepresentative,
  StoredNotificationPreferences,
  StoredOppositions,
} from '../model/dossier.js';
import type { Problem } from '../model/problem.js';
import type { RouteName, RouteSpec } from '../model/routes.js';
import type { PreventionContent } from '../model/prevention.js';
import type { SynthesisContent } from '../model/synthesis.js';
import { DmpError, abortError, errorKindOfStatus, isDmpError, throwIfAborted } from './errors.js';
import { lazyModule } from './lazy-module.js';
import { mergeHeaders } from './merge-headers.js';
import { beforeRequest, parseRetryAfter, retrySchedule, startDeadline, withRetries } from './retry.js';
import type { RetryOptions, RetrySchedule } from './retry.js';
import type { DmpIssue } from './errors.js';
import type {
  AddDocumentOptions,
  AddRepresentativeOptions,
  CreateDossierOptions,
  DmpClient,
  EmergencyAccessOptions,
  EmergencyMode,
  HeadersRequest,
  LatestDocumentsOptions,
  ReactivateDossierOptions,
  RequestOptions,
  ResponseOf,
  UploadProgress,
} from './types.js';

export interface HttpDmpClientOptions {
  /** Where the HTTP API lives, e.g. `/api/dmp/v1`; a relative URL resolves against the page. */
  baseUrl: string;
  /** Defaults to the global `fetch`, looked up on each request. */
  fetch?: typeof fetch;
  /**
   * Called before every request, uploads included: `Authorization`, and later
   * `DMP-Access-Grant` or `DMP-Secret` as the session requires. It is told which patient's
   * dossier the request is about, since an emergency grant opens that dossier only. Throwing
   * makes the call fail with an `unauthorized` DmpError.
   */
  headers?: (request: HeadersRequest) => Record<string, string> | Promise<Record<string, string>>;
  /**
   * How long a call may take, retries included (default 15 000 ms). For an upload it is the
   * longest time without progress, since a large file on a slow line legitimately takes longer.
   */
  timeoutMs?: number;
  /** Automatic retries, for GET only. */
  retry?: RetryOptions;
}

type Params = Record<string, string | number>;

type Wire = typeof import('./wire.js');

/** The route table and its schemas. */
const loadWire = lazyModule(() => import('./wire.js'), 'The route table', 'ROUTES');

interface Call {
  wire: Wire;
  route: RouteSpec;
  url: string;
  headers: Record<string, string>;
  body?: string | FormData | undefined;
}

/** What the error mapping and parsing need of a response, from fetch or from XMLHttpRequest. */
interface RawResponse {
  status: number;
  header(name: string): string | null;
  text(): Promise<string>;
  blob(): Promise<Blob>;
}

/** One request on the wire, possibly awaited by several callers. */
interface Flight {
  key: string | undefined;
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

const JSON_ACCEPT = 'application/json, application/problem+json';

/** The DmpClient of the HTTP API described by `ROUTES`. */
export class HttpDmpClient implements DmpClient {
  readonly #baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #headerHook: HttpDmpClientOptions['headers'];
  readonly #timeoutMs: number;
  readonly #retryDelay: RetrySchedule;
  readonly #flights = new Map<string, Flight>();

  constructor(options: HttpDmpClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#headerHook = options.headers;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#retryDelay = retrySchedule(options.retry);
    // Fetched now, so that the first request does not wait for it.
    loadWire().catch(() => undefined);
  }

  getDossier(ins: string, options?: RequestOptions) {
    return this.#send('getDossier', { params: { ins } }, options);
  }

  createDossier(input: DossierCreate, options: CreateDossierOptions) {
    return this.#send('createDossier', { body: input, headers: { 'Idempotency-Key': options?.idempotencyKey } }, options);
  }

  closeDossier(ins: string, reason: string, options?: RequestOptions) {
    return this.#send('closeDossier', { params: { ins }, body: { reason } }, options);
  }

  reactivateDossier(ins: string, options?: ReactivateDossierOptions) {
    return this.#send('reactivateDossier', { params: { ins }, body: { consent: options?.consent } }, options);
  }

  listDocuments(ins: string, query: DocumentQuery = {}, options?: RequestOptions) {
    return this.#send('listDocuments', { params: { ins }, query }, options);
  }

  async latestDocuments(ins: string, options?: LatestDocumentsOptions) {
    const latest = await this.#send('latestDocuments', { params: { ins } }, options);
    const only = options?.categories;
    return only ? { ...latest, categories: latest.categories.filter((line) => only.includes(line.category)) } : latest;
  }

  getDocument(ins: string, id: string, options?: RequestOptions) {
    return this.#send('getDocument', { params: { ins, id } }, options);
  }

  getDocumentContent(ins: string, id: string, options?: RequestOptions) {
    return this.#send('getDocumentContent', { params: { ins, id } }, options);
  }

  async addDocument(ins: string, metadata: NewDocument, file: Blob, options: AddDocumentOptions = {}): Promise<DmpDocument> {
    const { signal, onProgress, idempotencyKey } = options;
    const { wire, hooked } = await this.#prepare(signal, { ins });
    const route: RouteSpec = wire.ROUTES.addDocument;
    const body = new FormData();
    body.append('metadata', JSON.stringify(validated(wire.NewDocumentSchema, metadata, 'metadata')));
    body.append('file', file);
    const key = idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined;
    const call: Call = { wire, route, url: this.#url(wire, route, { ins }), headers: mergeHeaders({ Accept: JSON_ACCEPT }, key, hooked), body };
    throwIfAborted(signal);
    const flight = this.#launch(undefined, (flightSignal) => this.#upload(call, flightSignal, onProgress));
    return this.#join(flight, signal) as Promise<DmpDocument>;
  }

  updateDocument(ins: string, id: string, patch: DocumentPatch, options?: RequestOptions) {
    return this.#send('updateDocument', { params: { ins, id }, body: patch }, options);
  }

  deleteDocument(ins: string, id: string, options?: RequestOptions) {
    return this.#send('deleteDocument', { params: { ins, id } }, options);
  }

  getSynthesis(ins: string, options?: RequestOptions) {
    return this.#send('getSynthesis', { params: { ins } }, options);
  }

  listSynthesisVersions(ins: string, options?: RequestOptions) {
    return this.#send('listSynthesisVersions', { params: { ins } }, options);
  }

  getSynthesisVersion(ins: string, version: number, options?: RequestOptions) {
    return this.#send('getSynthesisVersion', { params: { ins, version } }, options);
  }

  saveSynthesis(ins: string, content: SynthesisContent, etag: string, options?: RequestOptions) {
    return this.#send('saveSynthesis', { params: { ins }, body: { content }, headers: { 'If-Match': etag } }, options);
  }

  getPrevention(ins: string, options?: RequestOptions) {
    return this.#send('getPrevention', { params: { ins } }, options);
  }

  savePrevention(ins: string, content: PreventionContent, etag: string, options?: RequestOptions) {
    return this.#send('savePrevention', { params: { ins }, body: { content }, ...ifMatch(etag) }, options);
  }

  listAuthorizations(ins: string, options?: RequestOptions) {
    return this.#send('listAuthorizations', { params: { ins } }, options);
  }

  changeAuthorization(ins: string, change: AuthorizationChange, options?: RequestOptions) {
    return this.#send('changeAuthorization', { params: { ins }, body: change }, options);
  }

  searchProfessionals(text: string, options?: RequestOptions) {
    return this.#send('searchProfessionals', { query: { q: text } }, options);
  }

  getOppositions(ins: string, options?: RequestOptions) {
    return this.#send('getOppositions', { params: { ins } }, options);
  }

  setOppositions(ins: string, { etag, ...oppositions }: StoredOppositions, options?: RequestOptions) {
    return this.#send('setOppositions', { params: { ins }, body: oppositions, ...ifMatch(etag) }, options);
  }

  getNotificationPreferences(ins: string, options?: RequestOptions) {
    return this.#send('getNotificationPreferences', { params: { ins } }, options);
  }

  setNotificationPreferences(ins: string, { etag, ...preferences }: StoredNotificationPreferences, options?: RequestOptions) {
    return this.#send('setNotificationPreferences', { params: { ins }, body: preferences, ...ifMatch(etag) }, options);
  }

  listRepresentatives(ins: string, options?: RequestOptions) {
    return this.#send('listRepresentatives', { params: { ins } }, options);
  }

  addRepresentative(ins: string, representative: NewLegalRepresentative, options: AddRepresentativeOptions) {
    return this.#send('addRepresentative', { params: { ins }, body: representative, headers: { 'Idempotency-Key': options?.idempotencyKey } }, options);
  }

  removeRepresentative(ins: string, id: string, options?: RequestOptions) {
    return this.#send('removeRepresentative', { params: { ins, id } }, options);
  }

  listAccessLog(ins: string, query: AccessLogQuery = {}, options?: RequestOptions) {
    return this.#send('listAccessLog', { params: { ins }, query }, options);
  }

  requestEmergencyAccess(ins: string, mode: EmergencyMode, justification: string, options: EmergencyAccessOptions) {
    return this.#send('requestEmergencyAccess', { params: { ins }, body: { mode, justification }, headers: { 'Idempotency-Key': options?.idempotencyKey } }, options);
  }

  listNotifications(options?: RequestOptions) {
    return this.#send('listNotifications', {}, options);
  }

  async #send<N extends RouteName>(
    name: N,
    input: { params?: Params; query?: object; body?: unknown; headers?: Record<string, string> },
    options: RequestOptions | undefined,
  ): Promise<ResponseOf<N>> {
    // A script calling without TypeScript's help: a clear refusal, before any token is asked for,
    // rather than a key "undefined".
    if (input.headers && 'Idempotency-Key' in input.headers && !input.headers['Idempotency-Key']) {
      throw new DmpError('invalid-request', `${name} needs options.idempotencyKey`);
    }
    const signal = options?.signal;
    const { wire, hooked, leftMs } = await this.#prepare(signal, headersRequest(input.params));
    const route: RouteSpec = wire.ROUTES[name];
    const url = this.#url(wire, route, input.params ?? {}, input.query);
    const body =
      route.body === undefined || route.body === 'multipart'
        ? undefined
        : JSON.stringify(validated(route.body, input.body, 'body'));
    // The hook's headers override the defaults; the call's own (If-Match…) override both.
    const headers = mergeHeaders(
      { Accept: route.response === 'binary' ? '*/*' : JSON_ACCEPT, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      hooked,
      input.headers,
    );
    throwIfAborted(signal);
    const call: Call = { wire, route, url, headers, body };
    const key = route.method === 'GET' ? flightKey(url, headers) : undefined;
    const flight =
      (key === undefined ? undefined : this.#flights.get(key)) ??
      this.#launch(key, (flightSignal) => this.#attempts(call, flightSignal, leftMs));
    return this.#join(flight, signal) as Promise<ResponseOf<N>>;
  }

  #url(wire: Wire, route: RouteSpec, params: Params, query?: object): string {
    const path = wire.routePath(route.path, params);
    if (!route.query) return this.#baseUrl + path;
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(validated(route.query, query ?? {}, 'query') as object)) {
      if (value !== undefined) search.append(name, String(value));
    }
    const encoded = search.toString();
    return this.#baseUrl + path + (encoded ? `?${encoded}` : '');
  }

  /**
   * The route table and the hook's headers, both asked for at once: a call is made as whoever the
   * session names when it is made. `leftMs` is what remains of the call's timeout.
   */
  async #prepare(signal: AbortSignal | undefined, request: HeadersRequest): Promise<{ wire: Wire; hooked: Record<string, string>; leftMs: number }> {
    const { value: [wire, hooked], leftMs } = await beforeRequest(signal, this.#timeoutMs, Promise.all([loadWire(), this.#hooked(request)]));
    return { wire, hooked, leftMs };
  }

  async #hooked(request: HeadersRequest): Promise<Record<string, string>> {
    try {
      return (await this.#headerHook?.(request)) ?? {};
    } catch (error) {
      throw new DmpError('unauthorized', 'The headers hook failed', { cause: error });
    }
  }

  /** `key` names a read others may share; a write has none. */
  #launch(key: string | undefined, run: (signal: AbortSignal) => Promise<unknown>): Flight {
    // A read asked once a write is on its way or done must not join one that started before it
    // (DESIGN.md: after a write, what shows that data reloads): a write ends the sharing.
    if (key === undefined) this.#flights.clear();
    const controller = new AbortController();
    const promise = run(controller.signal).finally(() => {
      this.#forget(flight);
      if (key === undefined) this.#flights.clear();
    });
    // Callers hear the outcome through #join; a flight that every caller left rejects unheard.
    promise.catch(() => undefined);
    const flight: Flight = { key, promise, controller, waiters: 0 };
    if (key !== undefined) this.#flights.set(key, flight);
    return flight;
  }

  #forget(flight: Flight): void {
    if (flight.key !== undefined && this.#flights.get(flight.key) === flight) this.#flights.delete(flight.key);
  }

  /**
   * Waits for a flight on behalf of one caller. A caller's abort releases only that caller; the
   * request itself is aborted when its last caller leaves.
   */
  #join(flight: Flight, signal: AbortSignal | undefined): Promise<unknown> {
    flight.waiters += 1;
    if (!signal) return flight.promise;
    return new Promise((resolve, reject) => {
      const leave = () => {
        reject(abortError(signal.reason));
        flight.waiters -= 1;
        if (flight.waiters === 0) {
          this.#forget(flight);
          flight.controller.abort(signal.reason);
        }
      };
      signal.addEventListener('abort', leave, { once: true });
      flight.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
    });
  }

  #attempts(call: Call, parent: AbortSignal, timeoutMs: number): Promise<unknown> {
    return withRetries(parent, timeoutMs, call.route.method === 'GET' ? this.#retryDelay : undefined, (signal) => this.#attempt(call, signal));
  }

  async #attempt(call: Call, signal: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      response = await this.#fetch(call.url, { method: call.route.method, headers: call.headers, body: call.body, signal });
    } catch (error) {
      throw signal.aborted ? abortError(signal.reason) : new DmpError('network', `${describe(call.route)}: no response`, { cause: error });
    }
    return interpret(call, fetchResponse(response, signal));
  }

  #upload(call: Call, parent: AbortSignal, onProgress: ((progress: UploadProgress) => void) | undefined): Promise<unknown> {
    const deadline = startDeadline(parent, this.#timeoutMs);
    const xhr = new XMLHttpRequest();
    const answered = new Promise<RawResponse>((resolve, reject) => {
      xhr.open(call.route.method, call.url);
      xhr.responseType = 'blob';
      for (const [name, value] of Object.entries(call.headers)) xhr.setRequestHeader(name, value);
      let sent: UploadProgress = { loaded: 0, total: 0 };
      const report = (progress: UploadProgress) => {
        deadline.restart();
        sent = progress;
        onProgress?.(progress);
      };
      const fromEvent = (event: ProgressEvent, loaded: number) => report({ loaded, total: event.lengthComputable ? event.total : 0 });
      xhr.upload.addEventListener('loadstart', (event) => fromEvent(event, 0));
      xhr.upload.addEventListener('progress', (event) => fromEvent(event, event.loaded));
      // With a service worker in the path (a PWA's, MSW's) Chromium fires no upload progress
      // at all: a successful answer is then the sign that the whole body went through.
      xhr.addEventListener('readystatechange', () => {
        const accepted = xhr.readyState === XMLHttpRequest.HEADERS_RECEIVED && xhr.status >= 200 && xhr.status < 300;
        if (accepted && sent.loaded < sent.total) report({ loaded: sent.total, total: sent.total });
      });
      xhr.addEventListener('progress', () => deadline.restart());
      xhr.addEventListener('load', () => resolve(xhrResponse(xhr)));
      xhr.addEventListener('error', () => reject(new DmpError('network', `${describe(call.route)}: no response`)));
      deadline.signal.addEventListener(
        'abort',
        () => {
          reject(abortError(deadline.signal.reason));
          xhr.abort();
        },
        { once: true },
      );
      xhr.send(call.body ?? null);
    });
    return answered.then((raw) => interpret(call, raw)).finally(() => deadline.dispose());
  }
}

function headersRequest(params: Params | undefined): HeadersRequest {
  const ins = params?.ins;
  return ins === undefined ? {} : { ins: String(ins) };
}

/** The `If-Match` of a write made against the version read, when the server gave one. */
function ifMatch(etag: string | undefined): { headers?: Record<string, string> } {
  return etag ? { headers: { 'If-Match': etag } } : {};
}

function describe(route: RouteSpec): string {
  // The path template, never the filled path: error messages end up in logs, and the filled
  // path holds the patient's NIR.
  return `${route.method} ${route.path}`;
}

/** Same URL and same headers (hence same caller identity): the same answer. */
function flightKey(url: string, headers: Record<string, string>): string {
  const entries = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value])
    .sort(([a = ''], [b = '']) => (a < b ? -1 : a > b ? 1 : 0));
  return `${url}\n${JSON.stringify(entries)}`;
}

function validated(schema: z.ZodMiniType, value: unknown, what: string): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = toIssues(result.error.issues);
  throw new DmpError('invalid-request', `The request ${what} is invalid: ${summary(issues)}`, { issues });
}

function toIssues(issues: readonly z.core.$ZodIssue[], prefix?: string): DmpIssue[] {
  return issues.map((issue) => ({
    path: [...(prefix === undefined ? [] : [prefix]), ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

function summary(issues: DmpIssue[]): string {
  return issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fetchResponse(response: Response, signal: AbortSignal): RawResponse {
  const read = <T>(body: Promise<T>) =>
    body.catch((error: unknown) => {
      throw signal.aborted ? abortError(signal.reason) : new DmpError('network', 'The response was cut off', { cause: error });
    });
  return {
    status: response.status,
    header: (name) => response.headers.get(name),
    text: () => read(response.text()),
    blob: () => read(response.blob()),
  };
}

function xhrResponse(xhr: XMLHttpRequest): RawResponse {
  const body = xhr.response as Blob;
  return {
    status: xhr.status,
    header: (name) => xhr.getResponseHeader(name),
    text: () => body.text(),
    blob: () => Promise.resolve(body),
  };
}

/** The one place a response becomes a value or a DmpError, for fetch and upload alike. */
async function interpret({ wire, route }: Call, raw: RawResponse): Promise<unknown> {
  if (raw.status < 200 || raw.status >= 300) throw await errorOf(wire, route, raw);
  if (raw.status === 204 && route.noContentIsNull) return null;
  if (route.response === 'none') return undefined;
  if (route.response === 'binary') return raw.blob();
  let body: unknown;
  try {
    body = JSON.parse(await raw.text());
  } catch (error) {
    if (isDmpError(error)) throw error;
    throw new DmpError('invalid-response', `${describe(route)}: the response is not valid JSON`, { status: raw.status, cause: error });
  }
  const result = route.response.safeParse(route.etag ? withEtag(body, raw.header('ETag')) : body);
  if (result.success) return result.data;
  const issues = toIssues(result.error.issues);
  throw new DmpError('invalid-response', `${describe(route)}: ${summary(issues)}`, { status: raw.status, issues });
}

async function errorOf(wire: Wire, route: RouteSpec, raw: RawResponse): Promise<DmpError> {
  const { status } = raw;
  const body = await errorBody(raw);
  const fields = isRecord(body) ? body : {};
  const problem = problemOf(wire, body, status);
  const reason = problem?.reason;
  const kind = errorKindOfStatus(status);
  let issues =
    kind === 'invalid-request'
      ? problem?.invalidParams?.map((param) => ({ path: param.name, message: param.reason }))
      : undefined;
  let current: unknown;
  let etag: string | undefined;
  if (status === 412) {
    etag = typeof fields['etag'] === 'string' ? fields['etag'] : (raw.header('ETag') ?? undefined);
    if (fields['current'] !== undefined && typeof route.response !== 'string') {
      // As on a success: the version's ETag may come beside it rather than in it.
      const parsed = route.response.safeParse(route.etag ? withEtag(fields['current'], etag) : fields['current']);
      if (parsed.success) current = parsed.data;
      else issues = toIssues(parsed.error.issues, 'current');
    }
  }
  // The server's words stay in `problem`: they may repeat the request, the patient's NIR with it.
  return new DmpError(kind, `${describe(route)} answered ${status}`, {
    status,
    reason,
    problem,
    issues,
    current,
    etag,
    retryAfter: parseRetryAfter(raw.header('Retry-After')),
  });
}

/**
 * A version as read with its ETag, the header's (or the one sent beside it): unless a proxy that
 * compressed the answer weakened it (nginx does), as a weak one never matches the If-Match of a
 * save, and the body carries the strong one.
 */
function withEtag(body: unknown, etag: string | null | undefined): unknown {
  if (!etag || !isRecord(body) || (etag.startsWith('W/') && typeof body['etag'] === 'string')) return body;
  return { ...body, etag };
}

/**
 * The problem the server described, its well-formed members only: one it got wrong (a reason
 * code newer than this client, no title) must not take the others with it, the details of a
 * refused field least of all.
 */
function problemOf(wire: Wire, body: unknown, status: number): Problem | undefined {
  if (!isRecord(body)) return undefined;
  const members = Object.entries(wire.ProblemSchema.shape).map(([name, schema]) => [name, schema.safeParse(body[name]).data]);
  return { title: '', status, ...Object.fromEntries(members.filter(([, value]) => value !== undefined)) };
}

/** The error body as JSON, or undefined when it is not JSON: the status alone still tells a lot. */
async function errorBody(raw: RawResponse): Promise<unknown> {
  if (!/json/i.test(raw.header('Content-Type') ?? '')) return undefined;
  try {
    return JSON.parse(await raw.text());
  } catch (error) {
    if (isDmpError(error) && (error.kind === 'aborted' || error.kind === 'timeout')) throw error;
    return undefined;
  }
}
