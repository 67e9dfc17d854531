import { defineElement } from '../../define.js';
import { DmpDocumentList } from './dmp-document-list.element.js';

export { DmpDocumentList };
export type * from './events.js';

defineElement('dmp-document-list', DmpDocumentList);

declare global {
  interface HTMLElementTagNameMap {
    'dmp-document-list': DmpDocumentList;
  }
}
