import { expect } from '@open-wc/testing';
import '../../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import { API_PREFIX } from '../../src/model/routes.js';
import { ADULT, clickSave, DOSAGE_FIELD, MINOR, profileEdited, raceHooks, seen, synthesisEdited } from './lazy-races.js';
import { db, typeIn, until, visibleText, waitFor } from './support.js';

/*
 * The user clicks Save while the element's form checks are still loading (see lazy-races.ts),
 * goes on typing, then the checks arrive: the save goes out with everything the form holds by
 * then, rather than being dropped without a word.
 */

/** The suffix of this file's actors: drafts are shared by the test files running in parallel, these are its own. */
const TAG = 'races-typed';

describe('Typing on after Save, while the form checks are still loading', () => {
  raceHooks(TAG, [ADULT, MINOR]);

  it('dmp-patient-profile: what was typed before and after the click is saved, once', async () => {
    const m = await clickSave(await profileEdited(TAG));
    await typeIn(m.el, '#trusted-name', 'Paul Durand');
    expect(m.checks.arrived(), 'the checks arrived before the user typed on').to.equal(false);
    m.checks.release();
    await until(m.el, 'Les informations sont enregistrées.');
    expect(seen.writes, 'the write requests').to.deep.equal([`POST ${API_PREFIX}/dossiers/${MINOR}/documents`]);
    const [saved] = db.documentsOf(MINOR).filter((d) => d.typeCode === 'EXPPAT_2');
    const body = db.contentOf(saved!).body;
    const text = typeof body === 'string' ? body : await body.text();
    expect(text).to.contain('Prévenir ma mère avant toute décision.').and.contain('Paul Durand');
  });

  it('dmp-synthesis-editor: the version saved holds the edit typed after the click', async () => {
    const m = await clickSave(await synthesisEdited(TAG));
    await typeIn(m.el, DOSAGE_FIELD, '2 comprimés le matin');
    expect(m.checks.arrived(), 'the checks arrived before the user typed on').to.equal(false);
    m.checks.release();
    await waitFor(() => /Version 3 enregistrée\./.test(visibleText(m.el)), () => `never saved: ${visibleText(m.el).slice(0, 400)}`);
    expect(seen.writes, 'the write requests').to.deep.equal([`PUT ${API_PREFIX}/dossiers/${ADULT}/synthesis`]);
    const saved = db.syntheses.get(ADULT)!.at(-1)!;
    expect(saved.version).to.equal(3);
    expect(saved.content.treatments.find((t) => t.id === 'tt-metformine')?.dosage).to.equal('2 comprimés le matin');
  });
});
