import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { SYNTHESIS_CONTENT_V1 } from '../../mocks/data/synthesis.js';
import { DmpError } from '../../src/client/errors.js';
import { draftKey, writeDraft } from '../../src/drafts/draft-store.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import type { DmpSynthesisEditor } from '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.element.js';
import { errorText } from '../../src/i18n/error-text.js';
import type { SynthesisContent } from '../../src/model/synthesis.js';
import { ADULT, DOSAGE, DOSAGE_FIELD, holdOnce, letChecksIn, raceHooks } from './lazy-races.js';
import { alias, db, find, get, mount, typeIn, until, waitFor, worker } from './support.js';

/*
 * A Save clicked before the synthesis checks are in waits for them (see lazy-races.ts): the
 * fields are inert and the button aria-disabled meanwhile, so it keeps the focus. Whatever ends the
 * wait must leave the keyboard user where they can act. In its own file: the checks must not be in the
 * page yet, and the test/dmp-synthesis-editor.test.ts page imports them. The first test never lets
 * them in, so that the second still finds them missing.
 */

const TAG = 'lazy-focus';
const OFFLINE = errorText(new DmpError('network', 'offline'));

/** The next request for the synthesis checks fails as a dropped connection does. */
function dropChecksOnce(): { dropped: () => boolean } {
  let dropped = false;
  worker.use(
    http.get(
      '*/dmp-synthesis-editor/schema-check.*',
      () => {
        dropped = true;
        return HttpResponse.error();
      },
      { once: true },
    ),
  );
  return { dropped: () => dropped };
}

describe('dmp-synthesis-editor, focus after a Save that waited for the checks', () => {
  raceHooks(TAG, [ADULT]);

  it('goes to the overwrite’s failure when the checks cannot be fetched', async () => {
    let dropped = 0;
    worker.use(
      http.get('*/dmp-synthesis-editor/schema-check.*', () => {
        dropped += 1;
        return HttpResponse.error();
      }),
    );
    // Edits left on version 1 while version 2 was saved since: the editor opens on the conflict.
    const content: SynthesisContent = structuredClone(SYNTHESIS_CONTENT_V1);
    content.treatments = content.treatments.map((t) => (t.id === 'tt-kardegic' ? { ...t, dosage: DOSAGE } : t));
    await writeDraft(draftKey(`professional:ps-martin~${TAG}`, ADULT), { content, baseEtag: '"vsm-1-old"', baseVersion: 1, savedAt: '2026-11-19T08:00:00.000Z' });
    const { el } = await mount<DmpSynthesisEditor>(html`<dmp-synthesis-editor patient-ins=${ADULT}></dmp-synthesis-editor>`, alias('ps-martin', TAG));
    await waitFor(() => find(el, '.conflict [data-action="overwrite"]'), 'no conflict panel');
    await waitUntil(() => dropped === 1, 'the checks were not fetched once the author’s synthesis was loaded');
    get(el, '[data-action="overwrite"]').click();
    const dialog = await waitFor(() => find<HTMLDialogElement>(el, 'dialog[open]'), 'the confirmation never opened');
    dialog.querySelector<HTMLButtonElement>('button[value="confirm"]')!.click();
    await waitFor(
      () => el.shadowRoot!.activeElement?.matches('.conflict .save-error'),
      () => `focus is on ${el.shadowRoot!.activeElement?.outerHTML.slice(0, 80) ?? document.activeElement?.localName}, not on the overwrite’s failure`,
    );
    expect(dropped, 'Overwrite did not fetch the checks').to.equal(2);
    expect(get(el, '.conflict .save-error').textContent).to.contain(OFFLINE);
    expect(db.syntheses.get(ADULT)!.map((s) => s.version)).to.deep.equal([1, 2]);
  });

  it('goes to the save error when the checks cannot be fetched, and stays on Save when the host declines the save they held up', async () => {
    const early = dropChecksOnce();
    const { el } = await mount<DmpSynthesisEditor>(html`<dmp-synthesis-editor patient-ins=${ADULT}></dmp-synthesis-editor>`, alias('ps-martin', TAG));
    await waitFor(() => find(el, '[data-action="edit"]'), 'the synthesis never loaded');
    await waitUntil(() => early.dropped(), 'the checks were not fetched once the author’s synthesis was loaded');
    get(el, '[data-action="edit"]').click();
    await waitFor(() => find(el, DOSAGE_FIELD), 'the form never came');
    await typeIn(el, DOSAGE_FIELD, DOSAGE);

    const late = dropChecksOnce();
    get(el, '[data-action="save"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => el.shadowRoot!.activeElement?.matches('.save-error'),
      () => `focus is on ${document.activeElement?.localName}, not on the save error`,
    );
    expect(late.dropped(), 'Save did not fetch the checks').to.equal(true);
    expect(get(el, '.save-error').textContent).to.contain(OFFLINE);

    const checks = holdOnce('dmp-synthesis-editor/schema-check');
    el.addEventListener('dmp-synthesis-save-request', (event) => event.preventDefault(), { once: true });
    get(el, '[data-action="save"]').focus();
    await sendKeys({ press: 'Enter' });
    await until(el, 'Enregistrement…');
    await waitFor(() => checks.asked(), 'Save did not fetch the checks again');
    // Save, pressed, keeps the focus while it waits (aria-disabled), as the fields are inert.
    expect(el.shadowRoot!.activeElement?.matches('[data-action="save"][aria-disabled="true"]'), `focus is on ${document.activeElement?.localName} during the wait`).to.equal(true);
    await letChecksIn(checks);
    await waitFor(
      () => el.shadowRoot!.activeElement?.matches('[data-action="save"]'),
      () => `focus is on ${document.activeElement?.localName}, not on Save`,
    );
    expect(db.syntheses.get(ADULT)!.map((s) => s.version)).to.deep.equal([1, 2]);
  });
});
