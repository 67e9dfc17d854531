import * as z from 'zod';
import { DateTimeSchema } from './common.js';
import { NirSchema } from './nir.js';
import { InsStatusSchema, PatientTraitsSchema } from './patient.js';

export const DossierStatusSchema = z.enum(['active', 'closed', 'none']);
export type DossierStatus = z.infer<typeof DossierStatusSchema>;

export const OppositionsSchema = z.object({
  /** The patient refuses break-glass access by any professional. */
  breakGlass: z.boolean(),
  /** The patient refuses access by the SAMU regulator (Centre 15). */
  regulation: z.boolean(),
});
export type Oppositions = z.infer<typeof OppositionsSchema>;

const ChannelsSchema = z.object({ email: z.boolean(), sms: z.boolean() });

/** Which events reach the patient, and through which channels. */
export const NotificationPreferencesSchema = z.object({
  email: z.email().optional(),
  /** French mobile number, `+33` followed by 9 digits starting with 6 or 7. */
  phone: z.string().regex(/^\+33[67]\d{8}$/).optional(),
  newDocument: ChannelsSchema,
  firstAccess: ChannelsSchema,
  emergencyAccess: ChannelsSchema,
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

export const LegalRepresentativeSchema = z.object({
  id: z.string().min(1),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  relationship: z.enum(['parent', 'guardian', 'curator', 'other']),
  since: DateTimeSchema,
});
export type LegalRepresentative = z.infer<typeof LegalRepresentativeSchema>;
export const NewLegalRepresentativeSchema = LegalRepresentativeSchema.omit({ id: true, since: true });
export type NewLegalRepresentative = z.infer<typeof NewLegalRepresentativeSchema>;

/**
 * The dossier as the policy engine reads it (POLICY.md's `dossier` input). The server scopes it
 * to the caller: a professional receives only their own RPPS in the lists that concern them.
 */
export const PolicyDossierSchema = z.object({
  status: DossierStatusSchema,
  patientId: z.string().optional(),
  patientIsMinor: z.boolean(),
  legalRepresentativeIds: z.array(z.string()).optional(),
  treatingPhysiciansRpps: z.array(z.string()),
  authorizedRpps: z.array(z.string()),
  blockedRpps: z.array(z.string()),
  oppositions: OppositionsSchema,
  insStatus: InsStatusSchema.optional(),
});
export type PolicyDossier = z.infer<typeof PolicyDossierSchema>;

/** `GET /dossiers/{ins}`: the existence test (TD0.2), never content. */
export const DossierInfoSchema = z.object({
  ins: NirSchema,
  status: DossierStatusSchema,
  closedAt: DateTimeSchema.optional(),
  closeReason: z.string().optional(),
  createdAt: DateTimeSchema.optional(),
  policy: PolicyDossierSchema,
});
export type DossierInfo = z.infer<typeof DossierInfoSchema>;

export const CredentialsSchema = z.object({
  /** The patient's login identifier. */
  identifier: z.string().min(1),
  /** Handed on paper once; never stored by the elements. */
  temporaryPassword: z.string().min(8),
});
export type Credentials = z.infer<typeof CredentialsSchema>;

export const CreationChannelSchema = z.enum(['online', 'professional', 'caisse']);
export type CreationChannel = z.infer<typeof CreationChannelSchema>;

/** `POST /dossiers` body. */
export const DossierCreateSchema = z.object({
  ins: NirSchema,
  insStatus: InsStatusSchema,
  traits: PatientTraitsSchema,
  channel: CreationChannelSchema,
  /** The patient's consent, collected explicitly; nothing is created without it. */
  consent: z.literal(true),
  legalRepresentative: NewLegalRepresentativeSchema.optional(),
  oppositions: OppositionsSchema.optional(),
  contact: z
    .object({
      email: z.email().optional(),
      phone: z.string().regex(/^\+33[67]\d{8}$/).optional(),
    })
    .optional(),
});
export type DossierCreate = z.infer<typeof DossierCreateSchema>;

export const DossierCreatedSchema = z.object({
  dossier: DossierInfoSchema,
  credentials: CredentialsSchema,
});
export type DossierCreated = z.infer<typeof DossierCreatedSchema>;

export const DossierCloseSchema = z.object({ reason: z.string().trim().min(1).max(500) });

export const EmergencyGrantSchema = z.object({
  id: z.string().min(1),
  mode: z.enum(['break-glass', 'regulation']),
  expiresAt: DateTimeSchema,
});
export type EmergencyGrant = z.infer<typeof EmergencyGrantSchema>;
export const EmergencyRequestSchema = z.object({
  mode: z.enum(['break-glass', 'regulation']),
  justification: z.string().max(2000),
});
