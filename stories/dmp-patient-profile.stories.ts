import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ADULT_PROFILE, ADULT_PROFILE_DOCUMENT_ID, PATIENT_ADULT, PATIENT_MASKED, PATIENT_MINOR, actorById, professionalById } from '../mocks/data/index.js';
import { db } from '../mocks/db/store.js';
import { HttpDmpClient } from '../src/client/http-client.js';
import { draftAuthor, draftKey, writeDraft, type Draft } from '../src/drafts/draft-store.js';
import '../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import { draftOf, type ProfileDraft } from '../src/elements/dmp-patient-profile/draft.js';
import { MAX_DOCUMENT_BYTES } from '../src/model/document-policy.js';
import type { PatientDisplay } from '../src/model/patient.js';
import {
  choose,
  elementArgTypes,
  failedRead,
  fill,
  HOLD_MS,
  HOLDING,
  inProvider,
  NO_USER,
  RATE_LIMITED,
  said,
  SESSION_EXPIRED,
  shown,
  smallPdf,
  UNAUTHORIZED,
} from './support.js';

interface Args {
  actor: string;
  locale: 'fr' | 'en';
  /** The element's heading-level: where its title sits in the page's outline. */
  headingLevel: number | undefined;
  patientIns: string;
  patient: PatientDisplay | undefined;
}

const ADULT = PATIENT_ADULT.identity.ins;
const HOSTILE = '<img src=x onerror=alert(1)>';
const TAG = 'dmp-patient-profile';
const ARGS: Args = { actor: 'pat-durand-jeanne', locale: 'fr', headingLevel: undefined, patientIns: ADULT, patient: undefined };

function storeProfile(profile: unknown): void {
  db.contents.set(ADULT_PROFILE_DOCUMENT_ID, { mimeType: 'text/plain', body: JSON.stringify(profile) });
}

/** Clicks a control of the element once it is drawn, as a user would. */
async function clickWhenShown(canvasElement: HTMLElement, selector: string): Promise<void> {
  (await shown<HTMLButtonElement>(canvasElement, TAG, selector)).click();
}

/** Opens the edit form once the element has loaded, as a user clicking "Modifier" would. */
const openForm = (canvasElement: HTMLElement) => clickWhenShown(canvasElement, '#edit');

/** Opens the form and saves it as it is. */
async function openAndSave(canvasElement: HTMLElement): Promise<void> {
  await openForm(canvasElement);
  await clickWhenShown(canvasElement, 'form.profile-form [type="submit"]');
}

/** Chooses a signed directives file and the day it was written, then sends it. */
async function uploadDirectives(canvasElement: HTMLElement, file = smallPdf('directives-anticipees.pdf'), writtenOn = '2026-06-15'): Promise<void> {
  const input = await shown<HTMLInputElement>(canvasElement, TAG, '.directives-upload #directives-file');
  const form = input.form!;
  choose(input, file);
  fill(form.querySelector<HTMLInputElement>('#directives-date')!, writtenOn);
  form.querySelector<HTMLButtonElement>('[type="submit"]')!.click();
}

/** A field of the open form, once the form's module has drawn it. */
const formField = <T extends HTMLInputElement | HTMLSelectElement = HTMLInputElement>(canvasElement: HTMLElement, id: string) =>
  shown<T>(canvasElement, TAG, `form.profile-form #${id}`);

/** Where the patient's edits of her declared information are kept on this device (the element's key). */
const PROFILE_DRAFT_KEY = draftKey(draftAuthor(actorById('pat-durand-jeanne')), ADULT, 'profile');

/**
 * Keeps `draft` on this device and reads the profile again, as after another tab kept it: the
 * profile then offers it back. Written once the profile is shown rather than before: the element
 * fetches the module that draws the offer only once it has drawn its Edit button, which an offer
 * replaces, so a draft found at the first load is offered only on a page that fetched that module
 * already.
 */
async function offerKeptEdits(canvasElement: HTMLElement, draft: Draft<ProfileDraft>): Promise<void> {
  await shown(canvasElement, TAG, '#edit');
  await writeDraft(PROFILE_DRAFT_KEY, draft);
  canvasElement.querySelector('dmp-provider')!.notifyDataChanged(['documents'], ADULT);
  await said(canvasElement, TAG, '.draft-offer');
}

/** Her declaration with a treatment added and another phone number for her daughter: edits she has not saved. */
function unsavedEdits(): ProfileDraft {
  const draft = draftOf(ADULT_PROFILE);
  draft.treatments.push({ id: 'decl-traitement-vitamine-d', name: 'Vitamine D 100 000 UI', dosage: '1 ampoule par mois, d’octobre à mars' });
  draft.trustedPerson.phone = '06 39 98 02 19';
  return draft;
}

