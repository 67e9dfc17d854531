import { expect, oneEvent } from '@open-wc/testing';
import type { DmpProvider } from '../../src/context/dmp-provider.element.js';
import { draftKey, readDraft } from '../../src/drafts/draft-store.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import { API_PREFIX } from '../../src/model/routes.js';
import type { SynthesisContent } from '../../src/model/synthesis.js';
import { ADULT, clickSave, DOSAGE, DOSAGE_FIELD, raceHooks, seen, sessionEndsWhileChecksLoad, synthesisEdited } from './lazy-races.js';
import { db, find, get, until, visibleText, waitFor } from './support.js';

/*
 * The user clicks Save while the synthesis editor's checks are still loading (see
 * lazy-races.ts), then the session ends from inactivity during that wait. Unlike a logout, the
 * edits stay on the device for their author's return (DECISIONS.md 10); but nothing may be
 * written while no one is there, not even once the checks arrive. A file of its own: the page of
 * lazy-races-logout.test.ts has already fetched the editor's checks.
 */

/** The suffix of this file's actors: drafts are shared by the test files running in parallel, these are its own. */
const TAG = 'races-expiry';

/** Ends the session from inactivity as session.test.ts does: a timeout short enough to run out now. */
async function expire(provider: DmpProvider): Promise<void> {
  const expired = oneEvent(provider, 'dmp-session-expired');
  provider.sessionTimeout = 0.3;
  await expired;
}

describe('dmp-synthesis-editor, Save clicked while the checks load, then the session expires from inactivity', () => {
  raceHooks(TAG, [ADULT]);

  it('no version is saved; the edits are kept on the device and offered again once the user is back', async () => {
    const m = await clickSave(await synthesisEdited(TAG));
    await sessionEndsWhileChecksLoad(m, () => expire(m.provider));
    expect(db.syntheses.get(ADULT)!.map((s) => s.version)).to.deep.equal([1, 2]);
    const draft = await readDraft<SynthesisContent>(draftKey(`professional:ps-martin~${TAG}`, ADULT));
    expect(draft?.content.treatments.find((t) => t.id === 'tt-metformine')?.dosage, 'the edit kept on the device').to.equal(DOSAGE);
    // The user logs in again, under a timeout that does not run out before the test ends.
    m.provider.sessionTimeout = 30 * 60;
    m.provider.resume();
    await waitFor(() => find<HTMLInputElement>(m.el, DOSAGE_FIELD)?.value === DOSAGE, () => `the edit is not offered again: ${visibleText(m.el).slice(0, 300)}`);
    // The form was drawn anew on the user's return: its Save button is another one.
    get(m.el, '[data-action="save"]').click();
    await until(m.el, 'Version 3 enregistrée.');
    expect(seen.writes, 'the write requests once the user is back').to.deep.equal([`PUT ${API_PREFIX}/dossiers/${ADULT}/synthesis`]);
    expect(db.syntheses.get(ADULT)!.at(-1)!.content.treatments.find((t) => t.id === 'tt-metformine')?.dosage).to.equal(DOSAGE);
  });
});
