import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PATIENT_ADULT, PATIENT_LARGE, PATIENT_MASKED, PATIENT_MINOR, PATIENT_NO_DOSSIER, SEED_NOW } from '../mocks/data/index.js';
import { db } from '../mocks/db/store.js';
import '../src/elements/dmp-document-list/dmp-document-list.js';
import { CATEGORIES } from '../src/model/category.js';
import { DOCUMENT_SORTS, type DocumentSort } from '../src/model/document.js';
import type { PatientDisplay } from '../src/model/patient.js';
import { PROFESSION_CODES } from '../src/policy/profession-codes.js';
import {
  choose,
  elementArgTypes,
  failedRead,
  fill,
  HOLD_MS,
  HOLDING,
  inProvider,
  NO_USER,
  type ProviderOptions,
  RATE_LIMITED,
  said,
  SESSION_EXPIRED,
  sessionWarningShown,
  shown,
  smallPdf,
  UNAUTHORIZED,
} from './support.js';

interface Args {
  actor: string;
  locale: 'fr' | 'en';
  patientIns: string;
  patient: PatientDisplay | undefined;
  query: string | undefined;
  category: string | undefined;
  dateFrom: string | undefined;
  dateTo: string | undefined;
  authorProfession: string | undefined;
  sort: DocumentSort | undefined;
  pageSize: number | undefined;
}

const ADULT = PATIENT_ADULT.identity.ins;
const MASKED = PATIENT_MASKED.identity.ins;
const LARGE = PATIENT_LARGE.identity.ins;
const MINOR = PATIENT_MINOR.identity.ins;
const DOCUMENTS_PATH = '/documents';
const TAG = 'dmp-document-list';

const list = (args: Args) => html`<dmp-document-list
  patient-ins=${args.patientIns}
  .patient=${args.patient}
  query=${ifDefined(args.query)}
  category=${ifDefined(args.category)}
  date-from=${ifDefined(args.dateFrom)}
  date-to=${ifDefined(args.dateTo)}
  author-profession=${ifDefined(args.authorProfession)}
  sort=${ifDefined(args.sort)}
  page-size=${ifDefined(args.pageSize)}
></dmp-document-list>`;

/** The list in a provider with attributes of its own (a session or request timeout). */
const withProvider = (options: ProviderOptions) => (args: Args) => inProvider(list(args), args.actor, args.locale, options);

const ARGS: Args = {
  actor: 'ps-martin',
  locale: 'fr',
  patientIns: ADULT,
  patient: undefined,
  query: undefined,
  category: undefined,
  dateFrom: undefined,
  dateTo: undefined,
  authorProfession: undefined,
  sort: undefined,
  pageSize: undefined,
};

const meta: Meta<Args> = {
  title: 'Elements/dmp-document-list',
  component: TAG,
  args: ARGS,
  argTypes: {
    ...elementArgTypes(TAG, ARGS),
    patient: { control: 'object' },
    query: { control: 'text' },
    category: { control: 'select', options: [undefined, ...CATEGORIES] },
    dateFrom: { control: 'text' },
    dateTo: { control: 'text' },
    authorProfession: { control: 'select', options: [undefined, ...Object.keys(PROFESSION_CODES)] },
    sort: { control: 'select', options: [undefined, ...DOCUMENT_SORTS] },
    pageSize: { control: { type: 'number', min: 1, max: 1000 } },
  },
  // Dates relative to the seed ("submitted ten days ago") read as designed on a fixed clock.
  beforeEach: () => {
    db.setNow(SEED_NOW);
  },
  render: (args) => inProvider(list(args), args.actor, args.locale),
};
export default meta;

type Story = StoryObj<Args>;

// ---------------------------------------------------------------------------------------------
// One dossier (Jeanne Durand) as each kind of user sees it.

/** The médecin traitant sees the whole dossier but the attestation de résidence (told in words). */
export const TreatingPhysician: Story = {};

/** A pharmacist: no imaging, no administrative documents; the list says how many are hidden and why. */
export const Pharmacist: Story = { args: { actor: 'ps-dubois' } };

