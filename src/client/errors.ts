import type { Problem } from '../model/problem.js';
import type { ReasonCode } from '../policy/types.js';

/**
 * What went wrong, as an element needs to know it to show the right state:
 * - `network`: no answer (offline, DNS, CORS, connection reset);
 * - `timeout`: no answer in time (the client's `timeoutMs`, or a caller's `AbortSignal.timeout`);
 * - `aborted`: the caller aborted (a stale `@lit/task` run); usually not shown at all;
 * - `invalid-request`: 400/422, or a request the client refused to send because it failed its
 *   schema; `issues` names the fields;
 * - `unauthorized`: 401, or the auth header hook failed;
 * - `forbidden`: 403, with the policy's `reason`;
 * - `not-found`: 404/410;
 * - `conflict`: 409/412; on a 412 `current` and `etag` carry the server's version;
 * - `rate-limited`: 429 once retries are spent, with `retryAfter`;
 * - `invalid-response`: a 2xx whose body is not valid JSON or fails its schema; `issues` names
 *   the fields;
 * - `http`: any other status (5xx once retries are spent).
 */
export const DMP_ERROR_KINDS = [
  'network',
  'timeout',
  'aborted',
  'http',
  'invalid-response',
  'conflict',
  'forbidden',
  'not-found',
  'unauthorized',
  'rate-limited',
  'invalid-request',
] as const;
export type DmpErrorKind = (typeof DMP_ERROR_KINDS)[number];

/** One failed field: a dotted path such as `items.3.submittedAt` (empty for the root). */
export interface DmpIssue {
  path: string;
  message: string;
}

export interface DmpErrorDetails {
  status?: number | undefined;
  reason?: ReasonCode | undefined;
  problem?: Problem | undefined;
  issues?: DmpIssue[] | undefined;
  current?: unknown;
  etag?: string | undefined;
  retryAfter?: number | undefined;
  cause?: unknown;
}

// Symbol.for, not instanceof: two copies of the library on one page must recognise each
// other's errors, as they share context keys.
const BRAND = Symbol.for('dmp-elements/DmpError');

/** The one error every `DmpClient` method throws. Messages are for developers, never shown as is. */
export class DmpError extends Error {
  override readonly name = 'DmpError';
  readonly [BRAND] = true;
  readonly kind: DmpErrorKind;
  /** HTTP status, when the server answered. */
  readonly status?: number | undefined;
  /** The policy's reason code, when the server gave one (always on a 403). */
  readonly reason?: ReasonCode | undefined;
  /**
   * The `application/problem+json` body when the server sent a JSON one: its well-formed members
   * (a member it got wrong is left out, `title` then empty rather than the others lost).
   */
  readonly problem?: Problem | undefined;
  /** For `invalid-response` and `invalid-request`: which fields failed and why. */
  readonly issues?: DmpIssue[] | undefined;
  /**
   * On a 412 `conflict`: the server's current version, parsed by the route's response schema
   * (a `Synthesis` for `saveSynthesis`); absent if it failed that schema (see `issues`).
   */
  readonly current?: unknown;
  /** On a 412 `conflict`: the ETag of `current`, to save over it deliberately. */
  readonly etag?: string | undefined;
  /** Seconds the server asked to wait (`Retry-After`), when it said so. */
  readonly retryAfter?: number | undefined;

  constructor(kind: DmpErrorKind, message: string, details: DmpErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.reason = details.reason;
    this.problem = details.problem;
    this.issues = details.issues;
    this.current = details.current;
    this.etag = details.etag;
    this.retryAfter = details.retryAfter;
  }
}

export function isDmpError(value: unknown): value is DmpError {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

/**
 * Whether the server accepted the request and only its answer was unreadable (a 2xx failing its
 * schema): a write then most likely happened, and what the server now holds tells.
 */
export function answeredUnreadably(error: unknown): error is DmpError {
  return isDmpError(error) && error.kind === 'invalid-response';
}

/** What `run` resolves to, or undefined when the server says `not-found` (a gateway's 404 for "none yet", a content gone). */
export async function undefinedIfNotFound<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (isDmpError(error) && error.kind === 'not-found') return undefined;
    throw error;
  }
}

/** The kind of error an HTTP status means, whatever the API behind it (JSON or FHIR). */
export function errorKindOfStatus(status: number): DmpErrorKind {
  switch (status) {
    case 400:
    case 422:
    // Too large, of a type the server does not take, or without the If-Match it requires: the
    // request as sent will never pass, so nothing offers to try it again.
    case 413:
    case 415:
    case 428:
      return 'invalid-request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
    case 410:
      return 'not-found';
    case 409:
    case 412:
      return 'conflict';
    case 429:
      return 'rate-limited';
    default:
      return 'http';
  }
}

/** The error of a request stopped by its signal: `timeout` when the deadline fired, `aborted` otherwise. */
export function abortError(reason: unknown): DmpError {
  return reason instanceof DOMException && reason.name === 'TimeoutError'
    ? new DmpError('timeout', 'The request timed out', { cause: reason })
    : new DmpError('aborted', 'The request was aborted', { cause: reason });
}

/** Throws {@link abortError} when `signal` has already aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal.reason);
}

/** Waits `ms` (a retry's backoff); rejects with {@link abortError} as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal.reason));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
