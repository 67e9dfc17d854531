import { expect } from '@open-wc/testing';
import { draftKey, readDraft } from '../../src/drafts/draft-store.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import { API_PREFIX } from '../../src/model/routes.js';
import { ADULT, DRAFT_DOSAGE, overwriteChosen, raceHooks, seen } from './lazy-races.js';
import { db, visibleText, waitFor } from './support.js';

/*
 * A draft left on the device on an older version opens the synthesis editor at once on the
 * conflict panel, before its checks arrive (see lazy-races.ts); the user chooses "Écraser"
 * during that wait, and "Écraser" waits for the checks.
 */

/** The suffix of this file's actors: drafts are shared by the test files running in parallel, these are its own. */
const TAG = 'races-overwrite';

describe('dmp-synthesis-editor, "Écraser" chosen on a conflict shown while the checks are still loading', () => {
  raceHooks(TAG, [ADULT]);

  it('waits for the checks, then saves the user’s version over the other one', async () => {
    const { el, checks } = await overwriteChosen(TAG);
    expect(checks.arrived(), 'the checks arrived before the user chose').to.equal(false);
    expect(seen.writes, 'written before the checks arrived').to.deep.equal([]);
    checks.release();
    await waitFor(() => /Version 3 enregistrée\./.test(visibleText(el)), () => `never saved: ${visibleText(el).slice(0, 400)}`);
    expect(seen.writes, 'the write requests').to.deep.equal([`PUT ${API_PREFIX}/dossiers/${ADULT}/synthesis`]);
    const saved = db.syntheses.get(ADULT)!.at(-1)!;
    expect(saved.version).to.equal(3);
    expect(saved.content.treatments.find((t) => t.id === 'tt-kardegic')?.dosage).to.equal(DRAFT_DOSAGE);
    expect(await readDraft(draftKey(`professional:ps-martin~${TAG}`, ADULT)), 'the draft once saved').to.equal(undefined);
  });
});