/** A nurse: no reimbursement history nor administrative documents. */
export const Nurse: Story = { args: { actor: 'ps-petit' } };

/** An optician the patient never authorized: refused, with the reason. */
export const OpticianNotAuthorized: Story = { args: { actor: 'ps-fontaine' } };

/** The patient herself: every document, with mask and delete in each row's actions, and no hidden count. */
export const Patient: Story = { args: { actor: 'pat-durand-jeanne' } };

/** A professional the patient blocked: refused in every mode, médecin traitant or not. */
export const BlockedProfessional: Story = { args: { actor: 'ps-renard' } };

/** An occupational physician: the law gives them no access at all. */
export const OccupationalPhysician: Story = { args: { actor: 'occ-med' } };

/** A person who has no DMP yet: said as a fact, and no list is asked for. */
export const NoDossier: Story = { args: { patientIns: PATIENT_NO_DOSSIER.ins } };

/** Administrative staff: the administrative documents only, and "Ajouter un document" disabled with the reason under it. */
export const AdministrativeStaff: Story = { args: { actor: 'admin-chu' } };

// ---------------------------------------------------------------------------------------------
// Masked documents.

/** Camille Rousseau sees the documents she masked, badged; not the result awaiting its announcement. */
export const PatientWithMaskedDocuments: Story = { args: { actor: 'pat-rousseau-camille', patientIns: MASKED } };

/** Her pharmacist is told two documents are masked by the patient. */
export const PharmacistOnMaskedDossier: Story = { args: { actor: 'ps-dubois', patientIns: MASKED } };

// ---------------------------------------------------------------------------------------------
// A minor's dossier (Léa Moreau).

/** Her mother, her legal representative: the consultation made under Léa's connexion secrète is not sent to her, and nothing says it is missing. */
export const LegalRepresentative: Story = { args: { actor: 'rep-moreau-sophie', patientIns: MINOR } };

/** Léa herself: that consultation is there, badged "Invisible pour les représentants légaux". */
export const MinorPatient: Story = { args: { actor: 'pat-moreau-lea', patientIns: MINOR } };

// ---------------------------------------------------------------------------------------------
// Large dossier, filters and deep links.

/** 10,000 documents: pages of 200, more as the user scrolls; only the rows in view are rendered. */
export const LargeDossier: Story = { args: { patientIns: LARGE, pageSize: 200 } };

/** A deep link: biology results since 2026, oldest first. */
export const DeepLinkedFilters: Story = { args: { category: 'biology', dateFrom: '2026-01-01', sort: 'date-asc' } };

/** A keyword search, accents ignored ("hemoglobine" finds "Hémoglobine"). */
export const KeywordSearch: Story = { args: { query: 'hemoglobine' } };

/** Filters that match nothing. */
export const NoMatch: Story = { args: { query: 'scintigraphie' } };

/** A start date after the end date: said at the dates, as well as by the empty list. */
export const ReversedDates: Story = { args: { dateFrom: '2026-09-30', dateTo: '2026-09-01' } };

// ---------------------------------------------------------------------------------------------
// States.

/** Skeleton rows while the first page loads (the server holds its answer ten minutes here). */
export const Loading: Story = {
  parameters: { provider: HOLDING },
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: DOCUMENTS_PATH, latencyMs: HOLD_MS });
  },
};

/** Pages of 5: the second page fails (after the client's retries), said above "Charger plus de documents". */
export const LoadMoreFails: Story = {
  args: { pageSize: 5 },
  play: async ({ canvasElement }) => {
    const more = await shown<HTMLButtonElement>(canvasElement, TAG, '.more .button[aria-disabled="false"]');
    db.faults.add({ method: 'GET', path: DOCUMENTS_PATH, status: 500, times: 3 });
    more.click();
    await said(canvasElement, TAG, '.more .notice--error');
  },
};

/** A dossier without any document. */
export const Empty: Story = {
  args: { actor: 'pat-durand-jeanne' },
  beforeEach: () => {
    db.documentsOf(ADULT).splice(0);
  },
};

