import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { html, waitUntil } from '@open-wc/testing';
import { PATIENT_ADULT } from '../../mocks/data/index.js';
import '../../src/elements/dmp-document-list/dmp-document-list.js';
import type { DmpDocumentList } from '../../src/elements/dmp-document-list/dmp-document-list.js';
import { db, mountInProvider, resetBackend, startBackend } from '../support/mount.js';

/* Runs in a browser set to Europe/Paris (the "europe-paris" group of web-test-runner.config.mjs). */

const ADULT = PATIENT_ADULT.identity.ins;
const TITLE = 'Compte rendu de garde de nuit';

const root = (el: DmpDocumentList) => el.shadowRoot!;
const titles = (el: DmpDocumentList) => el.items.map((d) => d.title);
/** Every document listed is of `day` in Paris: the list is the one filtered on it. */
const allOn = (el: DmpDocumentList, day: string) => el.items.every((d) => new Date(d.serviceStart).toLocaleDateString('sv-SE') === day);

async function filterDays(el: DmpDocumentList, from: string, to: string): Promise<void> {
  for (const [id, value] of [['filter-from', from], ['filter-to', to]] as const) {
    const input = root(el).querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
}

describe('dmp-document-list in Paris time', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  before(startBackend);
  beforeEach(resetBackend);

  it('filters on the days the user sees: an act at 00:30 on 23 January is on the 23rd, not the 22nd', async () => {
    // 22 January, 23:30 UTC: 23 January, 00:30 in Paris.
    db.documentsOf(ADULT).push({ ...db.findDocument(ADULT, 'doc-durand-ordonnance')!, id: 'doc-night', title: TITLE, serviceStart: '2026-01-22T23:30:00.000Z' });
    const { el } = await mountInProvider<DmpDocumentList>(html`<dmp-document-list patient-ins=${ADULT}></dmp-document-list>`, 'ps-martin');
    await waitUntil(() => el.items.length > 0, 'the list never came', { timeout: 5000 });
    await filterDays(el, '2026-01-23', '2026-01-23');
    await waitUntil(() => allOn(el, '2026-01-23') && titles(el).includes(TITLE), 'the act is not listed on the 23rd', { timeout: 5000 });
    await filterDays(el, '2026-01-22', '2026-01-22');
    await waitUntil(() => allOn(el, '2026-01-22') && !titles(el).includes(TITLE), 'the act is still listed on the 22nd', { timeout: 5000 });
  });
});
