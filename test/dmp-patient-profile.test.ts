import { aTimeout, expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { eraseFirstDatePart, retypedDates } from './support/dates.js';
import {
  ADULT_PROFILE,
  ADULT_PROFILE_DOCUMENT_ID,
  PATIENT_ADULT,
  PATIENT_CLOSED,
  PATIENT_LARGE,
  PATIENT_MASKED,
  PATIENT_MINOR,
  professionalById,
} from '../mocks/data/index.js';
import { reasonText } from '../src/i18n/labels.js';
import { HttpDmpClient } from '../src/client/http-client.js';
import { deleteDraft, draftKey, readDraft } from '../src/drafts/draft-store.js';
import '../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import type { DmpPatientProfile } from '../src/elements/dmp-patient-profile/dmp-patient-profile.element.js';
import type { ProfileDraft } from '../src/elements/dmp-patient-profile/draft.js';
import { PatientProfileSchema, type PatientProfile } from '../src/model/profile.js';
import { getResponse, http, HttpResponse } from 'msw';
import { handlers } from '../mocks/handlers/index.js';
import { db, mountInProvider, resetBackend, shadowText, startBackend, worker } from './support/mount.js';
import { waitFor } from './support/wait.js';

const ADULT = PATIENT_ADULT.identity.ins;
const MINOR = PATIENT_MINOR.identity.ins;
const MASKED = PATIENT_MASKED.identity.ins;
const XSS = '<img src=x onerror=alert(1)>';
const SECTIONS = ['blood-group', 'allergies', 'treatments', 'contacts', 'trusted', 'directives', 'organ'];
const DRAFT_KEYS = [
  draftKey('patient:pat-durand-jeanne', ADULT, 'profile'),
  draftKey('legal-representative:rep-moreau-sophie', MINOR, 'profile'),
  draftKey('patient:pat-rousseau-camille', MASKED, 'profile'),
];

async function mount(actorId = 'pat-durand-jeanne', ins = ADULT, locale: 'fr' | 'en' = 'fr') {
  const mounted = await mountInProvider<DmpPatientProfile>(html`<dmp-patient-profile patient-ins=${ins}></dmp-patient-profile>`, actorId, { locale });
  await loaded(mounted.el);
  return mounted;
}

function root(el: DmpPatientProfile): ShadowRoot {
  return el.shadowRoot!;
}

function $<T extends Element = HTMLElement>(el: DmpPatientProfile, selector: string): T {
  const found = root(el).querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function $$(el: DmpPatientProfile, selector: string): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>(selector)];
}

async function loaded(el: DmpPatientProfile): Promise<void> {
  await waitUntil(
    () => {
      const base = root(el).querySelector('[part="base"]');
      return base?.getAttribute('aria-busy') === 'false' && !root(el).querySelector('.skeleton, .lazy-loading');
    },
    'the element never finished loading',
    { timeout: 8000 },
  );
}

/** Types into a field as a user would: value, then the input and change events. */
function type(el: DmpPatientProfile, selector: string, value: string): void {
  const field = $<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Leaves edits kept on the device: a save lost to the network, then the page left. */
async function keepEditsOnDevice(): Promise<void> {
  const first = await mount();
  await startEditing(first.el);
  type(first.el, '#blood-group', 'AB+');
  db.faults.add({ method: 'POST', path: '/documents', network: true, times: 1 });
  await submit(first.el);
  await waitUntil(() => first.el.shadowRoot!.querySelector('.save-error')?.textContent?.includes('sur cet appareil'), 'not kept', { timeout: 8000 });
  first.provider.remove();
}

/** Sophie Moreau, who represents Léa (a minor), made guardian of Camille Rousseau (an adult) too: one user who edits two patients' profiles. */
async function mountRepresentingTwo() {
  db.dossiers.get(MASKED)!.legalRepresentatives.push({ id: 'rep-moreau-sophie', firstName: 'Sophie', lastName: 'Moreau', relationship: 'guardian', since: '2024-01-01T00:00:00.000Z' });
  return mount('rep-moreau-sophie', MINOR);
}

/** Resolves once the mock has answered a request with `status`. */
function answerSeen(status: number): Promise<void> {
  return new Promise((resolve) => {
    const seen = ({ response }: { response: Response }) => {
      if (response.status !== status) return;
      worker.events.removeListener('response:mocked', seen);
      resolve();
    };
    worker.events.on('response:mocked', seen);
  });
}

/** Resolves once a request whose path matches `path` has left for the mock. */
function requestSent(method: string, path: RegExp): Promise<void> {
  return new Promise((resolve) => {
    const seen = ({ request }: { request: Request }) => {
      if (request.method !== method || !path.test(new URL(request.url).pathname)) return;
      worker.events.removeListener('request:start', seen);
      resolve();
    };
    worker.events.on('request:start', seen);
  });
}

async function startEditing(el: DmpPatientProfile): Promise<void> {
  $(el, '#edit').click();
  // Its fields come with a module of their own, loaded meanwhile.
  await waitUntil(() => root(el).querySelector('form.profile-form #blood-group'), 'the form never opened');
}

/** Adds an entry with the section's add button and returns the id of the entry's first field. */
async function addEntry(el: DmpPatientProfile, list: 'allergies' | 'treatments' | 'emergencyContacts'): Promise<string> {
  $(el, `#add-${list}`).click();
  await el.updateComplete;
  return root(el).activeElement!.id;
}

function entryField(firstFieldId: string, part: string): string {
  return `#${CSS.escape(firstFieldId.replace(/-(agent|name)$/, `-${part}`))}`;
}

async function submit(el: DmpPatientProfile): Promise<void> {
  $(el, 'form.profile-form button[type="submit"]').click();
  await el.updateComplete;
}

function record(ins = ADULT) {
  return db.documentsOf(ins);
}

function currentOf(ins: string, typeCode: string) {
  return record(ins).filter((d) => d.typeCode === typeCode && d.status === 'current');
}

async function storedProfile(ins: string): Promise<PatientProfile> {
  const [doc] = currentOf(ins, 'EXPPAT_2');
  const body = db.contentOf(doc!).body;
  return PatientProfileSchema.parse(JSON.parse(typeof body === 'string' ? body : await body.text()));
}

function setStoredContent(body: string, id = ADULT_PROFILE_DOCUMENT_ID): void {
  db.contents.set(id, { mimeType: 'text/plain', body });
}

function selectFile(el: DmpPatientProfile, file: File): void {
  const input = $<HTMLInputElement>(el, '#directives-file');
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const lastLog = (ins = ADULT) => db.logOf(ins).at(-1)!;

function clientAs(actorId: string) {
  return new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: () => ({ Authorization: `Bearer ${actorId}` }), retry: { baseDelayMs: 1 } });
}