/** The server fails (after the client's own retries): the error, and a retry. */
export const ServerError: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: DOCUMENTS_PATH, status: 500, times: 3 });
  },
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, '.notice--error')),
};

/** No network: "vous semblez hors ligne". */
export const Offline: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: DOCUMENTS_PATH, network: true, times: 3 });
  },
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, '.notice--error')),
};

/** The server answers something that is not a document list. */
export const InvalidResponse: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: DOCUMENTS_PATH, malformed: 'schema', times: 1 });
  },
};

/** The server no longer recognises the user (401): « Le serveur n’a pas reconnu l’utilisateur : reconnectez-vous. » */
export const Unauthorized: Story = failedRead(TAG, DOCUMENTS_PATH, UNAUTHORIZED, '.notice--error');

/** A 429 at each of the client's three tries, each retry after the 1 s it asks: « Trop de demandes : patientez un instant avant de réessayer. » */
export const RateLimited: Story = failedRead(TAG, DOCUMENTS_PATH, RATE_LIMITED, '.notice--error');

/** No answer within the provider's request timeout (1 s here). */
export const Timeout: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: DOCUMENTS_PATH, latencyMs: 3000, times: 1 });
  },
  render: withProvider({ requestTimeout: 1000 }),
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, '.notice--error')),
};

/** The session ended after inactivity (5 s here): no patient data is left on screen. */
export const SessionExpired: Story = SESSION_EXPIRED;

/**
 * The session will end soon for inactivity: the provider warns a minute before (here after 2 s
 * of a 62 s session), and "Rester connecté" keeps it.
 */
export const SessionWarning: Story = {
  render: withProvider({ sessionTimeout: 62, sessionWarning: 60 }),
  play: async ({ canvasElement }) => void (await sessionWarningShown(canvasElement)),
  // On the docs page, in a frame of its own: the warning is modal, and would hold the whole page.
  parameters: { docs: { story: { inline: false, height: '420px' } } },
};

// ---------------------------------------------------------------------------------------------
// Writes: a row's actions, adding a document.

/** Opens the actions of the list's first row, as a click on its "Actions" button would. */
async function openFirstRowActions(canvas: HTMLElement): Promise<HTMLDialogElement> {
  (await shown<HTMLButtonElement>(canvas, TAG, '.body [role="row"] [data-action="actions"]')).click();
  return shown<HTMLDialogElement>(canvas, TAG, '#actions-dialog[open]');
}

/** Opens the add form, fills it (title, type, date, a small PDF) and sends it, as the user would. */
async function addDocument(canvas: HTMLElement): Promise<void> {
  (await shown<HTMLButtonElement>(canvas, TAG, '.add .button--primary')).click();
  const title = await shown<HTMLInputElement>(canvas, TAG, '#add-dialog[open] #add-title');
  const form = title.form!;
  fill(title, 'Compte rendu de consultation de cardiologie');
  const type = form.querySelector<HTMLSelectElement>('#add-typeCode')!;
  // "Compte rendu déposé par le patient" where offered, else the first type offered.
  const options = [...type.options].filter((option) => option.value !== '');
  fill(type, (options.find((option) => option.value === 'DOCPAT03') ?? options[0]!).value);
  fill(form.querySelector<HTMLInputElement>('#add-date')!, '2026-11-10');
  choose(form.querySelector<HTMLInputElement>('#add-file')!, smallPdf());
  form.querySelector<HTMLButtonElement>('[type="submit"]')!.click();
}

/** The patient opens a document's actions: open it, mask it from professionals, delete it. */
export const RowActions: Story = {
  args: { actor: 'pat-durand-jeanne' },
  play: async ({ canvasElement }) => void (await openFirstRowActions(canvasElement)),
};

/** Masking is confirmed by its button in the actions: the document is badged, and the change announced. */
export const Masked: Story = {
  args: { actor: 'pat-durand-jeanne' },
  play: async ({ canvasElement }) => {
    const dialog = await openFirstRowActions(canvasElement);
    dialog.querySelector<HTMLButtonElement>('[data-action="mask"]')!.click();
    await shown(canvasElement, TAG, '.body [role="row"] .badge--masked');
  },
};

