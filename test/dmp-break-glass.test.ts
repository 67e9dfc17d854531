import { ContextEvent } from '@lit/context';
import { aTimeout, expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HttpResponse, http } from 'msw';
import { PATIENT_ADULT, PATIENT_CLOSED, PATIENT_MINOR, PATIENT_OPPOSED } from '../mocks/data/index.js';
import type { DmpClient } from '../src/client/types.js';
import { clientContext } from '../src/context/contexts.js';
import '../src/elements/dmp-break-glass/dmp-break-glass.js';
import type { DmpBreakGlass } from '../src/elements/dmp-break-glass/dmp-break-glass.element.js';
import '../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import type { DmpConsentPanel } from '../src/elements/dmp-consent-panel/dmp-consent-panel.element.js';
import { MIN_JUSTIFICATION_LENGTH } from '../src/policy/justification.js';
import { db, mountInProvider, resetBackend, seededActor, shadowText, startBackend, worker } from './support/mount.js';
import { waitFor } from './support/wait.js';

const ADULT = PATIENT_ADULT.identity.ins;
const JUSTIFICATION = 'Patiente inconsciente aux urgences, traitements en cours inconnus.';

async function mount(actorId = 'ps-morel', options: { ins?: string; mode?: 'break-glass' | 'regulation'; locale?: 'fr' | 'en' } = {}) {
  const mounted = await mountInProvider<DmpBreakGlass>(
    html`<dmp-break-glass patient-ins=${options.ins ?? ADULT} mode=${options.mode ?? 'break-glass'}></dmp-break-glass>`,
    actorId,
    { locale: options.locale ?? 'fr' },
  );
  await settled(mounted.el);
  // The English strings load asynchronously, after the provider got its locale.
  if (options.locale === 'en') await waitUntil(() => shadowText(mounted.el).startsWith('Emergency access'), 'the English strings never loaded');
  return mounted;
}

function $<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** The dossier is loaded and the element shows either the form or an outcome. */
async function settled(el: DmpBreakGlass): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector('form, #outcome, .notice'), 'the element never settled', { timeout: 8000 });
}

