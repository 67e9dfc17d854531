import { expect } from '@open-wc/testing';
import { draftKey, readDraft } from '../../src/drafts/draft-store.js';
import '../../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import '../../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import { ADULT, clickSave, consentTyped, MINOR, profileEdited, raceHooks, sessionEndsWhileChecksLoad, synthesisEdited } from './lazy-races.js';
import { db, get, typeIn } from './support.js';

/*
 * The user clicks Save while the element's form checks are still loading (see lazy-races.ts),
 * then logs out during that wait: what they typed leaves with them (DECISIONS.md 10), and nothing
 * may be written in their name once they are gone. One element per test.
 */

/** The suffix of this file's actors: drafts are shared by the test files running in parallel, these are its own. */
const TAG = 'races-logout';

describe('Save clicked while the form checks load, then the user logs out', () => {
  raceHooks(TAG, [ADULT, MINOR]);

  it('dmp-patient-profile: nothing is written, and nothing typed is left on the device', async () => {
    const m = await clickSave(await profileEdited(TAG));
    await sessionEndsWhileChecksLoad(m, () => m.provider.logout());
    expect(db.documentsOf(MINOR).filter((d) => d.typeCode === 'EXPPAT_2')).to.deep.equal([]);
    expect(await readDraft(draftKey(`legal-representative:rep~${TAG}`, MINOR, 'profile')), 'a draft left after the logout').to.equal(undefined);
  });

  it('dmp-synthesis-editor: no version is saved, and nothing typed is left on the device', async () => {
    const m = await clickSave(await synthesisEdited(TAG));
    await sessionEndsWhileChecksLoad(m, () => m.provider.logout());
    expect(db.syntheses.get(ADULT)!.map((s) => s.version)).to.deep.equal([1, 2]);
    expect(await readDraft(draftKey(`professional:ps-martin~${TAG}`, ADULT)), 'a draft left after the logout').to.equal(undefined);
  });

  it('dmp-consent-panel: neither the notification settings nor the closing of the dossier are sent', async () => {
    const m = await consentTyped('pat-durand-jeanne', 'jeanne.d@example.org');
    const { el } = m;
    get(el, '#notifications button[type="submit"]').click();
    await typeIn(el, '#close-reason', 'Je ne souhaite plus utiliser mon DMP.');
    await typeIn(el, '#close-word', 'FERMER');
    get(el, '#close button[type="submit"]').click();
    await sessionEndsWhileChecksLoad(m, () => m.provider.logout());
    const record = db.dossiers.get(ADULT)!;
    expect(record.notificationPreferences.email).to.equal('jeanne.durand@example.org');
    expect(record.status).to.equal('active');
  });
});
