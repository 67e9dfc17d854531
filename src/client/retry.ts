import { abortError, isDmpError, sleep, throwIfAborted, type DmpError } from './errors.js';

/** Milliseconds to wait before attempt `attempt + 1` after `error`, or undefined to give up. */
export type RetrySchedule = (error: DmpError, attempt: number) => number | undefined;

export interface RetryOptions {
  /** Attempts in all, the first included (default 3). */
  tries?: number;
  /** The first wait between attempts, doubled each time, with jitter (default 300). */
  baseDelayMs?: number;
  /**
   * The longest wait between attempts (default 10 000). A `Retry-After` asking for more ends
   * the retries at once: the error carries `retryAfter` so the page can tell the user.
   */
  maxDelayMs?: number;
}

/**
 * When a failed read is tried again, for every client: only on what may pass (no answer, a
 * 5xx, a 429), never beyond `tries`, after `Retry-After` when the server says it. Returns the
 * milliseconds to wait before attempt `attempt + 1`, or undefined to give up.
 */
export function retrySchedule(options: RetryOptions | undefined): RetrySchedule {
  const tries = Math.max(1, Math.floor(options?.tries ?? 3));
  const baseDelayMs = options?.baseDelayMs ?? 300;
  const maxDelayMs = options?.maxDelayMs ?? 10_000;
  return (error, attempt) => {
    if (attempt >= tries) return undefined;
    const transient = error.kind === 'network' || error.kind === 'rate-limited' || (error.kind === 'http' && (error.status ?? 0) >= 500);
    if (!transient) return undefined;
    if (error.retryAfter !== undefined) {
      const asked = error.retryAfter * 1000;
      return asked <= maxDelayMs ? asked : undefined;
    }
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    // Jitter keeps the pages that failed together from retrying together.
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  };
}

/**
 * A signal that aborts when `parent` does, or after `ms` without a `restart()`, with a
 * TimeoutError (read by `abortError` as a timeout). `dispose()` once the call is over.
 */
export function startDeadline(parent: AbortSignal | undefined, ms: number) {
  const controller = new AbortController();
  const follow = () => controller.abort(parent?.reason);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new DOMException(`No answer within ${ms} ms`, 'TimeoutError')), ms);
  };
  if (parent?.aborted) follow();
  else parent?.addEventListener('abort', follow, { once: true });
  restart();
  return {
    signal: controller.signal,
    restart,
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', follow);
    },
  };
}

/**
 * What a call awaits before its request (a token hook, the route table), under the call's
 * timeout and its caller's abort, so that a hook that never settles does not hold the call for
 * ever. Gives `work`'s value and what remains of `timeoutMs` for the request and its retries.
 */
export async function beforeRequest<T>(signal: AbortSignal | undefined, timeoutMs: number, work: Promise<T>): Promise<{ value: T; leftMs: number }> {
  // Heard even when the caller has already aborted: the call then stops before awaiting it.
  work.catch(() => undefined);
  throwIfAborted(signal);
  const started = Date.now();
  const deadline = startDeadline(signal, timeoutMs);
  try {
    const value = await new Promise<T>((resolve, reject) => {
      const stop = () => reject(abortError(deadline.signal.reason));
      if (deadline.signal.aborted) stop();
      else deadline.signal.addEventListener('abort', stop, { once: true });
      work.then(resolve, reject).finally(() => deadline.signal.removeEventListener('abort', stop));
    });
    return { value, leftMs: started + timeoutMs - Date.now() };
  } finally {
    deadline.dispose();
  }
}

/**
 * `Retry-After` in seconds, from either of its forms (a number of seconds, an HTTP date);
 * undefined for anything else, so that the usual backoff applies.
 */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // Each form of HTTP-date (RFC 9110 §5.6.7) gives the time of day; Date.parse alone takes
  // almost anything (`1.5` is a day of 2001, long past: a retry at once). The asctime form names
  // no zone, and is GMT all the same.
  if (!/\d\d:\d\d:\d\d/.test(trimmed)) return undefined;
  const at = Date.parse(/GMT$/.test(trimmed) ? trimmed : `${trimmed} GMT`);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - Date.now()) / 1000);
}

/**
 * One call: `attempt` tried until it succeeds or fails for good, under one deadline of `timeoutMs`
 * for the whole call, retries included. `schedule` is given for reads only: a write is never
 * sent twice.
 */
export async function withRetries<T>(
  parent: AbortSignal | undefined,
  timeoutMs: number,
  schedule: RetrySchedule | undefined,
  attempt: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const deadline = startDeadline(parent, timeoutMs);
  const endsAt = Date.now() + timeoutMs;
  try {
    for (let tries = 1; ; tries += 1) {
      try {
        return await attempt(deadline.signal);
      } catch (error) {
        const wait = schedule && isDmpError(error) ? schedule(error, tries) : undefined;
        // A wait the deadline would cut short ends in a timeout that hides the server's answer
        // (a 429 and its Retry-After): that answer is the error.
        if (wait === undefined || Date.now() + wait >= endsAt) throw error;
        await sleep(wait, deadline.signal);
      }
    }
  } finally {
    deadline.dispose();
  }
}
