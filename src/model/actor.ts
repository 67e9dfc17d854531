import * as z from '../zod.js';
import { NonEmptySchema } from './common.js';
import { OrganisationSchema } from './professional.js';

const displayName = z.optional(z.string());

/**
 * Who acts: the policy's actor union plus what a UI shows of them. `id` is what the mock
 * backend takes as `Authorization: Bearer <id>`.
 */
export const ActorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('patient'), id: NonEmptySchema, displayName }),
  z.object({ kind: z.literal('legal-representative'), id: NonEmptySchema, displayName }),
  z.object({
    kind: z.literal('professional'),
    id: z.optional(z.string()),
    rpps: z.string(),
    profession: z.string(),
    specialty: z.optional(z.string()),
    regulator: z.optional(z.boolean()),
    displayName,
    organisation: z.optional(OrganisationSchema),
  }),
  z.object({
    kind: z.literal('administrative-staff'),
    id: z.optional(z.string()),
    organisationId: z.optional(z.string()),
    displayName,
    organisation: z.optional(OrganisationSchema),
  }),
  z.object({ kind: z.literal('occupational-physician'), id: z.optional(z.string()), displayName }),
  z.object({ kind: z.literal('insurer'), id: z.optional(z.string()), displayName }),
]);
export type Actor = z.infer<typeof ActorSchema>;
export type ActorKind = Actor['kind'];
