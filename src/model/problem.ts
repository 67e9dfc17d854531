import * as z from '../zod.js';
import { ReasonCodeSchema } from './access-log.js';

/** RFC 9457 problem details, as every error response. */
export const ProblemSchema = z.object({
  type: z._default(z.string(), 'about:blank'),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  /** The policy's reason, on a 403. */
  reason: z.optional(ReasonCodeSchema),
  invalidParams: z.optional(z.array(z.object({ name: z.string(), reason: z.string() }))),
  /** On a 412: the server's current version and its ETag. */
  current: z.optional(z.unknown()),
  etag: z.optional(z.string()),
});
export type Problem = z.infer<typeof ProblemSchema>;
