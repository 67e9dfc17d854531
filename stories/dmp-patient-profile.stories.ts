import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ADULT_PROFILE, ADULT_PROFILE_DOCUMENT_ID, PATIENT_ADULT, PATIENT_MASKED, PATIENT_MINOR, professionalById } from '../mocks/data/index.js';
import { db } from '../mocks/db/store.js';
import { HttpDmpClient } from '../src/client/http-client.js';
import '../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import { ACTOR_OPTIONS, inProvider } from './support.js';

interface Args {
  actor: string;
  locale: 'fr' | 'en';
  patientIns: string;
}

const ADULT = PATIENT_ADULT.identity.ins;
const HOSTILE = '<img src=x onerror=alert(1)>';

function storeProfile(profile: unknown): void {
  db.contents.set(ADULT_PROFILE_DOCUMENT_ID, { mimeType: 'text/plain', body: JSON.stringify(profile) });
}

/** Clicks a control of the element once it is drawn, as a user would. */
async function clickWhenShown(canvasElement: HTMLElement, selector: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const control = canvasElement.querySelector('dmp-patient-profile')?.shadowRoot?.querySelector<HTMLButtonElement>(selector);
    if (control) {
      control.click();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens the edit form once the element has loaded, as a user clicking "Modifier" would. */
const openForm = (canvasElement: HTMLElement) => clickWhenShown(canvasElement, '#edit');

const meta: Meta<Args> = {
  title: 'Elements/dmp-patient-profile',
  component: 'dmp-patient-profile',
  args: { actor: 'pat-durand-jeanne', locale: 'fr', patientIns: ADULT },
  argTypes: {
    actor: { control: 'select', options: ACTOR_OPTIONS },
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
  },
  render: (args) => inProvider(html`<dmp-patient-profile patient-ins=${args.patientIns}></dmp-patient-profile>`, args.actor, args.locale),
};
export default meta;

type Story = StoryObj<Args>;

/** The patient reads her declared information, with her uploaded directives. */
export const PatientView: Story = {};

/** The patient edits: every section of the form. */
export const PatientEditing: Story = {
  play: ({ canvasElement }) => openForm(canvasElement),
};

/** The mother of a minor, who has declared nothing yet. */
export const LegalRepresentativeEmpty: Story = {
  args: { actor: 'rep-moreau-sophie', patientIns: PATIENT_MINOR.identity.ins },
};

/** The médecin traitant reads it, every section marked "declared by the patient". */
export const TreatingPhysicianReadOnly: Story = {
  args: { actor: 'ps-martin' },
};

/** A pharmacist the patient authorized reads it too (the matrix lets pharmacists read it). */
export const PharmacistReadOnly: Story = {
  args: { actor: 'ps-dubois' },
};

/** An opticien the patient authorized: the profession matrix refuses this category. */
export const OpticienRefused: Story = {
  args: { actor: 'ps-fontaine' },
  beforeEach: () => {
    const fontaine = professionalById('ps-fontaine');
    if (fontaine) db.dossiers.get(ADULT)?.authorized.push({ rpps: fontaine.rpps, since: '2026-11-01T10:00:00.000Z' });
  },
};

/** A professional the patient never authorized. */
export const UnauthorizedProfessional: Story = {
  args: { actor: 'ps-morel' },
};

/** The law keeps occupational physicians out, at the existence test already. */
export const OccupationalPhysicianRefused: Story = {
  args: { actor: 'occ-med' },
};

/** The stored information is not JSON: explained, nothing shown, the patient may declare again. */
export const MalformedProfile: Story = {
  args: { actor: 'pat-rousseau-camille', patientIns: PATIENT_MASKED.identity.ins },
};

/** The stored information fails its schema: the fields concerned are named to a professional. */
export const SchemaInvalidProfile: Story = {
  args: { actor: 'ps-martin' },
  beforeEach: () => storeProfile({ ...ADULT_PROFILE, bloodGroup: 'Z' }),
};

/** The host gave no patient. */
export const NoPatient: Story = {
  args: { patientIns: '' },
};

/** The server is slow to answer (the provider's request timeout ends the wait). */
export const Loading: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/documents$', latencyMs: 60_000 });
  },
};

/** A 500 once the client's retries are spent; "try again" works once the fault is gone. */
export const ServerError: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/documents$', status: 500, times: 3 });
  },
};

export const Offline: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/content', network: true, times: 3 });
  },
};

export const InvalidResponse: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/documents$', malformed: 'schema', times: 1 });
  },
};

/** Every save fails: the form keeps what was typed and keeps a draft on this device. */
export const SaveFails: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: '/documents', status: 500 });
  },
  play: ({ canvasElement }) => openForm(canvasElement),
};

/**
 * The patient saved another version from her phone while the form was open here: the save says
 * so, shows that version, and lets her replace it or give up these edits.
 */
export const Conflict: Story = {
  play: async ({ canvasElement }) => {
    await openForm(canvasElement);
    const phone = new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: () => ({ Authorization: 'Bearer pat-durand-jeanne' }) });
    await phone.addDocument(
      ADULT,
      { title: 'Informations de l’usager', typeCode: 'EXPPAT_2', serviceStart: new Date().toISOString(), replaces: ADULT_PROFILE_DOCUMENT_ID },
      new Blob([JSON.stringify({ ...ADULT_PROFILE, bloodGroup: 'A-' })], { type: 'text/plain' }),
    );
    await clickWhenShown(canvasElement, 'form.profile-form [type="submit"]');
  },
};

/** Markup in every text field is shown as text. */
export const HostileText: Story = {
  args: { actor: 'ps-martin' },
  beforeEach: () =>
    storeProfile({
      ...ADULT_PROFILE,
      allergies: [{ id: 'a', agent: HOSTILE, reaction: HOSTILE }],
      treatments: [{ id: 't', name: HOSTILE, dosage: HOSTILE }],
      emergencyContacts: [{ id: 'c', name: HOSTILE, relationship: HOSTILE, phone: '06 39 98 03 03' }],
      trustedPerson: { name: HOSTILE, relationship: HOSTILE },
      advanceDirectives: { text: HOSTILE, writtenOn: '2025-01-01' },
      organDonation: { choice: 'refuse', note: HOSTILE },
    }),
};

export const English: Story = {
  args: { locale: 'en' },
};

export const EnglishEditing: Story = {
  args: { locale: 'en' },
  play: ({ canvasElement }) => openForm(canvasElement),
};

export const EnglishTreatingPhysicianReadOnly: Story = {
  args: { locale: 'en', actor: 'ps-martin' },
};
