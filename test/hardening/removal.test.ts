import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect, html, waitUntil } from '@open-wc/testing';
import { PATIENT_ADULT, PATIENT_MINOR } from '../../mocks/data/index.js';
import type { DmpProvider } from '../../src/context/dmp-provider.element.js';
import '../../src/elements/dmp-document-list/dmp-document-list.js';
import type { DmpDocumentList } from '../../src/elements/dmp-document-list/dmp-document-list.element.js';
import '../../src/elements/dmp-dossier/dmp-dossier.js';
import '../../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import { mountInProvider, resetBackend, seededActor, shadowText, startBackend } from '../support/mount.js';
import { endRequestWatches, holdPatientDocuments, recordRequests } from '../support/requests.js';

/*
 * A host removes an element while it is still loading, and hands the provider to another user
 * (a shared workstation: the nurse leaves, the doctor sits down). The load must not go on: its
 * next request would leave under the new user's name, for the previous patient. Put back, the
 * element loads again. Each test holds the request that comes before reading the patient's
 * declared information (a document's content), so the removal falls between the two.
 */

const ADULT = PATIENT_ADULT.identity.ins;
const NEXT_USER = 'rep-moreau-sophie';

async function removeAndSwitchUser(el: HTMLElement, provider: DmpProvider, hold: { release: () => void }): Promise<void> {
  el.remove();
  provider.actor = seededActor(NEXT_USER);
  await provider.updateComplete;
  hold.release();
  // Time for the held answer to come back and for anything chained on it to be sent.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('an element removed while it loads', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  before(startBackend);
  beforeEach(resetBackend);
  afterEach(endRequestWatches);

  it('dmp-document-list: a property set while it is out of the page starts nothing until it is back', async () => {
    const sent = recordRequests();
    const { el, provider } = await mountInProvider<DmpDocumentList>(html`<dmp-document-list patient-ins=${ADULT}></dmp-document-list>`, 'ps-martin');
    await waitUntil(() => el.items.length > 0, 'the list never loaded');
    el.remove();
    provider.actor = seededActor(NEXT_USER);
    el.patientIns = PATIENT_MINOR.identity.ins;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sent.filter((line) => line.startsWith(`Bearer ${NEXT_USER}`))).to.deep.equal([]);
    provider.append(el);
    await waitUntil(() => sent.some((line) => line.startsWith(`Bearer ${NEXT_USER}`) && line.includes(PATIENT_MINOR.identity.ins)), 'back in the page, it never loaded');
  });

  it('dmp-document-list: reload() out of the page resolves at once, and the list reloads once back', async () => {
    const sent = recordRequests();
    const { el, provider } = await mountInProvider<DmpDocumentList>(html`<dmp-document-list patient-ins=${ADULT}></dmp-document-list>`, 'ps-martin');
    await waitUntil(() => el.items.length > 0, 'the list never loaded');
    el.remove();
    const listings = () => sent.filter((line) => line.endsWith(`/dossiers/${ADULT}/documents`)).length;
    const before = listings();
    await el.reload();
    expect(listings(), 'nothing is asked out of the page').to.equal(before);
    provider.append(el);
    await waitUntil(() => listings() === before + 1, 'back in the page, it never reloaded');
  });

  it('dmp-document-list: moved while it loads (removed and put back at once), it asks once', async () => {
    const hold = holdPatientDocuments(ADULT);
    const sent = recordRequests();
    const { el, provider } = await mountInProvider<DmpDocumentList>(html`<dmp-document-list patient-ins=${ADULT} category="patient"></dmp-document-list>`, 'ps-martin');
    await waitUntil(hold.asked, 'the list was never asked for');
    const host = document.createElement('div');
    provider.append(host);
    host.append(el);
    hold.release();
    await waitUntil(() => el.items.length > 0, 'the list never loaded after the move');
    expect(sent.filter((line) => line.endsWith(`/dossiers/${ADULT}/documents`))).to.have.length(1);
  });

  for (const { tag, shows } of [
    { tag: 'dmp-patient-profile', shows: 'Groupe sanguin' },
    { tag: 'dmp-dossier', shows: 'déclaré par vous' },
  ]) {
    it(`${tag}: sends nothing more once removed, under the next user; put back, it loads again`, async () => {
      const hold = holdPatientDocuments(ADULT);
      const sent = recordRequests();
      const { el, provider } = await mountInProvider<HTMLElement>(
        tag === 'dmp-dossier' ? html`<dmp-dossier patient-ins=${ADULT}></dmp-dossier>` : html`<dmp-patient-profile patient-ins=${ADULT}></dmp-patient-profile>`,
        'pat-durand-jeanne',
      );
      await waitUntil(hold.asked, 'the patient’s documents were never asked for');
      await removeAndSwitchUser(el, provider, hold);
      expect(sent.filter((line) => line.startsWith(`Bearer ${NEXT_USER}`))).to.deep.equal([]);

      provider.actor = seededActor('pat-durand-jeanne');
      provider.append(el);
      await waitUntil(() => shadowText(el).includes(shows), `${tag} never loaded again`, { timeout: 5000 });
      expect(sent.filter((line) => line.startsWith(`Bearer ${NEXT_USER}`))).to.deep.equal([]);
    });
  }
});