const meta: Meta<Args> = {
  title: 'Elements/dmp-patient-profile',
  component: TAG,
  args: ARGS,
  argTypes: {
    ...elementArgTypes(TAG, ARGS),
    headingLevel: { control: { type: 'number', min: 1 } },
    patient: { control: 'object' },
  },
  render: (args) =>
    inProvider(html`<dmp-patient-profile heading-level=${ifDefined(args.headingLevel)} patient-ins=${args.patientIns} .patient=${args.patient}></dmp-patient-profile>`, args.actor, args.locale),
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

/** The profile while the server has not answered (held ten minutes here). */
export const Loading: Story = {
  parameters: { provider: HOLDING },
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/documents$', latencyMs: HOLD_MS });
  },
};

/** A 500 once the client's retries are spent; "try again" works once the fault is gone. */
export const ServerError: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/documents$', status: 500, times: 3 });
  },
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, '.notice--error')),
};

export const Offline: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/content', network: true, times: 3 });
  },
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, '.notice--error')),
};

export const InvalidResponse: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/documents$', malformed: 'schema', times: 1 });
  },
};

/** The server no longer recognises the user (401): « Le serveur n’a pas reconnu l’utilisateur : reconnectez-vous. » */
export const Unauthorized: Story = failedRead(TAG, '/documents$', UNAUTHORIZED, '.notice--error');

/** A 429 at each of the client's three tries, each retry after the 1 s it asks: « Trop de demandes : patientez un instant avant de réessayer. » */
export const RateLimited: Story = failedRead(TAG, '/documents$', RATE_LIMITED, '.notice--error');

/** Every save fails: the form keeps what was typed and keeps a draft on this device. */
export const SaveFails: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: '/documents', status: 500 });
  },
  play: async ({ canvasElement }) => {
    await openAndSave(canvasElement);
    await said(canvasElement, TAG, 'form.profile-form .save-error');
  },
};

/** The server took the save and its answer fails the schema: the information is most likely stored, and the patient is asked to check before trying again. */
export const SaveAnsweredUnreadably: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: '/documents', malformed: 'schema', times: 1 });
  },
  play: async ({ canvasElement }) => {
    await openAndSave(canvasElement);
    await said(canvasElement, TAG, 'form.profile-form .save-error');
  },
};

/**
 * A signed directives file on its way: "Envoi en cours…" and the upload's progress. (The mock
 * answers after 60 s here; the request gives up sooner, after the provider's 15 s without progress.)
 */
export const DirectivesUploading: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: '/documents', latencyMs: 60_000, status: 503 });
  },
  play: async ({ canvasElement }) => {
    await uploadDirectives(canvasElement);
    await shown(canvasElement, TAG, '.directives-upload progress');
  },
};

/** The directives file is stored: it is listed, replacing the previous one, and the upload says so. */
export const DirectivesUploaded: Story = {
  play: async ({ canvasElement }) => {
    await uploadDirectives(canvasElement);
    await said(canvasElement, TAG, '.directives-upload .status');
  },
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
    await said(canvasElement, TAG, 'form.profile-form .save-error');
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

/** The save finds fields to correct: each says why beside it, and a summary counts them. */
export const InvalidFields: Story = {
  play: async ({ canvasElement }) => {
    await openForm(canvasElement);
    fill(await formField(canvasElement, 'trusted-email'), 'claire.durand.example.org');
    fill(await formField(canvasElement, 'contact-decl-contact-voisin-phone'), '06 39 98');
    fill(await formField(canvasElement, 'allergy-decl-intolerance-codeine-since'), '2099-01-01');
    await clickWhenShown(canvasElement, 'form.profile-form #add-treatments');
    await clickWhenShown(canvasElement, 'form.profile-form [type="submit"]');
    await said(canvasElement, TAG, 'form.profile-form > .notice--error:not(.save-error)');
  },
};

/** Cancel after an edit: the patient is asked whether to abandon it. */
export const DiscardConfirmation: Story = {
  play: async ({ canvasElement }) => {
    await openForm(canvasElement);
    fill(await formField<HTMLSelectElement>(canvasElement, 'blood-group'), 'A-');
    await clickWhenShown(canvasElement, 'form.profile-form #cancel');
    await shown(canvasElement, TAG, '#discard-dialog[open]');
  },
};

/** The server has not answered the save yet (held ten minutes here): Save says "Enregistrement…". */
export const Saving: Story = {
  parameters: { provider: HOLDING },
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: '/documents', latencyMs: HOLD_MS });
  },
  play: async ({ canvasElement }) => {
    await openAndSave(canvasElement);
    await shown(canvasElement, TAG, 'form.profile-form #save[aria-disabled="true"]');
  },
};

/** Saved: the form closes on the new version, and a line says it is stored. */
export const Saved: Story = {
  play: async ({ canvasElement }) => {
    await openForm(canvasElement);
    fill(await formField<HTMLSelectElement>(canvasElement, 'blood-group'), 'A-');
    await clickWhenShown(canvasElement, 'form.profile-form [type="submit"]');
    await said(canvasElement, TAG, 'section.base > p.status');
  },
};

