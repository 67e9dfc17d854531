import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { http } from 'msw';
import { waitFor } from 'storybook/test';
import {
  DR_LEFEBVRE_TRAITANT,
  PATIENT_ADULT,
  PATIENT_MASKED,
  PATIENT_MINOR,
  PREVENTION_DURAND,
  SYNTHESIS_CONTENT_V1,
  SYNTHESIS_CONTENT_V2,
  SYNTHESIS_V2,
  actorById,
  professionalDisplayName,
} from '../mocks/data/index.js';
import { db } from '../mocks/db/store.js';
import { problem } from '../mocks/handlers/http.js';
import { etagOf } from '../mocks/handlers/synthesis.js';
import { draftAuthor, draftKey, writeDraft } from '../src/drafts/draft-store.js';
import '../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import type { DmpSynthesisEditor } from '../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.element.js';
import type { PatientDisplay } from '../src/model/patient.js';
import type { SynthesisContent } from '../src/model/synthesis.js';
import { elementArgTypes, failedRead, HOLD_MS, HOLDING, inProvider, NO_USER, RATE_LIMITED, said, SESSION_EXPIRED, shown, UNAUTHORIZED } from './support.js';

interface Args {
  actor: string;
  locale: 'fr' | 'en';
  /** The element's heading-level: where its title sits in the page's outline. */
  headingLevel: number | undefined;
  patientIns: string;
  patient: PatientDisplay | undefined;
  editing: boolean;
}

const ADULT = PATIENT_ADULT.identity.ins;
const HOSTILE = '<img src=x onerror=alert(1)>';
const TAG = 'dmp-synthesis-editor';
const ARGS: Args = { actor: 'ps-martin', locale: 'fr', headingLevel: undefined, patientIns: ADULT, patient: undefined, editing: false };

const meta: Meta<Args> = {
  title: 'Elements/dmp-synthesis-editor',
  component: TAG,
  args: ARGS,
  argTypes: {
    ...elementArgTypes(TAG, ARGS),
    headingLevel: { control: { type: 'number', min: 1 } },
    patient: { control: 'object' },
  },
  // The drafts a story writes are kept in IndexedDB; the preview clears them before each story.
  render: (args) =>
    inProvider(
      html`<dmp-synthesis-editor heading-level=${ifDefined(args.headingLevel)} patient-ins=${args.patientIns} .patient=${args.patient} ?editing=${args.editing}></dmp-synthesis-editor>`,
      args.actor,
      args.locale,
    ),
};
export default meta;

type Story = StoryObj<Args>;

/** The element once `selector` is rendered in its shadow root. */
async function element(canvas: HTMLElement, selector: string): Promise<DmpSynthesisEditor> {
  return waitFor(
    () => {
      const el = canvas.querySelector('dmp-synthesis-editor');
      if (!el?.shadowRoot?.querySelector(selector)) throw new Error(`${selector} not rendered yet`);
      return el;
    },
    { timeout: 5000 },
  );
}

async function type(el: DmpSynthesisEditor, key: string, value: string): Promise<void> {
  const control = el.shadowRoot!.querySelector<HTMLInputElement>(`[data-key="${key}"]`)!;
  control.value = value;
  control.dispatchEvent(new Event('input'));
  control.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function editAndSave(canvas: HTMLElement): Promise<void> {
  const el = await element(canvas, '[data-key="treatments:tt-metformine:dosage"]');
  await type(el, 'treatments:tt-metformine:dosage', '1 comprimé matin, midi et soir');
  el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="save"]')!.click();
}

/** A draft on this device started from version 1, which version 2 has replaced since. */
async function writeDraftOverVersion1(): Promise<void> {
  const content = structuredClone(SYNTHESIS_CONTENT_V1);
  content.treatments[0]!.dosage = '1 comprimé matin et soir, pendant le repas';
  content.pointsToWatch.push({ id: 'w-draft', label: 'Hypoglycémies nocturnes signalées en novembre' });
  await writeDraft(DRAFT_KEY, { content, baseEtag: '"vsm-1"', baseVersion: 1, savedAt: '2026-11-19T17:45:00.000Z' });
}

/** Opens the history of versions once the synthesis is shown. */
async function openVersions(canvas: HTMLElement): Promise<DmpSynthesisEditor> {
  const el = await element(canvas, 'details.versions');
  el.shadowRoot!.querySelector<HTMLDetailsElement>('details.versions')!.open = true;
  return el;
}

