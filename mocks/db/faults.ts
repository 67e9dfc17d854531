import * as z from '../../src/zod.js';

/**
 * Faults the mock injects, for tests and stories: latency, HTTP errors, malformed bodies,
 * network failures. Each fault matches a method and a path pattern and may be limited in count.
 * Parsed like any API body when it comes over HTTP (`POST /__mock/faults`).
 */
export const FaultSpecSchema = z.object({
  /** HTTP method to match; any when absent. */
  method: z.optional(z.string()),
  /** A substring or a RegExp source matched against the path after the API prefix. */
  path: z.optional(z.string()),
  /** Delay before answering (or before the real handler runs when nothing else is set). */
  latencyMs: z.optional(z.number().check(z.nonnegative())),
  /** Answer with this error status and a problem+json body. */
  status: z.optional(z.int().check(z.gte(400), z.lte(599))),
  /** Seconds, sent as `Retry-After` with a 429 or 503. */
  retryAfter: z.optional(z.number().check(z.nonnegative())),
  /** `truncated`: cut JSON; `schema`: valid JSON that fails the schema; `html`: an HTML error page. */
  malformed: z.optional(z.enum(['truncated', 'schema', 'html'])),
  /** Drop the connection (fetch rejects). */
  network: z.optional(z.boolean()),
  /** Let the request be handled, then drop the connection: the server acted, and the caller never hears of it. */
  answerLost: z.optional(z.boolean()),
  /** How many matching requests it applies to; forever when absent. */
  times: z.optional(z.int().check(z.positive())),
});
export type FaultSpec = z.infer<typeof FaultSpecSchema>;

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
