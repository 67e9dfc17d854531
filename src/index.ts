
export * from './model/index.js';
export {
  ACCESS_MODES,
  ACTIONS,
  CREATION_CHANNEL,
  MIN_JUSTIFICATION_LENGTH,
  OBLIGATIONS,
  PROFESSION_CODES,
  PROFESSION_MATRIX,
  REASON_CODES,
  TYPE_CODE_EXCEPTIONS,
  decide,
  invisibilityNoticeDate,
  invisibilityReleaseDate,
  isReleasedToPatient,
  isValidJustification,
  professionMayRead,
} from './policy/index.js';
// The policy's own Actor, DossierStatus… are the model's under other names; export the policy-only types.
export type {
  AccessMode,
  Action,
  Decision,
  Obligation,
  PolicyActor,
  PolicyDocumentInput,
  PolicyDossierInput,
  PolicyInput,
  PolicyRequest,
  ProfessionCode,
  ReasonCode,
} from './policy/index.js';
export * from './client/index.js';
export * from './context/contexts.js';
export { DmpProvider } from './context/dmp-provider.element.js';
export { DmpElement } from './elements/base/dmp-element.js';
export { defineElement } from './define.js';
export { clearAllDrafts } from './drafts/draft-store.js';
export { setDmpLocale, LOCALES, type DmpLocale } from './i18n/localization.js';
export type * from './events.js';
