import type { DmpDocument } from '../../model/document.js';
import type { PatientProfile } from '../../model/profile.js';
// Opening a document is the same intent as in the document list: one event name, one detail.
import type { DocumentOpenDetail } from '../dmp-document-list/events.js';
// Taking up kept edits is the same news as in the synthesis editor: one event name, one detail.
import type { DraftRestoredDetail } from '../dmp-synthesis-editor/events.js';

export type { DocumentOpenDetail, DraftRestoredDetail };

/** `dmp-profile-save-request` (cancelable): the checked profile about to be stored. */
export interface ProfileSaveRequestDetail {
  profile: PatientProfile;
  /** The version the new one replaces; absent for a first declaration. */
  replaces: DmpDocument | undefined;
}

/** `dmp-profile-saved`: the profile the server stored, and its document (the new version). */
export interface ProfileSavedDetail {
  /** The patient's: a save goes on when the host shows another patient meanwhile. */
  ins: string;
  profile: PatientProfile;
  document: DmpDocument;
}

/** `dmp-profile-directives-upload-request` (cancelable): a directives file about to be uploaded. */
export interface DirectivesUploadRequestDetail {
  file: File;
  /** The day the directives were written, `YYYY-MM-DD`. */
  writtenOn: string;
  /** The uploaded directives the new file replaces, if any. */
  replaces: DmpDocument | undefined;
}

/** `dmp-profile-directives-uploaded`: the document the server created. */
export interface DirectivesUploadedDetail {
  /** The patient's: an upload goes on when the host shows another patient meanwhile. */
  ins: string;
  document: DmpDocument;
  replaced: DmpDocument | undefined;
}

declare module '../../events.js' {
  interface DmpEventDetails {
    'dmp-profile-save-request': ProfileSaveRequestDetail;
    'dmp-profile-saved': ProfileSavedDetail;
    'dmp-profile-directives-upload-request': DirectivesUploadRequestDetail;
    'dmp-profile-directives-uploaded': DirectivesUploadedDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dmp-profile-save-request': CustomEvent<ProfileSaveRequestDetail>;
    'dmp-profile-saved': CustomEvent<ProfileSavedDetail>;
    'dmp-profile-directives-upload-request': CustomEvent<DirectivesUploadRequestDetail>;
    'dmp-profile-directives-uploaded': CustomEvent<DirectivesUploadedDetail>;
  }
}
