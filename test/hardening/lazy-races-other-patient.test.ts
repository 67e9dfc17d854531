import { expect } from '@open-wc/testing';
import '../../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import '../../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import { ADULT, clickSave, consentTyped, expectNothingCarriedToAdult, expectNothingCarriedToMinor, letChecksIn, MINOR, profileEdited, raceHooks, seen, synthesisEdited } from './lazy-races.js';
import { db, find, get, guardian, until, visibleText, waitFor } from './support.js';
import { settle } from './support.js';

/*
 * The user clicks Save while the element's form checks are still loading (see lazy-races.ts),
 * then the host moves the element to another patient, whose data is in before the checks are
 * (the profile reads a declared profile through them: it shows the other patient's just after).
 * The save was asked for a patient no longer shown, and must not be sent, for either patient.
 * One element per test.
 */

/** The suffix of this file's actors: drafts are shared by the test files running in parallel, these are its own. */
const TAG = 'races-other';

describe('Save clicked while the form checks load, then the host shows another patient', () => {
  raceHooks(TAG, [ADULT, MINOR]);

  it('dmp-patient-profile: nothing is written for either patient, and the note is not shown for the other one', async () => {
    // The same representative for both, so that only the patient changes.
    guardian(ADULT, TAG);
    const { el, checks } = await clickSave(await profileEdited(TAG));
    el.setAttribute('patient-ins', ADULT);
    checks.release();
    await checks.evaluated();
    // The adult's declared profile is read through the checks: shown once they are in.
    await until(el, 'Pénicillines (amoxicilline)');
    await settle();
    expectNothingCarriedToAdult(el);
    expect(visibleText(el)).not.to.contain('Les informations sont enregistrées.');
  });

  it('dmp-synthesis-editor: nothing is written for either patient, and the edit is not shown for the other one', async () => {
    const { el, checks } = await clickSave(await synthesisEdited(TAG));
    el.setAttribute('patient-ins', MINOR);
    // The minor has no synthesis yet.
    await until(el, 'Aucun volet de synthèse médicale n’a encore été rédigé pour ce patient.');
    expect(checks.arrived(), 'the checks arrived before the other patient was shown').to.equal(false);
    await letChecksIn(checks);
    expectNothingCarriedToMinor(el);
  });

  it('dmp-consent-panel: the notification settings are written for neither patient', async () => {
    guardian(MINOR, TAG);
    const { el, checks } = await consentTyped(guardian(ADULT, TAG), 'jeanne.d@example.org');
    get(el, '#notifications button[type="submit"]').click();
    el.setAttribute('patient-ins', MINOR);
    await waitFor(
      () => find<HTMLInputElement>(el, '#notify-email')?.value === 'sophie.moreau@example.org',
      () => `the minor's settings were never shown: ${visibleText(el).slice(0, 300)}`,
    );
    expect(checks.arrived(), 'the checks arrived before the other patient was shown').to.equal(false);
    await letChecksIn(checks);
    expect(seen.writes, 'the write requests').to.deep.equal([]);
    expect(db.dossiers.get(ADULT)!.notificationPreferences.email).to.equal('jeanne.durand@example.org');
    expect(db.dossiers.get(MINOR)!.notificationPreferences.email).to.equal('sophie.moreau@example.org');
    expect(visibleText(el)).not.to.contain('Vos préférences de notification sont enregistrées.');
  });
});
