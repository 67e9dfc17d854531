import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HttpResponse, getResponse, http } from 'msw';
import { handlers } from '../mocks/handlers/index.js';
import {
  DR_BERNARD_CARDIOLOGUE,
  DR_MARTIN_TRAITANT,
  DR_MOREL_URGENTISTE,
  DR_RENARD_BLOCKED,
  PATIENT_ADULT,
  PATIENT_CLOSED,
  PATIENT_MINOR,
  PATIENT_OPPOSED,
  PHARMACIST_DUBOIS,
} from '../mocks/data/index.js';
import { HttpDmpClient } from '../src/client/http-client.js';
import type { DmpError } from '../src/client/errors.js';
import '../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import type { DmpConsentPanel } from '../src/elements/dmp-consent-panel/dmp-consent-panel.element.js';
import type { AuthorizationChangeDetail } from '../src/elements/dmp-consent-panel/events.js';
import { changedOnBothSides, preferencesDraft, rebasePreferences } from '../src/elements/dmp-consent-panel/forms.js';
import { db, mountInProvider, resetBackend, shadowText, startBackend, worker } from './support/mount.js';

const ADULT = PATIENT_ADULT.identity.ins;
const MINOR = PATIENT_MINOR.identity.ins;
const CLOSED = PATIENT_CLOSED.identity.ins;
const OPPOSED = PATIENT_OPPOSED.identity.ins;
const XSS = '<img src=x onerror=alert(1)>';

async function mount(actorId = 'pat-durand-jeanne', ins = ADULT, locale: 'fr' | 'en' = 'fr') {
  const mounted = await mountInProvider<DmpConsentPanel>(html`<dmp-consent-panel patient-ins=${ins}></dmp-consent-panel>`, actorId, { locale });
  await loaded(mounted.el);
  // The English strings load asynchronously, after the provider got its locale.
  if (locale === 'en') await waitUntil(() => shadowText(mounted.el).startsWith('DMP management'), 'the English strings never loaded');
  return mounted;
}

function root(el: DmpConsentPanel): ShadowRoot {
  return el.shadowRoot!;
}

function $<T extends Element = HTMLElement>(el: DmpConsentPanel, selector: string): T {
  const found = root(el).querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

async function loaded(el: DmpConsentPanel): Promise<void> {
  await waitUntil(
    () => {
      const base = root(el).querySelector('[part="base"]');
      // The patient's own sections come in a module of their own, after the data.
      return base?.getAttribute('aria-busy') === 'false' && !root(el).querySelector('.skeleton, .lazy-loading');
    },
    'the panel never finished loading',
    { timeout: 8000 },
  );
}

function rowOf(el: DmpConsentPanel, rpps: string, within = '#authorizations'): HTMLElement {
  return $(el, `${within} li[data-rpps="${rpps}"]`);
}

function button(scope: ParentNode, change: string): HTMLButtonElement {
  const found = scope.querySelector<HTMLButtonElement>(`button[data-change="${change}"]`);
  if (!found) throw new Error(`no ${change} button`);
  return found;
}

async function confirmDialog(el: DmpConsentPanel, choice: 'confirm' | 'cancel' = 'confirm'): Promise<void> {
  const dialog = $<HTMLDialogElement>(el, 'dialog');
  await waitUntil(() => dialog.open, 'the confirmation dialog never opened');
  dialog.querySelector<HTMLButtonElement>(`button[value="${choice}"]`)!.click();
  await waitUntil(() => !dialog.open);
}

function input(el: DmpConsentPanel, selector: string, value: string): void {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Holds the mock backend's answer to `method path` until the returned function is called. */
function hold(method: 'put' | 'post', path: string): () => void {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  worker.use(
    http[method](`*/api/dmp/v1/dossiers/:ins/${path}`, async () => {
      await held;
      // Nothing returned: the mock backend answers.
      return undefined;
    }),
  );
  return release;
}

function record(ins = ADULT) {
  return db.dossiers.get(ins)!;
}

const lastLog = (ins = ADULT) => db.logOf(ins).at(-1)!;

/** A client acting as a seeded actor on its own, as another workstation would. */
function clientAs(actorId: string) {
  return new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: () => ({ Authorization: `Bearer ${actorId}` }), retry: { baseDelayMs: 1 } });
}

