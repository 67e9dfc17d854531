import type { AuthorizationChange } from '../../model/authorization.js';
import type { DossierInfo, Oppositions } from '../../model/dossier.js';
import type { Professional } from '../../model/professional.js';

/** What the panel changes in a professional's standing on the dossier. */
export type AuthorizationChangeKind = Extract<AuthorizationChange['change'], 'grant' | 'revoke' | 'block' | 'unblock'>;

export interface AuthorizationChangeDetail {
  /** The patient (INS) whose dossier it concerns: the panel may show another once it is answered. */
  ins: string;
  change: AuthorizationChangeKind;
  professional: Professional;
}

export interface OppositionChangedDetail {
  /** The patient (INS) whose dossier it concerns: the panel may show another once it is answered. */
  ins: string;
  /** Both oppositions as the server now holds them. */
  oppositions: Oppositions;
}

export interface DossierCloseRequestDetail {
  /** The patient (INS) whose dossier is to be closed. */
  ins: string;
  /** The reason the user gave, sent with the closure. */
  reason: string;
}

export interface DossierLifecycleDetail {
  /** The dossier as the server answered after the change. */
  dossier: DossierInfo;
}

declare module '../../events.js' {
  interface DmpEventDetails {
    'dmp-authorization-change-request': AuthorizationChangeDetail;
    'dmp-authorization-changed': AuthorizationChangeDetail;
    'dmp-opposition-changed': OppositionChangedDetail;
    'dmp-dossier-close-request': DossierCloseRequestDetail;
    'dmp-dossier-closed': DossierLifecycleDetail;
    'dmp-dossier-reactivated': DossierLifecycleDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dmp-authorization-change-request': CustomEvent<AuthorizationChangeDetail>;
    'dmp-authorization-changed': CustomEvent<AuthorizationChangeDetail>;
    'dmp-opposition-changed': CustomEvent<OppositionChangedDetail>;
    'dmp-dossier-close-request': CustomEvent<DossierCloseRequestDetail>;
    'dmp-dossier-closed': CustomEvent<DossierLifecycleDetail>;
    'dmp-dossier-reactivated': CustomEvent<DossierLifecycleDetail>;
  }
}
