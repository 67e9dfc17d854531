/**
 * Faults the mock injects, for tests and stories: latency, HTTP errors, malformed bodies,
 * network failures. Each fault matches a method and a path pattern and may be limited in count.
 */
export interface FaultSpec {
  /** HTTP method to match; any when absent. */
  method?: string;
  /** A substring or a RegExp source matched against the path after the API prefix. */
  path?: string;
  /** Delay before answering (or before the real handler runs when nothing else is set). */
  latencyMs?: number;
  /** Answer with this status and a problem+json body. */
  status?: number;
  /** Seconds, sent as `Retry-After` with a 429 or 503. */
  retryAfter?: number;
  /** `truncated`: cut JSON; `schema`: valid JSON that fails the schema; `html`: an HTML error page. */
  malformed?: 'truncated' | 'schema' | 'html';
  /** Drop the connection (fetch rejects). */
  network?: boolean;
  /** How many matching requests it applies to; forever when absent. */
  times?: number;
}

export class FaultRegistry {
  private faults: Array<FaultSpec & { remaining: number }> = [];

  add(spec: FaultSpec): void {
    this.faults.push({ ...spec, remaining: spec.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault matching this request, consuming one of its uses. */
  take(method: string, path: string): FaultSpec | undefined {
    const index = this.faults.findIndex(
      (f) => f.remaining > 0 && (!f.method || f.method.toUpperCase() === method) && (!f.path || matches(f.path, path)),
    );
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    return fault;
  }
}

function matches(pattern: string, path: string): boolean {
  if (path.includes(pattern)) return true;
  try {
    return new RegExp(pattern).test(path);
  } catch {
    return false;
  }
}
