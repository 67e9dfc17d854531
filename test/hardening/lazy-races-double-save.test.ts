import { expect } from '@open-wc/testing';
import '../../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import '../../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import { API_PREFIX } from '../../src/model/routes.js';
import { ADULT, consentTyped, MINOR, profileEdited, raceHooks, seen, synthesisEdited } from './lazy-races.js';
import { choose, db, get, typeIn, until, visibleText, waitFor } from './support.js';

/*
 * The user clicks Save twice while the element's form checks are still loading (see
 * lazy-races.ts), then the checks arrive: one element per test.
 */

/** The suffix of this file's actors: drafts are shared by the test files running in parallel, these are its own. */
const TAG = 'races-twice';

describe('Save clicked twice while the form checks are still loading', () => {
  raceHooks(TAG, [ADULT, MINOR]);

  it('dmp-patient-profile: the button says the save is under way from the first click, and the information is written once', async () => {
    const { el, checks, save } = await profileEdited(TAG);
    save.click();
    await el.updateComplete;
    save.click();
    await el.updateComplete;
    const busyMeanwhile = visibleText(el).includes('Enregistrement…');
    expect(checks.arrived(), 'the checks arrived before the release').to.equal(false);
    expect(seen.writes, 'written before the checks arrived').to.deep.equal([]);
    checks.release();
    await until(el, 'Les informations sont enregistrées.');
    expect(seen.writes, 'the write requests').to.deep.equal([`POST ${API_PREFIX}/dossiers/${MINOR}/documents`]);
    expect(db.documentsOf(MINOR).filter((d) => d.typeCode === 'EXPPAT_2').map((d) => d.version)).to.deep.equal([1]);
    expect(busyMeanwhile, 'the button did not say the save was under way while the checks loaded').to.equal(true);
  });

  it('dmp-synthesis-editor: Save is aria-disabled from the first click, and a second click does nothing; the host is asked once and one version is saved', async () => {
    const { el, checks, save } = await synthesisEdited(TAG);
    // A second save would be stopped at the request, one being under way: the host asked twice,
    // which may save on its own (the event is cancelable), is what it would still do.
    let asked = 0;
    el.addEventListener('dmp-synthesis-save-request', () => (asked += 1));
    save.click();
    await el.updateComplete;
    const disabledMeanwhile = save.getAttribute('aria-disabled') === 'true';
    save.click();
    await el.updateComplete;
    expect(checks.arrived(), 'the checks arrived before the release').to.equal(false);
    expect(seen.writes, 'written before the checks arrived').to.deep.equal([]);
    checks.release();
    await waitFor(() => /Version 3 enregistrée\./.test(visibleText(el)), () => `never saved: ${visibleText(el).slice(0, 400)}`);
    expect(asked, 'dmp-synthesis-save-request events').to.equal(1);
    expect(seen.writes, 'the write requests').to.deep.equal([`PUT ${API_PREFIX}/dossiers/${ADULT}/synthesis`]);
    expect(db.syntheses.get(ADULT)!.map((s) => s.version)).to.deep.equal([1, 2, 3]);
    expect(disabledMeanwhile, 'Save stayed enabled while the checks loaded').to.equal(true);
  });

  it('dmp-consent-panel: each form submitted twice is written once, and the host is asked once to close the dossier', async () => {
    const { el, checks } = await consentTyped('pat-durand-jeanne', 'jeanne.d@example.org');
    // The three forms share one module of checks: all of them are submitted twice during its one
    // first fetch. A second write of a busy section is refused anyway; a second closing would
    // still ask the host, which may close the dossier on its own (the event is cancelable).
    let closeAsked = 0;
    el.addEventListener('dmp-dossier-close-request', () => (closeAsked += 1));
    get(el, '#notifications button[type="submit"]').click();
    get(el, '#notifications button[type="submit"]').click();
    await typeIn(el, '#rep-firstName', 'Marc');
    await typeIn(el, '#rep-lastName', 'Durand');
    await choose(el, '#rep-relationship', 'guardian');
    get(el, '#representatives button[type="submit"]').click();
    get(el, '#representatives button[type="submit"]').click();
    await typeIn(el, '#close-reason', 'Je ne souhaite plus utiliser mon DMP.');
    await typeIn(el, '#close-word', 'FERMER');
    get(el, '#close button[type="submit"]').click();
    get(el, '#close button[type="submit"]').click();
    expect(checks.arrived(), 'the checks arrived before the release').to.equal(false);
    expect(seen.writes, 'written before the checks arrived').to.deep.equal([]);
    checks.release();
    await until(el, 'Le dossier est fermé.');
    const dossier = `${API_PREFIX}/dossiers/${ADULT}`;
    expect(seen.writes, 'the write requests').to.deep.equal([`PUT ${dossier}/notification-preferences`, `POST ${dossier}/representatives`, `POST ${dossier}/close`]);
    expect(closeAsked, 'dmp-dossier-close-request events').to.equal(1);
    const record = db.dossiers.get(ADULT)!;
    expect(record.notificationPreferences.email).to.equal('jeanne.d@example.org');
    expect(record.legalRepresentatives.filter((r) => r.firstName === 'Marc').length).to.equal(1);
    expect(record.status).to.equal('closed');
  });
});
