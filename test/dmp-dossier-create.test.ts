import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HttpResponse, getResponse, http } from 'msw';
import { handlers } from '../mocks/handlers/index.js';
import { PATIENT_ADULT, PATIENT_BORN_ABROAD, PATIENT_CLOSED, PATIENT_NO_DOSSIER, PATIENT_UNQUALIFIED } from '../mocks/data/index.js';
import { HttpDmpClient } from '../src/client/http-client.js';
import '../src/elements/dmp-dossier-create/dmp-dossier-create.js';
import type { DmpDossierCreate } from '../src/elements/dmp-dossier-create/dmp-dossier-create.element.js';
import type { DossierCreateRequestDetail, DossierCreatedDetail } from '../src/elements/dmp-dossier-create/events.js';
import { formatNir as formatted } from '../src/elements/dmp-dossier-create/nir-format.js';
import { nirKey } from '../src/model/nir.js';
import type { PatientIdentity } from '../src/model/patient.js';
import { db, mountInProvider, resetBackend, seededActor, shadowText, startBackend, worker } from './support/mount.js';
import { waitFor } from './support/wait.js';

const XSS = '<img src=x onerror=alert(1)>';

function withKey(number13: string): string {
  return `${number13}${String(nirKey(number13)).padStart(2, '0')}`;
}

/** Born in Paris in April 2015: a minor, without a dossier. */
const MINOR: PatientIdentity = {
  ins: withKey('1150475056123'),
  insStatus: 'QUAL',
  traits: { birthName: 'ROBERT', firstNames: 'Hugo', birthDate: '2015-04-10', sex: 'M', birthPlaceCode: '75056' },
};

/** A civil record without a known month (month 30 in the NIR). */
const UNKNOWN_MONTH: PatientIdentity = {
  ins: withKey('1853069383047'),
  insStatus: 'QUAL',
  traits: { birthName: 'MARTIN', firstNames: 'Ali', birthDate: '1985-07-12', sex: 'M' },
};

interface SeenRequest {
  method: string;
  path: string;
  key: string | null;
}
let requests: SeenRequest[] = [];
const posts = () => requests.filter((r) => r.method === 'POST' && r.path.endsWith('/dossiers'));

async function mount(actorId: string, identity?: PatientIdentity, locale: 'fr' | 'en' = 'fr') {
  const { el, provider } = await mountInProvider<DmpDossierCreate>(
    identity
      ? html`<dmp-dossier-create nir=${identity.ins} ins-status=${identity.insStatus} .traits=${identity.traits}></dmp-dossier-create>`
      : html`<dmp-dossier-create></dmp-dossier-create>`,
    actorId,
    { locale },
  );
  return { el, provider };
}

