import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import '../src/context/dmp-provider.js';
import type { DmpProvider } from '../src/context/dmp-provider.element.js';
import type { Actor } from '../src/model/actor.js';
import './support/probe-element.js';

const DOCTOR: Actor = { kind: 'professional', id: 'ps-test', rpps: '10003456784', profession: '10', displayName: 'Dr Test' };

// A file of its own: its page must not have loaded the English strings before, as a page whose
// network fails just when the user picks English.
describe('dmp-provider, when the English strings cannot be loaded', () => {
  const worker = setupWorker(http.get(/\/i18n\/generated\/en\.[jt]s/, () => HttpResponse.error()));
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } }));
  after(() => worker.stop());

  it('keeps the elements French, and says so in their lang, rather than mark French text as English', async () => {
    const provider = await fixture<DmpProvider>(html`<dmp-provider locale="en-GB" .actor=${DOCTOR}><dmp-test-probe></dmp-test-probe></dmp-provider>`);
    const probe = provider.querySelector('dmp-test-probe')!;
    // Asked for English first (en-GB is English), as lang says while the strings load.
    expect(probe.received.locale).to.equal('en');
    await waitUntil(() => probe.lang === 'fr' && probe.received.locale === 'fr', `lang="${probe.lang}" over strings that stayed French`, { timeout: 5000 });
  });
});
