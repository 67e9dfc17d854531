import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PATIENT_ADULT, PATIENT_LARGE, PATIENT_MASKED, PATIENT_NO_DOSSIER, SEED_NOW, actorById } from '../mocks/data/index.js';
import { db } from '../mocks/db/store.js';
import '../src/elements/dmp-document-list/dmp-document-list.js';
import { CATEGORIES } from '../src/model/category.js';
import { DOCUMENT_SORTS, type DocumentSort } from '../src/model/document.js';
import { ACTOR_OPTIONS, inProvider } from './support.js';

interface Args {
  actor: string;
  locale: 'fr' | 'en';
  patientIns: string;
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
const DOCUMENTS_PATH = '/documents';

const list = (args: Args) => html`<dmp-document-list
  patient-ins=${args.patientIns}
  query=${ifDefined(args.query)}
  category=${ifDefined(args.category)}
  date-from=${ifDefined(args.dateFrom)}
  date-to=${ifDefined(args.dateTo)}
  author-profession=${ifDefined(args.authorProfession)}
  sort=${ifDefined(args.sort)}
  page-size=${ifDefined(args.pageSize)}
></dmp-document-list>`;

const meta: Meta<Args> = {
  title: 'Elements/dmp-document-list',
  component: 'dmp-document-list',
  args: {
    actor: 'ps-martin',
    locale: 'fr',
    patientIns: ADULT,
    query: undefined,
    category: undefined,
    dateFrom: undefined,
    dateTo: undefined,
    authorProfession: undefined,
    sort: undefined,
    pageSize: undefined,
  },
  argTypes: {
    actor: { control: 'select', options: ACTOR_OPTIONS },
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    category: { control: 'select', options: [undefined, ...CATEGORIES] },
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

// ---------------------------------------------------------------------------------------------
// Masked documents.

/** Camille Rousseau sees the documents she masked, badged; not the result awaiting its announcement. */
export const PatientWithMaskedDocuments: Story = { args: { actor: 'pat-rousseau-camille', patientIns: MASKED } };

/** Her pharmacist is told two documents are masked by the patient. */
export const PharmacistOnMaskedDossier: Story = { args: { actor: 'ps-dubois', patientIns: MASKED } };

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

// ---------------------------------------------------------------------------------------------
// States.

/** Skeleton rows while the first page loads (the server answers after 10 s here). */
export const Loading: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: DOCUMENTS_PATH, latencyMs: 10_000 });
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
};

/** No network: "vous semblez hors ligne". */
export const Offline: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: DOCUMENTS_PATH, network: true, times: 3 });
  },
};

/** The server answers something that is not a document list. */
export const InvalidResponse: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: DOCUMENTS_PATH, malformed: 'schema', times: 1 });
  },
};

/** No answer within the provider's request timeout (1 s here). */
export const Timeout: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: DOCUMENTS_PATH, latencyMs: 3000, times: 1 });
  },
  render: (args) =>
    html`<dmp-provider base-url="/api/dmp/v1" locale=${args.locale} request-timeout="1000" .actor=${actorById(args.actor)}>${list(args)}</dmp-provider>`,
};

/** Adding a document fails on the server: what was typed stays in the form. */
export const AddFails: Story = {
  args: { actor: 'pat-durand-jeanne' },
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: DOCUMENTS_PATH, status: 500 });
  },
};

/** The session ended after inactivity (5 s here): no patient data is left on screen. */
export const SessionExpired: Story = {
  render: (args) =>
    html`<dmp-provider base-url="/api/dmp/v1" locale=${args.locale} session-timeout="5" .actor=${actorById(args.actor)}>${list(args)}</dmp-provider>`,
};

/**
 * The session will end soon for inactivity: the provider warns a minute before (here after 2 s
 * of a 62 s session), and "Rester connecté" keeps it.
 */
export const SessionWarning: Story = {
  render: (args) =>
    html`<dmp-provider base-url="/api/dmp/v1" locale=${args.locale} session-timeout="62" session-warning="60" .actor=${actorById(args.actor)}>${list(args)}</dmp-provider>`,
};

// ---------------------------------------------------------------------------------------------
// Locales.

/** The same list in English. */
export const English: Story = { args: { locale: 'en', actor: 'ps-dubois' } };

/** The patient's view in English. */
export const PatientEnglish: Story = { args: { locale: 'en', actor: 'pat-rousseau-camille', patientIns: MASKED } };
