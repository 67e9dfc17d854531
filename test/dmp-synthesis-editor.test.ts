import { aTimeout, expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { eraseFirstDatePart, retypedDates } from './support/dates.js';
import { spokenText } from './support/live-region.js';
import { HttpResponse, http } from 'msw';
import { DR_MARTIN_TRAITANT } from '../mocks/data/professionals.js';
import { PATIENT_ADULT, PATIENT_MASKED, PATIENT_MINOR } from '../mocks/data/patients.js';
import { PREVENTION_DURAND } from '../mocks/data/prevention.js';
import { SYNTHESIS_CONTENT_V1, SYNTHESIS_CONTENT_V2, SYNTHESIS_V2 } from '../mocks/data/synthesis.js';
import { etagOf as preventionEtagOf } from '../mocks/handlers/prevention.js';
import { etagOf } from '../mocks/handlers/synthesis.js';
import { clearAllDrafts, draftKey, readDraft, writeDraft } from '../src/drafts/draft-store.js';
import { searchCodes } from '../src/elements/dmp-synthesis-editor/codes/index.js';
import { diffSynthesis, mergeSynthesis, resolveMerge } from '../src/elements/dmp-synthesis-editor/diff.js';
import '../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import type { DmpSynthesisEditor } from '../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.element.js';
import { validateContent } from '../src/elements/dmp-synthesis-editor/schema-check.js';
import { HttpDmpClient } from '../src/client/http-client.js';
import { reasonText } from '../src/i18n/labels.js';
import { emptyPreventionContent, emptySynthesisContent, type Synthesis, type SynthesisContent } from '../src/model/synthesis.js';
import type { EditorContent } from '../src/elements/dmp-synthesis-editor/entries.js';
import { answersTo, db, mountInProvider, resetBackend, shadowText, startBackend, worker, seededActor } from './support/mount.js';

const INS = PATIENT_ADULT.identity.ins;

/** The seeded vaccinations and screenings, as a draft begun from them records them. */
const PREVENTION_BASE = { etag: preventionEtagOf(PREVENTION_DURAND), version: PREVENTION_DURAND.version, content: PREVENTION_DURAND.content };
const XSS = '<img src=x onerror=alert(1)>';

function root(el: DmpSynthesisEditor): ShadowRoot {
  return el.shadowRoot!;
}

function $(el: DmpSynthesisEditor, selector: string): HTMLElement {
  const found = root(el).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`No ${selector} in the shadow root`);
  return found;
}

function button(el: DmpSynthesisEditor, text: string): HTMLButtonElement {
  const found = [...root(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`No button "${text}"`);
  return found;
}

function isLoaded(el: DmpSynthesisEditor): boolean {
  const base = root(el).querySelector('[part="base"]');
  return Boolean(base && !base.classList.contains('skeleton') && base.getAttribute('aria-busy') !== 'true');
}

async function mount(actorId = 'ps-martin', ins = INS, locale: 'fr' | 'en' = 'fr') {
  const mounted = await mountInProvider<DmpSynthesisEditor>(html`<dmp-synthesis-editor patient-ins=${ins}></dmp-synthesis-editor>`, actorId, { locale });
  // A read that fails is tried three times with a backoff: longer than waitUntil's one second on a busy machine.
  await waitUntil(() => isLoaded(mounted.el), 'the synthesis never loaded', { timeout: 8000 });
  return mounted;
}

async function openEditor(el: DmpSynthesisEditor): Promise<void> {
  $(el, '[data-action="edit"]').click();
  await waitUntil(() => root(el).querySelector('.editor'), 'the editor never opened');
}

/** Types into a field as a user does: the value changes, then `input` fires. */
async function fill(el: DmpSynthesisEditor, key: string, value: string): Promise<HTMLInputElement> {
  const control = $(el, `[data-key="${key}"]`) as HTMLInputElement;
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true, composed: true }));
  control.blur();
  await el.updateComplete;
  return control;
}

/** Types `text` over what the field `key` holds, as a user selecting it all and typing does. */
async function typeOver(el: DmpSynthesisEditor, key: string, text: string): Promise<HTMLInputElement> {
  const field = $(el, `[data-key="${key}"]`) as HTMLInputElement;
  field.focus();
  field.select();
  await sendKeys({ type: text });
  return field;
}

/** Holds the saves of the synthesis until `release()`; then the mock backend answers them. */
function holdSaves(): { asked: () => boolean; release: () => void } {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  worker.use(
    http.put('*/api/dmp/v1/dossiers/:ins/synthesis', async () => {
      asked = true;
      await held;
      return undefined;
    }),
  );
  return { asked: () => asked, release };
}

async function saveAndWait(el: DmpSynthesisEditor, version: number): Promise<void> {
  $(el, '[data-action="save"]').click();
  await waitUntil(() => serverVersion()?.version === version, `version ${version} was never saved`);
}

function serverVersion(ins = INS): Synthesis | undefined {
  const all = db.syntheses.get(ins) ?? [];
  return all[all.length - 1];
}

function errorFor(el: DmpSynthesisEditor, key: string): string {
  const control = $(el, `[data-key="${key}"]`);
  const id = control.getAttribute('aria-describedby');
  return (id && root(el).getElementById(id)?.textContent?.trim()) || '';
}