const MINOR = PATIENT_MINOR.identity.ins;

/** The VSM Dr Lefebvre, her médecin traitant, wrote for Léa Moreau, the minor of the seed (who has none there). */
const MINOR_SYNTHESIS_CONTENT: SynthesisContent = {
  problems: [
    {
      id: 'pb-asthme',
      kind: 'active-problem',
      label: 'Asthme allergique aux acariens',
      code: { system: 'CIM-10', code: 'J45.0', label: 'Asthme à prédominance allergique' },
      status: 'active',
      startDate: '2019-04-15',
    },
  ],
  allergiesNoneKnown: false,
  allergies: [
    {
      id: 'al-arachide',
      agent: 'Arachide',
      type: 'allergy',
      clinicalStatus: 'active',
      criticality: 'high',
      certainty: 'confirmed',
      reactions: ['Urticaire', 'Gêne respiratoire'],
      severity: 'severe',
      startDate: '2016-09-03',
    },
  ],
  riskFactors: [{ id: 'rf-mere-asthme', kind: 'family-history', label: 'Mère : asthme dans l’enfance' }],
  treatments: [
    {
      id: 'tt-salbutamol',
      drug: 'Salbutamol 100 microgrammes/dose, suspension pour inhalation',
      dosage: '2 bouffées en cas de gêne respiratoire',
      status: 'active',
      startDate: '2019-04-15',
    },
    {
      id: 'tt-adrenaline',
      drug: 'Adrénaline 0,15 mg, stylo auto-injecteur',
      dosage: '1 injection dans la cuisse en cas de réaction allergique grave',
      status: 'active',
      startDate: '2016-09-03',
    },
  ],
  pointsToWatch: [{ id: 'w-stylo', label: 'Toujours avoir sur elle ses deux stylos d’adrénaline, y compris au collège' }],
  narrative: 'Asthme bien contrôlé avec le traitement à la demande. Un projet d’accueil individualisé (PAI) est en place au collège.',
};

/** The médecin traitant reads the current version and may edit it. */
export const TreatingPhysician: Story = {};

/** Another médecin, authorized by the patient: a clean read-only view, and why. */
export const ReadOnlyPhysician: Story = { args: { actor: 'ps-bernard' } };

/** A pharmacist reads the synthesis (the profession matrix allows it), read-only. */
export const ReadOnlyPharmacist: Story = { args: { actor: 'ps-dubois' } };

/** The patient reads her synthesis in plain words, without codes. */
export const PatientView: Story = { args: { actor: 'pat-durand-jeanne' } };

/** The patient's view in English. */
export const PatientViewEnglish: Story = { args: { actor: 'pat-durand-jeanne', locale: 'en' } };

/** The law keeps occupational physicians out: refused, with the reason. */
export const OccupationalPhysicianRefused: Story = { args: { actor: 'occ-med' } };

/** A professional the patient blocked, médecin or not: refused, with the reason. */
export const BlockedRefused: Story = { args: { actor: 'ps-renard' } };

/** No synthesis yet: the médecin traitant may write the first version. */
export const Empty: Story = { args: { patientIns: PATIENT_MASKED.identity.ins } };

/** No synthesis yet, as the patient sees it. */
export const EmptyPatientView: Story = { args: { actor: 'pat-rousseau-camille', patientIns: PATIENT_MASKED.identity.ins } };

/** The editor open: every group, coded suggestions, reordering with buttons. */
export const Editing: Story = { args: { editing: true } };

/** The editor in English. */
export const EditingEnglish: Story = { args: { editing: true, locale: 'en' } };

/** An end date before the start date: the reason is shown next to the field, saving is blocked. */
export const Invalid: Story = {
  args: { editing: true },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement, '[data-key="treatments:tt-ramipril:endDate"]');
    await type(el, 'treatments:tt-ramipril:startDate', '2020-05-01');
    await type(el, 'treatments:tt-ramipril:endDate', '2020-01-01');
    await type(el, 'treatments:tt-kardegic:dosage', '');
  },
};

/**
 * A first version with only a point to watch: section 1 (problems, allergies, risk factors) then
 * needs text, and the general comment asks for it.
 */
