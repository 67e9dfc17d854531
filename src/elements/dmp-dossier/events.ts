import type { DossierTab } from './tabs.js';

/** Detail of `dmp-tab-change`. */
export interface TabChangeDetail {
  /** The tab now shown: `recap`, `documents`, `profile`, `management` or `history`. */
  tab: DossierTab;
}

declare module '../../events.js' {
  interface DmpEventDetails {
    'dmp-tab-change': TabChangeDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dmp-tab-change': CustomEvent<TabChangeDetail>;
  }
}
