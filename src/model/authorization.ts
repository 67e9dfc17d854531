import * as z from '../zod.js';
import { DateTimeSchema } from './common.js';
import { ProfessionalSchema, RppsSchema } from './professional.js';

/** One professional's standing on a dossier. */
export const AuthorizationSchema = z.object({
  professional: ProfessionalSchema,
  status: z.enum(['treating-physician', 'authorized', 'blocked']),
  since: DateTimeSchema,
});
export type Authorization = z.infer<typeof AuthorizationSchema>;
export const AuthorizationListSchema = z.object({ items: z.array(AuthorizationSchema) });

export const AUTHORIZATION_CHANGES = [
  'grant',
  'revoke',
  'block',
  'unblock',
  'designate-treating',
  'undesignate-treating',
  'grant-self',
] as const;

/**
 * `POST /dossiers/{ins}/authorizations`. A professional is authorized, blocked or neither: `grant` on a blocked one ends the block (the
 * patient's latest word stands, as one active Consent per professional in FHIR), `block` ends an
 * authorization. Designating a médecin traitant is apart from both.
 */
export const AuthorizationChangeSchema = z.object({
  change: z.enum(AUTHORIZATION_CHANGES),
  rpps: RppsSchema,
  /** For `grant-self`: the professional collected the patient's consent. */
  consent: z.optional(z.boolean()),
});
export type AuthorizationChange = z.infer<typeof AuthorizationChangeSchema>;
