import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { aTimeout, expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { eraseFirstDatePart } from './support/dates.js';
import { spokenText } from './support/live-region.js';
import { HttpResponse, getResponse, http } from 'msw';
import { handlers } from '../mocks/handlers/index.js';
import { PATIENT_ADULT, PATIENT_LARGE, PATIENT_MASKED, PATIENT_NO_DOSSIER, SEED_NOW, actorById } from '../mocks/data/index.js';
import { HttpDmpClient } from '../src/client/http-client.js';
import '../src/elements/dmp-document-list/dmp-document-list.js';
import type { DmpDocumentList } from '../src/elements/dmp-document-list/dmp-document-list.js';
import { hiddenCountText, reasonText } from '../src/i18n/labels.js';
import { TYPE_CODE_LABELS_EN } from '../src/i18n/type-labels-en.js';
import type { DmpError } from '../src/client/errors.js';
import { TYPE_CODE_LABELS } from '../src/model/document-types.js';
import type { DmpDocument } from '../src/model/document.js';
import { decide } from '../src/policy/decide.js';
import type { ReasonCode } from '../src/policy/types.js';
import { db, mountInProvider, resetBackend, seededActor, shadowText, startBackend, worker } from './support/mount.js';
import { endRequestWatches, recordRequests } from './support/requests.js';
import { waitFor } from './support/wait.js';

const ADULT = PATIENT_ADULT.identity.ins;
const MASKED = PATIENT_MASKED.identity.ins;
const LARGE = PATIENT_LARGE.identity.ins;
const XSS = '<img src=x onerror=alert(1)>';

type Mounted = Awaited<ReturnType<typeof mountInProvider<DmpDocumentList>>>;

async function mount(actorId: string, attrs: Record<string, string> = {}, locale: 'fr' | 'en' = 'fr'): Promise<Mounted> {
  const mounted = await mountInProvider<DmpDocumentList>(html`<dmp-document-list></dmp-document-list>`, actorId, { locale });
  // Attributes before the first load, as a host deep-linking to a filtered view writes them.
  for (const [name, value] of Object.entries({ 'patient-ins': ADULT, ...attrs })) mounted.el.setAttribute(name, value);
  await mounted.el.updateComplete;
  return mounted;
}

function root(el: DmpDocumentList): ShadowRoot {
  return el.shadowRoot!;
}

function rows(el: DmpDocumentList): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>('.body [role="row"]')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
}

/** The index of the row that has focus, if a row has it. */
function focusedRow(el: DmpDocumentList): string | undefined {
  return (root(el).activeElement as HTMLElement | null)?.dataset.index;
}

function rowTitles(el: DmpDocumentList): string[] {
  return rows(el).map((r) => r.querySelector('[id$="-title"]')!.textContent!.trim());
}

function rowOf(el: DmpDocumentList, title: string): HTMLElement | undefined {
  return rows(el).find((r) => r.querySelector('[id$="-title"]')!.textContent!.trim() === title);
}

async function loaded(el: DmpDocumentList): Promise<void> {
  await waitUntil(() => rows(el).length > 0 || root(el).querySelector('.notice'), 'the list never loaded', { timeout: 5000 });
  await el.updateComplete;
}

/**
 * Scrolls half-way down the list, as a mouse wheel would, until the row `index` is no longer drawn:
 * the virtualizer may still be sizing the list, and half of a short height keeps the row in range.
 */
async function scrollAwayFrom(el: DmpDocumentList, index: string): Promise<void> {
  const viewport = control(el, '.viewport');
  await waitUntil(() => {
    viewport.scrollTop = viewport.scrollHeight / 2;
    return !rows(el).some((row) => row.dataset.index === index);
  }, `the row ${index} was never taken out`);
}

