import { html } from '@open-wc/testing';
import { PATIENT_ADULT } from '../../mocks/data/index.js';
import '../../src/elements/dmp-dossier/dmp-dossier.js';
import { button, db, dropOnce, find, mount, suiteHooks, until, visibleText, waitFor } from './support.js';

/*
 * The récapitulatif's view comes with its content, after the dossier's tabs. If its code cannot be
 * fetched (the network drops), the récapitulatif says so under the dossier's state, the tabs stay
 * usable, and Retry brings it. In a page of its own: a module fetched once cannot fail.
 */

const ADULT = PATIENT_ADULT.identity.ins;

describe('dmp-dossier: a récapitulatif whose view cannot be fetched', () => {
  suiteHooks('lazy-recap', [ADULT]);

  it('says the récapitulatif could not be loaded, keeps the tabs, and Retry shows it', async () => {
    // Fetched ahead while the dossier loads, then asked for by the récapitulatif: both fail.
    const drops = [dropOnce('dmp-dossier/recap-view.*'), dropOnce('dmp-dossier/recap-view.*')];
    const dropped = () => drops.reduce((n, d) => n + d.dropped(), 0);
    const reads = () => db.logOf(ADULT).filter((e) => e.action === 'document.list' || e.action === 'synthesis.read').length;
    const before = reads();
    const m = await mount<HTMLElement>(html`<dmp-dossier patient-ins=${ADULT} .patient=${PATIENT_ADULT.identity}></dmp-dossier>`, 'pat-durand-jeanne');
    await until(m.el, 'Le récapitulatif n’a pas pu être chargé.');
    const text = visibleText(m.el);
    if (!text.includes('État du dossier')) throw new Error(`the dossier's state went with the récapitulatif: ${text.slice(0, 300)}`);
    if (!find(m.el, '[role="tab"]#tab-history')) throw new Error('the tabs went with the récapitulatif');
    // Nothing was read for a récapitulatif that could not be shown: no line in the patient's history.
    if (reads() !== before) throw new Error(`${reads() - before} reads logged for a récapitulatif never shown`);
    button(m.el, 'Réessayer').click();
    await until(m.el, 'Derniers documents par catégorie');
    await waitFor(() => !visibleText(m.el).includes('n’a pas pu être chargé'), () => `the error stayed: ${visibleText(m.el).slice(0, 300)}`);
    await waitFor(() => dropped() === 2, () => `dropped ${dropped()} times`);
    if (reads() === before) throw new Error('the récapitulatif shown read nothing');
  });
});