describe('dmp-patient-profile', () => {
  before(startBackend);
  beforeEach(async () => {
    await resetBackend();
    await Promise.all(DRAFT_KEYS.map((key) => deleteDraft(key)));
  });

  it('reads the profile of the 10,000-document dossier: its patient’s notes are not declared information', async () => {
    const { el } = await mount(PATIENT_LARGE.id, PATIENT_LARGE.identity.ins);
    expect(root(el).querySelector('.malformed')).to.equal(null);
  });

  describe('the patient’s read view', () => {
    it('is accessible and shows every declared section, marked as declared by the patient', async () => {
      const { el } = await mount();
      await expect(el).to.be.accessible();
      expect($(el, 'h2').textContent).to.contain('Mes informations');
      for (const id of SECTIONS) expect($(el, `[data-section="${id}"] [part="badge"]`).textContent).to.contain('Déclaré par le patient');
      expect($(el, '[data-section="blood-group"]').textContent).to.contain('A+');
      expect($(el, '[data-section="allergies"]').textContent).to.contain('Pénicillines (amoxicilline)').and.contain('Urticaire géante').and.contain('1 mai 1987');
      expect($(el, '[data-section="treatments"]').textContent).to.contain('Metformine 1000 mg').and.contain('1 comprimé matin et soir');
      expect($(el, '[data-section="contacts"]').textContent).to.contain('Claire Durand').and.contain('(Fille)').and.contain('06 39 98 02 11');
      expect($<HTMLAnchorElement>(el, '[data-section="contacts"] a').getAttribute('href')).to.equal('tel:0639980211');
      expect($(el, '[data-section="trusted"]').textContent).to.contain('Claire Durand').and.contain('claire.durand@example.org');
      expect($(el, '[data-section="directives"]').textContent).to.contain('Rédigées le 8 novembre 2025').and.contain('acharnement thérapeutique');
      expect($(el, '[data-section="directives"] .file').textContent).to.contain('Directives anticipées').and.contain('déposées le 8 novembre 2025');
      expect($(el, '[data-section="organ"]').textContent).to.contain('Accepte le don');
      expect($(el, '.updated').textContent).to.contain('Jeanne Durand').and.contain('version 1');
      expect($(el, '#edit').textContent).to.contain('Modifier les informations');
      expect(root(el).querySelector('.declared-notice')).to.equal(null);
    });

    it('reads through the document API: the list and the content are in the access log', async () => {
      const before = db.logOf(ADULT).length;
      await mount();
      const actions = db.logOf(ADULT).slice(before).map((e) => `${e.action}:${e.target?.documentId ?? ''}`);
      expect(actions).to.include('document.list:').and.include(`document.read:${ADULT_PROFILE_DOCUMENT_ID}`);
      expect(db.logOf(ADULT).slice(before).every((e) => e.actor.id === 'pat-durand-jeanne' && e.outcome === 'allowed')).to.equal(true);
    });

    it('shows the patient identity given by the host', async () => {
      const { el } = await mount();
      el.patient = { name: 'Jeanne Durand', birthDate: '1958-03-14', sex: 'F' };
      await el.updateComplete;
      expect($(el, '[part="patient"]').textContent).to.contain('Jeanne Durand').and.contain('14 mars 1958');
    });

    it('says so when no patient is given', async () => {
      const { el } = await mountInProvider<DmpPatientProfile>(html`<dmp-patient-profile></dmp-patient-profile>`, 'pat-durand-jeanne');
      expect($(el, '[role="alert"]').textContent).to.contain('Aucun patient n’est indiqué');
    });

    it('speaks English', async () => {
      const { el } = await mount('pat-durand-jeanne', ADULT, 'en');
      await expect(el).to.be.accessible();
      const text = shadowText(el);
      expect(text).to.contain('My information').and.contain('Declared by the patient').and.contain('Blood group').and.contain('Trusted person');
      expect(text).to.contain('Accepts donating').and.contain('8 November 2025');
      // What the patient wrote stays French, and says so, for a screen reader to speak it as such.
      const allergy = $(el, '[data-section="allergies"] li');
      expect([...allergy.querySelectorAll('[lang="fr"]')].map((e) => e.textContent)).to.deep.equal([ADULT_PROFILE.allergies[0]!.agent, ADULT_PROFILE.allergies[0]!.reaction]);
      expect(allergy.querySelector('.meta')!.closest('[lang="fr"]'), 'the words of the page are marked French').to.equal(null);
    });

    it('finds the directives file of a patient with more own documents than one page holds', async () => {
      const directives = db.findDocument(ADULT, 'doc-durand-directives')!;
      // 1,000 newer deposits (a scanned health booklet, page by page): the directives come after.
      for (let i = 0; i < 1000; i += 1) {
        db.documentsOf(ADULT).push({ ...directives, id: `doc-carnet-${i}`, typeCode: 'EXPPAT_1', title: `Carnet de santé, page ${i + 1}`, serviceStart: '2026-10-01T12:00:00.000Z' });
      }
      const { el } = await mount();
      const opened = oneEvent(el, 'dmp-document-open');
      $(el, '[data-section="directives"] .file button').click();
      expect((await opened).detail.document.id).to.equal('doc-durand-directives');
    });

    it('opens an uploaded directives document with dmp-document-open', async () => {
      const { el, provider } = await mount();
      const opened = oneEvent(el, 'dmp-document-open');
      $(el, '[data-section="directives"] .file button').click();
      const { detail } = await opened;
      expect(detail.document.id).to.equal('doc-durand-directives');
      expect(detail.document.typeCode).to.equal('EXPPAT_3');
      // The host reads the file through the detail: logged, and announced to the page's history.
      const changed = oneEvent(provider, 'dmp-data-changed');
      expect((await detail.content()).size).to.be.greaterThan(0);
      expect((await changed).detail).to.deep.include({ topics: ['history'], ins: ADULT });
      expect(db.logOf(ADULT).at(-1)).to.deep.include({ action: 'document.read', target: { documentId: 'doc-durand-directives', title: detail.document.title } });
    });
  });

  describe('editing and saving', () => {
    it('lets the patient fill the form about themselves, and a legal representative about the patient', async () => {
      const label = (el: DmpPatientProfile, id: string) => root(el).querySelector(`label[for="${id}"]`)!.textContent!.trim();
      const own = await mount();
      await startEditing(own.el);
      expect(label(own.el, 'trusted-relationship')).to.contain('Lien avec vous');
      expect(label(own.el, 'organ-accept')).to.equal('J’accepte le don de mes organes et tissus après mon décès');
      const { el } = await mount('rep-moreau-sophie', MINOR);
      await startEditing(el);
      expect(label(el, 'trusted-relationship')).to.contain('Lien avec le patient');
      expect(label(el, 'organ-accept')).to.equal('Accepte le don de ses organes et tissus après son décès');
    });

    it('explains the trusted person and the directives to the patient about themselves, and to a representative about the patient', async () => {
      const hints = (el: DmpPatientProfile) => [...root(el).querySelectorAll('form.profile-form .hint')].map((h) => h.textContent!.replace(/\s+/g, ' ')).join(' ');
      const own = await mount();
      await startEditing(own.el);
      expect(hints(own.el)).to.contain('vous accompagne dans vos démarches').and.contain('disent vos volontés sur votre fin de vie');
      expect(hints(own.el)).to.not.contain('le patient').and.not.contain('du patient');
      own.provider.remove();
      const { el } = await mount('rep-moreau-sophie', MINOR);
      await startEditing(el);
      expect(hints(el)).to.contain('accompagne le patient dans ses démarches').and.contain('les volontés du patient sur sa fin de vie');
      const contact = await addEntry(el, 'emergencyContacts');
      type(el, `#${CSS.escape(contact)}`, 'Paul Moreau');
      await submit(el);
      expect($(el, `${entryField(contact, 'relationship')}-error`).textContent).to.contain('Indiquez le lien avec le patient');
    });

    it('shows the version just saved while the list is read again, and edits it without a conflict with itself', async () => {
      const { el } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'B+');
      const saved = oneEvent(el, 'dmp-profile-saved');
      db.faults.add({ method: 'GET', path: '/documents$', latencyMs: 800, times: 1 });
      await submit(el);
      const { document } = (await saved).detail;
      await el.updateComplete;
      expect($(el, '[data-section="blood-group"]').textContent).to.contain('B+');
      expect(shadowText(el)).to.contain(`version ${document.version}`);
      await startEditing(el);
      type(el, '#blood-group', 'AB+');
      const again = oneEvent(el, 'dmp-profile-saved');
      await submit(el);
      expect((await again).detail.document.replaces).to.equal(document.id);
      // The reads the saves caused end here, not in the next test's history: the log stops growing.
      let lines = -1;
      await waitUntil(
        () => {
          const now = db.logOf(ADULT).length;
          const still = now === lines;
          lines = now;
          return still;
        },
        'the reads never ended',
        { interval: 500, timeout: 8000 },
      );
    });

    it('leaves focus on the host page field the user went to while the save ran', async () => {
      const { el } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'B-');
      const field = document.createElement('input');
      field.setAttribute('aria-label', 'Note de l’intranet');
      document.body.append(field);
      try {
        db.faults.add({ method: 'POST', path: '/documents', latencyMs: 300, times: 1 });
        const saved = oneEvent(el, 'dmp-profile-saved');
        $(el, 'form.profile-form button[type="submit"]').focus();
        await submit(el);
        field.focus();
        await saved;
        await el.updateComplete;
        expect(document.activeElement === field, `focus went to ${document.activeElement?.localName}`).to.equal(true);
      } finally {
        field.remove();
      }
    });

    it('saves a new version that replaces the old one, logged, with both events and a data change', async () => {
      const { el, provider } = await mount();
      await startEditing(el);
      await expect(el).to.be.accessible();
      expect(root(el).activeElement?.id).to.equal('form-title');
      type(el, '#blood-group', 'O-');
      const agent = await addEntry(el, 'allergies');
      type(el, `#${CSS.escape(agent)}`, 'Arachide');
      type(el, entryField(agent, 'reaction'), 'Œdème de Quincke');
      type(el, entryField(agent, 'since'), '2019-04-02');
      $(el, '#organ-refuse').click();
      type(el, '#organ-note', 'Inscrite au registre national des refus.');

      const requested = oneEvent(el, 'dmp-profile-save-request');
      const saved = oneEvent(el, 'dmp-profile-saved');
      const changed = oneEvent(provider, 'dmp-data-changed');
      await submit(el);
      const request = await requested;
      expect(request.cancelable).to.equal(true);
      expect(request.detail.replaces?.id).to.equal(ADULT_PROFILE_DOCUMENT_ID);
      expect(request.detail.profile.bloodGroup).to.equal('O-');
      const done = (await saved).detail;
      expect(done.document).to.deep.include({ typeCode: 'EXPPAT_2', category: 'patient', replaces: ADULT_PROFILE_DOCUMENT_ID, version: 2, mimeType: 'text/plain' });
      expect((await changed).detail).to.deep.include({ topics: ['documents', 'history'], ins: ADULT });

      expect(db.findDocument(ADULT, ADULT_PROFILE_DOCUMENT_ID)).to.deep.include({ status: 'replaced', replacedBy: done.document.id });
      expect(currentOf(ADULT, 'EXPPAT_2').map((d) => d.id)).to.deep.equal([done.document.id]);
      const stored = await storedProfile(ADULT);
      expect(stored).to.deep.equal(done.profile);
      expect(stored.bloodGroup).to.equal('O-');
      expect(stored.allergies.at(-1)).to.deep.include({ agent: 'Arachide', reaction: 'Œdème de Quincke', since: '2019-04-02' });
      expect(stored.allergies.slice(0, 2)).to.deep.equal(ADULT_PROFILE.allergies);
      expect(stored.organDonation).to.deep.equal({ choice: 'refuse', note: 'Inscrite au registre national des refus.' });
      expect(lastLog()).to.deep.include({ action: 'document.replace', outcome: 'allowed' });
      expect(lastLog().actor).to.deep.include({ kind: 'patient', id: 'pat-durand-jeanne' });

      await waitUntil(() => $(el, '[data-section="blood-group"]').textContent!.includes('O-'), 'the read view did not show the new version');
      expect($(el, '[data-section="allergies"]').textContent).to.contain('Arachide');
      expect($(el, '[data-section="organ"]').textContent).to.contain('Refuse le don').and.contain('registre national');
      expect(shadowText(el)).to.contain('Les informations sont enregistrées.');
      expect($(el, '.updated').textContent).to.contain('version 2');
      await waitUntil(() => root(el).activeElement?.id === 'edit', 'focus did not come back to the edit button');
    });

    it('does not hold back the announcement of a save while the profile is read again', async () => {
      const { el } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'B+');
      db.faults.add({ method: 'GET', path: '/documents$', latencyMs: 800, times: 1 });
      let readAgain = false;
      const answered = ({ request }: { request: Request }) => {
        if (request.method === 'GET' && new URL(request.url).pathname.endsWith('/documents')) readAgain = true;
      };
      worker.events.on('response:mocked', answered);
      try {
        const saved = oneEvent(el, 'dmp-profile-saved');
        await submit(el);
        await saved;
        await requestSent('GET', /\/documents$/);
        await el.updateComplete;
        expect(readAgain, 'the list was read again before the check').to.equal(false);
        const status = $$(el, '[role="status"]').find((region) => region.textContent!.includes('Les informations sont enregistrées.'));
        expect(status, 'the save is not said').to.not.equal(undefined);
        // A boolean: a failure naming the busy element would be sent whole to the test runner.
        expect(status!.closest('[aria-busy="true"]') === null, 'the announcement is inside a busy region').to.equal(true);
      } finally {
        worker.events.removeListener('response:mocked', answered);
      }
    });

    it('says the profile is saved in the language the user switches to afterwards', async () => {
      const { el, provider } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'O-');
      await submit(el);
      await waitUntil(() => shadowText(el).includes('Les informations sont enregistrées.'), 'the save was never said');
      provider.locale = 'en';
      await waitUntil(() => shadowText(el).includes('The information is saved.'), 'the status stayed in French');
    });

    it('finishes a save the host takes out of the page, and says so when the profile is back', async () => {
      const { el } = await mount();
      const parent = el.parentElement!;
      await startEditing(el);
      type(el, '#blood-group', 'O-');
      db.faults.add({ method: 'POST', path: '/documents', latencyMs: 400, times: 1 });
      await submit(el);
      // The host shows another view meanwhile, and comes back to the profile.
      el.remove();
      await waitUntil(() => currentOf(ADULT, 'EXPPAT_2')[0]?.id !== ADULT_PROFILE_DOCUMENT_ID, 'the save never reached the DMP', { timeout: 3000 });
      await aTimeout(100);
      parent.append(el);
      await waitFor(() => shadowText(el).includes('Les informations sont enregistrées.'), () => `nothing says what became of the save: ${shadowText(el).slice(0, 200)}`);
      expect(root(el).querySelector('form.profile-form')).to.equal(null);
      expect((await storedProfile(ADULT)).bloodGroup).to.equal('O-');
    });

    it('sends nothing when the host vetoes the save, and keeps the form', async () => {
      const { el } = await mount();
      await startEditing(el);
      const before = db.logOf(ADULT).length;
      el.addEventListener('dmp-profile-save-request', (e) => e.preventDefault());
      let saved = false;
      el.addEventListener('dmp-profile-saved', () => (saved = true));
      type(el, '#blood-group', 'B+');
      await submit(el);
      // Time for a save to reach the server, had it been sent.
      await aTimeout(500);
      expect(saved).to.equal(false);
      expect(db.logOf(ADULT).length).to.equal(before);
      expect(db.findDocument(ADULT, ADULT_PROFILE_DOCUMENT_ID)?.status).to.equal('current');
      expect($<HTMLSelectElement>(el, '#blood-group').value).to.equal('B+');
    });

    it('is operable with the keyboard alone', async () => {
      const { el } = await mount();
      $(el, '#edit').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).activeElement?.id === 'form-title', 'Enter did not open the form');
      $(el, '#add-treatments').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const nameId = root(el).activeElement!.id;
      expect(nameId).to.match(/^treatment-.+-name$/);
      await sendKeys({ type: 'Levothyrox 50 µg' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '1 comprimé à jeun' });
      $(el, 'form.profile-form button[type="submit"]').focus();
      const saved = oneEvent(el, 'dmp-profile-saved');
      await sendKeys({ press: 'Enter' });
      const { detail } = await saved;
      expect(detail.profile.treatments.at(-1)).to.deep.include({ name: 'Levothyrox 50 µg', dosage: '1 comprimé à jeun' });
    });

    it('moves focus to a new entry, and back to the add button when one is removed', async () => {
      const { el } = await mount();
      await startEditing(el);
      const nameId = await addEntry(el, 'emergencyContacts');
      expect(nameId).to.match(/^contact-.+-name$/);
      const count = $$(el, 'input[id^="contact-"][id$="-name"]').length;
      const remove = $(el, `#${CSS.escape(nameId)}`).closest('li')!.querySelector<HTMLButtonElement>('button.remove')!;
      expect(remove.getAttribute('aria-label')).to.equal(`Retirer la personne à prévenir n° ${count}`);
      remove.click();
      await el.updateComplete;
      expect(root(el).activeElement?.id).to.equal('add-emergencyContacts');
      expect($$(el, 'input[id^="contact-"][id$="-name"]').length).to.equal(count - 1);
      const named = $$(el, 'button.remove').find((b) => b.getAttribute('aria-label') === 'Retirer l’allergie Codéine');
      expect(named, 'a removal button names its entry').to.not.equal(undefined);
    });

    it('asks before discarding changes and gives focus back to Cancel', async () => {
      const { el } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'AB-');
      const cancel = $<HTMLButtonElement>(el, '#cancel');
      cancel.focus();
      cancel.click();
      const dialog = $<HTMLDialogElement>(el, '#discard-dialog');
      await waitUntil(() => dialog.open, 'no confirmation');
      dialog.querySelector<HTMLButtonElement>('button[value="keep"]')!.click();
      await waitUntil(() => !dialog.open);
      expect(root(el).activeElement).to.equal(cancel);
      expect($<HTMLSelectElement>(el, '#blood-group').value).to.equal('AB-');

      cancel.click();
      await waitUntil(() => dialog.open);
      dialog.querySelector<HTMLButtonElement>('button[value="discard"]')!.click();
      await waitUntil(() => !root(el).querySelector('form.profile-form'), 'the form stayed open');
      expect($(el, '[data-section="blood-group"]').textContent).to.contain('A+');
      expect(db.findDocument(ADULT, ADULT_PROFILE_DOCUMENT_ID)?.status).to.equal('current');
    });

    it('stops the save of edits the user discards while it is on its way', async () => {
      const { el } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'AB-');
      db.faults.add({ method: 'POST', path: '/documents', latencyMs: 800, times: 1 });
      let saved = false;
      el.addEventListener('dmp-profile-saved', () => (saved = true));
      const sent = requestSent('POST', /\/documents$/);
      await submit(el);
      await sent;
      $(el, '#cancel').click();
      const dialog = $<HTMLDialogElement>(el, '#discard-dialog');
      await waitUntil(() => dialog.open, 'no confirmation');
      dialog.querySelector<HTMLButtonElement>('button[value="discard"]')!.click();
      await waitUntil(() => !root(el).querySelector('form.profile-form'), 'the form stayed open');
      await aTimeout(1200);
      expect(saved, 'the discarded edits were saved').to.equal(false);
    });

    it('closes without asking when nothing was changed', async () => {
      const { el } = await mount();
      await startEditing(el);
      $(el, '#cancel').click();
      await waitUntil(() => !root(el).querySelector('form.profile-form'));
      expect($(el, '#edit')).to.exist;
    });
  });

  describe('typing', () => {
    it('leaves the other parts of a date alone while one is retyped', async () => {
      const { el } = await mount();
      await startEditing(el);
      const since = $<HTMLInputElement>(el, '#allergy-decl-allergie-penicilline-since');
      expect(since.value).to.equal('1987-05-01');
      await eraseFirstDatePart(since, el);
      expect(since.validity.badInput, 'the other parts were cleared').to.equal(true);
      await sendKeys({ type: '03' });
      await el.updateComplete;
      expect(retypedDates('1987-05-01', '03')).to.include(since.value);
    });

    it('refuses a date left unfinished instead of saving it as no date', async () => {
      const { el } = await mount();
      await startEditing(el);
      const since = $<HTMLInputElement>(el, '#allergy-decl-allergie-penicilline-since');
      await eraseFirstDatePart(since, el);
      const before = record().length;
      await submit(el);
      await aTimeout(300);
      expect(root(el).activeElement === since, 'focus is not on the unfinished date').to.equal(true);
      expect(since.getAttribute('aria-invalid')).to.equal('true');
      expect(shadowText(el)).to.contain('Date invalide.');
      expect(record().length).to.equal(before);
    });
  });

  describe('validation', () => {
    it('checks each field, says why in French, focuses the first and sends nothing', async () => {
      const { el } = await mount();
      await startEditing(el);
      const before = db.logOf(ADULT).length;
      const contact = await addEntry(el, 'emergencyContacts');
      type(el, entryField(contact, 'phone'), '12 34');
      const allergy = await addEntry(el, 'allergies');
      const treatment = await addEntry(el, 'treatments');
      type(el, '#trusted-name', '');
      type(el, '#trusted-email', 'pas-une-adresse');
      type(el, '#directives-written-on', '2999-01-01');
      await submit(el);
      const expectProblem = (selector: string, text: string) => {
        const field = $(el, selector);
        expect(field.getAttribute('aria-invalid'), selector).to.equal('true');
        expect(field.getAttribute('aria-describedby'), selector).to.contain(`${field.id}-error`);
        expect($(el, `#${CSS.escape(field.id)}-error`).textContent, selector).to.contain(text);
      };
      expectProblem(`#${CSS.escape(contact)}`, 'Indiquez le nom de la personne');
      expectProblem(entryField(contact, 'relationship'), 'Indiquez votre lien avec cette personne');
      expectProblem(entryField(contact, 'phone'), 'Numéro de téléphone français attendu');
      expectProblem(`#${CSS.escape(allergy)}`, 'Indiquez la substance');
      expectProblem(`#${CSS.escape(treatment)}`, 'Indiquez le nom du traitement');
      expectProblem('#trusted-name', 'Indiquez le nom de la personne');
      expectProblem('#trusted-email', 'Adresse e-mail invalide');
      expectProblem('#directives-written-on', 'ne peut pas être dans le futur');
      expect($(el, 'form.profile-form > [role="alert"]').textContent).to.contain('8 champs sont à corriger');
      await waitUntil(() => root(el).activeElement?.getAttribute('aria-invalid') === 'true', 'focus did not go to an invalid field');
      expect(db.logOf(ADULT).length).to.equal(before);
      await expect(el).to.be.accessible();
    });

    it('re-checks as the user corrects, and stores phone numbers in one French form', async () => {
      const { el } = await mount();
      await startEditing(el);
      const contact = await addEntry(el, 'emergencyContacts');
      type(el, `#${CSS.escape(contact)}`, 'Paul Martin');
      type(el, entryField(contact, 'relationship'), 'Frère');
      type(el, entryField(contact, 'phone'), '0612');
      await submit(el);
      expect($(el, entryField(contact, 'phone')).getAttribute('aria-invalid')).to.equal('true');
      type(el, entryField(contact, 'phone'), '+33 6.39.98.05.05');
      await el.updateComplete;
      expect($(el, entryField(contact, 'phone')).getAttribute('aria-invalid')).to.equal('false');
      expect(root(el).querySelector('form.profile-form > [role="alert"]')).to.equal(null);
      const saved = oneEvent(el, 'dmp-profile-saved');
      await submit(el);
      expect((await saved).detail.profile.emergencyContacts.at(-1)).to.deep.equal({
        id: contact.replace(/^contact-/, '').replace(/-name$/, ''),
        name: 'Paul Martin',
        relationship: 'Frère',
        phone: '06 39 98 05 05',
      });
    });

    it('refuses “no allergy known” next to listed allergies', async () => {
      const { el } = await mount();
      await startEditing(el);
      $(el, '#allergies-none-known').click();
      await submit(el);
      expect($(el, '#allergies-none-known-error').textContent).to.contain('Aucune allergie connue');
      expect(db.findDocument(ADULT, ADULT_PROFILE_DOCUMENT_ID)?.status).to.equal('current');
    });

    it('asks for the date of written directives', async () => {
      const { el } = await mount();
      await startEditing(el);
      type(el, '#directives-written-on', '');
      await submit(el);
      expect($(el, '#directives-written-on-error').textContent).to.contain('Indiquez la date à laquelle les directives ont été rédigées');
    });

    it('says it in English', async () => {
      const { el } = await mount('pat-durand-jeanne', ADULT, 'en');
      await startEditing(el);
      const contact = await addEntry(el, 'emergencyContacts');
      type(el, entryField(contact, 'phone'), 'abc');
      await submit(el);
      expect($(el, `#${CSS.escape(contact)}-error`).textContent).to.contain('Enter the person’s name');
      expect($(el, `${entryField(contact, 'phone')}-error`).textContent).to.contain('French phone number expected');
      expect($(el, 'form.profile-form > [role="alert"]').textContent).to.contain('3 fields need correcting');
    });
  });

  describe('failures keep what was typed', () => {
    it('keeps what was typed while the save ran: the form stays open over the version just saved, and saves it next', async () => {
      const { el } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'B-');
      db.faults.add({ method: 'POST', path: '/documents', latencyMs: 400, times: 1 });
      const saved = oneEvent(el, 'dmp-profile-saved');
      await submit(el);
      type(el, '#trusted-relationship', 'Saisi pendant l’enregistrement');
      const first = (await saved).detail.document;
      await el.updateComplete;
      expect(($(el, '#trusted-relationship') as HTMLInputElement).value).to.equal('Saisi pendant l’enregistrement');
      expect(shadowText(el)).to.contain('ce que vous avez saisi depuis reste à enregistrer');
      const next = oneEvent(el, 'dmp-profile-saved');
      await submit(el);
      const second = (await next).detail;
      // The second save replaces the first, not the version the form was opened on: no conflict.
      expect(second.document.replaces).to.equal(first.id);
      expect(second.profile.bloodGroup).to.equal('B-');
      expect((await storedProfile(ADULT)).trustedPerson?.relationship).to.equal('Saisi pendant l’enregistrement');
    });

    for (const fault of [{ network: true }, { status: 500 }] as const) {
      const name = 'network' in fault ? 'network' : '500';
      it(`keeps the form and a draft on this device when the save fails (${name}), then saves on retry`, async () => {
        const { el } = await mount();
        await startEditing(el);
        type(el, '#blood-group', 'B-');
        type(el, '#trusted-relationship', 'Fille aînée');
        db.faults.add({ method: 'POST', path: '/documents', times: 1, ...fault });
        await submit(el);
        await waitUntil(() => root(el).querySelector('.save-error'), 'no failure shown', { timeout: 8000 });
        const message = $(el, '.save-error').textContent!;
        expect(message).to.contain('Les informations n’ont pas été enregistrées');
        expect(message).to.contain(name === 'network' ? 'hors ligne' : 'Le serveur du DMP a rencontré une erreur');
        await waitUntil(() => $(el, '.save-error').textContent!.includes('sur cet appareil'), 'the draft was not said to be kept');
        expect($<HTMLSelectElement>(el, '#blood-group').value).to.equal('B-');
        expect($<HTMLInputElement>(el, '#trusted-relationship').value).to.equal('Fille aînée');
        expect(db.findDocument(ADULT, ADULT_PROFILE_DOCUMENT_ID)?.status).to.equal('current');
        const draft = await readDraft<ProfileDraft>(DRAFT_KEYS[0]!);
        expect(draft?.content.bloodGroup).to.equal('B-');
        expect(draft?.baseEtag).to.equal(ADULT_PROFILE_DOCUMENT_ID);

        const saved = oneEvent(el, 'dmp-profile-saved');
        await submit(el);
        expect((await saved).detail.profile.trustedPerson?.relationship).to.equal('Fille aînée');
        expect(await readDraft(DRAFT_KEYS[0]!)).to.equal(undefined);
      });
    }

    it('keeps no draft of edits typed just before a logout, even when the host removes the element before it hears of it', async () => {
      const { el, provider } = await mount();
      await startEditing(el);
      type(el, '#trusted-relationship', 'Tapé avant la déconnexion');
      // dmp-dossier does this: the logout's notice replaces its tabs before they update.
      const logout = provider.logout();
      el.remove();
      await logout;
      await aTimeout(100);
      expect(await readDraft(DRAFT_KEYS[0]!)).to.equal(undefined);
    });

    it('does not offer again, after a logout and the same user’s return, edits the logout deleted', async () => {
      const first = await mount();
      await startEditing(first.el);
      type(first.el, '#trusted-relationship', 'Nièce');
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await waitUntil(async () => (await readDraft<ProfileDraft>(DRAFT_KEYS[0]!))?.content.trustedPerson?.relationship === 'Nièce', 'not kept');
      first.provider.remove();
      const { el, provider } = await mount();
      expect(Boolean(root(el).querySelector('.draft-offer'))).to.equal(true);
      db.faults.add({ method: 'GET', path: '/documents$', latencyMs: 400, times: 1 });
      await provider.logout();
      provider.resume();
      await el.updateComplete;
      expect(Boolean(root(el).querySelector('.draft-offer')), 'the deleted edits are offered while the profile reloads').to.equal(false);
      await loaded(el);
      expect(Boolean(root(el).querySelector('.draft-offer'))).to.equal(false);
    });

    it('keeps the edits on this device as they are typed, with no save asked, and offers them after the page is closed', async () => {
      const first = await mount();
      await startEditing(first.el);
      type(first.el, '#trusted-relationship', 'Nièce');
      await waitUntil(async () => (await readDraft<ProfileDraft>(DRAFT_KEYS[0]!))?.content.trustedPerson?.relationship === 'Nièce', 'never kept while typing');
      type(first.el, '#blood-group', 'O-');
      // Closing the tab leaves no time for the delay: the page's hiding writes at once.
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await waitUntil(async () => (await readDraft<ProfileDraft>(DRAFT_KEYS[0]!))?.content.bloodGroup === 'O-', 'not kept when the page was hidden');
      first.provider.remove();

      const { el } = await mount();
      expect($(el, '.draft-offer').textContent).to.contain('Des modifications non enregistrées');
      $(el, '.draft-offer button').click();
      await waitUntil(() => root(el).querySelector('form.profile-form'));
      expect($<HTMLSelectElement>(el, '#blood-group').value).to.equal('O-');
      expect($<HTMLInputElement>(el, '#trusted-relationship').value).to.equal('Nièce');
    });

    it('leaves nothing on this device when the edits are undone', async () => {
      const { el } = await mount();
      await startEditing(el);
      const before = $<HTMLSelectElement>(el, '#blood-group').value;
      type(el, '#blood-group', 'O-');
      await waitUntil(async () => (await readDraft(DRAFT_KEYS[0]!)) !== undefined, 'never kept while typing');
      type(el, '#blood-group', before);
      await waitUntil(async () => (await readDraft(DRAFT_KEYS[0]!)) === undefined, 'the undone edits stayed stored');
    });

    it('offers the kept draft again after a reload, to its author only', async () => {
      await keepEditsOnDevice();

      const doctor = await mount('ps-martin');
      expect(root(doctor.el).querySelector('.draft-offer')).to.equal(null);
      doctor.provider.remove();

      const { el } = await mount();
      expect($(el, '.draft-offer').textContent).to.contain('Des modifications non enregistrées');
      await expect(el).to.be.accessible();
      // Resumed or abandoned: a blank form beside them would overwrite them, or delete them on Cancel.
      expect(Boolean(root(el).querySelector('#edit')), 'a blank form is offered beside the kept edits').to.equal(false);
      const kept = (await readDraft<ProfileDraft>(DRAFT_KEYS[0]!))!;
      const restored = oneEvent(el, 'dmp-draft-restored');
      $(el, '.draft-offer button').click();
      // The host hears it as from the synthesis editor: which patient, and the draft's age and base.
      expect((await restored).detail).to.deep.equal({ ins: ADULT, savedAt: kept.savedAt, baseVersion: kept.baseVersion });
      expect(kept.baseVersion, 'the draft names no base version').to.be.a('number');
      await waitUntil(() => root(el).querySelector('form.profile-form'));
      expect($<HTMLSelectElement>(el, '#blood-group').value).to.equal('AB+');
      $(el, '#cancel').click();
      const dialog = $<HTMLDialogElement>(el, '#discard-dialog');
      await waitUntil(() => dialog.open);
      dialog.querySelector<HTMLButtonElement>('button[value="discard"]')!.click();
      await waitUntil(async () => (await readDraft(DRAFT_KEYS[0]!)) === undefined, 'the discarded draft stayed stored');
      // Nothing is kept any more, and the page no longer says so.
      await waitUntil(() => !root(el).querySelector('.draft-offer') && root(el).querySelector('#edit'), 'the offer of the discarded edits stayed');
      await waitFor(() => root(el).activeElement?.id === 'edit', () => `the focus is on ${root(el).activeElement?.id ?? document.activeElement?.localName}`);
    });

    it('abandons kept edits from their offer: Edit is back at once, with the focus, and nothing is kept', async () => {
      await keepEditsOnDevice();
      const { el } = await mount();
      let restored = 0;
      el.addEventListener('dmp-draft-restored', () => (restored += 1));
      const abandon = [...root(el).querySelectorAll<HTMLButtonElement>('.draft-offer button')].find((b) => b.textContent!.includes('Les abandonner'))!;
      abandon.focus();
      abandon.click();
      await el.updateComplete;
      expect(Boolean(root(el).querySelector('.draft-offer')), 'the abandoned edits are still offered').to.equal(false);
      await waitFor(() => root(el).activeElement?.id === 'edit', () => `the focus is on ${root(el).activeElement?.id ?? document.activeElement?.localName}`);
      await waitUntil(async () => (await readDraft(DRAFT_KEYS[0]!)) === undefined, 'the abandoned draft stayed stored');
      expect(restored, 'abandoned edits were said to be restored').to.equal(0);
    });

    it('hides the form when the session expires, and gives it back as typed when it resumes', async () => {
      const { el, provider } = await mount();
      await startEditing(el);
      type(el, '#trusted-relationship', 'Petite-fille');
      provider.sessionTimeout = 0.2;
      await waitUntil(() => shadowText(el).includes('Session expirée'), 'the session did not expire');
      expect(root(el).querySelector('form.profile-form')).to.equal(null);
      expect(shadowText(el)).not.to.contain('Claire Durand');
      provider.sessionTimeout = 1800;
      provider.resume();
      await waitUntil(() => root(el).querySelector('form.profile-form'), 'the form did not come back');
      expect($<HTMLInputElement>(el, '#trusted-relationship').value).to.equal('Petite-fille');
    });

    it('keeps one patient’s edits away from another patient', async () => {
      const { el } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'AB-');
      el.patientIns = MINOR;
      await waitUntil(() => root(el).querySelector('.refusal'), 'no refusal for another patient’s dossier', { timeout: 8000 });
      expect(root(el).querySelector('form.profile-form')).to.equal(null);
      expect($(el, '.refusal').textContent).to.contain('Ce dossier n’est pas le vôtre');
      await waitUntil(async () => (await readDraft<ProfileDraft>(DRAFT_KEYS[0]!))?.content.bloodGroup === 'AB-', 'the edits were not kept for their patient');
      el.patientIns = ADULT;
      await waitUntil(() => root(el).querySelector('.draft-offer'), 'the edits were not offered back', { timeout: 8000 });
    });

    it('finishes a save sent before the host showed another patient: the host hears of it, and its edits are no longer kept', async () => {
      const { el, provider } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'O-');
      db.faults.add({ method: 'POST', path: '/documents', latencyMs: 500, times: 1 });
      const sent = new Promise<void>((resolve) => {
        const seen = ({ request }: { request: Request }) => {
          if (request.method !== 'POST' || !request.url.includes('/documents')) return;
          worker.events.removeListener('request:start', seen);
          resolve();
        };
        worker.events.on('request:start', seen);
      });
      const saved = oneEvent(el, 'dmp-profile-saved');
      await submit(el);
      await sent;
      // The host's next render: another patient, and the same user as a new object.
      el.patientIns = MINOR;
      provider.actor = { ...provider.actor! };
      expect((await saved).detail).to.include({ ins: ADULT }).and.nested.include({ 'profile.bloodGroup': 'O-' });
      await waitUntil(async () => (await readDraft(DRAFT_KEYS[0]!)) === undefined, 'the saved edits are still kept as unsaved');
      await waitUntil(() => root(el).querySelector('.refusal'), 'no refusal for another patient’s dossier', { timeout: 8000 });
      expect(shadowText(el)).not.to.contain('enregistrées');
      el.patientIns = ADULT;
      await loaded(el);
      expect(root(el).querySelector('.draft-offer'), 'the saved edits are offered as unsaved').to.equal(null);
      expect((await storedProfile(ADULT)).bloodGroup).to.equal('O-');
    });

    it('keeps the edits of a save that failed after the host showed another patient, and says nothing of it in that patient’s form', async () => {
      const { el } = await mountRepresentingTwo();
      await startEditing(el);
      type(el, '#blood-group', 'O-');
      db.faults.add({ method: 'POST', path: '/documents', latencyMs: 500, status: 503, times: 1 });
      const answered = answerSeen(503);
      await submit(el);
      el.patientIns = MASKED;
      await el.updateComplete;
      await loaded(el);
      await startEditing(el);
      await answered;
      await el.updateComplete;
      expect(root(el).querySelector('.save-error'), 'the failure is said in another patient’s form').to.equal(null);
      expect((await readDraft<ProfileDraft>(DRAFT_KEYS[1]!))?.content.bloodGroup).to.equal('O-');
      expect(await readDraft(draftKey('legal-representative:rep-moreau-sophie', MASKED, 'profile')), 'kept as the other patient’s edits').to.equal(undefined);
    });

    it('says nothing untrue when a save sent before the host showed another patient ends after the user came back', async () => {
      const { el } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'O-');
      db.faults.add({ method: 'POST', path: '/documents', latencyMs: 800, times: 1 });
      const saved = oneEvent(el, 'dmp-profile-saved');
      await submit(el);
      el.patientIns = MINOR;
      await el.updateComplete;
      el.patientIns = ADULT;
      expect((await saved).detail.ins).to.equal(ADULT);
      await waitUntil(async () => (await readDraft(DRAFT_KEYS[0]!)) === undefined, 'the saved edits are still kept as unsaved');
      // Read again once saved: the version saved, no offer of its edits as unsaved.
      await waitFor(() => !root(el).querySelector('.draft-offer') && Boolean(root(el).querySelector('#edit')), () => `shown: ${shadowText(el)}`, { timeout: 5000 });
      expect(shadowText(el)).not.to.contain('reste à enregistrer');
    });

    it('stops a save going on for a patient no longer shown when the user logs out', async () => {
      const { el, provider } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'O-');
      db.faults.add({ method: 'POST', path: '/documents', latencyMs: 500, times: 1 });
      let saved = 0;
      el.addEventListener('dmp-profile-saved', () => (saved += 1));
      await submit(el);
      el.patientIns = MINOR;
      await el.updateComplete;
      await provider.logout();
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect(saved, 'a save went on after the logout').to.equal(0);
    });

    for (const next of ['cancel', 'save'] as const) {
      it(`finishes a save sent before the host showed another patient, when the user then leaves that patient’s form (${next})`, async () => {
        const { el, provider } = await mountRepresentingTwo();
        await startEditing(el);
        type(el, '#blood-group', 'O-');
        db.faults.add({ method: 'POST', path: '/documents', latencyMs: 1500, times: 1 });
        const savedFor: string[] = [];
        el.addEventListener('dmp-profile-saved', (e) => savedFor.push(e.detail.ins));
        const changedFor: (string | undefined)[] = [];
        provider.addEventListener('dmp-data-changed', (e) => changedFor.push(e.detail.ins));
        const sent = requestSent('POST', /\/documents$/);
        await submit(el);
        await sent;
        el.patientIns = MASKED;
        await el.updateComplete;
        await loaded(el);
        await startEditing(el);
        if (next === 'cancel') {
          $(el, '#cancel').click();
        } else {
          type(el, '#blood-group', 'B+');
          await submit(el);
        }
        await waitUntil(() => !root(el).querySelector('form.profile-form'), 'the second form stayed open', { timeout: 5000 });
        expect(savedFor, 'the first save ended before the second form closed: the test proves nothing').not.to.include(MINOR);
        await waitUntil(() => savedFor.includes(MINOR), 'the first patient’s save was stopped', { timeout: 5000 });
        expect(changedFor).to.include(MINOR);
        expect((await storedProfile(MINOR)).bloodGroup).to.equal('O-');
        await waitUntil(async () => (await readDraft(DRAFT_KEYS[1]!)) === undefined, 'the saved edits are still kept as unsaved');
      });
    }

    it('says a save the server refuses cannot just be tried again, and learns what the user may still do', async () => {
      const { el } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'B-');
      // Closed meanwhile, and no element told: only the server knows.
      db.dossiers.get(ADULT)!.status = 'closed';
      const refused = answerSeen(403);
      await submit(el);
      await refused;
      await waitUntil(() => root(el).querySelector('.save-error'), 'no failure shown', { timeout: 8000 });
      await waitUntil(() => $(el, '#save').getAttribute('aria-disabled') === 'true', 'Save is still offered after the refusal', { timeout: 8000 });
      expect(root(el).querySelector(`#${$(el, '#save').getAttribute('aria-describedby')}`)?.textContent).to.equal(reasonText('dossier-closed'));
      expect($(el, '.save-error').textContent)
        .to.contain('Ce DMP est fermé')
        .and.contain('Votre saisie est conservée dans ce formulaire et sur cet appareil.')
        .and.not.contain('réessayer');
      expect($<HTMLSelectElement>(el, '#blood-group').value).to.equal('B-');
      // Refused at the first check it meets (add or replace), each attempt is one line of the history.
      const attempts = () => db.logOf(ADULT).filter((e) => e.action === 'document.replace' || e.action === 'document.add').length;
      const before = attempts();
      await submit(el);
      await aTimeout(300);
      expect(attempts(), 'saved again, to be refused again').to.equal(before);
    });

    it('offers the edits back after the host showed another patient, even when the device could not store them', async () => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      try {
        const { el } = await mount();
        await startEditing(el);
        type(el, '#blood-group', 'AB-');
        el.patientIns = MINOR;
        await waitUntil(() => root(el).querySelector('.refusal'), 'no refusal for another patient’s dossier', { timeout: 8000 });
        el.patientIns = ADULT;
        await waitUntil(() => root(el).querySelector('.draft-offer'), 'the edits were not offered back', { timeout: 8000 });
        // Not on the device: the offer says a reload would lose them.
        expect($(el, '.draft-offer').textContent).to.contain('conservées dans cette page, pas sur cet appareil').and.not.contain('conservées sur cet appareil');
      } finally {
        IDBObjectStore.prototype.put = put;
      }
    });

    it('says a gateway’s reasons for refusing the save as invalid, and keeps the form', async () => {
      worker.use(
        http.post('*/api/dmp/v1/dossiers/:ins/documents', () =>
          HttpResponse.json(
            { type: 'about:blank', title: 'Requête invalide', status: 422, invalidParams: [{ name: 'file', reason: 'Déclaration refusée par la passerelle de l’hôpital.' }] },
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      );
      const { el } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'B-');
      await submit(el);
      await waitUntil(() => root(el).querySelector('.save-error'), 'no failure shown', { timeout: 8000 });
      expect($(el, '.save-error').textContent).to.contain('Le serveur a refusé la demande comme invalide.').and.contain('Déclaration refusée par la passerelle de l’hôpital.');
      expect($<HTMLSelectElement>(el, '#blood-group').value).to.equal('B-');
    });

    it('closes the form as saved when the answer was unreadable but the server holds exactly what was sent', async () => {
      // A gateway that stores the declaration, then garbles its answer.
      worker.use(
        http.post('*/api/dmp/v1/dossiers/:ins/documents', async ({ request }) => {
          const stored = await getResponse(handlers, request);
          return HttpResponse.json({ id: 42, title: null }, { status: stored?.status ?? 500 });
        }),
      );
      const { el } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'O+');
      const saved = oneEvent(el, 'dmp-profile-saved');
      await submit(el);
      expect((await saved).detail.document.id).to.equal(currentOf(ADULT, 'EXPPAT_2')[0]!.id);
      await waitUntil(() => root(el).querySelector('form.profile-form') === null, 'the form stayed open');
      expect(shadowText(el)).to.contain('Les informations sont enregistrées');
      expect((await storedProfile(ADULT)).bloodGroup).to.equal('O+');
    });

    it('saves once, with no conflict to resolve, when the answer to a save was lost and the user saves again', async () => {
      db.faults.add({ method: 'POST', path: '/documents', answerLost: true, times: 1 });
      const { el } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'O+');
      await submit(el);
      await waitUntil(() => root(el).querySelector('.save-error'), 'no failure shown', { timeout: 8000 });
      // Stored, though the browser heard nothing back.
      const stored = currentOf(ADULT, 'EXPPAT_2');
      expect(stored[0]!.replaces).to.equal(ADULT_PROFILE_DOCUMENT_ID);
      const saved = oneEvent(el, 'dmp-profile-saved');
      await submit(el);
      expect((await saved).detail.document.id).to.equal(stored[0]!.id);
      expect(currentOf(ADULT, 'EXPPAT_2').map((d) => d.id)).to.deep.equal([stored[0]!.id]);
      expect(db.documentsOf(ADULT).filter((d) => d.typeCode === 'EXPPAT_2')).to.have.length(2);
    });

    it('lets the user replace a version saved meanwhile, after saying so', async () => {
      const { el } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'O+');
      const other = await clientAs('pat-durand-jeanne').addDocument(
        ADULT,
        { title: 'Informations de l’usager', typeCode: 'EXPPAT_2', serviceStart: new Date().toISOString(), replaces: ADULT_PROFILE_DOCUMENT_ID },
        new Blob([JSON.stringify({ ...ADULT_PROFILE, bloodGroup: 'A-' })], { type: 'text/plain' }),
      );
      await submit(el);
      await waitUntil(() => root(el).querySelector('.save-error button'), 'no choice offered', { timeout: 8000 });
      expect($(el, '.save-error').textContent).to.contain('modifiées entre-temps').and.contain('La version actuelle date du');
      expect($<HTMLSelectElement>(el, '#blood-group').value).to.equal('O+');
      // What the other version says is there to read before choosing.
      const current = $<HTMLDetailsElement>(el, '.save-error details');
      current.querySelector('summary')!.click();
      expect(current.open).to.equal(true);
      expect(current.querySelector('[data-section="current-blood-group"] .value')!.textContent).to.equal('A-');
      await expect(el).to.be.accessible();
      const saved = oneEvent(el, 'dmp-profile-saved');
      $(el, '.save-error button').click();
      expect((await saved).detail.document.replaces).to.equal(other.id);
      expect((await storedProfile(ADULT)).bloodGroup).to.equal('O+');
    });

    it('keeps the focus in the form when replacing the newer version fails in turn', async () => {
      const { el } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'O+');
      await clientAs('pat-durand-jeanne').addDocument(
        ADULT,
        { title: 'Informations de l’usager', typeCode: 'EXPPAT_2', serviceStart: new Date().toISOString(), replaces: ADULT_PROFILE_DOCUMENT_ID },
        new Blob([JSON.stringify({ ...ADULT_PROFILE, bloodGroup: 'A-' })], { type: 'text/plain' }),
      );
      await submit(el);
      await waitUntil(() => root(el).querySelector('.save-error button'), 'no choice offered', { timeout: 8000 });
      db.faults.add({ method: 'POST', path: '/documents', status: 503, latencyMs: 300, times: 1 });
      // The Replace button goes with the alert it is in as the save starts.
      $(el, '.save-error button').focus();
      $(el, '.save-error button').click();
      await waitUntil(() => !root(el).querySelector('.save-error'), 'the save never started');
      // The new failure's alert offers no Replace: a 503 is no newer version.
      await waitUntil(() => root(el).querySelector('.save-error') && !root(el).querySelector('.save-error button'), 'the failure is not said', { timeout: 8000 });
      await waitFor(() => root(el).activeElement?.id === 'save', () => `focus is on ${document.activeElement?.localName}`, { timeout: 3000 });
      expect($<HTMLSelectElement>(el, '#blood-group').value).to.equal('O+');
    });

    it('saves a first declaration again when the version edited was deleted meanwhile, once told', async () => {
      const { el } = await mount();
      await startEditing(el);
      type(el, '#blood-group', 'O+');
      record().find((d) => d.id === ADULT_PROFILE_DOCUMENT_ID)!.status = 'deleted';
      const logged = db.logOf(ADULT).length;
      await submit(el);
      await waitUntil(() => root(el).querySelector('.save-error'), 'no error shown', { timeout: 8000 });
      expect($(el, '.save-error').textContent).to.contain('n’existe pas ou plus');
      // The refusal makes the element read what is current: no declaration at all now.
      await waitUntil(() => db.logOf(ADULT).slice(logged).some((e) => e.action === 'document.list'), 'the list was not read again', { timeout: 8000 });
      await aTimeout(100);
      const saved = oneEvent(el, 'dmp-profile-saved');
      await submit(el);
      const { document } = (await saved).detail;
      expect(document).to.deep.include({ typeCode: 'EXPPAT_2', version: 1 });
      expect(document.replaces).to.equal(undefined);
      expect(currentOf(ADULT, 'EXPPAT_2').map((d) => d.id)).to.deep.equal([document.id]);
      expect((await storedProfile(ADULT)).bloodGroup).to.equal('O+');
    });

    it('does not make a second current declaration when another was declared first meanwhile: it offers to replace it', async () => {
      const { el } = await mount('rep-moreau-sophie', MINOR);
      await startEditing(el);
      type(el, '#blood-group', 'O+');
      const other = await clientAs('rep-moreau-sophie').addDocument(
        MINOR,
        { title: 'Informations de l’usager', typeCode: 'EXPPAT_2', serviceStart: new Date().toISOString() },
        new Blob([JSON.stringify({ ...ADULT_PROFILE, bloodGroup: 'A-' })], { type: 'text/plain' }),
      );
      await submit(el);
      await waitUntil(() => root(el).querySelector('.save-error button'), 'no choice offered', { timeout: 8000 });
      expect(currentOf(MINOR, 'EXPPAT_2').map((d) => d.id)).to.deep.equal([other.id]);
      expect($(el, '.save-error').textContent).to.contain('La version actuelle date du');
      const saved = oneEvent(el, 'dmp-profile-saved');
      $(el, '.save-error button').click();
      expect((await saved).detail.document.replaces).to.equal(other.id);
      expect(currentOf(MINOR, 'EXPPAT_2').length).to.equal(1);
      expect((await storedProfile(MINOR)).bloodGroup).to.equal('O+');
    });
  });

  describe('loading states and failures', () => {
    it('shows a busy skeleton while loading', async () => {
      db.faults.add({ method: 'GET', path: '/documents', latencyMs: 400, times: 1 });
      const { el } = await mountInProvider<DmpPatientProfile>(html`<dmp-patient-profile patient-ins=${ADULT}></dmp-patient-profile>`, 'pat-durand-jeanne');
      await waitUntil(() => root(el).querySelector('.skeleton'));
      expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      expect($(el, '.skeleton [role="status"]').textContent).to.contain('Chargement');
      await loaded(el);
      expect($(el, '[data-section="blood-group"]')).to.exist;
    });

    it('shows a server error with a Retry button that reloads', async () => {
      db.faults.add({ method: 'GET', path: '/documents$', status: 500, times: 3 });
      const { el } = await mountInProvider<DmpPatientProfile>(html`<dmp-patient-profile patient-ins=${ADULT}></dmp-patient-profile>`, 'pat-durand-jeanne');
      await waitUntil(() => root(el).querySelector('[role="alert"] button'), 'no retry offered', { timeout: 8000 });
      expect($(el, '[role="alert"]').textContent).to.contain('Le serveur du DMP a rencontré une erreur');
      await expect(el).to.be.accessible();
      $(el, '[role="alert"] button').focus();
      $(el, '[role="alert"] button').click();
      // The button goes with the error: focus goes on to the heading, not to the page.
      await waitUntil(() => root(el).activeElement?.id === 'title', 'focus was lost with the button');
      await waitUntil(() => root(el).querySelector('[data-section="blood-group"]'), 'the retry did not reload', { timeout: 8000 });
    });

    it('says the user seems offline', async () => {
      db.faults.add({ method: 'GET', path: '/content', network: true });
      const { el } = await mountInProvider<DmpPatientProfile>(html`<dmp-patient-profile patient-ins=${ADULT}></dmp-patient-profile>`, 'pat-durand-jeanne');
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error shown', { timeout: 8000 });
      expect(shadowText(el)).to.contain('hors ligne');
    });

    it('says the answer is invalid when the list does not fit its schema', async () => {
      db.faults.add({ method: 'GET', path: '/documents$', malformed: 'schema' });
      const { el } = await mountInProvider<DmpPatientProfile>(html`<dmp-patient-profile patient-ins=${ADULT}></dmp-patient-profile>`, 'pat-durand-jeanne');
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error shown', { timeout: 8000 });
      expect(shadowText(el)).to.contain('Réponse invalide du serveur');
    });

    it('says the server did not answer in time', async () => {
      const { el, provider } = await mount();
      db.faults.add({ method: 'GET', path: '/documents$', latencyMs: 2000 });
      provider.requestTimeout = 150;
      provider.notifyDataChanged(['documents'], ADULT);
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no timeout shown', { timeout: 8000 });
      expect(shadowText(el)).to.contain('n’a pas répondu à temps');
    });

    it('explains a stored profile that is not JSON, and lets the patient declare again', async () => {
      const { el } = await mount('pat-rousseau-camille', MASKED);
      await expect(el).to.be.accessible();
      expect($(el, '.malformed').textContent).to.contain('ne peuvent pas être lues').and.contain('pas au format JSON').and.contain('déclarer à nouveau');
      expect(root(el).querySelector('[data-section="blood-group"]')).to.equal(null);
      await startEditing(el);
      type(el, '#blood-group', 'O+');
      const saved = oneEvent(el, 'dmp-profile-saved');
      await submit(el);
      expect((await saved).detail.document.replaces).to.equal('doc-rousseau-informations');
      await waitUntil(() => !root(el).querySelector('.malformed'), 'the error stayed');
      expect($(el, '[data-section="blood-group"]').textContent).to.contain('O+');
    });

    it('names the fields of a stored profile that fails its schema, and shows none of it', async () => {
      setStoredContent(JSON.stringify({ ...ADULT_PROFILE, bloodGroup: 'Z', emergencyContacts: [{ id: 'x', name: 'A', relationship: 'B', phone: '123' }] }));
      const { el } = await mount('ps-martin');
      expect($(el, '.malformed').textContent).to.contain('bloodGroup').and.contain('emergencyContacts.0.phone');
      expect($(el, '.malformed').textContent).not.to.contain('déclarer à nouveau');
      expect(root(el).querySelector('[data-section="allergies"]')).to.equal(null);
    });
  });

  describe('who may read and write', () => {
    it('tells a professional that none of the patient’s information is visible to them, rather than that she declared none', async () => {
      db.findDocument(ADULT, ADULT_PROFILE_DOCUMENT_ID)!.masked = true;
      const { el } = await mount('ps-dubois');
      expect(shadowText(el)).to.contain('Aucune information déclarée par le patient ne vous est visible.');
      expect(shadowText(el)).not.to.contain('n’a déclaré aucune information');
      // Counts are the whole dossier's: said here, they would pass its imaging for her declarations.
      expect(shadowText(el)).not.to.contain('masqué').and.not.to.contain('pas visible');
      await expect(el).to.be.accessible();
    });

    it('tells a professional from whom nothing is hidden that the patient declared nothing', async () => {
      for (const d of db.documentsOf(ADULT)) if (d.typeCode === 'EXPPAT_2' || d.typeCode === 'ATTEST-RESID') d.status = 'deleted';
      const { el } = await mount('ps-martin');
      expect(shadowText(el)).to.contain('Le patient n’a déclaré aucune information.');
    });

    it('lets the legal representative declare the information of the minor', async () => {
      const { el } = await mount('rep-moreau-sophie', MINOR);
      await expect(el).to.be.accessible();
      expect($(el, 'h2').textContent).to.contain('Informations déclarées par le patient');
      expect($(el, '.empty').textContent).to.contain('Aucune information n’est encore déclarée');
      expect($(el, '#edit').textContent).to.contain('Déclarer des informations');
      await startEditing(el);
      type(el, '#blood-group', 'O+');
      const contact = await addEntry(el, 'emergencyContacts');
      type(el, `#${CSS.escape(contact)}`, 'Sophie Moreau');
      type(el, entryField(contact, 'relationship'), 'Mère');
      type(el, entryField(contact, 'phone'), '06 39 98 01 02');
      const saved = oneEvent(el, 'dmp-profile-saved');
      await submit(el);
      const { document } = (await saved).detail;
      expect(document).to.deep.include({ typeCode: 'EXPPAT_2', category: 'patient', version: 1, depositedByPatient: true });
      expect(document.replaces).to.equal(undefined);
      expect(document.author.name).to.equal('Sophie Moreau');
      expect(lastLog(MINOR)).to.deep.include({ action: 'document.add', outcome: 'allowed' });
      expect(lastLog(MINOR).actor).to.deep.include({ kind: 'legal-representative', id: 'rep-moreau-sophie' });
      expect((await storedProfile(MINOR)).emergencyContacts[0]).to.deep.include({ name: 'Sophie Moreau', phone: '06 39 98 01 02' });
      await waitUntil(() => root(el).querySelector('[data-section="contacts"]'));
      expect($(el, '[data-section="contacts"]').textContent).to.contain('Sophie Moreau');
    });

    it('shows the médecin traitant a read-only view, every section marked, with no way to edit or upload', async () => {
      const { el } = await mount('ps-martin');
      await expect(el).to.be.accessible();
      expect($$(el, '[part="badge"]').length).to.equal(SECTIONS.length);
      for (const id of SECTIONS) expect($(el, `[data-section="${id}"] [part="badge"]`).textContent).to.contain('Déclaré par le patient');
      expect($(el, '.declared-notice').textContent).to.contain('n’ont pas été vérifiées').and.contain('Lecture seule').and.contain('Seuls le patient et ses représentants légaux');
      expect(root(el).querySelector('#edit')).to.equal(null);
      expect(root(el).querySelector('.directives-upload')).to.equal(null);
      expect($(el, '[data-section="trusted"]').textContent).to.contain('Claire Durand');
      const opened = oneEvent(el, 'dmp-document-open');
      $(el, '[data-section="directives"] .file button').click();
      expect((await opened).detail.document.id).to.equal('doc-durand-directives');
    });

    it('shows a pharmacist the declared information too (the matrix lets them read it)', async () => {
      const { el } = await mount('ps-dubois');
      expect($(el, '[data-section="allergies"]').textContent).to.contain('Pénicillines');
      expect(root(el).querySelector('#edit')).to.equal(null);
    });

    it('refuses an opticien the patient has not authorized, and one whose profession may not read it', async () => {
      const first = await mount('ps-fontaine');
      expect($(first.el, '.refusal').textContent).to.contain('Vous ne pouvez pas consulter').and.contain('Le patient ne vous a pas autorisé');
      first.provider.remove();

      const fontaine = professionalById('ps-fontaine')!;
      db.dossiers.get(ADULT)!.authorized.push({ rpps: fontaine.rpps, since: '2026-11-01T10:00:00.000Z' });
      const before = db.logOf(ADULT).length;
      const { el } = await mount('ps-fontaine');
      await expect(el).to.be.accessible();
      expect($(el, '.refusal').textContent).to.contain('Votre profession n’a pas accès à ces informations');
      expect(root(el).querySelector('.refusal button')).to.equal(null);
      // Refused by the policy in the element: the list was never asked for.
      expect(db.logOf(ADULT).slice(before).map((e) => e.action)).not.to.include('document.list');
    });

    it('tells a patient whose dossier is closed, in their own words and as a status, that their information cannot be read', async () => {
      const { el, provider } = await mount(PATIENT_CLOSED.id, PATIENT_CLOSED.identity.ins);
      const refusal = $(el, '.refusal');
      expect(refusal.getAttribute('role')).to.equal('status');
      expect(refusal.textContent).to.contain('Vous ne pouvez pas consulter vos informations.').and.contain('Ce DMP est fermé');
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
      await expect(el).to.be.accessible();
      provider.locale = 'en';
      await waitFor(() => $(el, '.refusal').textContent!.includes('You cannot see your information.'), () => `not said in English: ${shadowText(el)}`, { timeout: 8000 });
    });

    it('refuses an occupational physician with the reason and no retry', async () => {
      const { el } = await mount('occ-med');
      await expect(el).to.be.accessible();
      expect($(el, '.refusal').textContent).to.contain('La loi interdit l’accès au DMP aux médecins du travail');
      expect(root(el).querySelector('[role="alert"] button')).to.equal(null);
      expect(root(el).querySelector('[data-section]')).to.equal(null);
    });

    it('refuses administrative staff the host names without an id, rather than load forever', async () => {
      const { el, provider } = await mount('ps-martin');
      expect(root(el).querySelector('.refusal')).to.equal(null);
      provider.authHeaders = () => ({ Authorization: 'Bearer admin-chu' });
      provider.actor = { kind: 'administrative-staff', organisationId: '690791215', displayName: 'Bureau des admissions' };
      await waitUntil(() => root(el).querySelector('.refusal'), 'the profile never said why', { timeout: 8000 });
      expect(root(el).querySelector('[data-section]')).to.equal(null);
    });
  });

  describe('advance directives upload', () => {
    it('replaces the previous directives document, with both events, logged and announced', async () => {
      const { el, provider } = await mount();
      expect($(el, '#directives-upload-title').textContent).to.contain('Remplacer le document déposé');
      expect($(el, '.directives-upload .hint').textContent).to.contain('8 novembre 2025');
      selectFile(el, new File(['%PDF-1.4 directives'], 'directives-2026.pdf', { type: 'application/pdf' }));
      type(el, '#directives-date', '2026-01-15');
      const requested = oneEvent(el, 'dmp-profile-directives-upload-request');
      const uploaded = oneEvent(el, 'dmp-profile-directives-uploaded');
      const changed = oneEvent(provider, 'dmp-data-changed');
      $(el, '.directives-upload button[type="submit"]').click();
      const request = (await requested).detail;
      expect(request.file.name).to.equal('directives-2026.pdf');
      expect(request).to.deep.include({ writtenOn: '2026-01-15' });
      expect(request.replaces?.id).to.equal('doc-durand-directives');
      const { document, replaced } = (await uploaded).detail;
      expect(replaced?.id).to.equal('doc-durand-directives');
      expect(document).to.deep.include({ typeCode: 'EXPPAT_3', mimeType: 'application/pdf', replaces: 'doc-durand-directives', serviceStart: '2026-01-15T12:00:00.000Z' });
      await changed;
      expect(db.findDocument(ADULT, 'doc-durand-directives')?.status).to.equal('replaced');
      expect(currentOf(ADULT, 'EXPPAT_3').map((d) => d.id)).to.deep.equal([document.id]);
      expect(lastLog()).to.deep.include({ action: 'document.replace', outcome: 'allowed' });
      await waitUntil(() => $(el, '[data-section="directives"] .file').textContent!.includes('15 janvier 2026'), 'the list did not show the new file');
      expect($$(el, '[data-section="directives"] .file')).to.have.length(1);
      expect($(el, '.directives-upload [role="status"]').textContent).to.contain('est déposé');
    });

    it('finishes an upload the host takes out of the page (dmp-dossier does while the session is expired), and says so when back', async () => {
      const { el } = await mount();
      const parent = el.parentElement!;
      selectFile(el, new File(['%PDF-1.4 directives'], 'directives-2026.pdf', { type: 'application/pdf' }));
      type(el, '#directives-date', '2026-01-15');
      db.faults.add({ method: 'POST', path: '/documents', latencyMs: 400, times: 1 });
      $(el, '.directives-upload button[type="submit"]').click();
      await waitUntil(() => $(el, '.directives-upload button[type="submit"]').getAttribute('aria-disabled') === 'true', 'the upload never started');
      el.remove();
      await waitUntil(() => currentOf(ADULT, 'EXPPAT_3')[0]?.id !== 'doc-durand-directives', 'the upload never reached the DMP', { timeout: 3000 });
      await aTimeout(100);
      parent.append(el);
      await waitUntil(() => root(el).querySelector('.directives-upload [role="status"]')?.textContent?.includes('est déposé'), 'nothing says the directives were uploaded');
      expect(currentOf(ADULT, 'EXPPAT_3')).to.have.length(1);
    });

    it('finishes an upload sent before the host showed another patient, for its own patient, and says nothing of it on the next one’s screen', async () => {
      const { el } = await mount();
      selectFile(el, new File(['%PDF-1.4 directives'], 'directives-2026.pdf', { type: 'application/pdf' }));
      type(el, '#directives-date', '2026-01-15');
      db.faults.add({ method: 'POST', path: '/documents', latencyMs: 500, times: 1 });
      const uploaded = oneEvent(el, 'dmp-profile-directives-uploaded');
      $(el, '.directives-upload button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('.directives-upload progress'), 'the upload never started');
      el.patientIns = MINOR;
      const { document } = (await uploaded).detail;
      expect(currentOf(ADULT, 'EXPPAT_3').map((d) => d.id)).to.deep.equal([document.id]);
      await waitUntil(() => root(el).querySelector('.refusal'), 'no refusal for another patient’s dossier', { timeout: 8000 });
      await el.updateComplete;
      expect(shadowText(el)).not.to.contain('est déposé');
      el.patientIns = ADULT;
      await loaded(el);
      await waitFor(() => root(el).querySelector('[data-section="directives"] .file')?.textContent?.includes('15 janvier 2026') === true, () => `listed: ${root(el).querySelector('[data-section="directives"]')?.textContent}`, { timeout: 5000 });
      expect($<HTMLInputElement>(el, '#directives-file').files).to.have.length(0);
    });

    it('leaves the next patient’s upload form alone when an upload for the previous one ends', async () => {
      const { el } = await mountRepresentingTwo();
      selectFile(el, new File(['%PDF-1.4 directives'], 'directives-lea.pdf', { type: 'application/pdf' }));
      type(el, '#directives-date', '2026-01-15');
      db.faults.add({ method: 'POST', path: '/documents', latencyMs: 500, times: 1 });
      const uploaded = oneEvent(el, 'dmp-profile-directives-uploaded');
      $(el, '.directives-upload button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('.directives-upload progress'), 'the upload never started');
      el.patientIns = MASKED;
      await el.updateComplete;
      await loaded(el);
      await waitUntil(() => root(el).querySelector('#directives-file'), 'no upload form for the other patient', { timeout: 5000 });
      selectFile(el, new File(['%PDF-1.4 autres directives'], 'directives-camille.pdf', { type: 'application/pdf' }));
      expect((await uploaded).detail.ins).to.equal(MINOR);
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#directives-file').files?.[0]?.name).to.equal('directives-camille.pdf');
      expect(shadowText(el)).not.to.contain('est déposé');
    });

    it('after the directives were replaced elsewhere, says so, keeps the file and replaces the new one on retry', async () => {
      const { el } = await mount();
      const meanwhile = await clientAs('pat-durand-jeanne').addDocument(
        ADULT,
        { title: 'Directives anticipées', typeCode: 'EXPPAT_3', serviceStart: '2026-01-10T12:00:00.000Z', replaces: 'doc-durand-directives' },
        new Blob(['%PDF-1.4 autre onglet'], { type: 'application/pdf' }),
      );
      selectFile(el, new File(['%PDF-1.4 directives'], 'directives.pdf', { type: 'application/pdf' }));
      type(el, '#directives-date', '2026-02-01');
      $(el, '.directives-upload button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('.directives-upload [role="alert"]'), 'no failure shown');
      expect($(el, '.directives-upload [role="alert"]').textContent).to.contain('modifiées entre-temps').and.contain('Le fichier choisi est conservé');
      await waitUntil(() => $(el, '[data-section="directives"] .file').textContent!.includes('10 janvier 2026'), 'the new directives were never shown');
      expect($<HTMLInputElement>(el, '#directives-file').files?.[0]?.name).to.equal('directives.pdf');
      const uploaded = oneEvent(el, 'dmp-profile-directives-uploaded');
      $(el, '.directives-upload button[type="submit"]').click();
      const { document, replaced } = (await uploaded).detail;
      expect(replaced?.id).to.equal(meanwhile.id);
      expect(document.replaces).to.equal(meanwhile.id);
    });

    it('shows the directives the server holds after an upload it stored but answered unreadably', async () => {
      worker.use(
        http.post('*/api/dmp/v1/dossiers/:ins/documents', async ({ request }) => {
          const stored = await getResponse(handlers, request);
          return HttpResponse.json({ id: 42 }, { status: stored?.status ?? 500 });
        }),
      );
      const { el } = await mount();
      selectFile(el, new File(['%PDF-1.4 directives'], 'directives.pdf', { type: 'application/pdf' }));
      type(el, '#directives-date', '2026-02-01');
      $(el, '.directives-upload button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('.directives-upload [role="alert"]'), 'no failure shown');
      expect($(el, '.directives-upload [role="alert"]').textContent).to.contain('a sans doute eu lieu');
      await waitUntil(() => $(el, '[data-section="directives"] .file').textContent!.includes('1 février 2026'), 'the stored directives were never shown');
    });

    it('checks the file and the date before sending', async () => {
      const { el } = await mount();
      const before = db.logOf(ADULT).length;
      $(el, '.directives-upload button[type="submit"]').click();
      await el.updateComplete;
      expect($(el, '#directives-file-error').textContent).to.contain('Choisissez un fichier');
      expect($(el, '#directives-date-error').textContent).to.contain('Indiquez la date');
      await waitUntil(() => root(el).activeElement?.id === 'directives-file');
      selectFile(el, new File(['hello'], 'notes.txt', { type: 'text/plain' }));
      type(el, '#directives-date', '2999-12-31');
      $(el, '.directives-upload button[type="submit"]').click();
      await el.updateComplete;
      expect($(el, '#directives-file-error').textContent).to.contain('PDF, JPEG ou PNG');
      expect($(el, '#directives-date-error').textContent).to.contain('futur');
      expect(db.logOf(ADULT).length).to.equal(before);
    });

    it('leaves the other parts of the writing date alone while one is retyped, and refuses it unfinished', async () => {
      const { el } = await mount();
      type(el, '#directives-date', '2026-02-01');
      await el.updateComplete;
      const date = $<HTMLInputElement>(el, '#directives-date');
      await eraseFirstDatePart(date, el);
      // A redraw meanwhile (a file chosen) must not write the unfinished date over its parts.
      selectFile(el, new File(['%PDF-1.4'], 'directives.pdf', { type: 'application/pdf' }));
      await el.updateComplete;
      expect(date.validity.badInput, 'the other parts were cleared').to.equal(true);
      const before = db.logOf(ADULT).length;
      $(el, '.directives-upload button[type="submit"]').click();
      await el.updateComplete;
      expect($(el, '#directives-date-error').textContent).to.contain('Indiquez la date');
      expect(db.logOf(ADULT).length).to.equal(before);
    });

    it('forgets the chosen file and date on a logout, even when the same user logs in again', async () => {
      const { el, provider } = await mount();
      selectFile(el, new File(['%PDF-1.4'], 'directives.pdf', { type: 'application/pdf' }));
      type(el, '#directives-date', '2026-02-01');
      await el.updateComplete;
      await provider.logout();
      provider.resume();
      await loaded(el);
      await waitUntil(() => root(el).querySelector('#directives-date'), 'the upload form never came back');
      expect($<HTMLInputElement>(el, '#directives-date').value).to.equal('');
      const before = db.documentsOf(ADULT).length;
      $(el, '.directives-upload button[type="submit"]').click();
      await el.updateComplete;
      // The file input shows none: the file chosen before the logout must not be sent unseen.
      expect($(el, '#directives-file-error').textContent).to.contain('Choisissez');
      expect(db.documentsOf(ADULT).length).to.equal(before);
    });

    it('keeps the chosen file when the upload fails', async () => {
      const { el } = await mount();
      selectFile(el, new File(['%PDF-1.4'], 'directives.pdf', { type: 'application/pdf' }));
      type(el, '#directives-date', '2026-02-01');
      db.faults.add({ method: 'POST', path: '/documents', status: 500, times: 1 });
      $(el, '.directives-upload button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('.directives-upload [role="alert"]'), 'no failure shown', { timeout: 8000 });
      expect($(el, '.directives-upload [role="alert"]').textContent).to.contain('n’a pas été déposé').and.contain('Le serveur du DMP a rencontré une erreur');
      expect($<HTMLInputElement>(el, '#directives-file').files?.[0]?.name).to.equal('directives.pdf');
      expect($<HTMLInputElement>(el, '#directives-date').value).to.equal('2026-02-01');
      expect(db.findDocument(ADULT, 'doc-durand-directives')?.status).to.equal('current');
    });

    it('adds the directives once when the answer to the upload was lost and the user sends them again', async () => {
      const { el } = await mount();
      selectFile(el, new File(['%PDF-1.4 directives'], 'directives.pdf', { type: 'application/pdf' }));
      type(el, '#directives-date', '2026-02-01');
      db.faults.add({ method: 'POST', path: '/documents', answerLost: true, times: 1 });
      $(el, '.directives-upload button[type="submit"]').click();
      await waitUntil(() => root(el).querySelector('.directives-upload [role="alert"]'), 'no failure shown', { timeout: 8000 });
      const directives = () => db.documentsOf(ADULT).filter((d) => d.typeCode === 'EXPPAT_3');
      const before = directives().length;
      expect(currentOf(ADULT, 'EXPPAT_3')[0]!.replaces).to.equal('doc-durand-directives');
      const uploaded = oneEvent(el, 'dmp-profile-directives-uploaded');
      $(el, '.directives-upload button[type="submit"]').click();
      expect((await uploaded).detail.document.id).to.equal(currentOf(ADULT, 'EXPPAT_3')[0]!.id);
      expect(directives()).to.have.length(before);
    });

    it('says a gateway’s refusal of the file’s size or format under the file, keeping it', async () => {
      const { el } = await mount();
      selectFile(el, new File(['%PDF-1.4'], 'directives.pdf', { type: 'application/pdf' }));
      type(el, '#directives-date', '2026-02-01');
      for (const [status, said] of [[413, 'Le serveur refuse un fichier de cette taille.'], [415, 'Le serveur n’accepte pas ce format de fichier.']] as const) {
        db.faults.add({ method: 'POST', path: '/documents', status, times: 1 });
        $(el, '.directives-upload button[type="submit"]').click();
        await waitUntil(() => shadowText(el).includes(said), `no reason under the file for a ${status}`, { timeout: 8000 });
        const input = $<HTMLInputElement>(el, '#directives-file');
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(root(el).getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).to.contain(said);
        expect(input.files?.[0]?.name).to.equal('directives.pdf');
      }
    });

    it('uploads a first directives document for a patient who had none', async () => {
      const { el } = await mount('rep-moreau-sophie', MINOR);
      expect($(el, '[data-section="directives"]').textContent).to.contain('Aucun document de directives anticipées');
      expect($(el, '#directives-upload-title').textContent).to.contain('Déposer un document');
      selectFile(el, new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'scan.png', { type: 'image/png' }));
      type(el, '#directives-date', '2026-03-03');
      const uploaded = oneEvent(el, 'dmp-profile-directives-uploaded');
      $(el, '.directives-upload button[type="submit"]').click();
      const { document, replaced } = (await uploaded).detail;
      expect(replaced).to.equal(undefined);
      expect(document).to.deep.include({ typeCode: 'EXPPAT_3', mimeType: 'image/png', version: 1 });
      expect(lastLog(MINOR)).to.deep.include({ action: 'document.add', outcome: 'allowed' });
    });

    it('sends nothing when the host vetoes the upload', async () => {
      const { el } = await mount();
      el.addEventListener('dmp-profile-directives-upload-request', (e) => e.preventDefault());
      const before = db.logOf(ADULT).length;
      selectFile(el, new File(['%PDF-1.4'], 'directives.pdf', { type: 'application/pdf' }));
      type(el, '#directives-date', '2026-02-01');
      $(el, '.directives-upload button[type="submit"]').click();
      // Time for an upload to reach the server, had it been sent.
      await aTimeout(500);
      // Reading may go on (the list is read again); nothing is added.
      expect(db.logOf(ADULT).slice(before).map((l) => l.action)).not.to.include('document.add');
      expect(db.findDocument(ADULT, 'doc-durand-directives')?.status).to.equal('current');
    });
  });

  describe('updates and untrusted text', () => {
    it('reloads when another element announces a change on the same patient', async () => {
      const { el, provider } = await mount('ps-martin');
      setStoredContent(JSON.stringify({ ...ADULT_PROFILE, bloodGroup: 'B-' }));
      provider.notifyDataChanged(['documents'], ADULT);
      await waitUntil(() => $(el, '[data-section="blood-group"]').textContent!.includes('B-'), 'no reload');
    });

    it('renders every typed text field as text after a save', async () => {
      const { el } = await mount();
      await startEditing(el);
      const allergy = await addEntry(el, 'allergies');
      type(el, `#${CSS.escape(allergy)}`, XSS);
      type(el, entryField(allergy, 'reaction'), XSS);
      const treatment = await addEntry(el, 'treatments');
      type(el, `#${CSS.escape(treatment)}`, XSS);
      type(el, entryField(treatment, 'dosage'), XSS);
      const contact = await addEntry(el, 'emergencyContacts');
      type(el, `#${CSS.escape(contact)}`, XSS);
      type(el, entryField(contact, 'relationship'), XSS);
      type(el, entryField(contact, 'phone'), '0639980303');
      type(el, '#trusted-name', XSS);
      type(el, '#trusted-relationship', XSS);
      type(el, '#directives-text', XSS);
      type(el, '#organ-note', XSS);
      const saved = oneEvent(el, 'dmp-profile-saved');
      await submit(el);
      await saved;
      await waitUntil(() => !root(el).querySelector('form.profile-form') && root(el).querySelector('[data-section="organ"]'));
      await waitUntil(() => $(el, '[data-section="organ"]').textContent!.includes(XSS), 'the new version was not shown');
      for (const id of ['allergies', 'treatments', 'contacts', 'trusted', 'directives', 'organ']) {
        expect($(el, `[data-section="${id}"]`).textContent, id).to.contain(XSS);
      }
      expect(root(el).querySelector('img')).to.equal(null);
    });

    it('renders stored text as text to a professional', async () => {
      setStoredContent(
        JSON.stringify({
          ...ADULT_PROFILE,
          allergies: [{ id: 'a', agent: XSS, reaction: XSS }],
          treatments: [{ id: 't', name: XSS, dosage: XSS }],
          emergencyContacts: [{ id: 'c', name: XSS, relationship: XSS, phone: '06 39 98 03 03' }],
          trustedPerson: { name: XSS, relationship: XSS },
          advanceDirectives: { text: XSS, writtenOn: '2025-01-01' },
          organDonation: { choice: 'refuse', note: XSS },
        }),
      );
      const { el } = await mount('ps-martin');
      expect(shadowText(el).split(XSS).length - 1).to.equal(10);
      expect(root(el).querySelector('img')).to.equal(null);
    });
  });
});
