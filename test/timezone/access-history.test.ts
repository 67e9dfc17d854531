import { expect, html, waitUntil } from '@open-wc/testing';
import { PATIENT_ADULT } from '../../mocks/data/index.js';
import '../../src/elements/dmp-access-history/dmp-access-history.js';
import type { DmpAccessHistory } from '../../src/elements/dmp-access-history/dmp-access-history.element.js';
import { logEntry } from '../support/access-log.js';
import { db, mountInProvider, resetBackend, startBackend } from '../support/mount.js';

/*
 * This file runs in a browser set to Europe/Paris (the "europe-paris" group of
 * web-test-runner.config.mjs): what a user in France sees, whatever the test machine's zone.
 */

const ADULT = PATIENT_ADULT.identity.ins;
/** 22 January, 23:48 UTC: 23 January, 00:48 in Paris. */
const LATE_AT_NIGHT = '2026-01-22T23:48:00.000Z';

const root = (el: DmpAccessHistory) => el.shadowRoot!;
const idle = (el: DmpAccessHistory) => root(el).querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false';
const times = (el: DmpAccessHistory) => [...root(el).querySelectorAll('tbody time')].map((t) => t.getAttribute('datetime'));

async function filterDays(el: DmpAccessHistory, from: string, to: string): Promise<void> {
  for (const [id, value] of [['from', from], ['to', to]] as const) {
    const input = root(el).querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
  }
  await waitUntil(() => idle(el), 'the filtered history never came', { timeout: 5000 });
}

describe('dmp-access-history in Paris time', () => {
  before(startBackend);
  beforeEach(resetBackend);

  it('runs in Paris time', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('Europe/Paris');
  });

  it('filters on the days the user sees: an access at 00:48 on 23 January is on the 23rd, not the 22nd', async () => {
    db.appendLog(ADULT, logEntry({ id: 'log-late', at: LATE_AT_NIGHT, actor: { kind: 'professional', id: 'ps-x', name: 'Dr Nuit', rpps: '10003456786', profession: '10', organisation: 'SAMU 69' } }));
    const { el } = await mountInProvider<DmpAccessHistory>(html`<dmp-access-history patient-ins=${ADULT}></dmp-access-history>`, 'pat-durand-jeanne');
    await waitUntil(() => idle(el) && times(el).length > 0, 'the history never came', { timeout: 5000 });
    const row = [...root(el).querySelectorAll('tbody tr')].find((r) => r.textContent?.includes('Dr Nuit'))!;
    expect(row.textContent).to.contain('23/01/2026');

    await filterDays(el, '2026-01-23', '2026-01-23');
    expect(times(el)).to.include(LATE_AT_NIGHT);
    await filterDays(el, '2026-01-22', '2026-01-22');
    expect(times(el)).not.to.include(LATE_AT_NIGHT);
  });
});
