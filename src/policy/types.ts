import type { Category } from '../model/category.js';

/** Every action the policy decides on (POLICY.md, "Signature"). */
export const ACTIONS = [
  'dossier.create',
  'dossier.read',
  'dossier.close',
  'dossier.reactivate',
  'document.list',
  'document.read',
  'document.add',
  'document.replace',
  'document.mask',
  'document.unmask',
  'document.set-visibility',
  'document.archive',
  'document.delete',
  'synthesis.read',
  'synthesis.write',
  'history.read',
  'authorization.read',
  'authorization.grant-self',
  'authorization.manage',
  'opposition.manage',
  'notification.manage',
  'representative.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Why a decision went the way it did; each code has one meaning (POLICY.md). */
export const REASON_CODES = [
  'allowed',
  'invalid-request',
  'never-authorized-actor',
  'not-own-dossier',
  'not-legal-representative',
  'no-dossier',
  'dossier-exists',
  'dossier-closed',
  'patient-only',
  'blocked',
  'not-regulator',
  'patient-opposed',
  'justification-required',
  'not-authorized',
  'consent-required',
  'minor-online-creation',
  'ins-not-qualified',
  'profession-not-permitted',
  'masked',
  'invisible-to-patient',
  'invisible-to-legal-representative',
  'not-treating-physician',
  'not-author',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** NORMAL, BRIS_DE_GLACE and CENTRE_DE_REGULATION in the DMP's own terms. */
export const ACCESS_MODES = ['normal', 'break-glass', 'regulation'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

export const OBLIGATIONS = ['log-access', 'notify-patient', 'require-justification'] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

export type PatientActor = { kind: 'patient'; id: string };
export type LegalRepresentativeActor = { kind: 'legal-representative'; id: string };
export type ProfessionalActor = {
  kind: 'professional';
  id?: string;
  rpps: string;
  /** TRE_G15 profession code, e.g. `10` médecin. */
  profession: string;
  specialty?: string;
  /** A SAMU Centre 15 médecin régulateur. */
  regulator?: boolean;
};
export type AdministrativeStaffActor = { kind: 'administrative-staff'; id?: string; organisationId?: string };
export type OccupationalPhysicianActor = { kind: 'occupational-physician'; id?: string };
export type InsurerActor = { kind: 'insurer'; id?: string };

/** Who asks, as the policy sees them (the UI's richer actor lives in src/model/actor.ts). */
export type PolicyActor =
  | PatientActor
  | LegalRepresentativeActor
  | ProfessionalActor
  | AdministrativeStaffActor
  | OccupationalPhysicianActor
  | InsurerActor;
export type Actor = PolicyActor;
export type ActorKind = PolicyActor['kind'];

export type DossierStatus = 'active' | 'closed' | 'none';
export type InsStatus = 'PROV' | 'RECUP' | 'VALI' | 'QUAL';
export type CreationChannel = 'online' | 'professional' | 'caisse';

export type PolicyDossierInput = {
  status: DossierStatus;
  /**
   * Required unless `status` is `none`. On `none`, the person whose INS it is, when the backend
   * knows them: the patient's side may then create only that person's dossier (step 3).
   */
  patientId?: string;
  patientIsMinor: boolean;
  legalRepresentativeIds?: string[];
  treatingPhysiciansRpps: string[];
  authorizedRpps: string[];
  blockedRpps: string[];
  oppositions: { breakGlass: boolean; regulation: boolean };
  insStatus?: InsStatus;
};

export type PolicyDocumentInput = {
  category: Category;
  typeCode?: string;
  authorRpps?: string;
  masked: boolean;
  invisibleToPatient: boolean;
  invisibleToLegalRepresentatives: boolean;
  /** ISO 8601 date-time; without an offset it is read as UTC. */
  submittedAt?: string;
};

export type PolicyRequest = {
  mode?: AccessMode;
  justification?: string;
  consent?: boolean;
  channel?: CreationChannel;
  /** Connexion secrète: what is added is hidden from legal representatives. */
  secret?: boolean;
  /** ISO 8601 date-time: the engine has no clock of its own. */
  now?: string;
};

export type PolicyInput = {
  actor: PolicyActor;
  action: Action;
  dossier: PolicyDossierInput;
  /** Required for every `document.*` action but `document.list`. */
  document?: PolicyDocumentInput;
  request?: PolicyRequest;
};

/**
 * The engine's answer. Decisions are shared, frozen values (the engine allocates nothing per
 * call): read them, never mutate them — spread one to derive another.
 */
export type Decision = {
  readonly allowed: boolean;
  readonly reason: ReasonCode;
  /** Present on every decision about a professional's access to content, allowed or denied. */
  readonly mode?: AccessMode;
  readonly obligations: readonly Obligation[];
};