function q<T extends Element = HTMLInputElement>(el: DmpDossierCreate, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in the shadow root`);
  return found;
}

/** What the backend stored for a creation's idempotency key (kept per caller). */
function storedCreation(key: string) {
  const entry = [...db.idempotency].find(([stored]) => stored.endsWith(`|${key}`));
  if (!entry) throw new Error(`No creation stored for the key ${key}`);
  return entry[1];
}

function button(el: DmpDossierCreate, text: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes(text));
  if (!found) throw new Error(`No button "${text}" in: ${shadowText(el)}`);
  return found;
}

/** Clicks as a user does: the button takes focus first, so focus follows the step change. */
function press(el: DmpDossierCreate, text: string): void {
  const target = button(el, text);
  target.focus();
  target.click();
}

async function fill(el: DmpDossierCreate, id: string, value: string) {
  const control = q<HTMLInputElement | HTMLSelectElement>(el, `#${id}`);
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function until(el: DmpDossierCreate, text: string) {
  await waitFor(() => shadowText(el).includes(text), () => `never showed "${text}"; shows: ${shadowText(el)}`, { timeout: 5000 });
}

/** Submits the identification and waits for the existence test to answer. */
async function check(el: DmpDossierCreate, expected: string) {
  press(el, 'Rechercher un DMP existant');
  await until(el, expected);
}

async function toConsentStep(el: DmpDossierCreate) {
  await check(el, 'information et consentement');
}

/** Back to the identity, another patient's typed over it (a relative's card was read first), and on. */
async function correctIdentity(el: DmpDossierCreate, { ins, traits }: PatientIdentity) {
  press(el, 'Modifier l’identité');
  await el.updateComplete;
  await fill(el, 'nir', ins);
  for (const [field, value] of Object.entries(traits)) await fill(el, field, value);
  await toConsentStep(el);
  expect(shadowText(el)).to.contain(traits.birthName);
}

async function consentAndCreate(el: DmpDossierCreate) {
  if (!q(el, '#consent').checked) q(el, '#consent').click();
  await el.updateComplete;
  press(el, 'Créer le DMP');
}

describe('dmp-dossier-create', () => {
  before(startBackend);
  // The element fetches its form checks as soon as it is on the page; a user types for longer
  // than that takes, and so do these tests once the module is in.
  before(() => import('../src/elements/dmp-dossier-create/checks.js'));
  beforeEach(async () => {
    await resetBackend();
    requests = [];
    worker.events.on('request:start', ({ request }) => {
      // The worker also sees the page's own module and asset loads.
      if (!request.url.includes('/api/dmp/v1/')) return;
      requests.push({ method: request.method, path: new URL(request.url).pathname, key: request.headers.get('Idempotency-Key') });
    });
  });
  afterEach(() => {
    worker.events.removeAllListeners('request:start');
    localStorage.clear();
    sessionStorage.clear();
  });

  describe('identification', () => {
    it('is accessible and asks for the NIR, the INS status and the traits, empty by default', async () => {
      const { el } = await mount('ps-dubois');
      await expect(el).to.be.accessible();
      for (const id of ['nir', 'insStatus', 'birthName', 'firstNames', 'birthDate', 'sex', 'birthPlaceCode']) {
        expect(q<HTMLInputElement>(el, `#${id}`).value, id).to.equal('');
        expect(q(el, `label[for="${id}"]`).textContent!.trim(), id).not.to.equal('');
      }
      expect(requests).to.have.length(0);
    });

    it('takes the NIR, the traits and the INS status from the host, the NIR shown in groups', async () => {
      const { el } = await mount('ps-dubois', PATIENT_ADULT.identity);
      expect(q(el, '#nir').value).to.equal('2 58 03 69 383 047 02');
      expect(q(el, '#birthName').value).to.equal('DURAND');
      expect(q(el, '#firstNames').value).to.equal('Jeanne Marie Louise');
      expect(q(el, '#birthDate').value).to.equal('1958-03-14');
      expect(q<HTMLSelectElement>(el, '#sex').value).to.equal('F');
      expect(q<HTMLSelectElement>(el, '#insStatus').value).to.equal('QUAL');
    });

    it('shows the host’s INS status without letting it be changed here: an identity is qualified in the host’s software', async () => {
      const { el } = await mount('ps-dubois', PATIENT_UNQUALIFIED);
      const status = q<HTMLSelectElement>(el, '#insStatus');
      expect([status.value, status.disabled]).to.deep.equal(['RECUP', true]);
      expect(q(el, `#${status.getAttribute('aria-describedby')!.split(' ')[0]!}`).textContent).to.contain('votre logiciel');
      await expect(el).to.be.accessible();
      const typed = await mount('ps-dubois');
      expect(q<HTMLSelectElement>(typed.el, '#insStatus').disabled).to.equal(false);
    });

    it('keeps what was typed when the host hands over equal traits again, and starts over on other traits', async () => {
      const { el } = await mount('ps-dubois', PATIENT_ADULT.identity);
      await fill(el, 'firstNames', 'Jeanne');
      // A React host renders again: a new object, the same traits.
      el.traits = { ...PATIENT_ADULT.identity.traits };
      await el.updateComplete;
      expect(q(el, '#firstNames').value).to.equal('Jeanne');
      el.traits = { ...PATIENT_ADULT.identity.traits, birthName: 'MARTIN' };
      await el.updateComplete;
      expect(q(el, '#birthName').value).to.equal('MARTIN');
      expect(q(el, '#firstNames').value).to.equal('Jeanne Marie Louise');
    });

    it('shows the host’s sex and INS status when the host hands over another patient, whatever the user picked', async () => {
      const { el } = await mount('ps-dubois', PATIENT_ADULT.identity);
      // Picked back and forth: the browser then no longer heeds the options' selected attribute.
      for (const sex of ['M', 'F', 'M']) await fill(el, 'sex', sex);
      el.traits = { ...PATIENT_ADULT.identity.traits, birthName: 'MARTIN' };
      el.insStatus = 'PROV';
      await el.updateComplete;
      expect(q<HTMLSelectElement>(el, '#sex').value).to.equal('F');
      expect(q<HTMLSelectElement>(el, '#insStatus').value).to.equal('PROV');
    });

    it('groups the NIR as it is typed and keeps the caret usable', async () => {
      const { el } = await mount('ps-dubois');
      const nir = q(el, '#nir');
      nir.focus();
      await sendKeys({ type: '185072a004' });
      expect(nir.value).to.equal('1 85 07 2A 004');
      expect(nir.selectionStart).to.equal(nir.value.length);
      // Backspace just after an inserted space removes the digit before it, not only the space.
      nir.setSelectionRange(5, 5);
      await sendKeys({ press: 'Backspace' });
      expect(nir.value).to.equal('1 80 72 A0 04');
      expect(nir.selectionStart).to.equal(3);
      // Typing in the middle regroups and leaves the caret after the new digit.
      await sendKeys({ type: '5' });
      expect(nir.value).to.equal('1 85 07 2A 004');
      expect(nir.selectionStart).to.equal(4);
    });

    const invalid: Array<[string, string, string]> = [
      ['length', '2580369383047', '15 caractères'],
      ['characters', '2580369383047X2', 'que des chiffres'],
      ['sex', '358036938304702', 'premier chiffre du NIR'],
      ['month', '258136938304702', 'mois de naissance du NIR'],
      ['department', '258030038304702', '(00) n’existe pas'],
      ['key', '258036938304703', 'La clé du NIR'],
    ];
    for (const [reason, nir, words] of invalid) {
      it(`refuses a NIR with a wrong ${reason}, in words, tied to the field, without asking the DMP`, async () => {
        const { el } = await mount('ps-dubois', { ...PATIENT_ADULT.identity, ins: nir });
        button(el, 'Rechercher un DMP existant').click();
        await el.updateComplete;
        const input = q(el, '#nir');
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(input.getAttribute('aria-describedby')).to.contain('nir-error');
        expect(q(el, '#nir-error').textContent).to.contain(words);
        expect(q(el, '[role="alert"]').textContent).to.contain('Corrigez');
        await waitUntil(() => el.shadowRoot!.activeElement === input, 'the invalid field is not focused');
        expect(requests).to.have.length(0);
      });
    }

    it('says what is wrong with the NIR as soon as the field is left', async () => {
      const { el } = await mount('ps-dubois');
      await fill(el, 'nir', '258036938304703');
      expect(q(el, '#nir-error').textContent).to.contain('La clé du NIR');
      await fill(el, 'nir', '258036938304702');
      expect(el.shadowRoot!.querySelector('#nir-error')).to.equal(null);
    });

    it('accepts a valid Corsican NIR (2A) and refuses it with one digit changed', async () => {
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      expect(q(el, '#nir').value).to.equal('1 85 07 2A 004 019 95');
      await fill(el, 'nir', '185072A00401996');
      button(el, 'Rechercher un DMP existant').click();
      await el.updateComplete;
      expect(q(el, '#nir-error').textContent).to.contain('La clé du NIR');
      await fill(el, 'nir', '1 85 07 2a 004 019 95');
      await toConsentStep(el);
      expect(requests.map((r) => r.path)).to.deep.equal([`/api/dmp/v1/dossiers/${PATIENT_NO_DOSSIER.ins}`]);
    });

    it('requires every trait and the INS status', async () => {
      const { el } = await mount('ps-dubois');
      await fill(el, 'nir', PATIENT_ADULT.identity.ins);
      button(el, 'Rechercher un DMP existant').click();
      await el.updateComplete;
      for (const id of ['insStatus', 'birthName', 'firstNames', 'birthDate', 'sex']) {
        expect(q(el, `#${id}`).getAttribute('aria-invalid'), id).to.equal('true');
        expect(q(el, `#${id}-error`).textContent, id).to.contain('obligatoire');
      }
      expect(q(el, '#birthPlaceCode').getAttribute('aria-invalid')).to.equal('false');
      await fill(el, 'birthPlaceCode', '6938');
      expect(q(el, '#birthPlaceCode-error').textContent).to.contain('Code INSEE');
      expect(requests).to.have.length(0);
    });

    const mismatches: Array<[string, Partial<PatientIdentity['traits']>, string, string]> = [
      ['sex', { sex: 'M' }, 'sex', 'désigne une femme'],
      ['birth year', { birthDate: '1959-03-14' }, 'birthDate', 'L’année de naissance ne correspond pas à celle du NIR (58)'],
      ['birth month', { birthDate: '1958-04-14' }, 'birthDate', 'Le mois de naissance ne correspond pas à celui du NIR (03)'],
      ['birth place', { birthPlaceCode: '69123' }, 'birthPlaceCode', 'Le lieu de naissance ne correspond pas à celui du NIR (69383)'],
    ];
    for (const [what, traits, field, words] of mismatches) {
      it(`flags a ${what} that contradicts the NIR before anything is sent`, async () => {
        const { el } = await mount('ps-dubois', { ...PATIENT_ADULT.identity, traits: { ...PATIENT_ADULT.identity.traits, ...traits } });
        button(el, 'Rechercher un DMP existant').click();
        await el.updateComplete;
        expect(q(el, `#${field}`).getAttribute('aria-invalid')).to.equal('true');
        expect(q(el, `#${field}-error`).textContent).to.contain(words);
        expect(requests).to.have.length(0);
        await fill(el, field, (PATIENT_ADULT.identity.traits as Record<string, string>)[field]!);
        expect(el.shadowRoot!.querySelector(`#${field}-error`)).to.equal(null);
      });
    }

    it('does not flag the month when the NIR says the month is unknown (20–99)', async () => {
      const { el } = await mount('ps-dubois', UNKNOWN_MONTH);
      await toConsentStep(el);
    });

    it('does not flag the birth place where the NIR and the INS may lawfully differ', async () => {
      // Born in Algeria in 1955: the NIR says 91 (Algeria before independence), the INS the country.
      const algeria: PatientIdentity = {
        ins: withKey('1550991352123'),
        insStatus: 'QUAL',
        traits: { birthName: 'BENALI', firstNames: 'Karim', birthDate: '1955-09-03', sex: 'M', birthPlaceCode: '99352' },
      };
      // A provisional number (sex 7) names no birth place to compare.
      const provisional: PatientIdentity = { ...MINOR, ins: withKey('7150475056123'), traits: { ...MINOR.traits, birthPlaceCode: '99100' } };
      // The year typed wrong: the year's error says what to fix, the place is not compared.
      const mistyped: PatientIdentity = { ...algeria, traits: { ...algeria.traits, birthDate: '1975-09-03' } };
      requests = [];
      const wrongYear = await mount('ps-dubois', mistyped);
      button(wrongYear.el, 'Rechercher un DMP existant').click();
      await wrongYear.el.updateComplete;
      expect(q(wrongYear.el, '#birthDate-error').textContent).to.contain('(55)');
      expect(wrongYear.el.shadowRoot!.querySelector('#birthPlaceCode-error')).to.equal(null);
      expect(requests).to.have.length(0);
      for (const identity of [algeria, provisional]) {
        const { el } = await mount('ps-dubois', identity);
        await toConsentStep(el);
      }
      // Born in Évry in 1975: 91 is Essonne by then, and the place is compared.
      const essonne: PatientIdentity = {
        ins: withKey('2750991228123'),
        insStatus: 'QUAL',
        traits: { birthName: 'LEROY', firstNames: 'Claire', birthDate: '1975-09-20', sex: 'F', birthPlaceCode: '91229' },
      };
      requests = [];
      const { el } = await mount('ps-dubois', essonne);
      button(el, 'Rechercher un DMP existant').click();
      await el.updateComplete;
      expect(q(el, '#birthPlaceCode-error').textContent).to.contain('(91228)');
      expect(requests).to.have.length(0);
    });

    it('tells an actor the law keeps out that they may not create a DMP', async () => {
      const { el } = await mount('insurer-mutuelle');
      expect(q(el, '[role="alert"]').textContent).to.contain('La loi interdit l’accès au DMP');
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    });
  });

  describe('existence test', () => {
    it('never takes focus from the host page on load, with a patient given by the host', async () => {
      const hostField = document.createElement('input');
      hostField.setAttribute('aria-label', 'champ de la page hôte');
      document.body.append(hostField);
      hostField.focus();
      try {
        const { provider } = await mountInProvider<DmpDossierCreate>(
          html`<dmp-dossier-create patient-ins=${PATIENT_ADULT.identity.ins}></dmp-dossier-create>`,
          'ps-dubois',
        );
        const el = provider.firstElementChild as DmpDossierCreate;
        await until(el, 'Rechercher un DMP existant');
        await el.updateComplete;
        expect(document.activeElement).to.equal(hostField);
      } finally {
        hostField.remove();
      }
    });

    it('does not take focus back when another element’s change re-runs the check after the user left', async () => {
      const { el, provider } = await mount('ps-dubois', PATIENT_CLOSED.identity);
      await check(el, 'Le DMP de ce patient est fermé');
      // The user works in the step (a box ticked redraws it), then goes elsewhere in the page.
      q(el, '#reactivationConsent').focus();
      q(el, '#reactivationConsent').click();
      await el.updateComplete;
      const elsewhere = document.createElement('button');
      elsewhere.textContent = 'Autre élément de la page';
      document.body.append(elsewhere);
      try {
        elsewhere.focus();
        provider.notifyDataChanged(['dossier'], PATIENT_CLOSED.identity.ins);
        await waitUntil(() => requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/dossiers/${PATIENT_CLOSED.identity.ins}`)).length >= 2, 'the check never ran again');
        await new Promise((resolve) => setTimeout(resolve, 200));
        await el.updateComplete;
        // Compared as a boolean: a failing comparison of two elements would print the whole page.
        expect(document.activeElement === elsewhere, `focus went to ${document.activeElement?.localName}`).to.equal(true);
      } finally {
        elsewhere.remove();
      }
    });

    it('keeps the step on screen, and what is typed in it, while another element’s change runs the check again', async () => {
      const { el, provider } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      await fill(el, 'email', 'paul');
      db.faults.add({ method: 'GET', path: `/dossiers/${PATIENT_NO_DOSSIER.ins}`, latencyMs: 600, times: 1 });
      const checks = () => requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/dossiers/${PATIENT_NO_DOSSIER.ins}`)).length;
      const before = checks();
      provider.notifyDataChanged(['dossier'], PATIENT_NO_DOSSIER.ins);
      await waitUntil(() => checks() > before, 'the check never ran again');
      await el.updateComplete;
      expect(shadowText(el), 'the step gave way to the search').not.to.contain('Recherche d’un DMP existant');
      // Typed while the check runs: into the field the user is in, still there when it ends.
      await fill(el, 'email', 'paul.santoni@example.org');
      await new Promise((resolve) => setTimeout(resolve, 800));
      await el.updateComplete;
      expect(q(el, '#email').value).to.equal('paul.santoni@example.org');
      expect(shadowText(el)).to.contain('information et consentement');
    });

    it('shows the search the user asks for while another element’s check still runs', async () => {
      const { el, provider } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      db.faults.add({ method: 'GET', path: `/dossiers/${PATIENT_NO_DOSSIER.ins}`, latencyMs: 800, times: 2 });
      provider.notifyDataChanged(['dossier'], PATIENT_NO_DOSSIER.ins);
      await el.updateComplete;
      press(el, 'Modifier l’identité');
      await el.updateComplete;
      press(el, 'Rechercher un DMP existant');
      await el.updateComplete;
      expect(shadowText(el)).to.contain('Recherche d’un DMP existant');
      await until(el, 'information et consentement');
    });

    it('offers to open an active dossier and says so with dmp-dossier-exists', async () => {
      const { el } = await mount('ps-dubois', PATIENT_ADULT.identity);
      await check(el, 'Ce patient a déjà un DMP');
      await expect(el).to.be.accessible();
      expect(shadowText(el)).not.to.contain('Créer le DMP');
      expect(el.shadowRoot!.activeElement?.textContent).to.contain('Ce patient a déjà un DMP');
      setTimeout(() => button(el, 'Ouvrir le dossier').click());
      const event = await oneEvent(el, 'dmp-dossier-exists');
      expect(event.detail).to.deep.equal({ ins: PATIENT_ADULT.identity.ins, status: 'active' });
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('keeps a reactivation answered after Cancel off the next patient’s screen', async () => {
      const { el } = await mount('ps-dubois', PATIENT_CLOSED.identity);
      await check(el, 'Le DMP de ce patient est fermé');
      q(el, '#reactivationConsent').click();
      await el.updateComplete;
      db.faults.add({ method: 'POST', path: '/reactivate', latencyMs: 300, times: 1 });
      button(el, 'Réactiver le DMP').click();
      await el.updateComplete;
      button(el, 'Annuler').click();
      await el.updateComplete;
      const announced: unknown[] = [];
      el.addEventListener('dmp-dossier-exists', (e) => announced.push((e as CustomEvent).detail));
      el.nir = PATIENT_NO_DOSSIER.ins;
      el.insStatus = PATIENT_NO_DOSSIER.insStatus;
      el.traits = PATIENT_NO_DOSSIER.traits;
      await el.updateComplete;
      await waitUntil(() => db.dossiers.get(PATIENT_CLOSED.identity.ins)!.status === 'active', 'the reactivation never ran');
      await check(el, 'information et consentement');
      expect(shadowText(el)).not.to.contain('Le DMP est réactivé');
      // The host hears of it as nothing the user asked for on this screen.
      expect(announced).to.deep.equal([]);
    });

    it('explains a closed dossier and reactivates it with the patient’s consent', async () => {
      const { el } = await mount('ps-dubois', PATIENT_CLOSED.identity);
      const found = oneEvent(el, 'dmp-dossier-exists');
      button(el, 'Rechercher un DMP existant').click();
      expect((await found).detail).to.deep.equal({ ins: PATIENT_CLOSED.identity.ins, status: 'closed' });
      await until(el, 'Le DMP de ce patient est fermé');
      // Its status only: when it was closed is the patient's to know (DOMAIN.md).
      expect(shadowText(el)).to.contain('Le dossier a été fermé.').and.not.contain('15 septembre 2025');
      expect(shadowText(el)).to.contain('conservées 10 ans');
      await expect(el).to.be.accessible();
      const consent = q(el, '#reactivationConsent');
      expect(consent.checked).to.equal(false);

      button(el, 'Réactiver le DMP').click();
      await el.updateComplete;
      expect(consent.getAttribute('aria-invalid')).to.equal('true');
      expect(q(el, '#reactivationConsent-error').textContent).to.contain('consentement du patient est requis');
      expect(requests.filter((r) => r.method === 'POST')).to.have.length(0);

      consent.click();
      setTimeout(() => button(el, 'Réactiver le DMP').click());
      const reactivated = await oneEvent(el, 'dmp-dossier-exists');
      expect(reactivated.detail).to.deep.equal({ ins: PATIENT_CLOSED.identity.ins, status: 'active', reactivated: true });
      expect(db.dossiers.get(PATIENT_CLOSED.identity.ins)!.status).to.equal('active');
      await until(el, 'Le DMP est réactivé');
    });

    it('explains why administrative staff may not reactivate a closed dossier', async () => {
      const { el } = await mount('admin-chu', PATIENT_CLOSED.identity);
      await check(el, 'Le DMP de ce patient est fermé');
      expect(shadowText(el)).to.contain('Votre profession n’a pas accès');
      expect(el.shadowRoot!.querySelector('#reactivationConsent')).to.equal(null);
    });

    it('refuses an identity that is not qualified, with the reason in words', async () => {
      const { el } = await mount('ps-dubois', PATIENT_UNQUALIFIED);
      await check(el, 'L’identité INS du patient n’est pas qualifiée.');
      expect(shadowText(el)).to.contain('QUAL');
      expect(el.shadowRoot!.querySelector('#consent')).to.equal(null);
    });

    it('shows a refusal from the server (a patient looking up someone else’s dossier)', async () => {
      const { el } = await mount('pat-durand-jeanne', PATIENT_CLOSED.identity);
      await check(el, 'Ce dossier n’est pas le vôtre.');
    });

    const failures: Array<[string, Parameters<typeof db.faults.add>[0], string]> = [
      ['a server error', { method: 'GET', path: '/dossiers/', status: 500 }, 'erreur (500)'],
      ['a malformed answer', { method: 'GET', path: '/dossiers/', malformed: 'schema' }, 'Réponse invalide du serveur'],
      ['a lost connection', { method: 'GET', path: '/dossiers/', network: true }, 'Vous semblez hors ligne'],
    ];
    for (const [what, fault, words] of failures) {
      it(`says so on ${what}, and Retry runs the test again`, async () => {
        db.faults.add(fault);
        const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
        await check(el, words);
        expect(q(el, '[role="alert"]').textContent).to.contain(words);
        db.faults.clear();
        button(el, 'Réessayer').click();
        await until(el, 'information et consentement');
      });
    }

    it('says the DMP did not answer in time', async () => {
      db.faults.add({ method: 'GET', path: '/dossiers/', latencyMs: 2000 });
      const { el, provider } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      provider.requestTimeout = 150;
      await provider.updateComplete;
      await check(el, 'n’a pas répondu à temps');
    });

    it('says the search while it runs, its heading taking focus from the button it replaced', async () => {
      db.faults.add({ method: 'GET', path: '/dossiers/', latencyMs: 300 });
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      press(el, 'Rechercher un DMP existant');
      await waitUntil(() => el.shadowRoot!.querySelector('.busy'), 'the search never started');
      await el.updateComplete;
      // A status under aria-busy is held back by screen readers: the busy state is said, not muted.
      expect(q(el, '.busy[role="status"]').textContent).to.contain('Recherche d’un DMP existant');
      expect(el.shadowRoot!.querySelector('[aria-busy="true"]') === null, 'a status under aria-busy').to.equal(true);
      expect(el.shadowRoot!.activeElement?.textContent).to.equal('Recherche d’un DMP existant');
      await until(el, 'information et consentement');
      expect(el.shadowRoot!.activeElement?.textContent).to.contain('information et consentement');
    });
  });

  describe('consent and creation', () => {
    it('shows the information, an unchecked consent, and creates nothing without consent', async () => {
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      await expect(el).to.be.accessible();
      const text = shadowText(el);
      for (const words of ['pas obligatoire', 'aucun effet sur les remboursements', 'masqué', 'bris de glace', 'fermé à tout moment', '10 ans', 'jamais accès']) {
        expect(text).to.contain(words);
      }
      const consent = q(el, '#consent');
      expect(consent.checked).to.equal(false);
      button(el, 'Créer le DMP').click();
      await el.updateComplete;
      expect(consent.getAttribute('aria-invalid')).to.equal('true');
      expect(consent.getAttribute('aria-describedby')).to.equal('consent-error');
      expect(q(el, '#consent-error').textContent).to.contain('consentement du patient est requis');
      await waitUntil(() => el.shadowRoot!.activeElement === consent, 'the consent box is not focused');
      expect(posts()).to.have.length(0);
      expect(db.dossiers.has(PATIENT_NO_DOSSIER.ins)).to.equal(false);
    });

    it('creates the dossier: cancelable request, then dmp-dossier-created without the password', async () => {
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      let request: DossierCreateRequestDetail | undefined;
      el.addEventListener('dmp-dossier-create-request', (e) => (request = e.detail));
      const created = oneEvent(el, 'dmp-dossier-created');
      await consentAndCreate(el);
      const detail: DossierCreatedDetail = (await created).detail;
      expect(request!.input).to.include({ ins: PATIENT_NO_DOSSIER.ins, channel: 'professional', consent: true, insStatus: 'QUAL' });
      expect(request!.input.traits).to.deep.equal(PATIENT_NO_DOSSIER.traits);
      expect(detail.ins).to.equal(PATIENT_NO_DOSSIER.ins);
      expect(detail.dossier.status).to.equal('active');
      expect(Object.keys(detail)).to.deep.equal(['ins', 'dossier']);
      const password = (storedCreation(posts()[0]!.key!).body as { credentials: { temporaryPassword: string } }).credentials.temporaryPassword;
      expect(JSON.stringify(detail)).not.to.contain(password);
      expect(JSON.stringify(request)).not.to.contain(password);
      expect(db.creationActs.get('ps-dubois')).to.equal(1);
    });

    it('sends nothing when the host cancels dmp-dossier-create-request', async () => {
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      el.addEventListener('dmp-dossier-create-request', (e) => e.preventDefault());
      await consentAndCreate(el);
      await el.updateComplete;
      expect(posts()).to.have.length(0);
      expect(shadowText(el)).to.contain('information et consentement');
    });

    it('records the oppositions and a contact normalised to +33', async () => {
      const { el } = await mount('ps-dubois', PATIENT_BORN_ABROAD);
      await toConsentStep(el);
      q(el, '#opposeBreakGlass').click();
      q(el, '#opposeRegulation').click();
      await fill(el, 'phone', '06 12 34 56 78');
      await fill(el, 'email', 'aminata.diallo@example.org');
      const created = oneEvent(el, 'dmp-dossier-created');
      await consentAndCreate(el);
      await created;
      const record = db.dossiers.get(PATIENT_BORN_ABROAD.ins)!;
      expect(record.oppositions).to.deep.equal({ breakGlass: true, regulation: true });
      expect(record.notificationPreferences).to.include({ phone: '+33612345678', email: 'aminata.diallo@example.org' });
    });

    it('keeps the details typed when the host hands over the same patient with a trait corrected, consent to give again', async () => {
      const { el } = await mount('ps-dubois', PATIENT_BORN_ABROAD);
      await toConsentStep(el);
      q(el, '#opposeBreakGlass').click();
      await fill(el, 'email', 'aminata.diallo@example.org');
      q(el, '#consent').click();
      await el.updateComplete;
      // The host's identity server corrects the first names meanwhile: the same INS.
      el.traits = { ...PATIENT_BORN_ABROAD.traits, firstNames: `${PATIENT_BORN_ABROAD.traits.firstNames} Awa` };
      await el.updateComplete;
      expect(q(el, '#firstNames').value).to.equal(`${PATIENT_BORN_ABROAD.traits.firstNames} Awa`);
      await toConsentStep(el);
      expect([q(el, '#email').value, q(el, '#opposeBreakGlass').checked, q(el, '#consent').checked]).to.deep.equal(['aminata.diallo@example.org', true, false]);
      expect(shadowText(el)).not.to.contain('saisis avant la correction de l’identité');
      // Another patient from the host starts over.
      el.nir = PATIENT_NO_DOSSIER.ins;
      el.traits = PATIENT_NO_DOSSIER.traits;
      await el.updateComplete;
      await toConsentStep(el);
      expect([q(el, '#email').value, q(el, '#opposeBreakGlass').checked]).to.deep.equal(['', false]);
    });

    it('refuses a contact the DMP would not take, tied to its field', async () => {
      const { el } = await mount('ps-dubois', PATIENT_BORN_ABROAD);
      await toConsentStep(el);
      await fill(el, 'phone', '01 23 45 67 89');
      await fill(el, 'email', 'not-an-address');
      await consentAndCreate(el);
      await el.updateComplete;
      expect(q(el, '#phone').getAttribute('aria-invalid')).to.equal('true');
      expect(q(el, '#phone-error').textContent).to.contain('mobile');
      expect(q(el, '#email-error').textContent).to.contain('e-mail');
      expect(posts()).to.have.length(0);
    });

    it('shows a gateway’s field refusals under their fields, and the identity’s under the identity', async () => {
      worker.use(
        http.post('*/api/dmp/v1/dossiers', () =>
          HttpResponse.json(
            {
              type: 'about:blank',
              title: 'Requête invalide',
              status: 400,
              invalidParams: [
                { name: 'contact.email', reason: 'domaine non accepté' },
                { name: 'traits.birthName', reason: 'différent du référentiel INS' },
              ],
            },
            { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      );
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      await fill(el, 'email', 'paul.santoni@example.org');
      await consentAndCreate(el);
      await until(el, 'certaines informations sont invalides');
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'email', 'the refused field never took focus');
      expect(q(el, '#email').getAttribute('aria-invalid')).to.equal('true');
      expect(q(el, '#email-error').textContent).to.contain('Refusé par le DMP : domaine non accepté');
      expect(q(el, '#email').value).to.equal('paul.santoni@example.org');
      const alert = q<HTMLElement>(el, '[role="alert"]').textContent!;
      expect(alert).to.contain('différent du référentiel INS').and.contain('Modifier l’identité');
      expect(alert).not.to.contain('domaine non accepté');
      await expect(el).to.be.accessible();
      press(el, 'Modifier l’identité');
      await el.updateComplete;
      expect(q(el, '#birthName').getAttribute('aria-invalid')).to.equal('true');
      expect(q(el, '#birthName-error').textContent).to.contain('différent du référentiel INS');
    });

    it('keeps the contact and oppositions typed when the user corrects the identity, and asks consent again', async () => {
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      expect(el.shadowRoot!.querySelector('.carried-over')?.textContent ?? null).to.equal(null);
      await fill(el, 'email', 'a.diallo@example.org');
      await fill(el, 'phone', '06 39 98 12 34');
      q(el, '#opposeBreakGlass').click();
      q(el, '#consent').click();
      await el.updateComplete;
      // The host read the wrong card (a relative's, on the same Carte Vitale): the user corrects it.
      await correctIdentity(el, PATIENT_BORN_ABROAD);
      // Typed for the card read first: the user is asked to check it is this patient's.
      expect(q(el, '.carried-over').textContent).to.contain('saisis avant la correction de l’identité sont gardés');
      await expect(el).to.be.accessible();
      expect(q(el, '#email').value).to.equal('a.diallo@example.org');
      expect(q(el, '#phone').value).to.equal('06 39 98 12 34');
      expect(q(el, '#opposeBreakGlass').checked).to.equal(true);
      // Given for the patient identified before: the user confirms it for this one.
      expect(q(el, '#consent').checked).to.equal(false);
      const created = oneEvent(el, 'dmp-dossier-created');
      await consentAndCreate(el);
      expect((await created).detail.ins).to.equal(PATIENT_BORN_ABROAD.ins);
      const record = db.dossiers.get(PATIENT_BORN_ABROAD.ins)!;
      expect(record.oppositions).to.deep.equal({ breakGlass: true, regulation: false });
      expect(record.notificationPreferences).to.include({ phone: '+33639981234', email: 'a.diallo@example.org' });
    });

    it('asks nothing to be checked when the identity is corrected before any detail was typed, or confirmed again', async () => {
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      q(el, '#consent').click();
      await el.updateComplete;
      await correctIdentity(el, PATIENT_BORN_ABROAD);
      expect(el.shadowRoot!.querySelector('.carried-over')?.textContent ?? null).to.equal(null);
      await fill(el, 'email', 'a.diallo@example.org');
      press(el, 'Modifier l’identité');
      await el.updateComplete;
      await toConsentStep(el);
      expect(q(el, '#email').value).to.equal('a.diallo@example.org');
      expect(el.shadowRoot!.querySelector('.carried-over')?.textContent ?? null).to.equal(null);
    });

    it('asks nothing to be checked when only a minor’s representative was typed and the corrected identity is an adult’s', async () => {
      const { el } = await mount('ps-martin', MINOR);
      await toConsentStep(el);
      await fill(el, 'representativeLastName', 'ROBERT');
      await fill(el, 'representativeFirstName', 'Anne');
      await correctIdentity(el, PATIENT_BORN_ABROAD);
      expect(el.shadowRoot!.querySelector('#representativeLastName')?.id ?? null).to.equal(null);
      expect(el.shadowRoot!.querySelector('.carried-over')?.textContent ?? null).to.equal(null);
    });

    it('lets administrative staff create at the caisse', async () => {
      const { el } = await mount('admin-chu', PATIENT_BORN_ABROAD);
      await toConsentStep(el);
      let request: DossierCreateRequestDetail | undefined;
      el.addEventListener('dmp-dossier-create-request', (e) => (request = e.detail));
      const created = oneEvent(el, 'dmp-dossier-created');
      await consentAndCreate(el);
      await created;
      expect(request!.input.channel).to.equal('caisse');
    });

    it('lets a patient without a dossier open their own online, told about themselves', async () => {
      const { el } = await mount('pat-santoni-paul-antoine', PATIENT_NO_DOSSIER);
      // The status the host gave is sent as it is (below), and not shown to the patient.
      expect(el.shadowRoot!.querySelector('#insStatus')).to.equal(null);
      await toConsentStep(el);
      expect(q(el, '.summary').textContent).not.to.contain('Statut de l’identité INS');
      // What a professional says to the patient, the patient reads in the first person.
      const text = () => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      expect(q(el, '#info-title').textContent).to.equal('À lire avant de donner votre accord');
      expect(q(el, 'label[for="consent"]').textContent).to.contain('J’ai lu cette information et je consens à la création de mon DMP.');
      expect(q(el, 'label[for="opposeBreakGlass"]').textContent).to.contain('Je m’oppose à l’accès en urgence à mon dossier');
      expect(text()).not.to.contain('Le patient');
      let request: DossierCreateRequestDetail | undefined;
      el.addEventListener('dmp-dossier-create-request', (e) => (request = e.detail));
      const created = oneEvent(el, 'dmp-dossier-created');
      await consentAndCreate(el);
      expect((await created).detail.dossier).to.include({ ins: PATIENT_NO_DOSSIER.ins, status: 'active' });
      expect(request!.input).to.include({ channel: 'online', insStatus: PATIENT_NO_DOSSIER.insStatus });
      await waitUntil(() => text().includes('Imprimez ou notez ces identifiants'), 'the credentials never came');
      expect(text()).not.to.contain('remettez-les au patient');
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Terminé')!.click();
      await el.updateComplete;
      expect(text()).to.contain('est créé').and.not.contain('Créer le DMP d’un autre patient');
    });

    it('does not ask a patient or a representative online for the INS status, and sends what the patient types as provisional', async () => {
      const representative = await mount('rep-moreau-sophie');
      expect(representative.el.shadowRoot!.querySelector('#nir')).to.exist;
      expect(representative.el.shadowRoot!.querySelector('#insStatus')).to.equal(null);
      representative.provider.remove();
      const { el } = await mount('pat-santoni-paul-antoine');
      expect(el.shadowRoot!.querySelector('#insStatus')).to.equal(null);
      await expect(el).to.be.accessible();
      await fill(el, 'nir', PATIENT_NO_DOSSIER.ins);
      for (const [field, value] of Object.entries(PATIENT_NO_DOSSIER.traits)) await fill(el, field, value);
      await toConsentStep(el);
      expect(q(el, '.summary').textContent).to.contain(PATIENT_NO_DOSSIER.traits.birthName).and.not.contain('Statut de l’identité INS');
      let request: DossierCreateRequestDetail | undefined;
      el.addEventListener('dmp-dossier-create-request', (e) => (request = e.detail));
      const created = oneEvent(el, 'dmp-dossier-created');
      await consentAndCreate(el);
      expect((await created).detail.dossier).to.include({ ins: PATIENT_NO_DOSSIER.ins, status: 'active' });
      expect(request!.input).to.include({ channel: 'online', insStatus: 'PROV' });
    });

    it('speaks to a representative online as the one who reads and consents, for the patient', async () => {
      const { el } = await mount('rep-moreau-sophie');
      const text = () => shadowText(el);
      expect(text()).to.contain('Saisissez l’identité du patient telle qu’elle figure sur sa carte Vitale.').and.not.contain('votre logiciel');
      await fill(el, 'nir', PATIENT_NO_DOSSIER.ins);
      for (const [field, value] of Object.entries(PATIENT_NO_DOSSIER.traits)) await fill(el, field, value);
      await toConsentStep(el);
      expect(text()).to.contain('À lire avant de donner votre accord').and.not.contain('À dire au patient');
      expect(q(el, 'label[for="consent"]').textContent!.trim()).to.equal('J’ai lu cette information et je consens, pour le patient, à la création de son DMP.');
      // The seed links her to no one without a DMP: the server refuses, and no retry is offered as if it could help.
      await consentAndCreate(el);
      await until(el, 'Vous n’êtes pas représentant légal de ce patient.');
      expect(text()).not.to.contain('Réessayer');
    });

    it('tells a patient whose DMP is open that it is theirs, in one voice', async () => {
      const { el } = await mount('pat-durand-jeanne', PATIENT_ADULT.identity);
      await check(el, 'Vous avez déjà un DMP');
      expect(shadowText(el)).to.contain('Le dossier est ouvert').and.not.contain('Son dossier');
    });

    it('does not offer to try a refused creation again as if it could succeed', async () => {
      db.faults.add({ method: 'POST', path: '/dossiers', status: 403, times: 1 });
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      await consentAndCreate(el);
      await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the refusal was not said');
      expect(q(el, '[role="alert"]').textContent).to.contain('Vos saisies sont conservées').and.not.contain('Réessayer');
      expect(shadowText(el)).not.to.contain('Réessayer la création');
      expect(button(el, 'Créer le DMP').type).to.equal('submit');
    });

    it('still asks a professional for the INS status the host did not give', async () => {
      const { el } = await mount('ps-dubois');
      await fill(el, 'nir', PATIENT_NO_DOSSIER.ins);
      for (const [field, value] of Object.entries(PATIENT_NO_DOSSIER.traits)) await fill(el, field, value);
      press(el, 'Rechercher un DMP existant');
      await waitUntil(() => el.shadowRoot!.querySelector('#insStatus-error'), 'the missing status was not reported');
      expect(posts()).to.have.length(0);
    });

    it('refuses a minor’s dossier online', async () => {
      const { el } = await mount('pat-durand-jeanne', MINOR);
      await check(el, 'Le DMP d’un mineur ne peut pas être créé en ligne');
      expect(el.shadowRoot!.querySelector('#consent')).to.equal(null);
      expect(posts()).to.have.length(0);
    });

    it('asks the legal representative’s consent for a minor, the patient’s for an adult', async () => {
      const { el } = await mount('ps-martin', MINOR);
      await toConsentStep(el);
      expect(q(el, 'label[for="consent"]').textContent).to.contain('Le représentant légal a reçu cette information et consent, pour le patient');
      const adult = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(adult.el);
      expect(q(adult.el, 'label[for="consent"]').textContent).to.contain('Le patient a reçu cette information et consent');
    });

    it('leads focus to the new search when the dossier was created elsewhere meanwhile', async () => {
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      // Another pharmacy opens it first.
      const elsewhere = new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: () => ({ Authorization: 'Bearer ps-martin' }) });
      await elsewhere.createDossier({ ...PATIENT_NO_DOSSIER, channel: 'professional', consent: true }, { idempotencyKey: 'ailleurs' });
      await consentAndCreate(el);
      await until(el, 'relancez la recherche');
      await waitUntil(() => el.shadowRoot!.activeElement?.textContent?.includes('Relancer la recherche'), 'focus was lost with the Create button');
    });

    it('does not take focus from the host page when the host names another patient while the user is in the form', async () => {
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      q(el, '#email').focus();
      await fill(el, 'email', 'paul@example.org');
      const hostList = document.createElement('button');
      hostList.textContent = 'Patient suivant';
      document.body.append(hostList);
      try {
        hostList.focus();
        el.nir = MINOR.ins;
        el.traits = MINOR.traits;
        await until(el, 'Rechercher un DMP existant');
        await el.updateComplete;
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(document.activeElement === hostList, `focus went to ${document.activeElement?.localName}`).to.equal(true);
      } finally {
        hostList.remove();
      }
    });

    it('creates a minor’s dossier at a professional’s, with the legal representative', async () => {
      const { el } = await mount('ps-martin', MINOR);
      await toConsentStep(el);
      await expect(el).to.be.accessible();
      await consentAndCreate(el);
      await el.updateComplete;
      for (const id of ['representativeLastName', 'representativeFirstName', 'representativeRelationship']) {
        expect(q(el, `#${id}`).getAttribute('aria-invalid'), id).to.equal('true');
      }
      expect(posts()).to.have.length(0);
      // A curator assists a protected adult: never offered for a minor.
      const offered = [...q<HTMLSelectElement>(el, '#representativeRelationship').options].map((o) => o.value).filter(Boolean);
      expect(offered).to.deep.equal(['parent', 'guardian', 'other']);
      await fill(el, 'representativeLastName', 'Robert');
      await fill(el, 'representativeFirstName', 'Claire');
      await fill(el, 'representativeRelationship', 'parent');
      const created = oneEvent(el, 'dmp-dossier-created');
      button(el, 'Créer le DMP').click();
      await created;
      expect(db.dossiers.get(MINOR.ins)!.legalRepresentatives[0]).to.include({ firstName: 'Claire', lastName: 'Robert', relationship: 'parent' });
    });

    it('sends one request when Create is clicked twice', async () => {
      db.faults.add({ method: 'POST', path: '/dossiers', latencyMs: 200 });
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      q(el, '#consent').click();
      await el.updateComplete;
      const create = button(el, 'Créer le DMP');
      let requested = 0;
      el.addEventListener('dmp-dossier-create-request', () => (requested += 1));
      const created = oneEvent(el, 'dmp-dossier-created');
      create.click();
      create.click();
      await el.updateComplete;
      expect(create.getAttribute('aria-disabled')).to.equal('true');
      expect(q(el, 'form').getAttribute('aria-busy')).to.equal('true');
      create.click();
      await created;
      expect(requested).to.equal(1);
      expect(posts()).to.have.length(1);
      expect(db.creationActs.get('ps-dubois')).to.equal(1);
    });

    it('keeps the input on a network failure; Retry creates one dossier with the same key', async () => {
      db.faults.add({ method: 'POST', path: '/dossiers', network: true, times: 1 });
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      let request: DossierCreateRequestDetail | undefined;
      el.addEventListener('dmp-dossier-create-request', (e) => (request = e.detail));
      await fill(el, 'email', 'paul.santoni@example.org');
      await consentAndCreate(el);
      await until(el, 'Vous semblez hors ligne');
      expect(q(el, '[role="alert"]').textContent).to.contain('Vos saisies sont conservées');
      expect(q(el, '#email').value).to.equal('paul.santoni@example.org');
      expect(q(el, '#consent').checked).to.equal(true);
      expect(db.dossiers.has(PATIENT_NO_DOSSIER.ins)).to.equal(false);

      const created = oneEvent(el, 'dmp-dossier-created');
      button(el, 'Réessayer la création').click();
      const { dossier } = (await created).detail;
      const [first, second] = posts();
      expect(posts()).to.have.length(2);
      expect(second!.key).to.equal(first!.key);
      expect(db.creationActs.get('ps-dubois')).to.equal(1);

      const client = new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: () => ({ Authorization: 'Bearer ps-dubois' }) });
      const again = await client.createDossier(request!.input, { idempotencyKey: first!.key! });
      expect(again.dossier).to.deep.equal(dossier);
      expect(again.credentials.identifier).to.equal(q(el, '[data-credential="identifier"]').textContent);
      expect(db.creationActs.get('ps-dubois')).to.equal(1);
    });

    it('creates on a page served over plain HTTP, where the browser has no crypto.randomUUID', async () => {
      // Outside a secure context the method is not there at all.
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      try {
        const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
        await toConsentStep(el);
        await consentAndCreate(el);
        // Bounded, so that the method is given back even when nothing is created.
        await waitUntil(() => db.dossiers.has(PATIENT_NO_DOSSIER.ins), 'no dossier was created', { timeout: 5000 });
        expect(posts()[0]!.key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(db.dossiers.has(PATIENT_NO_DOSSIER.ins)).to.equal(true);
      } finally {
        delete (crypto as { randomUUID?: unknown }).randomUUID;
      }
      expect(typeof crypto.randomUUID).to.equal('function');
    });

    it('uses a new key once the request changed after a failure', async () => {
      db.faults.add({ method: 'POST', path: '/dossiers', status: 503, times: 1 });
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      await consentAndCreate(el);
      await until(el, 'erreur (503)');
      q(el, '#opposeRegulation').click();
      const created = oneEvent(el, 'dmp-dossier-created');
      button(el, 'Réessayer la création').click();
      await created;
      const [first, second] = posts();
      expect(second!.key).not.to.equal(first!.key);
    });

    it('forgets what was typed on a logout, and keeps it over an expiry', async () => {
      const { el, provider } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      await fill(el, 'email', 'paul.santoni@example.org');
      provider.sessionTimeout = 0.2;
      await until(el, 'Session expirée');
      provider.sessionTimeout = 1800;
      provider.resume();
      await until(el, 'information et consentement');
      expect(q(el, '#email').value).to.equal('paul.santoni@example.org');

      await provider.logout();
      provider.resume();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#email') === null, 'the consent step, with the contact typed, is gone').to.equal(true);
      expect(q(el, '#nir').value).to.equal(formatted(PATIENT_NO_DOSSIER.ins));
    });

    describe('while the creation is under way', () => {
      /**
       * Holds the backend's answer to the creation until the returned function is called; then the
       * mock backend answers, or the `failure` status does.
       */
      function holdCreation(failure?: number): () => void {
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        worker.use(
          http.post('*/api/dmp/v1/dossiers', async () => {
            await held;
            return failure === undefined ? undefined : HttpResponse.json({ title: 'Indisponible', status: failure }, { status: failure });
          }),
        );
        return release;
      }

      /** Creates; the host names another patient before the answer, `release`d then, is lost or fails. */
      async function createWhileTheHostMovesOn(el: DmpDossierCreate, release: () => void) {
        await consentAndCreate(el);
        await waitUntil(() => posts().length === 1, 'the creation was not sent');
        el.nir = PATIENT_ADULT.identity.ins;
        el.traits = PATIENT_ADULT.identity.traits;
        await el.updateComplete;
        release();
        await until(el, 'n’a pas abouti, ou sa réponse s’est perdue');
      }

      async function startCreation(failure?: number) {
        const mounted = await mount('ps-dubois', PATIENT_NO_DOSSIER);
        await toConsentStep(mounted.el);
        const release = holdCreation(failure);
        await consentAndCreate(mounted.el);
        await waitUntil(() => posts().length === 1, 'the creation was not sent');
        return { ...mounted, release, created: oneEvent(mounted.el, 'dmp-dossier-created') };
      }

      it('still shows the password when the host names another patient, which would otherwise be lost', async () => {
        const { el, release, created } = await startCreation();
        el.nir = PATIENT_ADULT.identity.ins;
        el.traits = PATIENT_ADULT.identity.traits;
        await el.updateComplete;
        release();
        await created;
        await until(el, 'Le DMP est créé');
        const { credentials } = storedCreation(posts()[0]!.key!).body as { credentials: { temporaryPassword: string } };
        expect(q(el, '[data-credential="password"]').textContent).to.equal(credentials.temporaryPassword);
        expect(shadowText(el)).to.contain(PATIENT_NO_DOSSIER.traits.birthName);
        // Once the sheet is handed over, the patient the host named comes next.
        press(el, 'Terminé');
        await el.updateComplete;
        press(el, 'Créer le DMP d’un autre patient');
        await el.updateComplete;
        expect(q(el, '#nir').value).to.equal(formatted(PATIENT_ADULT.identity.ins));
      });

      it('shows no password to whoever sits there after a logout, and tells the host the dossier exists', async () => {
        const { el, provider, release, created } = await startCreation();
        await provider.logout();
        provider.resume();
        await el.updateComplete;
        // The form is the next user's, not busy with the creation the previous one started.
        await check(el, 'information et consentement');
        expect(button(el, 'Créer le DMP').getAttribute('aria-disabled')).not.to.equal('true');
        release();
        expect((await created).detail.ins).to.equal(PATIENT_NO_DOSSIER.ins);
        await el.updateComplete;
        const { credentials } = storedCreation(posts()[0]!.key!).body as { credentials: { temporaryPassword: string } };
        expect(shadowText(el)).not.to.contain(credentials.temporaryPassword);
        expect(el.shadowRoot!.querySelector('[part="credentials"]') === null, 'no credentials sheet').to.equal(true);
      });

      it('says a creation lost after the host moved on, and still gives its password back once that patient comes back', async () => {
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let lost = 1;
        // The DMP creates the dossier, and its answer never arrives.
        worker.use(
          http.post('*/api/dmp/v1/dossiers', async ({ request }) => {
            if (lost === 0) return undefined;
            lost -= 1;
            await held;
            await getResponse(handlers, request);
            return HttpResponse.error();
          }),
        );
        const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
        await toConsentStep(el);
        await createWhileTheHostMovesOn(el, release);
        expect(q(el, '[role="alert"]').textContent).to.contain(`${PATIENT_NO_DOSSIER.traits.firstNames} ${PATIENT_NO_DOSSIER.traits.birthName}`);
        expect(q(el, '#nir').value).to.equal(formatted(PATIENT_ADULT.identity.ins));

        el.nir = PATIENT_NO_DOSSIER.ins;
        el.traits = PATIENT_NO_DOSSIER.traits;
        await el.updateComplete;
        // The existence test finds the dossier the lost answer made; its attempt, replayed, gives
        // back the password still to hand over.
        const created = oneEvent(el, 'dmp-dossier-created');
        press(el, 'Rechercher un DMP existant');
        expect((await created).detail.ins).to.equal(PATIENT_NO_DOSSIER.ins);
        await until(el, 'Le DMP est créé');
        const { credentials } = storedCreation(posts()[0]!.key!).body as { credentials: { temporaryPassword: string } };
        expect(q(el, '[data-credential="password"]').textContent).to.equal(credentials.temporaryPassword);
        expect(posts().map((p) => p.key)).to.deep.equal([posts()[0]!.key, posts()[0]!.key]);
        expect(db.creationActs.get('ps-dubois')).to.equal(1);
      });

      it('fills the form again when the host comes back to the patient whose creation failed', async () => {
        const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
        await toConsentStep(el);
        await fill(el, 'email', 'pa.santoni@example.org');
        await fill(el, 'phone', '06 39 98 12 34');
        q(el, '#opposeBreakGlass').click();
        await createWhileTheHostMovesOn(el, holdCreation(503));
        el.nir = PATIENT_NO_DOSSIER.ins;
        el.traits = PATIENT_NO_DOSSIER.traits;
        await el.updateComplete;
        await toConsentStep(el);
        expect(q(el, '#email').value).to.equal('pa.santoni@example.org');
        expect(q(el, '#phone').value).to.equal('+33639981234');
        expect(q(el, '#opposeBreakGlass').checked).to.equal(true);
        // Asked again: the user confirms the patient's consent to this creation.
        expect(q(el, '#consent').checked).to.equal(false);
      });

      it('moves on to the host’s new patient when the creation fails', async () => {
        const { el, release } = await startCreation(503);
        el.nir = PATIENT_ADULT.identity.ins;
        el.traits = PATIENT_ADULT.identity.traits;
        await el.updateComplete;
        expect(shadowText(el)).to.contain('information et consentement');
        release();
        await until(el, 'Rechercher un DMP existant');
        expect(q(el, '#nir').value).to.equal(formatted(PATIENT_ADULT.identity.ins));
        expect(shadowText(el)).not.to.contain('503');
        // The failure is not lost with the patient it was for: it is said over the next form.
        expect(q(el, '[role="alert"]').textContent).to.contain('n’a pas abouti, ou sa réponse s’est perdue');
      });
    });

    it('gives back the password of an earlier attempt whose answer was lost, when a changed retry meets the dossier it created', async () => {
      let lost = 1;
      // The DMP creates the dossier, and its answer never arrives.
      worker.use(
        http.post('*/api/dmp/v1/dossiers', async ({ request }) => {
          if (lost === 0) return undefined;
          lost -= 1;
          await getResponse(handlers, request);
          return HttpResponse.error();
        }),
      );
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      await consentAndCreate(el);
      await until(el, 'Vous semblez hors ligne');
      q(el, '#opposeRegulation').click();
      await el.updateComplete;
      const created = oneEvent(el, 'dmp-dossier-created');
      button(el, 'Réessayer la création').click();
      await created;
      await until(el, 'Le DMP est créé');
      const [first, changed, replay] = posts();
      expect(changed!.key).not.to.equal(first!.key);
      expect(replay!.key).to.equal(first!.key);
      const { credentials } = storedCreation(first!.key!).body as { credentials: { temporaryPassword: string } };
      expect(q(el, '[data-credential="password"]').textContent).to.equal(credentials.temporaryPassword);
      expect(shadowText(el)).to.contain('Une tentative précédente avait déjà créé ce DMP');
      expect(db.creationActs.get('ps-dubois')).to.equal(1);
    });

    it('can be used with the keyboard alone', async () => {
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      q(el, '#birthPlaceCode').focus();
      await sendKeys({ press: 'Enter' });
      await until(el, 'information et consentement');
      q(el, '#consent').focus();
      await sendKeys({ press: 'Space' });
      expect(q(el, '#consent').checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.textContent).to.contain('Créer le DMP');
      const created = oneEvent(el, 'dmp-dossier-created');
      await sendKeys({ press: 'Enter' });
      await created;
      await until(el, 'Le DMP est créé');
      expect(el.shadowRoot!.activeElement?.textContent).to.contain('Le DMP est créé');
    });

    it('fires dmp-dossier-create-cancel with the Cancel button', async () => {
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER);
      await toConsentStep(el);
      setTimeout(() => button(el, 'Annuler').click());
      const event = await oneEvent(el, 'dmp-dossier-create-cancel');
      expect(event.detail).to.deep.equal({ ins: PATIENT_NO_DOSSIER.ins });
      await el.updateComplete;
      expect(q(el, '#nir').value).to.equal('1 85 07 2A 004 019 95');
    });

    it('renders a script in the birth name as text', async () => {
      const { el } = await mount('ps-dubois', { ...PATIENT_BORN_ABROAD, traits: { ...PATIENT_BORN_ABROAD.traits, birthName: XSS } });
      await toConsentStep(el);
      expect(shadowText(el)).to.contain(XSS);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      const created = oneEvent(el, 'dmp-dossier-created');
      await consentAndCreate(el);
      await created;
      await el.updateComplete;
      expect(q(el, '[part="credentials"]').textContent).to.contain(XSS);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });

    it('speaks English', async () => {
      const { el } = await mount('ps-dubois', PATIENT_NO_DOSSIER, 'en');
      await waitUntil(() => shadowText(el).includes("the patient's identity"));
      button(el, 'Look for an existing DMP').click();
      await until(el, 'What to tell the patient');
      expect(shadowText(el)).to.contain('no effect on reimbursements');
      expect(button(el, 'Create the DMP')).to.exist;
    });
  });

  describe('credentials on paper', () => {
    async function created(actorId = 'ps-dubois') {
      const mounted = await mount(actorId, PATIENT_NO_DOSSIER);
      await toConsentStep(mounted.el);
      const event = oneEvent(mounted.el, 'dmp-dossier-created');
      await consentAndCreate(mounted.el);
      await event;
      await until(mounted.el, 'Le DMP est créé');
      const body = storedCreation(posts()[0]!.key!).body as { credentials: { identifier: string; temporaryPassword: string } };
      return { ...mounted, ...body.credentials };
    }

    it('shows a printable sheet with the identifier, the temporary password and how to log in', async () => {
      const { el, identifier, temporaryPassword } = await created();
      await expect(el).to.be.accessible();
      const sheet = q(el, '[part="credentials"]');
      expect(sheet.querySelector('[data-credential="identifier"]')!.textContent).to.equal(identifier);
      expect(sheet.querySelector('[data-credential="password"]')!.textContent).to.equal(temporaryPassword);
      const text = sheet.textContent!.replace(/\s+/g, ' ');
      for (const words of ['monespacesante.fr', 'code à usage unique de 6 chiffres', 'SMS', 'masqué', 'bris de glace', '10 ans']) {
        expect(text).to.contain(words);
      }
      expect(sheet.closest('.screen-only')).to.equal(null);
      expect(q(el, '.actions').classList.contains('screen-only')).to.equal(true);
    });

    it('names the patient on the sheet by birth date and sex too, as every screen does', async () => {
      const { el } = await created();
      const text = q(el, '[part="credentials"]').textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('Date de naissance 12 juillet 1985').and.contain('Sexe Masculin');
    });

    it('titles the sheet with the patient’s name, since a minor’s legal representative takes it home too', async () => {
      const { el, provider } = await created();
      const name = q(el, '[part="credentials"] dd').textContent!;
      expect(q(el, '#sheet-title').textContent).to.equal(`Dossier médical partagé (DMP) de ${name}`);
      provider.locale = 'en';
      await waitUntil(() => q(el, '#sheet-title').textContent === `${name}’s shared medical record (DMP)`, 'the title is not in English');
    });

    it('prints with a print stylesheet that hides everything but the sheet', async () => {
      const { el } = await created();
      const rules = el.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
      const print = rules.find((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === 'print');
      expect(print, '@media print').to.exist;
      expect(print!.cssText).to.contain('.screen-only');
      const original = window.print;
      let printed = 0;
      window.print = () => (printed += 1);
      try {
        button(el, 'Imprimer').click();
      } finally {
        window.print = original;
      }
      expect(printed).to.equal(1);
    });

    it('stores the password nowhere and forgets it on Done', async () => {
      const { el, temporaryPassword } = await created();
      const stored = [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`)).join('\n');
      expect(stored).not.to.contain(temporaryPassword);
      expect(location.href).not.to.contain(temporaryPassword);
      const databases = await indexedDB.databases();
      expect(databases.map((d) => d.name).join()).not.to.contain('dossier-create');
      button(el, 'Terminé').click();
      await el.updateComplete;
      expect(shadowText(el)).not.to.contain(temporaryPassword);
      expect(shadowText(el)).to.contain('DMP créé');
      expect(el.shadowRoot!.activeElement?.textContent).to.contain('DMP créé');
    });

    it('forgets the password when the element is disconnected', async () => {
      const { el, provider, temporaryPassword } = await created();
      el.remove();
      provider.append(el);
      await el.updateComplete;
      expect(shadowText(el)).not.to.contain(temporaryPassword);
      expect(shadowText(el)).to.contain('DMP créé');
    });

    it('forgets the password when the session expires', async () => {
      const { el, provider, temporaryPassword } = await created();
      provider.sessionTimeout = 0.2;
      await until(el, 'Session expirée');
      provider.sessionTimeout = 1800;
      provider.resume();
      await el.updateComplete;
      expect(shadowText(el)).not.to.contain(temporaryPassword);
      expect(shadowText(el)).to.contain('DMP créé');
    });

    it('forgets the password and the patient on a logout', async () => {
      const { el, provider, temporaryPassword } = await created();
      await provider.logout();
      await el.updateComplete;
      expect(shadowText(el)).to.contain('Session expirée');
      provider.resume();
      await el.updateComplete;
      expect(shadowText(el)).not.to.contain(temporaryPassword);
      expect(shadowText(el)).not.to.contain('DMP créé');
      expect(q(el, '#nir').value).to.equal(formatted(PATIENT_NO_DOSSIER.ins));
    });

    it('shows nothing of the patient to the next user', async () => {
      const { el, provider, temporaryPassword } = await created();
      provider.actor = seededActor('ps-martin');
      await provider.updateComplete;
      await el.updateComplete;
      expect(shadowText(el)).not.to.contain(temporaryPassword);
      expect(q(el, '#nir').value).to.equal('1 85 07 2A 004 019 95');
    });

    it('starts afresh for another patient', async () => {
      const { el } = await created();
      button(el, 'Terminé').click();
      await el.updateComplete;
      button(el, 'Créer le DMP d’un autre patient').click();
      await el.updateComplete;
      expect(q(el, '#nir').value).to.equal('');
      expect(q(el, '#birthName').value).to.equal('');
      // The host's status was the first patient's: this one's is chosen here.
      expect([q<HTMLSelectElement>(el, '#insStatus').value, q<HTMLSelectElement>(el, '#insStatus').disabled]).to.deep.equal(['', false]);
    });
  });
});
