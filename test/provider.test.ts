import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { sendKeys } from '@web/test-runner-commands';
import '../src/context/dmp-provider.js';
import type { DmpProvider } from '../src/context/dmp-provider.element.js';
import { HttpDmpClient } from '../src/client/http-client.js';
import { isDmpError } from '../src/client/errors.js';
import type { HeadersRequest } from '../src/client/types.js';
import { ContextEvent } from '@lit/context';
import { actorContext } from '../src/context/contexts.js';
import { draftKey, readDraft, writeDraft } from '../src/drafts/draft-store.js';
import { setDmpLocale } from '../src/i18n/localization.js';
import type { Actor } from '../src/model/actor.js';
import { decide } from '../src/policy/decide.js';
import './support/probe-element.js';
import type { DmpTestProbe } from './support/probe-element.js';

const DOCTOR: Actor = { kind: 'professional', id: 'ps-test', rpps: '10003456784', profession: '10', displayName: 'Dr Test' };
const PATIENT: Actor = { kind: 'patient', id: 'patient-test', displayName: 'Jeanne Test' };

const GRANT = {
  id: 'grant',
  mode: 'break-glass' as const,
  expiresAt: '2026-11-20T10:00:00.000Z',
  ins: '258036938304702',
  justification: 'Patiente inconsciente aux urgences',
};

const worker = setupWorker();
const seenHeaders: Headers[] = [];

function warningOf(provider: DmpProvider): HTMLDialogElement {
  return provider.shadowRoot!.querySelector<HTMLDialogElement>('[part="session-warning"]')!;
}

/** A provider whose session of `timeout` seconds warns `warning` seconds before its end, once it has warned of `secondsLeft`. */
async function warned(timeout: number, warning: number, secondsLeft: number) {
  const { provider } = await mount(timeout);
  provider.sessionWarning = warning;
  const event = await oneEvent(provider, 'dmp-session-expiring');
  expect(event.detail).to.deep.equal({ secondsLeft });
  await provider.updateComplete;
  return { provider, banner: warningOf(provider) };
}

async function mount(timeoutSeconds = 1800, actor: Actor | null = DOCTOR) {
  const provider = await fixture<DmpProvider>(html`<dmp-provider base-url="/api/dmp/v1" session-timeout=${timeoutSeconds} .actor=${actor ?? undefined}>
    <dmp-test-probe></dmp-test-probe>
  </dmp-provider>`);
  const probe = provider.querySelector('dmp-test-probe')!;
  await probe.updateComplete;
  return { provider, probe };
}

/** Records the headers of each existence test, answered "no dossier". */
function recordHeaders(): void {
  worker.use(
    http.get('*/api/dmp/v1/dossiers/:ins', ({ request }) => {
      seenHeaders.push(request.headers);
      return HttpResponse.json({}, { status: 404 });
    }),
  );
}

/** The kind of error an existence test answered 404 ends in, under the provider's client. */
async function existenceTestError(probe: DmpTestProbe): Promise<string | undefined> {
  return probe.received.client!.getDossier('185057800608436').then(
    () => undefined,
    (e: unknown) => (e as { kind?: string }).kind,
  );
}

function text(probe: DmpTestProbe): string {
  return probe.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
}

