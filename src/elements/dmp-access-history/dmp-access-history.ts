import { defineElement } from '../../define.js';
import { DmpAccessHistory } from './dmp-access-history.element.js';

export { DmpAccessHistory };
export type { HistoryExportedDetail } from './events.js';
defineElement('dmp-access-history', DmpAccessHistory);

declare global {
  interface HTMLElementTagNameMap {
    'dmp-access-history': DmpAccessHistory;
  }
}