/** The patient typed on while the save ran: it is stored, and the form stays open with what she typed since. */
export const SavedWhileTyping: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: '/documents', latencyMs: 1500, times: 1 });
  },
  play: async ({ canvasElement }) => {
    await openForm(canvasElement);
    const profile = canvasElement.querySelector(TAG)!;
    // The request event comes once the edits to send are taken: what is typed after it waits for the next save.
    const sending = new Promise((resolve) => profile.addEventListener('dmp-profile-save-request', resolve, { once: true }));
    await clickWhenShown(canvasElement, 'form.profile-form [type="submit"]');
    await sending;
    fill(await formField(canvasElement, 'trusted-phone'), '06 39 98 02 19');
    await said(canvasElement, TAG, 'section.base > p.status');
  },
};

/** Unsaved edits of hers were kept on this device: they are offered back, to resume or abandon. */
export const DraftOffered: Story = {
  play: async ({ canvasElement }) => {
    const current = db.findDocument(ADULT, ADULT_PROFILE_DOCUMENT_ID)!;
    await offerKeptEdits(canvasElement, { content: unsavedEdits(), baseEtag: current.id, baseVersion: current.version ?? null, savedAt: '2026-11-19T17:45:00.000Z' });
  },
};

/**
 * The same kind of edits, begun here before her first declaration, which she has made since from
 * another device: saving them would replace it, and the offer says so.
 */
export const DraftOfferedOverNewerVersion: Story = {
  play: ({ canvasElement }) => offerKeptEdits(canvasElement, { content: unsavedEdits(), baseEtag: null, baseVersion: null, savedAt: '2025-11-02T20:10:00.000Z' }),
};

/** The médecin traitant of a patient who has declared nothing: said so, read-only. */
export const TreatingPhysicianEmpty: Story = {
  args: { actor: 'ps-lefebvre', patientIns: PATIENT_MINOR.identity.ins },
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, 'p.empty')),
};

/** The directives file is refused by a server error: said under the form, which keeps the file for another try. */
export const DirectivesUploadFails: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: '/documents', status: 500 });
  },
  play: async ({ canvasElement }) => {
    await uploadDirectives(canvasElement);
    await said(canvasElement, TAG, '.directives-upload [role="alert"]');
  },
};

/** Send with no file chosen and no date: each field says what it needs. */
export const DirectivesUploadIncomplete: Story = {
  play: async ({ canvasElement }) => {
    await clickWhenShown(canvasElement, '.directives-upload [type="submit"]');
    await said(canvasElement, TAG, '#directives-file-error');
    await said(canvasElement, TAG, '#directives-date-error');
  },
};

/** A text file and a date in the future: the accepted formats, and a date that cannot be. */
export const DirectivesUploadInvalid: Story = {
  play: async ({ canvasElement }) => {
    await uploadDirectives(canvasElement, new File(['Mes directives anticipées'], 'directives.txt', { type: 'text/plain' }), '2099-01-01');
    await said(canvasElement, TAG, '#directives-file-error');
    await said(canvasElement, TAG, '#directives-date-error');
  },
};

/** A scan over the DMP's 20 MB limit: refused before it is sent. */
export const DirectivesFileTooLarge: Story = {
  play: async ({ canvasElement }) => {
    await uploadDirectives(canvasElement, new File([new Uint8Array(MAX_DOCUMENT_BYTES + 1)], 'directives-scan.pdf', { type: 'application/pdf' }));
    await said(canvasElement, TAG, '#directives-file-error');
  },
};

/** The server refuses the file's size (413, a gateway's own limit): said of the file, and under the form. */
export const DirectivesRefusedSize: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: '/documents', status: 413 });
  },
  play: async ({ canvasElement }) => {
    await uploadDirectives(canvasElement);
    await said(canvasElement, TAG, '#directives-file-error');
  },
};

/** The server refuses the file's format (415): said of the file, and under the form. */
export const DirectivesRefusedType: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: '/documents', status: 415 });
  },
  play: async ({ canvasElement }) => {
    await uploadDirectives(canvasElement);
    await said(canvasElement, TAG, '#directives-file-error');
  },
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

export const EnglishSaveFails: Story = { ...SaveFails, args: { locale: 'en' } };

export const EnglishConflict: Story = { ...Conflict, args: { locale: 'en' } };

export const EnglishDirectivesUploading: Story = { ...DirectivesUploading, args: { locale: 'en' } };

export const EnglishServerError: Story = { ...ServerError, args: { locale: 'en' } };

export const EnglishOffline: Story = { ...Offline, args: { locale: 'en' } };

// ---------------------------------------------------------------------------------------------
// What every element shares.

/** Outside a dmp-provider: the element says it needs one, and shows nothing else. */
export const ConfigurationError: Story = { render: (args) => html`<dmp-patient-profile patient-ins=${args.patientIns}></dmp-patient-profile>` };

/** In a provider whose host has not set the user (its `actor` property). */
export const NoUser: Story = NO_USER;

/** The session ended after inactivity (5 s here): no patient data is left on screen. */
export const SessionExpired: Story = SESSION_EXPIRED;
