import type { DossierCreate, DossierInfo } from '../../model/dossier.js';

export interface DossierExistsDetail {
  /** The patient's INS (NIR, 15 characters). */
  ins: string;
  /** `active`: the user chose to open it; `closed`: the existence test found it closed. */
  status: 'active' | 'closed';
  /** Present and true when the dossier was just reactivated, with the patient's consent. */
  reactivated?: boolean;
}

export interface DossierCreateRequestDetail {
  ins: string;
  /** The request about to be sent; cancel the event to keep it from being sent. */
  input: DossierCreate;
}

export interface DossierCreatedDetail {
  ins: string;
  /** The new dossier's status. The credentials are never in an event: they go on paper only. */
  dossier: DossierInfo;
}

export interface DossierCreateCancelDetail {
  /** The NIR checked so far, when the user got past the identification. */
  ins?: string | undefined;
}

declare module '../../events.js' {
  interface DmpEventDetails {
    'dmp-dossier-exists': DossierExistsDetail;
    'dmp-dossier-create-request': DossierCreateRequestDetail;
    'dmp-dossier-created': DossierCreatedDetail;
    'dmp-dossier-create-cancel': DossierCreateCancelDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dmp-dossier-exists': CustomEvent<DossierExistsDetail>;
    'dmp-dossier-create-request': CustomEvent<DossierCreateRequestDetail>;
    'dmp-dossier-created': CustomEvent<DossierCreatedDetail>;
    'dmp-dossier-create-cancel': CustomEvent<DossierCreateCancelDetail>;
  }
}
