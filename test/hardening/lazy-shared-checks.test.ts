import { expect, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { PATIENT_ADULT } from '../../mocks/data/index.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import { alias, db, find, get, mount, settle, suiteHooks, typeIn, visibleText, waitFor, worker } from './support.js';

/*
 * The synthesis checks are one module for the whole page. When one editor's fetch of them
 * failed, its work edited meanwhile, and another editor fetched them since, the first must check
 * its work with them at its next save, not act on what it knew before they came. In its own file: the module must not be
 * in the page yet.
 */

const ADULT = PATIENT_ADULT.identity.ins;
const DOSAGE = '[data-key="treatments:tt-metformine:dosage"]';

describe('the synthesis checks, fetched by another editor after this one’s fetch failed', () => {
  suiteHooks('shared-checks', [ADULT]);

  it('the first editor, edited while they could not be fetched, saves with them', async () => {
    let offline = true;
    let dropped = 0;
    let fetched = 0;
    worker.use(
      http.get('*/dmp-synthesis-editor/schema-check.*', () => {
        if (!offline) {
          fetched += 1;
          return passthrough();
        }
        dropped += 1;
        return HttpResponse.error();
      }),
    );
    const first = await mount(html`<dmp-synthesis-editor patient-ins=${ADULT}></dmp-synthesis-editor>`, alias('ps-martin', 'shared-checks-a'));
    await waitFor(() => find(first.el, '[data-action="edit"]'), 'the first synthesis never loaded');
    await waitUntil(() => dropped === 1, 'the first editor never fetched the checks');
    get(first.el, '[data-action="edit"]').click();
    await waitFor(() => find(first.el, DOSAGE), 'the first form never came');
    await typeIn(first.el, DOSAGE, '1 comprimé matin, midi et soir');

    offline = false;
    const second = await mount(html`<dmp-synthesis-editor patient-ins=${ADULT}></dmp-synthesis-editor>`, alias('ps-martin', 'shared-checks-b'));
    await waitFor(() => find(second.el, '[data-action="edit"]'), 'the second synthesis never loaded');
    get(second.el, '[data-action="edit"]').click();
    await waitFor(() => find(second.el, '[data-action="save"]'), 'the second form never came');
    await waitUntil(() => fetched === 1, 'the second editor never fetched the checks');
    await settle();

    const versions = db.syntheses.get(ADULT)!.length;
    get(first.el, '[data-action="save"]').click();
    await waitFor(() => /Version \d+ enregistrée\./.test(visibleText(first.el)), () => `never saved: ${visibleText(first.el).slice(0, 600)}`);
    expect(db.syntheses.get(ADULT)!.length).to.equal(versions + 1);
    expect(db.syntheses.get(ADULT)!.at(-1)!.content.treatments.find((t) => t.id === 'tt-metformine')?.dosage).to.equal('1 comprimé matin, midi et soir');
  });
});
