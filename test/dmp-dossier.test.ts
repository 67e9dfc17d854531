import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { aTimeout, expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { waitFor } from './support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { nothing } from 'lit';
import { ADULT_PROFILE, PATIENT_ADULT, PATIENT_CLOSED, PATIENT_MASKED, PATIENT_MINOR, PATIENT_NO_DOSSIER, SEED_NOW, SYNTHESES } from '../mocks/data/index.js';
import '../src/elements/dmp-dossier/dmp-dossier.js';
import type { DmpDossier } from '../src/elements/dmp-dossier/dmp-dossier.element.js';
import type { DossierTab } from '../src/elements/dmp-dossier/tabs.js';
import type { DmpBreakGlass } from '../src/elements/dmp-break-glass/dmp-break-glass.element.js';
import type { DmpDocumentList } from '../src/elements/dmp-document-list/dmp-document-list.element.js';
import { reasonText } from '../src/i18n/labels.js';
import type { AccessLogEntry } from '../src/model/access-log.js';
import type { ReasonCode } from '../src/policy/types.js';
import { HttpResponse, getResponse, http } from 'msw';
import { handlers } from '../mocks/handlers/index.js';
import { answersTo, db, mountInProvider, resetBackend, seededActor, shadowText, startBackend, worker } from './support/mount.js';
import { endRequestWatches, holdPatientDocuments, recordRequests } from './support/requests.js';

const ADULT = PATIENT_ADULT.identity.ins;
const MINOR = PATIENT_MINOR.identity.ins;
const CLOSED = PATIENT_CLOSED.identity.ins;
const ALL_TABS: DossierTab[] = ['recap', 'documents', 'profile', 'management', 'history'];
const XSS = '<img src=x onerror=alert(1)>';
const JUSTIFICATION = 'Patiente inconsciente aux urgences, traitements en cours inconnus.';
const DAY = 86_400_000;

/** Asks for emergency access in the récapitulatif's form, justified and confirmed; resolves once granted. */
async function grantBreakGlass(el: DmpDossier): Promise<void> {
  const form = recap(el).querySelector<DmpBreakGlass>('dmp-break-glass')!;
  await customElements.whenDefined('dmp-break-glass');
  await waitUntil(() => form.shadowRoot?.querySelector('#justification'), 'no break-glass form', { timeout: 8000 });
  const area = form.shadowRoot!.querySelector<HTMLTextAreaElement>('#justification')!;
  area.value = JUSTIFICATION;
  area.dispatchEvent(new Event('input'));
  form.shadowRoot!.querySelector<HTMLInputElement>('#confirm')!.click();
  await form.updateComplete;
  const granted = oneEvent(el, 'dmp-break-glass-granted');
  form.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await granted;
}

async function mount(actorId = 'pat-durand-jeanne', options: { ins?: string; tab?: DossierTab | 'nonsense'; locale?: 'fr' | 'en' } = {}) {
  const mounted = await mountInProvider<DmpDossier>(
    html`<dmp-dossier patient-ins=${options.ins ?? ADULT} tab=${options.tab ?? nothing}></dmp-dossier>`,
    actorId,
    { locale: options.locale ?? 'fr' },
  );
  await waitUntil(() => root(mounted.el).querySelector('[role="tablist"], [data-reason], .notice--error'), 'the dossier never loaded', { timeout: 8000 });
  return mounted;
}

function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

function $<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = root(el).querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** Nothing of the dossier itself is reloading: its tabs or its récapitulatif. */
const idle = (el: DmpDossier) => !root(el).querySelector('[aria-busy="true"]');
const tabNames = (el: DmpDossier) => [...root(el).querySelectorAll('[role="tab"]')].map((t) => t.id.replace('tab-', ''));
const recap = (el: DmpDossier) => $(el, '[part="recap"]');

/** The récapitulatif shows its content, its refusal or its error: no skeleton left. */
async function recapSettled(el: DmpDossier): Promise<void> {
  await waitUntil(() => {
    const r = root(el).querySelector('[part="recap"]');
    return r && !r.querySelector('.skeleton');
  }, 'the récapitulatif never loaded', { timeout: 8000 });
}

async function mountSettled(...args: Parameters<typeof mount>) {
  const mounted = await mount(...args);
  await recapSettled(mounted.el);
  return mounted;
}

async function show(el: DmpDossier, tab: DossierTab): Promise<HTMLElement> {
  $(el, `#tab-${tab}`).click();
  await el.updateComplete;
  return $(el, `#panel-${tab}`);
}

/** Log lines the récapitulatif's synthesis call leaves: one per load. */
const synthesisReads = (actorId = 'pat-durand-jeanne') =>
  db.logOf(ADULT).filter((e) => e.action === 'synthesis.read' && e.actor.id === actorId && e.at === SEED_NOW).length;

function emergencyLine(at: number, mode: 'break-glass' | 'regulation', name: string): AccessLogEntry {
  return {
    id: `log-test-${name}`,
    at: new Date(at).toISOString(),
    actor: { kind: 'professional', name, rpps: '10003456786', profession: '10' },
    action: 'document.read',
    mode,
    justification: JUSTIFICATION,
    outcome: 'allowed',
    reason: 'allowed',
    secret: false,
  };
}

describe('dmp-dossier', () => {
  before(startBackend);
  beforeEach(resetBackend);
  // The document list's virtualizer resizes rows as they render, as in its own tests.
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(endRequestWatches);

  describe('defaults', () => {
    it('is accessible and opens on the récapitulatif for the patient', async () => {
      const { el } = await mount();
      await recapSettled(el);
      await expect(el).to.be.accessible();
      expect(tabNames(el)).to.deep.equal(ALL_TABS);
      expect($(el, '#tab-recap').getAttribute('aria-selected')).to.equal('true');
      expect($(el, '#panel-recap').hidden).to.equal(false);
      expect(el.tab).to.equal('recap');
    });

    it('opens on the récapitulatif for a professional too', async () => {
      const { el } = await mount('ps-martin');
      await recapSettled(el);
      await expect(el).to.be.accessible();
      expect($(el, '#tab-recap').getAttribute('aria-selected')).to.equal('true');
      expect(recap(el).querySelector('table.latest')).to.not.equal(null);
    });

    it('follows the WAI-ARIA tabs pattern', async () => {
      const { el } = await mount();
      const tablist = $(el, '[part="tablist"]');
      expect(tablist.getAttribute('role')).to.equal('tablist');
      for (const tab of ALL_TABS) {
        const button = $(el, `#tab-${tab}`);
        const panel = $(el, `#panel-${tab}`);
        expect(button.getAttribute('role')).to.equal('tab');
        expect(button.getAttribute('aria-controls')).to.equal(`panel-${tab}`);
        expect(button.getAttribute('tabindex')).to.equal(tab === 'recap' ? '0' : '-1');
        expect(panel.getAttribute('role')).to.equal('tabpanel');
        expect(panel.getAttribute('aria-labelledby')).to.equal(`tab-${tab}`);
        expect(panel.hidden).to.equal(tab !== 'recap');
      }
    });

    it('shows the patient identity given by the host, as text', async () => {
      const { el } = await mount();
      el.patient = { name: XSS, birthDate: '1958-03-14' };
      await el.updateComplete;
      expect($(el, '.patient').textContent).to.contain(XSS).and.contain('14 mars 1958');
      expect(root(el).querySelector('img')).to.equal(null);
    });

    it('says so when no patient is given', async () => {
      const { el } = await mountInProvider<DmpDossier>(html`<dmp-dossier></dmp-dossier>`, 'pat-durand-jeanne');
      expect(shadowText(el)).to.contain('Aucun patient n’est indiqué');
    });
  });

  describe('tabs per actor kind', () => {
    // actor, dossier, tabs shown, tabs shown but refused (with the reason their panel gives)
    const CASES: Array<[string, string, DossierTab[], Partial<Record<DossierTab, ReasonCode>>]> = [
      ['pat-durand-jeanne', ADULT, ALL_TABS, {}],
      ['rep-moreau-sophie', MINOR, ALL_TABS, {}],
      ['ps-martin', ADULT, ['recap', 'documents', 'profile', 'management'], {}],
      ['ps-bernard', ADULT, ['recap', 'documents', 'profile', 'management'], {}],
      ['ps-dubois', ADULT, ['recap', 'documents', 'profile', 'management'], {}],
      ['ps-petit', ADULT, ['recap', 'documents', 'profile', 'management'], {}],
      ['ps-fontaine', ADULT, ['recap', 'documents', 'profile', 'management'], { documents: 'not-authorized', profile: 'not-authorized', management: 'not-authorized' }],
      ['ps-girard', ADULT, ['recap', 'documents', 'profile', 'management'], { documents: 'not-authorized', profile: 'not-authorized', management: 'not-authorized' }],
      ['ps-morel', ADULT, ['recap', 'documents', 'profile', 'management'], { documents: 'not-authorized', profile: 'not-authorized', management: 'not-authorized' }],
      ['ps-renard', ADULT, ['recap', 'documents', 'profile', 'management'], { documents: 'blocked', profile: 'blocked', management: 'blocked' }],
      ['admin-chu', ADULT, ['recap', 'documents'], {}],
      ['pat-lambert-michel', CLOSED, ['recap', 'management', 'history'], {}],
      ['ps-martin', CLOSED, ['recap'], {}],
    ];
    for (const [actor, ins, tabs, refused] of CASES) {
      it(`${actor} on ${ins}: ${tabs.join(', ')}`, async () => {
        const { el } = await mount(actor, { ins });
        expect(tabNames(el)).to.deep.equal(tabs);
        for (const tab of tabs.filter((t) => t !== 'recap')) {
          const panel = await show(el, tab);
          const reason = refused[tab];
          const notice = panel.querySelector('.refusal');
          if (reason) {
            expect(notice?.getAttribute('data-reason'), tab).to.equal(reason);
            expect(panel.textContent).to.contain(reasonText(reason));
            expect(panel.querySelector('[patient-ins]'), tab).to.equal(null);
          } else {
            expect(notice, tab).to.equal(null);
            expect(panel.firstElementChild?.getAttribute('patient-ins'), tab).to.equal(ins);
          }
        }
      });
    }

    it('shows no tab to an actor the law keeps out, only the refusal', async () => {
      const { el } = await mount('occ-med');
      expect(tabNames(el)).to.deep.equal([]);
      expect($(el, '.refusal').getAttribute('data-reason')).to.equal('never-authorized-actor');
      expect(shadowText(el)).to.contain(reasonText('never-authorized-actor'));
    });

    it('stops a récapitulatif still loading when the user and patient change: nothing more is asked in the new user’s name', async () => {
      // The first step of reading the patient's declaration waits.
      const hold = holdPatientDocuments(ADULT);
      const sent = recordRequests();
      const { el, provider } = await mount('pat-durand-jeanne');
      await waitUntil(hold.asked, 'the declaration was never asked for');
      provider.actor = seededActor('rep-moreau-sophie');
      el.patientIns = MINOR;
      await el.updateComplete;
      hold.release();
      await waitUntil(() => tabNames(el).length > 0 && root(el).querySelector('[part="recap"]'), 'the minor’s dossier never loaded', { timeout: 8000 });
      await recapSettled(el);
      expect(sent.filter((line) => line.startsWith('Bearer rep-moreau-sophie') && line.includes(`/dossiers/${ADULT}`))).to.deep.equal([]);
      expect(shadowText(el)).not.to.contain(reasonText('not-legal-representative'));
    });

    it('loads the récapitulatif once when the host comes back to a patient', async () => {
      const { el, provider } = await mount('ps-martin');
      await recapSettled(el);
      el.patientIns = PATIENT_NO_DOSSIER.ins;
      await waitUntil(() => root(el).querySelector('[data-reason="no-dossier"]'), 'the other identity never showed');
      // The dossier changed meanwhile: coming back waits for its existence test again.
      provider.notifyDataChanged(['dossier'], ADULT);
      const before = db.logOf(ADULT).length;
      el.patientIns = ADULT;
      await waitUntil(() => tabNames(el).length > 0, 'the dossier never came back');
      // The récapitulatif of the first visit stays on screen while its reload runs: wait for the
      // reload's answer, not for the panel.
      const actions = () => db.logOf(ADULT).slice(before).map((entry) => entry.action);
      await waitUntil(() => actions().includes('synthesis.read'), 'the récapitulatif never reloaded', { timeout: 8000 });
      await waitUntil(() => idle(el), 'still loading', { timeout: 8000 });
      await recapSettled(el);
      const lines = actions();
      expect(lines.filter((action) => action === 'synthesis.read'), 'one récapitulatif').to.have.length(1);
      expect(lines.filter((action) => action === 'document.list')).to.have.length(2);
    });

    it('says when the patient has no dossier, without tabs', async () => {
      const { el } = await mount('ps-martin', { ins: PATIENT_NO_DOSSIER.ins });
      await waitUntil(() => root(el).querySelector('[data-reason="no-dossier"]'), 'no status shown');
      expect(tabNames(el)).to.deep.equal([]);
      expect(shadowText(el)).to.contain(reasonText('no-dossier'));
    });

    it('composes the library’s own elements, one per tab', async () => {
      const { el } = await mount();
      const tags = [];
      for (const tab of ALL_TABS.slice(1)) tags.push((await show(el, tab)).firstElementChild?.localName);
      expect(tags).to.deep.equal(['dmp-document-list', 'dmp-patient-profile', 'dmp-consent-panel', 'dmp-access-history']);
    });

    it('names the tabs in English', async () => {
      const { el } = await mount('pat-durand-jeanne', { locale: 'en' });
      await waitUntil(() => $(el, '#tab-recap').textContent!.includes('Overview'), 'the English strings never loaded');
      expect([...root(el).querySelectorAll('[role="tab"]')].map((t) => t.textContent!.trim())).to.deep.equal([
        'Overview',
        'Documents',
        'My information',
        'DMP management',
        'Access history',
      ]);
    });

    it('names the declared information after whom it is about', async () => {
      const { el } = await mount('ps-martin');
      expect($(el, '#tab-profile').textContent!.trim()).to.equal('Informations du patient');
    });
  });

  describe('switching tabs', () => {
    it('shows a tab on click, reflects it and fires dmp-tab-changed', async () => {
      const { el } = await mount();
      const changed = oneEvent(el, 'dmp-tab-changed');
      $(el, '#tab-documents').click();
      expect((await changed).detail).to.deep.equal({ tab: 'documents' });
      await el.updateComplete;
      expect(el.getAttribute('tab')).to.equal('documents');
      expect($(el, '#tab-documents').getAttribute('aria-selected')).to.equal('true');
      expect($(el, '#tab-recap').getAttribute('aria-selected')).to.equal('false');
      expect($(el, '#panel-documents').hidden).to.equal(false);
      expect($(el, '#panel-recap').hidden).to.equal(true);
    });

    it('moves between tabs with the arrow keys, Home and End, and opens one with Enter or Space only', async () => {
      const { el } = await mountSettled();
      const seen: string[] = [];
      el.addEventListener('dmp-tab-changed', (e) => seen.push(e.detail.tab));
      const reads = db.logOf(ADULT).length;
      $(el, '#tab-recap').focus();
      const expectOn = async (focused: DossierTab, shown: DossierTab) => {
        await el.updateComplete;
        expect(root(el).activeElement?.id).to.equal(`tab-${focused}`);
        expect(el.tab).to.equal(shown);
        expect($(el, `#panel-${shown}`).hidden).to.equal(false);
        expect([...root(el).querySelectorAll('[role="tab"][aria-selected="true"]')].map((t) => t.id)).to.deep.equal([`tab-${shown}`]);
      };
      await sendKeys({ press: 'ArrowRight' });
      await expectOn('documents', 'recap');
      await sendKeys({ press: 'ArrowLeft' });
      await expectOn('recap', 'recap');
      await sendKeys({ press: 'ArrowLeft' });
      await expectOn('history', 'recap');
      await sendKeys({ press: 'Home' });
      await expectOn('recap', 'recap');
      await sendKeys({ press: 'End' });
      await expectOn('history', 'recap');
      // Arrowing past the tabs opened none: no read of the dossier, no line in its history.
      expect(seen).to.deep.equal([]);
      expect(db.logOf(ADULT).length).to.equal(reads);
      await sendKeys({ press: 'Enter' });
      await expectOn('history', 'history');
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: ' ' });
      await expectOn('documents', 'documents');
      expect(seen).to.deep.equal(['history', 'documents']);
    });

    it('lets Tab leave the tab list for the panel', async () => {
      const { el } = await mount();
      $(el, '#tab-recap').focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.id).to.equal('panel-documents');
    });

    it('opens the tab named by the tab attribute (deep link), loading nothing else', async () => {
      const { el } = await mount('pat-durand-jeanne', { tab: 'history' });
      expect($(el, '#tab-history').getAttribute('aria-selected')).to.equal('true');
      expect($(el, '#panel-history').hidden).to.equal(false);
      expect($(el, '#panel-history').firstElementChild?.localName).to.equal('dmp-access-history');
      expect(root(el).querySelector('[part="recap"]')).to.equal(null);
      expect(synthesisReads()).to.equal(0);
    });

    it('keeps the focus in the element when the host shows another tab while the user is in the panel it hides', async () => {
      const { el } = await mountSettled();
      const panel = await show(el, 'documents');
      const list = panel.firstElementChild as HTMLElement;
      await waitUntil(() => list.shadowRoot?.querySelector('#filter-query'), 'the documents tab never drew', { timeout: 5000 });
      list.shadowRoot!.querySelector<HTMLElement>('#filter-query')!.focus();
      el.tab = 'recap';
      await el.updateComplete;
      await aTimeout(50);
      expect(document.activeElement === el, `focus went to ${document.activeElement?.localName}`).to.equal(true);
      expect(root(el).activeElement?.id).to.equal('tab-recap');
    });

    it('follows the tab property set by the host, without an event', async () => {
      const { el } = await mount();
      let fired = false;
      el.addEventListener('dmp-tab-changed', () => (fired = true));
      el.tab = 'management';
      await el.updateComplete;
      expect(el.getAttribute('tab')).to.equal('management');
      expect($(el, '#panel-management').firstElementChild?.localName).to.equal('dmp-consent-panel');
      expect(fired).to.equal(false);
    });

    it('shows the récapitulatif for a tab the actor may not see, or one that does not exist', async () => {
      const { el } = await mount('ps-martin', { tab: 'history' });
      expect(tabNames(el)).to.not.include('history');
      expect($(el, '#tab-recap').getAttribute('aria-selected')).to.equal('true');
      const { el: other } = await mount('pat-durand-jeanne', { tab: 'nonsense' });
      expect($(other, '#tab-recap').getAttribute('aria-selected')).to.equal('true');
    });

    it('creates an element when its tab is first opened and keeps it, with its state, afterwards', async () => {
      const { el } = await mount();
      await recapSettled(el);
      expect(root(el).querySelector('dmp-document-list, dmp-patient-profile, dmp-consent-panel, dmp-access-history')).to.equal(null);
      const list = (await show(el, 'documents')).querySelector<DmpDocumentList>('dmp-document-list')!;
      expect(list).to.not.equal(null);
      await customElements.whenDefined('dmp-document-list');
      list.query = 'bilan';
      await list.updateComplete;
      const reads = synthesisReads();
      await show(el, 'recap');
      expect($(el, '#panel-documents').hidden).to.equal(true);
      await show(el, 'documents');
      expect($(el, '#panel-documents').querySelector('dmp-document-list')).to.equal(list);
      expect(list.query).to.equal('bilan');
      expect(root(el).querySelector('dmp-patient-profile')).to.equal(null);
      // Coming back to the récapitulatif reloads nothing when nothing changed.
      expect(synthesisReads()).to.equal(reads);
    });

    it('reloads the récapitulatif when it is next shown after a change elsewhere', async () => {
      const { el, provider } = await mount();
      await recapSettled(el);
      await show(el, 'documents');
      const reads = synthesisReads();
      provider.notifyDataChanged(['documents'], ADULT);
      await el.updateComplete;
      expect(synthesisReads()).to.equal(reads);
      await show(el, 'recap');
      await waitUntil(() => synthesisReads() === reads + 1, 'the récapitulatif did not reload');
    });
  });

  describe('récapitulatif for the patient', () => {
    it('lists the newest current document of each category, with its date', async () => {
      const { el } = await mount();
      await recapSettled(el);
      const rows = Object.fromEntries(
        [...recap(el).querySelectorAll('table.latest tbody tr')].map((tr) => [tr.getAttribute('data-category'), tr.textContent!.replace(/\s+/g, ' ').trim()]),
      );
      expect(Object.keys(rows)).to.have.length(9);
      expect(rows.biology).to.contain('Bilan sanguin : NFS, ionogramme, créatinine').and.contain('3 octobre 2026');
      expect(rows.synthesis).to.contain('Volet de synthèse médicale').and.contain('18 septembre 2026');
      expect(rows['treatment-and-care']).to.contain('Dispensation pharmacie').and.contain('19 septembre 2026');
      expect(rows.report).to.contain('Compte rendu de soins infirmiers à domicile');
      expect(rows.imaging).to.contain('IRM du genou droit');
      expect(rows.prevention).to.contain('Historique des vaccinations');
      expect(rows.patient).to.contain('Informations de l’usager');
      expect(rows.administrative).to.contain('Attestation de droits');
    });

    it('never tells the patient that something is hidden, even from a gateway that says so', async () => {
      worker.use(
        http.get('*/api/dmp/v1/dossiers/:ins/latest-documents', async ({ request }) => {
          const latest = (await (await getResponse(handlers, request))!.json()) as { categories: Array<{ category: string; document?: object }> };
          return HttpResponse.json({ categories: latest.categories.filter((line) => line.category !== 'imaging'), hidden: { 'invisible-to-patient': 1 } });
        }),
      );
      const { el } = await mount();
      await recapSettled(el);
      expect(recap(el).querySelector('tr[data-category="biology"]')!.textContent).to.contain('Bilan sanguin');
      expect(recap(el).querySelector('.hidden-count')).to.equal(null);
      expect(recap(el).textContent).not.to.contain('visible');
    });

    it('finds the patient’s declared information behind more than a page of their newer documents', async () => {
      const docs = db.documentsOf(ADULT);
      const note = docs.find((d) => d.category === 'patient' && d.typeCode !== 'EXPPAT_2' && d.status === 'current')!;
      const newer = new Date(Date.parse(SEED_NOW) - 60_000).toISOString();
      for (let i = 0; i < 1001; i++) docs.push({ ...structuredClone(note), id: `doc-note-${i}`, serviceStart: newer, submittedAt: newer });
      const { el } = await mount();
      await recapSettled(el);
      const declared = [...$(el, '[aria-labelledby="recap-allergies"]').querySelectorAll('li')]
        .filter((li) => li.querySelector('.source')!.textContent!.trim() === 'déclaré par vous')
        .map((li) => li.querySelector('.item-text')!.textContent!.trim());
      expect(declared).to.include.members(ADULT_PROFILE.allergies.map((a) => a.agent));
    });

    it('costs the patient’s history one line per part, not one per category', async () => {
      const before = db.logOf(ADULT).length;
      const { el } = await mount();
      await recapSettled(el);
      const lines = db.logOf(ADULT).slice(before).map((entry) => entry.action);
      // The dossier, the newest of every category, the patient's own documents and their declared
      // information, the synthesis, and the emergency accesses by mode.
      expect(lines.sort()).to.deep.equal(['document.list', 'document.list', 'document.read', 'dossier.read', 'history.read', 'history.read', 'synthesis.read']);
    });

    it('keeps its tabs, and what is typed in them, when a reload of the dossier fails', async () => {
      const { el, provider } = await mountSettled();
      const panel = await show(el, 'management');
      const child = panel.firstElementChild as HTMLElement;
      await waitUntil(() => child.shadowRoot?.querySelector('#rep-firstName'), 'the management tab never drew', { timeout: 5000 });
      const field = child.shadowRoot!.querySelector<HTMLInputElement>('#rep-firstName')!;
      field.value = 'Claire';
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, network: true });
      provider.notifyDataChanged(['dossier'], ADULT);
      await waitUntil(() => shadowText(el).includes('Le dossier n’a pas pu être chargé.'), 'the failed reload was not said', { timeout: 8000 });
      expect(root(el).querySelector('[role="tablist"]')).not.to.equal(null);
      // The same element, with what was typed in it: back online, it is all there.
      expect(panel.firstElementChild).to.equal(child);
      db.faults.clear();
      provider.notifyDataChanged(['dossier'], ADULT);
      await waitUntil(() => !shadowText(el).includes('Le dossier n’a pas pu être chargé.'), 'the reload never recovered', { timeout: 8000 });
      await waitUntil(() => child.shadowRoot!.querySelector<HTMLInputElement>('#rep-firstName')?.value === 'Claire', 'what was typed is gone', { timeout: 8000 });
    });

    it('marks busy what reloads, not the tab shown: what the management tab says while the dossier reloads is heard', async () => {
      const { el, provider } = await mountSettled();
      const panel = await show(el, 'management');
      const child = panel.firstElementChild as HTMLElement;
      await waitUntil(() => child.shadowRoot?.querySelector('#oppose-breakGlass'), 'the management tab never drew', { timeout: 5000 });
      db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, latencyMs: 800, times: 1 });
      provider.notifyDataChanged(['dossier'], ADULT);
      await waitUntil(() => $(el, '[role="tablist"]').getAttribute('aria-busy') === 'true', 'the reload was not marked busy');
      expect(panel.closest('[aria-busy="true"]')).to.equal(null);
      await waitUntil(() => idle(el), 'still loading', { timeout: 8000 });
    });

    it('asks whether the dossier exists once, whatever the tabs opened: the elements share the answer', async () => {
      const before = db.logOf(ADULT).length;
      const { el } = await mount();
      await recapSettled(el);
      for (const tab of ['documents', 'profile', 'management', 'history'] as const) {
        const panel = await show(el, tab);
        const child = panel.firstElementChild as HTMLElement & { updateComplete?: Promise<unknown> };
        await waitUntil(() => child.shadowRoot?.textContent?.trim(), `the ${tab} tab never drew`);
        await waitUntil(() => !child.shadowRoot!.querySelector('.skeleton, [aria-busy="true"]'), `the ${tab} tab never loaded`, { timeout: 5000 });
      }
      const existenceTests = db.logOf(ADULT).slice(before).filter((entry) => entry.action === 'dossier.read');
      expect(existenceTests).to.have.length(1);
    });

    it('gives the synthesis at a glance: its version, counts per group and active problems', async () => {
      const { el } = await mount();
      await recapSettled(el);
      const section = $(el, '[aria-labelledby="recap-synthesis"]');
      const text = section.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('Version 2 du 18 septembre 2026, par Dr Claire Martin');
      const counts = Object.fromEntries([...section.querySelectorAll('.counts div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]));
      const content = SYNTHESES[ADULT]!.at(-1)!.content;
      expect(counts).to.deep.equal({
        'Problèmes et antécédents': String(content.problems.length),
        'Allergies et intolérances': String(content.allergies.length),
        'Facteurs de risque': String(content.riskFactors.length),
        'Traitements au long cours': String(content.treatments.length),
        'Points de vigilance': String(content.pointsToWatch.length),
      });
      expect(text).to.contain('Hypertension artérielle essentielle').and.contain('Diabète de type 2');
      expect(text).to.not.contain('Cholécystectomie');
    });

    it('says there is no synthesis yet when the server answers 204, with no error', async () => {
      const ins = PATIENT_MASKED.identity.ins;
      const { value: { el }, statuses } = await answersTo('/synthesis', () => mountSettled('pat-rousseau-camille', { ins }));
      expect(statuses).to.deep.equal([204]);
      expect($(el, '[aria-labelledby="recap-synthesis"]').textContent).to.contain('Aucune synthèse médicale n’a encore été rédigée.');
      expect(recap(el).querySelector('[role="alert"]')).to.equal(null);
    });

    it('takes a 404 from an integrator’s gateway for "no synthesis yet" too', async () => {
      db.faults.add({ method: 'GET', path: '/synthesis$', status: 404 });
      const { value: { el }, statuses } = await answersTo('/synthesis', () => mountSettled());
      expect(statuses).to.deep.equal([404]);
      expect($(el, '[aria-labelledby="recap-synthesis"]').textContent).to.contain('Aucune synthèse médicale n’a encore été rédigée.');
      expect(recap(el).querySelector('[role="alert"]')).to.equal(null);
    });

    it('labels what the patient declared « déclaré par le patient » for a professional', async () => {
      const { el } = await mount('ps-martin');
      await recapSettled(el);
      const sources = [...$(el, '[aria-labelledby="recap-allergies"]').querySelectorAll('li .source')].map((s) => s.textContent!.trim());
      expect(sources).to.include('déclaré par le patient').and.not.include('déclaré par vous');
    });

    it('lists allergies and treatments from the synthesis and from the patient, each labelled with its source', async () => {
      const { el } = await mount();
      await recapSettled(el);
      const section = $(el, '[aria-labelledby="recap-allergies"]');
      const [allergies, treatments] = [...section.querySelectorAll('ul.items')].map((ul) =>
        [...ul.querySelectorAll('li')].map((li) => [li.querySelector('.item-text')!.textContent!.trim(), li.querySelector('.source')!.textContent!.trim()]),
      );
      expect(allergies).to.deep.include(['Pénicillines (amoxicilline)', 'synthèse médicale']);
      expect(allergies).to.deep.include(['Codéine', 'synthèse médicale']);
      // The patient reads what she declared as hers.
      for (const a of ADULT_PROFILE.allergies) expect(allergies).to.deep.include([a.agent, 'déclaré par vous']);
      expect(treatments).to.deep.include(['RAMIPRIL BIOGARAN 5 mg, comprimé sécable', 'synthèse médicale']);
      for (const t of ADULT_PROFILE.treatments) expect(treatments).to.deep.include([t.name, 'déclaré par vous']);
      expect(section.textContent).to.contain('Urticaire géante');
    });

    it('writes why a source is not shown with the English colon in English', async () => {
      const { el } = await mount('admin-chu', { locale: 'en' });
      await recapSettled(el);
      const text = () => $(el, '[aria-labelledby="recap-allergies"]').textContent!.replace(/\s+/g, ' ');
      await waitFor(() => /medical summary: \S/.test(text()), () => `shown: ${text()}`);
    });

    it('marks the allergies and treatments the record holds French in an English page', async () => {
      const { el } = await mount('pat-durand-jeanne', { locale: 'en' });
      await recapSettled(el);
      const items = [...$(el, '[aria-labelledby="recap-allergies"]').querySelectorAll('li')];
      expect(items.length).to.be.greaterThan(0);
      for (const item of items) expect(item.querySelector('.item-text')!.getAttribute('lang'), item.textContent!).to.equal('fr');
    });

    it('lists the emergency accesses of the last 90 days, and not older ones', async () => {
      const now = Date.now();
      db.appendLog(ADULT, emergencyLine(now - 100 * DAY, 'break-glass', 'Dr Trop Ancien'));
      db.appendLog(ADULT, emergencyLine(now - 40 * DAY, 'regulation', 'Dr Régulateur Récent'));
      db.appendLog(ADULT, emergencyLine(now - 10 * DAY, 'break-glass', 'Dr Urgentiste Récent'));
      const { el } = await mount();
      await recapSettled(el);
      const section = $(el, '[aria-labelledby="recap-emergencies"]');
      const lines = [...section.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
      const since = new Date(now - 90 * DAY).toISOString().slice(0, 10);
      const expected = db.logOf(ADULT).filter((e) => e.mode !== 'normal' && e.at.slice(0, 10) >= since);
      expect(lines).to.have.length(expected.length);
      expect(lines[0]).to.contain('Dr Urgentiste Récent').and.contain('Bris de glace (mode urgence)');
      expect(lines.some((l) => l.includes('Dr Régulateur Récent') && l.includes('Régulation (SAMU – Centre 15)'))).to.equal(true);
      expect(lines.some((l) => l.includes('Dr Trop Ancien'))).to.equal(false);
    });

    it('tells the patient why an emergency access was refused about the one refused, not in the words that refused them', async () => {
      db.appendLog(ADULT, { ...emergencyLine(Date.now() - 5 * DAY, 'break-glass', 'Dr Refusé Récent'), outcome: 'denied', reason: 'blocked' });
      const { el } = await mount();
      await recapSettled(el);
      const line = [...$(el, '[aria-labelledby="recap-emergencies"]').querySelectorAll('li')].find((li) => li.textContent!.includes('Dr Refusé Récent'))!;
      const text = line.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('refusé').and.contain('Professionnel bloqué sur ce dossier.');
      expect(text).not.to.match(/\b(vous|votre)\b/i);
    });

    it('says when there was no emergency access in 90 days', async () => {
      const { el } = await mount('pat-moreau-lea', { ins: MINOR });
      await recapSettled(el);
      expect($(el, '[aria-labelledby="recap-emergencies"]').textContent).to.contain('Aucun accès en urgence');
    });

    it('shows the dossier status', async () => {
      const { el } = await mount();
      await recapSettled(el);
      expect($(el, '[aria-labelledby="recap-status"]').textContent).to.contain('Actif').and.contain('Ouvert le 12 avril 2019');
    });

    it('shows no emergency accesses to a professional, who may not read the history', async () => {
      const { el } = await mount('ps-martin');
      await recapSettled(el);
      expect(root(el).querySelector('[aria-labelledby="recap-emergencies"]')).to.equal(null);
      expect(db.logOf(ADULT).some((e) => e.action === 'history.read' && e.actor.id === 'ps-martin')).to.equal(false);
    });

    it('tells a professional what is hidden in the whole dossier, never in which category', async () => {
      const live = db.documentsOf(ADULT).filter((d) => d.status !== 'deleted');
      for (const d of live) if (d.category === 'biology') d.masked = true;
      const barred = (d: (typeof live)[number]) => d.category === 'imaging' || d.category === 'administrative';
      const masked = live.filter((d) => d.masked && !barred(d)).length;
      const { el } = await mount('ps-dubois');
      await recapSettled(el);
      const biology = recap(el).querySelector('tr[data-category="biology"]')!;
      expect(biology.textContent!.trim()).to.equal('BiologieAucun document');
      expect(recap(el).querySelector('table.latest .hidden-count')).to.equal(null);
      const notes = [...recap(el).querySelectorAll('.latest-card .hidden-count')].map((p) => p.textContent!.trim());
      expect(notes).to.have.members([
        `${masked} documents sont masqués par le patient.`,
        `${live.filter(barred).length} documents ne sont pas visibles pour votre profession.`,
      ]);
      await expect(el).to.be.accessible();
    });

    it('shows administrative staff only what their role reads, and why the rest is not shown', async () => {
      const { el } = await mount('admin-chu');
      await recapSettled(el);
      expect([...recap(el).querySelectorAll('table.latest tbody tr')].map((tr) => tr.getAttribute('data-category'))).to.deep.equal(['administrative']);
      const allergies = $(el, '[aria-labelledby="recap-allergies"]');
      expect(allergies.textContent).to.contain(`synthèse médicale : ${reasonText('profession-not-permitted')}`);
      expect(allergies.textContent).to.contain(`déclaré par le patient : ${reasonText('profession-not-permitted')}`);
      expect(allergies.querySelector('ul, h4')).to.equal(null);
    });

    it('renders a document title as text', async () => {
      const newest = { ...db.findDocument(ADULT, 'doc-durand-cr-cardio')!, id: 'doc-xss', title: XSS, serviceStart: '2026-11-19T08:00:00.000Z' };
      db.documentsOf(ADULT).push(newest);
      const { el } = await mount();
      await recapSettled(el);
      expect(recap(el).querySelector('tr[data-category="report"]')!.textContent).to.contain(XSS);
      expect(root(el).querySelector('img')).to.equal(null);
    });
  });

  describe('emergency access', () => {
    it('shows the refusal and offers break-glass to a professional without access', async () => {
      const { el } = await mount('ps-morel');
      await recapSettled(el);
      await expect(el).to.be.accessible();
      expect(recap(el).querySelector('.refusal')!.getAttribute('data-reason')).to.equal('not-authorized');
      expect(recap(el).textContent).to.contain(reasonText('not-authorized'));
      expect(recap(el).querySelector('dmp-break-glass')!.getAttribute('mode')).to.equal('break-glass');
      expect(recap(el).querySelector('dmp-break-glass')!.getAttribute('patient-ins')).to.equal(ADULT);
      expect(recap(el).querySelector('table.latest')).to.equal(null);
    });

    it('the emergency form shares the dossier’s existence test: one line in the history', async () => {
      const before = db.logOf(ADULT).length;
      const { el } = await mount('ps-morel');
      await recapSettled(el);
      const breakGlass = recap(el).querySelector<DmpBreakGlass>('dmp-break-glass')!;
      await waitUntil(() => breakGlass.shadowRoot?.querySelector('textarea'), 'the emergency form never drew', { timeout: 5000 });
      const existenceTests = db.logOf(ADULT).slice(before).filter((entry) => entry.action === 'dossier.read');
      expect(existenceTests).to.have.length(1);
    });

    it('gives back the emergency justification typed for a patient when the host shows that patient again', async () => {
      const { el } = await mount('ps-morel');
      await recapSettled(el);
      const form = recap(el).querySelector<DmpBreakGlass>('dmp-break-glass')!;
      await waitUntil(() => form.shadowRoot?.querySelector('#justification'), 'no break-glass form', { timeout: 8000 });
      const area = form.shadowRoot!.querySelector<HTMLTextAreaElement>('#justification')!;
      area.value = JUSTIFICATION;
      area.dispatchEvent(new Event('input'));
      el.patientIns = MINOR;
      await el.updateComplete;
      el.patientIns = ADULT;
      await recapSettled(el);
      const again = recap(el).querySelector<DmpBreakGlass>('dmp-break-glass')!;
      expect(again.getAttribute('patient-ins')).to.equal(ADULT);
      await waitUntil(() => again.shadowRoot?.querySelector<HTMLTextAreaElement>('#justification')?.value === JUSTIFICATION, 'the justification was lost', { timeout: 8000 });
    });

    it('offers regulation to the SAMU regulator', async () => {
      const { el } = await mount('ps-girard');
      await recapSettled(el);
      expect(recap(el).querySelector('dmp-break-glass')!.getAttribute('mode')).to.equal('regulation');
    });

    it('offers no emergency access to a professional the patient blocked', async () => {
      const { el } = await mount('ps-renard');
      await recapSettled(el);
      expect(recap(el).querySelector('.refusal')!.getAttribute('data-reason')).to.equal('blocked');
      expect(recap(el).querySelector('dmp-break-glass')).to.equal(null);
    });

    it('does not say the patient is informed of an emergency access under a minor’s connexion secrète', async () => {
      const { el, provider } = await mount('ps-morel', { ins: PATIENT_MINOR.identity.ins });
      provider.secret = true;
      await recapSettled(el);
      await grantBreakGlass(el);
      await waitUntil(() => root(el).querySelector('#emergency') && idle(el), 'no emergency banner', { timeout: 8000 });
      expect($(el, '#emergency').textContent).to.contain('Chaque consultation est enregistrée dans l’historique du dossier.').and.not.contain('informé');
    });

    it('reloads the whole dossier once emergency access is granted', async () => {
      const { el } = await mount('ps-morel');
      await recapSettled(el);
      await grantBreakGlass(el);
      await waitUntil(() => recap(el).querySelector('table.latest'), 'the récapitulatif did not reload', { timeout: 8000 });
      expect(recap(el).querySelector('dmp-break-glass')).to.equal(null);
      await waitUntil(() => root(el).activeElement?.id === 'emergency', 'focus did not move to the emergency banner');
      // Focused, the banner is read: no live region besides, which would read it a second time.
      expect($(el, '#emergency').hasAttribute('role')).to.equal(false);
      await waitUntil(() => idle(el), 'still loading');
      // One reload, under the grant: none before the dossier's access conditions are read again.
      expect(synthesisReads('ps-morel')).to.equal(1);
      expect($(el, '#emergency').textContent).to.contain('Bris de glace (mode urgence)').and.contain('le patient en est informé');
      const panel = await show(el, 'documents');
      expect(panel.querySelector('dmp-document-list')).to.not.equal(null);
      expect(db.logOf(ADULT).at(-1)).to.deep.include({ mode: 'break-glass', outcome: 'allowed' });
    });
  });

  describe('emergency banner focus', () => {
    it('focuses a grant’s banner only for the patient it was asked for, not when the host comes back to that patient later', async () => {
      const { el } = await mount('ps-morel');
      await recapSettled(el);
      await grantBreakGlass(el);
      // The host moves to another patient before the récapitulatif reloads, then back, with the
      // user in the host's own patient list.
      const hostList = document.createElement('button');
      hostList.textContent = 'Liste des patients';
      document.body.append(hostList);
      try {
        hostList.focus();
        el.patientIns = MINOR;
        await recapSettled(el);
        el.patientIns = ADULT;
        await waitUntil(() => root(el).querySelector('#emergency'), 'no emergency banner for the patient of the grant', { timeout: 8000 });
        await el.updateComplete;
        expect(document.activeElement === hostList, `focus went to ${document.activeElement?.localName}`).to.equal(true);
      } finally {
        hostList.remove();
      }
    });
  });

  describe('emergency banner focus, while the dossier reloads after the grant', () => {
    it('leaves focus in the host page field the user went to', async () => {
      const { el } = await mount('ps-morel');
      await recapSettled(el);
      const field = document.createElement('input');
      field.setAttribute('aria-label', 'Note du médecin');
      document.body.append(field);
      try {
        db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, latencyMs: 500, times: 1 });
        await grantBreakGlass(el);
        field.focus();
        await waitUntil(() => recap(el).querySelector('table.latest'), 'the récapitulatif did not reload', { timeout: 8000 });
        await el.updateComplete;
        expect(document.activeElement === field, `focus went to ${document.activeElement?.localName}`).to.equal(true);
        // Not focused, the banner says the grant through its live region.
        expect($(el, '#emergency').getAttribute('role')).to.equal('status');
      } finally {
        field.remove();
      }
    });

    it('does not call the user back to the banner after they went on to another tab', async () => {
      const { el } = await mount('ps-morel');
      await recapSettled(el);
      db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, latencyMs: 500, times: 1 });
      await grantBreakGlass(el);
      await show(el, 'documents');
      await waitUntil(() => idle(el), 'still loading', { timeout: 8000 });
      $(el, '#tab-recap').focus();
      await show(el, 'recap');
      await waitUntil(() => recap(el).querySelector('table.latest'), 'the récapitulatif did not reload', { timeout: 8000 });
      await el.updateComplete;
      expect(root(el).activeElement?.id).to.equal('tab-recap');
    });
  });

  describe('closed dossier', () => {
    it('shows its status and, to the patient, the management tab where it is reactivated', async () => {
      const { el } = await mount('pat-lambert-michel', { ins: CLOSED });
      await recapSettled(el);
      const status = $(el, '[aria-labelledby="recap-status"]').textContent!;
      expect(status).to.contain('Fermé').and.contain('15 septembre 2025').and.contain(PATIENT_CLOSED.dossier.closeReason);
      expect(recap(el).querySelector('.refusal')).to.equal(null);
      expect((await show(el, 'management')).firstElementChild?.localName).to.equal('dmp-consent-panel');
    });

    it('shows only its status to a professional', async () => {
      const { el } = await mount('ps-martin', { ins: CLOSED });
      await recapSettled(el);
      expect(tabNames(el)).to.deep.equal(['recap']);
      expect(recap(el).textContent).to.contain(reasonText('dossier-closed'));
    });
  });

  describe('a tab that goes away', () => {
    it('shows the récapitulatif and tells the host when the dossier shown is closed elsewhere, and the tab does not come back by itself', async () => {
      const { el, provider } = await mount('ps-martin');
      await recapSettled(el);
      await show(el, 'documents');
      expect(el.tab).to.equal('documents');
      const changed = oneEvent(el, 'dmp-tab-changed');
      const record = db.dossiers.get(ADULT)!;
      record.status = 'closed';
      provider.notifyDataChanged(['dossier'], ADULT);
      expect((await changed).detail.tab).to.equal('recap');
      expect(el.tab).to.equal('recap');
      expect(el.getAttribute('tab')).to.equal('recap');
      record.status = 'active';
      provider.notifyDataChanged(['dossier'], ADULT);
      await waitUntil(() => tabNames(el).includes('documents'), 'the dossier never came back');
      expect(el.tab).to.equal('recap');
    });

    it('gives the focus the user had in a tab that goes away to the récapitulatif’s tab, not to the page', async () => {
      const { el, provider } = await mount('ps-martin');
      await recapSettled(el);
      const panel = await show(el, 'documents');
      const list = panel.querySelector('dmp-document-list')!;
      await waitUntil(() => list.shadowRoot?.querySelector('#filter-query'), 'the documents never showed');
      list.shadowRoot!.querySelector<HTMLInputElement>('#filter-query')!.focus();
      db.dossiers.get(ADULT)!.status = 'closed';
      provider.notifyDataChanged(['dossier'], ADULT);
      await waitUntil(() => !tabNames(el).includes('documents'), 'the tab never went away');
      await el.updateComplete;
      expect(root(el).activeElement?.id, `the focus went to ${document.activeElement?.localName}`).to.equal('tab-recap');
    });

    it('keeps a tab the host asks for and the user may not see, showing the récapitulatif meanwhile', async () => {
      const { el } = await mount('ps-martin', { ins: CLOSED, tab: 'documents' });
      await recapSettled(el);
      expect(el.tab).to.equal('documents');
      expect(tabNames(el)).to.deep.equal(['recap']);
    });
  });

  describe('failures', () => {
    it('shows an error with a retry when the récapitulatif’s calls fail with 500', async () => {
      db.faults.add({ method: 'GET', path: '/synthesis', status: 500 });
      const { el } = await mount();
      await recapSettled(el);
      const alert = recap(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('Le récapitulatif n’a pas pu être chargé').and.contain('Le serveur du DMP a rencontré une erreur');
      db.faults.clear();
      alert.querySelector('button')!.focus();
      alert.querySelector('button')!.click();
      // The button goes with the error: focus goes on to the panel, not to the page.
      await waitUntil(() => root(el).activeElement?.id === 'panel-recap', 'focus was lost with the button');
      await waitUntil(() => recap(el).querySelector('table.latest'), 'the retry did not load the récapitulatif', { timeout: 8000 });
      expect(recap(el).querySelector('[role="alert"]')).to.equal(null);
    });

    it('shows an error with a retry when the document lists fail', async () => {
      db.faults.add({ method: 'GET', path: '/documents', status: 500 });
      const { el } = await mount();
      await recapSettled(el);
      expect(recap(el).querySelector('[role="alert"] button')).to.not.equal(null);
    });

    it('says the answer was invalid when the access log is malformed', async () => {
      db.faults.add({ method: 'GET', path: '/access-log', malformed: 'schema' });
      const { el } = await mount();
      await recapSettled(el);
      expect(recap(el).querySelector('[role="alert"]')!.textContent).to.contain('Réponse invalide du serveur');
    });

    it('says the user seems offline when the network fails', async () => {
      db.faults.add({ method: 'GET', path: '/synthesis', network: true });
      const { el } = await mount();
      await recapSettled(el);
      expect(recap(el).querySelector('[role="alert"]')!.textContent).to.contain('hors ligne');
    });

    it('shows an error with a retry when the dossier itself cannot be loaded', async () => {
      db.faults.add({ method: 'GET', path: `${ADULT}$`, status: 500 });
      const { el } = await mount();
      const alert = $(el, '.notice--error');
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.contain('Le dossier n’a pas pu être chargé');
      db.faults.clear();
      alert.querySelector('button')!.focus();
      alert.querySelector('button')!.click();
      await waitUntil(() => root(el).activeElement?.id === 'title', 'focus was lost with the button');
      await waitUntil(() => root(el).querySelector('[role="tablist"]'), 'the retry did not load the dossier', { timeout: 8000 });
    });
  });
});
