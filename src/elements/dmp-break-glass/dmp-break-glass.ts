import { defineElement } from '../../define.js';
import { DmpBreakGlass } from './dmp-break-glass.element.js';

export { DmpBreakGlass };
export type * from './events.js';

defineElement('dmp-break-glass', DmpBreakGlass);

declare global {
  interface HTMLElementTagNameMap {
    'dmp-break-glass': DmpBreakGlass;
  }
}
