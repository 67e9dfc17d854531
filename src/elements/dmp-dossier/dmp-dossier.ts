import { defineElement } from '../../define.js';
import { DmpDossier } from './dmp-dossier.element.js';

export { DmpDossier };
export type * from './events.js';
export type { DossierTab } from './tabs.js';

defineElement('dmp-dossier', DmpDossier);

declare global {
  interface HTMLElementTagNameMap {
    'dmp-dossier': DmpDossier;
  }
}
