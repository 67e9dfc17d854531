import { defineElement } from '../../define.js';
import { DmpSynthesisEditor } from './dmp-synthesis-editor.element.js';

export { DmpSynthesisEditor };
export type * from './events.js';

defineElement('dmp-synthesis-editor', DmpSynthesisEditor);

declare global {
  interface HTMLElementTagNameMap {
    'dmp-synthesis-editor': DmpSynthesisEditor;
  }
}