export const FirstVersionNeedsText: Story = {
  args: { editing: true, patientIns: PATIENT_MASKED.identity.ins },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement, '[data-key="narrative"]');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="save"]')!.click();
    await waitFor(() => {
      if (!el.shadowRoot!.querySelector('#narrative-error')?.textContent?.trim()) throw new Error('no message yet');
    });
  },
};

/** The server is slow to save: the editor is busy and keeps the edits. */
export const Saving: Story = {
  args: { editing: true },
  parameters: { provider: HOLDING },
  beforeEach: () => {
    db.faults.add({ method: 'PUT', path: '/synthesis', latencyMs: HOLD_MS });
  },
  play: ({ canvasElement }) => editAndSave(canvasElement),
};

/** Saved: a new version replaces the previous one, which stays readable in the history. */
export const Saved: Story = {
  args: { editing: true },
  play: ({ canvasElement }) => editAndSave(canvasElement),
};

/** The network drops during the save: the edits stay, on screen and on the device. */
export const SaveOffline: Story = {
  args: { editing: true },
  beforeEach: () => {
    db.faults.add({ method: 'PUT', path: '/synthesis', network: true });
  },
  play: async ({ canvasElement }) => {
    await editAndSave(canvasElement);
    await said(canvasElement, TAG, '.save-error');
  },
};

/** The server took the save and its answer fails the schema: the version is most likely saved, and the user is asked to check before trying again. */
export const SaveAnsweredUnreadably: Story = {
  args: { editing: true },
  beforeEach: () => {
    db.faults.add({ method: 'PUT', path: '/synthesis', malformed: 'schema', times: 1 });
  },
  play: async ({ canvasElement }) => {
    await editAndSave(canvasElement);
    await said(canvasElement, TAG, '.save-error');
  },
};

/** Offline from the start: the load fails, with a Retry button. */
export const Offline: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/synthesis$', network: true });
  },
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, '.load-retry')),
};

/** Where the drafts of the stories' default author, Dr Martin, are kept for the adult patient. */
const DRAFT_KEY = draftKey(draftAuthor(actorById('ps-martin')), ADULT);

/** Unsaved edits found on this device for this author: reopened, with the way to discard them. */
export const DraftRestored: Story = {
  beforeEach: async () => {
    const content = structuredClone(SYNTHESIS_CONTENT_V2);
    content.treatments[0]!.dosage = '1 comprimé matin, midi et soir (brouillon)';
    await writeDraft(DRAFT_KEY, { content, baseEtag: etagOf(SYNTHESIS_V2), baseVersion: 2, savedAt: '2026-11-19T17:45:00.000Z' });
  },
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, 'p.notice.no-print[role="status"]:not(.saved)')),
};

/**
 * Someone saved version 2 while this draft, started from version 1, waited: what changed on the
 * server, then merge or overwrite.
 */
export const Conflict: Story = {
  beforeEach: () => writeDraftOverVersion1(),
  play: async ({ canvasElement }) => void (await shown(canvasElement, TAG, '[part="conflict"]')),
};

/** The user overwrites the other version: while it saves, the panel is inert and a line says so, with the focus. */
export const ConflictOverwriting: Story = {
  parameters: { provider: HOLDING },
  beforeEach: async () => {
    await writeDraftOverVersion1();
    db.faults.add({ method: 'PUT', path: '/synthesis', latencyMs: HOLD_MS });
  },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement, '[data-action="overwrite"]');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="overwrite"]')!.click();
    await element(canvasElement, 'dialog[open]');
    el.shadowRoot!.querySelector<HTMLButtonElement>('dialog button[value="confirm"]')!.click();
    await shown(canvasElement, TAG, '.conflict-saving');
  },
};

/**
 * The same draft, but version 1, where it started, cannot be fetched: nobody's change can be told
 * from the other's, so every difference is the user's to pick.
 */
export const ConflictWithoutItsBase: Story = {
  beforeEach: async () => {
    db.faults.add({ method: 'GET', path: '/synthesis/versions/1$', status: 404 });
    const content = structuredClone(SYNTHESIS_CONTENT_V1);
    content.pointsToWatch.push({ id: 'w-draft', label: 'Hypoglycémies nocturnes signalées en novembre' });
    await writeDraft(DRAFT_KEY, { content, baseEtag: '"vsm-1"', baseVersion: 1, savedAt: '2026-11-19T17:45:00.000Z' });
  },
};

