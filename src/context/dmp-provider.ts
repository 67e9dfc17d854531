import { defineElement } from '../define.js';
import { DmpProvider } from './dmp-provider.element.js';

export { DmpProvider };
defineElement('dmp-provider', DmpProvider);

declare global {
  interface HTMLElementTagNameMap {
    'dmp-provider': DmpProvider;
  }
}
