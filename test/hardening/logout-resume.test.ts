import { expect, html } from '@open-wc/testing';
import { PATIENT_ADULT, PATIENT_MINOR } from '../../mocks/data/index.js';
import '../../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import '../../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import { alias, find, get, guardian, mount, typeIn, visibleText, waitFor, suiteHooks } from './support.js';

/*
 * A logout takes what the user typed away with them (DECISIONS.md 10), even when the host starts
 * the next session at once, in the same task, before the elements could see the session end.
 */

const TAG = 'logout-resume';
const ADULT = PATIENT_ADULT.identity.ins;
const MINOR = PATIENT_MINOR.identity.ins;
const TYPED = 'Tapé avant la déconnexion';
/** The metformine dosage in the seeded VSM (mocks/data/synthesis.ts, version 2). */
const SAVED_DOSAGE = '1 comprimé matin et soir, au milieu des repas';

describe('a logout followed at once by a new session', () => {
  suiteHooks(TAG, [ADULT, MINOR]);

  it('dmp-consent-panel: the representative being typed is gone', async () => {
    const { el, provider } = await mount(html`<dmp-consent-panel patient-ins=${MINOR}></dmp-consent-panel>`, 'rep-moreau-sophie');
    await waitFor(() => find(el, '#rep-firstName'), 'the panel never loaded');
    await typeIn(el, '#rep-firstName', TYPED);
    // In the same task: the elements never see the session ended.
    const loggedOut = provider.logout();
    provider.resume();
    await loggedOut;
    const field = await waitFor(() => find<HTMLInputElement>(el, '#rep-firstName'), 'the panel never came back');
    expect(field.value).to.equal('');
  });

  it('dmp-patient-profile: the form being filled is closed, and its text gone', async () => {
    const { el, provider } = await mount(html`<dmp-patient-profile patient-ins=${MINOR}></dmp-patient-profile>`, guardian(MINOR, TAG));
    await waitFor(() => find(el, '#edit'), 'the profile never loaded');
    get(el, '#edit').click();
    const field = await waitFor(() => find<HTMLTextAreaElement>(el, 'form.profile-form textarea'), 'the form never opened');
    await typeIn(el, `#${field.id}`, TYPED);
    // In the same task: the elements never see the session ended.
    const loggedOut = provider.logout();
    provider.resume();
    await loggedOut;
    await waitFor(() => find(el, '#edit'), 'the profile never came back');
    expect(find(el, 'form.profile-form')).to.equal(null);
    expect(visibleText(el)).not.to.contain(TYPED);
  });

  it('dmp-synthesis-editor: the edit is gone, and the form shows the saved version again', async () => {
    const { el, provider } = await mount(html`<dmp-synthesis-editor patient-ins=${ADULT}></dmp-synthesis-editor>`, alias('ps-martin', TAG));
    await waitFor(() => find(el, '[data-action="edit"]'), 'the synthesis never loaded');
    get(el, '[data-action="edit"]').click();
    const dosage = '[data-key="treatments:tt-metformine:dosage"]';
    await waitFor(() => find(el, dosage), 'the form never opened');
    await typeIn(el, dosage, TYPED);
    // In the same task: the elements never see the session ended.
    const loggedOut = provider.logout();
    provider.resume();
    await loggedOut;
    await waitFor(() => find(el, '[data-action="edit"]'), 'the synthesis never came back');
    get(el, '[data-action="edit"]').click();
    const field = await waitFor(() => find<HTMLInputElement>(el, dosage), 'the form never opened again');
    expect(field.value).to.equal(SAVED_DOSAGE);
  });
});