describe('dmp-synthesis-editor', () => {
  before(startBackend);
  beforeEach(async () => {
    await resetBackend();
    await clearAllDrafts();
  });
  afterEach(() => emulateMedia({ media: 'screen', forcedColors: 'none' }));

  describe('accessibility', () => {
    it('passes axe in the read view, the editor, the conflict panel and the version comparison', async () => {
      const { el } = await mount();
      await expect(el).to.be.accessible();
      await openEditor(el);
      await expect(el).to.be.accessible();
      const details = $(el, 'details.versions') as HTMLDetailsElement;
      details.open = true;
      await waitUntil(() => root(el).querySelector('[data-version="1"]'));
      $(el, '[data-version="1"]').click();
      await waitUntil(() => root(el).querySelector('.version-view'));
      await expect(el).to.be.accessible();
    });

    it('passes axe in the patient’s plain-language view and for a refusal', async () => {
      const { el } = await mount('pat-durand-jeanne');
      await expect(el).to.be.accessible();
      const refused = await mount('ps-renard');
      await expect(refused.el).to.be.accessible();
    });
  });

  describe('defaults and read view', () => {
    it('shows the current version in six groups, with its version, date and author', async () => {
      const { el } = await mount('ps-bernard');
      const text = shadowText(el);
      expect(text).to.contain('Volet de synthèse médicale');
      expect(text).to.contain('Version 2, mise à jour le');
      expect(text).to.contain(SYNTHESIS_V2.author.name);
      for (const heading of [
        'Problèmes de santé et antécédents',
        'Allergies et intolérances',
        'Facteurs de risque',
        'Traitements au long cours',
        'Prévention : vaccinations et dépistages',
        'Points de vigilance',
      ]) {
        expect(text).to.contain(heading);
      }
      expect(text).to.contain('Gonarthrose droite fémoro-tibiale interne');
      expect(text).to.contain('Code CIM-10 : M17.1');
      expect(text).to.contain('Posologie : 1 comprimé matin et soir, au milieu des repas');
      expect(text).to.contain('Numéro de lot : X2F017');
      // Who vaccinated, and the booster due (the seed's "vacciné par", "date de rappel").
      expect(text).to.contain('Vacciné par : Dr Claire Martin').and.contain('Prochain prévu : 14 mars 2033');
      expect(root(el).querySelectorAll('[part="entry"]').length).to.be.greaterThan(25);
    });

    it('shows the patient given by the host, not traits from the DMP', async () => {
      const { el } = await mount();
      el.patient = { name: 'Mme Jeanne DURAND (logiciel hôte)', birthDate: '1958-03-14' };
      await el.updateComplete;
      expect($(el, '.patient').textContent).to.contain('Mme Jeanne DURAND (logiciel hôte)');
      expect($(el, '.patient').textContent).to.contain('14 mars 1958');
    });

    it('speaks English with an English provider', async () => {
      const { el } = await mount('ps-martin', INS, 'en');
      await waitUntil(() => shadowText(el).includes('Medical summary'), 'the strings never switched to English');
      const text = shadowText(el);
      expect(text).to.contain('Medical summary');
      expect(text).to.contain('Long-term treatments');
      expect(button(el, 'Edit')).to.exist;
      // What the médecin wrote is French in an English interface too (WCAG 3.1.2).
      const written = [...root(el).querySelectorAll('.entry-title, .entry-note, .narrative')];
      expect(written).not.to.be.empty;
      expect(written.map((node) => node.getAttribute('lang'))).to.deep.equal(written.map(() => 'fr'));
    });

    it('tells apart two entries a malformed VSM gives one id, shows both and saves them under ids of their own', async () => {
      const [point] = SYNTHESIS_CONTENT_V2.pointsToWatch;
      const pointsToWatch = [point!, { ...point!, label: 'Chutes à domicile' }];
      db.syntheses.set(INS, [{ ...SYNTHESIS_V2, content: { ...SYNTHESIS_CONTENT_V2, pointsToWatch } }]);
      const { el } = await mount('ps-martin');
      expect(shadowText(el)).to.contain(point!.label).and.contain('Chutes à domicile');
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', '1 comprimé matin et soir');
      await saveAndWait(el, SYNTHESIS_V2.version + 1);
      const saved = serverVersion()!.content.pointsToWatch;
      expect(saved.map((p) => p.label)).to.deep.equal([point!.label, 'Chutes à domicile']);
      expect(new Set(saved.map((p) => p.id)).size).to.equal(2);
    });

    it('says "no known allergy" as a statement, distinct from an empty list', async () => {
      db.syntheses.set(INS, [{ ...SYNTHESIS_V2, content: { ...SYNTHESIS_CONTENT_V2, allergies: [], allergiesNoneKnown: true } }]);
      const { el } = await mount('ps-bernard');
      expect($(el, '.statement').textContent).to.equal('Aucune allergie connue');
      db.syntheses.set(INS, [{ ...SYNTHESIS_V2, content: { ...SYNTHESIS_CONTENT_V2, allergies: [], allergiesNoneKnown: false } }]);
      const other = await mount('ps-bernard');
      expect(root(other.el).querySelector('.statement')).to.equal(null);
      expect(shadowText(other.el)).to.contain('Allergies et intolérances Non renseigné');
    });
  });

  describe('who may edit (the policy decides)', () => {
    const CASES: Array<{ actor: string; view: 'edit' | 'read' | 'plain' | 'refused'; reason?: Parameters<typeof reasonText>[0] }> = [
      { actor: 'ps-martin', view: 'edit' },
      { actor: 'ps-bernard', view: 'read', reason: 'not-treating-physician' },
      { actor: 'ps-dubois', view: 'read', reason: 'not-treating-physician' },
      { actor: 'pat-durand-jeanne', view: 'plain' },
      { actor: 'occ-med', view: 'refused', reason: 'never-authorized-actor' },
      { actor: 'ps-renard', view: 'refused', reason: 'blocked' },
    ];
    for (const c of CASES) {
      it(`${c.actor}: ${c.view}`, async () => {
        const { el } = await mount(c.actor);
        const text = shadowText(el);
        const edit = root(el).querySelector('[data-action="edit"]');
        if (c.view === 'edit') {
          expect(edit).to.exist;
          await openEditor(el);
          expect(root(el).querySelector('[data-key="treatments:tt-metformine:dosage"]')).to.exist;
          return;
        }
        expect(edit).to.equal(null);
        if (c.view === 'refused') {
          expect(text).to.contain('Accès refusé');
          expect(text).to.contain(reasonText(c.reason!));
          expect(text).not.to.contain('Gonarthrose');
          return;
        }
        expect(text).to.contain('Gonarthrose');
        expect(root(el).querySelector('input, textarea, select')).to.equal(null);
        if (c.view === 'read') {
          expect(text).to.contain(`Lecture seule. ${reasonText(c.reason!)}`);
        } else {
          expect(text).to.contain('Votre synthèse médicale');
          expect(text).to.contain('Vos problèmes de santé');
          expect(text).to.contain('Vos traitements');
          expect(text).not.to.contain('M17.1');
          expect(text).not.to.contain('C09AA05');
          expect(text).not.to.contain('Lecture seule');
        }
      });
    }

    it('under break-glass, reads the synthesis and says an emergency access only reads, not that the patient refused', async () => {
      const { el, provider } = await mountInProvider<DmpSynthesisEditor>(html`<dmp-synthesis-editor patient-ins=${INS}></dmp-synthesis-editor>`, 'ps-morel');
      await waitUntil(() => shadowText(el).includes(reasonText('not-authorized')), 'the refusal before the grant never came');
      const justification = 'Patiente inconsciente aux urgences, antécédents inconnus.';
      const client = new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: () => ({ Authorization: 'Bearer ps-morel' }) });
      const grant = await client.requestEmergencyAccess(INS, 'break-glass', justification, { idempotencyKey: crypto.randomUUID() });
      provider.setEmergencyGrant({ ...grant, ins: INS, justification });
      await waitUntil(() => shadowText(el).includes('Gonarthrose'), 'the synthesis was not read under the grant', { timeout: 8000 });
      expect(shadowText(el)).to.contain('Lecture seule. Un accès en urgence permet seulement de consulter le dossier.');
      expect(shadowText(el)).not.to.contain(reasonText('not-authorized'));
      expect(root(el).querySelector('[data-action="edit"]')).to.equal(null);
    });

    it('words it for a legal representative as about the person they represent, not as « vous »', async () => {
      const minor = PATIENT_MINOR.identity.ins;
      db.syntheses.set(minor, [{ ...SYNTHESIS_V2, content: { ...SYNTHESIS_CONTENT_V2, narrative: 'Suivi au cabinet tous les trois mois.' } }]);
      const { el } = await mount('rep-moreau-sophie', minor);
      const text = shadowText(el);
      expect(text).to.contain('Gonarthrose');
      expect($(el, '#title').textContent!.trim()).to.equal('Synthèse médicale');
      expect(text).to.contain('Ses problèmes de santé').and.contain('Ses traitements').and.contain('Ce qui peut peser sur sa santé').and.contain('Le mot de son médecin');
      expect(text).not.to.match(/\b(vous|vos|votre)\b/i);
      expect(root(el).querySelector('input, textarea, select')).to.equal(null);
      expect(text).not.to.contain('M17.1');
    });

    it('tells a legal representative that no synthesis was written yet for the person they represent', async () => {
      const { el } = await mount('rep-moreau-sophie', PATIENT_MINOR.identity.ins);
      expect(shadowText(el)).to.contain('Son médecin traitant n’a pas encore rédigé sa synthèse médicale.').and.not.match(/\b(vous|vos|votre)\b/i);
    });

    it('refuses administrative staff the host names without an id (it authenticates them itself), rather than load forever', async () => {
      const { el, provider } = await mount('ps-martin');
      provider.authHeaders = () => ({ Authorization: 'Bearer admin-chu' });
      provider.actor = { kind: 'administrative-staff', organisationId: '690791215', displayName: 'Bureau des admissions' };
      await waitUntil(() => shadowText(el).includes(reasonText('profession-not-permitted')), 'the editor never said why', { timeout: 8000 });
      expect(shadowText(el)).to.contain('Accès refusé').and.not.contain('Gonarthrose');
    });

    it('does not open the editor for a reader even when asked to', async () => {
      const { el } = await mount('ps-bernard');
      el.editing = true;
      await el.updateComplete;
      expect(root(el).querySelector('.editor')).to.equal(null);
    });
  });

  describe('when who may write changes', () => {
    it('stops offering Edit, and reading, once the patient no longer has the doctor as médecin traitant', async () => {
      const { el, provider } = await mount('ps-martin');
      expect(root(el).querySelector('[data-action="edit"]')).to.exist;
      const patient = new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: () => ({ Authorization: `Bearer ${PATIENT_ADULT.id}` }) });
      await patient.changeAuthorization(INS, { change: 'undesignate-treating', rpps: DR_MARTIN_TRAITANT.rpps });
      // Announced by the consent panel on the same page, or by the host after its own write.
      provider.notifyDataChanged(['authorizations', 'history'], INS);
      await waitUntil(() => !root(el).querySelector('[data-action="edit"]'), 'Edit is still offered');
      // No other authorization: the synthesis is no longer his to read either.
      expect(shadowText(el)).to.contain(reasonText('not-authorized'));
    });
  });

  describe('empty: a patient without a synthesis', () => {
    it('tells a reader, in plain words for the patient, from the server’s 204', async () => {
      const { value: { el }, statuses } = await answersTo('/synthesis', () => mount('pat-rousseau-camille', PATIENT_MASKED.identity.ins));
      expect(statuses).to.deep.equal([204]);
      expect(shadowText(el)).to.contain('Votre médecin traitant n’a pas encore rédigé votre synthèse médicale.');
      expect(root(el).querySelector('details.versions')).to.equal(null);
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    });

    it('takes a 404 from an integrator’s gateway for "none yet" too', async () => {
      db.faults.add({ method: 'GET', path: '/synthesis$', status: 404 });
      const { value: { el }, statuses } = await answersTo('/synthesis', () => mount('ps-martin'));
      expect(statuses).to.deep.equal([404]);
      expect(shadowText(el)).to.contain('Aucun volet de synthèse médicale n’a encore été rédigé pour ce patient.');
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    });

    it('lets the médecin traitant write the first version', async () => {
      const ins = PATIENT_MASKED.identity.ins;
      const { value: { el }, statuses } = await answersTo('/synthesis', () => mount('ps-martin', ins));
      expect(statuses).to.deep.equal([204]);
      expect(shadowText(el)).to.contain('Aucun volet de synthèse médicale n’a encore été rédigé pour ce patient.');
      button(el, 'Rédiger la synthèse').click();
      await waitUntil(() => root(el).querySelector('.editor'));
      button(el, 'Ajouter un point de vigilance').click();
      await el.updateComplete;
      const key = root(el).querySelector('[data-key^="pointsToWatch:"][data-key$=":label"]')!.getAttribute('data-key')!;
      await fill(el, key, 'Grossesse en cours : pas d’AINS');
      // A point to watch is section 2; section 1, with no entry, needs the text (DOMAIN.md).
      $(el, '[data-action="save"]').click();
      await el.updateComplete;
      expect(errorFor(el, 'narrative')).to.equal(
        'Requis sans pathologie, allergie ni facteur de risque saisi : dites-le ici, par exemple « Pas d’antécédent connu ».',
      );
      await waitUntil(() => root(el).activeElement === $(el, '[data-key="narrative"]'), 'focus never reached the comment');
      expect(serverVersion(ins)).to.equal(undefined);
      await fill(el, 'narrative', 'Pas d’antécédent connu.');
      expect(errorFor(el, 'narrative')).to.equal('');
      const saved = oneEvent(el, 'dmp-synthesis-saved');
      $(el, '[data-action="save"]').click();
      const event = await saved;
      expect(event.detail.synthesis.version).to.equal(1);
      expect(serverVersion(ins)?.content.pointsToWatch[0]?.label).to.equal('Grossesse en cours : pas d’AINS');
      expect(serverVersion(ins)?.content.narrative).to.equal('Pas d’antécédent connu.');
      expect(shadowText(el)).to.contain('Version 1 enregistrée.');
    });
  });

  describe('editing and saving', () => {
    it('styles the form it fetched: its styles come with it, in the element’s shadow root', async () => {
      const { el } = await mount();
      await openEditor(el);
      const entry = $(el, 'fieldset.entry');
      expect(getComputedStyle(entry).borderTopStyle).to.equal('solid');
      expect(getComputedStyle($(el, '.fields')).display).to.equal('grid');
      // The element's own styles are still there beside them.
      expect(getComputedStyle($(el, '.header')).display).to.equal('flex');
    });

    it('saves a new version with If-Match, fires its events and tells the other elements', async () => {
      const { el, provider } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', '1 comprimé matin, midi et soir');
      const requested = oneEvent(el, 'dmp-synthesis-save-request');
      const saved = oneEvent(el, 'dmp-synthesis-saved');
      const changed = oneEvent(provider, 'dmp-data-changed');
      $(el, '[data-action="save"]').click();
      const request = await requested;
      expect(request.cancelable).to.equal(true);
      expect(request.detail.content.treatments[0]?.dosage).to.equal('1 comprimé matin, midi et soir');
      const event = await saved;
      expect(event.detail.synthesis.version).to.equal(3);
      expect((await changed).detail.topics).to.have.members(['synthesis', 'documents', 'history']);
      expect(serverVersion()?.version).to.equal(3);
      expect(serverVersion()?.content.treatments[0]?.dosage).to.equal('1 comprimé matin, midi et soir');
      expect(db.logOf(INS).some((e) => e.action === 'synthesis.write' && e.outcome === 'allowed')).to.equal(true);
      await el.updateComplete;
      expect(root(el).querySelector('.editor')).to.equal(null);
      expect(shadowText(el)).to.contain('Version 3 enregistrée.');
      expect(shadowText(el)).to.contain('Version 3, mise à jour le');
      expect(await readDraft(draftKey('professional:ps-martin', INS))).to.equal(undefined);
    });

    it('does not save when the host vetoes the save request, and keeps the edits', async () => {
      const { el } = await mount();
      el.addEventListener('dmp-synthesis-save-request', (e) => e.preventDefault());
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Veto');
      $(el, '[data-action="save"]').click();
      await el.updateComplete;
      expect(serverVersion()?.version).to.equal(2);
      expect(($(el, '[data-key="treatments:tt-metformine:dosage"]') as HTMLInputElement).value).to.equal('Veto');
    });

    it('ticks "no known allergy" as an explicit statement, only when no allergy is listed', async () => {
      const { el } = await mount();
      await openEditor(el);
      const box = $(el, '[data-key="allergiesNoneKnown"]') as HTMLInputElement;
      expect(box.disabled).to.equal(true);
      for (const id of ['al-penicillines', 'al-codeine']) {
        $(el, `[data-entry="${id}"] [data-action="remove"]`).click();
        await el.updateComplete;
      }
      expect(box.disabled).to.equal(false);
      box.click();
      await el.updateComplete;
      $(el, '[data-action="save"]').click();
      await waitUntil(() => serverVersion()?.version === 3);
      expect(serverVersion()?.content.allergiesNoneKnown).to.equal(true);
      expect(serverVersion()?.content.allergies).to.deep.equal([]);
    });

    it('sends trimmed values, as the schema gives them', async () => {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'problems:pb-hta:label', '  HTA essentielle  ');
      $(el, '[data-action="save"]').click();
      await waitUntil(() => serverVersion()?.version === 3);
      expect(serverVersion()?.content.problems[0]?.label).to.equal('HTA essentielle');
    });

    it('reloads when another element reports a change of the synthesis', async () => {
      const { el, provider } = await mount('ps-bernard');
      db.syntheses.set(INS, [...(db.syntheses.get(INS) ?? []), { ...SYNTHESIS_V2, version: 3, etag: '"x"', content: SYNTHESIS_CONTENT_V1 }]);
      provider.notifyDataChanged(['synthesis'], INS);
      await waitUntil(() => shadowText(el).includes('Version 3, mise à jour'), 'the element did not reload');
      expect(shadowText(el)).to.contain('ZOLTUM');
    });
  });

  describe('validation as the user types', () => {
    it('shows "end before start" next to the end date and blocks the save', async () => {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-ramipril:startDate', '2020-05-01');
      const end = await fill(el, 'treatments:tt-ramipril:endDate', '2020-01-01');
      expect(end.getAttribute('aria-invalid')).to.equal('true');
      expect(errorFor(el, 'treatments:tt-ramipril:endDate')).to.equal('La date de fin précède la date de début.');
      const save = $(el, '[data-action="save"]');
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      expect(shadowText(el)).to.contain('1 champ à corriger avant d’enregistrer.');
      save.click();
      await el.updateComplete;
      expect(serverVersion()?.version).to.equal(2);
      await fill(el, 'treatments:tt-ramipril:endDate', '2021-01-01');
      expect(errorFor(el, 'treatments:tt-ramipril:endDate')).to.equal('');
      expect(save.getAttribute('aria-disabled')).to.equal('false');
    });

    it('keeps what is typed as typed: a new reaction line, a space between words, a date whose day is retyped', async () => {
      const { el } = await mount();
      await openEditor(el);
      const reactions = $(el, '[data-key="allergies:al-codeine:reactions"]') as HTMLTextAreaElement;
      reactions.focus();
      reactions.setSelectionRange(reactions.value.length, reactions.value.length);
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: 'X' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: 'Céphalées intenses' });
      await el.updateComplete;
      expect(reactions.value).to.equal('Nausées\nVomissements\nCéphalées intenses');
      const date = $(el, '[data-key="allergies:al-codeine:startDate"]') as HTMLInputElement;
      await eraseFirstDatePart(date, el);
      expect(date.validity.badInput, 'the other parts were cleared').to.equal(true);
      await sendKeys({ type: '12' });
      await el.updateComplete;
      const retyped = date.value;
      expect(retypedDates('2017-01-10', '12')).to.include(retyped);
      $(el, '[data-action="save"]').click();
      await waitUntil(() => serverVersion()?.version === 3, 'never saved');
      const codeine = serverVersion()!.content.allergies.find((a) => a.id === 'al-codeine')!;
      expect(codeine.reactions).to.deep.equal(['Nausées', 'Vomissements', 'Céphalées intenses']);
      expect(codeine.startDate).to.equal(retyped);
    });

    it('says a half-typed date is invalid and blocks the save until it is fixed or its entry removed', async () => {
      const { el } = await mount();
      await openEditor(el);
      const key = 'riskFactors:rf-amiante:startDate';
      const start = $(el, `[data-key="${key}"]`) as HTMLInputElement;
      start.focus();
      await sendKeys({ type: '12' });
      start.blur();
      await el.updateComplete;
      expect(start.validity.badInput).to.equal(true);
      expect(errorFor(el, key)).to.equal('Date invalide');
      expect($(el, '[data-action="save"]').getAttribute('aria-disabled')).to.equal('true');
      $(el, '[data-entry="rf-amiante"] [data-action="remove"]').click();
      await el.updateComplete;
      expect($(el, '[data-action="save"]').getAttribute('aria-disabled')).to.equal('false');
    });

    it('says a required field is missing once left, in French and in English', async () => {
      for (const [locale, message] of [
        ['fr', 'Champ requis'],
        ['en', 'Required field'],
      ] as const) {
        const { el } = await mount('ps-martin', INS, locale);
        await openEditor(el);
        await fill(el, 'treatments:tt-kardegic:dosage', '   ');
        expect(errorFor(el, 'treatments:tt-kardegic:dosage')).to.equal(message);
      }
    });

    it('writes the length a text may not pass as a number of the user’s language', async () => {
      for (const [locale, message] of [
        ['fr', `${(10000).toLocaleString('fr-FR')} caractères au plus`],
        ['en', '10,000 characters at most'],
      ] as const) {
        const { el } = await mount('ps-martin', INS, locale);
        await openEditor(el);
        await fill(el, 'narrative', 'x'.repeat(10001));
        expect(errorFor(el, 'narrative')).to.equal(message);
      }
    });

    it('keeps a CIM-10 code typed and not picked in its field, says so, and saves only once it is picked or cleared', async () => {
      const { el } = await mount();
      await openEditor(el);
      const key = 'problems:pb-hta:code';
      const field = await typeOver(el, key, 'X99');
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(field.value, 'the typed text').to.equal('X99');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(errorFor(el, key)).to.equal('Aucun code choisi : choisissez-en un dans la liste, ou videz le champ.');
      $(el, '[data-action="save"]').click();
      await waitUntil(() => root(el).activeElement === field, 'focus did not go to the field');
      expect(serverVersion()?.version).to.equal(2);
      field.select();
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(errorFor(el, key)).to.equal('');
      await saveAndWait(el, 3);
      expect(serverVersion()!.content.problems.find((p) => p.id === 'pb-hta')?.code).to.equal(undefined);
    });

    it('counts a code typed and not picked as an edit: the editor no longer closes on it, it offers to discard it', async () => {
      const { el } = await mount();
      await openEditor(el);
      const has = (action: string) => root(el).querySelector(`[data-action="${action}"]`) !== null;
      expect(has('close'), 'a close button before any edit').to.equal(true);
      await typeOver(el, 'problems:pb-hta:code', 'X99');
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(has('close'), 'a close button').to.equal(false);
      expect(has('discard'), 'a discard button').to.equal(true);
      expect($(el, '[data-action="save"]').getAttribute('aria-disabled')).to.equal('true');
    });

    it('judges a CIM-10 text once its list closes, even after a Save showed every problem', async () => {
      const { el } = await mount();
      await openEditor(el);
      const key = 'problems:pb-hta:code';
      const field = await typeOver(el, key, 'X99');
      await sendKeys({ press: 'Tab' });
      $(el, '[data-action="save"]').click();
      await waitUntil(() => root(el).activeElement === field, 'focus did not go to the refused field');
      await typeOver(el, key, 'diab');
      await el.updateComplete;
      expect(errorFor(el, key), 'while typing').to.equal('');
      expect(field.getAttribute('aria-invalid')).to.equal('false');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(errorFor(el, key), 'once the list closed').to.equal('Aucun code choisi : choisissez-en un dans la liste, ou videz le champ.');
    });

    it('takes back the code the entry had when the text typed over it is that code again', async () => {
      const { el } = await mount();
      await openEditor(el);
      const key = 'problems:pb-hta:code';
      const field = $(el, `[data-key="${key}"]`) as HTMLInputElement;
      const shown = field.value;
      await typeOver(el, key, 'X');
      field.select();
      await sendKeys({ type: shown });
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(field.getAttribute('aria-invalid')).to.equal('false');
      expect($(el, '[data-action="save"]').getAttribute('aria-disabled')).to.equal('false');
    });

    it('reveals the problems of untouched fields on a save attempt and focuses the first', async () => {
      const { el } = await mount();
      await openEditor(el);
      button(el, 'Ajouter une vaccination').click();
      await el.updateComplete;
      const vaccine = [...root(el).querySelectorAll('[data-key^="vaccinations:"][data-key$=":vaccine"]')].at(-1)!;
      const key = vaccine.getAttribute('data-key')!;
      expect(errorFor(el, key)).to.equal('');
      $(el, '[data-action="save"]').click();
      await el.updateComplete;
      expect(errorFor(el, key)).to.equal('Champ requis');
      expect(errorFor(el, key.replace(':vaccine', ':date'))).to.equal('Champ requis');
      await waitUntil(() => root(el).activeElement === vaccine);
      expect(serverVersion()?.version).to.equal(2);
    });
  });

  describe('coded fields (combobox)', () => {
    it('suggests CIM-10 codes by label, accent-insensitive, and picks one with the keyboard', async () => {
      const { el } = await mount();
      await openEditor(el);
      button(el, 'Ajouter un problème ou antécédent').click();
      await el.updateComplete;
      const combos = [...root(el).querySelectorAll<HTMLInputElement>('[role="combobox"][data-key^="problems:"][data-key$=":code"]')];
      const combo = combos[combos.length - 1]!;
      expect(combo.value).to.equal('');
      combo.focus();
      await sendKeys({ type: 'epilepsie' });
      await waitUntil(() => combo.getAttribute('aria-expanded') === 'true', 'no suggestions');
      const listbox = root(el).getElementById(combo.getAttribute('aria-controls')!)!;
      expect(listbox.getAttribute('role')).to.equal('listbox');
      expect(listbox.textContent).to.contain('G40.9');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const active = combo.getAttribute('aria-activedescendant')!;
      expect(root(el).getElementById(active)?.getAttribute('aria-selected')).to.equal('true');
      // Windows high contrast: the suggestion Enter picks takes the system's highlight.
      await emulateMedia({ forcedColors: 'active' });
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.background = 'Highlight';
      const highlight = getComputedStyle(probe).backgroundColor;
      probe.remove();
      const options = [...listbox.querySelectorAll<HTMLElement>('[role="option"]')];
      expect(options.map((o) => getComputedStyle(o).backgroundColor === highlight)).to.deep.equal(options.map((o) => o.id === active));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(combo.getAttribute('aria-expanded')).to.equal('false');
      expect(combo.value).to.equal('G40.9 — Épilepsie, sans précision');
      const labelKey = combo.getAttribute('data-key')!.replace(':code', ':label');
      expect(($(el, `[data-key="${labelKey}"]`) as HTMLInputElement).value).to.equal('Épilepsie, sans précision');
      $(el, '[data-action="save"]').click();
      await waitUntil(() => serverVersion()?.version === 3);
      expect(serverVersion()?.content.problems.at(-1)?.code).to.deep.equal({ system: 'CIM-10', code: 'G40.9', label: 'Épilepsie, sans précision' });
    });

    it('marks the code lists’ French labels as French in the English interface', async () => {
      const { el } = await mount('ps-martin', INS, 'en');
      await openEditor(el);
      const combo = await typeOver(el, 'treatments:tt-kardegic:drug', 'ventoline');
      await waitUntil(() => combo.getAttribute('aria-expanded') === 'true', 'no suggestions');
      const option = root(el).querySelector<HTMLElement>('[role="option"]')!;
      expect(option.querySelector('[lang="fr"]')?.textContent).to.contain('VENTOLINE');
    });

    it('keeps the suggestion the arrows reach in sight in a list taller than its box', async () => {
      const { el } = await mount();
      await openEditor(el);
      button(el, 'Ajouter un problème ou antécédent').click();
      await el.updateComplete;
      const combo = [...root(el).querySelectorAll<HTMLInputElement>('[role="combobox"][data-key^="problems:"][data-key$=":code"]')].at(-1)!;
      combo.focus();
      await sendKeys({ type: 'diab' });
      await waitUntil(() => combo.getAttribute('aria-expanded') === 'true', 'no suggestions');
      const listbox = root(el).getElementById(combo.getAttribute('aria-controls')!)!;
      // A narrow column: the box shows two suggestions or so.
      listbox.style.maxHeight = '3rem';
      const options = listbox.querySelectorAll('[role="option"]');
      expect(options.length).to.be.greaterThan(3);
      for (let i = 0; i < options.length - 1; i++) await sendKeys({ press: 'ArrowDown' });
      const active = root(el).getElementById(combo.getAttribute('aria-activedescendant')!)!;
      const inSight = () => {
        const box = listbox.getBoundingClientRect();
        const option = active.getBoundingClientRect();
        return option.top >= box.top - 1 && option.bottom <= box.bottom + 1;
      };
      await waitUntil(inSight, 'the active suggestion is out of sight');
    });

    it('finds a drug by name or CIS and records its CIS and ATC codes; Escape closes the list', async () => {
      const { el } = await mount();
      await openEditor(el);
      const combo = await typeOver(el, 'treatments:tt-kardegic:drug', 'ventoline');
      await waitUntil(() => combo.getAttribute('aria-expanded') === 'true');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(combo.getAttribute('aria-expanded')).to.equal('false');
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => combo.getAttribute('aria-expanded') === 'true');
      const option = root(el).querySelector<HTMLElement>('[role="option"]')!;
      option.click();
      await el.updateComplete;
      expect(combo.value).to.contain('VENTOLINE 100 microgrammes');
      expect(shadowText(el)).to.contain('Code CIS : 64720167');
      expect(shadowText(el)).to.contain('Code ATC : R03AC02');
    });

    it('keeps the CIM-10 text typed when Escape closes the list, flagged as not picked, as leaving the field does', async () => {
      const { el } = await mount();
      await openEditor(el);
      const key = 'problems:pb-hta:code';
      const combo = await typeOver(el, key, 'diab');
      await waitUntil(() => combo.getAttribute('aria-expanded') === 'true', 'no suggestions');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(combo.getAttribute('aria-expanded')).to.equal('false');
      expect(combo.value, 'the typed text').to.equal('diab');
      expect(root(el).activeElement === combo, 'focus left the field').to.equal(true);
      expect(combo.getAttribute('aria-invalid')).to.equal('true');
      expect(errorFor(el, key)).to.equal('Aucun code choisi : choisissez-en un dans la liste, ou videz le champ.');
    });

    it('searches the bundled lists by code or label, without accents, case or hyphens', () => {
      expect(searchCodes('cim10', 'diabete')[0]?.label).to.match(/^Diabète/);
      expect(searchCodes('cim10', 'e11')[0]?.code).to.equal('E11.9');
      expect(searchCodes('cim10', 'oedeme').map((o) => o.code)).to.include.members(['R60.0', 'T78.3']);
      expect(searchCodes('cim10', 'gastro-oesophagien').map((o) => o.code)).to.include.members(['K21.0', 'K21.9']);
      expect(searchCodes('cim10', 'gougerot-sjogren').map((o) => o.code)).to.deep.equal(['M35.0']);
      expect(searchCodes('drugs', '61599041')[0]?.label).to.contain('RAMIPRIL');
      expect(searchCodes('drugs', 'c09aa05').map((o) => o.code)).to.include('61599041');
      expect(searchCodes('drugs', '')).to.deep.equal([]);
    });
  });

  describe('keyboard: add, reorder and remove entries without a mouse', () => {
    it('moves an entry with its buttons; focus follows the entry', async () => {
      const { el } = await mount();
      await openEditor(el);
      const down = $(el, '[data-entry="pb-hta"] [data-action="down"]');
      expect(down.getAttribute('aria-label')).to.equal('Descendre Problème 1 : Hypertension artérielle essentielle');
      down.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const ids = () => [...root(el).querySelectorAll('fieldset[data-entry^="pb-"]')].map((f) => f.getAttribute('data-entry'));
      expect(ids().slice(0, 2)).to.deep.equal(['pb-diabete', 'pb-hta']);
      await waitUntil(() => root(el).activeElement === $(el, '[data-entry="pb-hta"] [data-action="down"]'));
      expect(shadowText(el)).to.contain('Entrée déplacée en position 2 sur 6.');
      await sendKeys({ press: 'Shift+Tab' });
      expect(root(el).activeElement).to.equal($(el, '[data-entry="pb-hta"] [data-action="up"]'));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(ids().slice(0, 2)).to.deep.equal(['pb-hta', 'pb-diabete']);
      // At the top the "up" button is disabled: focus moves to "down" of the same entry.
      await waitUntil(() => root(el).activeElement === $(el, '[data-entry="pb-hta"] [data-action="down"]'));
    });

    it('says nothing of a new entry’s empty field until the user has left it or pressed Save', async () => {
      const { el } = await mount();
      await openEditor(el);
      button(el, 'Ajouter un point de vigilance').click();
      await el.updateComplete;
      const summary = $(el, '.actions .summary');
      // Save cannot succeed yet, but no field says why: the live region says nothing either.
      expect($(el, '[data-action="save"]').getAttribute('aria-disabled')).to.equal('true');
      expect(summary.textContent!.trim()).to.equal('');
      $(el, '[data-action="save"]').click();
      await waitUntil(() => summary.textContent!.includes('1 champ à corriger avant d’enregistrer.'), 'Save did not say what to correct');
      // Said once, by the summary that changed: not by the element's announcer too.
      expect($(el, '#announcer').textContent).not.to.contain('à corriger');
      // Pressed again, the summary stays as it is: the announcer says it again.
      $(el, '[data-action="save"]').click();
      await waitUntil(() => $(el, '#announcer').textContent!.includes('1 champ à corriger avant d’enregistrer.'), 'Save pressed again said nothing');
    });

    it('adds an entry (focus in its first field) and removes one (focus to the next)', async () => {
      const { el } = await mount();
      await openEditor(el);
      const add = button(el, 'Ajouter un point de vigilance');
      add.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await waitUntil(() => root(el).activeElement?.getAttribute('data-key')?.startsWith('pointsToWatch:w-'));
      await sendKeys({ type: 'Insuffisance rénale débutante' });
      $(el, '[data-entry="w-chute"] [data-action="remove"]').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(root(el).querySelector('[data-entry="w-chute"]')).to.equal(null);
      await waitUntil(() => root(el).activeElement === $(el, '[data-key="pointsToWatch:w-amiante:label"]'));
      $(el, '[data-action="save"]').click();
      await waitUntil(() => serverVersion()?.version === 3);
      const labels = serverVersion()!.content.pointsToWatch.map((w) => w.label);
      expect(labels).to.include('Insuffisance rénale débutante');
      expect(labels.some((l) => l.startsWith('Risque de chute'))).to.equal(false);
    });

    it('says a second removal again: the live region gets a new text, though the words are the same', async () => {
      const { el } = await mount();
      await openEditor(el);
      const said = () => spokenText($(el, 'p.sr-only[role="status"]'));
      $(el, '[data-entry="w-chute"] [data-action="remove"]').click();
      await el.updateComplete;
      const first = said();
      expect(first?.textContent).to.equal('Entrée retirée.');
      $(el, '[data-entry="w-amiante"] [data-action="remove"]').click();
      await el.updateComplete;
      // Screen readers speak text added to a live region; a text left as it was is not spoken again.
      expect(first!.isConnected, 'the first removal’s text is still the one in the live region').to.equal(false);
      expect(said()?.textContent).to.equal('Entrée retirée.');
    });
  });

  describe('drafts', () => {
    it('keeps unsaved edits across a reload: restored for their author, with an event', async () => {
      const first = await mount();
      await openEditor(first.el);
      await fill(first.el, 'treatments:tt-metformine:dosage', 'Brouillon : 2 comprimés');
      await waitUntil(async () => (await readDraft(draftKey('professional:ps-martin', INS))) !== undefined, 'no draft was written');
      const stored = await readDraft<SynthesisContent>(draftKey('professional:ps-martin', INS));
      expect(stored?.baseEtag).to.equal(etagOf(serverVersion()!));
      expect(stored?.baseVersion).to.equal(2);
      first.provider.remove();

      const restored = oneEvent(document, 'dmp-draft-restored');
      const second = await mount();
      const event = await restored;
      expect(event.detail).to.include({ ins: INS, baseVersion: 2 });
      const dosage = $(second.el, '[data-key="treatments:tt-metformine:dosage"]') as HTMLInputElement;
      expect(dosage.value).to.equal('Brouillon : 2 comprimés');
      expect(shadowText(second.el)).to.contain('Brouillon non enregistré repris');
    });

    it('keeps a CIM-10 text typed and not picked in the draft: back in its field after a reload, and still not saved', async () => {
      const key = 'problems:pb-hta:code';
      const first = await mount();
      await openEditor(first.el);
      await typeOver(first.el, key, 'X99');
      // The page goes while the user is still in the field.
      first.provider.remove();
      await waitUntil(
        async () => JSON.stringify((await readDraft<SynthesisContent>(draftKey('professional:ps-martin', INS)))?.content.problems.find((p) => p.id === 'pb-hta')?.code).includes('X99'),
        'the text typed is not in the draft',
      );
      const { el } = await mount();
      const field = $(el, `[data-key="${key}"]`) as HTMLInputElement;
      expect(field.value).to.equal('X99');
      $(el, '[data-action="save"]').click();
      await waitUntil(() => root(el).activeElement === field, 'focus did not go to the field');
      expect(errorFor(el, key)).to.equal('Aucun code choisi : choisissez-en un dans la liste, ou videz le champ.');
      expect(serverVersion()?.version).to.equal(2);
    });

    it('keeps a CIM-10 text not picked through a merge: in its field after it, still refused', async () => {
      const content = { ...structuredClone(SYNTHESIS_CONTENT_V1), ...PREVENTION_DURAND.content };
      const hta = content.problems.find((p) => p.id === 'pb-hta')!;
      hta.code = { ...hta.code!, typed: 'Hypertension grave' } as typeof hta.code;
      await writeDraft(draftKey('professional:ps-martin', INS), { content, baseEtag: '"vsm-1-old"', baseVersion: 1, savedAt: '2026-11-19T08:00:00.000Z', companion: PREVENTION_BASE });
      const { el } = await mount();
      await waitUntil(() => root(el).querySelector('.conflict'), 'no conflict panel');
      $(el, '[data-action="merge"]').click();
      await el.updateComplete;
      const key = 'problems:pb-hta:code';
      expect(($(el, `[data-key="${key}"]`) as HTMLInputElement).value).to.equal('Hypertension grave');
      $(el, '[data-action="save"]').click();
      await waitUntil(() => errorFor(el, key) !== '', 'the text was not refused');
      expect(serverVersion()?.version).to.equal(2);
    });

    it('takes the INS spelled another way (with spaces) as the same patient: the edits stay, nothing is read again, the draft is the patient’s', async () => {
      const spaced = INS.replace(/^(\d)(\d\d)(\d\d)(\d\d)(\d{3})(\d{3})(\d\d)$/, '$1 $2 $3 $4 $5 $6 $7');
      const { el } = await mount('ps-martin', spaced);
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Saisi sous une autre graphie');
      let reads = 0;
      const count = ({ request }: { request: Request }) => {
        if (request.method === 'GET' && new URL(request.url).pathname.endsWith('/synthesis')) reads += 1;
      };
      worker.events.on('request:start', count);
      try {
        el.patientIns = INS;
        await el.updateComplete;
        expect(root(el).querySelector('.skeleton') === null, 'loaded again as another patient').to.equal(true);
        await aTimeout(300);
      } finally {
        worker.events.removeListener('request:start', count);
      }
      expect(reads).to.equal(0);
      expect(($(el, '[data-key="treatments:tt-metformine:dosage"]') as HTMLInputElement).value).to.equal('Saisi sous une autre graphie');
      await waitUntil(
        async () => (await readDraft<SynthesisContent>(draftKey('professional:ps-martin', INS)))?.content.treatments[0]?.dosage === 'Saisi sous une autre graphie',
        'the draft is not under the patient’s key',
      );
    });

    it('writes the draft at once when the element goes away, before the debounce', async () => {
      const { el, provider } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Fermeture brutale');
      provider.remove();
      await waitUntil(async () => (await readDraft<SynthesisContent>(draftKey('professional:ps-martin', INS)))?.content.treatments[0]?.dosage === 'Fermeture brutale');
    });

    it('writes the draft when the session expires, shows no patient data, and restores it after login', async () => {
      const { el, provider } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Avant expiration');
      const expired = oneEvent(provider, 'dmp-session-expired');
      provider.sessionTimeout = 0.2;
      await expired;
      await el.updateComplete;
      expect(shadowText(el)).to.contain('Session expirée');
      expect(shadowText(el)).not.to.contain('METFORMINE');
      await waitUntil(async () => (await readDraft<SynthesisContent>(draftKey('professional:ps-martin', INS)))?.content.treatments[0]?.dosage === 'Avant expiration');
      provider.remove();
      const again = await mount();
      expect(($(again.el, '[data-key="treatments:tt-metformine:dosage"]') as HTMLInputElement).value).to.equal('Avant expiration');
    });

    it('shows a draft only to its author', async () => {
      const ins = PATIENT_MINOR.identity.ins;
      const content = { ...emptySynthesisContent(), ...emptyPreventionContent(), pointsToWatch: [{ id: 'w-secret', label: 'Brouillon du Dr Martin' }] };
      await writeDraft(draftKey('professional:ps-martin', ins), { content, baseEtag: null, baseVersion: null, savedAt: '2026-11-20T08:00:00.000Z' });
      const other = await mount('ps-lefebvre', ins);
      expect(shadowText(other.el)).not.to.contain('Brouillon du Dr Martin');
      expect(root(other.el).querySelector('.editor')).to.equal(null);
      const author = await mount('ps-martin', ins);
      expect(($(author.el, '[data-key="pointsToWatch:w-secret:label"]') as HTMLInputElement).value).to.equal('Brouillon du Dr Martin');
    });

    it('discards a draft only on an explicit, confirmed request', async () => {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'À jeter');
      const discard = $(el, '[data-action="discard"]');
      discard.click();
      const dialog = $(el, 'dialog') as HTMLDialogElement;
      await waitUntil(() => dialog.open);
      (dialog.querySelector('button[value="cancel"]') as HTMLButtonElement).click();
      await waitUntil(() => !dialog.open && root(el).activeElement === discard, 'focus did not return to the trigger');
      expect(($(el, '[data-key="treatments:tt-metformine:dosage"]') as HTMLInputElement).value).to.equal('À jeter');
      discard.click();
      await waitUntil(() => dialog.open);
      (dialog.querySelector('button[value="confirm"]') as HTMLButtonElement).click();
      await waitUntil(() => root(el).querySelector('.editor') === null);
      expect(shadowText(el)).to.contain('1 comprimé matin et soir, au milieu des repas');
      expect(await readDraft(draftKey('professional:ps-martin', INS))).to.equal(undefined);
      await waitUntil(() => root(el).activeElement === $(el, '[data-action="edit"]'));
    });

    it('opens the confirmation on Cancel: Enter pressed once more keeps the edits', async () => {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'À garder');
      const discard = $(el, '[data-action="discard"]');
      discard.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = $(el, 'dialog') as HTMLDialogElement;
      await waitUntil(() => dialog.open, 'the confirmation never opened');
      expect(root(el).activeElement?.textContent?.trim()).to.equal('Annuler');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !dialog.open && root(el).activeElement === discard, 'focus did not return to the trigger');
      expect(($(el, '[data-key="treatments:tt-metformine:dosage"]') as HTMLInputElement).value).to.equal('À garder');
    });

    it('reopens a draft whose version was replaced meanwhile straight into the conflict panel', async () => {
      const content = { ...structuredClone(SYNTHESIS_CONTENT_V1), ...PREVENTION_DURAND.content };
      content.pointsToWatch.push({ id: 'w-draft', label: 'Ajout du brouillon' });
      await writeDraft(draftKey('professional:ps-martin', INS), { content, baseEtag: '"vsm-1-old"', baseVersion: 1, savedAt: '2026-11-19T08:00:00.000Z', companion: PREVENTION_BASE });
      const conflict = oneEvent(document, 'dmp-synthesis-conflict');
      const { el } = await mount();
      expect((await conflict).detail.current.version).to.equal(2);
      await waitUntil(() => root(el).querySelector('.conflict'));
      $(el, '[data-action="merge"]').click();
      await el.updateComplete;
      $(el, '[data-action="save"]').click();
      await waitUntil(() => serverVersion()?.version === 3);
      const saved = serverVersion()!.content;
      // The server's changes since version 1 are kept, and so is the draft's addition.
      expect(saved.problems.map((p) => p.id)).to.include('pb-gonarthrose');
      expect(saved.treatments.map((t) => t.id)).not.to.include('tt-omeprazole');
      expect(saved.pointsToWatch.map((w) => w.id)).to.include('w-draft');
    });
    it('does not merge a draft as if from nothing when its starting version cannot be fetched: every difference is the user’s to pick', async () => {
      db.faults.add({ method: 'GET', path: '/synthesis/versions/1$', status: 404 });
      const content = { ...structuredClone(SYNTHESIS_CONTENT_V1), ...PREVENTION_DURAND.content };
      content.pointsToWatch.push({ id: 'w-draft', label: 'Ajout du brouillon' });
      await writeDraft(draftKey('professional:ps-martin', INS), { content, baseEtag: '"vsm-1-old"', baseVersion: 1, savedAt: '2026-11-19T08:00:00.000Z', companion: PREVENTION_BASE });
      const { el } = await mount();
      await waitUntil(() => root(el).querySelector('.conflict'), 'no conflict panel');
      expect($(el, '.conflict').textContent).to.contain('n’a pas pu être chargée');
      // Version 2 added a problem, changed a treatment and removed another; the draft added a
      // point to watch: four differences, none settled behind the user's back.
      const picks = [...root(el).querySelectorAll('.conflict fieldset.pick')];
      expect(picks).to.have.length(4);
      for (const pick of picks) pick.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]!.click();
      await el.updateComplete;
      $(el, '[data-action="merge"]').click();
      await el.updateComplete;
      $(el, '[data-action="save"]').click();
      await waitUntil(() => serverVersion()?.version === 3);
      expect(diffSynthesis(SYNTHESIS_CONTENT_V2, serverVersion()!.content).entries).to.deep.equal([]);
    });
  });

  describe('concurrent edits (412)', () => {
    async function twoEditors() {
      const a = await mount();
      const b = await mount();
      await openEditor(a.el);
      await openEditor(b.el);
      return { a: a.el, b: b.el };
    }

    /** A saves version 3; B, who edited the kardegic's dosage on version 2, saves and meets the conflict. */
    async function conflictForB(): Promise<{ a: DmpSynthesisEditor; b: DmpSynthesisEditor }> {
      const { a, b } = await twoEditors();
      await fill(a, 'treatments:tt-metformine:dosage', 'Dose de A');
      await saveAndWait(a, 3);
      await fill(b, 'treatments:tt-kardegic:dosage', 'Dose de B');
      $(b, '[data-action="save"]').click();
      await waitUntil(() => root(b).querySelector('.conflict [data-action="overwrite"]'), 'no conflict panel');
      return { a, b };
    }

    /** Answers yes in B's confirmation dialog, once open; returns the dialog's text. */
    async function confirmIn(b: DmpSynthesisEditor): Promise<string> {
      const dialog = $(b, 'dialog') as HTMLDialogElement;
      await waitUntil(() => dialog.open, 'the confirmation dialog never opened');
      const text = dialog.textContent ?? '';
      (dialog.querySelector('button[value="confirm"]') as HTMLButtonElement).click();
      return text;
    }

    it('shows what changed on the server, keeps the edits, and merges both', async () => {
      const { a, b } = await twoEditors();
      await fill(a, 'treatments:tt-metformine:dosage', 'Dose de A');
      await saveAndWait(a, 3);
      await fill(b, 'pointsToWatch:w-chute:label', 'Changement de B');
      const conflict = oneEvent(b, 'dmp-synthesis-conflict');
      $(b, '[data-action="save"]').click();
      const event = await conflict;
      expect(event.detail.ins).to.equal(INS);
      expect(event.detail.current.version).to.equal(3);
      expect(event.detail.mine.pointsToWatch.find((w: { id: string }) => w.id === 'w-chute')?.label).to.equal('Changement de B');
      await waitUntil(() => root(b).querySelector('.conflict'));
      const panel = $(b, '.conflict');
      expect(panel.textContent).to.contain('Version 3 enregistrée le');
      expect(panel.querySelector('.change--changed')?.textContent).to.contain('Posologie : 1 comprimé matin et soir, au milieu des repas → Dose de A');
      expect(($(b, '[data-key="pointsToWatch:w-chute:label"]') as HTMLInputElement).value).to.equal('Changement de B');
      expect(serverVersion()?.version).to.equal(3);
      $(b, '[data-action="merge"]').click();
      await b.updateComplete;
      expect(($(b, '[data-key="treatments:tt-metformine:dosage"]') as HTMLInputElement).value).to.equal('Dose de A');
      await saveAndWait(b, 4);
      const saved = serverVersion()!.content;
      expect(saved.treatments.find((t) => t.id === 'tt-metformine')?.dosage).to.equal('Dose de A');
      expect(saved.pointsToWatch.find((w) => w.id === 'w-chute')?.label).to.equal('Changement de B');
      await expect(b).to.be.accessible();
    });

    it('lets the user pick a side where both changed the same entry', async () => {
      const { a, b } = await twoEditors();
      await fill(a, 'treatments:tt-metformine:dosage', 'Dose de A');
      await saveAndWait(a, 3);
      await fill(b, 'treatments:tt-metformine:dosage', 'Dose de B');
      $(b, '[data-action="save"]').click();
      await waitUntil(() => root(b).querySelector('.conflict fieldset.pick'));
      const pick = $(b, '.conflict fieldset.pick');
      expect(pick.textContent).to.contain('Dose de A');
      expect(pick.textContent).to.contain('Dose de B');
      const radios = pick.querySelectorAll<HTMLInputElement>('input[type="radio"]');
      expect(radios[0]!.checked).to.equal(true);
      radios[1]!.click();
      await b.updateComplete;
      $(b, '[data-action="merge"]').click();
      await b.updateComplete;
      expect(($(b, '[data-key="treatments:tt-metformine:dosage"]') as HTMLInputElement).value).to.equal('Dose de A');
    });

    it('overwrites the server version only when the user confirms it', async () => {
      const { b } = await conflictForB();
      $(b, '[data-action="overwrite"]').click();
      expect(await confirmIn(b)).to.contain('Remplacer la version 3');
      await waitUntil(() => serverVersion()?.version === 4);
      const saved = serverVersion()!.content;
      expect(saved.treatments.find((t) => t.id === 'tt-kardegic')?.dosage).to.equal('Dose de B');
      expect(saved.treatments.find((t) => t.id === 'tt-metformine')?.dosage).to.equal('1 comprimé matin et soir, au milieu des repas');
    });

    it('holds the conflict panel while the overwrite is on its way: merging or discarding then cannot undo what is being saved', async () => {
      const { b } = await conflictForB();
      db.faults.add({ method: 'PUT', path: '/synthesis', latencyMs: 800, times: 1 });
      $(b, '[data-action="overwrite"]').click();
      await confirmIn(b);
      await waitUntil(() => $(b, '.conflict').getAttribute('aria-busy') === 'true', 'the panel never showed the save under way');
      const panel = $(b, '.conflict');
      expect($(b, '.conflict-body').inert).to.equal(true);
      // The focus, on Overwrite pressed, is not dropped to the page: the line saying the save is on its way has it.
      await waitUntil(() => root(b).activeElement === $(b, '.conflict-saving'), 'the focus was lost while saving');
      expect($(b, '.conflict-saving').textContent).to.contain('Enregistrement de votre version…');
      // A script's click reaches an inert control: it does nothing either.
      for (const action of ['merge', 'discard', 'overwrite']) $(b, `.conflict [data-action="${action}"]`).click();
      await b.updateComplete;
      expect(($(b, 'dialog') as HTMLDialogElement).open).to.equal(false);
      // Merging would have taken in A's dose and closed the panel before the save answered.
      expect(root(b).querySelector('.conflict')).to.equal(panel);
      expect(($(b, '[data-key="treatments:tt-metformine:dosage"]') as HTMLInputElement).value).not.to.equal('Dose de A');
      expect(($(b, '[data-key="treatments:tt-kardegic:dosage"]') as HTMLInputElement).value).to.equal('Dose de B');
      await waitUntil(() => serverVersion()?.version === 4, 'the overwrite never reached the server');
      await waitUntil(() => root(b).querySelector('.conflict') === null, 'the conflict stayed after the overwrite');
      expect(serverVersion()!.content.treatments.find((t) => t.id === 'tt-kardegic')?.dosage).to.equal('Dose de B');
      expect(shadowText(b)).to.contain('Version 4');
    });

    it('says the overwrite most likely happened when the server accepted it but answered unreadably', async () => {
      const { b } = await conflictForB();
      worker.use(http.put('*/api/dmp/v1/dossiers/:ins/synthesis', () => HttpResponse.json({ version: 'quatre' })));
      $(b, '[data-action="overwrite"]').click();
      await confirmIn(b);
      await waitUntil(() => root(b).querySelector('.conflict .save-error'), 'the overwrite’s failure was never shown');
      expect($(b, '.conflict .save-error').textContent)
        .to.contain('a sans doute eu lieu')
        .and.contain('Vérifiez-le avant de réessayer')
        .and.not.contain('Réponse invalide du serveur');
    });

    it('focuses the overwrite’s failure, which is thus read once: it is no live region too', async () => {
      const { b } = await conflictForB();
      db.faults.add({ method: 'PUT', path: '/synthesis', network: true });
      $(b, '[data-action="overwrite"]').click();
      await confirmIn(b);
      await waitUntil(() => root(b).activeElement?.matches('.conflict .save-error'), 'focus did not go to the overwrite’s failure');
      const error = $(b, '.conflict .save-error');
      expect(error.textContent).to.contain('Vous semblez hors ligne');
      expect(error.closest('[role="alert"], [role="status"], [aria-live]')?.outerHTML ?? null).to.equal(null);
    });

    it('shows the version the conflict brought once the user discards over it, and edits from it', async () => {
      const { b } = await conflictForB();
      $(b, '.conflict [data-action="discard"]').click();
      await confirmIn(b);
      await waitUntil(() => root(b).querySelector('.conflict') === null && root(b).querySelector('.editor') === null, 'the edits were not discarded');
      expect(shadowText(b)).to.contain('Version 3').and.contain('Dose de A').and.not.contain('Dose de B');
      await openEditor(b);
      await fill(b, 'treatments:tt-kardegic:dosage', 'Dose de B, sur la version 3');
      await saveAndWait(b, 4);
      expect(serverVersion()!.content.treatments.find((t) => t.id === 'tt-metformine')?.dosage).to.equal('Dose de A');
    });

    it('keeps the version just saved on screen when a reload that read the server before the save answers after it', async () => {
      const { el, provider } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Dose enregistrée pendant un rechargement');
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let asked = false;
      worker.use(
        http.get(
          '*/api/dmp/v1/dossiers/:ins/synthesis',
          async () => {
            // The server as it was when the reload asked: version 2.
            const before = serverVersion()!;
            asked = true;
            await held;
            return HttpResponse.json({ ...before, etag: etagOf(before) }, { headers: { ETag: etagOf(before) } });
          },
          { once: true },
        ),
      );
      provider.notifyDataChanged(['documents'], INS);
      await waitUntil(() => asked, 'the reload never read the synthesis');
      await saveAndWait(el, 3);
      await waitUntil(() => shadowText(el).includes('Version 3 enregistrée'), 'the save was never announced');
      release();
      await aTimeout(300);
      await waitUntil(() => isLoaded(el));
      expect(shadowText(el)).to.contain('Version 3').and.contain('Dose enregistrée pendant un rechargement');
      expect(root(el).querySelector('.editor'), 'the editor reopened on a draft of what was saved').to.equal(null);
    });

    it('does not take a conflict answered after a logout as the next sitting’s', async () => {
      const { el, provider } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Dose avant la déconnexion');
      const versions = db.syntheses.get(INS)!;
      versions.push({ ...structuredClone(versions.at(-1)!), version: 3, documentId: 'doc-vsm-elsewhere' });
      const { asked, release } = holdSaves();
      let conflicts = 0;
      el.addEventListener('dmp-synthesis-conflict', () => (conflicts += 1));
      $(el, '[data-action="save"]').click();
      await waitUntil(asked, 'the save was never sent');
      provider.logout();
      provider.resume();
      release();
      await waitUntil(() => isLoaded(el), 'the next sitting never loaded');
      await aTimeout(300);
      expect(conflicts, 'conflict events after the logout').to.equal(0);
      expect(root(el).querySelector('.conflict'), 'a conflict panel for the next sitting').to.equal(null);
      expect(shadowText(el)).not.to.contain('Dose avant la déconnexion');
    });

    it('shows the version saved by a save answered after a logout, once the same user is back', async () => {
      const { el, provider } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Dose enregistrée pendant la déconnexion');
      const { asked, release } = holdSaves();
      $(el, '[data-action="save"]').click();
      await waitUntil(asked, 'the save was never sent');
      await provider.logout();
      provider.resume();
      await waitUntil(() => isLoaded(el), 'the editor never came back');
      release();
      await waitUntil(() => serverVersion()?.version === 3, 'the save never reached the server');
      await waitUntil(() => shadowText(el).includes('Version 3,'), 'the editor never showed the version saved');
    });

    it('asks the host before overwriting too, and writes nothing when it says no', async () => {
      const { b } = await conflictForB();
      let asked = 0;
      // The first save went through to its conflict; the overwrite is vetoed.
      b.addEventListener('dmp-synthesis-save-request', (event) => {
        asked += 1;
        event.preventDefault();
      });
      $(b, '[data-action="overwrite"]').click();
      await confirmIn(b);
      await waitUntil(() => asked === 1, 'the host was not asked before the overwrite');
      await b.updateComplete;
      expect(serverVersion()?.version).to.equal(3);
      expect(root(b).querySelector('.conflict'), 'the conflict stays open').to.exist;
    });
  });

  describe('prevention: its own documents, beside the synthesis (DECISIONS.md 1)', () => {
    const VACCINE = 'vaccinations:vac-grippe-2024:lot';

    function serverPrevention(ins = INS) {
      return db.prevention.get(ins)?.at(-1);
    }

    it('shows the vaccinations and screenings of their own documents, and saves a change to them alone', async () => {
      db.syntheses.set(INS, [{ ...SYNTHESIS_V2, content: { ...SYNTHESIS_CONTENT_V2 } }]);
      const { el } = await mount();
      expect(shadowText(el)).to.contain('Zona (vaccin recombinant), 2e dose').and.contain('Mammographie de dépistage organisé');
      await openEditor(el);
      await fill(el, VACCINE, 'LOT-2026');
      await fill(el, 'vaccinations:vac-grippe-2024:nextDue', '2025-10-15');
      let synthesisSaved = false;
      el.addEventListener('dmp-synthesis-saved', () => (synthesisSaved = true));
      const requested = oneEvent(el, 'dmp-synthesis-save-request');
      const saved = oneEvent(el, 'dmp-prevention-saved');
      $(el, '[data-action="save"]').click();
      expect((await requested).detail.prevention.vaccinations.find((v: { id: string }) => v.id === 'vac-grippe-2024')?.lot).to.equal('LOT-2026');
      const event = await saved;
      expect(event.detail.prevention.version).to.equal(2);
      // The VSM did not change: no new version of it, no event for it.
      expect(serverVersion()?.version).to.equal(2);
      expect(synthesisSaved).to.equal(false);
      const record = serverPrevention()!;
      expect(record.content.vaccinations.find((v) => v.id === 'vac-grippe-2024')).to.deep.include({ lot: 'LOT-2026', nextDue: '2025-10-15', administeredBy: 'Marc Dubois, pharmacien' });
      expect(db.findDocument(INS, record.documents.vaccinations!)).to.include({ typeCode: '11369-6', replaces: 'doc-durand-vaccinations' });
      await waitUntil(() => root(el).querySelector('.saved'));
      expect($(el, '.saved').textContent).to.contain('Vaccinations et dépistages enregistrés.').and.not.contain('Version');
    });

    it('loads a VSM saved before the section-1 rule, and saves a vaccination without asking for a VSM version', async () => {
      const older = { ...emptySynthesisContent(), pointsToWatch: [{ id: 'w-old', label: 'Saisi avant la règle' }] };
      db.syntheses.set(INS, [{ ...SYNTHESIS_V2, content: older }]);
      const { el } = await mount();
      expect(shadowText(el)).to.contain('Saisi avant la règle');
      await openEditor(el);
      await fill(el, VACCINE, 'LOT-ANCIEN');
      const saved = oneEvent(el, 'dmp-prevention-saved');
      $(el, '[data-action="save"]').click();
      await saved;
      expect(serverVersion()?.version).to.equal(2);
      expect(serverPrevention()!.content.vaccinations.find((v) => v.id === 'vac-grippe-2024')?.lot).to.equal('LOT-ANCIEN');
      // Changing the VSM itself now writes a version, which must follow the rule.
      await openEditor(el);
      await fill(el, 'pointsToWatch:w-old:label', 'Modifié');
      $(el, '[data-action="save"]').click();
      await el.updateComplete;
      expect(errorFor(el, 'narrative')).to.contain('Requis sans pathologie');
      expect(serverVersion()?.version).to.equal(2);
    });

    it('saves a first vaccination for a patient without a VSM, and writes no VSM', async () => {
      const ins = PATIENT_MASKED.identity.ins;
      const { el } = await mount('ps-martin', ins);
      button(el, 'Rédiger la synthèse').click();
      await waitUntil(() => root(el).querySelector('.editor'));
      button(el, 'Ajouter une vaccination').click();
      await el.updateComplete;
      const vaccine = [...root(el).querySelectorAll('[data-key^="vaccinations:"][data-key$=":vaccine"]')].at(-1)!.getAttribute('data-key')!;
      await fill(el, vaccine, 'DTP (rappel)');
      await fill(el, vaccine.replace(':vaccine', ':date'), '2026-10-02');
      const saved = oneEvent(el, 'dmp-prevention-saved');
      $(el, '[data-action="save"]').click();
      await saved;
      expect(serverVersion(ins)).to.equal(undefined);
      expect(serverPrevention(ins)?.content.vaccinations.map((v) => v.vaccine)).to.deep.equal(['DTP (rappel)']);
    });

    it('saves both when both changed: a VSM version and a new vaccination history', async () => {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Dose nouvelle');
      await fill(el, VACCINE, 'LOT-DEUX');
      const synthesisSaved = oneEvent(el, 'dmp-synthesis-saved');
      const preventionSaved = oneEvent(el, 'dmp-prevention-saved');
      $(el, '[data-action="save"]').click();
      expect((await synthesisSaved).detail.synthesis.version).to.equal(3);
      expect((await preventionSaved).detail.prevention.version).to.equal(2);
      expect(Object.keys(serverVersion()!.content)).not.to.include('vaccinations');
      expect(serverPrevention()!.content.vaccinations.find((v) => v.id === 'vac-grippe-2024')?.lot).to.equal('LOT-DEUX');
      await waitUntil(() => root(el).querySelector('.saved'));
      expect($(el, '.saved').textContent).to.contain('Version 3 enregistrée.').and.contain('Vaccinations et dépistages enregistrés.');
      // Focused, the news is read: no live region besides, which would read it a second time.
      await waitUntil(() => root(el).activeElement === $(el, '.saved'), 'the news did not take the focus');
      expect($(el, '.saved').hasAttribute('role')).to.equal(false);
    });

    it('keeps the VSM saved and the vaccination edits when the second write fails, and the retry writes only what is left', async () => {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Dose sauvée');
      await fill(el, VACCINE, 'LOT-RETENU');
      db.faults.add({ method: 'PUT', path: '/prevention', network: true, times: 1 });
      const synthesisSaved = oneEvent(el, 'dmp-synthesis-saved');
      $(el, '[data-action="save"]').click();
      expect((await synthesisSaved).detail.synthesis.version).to.equal(3);
      await waitUntil(() => root(el).querySelector('.save-error'), 'no save error');
      // The user is told what was saved and what was not, not that nothing was.
      expect($(el, '.save-error').textContent).to.contain('Les vaccinations et dépistages ne sont pas enregistrés.').and.not.contain('La version n’est pas enregistrée');
      expect($(el, '.saved').textContent).to.contain('Version 3 enregistrée.');
      // Not focused (the failure is), the news is said by its live region.
      expect($(el, '.saved').getAttribute('role')).to.equal('status');
      expect(($(el, `[data-key="${VACCINE}"]`) as HTMLInputElement).value).to.equal('LOT-RETENU');
      expect(serverPrevention()!.version).to.equal(1);
      await waitUntil(async () => (await readDraft<EditorContent>(draftKey('professional:ps-martin', INS)))?.baseVersion === 3, 'the draft was not moved onto version 3');
      const preventionSaved = oneEvent(el, 'dmp-prevention-saved');
      $(el, '[data-action="save"]').click();
      await preventionSaved;
      expect(serverVersion()?.version).to.equal(3);
      expect(serverPrevention()!.content.vaccinations.find((v) => v.id === 'vac-grippe-2024')?.lot).to.equal('LOT-RETENU');
    });

    it('meets a change saved meanwhile on another screen as a conflict, and merges it', async () => {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, VACCINE, 'LOT-A');
      // Someone else adds a screening meanwhile.
      const other = new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: () => ({ Authorization: 'Bearer ps-martin' }) });
      const current = (await other.getPrevention(INS))!;
      const screening = { id: 'scr-autre', label: 'Dépistage du cancer du col', date: '2026-11-10' };
      await other.savePrevention(INS, { ...current.content, screenings: [...current.content.screenings, screening] }, current.etag);
      const conflict = oneEvent(el, 'dmp-synthesis-conflict');
      $(el, '[data-action="save"]').click();
      const event = await conflict;
      expect(event.detail.prevention.version).to.equal(2);
      expect(event.detail.current.version).to.equal(2);
      await waitUntil(() => root(el).querySelector('.conflict'));
      expect($(el, '.conflict').textContent).to.contain('Vaccinations et dépistages enregistrés le').and.not.contain('Version 2 enregistrée');
      $(el, '[data-action="merge"]').click();
      await el.updateComplete;
      const saved = oneEvent(el, 'dmp-prevention-saved');
      $(el, '[data-action="save"]').click();
      await saved;
      const record = serverPrevention()!;
      expect(record.version).to.equal(3);
      expect(record.content.screenings.map((x) => x.id)).to.include('scr-autre');
      expect(record.content.vaccinations.find((v) => v.id === 'vac-grippe-2024')?.lot).to.equal('LOT-A');
    });

    it('names both records in the overwrite question when both were saved meanwhile', async () => {
      const first = await mount();
      await openEditor(first.el);
      await fill(first.el, 'treatments:tt-metformine:dosage', 'Ma dose');
      await fill(first.el, VACCINE, 'MON-LOT');
      first.provider.remove();
      await waitUntil(async () => (await readDraft<EditorContent>(draftKey('professional:ps-martin', INS)))?.content.vaccinations.some((v) => v.lot === 'MON-LOT'));
      // Another screen saves both meanwhile.
      const other = new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: () => ({ Authorization: 'Bearer ps-martin' }) });
      const synthesis = (await other.getSynthesis(INS))!;
      await other.saveSynthesis(INS, { ...synthesis.content, narrative: 'Autre poste' }, synthesis.etag);
      const prevention = (await other.getPrevention(INS))!;
      await other.savePrevention(INS, { ...prevention.content, screenings: [] }, prevention.etag);
      const { el } = await mount();
      await waitUntil(() => root(el).querySelector('.conflict'), 'the restored draft did not meet the saves');
      $(el, '[data-action="overwrite"]').click();
      const dialog = $(el, 'dialog') as HTMLDialogElement;
      await waitUntil(() => dialog.open);
      expect(dialog.textContent).to.contain('Remplacer la version 3 de').and.contain('et les vaccinations et dépistages enregistrés par');
    });

    it('meets vaccinations deleted meanwhile as a conflict, and writes them again only when the user confirms it', async () => {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, VACCINE, 'LOT-GARDÉ');
      // The patient deletes both prevention documents from their phone.
      for (const id of Object.values(PREVENTION_DURAND.documents)) db.findDocument(INS, id)!.status = 'deleted';
      const conflicted = oneEvent(el, 'dmp-synthesis-conflict');
      $(el, '[data-action="save"]').click();
      expect((await conflicted).detail.prevention).to.equal(null);
      await waitUntil(() => root(el).querySelector('.conflict'));
      expect($(el, '.conflict').textContent).to.contain('Les vaccinations et dépistages ont été supprimés entre-temps. Vos modifications sont conservées.');
      expect(root(el).querySelector('.save-error')).to.equal(null);
      $(el, '[data-action="overwrite"]').click();
      const dialog = $(el, 'dialog') as HTMLDialogElement;
      await waitUntil(() => dialog.open);
      expect(dialog.textContent).to.contain('Enregistrer votre version à la place de ce qui a été supprimé entre-temps ?');
      const saved = oneEvent(el, 'dmp-prevention-saved');
      (dialog.querySelector('button[value="confirm"]') as HTMLButtonElement).click();
      await saved;
      const record = serverPrevention()!;
      expect(record.content.vaccinations.find((v) => v.id === 'vac-grippe-2024')?.lot).to.equal('LOT-GARDÉ');
      expect(db.findDocument(INS, record.documents.vaccinations!)).to.include({ status: 'current', version: 1 });
    });

    it('restores a draft whose vaccinations were deleted meanwhile into the conflict panel', async () => {
      const first = await mount();
      await openEditor(first.el);
      await fill(first.el, VACCINE, 'LOT-BROUILLON');
      first.provider.remove();
      await waitUntil(async () => (await readDraft<EditorContent>(draftKey('professional:ps-martin', INS)))?.content.vaccinations.some((v) => v.lot === 'LOT-BROUILLON'));
      for (const id of Object.values(PREVENTION_DURAND.documents)) db.findDocument(INS, id)!.status = 'deleted';
      const { el } = await mount();
      await waitUntil(() => root(el).querySelector('.conflict'), 'the restored draft did not meet the deletion');
      expect($(el, '.conflict').textContent).to.contain('Les vaccinations et dépistages ont été supprimés entre-temps.');
    });

    it('shows and saves the VSM when the vaccinations cannot be read, and says why they are missing', async () => {
      db.faults.add({ method: 'GET', path: '/prevention$', status: 503 });
      const { el } = await mount();
      expect(shadowText(el)).to.contain('Vaccinations et dépistages indisponibles').and.contain('METFORMINE');
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
      await openEditor(el);
      expect(root(el).querySelector('[data-key^="vaccinations:"]')).to.equal(null);
      await fill(el, 'treatments:tt-metformine:dosage', 'Sans les vaccinations');
      const before = db.logOf(INS).length;
      let preventionSaved = false;
      el.addEventListener('dmp-prevention-saved', () => (preventionSaved = true));
      const saved = oneEvent(el, 'dmp-synthesis-saved');
      $(el, '[data-action="save"]').click();
      expect((await saved).detail.synthesis.version).to.equal(3);
      // The lists it could not read, it does not write.
      expect(preventionSaved).to.equal(false);
      expect(serverPrevention()!.version).to.equal(PREVENTION_DURAND.version);
      expect(db.logOf(INS).slice(before).map((l) => l.action)).not.to.include.members(['document.add', 'document.replace']);
    });

    it('keeps vaccination edits that can no longer be read: nothing is saved, and the next try saves them', async () => {
      const { el, provider } = await mount();
      await openEditor(el);
      await fill(el, VACCINE, 'LOT-EN-ATTENTE');
      // Another screen changes the documents: the editor reads them again, and the vaccinations fail.
      db.faults.add({ method: 'GET', path: '/prevention$', status: 503, times: 3 });
      provider.notifyDataChanged(['documents'], INS);
      await waitUntil(() => shadowText(el).includes('Vaccinations et dépistages indisponibles'), 'the vaccinations never failed', { timeout: 8000 });
      let saves = 0;
      el.addEventListener('dmp-synthesis-saved', () => saves++);
      el.addEventListener('dmp-prevention-saved', () => saves++);
      $(el, '[data-action="save"]').click();
      await waitUntil(() => root(el).querySelector('.save-error'), 'no save error');
      expect($(el, '.save-error').textContent).to.contain('La version n’est pas enregistrée.').and.contain('conservées sur cet appareil');
      expect([saves, serverVersion()?.version, serverPrevention()!.version]).to.deep.equal([0, 2, PREVENTION_DURAND.version]);
      const draft = await readDraft<EditorContent>(draftKey('professional:ps-martin', INS));
      expect(draft?.content.vaccinations.find((v) => v.id === 'vac-grippe-2024')?.lot).to.equal('LOT-EN-ATTENTE');
      // The save read them again: the next one writes them.
      await waitUntil(() => !shadowText(el).includes('Vaccinations et dépistages indisponibles'), 'the vaccinations were not read again', { timeout: 8000 });
      expect(($(el, `[data-key="${VACCINE}"]`) as HTMLInputElement).value).to.equal('LOT-EN-ATTENTE');
      const preventionSaved = oneEvent(el, 'dmp-prevention-saved');
      $(el, '[data-action="save"]').click();
      await preventionSaved;
      expect(serverPrevention()!.content.vaccinations.find((v) => v.id === 'vac-grippe-2024')?.lot).to.equal('LOT-EN-ATTENTE');
    });

    it('says why the vaccinations are missing when there is no VSM to show either', async () => {
      db.syntheses.delete(INS);
      db.faults.add({ method: 'GET', path: '/prevention$', status: 503 });
      const failed = await mount();
      expect(shadowText(failed.el)).to.contain('Aucun volet de synthèse médicale').and.contain('Vaccinations et dépistages indisponibles');
      failed.provider.remove();
      db.faults.clear();
      db.findDocument(INS, 'doc-durand-vaccinations')!.masked = true;
      const { el } = await mount('ps-dubois');
      expect(shadowText(el)).to.contain(reasonText('masked'));
      await expect(el).to.be.accessible();
    });

    it('tells a professional why the vaccinations are not shown, and keeps them out of their form', async () => {
      db.findDocument(INS, 'doc-durand-vaccinations')!.masked = true;
      const { el } = await mount('ps-dubois');
      const text = shadowText(el);
      expect(text).to.contain(reasonText('masked'));
      expect(text).not.to.contain('Zona (vaccin recombinant)');
      await expect(el).to.be.accessible();
    });
  });

  describe('failures', () => {
    for (const [outcome, fault] of [
      ['saved', {}],
      ['failed', { network: true }],
    ] as const) {
      it(`leaves focus on the host page field the user went to while the save ran (${outcome}); a failure is said in the live region`, async () => {
        const { el } = await mount();
        await openEditor(el);
        await fill(el, 'treatments:tt-metformine:dosage', 'Pendant que je tape ailleurs');
        const field = document.createElement('input');
        field.setAttribute('aria-label', 'Note de l’intranet');
        document.body.append(field);
        try {
          db.faults.add({ method: 'PUT', path: '/synthesis', latencyMs: 300, times: 1, ...fault });
          $(el, '[data-action="save"]').focus();
          $(el, '[data-action="save"]').click();
          field.focus();
          await waitUntil(() => root(el).querySelector(outcome === 'saved' ? '.saved' : '.save-error'), 'the save never ended', { timeout: 8000 });
          await aTimeout(50);
          expect(document.activeElement === field, `focus went to ${document.activeElement?.localName}`).to.equal(true);
          // The error is no live region: the focus it does not take, the element's announcements carry it.
          if (outcome === 'failed') {
            await waitUntil(() => $(el, 'p.sr-only[role="status"]').textContent?.includes('La version n’est pas enregistrée'), 'the error was not said');
            expect($(el, 'p.sr-only[role="status"]').textContent).to.contain('Vous semblez hors ligne');
          }
        } finally {
          field.remove();
        }
      });
    }


    it('keeps what a save answers off the editor once the host shows another patient', async () => {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Pour la patiente A');
      db.faults.add({ method: 'PUT', path: '/synthesis', latencyMs: 300, times: 1 });
      const saved = oneEvent(el, 'dmp-synthesis-saved');
      $(el, '[data-action="save"]').click();
      await aTimeout(50);
      el.patientIns = PATIENT_MASKED.identity.ins;
      await waitUntil(() => isLoaded(el) && shadowText(el).includes('Aucun volet de synthèse médicale'), 'the other patient never loaded');
      // The save still lands where it was asked, and the host hears of it.
      expect((await saved).detail.synthesis.version).to.equal(3);
      expect(serverVersion()?.content.treatments[0]?.dosage).to.equal('Pour la patiente A');
      await el.updateComplete;
      expect(shadowText(el)).not.to.contain('Version 3 enregistrée');
      expect(shadowText(el)).not.to.contain('Metformine');
      expect(shadowText(el)).to.contain('Aucun volet de synthèse médicale n’a encore été rédigé pour ce patient.');
    });

    it('keeps a failed save’s error off the editor once the host shows another patient, and the edits on the device', async () => {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Hors ligne pour A');
      db.faults.add({ method: 'PUT', path: '/synthesis', latencyMs: 300, network: true, times: 1 });
      $(el, '[data-action="save"]').click();
      await aTimeout(50);
      el.patientIns = PATIENT_MASKED.identity.ins;
      await waitUntil(() => isLoaded(el) && shadowText(el).includes('Aucun volet de synthèse médicale'), 'the other patient never loaded');
      await aTimeout(400);
      await el.updateComplete;
      expect(root(el).querySelector('.save-error')).to.equal(null);
      expect((await readDraft<SynthesisContent>(draftKey('professional:ps-martin', INS)))?.content.treatments[0]?.dosage).to.equal('Hors ligne pour A');
      el.patientIns = INS;
      await waitUntil(() => root(el).querySelector('[data-key="treatments:tt-metformine:dosage"]'), 'the draft was never restored');
      expect(($(el, '[data-key="treatments:tt-metformine:dosage"]') as HTMLInputElement).value).to.equal('Hors ligne pour A');
    });

    it('leaves the next patient’s editor usable while the previous patient’s save is on its way, and that save still lands', async () => {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Pour la patiente A');
      db.faults.add({ method: 'PUT', path: '/synthesis', latencyMs: 3000, times: 1 });
      const saved = oneEvent(el, 'dmp-synthesis-saved');
      $(el, '[data-action="save"]').click();
      await waitUntil(() => $(el, '[data-action="save"]').textContent!.includes('Enregistrement…'), 'the save never started');
      el.patientIns = PATIENT_MASKED.identity.ins;
      await waitUntil(() => isLoaded(el) && shadowText(el).includes('Aucun volet de synthèse médicale'), 'the other patient never loaded');
      await el.updateComplete;
      // B's form, still open, is not busy with A's save: nothing in it is inert or disabled.
      expect($(el, '.editor').getAttribute('aria-busy')).to.equal('false');
      expect(root(el).querySelector('.editor [inert]') === null, 'part of the form is inert').to.equal(true);
      expect($(el, '[data-action="save"]').textContent).to.contain('Enregistrer une nouvelle version');
      expect(($(el, '[data-action="close"]') as HTMLButtonElement).disabled).to.equal(false);
      const first = $(el, '.editor [data-key], .editor .add');
      first.focus();
      expect(root(el).activeElement === first, `focus went to ${document.activeElement?.localName}`).to.equal(true);
      expect(serverVersion()?.version).to.equal(2);
      // A's save still lands where it was asked.
      expect((await saved).detail.synthesis.version).to.equal(3);
      expect(serverVersion()?.content.treatments[0]?.dosage).to.equal('Pour la patiente A');
      await el.updateComplete;
      expect(root(el).querySelector('.editor [inert]') === null, 'part of the form is inert').to.equal(true);
      expect(shadowText(el)).not.to.contain('Version 3 enregistrée');
    });

    it('names the patient of a save in its events, though the host shows another patient by the time it is answered', async () => {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Pour la patiente A');
      await fill(el, 'vaccinations:vac-grippe-2024:lot', 'LOT-A');
      const hold = holdSaves();
      const requested = oneEvent(el, 'dmp-synthesis-save-request');
      const saved = oneEvent(el, 'dmp-synthesis-saved');
      const preventionSaved = oneEvent(el, 'dmp-prevention-saved');
      $(el, '[data-action="save"]').click();
      expect((await requested).detail.ins).to.equal(INS);
      await waitUntil(hold.asked, 'the save never left');
      el.patientIns = PATIENT_MASKED.identity.ins;
      await waitUntil(() => isLoaded(el) && shadowText(el).includes('Aucun volet de synthèse médicale'), 'the other patient never loaded');
      hold.release();
      expect((await saved).detail).to.include({ ins: INS });
      expect((await preventionSaved).detail).to.include({ ins: INS });
    });

    it('does not say “not saved” when the server accepted the version but answered unreadably', async () => {
      worker.use(http.put('*/api/dmp/v1/dossiers/:ins/synthesis', () => HttpResponse.json({ version: 'trois' })));
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Réponse illisible');
      $(el, '[data-action="save"]').click();
      await waitUntil(() => root(el).querySelector('.save-error'));
      expect($(el, '.save-error').textContent).to.contain('a sans doute eu lieu').and.not.contain('n’est pas enregistrée');
      expect(($(el, '[data-key="treatments:tt-metformine:dosage"]') as HTMLInputElement).value).to.equal('Réponse illisible');
    });

    it('shows the version as saved when its answer was unreadable but the server holds exactly what was sent', async () => {
      // A gateway that stores the version, then garbles its answer.
      worker.use(
        http.put('*/api/dmp/v1/dossiers/:ins/synthesis', async ({ request }) => {
          const { content } = (await request.json()) as { content: SynthesisContent };
          const versions = db.syntheses.get(INS)!;
          const last = versions.at(-1)!;
          versions.push({ ...structuredClone(last), version: last.version + 1, documentId: `${last.documentId}-next`, content });
          return HttpResponse.json({ version: 'trois' });
        }),
      );
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Enregistré malgré tout');
      const saved = oneEvent(el, 'dmp-synthesis-saved');
      $(el, '[data-action="save"]').click();
      expect((await saved).detail.synthesis.version).to.equal(3);
      await waitUntil(() => root(el).querySelector('.editor') === null, 'the editor stayed open');
      expect(root(el).querySelector('.save-error') === null, 'no save error').to.equal(true);
      expect(shadowText(el)).to.contain('Enregistré malgré tout');
      expect(await readDraft(draftKey('professional:ps-martin', INS))).to.equal(undefined);
    });

    it('keeps the edits when the network fails during the save, and saves on retry', async () => {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Hors ligne');
      db.faults.add({ method: 'PUT', path: '/synthesis', network: true });
      $(el, '[data-action="save"]').click();
      await waitUntil(() => root(el).activeElement?.matches('.save-error'), 'focus did not go to the save error');
      const error = $(el, '.save-error');
      expect(error.textContent).to.contain('Vous semblez hors ligne');
      expect(error.textContent).to.contain('conservées sur cet appareil');
      // Focused, the error is read; a live region would have it read a second time.
      expect(error.closest('[role="alert"], [role="status"], [aria-live]')?.outerHTML ?? null).to.equal(null);
      expect(($(el, '[data-key="treatments:tt-metformine:dosage"]') as HTMLInputElement).value).to.equal('Hors ligne');
      expect((await readDraft<SynthesisContent>(draftKey('professional:ps-martin', INS)))?.content.treatments[0]?.dosage).to.equal('Hors ligne');
      expect(serverVersion()?.version).to.equal(2);
      db.faults.clear();
      $(el, '[data-action="save"]').click();
      await waitUntil(() => serverVersion()?.version === 3);
    });

    it('leaves the focus on Save while the save runs, the fields inert, and Save pressed again sends nothing more', async () => {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Sauvegarde lente');
      db.faults.add({ method: 'PUT', path: '/synthesis', latencyMs: 400, times: 1 });
      let asked = 0;
      el.addEventListener('dmp-synthesis-save-request', () => (asked += 1));
      const save = $(el, '[data-action="save"]');
      save.focus();
      save.click();
      await waitUntil(() => save.textContent!.includes('Enregistrement…'), 'the save never started');
      // Compared as a boolean: chai describing two elements that differ can take minutes.
      expect(root(el).activeElement === save, `focus is on ${root(el).activeElement?.outerHTML.slice(0, 80) ?? document.activeElement?.localName}`).to.equal(true);
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      expect($(el, '[data-key="treatments:tt-metformine:dosage"]').closest('[inert]')).to.not.equal(null);
      save.click();
      await waitUntil(() => root(el).querySelector('.saved'), 'the save never ended', { timeout: 5000 });
      expect(asked).to.equal(1);
      expect(serverVersion()?.version).to.equal(3);
      await waitUntil(() => root(el).activeElement === $(el, '.saved'), 'the news did not take the focus');
    });

    /** An edit saved whose answer the network lost: stored, though the editor shows a failure. */
    async function saveWithAnswerLost(): Promise<DmpSynthesisEditor> {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Réponse perdue');
      db.faults.add({ method: 'PUT', path: '/synthesis', answerLost: true, times: 1 });
      $(el, '[data-action="save"]').click();
      await waitUntil(() => root(el).querySelector('.save-error'), 'no save error', { timeout: 8000 });
      return el;
    }

    it('takes a save whose answer was lost as saved when the retry finds that very version, not as a conflict', async () => {
      const el = await saveWithAnswerLost();
      // Stored, though the browser heard nothing back.
      expect(serverVersion()?.version).to.equal(3);
      const saved = oneEvent(el, 'dmp-synthesis-saved');
      $(el, '[data-action="save"]').click();
      expect((await saved).detail.synthesis.version).to.equal(3);
      await waitUntil(() => root(el).querySelector('.editor') === null, 'the editor stayed open');
      expect(root(el).querySelector('.conflict, .save-error')).to.equal(null);
      expect(serverVersion()?.version).to.equal(3);
      expect(await readDraft(draftKey('professional:ps-martin', INS))).to.equal(undefined);
    });

    it('takes a save whose answer was lost as saved when the retry’s 412 names no version, and the server’s holds what was sent', async () => {
      const el = await saveWithAnswerLost();
      // A gateway that says the version moved on, not which one.
      worker.use(
        http.put('*/api/dmp/v1/dossiers/:ins/synthesis', () =>
          HttpResponse.json({ type: 'about:blank', title: 'Version modifiée', status: 412 }, { status: 412, headers: { 'Content-Type': 'application/problem+json' } }),
        ),
      );
      const saved = oneEvent(el, 'dmp-synthesis-saved');
      $(el, '[data-action="save"]').click();
      expect((await saved).detail.synthesis.version).to.equal(3);
      await waitUntil(() => root(el).querySelector('.editor') === null, 'the editor stayed open');
      expect(root(el).querySelector('.conflict, .save-error') === null, 'a conflict or an error is shown').to.equal(true);
    });

    it('puts a gateway’s refusals under the fields they name, focuses the first and keeps the edits; a field edited since is no longer refused; the other reasons go beside Save', async () => {
      const treatments = serverVersion()!.content.treatments;
      const metformine = treatments.findIndex((t) => t.id === 'tt-metformine');
      const kardegic = treatments.findIndex((t) => t.id === 'tt-kardegic');
      worker.use(
        http.put('*/api/dmp/v1/dossiers/:ins/synthesis', () =>
          HttpResponse.json(
            {
              type: 'about:blank',
              title: 'Requête invalide',
              status: 400,
              invalidParams: [
                { name: `content.treatments.${metformine}.dosage`, reason: 'Posologie refusée par la passerelle.' },
                { name: `/content/treatments/${kardegic}/dosage`, reason: 'Unité inconnue de la passerelle.' },
                { name: 'content.treatments.99.dosage', reason: 'Aucune entrée à cette place.' },
                { name: 'signature', reason: 'Hors du formulaire.' },
              ],
            },
            { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      );
      const { el } = await mount();
      await openEditor(el);
      // Sent trimmed, as typed: the refusal is of what the field shows.
      await fill(el, 'treatments:tt-metformine:dosage', '3 g le matin ');
      await fill(el, 'treatments:tt-kardegic:dosage', '75 mg/j');
      $(el, '[data-action="save"]').click();
      const dosage = '[data-key="treatments:tt-metformine:dosage"]';
      await waitUntil(() => root(el).activeElement?.matches(dosage), 'the focus did not go to the first refused field');
      expect(errorFor(el, 'treatments:tt-metformine:dosage')).to.equal('Posologie refusée par la passerelle.');
      expect(errorFor(el, 'treatments:tt-kardegic:dosage')).to.equal('Unité inconnue de la passerelle.');
      expect($(el, dosage).getAttribute('aria-invalid')).to.equal('true');
      expect(($(el, dosage) as HTMLInputElement).value).to.equal('3 g le matin ');
      expect($(el, '.save-error').textContent)
        .to.contain('La version n’est pas enregistrée')
        .and.contain('Aucune entrée à cette place.')
        .and.contain('Hors du formulaire.')
        .and.contain('conservées sur cet appareil')
        .and.not.contain('Posologie refusée');
      // The focus is on the field: the error beside Save is said in the live region.
      await waitUntil(() => $(el, 'p.sr-only[role="status"]').textContent?.includes('La version n’est pas enregistrée'), 'the error was not said');
      expect(root(el).querySelectorAll('[aria-invalid="true"]').length, 'fields shown as refused').to.equal(2);
      await expect(el).to.be.accessible();
      await fill(el, 'treatments:tt-metformine:dosage', '2 g le matin');
      expect(errorFor(el, 'treatments:tt-metformine:dosage')).to.equal('');
      expect($(el, dosage).getAttribute('aria-invalid')).to.equal('false');
      expect(errorFor(el, 'treatments:tt-kardegic:dosage')).to.equal('Unité inconnue de la passerelle.');
      expect((await readDraft<SynthesisContent>(draftKey('professional:ps-martin', INS)))?.content.treatments.find((t) => t.id === 'tt-kardegic')?.dosage).to.equal('75 mg/j');
      worker.resetHandlers();
      await saveAndWait(el, 3);
      expect(serverVersion()!.content.treatments.find((t) => t.id === 'tt-metformine')?.dosage).to.equal('2 g le matin');
    });

    it('says the edits are not on the device when it cannot keep them, and still brings them back when the host shows this patient again', async () => {
      const { el } = await mount();
      await openEditor(el);
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      try {
        await fill(el, 'treatments:tt-metformine:dosage', 'Sans stockage');
        db.faults.add({ method: 'PUT', path: '/synthesis', network: true });
        $(el, '[data-action="save"]').click();
        await waitUntil(() => root(el).querySelector('.save-error'));
        expect($(el, '.save-error').textContent).to.contain('pas sur cet appareil').and.not.contain('conservées sur cet appareil');
        expect(($(el, '[data-key="treatments:tt-metformine:dosage"]') as HTMLInputElement).value).to.equal('Sans stockage');
        db.faults.clear();
        el.patientIns = PATIENT_MASKED.identity.ins;
        await waitUntil(() => isLoaded(el) && shadowText(el).includes('Aucun volet de synthèse médicale'), 'the other patient never loaded');
        el.patientIns = INS;
        await waitUntil(() => root(el).querySelector('[data-key="treatments:tt-metformine:dosage"]'), 'the edits were never brought back', { timeout: 8000 });
        expect(($(el, '[data-key="treatments:tt-metformine:dosage"]') as HTMLInputElement).value).to.equal('Sans stockage');
      } finally {
        IDBObjectStore.prototype.put = put;
      }
    });

    it('shows a server error on load with a Retry button that works, keeping focus in the element', async () => {
      // Three tries for the first load, three for the first Retry: the second Retry gets through.
      db.faults.add({ method: 'GET', path: '/synthesis$', status: 500, times: 6 });
      const { el } = await mountInProvider<DmpSynthesisEditor>(html`<dmp-synthesis-editor patient-ins=${INS}></dmp-synthesis-editor>`, 'ps-martin');
      await waitUntil(() => shadowText(el).includes('Impossible d’afficher la synthèse médicale'), 'no error state', { timeout: 8000 });
      expect(root(el).querySelector('[role="alert"]')).to.exist;
      const first = button(el, 'Réessayer');
      first.focus();
      first.click();
      // Failed again: the new Retry button has the focus the old one had.
      await waitUntil(() => root(el).activeElement?.textContent?.trim() === 'Réessayer' && root(el).activeElement !== first, 'focus was lost with the button', { timeout: 8000 });
      button(el, 'Réessayer').click();
      await waitUntil(() => shadowText(el).includes('Version 2, mise à jour'));
      await waitUntil(() => root(el).activeElement?.id === 'title', 'focus did not go to the title');
      await expect(el).to.be.accessible();
    });

    it('offers a Retry when a reload fails, which reads again and keeps focus in the element', async () => {
      const { el, provider } = await mount('ps-bernard');
      db.syntheses.set(INS, [...(db.syntheses.get(INS) ?? []), { ...SYNTHESIS_V2, version: 3, etag: '"x"', content: SYNTHESIS_CONTENT_V1 }]);
      // Three tries for the reload: its Retry gets through.
      db.faults.add({ method: 'GET', path: '/synthesis$', status: 500, times: 3 });
      provider.notifyDataChanged(['synthesis'], INS);
      await waitUntil(() => root(el).querySelector('[role="alert"]')?.textContent?.includes('Le serveur du DMP a rencontré une erreur'), 'the reload did not fail', {
        timeout: 8000,
      });
      db.faults.add({ method: 'GET', path: '/synthesis$', latencyMs: 400, times: 1 });
      const retry = button(el, 'Réessayer');
      retry.focus();
      retry.click();
      await el.updateComplete;
      // While it reloads, the user is on the synthesis, not nowhere.
      expect(root(el).activeElement?.id, 'the focus was lost with the Retry button').to.equal('title');
      await waitUntil(() => shadowText(el).includes('Version 3, mise à jour'), 'the Retry did not reload');
      await waitUntil(() => root(el).activeElement?.id === 'title', 'focus did not go to the title');
      expect(root(el).querySelector('[role="alert"]')?.textContent ?? null).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('takes away a failed reload’s error once a save succeeds', async () => {
      const { el, provider } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Après un rechargement manqué');
      db.faults.add({ method: 'GET', path: '/synthesis$', status: 500, times: 3 });
      provider.notifyDataChanged(['documents'], INS);
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'the reload did not fail', { timeout: 8000 });
      await saveAndWait(el, 3);
      await waitUntil(() => shadowText(el).includes('Version 3 enregistrée'), 'the save was never announced');
      await waitUntil(() => isLoaded(el), 'the editor never settled', { timeout: 8000 });
      expect(root(el).querySelector('[role="alert"]')?.textContent ?? null).to.equal(null);
      expect(shadowText(el)).to.contain('Version 3 enregistrée').and.contain('Après un rechargement manqué');
    });

    it('names an offline load and a malformed answer', async () => {
      db.faults.add({ method: 'GET', path: '/synthesis$', network: true });
      const offline = await mountInProvider<DmpSynthesisEditor>(html`<dmp-synthesis-editor patient-ins=${INS}></dmp-synthesis-editor>`, 'ps-martin');
      await waitUntil(() => shadowText(offline.el).includes('Vous semblez hors ligne'), 'no offline state', { timeout: 8000 });
      db.faults.clear();
      db.faults.add({ method: 'GET', path: '/synthesis$', malformed: 'schema' });
      const malformed = await mountInProvider<DmpSynthesisEditor>(html`<dmp-synthesis-editor patient-ins=${INS}></dmp-synthesis-editor>`, 'ps-martin');
      await waitUntil(() => shadowText(malformed.el).includes('Réponse invalide du serveur'), 'no invalid-response state');
    });
  });

  describe('versions', () => {
    it('lists the versions (author, date) and compares one with the current, entry by entry', async () => {
      const { el } = await mount('ps-bernard');
      const details = $(el, 'details.versions') as HTMLDetailsElement;
      details.open = true;
      await waitUntil(() => root(el).querySelector('.version-list'));
      const items = [...root(el).querySelectorAll('.version-list li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      expect(items).to.have.length(2);
      expect(items[0]).to.contain('Version 2').and.contain('(actuelle)').and.contain(SYNTHESIS_V2.author.name);
      expect(items[1]).to.contain('Version 1');
      $(el, '[data-version="1"]').click();
      await waitUntil(() => root(el).querySelector('.version-view'));
      await waitUntil(() => root(el).activeElement === $(el, '.version-view h3'));
      const view = $(el, '.version-view');
      expect(view.querySelector('.change--added')?.textContent).to.contain('Gonarthrose');
      expect(view.querySelector('.change--removed')?.textContent).to.contain('ZOLTUM');
      expect(view.querySelector('.change--changed')?.textContent).to.contain('METFORMINE BIOGARAN 1000 mg');
      expect(view.querySelectorAll('.change').length).to.equal(3);
      button(el, 'Fermer la comparaison').click();
      await waitUntil(() => root(el).querySelector('.version-view') === null);
      expect(root(el).activeElement).to.equal($(el, '[data-version="1"]'));
    });

    it('keeps the focus on the versions when a Retry takes its failed load away', async () => {
      const { el } = await mount('ps-bernard');
      db.faults.add({ method: 'GET', path: '/synthesis/versions$', status: 503 });
      ($(el, 'details.versions') as HTMLDetailsElement).open = true;
      const retry = () => [...root(el).querySelectorAll<HTMLButtonElement>('.versions button')].find((b) => b.textContent!.includes('Réessayer'));
      await waitUntil(retry, 'the list did not fail');
      db.faults.clear();
      retry()!.focus();
      retry()!.click();
      await waitUntil(() => root(el).querySelector('[data-version="1"]'), 'the retry brought no list');
      expect(root(el).activeElement?.localName, 'the focus was lost with the Retry button').to.equal('summary');
      db.faults.add({ method: 'GET', path: '/synthesis/versions/1$', status: 503 });
      $(el, '[data-version="1"]').click();
      await waitUntil(retry, 'the version did not fail');
      db.faults.clear();
      db.faults.add({ method: 'GET', path: '/synthesis/versions/1$', latencyMs: 400, times: 1 });
      retry()!.focus();
      retry()!.click();
      await el.updateComplete;
      // While it loads again, the user is on the version asked for, not nowhere.
      expect(root(el).activeElement?.getAttribute('data-version'), 'the focus was lost with the Retry button').to.equal('1');
      await waitUntil(() => root(el).querySelector('.version-view h3'), 'the retry brought no version');
      await waitUntil(() => root(el).activeElement === $(el, '.version-view h3'), 'the focus was lost with the Retry button');
    });

    it('keeps the version the user is reading open when a version saved elsewhere reloads the synthesis', async () => {
      const { el, provider } = await mount();
      ($(el, 'details.versions') as HTMLDetailsElement).open = true;
      await waitUntil(() => root(el).querySelector('[data-version="1"]'));
      $(el, '[data-version="1"]').click();
      await waitUntil(() => root(el).querySelector('.version-view'));
      const writer = await mount();
      await openEditor(writer.el);
      await fill(writer.el, 'treatments:tt-metformine:dosage', 'Dose enregistrée ailleurs');
      await saveAndWait(writer.el, 3);
      provider.notifyDataChanged(['synthesis'], INS);
      await waitUntil(() => root(el).querySelector('.version-list')?.textContent?.includes('Version 3'), 'the reader never reloaded');
      await el.updateComplete;
      expect(root(el).querySelector('.version-view h3')?.textContent).to.contain('Version 1');
    });
    it('shows a new user or patient no list read for the previous one, and asks for none before the policy lets them read', async () => {
      const { el, provider } = await mount('ps-bernard');
      const asked: string[] = [];
      const onStart = ({ request }: { request: Request }) => {
        const url = new URL(request.url);
        if (url.pathname.includes('/synthesis/versions')) asked.push(`${request.headers.get('Authorization')} ${url.pathname}`);
      };
      worker.events.on('request:start', onStart);
      try {
        ($(el, 'details.versions') as HTMLDetailsElement).open = true;
        await waitUntil(() => root(el).querySelector('[data-version="1"]'));
        $(el, '[data-version="1"]').click();
        await waitUntil(() => root(el).querySelector('.version-view'));
        // Dr Bernard may not read the minor's dossier: nothing of it is asked for.
        const minor = PATIENT_MINOR.identity.ins;
        asked.length = 0;
        el.patientIns = minor;
        await waitUntil(() => isLoaded(el), 'the other patient never loaded');
        await aTimeout(200);
        expect(asked, 'version requests for a patient the user may not read').to.deep.equal([]);
        expect(root(el).querySelector('.version-list, .version-view'), 'the previous patient’s versions').to.equal(null);
        el.patientIns = INS;
        await waitUntil(() => root(el).querySelector('[data-version="1"]'), 'the list never came back for its patient');
        // Dr Martin reads the same list: under his own name, not Dr Bernard's answer kept.
        asked.length = 0;
        provider.actor = seededActor('ps-martin');
        await waitUntil(() => asked.length > 0 && root(el).querySelector('[data-version="1"]'), 'Dr Martin’s list was never read for him');
        expect(asked).to.deep.equal([`Bearer ps-martin /api/dmp/v1/dossiers/${INS}/synthesis/versions`]);
      } finally {
        worker.events.removeListener('request:start', onStart);
      }
    });
  });

  describe('outside a session', () => {
    it('reads nothing for a patient the host shows after a logout, and reads again once the user is back', async () => {
      const { el, provider } = await mount('ps-martin');
      const asked: string[] = [];
      const onStart = ({ request }: { request: Request }) => {
        const path = new URL(request.url).pathname;
        if (path.startsWith('/api/dmp/v1/')) asked.push(path);
      };
      worker.events.on('request:start', onStart);
      try {
        await provider.logout();
        el.patientIns = PATIENT_MINOR.identity.ins;
        await aTimeout(300);
        expect(asked, 'requests after the logout').to.deep.equal([]);
        provider.resume();
        await waitUntil(() => asked.some((path) => path.endsWith(`${PATIENT_MINOR.identity.ins}/synthesis`)), 'nothing was read once the user was back');
      } finally {
        worker.events.removeListener('request:start', onStart);
      }
    });
  });

  describe('versions after a logout', () => {
    it('reads no list once the user logged out, and again once they are back', async () => {
      const { el, provider } = await mount('ps-martin');
      ($(el, 'details.versions') as HTMLDetailsElement).open = true;
      await waitUntil(() => root(el).querySelector('[data-version="1"]'), 'the list never came');
      const asked: string[] = [];
      const onStart = ({ request }: { request: Request }) => {
        if (new URL(request.url).pathname.endsWith('/synthesis/versions')) asked.push(request.url);
      };
      worker.events.on('request:start', onStart);
      try {
        await provider.logout();
        await aTimeout(300);
        expect(asked, 'version reads after the logout').to.deep.equal([]);
        provider.resume();
        await waitUntil(() => asked.length === 1 && root(el).querySelector('[data-version="1"]'), 'the open list was not read again for the user back');
      } finally {
        worker.events.removeListener('request:start', onStart);
      }
    });
  });

  describe('security', () => {
    it('renders an XSS payload in every text field as text, in the read view, the editor and a comparison', async () => {
      const c = structuredClone(SYNTHESIS_CONTENT_V2);
      const p = c.problems[0]!;
      p.label = XSS;
      p.note = XSS;
      p.code = { system: 'CIM-10', code: 'I10', label: XSS };
      const a = c.allergies[0]!;
      a.agent = XSS;
      a.reactions = [XSS];
      a.note = XSS;
      c.riskFactors[0]!.label = XSS;
      c.riskFactors[0]!.note = XSS;
      c.treatments[0]!.drug = XSS;
      c.treatments[0]!.dosage = XSS;
      c.treatments[0]!.note = XSS;
      const prevention = db.prevention.get(INS)!.at(-1)!.content;
      prevention.vaccinations[0]!.vaccine = XSS;
      prevention.vaccinations[0]!.lot = XSS.slice(0, 40);
      prevention.vaccinations[0]!.dose = XSS.slice(0, 40);
      prevention.screenings[0]!.label = XSS;
      prevention.screenings[0]!.result = XSS;
      c.pointsToWatch[0]!.label = XSS;
      c.pointsToWatch[0]!.note = XSS;
      c.narrative = XSS;
      const all = db.syntheses.get(INS)!;
      db.syntheses.set(INS, [...all, { ...SYNTHESIS_V2, version: 3, author: { name: XSS }, content: c }]);
      const { el } = await mount();
      expect(root(el).querySelector('img')).to.equal(null);
      expect(shadowText(el).split(XSS).length - 1).to.be.at.least(15);
      const details = $(el, 'details.versions') as HTMLDetailsElement;
      details.open = true;
      await waitUntil(() => root(el).querySelector('[data-version="2"]'));
      $(el, '[data-version="2"]').click();
      await waitUntil(() => root(el).querySelector('.version-view .change'));
      await openEditor(el);
      expect(root(el).querySelector('img')).to.equal(null);
      expect(($(el, '[data-key="problems:pb-hta:label"]') as HTMLInputElement).value).to.equal(XSS);
    });
  });

  describe('print', () => {
    it('prints the read view without the buttons, notices or history', async () => {
      const { el } = await mount();
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle($(el, '.toolbar')).display).to.equal('none');
      expect(getComputedStyle($(el, 'details.versions')).display).to.equal('none');
      expect(getComputedStyle($(el, '.read')).display).not.to.equal('none');
      expect(getComputedStyle($(el, '.entry')).breakInside).to.equal('avoid');
    });

    it('prints the edits from the editor and leaves the form as it was, with what is typed and the focus', async () => {
      const { el } = await mount();
      await openEditor(el);
      await fill(el, 'treatments:tt-metformine:dosage', 'Dose imprimée');
      const field = $(el, '[data-key="treatments:tt-metformine:dosage"]') as HTMLInputElement;
      field.focus();
      window.dispatchEvent(new Event('beforeprint'));
      await el.updateComplete;
      // On screen, nothing moves while the print dialog is open.
      expect(getComputedStyle($(el, '.print-only')).display).to.equal('none');
      expect(Boolean(root(el).activeElement === field), 'focus left the field').to.equal(true);
      await emulateMedia({ media: 'print' });
      try {
        expect(getComputedStyle($(el, '.editor')).display).to.equal('none');
        const printed = $(el, '.print-only .read');
        expect(getComputedStyle(printed).display).not.to.equal('none');
        expect(printed.textContent).to.contain('Dose imprimée');
      } finally {
        await emulateMedia({ media: 'screen' });
        window.dispatchEvent(new Event('afterprint'));
        await el.updateComplete;
      }
      expect(root(el).querySelector('.print-only')).to.equal(null);
      expect(field.isConnected, 'the field was drawn again').to.equal(true);
      expect(field.value).to.equal('Dose imprimée');
    });

    it('prints a CIM-10 text not picked yet as such, not as a code', async () => {
      const { el } = await mount();
      await openEditor(el);
      await typeOver(el, 'problems:pb-hta:code', 'X99');
      await sendKeys({ press: 'Tab' });
      window.dispatchEvent(new Event('beforeprint'));
      await el.updateComplete;
      try {
        expect($(el, '.print-only .read').textContent!.replace(/\s+/g, ' ')).to.contain('Code CIM-10 : X99 (aucun code choisi)');
      } finally {
        window.dispatchEvent(new Event('afterprint'));
        await el.updateComplete;
      }
    });
  });
});

/** What the editor holds: the VSM with the vaccinations and screenings beside it. */
const EDITOR_V2: EditorContent = { ...SYNTHESIS_CONTENT_V2, ...PREVENTION_DURAND.content };

describe('synthesis diff and merge (pure)', () => {
  it('compares two versions by entry id: one added, one removed, one changed', () => {
    const diff = diffSynthesis(SYNTHESIS_CONTENT_V1, SYNTHESIS_CONTENT_V2);
    expect(diff.entries.map((c) => [c.kind, c.list, c.id])).to.deep.equal([
      ['added', 'problems', 'pb-gonarthrose'],
      ['changed', 'treatments', 'tt-metformine'],
      ['removed', 'treatments', 'tt-omeprazole'],
    ]);
    expect(diff.entries[1]!.fields).to.have.members(['drug', 'cis', 'dosage', 'note']);
    expect(diff.scalars).to.deep.equal([]);
  });

  it('ignores a reordering and reports statements that changed', () => {
    const moved = { ...EDITOR_V2, problems: [...EDITOR_V2.problems].reverse(), allergiesNoneKnown: true, narrative: 'Texte' };
    const diff = diffSynthesis(EDITOR_V2, moved);
    expect(diff.entries).to.deep.equal([]);
    expect(diff.scalars.map((s) => s.field)).to.deep.equal(['allergiesNoneKnown', 'narrative']);
  });

  it('treats a key holding undefined as absent', () => {
    const withUndefined = structuredClone(EDITOR_V2);
    (withUndefined.problems[0] as Record<string, unknown>).note = undefined;
    expect(diffSynthesis(EDITOR_V2, withUndefined).entries).to.deep.equal([]);
  });

  it('re-applies the user’s changes on the server’s version where the server did not touch them', () => {
    const base = EDITOR_V2;
    const mine = structuredClone(base);
    mine.pointsToWatch.splice(1, 0, { id: 'w-new', label: 'Nouveau' });
    mine.riskFactors = mine.riskFactors.filter((r) => r.id !== 'rf-amiante');
    mine.vaccinations[0]!.lot = 'LOT-MINE';
    const theirs = structuredClone(base);
    theirs.treatments[0]!.dosage = 'Serveur';
    theirs.screenings = [];
    const { content, conflicts } = mergeSynthesis(base, mine, theirs);
    expect(conflicts).to.deep.equal([]);
    expect(content.pointsToWatch.map((w) => w.id)).to.deep.equal(['w-penicillines', 'w-new', 'w-fonction-renale', 'w-chute', 'w-amiante']);
    expect(content.riskFactors.map((r) => r.id)).not.to.include('rf-amiante');
    expect(content.vaccinations[0]!.lot).to.equal('LOT-MINE');
    expect(content.treatments[0]!.dosage).to.equal('Serveur');
    expect(content.screenings).to.deep.equal([]);
  });

  it('turns changes on both sides into conflicts, resolved by the user’s picks', () => {
    const base = EDITOR_V2;
    const mine = structuredClone(base);
    const theirs = structuredClone(base);
    mine.treatments[0]!.dosage = 'Moi';
    theirs.treatments[0]!.dosage = 'Serveur';
    mine.pointsToWatch = mine.pointsToWatch.filter((w) => w.id !== 'w-chute');
    theirs.pointsToWatch.find((w) => w.id === 'w-chute')!.label = 'Modifié sur le serveur';
    mine.narrative = 'Mon texte';
    theirs.narrative = 'Leur texte';
    const result = mergeSynthesis(base, mine, theirs);
    expect(result.conflicts.map((c) => c.key)).to.deep.equal(['treatments:tt-metformine', 'pointsToWatch:w-chute', 'narrative']);
    expect(result.content.treatments[0]!.dosage).to.equal('Serveur');
    const resolved = resolveMerge(result, mine, { 'treatments:tt-metformine': 'mine', 'pointsToWatch:w-chute': 'mine', narrative: 'theirs' });
    expect(resolved.treatments[0]!.dosage).to.equal('Moi');
    expect(resolved.pointsToWatch.map((w) => w.id)).not.to.include('w-chute');
    expect(resolved.narrative).to.equal('Leur texte');
  });

  it('never merges "no known allergy" with an allergy the other side listed', () => {
    const base: EditorContent = { ...emptySynthesisContent(), ...emptyPreventionContent(), allergiesNoneKnown: false };
    const mine = { ...base, allergiesNoneKnown: true };
    const theirs: EditorContent = { ...base, allergies: [{ id: 'al-peni', agent: 'Pénicillines', type: 'allergy', clinicalStatus: 'active', criticality: 'high', certainty: 'confirmed', reactions: [] }] };
    const merged = mergeSynthesis(base, mine, theirs);
    expect(merged.content.allergies.map((a) => a.id)).to.deep.equal(['al-peni']);
    expect(merged.content.allergiesNoneKnown).to.equal(false);
    // The other way round, and whatever side the user picks.
    const other = mergeSynthesis(base, theirs, mine);
    expect([other.content.allergiesNoneKnown, other.content.allergies.length]).to.deep.equal([false, 1]);
    const picked = resolveMerge(other, theirs, Object.fromEntries(other.conflicts.map((c) => [c.key, 'theirs'])));
    expect(picked.allergiesNoneKnown && picked.allergies.length > 0).to.equal(false);
    // And the schema refuses the contradiction, as the server does.
    expect(validateContent({ ...theirs, allergiesNoneKnown: true }).ok).to.equal(false);
  });

  it('without the version the user started from, makes every difference a choice and settles none', () => {
    const mine = structuredClone(EDITOR_V2);
    mine.pointsToWatch = mine.pointsToWatch.filter((w) => w.id !== 'w-chute');
    mine.pointsToWatch.push({ id: 'w-new', label: 'Nouveau' });
    mine.narrative = 'Mon texte';
    const theirs = structuredClone(EDITOR_V2);
    theirs.treatments[0]!.dosage = 'Serveur';
    const result = mergeSynthesis(undefined, mine, theirs);
    expect(result.conflicts.map((c) => c.key)).to.have.members(['pointsToWatch:w-chute', 'pointsToWatch:w-new', 'treatments:tt-metformine', 'narrative']);
    expect(diffSynthesis(theirs, result.content).entries).to.deep.equal([]);
    const mineEverywhere = resolveMerge(result, mine, Object.fromEntries(result.conflicts.map((c) => [c.key, 'mine'])));
    expect(diffSynthesis(mine, mineEverywhere)).to.deep.equal({ entries: [], scalars: [] });
  });

  it('needs no choice when both sides made the same change', () => {
    const mine = structuredClone(EDITOR_V2);
    mine.treatments[0]!.dosage = 'Pareil';
    const theirs = structuredClone(mine);
    expect(mergeSynthesis(EDITOR_V2, mine, theirs).conflicts).to.deep.equal([]);
  });
});

describe('synthesis validation (pure)', () => {
  it('maps zod issues to fields by entry id, with its own codes', () => {
    const content = structuredClone(EDITOR_V2);
    content.treatments[1]!.dosage = ' ';
    content.treatments[2]!.startDate = '2020-05-01';
    content.treatments[2]!.endDate = '2020-01-01';
    content.vaccinations[0]!.date = '';
    content.problems[0]!.note = 'x'.repeat(2001);
    const result = validateContent(content);
    expect(result.ok).to.equal(false);
    expect(Object.fromEntries(result.problems)).to.deep.equal({
      'treatments:tt-ramipril:dosage': { code: 'required' },
      'treatments:tt-amlodipine:endDate': { code: 'end-before-start' },
      'vaccinations:vac-dtp-2023:date': { code: 'required' },
      'problems:pb-hta:note': { code: 'too-long', max: 2000 },
    });
    expect(validateContent(EDITOR_V2).ok).to.equal(true);
  });

  it('asks for the general comment when section 1 is empty, beside the other fields’ problems', () => {
    const content = { ...structuredClone(EDITOR_V2), problems: [], allergies: [], allergiesNoneKnown: false, riskFactors: [], narrative: '' };
    content.treatments[1]!.dosage = ' ';
    const result = validateContent(content);
    expect(Object.fromEntries(result.problems)).to.deep.equal({
      'treatments:tt-ramipril:dosage': { code: 'required' },
      narrative: { code: 'narrative-needed' },
    });
    expect(validateContent({ ...content, allergiesNoneKnown: true }).problems.has('narrative')).to.equal(false);
  });
});
