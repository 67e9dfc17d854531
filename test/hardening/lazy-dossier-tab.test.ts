import { html } from '@open-wc/testing';
import { PATIENT_ADULT } from '../../mocks/data/index.js';
import '../../src/elements/dmp-dossier/dmp-dossier.js';
import { button, dropOnce, get, mount, suiteHooks, until, visibleText, waitFor } from './support.js';

/*
 * A tab of dmp-dossier whose element's code cannot be fetched the first time it is shown (the
 * network drops): the tab says so, and Retry brings the element, even in browsers that keep a
 * failed module import for its URL. In a page of its own: a module fetched once cannot fail.
 */

const ADULT = PATIENT_ADULT.identity.ins;

describe('dmp-dossier: a tab whose element cannot be fetched', () => {
  suiteHooks('lazy-tab', [ADULT]);

  it('says the part could not be loaded, and Retry shows the history', async () => {
    const drop = dropOnce('dmp-access-history/dmp-access-history.element.*');
    const m = await mount<HTMLElement>(html`<dmp-dossier patient-ins=${ADULT} .patient=${PATIENT_ADULT.identity}></dmp-dossier>`, 'pat-durand-jeanne');
    await until(m.el, 'Derniers documents par catégorie');
    get(m.el, '#tab-history').click();
    await until(m.el, 'Cette partie du dossier n’a pas pu être chargée.');
    button(m.el, 'Réessayer').click();
    await waitFor(() => customElements.get('dmp-access-history') !== undefined && !visibleText(m.el).includes('n’a pas pu être chargée'), () => `the history never came: ${visibleText(m.el).slice(0, 300)}`);
    await waitFor(() => drop.dropped() === 1, () => `dropped ${drop.dropped()} times`);
  });
});
