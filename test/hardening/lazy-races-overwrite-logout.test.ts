import { expect } from '@open-wc/testing';
import { draftKey, readDraft } from '../../src/drafts/draft-store.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import { ADULT, overwriteChosen, raceHooks, sessionEndsWhileChecksLoad } from './lazy-races.js';
import { db } from './support.js';

/*
 * A draft left on the device on an older version opens the synthesis editor at once on the
 * conflict panel, before its checks arrive (see lazy-races.ts); the user chooses "Écraser",
 * which waits for the checks, then logs out during that wait: their edits leave with them
 * (DECISIONS.md 10), and nothing may be written in their name once they are gone.
 */

/** The suffix of this file's actors: drafts are shared by the test files running in parallel, these are its own. */
const TAG = 'races-overwrite-logout';

describe('dmp-synthesis-editor, "Écraser" chosen while the checks load, then the user logs out', () => {
  raceHooks(TAG, [ADULT]);

  it('no version is saved, and nothing typed is left on the device', async () => {
    const m = await overwriteChosen(TAG);
    await sessionEndsWhileChecksLoad(m, () => m.provider.logout());
    expect(db.syntheses.get(ADULT)!.map((s) => s.version)).to.deep.equal([1, 2]);
    expect(await readDraft(draftKey(`professional:ps-martin~${TAG}`, ADULT)), 'a draft left after the logout').to.equal(undefined);
  });
});