/**
 * The biologist who submitted a result kept from the patient (INVISIBLE_PATIENT), on its actions:
 * once it was announced in a consultation, they make it visible to her.
 */
export const RevealToPatient: Story = {
  args: { actor: 'ps-mercier', patientIns: MASKED },
  play: async ({ canvasElement }) => {
    await openFirstRowActions(canvasElement);
    await shown(canvasElement, TAG, '#actions-dialog[open] [data-action="reveal"][aria-disabled="false"]');
  },
};

/** Deleting asks first: "Supprimer ce document ?", Annuler focused. */
export const DeleteConfirmation: Story = {
  args: { actor: 'pat-durand-jeanne' },
  play: async ({ canvasElement }) => {
    const dialog = await openFirstRowActions(canvasElement);
    dialog.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
    await shown(canvasElement, TAG, '#delete-dialog[open]');
  },
};

/** A row's action failed on the server: the reason, above the list (not the error of the list itself). */
function actionFailed(canvas: HTMLElement): Promise<HTMLElement> {
  return said(canvas, TAG, '[part="base"] > .notice--error');
}

/** Masking fails on the server: the document stays unmasked, and the reason is said above the list. */
export const MaskFails: Story = {
  args: { actor: 'pat-durand-jeanne' },
  beforeEach: () => {
    db.faults.add({ method: 'PATCH', path: `${DOCUMENTS_PATH}/`, status: 500, times: 1 });
  },
  play: async ({ canvasElement }) => {
    const dialog = await openFirstRowActions(canvasElement);
    dialog.querySelector<HTMLButtonElement>('[data-action="mask"]')!.click();
    await actionFailed(canvasElement);
  },
};

/** The server masked the document and its answer fails the schema: said above the list, to check before masking again. */
export const MaskAnsweredUnreadably: Story = {
  args: { actor: 'pat-durand-jeanne' },
  beforeEach: () => {
    db.faults.add({ method: 'PATCH', path: `${DOCUMENTS_PATH}/`, malformed: 'schema', times: 1 });
  },
  play: async ({ canvasElement }) => {
    const dialog = await openFirstRowActions(canvasElement);
    dialog.querySelector<HTMLButtonElement>('[data-action="mask"]')!.click();
    await actionFailed(canvasElement);
  },
};

/** The deletion, once confirmed, fails on the server: the row stays, and the reason is said above the list. */
export const DeleteFails: Story = {
  args: { actor: 'pat-durand-jeanne' },
  beforeEach: () => {
    db.faults.add({ method: 'DELETE', path: `${DOCUMENTS_PATH}/`, status: 500, times: 1 });
  },
  play: async ({ canvasElement }) => {
    const dialog = await openFirstRowActions(canvasElement);
    dialog.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
    (await shown<HTMLButtonElement>(canvasElement, TAG, '#delete-dialog[open] [data-action="confirm-delete"]')).click();
    await actionFailed(canvasElement);
  },
};

/** The add form, empty. */
export const AddForm: Story = {
  args: { actor: 'pat-durand-jeanne' },
  play: async ({ canvasElement }) => {
    (await shown<HTMLButtonElement>(canvasElement, TAG, '.add .button--primary')).click();
    await shown(canvasElement, TAG, '#add-dialog[open] #add-title');
  },
};

/** A professional's add form, a type chosen: as its author, they may keep it from the patient until it is announced. */
export const AddFormVisibility: Story = {
  play: async ({ canvasElement }) => {
    (await shown<HTMLButtonElement>(canvasElement, TAG, '.add .button--primary')).click();
    const select = await shown<HTMLSelectElement>(canvasElement, TAG, '#add-dialog[open] #add-typeCode');
    select.value = '11488-4';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await shown(canvasElement, TAG, '#add-dialog[open] #add-invisible-patient');
  },
};

/**
 * A document on its way: the form is locked and the upload's progress shown. (Through the mock's
 * service worker the browser reports no progress until the answer, which comes after 60 s here;
 * the request gives up sooner, after the provider's 15 s without progress.)
 */
