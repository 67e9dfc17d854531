export { CREATION_CHANNEL } from './channels.js';
export { decide } from './decide.js';
export { EMERGENCY_GRANT_DURATION_MS, grantLifetimeMs } from './emergency-grant.js';
export { isValidJustification, MIN_JUSTIFICATION_LENGTH } from './justification.js';
export { PROFESSION_CODES, PROFESSION_MATRIX, professionMayRead, TYPE_CODE_EXCEPTIONS } from './matrix.js';
export type { ProfessionCode } from './matrix.js';
export { isSecretConnection, isToldOfHiddenDocuments, mayBeTreatingPhysician } from './roles.js';
export { invisibilityNoticeDate, invisibilityReleaseDate, isReleasedToPatient } from './release.js';
export { ACCESS_MODES, ACTIONS, OBLIGATIONS, REASON_CODES } from './types.js';
export type {
  AccessMode,
  Action,
  Actor,
  ActorKind,
  AdministrativeStaffActor,
  CreationChannel,
  Decision,
  DossierStatus,
  InsStatus,
  InsurerActor,
  LegalRepresentativeActor,
  Obligation,
  OccupationalPhysicianActor,
  PatientActor,
  PolicyActor,
  PolicyDocumentInput,
  PolicyDossierInput,
  PolicyInput,
  PolicyRequest,
  ProfessionalActor,
  ReasonCode,
} from './types.js';