function type(el: DmpBreakGlass, text: string): void {
  const area = $<HTMLTextAreaElement>(el, '#justification');
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function fill(el: DmpBreakGlass, text = JUSTIFICATION): Promise<void> {
  type(el, text);
  const box = $<HTMLInputElement>(el, '#confirm');
  if (!box.checked) box.click();
  await el.updateComplete;
}

/** After a change of user or session, once the dossier reloaded: the form, empty and unticked. */
async function emptyFormBack(el: DmpBreakGlass): Promise<void> {
  const form = () => ({
    justification: el.shadowRoot!.querySelector<HTMLTextAreaElement>('#justification')?.value,
    confirmed: el.shadowRoot!.querySelector<HTMLInputElement>('#confirm')?.checked,
  });
  await waitFor(() => form().justification === '' && form().confirmed === false, () => `the form came back as ${JSON.stringify(form())}`);
}

function submit(el: DmpBreakGlass): HTMLButtonElement {
  return $<HTMLButtonElement>(el, 'button[type="submit"]');
}

const emergencyEntries = (ins = ADULT) => db.logOf(ins).filter((e) => e.mode !== 'normal' && e.action === 'document.list');

describe('dmp-break-glass', () => {
  before(startBackend);
  beforeEach(resetBackend);

  describe('before anything happens', () => {
    it('is accessible and explains what will happen, with the submit disabled and its reason', async () => {
      const { el } = await mount();
      await expect(el).to.be.accessible();
      const explanation = $(el, '[part="explanation"]').textContent!;
      expect(explanation).to.contain('risque immédiat').and.contain('consentement ne peut pas être recueilli');
      expect(explanation).to.contain('enregistré dans l’historique du dossier comme un accès d’urgence (bris de glace), avec votre justification');
      expect(explanation).to.contain('Le patient sera informé');
      expect(explanation).to.contain('Un accès injustifié est une infraction pénale');
      expect(submit(el).getAttribute('aria-disabled')).to.equal('true');
      expect(submit(el).getAttribute('aria-describedby')).to.equal('blocker');
      expect($(el, '#blocker').textContent).to.contain(`au moins ${MIN_JUSTIFICATION_LENGTH} caractères`);
      expect(emergencyEntries()).to.have.length(0);
      expect(el.getAttribute('mode')).to.equal('break-glass');
    });

    it('counts the justification live and keeps the button disabled, with the reason, while it is too short', async () => {
      const { el } = await mount();
      $<HTMLInputElement>(el, '#confirm').click();
      type(el, '  Trop court  ');
      await el.updateComplete;
      expect($(el, '#justification-count').textContent).to.contain('10 caractères saisis (au moins 20)');
      expect(submit(el).getAttribute('aria-disabled')).to.equal('true');
      expect($(el, '#blocker').textContent).to.contain('au moins 20 caractères');
      type(el, '🚑 Patient inconscient, arrêt');
      await el.updateComplete;
      expect($(el, '#justification-count').textContent).to.contain('28 caractères saisis');
      expect(submit(el).getAttribute('aria-disabled')).to.equal('false');
      expect($(el, '#blocker').textContent!.trim()).to.equal('');
    });

    it('requires the confirmation checkbox', async () => {
      const { el } = await mount();
      type(el, JUSTIFICATION);
      await el.updateComplete;
      expect(submit(el).getAttribute('aria-disabled')).to.equal('true');
      expect($(el, '#blocker').textContent).to.contain('Cochez la case de confirmation');
    });

    it('sends nothing when the disabled button is pressed', async () => {
      const { el } = await mount();
      let requested = false;
      el.addEventListener('dmp-break-glass-request', () => (requested = true));
      type(el, 'court');
      submit(el).click();
      await el.updateComplete;
      expect(requested).to.equal(false);
      expect(db.grants.size).to.equal(0);
      // Pressed too soon, it takes the user to what is missing, marked, which says why.
      const area = $<HTMLTextAreaElement>(el, '#justification');
      expect([el.shadowRoot!.activeElement, area.getAttribute('aria-invalid'), area.getAttribute('aria-describedby')]).to.deep.equal([area, 'true', 'justification-count']);
      type(el, JUSTIFICATION);
      submit(el).click();
      await el.updateComplete;
      const box = $<HTMLInputElement>(el, '#confirm');
      expect([el.shadowRoot!.activeElement, area.getAttribute('aria-invalid'), box.getAttribute('aria-invalid')]).to.deep.equal([box, 'false', 'true']);
      expect($(el, `#${box.getAttribute('aria-describedby')!}`).textContent).to.contain('Cochez la case de confirmation');
      await expect(el).to.be.accessible();
    });

    it('shows the patient identity given by the host, as text', async () => {
      const { el } = await mount();
      el.patient = { name: '<img src=x onerror=alert(1)>', birthDate: '1958-03-14' };
      await el.updateComplete;
      expect($(el, '.patient').textContent).to.contain('<img src=x onerror=alert(1)>').and.contain('14 mars 1958');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });
  });

  describe('request', () => {
    it('sends nothing when the host vetoes the request', async () => {
      const { el, provider } = await mount();
      await fill(el);
      const request = oneEvent(el, 'dmp-break-glass-request');
      el.addEventListener('dmp-break-glass-request', (e) => e.preventDefault());
      submit(el).click();
      const event = await request;
      expect(event.cancelable).to.equal(true);
      expect(event.detail).to.deep.equal({ ins: ADULT, mode: 'break-glass', justification: JUSTIFICATION });
      await el.updateComplete;
      // A request under way would show at once: the element is busy from the moment it sends.
      expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('false');
      expect(db.grants.size).to.equal(0);
      expect(emergencyEntries()).to.have.length(0);
      expect(provider.session.emergencyGrants[0]).to.equal(undefined);
    });

    it('forgets the justification and the attestation when another user takes over, or after a logout', async () => {
      const { el, provider } = await mount();
      await fill(el);
      provider.actor = seededActor('ps-girard');
      await emptyFormBack(el);
      await settled(el);
      await fill(el);
      await provider.logout();
      provider.resume();
      await emptyFormBack(el);
    });

    for (const back of ['after', 'before'] as const) {
      it(`gives back the justification, and says the access was not granted, when the host shows the patient again ${back} the request failed`, async () => {
        const { el } = await mount();
        await fill(el);
        db.faults.add({ method: 'POST', path: '/emergency-access', status: 503, latencyMs: 600, times: 1 });
        let answered = false;
        worker.events.on('response:mocked', ({ request }) => {
          if (request.url.endsWith('/emergency-access')) answered = true;
        });
        submit(el).click();
        await el.updateComplete;
        el.patientIns = PATIENT_MINOR.identity.ins;
        await settled(el);
        if (back === 'after') {
          await waitUntil(() => answered, 'the request never failed', { timeout: 5000 });
          // The answer reaches the element a moment after the mock sends it.
          await aTimeout(200);
          await el.updateComplete;
          // Not said over the other patient's form.
          expect($<HTMLTextAreaElement>(el, '#justification').value).to.equal('');
          expect(shadowText(el)).not.to.contain('L’accès n’a pas pu être demandé.');
        }
        el.patientIns = ADULT;
        await waitUntil(() => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#justification')?.value === JUSTIFICATION, 'the justification is lost');
        await waitUntil(() => shadowText(el).includes('L’accès n’a pas pu être demandé.'), 'the failure is not said', { timeout: 5000 });
        worker.events.removeAllListeners();
        expect(db.grants.size).to.equal(0);
      });
    }

    it('says a gateway’s reasons for refusing the request as invalid, and keeps the justification', async () => {
      worker.use(
        http.post('*/api/dmp/v1/dossiers/:ins/emergency-access', () =>
          HttpResponse.json(
            { type: 'about:blank', title: 'Requête invalide', status: 422, invalidParams: [{ name: 'justification', reason: 'Justification à compléter selon la charte de l’établissement.' }] },
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      );
      const { el } = await mount('ps-morel');
      await fill(el);
      submit(el).click();
      await waitUntil(() => el.shadowRoot!.querySelector('#outcome'), 'the failure is not said', { timeout: 5000 });
      expect($(el, '#outcome').textContent).to.contain('Le serveur a refusé la demande comme invalide.').and.contain('Justification à compléter selon la charte de l’établissement.');
      expect($<HTMLTextAreaElement>(el, '#justification').value).to.equal(JUSTIFICATION);
    });

    it('gives back a justification typed and not sent when the host shows the patient again, the attestation to tick again', async () => {
      const { el } = await mount();
      await fill(el);
      el.patientIns = PATIENT_MINOR.identity.ins;
      await settled(el);
      await waitUntil(() => el.shadowRoot!.querySelector('#justification'), 'no form for the other patient', { timeout: 5000 });
      expect($<HTMLTextAreaElement>(el, '#justification').value).to.equal('');
      el.patientIns = ADULT;
      await waitUntil(() => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#justification')?.value === JUSTIFICATION, 'the justification is lost', { timeout: 5000 });
      expect($<HTMLInputElement>(el, '#confirm').checked).to.equal(false);
      expect(shadowText(el)).not.to.contain('L’accès n’a pas pu être demandé.');
      expect(db.grants.size).to.equal(0);
    });

    it('gives back the justification as last written, after a second visit to another patient', async () => {
      const { el } = await mount();
      const backOn = async (ins: string, text: string) => {
        el.patientIns = ins;
        await waitFor(() => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#justification')?.value === text, () => `shown: “${el.shadowRoot!.querySelector<HTMLTextAreaElement>('#justification')?.value}”`, { timeout: 5000 });
      };
      type(el, JUSTIFICATION);
      await backOn(PATIENT_MINOR.identity.ins, '');
      await backOn(ADULT, JUSTIFICATION);
      const completed = `${JUSTIFICATION} Glasgow à 8 à l’arrivée.`;
      type(el, completed);
      await el.updateComplete;
      await backOn(PATIENT_MINOR.identity.ins, '');
      await backOn(ADULT, completed);
      // Erased, it stays erased.
      type(el, '');
      await el.updateComplete;
      await backOn(PATIENT_MINOR.identity.ins, '');
      el.patientIns = ADULT;
      await el.updateComplete;
      const settled = () => Boolean(el.shadowRoot!.querySelector('#justification')) && $(el, '[part="base"]').getAttribute('aria-busy') === 'false';
      await waitFor(settled, () => `the form never came back: ${shadowText(el)}`, { timeout: 5000 });
      expect($<HTMLTextAreaElement>(el, '#justification').value).to.equal('');
    });

    it('keeps a failed request for its patient while the user asks for another patient meanwhile', async () => {
      const { el, provider } = await mount();
      await fill(el);
      db.faults.add({ method: 'POST', path: `/dossiers/${ADULT}/emergency-access`, status: 503, latencyMs: 800, times: 1 });
      submit(el).click();
      await el.updateComplete;
      el.patientIns = PATIENT_MINOR.identity.ins;
      const ready = () => Boolean(el.shadowRoot!.querySelector('#justification')) && $(el, '[part="base"]').getAttribute('aria-busy') === 'false';
      await waitFor(ready, () => `no form for the other patient: ${shadowText(el)}`, { timeout: 5000 });
      await fill(el, 'Enfant inconscient aux urgences, parents injoignables.');
      submit(el).click();
      await waitUntil(() => provider.session.emergencyGrants.some((g) => g.ins === PATIENT_MINOR.identity.ins), 'the second request was not granted', { timeout: 5000 });
      el.patientIns = ADULT;
      await waitUntil(() => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#justification')?.value === JUSTIFICATION, 'the first patient’s justification is lost');
      await waitUntil(() => shadowText(el).includes('L’accès n’a pas pu être demandé.'), 'the first request’s failure is not said', { timeout: 5000 });
    });

    it('gives back the justification, and the refusal, of a request the server refused while another patient was shown', async () => {
      const { el } = await mount();
      await fill(el);
      // The patient opposed on another screen since the access conditions were read.
      db.dossiers.get(ADULT)!.oppositions.breakGlass = true;
      db.faults.add({ method: 'POST', path: `/dossiers/${ADULT}/emergency-access`, latencyMs: 500, times: 1 });
      const refused = oneEvent(el, 'dmp-break-glass-refused');
      submit(el).click();
      await el.updateComplete;
      el.patientIns = PATIENT_MINOR.identity.ins;
      expect((await refused).detail.reason).to.equal('patient-opposed');
      el.patientIns = ADULT;
      await waitUntil(() => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#justification')?.value === JUSTIFICATION, 'the justification is lost');
      await waitUntil(() => shadowText(el).includes('Le patient s’est opposé à ce mode d’accès.'), 'the refusal is not said', { timeout: 5000 });
    });

    it('keeps an answer that comes after the host switched patient off the new patient, and another user’s session free of the grant', async () => {
      const { el, provider } = await mount();
      const told: string[] = [];
      el.addEventListener('dmp-break-glass-granted', (e) => told.push(e.detail.ins));
      await fill(el);
      db.faults.add({ method: 'POST', path: '/emergency-access', latencyMs: 1500, times: 1 });
      submit(el).click();
      await el.updateComplete;
      el.patientIns = PATIENT_MINOR.identity.ins;
      // The new patient's form is not held up by the request for the previous one.
      const ready = () => Boolean(el.shadowRoot!.querySelector('form')) && $(el, '[part="base"]').getAttribute('aria-busy') === 'false';
      await waitUntil(() => db.grants.size > 0 || ready(), 'the new patient’s form never showed', { timeout: 5000 });
      expect(db.grants.size).to.equal(0);
      await waitUntil(() => db.grants.size === 1, 'the grant never came', { timeout: 5000 });
      // Stored by the server before its answer reaches the page: wait for the session to hold it.
      await waitUntil(() => provider.session.emergencyGrants[0], 'the answer never reached the session');
      await settled(el);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#outcome')).to.equal(null);
      expect(shadowText(el)).not.to.contain('Accès d’urgence accordé');
      // The grant stays the asking user's, for the patient it was asked for, and the host hears of it.
      expect(provider.session.emergencyGrants[0]?.ins).to.equal(ADULT);
      expect(told).to.deep.equal([ADULT]);

      // Another user takes over while a request is under way: the grant is not theirs.
      el.patientIns = ADULT;
      await provider.logout();
      provider.resume();
      await emptyFormBack(el);
      await fill(el);
      db.faults.add({ method: 'POST', path: '/emergency-access', latencyMs: 300, times: 1 });
      submit(el).click();
      await el.updateComplete;
      provider.actor = seededActor('ps-girard');
      await waitUntil(() => db.grants.size === 2, 'the second grant never came');
      // Once the answer reached the element, not only the server.
      await waitUntil(() => $(el, '[part="base"]').getAttribute('aria-busy') === 'false', 'the request never ended');
      await emptyFormBack(el);
      expect(provider.session.emergencyGrants[0]).to.equal(undefined);
      expect(el.shadowRoot!.querySelector('#outcome')).to.equal(null);
    });

    it('drops a grant answered once the session had expired, and keeps the justification to ask again after login', async () => {
      const { el, provider } = await mount();
      const told: string[] = [];
      el.addEventListener('dmp-break-glass-granted', (e) => told.push(e.detail.ins));
      await fill(el);
      db.faults.add({ method: 'POST', path: '/emergency-access', latencyMs: 1000, times: 1 });
      submit(el).click();
      await el.updateComplete;
      const expired = oneEvent(provider, 'dmp-session-expired');
      provider.sessionTimeout = 0.2;
      await expired;
      await waitUntil(() => db.grants.size === 1, 'the server never granted', { timeout: 5000 });
      await waitUntil(() => $(el, '[part="base"]').getAttribute('aria-busy') === 'false' || !el.shadowRoot!.querySelector('form'), 'the answer never reached the element');
      await aTimeout(50);
      expect(provider.session.emergencyGrants).to.deep.equal([]);
      expect(told).to.deep.equal([]);
      provider.sessionTimeout = 900;
      provider.resume();
      await settled(el);
      await waitUntil(() => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#justification')?.value === JUSTIFICATION, 'the justification was lost');
      expect(provider.session.emergencyGrants).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('#outcome')?.textContent ?? null).to.equal(null);
      // Asked again: the server's answer is the grant it gave, not a second emergency access.
      const granted = oneEvent(el, 'dmp-break-glass-granted');
      if (!$<HTMLInputElement>(el, '#confirm').checked) $<HTMLInputElement>(el, '#confirm').click();
      await el.updateComplete;
      submit(el).click();
      await granted;
      expect(db.grants.size).to.equal(1);
      expect(provider.session.emergencyGrants.map((g) => g.ins)).to.deep.equal([ADULT]);
    });

    it('grants break-glass access: provider grant set, event, log entry with mode and justification, patient notified', async () => {
      const { el, provider } = await mount();
      await fill(el, `  ${JUSTIFICATION}  `);
      const granted = oneEvent(el, 'dmp-break-glass-granted');
      submit(el).click();
      const { grant, ins } = (await granted).detail;
      expect(grant.mode).to.equal('break-glass');
      expect(ins).to.equal(ADULT);
      expect(provider.session.emergencyGrants[0]).to.deep.equal({ ...grant, ins: ADULT, justification: JUSTIFICATION });
      const [entry] = emergencyEntries();
      expect(entry).to.deep.include({ mode: 'break-glass', justification: JUSTIFICATION, outcome: 'allowed' });
      expect(entry!.actor.rpps).to.equal('10018239573');
      expect(db.notifications.filter((n) => n.ins === ADULT && n.event === 'emergency-access')).to.have.length.greaterThan(0);
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'outcome', 'focus did not move to the outcome');
      expect($(el, '#outcome').textContent).to.contain('Accès d’urgence accordé jusqu’au 20/11/2026');
    });

    it('does not tell a professional under a minor’s connexion secrète that the patient will be informed, as no one is', async () => {
      const minor = PATIENT_MINOR.identity.ins;
      const { el, provider } = await mount('ps-morel', { ins: minor });
      expect($(el, '.explanation').textContent).to.contain('Le patient sera informé de cet accès.');
      provider.secret = true;
      await waitUntil(() => $(el, '.explanation').textContent!.includes('En connexion secrète'), 'the explanation did not change');
      expect($(el, '.explanation').textContent).not.to.contain('Le patient sera informé');
      await fill(el);
      const granted = oneEvent(el, 'dmp-break-glass-granted');
      submit(el).click();
      await granted;
      await waitUntil(() => el.shadowRoot!.querySelector('#outcome'), 'the grant was not shown');
      expect($(el, '#outcome').textContent).to.contain('avec votre justification.').and.not.contain('informé');
      expect(db.notifications.filter((n) => n.ins === minor && n.event === 'emergency-access')).to.have.length(0);
    });

    it('shows the access granted, not the form again, when the host comes back to the patient or shows a new element for it', async () => {
      const { el, provider } = await mount();
      await fill(el);
      const granted = oneEvent(el, 'dmp-break-glass-granted');
      submit(el).click();
      await granted;
      el.patientIns = PATIENT_MINOR.identity.ins;
      await settled(el);
      el.patientIns = ADULT;
      await el.updateComplete;
      await waitUntil(() => el.shadowRoot!.querySelector('#outcome')?.textContent?.includes('Accès d’urgence accordé'), 'the form came back under the grant');
      expect(Boolean(el.shadowRoot!.querySelector('form'))).to.equal(false);
      const another = document.createElement('dmp-break-glass') as DmpBreakGlass;
      another.setAttribute('patient-ins', ADULT);
      provider.append(another);
      await waitUntil(() => another.shadowRoot?.querySelector('#outcome')?.textContent?.includes('Accès d’urgence accordé'), 'a new element asked again');
      expect(db.grants.size).to.equal(1);
    });

    it('keeps the first patient’s grant when the user asks one for a second patient: the server still opens both dossiers', async () => {
      const { el, provider } = await mount();
      const askFor = async (ins: string) => {
        el.patientIns = ins;
        await emptyFormBack(el);
        await fill(el);
        const granted = oneEvent(el, 'dmp-break-glass-granted');
        submit(el).click();
        await granted;
      };
      await askFor(ADULT);
      await askFor(PATIENT_MINOR.identity.ins);
      expect(provider.session.emergencyGrants.map((grant) => grant.ins)).to.deep.equal([ADULT, PATIENT_MINOR.identity.ins]);
      el.patientIns = ADULT;
      await waitUntil(() => el.shadowRoot!.querySelector('#outcome')?.textContent?.includes('Accès d’urgence accordé'), 'the first patient’s grant was lost');
      let client: DmpClient | undefined;
      el.dispatchEvent(new ContextEvent(clientContext, el, (value) => (client = value)));
      for (const ins of [ADULT, PATIENT_MINOR.identity.ins]) {
        const before = emergencyEntries(ins).length;
        await client!.listDocuments(ins);
        expect(emergencyEntries(ins), `the read of ${ins}`).to.have.length(before + 1);
      }
      expect(db.grants.size).to.equal(2);
    });

    it('unticks the attestation when the mode changes: it attests what the other mode’s text said', async () => {
      const { el } = await mount('ps-girard');
      await fill(el);
      el.mode = 'regulation';
      await el.updateComplete;
      await settled(el);
      expect($<HTMLInputElement>(el, '#confirm').checked).to.equal(false);
      expect(submit(el).getAttribute('aria-disabled')).to.equal('true');
      expect($(el, '#justification').closest('form') !== null).to.equal(true);
    });

    it('shows the access granted, and no form to ask again, when the mode changed while it was asked', async () => {
      const { el, provider } = await mount('ps-girard');
      await fill(el);
      db.faults.add({ method: 'POST', path: '/emergency-access', latencyMs: 300, times: 1 });
      submit(el).click();
      await el.updateComplete;
      el.mode = 'regulation';
      await waitUntil(() => provider.session.emergencyGrants[0] !== undefined, 'the grant never came');
      await waitUntil(() => el.shadowRoot!.querySelector('#outcome')?.textContent?.includes('Accès d’urgence accordé'), 'the grant is not shown');
      expect(Boolean(el.shadowRoot!.querySelector('form'))).to.equal(false);
    });

    it('does not show a request’s failure under the other mode, when the mode changed meanwhile', async () => {
      const { el } = await mount('ps-girard');
      await fill(el);
      db.faults.add({ method: 'POST', path: '/emergency-access', latencyMs: 300, status: 500, times: 1 });
      submit(el).click();
      await el.updateComplete;
      el.mode = 'regulation';
      await waitUntil(() => $(el, '[part="base"]').getAttribute('aria-busy') === 'false', 'the request never ended');
      await el.updateComplete;
      expect(shadowText(el)).not.to.contain('erreur');
      expect(Boolean(el.shadowRoot!.querySelector('[role="alert"]'))).to.equal(false);
    });

    it('keeps the form, the focus and the typing while the access conditions are checked again', async () => {
      const { el, provider } = await mount();
      const area = $<HTMLTextAreaElement>(el, '#justification');
      area.focus();
      await sendKeys({ type: 'Patiente inconsciente' });
      db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, latencyMs: 400, times: 1 });
      provider.notifyDataChanged(['authorizations'], ADULT);
      await waitUntil(() => $(el, '[part="base"]').getAttribute('aria-busy') === 'true', 'the conditions were not checked again');
      await sendKeys({ type: ' aux urgences' });
      expect(el.shadowRoot!.activeElement?.id).to.equal('justification');
      await waitUntil(() => $(el, '[part="base"]').getAttribute('aria-busy') === 'false', 'the check never ended');
      expect($<HTMLTextAreaElement>(el, '#justification').value).to.equal('Patiente inconsciente aux urgences');
      expect(el.shadowRoot!.activeElement?.id).to.equal('justification');
    });

    it('makes the provider send the grant, so later requests run in emergency mode', async () => {
      db.setNow(new Date().toISOString());
      const { el } = await mount();
      await fill(el);
      const granted = oneEvent(el, 'dmp-break-glass-granted');
      submit(el).click();
      await granted;
      const client = (el as unknown as { client: DmpClient }).client;
      await client.listDocuments(ADULT);
      expect(db.logOf(ADULT).at(-1)).to.deep.include({ action: 'document.list', mode: 'break-glass', outcome: 'allowed', justification: JUSTIFICATION });
    });

    it('is operable with the keyboard', async () => {
      const { el } = await mount();
      $(el, '#justification').focus();
      await sendKeys({ type: JUSTIFICATION });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(submit(el));
      const granted = oneEvent(el, 'dmp-break-glass-granted');
      await sendKeys({ press: 'Enter' });
      expect((await granted).detail.grant.mode).to.equal('break-glass');
    });

    it('keeps the justification and says the access was not requested when the network fails', async () => {
      const { el, provider } = await mount();
      db.faults.add({ method: 'POST', path: '/emergency-access', network: true });
      await fill(el);
      let refused = false;
      el.addEventListener('dmp-break-glass-refused', () => (refused = true));
      submit(el).click();
      await waitUntil(() => el.shadowRoot!.querySelector('form #outcome'), 'no failure shown');
      // The user was in the form: the failure takes the focus and is read as it does, once; a
      // live region as well would have it said twice.
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'outcome', 'the failure did not take the focus');
      expect($(el, '#outcome').getAttribute('role') ?? 'none').to.equal('none');
      expect($(el, '#outcome').textContent).to.contain('L’accès n’a pas pu être demandé').and.contain('hors ligne');
      // Once the user has left it, what comes there is said again by a live region.
      $<HTMLTextAreaElement>(el, '#justification').focus();
      await waitUntil(() => $(el, '#outcome').getAttribute('role') === 'alert', 'the outcome stayed without its live role');
      expect($<HTMLTextAreaElement>(el, '#justification').value).to.equal(JUSTIFICATION);
      expect(refused).to.equal(false);
      expect(provider.session.emergencyGrants[0]).to.equal(undefined);
    });

    it('asks once when the answer to the request was lost and the user sends it again', async () => {
      const { el, provider } = await mount();
      db.faults.add({ method: 'POST', path: '/emergency-access', answerLost: true, times: 1 });
      await fill(el);
      submit(el).click();
      await waitUntil(() => el.shadowRoot!.querySelector('form #outcome'), 'no failure shown');
      expect(db.grants.size).to.equal(1);
      const granted = oneEvent(el, 'dmp-break-glass-granted');
      submit(el).click();
      const { grant } = (await granted).detail;
      expect(db.grants.size).to.equal(1);
      expect(grant.id).to.equal([...db.grants.keys()][0]);
      expect(provider.session.emergencyGrants[0]?.id).to.equal(grant.id);
    });

    it('sends no second request for a patient shown again while the first is on its way', async () => {
      const { el } = await mount();
      await fill(el);
      db.faults.add({ method: 'POST', path: '/emergency-access', latencyMs: 1500, times: 1 });
      submit(el).click();
      await el.updateComplete;
      el.patientIns = PATIENT_MINOR.identity.ins;
      await el.updateComplete;
      el.patientIns = ADULT;
      await waitUntil(() => el.shadowRoot!.querySelector('#justification'), 'the form never came back', { timeout: 5000 });
      await fill(el, `${JUSTIFICATION} Deuxième demande.`);
      submit(el).click();
      await waitUntil(() => emergencyEntries().some((e) => e.justification === JUSTIFICATION), 'the first request never reached the server', { timeout: 5000 });
      await waitUntil(() => $(el, '[part="base"]').getAttribute('aria-busy') === 'false', 'the element stayed busy', { timeout: 5000 });
      expect(db.grants.size).to.equal(1);
      expect(emergencyEntries().length).to.equal(1);
    });

    it('says the access was most likely granted when the server accepted the request but its answer is unreadable, and that sending it again is safe', async () => {
      const { el } = await mount();
      db.faults.add({ method: 'POST', path: '/emergency-access', malformed: 'schema', times: 1 });
      await fill(el);
      submit(el).click();
      await waitUntil(() => el.shadowRoot!.querySelector('form #outcome'), 'no failure shown');
      expect($(el, '#outcome').textContent)
        .to.contain('a sans doute été accordé')
        .and.contain('renvoyez la demande, elle ne sera pas enregistrée deux fois')
        .and.not.contain('n’a pas pu être demandé');
      // As it says: the same request again gets the grant the server made, not a second one.
      const granted = oneEvent(el, 'dmp-break-glass-granted');
      submit(el).click();
      await granted;
      expect(db.grants.size).to.equal(1);
    });

    it('sends nothing from the read-only form once the access conditions, checked again, refuse for good', async () => {
      const { el, provider } = await mount();
      await fill(el);
      db.dossiers.get(ADULT)!.oppositions.breakGlass = true;
      provider.notifyDataChanged(['settings'], ADULT);
      await waitUntil(() => el.shadowRoot!.querySelector('#blocker')?.textContent?.includes('ne peut plus aboutir'), 'the refusal never showed');
      let asked = false;
      el.addEventListener('dmp-break-glass-request', () => (asked = true));
      const requests = db.logOf(ADULT).length;
      submit(el).click();
      await el.updateComplete;
      expect(asked).to.equal(false);
      expect(db.logOf(ADULT).length).to.equal(requests);
      expect(db.grants.size).to.equal(0);
    });

    it('offers a new request once the grant has ended, and the provider stops sending it', async () => {
      const { el, provider } = await mount();
      await fill(el);
      const granted = oneEvent(el, 'dmp-break-glass-granted');
      submit(el).click();
      const { grant } = (await granted).detail;
      // The grant as it stands a few moments before its hour is over.
      provider.setEmergencyGrant({ ...grant, ins: ADULT, justification: JUSTIFICATION, expiresAt: new Date(Date.now() + 300).toISOString() });
      await waitUntil(() => provider.session.emergencyGrants[0] === undefined, 'the ended grant was kept', { timeout: 3000 });
      await waitUntil(() => el.shadowRoot!.querySelector('form'), 'no new request offered');
      expect(shadowText(el)).to.contain('Votre accès d’urgence a pris fin').and.not.contain('Accès d’urgence accordé');
      // What was written stays; the attestation is made again for a new request.
      expect($<HTMLTextAreaElement>(el, '#justification').value).to.equal(JUSTIFICATION);
      expect($<HTMLInputElement>(el, '#confirm').checked).to.equal(false);
      // What the elements read from now on goes without the grant, which the server would refuse.
      const original = window.fetch;
      const sent: Array<string | null> = [];
      window.fetch = (input, init) => {
        sent.push(new Headers(init?.headers).get('DMP-Access-Grant'));
        return original(input, init);
      };
      try {
        provider.notifyDataChanged(['settings'], ADULT);
        await waitUntil(() => sent.length > 0, 'nothing was read again');
      } finally {
        window.fetch = original;
      }
      expect(sent.every((header) => header === null)).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('is refused on the next attempt once the patient opposed break-glass in the consent panel', async () => {
      const { el } = await mount('ps-morel');
      await fill(el);
      const { el: panel } = await mountInProvider<DmpConsentPanel>(html`<dmp-consent-panel patient-ins=${ADULT}></dmp-consent-panel>`, 'pat-durand-jeanne');
      await waitUntil(() => panel.shadowRoot!.querySelector('#oppose-breakGlass'), 'the panel never loaded', { timeout: 8000 });
      const opposed = oneEvent(panel, 'dmp-opposition-changed');
      const opposition = panel.shadowRoot!.querySelector<HTMLInputElement>('#oppose-breakGlass')!;
      opposition.focus();
      opposition.click();
      await opposed;
      const refused = oneEvent(el, 'dmp-break-glass-refused');
      submit(el).click();
      expect((await refused).detail).to.deep.equal({ ins: ADULT, reason: 'patient-opposed' });
      // The user is in the consent panel: the refusal does not take the focus, it is said by a live region.
      await waitUntil(() => el.shadowRoot!.querySelector('#outcome[role="alert"]'));
      expect(el.shadowRoot!.activeElement?.id ?? 'none').not.to.equal('outcome');
      expect($(el, '#outcome').textContent).to.contain('Le patient s’est opposé à ce mode d’accès');
      expect(db.logOf(ADULT).at(-1)).to.deep.include({ action: 'document.list', outcome: 'denied', reason: 'patient-opposed', mode: 'break-glass' });
      expect(db.grants.size).to.equal(0);
      // What was written stays, to copy, and cannot be sent again to meet the same refusal.
      const justification = $<HTMLTextAreaElement>(el, '#justification');
      expect(justification.value).to.equal(JUSTIFICATION);
      expect(justification.readOnly).to.equal(true);
      expect(submit(el).getAttribute('aria-disabled')).to.equal('true');
      expect($(el, '#blocker').textContent).to.contain('ne peut plus aboutir');
      const requests = db.logOf(ADULT).length;
      submit(el).click();
      await el.updateComplete;
      expect(db.logOf(ADULT).length).to.equal(requests);
    });
  });

  describe('refused up front', () => {
    const cases: Array<[string, string, string | undefined, 'break-glass' | 'regulation', string]> = [
      ['the patient opposed break-glass', 'ps-morel', PATIENT_OPPOSED.identity.ins, 'break-glass', 'Le patient s’est opposé à ce mode d’accès'],
      ['the patient opposed regulation', 'ps-girard', PATIENT_OPPOSED.identity.ins, 'regulation', 'Le patient s’est opposé à ce mode d’accès'],
      ['a non-regulator asks for regulation', 'ps-morel', undefined, 'regulation', 'Seul un médecin régulateur du SAMU'],
      ['the professional is blocked', 'ps-renard', undefined, 'break-glass', 'Le patient a bloqué votre accès'],
      ['the dossier is closed', 'ps-morel', PATIENT_CLOSED.identity.ins, 'break-glass', 'Ce DMP est fermé'],
      ['the actor is an occupational physician', 'occ-med', undefined, 'break-glass', 'La loi interdit l’accès au DMP aux médecins du travail'],
    ];
    for (const [when, actor, ins, mode, text] of cases) {
      it(`when ${when}`, async () => {
        const { el } = await mount(actor, { ins: ins ?? ADULT, mode });
        await waitUntil(() => el.shadowRoot!.querySelector('#outcome'), 'no refusal shown', { timeout: 8000 });
        expect($(el, '#outcome').textContent).to.contain('Accès d’urgence impossible').and.contain(text);
        expect(el.shadowRoot!.querySelector('form')).to.equal(null);
        expect(db.grants.size).to.equal(0);
        await expect(el).to.be.accessible();
      });
    }

    it('tells a professional who already has normal access that no emergency access is needed', async () => {
      const { el } = await mount('ps-martin');
      expect($(el, '#outcome').textContent).to.contain('Vous avez déjà accès à ce dossier');
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    });
  });

  describe('regulation', () => {
    it('lets the SAMU regulator in, logged as regulation with the justification', async () => {
      const { el, provider } = await mount('ps-girard', { mode: 'regulation' });
      await expect(el).to.be.accessible();
      expect($(el, '[part="explanation"]').textContent).to.contain('médecin régulateur du SAMU (Centre 15)').and.contain('centre de régulation');
      expect($(el, 'label[for="confirm"]').textContent).to.contain('médecin régulateur');
      await fill(el);
      const requested = oneEvent(el, 'dmp-break-glass-request');
      const granted = oneEvent(el, 'dmp-break-glass-granted');
      submit(el).click();
      expect((await requested).detail).to.deep.equal({ ins: ADULT, mode: 'regulation', justification: JUSTIFICATION });
      expect((await granted).detail.grant.mode).to.equal('regulation');
      expect(provider.session.emergencyGrants[0]?.mode).to.equal('regulation');
      expect(emergencyEntries()[0]).to.deep.include({ mode: 'regulation', justification: JUSTIFICATION });
      expect(db.notifications.some((n) => n.ins === ADULT && n.event === 'emergency-access')).to.equal(true);
    });

    it('re-evaluates when the mode attribute changes', async () => {
      const { el } = await mount('ps-morel');
      expect(el.shadowRoot!.querySelector('form')).to.exist;
      el.setAttribute('mode', 'regulation');
      await el.updateComplete;
      expect($(el, '#outcome').textContent).to.contain('Seul un médecin régulateur du SAMU');
    });
  });

  describe('failures and locale', () => {
    it('shows a server error while checking the access conditions, with a Retry button', async () => {
      db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, status: 500, times: 3 });
      const { el } = await mount();
      await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"] button'), 'no retry offered', { timeout: 8000 });
      expect(shadowText(el)).to.contain('Impossible de vérifier les conditions d’accès').and.contain('Le serveur du DMP a rencontré une erreur');
      $(el, '[role="alert"] button').focus();
      $(el, '[role="alert"] button').click();
      // The button goes with the error: focus goes on to the heading, not to the page.
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'title', 'focus was lost with the button');
      await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the retry did not load', { timeout: 8000 });
    });

    it('says the answer is invalid when the dossier does not fit its schema', async () => {
      db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, malformed: 'truncated' });
      const { el } = await mount();
      await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no error shown', { timeout: 8000 });
      expect(shadowText(el)).to.contain('Réponse invalide du serveur');
    });

    it('shows a busy state while checking', async () => {
      db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, latencyMs: 400, times: 1 });
      const { el } = await mountInProvider<DmpBreakGlass>(html`<dmp-break-glass patient-ins=${ADULT}></dmp-break-glass>`, 'ps-morel');
      expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      expect($(el, '.loading').getAttribute('role')).to.equal('status');
      await settled(el);
      expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('false');
    });

    it('speaks English', async () => {
      const { el } = await mount('ps-morel', { locale: 'en' });
      await expect(el).to.be.accessible();
      expect(shadowText(el)).to.contain('Unjustified access is a criminal offence').and.contain('The patient will be told about this access');
      expect($(el, '#blocker').textContent).to.contain('at least 20 characters');
    });

    it('says when no patient is given', async () => {
      const { el } = await mountInProvider<DmpBreakGlass>(html`<dmp-break-glass></dmp-break-glass>`, 'ps-morel');
      expect(shadowText(el)).to.contain('Aucun patient n’est sélectionné');
    });
  });
});