function control<T extends HTMLElement>(el: DmpDocumentList, selector: string): T {
  const found = root(el).querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

function select(el: DmpDocumentList, selector: string, value: string): void {
  const field = control<HTMLSelectElement | HTMLInputElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function clickButton(scope: ParentNode, text: string): void {
  const button = [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text);
  if (!button) throw new Error(`no button "${text}"`);
  button.click();
}

/** What the backend lets `actorId` read in `ins`, and what it hides by reason: the expectation. */
function backendView(actorId: string, ins: string) {
  const actor = actorById(actorId)!;
  const dossier = db.policyDossier(ins);
  const visible: DmpDocument[] = [];
  const hidden: Partial<Record<ReasonCode, number>> = {};
  for (const doc of db.documentsOf(ins)) {
    if (doc.status === 'deleted') continue;
    const decision = decide({
      actor,
      action: 'document.read',
      dossier,
      document: { ...doc, authorRpps: doc.author.rpps },
      request: { now: SEED_NOW },
    });
    if (decision.allowed) visible.push(doc);
    else hidden[decision.reason] = (hidden[decision.reason] ?? 0) + 1;
  }
  return { visible, hidden };
}

async function openActions(el: DmpDocumentList, title: string): Promise<HTMLDialogElement> {
  await waitUntil(() => rowOf(el, title), `no row "${title}"`);
  rowOf(el, title)!.querySelector<HTMLButtonElement>('[data-action="actions"]')!.click();
  const dialog = control<HTMLDialogElement>(el, '#actions-dialog');
  await waitUntil(() => dialog.open, 'the actions dialog did not open');
  return dialog;
}

function pickFile(el: DmpDocumentList, file: File): void {
  const input = control<HTMLInputElement>(el, '#add-file');
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function type(el: DmpDocumentList, selector: string, value: string): void {
  const input = control<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const pdf = (name = 'compte-rendu.pdf', size = 2048) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

describe('dmp-document-list', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  before(startBackend);
  beforeEach(resetBackend);
  afterEach(endRequestWatches);

  it('is accessible, loaded, with its dialogs', async () => {
    const { el } = await mount('pat-durand-jeanne');
    await loaded(el);
    await expect(el).to.be.accessible();
    await openActions(el, 'Ordonnance');
    await expect(el).to.be.accessible();
  });

  describe('defaults', () => {
    it('lists the documents newest act first, each with its category, date, author, format and size', async () => {
      const { el } = await mount('ps-martin');
      await loaded(el);
      const dates = el.items.map((d) => d.serviceStart);
      expect(dates).to.deep.equal([...dates].sort().reverse());
      const first = rows(el)[0]!;
      const text = first.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain(el.items[0]!.title);
      expect(text).to.contain('Prévention');
      expect(text).to.contain('15 octobre 2026');
      expect(text).to.contain('Dr Claire Martin');
      expect(text).to.contain('Médecin · Cabinet médical des Brotteaux');
      expect(text).to.contain('XML (CDA) · 18,9 ko');
      expect(first.getAttribute('part')).to.equal('row');
    });

    it('shows replaced, archived and patient-deposited documents with their badges', async () => {
      const { el } = await mount('ps-martin', { query: 'ordonnance renouvellement' });
      await waitUntil(() => rowOf(el, 'Ordonnance (renouvellement trimestriel)'), 'no archived row');
      expect(rowOf(el, 'Ordonnance (renouvellement trimestriel)')!.querySelector('[part="badge"]')!.textContent).to.equal('Archivé');
      el.query = 'volet';
      await waitUntil(() => rows(el).length === 2);
      expect(shadowText(el)).to.contain('Remplacé par une version plus récente');
      el.query = 'cholecystectomie';
      await waitUntil(() => rows(el).length === 1);
      expect(rows(el)[0]!.textContent).to.contain('Déposé par le patient');
    });

    it('asks for a patient without patient-ins, and follows a change of patient', async () => {
      const { el } = await mount('ps-dubois', { 'patient-ins': '' });
      expect(control(el, '[role="alert"]').textContent).to.contain('patient-ins');
      el.patientIns = ADULT;
      await waitUntil(() => el.items.length > 0);
      expect(el.items.every((d) => d.id.startsWith('doc-durand'))).to.equal(true);
      el.patientIns = MASKED;
      await el.updateComplete;
      expect(el.items).to.be.empty;
      await waitUntil(() => el.items.length > 0 && el.items.every((d) => d.id.startsWith('doc-rousseau')));
    });

    it('shows the patient identity the host gives', async () => {
      const { el } = await mount('ps-martin');
      el.patient = { name: 'Jeanne Durand', birthDate: '1958-03-14', sex: 'F' };
      await el.updateComplete;
      expect(control(el, '[part="patient"]').textContent).to.contain('Patient : Jeanne Durand, sexe féminin, né(e) le 14 mars 1958');
    });
  });

  describe('what each actor sees', () => {
    for (const actorId of ['ps-martin', 'ps-dubois', 'ps-petit', 'pat-durand-jeanne']) {
      it(`${actorId}: exactly the documents the backend lets them read, and the hidden counts in words`, async () => {
        const { el } = await mount(actorId);
        await loaded(el);
        const { visible, hidden } = backendView(actorId, ADULT);
        expect(el.items.map((d) => d.id).sort()).to.deep.equal(visible.map((d) => d.id).sort());
        const notice = root(el).querySelector('[part="hidden-notice"]');
        const sentences = Object.entries(hidden).map(([reason, n]) => hiddenCountText(reason, n, 'fr'));
        if (actorId.startsWith('pat-')) {
          expect(notice, 'a patient is never told something is hidden').to.equal(null);
        } else {
          expect(sentences).not.to.be.empty;
          for (const sentence of sentences) expect(notice!.textContent).to.contain(sentence);
        }
      });
    }

    it('never tells the patient that something is hidden, even from a gateway that says so', async () => {
      worker.use(
        http.get('*/api/dmp/v1/dossiers/:ins/documents', async ({ request }) => {
          const list = (await (await getResponse(handlers, request))!.json()) as object;
          return HttpResponse.json({ ...list, hidden: { 'invisible-to-patient': 2 } });
        }),
      );
      const { el } = await mount('pat-durand-jeanne');
      await loaded(el);
      expect(el.items).not.to.be.empty;
      expect(root(el).querySelector('[part="hidden-notice"]')).to.equal(null);
      expect(shadowText(el)).not.to.contain(hiddenCountText('invisible-to-patient', 2, 'fr'));
    });

    it('a pharmacist sees no imaging and is told 3 documents are not visible to their profession', async () => {
      const { el } = await mount('ps-dubois');
      await loaded(el);
      expect(el.items.filter((d) => d.category === 'imaging')).to.be.empty;
      expect(control(el, '[part="hidden-notice"]').textContent).to.contain('3 documents ne sont pas visibles pour votre profession.');
      select(el, '#filter-category', 'imaging');
      await waitUntil(() => shadowText(el).includes('Aucun document ne correspond'));
    });

    it('writes a hidden count of thousands as the user’s language groups numbers', async () => {
      const count = backendView('ps-dubois', LARGE).hidden['profession-not-permitted']!;
      expect(count).to.be.above(999);
      const { el, provider } = await mount('ps-dubois', { 'patient-ins': LARGE });
      await loaded(el);
      const notice = () => control(el, '[part="hidden-notice"]').textContent!;
      expect(notice()).to.contain(`${new Intl.NumberFormat('fr-FR').format(count)} documents ne sont pas visibles pour votre profession.`);
      provider.locale = 'en';
      await waitFor(() => notice().includes(`${new Intl.NumberFormat('en-GB').format(count)} documents are not visible to your profession.`), () => notice());
    });

    it('marks a document invisible to the patient only until the month after its submission has passed', async () => {
      // Ten days ago, whatever day the test runs: still within the month.
      db.findDocument(MASKED, 'doc-rousseau-serologies')!.submittedAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
      const { el } = await mount('ps-martin', { 'patient-ins': MASKED });
      await waitUntil(() => rowOf(el, 'IRM pelvienne') && rowOf(el, 'Sérologies VIH, hépatites B et C'), 'the rows never came');
      const badgesOf = (title: string) => [...rowOf(el, title)!.querySelectorAll('[part="badge"]')].map((b) => b.textContent);
      expect(badgesOf('Sérologies VIH, hépatites B et C')).to.include('Invisible pour le patient');
      // Submitted in September: the patient may read it now, though the flag is still set.
      expect(db.findDocument(MASKED, 'doc-rousseau-irm-pelvienne')!.invisibleToPatient).to.equal(true);
      expect(badgesOf('IRM pelvienne')).not.to.include('Invisible pour le patient');
    });

    it('the patient sees her masked documents with the badge, and no hidden count', async () => {
      const { el } = await mount('pat-rousseau-camille', { 'patient-ins': MASKED });
      await loaded(el);
      const { visible } = backendView('pat-rousseau-camille', MASKED);
      expect(el.items.map((d) => d.id).sort()).to.deep.equal(visible.map((d) => d.id).sort());
      expect(el.items.some((d) => d.id === 'doc-rousseau-serologies')).to.equal(false);
      const row = rowOf(el, 'Synthèse psychiatrique')!;
      expect(row.querySelector('[part="badge"]')!.textContent).to.equal('Masqué aux professionnels');
      expect(root(el).querySelector('[part="hidden-notice"]')).to.equal(null);
    });

    it('a professional is told documents are masked by the patient', async () => {
      const { el } = await mount('ps-dubois', { 'patient-ins': MASKED });
      await loaded(el);
      expect(control(el, '[part="hidden-notice"]').textContent).to.contain('2 documents sont masqués par le patient.');
      expect(el.items.some((d) => d.masked)).to.equal(false);
    });

    it('a blocked professional sees the refusal in words and no document, and the list is not even asked for', async () => {
      const listings = () => db.logOf(ADULT).filter((e) => e.action === 'document.list').length;
      const before = listings();
      const { el } = await mount('ps-renard');
      await waitUntil(() => shadowText(el).includes('Accès refusé'));
      expect(shadowText(el)).to.contain(reasonText('blocked'));
      expect(rows(el)).to.be.empty;
      expect(root(el).querySelector('[part="toolbar"]')).to.equal(null);
      // The policy answered from the access conditions: no refused request in the patient's history.
      expect(listings()).to.equal(before);
      await expect(el).to.be.accessible();
    });

    it('says a person without a dossier has none, without asking for a list', async () => {
      const { el } = await mount('ps-martin', { 'patient-ins': PATIENT_NO_DOSSIER.ins });
      await waitUntil(() => shadowText(el).includes(reasonText('no-dossier')), 'no "no dossier" notice');
      expect(shadowText(el)).not.to.contain('Accès refusé');
      expect(root(el).querySelector('.notice')!.getAttribute('role')).to.equal('status');
      expect(db.logOf(PATIENT_NO_DOSSIER.ins).filter((e) => e.action === 'document.list')).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('under break-glass an emergency physician reads and opens documents, but may not add', async () => {
      const { el, provider } = await mount('ps-morel');
      await waitUntil(() => shadowText(el).includes(reasonText('not-authorized')));
      const justification = 'Patiente inconsciente aux urgences, antécédents inconnus.';
      const client = new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: () => ({ Authorization: 'Bearer ps-morel' }) });
      const grant = await client.requestEmergencyAccess(ADULT, 'break-glass', justification, { idempotencyKey: crypto.randomUUID() });
      provider.setEmergencyGrant({ ...grant, ins: ADULT, justification });
      await waitUntil(() => rows(el).length > 0, 'the list did not reload under the grant');
      expect(rows(el)[0]!.querySelector('[data-action="open"]')).to.exist;
      await waitUntil(() => root(el).querySelector('.add button'));
      expect(control(el, '.add button').getAttribute('aria-disabled')).to.equal('true');
      // Not "the patient did not authorize you": the user is reading the dossier, which an emergency access reads only.
      expect(control(el, '#add-denied').textContent).to.equal('Un accès en urgence permet seulement de consulter le dossier.');
      const listing = db.logOf(ADULT).filter((e) => e.action === 'document.list').at(-1);
      expect(listing).to.deep.include({ mode: 'break-glass', outcome: 'allowed' });
    });

    it('offers the actions however the host spells the INS (spaces, as on a carte Vitale)', async () => {
      const spaced = ADULT.replace(/^(\d)(\d{2})(\d{2})(\d{2})(\d{3})(\d{3})(\d{2})$/, '$1 $2 $3 $4 $5 $6 $7');
      expect(spaced).to.contain(' ');
      const { el } = await mount('pat-durand-jeanne', { 'patient-ins': spaced });
      await loaded(el);
      await waitUntil(() => rowOf(el, 'Ordonnance')?.querySelector('[data-action="open"]'), 'the title is not a link: the policy was never asked');
      const dialog = await openActions(el, 'Ordonnance');
      expect(dialog.querySelector('[data-action="mask"]')!.getAttribute('aria-disabled')).to.equal('false');
      expect(control(el, '.add button').getAttribute('aria-disabled')).to.equal('false');
    });

    it('an occupational physician and an unauthorized optician are refused with their reason', async () => {
      const { el } = await mount('occ-med');
      await waitUntil(() => shadowText(el).includes('Accès refusé'));
      expect(shadowText(el)).to.contain(reasonText('never-authorized-actor'));
      const optician = await mount('ps-fontaine');
      await waitUntil(() => shadowText(optician.el).includes('Accès refusé'));
      expect(shadowText(optician.el)).to.contain(reasonText('not-authorized'));
    });
  });

  describe('search, filters and sort', () => {
    it('filters by keyword without accents or case, locally once everything is loaded, and reflects it', async () => {
      const requests: string[] = [];
      worker.events.on('request:start', ({ request }) => requests.push(request.url));
      const { el } = await mount('ps-martin');
      await loaded(el);
      const before = requests.length;
      control<HTMLInputElement>(el, '#filter-query').focus();
      await sendKeys({ type: 'IRM genou' });
      await waitUntil(() => rows(el).length === 1);
      expect(rowTitles(el)).to.deep.equal(['IRM du genou droit']);
      expect(el.getAttribute('query')).to.equal('IRM genou');
      el.query = 'hemoglobine';
      await waitUntil(() => rowTitles(el).join() === 'Hémoglobine glyquée (HbA1c) et bilan lipidique');
      el.query = 'Mercier';
      await waitUntil(() => rows(el).length === 2);
      expect(el.items.filter((d) => d.author.name.includes('Mercier')).map((d) => d.title).sort()).to.deep.equal(rowTitles(el).sort());
      expect(requests.slice(before).filter((u) => u.includes('/documents'))).to.be.empty;
      worker.events.removeAllListeners();
    });

    it('says the count once the user pauses in the search field, not at each keystroke', async () => {
      const { el } = await mount('ps-martin');
      await loaded(el);
      const summary = control(el, '#summary');
      const said: string[] = [];
      const observer = new MutationObserver(() => said.push(summary.textContent!.replace(/\s+/g, ' ').trim()));
      observer.observe(summary, { subtree: true, characterData: true, childList: true });
      const search = control<HTMLInputElement>(el, '#filter-query');
      search.focus();
      // Keystrokes as quick as a user's, each one drawn before the next: no timer can run between
      // them, so a count said before the pause was said at a keystroke, however busy the machine.
      for (const key of 'IRM genou') {
        search.value += key;
        search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: key, inputType: 'insertText' }));
        await el.updateComplete;
      }
      expect(said, 'said while typing').to.deep.equal([]);
      await waitUntil(() => rows(el).length === 1, 'the keywords were not applied');
      await el.updateComplete;
      observer.disconnect();
      expect([...new Set(said)]).to.deep.equal(['1 document']);
    });

    it('never says the dossier is empty while keywords that matched nothing are being cleared', async () => {
      const { el } = await mount('ps-martin');
      await loaded(el);
      const search = control<HTMLInputElement>(el, '#filter-query');
      search.focus();
      await sendKeys({ type: 'introuvable' });
      await waitUntil(() => shadowText(el).includes('Aucun document ne correspond'), 'the keywords were not applied');
      const summary = control(el, '#summary');
      const said: string[] = [];
      const observer = new MutationObserver(() => said.push(summary.textContent!.replace(/\s+/g, ' ').trim()));
      observer.observe(summary, { subtree: true, characterData: true, childList: true });
      search.select();
      await sendKeys({ press: 'Backspace' });
      await waitUntil(() => rows(el).length > 0, 'the rows never came back');
      observer.disconnect();
      expect(said.filter((text) => text === 'Aucun document')).to.deep.equal([]);
    });

    it('filters by keywords typed just before the host moves the element in the page', async () => {
      const local = await mount('ps-martin');
      await loaded(local.el);
      control<HTMLInputElement>(local.el, '#filter-query').focus();
      await sendKeys({ type: 'IRM genou' });
      local.el.parentElement!.append(local.el);
      await waitUntil(() => rows(local.el).length === 1, 'the keywords were not applied', { timeout: 3000 });
      expect(rowTitles(local.el)).to.deep.equal(['IRM du genou droit']);
    });

    it('sends keywords typed just before the host moves the element in the page to the server', async () => {
      const requests: URL[] = [];
      const onStart = ({ request }: { request: Request }) => void requests.push(new URL(request.url));
      worker.events.on('request:start', onStart);
      const { el } = await mount('ps-martin', { 'patient-ins': LARGE, 'page-size': '20' });
      await loaded(el);
      control<HTMLInputElement>(el, '#filter-query').focus();
      await sendKeys({ type: 'echographie' });
      el.parentElement!.append(el);
      await waitUntil(() => requests.some((u) => u.searchParams.get('q') === 'echographie'), 'no server search', { timeout: 3000 });
      worker.events.removeListener('request:start', onStart);
    });

    it('keeps the host’s keywords when the provider gets its user after the first render', async () => {
      const { el, provider } = await mount('ps-martin', { query: 'bilan' });
      provider.actor = undefined;
      await el.updateComplete;
      provider.actor = seededActor('ps-bernard');
      await loaded(el);
      expect([el.query, control<HTMLInputElement>(el, '#filter-query').value]).to.deep.equal(['bilan', 'bilan']);
    });

    it('forgets keywords the user typed when the host shows another patient or another user, but keeps the host’s own', async () => {
      const { el, provider } = await mount('ps-martin');
      await loaded(el);
      const search = async (keywords: string) => {
        control<HTMLInputElement>(el, '#filter-query').focus();
        await sendKeys({ type: keywords });
        await waitUntil(() => el.getAttribute('query') === keywords, 'the keywords were not taken');
      };
      await search('IRM genou');
      const requests: string[] = [];
      const onStart = ({ request }: { request: Request }) => void requests.push(request.url);
      worker.events.on('request:start', onStart);
      el.patientIns = PATIENT_MASKED.identity.ins;
      await waitUntil(() => el.items.length > 0, 'the next patient’s documents did not load');
      expect([el.query, el.hasAttribute('query'), control<HTMLInputElement>(el, '#filter-query').value]).to.deep.equal([undefined, false, '']);
      worker.events.removeListener('request:start', onStart);
      expect(requests.filter((url) => url.includes('/documents') && new URL(url).searchParams.has('q'))).to.deep.equal([]);
      await search('IRM genou');
      provider.actor = seededActor('ps-bernard');
      await provider.updateComplete;
      await el.updateComplete;
      expect([el.query, control<HTMLInputElement>(el, '#filter-query').value]).to.deep.equal([undefined, '']);
      // Keywords the host gives with the patient are its choice.
      el.patientIns = ADULT;
      el.query = 'bilan';
      await waitUntil(() => el.items.length > 0, 'the first patient’s documents did not load');
      expect(control<HTMLInputElement>(el, '#filter-query').value).to.equal('bilan');
    });

    it('shows the choices the filters hold after they are cleared, whatever the user picked before', async () => {
      const { el } = await mount('ps-martin');
      await loaded(el);
      select(el, '#filter-category', 'biology');
      select(el, '#filter-category', '');
      select(el, '#filter-category', 'imaging');
      select(el, '#filter-profession', '21');
      await el.updateComplete;
      clickButton(root(el), 'Effacer les filtres');
      await el.updateComplete;
      expect(el.hasAttribute('category')).to.equal(false);
      expect(control<HTMLSelectElement>(el, '#filter-category').value).to.equal('');
      expect(control<HTMLSelectElement>(el, '#filter-profession').value).to.equal('');
      await loaded(el);
    });

    it('asks the server for keywords (debounced) while the list is not complete', async () => {
      const requests: URL[] = [];
      worker.events.on('request:start', ({ request }) => requests.push(new URL(request.url)));
      const { el } = await mount('ps-martin', { 'patient-ins': LARGE, 'page-size': '20' });
      await loaded(el);
      control<HTMLInputElement>(el, '#filter-query').focus();
      await sendKeys({ type: 'echographie' });
      await waitUntil(() => requests.some((u) => u.searchParams.get('q') === 'echographie'), 'no server search', { timeout: 3000 });
      const searches = requests.filter((u) => u.pathname.endsWith('/documents') && u.searchParams.has('q'));
      expect(searches.map((u) => u.searchParams.get('q'))).to.deep.equal(['echographie']);
      await waitUntil(() => el.items.length > 0 && el.items.every((d) => d.title.startsWith('Échographie')));
      worker.events.removeAllListeners();
    });

    it('applies category, dates, author profession and sort, and reflects each in its attribute', async () => {
      const { el } = await mount('ps-martin');
      await loaded(el);
      select(el, '#filter-category', 'biology');
      await waitUntil(() => el.items.length > 0 && el.items.every((d) => d.category === 'biology'));
      expect(el.getAttribute('category')).to.equal('biology');
      select(el, '#filter-category', '');
      select(el, '#filter-from', '2026-09-01');
      select(el, '#filter-to', '2026-09-30');
      await waitUntil(() => el.items.length > 0 && el.items.every((d) => d.serviceStart.startsWith('2026-09')));
      expect(el.getAttribute('date-from')).to.equal('2026-09-01');
      expect(el.getAttribute('date-to')).to.equal('2026-09-30');
      expect(el.hasAttribute('category')).to.equal(false);
      select(el, '#filter-profession', '21');
      await waitUntil(() => el.items.length === 1 && el.items[0]!.author.profession === '21');
      expect(el.getAttribute('author-profession')).to.equal('21');
      clickButton(root(el), 'Effacer les filtres');
      select(el, '#filter-sort', 'title-asc');
      await waitUntil(() => el.items.length > 10 && el.getAttribute('sort') === 'title-asc');
      const titles = el.items.map((d) => d.title);
      expect(titles[0]! <= titles[1]!).to.equal(true);
      expect(control(el, '[role="columnheader"][aria-sort="ascending"]').textContent).to.equal('Titre');
      expect(['date-from', 'date-to', 'author-profession', 'query'].some((a) => el.hasAttribute(a))).to.equal(false);
    });

    it('says at the dates that a start after the end matches nothing, until the dates are put right', async () => {
      const { el } = await mount('ps-martin');
      await loaded(el);
      select(el, '#filter-from', '2026-09-30');
      select(el, '#filter-to', '2026-09-01');
      await el.updateComplete;
      expect(control(el, '#range-error').textContent!.trim()).to.equal('La date de début est postérieure à la date de fin.');
      for (const id of ['#filter-from', '#filter-to']) {
        expect(control(el, id).getAttribute('aria-invalid'), id).to.equal('true');
        expect(control(el, id).getAttribute('aria-describedby'), id).to.equal('range-error');
      }
      // Once the rows are no longer dimmed by the reload the dates asked for.
      await waitUntil(() => rows(el).length === 0 && !root(el).querySelector('[aria-busy="true"]'), 'the list never reloaded', { timeout: 5000 });
      await expect(el).to.be.accessible();
      select(el, '#filter-to', '2026-10-31');
      await el.updateComplete;
      expect(root(el).querySelector('#range-error')).to.equal(null);
      expect(control(el, '#filter-from').getAttribute('aria-invalid')).to.equal('false');
    });

    it('offers only the orders the client can give (a FHIR server cannot sort by title)', async () => {
      const { el, provider } = await mount('ps-martin');
      await loaded(el);
      const offered = () => [...root(el).querySelectorAll<HTMLOptionElement>('#filter-sort option')].map((o) => o.value);
      expect(offered()).to.deep.equal(['date-desc', 'date-asc', 'title-asc', 'title-desc']);
      provider.client = Object.assign(new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: (request) => provider.requestHeaders(request) }), {
        documentSorts: ['date-desc', 'date-asc'] as const,
      });
      await waitUntil(() => offered().length === 2, 'the title orders are still offered');
      expect(offered()).to.deep.equal(['date-desc', 'date-asc']);
      await loaded(el);
      // Asked for by the host, an order the client cannot give is not sent: newest first instead.
      const sorts: Array<string | null> = [];
      worker.events.on('request:start', ({ request }) => {
        const url = new URL(request.url);
        if (url.pathname.endsWith('/documents')) sorts.push(url.searchParams.get('sort'));
      });
      el.setAttribute('sort', 'title-asc');
      el.setAttribute('category', 'biology');
      await waitUntil(() => sorts.length > 0, 'the list was not read again');
      worker.events.removeAllListeners();
      expect(sorts).to.deep.equal(['date-desc']);
      expect(control<HTMLSelectElement>(el, '#filter-sort').value).to.equal('date-desc');
    });

    it('keeps a date filter and the date’s other parts while one part is retyped', async () => {
      const { el } = await mount('ps-martin');
      await loaded(el);
      select(el, '#filter-from', '2026-09-01');
      await waitUntil(() => el.items.length > 0 && el.items.every((d) => d.serviceStart >= '2026-09-01'));
      const from = control(el, '#filter-from') as HTMLInputElement;
      await eraseFirstDatePart(from, el);
      expect(from.validity.badInput, 'the other parts were cleared').to.equal(true);
      expect(el.getAttribute('date-from')).to.equal('2026-09-01');
    });

    it('applies deep-link attributes on the first load', async () => {
      const requests: URL[] = [];
      worker.events.on('request:start', ({ request }) => requests.push(new URL(request.url)));
      const { el } = await mount('ps-martin', { category: 'biology', sort: 'date-asc', 'date-from': '2026-01-01', 'page-size': '5' });
      await loaded(el);
      const lists = requests.filter((u) => u.pathname.endsWith('/documents'));
      expect(lists).to.have.length(1);
      // The day's first instant where the user is.
      const from = new Date('2026-01-01T00:00:00').toISOString();
      expect(Object.fromEntries(lists[0]!.searchParams)).to.deep.equal({ category: 'biology', sort: 'date-asc', from, limit: '5' });
      expect(rowTitles(el)).to.deep.equal(['Hémoglobine glyquée (HbA1c) et bilan lipidique', 'Bilan sanguin : NFS, ionogramme, créatinine']);
      expect((control<HTMLSelectElement>(el, '#filter-category')).value).to.equal('biology');
      expect((control<HTMLSelectElement>(el, '#filter-sort')).value).to.equal('date-asc');
      worker.events.removeAllListeners();
    });
  });

  describe('states', () => {
    it('shows skeleton rows while loading', async () => {
      db.faults.add({ method: 'GET', path: '/documents', latencyMs: 600, times: 1 });
      const { el } = await mount('ps-martin');
      const grid = control(el, '.grid--loading');
      expect(grid.getAttribute('aria-busy')).to.equal('true');
      expect(shadowText(el)).to.contain('Chargement des documents…');
      await expect(el).to.be.accessible();
      await loaded(el);
      expect(root(el).querySelector('.grid--loading')).to.equal(null);
    });

    it('says in the same live region, through every filter, how many documents match, or that none does', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await loaded(el);
      const summary = control(el, '#summary');
      expect(summary.getAttribute('role')).to.equal('status');
      el.query = 'introuvable';
      await waitUntil(() => shadowText(el).includes('Aucun document ne correspond'), 'the filter never applied');
      await el.updateComplete;
      expect(control(el, '#summary') === summary, 'the live region was replaced, and may not be read').to.equal(true);
      expect(summary.textContent!.trim()).to.equal('Aucun document ne correspond');
      // Said once to a screen reader: the notice shows it, out of its hearing.
      expect(control(el, '.empty strong').getAttribute('aria-hidden')).to.equal('true');
      await expect(el).to.be.accessible();
      clickButton(control(el, '.empty'), 'Effacer les filtres');
      await waitUntil(() => rows(el).length > 0, 'the filters were never cleared');
      expect(control(el, '#summary') === summary).to.equal(true);
      expect(summary.textContent).to.match(/\d+ documents/);
    });

    it('says "Aucun document" for an empty dossier and "Aucun document ne correspond" with filters', async () => {
      db.documentsOf(ADULT).splice(0);
      const { el } = await mount('pat-durand-jeanne');
      await waitUntil(() => shadowText(el).includes('Aucun document'));
      expect(shadowText(el)).not.to.contain('ne correspond');
      db.reset();
      db.setNow(SEED_NOW);
      const filtered = await mount('pat-durand-jeanne', { query: 'introuvable' });
      await waitUntil(() => shadowText(filtered.el).includes('Aucun document ne correspond'));
      clickButton(control(filtered.el, '.empty'), 'Effacer les filtres');
      await waitUntil(() => rows(filtered.el).length > 0);
      expect(filtered.el.hasAttribute('query')).to.equal(false);
      // The button went with the filters: focus goes on from the search field, not to the page.
      await waitUntil(() => root(filtered.el).activeElement?.id === 'filter-query', 'focus was lost with the button');
    });

    it('shows a 500 as an error with a retry that works', async () => {
      db.faults.add({ method: 'GET', path: '/documents', status: 500, times: 3 });
      const { el } = await mount('ps-martin');
      await waitUntil(() => shadowText(el).includes('Le serveur du DMP a rencontré une erreur.'), 'no error', { timeout: 5000 });
      expect(control(el, '[role="alert"]').textContent).to.contain('La liste des documents n’a pas pu être chargée.');
      const retry = [...root(el).querySelectorAll('button')].find((b) => b.textContent?.includes('Réessayer'))!;
      retry.focus();
      retry.click();
      // The button goes with the error: focus goes on to the search field, not to the page.
      await waitUntil(() => root(el).activeElement?.id === 'filter-query', 'focus was lost with the button');
      expect(control(el, '#filter-query').hasAttribute('tabindex'), 'the search field left the tab order').to.equal(false);
      await waitUntil(() => rows(el).length > 0);
    });

    it('clears the error of failed access conditions once a change of filter loads them', async () => {
      // The existence test fails as offline (three tries): the list says so.
      db.faults.add({ method: 'GET', path: '^/dossiers/\\d+$', network: true, times: 3 });
      const { el } = await mount('ps-martin');
      await waitUntil(() => shadowText(el).includes('La liste des documents n’a pas pu être chargée.'), 'no error', { timeout: 5000 });
      // The user picks a category rather than Retry: the conditions come, the rows too, and the error goes.
      select(el, '#filter-category', 'biology');
      await waitUntil(() => rows(el).length > 0, 'the filtered rows never came', { timeout: 5000 });
      await waitUntil(() => !shadowText(el).includes('n’a pas pu être chargée'), 'the error stayed');
    });

    it('shows a timeout', async () => {
      const { el, provider } = await mount('ps-martin');
      await loaded(el);
      provider.requestTimeout = 300;
      await provider.updateComplete;
      db.faults.add({ method: 'GET', path: '/documents', latencyMs: 2000, times: 1 });
      await el.reload();
      expect(shadowText(el)).to.contain('Le serveur du DMP n’a pas répondu à temps.');
    });

    it('shows a malformed response as an invalid response', async () => {
      db.faults.add({ method: 'GET', path: '/documents', malformed: 'schema', times: 1 });
      const { el } = await mount('ps-martin');
      await waitUntil(() => shadowText(el).includes('Réponse invalide du serveur'));
    });

    it('says the user seems offline on a network error', async () => {
      db.faults.add({ method: 'GET', path: '/documents', network: true, times: 3 });
      const { el } = await mount('ps-martin');
      await waitUntil(() => shadowText(el).includes('Vous semblez hors ligne'), 'no offline message', { timeout: 5000 });
    });

    it('shows no patient data once the session expired', async () => {
      const { el, provider } = await mount('ps-martin');
      await loaded(el);
      await provider.logout();
      await el.updateComplete;
      expect(shadowText(el)).to.contain('Session expirée');
      expect(rows(el)).to.be.empty;
      expect(el.items).to.be.empty;
    });

    it('leaves the focus in the host page when the session ends (the notice takes only the focus the list had)', async () => {
      const { el, provider } = await mount('ps-martin');
      await loaded(el);
      const hostField = document.createElement('input');
      document.body.append(hostField);
      try {
        hostField.focus();
        await provider.logout();
        await el.updateComplete;
        await el.updateComplete;
        expect(shadowText(el)).to.contain('Session expirée');
        expect(document.activeElement).to.equal(hostField);
      } finally {
        hostField.remove();
      }
    });

    it('speaks English', async () => {
      const { el } = await mount('ps-dubois', { query: 'zzz' }, 'en');
      await waitUntil(() => shadowText(el).includes('No document matches'));
      expect(shadowText(el)).to.contain('3 documents are not visible to your profession.');
      expect(shadowText(el)).to.contain('Clear filters');
    });

    it('renders a title holding markup as text', async () => {
      db.documentsOf(ADULT).push({ ...db.findDocument(ADULT, 'doc-durand-ordonnance')!, id: 'doc-xss', title: XSS, serviceStart: '2026-11-19T10:00:00.000Z' });
      const { el } = await mount('ps-martin');
      await loaded(el);
      expect(rowTitles(el)[0]).to.equal(XSS);
      expect(root(el).querySelector('img')).to.equal(null);
    });

    it('keeps the rows legible while the list reloads: striped, not faded (text contrast)', async () => {
      const { el, provider } = await mount('ps-martin');
      await loaded(el);
      db.faults.add({ method: 'GET', path: '/documents', latencyMs: 800, times: 1 });
      provider.notifyDataChanged(['documents'], ADULT);
      await waitUntil(() => root(el).querySelector('.grid[aria-busy="true"]'), 'the list never reloaded');
      expect(getComputedStyle(control(el, '.grid[aria-busy="true"] .viewport')).opacity).to.equal('1');
      expect(rows(el).every((row) => getComputedStyle(row).opacity === '1')).to.equal(true);
      const cell = rows(el)[0]!.querySelector('.cell')!;
      expect(getComputedStyle(cell).backgroundImage).to.contain('repeating-linear-gradient');
    });

    it('reloads when another element changes the documents', async () => {
      const { el, provider } = await mount('ps-martin');
      await loaded(el);
      const count = el.items.length;
      db.documentsOf(ADULT).push({ ...db.findDocument(ADULT, 'doc-durand-ordonnance')!, id: 'doc-new', title: 'Nouveau compte rendu' });
      provider.notifyDataChanged(['documents'], ADULT);
      await waitUntil(() => el.items.length === count + 1);
    });
  });

  describe('opening', () => {
    it('opens a document by clicking its title', async () => {
      const { el } = await mount('ps-martin');
      await loaded(el);
      setTimeout(() => rows(el)[1]!.querySelector<HTMLButtonElement>('[data-action="open"]')!.click());
      const event = await oneEvent(el, 'dmp-document-open');
      expect(event.detail.document).to.deep.equal(el.items[1]);
    });

    it('reads an opened document’s file for the host, announces even a refused read, and reads nothing once its user has left', async () => {
      const { el, provider } = await mount('ps-martin');
      await loaded(el);
      setTimeout(() => rows(el)[0]!.querySelector<HTMLButtonElement>('[data-action="open"]')!.click());
      const { detail } = await oneEvent(el, 'dmp-document-open');
      const read = oneEvent(provider, 'dmp-data-changed');
      expect((await detail.content()).size).to.be.greaterThan(0);
      expect((await read).detail.topics).to.deep.equal(['history']);
      // The server answered a refusal: it logged the attempt, so the history is told too.
      db.faults.add({ method: 'GET', path: '/content$', status: 404, times: 1 });
      const refusedRead = oneEvent(provider, 'dmp-data-changed');
      const refused = await detail.content().then(() => undefined, (e: unknown) => e as DmpError);
      expect(refused?.kind).to.equal('not-found');
      expect((await refusedRead).detail.topics).to.deep.equal(['history']);
      // After a logout the read would go out under a user who is no longer here.
      await provider.logout();
      const lines = db.logOf(ADULT).length;
      const left = await detail.content().then(() => undefined, (e: unknown) => e as DmpError);
      expect(left?.kind).to.equal('aborted');
      expect(db.logOf(ADULT).length).to.equal(lines);
    });

    it('opens with the keyboard: ArrowDown then Enter', async () => {
      const { el } = await mount('ps-martin');
      await loaded(el);
      rows(el)[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => root(el).activeElement === rows(el)[1]);
      expect(rows(el)[1]!.tabIndex).to.equal(0);
      expect(rows(el)[0]!.tabIndex).to.equal(-1);
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const event = await oneEvent(el, 'dmp-document-open');
      expect(event.detail.document.id).to.equal(el.items[1]!.id);
    });

    it('moves to the last loaded row with End, rendering it, and back with Home', async () => {
      const { el } = await mount('ps-martin', { 'patient-ins': LARGE, 'page-size': '200' });
      await loaded(el);
      rows(el)[0]!.focus();
      await sendKeys({ press: 'End' });
      await waitUntil(() => focusedRow(el) === '199', 'the last row never got focus');
      await sendKeys({ press: 'Home' });
      await waitUntil(() => focusedRow(el) === '0');
    });
  });

  describe('keyboard, once the focused row is scrolled away', () => {
    it('keeps the focus in the grid, and the arrow keys go on from that row', async () => {
      const { el } = await mount('ps-martin', { 'patient-ins': LARGE, 'page-size': '200' });
      await loaded(el);
      rows(el)[2]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => focusedRow(el) === '3', 'the arrow did not move the focus');
      // The mouse wheel takes the user far down: the virtualizer drops the row that had focus.
      await scrollAwayFrom(el, '3');
      await waitFor(() => el.matches(':focus-within'), () => `the focus went to the page (${document.activeElement?.localName})`);
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => focusedRow(el) === '4', 'the keys did not go on from the row the user was on');
    });

    it('lets Tab come back into the grid, on a drawn row, after the user tabbed out of it', async () => {
      const { el } = await mount('ps-martin', { 'patient-ins': LARGE, 'page-size': '200' });
      await loaded(el);
      rows(el)[1]!.focus();
      await scrollAwayFrom(el, '1');
      await waitUntil(() => root(el).activeElement?.getAttribute('role') === 'grid', 'the grid never took the focus');
      await sendKeys({ press: 'Shift+Tab' });
      expect(root(el).activeElement?.getAttribute('role')).not.to.equal('grid');
      await sendKeys({ press: 'Tab' });
      const drawn = rows(el).map((row) => row.dataset.index);
      await waitFor(() => drawn.includes(focusedRow(el)), () => `Tab did not come back to a row: ${root(el).activeElement?.outerHTML.slice(0, 80)}`);
    });
  });

  describe('pagination', () => {
    it('loads the next page on "load more", appending it', async () => {
      const { el } = await mount('ps-martin', { 'patient-ins': LARGE, 'page-size': '20' });
      await loaded(el);
      expect(el.items).to.have.length(20);
      const first = el.items.map((d) => d.id);
      expect(shadowText(el)).to.match(/20 chargés/);
      // Assistive technologies hear the whole list's size, not the rows loaded so far.
      const total = Number(control(el, '#summary').textContent!.split('documents')[0]!.replace(/\D/g, ''));
      expect(total).to.be.greaterThan(20);
      expect(control(el, '[role="grid"]').getAttribute('aria-rowcount')).to.equal(String(total + 1));
      expect(control(el, '#summary').getAttribute('role')).to.equal('status');
      clickButton(root(el), 'Charger plus de documents');
      await waitUntil(() => el.items.length === 40);
      expect(el.items.slice(0, 20).map((d) => d.id)).to.deep.equal(first);
      expect(new Set(el.items.map((d) => d.id)).size).to.equal(40);
      const dates = el.items.map((d) => d.serviceStart);
      expect(dates).to.deep.equal([...dates].sort().reverse());
    });

    it('keeps keyboard focus when the last page takes the "load more" button away: on the first row loaded', async () => {
      const { el } = await mount('pat-durand-jeanne', { 'page-size': '10' });
      await loaded(el);
      let first = el.items.length;
      for (let more = root(el).querySelector<HTMLButtonElement>('.more button'); more; more = root(el).querySelector('.more button')) {
        first = el.items.length;
        more.focus();
        more.click();
        await waitUntil(() => el.items.length > first, 'the next page never came');
        await el.updateComplete;
      }
      await waitUntil(() => root(el).activeElement?.closest('[role="row"]')?.getAttribute('data-index') === String(first), 'focus was lost with the button');
    });

    it('says it is loading, rather than ignoring the click, while the list is read again', async () => {
      const { el, provider } = await mount('ps-martin', { 'patient-ins': LARGE, 'page-size': '20' });
      await loaded(el);
      db.faults.add({ method: 'GET', path: '/documents', latencyMs: 600, times: 1 });
      provider.notifyDataChanged(['documents'], LARGE);
      await waitUntil(() => control(el, '[role="grid"]').getAttribute('aria-busy') === 'true', 'the list was not read again');
      const more = control<HTMLButtonElement>(el, '.more button');
      expect(more.getAttribute('aria-disabled')).to.equal('true');
      expect(more.textContent!.trim()).to.equal('Chargement…');
      // 600 ms of latency on a 10,000-document dossier: more than waitUntil's default second on a busy machine.
      await waitUntil(() => control(el, '[role="grid"]').getAttribute('aria-busy') === 'false', 'the reload never ended', { timeout: 5000 });
      expect(control(el, '.more button').getAttribute('aria-disabled')).to.equal('false');
      clickButton(root(el), 'Charger plus de documents');
      await waitUntil(() => el.items.length === 40, 'the next page never came after the reload');
    });

    it('leaves focus on the host page field the user went to while the last page loaded', async () => {
      const { el } = await mount('pat-durand-jeanne', { 'page-size': '1000' });
      await loaded(el);
      // Two pages: the second, the last, holds one document.
      const count = el.items.length;
      el.pageSize = count - 1;
      await waitUntil(() => el.items.length === count - 1 && root(el).querySelector('.more button'), 'the first page never came');
      const field = document.createElement('input');
      field.setAttribute('aria-label', 'Recherche de l’intranet');
      document.body.append(field);
      try {
        db.faults.add({ method: 'GET', path: '/documents', latencyMs: 300, times: 1 });
        const more = root(el).querySelector<HTMLButtonElement>('.more button')!;
        more.focus();
        more.click();
        field.focus();
        await waitUntil(() => el.items.length === count, 'the last page never came');
        await el.updateComplete;
        expect(document.activeElement === field, `focus went to ${document.activeElement?.localName}`).to.equal(true);
      } finally {
        field.remove();
      }
    });

    it('drops a "load more" failure with the list it was about, when a filter makes another', async () => {
      const { el } = await mount('ps-martin', { 'patient-ins': LARGE, 'page-size': '20' });
      await loaded(el);
      db.faults.add({ method: 'GET', path: '/documents', malformed: 'schema', times: 1 });
      clickButton(root(el), 'Charger plus de documents');
      await waitUntil(() => shadowText(el).includes('La suite de la liste n’a pas pu être chargée'), 'the failure was not said');
      select(el, '#filter-category', 'biology');
      await waitUntil(() => el.items.length > 0 && el.items.every((d) => d.category === 'biology'), 'the filtered list never came');
      await el.updateComplete;
      expect(shadowText(el)).not.to.contain('La suite de la liste n’a pas pu être chargée');
    });

    it('does not make up a total a gateway did not give: says what is loaded, and an unknown row count', async () => {
      worker.use(
        http.get('*/api/dmp/v1/dossiers/:ins/documents', async ({ request }) => {
          const { total: _total, ...page } = (await (await getResponse(handlers, request))!.json()) as Record<string, unknown>;
          return HttpResponse.json(page);
        }),
      );
      const { el } = await mount('pat-durand-jeanne', { 'page-size': '3' });
      await loaded(el);
      expect(control(el, '#summary').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Documents chargés : 3, d’autres à suivre');
      expect(control(el, '[role="grid"]').getAttribute('aria-rowcount')).to.equal('-1');
      // The last page loaded, the count is known.
      for (let more = root(el).querySelector<HTMLButtonElement>('.more button'); more; more = root(el).querySelector('.more button')) {
        const before = el.items.length;
        more.click();
        await waitUntil(() => el.items.length > before, 'the next page never came');
        await el.updateComplete;
      }
      const count = el.items.length;
      expect(control(el, '#summary').textContent!.trim()).to.equal(`${new Intl.NumberFormat('fr-FR').format(count)} documents`);
      expect(control(el, '[role="grid"]').getAttribute('aria-rowcount')).to.equal(String(count + 1));
    });

    it('keeps the user on their row when the list is read again', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await loaded(el);
      rows(el)[0]!.focus();
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => focusedRow(el) === '3', 'ArrowDown did not reach the fourth row');
      const title = rowTitles(el)[3];
      // Someone added a newer document meanwhile: the user's row is one further down.
      const newest = db.documentsOf(ADULT)[0]!;
      db.documentsOf(ADULT).push({ ...newest, id: 'doc-durand-nouveau', title: 'Compte rendu du jour', serviceStart: new Date().toISOString() });
      await el.reload();
      await el.updateComplete;
      expect(rowTitles(el)[0]).to.equal('Compte rendu du jour');
      const current = rows(el).find((r) => r.tabIndex === 0)!;
      expect(current.querySelector('[id$="-title"]')!.textContent!.trim()).to.equal(title);
      expect(current.dataset.index).to.equal('4');
    });

    it('loads the next page when the user scrolls near the end', async () => {
      const { el } = await mount('ps-martin', { 'patient-ins': LARGE, 'page-size': '20' });
      await loaded(el);
      const viewport = control(el, '.viewport');
      viewport.scrollTop = viewport.scrollHeight;
      await waitUntil(() => el.items.length === 40, 'scrolling to the end loaded nothing');
    });

    it('renders 10,000 documents through the virtualizer, only the rows in view', async () => {
      const { el } = await mount('ps-martin', { 'patient-ins': LARGE, 'page-size': '1000' });
      await loaded(el);
      expect(el.items).to.have.length(1000);
      expect(rows(el).length).to.be.below(60);
    });
  });

  describe('masking', () => {
    it('a professional is offered no mask or delete, with the reason in words', async () => {
      const { el } = await mount('ps-martin');
      await loaded(el);
      const dialog = await openActions(el, 'Ordonnance');
      const mask = dialog.querySelector<HTMLButtonElement>('[data-action="mask"]')!;
      expect(mask.getAttribute('aria-disabled')).to.equal('true');
      const reason = dialog.querySelector(`#${mask.getAttribute('aria-describedby')!}`)!;
      expect(reason.textContent!.trim()).to.equal(reasonText('patient-only'));
      expect(dialog.querySelector('[data-action="delete"]')!.getAttribute('aria-disabled')).to.equal('true');
      expect(dialog.querySelector('[data-action="open"]')!.getAttribute('aria-disabled')).to.equal('false');
    });

    it('a vetoed mask request sends nothing', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await loaded(el);
      el.addEventListener('dmp-document-mask-request', (e) => e.preventDefault());
      const logBefore = db.logOf(ADULT).length;
      const dialog = await openActions(el, 'Ordonnance');
      setTimeout(() => dialog.querySelector<HTMLButtonElement>('[data-action="mask"]')!.click());
      const request = await oneEvent(el, 'dmp-document-mask-request');
      expect(request.detail).to.deep.include({ masked: true });
      expect(request.detail.document.id).to.equal('doc-durand-ordonnance');
      await el.updateComplete;
      expect(db.findDocument(ADULT, 'doc-durand-ordonnance')!.masked).to.equal(false);
      expect(db.logOf(ADULT).length).to.equal(logBefore);
      expect(dialog.open).to.equal(false);
    });

    it('masks a document: badge, backend state, event and log entry; then unmasks it', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await loaded(el);
      const dialog = await openActions(el, 'Ordonnance');
      setTimeout(() => dialog.querySelector<HTMLButtonElement>('[data-action="mask"]')!.click());
      const masked = await oneEvent(el, 'dmp-document-masked');
      expect(masked.detail.masked).to.equal(true);
      expect(masked.detail.document.masked).to.equal(true);
      await waitUntil(() => rowOf(el, 'Ordonnance')!.querySelector('[part="badge"]')?.textContent === 'Masqué aux professionnels');
      expect(db.findDocument(ADULT, 'doc-durand-ordonnance')!.masked).to.equal(true);
      const entry = db.logOf(ADULT).at(-1)!;
      expect(entry).to.deep.include({ action: 'document.mask', outcome: 'allowed' });
      expect(entry.target?.documentId).to.equal('doc-durand-ordonnance');
      expect(shadowText(el)).to.contain('« Ordonnance » est masqué aux professionnels.');

      const again = await openActions(el, 'Ordonnance');
      setTimeout(() => again.querySelector<HTMLButtonElement>('[data-action="unmask"]')!.click());
      const unmasked = await oneEvent(el, 'dmp-document-masked');
      expect(unmasked.detail.masked).to.equal(false);
      expect(db.findDocument(ADULT, 'doc-durand-ordonnance')!.masked).to.equal(false);
    });

    it('lets the author make a result kept from the patient visible once announced: event, backend state, log entry; another professional is told why not', async () => {
      const TITLE = 'Sérologies VIH, hépatites B et C';
      const other = await mount('ps-roussel', { 'patient-ins': MASKED });
      const refused = (await openActions(other.el, TITLE)).querySelector<HTMLButtonElement>('[data-action="reveal"]')!;
      expect(refused.getAttribute('aria-disabled')).to.equal('true');
      expect(root(other.el).querySelector(`#${refused.getAttribute('aria-describedby')!}`)!.textContent!.trim()).to.equal(reasonText('not-author'));
      other.el.remove();
      const { el } = await mount('ps-mercier', { 'patient-ins': MASKED });
      await loaded(el);
      // Vetoed by the host: nothing sent.
      const veto = (e: Event) => e.preventDefault();
      el.addEventListener('dmp-document-reveal-request', veto);
      (await openActions(el, TITLE)).querySelector<HTMLButtonElement>('[data-action="reveal"]')!.click();
      await el.updateComplete;
      expect(db.findDocument(MASKED, 'doc-rousseau-serologies')!.invisibleToPatient).to.equal(true);
      el.removeEventListener('dmp-document-reveal-request', veto);
      const dialog = await openActions(el, TITLE);
      setTimeout(() => dialog.querySelector<HTMLButtonElement>('[data-action="reveal"]')!.click());
      const revealed = await oneEvent(el, 'dmp-document-revealed');
      expect(revealed.detail.document.invisibleToPatient).to.equal(false);
      expect(db.findDocument(MASKED, 'doc-rousseau-serologies')!.invisibleToPatient).to.equal(false);
      expect(db.logOf(MASKED).at(-1)).to.deep.include({ action: 'document.set-visibility', outcome: 'allowed' });
      await waitUntil(() => shadowText(el).includes(`« ${TITLE} » est maintenant visible par le patient.`), 'not announced');
      expect((await openActions(el, TITLE)).querySelector('[data-action="reveal"]')).to.equal(null);
    });

    it('offers no "make visible" once the month has released a result to the patient', async () => {
      db.findDocument(MASKED, 'doc-rousseau-serologies')!.submittedAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
      const { el } = await mount('ps-martin', { 'patient-ins': MASKED });
      await loaded(el);
      // Still kept from her: the médecin traitant may reveal it.
      const kept = await openActions(el, 'Sérologies VIH, hépatites B et C');
      expect(kept.querySelector('[data-action="reveal"]')!.getAttribute('aria-disabled')).to.equal('false');
      kept.close();
      // Submitted in September: she may read it already, though the flag is still set.
      expect(db.findDocument(MASKED, 'doc-rousseau-irm-pelvienne')!.invisibleToPatient).to.equal(true);
      const released = await openActions(el, 'IRM pelvienne');
      expect(released.querySelector('[data-action="reveal"]') === null, 'still offered').to.equal(true);
    });

    it('offers no second change of a document while one is on its way, and says why', async () => {
      db.faults.add({ method: 'PATCH', path: '/documents', latencyMs: 500, times: 1 });
      const { el } = await mount('pat-durand-jeanne');
      await loaded(el);
      (await openActions(el, 'Ordonnance')).querySelector<HTMLButtonElement>('[data-action="mask"]')!.click();
      await waitUntil(() => rowOf(el, 'Ordonnance')!.getAttribute('aria-busy') === 'true', 'the row never said it was busy');
      const dialog = await openActions(el, 'Ordonnance');
      for (const action of ['mask', 'delete']) {
        const button = dialog.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
        expect(button.getAttribute('aria-disabled'), action).to.equal('true');
        expect(root(el).querySelector(`#${button.getAttribute('aria-describedby')!}`)!.textContent!.trim()).to.equal('Une modification de ce document est en cours.');
      }
      dialog.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
      expect(control<HTMLDialogElement>(el, '#delete-dialog').open).to.equal(false);
      // The dialog follows the document: masked now, it offers to unmask it.
      await waitUntil(() => dialog.querySelector('[data-action="unmask"]')?.getAttribute('aria-disabled') === 'false', 'the change never ended', { timeout: 5000 });
      expect(dialog.querySelector('[data-action="delete"]')!.getAttribute('aria-disabled')).to.equal('false');
      expect(db.findDocument(ADULT, 'doc-durand-ordonnance')).to.deep.include({ masked: true, status: 'current' });
    });

    it('keeps a mask answered after the host switched patient off the new patient’s list, and tells the first patient’s elements', async () => {
      const { el, provider } = await mount('pat-durand-jeanne');
      await loaded(el);
      const changes: Array<string | undefined> = [];
      provider.addEventListener('dmp-data-changed', (e) => changes.push((e as CustomEvent<{ ins?: string }>).detail.ins));
      db.faults.add({ method: 'PATCH', path: '/documents', latencyMs: 300, times: 1 });
      const dialog = await openActions(el, 'Ordonnance');
      const doc = el.items.find((d) => d.title === 'Ordonnance')!;
      dialog.querySelector<HTMLButtonElement>('[data-action="mask"]')!.click();
      el.patientIns = PATIENT_MASKED.identity.ins;
      await waitUntil(() => changes.length > 0, 'the change was never announced');
      expect(changes).to.deep.equal([ADULT]);
      expect(db.findDocument(ADULT, doc.id)!.masked).to.equal(true);
      await el.updateComplete;
      expect(shadowText(el)).not.to.contain('« Ordonnance »');
      expect(el.items.some((d) => d.id === doc.id)).to.equal(false);
    });

    it('says a mask answered unreadably was most likely made, and reads the list again', async () => {
      // A gateway that masks the document, then garbles its answer.
      worker.use(
        http.patch(
          '*/api/dmp/v1/dossiers/:ins/documents/:id',
          async ({ request }) => HttpResponse.json({ id: 42 }, { status: (await getResponse(handlers, request))?.status ?? 500 }),
          { once: true },
        ),
      );
      const { el } = await mount('pat-durand-jeanne');
      await loaded(el);
      const dialog = await openActions(el, 'Ordonnance');
      dialog.querySelector<HTMLButtonElement>('[data-action="mask"]')!.click();
      await waitUntil(() => shadowText(el).includes('sa réponse est illisible'), 'the failure was said as a refusal');
      expect(shadowText(el)).not.to.contain('n’a pas été masqué');
      await waitUntil(() => el.items.find((d) => d.id === 'doc-durand-ordonnance')?.masked === true, 'the list was not read again');
    });

    it('says why a mask failed', async () => {
      db.faults.add({ method: 'PATCH', path: '/documents', status: 500, times: 1 });
      const { el } = await mount('pat-durand-jeanne');
      await loaded(el);
      const dialog = await openActions(el, 'Ordonnance');
      dialog.querySelector<HTMLButtonElement>('[data-action="mask"]')!.click();
      await waitUntil(() => shadowText(el).includes('Le document n’a pas été masqué'));
      expect(db.findDocument(ADULT, 'doc-durand-ordonnance')!.masked).to.equal(false);
    });
  });

  describe('deleting', () => {
    it('asks for confirmation; cancelling deletes nothing', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await loaded(el);
      const dialog = await openActions(el, 'Ordonnance');
      dialog.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
      const confirm = control<HTMLDialogElement>(el, '#delete-dialog');
      await waitUntil(() => confirm.open);
      expect(confirm.textContent).to.contain('« Ordonnance » sera retiré du dossier médical partagé.');
      await expect(el).to.be.accessible();
      clickButton(confirm, 'Annuler');
      expect(confirm.open).to.equal(false);
      expect(db.findDocument(ADULT, 'doc-durand-ordonnance')!.status).to.equal('current');
    });

    it('a vetoed delete request sends nothing', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await loaded(el);
      el.addEventListener('dmp-document-delete-request', (e) => e.preventDefault());
      const dialog = await openActions(el, 'Ordonnance');
      dialog.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
      await waitUntil(() => control<HTMLDialogElement>(el, '#delete-dialog').open);
      setTimeout(() => control<HTMLButtonElement>(el, '[data-action="confirm-delete"]').click());
      await oneEvent(el, 'dmp-document-delete-request');
      await el.updateComplete;
      expect(db.findDocument(ADULT, 'doc-durand-ordonnance')!.status).to.equal('current');
      expect(rowOf(el, 'Ordonnance')).to.exist;
    });

    it('deletes after confirmation: the row goes, the backend and the log know', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await loaded(el);
      const count = el.items.length;
      const dialog = await openActions(el, 'Ordonnance');
      dialog.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
      await waitUntil(() => control<HTMLDialogElement>(el, '#delete-dialog').open);
      setTimeout(() => control<HTMLButtonElement>(el, '[data-action="confirm-delete"]').click());
      const deleted = await oneEvent(el, 'dmp-document-deleted');
      expect(deleted.detail.document.id).to.equal('doc-durand-ordonnance');
      await waitUntil(() => !rowOf(el, 'Ordonnance'));
      expect(el.items).to.have.length(count - 1);
      expect(db.findDocument(ADULT, 'doc-durand-ordonnance')!.status).to.equal('deleted');
      expect(db.logOf(ADULT).at(-1)).to.deep.include({ action: 'document.delete', outcome: 'allowed' });
    });

    it('reads the list again when a delete answers while a reload begun before it is under way, rather than show the deleted row', async () => {
      const { el, provider } = await mount('pat-durand-jeanne');
      await loaded(el);
      // A reload whose answer the server gave before the delete, and the network brings after it.
      const client = new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: (request) => provider.requestHeaders(request) });
      const list = client.listDocuments.bind(client);
      let hold = false;
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let answered = false;
      client.listDocuments = async (...args) => {
        const answer = await list(...args);
        if (hold) {
          hold = false;
          answered = true;
          await held;
        }
        return answer;
      };
      provider.client = client;
      const dialog = await openActions(el, 'Ordonnance');
      dialog.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
      await waitUntil(() => control<HTMLDialogElement>(el, '#delete-dialog').open);
      hold = true;
      void el.reload();
      await waitUntil(() => answered, 'the reload was not answered');
      const deleted = oneEvent(el, 'dmp-document-deleted');
      control<HTMLButtonElement>(el, '[data-action="confirm-delete"]').click();
      await deleted;
      release();
      const settled = () => el.items.length > 0 && !el.items.some((d) => d.id === 'doc-durand-ordonnance') && !root(el).querySelector('.grid[aria-busy="true"]');
      await waitUntil(settled, 'the deleted document is shown again', { timeout: 5000 });
      await el.updateComplete;
      expect(rowOf(el, 'Ordonnance')).to.equal(undefined);
    });

    it('keeps keyboard focus when a row among others is deleted: on the row that takes its place', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await loaded(el);
      const index = el.items.findIndex((d) => d.id === 'doc-durand-ordonnance');
      const next = el.items[index + 1]!;
      expect(index >= 0 && next !== undefined, 'the ordonnance has a row after it').to.equal(true);
      const dialog = await openActions(el, 'Ordonnance');
      dialog.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
      await waitUntil(() => control<HTMLDialogElement>(el, '#delete-dialog').open);
      setTimeout(() => control<HTMLButtonElement>(el, '[data-action="confirm-delete"]').click());
      await oneEvent(el, 'dmp-document-deleted');
      const focusedRow = () => root(el).activeElement?.closest('[role="row"]');
      // The dialog closes and the list reloads first: slow on a busy machine.
      await waitUntil(() => focusedRow()?.textContent?.includes(next.title), 'focus is not on the next row', { timeout: 5000 });
      // Still there once the virtualizer has drawn the list anew.
      await aTimeout(300);
      expect(focusedRow()?.textContent).to.contain(next.title);
    });

    it('puts focus on the row that takes the deleted one’s place even when the server answers before the dialog hands focus back', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await loaded(el);
      const index = el.items.findIndex((d) => d.id === 'doc-durand-ordonnance');
      const next = el.items[index + 1]!;
      expect(index > 0 && next !== undefined, 'the ordonnance is neither the first row nor the last').to.equal(true);
      const dialog = await openActions(el, 'Ordonnance');
      dialog.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
      await waitUntil(() => control<HTMLDialogElement>(el, '#delete-dialog').open);
      // The dialog's close event, which gives focus back to the row's button, comes as a task of its
      // own: on a busy machine, after the answer. Held back here, it never comes.
      root(el).addEventListener('close', (e) => e.stopPropagation(), { capture: true, once: true });
      control<HTMLButtonElement>(el, '[data-action="confirm-delete"]').click();
      await oneEvent(el, 'dmp-document-deleted');
      const focusedTitle = () => root(el).activeElement?.closest('[role="row"]')?.querySelector('[id$="-title"]')?.textContent?.trim();
      await waitUntil(() => focusedTitle() !== undefined, 'no row took focus', { timeout: 5000 });
      expect(focusedTitle()).to.equal(next.title);
    });

    it('keeps keyboard focus when the last row shown is deleted: on the search field', async () => {
      const title = 'Bilan de kinésithérapie du genou droit';
      const { el } = await mount('pat-durand-jeanne', { query: 'kinésithérapie' });
      await waitUntil(() => el.items.length === 1 && rowOf(el, title), 'the search did not narrow to one document');
      const dialog = await openActions(el, title);
      dialog.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
      await waitUntil(() => control<HTMLDialogElement>(el, '#delete-dialog').open);
      control<HTMLButtonElement>(el, '[data-action="confirm-delete"]').click();
      await waitUntil(() => el.items.length === 0, 'the row stayed');
      await waitUntil(() => root(el).activeElement?.id === 'filter-query', 'focus was lost with the row');
    });
  });

  describe('adding', () => {
    async function openAdd(el: DmpDocumentList): Promise<HTMLDialogElement> {
      await loaded(el);
      await waitUntil(() => root(el).querySelector('.add button'), 'no add button');
      clickButton(root(el), 'Ajouter un document');
      const dialog = control<HTMLDialogElement>(el, '#add-dialog');
      // The first opening loads the form's module: as long as a lazy chunk may take.
      await waitUntil(() => dialog.open, 'the add dialog never opened', { timeout: 5000 });
      return dialog;
    }

    /** The add form opened and filled in, ready to send. */
    async function openFilledAdd(el: DmpDocumentList, title: string, typeCode = 'DOCPAT03', date = '2026-10-01', file = pdf()): Promise<HTMLDialogElement> {
      const dialog = await openAdd(el);
      type(el, '#add-title', title);
      select(el, '#add-typeCode', typeCode);
      type(el, '#add-date', date);
      pickFile(el, file);
      return dialog;
    }

    it('names each row’s Actions button after its document, so that a list of buttons or a voice command tells them apart', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await loaded(el);
      const rows = [...root(el).querySelectorAll<HTMLElement>('[part~="row"]')];
      expect(rows.length).to.be.greaterThan(1);
      for (const row of rows) {
        const button = row.querySelector<HTMLButtonElement>('[data-action="actions"]')!;
        const name = button.getAttribute('aria-labelledby')!.split(' ').map((id) => root(el).getElementById(id)?.textContent?.trim());
        const title = row.querySelector('[role="gridcell"] .link, [role="gridcell"] .title')!.textContent!.trim();
        expect(name).to.deep.equal(['Actions', title]);
      }
    });

    it('says why an action failed, and what the add form misses, in the language the user switches to afterwards', async () => {
      db.faults.add({ method: 'PATCH', path: '/documents', status: 500, times: 1 });
      const { el, provider } = await mount('pat-durand-jeanne');
      await loaded(el);
      const actions = await openActions(el, 'Ordonnance');
      actions.querySelector<HTMLButtonElement>('[data-action="mask"]')!.click();
      await waitUntil(() => shadowText(el).includes('Le document n’a pas été masqué'));
      provider.locale = 'en';
      await waitUntil(() => shadowText(el).includes('The document was not masked'), 'the failure stayed in French');
      provider.locale = 'fr';
      await waitUntil(() => shadowText(el).includes('Le document n’a pas été masqué'));
      const dialog = await openAdd(el);
      clickButton(dialog, 'Ajouter');
      await waitUntil(() => dialog.querySelector('#add-file-error')?.textContent === 'Choisissez un fichier.');
      provider.locale = 'en';
      await waitUntil(() => dialog.querySelector('#add-file-error')?.textContent === 'Choose a file.', 'the field’s error stayed in French');
    });

    it('offers a patient only the types she may add', async () => {
      const { el } = await mount('pat-durand-jeanne');
      const dialog = await openAdd(el);
      const codes = [...dialog.querySelectorAll<HTMLOptionElement>('#add-typeCode option')].map((o) => o.value).filter(Boolean);
      expect(codes).not.to.be.empty;
      expect(codes.every((c) => c.startsWith('DOCPAT') || c.startsWith('EXPPAT'))).to.equal(true);
      // What she deposits, she sees: no visibility to choose.
      select(el, '#add-typeCode', 'DOCPAT03');
      await el.updateComplete;
      expect(dialog.querySelector('#add-invisible-patient, #add-invisible-representatives')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('lets the author keep a result from the patient until it is announced, or from the legal representatives', async () => {
      const { el } = await mount('ps-martin');
      const dialog = await openFilledAdd(el, 'Résultat d’anatomopathologie', '11488-4');
      expect([control<HTMLInputElement>(el, '#add-invisible-patient').checked, control<HTMLInputElement>(el, '#add-invisible-representatives').checked]).to.deep.equal([false, false]);
      await expect(el).to.be.accessible();
      control<HTMLInputElement>(el, '#add-invisible-patient').click();
      const added = oneEvent(el, 'dmp-document-added');
      clickButton(dialog, 'Ajouter');
      expect((await added).detail.document.invisibleToPatient).to.equal(true);
      const stored = db.documentsOf(ADULT).find((d) => d.title === 'Résultat d’anatomopathologie')!;
      expect([stored.invisibleToPatient, stored.invisibleToLegalRepresentatives]).to.deep.equal([true, false]);
    });

    it('keeps a result invisible to the patient when the access conditions, checked again, cannot be read', async () => {
      const { el, provider } = await mount('ps-martin');
      const dialog = await openFilledAdd(el, 'Résultat d’anatomopathologie', '11488-4');
      control<HTMLInputElement>(el, '#add-invisible-patient').click();
      // Another screen changes an authorization: the dossier is read again, and cannot be.
      db.faults.add({ method: 'GET', path: '^/dossiers/\\d+$', network: true, times: 3 });
      provider.notifyDataChanged(['authorizations'], ADULT);
      await waitUntil(() => shadowText(el).includes('n’a pas pu être chargée'), 'the dossier never failed', { timeout: 8000 });
      expect([control<HTMLSelectElement>(el, '#add-typeCode').value, control<HTMLInputElement>(el, '#add-invisible-patient').checked]).to.deep.equal(['11488-4', true]);
      const added = oneEvent(el, 'dmp-document-added');
      clickButton(dialog, 'Ajouter');
      expect((await added).detail.document.invisibleToPatient).to.equal(true);
      expect(db.documentsOf(ADULT).find((d) => d.title === 'Résultat d’anatomopathologie')!.invisibleToPatient).to.equal(true);
    });

    it('offers the médecin traitant no VSM to send as a file: it is written in dmp-synthesis-editor', async () => {
      const { el } = await mount('ps-martin');
      const dialog = await openAdd(el);
      const codes = [...dialog.querySelectorAll<HTMLOptionElement>('#add-typeCode option')].map((o) => o.value);
      expect(codes).to.include('11488-4');
      expect(codes).not.to.include('SYNTH');
    });

    it('marks the documents’ titles, written in French, as French in the English interface (WCAG 3.1.2)', async () => {
      const { el } = await mount('ps-martin', {}, 'en');
      await loaded(el);
      const titles = rows(el).map((r) => r.querySelector('[id$="-title"]')!);
      expect(titles).not.to.be.empty;
      expect(titles.map((t) => t.getAttribute('lang'))).to.deep.equal(titles.map(() => 'fr'));
    });

    it('names every document type in English in the English interface', async () => {
      expect(Object.keys(TYPE_CODE_LABELS_EN).sort()).to.deep.equal(Object.keys(TYPE_CODE_LABELS).sort());
      const { el } = await mount('ps-martin', {}, 'en');
      await loaded(el);
      await waitUntil(() => root(el).querySelector('.add button'), 'no add button');
      clickButton(root(el), 'Add a document');
      const dialog = control<HTMLDialogElement>(el, '#add-dialog');
      await waitUntil(() => dialog.open, 'the add dialog never opened', { timeout: 5000 });
      const options = [...dialog.querySelectorAll<HTMLOptionElement>('#add-typeCode option')].filter((o) => o.value);
      expect(options).not.to.be.empty;
      for (const option of options) expect(option.textContent!.trim(), option.value).to.equal(TYPE_CODE_LABELS_EN[option.value]);
    });

    it('explains why someone who may read may not add', async () => {
      const { el } = await mount('admin-chu');
      await loaded(el);
      await waitUntil(() => root(el).querySelector('.add button'), 'no add button');
      const button = control<HTMLButtonElement>(el, '.add button');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(control(el, `#${button.getAttribute('aria-describedby')!}`).textContent).to.equal(reasonText('profession-not-permitted'));
      button.click();
      await el.updateComplete;
      expect(control<HTMLDialogElement>(el, '#add-dialog').open).to.equal(false);
    });

    it('judges Add for the next user on their own dossier answer, not on the one read for the user before', async () => {
      const { el, provider } = await mount('ps-martin');
      await loaded(el);
      await waitUntil(() => root(el).querySelector('.add button'), 'no add button');
      db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, latencyMs: 600, times: 1 });
      // The server told Dr Martin only his own RPPS: on that answer, Dr Bernard would not be authorized.
      provider.actor = seededActor('ps-bernard');
      await provider.updateComplete;
      await el.updateComplete;
      expect(Boolean(root(el).querySelector('#add-denied')), 'a refusal drawn from the other user’s answer').to.equal(false);
      await waitUntil(() => root(el).querySelector('.add button')?.getAttribute('aria-disabled') === 'false', 'Dr Bernard may not add');
    });

    it('offers a pharmacist the types of the categories their profession reads', async () => {
      const { el } = await mount('ps-dubois');
      const dialog = await openAdd(el);
      const codes = [...dialog.querySelectorAll<HTMLOptionElement>('#add-typeCode option')].map((o) => o.value);
      expect(codes).to.include('60593-1');
      expect(codes).not.to.include('18748-4');
    });

    it('checks the form before sending: empty title, missing date, too large, wrong type', async () => {
      const { el } = await mount('pat-durand-jeanne');
      const dialog = await openAdd(el);
      const posts: string[] = [];
      worker.events.on('request:start', ({ request }) => {
        if (request.method === 'POST') posts.push(request.url);
      });
      clickButton(dialog, 'Ajouter');
      await waitUntil(() => dialog.querySelector('#add-title-error'));
      expect(dialog.querySelector('#add-title-error')!.textContent).to.equal('Indiquez un titre.');
      expect(dialog.querySelector('#add-typeCode-error')!.textContent).to.equal('Choisissez un type de document.');
      expect(dialog.querySelector('#add-date-error')!.textContent).to.equal('Indiquez la date de l’acte.');
      expect(dialog.querySelector('#add-file-error')!.textContent).to.equal('Choisissez un fichier.');
      expect(root(el).activeElement!.id).to.equal('add-title');
      expect(control(el, '#add-title').getAttribute('aria-invalid')).to.equal('true');

      pickFile(el, new File([new Uint8Array(20 * 1024 * 1024 + 1)], 'scanner.pdf', { type: 'application/pdf' }));
      clickButton(dialog, 'Ajouter');
      await waitUntil(() => dialog.querySelector('#add-file-error')?.textContent?.includes('la limite est de 20 Mo'));
      pickFile(el, new File(['MZ'], 'programme.exe', { type: 'application/x-msdownload' }));
      clickButton(dialog, 'Ajouter');
      await waitUntil(() => dialog.querySelector('#add-file-error')?.textContent === 'Formats acceptés : PDF, JPEG, PNG ou XML (CDA).');
      expect(posts).to.be.empty;
      worker.events.removeAllListeners();
    });

    it('leaves the other parts of the act’s date alone while one is retyped, and refuses it unfinished', async () => {
      const { el } = await mount('pat-durand-jeanne');
      const dialog = await openFilledAdd(el, 'Carnet de vaccination', 'EXPPAT_1', '2026-10-01', pdf());
      el.requestUpdate();
      await el.updateComplete;
      const date = control<HTMLInputElement>(el, '#add-date');
      await eraseFirstDatePart(date, el);
      // A redraw meanwhile (another element's change reloads the list) must not clear the other parts.
      el.requestUpdate();
      await el.updateComplete;
      expect(date.validity.badInput, 'the other parts were cleared').to.equal(true);
      const before = db.documentsOf(ADULT).length;
      clickButton(dialog, 'Ajouter');
      await waitUntil(() => dialog.querySelector('#add-date-error'), 'the unfinished date was not refused');
      expect(dialog.querySelector('#add-date-error')!.textContent).to.equal('Indiquez la date de l’acte.');
      expect(date.validity.badInput, 'the refusal cleared the other parts').to.equal(true);
      expect(db.documentsOf(ADULT).length).to.equal(before);
    });

    it('puts a gateway’s refusals under the fields they are about, keeping what was typed, and focuses the first', async () => {
      worker.use(
        http.post('*/api/dmp/v1/dossiers/:ins/documents', () =>
          HttpResponse.json(
            { type: 'about:blank', title: 'Requête invalide', status: 400, detail: 'Document refusé.', invalidParams: [{ name: 'title', reason: 'Titre refusé par la passerelle de l’hôpital.' }, { name: 'serviceStart', reason: 'Date postérieure au séjour.' }] },
            { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      );
      const { el } = await mount('pat-durand-jeanne');
      const dialog = await openFilledAdd(el, 'Bilan');
      control<HTMLButtonElement>(el, '.add-form [type=submit]').focus();
      clickButton(dialog, 'Ajouter');
      await waitUntil(() => dialog.querySelector('#add-title-error'), 'the refusal of the title is not under it');
      expect(dialog.querySelector('#add-title-error')!.textContent).to.equal('Titre refusé par la passerelle de l’hôpital.');
      expect(dialog.querySelector('#add-date-error')!.textContent).to.equal('Date postérieure au séjour.');
      const title = control<HTMLInputElement>(el, '#add-title');
      expect(title.getAttribute('aria-invalid')).to.equal('true');
      expect(title.getAttribute('aria-describedby')).to.equal('add-title-error');
      await waitFor(() => root(el).activeElement === title, () => `the focus is on ${root(el).activeElement?.id ?? document.activeElement?.localName}`);
      expect(title.value).to.equal('Bilan');
      expect(control<HTMLInputElement>(el, '#add-date').value).to.equal('2026-10-01');
      expect(dialog.querySelector('.form-error')!.textContent).to.contain('Le document n’a pas été ajouté');
      await expect(el).to.be.accessible();
    });

    it('says beside the failure a gateway’s reasons that no field shows, and a refused file’s size or format under the file', async () => {
      let answer = () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Requête invalide', status: 400, invalidParams: [{ name: 'title', reason: 'Titre trop vague.' }, { name: 'author.service', reason: 'Service inconnu de la passerelle.' }] },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        );
      worker.use(http.post('*/api/dmp/v1/dossiers/:ins/documents', () => answer()));
      const { el } = await mount('pat-durand-jeanne');
      const dialog = await openFilledAdd(el, 'Bilan');
      clickButton(dialog, 'Ajouter');
      await waitUntil(() => dialog.querySelector('.form-error'), 'no failure shown');
      expect(dialog.querySelector('#add-title-error')!.textContent).to.equal('Titre trop vague.');
      expect(dialog.querySelector('.form-error')!.textContent).to.contain('Le document n’a pas été ajouté').and.contain('Service inconnu de la passerelle.');
      for (const [status, said] of [[413, 'Le serveur refuse un fichier de cette taille.'], [415, 'Le serveur n’accepte pas ce format de fichier.']] as const) {
        answer = () => HttpResponse.json({ type: 'about:blank', title: 'Refusé', status }, { status, headers: { 'Content-Type': 'application/problem+json' } });
        clickButton(dialog, 'Ajouter');
        await waitUntil(() => dialog.querySelector('#add-file-error')?.textContent === said, `no reason under the file for a ${status}`);
        expect(control<HTMLInputElement>(el, '#add-file').getAttribute('aria-invalid')).to.equal('true');
        expect(control<HTMLInputElement>(el, '#add-file').files![0]).to.exist;
        // The focus goes to the file refused, once drawn enabled again.
        await waitFor(() => root(el).activeElement?.id === 'add-file', () => `the focus is on ${root(el).activeElement?.id} after a ${status}`);
      }
    });

    it('announces a second document of the same title anew, for it to be heard again', async () => {
      const { el } = await mount('pat-durand-jeanne');
      const addScan = async () => {
        const dialog = await openFilledAdd(el, 'Ordonnance scannée');
        setTimeout(() => clickButton(dialog, 'Ajouter'));
        await oneEvent(el, 'dmp-document-added');
        await el.updateComplete;
      };
      const said = () => spokenText(control(el, 'p.visually-hidden[role="status"]'));
      await addScan();
      const first = said();
      expect(first?.textContent).to.equal('« Ordonnance scannée » a été ajouté au dossier.');
      await addScan();
      // A live region speaks when its content changes: the same text in the same node says nothing.
      expect(said() !== first, 'the second announcement is the first one left in place').to.equal(true);
      expect(said()?.textContent).to.equal('« Ordonnance scannée » a été ajouté au dossier.');
    });

    it('uploads with progress, fires dmp-document-added and shows the new document', async () => {
      db.faults.add({ method: 'POST', path: '/documents', latencyMs: 400, times: 1 });
      const { el } = await mount('pat-durand-jeanne');
      const dialog = await openFilledAdd(el, 'Compte rendu opératoire — appendicectomie');
      clickButton(dialog, 'Ajouter');
      await waitUntil(() => dialog.querySelector('progress'), 'no progress bar');
      const added = await oneEvent(el, 'dmp-document-added');
      expect(added.detail.document).to.deep.include({ title: 'Compte rendu opératoire — appendicectomie', typeCode: 'DOCPAT03', depositedByPatient: true });
      expect(dialog.open).to.equal(false);
      expect(db.findDocument(ADULT, added.detail.document.id)).to.exist;
      await waitUntil(() => el.items.some((d) => d.id === added.detail.document.id), 'the list did not reload');
    });

    it('shows an upload nothing is reported sent of yet as under way, not as 0 %', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      worker.use(
        http.post('*/api/dmp/v1/dossiers/:ins/documents', async () => {
          await held;
          return undefined;
        }),
      );
      const { el } = await mount('pat-durand-jeanne');
      const dialog = await openFilledAdd(el, 'Résultats apportés par la patiente');
      clickButton(dialog, 'Ajouter');
      await waitUntil(() => dialog.querySelector('progress'), 'no progress bar');
      const bar = dialog.querySelector('progress')!;
      // An indeterminate bar has no value: screen readers say it is busy, not at 0 %.
      expect([bar.hasAttribute('value'), bar.position]).to.deep.equal([false, -1]);
      expect(dialog.querySelector('.upload')!.textContent).not.to.contain('%');
      release();
      await oneEvent(el, 'dmp-document-added');
    });

    it('closes and empties the add form when the host shows another patient or another user', async () => {
      const { el, provider } = await mount('ps-martin');
      let dialog = await openAdd(el);
      type(el, '#add-title', 'Compte rendu pour la patiente A');
      el.patientIns = PATIENT_MASKED.identity.ins;
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
      dialog = await openAdd(el);
      expect(control<HTMLInputElement>(el, '#add-title').value).to.equal('');
      type(el, '#add-title', 'Tapé par le Dr Martin');
      provider.actor = seededActor('ps-bernard');
      await waitUntil(() => !dialog.open, 'the form stayed open for the next user');
      expect(db.documentsOf(PATIENT_MASKED.identity.ins).some((d) => d.title.startsWith('Tapé'))).to.equal(false);
    });

    /** Dr Martin uploads a document for the adult, slowly; the host shows another patient meanwhile. */
    async function uploadThenShowAnother(latencyMs: number) {
      const { el, provider } = await mount('ps-martin');
      const dialog = await openFilledAdd(el, 'Compte rendu en route', '11488-4');
      const changes: Array<string | undefined> = [];
      provider.addEventListener('dmp-data-changed', (e) => changes.push((e as CustomEvent<{ ins?: string }>).detail.ins));
      const added: unknown[] = [];
      el.addEventListener('dmp-document-added', (e) => added.push(e));
      db.faults.add({ method: 'POST', path: '/documents', latencyMs, times: 1 });
      clickButton(dialog, 'Ajouter');
      await waitUntil(() => dialog.querySelector('progress'), 'the upload never started');
      el.patientIns = MASKED;
      await el.updateComplete;
      return { el, dialog, changes, added };
    }

    it('lets an upload under way finish for its patient when the host shows another, and says nothing of it there', async () => {
      const { el, dialog, changes, added } = await uploadThenShowAnother(600);
      await waitUntil(() => changes.includes(ADULT), 'the first patient’s elements were never told', { timeout: 5000 });
      expect(db.documentsOf(ADULT).filter((d) => d.title === 'Compte rendu en route')).to.have.length(1);
      expect([added.length, shadowText(el).includes('Compte rendu en route')]).to.deep.equal([0, false]);
      // The next patient's form is blank, and free.
      await openAdd(el);
      expect([control<HTMLInputElement>(el, '#add-title').value, dialog.querySelector('progress')]).to.deep.equal(['', null]);
    });

    it('keeps an upload’s answer off the form opened since, on the same patient shown again', async () => {
      const { el, dialog, changes, added } = await uploadThenShowAnother(1200);
      el.patientIns = ADULT;
      await loaded(el);
      await openAdd(el);
      type(el, '#add-title', 'Tapé pendant l’envoi');
      await waitUntil(() => changes.includes(ADULT), 'the first upload never ended', { timeout: 5000 });
      await el.updateComplete;
      expect([dialog.open, control<HTMLInputElement>(el, '#add-title').value, added.length]).to.deep.equal([true, 'Tapé pendant l’envoi', 0]);
    });

    it('keeps the list and the add form when the host hands over the same user again, with a new display name', async () => {
      const { el, provider } = await mount('ps-martin');
      const dialog = await openAdd(el);
      type(el, '#add-title', 'Compte rendu en cours');
      const rows = el.items.length;
      provider.actor = { ...provider.actor!, displayName: 'Dr C. Martin' };
      await provider.updateComplete;
      await el.updateComplete;
      expect(dialog.open).to.equal(true);
      expect(control<HTMLInputElement>(el, '#add-title').value).to.equal('Compte rendu en cours');
      expect(el.items.length).to.equal(rows);
      expect(root(el).querySelector('.grid--loading')).to.equal(null);
    });

    it('keeps the add form over a session expiry, for the user’s return', async () => {
      const { el, provider } = await mount('ps-martin');
      const dialog = await openAdd(el);
      type(el, '#add-title', 'Compte rendu à finir');
      provider.sessionTimeout = 0.2;
      await waitUntil(() => shadowText(el).includes('Session expirée'), 'the session never ended');
      expect(dialog.open).to.equal(false);
      provider.sessionTimeout = 1800;
      provider.resume();
      await loaded(el);
      await openAdd(el);
      expect(control<HTMLInputElement>(el, '#add-title').value).to.equal('Compte rendu à finir');
    });

    /** The patient adds a vaccination notebook, whose upload takes `latencyMs`; resolves once it is under way. */
    async function addNotebookSlowly(title: string, latencyMs: number) {
      db.faults.add({ method: 'POST', path: '/documents', latencyMs, times: 1 });
      const { el, provider } = await mount('pat-durand-jeanne');
      const dialog = await openFilledAdd(el, title, 'EXPPAT_1', '2026-10-02', pdf('carnet.pdf'));
      const added = oneEvent(el, 'dmp-document-added');
      clickButton(dialog, 'Ajouter');
      await waitUntil(() => dialog.querySelector('progress'), 'no progress bar');
      return { el, provider, added };
    }

    it('does not offer again, filled in, a document whose upload ended during a session expiry', async () => {
      const { el, provider, added } = await addNotebookSlowly('Carnet de vaccination', 600);
      provider.sessionTimeout = 0.2;
      await added;
      provider.sessionTimeout = 1800;
      provider.resume();
      await loaded(el);
      await openAdd(el);
      expect(control<HTMLInputElement>(el, '#add-title').value).to.equal('');
      expect(db.documentsOf(ADULT).filter((d) => d.title === 'Carnet de vaccination')).to.have.length(1);
    });

    it('finishes an upload under way when the host moves the list elsewhere in the page', async () => {
      const { el, provider, added } = await addNotebookSlowly('Carnet de vaccination déplacé', 400);
      const column = document.createElement('section');
      provider.append(column);
      column.append(el);
      expect((await added).detail.document.title).to.equal('Carnet de vaccination déplacé');
      expect(db.documentsOf(ADULT).filter((d) => d.title === 'Carnet de vaccination déplacé')).to.have.length(1);
    });

    /** The patient adds a follow-up notebook; resolves once the dialog shows the upload's failure. */
    async function addNotesFailing() {
      const { el } = await mount('pat-durand-jeanne');
      const dialog = await openFilledAdd(el, 'Carnet de suivi', 'EXPPAT_1', '2026-10-02', pdf('carnet.pdf'));
      dialog.querySelector<HTMLElement>('[type="submit"]')!.focus();
      clickButton(dialog, 'Ajouter');
      await waitUntil(() => dialog.querySelector('[role="alert"]'), 'no upload error');
      return { el, dialog };
    }

    it('does not say “not added” when the server accepted the upload but answered unreadably, and lists what it holds', async () => {
      // A gateway that stores the document, then garbles its answer.
      worker.use(
        http.post('*/api/dmp/v1/dossiers/:ins/documents', async ({ request }) => {
          const stored = await getResponse(handlers, request);
          return HttpResponse.json({ id: 42 }, { status: stored?.status ?? 500 });
        }),
      );
      const { el, dialog } = await addNotesFailing();
      const alert = dialog.querySelector('[role="alert"]')!.textContent!;
      expect(alert).to.contain('a sans doute eu lieu').and.contain('Vérifiez-le avant de réessayer').and.not.contain('n’a pas été ajouté');
      expect(control<HTMLInputElement>(el, '#add-title').value).to.equal('Carnet de suivi');
      const listed = () => [...el.shadowRoot!.querySelectorAll('[part~="row"]')].some((row) => row.textContent!.includes('Carnet de suivi'));
      await waitUntil(listed, 'the list does not show the document the server holds', { timeout: 8000 });
    });

    it('adds a document once when its answer was lost and the user sends it again, and anew only when asked anew', async () => {
      db.faults.add({ method: 'POST', path: '/documents', answerLost: true, times: 1 });
      const stored = () => db.documentsOf(ADULT).filter((d) => d.title === 'Carnet de suivi');
      const { el, dialog } = await addNotesFailing();
      // Stored, though the browser heard nothing back.
      expect(stored()).to.have.length(1);
      setTimeout(() => clickButton(dialog, 'Ajouter'));
      const added = await oneEvent(el, 'dmp-document-added');
      expect(stored().map((d) => d.id)).to.deep.equal([added.detail.document.id]);
      const again = await openFilledAdd(el, 'Carnet de suivi', 'EXPPAT_1', '2026-10-02', pdf('carnet.pdf'));
      setTimeout(() => clickButton(again, 'Ajouter'));
      await oneEvent(el, 'dmp-document-added');
      expect(stored()).to.have.length(2);
    });

    it('keeps the form of an upload that failed over a close, lists what the server holds, and adds the document once when sent again', async () => {
      db.faults.add({ method: 'POST', path: '/documents', answerLost: true, times: 1 });
      const stored = () => db.documentsOf(ADULT).filter((d) => d.title === 'Carnet de suivi');
      const { el, dialog } = await addNotesFailing();
      expect(stored()).to.have.length(1);
      // The user gives up for now, with Escape, then comes back to it.
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
      await openAdd(el);
      expect(control<HTMLInputElement>(el, '#add-title').value).to.equal('Carnet de suivi');
      expect([...control<HTMLInputElement>(el, '#add-file').files!].map((f) => f.name)).to.deep.equal(['carnet.pdf']);
      const listed = () => [...el.shadowRoot!.querySelectorAll('[part~="row"]')].some((row) => row.textContent!.includes('Carnet de suivi'));
      await waitUntil(listed, 'the list does not show the document the server holds', { timeout: 8000 });
      setTimeout(() => clickButton(dialog, 'Ajouter'));
      const added = await oneEvent(el, 'dmp-document-added');
      expect(stored().map((d) => d.id)).to.deep.equal([added.detail.document.id]);
    });

    it('keeps the form of a failed upload closed with Escape over a session expiry, and reads the list again when it is opened', async () => {
      db.faults.add({ method: 'POST', path: '/documents', status: 503, times: 1 });
      const { el, dialog } = await addNotesFailing();
      const provider = el.closest('dmp-provider')!;
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
      await el.updateComplete;
      const expired = oneEvent(provider, 'dmp-session-expired');
      provider.sessionTimeout = 0.2;
      await expired;
      provider.sessionTimeout = 1800;
      provider.resume();
      await loaded(el);
      const reads = recordRequests();
      await openAdd(el);
      expect(control<HTMLInputElement>(el, '#add-title').value).to.equal('Carnet de suivi');
      await waitFor(() => reads.some((line) => line.endsWith(`/dossiers/${ADULT}/documents`)), () => `requests: ${reads.join(', ')}`);
    });

    it('keeps the form of an upload stopped by Escape, says it may have been added, and adds it once when sent again', async () => {
      db.faults.add({ method: 'POST', path: '/documents', latencyMs: 300, times: 1 });
      const { el } = await mount('pat-durand-jeanne');
      const dialog = await openFilledAdd(el, 'Carnet de suivi', 'EXPPAT_1', '2026-10-02', pdf('carnet.pdf'));
      clickButton(dialog, 'Ajouter');
      await waitUntil(() => dialog.querySelector('progress'), 'no upload under way');
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
      expect(spokenText(control(el, 'p.visually-hidden[role="status"]'))?.textContent).to.contain('le document a pu être ajouté malgré tout');
      const stored = () => db.documentsOf(ADULT).filter((d) => d.title === 'Carnet de suivi');
      // The request had left: the server stores it once its delay is over.
      await waitUntil(() => stored().length === 1, 'the upload never reached the server', { timeout: 5000 });
      await openAdd(el);
      expect(control<HTMLInputElement>(el, '#add-title').value).to.equal('Carnet de suivi');
      setTimeout(() => clickButton(dialog, 'Ajouter'));
      const added = await oneEvent(el, 'dmp-document-added');
      expect(stored().map((d) => d.id)).to.deep.equal([added.detail.document.id]);
    });

    it('shows the file it holds, as the title it keeps, in the form drawn again after the session expired', async () => {
      const { el, provider } = await mount('pat-durand-jeanne');
      await openAdd(el);
      type(el, '#add-title', 'Carnet de suivi');
      pickFile(el, pdf('carnet.pdf'));
      const expired = oneEvent(provider, 'dmp-session-expired');
      provider.sessionTimeout = 0.2;
      await expired;
      await el.updateComplete;
      expect(root(el).querySelector('#add-file')).to.equal(null);
      provider.sessionTimeout = 900;
      provider.resume();
      const dialog = await openAdd(el);
      expect(control<HTMLInputElement>(el, '#add-title').value).to.equal('Carnet de suivi');
      expect([...control<HTMLInputElement>(el, '#add-file').files!].map((f) => f.name)).to.deep.equal(['carnet.pdf']);
      select(el, '#add-typeCode', 'EXPPAT_1');
      type(el, '#add-date', '2026-10-02');
      setTimeout(() => clickButton(dialog, 'Ajouter'));
      expect((await oneEvent(el, 'dmp-document-added')).detail.document.title).to.equal('Carnet de suivi');
    });

    it('leaves the focus where it was during the upload, and sends nothing more when pressed again', async () => {
      db.faults.add({ method: 'POST', path: '/documents', latencyMs: 400, times: 1 });
      const { el } = await mount('pat-durand-jeanne');
      const dialog = await openFilledAdd(el, 'Carnet de suivi', 'EXPPAT_1', '2026-10-02', pdf('carnet.pdf'));
      let posts = 0;
      const count = ({ request }: { request: Request }) => void (request.method === 'POST' && request.url.endsWith('/documents') && (posts += 1));
      worker.events.on('request:start', count);
      const submit = control<HTMLButtonElement>(el, '.add-form [type=submit]');
      submit.focus();
      clickButton(dialog, 'Ajouter');
      await waitUntil(() => dialog.querySelector('progress'), 'no upload under way');
      // Compared as booleans: chai describing two elements that differ can take minutes.
      expect(root(el).activeElement === submit, `focus is on ${root(el).activeElement?.outerHTML.slice(0, 80) ?? document.activeElement?.localName}`).to.equal(true);
      expect(submit.getAttribute('aria-disabled')).to.equal('true');
      const title = control<HTMLInputElement>(el, '#add-title');
      expect(title.readOnly).to.equal(true);
      title.focus();
      expect(root(el).activeElement === title, `focus is on ${root(el).activeElement?.outerHTML.slice(0, 80) ?? document.activeElement?.localName}`).to.equal(true);
      clickButton(dialog, 'Ajouter');
      await oneEvent(el, 'dmp-document-added');
      worker.events.removeListener('request:start', count);
      expect(posts).to.equal(1);
    });

    it('keeps what was typed when the upload fails', async () => {
      db.faults.add({ method: 'POST', path: '/documents', status: 500, times: 1 });
      const { el, dialog } = await addNotesFailing();
      expect(dialog.querySelector('[role="alert"]')!.textContent).to.contain('Le document n’a pas été ajouté');
      expect(dialog.open).to.equal(true);
      expect(control<HTMLInputElement>(el, '#add-title').value).to.equal('Carnet de suivi');
      expect(control<HTMLSelectElement>(el, '#add-typeCode').value).to.equal('EXPPAT_1');
      expect(control<HTMLInputElement>(el, '#add-date').value).to.equal('2026-10-02');
      expect(control<HTMLInputElement>(el, '#add-file').files![0]!.name).to.equal('carnet.pdf');
      // The button pressed keeps the focus: Enter tries again.
      await waitFor(() => root(el).activeElement?.matches('[type="submit"]'), () => `focus is on ${document.activeElement?.tagName}`);
      setTimeout(() => clickButton(dialog, 'Ajouter'));
      const added = await oneEvent(el, 'dmp-document-added');
      expect(added.detail.document.title).to.equal('Carnet de suivi');
    });
  });
});
