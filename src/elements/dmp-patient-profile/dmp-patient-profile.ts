import { defineElement } from '../../define.js';
import { DmpPatientProfile } from './dmp-patient-profile.element.js';

export { DmpPatientProfile };
export type {
  DirectivesUploadRequestDetail,
  DirectivesUploadedDetail,
  DocumentOpenDetail,
  DraftRestoredDetail,
  ProfileSaveRequestDetail,
  ProfileSavedDetail,
} from './events.js';
defineElement('dmp-patient-profile', DmpPatientProfile);

declare global {
  interface HTMLElementTagNameMap {
    'dmp-patient-profile': DmpPatientProfile;
  }
}
