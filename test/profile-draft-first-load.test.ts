import { expect, html, waitUntil } from '@open-wc/testing';
import { PATIENT_ADULT } from '../mocks/data/index.js';
import { deleteDraft, draftAuthor, draftKey, writeDraft } from '../src/drafts/draft-store.js';
import '../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import type { DmpPatientProfile } from '../src/elements/dmp-patient-profile/dmp-patient-profile.element.js';
import { draftOf, type ProfileDraft } from '../src/elements/dmp-patient-profile/draft.js';
import { mountInProvider, resetBackend, seededActor, startBackend } from './support/mount.js';

const ADULT = PATIENT_ADULT.identity.ins;
const KEY = draftKey(draftAuthor(seededActor('pat-durand-jeanne')), ADULT, 'profile');

// A file of its own: each file runs in a page of its own, where no earlier test has fetched the
// profile's form module, as on a page opened afresh.
describe('dmp-patient-profile, opened on a page that never showed its form', () => {
  before(startBackend);
  beforeEach(resetBackend);
  afterEach(() => deleteDraft(KEY));

  it('offers back the edits kept on this device: the offer fetches the form it belongs to', async () => {
    await writeDraft<ProfileDraft>(KEY, { content: { ...draftOf(undefined), bloodGroup: 'O-' }, baseEtag: null, baseVersion: null, savedAt: new Date().toISOString() });
    const { el } = await mountInProvider<DmpPatientProfile>(html`<dmp-patient-profile patient-ins=${ADULT}></dmp-patient-profile>`, 'pat-durand-jeanne');
    const offer = () => el.shadowRoot!.querySelector('.draft-offer');
    await waitUntil(() => offer(), 'the kept edits were never offered', { timeout: 5000 });
    expect(offer()!.textContent).to.contain('Des modifications non enregistrées');
    expect(el.shadowRoot!.querySelector('.lazy-loading') === null, 'still loading').to.equal(true);
  });
});
