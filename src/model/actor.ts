import * as z from 'zod';
import { OrganisationSchema } from './professional.js';

/**
 * Who acts: the policy's actor union plus what a UI shows of them. `id` is what the mock
 * backend takes as `Authorization: Bearer <id>`.
 */
export const ActorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('patient'), id: z.string().min(1), displayName: z.string().optional() }),
  z.object({ kind: z.literal('legal-representative'), id: z.string().min(1), displayName: z.string().optional() }),
  z.object({
    kind: z.literal('professional'),
    id: z.string().optional(),
    rpps: z.string(),
    profession: z.string(),
    specialty: z.string().optional(),
    regulator: z.boolean().optional(),
    displayName: z.string().optional(),
    organisation: OrganisationSchema.optional(),
  }),
  z.object({
    kind: z.literal('administrative-staff'),
    id: z.string().optional(),
    organisationId: z.string().optional(),
    displayName: z.string().optional(),
    organisation: OrganisationSchema.optional(),
  }),
  z.object({ kind: z.literal('occupational-physician'), id: z.string().optional(), displayName: z.string().optional() }),
  z.object({ kind: z.literal('insurer'), id: z.string().optional(), displayName: z.string().optional() }),
]);
export type Actor = z.infer<typeof ActorSchema>;
export type ActorKind = Actor['kind'];
