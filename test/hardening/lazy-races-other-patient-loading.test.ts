import { expect } from '@open-wc/testing';
import { http } from 'msw';
import '../../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import { API_PREFIX } from '../../src/model/routes.js';
import { ADULT, clickSave, expectNothingCarriedToAdult, expectNothingCarriedToMinor, gate, letChecksIn, MINOR, profileEdited, raceHooks, seen, synthesisEdited, type Hold } from './lazy-races.js';
import { guardian, until, waitFor, worker } from './support.js';
import { settle } from './support.js';

/*
 * The user clicks Save while the element's form checks are still loading (see lazy-races.ts),
 * then the host moves the element to another patient, and the checks arrive while that patient
 * is still loading: the element still holds the first patient's data then, yet the save was
 * asked for a patient no longer meant to be shown, and must not be sent. Each test holds the
 * other patient's dossier request too. One element per test.
 */

/** The suffix of this file's actors: drafts are shared by the test files running in parallel, these are its own. */
const TAG = 'races-loading';

/** The next request for the dossier of `ins` waits until `release()`, then the mock backend answers it. */
function holdDossier(ins: string): { asked: () => boolean; release: () => void } {
  let asked = false;
  const { released, release } = gate();
  worker.use(
    http.get(
      `*${API_PREFIX}/dossiers/${ins}`,
      async () => {
        asked = true;
        await released;
        // No answer here: the backend's own handler gives it.
        return undefined;
      },
      { once: true },
    ),
  );
  return { asked: () => asked, release };
}

/**
 * The host moves `el` to the patient `ins`, and the held checks come in while that patient's
 * dossier is still on its way: nothing may have been written by then. Then the dossier comes.
 */
async function moveThenChecksIn(el: Element, checks: Hold, ins: string): Promise<void> {
  const other = holdDossier(ins);
  el.setAttribute('patient-ins', ins);
  await waitFor(() => other.asked(), `the dossier ${ins} was never asked for`);
  await letChecksIn(checks);
  expect(seen.writes, 'the write requests once the checks were in').to.deep.equal([]);
  other.release();
}

describe('Save clicked while the form checks load, then the host asks for another patient, who is still loading when the checks arrive', () => {
  raceHooks(TAG, [ADULT, MINOR]);

  it('dmp-patient-profile: nothing is written for either patient, and the note is not shown for the other one', async () => {
    // The same representative for both, so that only the patient changes.
    guardian(ADULT, TAG);
    const { el, checks } = await clickSave(await profileEdited(TAG));
    await moveThenChecksIn(el, checks, ADULT);
    await until(el, 'Pénicillines (amoxicilline)');
    await settle();
    expectNothingCarriedToAdult(el);
  });

  it('dmp-synthesis-editor: nothing is written for either patient, and the edit is not shown for the other one', async () => {
    const { el, checks } = await clickSave(await synthesisEdited(TAG));
    await moveThenChecksIn(el, checks, MINOR);
    // The minor has no synthesis yet.
    await until(el, 'Aucun volet de synthèse médicale n’a encore été rédigé pour ce patient.');
    await settle();
    expectNothingCarriedToMinor(el);
  });
});