/**
 * The vaccinations and screenings, their own documents, were saved on another screen while this
 * draft added a vaccination: the VSM did not move, the conflict is about them alone.
 */
export const PreventionChangedElsewhere: Story = {
  beforeEach: async () => {
    const { vaccinations, screenings } = structuredClone(PREVENTION_DURAND.content);
    const content = { ...structuredClone(SYNTHESIS_CONTENT_V2), vaccinations, screenings };
    content.vaccinations.push({ id: 'vac-draft', vaccine: 'Grippe saisonnière 2026-2027', date: '2026-11-18', dose: '0,5 mL' });
    const companion = { etag: '"prevention-before"', version: 1, content: { vaccinations: vaccinations.slice(1), screenings } };
    await writeDraft(DRAFT_KEY, { content, baseEtag: etagOf(SYNTHESIS_V2), baseVersion: 2, savedAt: '2026-11-19T17:45:00.000Z', companion });
  },
};

/** The patient masked the vaccination history: a pharmacist reads the synthesis and is told why the vaccinations are not shown. */
export const PreventionMasked: Story = {
  args: { actor: 'ps-dubois' },
  beforeEach: () => {
    db.findDocument(ADULT, PREVENTION_DURAND.documents.vaccinations!)!.masked = true;
  },
};

/** The history of versions, version 1 compared with the current one entry by entry. */
export const VersionsCompared: Story = {
  args: { actor: 'ps-bernard' },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement, 'details.versions');
    el.shadowRoot!.querySelector<HTMLDetailsElement>('details.versions')!.open = true;
    const loaded = await element(canvasElement, '[data-version="1"]');
    loaded.shadowRoot!.querySelector<HTMLButtonElement>('[data-version="1"]')!.click();
  },
};

/** The legal representative of a minor reads her child's synthesis in plain words, without codes. */
export const LegalRepresentativeView: Story = {
  args: { actor: 'rep-moreau-sophie', patientIns: MINOR },
  beforeEach: () => {
    const author = { name: professionalDisplayName(DR_LEFEBVRE_TRAITANT), rpps: DR_LEFEBVRE_TRAITANT.rpps };
    db.syntheses.set(MINOR, [
      { documentId: 'doc-moreau-vsm', version: 1, etag: '"vsm-moreau-1"', author, savedAt: '2026-09-14T16:30:00.000Z', content: MINOR_SYNTHESIS_CONTENT },
    ]);
  },
};

/** A professional the patient never authorized: refused, with the reason. */
export const UnauthorizedProfessional: Story = { args: { actor: 'ps-morel' } };

/** Administrative staff read only the administrative part: refused, with the reason. */
export const AdministrativeStaffRefused: Story = { args: { actor: 'admin-chu' } };

/** The user changed something and asks to abandon it: a dialog asks first. */
export const DiscardConfirmation: Story = {
  args: { editing: true },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement, '[data-key="treatments:tt-metformine:dosage"]');
    await type(el, 'treatments:tt-metformine:dosage', '1 comprimé matin, midi et soir');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="discard"]')!.click();
    await shown(canvasElement, TAG, 'dialog[open]');
  },
};

/**
 * The server refuses the save for a field it names (a 400 listing them): the reason stands under
 * the field, and what it says of a field the form does not draw goes beside the error.
 */
export const SaveRefused: Story = {
  args: { editing: true },
  parameters: {
    msw: [
      http.put('*/api/dmp/v1/dossiers/:ins/synthesis', () =>
        problem(400, 'Le corps de la requête est invalide.', {
          invalidParams: [
            { name: 'content.treatments.0.dosage', reason: 'Posologie refusée : indiquez la dose de chaque prise, en milligrammes.' },
            { name: 'content.treatments.0.cis', reason: 'Code CIS 67346461 inconnu de la base des médicaments du serveur.' },
          ],
        }),
      ),
    ],
  },
  play: async ({ canvasElement }) => {
    await editAndSave(canvasElement);
    await said(canvasElement, TAG, '.save-error');
    await shown(canvasElement, TAG, '[data-key="treatments:tt-metformine:dosage"][aria-invalid="true"]');
  },
};