export const Uploading: Story = {
  args: { actor: 'pat-durand-jeanne' },
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: DOCUMENTS_PATH, latencyMs: 60_000, status: 503 });
  },
  play: async ({ canvasElement }) => {
    await addDocument(canvasElement);
    await shown(canvasElement, TAG, '.add-form .upload progress');
  },
};

/** Adding a document fails on the server: what was typed stays in the form, with the reason. */
export const AddFails: Story = {
  args: { actor: 'pat-durand-jeanne' },
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: DOCUMENTS_PATH, status: 500 });
  },
  play: async ({ canvasElement }) => {
    await addDocument(canvasElement);
    await said(canvasElement, TAG, '.add-form .form-error');
  },
};

/** The server took the document and its answer fails the schema: said in the form, to check the list before adding it again. */
export const AddAnsweredUnreadably: Story = {
  args: { actor: 'pat-durand-jeanne' },
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: DOCUMENTS_PATH, malformed: 'schema', times: 1 });
  },
  play: async ({ canvasElement }) => {
    await addDocument(canvasElement);
    await said(canvasElement, TAG, '.add-form .form-error');
  },
};

/** "Ajouter" pressed on the empty form: each field says what it lacks, and the focus goes to the title. */
export const AddFormErrors: Story = {
  args: { actor: 'pat-durand-jeanne' },
  play: async ({ canvasElement }) => {
    (await shown<HTMLButtonElement>(canvasElement, TAG, '.add .button--primary')).click();
    const title = await shown<HTMLInputElement>(canvasElement, TAG, '#add-dialog[open] #add-title');
    title.form!.querySelector<HTMLButtonElement>('[type="submit"]')!.click();
    await said(canvasElement, TAG, '#add-file-error');
  },
};

/** The server (a gateway's own limit) refuses the file's size (413): said under the file, what was typed kept. */
export const AddFileTooLarge: Story = {
  args: { actor: 'pat-durand-jeanne' },
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: DOCUMENTS_PATH, status: 413, times: 1 });
  },
  play: async ({ canvasElement }) => {
    await addDocument(canvasElement);
    await said(canvasElement, TAG, '#add-file-error');
  },
};

/** The server refuses the file's format (415): said under the file, what was typed kept. */
export const AddFileTypeRefused: Story = {
  args: { actor: 'pat-durand-jeanne' },
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: DOCUMENTS_PATH, status: 415, times: 1 });
  },
  play: async ({ canvasElement }) => {
    await addDocument(canvasElement);
    await said(canvasElement, TAG, '#add-file-error');
  },
};

// ---------------------------------------------------------------------------------------------
// Locales.

/** The same list in English. */
export const English: Story = { args: { locale: 'en', actor: 'ps-dubois' } };

/** The patient's view in English. */
export const PatientEnglish: Story = { args: { locale: 'en', actor: 'pat-rousseau-camille', patientIns: MASKED } };

export const EnglishServerError: Story = { ...ServerError, args: { locale: 'en' } };

export const EnglishRateLimited: Story = {
  ...failedRead(TAG, DOCUMENTS_PATH, { ...RATE_LIMITED, says: 'Too many requests: wait a moment before trying again.' }, '.notice--error'),
  args: { locale: 'en' },
};

export const EnglishOffline: Story = { ...Offline, args: { locale: 'en' } };

export const EnglishTimeout: Story = { ...Timeout, args: { locale: 'en' } };

export const EnglishSessionWarning: Story = { ...SessionWarning, args: { locale: 'en' } };

export const EnglishAddFails: Story = { ...AddFails, args: { actor: 'pat-durand-jeanne', locale: 'en' } };

export const EnglishDeleteConfirmation: Story = { ...DeleteConfirmation, args: { actor: 'pat-durand-jeanne', locale: 'en' } };

// ---------------------------------------------------------------------------------------------
// What every element shares.

/** Outside a dmp-provider: the element says it needs one, and shows nothing else. */
export const ConfigurationError: Story = { render: (args) => html`<dmp-document-list patient-ins=${args.patientIns}></dmp-document-list>` };

/** In a provider whose host has not set the user (its `actor` property). */
export const NoUser: Story = NO_USER;
