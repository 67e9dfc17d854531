import { defineElement } from '../define.js';
import { DmpProvider } from './dmp-provider.element.js';

export { DmpProvider };
export type * from '../events.js';
export type { DataChange } from './contexts.js';
defineElement('dmp-provider', DmpProvider);

declare global {
  interface HTMLElementTagNameMap {
    'dmp-provider': DmpProvider;
  }
}