/** Another screen's change reloads the synthesis and the reload fails: the version shown stays, under the error. */
export const ReloadFails: Story = {
  play: async ({ canvasElement }) => {
    await element(canvasElement, '[data-action="edit"]');
    db.faults.add({ method: 'GET', path: '/synthesis$', status: 500 });
    canvasElement.querySelector('dmp-provider')!.notifyDataChanged(['synthesis'], ADULT);
    await said(canvasElement, TAG, 'article.base > .notice--error[role="alert"]');
  },
};

/** The vaccinations and screenings could not be read (a 500): the synthesis is shown, and why they are not. */
export const PreventionUnavailable: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/prevention$', status: 500 });
  },
  play: async ({ canvasElement }) => void (await shown(canvasElement, TAG, '.read')),
};

/** The history of versions cannot be read (a 500 once the retries are spent), with a Retry button. */
export const VersionsUnavailable: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/synthesis/versions$', status: 500 });
  },
  play: async ({ canvasElement }) => {
    await openVersions(canvasElement);
    await said(canvasElement, TAG, 'details.versions .notice--error');
  },
};

/** Version 1, asked for from the history, cannot be read (a 500): said in its place, with a Retry button. */
export const VersionUnavailable: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/synthesis/versions/1$', status: 500 });
  },
  play: async ({ canvasElement }) => {
    await openVersions(canvasElement);
    const el = await element(canvasElement, '[data-version="1"]');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-version="1"]')!.click();
    await said(canvasElement, TAG, 'details.versions .notice--error');
  },
};

/** The synthesis while the server has not answered (held ten minutes here). */
export const Loading: Story = {
  parameters: { provider: HOLDING },
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/synthesis', latencyMs: HOLD_MS });
  },
};

/** A 500 once the client's retries are spent. */
export const ServerError: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/synthesis$', status: 500, times: 3 });
  },
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, '.load-retry')),
};

/** A body that fails the schema is reported as such, never shown half-parsed. */
export const InvalidResponse: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/synthesis$', malformed: 'schema' });
  },
};

/** The server no longer recognises the user (401): « Le serveur n’a pas reconnu l’utilisateur : reconnectez-vous. » */
export const Unauthorized: Story = failedRead(TAG, '/synthesis$', UNAUTHORIZED, '.notice--error[role="alert"]');

/** A 429 at each of the client's three tries, each retry after the 1 s it asks: « Trop de demandes : patientez un instant avant de réessayer. » */
export const RateLimited: Story = failedRead(TAG, '/synthesis$', RATE_LIMITED, '.notice--error[role="alert"]');

/** Hostile text in every field is shown as text. */
export const HostileText: Story = {
  beforeEach: () => {
    const content = structuredClone(SYNTHESIS_CONTENT_V2);
    content.problems[0]!.label = HOSTILE;
    content.treatments[0]!.dosage = HOSTILE;
    content.pointsToWatch[0]!.label = HOSTILE;
    content.narrative = HOSTILE;
    db.syntheses.set(ADULT, [{ ...SYNTHESIS_V2, content }]);
  },
};

/** The host gave no patient. */
export const NoPatient: Story = { args: { patientIns: '' } };

// ---------------------------------------------------------------------------------------------
// English.

export const EnglishDraftRestored: Story = { ...DraftRestored, args: { locale: 'en' } };

export const EnglishConflict: Story = { ...Conflict, args: { locale: 'en' } };

export const EnglishSaveOffline: Story = { ...SaveOffline, args: { editing: true, locale: 'en' } };

export const EnglishSaveAnsweredUnreadably: Story = { ...SaveAnsweredUnreadably, args: { editing: true, locale: 'en' } };

export const EnglishServerError: Story = { ...ServerError, args: { locale: 'en' } };

export const EnglishOffline: Story = { ...Offline, args: { locale: 'en' } };

// ---------------------------------------------------------------------------------------------
// What every element shares.

/** Outside a dmp-provider: the element says it needs one, and shows nothing else. */
export const ConfigurationError: Story = { render: (args) => html`<dmp-synthesis-editor patient-ins=${args.patientIns}></dmp-synthesis-editor>` };

/** In a provider whose host has not set the user (its `actor` property). */
export const NoUser: Story = NO_USER;

/** The session ended after inactivity (5 s here): no patient data is left on screen. */
export const SessionExpired: Story = SESSION_EXPIRED;