describe('dmp-provider', () => {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'error', serviceWorker: { url: '/mockServiceWorker.js' } });
  });
  after(() => worker.stop());
  afterEach(async () => {
    worker.resetHandlers();
    seenHeaders.length = 0;
    await setDmpLocale('fr');
  });

  it('gives elements the emergency mode and its justification for the granted patient only', async () => {
    const { provider, probe } = await mount();
    provider.setEmergencyGrant(GRANT);
    const request = (ins: string) => (probe as unknown as { policyRequest(ins: string): Record<string, unknown> }).policyRequest(ins);
    expect(request(GRANT.ins)).to.include({ mode: 'break-glass', justification: GRANT.justification });
    // The same patient, typed as a Carte Vitale prints it.
    expect(request(GRANT.ins.replace(/^(\d)(\d{2})(\d{2})/, '$1 $2 $3 '))).to.include({ mode: 'break-glass' });
    expect(request('185072A00401995')).not.to.have.property('mode');
  });

  it('hands every element the client, the actor, the policy engine, the locale and an active session', async () => {
    const { probe } = await mount();
    const received = probe.received;
    expect(received.client).to.exist;
    expect(received.actor).to.deep.equal(DOCTOR);
    expect(received.policy?.decide).to.equal(decide);
    expect(received.session?.state).to.equal('active');
    expect(received.locale).to.equal('fr');
    expect(text(probe)).to.equal('Dr Test');
  });

  it('shows a configuration error in an element used without a provider', async () => {
    const probe = await fixture<DmpTestProbe>(html`<dmp-test-probe></dmp-test-probe>`);
    const alert = probe.shadowRoot!.querySelector('[role="alert"]');
    expect(alert).to.exist;
    expect(alert!.textContent).to.contain('Erreur de configuration');
    expect(alert!.textContent).to.contain('dmp-provider');
  });

  it('recovers when the element is upgraded before its provider is defined in the tree', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><dmp-test-probe></dmp-test-probe></div>`);
    const probe = wrapper.querySelector('dmp-test-probe')!;
    const provider = document.createElement('dmp-provider');
    provider.actor = PATIENT;
    wrapper.replaceChildren(provider);
    provider.append(probe);
    await provider.updateComplete;
    await waitUntil(() => text(probe) === 'Jeanne Test', 'the probe never received the provider');
  });

  it('asks for an actor when the provider has none', async () => {
    const { probe } = await mount(1800, null);
    expect(probe.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('actor');
  });

  it('ends the session after the inactivity timeout: event fired, elements show no patient data', async () => {
    const { provider, probe } = await mount(0.2);
    // Heard on the document too, typed there as on an element.
    const heard: number[] = [];
    document.addEventListener('dmp-session-expired', (e) => heard.push(e.detail.timeoutSeconds), { once: true });
    const event = await oneEvent(provider, 'dmp-session-expired');
    expect(event.detail).to.deep.equal({ timeoutSeconds: 0.2 });
    expect(heard).to.deep.equal([0.2]);
    await probe.updateComplete;
    expect(text(probe)).to.contain('Session expirée').and.contain('après une période d’inactivité');
    expect(text(probe)).not.to.contain('Dr Test');
    expect(provider.session.state).to.equal('expired');
  });

  it('warns before the session ends for inactivity, in words, in the provider’s language (WCAG 2.2.1)', async () => {
    const { provider, banner } = await warned(20, 19.5, 20);
    // Modal, above any dialog an element has open, and the focus on its button.
    expect(banner.open && banner.matches(':modal')).to.equal(true);
    expect(banner.getAttribute('role')).to.equal('alertdialog');
    expect(provider.shadowRoot!.activeElement?.textContent).to.equal('Rester connecté');
    expect(banner.textContent!.replace(/\s+/g, ' ')).to.contain('Sans activité de votre part, votre session prendra fin dans 20 secondes.');
    await expect(provider).to.be.accessible();
    provider.locale = 'en';
    await waitUntil(() => banner.textContent!.includes('your session will end in 20 seconds.'), 'the warning stayed in French');
    expect(banner.querySelector('button')!.textContent).to.equal('Stay logged in');
    provider.locale = 'fr';
    await waitUntil(() => banner.textContent!.includes('Rester connecté'), 'the warning stayed in English');
  });

  it('keeps the session when the user chooses to stay, and takes the warning away when it ends', async () => {
    const { provider, banner } = await warned(1.6, 1, 1);
    expect(banner.textContent!.replace(/\s+/g, ' ')).to.contain('votre session prendra fin dans 1 seconde.');
    const stayed = Date.now();
    // The touch that begins a tap on the button leaves the warning in place for its click.
    banner.querySelector('button')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await provider.updateComplete;
    expect(banner.open, 'the warning went at the touch, before its click').to.equal(true);
    banner.querySelector('button')!.click();
    await provider.updateComplete;
    expect(banner.open).to.equal(false);
    // Past the end the first warning announced: the session goes on.
    await aTimeout(Math.max(0, 1200 - (Date.now() - stayed)));
    expect(provider.session.state).to.equal('active');
    // Warned again by now: Escape is a choice to stay as well.
    await waitUntil(() => banner.open, 'no second warning');
    const escaped = Date.now();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !banner.open, 'Escape left the warning open');
    await aTimeout(Math.max(0, 1000 - (Date.now() - escaped)));
    expect(provider.session.state, 'Escape did not keep the session').to.equal('active');
    const ended = await oneEvent(provider, 'dmp-session-expired');
    expect(ended.detail.timeoutSeconds).to.equal(1.6);
    await provider.updateComplete;
    expect(banner.open, 'the warning outlived the session').to.equal(false);
  });

  it('leaves the warning to the host that cancels dmp-session-expiring; keepAlive() keeps the session', async () => {
    const { provider } = await mount(1.6);
    provider.addEventListener('dmp-session-expiring', (e) => e.preventDefault());
    provider.sessionWarning = 1;
    await oneEvent(provider, 'dmp-session-expiring');
    await provider.updateComplete;
    expect(warningOf(provider).open).to.equal(false);
    provider.keepAlive();
    await aTimeout(1200);
    expect(provider.session.state).to.equal('active');
  });

  it('tells a host that warns its own way when the user’s activity renews the session, once', async () => {
    const { provider, probe } = await mount(1.6);
    const renewals: unknown[] = [];
    provider.addEventListener('dmp-session-renewed', (e) => renewals.push(e.detail));
    provider.addEventListener('dmp-session-expiring', (e) => e.preventDefault());
    const keydown = () => probe.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true }));
    // Activity with no warning out is nothing to tell.
    keydown();
    provider.sessionWarning = 1;
    await oneEvent(provider, 'dmp-session-expiring');
    keydown();
    keydown();
    expect(renewals).to.deep.equal([{ secondsLeft: 2 }]);
    await aTimeout(1000);
    expect(provider.session.state).to.equal('active');
  });

  it('does not warn when the timeout is not longer than the warning', async () => {
    const { provider } = await mount(0.3);
    const warnings: unknown[] = [];
    provider.addEventListener('dmp-session-expiring', (e) => warnings.push(e.detail));
    await oneEvent(provider, 'dmp-session-expired');
    expect(warnings).to.deep.equal([]);
  });

  it('keeps the session alive while the user types or clicks inside it', async () => {
    const { provider, probe } = await mount(0.4);
    let expired = false;
    provider.addEventListener('dmp-session-expired', () => (expired = true));
    const started = performance.now();
    // Activity every 100 ms for 1 s: more than twice the timeout without expiring.
    while (performance.now() - started < 1000) {
      probe.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true }));
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(expired).to.equal(false);
    await oneEvent(provider, 'dmp-session-expired');
    expect(provider.session).to.include({ state: 'expired', endedBy: 'inactivity' });
  });

  it('counts time spent out of the page as inactivity: put back after the timeout, the session ends at once', async () => {
    const { provider, probe } = await mount(1);
    const parent = provider.parentElement!;
    // A host that keeps the provider alive while it is out of the page (Vue's KeepAlive, a cached route).
    provider.remove();
    await aTimeout(1200);
    parent.append(provider);
    // The user's first key on return does not renew a session already over.
    probe.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true }));
    await aTimeout(200);
    expect(provider.session).to.include({ state: 'expired', endedBy: 'inactivity' });
    await probe.updateComplete;
    expect(text(probe)).to.contain('Session expirée');
  });

  it('ends the session when the page is shown again after the timeout passed while the device slept', async () => {
    const { provider } = await mount(1);
    provider.sessionWarning = 0.5;
    await provider.updateComplete;
    const warnings: unknown[] = [];
    provider.addEventListener('dmp-session-expiring', (e) => warnings.push(e.detail));
    // Timers stand still while the device sleeps; the wall clock does not.
    const realNow = Date.now;
    Date.now = () => realNow.call(Date) + 5000;
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      await aTimeout(100);
    } finally {
      Date.now = realNow;
    }
    expect(provider.session).to.include({ state: 'expired', endedBy: 'inactivity' });
    // Too late for a warning: none comes after the end.
    expect(warnings).to.deep.equal([]);
    expect(warningOf(provider).open).to.equal(false);
  });

  it('ends the session on logout and forgets the emergency grant; resume() starts a new one', async () => {
    const { provider, probe } = await mount();
    provider.setEmergencyGrant({ ...GRANT, id: 'grant-1' });
    expect(provider.session.emergencyGrants[0]?.id).to.equal('grant-1');
    await provider.logout();
    await probe.updateComplete;
    expect(provider.session).to.include({ state: 'expired', endedBy: 'logout' });
    expect(provider.session.emergencyGrants).to.deep.equal([]);
    expect(text(probe)).to.contain('Session expirée');
    provider.resume();
    await probe.updateComplete;
    expect(provider.session).to.include({ state: 'active', endedBy: undefined });
    expect(text(probe)).to.equal('Dr Test');
  });

  it('deletes the user’s drafts kept in this browser on logout, and keeps a colleague’s for them', async () => {
    const { provider } = await mount();
    const draft = { content: { text: 'brouillon' }, baseEtag: null, baseVersion: null, savedAt: new Date().toISOString() };
    const own = [draftKey('professional:ps-test', '258036938304702'), draftKey('professional:ps-test', '185057800608436', 'profile')];
    // A colleague whose session expired on this workstation: their drafts wait for them (DECISIONS.md 10).
    const colleague = draftKey('professional:ps-martin', '258036938304702');
    for (const key of [...own, colleague]) await writeDraft(key, draft);
    await provider.logout();
    for (const key of own) expect(await readDraft(key), key).to.equal(undefined);
    expect(await readDraft(colleague)).to.deep.equal(draft);
  });

  it('deletes the last user’s drafts on logout even when the host cleared the actor first', async () => {
    const { provider } = await mount();
    const draft = { content: { text: 'brouillon' }, baseEtag: null, baseVersion: null, savedAt: new Date().toISOString() };
    const key = draftKey('professional:ps-test', '258036938304702');
    await writeDraft(key, draft);
    provider.actor = undefined;
    await provider.updateComplete;
    await provider.logout();
    expect(await readDraft(key)).to.equal(undefined);
  });

  it('publishes data changes to elements and fires dmp-data-changed', async () => {
    const { provider, probe } = await mount();
    const before = probe.received.dataChange!.revision;
    setTimeout(() => provider.notifyDataChanged(['documents'], '185057800608436'));
    const event = await oneEvent(provider, 'dmp-data-changed');
    expect(event.detail).to.deep.equal({ revision: before + 1, topics: ['documents'], ins: '185057800608436' });
    await probe.updateComplete;
    expect(probe.received.dataChange).to.deep.equal(event.detail);
  });

  it('hands an element every data change published since its last update, merged, and those made while it was out of the page', async () => {
    const { provider, probe } = await mount();
    const [mine, other] = ['258036938304702', '185057800608436'];
    probe.probeIns = mine;
    provider.notifyDataChanged(['authorizations'], mine);
    provider.notifyDataChanged(['documents'], mine);
    provider.notifyDataChanged(['synthesis'], other);
    await probe.updateComplete;
    expect(probe.taken).to.deep.equal([{ revision: 2, topics: ['authorizations', 'documents'] }]);
    probe.remove();
    provider.notifyDataChanged(['settings'], mine);
    provider.notifyDataChanged(['history']);
    provider.append(probe);
    await waitUntil(() => probe.taken.length === 2, 'the changes made while away were not taken');
    expect(probe.taken[1]!.topics).to.deep.equal(['settings', 'history']);
  });

  it('names the caller, the emergency grant and the connexion secrète in request headers', async () => {
    recordHeaders();
    const { provider, probe } = await mount();
    provider.secret = true;
    provider.setEmergencyGrant({ ...GRANT, id: 'grant-7', mode: 'regulation' });
    await provider.updateComplete;
    await probe.received.client!.getDossier(GRANT.ins).catch(() => undefined);
    const headers = seenHeaders[0]!;
    expect(headers.get('Authorization')).to.equal('Bearer ps-test');
    expect(headers.get('DMP-Access-Grant')).to.equal('grant-7');
    expect(headers.get('DMP-Secret')).to.equal('1');
  });

  it('tells the host’s headers hook which patient each request is about, and merges its headers last', async () => {
    recordHeaders();
    worker.use(http.post('*/api/dmp/v1/dossiers', () => HttpResponse.json({}, { status: 409 })));
    const { provider, probe } = await mount();
    const asked: HeadersRequest[] = [];
    provider.authHeaders = (request) => {
      asked.push(request);
      return { Authorization: `IUA for ${request.ins ?? 'no patient'}` };
    };
    await probe.received.client!.getDossier(GRANT.ins).catch(() => undefined);
    expect(seenHeaders[0]!.get('Authorization')).to.equal(`IUA for ${GRANT.ins}`);
    await probe.received.client!.createDossier({} as never, { idempotencyKey: 'key-1' }).catch(() => undefined);
    expect(asked).to.deep.equal([{ ins: GRANT.ins }, {}]);
  });

  it('replaces a default header with the host’s however the host spells its name', async () => {
    recordHeaders();
    const { provider, probe } = await mount();
    provider.authHeaders = () => ({ authorization: 'Bearer token-of-the-gateway' });
    await probe.received.client!.getDossier(GRANT.ins).catch(() => undefined);
    expect(seenHeaders[0]!.get('Authorization')).to.equal('Bearer token-of-the-gateway');
    expect(await provider.requestHeaders({ ins: GRANT.ins })).to.deep.equal({ authorization: 'Bearer token-of-the-gateway' });
  });

  it('sends no default header the host gives as empty (a gateway that knows its caller by a cookie)', async () => {
    recordHeaders();
    const { provider, probe } = await mount();
    provider.authHeaders = () => ({ authorization: '' });
    await probe.received.client!.getDossier(GRANT.ins).catch(() => undefined);
    expect(seenHeaders[0]!.has('Authorization')).to.equal(false);
    expect(await provider.requestHeaders({ ins: GRANT.ins })).to.deep.equal({});
  });

  it('waits for headers the host answers with a promise (a token asked of its server); a rejection sends nothing', async () => {
    recordHeaders();
    const { provider, probe } = await mount();
    provider.authHeaders = async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (!request.ins) throw new Error('the token server is down');
      return { Authorization: `IUA for ${request.ins}` };
    };
    await probe.received.client!.getDossier(GRANT.ins).catch(() => undefined);
    expect(seenHeaders.map((headers) => headers.get('Authorization'))).to.deep.equal([`IUA for ${GRANT.ins}`]);
    const refused = await probe.received.client!.createDossier({} as never, { idempotencyKey: 'key-2' }).catch((error: unknown) => error);
    expect(isDmpError(refused) && refused.kind, String(refused)).to.equal('unauthorized');
    expect(seenHeaders).to.have.length(1);
  });

  it('tells the host of each request refused as unauthorized, by the server or for want of the host’s headers, and the caller still gets the error', async () => {
    worker.use(
      http.get('*/api/dmp/v1/dossiers/:ins', () =>
        HttpResponse.json({ type: 'about:blank', title: 'Jeton expiré', status: 401 }, { status: 401, headers: { 'Content-Type': 'application/problem+json' } }),
      ),
    );
    const { provider, probe } = await mount();
    const told: Array<number | undefined> = [];
    const listen = (event: CustomEvent<{ status: number | undefined }>) => told.push(event.detail.status);
    document.addEventListener('dmp-unauthorized', listen);
    try {
      const refused = await probe.received.client!.getDossier(GRANT.ins).catch((error: unknown) => error);
      expect(isDmpError(refused) && refused.kind).to.equal('unauthorized');
      await waitUntil(() => told.length === 1, 'the host was not told');
      expect(told).to.deep.equal([401]);
      // Other failures are the element's to say: the host's login is not in question.
      worker.use(http.get('*/api/dmp/v1/dossiers/:ins', () => HttpResponse.json({}, { status: 404 })));
      expect(await existenceTestError(probe)).to.equal('not-found');
      await aTimeout(0);
      expect(told).to.deep.equal([401]);
      provider.authHeaders = () => Promise.reject(new Error('the token server is down'));
      // A client of the host's own is watched too.
      provider.client = new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: (request) => provider.requestHeaders(request) });
      await provider.updateComplete;
      await probe.received.client!.getDossier(GRANT.ins).catch(() => undefined);
      await waitUntil(() => told.length === 2, 'the host was not told of its headers failing');
      expect(told).to.deep.equal([401, undefined]);
    } finally {
      document.removeEventListener('dmp-unauthorized', listen);
    }
  });

  it('tells the host once of calls refused together, and again of a call made since', async () => {
    worker.use(
      http.get('*/api/dmp/v1/*', () =>
        HttpResponse.json({ type: 'about:blank', title: 'Jeton expiré', status: 401 }, { status: 401, headers: { 'Content-Type': 'application/problem+json' } }),
      ),
    );
    const { probe } = await mount();
    const told: Array<number | undefined> = [];
    const listen = (event: CustomEvent<{ status: number | undefined }>) => told.push(event.detail.status);
    document.addEventListener('dmp-unauthorized', listen);
    try {
      const client = probe.received.client!;
      // Three elements' reads, refused at once: one login to ask for.
      const refused = await Promise.all([client.getDossier(GRANT.ins), client.listDocuments(GRANT.ins), client.listAccessLog(GRANT.ins)].map((call) => call.catch((error: unknown) => error)));
      expect(refused.map((error) => isDmpError(error) && error.kind)).to.deep.equal(['unauthorized', 'unauthorized', 'unauthorized']);
      await aTimeout(0);
      expect(told).to.deep.equal([401]);
      // A call made since (the user retries, the login failed again) is news again.
      await client.listDocuments(GRANT.ins).catch(() => undefined);
      await waitUntil(() => told.length === 2, 'the second refusal was not told');
      // A call under way when the host was told is not.
      worker.use(
        http.get('*/api/dmp/v1/dossiers/:ins', async () => {
          await new Promise((resolve) => setTimeout(resolve, 200));
          return HttpResponse.json({ type: 'about:blank', title: 'Jeton expiré', status: 401 }, { status: 401, headers: { 'Content-Type': 'application/problem+json' } });
        }),
      );
      const slow = client.getDossier(GRANT.ins).catch(() => undefined);
      await client.listDocuments(GRANT.ins).catch(() => undefined);
      await slow;
      await aTimeout(0);
      expect(told).to.deep.equal([401, 401, 401]);
    } finally {
      document.removeEventListener('dmp-unauthorized', listen);
    }
  });

  it('lends its headers to a client of the host’s own, the grant with its patient’s requests only', async () => {
    recordHeaders();
    const { provider, probe } = await mount();
    provider.secret = true;
    provider.setEmergencyGrant({ ...GRANT, id: 'grant-9', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    provider.client = new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: (request) => provider.requestHeaders(request) });
    await provider.updateComplete;
    const client = probe.received.client!;
    await client.getDossier(GRANT.ins).catch(() => undefined);
    await client.getDossier('185057800608436').catch(() => undefined);
    const [own, other] = seenHeaders.map((headers) => Object.fromEntries(['Authorization', 'DMP-Access-Grant', 'DMP-Secret'].map((name) => [name, headers.get(name)])));
    expect(own).to.deep.equal({ Authorization: 'Bearer ps-test', 'DMP-Access-Grant': 'grant-9', 'DMP-Secret': '1' });
    expect(other).to.deep.equal({ Authorization: 'Bearer ps-test', 'DMP-Access-Grant': null, 'DMP-Secret': '1' });
  });

  it('drops the emergency grant when it ends: the elements hear of it, and requests go without it', async () => {
    recordHeaders();
    const { provider, probe } = await mount();
    provider.setEmergencyGrant({ ...GRANT, expiresAt: new Date(Date.now() + 200).toISOString() });
    expect(provider.session.emergencyGrants[0]?.id).to.equal('grant');
    const changed = await oneEvent(provider, 'dmp-data-changed');
    expect(changed.detail.topics).to.include('documents');
    expect(provider.session.emergencyGrants[0]).to.equal(undefined);
    await probe.received.client!.getDossier(GRANT.ins).catch(() => undefined);
    expect(seenHeaders[0]!.get('DMP-Access-Grant')).to.equal(null);
  });

  it('holds one grant per patient: each request carries its own patient’s, and each ends on its own', async () => {
    recordHeaders();
    const { provider, probe } = await mount();
    const other = '185057800608436';
    const grantOf = async (ins: string) => {
      seenHeaders.length = 0;
      await probe.received.client!.getDossier(ins).catch(() => undefined);
      return seenHeaders[0]!.get('DMP-Access-Grant');
    };
    provider.setEmergencyGrant({ ...GRANT, id: 'grant-old' });
    // Long enough for the requests below on a slow machine; the end is awaited, not timed.
    provider.setEmergencyGrant({ ...GRANT, id: 'grant-first', expiresAt: new Date(Date.now() + 2000).toISOString() });
    // The same patient, typed as a Carte Vitale prints it.
    provider.setEmergencyGrant({ ...GRANT, id: 'grant-second', ins: other.replace(/^(\d)(\d{2})(\d{2})/, '$1 $2 $3 ') });
    const ended = oneEvent(provider, 'dmp-data-changed');
    expect(provider.session.emergencyGrants.map((grant) => grant.id)).to.deep.equal(['grant-first', 'grant-second']);
    expect(await grantOf(GRANT.ins)).to.equal('grant-first');
    expect(await grantOf(other)).to.equal('grant-second');
    expect(await grantOf('277057500100125')).to.equal(null);

    const changed = await ended;
    expect(changed.detail.ins).to.equal(GRANT.ins);
    expect(provider.session.emergencyGrants.map((grant) => grant.id)).to.deep.equal(['grant-second']);
    expect(await grantOf(GRANT.ins)).to.equal(null);
    expect(await grantOf(other)).to.equal('grant-second');
  });

  it('ends one patient’s grant on the host’s request, keeping the others', async () => {
    recordHeaders();
    const { provider, probe } = await mount();
    const other = '185057800608436';
    provider.setEmergencyGrant({ ...GRANT, id: 'grant-first' });
    provider.setEmergencyGrant({ ...GRANT, id: 'grant-second', ins: other });
    const changed = oneEvent(provider, 'dmp-data-changed');
    provider.endEmergencyGrant(GRANT.ins.replace(/^(\d)(\d{2})/, '$1 $2 '));
    expect((await changed).detail.ins).to.equal(GRANT.ins);
    expect(provider.session.emergencyGrants.map((grant) => grant.id)).to.deep.equal(['grant-second']);
    await probe.received.client!.getDossier(GRANT.ins).catch(() => undefined);
    expect(seenHeaders[0]!.get('DMP-Access-Grant')).to.equal(null);
  });

  it('keeps a grant its hour when its end, by the server’s clock, seems past by this device’s', async () => {
    const { provider } = await mount();
    provider.setEmergencyGrant(GRANT);
    await aTimeout(50);
    expect(provider.session.emergencyGrants[0]?.id).to.equal(GRANT.id);
  });

  it('takes a session timeout too long for a timer as it is, not as "now"', async () => {
    const { provider } = await mount(3_000_000);
    await aTimeout(100);
    expect(provider.session.state).to.equal('active');
  });

  it('takes a request timeout too long for a timer as the longest one, not as "at once"', async () => {
    worker.use(http.get('*/api/dmp/v1/dossiers/:ins', () => HttpResponse.json({}, { status: 404 })));
    const { provider, probe } = await mount();
    provider.requestTimeout = 3_000_000_000;
    await provider.updateComplete;
    await probe.updateComplete;
    expect(await existenceTestError(probe)).to.equal('not-found');
  });

  it('takes a request timeout that is not a number as the default, not as "at once"', async () => {
    worker.use(http.get('*/api/dmp/v1/dossiers/:ins', () => HttpResponse.json({}, { status: 404 })));
    const { provider, probe } = await mount();
    provider.setAttribute('request-timeout', '15s');
    await provider.updateComplete;
    await probe.updateComplete;
    expect(await existenceTestError(probe)).to.equal('not-found');
  });

  it('takes a request timeout of 0 as the default, not as "at once"', async () => {
    worker.use(http.get('*/api/dmp/v1/dossiers/:ins', () => HttpResponse.json({}, { status: 404 })));
    const { provider, probe } = await mount();
    provider.requestTimeout = 0;
    await provider.updateComplete;
    await probe.updateComplete;
    expect(await existenceTestError(probe)).to.equal('not-found');
  });

  it('ends the session for inactivity with session-timeout="0" too: it counts as the default, not as never', async () => {
    const { provider } = await mount();
    provider.setAttribute('session-timeout', '0');
    await provider.updateComplete;
    const now = Date.now;
    try {
      // Back from 31 minutes asleep: past the default 30 minutes.
      Date.now = () => now() + 31 * 60_000;
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => provider.session.state === 'expired', 'the session never ended');
    } finally {
      Date.now = now;
    }
    expect(provider.session.endedBy).to.equal('inactivity');
  });

  describe('the existence test, shared by the elements', () => {
    const INS = '258036938304702';
    const INFO = {
      ins: INS,
      status: 'active',
      policy: {
        status: 'active',
        patientId: 'patient-test',
        patientIsMinor: false,
        treatingPhysiciansRpps: [],
        authorizedRpps: [DOCTOR.kind === 'professional' ? DOCTOR.rpps : ''],
        blockedRpps: [],
        oppositions: { breakGlass: false, regulation: false },
      },
    };
    /** Answers the existence test (each answer one more line in the patient's history) and counts the requests. */
    function answerDossier(): { asked: () => number; failNext: () => void } {
      let asked = 0;
      let failing = false;
      worker.use(
        http.get('*/api/dmp/v1/dossiers/:ins', () => {
          asked += 1;
          if (failing) {
            failing = false;
            // Not retried by the client, unlike a 500: one answer, one failure.
            return HttpResponse.json({ title: 'Requête invalide' }, { status: 400 });
          }
          return HttpResponse.json(INFO);
        }),
      );
      return { asked: () => asked, failNext: () => (failing = true) };
    }

    it('asks the server once for all the elements, and again after a change of the dossier, its access or its settings', async () => {
      const server = answerDossier();
      const { provider } = await mount();
      const [a, b] = await Promise.all([provider.dossierInfo(INS), provider.dossierInfo(INS)]);
      expect(a).to.equal(b);
      expect(server.asked()).to.equal(1);
      provider.notifyDataChanged(['documents', 'history'], INS);
      await provider.dossierInfo(INS);
      expect(server.asked(), 'documents do not change the access conditions').to.equal(1);
      for (const topic of ['dossier', 'authorizations', 'settings'] as const) {
        provider.notifyDataChanged([topic], INS);
        await provider.dossierInfo(INS);
      }
      expect(server.asked()).to.equal(4);
      provider.notifyDataChanged(['authorizations'], '185057800608436');
      await provider.dossierInfo(INS);
      expect(server.asked(), 'another patient’s change').to.equal(4);
    });

    it('asks again for another actor, a new session, a Reload, or after a failure', async () => {
      const server = answerDossier();
      const { provider } = await mount();
      await provider.dossierInfo(INS);
      provider.actor = PATIENT;
      await provider.updateComplete;
      await provider.dossierInfo(INS);
      expect(server.asked()).to.equal(2);
      await provider.logout();
      provider.resume();
      await provider.dossierInfo(INS);
      expect(server.asked()).to.equal(3);
      await provider.dossierInfo(INS, { fresh: true });
      expect(server.asked()).to.equal(4);
      server.failNext();
      provider.notifyDataChanged(['dossier'], INS);
      const failed = await provider.dossierInfo(INS).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failed).to.have.property('kind', 'invalid-request');
      expect((await provider.dossierInfo(INS)).status).to.equal('active');
      expect(server.asked(), 'the failure was not kept').to.equal(6);
    });

    it('after a change, does not take the answer of a test sent before it', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let asked = 0;
      worker.use(
        http.get('*/api/dmp/v1/dossiers/:ins', async () => {
          asked += 1;
          // The first answer is the state before the write; it comes late.
          if (asked === 1) {
            await held;
            return HttpResponse.json(INFO);
          }
          return HttpResponse.json({ ...INFO, status: 'closed', policy: { ...INFO.policy, status: 'closed' } });
        }),
      );
      const { provider } = await mount();
      const before = provider.dossierInfo(INS);
      await waitUntil(() => asked === 1, 'the first test was never sent');
      provider.notifyDataChanged(['dossier'], INS);
      const after = provider.dossierInfo(INS);
      release();
      expect((await before).status).to.equal('active');
      expect((await after).status, 'the answer asked after the change').to.equal('closed');
      expect(asked).to.equal(2);
    });

    it('does not send a test queued behind one of a user who has left under the next user’s name', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const callers: string[] = [];
      worker.use(
        http.get('*/api/dmp/v1/dossiers/:ins', async ({ request }) => {
          callers.push(request.headers.get('Authorization') ?? '');
          if (callers.length === 1) await held;
          return HttpResponse.json(INFO);
        }),
      );
      const { provider } = await mount();
      const first = provider.dossierInfo(INS);
      await waitUntil(() => callers.length === 1, 'the first test was never sent');
      const queued = provider.dossierInfo(INS, { fresh: true });
      await provider.logout();
      provider.actor = PATIENT;
      await provider.updateComplete;
      release();
      await first;
      const error = await queued.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.have.property('kind', 'aborted');
      expect(callers).to.have.length(1);
    });

    it('asks again once its answer is a minute old', async () => {
      const server = answerDossier();
      const { provider } = await mount();
      await provider.dossierInfo(INS);
      const realNow = Date.now;
      try {
        Date.now = () => realNow() + 59_000;
        await provider.dossierInfo(INS);
        expect(server.asked()).to.equal(1);
        Date.now = () => realNow() + 61_000;
        await provider.dossierInfo(INS);
        expect(server.asked()).to.equal(2);
      } finally {
        Date.now = realNow;
      }
    });
  });

  it('takes an equal actor object for the same user: the grant stays, and the elements are not told of a new one', async () => {
    const { provider } = await mount();
    const seen: unknown[] = [];
    const probe = document.createElement('div');
    provider.append(probe);
    probe.dispatchEvent(new ContextEvent(actorContext, probe, (actor) => seen.push(actor), true));
    provider.setEmergencyGrant({ ...GRANT, id: 'grant-kept' });
    provider.actor = { ...provider.actor! };
    await provider.updateComplete;
    expect(provider.session.emergencyGrants[0]?.id).to.equal('grant-kept');
    expect(seen).to.have.length(1);
    // A new display name is the same person: the session and its grant go on.
    provider.actor = { ...provider.actor!, displayName: 'Dr C. Martin' };
    await provider.updateComplete;
    expect(provider.session.emergencyGrants[0]?.id).to.equal('grant-kept');
    expect(provider.session.state).to.equal('active');
  });

  it('keeps an ended session ended when the host renders the same user again: only resume() or another user opens one', async () => {
    const { provider, probe } = await mount();
    await provider.logout();
    // A React host re-rendering its login screen hands over an equal, new object.
    provider.actor = { ...provider.actor! };
    await provider.updateComplete;
    await probe.updateComplete;
    expect(provider.session.state).to.equal('expired');
    expect(text(probe)).to.contain('Session expirée');
    // Ended by the user, not by inactivity: the element says so.
    expect(text(probe)).to.contain('fermée par une déconnexion').and.not.contain('inactivité');
    provider.resume();
    expect(provider.session.state).to.equal('active');
    await provider.logout();
    provider.actor = PATIENT;
    await provider.updateComplete;
    expect(provider.session.state).to.equal('active');
  });

  it('does not carry an emergency grant over to another actor', async () => {
    const { provider } = await mount();
    provider.setEmergencyGrant({ ...GRANT, id: 'grant-new' });
    provider.actor = PATIENT;
    await provider.updateComplete;
    expect(provider.session.emergencyGrants[0]).to.equal(undefined);
  });

  it('switches the strings to English and back', async () => {
    const { provider, probe } = await mount(0.1);
    await oneEvent(provider, 'dmp-session-expired');
    provider.locale = 'en';
    await provider.updateComplete;
    await waitUntil(() => text(probe).includes('Session expired'), 'English strings never arrived');
    expect(probe.received.locale).to.equal('en');
    // Marked as English on a French page, so that a screen reader speaks it as English.
    expect(probe.lang).to.equal('en');
    provider.locale = 'fr';
    await waitUntil(() => text(probe).includes('Session expirée'), 'French strings never came back');
    expect(probe.lang).to.equal('fr');
  });

  it('falls back to French when the host removes the locale, and takes a regional tag for its language', async () => {
    const { provider, probe } = await mount();
    provider.locale = 'en-GB';
    await waitUntil(() => probe.received.locale === 'en', 'en-GB did not select English');
    provider.removeAttribute('locale');
    (provider as { locale: unknown }).locale = null;
    await waitUntil(() => probe.received.locale === 'fr', 'a removed locale did not fall back to French');
    expect(probe.lang).to.equal('fr');
  });

  it('writes lang when the locale changes, not at every render', async () => {
    const { provider, probe } = await mount();
    await probe.updateComplete;
    const written: Array<string | null> = [];
    const observer = new MutationObserver((records) => written.push(...records.map((r) => (r.target as Element).getAttribute(r.attributeName!))));
    observer.observe(probe, { attributeFilter: ['lang'] });
    for (let i = 0; i < 3; i++) {
      probe.requestUpdate();
      await probe.updateComplete;
    }
    provider.locale = 'en';
    await waitUntil(() => probe.lang === 'en', 'lang never followed the locale');
    await Promise.resolve();
    observer.disconnect();
    expect(written).to.deep.equal(['en']);
  });
});
