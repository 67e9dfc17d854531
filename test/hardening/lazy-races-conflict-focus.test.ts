import { expect, html } from '@open-wc/testing';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import type { DmpSynthesisEditor } from '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.element.js';
import { ADULT, DOSAGE, DOSAGE_FIELD, holdOnce, raceHooks } from './lazy-races.js';
import { alias, db, find, get, mount, shadowRoots, typeIn, waitFor } from './support.js';

/*
 * The conflict panel is drawn by a module fetched on the first conflict (see lazy-races.ts). A
 * save refused because someone saved meanwhile must leave keyboard focus on that panel, even
 * when the module comes after the refusal.
 */

const TAG = 'races-conflict';

describe('dmp-synthesis-editor, a first conflict while the comparison module is still on its way', () => {
  raceHooks(TAG, [ADULT]);

  it('moves focus to the conflict’s heading once the panel is drawn', async () => {
    const compare = holdOnce('dmp-synthesis-editor/compare-view');
    const { el } = await mount<DmpSynthesisEditor>(html`<dmp-synthesis-editor patient-ins=${ADULT}></dmp-synthesis-editor>`, alias('ps-martin', TAG));
    await waitFor(() => find(el, '[data-action="edit"]'), 'the synthesis never loaded');
    get(el, '[data-action="edit"]').click();
    await waitFor(() => find(el, DOSAGE_FIELD), 'the form never came');
    await typeIn(el, DOSAGE_FIELD, DOSAGE);
    // Someone else saves version 3 meanwhile.
    const versions = db.syntheses.get(ADULT)!;
    const last = versions.at(-1)!;
    versions.push({ ...structuredClone(last), version: last.version + 1, documentId: `${last.documentId}-elsewhere` });
    get(el, '[data-action="save"]').click();
    await waitFor(() => compare.asked(), 'the comparison was not fetched on the conflict');
    compare.release();
    await compare.evaluated();
    await waitFor(
      () => shadowRoots(el).some((root) => root.activeElement?.id === 'conflict-title'),
      () => `focus is on ${document.activeElement?.localName}, not on the conflict’s heading`,
    );
    expect(get(el, '#conflict-title').textContent).to.contain('Une autre version a été enregistrée');
  });
});
