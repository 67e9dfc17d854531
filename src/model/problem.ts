import * as z from 'zod';
import { ReasonCodeSchema } from './access-log.js';

/** RFC 9457 problem details, as every error response. */
export const ProblemSchema = z.object({
  type: z.string().default('about:blank'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  /** The policy's reason, on a 403. */
  reason: ReasonCodeSchema.optional(),
  invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  /** On a 412: the server's current version and its ETag. */
  current: z.unknown().optional(),
  etag: z.string().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
