import { defineElement } from '../../define.js';
import { DmpDossierCreate } from './dmp-dossier-create.element.js';

export { DmpDossierCreate };
export type * from './events.js';

defineElement('dmp-dossier-create', DmpDossierCreate);

declare global {
  interface HTMLElementTagNameMap {
    'dmp-dossier-create': DmpDossierCreate;
  }
}
