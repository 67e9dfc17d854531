import { defineElement } from '../../define.js';
import { DmpConsentPanel } from './dmp-consent-panel.element.js';

export { DmpConsentPanel };
export type * from './events.js';

defineElement('dmp-consent-panel', DmpConsentPanel);

declare global {
  interface HTMLElementTagNameMap {
    'dmp-consent-panel': DmpConsentPanel;
  }
}
