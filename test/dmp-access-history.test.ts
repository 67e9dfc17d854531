import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { http, HttpResponse } from 'msw';
import { sendKeys } from '@web/test-runner-commands';
import { logEntry } from './support/access-log.js';
import { eraseFirstDatePart } from './support/dates.js';
import {
  DR_MARTIN_TRAITANT,
  DR_MOREL_URGENTISTE,
  MIDWIFE_LEROY,
  PATIENT_ADULT,
  PATIENT_MINOR,
  PATIENT_NO_DOSSIER,
  PHARMACIST_DUBOIS,
  SAMU_REGULATOR_GIRARD,
  SEED_NOW,
  professionalDisplayName,
} from '../mocks/data/index.js';
import { HttpDmpClient } from '../src/client/http-client.js';
import type { DmpProvider } from '../src/context/dmp-provider.element.js';
import { accessLogRows, csvCell, encodeCsv } from '../src/elements/dmp-access-history/csv.js';
import '../src/elements/dmp-access-history/dmp-access-history.js';
import type { DmpAccessHistory } from '../src/elements/dmp-access-history/dmp-access-history.element.js';
import '../src/elements/dmp-document-list/dmp-document-list.js';
import type { DmpDocumentList } from '../src/elements/dmp-document-list/dmp-document-list.element.js';
import { formatDateTime } from '../src/i18n/format.js';
import { reasonText } from '../src/i18n/labels.js';
import { db, mountInProvider, resetBackend, seededActor, shadowText, startBackend, worker } from './support/mount.js';
import { waitFor } from './support/wait.js';

const ADULT = PATIENT_ADULT.identity.ins;
const MINOR = PATIENT_MINOR.identity.ins;
const XSS = '<img src=x onerror=alert(1)>';
const MARTIN = professionalDisplayName(DR_MARTIN_TRAITANT);
const MOREL = professionalDisplayName(DR_MOREL_URGENTISTE);
const GIRARD = professionalDisplayName(SAMU_REGULATOR_GIRARD);
const DUBOIS = professionalDisplayName(PHARMACIST_DUBOIS);
const LEROY = professionalDisplayName(MIDWIFE_LEROY);

async function mount(actorId: string, ins = ADULT, attrs: { pageSize?: number; emergencyOnly?: boolean; mode?: string; locale?: 'fr' | 'en' } = {}) {
  const { el, provider } = await mountInProvider<DmpAccessHistory>(
    html`<dmp-access-history
      patient-ins=${ins}
      page-size=${attrs.pageSize ?? 50}
      ?emergency-only=${attrs.emergencyOnly ?? false}
      mode=${ifDefined(attrs.mode)}
    ></dmp-access-history>`,
    actorId,
    { locale: attrs.locale ?? 'fr' },
  );
  return { el, provider };
}

const root = (el: DmpAccessHistory) => el.shadowRoot!;
const rows = (el: DmpAccessHistory) => [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr')];
const rowText = (row: Element) => (row.textContent ?? '').replace(/\s+/g, ' ').trim();
const base = (el: DmpAccessHistory) => root(el).querySelector<HTMLElement>('[part="base"]')!;
const idle = (el: DmpAccessHistory) => base(el).getAttribute('aria-busy') === 'false' && !root(el).querySelector('.skeleton');
const button = (el: DmpAccessHistory, text: string) =>
  [...root(el).querySelectorAll('button')].find((b) => (b.textContent ?? '').includes(text));

/** Waits until the log is shown with `n` rows (any count when absent). */
async function shown(el: DmpAccessHistory, n?: number): Promise<HTMLTableRowElement[]> {
  await waitFor(
    () => idle(el) && rows(el).length > 0 && (n === undefined || rows(el).length === n),
    () => `expected ${n ?? 'some'} rows, saw ${rows(el).length}${idle(el) ? '' : ' (still loading)'}`,
    { timeout: 5000 },
  );
  return rows(el);
}

/** Chooses an option; once it resolves, the reload it causes has started (the element is busy). */
async function select(el: DmpAccessHistory, id: string, value: string): Promise<void> {
  const s = root(el).querySelector<HTMLSelectElement>(`#${id}`)!;
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function setInput(el: DmpAccessHistory, id: string, value: string, type: 'input' | 'change' = 'change'): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event(type, { bubbles: true }));
  await el.updateComplete;
}

const historyReads = (ins: string, actorId: string) =>
  db.logOf(ins).filter((e) => e.action === 'history.read' && e.actor.id === actorId && e.at === SEED_NOW).length;
const dossierReads = (ins: string, actorId: string) =>
  db.logOf(ins).filter((e) => e.action === 'dossier.read' && e.actor.id === actorId && e.at === SEED_NOW).length;

