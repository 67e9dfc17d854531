import * as z from '../zod.js';
import { DateTimeSchema, NonEmptySchema, trimmed } from './common.js';
import { InsStatusSchema, NirSchema, PatientTraitsSchema } from './patient.js';

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

/** A French mobile number, `+33` followed by 9 digits starting with 6 or 7. */
export const MobilePhoneSchema = z.string().check(z.regex(/^\+33[67]\d{8}$/));

/** Where the patient can be reached; both optional. */
export const ContactSchema = z.object({
  email: z.optional(z.email()),
  phone: z.optional(MobilePhoneSchema),
});
export type Contact = z.infer<typeof ContactSchema>;

/** Which events reach the patient, and through which channels. */
export const NotificationPreferencesSchema = z.object({
  email: z.optional(z.email()),
  phone: z.optional(MobilePhoneSchema),
  newDocument: ChannelsSchema,
  firstAccess: ChannelsSchema,
  emergencyAccess: ChannelsSchema,
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

/**
 * A patient setting as the server answers it: `etag` (from the ETag header) names the version
 * read, and goes back in `If-Match`, so that a change made from a screen that has not seen
 * another one (a second tab, the patient's phone) is refused rather than silently undo it.
 */
const VERSIONED = { etag: z.optional(z.string()) };
export const StoredOppositionsSchema = z.extend(OppositionsSchema, VERSIONED);
export type StoredOppositions = z.infer<typeof StoredOppositionsSchema>;
export const StoredNotificationPreferencesSchema = z.extend(NotificationPreferencesSchema, VERSIONED);
export type StoredNotificationPreferences = z.infer<typeof StoredNotificationPreferencesSchema>;

export const NewLegalRepresentativeSchema = z.object({
  firstName: trimmed(1, 100),
  lastName: trimmed(1, 100),
  relationship: z.enum(['parent', 'guardian', 'curator', 'other']),
});
export type NewLegalRepresentative = z.infer<typeof NewLegalRepresentativeSchema>;
export const LegalRepresentativeSchema = z.extend(NewLegalRepresentativeSchema, {
  id: NonEmptySchema,
  since: DateTimeSchema,
});
export type LegalRepresentative = z.infer<typeof LegalRepresentativeSchema>;

/**
 * The dossier as the policy engine reads it (POLICY.md's `dossier` input). The server scopes it
 * to the caller: a professional receives only their own RPPS in the lists that concern them.
 */
export const PolicyDossierSchema = z.object({
  status: DossierStatusSchema,
  patientId: z.optional(z.string()),
  patientIsMinor: z.boolean(),
  legalRepresentativeIds: z.optional(z.array(z.string())),
  treatingPhysiciansRpps: z.array(z.string()),
  authorizedRpps: z.array(z.string()),
  blockedRpps: z.array(z.string()),
  oppositions: OppositionsSchema,
  insStatus: z.optional(InsStatusSchema),
});
export type PolicyDossier = z.infer<typeof PolicyDossierSchema>;

/** `GET /dossiers/{ins}`: the existence test (TD0.2), never content. */
export const DossierInfoSchema = z.object({
  ins: NirSchema,
  status: DossierStatusSchema,
  /** When, why and since when a closed dossier was: told to its patient's side only (DOMAIN.md: its status only to others). */
  closedAt: z.optional(DateTimeSchema),
  closeReason: z.optional(z.string()),
  createdAt: z.optional(DateTimeSchema),
  policy: PolicyDossierSchema,
});
export type DossierInfo = z.infer<typeof DossierInfoSchema>;

export const CredentialsSchema = z.object({
  /** The patient's login identifier. */
  identifier: NonEmptySchema,
  /** Handed on paper once; never stored by the elements. */
  temporaryPassword: z.string().check(z.minLength(8)),
});
export type Credentials = z.infer<typeof CredentialsSchema>;

export const CreationChannelSchema = z.enum(['online', 'professional', 'caisse']);
export type CreationChannel = z.infer<typeof CreationChannelSchema>;

/**
 * `POST /dossiers` body as the server reads it. A consent that is not given is well-formed: the
 * policy refuses it with its own reason (`consent-required`, a 403), not as a malformed body.
 */
export const DossierCreateBodySchema = z.object({
  ins: NirSchema,
  insStatus: InsStatusSchema,
  traits: PatientTraitsSchema,
  channel: CreationChannelSchema,
  /** The patient's consent, collected explicitly; nothing is created without it. */
  consent: z.boolean(),
  legalRepresentative: z.optional(NewLegalRepresentativeSchema),
  oppositions: z.optional(OppositionsSchema),
  contact: z.optional(ContactSchema),
});

/** A creation as a caller builds it: only with the patient's consent. */
export const DossierCreateSchema = z.extend(DossierCreateBodySchema, { consent: z.literal(true) });
export type DossierCreate = z.infer<typeof DossierCreateSchema>;

export const DossierCreatedSchema = z.object({
  dossier: DossierInfoSchema,
  credentials: CredentialsSchema,
});
export type DossierCreated = z.infer<typeof DossierCreatedSchema>;

export const DossierCloseSchema = z.object({ reason: trimmed(1, 500) });
export const DossierReactivateSchema = z.object({ consent: z.optional(z.boolean()) });

export const EmergencyModeSchema = z.enum(['break-glass', 'regulation']);
export const EmergencyGrantSchema = z.object({
  id: NonEmptySchema,
  mode: EmergencyModeSchema,
  expiresAt: DateTimeSchema,
});
export type EmergencyGrant = z.infer<typeof EmergencyGrantSchema>;
export const EmergencyRequestSchema = z.object({
  mode: EmergencyModeSchema,
  justification: z.string().check(z.maxLength(2000)),
});