describe('dmp-consent-panel', () => {
  before(startBackend);
  beforeEach(resetBackend);

  // First in the file: the page fetches the forms' checks once, and this test needs that first
  // fetch (mocha runs a suite's own tests before those of its nested suites, in the order written).
  it('says nothing on the next patient when the forms’ checks fail to load once the host showed it, and gives the first patient back the failure with what was typed', async () => {
    const { el } = await mount('rep-moreau-sophie', MINOR);
    // The mother represents an adult too (a guardianship), so the next patient has the same form.
    record(ADULT).legalRepresentatives.push({ id: 'rep-moreau-sophie', firstName: 'Sophie', lastName: 'Moreau', relationship: 'guardian', since: '2024-01-01T10:00:00.000Z' });
    let asked: string | undefined;
    let drop!: () => void;
    const dropped = new Promise<void>((resolve) => (drop = resolve));
    worker.use(
      http.get(
        '*/dmp-consent-panel/validation.*',
        async ({ request }) => {
          asked = request.url;
          await dropped;
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    input(el, '#rep-firstName', 'Marc');
    input(el, '#rep-lastName', 'Moreau');
    $(el, '#representatives button[type="submit"]').click();
    await waitUntil(() => asked, 'the checks were never fetched', { timeout: 5000 });
    el.patientIns = ADULT;
    await loaded(el);
    await waitUntil(() => root(el).querySelector('#rep-firstName'), 'no representatives form for the adult');
    // The same URL is the same fetch: this import fails when the panel's does.
    const failed = import(/* @vite-ignore */ asked!);
    drop();
    await failed.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(shadowText(el).includes('n’a pas été enregistrée'), 'the failure is said on the adult').to.equal(false);
    expect($<HTMLInputElement>(el, '#rep-firstName').value).to.equal('');
    el.patientIns = MINOR;
    await loaded(el);
    await waitUntil(() => root(el).querySelector('#rep-firstName'), 'no representatives form for the minor');
    expect([$<HTMLInputElement>(el, '#rep-firstName').value, $<HTMLInputElement>(el, '#rep-lastName').value]).to.deep.equal(['Marc', 'Moreau']);
    expect($(el, '#representatives').textContent).to.contain('La modification n’a pas été enregistrée');
    expect(record(MINOR).legalRepresentatives.some((r) => r.firstName === 'Marc')).to.equal(false);
  });

  describe('patient view', () => {
    it('is accessible and shows the médecin traitant, the authorized and the blocked professionals with profession, organisation and date', async () => {
      const { el } = await mount();
      await expect(el).to.be.accessible();
      const treating = rowOf(el, '10003456786');
      expect(treating.textContent).to.contain('Claire Martin').and.contain('Médecin').and.contain('Cabinet médical des Brotteaux').and.contain('12 avril 2019');
      expect(shadowText(el)).to.contain('accède au dossier d’autorité');
      const pharmacist = rowOf(el, PHARMACIST_DUBOIS.rpps);
      expect(pharmacist.textContent).to.contain('Pharmacien').and.contain('Pharmacie du Parc').and.contain('10 mai 2023');
      expect(button(pharmacist, 'revoke').getAttribute('aria-label')).to.equal('Retirer l’autorisation de Marc Dubois');
      const blocked = rowOf(el, DR_RENARD_BLOCKED.rpps);
      expect(blocked.closest('ul')!.previousElementSibling!.textContent).to.contain('bloqué ne peut pas accéder');
      expect(button(blocked, 'unblock')).to.exist;
      expect(root(el).querySelector('.refusals')).to.equal(null);
    });

    it('shows the patient identity given by the host, never traits from the DMP', async () => {
      const { el } = await mount();
      el.patient = { name: 'Jeanne Durand', birthDate: '1958-03-14', sex: 'F' };
      await el.updateComplete;
      expect($(el, '.patient').textContent).to.contain('Patient : Jeanne Durand, sexe féminin, né(e) le 14 mars 1958');
      // Only what the host gives.
      el.patient = { name: 'Camille Rousseau', sex: 'I' };
      await el.updateComplete;
      expect($(el, '.patient').textContent!.trim()).to.equal('Patient : Camille Rousseau, sexe indéterminé');
    });

    it('says so when no patient is given', async () => {
      const { el } = await mountInProvider<DmpConsentPanel>(html`<dmp-consent-panel></dmp-consent-panel>`, 'pat-durand-jeanne');
      expect(shadowText(el)).to.contain('Aucun patient n’est sélectionné');
    });

    it('speaks English', async () => {
      const { el } = await mount('pat-durand-jeanne', ADULT, 'en');
      await expect(el).to.be.accessible();
      const text = shadowText(el);
      expect(text).to.contain('DMP management').and.contain('Blocked professionals').and.contain('Type CLOSE to confirm');
    });
  });

  describe('loading and failures', () => {
    it('shows a busy skeleton while loading', async () => {
      db.faults.add({ method: 'GET', path: '/authorizations', latencyMs: 400, times: 1 });
      const { el } = await mountInProvider<DmpConsentPanel>(html`<dmp-consent-panel patient-ins=${ADULT}></dmp-consent-panel>`, 'pat-durand-jeanne');
      await waitUntil(() => root(el).querySelector('.skeleton'));
      expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      expect($(el, '.skeleton').getAttribute('role')).to.equal('status');
      await loaded(el);
      expect(rowOf(el, PHARMACIST_DUBOIS.rpps)).to.exist;
    });

    it('shows a server error with a Retry button that reloads', async () => {
      db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, status: 500, times: 3 });
      const { el } = await mountInProvider<DmpConsentPanel>(html`<dmp-consent-panel patient-ins=${ADULT}></dmp-consent-panel>`, 'pat-durand-jeanne');
      await waitUntil(() => root(el).querySelector('.load-error button'), 'no retry offered', { timeout: 8000 });
      expect($(el, '.load-error').getAttribute('role')).to.equal('alert');
      expect($(el, '.load-error').textContent).to.contain('Le serveur du DMP a rencontré une erreur');
      $(el, '.load-error button').focus();
      $(el, '.load-error button').click();
      // The button goes with the error: focus goes on to the heading, not to the page.
      await waitUntil(() => root(el).activeElement?.id === 'panel-title', 'focus was lost with the button');
      await waitUntil(() => root(el).querySelector(`li[data-rpps="${PHARMACIST_DUBOIS.rpps}"]`), 'the retry did not reload', { timeout: 8000 });
    });

    it('says the answer is invalid when the body does not fit its schema', async () => {
      db.faults.add({ method: 'GET', path: '/authorizations', malformed: 'schema' });
      const { el } = await mountInProvider<DmpConsentPanel>(html`<dmp-consent-panel patient-ins=${ADULT}></dmp-consent-panel>`, 'pat-durand-jeanne');
      await waitUntil(() => root(el).querySelector('.load-error'), 'no error shown', { timeout: 8000 });
      expect(shadowText(el)).to.contain('Réponse invalide du serveur');
    });

    it('says the server did not answer in time', async () => {
      const { el, provider } = await mount();
      db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, latencyMs: 2000 });
      provider.requestTimeout = 150;
      await waitUntil(() => root(el).querySelector('.load-error'), 'no timeout shown', { timeout: 8000 });
      expect(shadowText(el)).to.contain('n’a pas répondu à temps');
    });

    it('says the user seems offline when the network fails', async () => {
      db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, network: true });
      const { el } = await mountInProvider<DmpConsentPanel>(html`<dmp-consent-panel patient-ins=${ADULT}></dmp-consent-panel>`, 'pat-durand-jeanne');
      await waitUntil(() => root(el).querySelector('.load-error'), 'no error shown', { timeout: 8000 });
      expect(shadowText(el)).to.contain('hors ligne');
    });
  });

  describe('authorizations', () => {
    it('revokes after confirmation: request then changed events, server updated and logged, focus kept in the section', async () => {
      const { el, provider } = await mount();
      const trigger = button(rowOf(el, PHARMACIST_DUBOIS.rpps), 'revoke');
      const requested = oneEvent(el, 'dmp-authorization-change-request');
      const changed = oneEvent(el, 'dmp-authorization-changed');
      const published = oneEvent(provider, 'dmp-data-changed');
      trigger.click();
      await confirmDialog(el);
      const request = await requested;
      expect(request.cancelable).to.equal(true);
      expect(request.detail.change).to.equal('revoke');
      expect(request.detail.professional.rpps).to.equal(PHARMACIST_DUBOIS.rpps);
      const done = (await changed).detail as AuthorizationChangeDetail;
      expect(done).to.deep.include({ ins: ADULT, change: 'revoke' });
      expect(request.detail.ins).to.equal(ADULT);
      expect((await published).detail).to.deep.include({ topics: ['authorizations', 'history'], ins: ADULT });
      await waitUntil(() => !root(el).querySelector(`#authorizations li[data-rpps="${PHARMACIST_DUBOIS.rpps}"]`));
      expect(record().authorized.map((a) => a.rpps)).not.to.include(PHARMACIST_DUBOIS.rpps);
      expect(lastLog()).to.deep.include({ action: 'authorization.manage', outcome: 'allowed' });
      expect(shadowText(el)).to.contain('L’autorisation de Marc Dubois est retirée');
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'authorizations-title', 'focus was lost');
    });

    it('leaves focus where the user went while a revocation was saved: another field of the panel, or the host page', async () => {
      const { el } = await mount();
      const field = document.createElement('input');
      field.setAttribute('aria-label', 'Note de l’intranet');
      document.body.append(field);
      try {
        for (const [rpps, elsewhere] of [
          [PHARMACIST_DUBOIS.rpps, () => $(el, '#notify-email')],
          [DR_BERNARD_CARDIOLOGUE.rpps, () => field],
        ] as const) {
          db.faults.add({ method: 'POST', path: '/authorizations', latencyMs: 300, times: 1 });
          const trigger = button(rowOf(el, rpps), 'revoke');
          trigger.click();
          await confirmDialog(el);
          // The dialog gives focus back to the button first; the user then goes elsewhere.
          await waitUntil(() => root(el).activeElement === trigger, 'focus never came back to the button');
          const target = elsewhere();
          target.focus();
          await waitUntil(() => !root(el).querySelector(`#authorizations li[data-rpps="${rpps}"]`), 'the row stayed', { timeout: 8000 });
          await el.updateComplete;
          const active = target === field ? document.activeElement : root(el).activeElement;
          expect(active === target, `focus went to ${active?.id || active?.localName}`).to.equal(true);
        }
      } finally {
        field.remove();
      }
    });

    it('promises a revoked professional no emergency access the patient opposed, and the emergency access otherwise', async () => {
      const revokeText = async (el: DmpConsentPanel) => {
        button(rowOf(el, PHARMACIST_DUBOIS.rpps), 'revoke').click();
        const dialog = $<HTMLDialogElement>(el, 'dialog');
        await waitUntil(() => dialog.open, 'the confirmation dialog never opened');
        const text = dialog.textContent!;
        await confirmDialog(el, 'cancel');
        return text;
      };
      const opposed = await mount('pat-benali-karim', OPPOSED);
      expect(await revokeText(opposed.el)).to.contain('Marc Dubois ne pourra plus accéder au dossier').and.not.contain('sauf en cas d’urgence');
      opposed.provider.remove();
      const { el } = await mount();
      expect(await revokeText(el)).to.contain('Marc Dubois ne pourra plus accéder au dossier, sauf en cas d’urgence');
      // Opposed here and now: the dialog follows what the panel just saved.
      $<HTMLInputElement>(el, '#oppose-breakGlass').click();
      await waitUntil(() => record().oppositions.breakGlass && $(el, '#oppositions').textContent!.includes('Votre choix est enregistré'), 'the opposition was never saved');
      expect(await revokeText(el)).to.contain('Marc Dubois ne pourra plus accéder au dossier').and.not.contain('sauf en cas d’urgence');
    });

    it('says a change waits while the section still saves the one before, and sends only the first', async () => {
      const { el } = await mount();
      const release = hold('post', 'authorizations');
      let asked = 0;
      el.addEventListener('dmp-authorization-change-request', () => (asked += 1));
      button(rowOf(el, PHARMACIST_DUBOIS.rpps), 'revoke').click();
      await confirmDialog(el);
      await waitUntil(() => asked === 1, 'the first change was never asked');
      const other = [...root(el).querySelectorAll<HTMLElement>('#authorizations li[data-rpps]')].find((row) => row.dataset.rpps !== PHARMACIST_DUBOIS.rpps)!;
      button(other, 'block').click();
      await el.updateComplete;
      expect($<HTMLDialogElement>(el, 'dialog').open, 'a question asked while the section saves').to.equal(false);
      expect(shadowText(el)).to.contain('Une modification précédente est en cours d’enregistrement : réessayez dans un instant.');
      release();
      await waitUntil(() => shadowText(el).includes('L’autorisation de Marc Dubois est retirée'), 'the first change never ended');
      expect(asked).to.equal(1);
      expect(record().blocked.map((b) => b.rpps)).not.to.include(other.dataset.rpps);
    });

    it('drops a question left open when the session ends, and asks again afterwards', async () => {
      const { el, provider } = await mount();
      button(rowOf(el, PHARMACIST_DUBOIS.rpps), 'revoke').click();
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open, 'the confirmation dialog never opened');
      provider.sessionTimeout = 0.2;
      await waitUntil(() => shadowText(el).includes('Session expirée'), 'the session never ended');
      provider.sessionTimeout = 1800;
      provider.resume();
      await loaded(el);
      expect(record().authorized.map((a) => a.rpps)).to.include(PHARMACIST_DUBOIS.rpps);
      button(rowOf(el, PHARMACIST_DUBOIS.rpps), 'revoke').click();
      await confirmDialog(el);
      await waitUntil(() => !record().authorized.some((a) => a.rpps === PHARMACIST_DUBOIS.rpps), 'the revocation asked again never ran');
    });

    it('does not carry a confirmation asked about one patient over to the next', async () => {
      const { el } = await mount();
      button(rowOf(el, PHARMACIST_DUBOIS.rpps), 'block').click();
      const dialog = $<HTMLDialogElement>(el, 'dialog');
      await waitUntil(() => dialog.open, 'the confirmation dialog never opened');
      const before = db.logOf(MINOR).length;
      el.patientIns = MINOR;
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
      await loaded(el);
      expect(record(MINOR).blocked.map((b) => b.rpps)).not.to.include(PHARMACIST_DUBOIS.rpps);
      expect(db.logOf(MINOR).slice(before).map((l) => l.action)).not.to.include('authorization.manage');
    });

    it('changes nothing when the dialog is cancelled, and gives focus back to the trigger', async () => {
      const { el } = await mount();
      const before = db.logOf(ADULT).length;
      const trigger = button(rowOf(el, PHARMACIST_DUBOIS.rpps), 'revoke');
      trigger.focus();
      trigger.click();
      await confirmDialog(el, 'cancel');
      expect(el.shadowRoot!.activeElement).to.equal(trigger);
      // Reads still under way from the first load may log meanwhile: no change may.
      expect(db.logOf(ADULT).slice(before).map((l) => l.action)).not.to.include('authorization.manage');
      expect(record().authorized.map((a) => a.rpps)).to.include(PHARMACIST_DUBOIS.rpps);
    });

    it('sends nothing when the host vetoes the change', async () => {
      const { el } = await mount();
      const before = db.logOf(ADULT).length;
      let changed = false;
      el.addEventListener('dmp-authorization-change-request', (e) => e.preventDefault());
      el.addEventListener('dmp-authorization-changed', () => (changed = true));
      const requested = oneEvent(el, 'dmp-authorization-change-request');
      button(rowOf(el, PHARMACIST_DUBOIS.rpps), 'block').click();
      await confirmDialog(el);
      expect((await requested).defaultPrevented).to.equal(true);
      await el.updateComplete;
      // A request under way would show at once: the section is busy from the moment it sends.
      expect($(el, '#authorizations').getAttribute('aria-busy')).to.equal('false');
      expect(changed).to.equal(false);
      // Reads still under way from the first load may log meanwhile: no change may.
      expect(db.logOf(ADULT).slice(before).map((l) => l.action)).not.to.include('authorization.manage');
      expect(record().blocked.map((b) => b.rpps)).not.to.include(PHARMACIST_DUBOIS.rpps);
    });

    it('blocks a professional: their next document list is refused as blocked, and that refusal is logged', async () => {
      const { el } = await mount();
      const changed = oneEvent(el, 'dmp-authorization-changed');
      button(rowOf(el, PHARMACIST_DUBOIS.rpps), 'block').click();
      await confirmDialog(el);
      expect((await changed).detail.change).to.equal('block');
      await waitUntil(() => root(el).querySelector(`li[data-rpps="${PHARMACIST_DUBOIS.rpps}"] button[data-change="unblock"]`));
      let refusal: DmpError | undefined;
      try {
        await clientAs(PHARMACIST_DUBOIS.id).listDocuments(ADULT);
      } catch (error) {
        refusal = error as DmpError;
      }
      expect(refusal?.kind).to.equal('forbidden');
      expect(refusal?.reason).to.equal('blocked');
      expect(lastLog()).to.deep.include({ action: 'document.list', outcome: 'denied', reason: 'blocked' });
      expect(lastLog().actor.rpps).to.equal(PHARMACIST_DUBOIS.rpps);
    });

    it('unblocks a blocked professional, saying an authorization is needed again', async () => {
      const { el } = await mount();
      button(rowOf(el, DR_RENARD_BLOCKED.rpps), 'unblock').click();
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open);
      expect($(el, 'dialog').textContent).to.contain('il lui faudra de nouveau votre autorisation');
      await confirmDialog(el);
      await waitUntil(() => !root(el).querySelector(`li[data-rpps="${DR_RENARD_BLOCKED.rpps}"]`));
      expect(record().blocked).to.deep.equal([]);
    });

    it('tells the patient that unblocking her médecin traitant gives him his access back at once', async () => {
      const { el } = await mount();
      button(rowOf(el, DR_MARTIN_TRAITANT.rpps), 'block').click();
      await confirmDialog(el);
      const unblock = `li[data-rpps="${DR_MARTIN_TRAITANT.rpps}"] button[data-change="unblock"]`;
      await waitUntil(() => root(el).querySelector(unblock), 'no unblock button');
      $(el, unblock).click();
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open);
      expect($(el, 'dialog').textContent).to.contain('il retrouvera aussitôt son accès au dossier, en tant que médecin traitant').and.not.contain('votre autorisation');
      await confirmDialog(el);
      await waitUntil(() => !root(el).querySelector(unblock), 'still blocked');
      expect((await clientAs(DR_MARTIN_TRAITANT.id).listDocuments(ADULT)).items.length).to.be.greaterThan(0);
    });

    it('searches the directory by name (debounced) and authorizes the professional found', async () => {
      const { el } = await mount();
      input(el, '#search', 'mor');
      input(el, '#search', 'morel');
      await waitUntil(() => root(el).querySelector(`.results li[data-rpps="${DR_MOREL_URGENTISTE.rpps}"]`), 'no search result', { timeout: 4000 });
      const result = rowOf(el, DR_MOREL_URGENTISTE.rpps, '.results');
      expect(result.textContent).to.contain('Karine Morel').and.contain('Service des urgences');
      const changed = oneEvent(el, 'dmp-authorization-changed');
      button(result, 'grant').click();
      await confirmDialog(el);
      const detail = (await changed).detail;
      expect(detail.change).to.equal('grant');
      expect(detail.professional.rpps).to.equal(DR_MOREL_URGENTISTE.rpps);
      expect(record().authorized.map((a) => a.rpps)).to.include(DR_MOREL_URGENTISTE.rpps);
      await waitUntil(() => root(el).querySelector(`#authorizations > ul li[data-rpps="${DR_MOREL_URGENTISTE.rpps}"]`));
      expect($<HTMLInputElement>(el, '#search').value).to.equal('');
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'search', 'focus did not go back to the search');
    });

    it('marks search results that already have a standing, without offering to authorize them', async () => {
      const { el } = await mount();
      input(el, '#search', 'Dubois');
      await waitUntil(() => root(el).querySelector(`.results li[data-rpps="${PHARMACIST_DUBOIS.rpps}"]`), 'no search result', { timeout: 4000 });
      const result = rowOf(el, PHARMACIST_DUBOIS.rpps, '.results');
      expect(result.textContent).to.contain('déjà autorisé');
      expect(result.querySelector('button')).to.equal(null);
    });

    it('validates an RPPS typed as digits and says why it is wrong, searching only a valid one', async () => {
      const { el } = await mount();
      input(el, '#search', '1001823');
      await el.updateComplete;
      expect($(el, '#search-hint').textContent).to.contain('11 chiffres');
      expect($(el, '#search').getAttribute('aria-invalid')).to.equal('true');
      input(el, '#search', '10018239574');
      await el.updateComplete;
      expect($(el, '#search-hint').textContent).to.contain('clé du numéro RPPS ne correspond pas');
      expect(root(el).querySelector('.results')).to.equal(null);
      input(el, '#search', '1001 8239 573');
      await waitUntil(() => root(el).querySelector(`.results li[data-rpps="${DR_MOREL_URGENTISTE.rpps}"]`), 'no result for a valid RPPS', { timeout: 4000 });
      expect($(el, '#search').getAttribute('aria-invalid')).to.equal('false');
    });

    it('says in one live region, there from the start, that a search runs, and how many professionals match, none included', async () => {
      const { el } = await mount();
      const region = $(el, '.search [role="status"]');
      expect(region.textContent).to.equal('');
      input(el, '#search', 'Zzyzx');
      await waitUntil(() => region.textContent === 'Recherche…', 'the search was never said to run');
      await waitUntil(() => shadowText(el).includes('Aucun professionnel ne correspond'), 'no empty result', { timeout: 4000 });
      expect($(el, '.search [role="status"]') === region, 'the live region was replaced, and may not be read').to.equal(true);
      expect(region.textContent).to.equal('Aucun professionnel ne correspond à cette recherche.');
      input(el, '#search', 'Morel');
      await waitUntil(() => root(el).querySelector('.results li'), 'no result', { timeout: 4000 });
      const found = root(el).querySelectorAll('.results li').length;
      expect(region.textContent).to.equal(found === 1 ? '1 professionnel trouvé.' : `${found} professionnels trouvés.`);
    });

    it('keeps the list as the server has it and says the change was not saved when the POST fails', async () => {
      const { el } = await mount();
      db.faults.add({ method: 'POST', path: '/authorizations', status: 500 });
      let changed = false;
      el.addEventListener('dmp-authorization-changed', () => (changed = true));
      button(rowOf(el, PHARMACIST_DUBOIS.rpps), 'revoke').click();
      await confirmDialog(el);
      await waitUntil(() => root(el).querySelector('#authorizations [role="alert"] p'), 'no failure shown');
      expect($(el, '#authorizations [role="alert"]').textContent).to.contain('La modification n’a pas été enregistrée');
      expect(rowOf(el, PHARMACIST_DUBOIS.rpps)).to.exist;
      expect(changed).to.equal(false);
      expect(record().authorized.map((a) => a.rpps)).to.include(PHARMACIST_DUBOIS.rpps);
    });

    it('asks an open question again in the language chosen meanwhile', async () => {
      const { el, provider } = await mount();
      button(rowOf(el, PHARMACIST_DUBOIS.rpps), 'revoke').click();
      const dialog = $<HTMLDialogElement>(el, 'dialog');
      await waitUntil(() => dialog.open, 'the confirmation dialog never opened');
      provider.locale = 'en';
      await waitUntil(() => shadowText(el).startsWith('DMP management'), 'the English strings never loaded');
      expect($(el, '#confirm-title').textContent).to.equal('Withdraw the authorization of Marc Dubois?');
      expect($(el, 'dialog button[value="confirm"]').textContent?.trim()).to.equal('Withdraw authorization');
      await confirmDialog(el, 'cancel');
    });

    it('is operable with the keyboard: Enter opens the dialog, Escape closes it and focus returns', async () => {
      const { el } = await mount();
      const trigger = button(rowOf(el, PHARMACIST_DUBOIS.rpps), 'revoke');
      trigger.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = $<HTMLDialogElement>(el, 'dialog');
      await waitUntil(() => dialog.open);
      expect(dialog.textContent).to.contain('Retirer l’autorisation de Marc Dubois ?');
      expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Annuler');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open);
      expect(el.shadowRoot!.activeElement).to.equal(trigger);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog.open);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !record().authorized.some((a) => a.rpps === PHARMACIST_DUBOIS.rpps), 'the keyboard confirmation did not revoke');
    });

    it('renders a professional’s name as text', async () => {
      db.professionals.push({ ...DR_MOREL_URGENTISTE, id: 'ps-xss', firstName: XSS, lastName: 'Pirate' });
      record().authorized.push({ rpps: DR_MOREL_URGENTISTE.rpps, since: '2026-01-01T00:00:00.000Z' });
      db.professionals = db.professionals.filter((p) => p.id !== DR_MOREL_URGENTISTE.id);
      const { el } = await mount();
      expect(rowOf(el, DR_MOREL_URGENTISTE.rpps).textContent).to.contain(`${XSS} Pirate`);
      expect(root(el).querySelector('img')).to.equal(null);
    });

    it('reloads when another element changed the authorizations of this dossier', async () => {
      const { el, provider } = await mount();
      record().authorized = record().authorized.filter((a) => a.rpps !== PHARMACIST_DUBOIS.rpps);
      provider.notifyDataChanged(['authorizations'], ADULT);
      await waitUntil(() => !root(el).querySelector(`li[data-rpps="${PHARMACIST_DUBOIS.rpps}"]`), 'the panel did not reload');
    });
  });

  describe('oppositions', () => {
    it('tells the patient about themselves, and a legal representative about the patient', async () => {
      const hints = (el: DmpConsentPanel) => $(el, '#oppositions').textContent!.replace(/\s+/g, ' ');
      const own = await mount();
      expect(hints(own.el)).to.contain('même si votre état présente un risque immédiat').and.contain('un appel au 15 vous concernant');
      expect($(own.el, 'label[for="rep-relationship"]').textContent).to.equal('Lien avec vous');
      const { el } = await mount('rep-moreau-sophie', MINOR);
      expect(hints(el)).to.contain('même si l’état du patient présente un risque immédiat et qu’il ne peut pas donner son accord');
      expect(hints(el)).to.contain('un appel au 15 concernant le patient').and.not.contain('votre état');
      expect($(el, 'label[for="rep-relationship"]').textContent).to.equal('Lien avec le patient');
      // Who authorizes and blocks for the patient, as the panel's confirmations tell them.
      expect($(el, '#authorizations').textContent).to.contain('même avec votre accord');
    });

    it('sets an opposition at once, logged, and fires dmp-opposition-changed with both oppositions', async () => {
      const { el, provider } = await mount();
      const box = $<HTMLInputElement>(el, '#oppose-breakGlass');
      expect(box.checked).to.equal(false);
      const published = oneEvent(provider, 'dmp-data-changed');
      expect(root(el).querySelector('label[for="oppose-breakGlass"]')!.textContent).to.contain('bris de glace');
      expect(root(el).querySelector('label[for="oppose-regulation"]')!.textContent).to.contain('SAMU (Centre 15)');
      const changed = oneEvent(el, 'dmp-opposition-changed');
      box.click();
      expect((await changed).detail).to.deep.equal({ ins: ADULT, oppositions: { breakGlass: true, regulation: false } });
      expect(record().oppositions).to.deep.equal({ breakGlass: true, regulation: false });
      expect((await published).detail).to.deep.include({ topics: ['settings', 'history'], ins: ADULT });
      expect(lastLog()).to.deep.include({ action: 'opposition.manage', outcome: 'allowed' });
      expect(box.checked).to.equal(true);
    });

    it('is operable with the keyboard (Space)', async () => {
      const { el } = await mount();
      $(el, '#oppose-regulation').focus();
      const changed = oneEvent(el, 'dmp-opposition-changed');
      await sendKeys({ press: 'Space' });
      expect((await changed).detail.oppositions.regulation).to.equal(true);
    });

    for (const fault of [{ status: 500 }, { network: true }] as const) {
      it(`shows what the server has and says the change was not saved (${'status' in fault ? '500' : 'network'})`, async () => {
        const { el } = await mount();
        db.faults.add({ method: 'PUT', path: '/oppositions', ...fault });
        const box = $<HTMLInputElement>(el, '#oppose-breakGlass');
        box.click();
        await waitUntil(() => root(el).querySelector('#oppositions [role="alert"] p'), 'no failure shown', { timeout: 8000 });
        expect($(el, '#oppositions [role="alert"]').textContent).to.contain('n’a pas été enregistrée');
        expect(box.checked).to.equal(false);
        expect(record().oppositions.breakGlass).to.equal(false);
      });
    }
    it('shows the opposition the server holds after a change it made but answered unreadably', async () => {
      // A gateway that records the opposition, then garbles its answer.
      worker.use(
        http.put('*/api/dmp/v1/dossiers/:ins/oppositions', async ({ request }) => {
          await getResponse(handlers, request);
          return HttpResponse.json({ breakGlass: 'oui' });
        }),
      );
      const { el } = await mount();
      const box = $<HTMLInputElement>(el, '#oppose-breakGlass');
      box.click();
      await waitUntil(() => root(el).querySelector('#oppositions [role="alert"] p'), 'no failure shown', { timeout: 8000 });
      expect($(el, '#oppositions [role="alert"]').textContent).to.contain('a sans doute eu lieu');
      expect(record().oppositions.breakGlass).to.equal(true);
      await waitUntil(() => $<HTMLInputElement>(el, '#oppose-breakGlass').checked, 'the box says the patient is not opposed, as the server no longer does');
    });
  });

  describe('a change made meanwhile on another screen', () => {
    /** The patient on her phone, while the panel is open here. */
    const phone = () => new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: () => ({ Authorization: 'Bearer pat-durand-jeanne' }) });

    it('shows the dossier closed after a closure the server made but answered unreadably, and tells the other elements', async () => {
      // A gateway that closes the dossier, then garbles its answer.
      worker.use(
        http.post('*/api/dmp/v1/dossiers/:ins/close', async ({ request }) => {
          await getResponse(handlers, request);
          return HttpResponse.json({ status: 'fermé' });
        }),
      );
      const { el, provider } = await mount();
      input(el, '#close-reason', 'Je ne souhaite plus utiliser mon DMP.');
      input(el, '#close-word', 'FERMER');
      const published = oneEvent(provider, 'dmp-data-changed');
      $(el, '#close button[type="submit"]').click();
      expect((await published).detail).to.deep.include({ ins: ADULT });
      expect(record().status).to.equal('closed');
      await waitUntil(() => root(el).querySelector('.notice--closed button'), 'the panel still shows an active dossier', { timeout: 8000 });
      expect(root(el).querySelector('.load-error')).to.equal(null);
    });

    it('shows the dossier closed when a change is refused because it was closed on another screen, and still says the change was not made', async () => {
      const { el } = await mount();
      await phone().closeDossier(ADULT, 'Fermé depuis le téléphone.');
      $<HTMLInputElement>(el, '#oppose-breakGlass').focus();
      $<HTMLInputElement>(el, '#oppose-breakGlass').click();
      await waitUntil(() => root(el).querySelector('.notice--closed'), 'the panel still offers the forms of an active dossier', { timeout: 8000 });
      expect($(el, '.notice--closed').textContent).to.contain('Fermé depuis le téléphone.');
      expect(root(el).querySelector('#oppositions')).to.equal(null);
      // The section the change was asked from went with the reload: its refusal stands by the
      // closure, in short, and the focus the user had in it goes to the dossier's status.
      expect($(el, '.notice--closed [role="alert"]').textContent?.trim()).to.equal('La modification n’a pas été enregistrée : le dossier a été fermé entre-temps.');
      await waitUntil(() => root(el).activeElement?.id === 'dossier-status', 'the focus did not go to the dossier’s status');
    });

    it('is not undone by an opposition ticked here: refused, said, and the current state shown', async () => {
      const { el } = await mount();
      await phone().setOppositions(ADULT, { breakGlass: false, regulation: true });
      $<HTMLInputElement>(el, '#oppose-breakGlass').click();
      await waitUntil(() => root(el).querySelector('#oppositions [role="alert"] p'), 'no failure shown', { timeout: 8000 });
      expect($(el, '#oppositions [role="alert"]').textContent).to.contain('changé entre-temps sur un autre écran');
      expect(record().oppositions).to.deep.equal({ breakGlass: false, regulation: true });
      await waitUntil(() => $<HTMLInputElement>(el, '#oppose-regulation').checked, 'the opposition made on the phone is not shown');
      expect($<HTMLInputElement>(el, '#oppose-breakGlass').checked).to.equal(false);
      const changed = oneEvent(el, 'dmp-opposition-changed');
      $<HTMLInputElement>(el, '#oppose-breakGlass').click();
      expect((await changed).detail).to.deep.equal({ ins: ADULT, oppositions: { breakGlass: true, regulation: true } });
      expect(record().oppositions).to.deep.equal({ breakGlass: true, regulation: true });
    });

    it('is not undone by preferences saved here: refused, and what was typed stays, over what the other screen changed', async () => {
      const { el } = await mount();
      const onPhone = await phone().getNotificationPreferences(ADULT);
      // The phone stops the e-mail for new documents and changes the address; here the user asks
      // for SMS for new documents and types another address.
      await phone().setNotificationPreferences(ADULT, { ...onPhone, email: 'telephone@example.org', newDocument: { email: false, sms: false } });
      input(el, '#notify-email', 'nouvelle@example.org');
      $<HTMLInputElement>(el, '#newDocument-sms').click();
      $(el, '#notifications button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('#notifications [role="alert"] p'), 'no failure shown', { timeout: 8000 });
      expect($(el, '#notifications [role="alert"]').textContent).to.contain('changé entre-temps sur un autre écran');
      expect(record().notificationPreferences.email).to.equal('telephone@example.org');
      // Each value keeps the side that changed it; an address both changed shows the other's.
      await waitUntil(() => !$<HTMLInputElement>(el, '#newDocument-email').checked, 'the channel the phone turned off is not shown');
      expect($<HTMLInputElement>(el, '#newDocument-sms').checked).to.equal(true);
      expect($<HTMLInputElement>(el, '#notify-email').value).to.equal('nouvelle@example.org');
      expect($(el, '#notify-email-hint').textContent).to.contain('Enregistré entre-temps sur un autre écran : telephone@example.org');
      await expect(el).to.be.accessible();
      $(el, '#notifications button[type="submit"]').click();
      await waitUntil(() => record().notificationPreferences.email === 'nouvelle@example.org', 'the second save, made knowingly, was refused too', { timeout: 8000 });
      expect(record().notificationPreferences.newDocument).to.deep.equal({ email: false, sms: true });
      await waitUntil(() => root(el).querySelector('#notify-email-hint') === null, 'the other screen’s value is still shown after the save');
    });

    it('keeps the sections, what was typed and the refusal on screen when the reload it starts fails, and retries it', async () => {
      const { el } = await mount();
      const onPhone = await phone().getNotificationPreferences(ADULT);
      await phone().setNotificationPreferences(ADULT, { ...onPhone, email: 'telephone@example.org' });
      // The reload the refusal starts finds the network gone.
      db.faults.add({ method: 'GET', path: '/notification-preferences', network: true });
      $(el, '#notify-email').focus();
      input(el, '#notify-email', 'nouvelle@example.org');
      $(el, '#notifications button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('.load-error'), 'the reload never failed', { timeout: 8000 });
      expect($(el, '.load-error').getAttribute('role')).to.equal('alert');
      expect($(el, '.load-error').textContent).to.contain('hors ligne');
      expect(root(el).querySelector<HTMLInputElement>('#notify-email')?.value ?? null).to.equal('nouvelle@example.org');
      expect(root(el).querySelector('#notifications [role="alert"]')?.textContent ?? null).to.contain('changé entre-temps sur un autre écran');
      expect(root(el).activeElement?.id ?? null).to.equal('notify-email');
      await expect(el).to.be.accessible();
      db.faults.clear();
      $(el, '.load-error button').click();
      await waitUntil(
        () => root(el).querySelector('#notify-email-hint')?.textContent?.includes('telephone@example.org') ?? false,
        'the retry never brought the address saved on the other screen',
        { timeout: 8000 },
      );
      expect(root(el).querySelector('.load-error') === null).to.equal(true);
      expect($<HTMLInputElement>(el, '#notify-email').value).to.equal('nouvelle@example.org');
    });
  });

  describe('saving the preferences twice', () => {
    it('says a second save waits for the first, and that what was typed since is still to save', async () => {
      const { el } = await mount();
      const release = hold('put', 'notification-preferences');
      input(el, '#notify-email', 'premiere@example.org');
      $(el, '#notifications button[type="submit"]').click();
      await waitUntil(() => $(el, '#notifications').getAttribute('aria-busy') === 'true', 'the first save never started');
      input(el, '#notify-email', 'seconde@example.org');
      $(el, '#notifications button[type="submit"]').click();
      await el.updateComplete;
      expect(shadowText(el)).to.contain('Une modification précédente est en cours d’enregistrement : réessayez dans un instant.');
      release();
      await waitUntil(() => shadowText(el).includes('ce que vous avez saisi depuis reste à enregistrer'), 'the first save never ended');
      expect(record().notificationPreferences.email).to.equal('premiere@example.org');
      expect($<HTMLInputElement>(el, '#notify-email').value).to.equal('seconde@example.org');
    });
  });

  describe('a phone number typed as printed, against the one stored in international form', () => {
    const draftOf = (phone: string) => ({ ...preferencesDraft(record().notificationPreferences), phone });

    it('is the same number: not shown as saved on another screen, and not kept over a change made there', () => {
      const typed = draftOf('06 39 98 01 99');
      expect(changedOnBothSides(typed, draftOf('+33600000000'), draftOf('+33639980199'))).to.deep.equal({});
      expect(rebasePreferences(typed, draftOf('+33639980199'), draftOf('+33611111111')).phone).to.equal('+33611111111');
      expect(changedOnBothSides(draftOf('06 11 11 11 11'), draftOf('+33600000000'), draftOf('+33639980199'))).to.deep.equal({ phone: '+33639980199' });
      // So is an address with a space typed after it: the change made elsewhere is taken.
      const address = (email: string) => ({ ...draftOf('+33600000000'), email });
      expect(rebasePreferences(address('a@example.org '), address('a@example.org'), address('c@example.org')).email).to.equal('c@example.org');
    });
  });

  describe('notification preferences', () => {
    it('saves the contact and the channels with an explicit Save', async () => {
      const { el } = await mount();
      expect($<HTMLInputElement>(el, '#notify-email').value).to.equal('jeanne.durand@example.org');
      input(el, '#notify-email', 'jeanne.d@example.org');
      input(el, '#notify-phone', '06 39 98 01 99');
      $(el, '#newDocument-sms').click();
      $(el, '#firstAccess-email').click();
      await el.updateComplete;
      expect(record().notificationPreferences.email).to.equal('jeanne.durand@example.org');
      $(el, '#notifications button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('#notifications [role="status"] p'), 'never saved');
      expect(record().notificationPreferences).to.deep.equal({
        email: 'jeanne.d@example.org',
        phone: '+33639980199',
        newDocument: { email: true, sms: true },
        firstAccess: { email: false, sms: true },
        emergencyAccess: { email: true, sms: true },
      });
      expect(lastLog()).to.deep.include({ action: 'notification.manage', outcome: 'allowed' });
      expect($<HTMLInputElement>(el, '#notify-phone').value).to.equal('+33639980199');
    });

    it('shows each invalid field and sends nothing', async () => {
      const { el } = await mount();
      const before = db.logOf(ADULT).length;
      // Before any error: the phone points at its example, the address at nothing.
      expect($(el, '#notify-phone').getAttribute('aria-describedby')).to.equal('notify-phone-hint');
      expect($(el, '#notify-email').hasAttribute('aria-describedby')).to.equal(false);
      input(el, '#notify-email', 'not-an-address');
      input(el, '#notify-phone', '01 23 45 67 89');
      $(el, '#notifications button[type="submit"]').click();
      // The checks load with the first submission: wait for what the user sees.
      await waitUntil(() => $(el, '#notify-email').getAttribute('aria-invalid') === 'true', 'the invalid address was never marked');
      expect($(el, '#notify-email-error').textContent).to.contain('Adresse e-mail invalide');
      expect($(el, '#notify-phone').getAttribute('aria-describedby')).to.equal('notify-phone-error');
      expect($(el, '#notify-phone-error').textContent).to.contain('06 ou 07');
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'notify-email');
      // Reads still under way from the first load may log meanwhile: no change may.
      expect(db.logOf(ADULT).slice(before).map((l) => l.action)).not.to.include('notification.manage');
      await expect(el).to.be.accessible();
    });

    it('keeps what was typed and says it was not saved when the PUT fails', async () => {
      const { el } = await mount();
      db.faults.add({ method: 'PUT', path: '/notification-preferences', network: true });
      input(el, '#notify-email', 'nouvelle@example.org');
      $(el, '#notifications button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('#notifications [role="alert"] p'), 'no failure shown');
      expect($(el, '#notifications [role="alert"]').textContent).to.contain('hors ligne');
      expect($<HTMLInputElement>(el, '#notify-email').value).to.equal('nouvelle@example.org');
      expect(record().notificationPreferences.email).to.equal('jeanne.durand@example.org');
    });

    it('says a failure shown before the language changed in the new language', async () => {
      const { el, provider } = await mount();
      db.faults.add({ method: 'PUT', path: '/notification-preferences', network: true });
      input(el, '#notify-email', 'nouvelle@example.org');
      $(el, '#notifications button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('#notifications [role="alert"] p'), 'no failure shown');
      provider.locale = 'en';
      await waitUntil(() => shadowText(el).startsWith('DMP management'), 'the English strings never loaded');
      expect($(el, '#notifications [role="alert"]').textContent).to.contain('The change was not saved: You seem to be offline');
    });
  });

  it('does not say “not saved” when the server accepted a change but answered unreadably', async () => {
    worker.use(http.put('*/api/dmp/v1/dossiers/:ins/notification-preferences', () => HttpResponse.json({ email: 42 })));
    const { el } = await mount();
    input(el, '#notify-email', 'nouvelle@example.org');
    $(el, '#notifications button[type="submit"]').click();
    await waitUntil(() => root(el).querySelector('#notifications [role="alert"] p'), 'no failure shown');
    expect($(el, '#notifications [role="alert"]').textContent).to.contain('a sans doute eu lieu').and.not.contain('n’a pas été enregistrée');
    expect($<HTMLInputElement>(el, '#notify-email').value).to.equal('nouvelle@example.org');
  });

  describe('typing while a save runs', () => {
    it('keeps notification preferences typed during the save, still to be saved', async () => {
      const release = hold('put', 'notification-preferences');
      const { el } = await mount();
      input(el, '#notify-email', 'premiere@example.org');
      $(el, '#notifications button[type="submit"]').click();
      await waitUntil(() => $(el, '#notifications').getAttribute('aria-busy') === 'true', 'the save never started');
      input(el, '#notify-email', 'seconde@example.org');
      release();
      await waitUntil(() => root(el).querySelector('#notifications [role="status"] p'), 'never saved');
      expect(record().notificationPreferences.email).to.equal('premiere@example.org');
      expect($<HTMLInputElement>(el, '#notify-email').value).to.equal('seconde@example.org');
      $(el, '#notifications button[type="submit"]').click();
      await waitUntil(() => record().notificationPreferences.email === 'seconde@example.org', 'the second address was never saved');
    });

    it('keeps a second representative typed while the first is added', async () => {
      const release = hold('post', 'representatives');
      const { el } = await mount('rep-moreau-sophie', MINOR);
      input(el, '#rep-firstName', 'Marc');
      input(el, '#rep-lastName', 'Moreau');
      $(el, '#representatives button[type="submit"]').click();
      await waitUntil(() => $(el, '#representatives').getAttribute('aria-busy') === 'true', 'the write never started');
      input(el, '#rep-firstName', 'Lucie');
      input(el, '#rep-lastName', 'Moreau');
      release();
      await waitUntil(() => $(el, '#representatives ul').textContent!.includes('Marc Moreau'), 'not added');
      expect($<HTMLInputElement>(el, '#rep-firstName').value).to.equal('Lucie');
      expect($<HTMLInputElement>(el, '#rep-lastName').value).to.equal('Moreau');
    });
  });

  describe('a change of patient or user during a write', () => {
    it('announces an opposition for the patient it was written for, and tells the next patient nothing', async () => {
      const release = hold('put', 'oppositions');
      const { el, provider } = await mount('rep-moreau-sophie', MINOR);
      const published = oneEvent(provider, 'dmp-data-changed');
      const changed = oneEvent(el, 'dmp-opposition-changed');
      $<HTMLInputElement>(el, '#oppose-breakGlass').click();
      await waitUntil(() => $(el, '#oppose-breakGlass').hasAttribute('disabled') || root(el).querySelector('[aria-busy="true"]'), 'the write never started');
      el.patientIns = ADULT;
      await el.updateComplete;
      release();
      expect((await published).detail).to.deep.include({ topics: ['settings', 'history'], ins: MINOR });
      // Heard from an element that shows the adult by now: the detail says whose it was.
      expect((await changed).detail).to.deep.equal({ ins: MINOR, oppositions: { breakGlass: true, regulation: false } });
      expect(record(MINOR).oppositions.breakGlass).to.equal(true);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(shadowText(el)).not.to.contain('Votre choix est enregistré');
    });

    it('tells the first patient’s elements of an opposition answered unreadably once another patient was shown', async () => {
      // A gateway that records the opposition, then garbles its answer, slowly.
      worker.use(
        http.put(
          '*/api/dmp/v1/dossiers/:ins/oppositions',
          async ({ request }) => {
            await new Promise((resolve) => setTimeout(resolve, 400));
            const stored = await getResponse(handlers, request);
            return HttpResponse.json({ breakGlass: 'oui' }, { status: stored?.status ?? 500 });
          },
          { once: true },
        ),
      );
      const { el, provider } = await mount('rep-moreau-sophie', MINOR);
      const changes: Array<string | undefined> = [];
      provider.addEventListener('dmp-data-changed', (e) => changes.push((e as CustomEvent<{ ins?: string }>).detail.ins));
      $<HTMLInputElement>(el, '#oppose-breakGlass').click();
      await waitUntil(() => root(el).querySelector('[aria-busy="true"]'), 'the write never started');
      el.patientIns = ADULT;
      await waitUntil(() => changes.includes(MINOR), 'the first patient’s elements were never told', { timeout: 5000 });
      expect(record(MINOR).oppositions.breakGlass).to.equal(true);
    });

    /** The mother adds Marc; the host shows another patient while it is sent, then her child again. */
    async function addMarcAcrossAnotherPatient(el: DmpConsentPanel): Promise<void> {
      input(el, '#rep-firstName', 'Marc');
      input(el, '#rep-lastName', 'Moreau');
      $(el, '#representatives button[type="submit"]').click();
      await waitUntil(() => $(el, '#representatives').getAttribute('aria-busy') === 'true', 'the write never started');
      el.patientIns = ADULT;
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 700));
      // Not said over the other patient's panel.
      expect(shadowText(el)).not.to.contain('n’a pas été enregistrée');
      el.patientIns = MINOR;
      await loaded(el);
      await waitUntil(() => root(el).querySelector('#rep-firstName'), 'no representatives form');
    }

    it('keeps a representative whose addition failed once another patient was shown, and says why when that patient is shown again', async () => {
      db.faults.add({ method: 'POST', path: '/representatives', latencyMs: 400, status: 503, times: 1 });
      const { el } = await mount('rep-moreau-sophie', MINOR);
      await addMarcAcrossAnotherPatient(el);
      expect([$<HTMLInputElement>(el, '#rep-firstName').value, $<HTMLInputElement>(el, '#rep-lastName').value]).to.deep.equal(['Marc', 'Moreau']);
      expect($(el, '#representatives').textContent).to.contain('La modification n’a pas été enregistrée');
      expect(record(MINOR).legalRepresentatives.some((r) => r.firstName === 'Marc')).to.equal(false);
      // Sent again, it goes under the key it was first sent with.
      $(el, '#representatives button[type="submit"]').click();
      await waitUntil(() => $(el, '#representatives ul').textContent!.includes('Marc Moreau'), 'not added');
      // Said once: shown again later, the panel starts afresh.
      el.patientIns = ADULT;
      await el.updateComplete;
      el.patientIns = MINOR;
      await loaded(el);
      await waitUntil(() => root(el).querySelector('#rep-firstName'), 'no representatives form');
      expect($<HTMLInputElement>(el, '#rep-firstName').value).to.equal('');
    });

    it('keeps notification preferences whose save failed once another patient was shown, for when that patient is shown again', async () => {
      db.faults.add({ method: 'PUT', path: '/notification-preferences', latencyMs: 400, network: true, times: 1 });
      const { el } = await mount();
      input(el, '#notify-email', 'nouvelle@example.org');
      $(el, '#notifications button[type="submit"]').click();
      await waitUntil(() => $(el, '#notifications').getAttribute('aria-busy') === 'true', 'the save never started');
      el.patientIns = MINOR;
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 700));
      // Meanwhile the patient changes their phone on another screen.
      record().notificationPreferences.phone = '+33698765432';
      el.patientIns = ADULT;
      await loaded(el);
      await waitUntil(() => root(el).querySelector('#notify-email'), 'no notification form');
      expect($<HTMLInputElement>(el, '#notify-email').value).to.equal('nouvelle@example.org');
      expect($(el, '#notifications').textContent).to.contain('La modification n’a pas été enregistrée');
      expect(record().notificationPreferences.email).not.to.equal('nouvelle@example.org');
      // Saved again, the address goes over what the server holds now: the phone changed elsewhere stays.
      $(el, '#notifications button[type="submit"]').click();
      await waitUntil(() => record().notificationPreferences.email === 'nouvelle@example.org', 'never saved');
      expect(record().notificationPreferences.phone).to.equal('+33698765432');
    });

    it('adds a representative once, whose addition was stored but answered by no one once another patient was shown', async () => {
      // A gateway that stores the person, then loses its answer.
      worker.use(
        http.post(
          '*/api/dmp/v1/dossiers/:ins/representatives',
          async ({ request }) => {
            await new Promise((resolve) => setTimeout(resolve, 400));
            await getResponse(handlers, request);
            return HttpResponse.error();
          },
          { once: true },
        ),
      );
      const { el } = await mount('rep-moreau-sophie', MINOR);
      await addMarcAcrossAnotherPatient(el);
      $(el, '#representatives button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('#representatives [role="status"] p'), 'never added');
      expect(record(MINOR).legalRepresentatives.filter((r) => r.firstName === 'Marc')).to.have.length(1);
    });

    it('keeps what was typed when the host hands over the same user again (an equal actor object)', async () => {
      const { el, provider } = await mount('rep-moreau-sophie', MINOR);
      input(el, '#rep-firstName', 'Marc');
      provider.actor = { ...provider.actor! };
      await provider.updateComplete;
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#rep-firstName').value).to.equal('Marc');
    });
  });

  describe('legal representatives', () => {
    it('shows a gateway’s refusal of a field under that field, keeps what was typed, and drops it once the field changes', async () => {
      worker.use(
        http.post('*/api/dmp/v1/dossiers/:ins/representatives', () =>
          HttpResponse.json(
            { type: 'about:blank', title: 'Requête invalide', status: 400, detail: 'Représentant refusé.', invalidParams: [{ name: 'lastName', reason: 'Nom absent du registre des tutelles.' }, { name: 'relationship', reason: 'Lien non reconnu.' }] },
            { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      );
      const { el } = await mount('rep-moreau-sophie', MINOR);
      input(el, '#rep-firstName', 'Marc');
      input(el, '#rep-lastName', 'Moreaux');
      $(el, '#representatives button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('#rep-lastName-error'), 'the refusal is not shown under its field', { timeout: 8000 });
      expect($(el, '#rep-lastName-error').textContent).to.contain('Nom absent du registre des tutelles.');
      expect($(el, '#rep-lastName').getAttribute('aria-invalid')).to.equal('true');
      expect(root(el).activeElement?.id).to.equal('rep-lastName');
      // A field this form shows no error under: its reason is in the section's message.
      expect($(el, '#representatives [role="alert"]').textContent).to.contain('Lien non reconnu.');
      expect($<HTMLInputElement>(el, '#rep-firstName').value).to.equal('Marc');
      await expect(el).to.be.accessible();
      input(el, '#rep-lastName', 'Moreau');
      await el.updateComplete;
      expect(root(el).querySelector('#rep-lastName-error') === null, 'the refusal stays after the field changed').to.equal(true);
    });

    it('offers an adult no parent as representative: parental authority ends at 18', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await waitUntil(() => root(el).querySelector('#rep-relationship'), 'no representative form');
      const select = $<HTMLSelectElement>(el, '#rep-relationship');
      expect([...select.options].map((o) => o.value)).to.deep.equal(['guardian', 'curator', 'other']);
      // The link shown first is the one sent, untouched.
      input(el, '#rep-firstName', 'Paul');
      input(el, '#rep-lastName', 'Durand');
      $(el, '#representatives button[type="submit"]').click();
      await waitUntil(() => record(ADULT).legalRepresentatives.some((r) => r.firstName === 'Paul'), 'not added');
      expect(record(ADULT).legalRepresentatives.find((r) => r.firstName === 'Paul')!.relationship).to.equal('guardian');
    });

    it('adds and removes a representative of a minor’s dossier (as the mother)', async () => {
      const { el } = await mount('rep-moreau-sophie', MINOR);
      await expect(el).to.be.accessible();
      expect($(el, '#representatives').textContent).to.contain('Sophie Moreau').and.contain('Parent');
      input(el, '#rep-firstName', 'Marc');
      input(el, '#rep-lastName', 'Moreau');
      const select = $<HTMLSelectElement>(el, '#rep-relationship');
      // A curator assists a protected adult, never a minor: not offered here.
      expect([...select.options].map((o) => o.value)).to.deep.equal(['parent', 'guardian', 'other']);
      select.value = 'guardian';
      select.dispatchEvent(new Event('change'));
      $(el, '#representatives button[type="submit"]').click();
      await waitUntil(() => $(el, '#representatives ul').textContent!.includes('Marc Moreau'), 'not added');
      const added = record(MINOR).legalRepresentatives.find((r) => r.firstName === 'Marc')!;
      expect(added).to.deep.include({ lastName: 'Moreau', relationship: 'guardian' });
      expect($<HTMLInputElement>(el, '#rep-firstName').value).to.equal('');
      expect(lastLog(MINOR)).to.deep.include({ action: 'representative.manage', outcome: 'allowed' });

      $(el, `#representatives li[data-id="${added.id}"] button`).click();
      await confirmDialog(el);
      await waitUntil(() => !$(el, '#representatives ul').textContent!.includes('Marc Moreau'), 'not removed');
      expect(record(MINOR).legalRepresentatives.map((r) => r.id)).not.to.include(added.id);
    });

    it('warns a representative removing herself that her own access ends, then shows the refusal, not the minor’s settings', async () => {
      const { el, provider } = await mount('rep-moreau-sophie', MINOR);
      const published = oneEvent(provider, 'dmp-data-changed');
      $(el, '#representatives li[data-id="rep-moreau-sophie"] button').click();
      const dialog = $<HTMLDialogElement>(el, 'dialog');
      await waitUntil(() => dialog.open, 'no confirmation asked');
      expect(dialog.textContent).to.contain('Vous retirer des représentants légaux ?').and.contain('Vous ne pourrez plus gérer ce dossier ni le consulter');
      await confirmDialog(el);
      expect((await published).detail).to.deep.include({ ins: MINOR });
      expect(record(MINOR).legalRepresentatives.map((r) => r.id)).not.to.include('rep-moreau-sophie');
      await waitUntil(() => root(el).querySelector('.load-error'), 'the panel goes on showing the minor’s settings', { timeout: 8000 });
      expect(root(el).querySelector('#oppositions, #notifications, #representatives')).to.equal(null);
    });

    it('keeps focus in the panel, on its title, once a representative who removed herself is refused the dossier', async () => {
      const { el } = await mount('rep-moreau-sophie', MINOR);
      const trigger = $(el, '#representatives li[data-id="rep-moreau-sophie"] button');
      trigger.focus();
      trigger.click();
      await confirmDialog(el);
      await waitUntil(() => root(el).querySelector('.load-error'), 'the refusal never showed', { timeout: 8000 });
      await el.updateComplete;
      await waitUntil(() => document.activeElement !== document.body, 'focus went to the page', { timeout: 2000 });
      expect(document.activeElement).to.equal(el);
      expect(root(el).activeElement?.id).to.equal('panel-title');
    });

    it('shows the validation of each field', async () => {
      const { el } = await mount('rep-moreau-sophie', MINOR);
      input(el, '#rep-firstName', '   ');
      $(el, '#representatives button[type="submit"]').click();
      await waitUntil(() => $(el, '#rep-firstName').getAttribute('aria-invalid') === 'true', 'the empty first name was never marked');
      expect($(el, '#rep-firstName-error').textContent).to.contain('prénom');
      expect($(el, '#rep-lastName-error').textContent).to.contain('nom');
      expect(record(MINOR).legalRepresentatives).to.have.length(1);
    });

    it('keeps the typed identity when adding fails', async () => {
      const { el } = await mount('rep-moreau-sophie', MINOR);
      db.faults.add({ method: 'POST', path: '/representatives', status: 500 });
      input(el, '#rep-firstName', 'Marc');
      input(el, '#rep-lastName', 'Moreau');
      $(el, '#representatives button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('#representatives [role="alert"] p'), 'no failure shown');
      expect($<HTMLInputElement>(el, '#rep-firstName').value).to.equal('Marc');
      expect($<HTMLInputElement>(el, '#rep-lastName').value).to.equal('Moreau');
    });

    it('adds a representative once when the answer to the first addition was lost and the user sends it again', async () => {
      const { el } = await mount('rep-moreau-sophie', MINOR);
      const marcs = () => record(MINOR).legalRepresentatives.filter((r) => r.firstName === 'Marc').length;
      db.faults.add({ method: 'POST', path: '/representatives', answerLost: true, times: 1 });
      input(el, '#rep-firstName', 'Marc');
      input(el, '#rep-lastName', 'Moreau');
      $(el, '#representatives button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('#representatives [role="alert"] p'), 'no failure shown');
      expect(marcs()).to.equal(1);
      expect($<HTMLInputElement>(el, '#rep-firstName').value).to.equal('Marc');
      $(el, '#representatives button[type="submit"]').click();
      await waitUntil(() => $(el, '#representatives ul').textContent!.includes('Marc Moreau'), 'not added');
      expect(marcs()).to.equal(1);
      expect($(el, '#representatives ul').textContent!.match(/Marc Moreau/g)).to.have.length(1);
      expect($<HTMLInputElement>(el, '#rep-firstName').value).to.equal('');
    });

    it('renders a representative’s name as text', async () => {
      const { el } = await mount('rep-moreau-sophie', MINOR);
      input(el, '#rep-firstName', XSS);
      input(el, '#rep-lastName', 'Moreau');
      $(el, '#representatives button[type="submit"]').click();
      await waitUntil(() => $(el, '#representatives ul').textContent!.includes(XSS), 'not added');
      expect(root(el).querySelector('img')).to.equal(null);
    });
  });

  describe('closing and reactivating the dossier', () => {
    it('explains the retention, requires the typed word, then closes and reactivates', async () => {
      const { el } = await mount();
      expect($(el, '#close').textContent).to.contain('conservé dix ans').and.contain('réactivé');
      input(el, '#close-reason', 'Je ne souhaite plus utiliser mon DMP.');
      input(el, '#close-word', 'FERMEZ');
      let requested = false;
      el.addEventListener('dmp-dossier-close-request', () => (requested = true));
      $(el, '#close button[type="submit"]').click();
      await waitUntil(() => $(el, '#close-word').getAttribute('aria-invalid') === 'true', 'the wrong word was never marked');
      expect($(el, '#close-word-error').textContent).to.contain('FERMER');
      expect($(el, '#close-word').getAttribute('aria-describedby')).to.equal('close-word-error');
      expect($(el, '#close-word').getAttribute('spellcheck')).to.equal('false');
      expect(requested).to.equal(false);
      expect(record().status).to.equal('active');

      input(el, '#close-word', ' fermer ');
      const request = oneEvent(el, 'dmp-dossier-close-request');
      const closed = oneEvent(el, 'dmp-dossier-closed');
      $(el, '#close button[type="submit"]').click();
      expect((await request).detail).to.deep.equal({ ins: ADULT, reason: 'Je ne souhaite plus utiliser mon DMP.' });
      expect((await closed).detail.dossier.status).to.equal('closed');
      expect(record().status).to.equal('closed');
      expect(record().closeReason).to.equal('Je ne souhaite plus utiliser mon DMP.');
      await waitUntil(() => root(el).querySelector('.notice--closed'), 'no closed state shown');
      expect($(el, '.notice--closed').textContent).to.contain('Ce dossier est fermé depuis le 20 novembre 2026').and.contain('Je ne souhaite plus');
      expect(root(el).querySelector('#authorizations')).to.equal(null);
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'dossier-status');

      const reactivated = oneEvent(el, 'dmp-dossier-reactivated');
      $(el, '.notice--closed button').click();
      await confirmDialog(el);
      expect((await reactivated).detail.dossier.status).to.equal('active');
      expect(record().status).to.equal('active');
      await waitUntil(() => root(el).querySelector('#authorizations'), 'the sections did not come back');
      expect(shadowText(el)).to.contain('Le dossier est réactivé');
    });

    it('keeps the dossier open when the host vetoes the closure', async () => {
      const { el } = await mount();
      el.addEventListener('dmp-dossier-close-request', (e) => e.preventDefault());
      input(el, '#close-reason', 'Motif');
      input(el, '#close-word', 'FERMER');
      $(el, '#close button[type="submit"]').click();
      await el.updateComplete;
      expect($(el, '#close').getAttribute('aria-busy')).to.equal('false');
      expect(record().status).to.equal('active');
      expect(lastLog().action).not.to.equal('dossier.close');
    });

    it('asks for a reason', async () => {
      const { el } = await mount();
      input(el, '#close-word', 'FERMER');
      $(el, '#close button[type="submit"]').click();
      await waitUntil(() => el.shadowRoot!.querySelector('#close-reason-error'), 'the missing reason was never said');
      expect($(el, '#close-reason-error').textContent).to.contain('motif');
      expect(record().status).to.equal('active');
    });

    it('drops a field’s error once it is edited, and every error for the next user', async () => {
      const { el, provider } = await mount();
      $(el, '#close button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('#close-word-error'), 'the missing word was never said');
      expect($(el, '#close-reason').getAttribute('aria-invalid')).to.equal('true');
      input(el, '#close-reason', 'Motif');
      await el.updateComplete;
      expect($(el, '#close-reason').getAttribute('aria-invalid'), 'the reason, now typed').to.equal('false');
      expect(root(el).querySelector('#close-reason-error')).to.equal(null);
      expect($(el, '#close-word').getAttribute('aria-invalid'), 'the word, still missing').to.equal('true');
      await provider.logout();
      provider.resume();
      await waitUntil(() => root(el).querySelector('#close-reason'), 'the panel never came back');
      await loaded(el);
      expect(root(el).querySelectorAll('#close [aria-invalid="true"]').length, 'errors left from before the logout').to.equal(0);
    });

    it('keeps the typed reason when closing fails', async () => {
      const { el } = await mount();
      db.faults.add({ method: 'POST', path: '/close', status: 500 });
      input(el, '#close-reason', 'Motif de test');
      input(el, '#close-word', 'FERMER');
      $(el, '#close button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('#close [role="alert"] p'), 'no failure shown');
      expect($<HTMLTextAreaElement>(el, '#close-reason').value).to.equal('Motif de test');
      expect(record().status).to.equal('active');
    });

    it('keeps the reason of a closing that failed once another patient was shown, for when that patient is shown again', async () => {
      db.faults.add({ method: 'POST', path: '/close', latencyMs: 400, status: 503, times: 1 });
      const { el } = await mount();
      input(el, '#close-reason', 'Je ne souhaite plus de DMP.');
      input(el, '#close-word', 'FERMER');
      $(el, '#close button[type="submit"]').click();
      await waitUntil(() => $(el, '#close').getAttribute('aria-busy') === 'true', 'the closing never started');
      el.patientIns = MINOR;
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 700));
      el.patientIns = ADULT;
      await loaded(el);
      await waitUntil(() => root(el).querySelector('#close-reason'), 'no closing form');
      // The reason, and not the word: the closing is confirmed again, on this patient.
      expect([$<HTMLTextAreaElement>(el, '#close-reason').value, $<HTMLInputElement>(el, '#close-word').value]).to.deep.equal(['Je ne souhaite plus de DMP.', '']);
      expect($(el, '#close').textContent).to.contain('n’a pas été');
      expect(record().status).to.equal('active');
    });

    it('asks for the English word in English', async () => {
      const { el } = await mount('pat-durand-jeanne', ADULT, 'en');
      input(el, '#close-reason', 'No longer wanted');
      input(el, '#close-word', 'FERMER');
      $(el, '#close button[type="submit"]').click();
      await waitUntil(() => el.shadowRoot!.querySelector('#close-word-error'), 'the wrong word was never said');
      expect($(el, '#close-word-error').textContent).to.contain('CLOSE');
      input(el, '#close-word', 'CLOSE');
      const closed = oneEvent(el, 'dmp-dossier-closed');
      $(el, '#close button[type="submit"]').click();
      await closed;
      expect(record().status).to.equal('closed');
    });

    it('shows a closed dossier to its patient with its reason and the reactivation', async () => {
      const { el } = await mount('pat-lambert-michel', CLOSED);
      await expect(el).to.be.accessible();
      expect($(el, '.notice--closed').textContent).to.contain('15 septembre 2025').and.contain('ne souhaite plus').and.contain('dix ans');
      expect(root(el).querySelector('#notifications')).to.equal(null);
      expect(root(el).querySelector('.refusals')).to.equal(null);
    });
  });

  describe('other actors', () => {
    it('shows a médecin traitant the list read-only and explains why the rest is refused', async () => {
      const { el } = await mount('ps-martin');
      await expect(el).to.be.accessible();
      expect(rowOf(el, PHARMACIST_DUBOIS.rpps)).to.exist;
      expect(root(el).querySelectorAll('#authorizations button')).to.have.length(0);
      expect(root(el).querySelector('#search')).to.equal(null);
      expect($(el, '#authorizations .hint').textContent).to.contain('Lecture seule').and.contain('Seuls le patient et ses représentants légaux');
      for (const section of ['#oppositions', '#notifications', '#representatives', '#close']) expect(root(el).querySelector(section)).to.equal(null);
      const refusals = $(el, '.refusals').textContent!;
      expect(refusals).to.contain('Accès en urgence, Notifications, Représentants légaux, Fermeture du DMP').and.contain('Seuls le patient');
    });

    it('tells a médecin traitant what blocking means with the patient’s consent, not « votre accord »', async () => {
      const { el } = await mount('ps-martin');
      const hints = [...root(el).querySelectorAll('#authorizations .hint')].map((h) => h.textContent!).join(' ');
      expect(hints).to.contain('même avec l’accord du patient').and.not.contain('votre accord');
    });

    it('tells administrative staff their profession has no access to these sections, without calling them documents', async () => {
      const { el } = await mount('admin-chu');
      await expect(el).to.be.accessible();
      const refusals = $(el, '.refusals').textContent!.replace(/\s+/g, ' ');
      expect(refusals).to.contain('Professionnels de santé').and.contain('Votre profession n’a pas accès à ces informations.');
      expect(refusals).to.not.contain('document');
    });

    it('writes the refusals with the English colon in English', async () => {
      const { el } = await mount('ps-morel', ADULT, 'en');
      const line = $(el, '.refusals li').textContent!.trim();
      expect(line).to.match(/^Health professionals: \S/);
    });

    it('explains the refusal to a professional the patient has not authorized', async () => {
      const { el } = await mount('ps-morel');
      expect(root(el).querySelector('#authorizations')).to.equal(null);
      expect($(el, '.refusals').textContent).to.contain('Professionnels de santé').and.contain('Le patient ne vous a pas autorisé');
    });

    it('refuses an occupational physician with the reason and no retry', async () => {
      const { el } = await mountInProvider<DmpConsentPanel>(html`<dmp-consent-panel patient-ins=${ADULT}></dmp-consent-panel>`, 'occ-med');
      await waitUntil(() => root(el).querySelector('.load-error'), 'no refusal shown', { timeout: 8000 });
      expect(shadowText(el)).to.contain('La loi interdit l’accès au DMP aux médecins du travail');
      expect(root(el).querySelector('.load-error button')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });
});
