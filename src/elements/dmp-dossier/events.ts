import type { DossierTab } from './tabs.js';

// The composed elements' events bubble out of the dossier: their details, from here too.
export type { HistoryExportedDetail } from '../dmp-access-history/events.js';
export type { BreakGlassGrantedDetail, BreakGlassRefusedDetail, BreakGlassRequestDetail } from '../dmp-break-glass/events.js';
export type { AuthorizationChangeDetail, DossierCloseRequestDetail, DossierLifecycleDetail, OppositionChangedDetail } from '../dmp-consent-panel/events.js';
export type { DocumentAddedDetail, DocumentDeleteDetail, DocumentMaskDetail, DocumentOpenDetail, DocumentRevealDetail } from '../dmp-document-list/events.js';
export type { DirectivesUploadedDetail, DirectivesUploadRequestDetail, ProfileSavedDetail, ProfileSaveRequestDetail } from '../dmp-patient-profile/events.js';

/** Detail of `dmp-tab-changed`. */
export interface TabChangeDetail {
  /** The tab now shown: `recap`, `documents`, `profile`, `management` or `history`. */
  tab: DossierTab;
}

declare module '../../events.js' {
  interface DmpEventDetails {
    'dmp-tab-changed': TabChangeDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dmp-tab-changed': CustomEvent<TabChangeDetail>;
  }
}