describe('encodeCsv (pure)', () => {
  it('quotes every field, doubles inner quotes, separates with ; and ends rows with CRLF after a BOM', () => {
    expect(encodeCsv([['a', 'b "c"', ''], ['1;2', 'x\ny']])).to.equal('\uFEFF"a";"b ""c""";""\r\n"1;2";"x\ny"\r\n');
  });

  const cases: Array<[string, string]> = [
    ['=1+1', `"'=1+1"`],
    ['+33 6 12 34 56 78', `"'+33 6 12 34 56 78"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['=HYPERLINK("http://x";"y")', `"'=HYPERLINK(""http://x"";""y"")"`],
    ['a=1', '"a=1"'],
    ['Dr Martin', '"Dr Martin"'],
  ];
  for (const [value, cell] of cases) {
    it(`writes ${JSON.stringify(value)} as ${cell}`, () => {
      expect(csvCell(value)).to.equal(cell);
    });
  }

  it('maps entries to the header and the on-screen words, reason only for refusals', () => {
    const [header, allowed, denied] = accessLogRows(
      [
        logEntry({ mode: 'break-glass', justification: 'Patient inconscient aux urgences, antécédents inconnus.' }),
        logEntry({ id: 'b', outcome: 'denied', reason: 'blocked', target: undefined }),
      ],
      'fr',
    );
    expect(header).to.deep.equal([
      'Date et heure', 'Nom', 'RPPS', 'Profession ou rôle', 'Organisation', 'Action', 'Objet', 'Mode d’accès', 'Résultat', 'Motif du refus', 'Justification',
    ]);
    expect(allowed).to.deep.equal([
      formatDateTime('2026-11-19T08:00:00.000Z', 'fr'), 'Dr Injecté', '10003456786', 'Médecin', 'Clinique', 'Consultation d’un document',
      'Compte rendu', 'Bris de glace (mode urgence)', 'Autorisé', '', 'Patient inconscient aux urgences, antécédents inconnus.',
    ]);
    expect(denied![6]).to.equal('');
    expect(denied![8]).to.equal('Refusé');
    expect(denied![9]).to.equal('Professionnel bloqué sur ce dossier.');
  });
});

describe('dmp-access-history', () => {
  before(startBackend);
  beforeEach(resetBackend);

  it('is accessible with the patient’s history loaded', async () => {
    const { el } = await mount('pat-durand-jeanne');
    await shown(el);
    await expect(el).to.be.accessible();
  });

  describe('who sees what', () => {
    it('shows the patient their whole history, newest first, with who, what, mode and outcome', async () => {
      const { el } = await mount('pat-durand-jeanne');
      const list = await shown(el);
      // The 23 seeded lines plus the existence test the element just made (logged too).
      expect(list).to.have.length(24);
      const times = list.map((r) => Date.parse(r.querySelector('time')!.getAttribute('datetime')!));
      expect(times).to.deep.equal([...times].sort((a, b) => b - a));
      expect(rowText(list[0]!)).to.contain('Consultation de l’état du dossier');

      const breakGlass = list.find((r) => rowText(r).includes(MOREL) && rowText(r).includes('Compte rendu d’hospitalisation'))!;
      const badge = breakGlass.querySelector('[part="badge"]')!;
      expect(badge.textContent).to.contain('Bris de glace (mode urgence)');
      expect(badge.classList.contains('emergency')).to.be.true;
      expect(breakGlass.classList.contains('emergency')).to.be.true;
      expect(rowText(breakGlass)).to.contain('Justification :');
      expect(rowText(breakGlass)).to.contain('Patiente admise inconsciente');
      expect(rowText(breakGlass)).to.contain('Médecin · RPPS');
      expect(rowText(breakGlass)).to.contain('Consultation d’un document');

      const regulation = list.find((r) => rowText(r).includes(GIRARD))!;
      expect(regulation.querySelector('[part="badge"]')!.textContent).to.contain('Régulation (SAMU – Centre 15)');
      expect(regulation.querySelector('[part="badge"]')!.classList.contains('emergency')).to.be.true;

      const refused = list.find((r) => rowText(r).includes('Renard'))!;
      expect(rowText(refused)).to.contain('Refusé');
      // Told to the patient about the one refused, not in the words that refused him.
      expect(rowText(refused)).to.contain('Professionnel bloqué sur ce dossier.');
      expect(rowText(refused)).not.to.match(/\b(vous|votre)\b/i);

      const pharmacy = list.find((r) => rowText(r).includes(DUBOIS))!;
      expect(rowText(pharmacy)).to.contain('Pharmacie du Parc');
      expect(pharmacy.querySelector('[part="badge"]')!.classList.contains('emergency')).to.be.false;
      expect(rowText(pharmacy)).to.contain('Accès normal');

      const insurer = list.find((r) => rowText(r).includes('Mutuelle Horizon Santé'))!;
      expect(rowText(insurer)).to.contain('Assureur ou mutuelle');
      expect(rowText(insurer)).to.contain(reasonText('never-authorized-actor'));
    });

    it('logs the reading of the log itself', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el);
      expect(historyReads(ADULT, 'pat-durand-jeanne')).to.equal(1);
    });

    it('shows the minor patient the connexion secrète lines, and hides them from the legal representative', async () => {
      const patient = await mount('pat-moreau-lea', MINOR);
      const own = await shown(patient.el);
      expect(own.some((r) => rowText(r).includes(LEROY))).to.be.true;

      await resetBackend();
      const representative = await mount('rep-moreau-sophie', MINOR);
      const seen = await shown(representative.el);
      expect(seen.some((r) => rowText(r).includes(LEROY))).to.be.false;
      expect(seen.some((r) => rowText(r).includes('suivi de l’asthme'))).to.be.true;
      expect(shadowText(representative.el)).not.to.contain('Centre de santé sexuelle');
      await expect(representative.el).to.be.accessible();
    });

    const refusals: Array<[string, string, Parameters<typeof reasonText>[0]]> = [
      ['the médecin traitant', 'ps-martin', 'patient-only'],
      ['an emergency physician', 'ps-morel', 'patient-only'],
      ['administrative staff', 'admin-chu', 'patient-only'],
      ['an insurer', 'insurer-mutuelle', 'never-authorized-actor'],
      ['another patient', 'pat-moreau-lea', 'not-own-dossier'],
    ];
    for (const [who, actorId, reason] of refusals) {
      it(`explains the refusal to ${who} (${reason}) without requesting the log`, async () => {
        const { el } = await mount(actorId);
        await waitUntil(() => shadowText(el).includes(reasonText(reason)), shadowText(el));
        expect(shadowText(el)).to.contain('Vous ne pouvez pas consulter cet historique.');
        expect(root(el).querySelector('[part="toolbar"]')).to.be.null;
        expect(rows(el)).to.have.length(0);
        expect(db.logOf(ADULT).some((e) => e.action === 'history.read' && e.at === SEED_NOW)).to.be.false;
      });
    }

    it('states that a patient without a DMP has none, to that patient, rather than refuse them their history', async () => {
      const { el } = await mount('pat-santoni-paul-antoine', PATIENT_NO_DOSSIER.ins);
      await waitUntil(() => shadowText(el).includes(reasonText('no-dossier')), 'no word of the missing dossier', { timeout: 5000 });
      expect(shadowText(el)).not.to.contain('Vous ne pouvez pas consulter cet historique.');
      expect(root(el).querySelector('[role="status"]')!.textContent).to.contain(reasonText('no-dossier'));
      await expect(el).to.be.accessible();
    });

    it('is accessible in the refused state', async () => {
      const { el } = await mount('ps-martin');
      await waitUntil(() => shadowText(el).includes(reasonText('patient-only')));
      await expect(el).to.be.accessible();
    });

    it('says so when the dossier has no entry yet', async () => {
      // The reference backend logs the element's own existence test first, so its log is never
      // empty when read through the element: answer for a backend that logs elsewhere.
      worker.use(http.get('*/api/dmp/v1/dossiers/:ins/access-log', () => HttpResponse.json({ items: [] })));
      const { el } = await mount('pat-durand-jeanne');
      await waitUntil(() => idle(el) && shadowText(el).includes('Aucun accès n’a encore été enregistré sur ce dossier.'), shadowText(el));
      expect(rows(el)).to.have.length(0);
      expect(button(el, 'Charger les accès plus anciens')).to.be.undefined;
    });

    it('shows the identity the host gives, not traits from the DMP', async () => {
      const { el } = await mount('pat-durand-jeanne');
      el.patient = { name: 'DURAND Jeanne (hôte)', birthDate: '1958-03-14' };
      await el.updateComplete;
      expect(shadowText(el)).to.contain('Patient : DURAND Jeanne (hôte), né(e) le 14 mars 1958');
    });

    it('asks for patient-ins when it is missing', async () => {
      const { el } = await mountInProvider<DmpAccessHistory>(html`<dmp-access-history></dmp-access-history>`, 'pat-durand-jeanne');
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('patient-ins');
    });
  });

  describe('filters', () => {
    it('filters on one mode, from the select and from the attribute', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      await select(el, 'mode', 'break-glass');
      const list = await shown(el, 2);
      expect(el.mode).to.equal('break-glass');
      expect(el.getAttribute('mode')).to.equal('break-glass');
      for (const r of list) expect(rowText(r)).to.contain(MOREL);

      el.setAttribute('mode', 'regulation');
      const regulation = await shown(el, 1);
      expect(rowText(regulation[0]!)).to.contain(GIRARD);
    });

    it('filters on the actor as the user types (name, RPPS or organisation)', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      await setInput(el, 'actor', 'dubois', 'input');
      const list = await shown(el, 3);
      for (const r of list) expect(rowText(r)).to.contain(DUBOIS);
      expect(el.actorFilter).to.equal('dubois');

      await setInput(el, 'actor', 'Pharmacie du Parc');
      await shown(el, 3);
      await setInput(el, 'actor', PHARMACIST_DUBOIS.rpps);
      await shown(el, 3);
      expect(root(el).querySelector<HTMLInputElement>('#actor')!.value).to.equal(PHARMACIST_DUBOIS.rpps);
    });

    it('applies a name typed just before the host moves the element in the page', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      await setInput(el, 'actor', 'dubois', 'input');
      // Moved before the pause that applies it: disconnected, then connected again.
      el.parentElement!.append(el);
      await waitUntil(() => el.actorFilter === 'dubois', 'the name typed was not applied', { timeout: 3000 });
      for (const r of await shown(el, 3)) expect(rowText(r)).to.contain(DUBOIS);
    });

    it('lets the host’s name win over one still being typed when it moves the element in the same breath', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      await setInput(el, 'actor', 'morel', 'input');
      el.actorFilter = 'dubois';
      el.parentElement!.append(el);
      for (const r of await shown(el, 3)) expect(rowText(r)).to.contain(DUBOIS);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(el.actorFilter).to.equal('dubois');
    });

    it('does not take a name still being typed to the next patient, even when the element is moved meanwhile', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      await setInput(el, 'actor', 'dubois', 'input');
      const parent = el.parentElement!;
      el.remove();
      el.patientIns = MINOR;
      parent.append(el);
      await new Promise((resolve) => setTimeout(resolve, 600));
      await el.updateComplete;
      expect(el.actorFilter).to.equal('');
      el.patientIns = ADULT;
      await waitUntil(() => root(el).querySelector('#actor'), 'the history came back without its filters');
      expect(root(el).querySelector<HTMLInputElement>('#actor')!.value).to.equal('');
      expect(el.actorFilter).to.equal('');
    });

    it('keeps the host’s name filter when the provider gets its user after the first render; drops a name still being typed when the patient changes', async () => {
      const { el, provider } = await mount('pat-durand-jeanne');
      el.actorFilter = 'dubois';
      provider.actor = undefined;
      await el.updateComplete;
      provider.actor = seededActor('pat-durand-jeanne');
      await shown(el, 3);
      expect(el.actorFilter).to.equal('dubois');
      el.actorFilter = '';
      await waitUntil(() => idle(el) && rows(el).length > 3, 'the filter was not lifted', { timeout: 5000 });
      // Typed, and the patient changed before the pause that applies it.
      const field = root(el).querySelector<HTMLInputElement>('#actor')!;
      field.value = 'morel';
      field.dispatchEvent(new Event('input', { bubbles: true }));
      el.patientIns = MINOR;
      await new Promise((resolve) => setTimeout(resolve, 600));
      await el.updateComplete;
      expect(el.actorFilter).to.equal('');
      // Away and back in one go, the filters stay on screen: the half-typed name leaves the field.
      el.patientIns = ADULT;
      await waitUntil(() => root(el).querySelector('#actor'), 'the history came back without its filters');
      const again = root(el).querySelector<HTMLInputElement>('#actor')!;
      again.value = 'morel';
      again.dispatchEvent(new Event('input', { bubbles: true }));
      el.patientIns = MINOR;
      el.patientIns = ADULT;
      await el.updateComplete;
      expect(again.value).to.equal('');
    });

    it('keeps its filters when the host shows another patient and comes back before that one answers', async () => {
      let asked = false;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      worker.use(
        http.get(`*/api/dmp/v1/dossiers/${MINOR}`, async () => {
          asked = true;
          await held;
          return undefined;
        }),
      );
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      el.patientIns = MINOR;
      await waitUntil(() => asked, 'the other patient’s dossier was not asked for');
      el.patientIns = ADULT;
      await waitUntil(() => rows(el).length > 0, 'the history did not come back');
      // The refused patient's answer, come after, does not take the filters away.
      const answered = new Promise<void>((resolve) =>
        worker.events.on('response:mocked', ({ request }) => {
          if (new URL(request.url).pathname.endsWith(`/dossiers/${MINOR}`)) resolve();
        }),
      );
      release();
      await answered;
      worker.events.removeAllListeners('response:mocked');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      // Any later rendering (a locale change, a row loaded) shows what the element now holds.
      el.requestUpdate();
      await el.updateComplete;
      expect(root(el).querySelector('#actor') !== null, 'the filters are gone').to.equal(true);
    });

    it('forgets a name the user typed when the host shows another patient or another user, but keeps the host’s own', async () => {
      const { el, provider } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      await setInput(el, 'actor', 'dubois', 'input');
      await shown(el, 3);
      el.patientIns = MINOR;
      await el.updateComplete;
      expect([el.actorFilter, el.getAttribute('actor-filter') ?? '']).to.deep.equal(['', '']);
      el.patientIns = ADULT;
      await waitUntil(() => root(el).querySelector('#actor'), 'the history came back without its filters');
      expect(root(el).querySelector<HTMLInputElement>('#actor')!.value).to.equal('');
      await setInput(el, 'actor', 'dubois', 'input');
      provider.actor = seededActor('rep-moreau-sophie');
      await provider.updateComplete;
      await el.updateComplete;
      expect(el.actorFilter).to.equal('');
      el.patientIns = MINOR;
      el.actorFilter = 'martin';
      await el.updateComplete;
      expect(el.actorFilter).to.equal('martin');
    });

    it('filters on the action', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      await select(el, 'action', 'document.add');
      const list = await shown(el, 7);
      for (const r of list) expect(rowText(r)).to.contain('Ajout d’un document');
      expect(el.getAttribute('action-filter')).to.equal('document.add');
    });

    it('filters on a date range and explains an inverted one', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      await setInput(el, 'from', '2026-09-18');
      await setInput(el, 'to', '2026-09-19');
      const list = await shown(el, 6);
      expect(list.every((r) => /^2026-09-1[89]/.test(r.querySelector('time')!.getAttribute('datetime')!))).to.be.true;

      await setInput(el, 'from', '2026-10-01');
      await waitUntil(() => idle(el) && rows(el).length === 0);
      expect(root(el).querySelector('#range-error')!.textContent).to.contain('La date de début est postérieure à la date de fin.');
      expect(root(el).querySelector('#to')!.getAttribute('aria-invalid')).to.equal('true');
    });

    it('shows “all” in the selects for a mode or an action the host got wrong, as it filters', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      await select(el, 'mode', 'normal');
      await select(el, 'action', 'document.read');
      await waitUntil(() => idle(el));
      el.mode = 'urgence' as never;
      el.actionFilter = 'lecture' as never;
      await el.updateComplete;
      await shown(el);
      // Not blank: the first option, "all", is the one chosen.
      expect(root(el).querySelector<HTMLSelectElement>('#mode')!.selectedIndex).to.equal(0);
      expect(root(el).querySelector<HTMLSelectElement>('#action')!.selectedIndex).to.equal(0);
    });

    it('takes a day that does not exist, from the host, as no filter', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      el.dateFrom = '2026-02-30';
      el.dateTo = '2026-13-01';
      await el.updateComplete;
      await shown(el);
      expect(rows(el).length).to.be.greaterThan(20);
      expect(Boolean(root(el).querySelector('[role="alert"]'))).to.equal(false);
    });

    it('keeps the filter and the date’s other parts while one part is retyped', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      await setInput(el, 'from', '2026-09-18');
      await waitUntil(() => idle(el) && rows(el).length < 24);
      const filtered = rows(el).length;
      const from = root(el).querySelector<HTMLInputElement>('#from')!;
      await eraseFirstDatePart(from, el);
      expect(from.validity.badInput, 'the other parts were cleared').to.equal(true);
      expect(el.dateFrom).to.equal('2026-09-18');
      await waitUntil(() => idle(el));
      expect(rows(el).length).to.equal(filtered);
    });

    it('shows the choices the filters hold after they are cleared, whatever the user picked before', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      await select(el, 'mode', 'normal');
      await select(el, 'mode', '');
      await select(el, 'mode', 'break-glass');
      await select(el, 'action', 'document.read');
      await waitUntil(() => idle(el));
      button(el, 'Effacer les filtres')!.click();
      await el.updateComplete;
      // Reading the history is logged: each filter tried added a line.
      await shown(el);
      expect(el.mode).to.equal(undefined);
      expect(root(el).querySelector<HTMLSelectElement>('#mode')!.value).to.equal('');
      expect(root(el).querySelector<HTMLSelectElement>('#action')!.value).to.equal('');
    });

    it('says when no entry matches, in the live region that told the count, and clears the filters in one click', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      // A live region put in the page with its text already in it is not announced: the same one speaks.
      const status = root(el).querySelector('p.status[role="status"]:not(.export-status)');
      await setInput(el, 'actor', 'personne de ce nom');
      await waitUntil(() => idle(el) && shadowText(el).includes('Aucun accès ne correspond à ces filtres.'));
      expect(root(el).querySelector('p.status[role="status"]:not(.export-status)') === status).to.equal(true);
      expect(status?.textContent).to.contain('Aucun accès ne correspond à ces filtres.');
      button(el, 'Effacer les filtres')!.click();
      await shown(el);
      expect(el.actorFilter).to.equal('');
      expect(root(el).querySelector<HTMLInputElement>('#actor')!.value).to.equal('');
      // The button went with the filters: focus goes on from the first filter, not to the page.
      await waitUntil(() => root(el).activeElement?.id === 'actor', 'focus was lost with the button');
    });

    it('shows emergency accesses only in one click, break-glass and regulation merged by date', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      await select(el, 'mode', 'normal');
      await waitUntil(() => idle(el) && rows(el).length > 3);
      const toggle = button(el, 'Accès en urgence uniquement')!;
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      toggle.click();
      const list = await shown(el, 3);
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(el.emergencyOnly).to.be.true;
      expect(el.hasAttribute('emergency-only')).to.be.true;
      expect(el.mode).to.be.undefined;
      expect(list.map((r) => r.querySelector('time')!.getAttribute('datetime'))).to.deep.equal([
        '2026-07-03T02:16:00.000Z',
        '2026-07-03T02:14:00.000Z',
        '2026-07-03T01:58:00.000Z',
      ]);
      expect(rowText(list[2]!)).to.contain(GIRARD);
      for (const r of list) expect(r.querySelector('[part="badge"]')!.classList.contains('emergency')).to.be.true;

      toggle.click();
      await waitUntil(() => idle(el) && rows(el).length > 24);
    });

    it('keeps the merged order across pages when emergency accesses are paginated', async () => {
      const { el } = await mount('pat-durand-jeanne', ADULT, { pageSize: 1, emergencyOnly: true });
      const first = await shown(el, 1);
      expect(first[0]!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-07-03T02:16:00.000Z');
      button(el, 'Charger les accès plus anciens')!.click();
      const all = await shown(el, 3);
      expect(all.map((r) => r.querySelector('time')!.getAttribute('datetime'))).to.deep.equal([
        '2026-07-03T02:16:00.000Z',
        '2026-07-03T02:14:00.000Z',
        '2026-07-03T01:58:00.000Z',
      ]);
      expect(button(el, 'Charger les accès plus anciens')).to.be.undefined;
      // The last page removed the button: focus moved to the first entry it brought.
      expect(root(el).activeElement).to.equal(all[1]);
    });

    it('keeps the focus on the last entry when a gateway’s last page is empty', async () => {
      const { el, provider } = await mount('pat-durand-jeanne', ADULT, { pageSize: 1 });
      await shown(el, 1);
      // A gateway that announced a next page and then had nothing more to give.
      const client = new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: (request) => provider.requestHeaders(request) });
      const read = client.listAccessLog.bind(client);
      let reread = false;
      client.listAccessLog = async (ins, query, options) => {
        if (query?.cursor) return { items: [], total: 1 };
        reread = true;
        return { ...(await read(ins, query, options)), nextCursor: 'more' };
      };
      provider.client = client;
      provider.notifyDataChanged(['history'], ADULT);
      await waitUntil(() => reread && idle(el) && button(el, 'Charger les accès plus anciens'), 'no button to load more');
      await shown(el, 1);
      const more = button(el, 'Charger les accès plus anciens')!;
      more.focus();
      more.click();
      await waitUntil(() => !button(el, 'Charger les accès plus anciens'), 'the button stayed');
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(rows(el).at(-1));
    });

    it('fetches no older page of a list being read again, and shows no failure of it under the new one', async () => {
      const { el } = await mount('pat-durand-jeanne', ADULT, { pageSize: 10 });
      await shown(el, 10);
      db.faults.add({ method: 'GET', path: '/access-log', latencyMs: 400, times: 1 });
      const reads = historyReads(ADULT, 'pat-durand-jeanne');
      await select(el, 'action', 'document.read');
      button(el, 'Charger les accès plus anciens')!.click();
      await waitUntil(() => idle(el), 'the filtered list never came', { timeout: 5000 });
      expect(historyReads(ADULT, 'pat-durand-jeanne')).to.equal(reads + 1);
      expect(root(el).querySelector('.more [role="alert"]')).to.equal(null);
      expect(button(el, 'Charger les accès plus anciens')?.textContent?.trim()).not.to.equal('Chargement…');
    });

    it('toggles emergency-only from the keyboard', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      button(el, 'Accès en urgence uniquement')!.focus();
      await sendKeys({ press: 'Space' });
      await shown(el, 3);
      expect(button(el, 'Accès en urgence uniquement')!.getAttribute('aria-pressed')).to.equal('true');
    });
  });

  describe('pagination', () => {
    it('loads older entries on demand, from the keyboard too', async () => {
      const { el } = await mount('pat-durand-jeanne', ADULT, { pageSize: 10 });
      await shown(el, 10);
      expect(shadowText(el)).to.contain('10 entrées affichées');
      const more = button(el, 'Charger les accès plus anciens')!;
      more.focus();
      await sendKeys({ press: 'Enter' });
      await shown(el, 20);
      expect(root(el).activeElement).to.equal(more);
      more.click();
      const all = await shown(el, 24);
      expect(new Set(all.map((r) => r.dataset.id)).size).to.equal(24);
      expect(button(el, 'Charger les accès plus anciens')).to.be.undefined;
    });

    it('leaves focus on the host page field the user went to while the last page loaded', async () => {
      const { el } = await mount('pat-durand-jeanne', ADULT, { pageSize: 20 });
      await shown(el, 20);
      const field = document.createElement('input');
      field.setAttribute('aria-label', 'Recherche de l’intranet');
      document.body.append(field);
      try {
        db.faults.add({ method: 'GET', path: '/access-log', latencyMs: 300, times: 1 });
        button(el, 'Charger les accès plus anciens')!.focus();
        button(el, 'Charger les accès plus anciens')!.click();
        field.focus();
        await shown(el, 24);
        await el.updateComplete;
        expect(document.activeElement === field, `focus went to ${document.activeElement?.localName}`).to.equal(true);
      } finally {
        field.remove();
      }
    });

    it('keeps the loaded entries when a further page fails, and retries it', async () => {
      const { el } = await mount('pat-durand-jeanne', ADULT, { pageSize: 10 });
      await shown(el, 10);
      db.faults.add({ method: 'GET', path: '/access-log', status: 500 });
      button(el, 'Charger les accès plus anciens')!.click();
      await waitUntil(() => root(el).querySelector('.more [role="alert"]'), 'no error', { timeout: 5000 });
      expect(rows(el)).to.have.length(10);
      expect(shadowText(el)).to.contain('Le serveur du DMP a rencontré une erreur.');
      db.faults.clear();
      button(el, 'Réessayer')!.click();
      await shown(el, 20);
      expect(root(el).querySelector('.more [role="alert"]')).to.be.null;
    });
  });

  describe('live updates', () => {
    // The document list beside the history is virtualized (a benign ResizeObserver loop warning).
    setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

    it('shows a professional’s access made elsewhere on the page once the provider announces it', async () => {
      const { el, provider } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      const martin = new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: () => ({ Authorization: 'Bearer ps-martin' }) });
      await martin.listDocuments(ADULT);
      provider.notifyDataChanged(['history'], ADULT);
      await waitUntil(() => idle(el) && rows(el)[0] && rowText(rows(el)[0]!).includes(MARTIN), 'the new entry never appeared');
      expect(rowText(rows(el)[0]!)).to.contain('Consultation de la liste des documents');
      // The access conditions did not change: the existence test is not asked (and logged) again.
      expect(dossierReads(ADULT, 'pat-durand-jeanne')).to.equal(1);
    });

    it('shows a document opened in a list on the same page once the host has read it, without a reload', async () => {
      // The list first: below a long history, its virtualized rows would be out of sight, so not drawn.
      const { el: list, provider } = await mountInProvider<DmpDocumentList>(
        html`<dmp-document-list patient-ins=${ADULT}></dmp-document-list><dmp-access-history patient-ins=${ADULT}></dmp-access-history>`,
        'pat-durand-jeanne',
      );
      const el = provider.querySelector<DmpAccessHistory>('dmp-access-history')!;
      await el.updateComplete;
      await shown(el);
      const open = () => list.shadowRoot!.querySelector<HTMLButtonElement>('[role="row"] [data-action="open"]');
      await waitUntil(open, 'the list never showed its documents', { timeout: 5000 });
      const opened = oneEvent(provider, 'dmp-document-open');
      open()!.click();
      const { detail } = await opened;
      // What a host does on dmp-document-open: read the file to show it.
      const file = await detail.content();
      const stored = db.contentOf(db.findDocument(ADULT, detail.document.id)!).body;
      expect(await file.text()).to.equal(typeof stored === 'string' ? stored : await stored.text());
      await waitUntil(() => idle(el) && rowText(rows(el)[0]!).includes(detail.document.title), 'the reading never appeared in the history', { timeout: 5000 });
      expect(rowText(rows(el)[0]!)).to.contain('Consultation d’un document');
    });

    it('reloads on a document change, asks the existence test again on a dossier change', async () => {
      const { el, provider } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      provider.notifyDataChanged(['documents'], ADULT);
      await waitUntil(() => historyReads(ADULT, 'pat-durand-jeanne') === 2 && idle(el));
      provider.notifyDataChanged(['dossier'], ADULT);
      await waitUntil(() => historyReads(ADULT, 'pat-durand-jeanne') === 3 && idle(el));
      expect(dossierReads(ADULT, 'pat-durand-jeanne')).to.equal(2);
    });

    it('takes a change announced under another spelling of its patient’s INS as its own, and asks the existence test again', async () => {
      const spaced = ADULT.replace(/^(\d)(\d{2})(\d{2})/, '$1 $2 $3 ');
      const { el, provider } = await mount('pat-durand-jeanne', spaced);
      await shown(el, 24);
      provider.notifyDataChanged(['dossier'], ADULT);
      await waitUntil(() => historyReads(ADULT, 'pat-durand-jeanne') === 2 && idle(el), 'the history did not reload');
      expect(dossierReads(ADULT, 'pat-durand-jeanne')).to.equal(2);
    });

    it('ignores a change on another patient', async () => {
      const { el, provider } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      provider.notifyDataChanged(['history'], MINOR);
      await el.updateComplete;
      expect(base(el).getAttribute('aria-busy')).to.equal('false');
      expect(historyReads(ADULT, 'pat-durand-jeanne')).to.equal(1);
    });
  });

  describe('CSV export', () => {
    let captured: Blob | undefined;
    let link: HTMLAnchorElement | undefined;
    const originalCreate = URL.createObjectURL;
    const stopDownload = (event: Event) => {
      const target = event.composedPath()[0];
      if (target instanceof HTMLAnchorElement && target.download) {
        link = target;
        event.preventDefault();
      }
    };
    beforeEach(() => {
      captured = undefined;
      link = undefined;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        captured = blob as Blob;
        return 'blob:stubbed';
      };
      document.addEventListener('click', stopDownload, true);
    });
    afterEach(() => {
      URL.createObjectURL = originalCreate;
      document.removeEventListener('click', stopDownload, true);
    });

    async function exportCsv(el: DmpAccessHistory) {
      const exported = oneEvent(el, 'dmp-history-exported');
      button(el, 'Exporter en CSV')!.click();
      const event = await exported;
      const bytes = new Uint8Array(await captured!.arrayBuffer());
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      return { detail: event.detail, bytes, text, lines: text.slice(1).split('\r\n').slice(0, -1) };
    }

    it('downloads every filtered entry as UTF-8 CSV with BOM, ; separated, quoted, formulas defused', async () => {
      db.appendLog(
        ADULT,
        logEntry({
          actor: { kind: 'professional', name: '=HYPERLINK("http://evil.example";"clic")', rpps: '10003456786', profession: '10', organisation: '@SUM(A1)' },
          mode: 'break-glass',
          justification: '-1+1 puis "citation" ; point-virgule',
        }),
      );
      const { el } = await mount('pat-durand-jeanne', ADULT, { pageSize: 5 });
      await shown(el, 5);
      const { detail, bytes, text, lines } = await exportCsv(el);

      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      expect(text.startsWith('\uFEFF')).to.be.true;
      expect(captured!.type).to.equal('text/csv;charset=utf-8');
      expect(lines[0]).to.equal(
        '"Date et heure";"Nom";"RPPS";"Profession ou rôle";"Organisation";"Action";"Objet";"Mode d’accès";"Résultat";"Motif du refus";"Justification"',
      );
      // All pages, not only the 5 shown: the seed, the injected line and the element's own reads.
      expect(detail.rows).to.equal(db.logOf(ADULT).length - 1);
      expect(lines).to.have.length(detail.rows + 1);
      expect(detail.truncated).to.be.false;
      expect(detail.filename).to.match(/^historique-acces-dmp-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(link!.download).to.equal(detail.filename);
      expect(link!.href).to.equal('blob:stubbed');
      expect(link!.isConnected).to.be.false;

      const injected = lines.find((l) => l.includes('HYPERLINK'))!;
      expect(injected).to.equal(
        [
          `"${formatDateTime('2026-11-19T08:00:00.000Z', 'fr')}"`,
          `"'=HYPERLINK(""http://evil.example"";""clic"")"`,
          '"10003456786"',
          '"Médecin"',
          `"'@SUM(A1)"`,
          '"Consultation d’un document"',
          '"Compte rendu"',
          '"Bris de glace (mode urgence)"',
          '"Autorisé"',
          '""',
          `"'-1+1 puis ""citation"" ; point-virgule"`,
        ].join(';'),
      );
      const refused = lines.find((l) => l.includes('Renard'))!;
      expect(refused).to.contain('"Refusé";"Professionnel bloqué sur ce dossier."');
      expect(shadowText(el)).to.contain(`Fichier CSV prêt : ${detail.rows} entrées exportées.`);
    });

    it('exports only what the filter matches (emergency accesses)', async () => {
      const { el } = await mount('pat-durand-jeanne', ADULT, { emergencyOnly: true });
      await shown(el, 3);
      const { detail, lines } = await exportCsv(el);
      expect(detail.rows).to.equal(3);
      expect(lines.slice(1).every((l) => l.includes('"Bris de glace (mode urgence)"') || l.includes('"Régulation (SAMU – Centre 15)"'))).to.be.true;
      expect(lines[3]).to.contain(GIRARD);
    });

    it('stops at export-limit and says so', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      el.exportLimit = 5;
      await el.updateComplete;
      const { detail, lines } = await exportCsv(el);
      expect(detail).to.include({ rows: 5, truncated: true });
      expect(lines).to.have.length(6);
      await waitUntil(() => shadowText(el).includes('Export limité aux 5 entrées les plus récentes'));
    });

    it('says the limit it applied, and an export of nothing, in words', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      el.exportLimit = 2.7;
      await el.updateComplete;
      expect((await exportCsv(el)).detail).to.include({ rows: 2, truncated: true });
      await waitUntil(() => shadowText(el).includes('Export limité aux 2 entrées les plus récentes'), shadowText(el));
      await setInput(el, 'from', '2099-01-01');
      await waitUntil(() => idle(el) && shadowText(el).includes('Aucun accès ne correspond à ces filtres.'));
      expect((await exportCsv(el)).detail.rows).to.equal(0);
      await waitUntil(() => shadowText(el).includes('Fichier CSV prêt : aucune entrée exportée.'), shadowText(el));
    });

    it('stops an export under way when the user logs out: no file, no further page under anyone’s name', async () => {
      const { el, provider } = await mount('pat-durand-jeanne', ADULT, { pageSize: 5 });
      await shown(el);
      el.exportLimit = 20;
      await el.updateComplete;
      db.faults.add({ method: 'GET', path: '/access-log', latencyMs: 300 });
      let exported = false;
      el.addEventListener('dmp-history-exported', () => (exported = true));
      button(el, 'Exporter en CSV')!.click();
      await waitUntil(() => shadowText(el).includes('Export en cours'), 'the export never started');
      const reads = () => db.logOf(ADULT).filter((l) => l.action === 'history.read').length;
      await provider.logout();
      // A page already sent is answered (and logged) all the same; none is sent after it.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const afterLogout = reads();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(reads()).to.equal(afterLogout);
      expect(exported).to.equal(false);
      expect(captured).to.be.undefined;
      db.faults.clear();
      provider.resume();
      await shown(el);
      expect(shadowText(el)).not.to.contain('Export en cours');
      expect(button(el, 'Exporter en CSV')!.getAttribute('aria-disabled')).to.equal('false');
    });

    it('goes on with an export when the host moves the element in the page, and stops it when the element leaves', async () => {
      const { el, provider } = await mount('pat-durand-jeanne', ADULT, { pageSize: 5 });
      await shown(el);
      // Each page's request, to see the one under way stopped.
      const client = new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: (request) => provider.requestHeaders(request) });
      const read = client.listAccessLog.bind(client);
      const signals: AbortSignal[] = [];
      client.listAccessLog = (ins, query, options) => {
        if (options?.signal) signals.push(options.signal);
        return read(ins, query, options);
      };
      provider.client = client;
      db.faults.add({ method: 'GET', path: '/access-log', latencyMs: 200 });
      const moved = oneEvent(el, 'dmp-history-exported');
      button(el, 'Exporter en CSV')!.click();
      await waitUntil(() => signals.length > 0 && shadowText(el).includes('Export en cours'), 'the export never started');
      const host = el.parentElement!;
      const elsewhere = host.appendChild(document.createElement('div'));
      elsewhere.append(el);
      expect((await moved).detail.rows).to.be.greaterThan(5);
      expect(signals.some((signal) => signal.aborted)).to.equal(false);

      let exported = false;
      el.addEventListener('dmp-history-exported', () => (exported = true));
      const before = signals.length;
      button(el, 'Exporter en CSV')!.click();
      await waitUntil(() => signals.length > before, 'the second export never started');
      el.remove();
      await waitUntil(() => signals.at(-1)!.aborted, 'the export went on out of the page');
      expect(exported).to.equal(false);
      db.faults.clear();
    });

    it('reports a failed export and keeps the list', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      db.faults.add({ method: 'GET', path: '/access-log', malformed: 'schema' });
      button(el, 'Exporter en CSV')!.click();
      await waitUntil(() => shadowText(el).includes('L’export a échoué'));
      expect(shadowText(el)).to.contain('Réponse invalide du serveur');
      expect(captured).to.be.undefined;
      expect(rows(el)).to.have.length(24);
    });
  });

  describe('failures', () => {
    it('shows a server error with a retry that recovers', async () => {
      db.faults.add({ method: 'GET', path: '/access-log', status: 500 });
      const { el } = await mount('pat-durand-jeanne');
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error shown', { timeout: 5000 });
      expect(shadowText(el)).to.contain('L’historique n’a pas pu être chargé.');
      expect(shadowText(el)).to.contain('Le serveur du DMP a rencontré une erreur.');
      await expect(el).to.be.accessible();
      db.faults.clear();
      button(el, 'Réessayer')!.focus();
      button(el, 'Réessayer')!.click();
      // The button goes with the error: focus goes on to the heading, not to the page.
      await waitUntil(() => root(el).activeElement?.id === 'title', 'focus was lost with the button');
      await shown(el);
    });

    it('keeps the filters the user chose through a failure', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await shown(el, 24);
      db.faults.add({ method: 'GET', path: '/access-log', status: 500 });
      await setInput(el, 'actor', 'Dubois');
      await waitUntil(() => root(el).querySelector('.notice--error'), 'no error shown', { timeout: 5000 });
      expect(root(el).querySelector<HTMLInputElement>('#actor')!.value).to.equal('Dubois');
      db.faults.clear();
      button(el, 'Réessayer')!.click();
      await shown(el, 3);
    });

    it('says the server did not answer in time', async () => {
      db.faults.add({ method: 'GET', path: '/access-log', latencyMs: 1500, times: 1 });
      const provider = await fixture<DmpProvider>(html`<dmp-provider request-timeout="300" .actor=${seededActor('pat-durand-jeanne')}>
        <dmp-access-history patient-ins=${ADULT}></dmp-access-history>
      </dmp-provider>`);
      const el = provider.querySelector('dmp-access-history')!;
      await waitUntil(() => shadowText(el).includes('n’a pas répondu à temps'), shadowText(el), { timeout: 5000 });
      button(el, 'Réessayer')!.click();
      await shown(el);
      // Let the delayed request finish here rather than write into the next test's log.
      await waitUntil(() => historyReads(ADULT, 'pat-durand-jeanne') === 2, 'the delayed request never ended', { timeout: 5000 });
    });

    it('says the response is invalid when the body fails its schema', async () => {
      db.faults.add({ method: 'GET', path: '/access-log', malformed: 'schema' });
      const { el } = await mount('pat-durand-jeanne');
      await waitUntil(() => shadowText(el).includes('Réponse invalide du serveur'), shadowText(el));
    });

    it('says the server is unreachable when the network fails', async () => {
      db.faults.add({ method: 'GET', path: '/access-log', network: true });
      const { el } = await mount('pat-durand-jeanne');
      await waitUntil(() => shadowText(el).includes('Vous semblez hors ligne'), shadowText(el), { timeout: 5000 });
    });

    it('renders markup in names and justifications as text', async () => {
      db.appendLog(
        ADULT,
        logEntry({ actor: { kind: 'professional', name: XSS, organisation: XSS }, target: { title: XSS }, mode: 'break-glass', justification: XSS }),
      );
      const { el } = await mount('pat-durand-jeanne');
      const list = await shown(el);
      expect(root(el).querySelector('img')).to.be.null;
      const injected = list.find((r) => r.dataset.id === 'log-injected')!;
      expect(injected.textContent!.split(XSS).length - 1).to.equal(4);
    });
  });

  it('speaks English when the provider says so', async () => {
    const { el } = await mount('pat-durand-jeanne', ADULT, { locale: 'en', emergencyOnly: true });
    // The English strings load asynchronously after the provider asks for them.
    await waitUntil(() => shadowText(el).includes('Access history of the dossier'));
    await shown(el, 3);
    const text = shadowText(el);
    expect(text).to.contain('Access history of the dossier');
    expect(text).to.contain('Emergency accesses only');
    expect(text).to.contain('Break-glass (emergency mode)');
    expect(text).to.contain('3 entries, most recent first.');
    expect(rows(el)[0]!.querySelector('time')!.textContent).to.equal(formatDateTime('2026-07-03T02:16:00.000Z', 'en'));
    // The justifications professionals wrote are French in an English interface too (WCAG 3.1.2).
    const quoted = [...root(el).querySelectorAll('.justification q')];
    expect(quoted).not.to.be.empty;
    expect(quoted.map((q) => q.getAttribute('lang'))).to.deep.equal(quoted.map(() => 'fr'));
    await expect(el).to.be.accessible();
  });

  it('names in English what was attempted, not done, on a refused line', async () => {
    const { el } = await mount('pat-durand-jeanne', ADULT, { locale: 'en', pageSize: 500 });
    await waitUntil(() => shadowText(el).includes('Access history of the dossier'));
    const refused = (await shown(el)).find((row) => rowText(row).includes('Renard'))!;
    expect(rowText(refused)).to.contain('Viewing the document list').and.contain('Refused').and.not.contain('viewed');
  });
});
