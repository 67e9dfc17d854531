import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { http, HttpResponse } from 'msw';
import { waitFor } from 'storybook/test';
import { db } from '../mocks/db/store.js';
import { PATIENT_ADULT, PATIENT_BORN_ABROAD, PATIENT_CLOSED, PATIENT_NO_DOSSIER, PATIENT_UNQUALIFIED } from '../mocks/data/index.js';
import { HttpDmpClient } from '../src/client/http-client.js';
import '../src/elements/dmp-dossier-create/dmp-dossier-create.js';
import type { DmpDossierCreate } from '../src/elements/dmp-dossier-create/dmp-dossier-create.element.js';
import { nirKey } from '../src/model/nir.js';
import type { PatientIdentity, PatientTraits } from '../src/model/patient.js';
import { elementArgTypes, HOLD_MS, HOLDING, inProvider, NO_USER, RATE_LIMITED, said, saying, SESSION_EXPIRED, UNAUTHORIZED } from './support.js';

interface Args {
  actor: string;
  locale: 'fr' | 'en';
  /** The element's heading-level: where its title sits in the page's outline. */
  headingLevel: number | undefined;
  nir: string;
  patientIns: string;
  insStatus: string;
  traits: Partial<PatientTraits> | undefined;
}

const TAG = 'dmp-dossier-create';
const ARGS: Args = { actor: 'ps-dubois', locale: 'fr', headingLevel: undefined, nir: '', patientIns: '', insStatus: '', traits: undefined };

function prefill(identity: PatientIdentity): Pick<Args, 'nir' | 'insStatus' | 'traits'> {
  return { nir: identity.ins, insStatus: identity.insStatus, traits: identity.traits };
}

/** Born in Paris in April 2015: a minor without a dossier. */
const MINOR_NUMBER = '1150475056123';
const MINOR: PatientIdentity = {
  ins: `${MINOR_NUMBER}${String(nirKey(MINOR_NUMBER)).padStart(2, '0')}`,
  insStatus: 'QUAL',
  traits: { birthName: 'ROBERT', firstNames: 'Hugo', birthDate: '2015-04-10', sex: 'M', birthPlaceCode: '75056' },
};

async function element(canvas: HTMLElement, selector: string): Promise<DmpDossierCreate> {
  return waitFor(() => {
    const el = canvas.querySelector('dmp-dossier-create');
    if (!el?.shadowRoot?.querySelector(selector)) throw new Error(`${selector} not rendered yet`);
    return el;
  });
}

/** Submits the identification, as the user would with the search button. */
async function search(canvas: HTMLElement): Promise<DmpDossierCreate> {
  const el = await element(canvas, 'form button[type="submit"]');
  el.shadowRoot!.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  return el;
}

/** Goes through to the consent step, then asks for the creation (with or without the consent). */
async function create(canvas: HTMLElement, consent: boolean): Promise<void> {
  await search(canvas);
  const el = await element(canvas, '#consent');
  if (consent) el.shadowRoot!.querySelector<HTMLInputElement>('#consent')!.click();
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
}

const meta: Meta<Args> = {
  title: 'Elements/dmp-dossier-create',
  component: TAG,
  args: ARGS,
  argTypes: {
    ...elementArgTypes(TAG, ARGS),
    headingLevel: { control: { type: 'number', min: 1 } },
    insStatus: { control: 'select', options: ['', 'PROV', 'RECUP', 'VALI', 'QUAL'] },
    traits: { control: 'object' },
  },
  render: ({ actor, locale, headingLevel, nir, patientIns, insStatus, traits }) =>
    inProvider(
      html`<dmp-dossier-create heading-level=${ifDefined(headingLevel)} nir=${nir} patient-ins=${patientIns} ins-status=${insStatus} .traits=${traits}></dmp-dossier-create>`,
      actor,
      locale,
    ),
};
export default meta;

type Story = StoryObj<Args>;

/** A pharmacist starts from an empty form. */
export const Empty: Story = {};

export const EmptyInEnglish: Story = { args: { locale: 'en' } };

/** The host read the Carte Vitale: a Corsican NIR (2A) and the traits, prefilled. */
export const PrefilledFromCarteVitale: Story = { args: prefill(PATIENT_NO_DOSSIER) };

export const InvalidNirKey: Story = {
  args: { ...prefill(PATIENT_NO_DOSSIER), nir: '185072A00401996' },
  play: async ({ canvasElement }) => void (await search(canvasElement)),
};

/** The sex, the birth date and the birth place contradict the NIR's sex digit, year, month and place. */
export const TraitsContradictTheNir: Story = {
  args: {
    ...prefill(PATIENT_ADULT.identity),
    traits: { ...PATIENT_ADULT.identity.traits, sex: 'M', birthDate: '1959-04-14', birthPlaceCode: '69123' },
  },
  play: async ({ canvasElement }) => void (await search(canvasElement)),
};

export const MissingTraits: Story = {
  args: { nir: PATIENT_ADULT.identity.ins },
  play: async ({ canvasElement }) => void (await search(canvasElement)),
};

export const CheckingExistence: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  parameters: { provider: HOLDING },
  beforeEach: () => db.faults.add({ method: 'GET', path: '/dossiers/', latencyMs: HOLD_MS }),
  play: async ({ canvasElement }) => void (await search(canvasElement)),
};

/** Searches, then waits for the failure the server's answer brings. */
/** Searches, and waits for the error: any, or the one saying `text`. */
async function searchFails(canvas: HTMLElement, text?: string): Promise<void> {
  await search(canvas);
  await (text ? saying(canvas, TAG, '.notice--error[role="alert"]', text) : said(canvas, TAG, '.notice--error[role="alert"]'));
}

export const ExistenceServerError: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  beforeEach: () => db.faults.add({ method: 'GET', path: '/dossiers/', status: 500 }),
  play: ({ canvasElement }) => searchFails(canvasElement),
};

export const ExistenceOffline: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  beforeEach: () => db.faults.add({ method: 'GET', path: '/dossiers/', network: true }),
  play: ({ canvasElement }) => searchFails(canvasElement),
};

/** The search answered 401, the server no longer recognising the user: « Votre authentification auprès du DMP a échoué. » */
export const Unauthorized: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  beforeEach: () => db.faults.add({ method: 'GET', path: '/dossiers/', ...UNAUTHORIZED.fault }),
  play: ({ canvasElement }) => searchFails(canvasElement, 'Votre authentification auprès du DMP a échoué.'),
};

/** The search answered 429 at each of the client's three tries: « Le DMP reçoit trop de demandes : réessayez dans quelques instants. » */
export const RateLimited: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  beforeEach: () => db.faults.add({ method: 'GET', path: '/dossiers/', ...RATE_LIMITED.fault }),
  play: ({ canvasElement }) => searchFails(canvasElement, 'Le DMP reçoit trop de demandes : réessayez dans quelques instants.'),
};

export const ExistenceInvalidResponse: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  beforeEach: () => db.faults.add({ method: 'GET', path: '/dossiers/', malformed: 'schema' }),
  play: async ({ canvasElement }) => void (await search(canvasElement)),
};

/** The patient looked up someone else's dossier: the server refuses with its reason. */
export const ExistenceForbidden: Story = {
  args: { ...prefill(PATIENT_CLOSED.identity), actor: 'pat-durand-jeanne' },
  play: async ({ canvasElement }) => void (await search(canvasElement)),
};

export const AlreadyActive: Story = {
  args: prefill(PATIENT_ADULT.identity),
  play: async ({ canvasElement }) => void (await search(canvasElement)),
};

/** A pharmacist may reactivate a closed dossier with the patient's consent. */
export const ClosedReactivation: Story = {
  args: prefill(PATIENT_CLOSED.identity),
  play: async ({ canvasElement }) => void (await search(canvasElement)),
};

/** Administrative staff learn that the dossier is closed, and why they may not reactivate it. */
export const ClosedAdministrativeStaff: Story = {
  args: { ...prefill(PATIENT_CLOSED.identity), actor: 'admin-chu' },
  play: async ({ canvasElement }) => void (await search(canvasElement)),
};

export const InsNotQualified: Story = {
  args: prefill(PATIENT_UNQUALIFIED),
  play: async ({ canvasElement }) => void (await search(canvasElement)),
};

/** An insurer may never create (nor read) a DMP: refused before any identity is typed. */
export const NeverAuthorizedActor: Story = { args: { actor: 'insurer-mutuelle' } };

export const ConsentStep: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  play: async ({ canvasElement }) => void (await search(canvasElement)),
};

export const ConsentMissing: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  play: async ({ canvasElement }) => create(canvasElement, false),
};

export const ConsentStepInEnglish: Story = {
  args: { ...prefill(PATIENT_NO_DOSSIER), locale: 'en' },
  play: async ({ canvasElement }) => void (await search(canvasElement)),
};

/** A médecin opens a minor's dossier: the legal representative is required. */
export const MinorAtAProfessional: Story = {
  args: { ...prefill(MINOR), actor: 'ps-martin' },
  play: async ({ canvasElement }) => void (await search(canvasElement)),
};

/** Online, a minor's dossier is refused (minor-online-creation). */
export const MinorOnlineRefused: Story = {
  args: { ...prefill(MINOR), actor: 'pat-durand-jeanne' },
  play: async ({ canvasElement }) => void (await search(canvasElement)),
};

/** A patient without a DMP opens his own online (channel online): his consent, then the created dossier. */
export const PatientOpensOwnOnline: Story = {
  args: { ...prefill(PATIENT_NO_DOSSIER), actor: 'pat-santoni-paul-antoine' },
  play: async ({ canvasElement }) => create(canvasElement, true),
};

export const AtTheCaisse: Story = {
  args: { ...prefill(PATIENT_BORN_ABROAD), actor: 'admin-chu' },
  play: async ({ canvasElement }) => void (await search(canvasElement)),
};

/** The creation request was lost: the input stays, and Retry reuses the same idempotency key. */
export const CreationOffline: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  beforeEach: () => db.faults.add({ method: 'POST', path: '/dossiers', network: true, times: 1 }),
  play: async ({ canvasElement }) => {
    await create(canvasElement, true);
    await said(canvasElement, TAG, '.notice--error[role="alert"]');
  },
};

export const CreationServerError: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  beforeEach: () => db.faults.add({ method: 'POST', path: '/dossiers', status: 503 }),
  play: async ({ canvasElement }) => {
    await create(canvasElement, true);
    await said(canvasElement, TAG, '.notice--error[role="alert"]');
  },
};

/** The creation's answer fails its schema: the dossier may exist, what was typed stays, and « Réessayer la création » cannot make a second one. */
export const CreationAnsweredUnreadably: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  beforeEach: () => db.faults.add({ method: 'POST', path: '/dossiers', malformed: 'schema', times: 1 }),
  play: async ({ canvasElement }) => {
    await create(canvasElement, true);
    await said(canvasElement, TAG, '.notice--error[role="alert"]');
  },
};

/** The host hands the INS the way every other DMP element takes it (`patient-ins`) rather than as `nir`. */
export const PrefilledFromPatientIns: Story = {
  args: { patientIns: PATIENT_NO_DOSSIER.ins, insStatus: PATIENT_NO_DOSSIER.insStatus, traits: PATIENT_NO_DOSSIER.traits },
};

/** Types into a field as the user would. */
async function type(el: DmpDossierCreate, id: string, value: string): Promise<void> {
  const field = el.shadowRoot!.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!;
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/**
 * A relative's card was read first: the user typed the contact, then corrected the identity. What
 * was typed is kept, consent is asked again, and the user is asked to check the details.
 */
export const IdentityCorrected: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  play: async ({ canvasElement }) => {
    await search(canvasElement);
    const el = await element(canvasElement, '#email');
    await type(el, 'email', 'a.diallo@example.org');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Modifier l’identité'))!.click();
    await element(canvasElement, '#nir');
    await type(el, 'nir', PATIENT_BORN_ABROAD.ins);
    for (const [field, value] of Object.entries(PATIENT_BORN_ABROAD.traits)) await type(el, field, String(value));
    await search(canvasElement);
    await element(canvasElement, '.carried-over');
  },
};

/** The sheet handed to the patient; Print shows only it. */
export const Credentials: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  play: async ({ canvasElement }) => create(canvasElement, true),
};

export const CredentialsInEnglish: Story = {
  args: { ...prefill(PATIENT_BORN_ABROAD), locale: 'en' },
  play: async ({ canvasElement }) => create(canvasElement, true),
};

export const ExistenceServerErrorInEnglish: Story = { ...ExistenceServerError, args: { ...prefill(PATIENT_NO_DOSSIER), locale: 'en' } };

export const CreationOfflineInEnglish: Story = { ...CreationOffline, args: { ...prefill(PATIENT_NO_DOSSIER), locale: 'en' } };

/** Goes through to the consent step, types `details` (field id → value), then asks for the creation with the consent. */
async function createWith(canvas: HTMLElement, details: Record<string, string>): Promise<void> {
  await search(canvas);
  const el = await element(canvas, '#consent');
  for (const [field, value] of Object.entries(details)) await type(el, field, value);
  el.shadowRoot!.querySelector<HTMLInputElement>('#consent')!.click();
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
}

/** Finds the closed dossier, then asks for its reactivation (with or without the patient's consent ticked). */
async function reactivate(canvas: HTMLElement, consent: boolean): Promise<void> {
  await search(canvas);
  const el = await element(canvas, '#reactivationConsent');
  if (consent) el.shadowRoot!.querySelector<HTMLInputElement>('#reactivationConsent')!.click();
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
}

// --- Creating ---------------------------------------------------------------------------------

/** The creation request is out (the server holds its answer ten minutes here): the button says so and takes no second click. */
export const Creating: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  parameters: { provider: HOLDING },
  beforeEach: () => db.faults.add({ method: 'POST', path: '/dossiers', latencyMs: HOLD_MS }),
  play: async ({ canvasElement }) => {
    await create(canvasElement, true);
    await saying(canvasElement, TAG, 'form button[type="submit"]', 'Création du DMP en cours…');
  },
};

/** Once the credentials sheet is handed over ("Terminé"): the password is gone, and another patient may follow. */
export const CreatedDone: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  play: async ({ canvasElement }) => {
    await create(canvasElement, true);
    (await saying(canvasElement, TAG, '.actions button', 'Terminé')).click();
    await saying(canvasElement, TAG, 'h2', 'DMP créé');
  },
};

/** A pharmacy opened the patient's DMP between the search and the creation: the DMP refuses a second one, and the search is run again. */
export const CreatedMeanwhile: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  play: async ({ canvasElement }) => {
    await search(canvasElement);
    const el = await element(canvasElement, '#consent');
    const elsewhere = new HttpDmpClient({ baseUrl: '/api/dmp/v1', headers: () => ({ Authorization: 'Bearer ps-martin' }) });
    await elsewhere.createDossier({ ...PATIENT_NO_DOSSIER, channel: 'professional', consent: true }, { idempotencyKey: 'ailleurs' });
    el.shadowRoot!.querySelector<HTMLInputElement>('#consent')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    await saying(canvasElement, TAG, '.actions button', 'Relancer la recherche');
  },
};

/**
 * The host named its next patient while the creation was out, and the creation failed: the next
 * patient's form says so, for the user to take up the first patient's creation again.
 */
export const UnfinishedCreation: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  beforeEach: () => db.faults.add({ method: 'POST', path: '/dossiers', latencyMs: 3000, status: 503, times: 1 }),
  play: async ({ canvasElement }) => {
    await create(canvasElement, true);
    await saying(canvasElement, TAG, 'form button[type="submit"]', 'Création du DMP en cours…');
    const el = canvasElement.querySelector<DmpDossierCreate>(TAG)!;
    el.nir = PATIENT_ADULT.identity.ins;
    el.traits = PATIENT_ADULT.identity.traits;
    await saying(canvasElement, TAG, '[role="alert"]', 'n’a pas abouti');
  },
};

// --- The consent step's errors ----------------------------------------------------------------

/** A minor's legal representative half typed (a name over 100 characters, no first name, no relationship): each field says what is wrong. */
export const MinorRepresentativeInvalid: Story = {
  args: { ...prefill(MINOR), actor: 'ps-martin' },
  play: async ({ canvasElement }) => {
    await createWith(canvasElement, { representativeLastName: 'ROBERT DE LA TOUR D’AUVERGNE '.repeat(4).trim() });
    await said(canvasElement, TAG, '#representativeRelationship-error');
  },
};

/** An e-mail address and a phone number the DMP would not take (a landline): refused under their fields, nothing sent. */
export const ContactInvalid: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  play: async ({ canvasElement }) => {
    await createWith(canvasElement, { email: 'paul.santoni@', phone: '01 23 45 67 89' });
    await said(canvasElement, TAG, '#phone-error');
  },
};

/**
 * The DMP refuses the identity typed one step back (its INS referential disagrees): the reason,
 * and the way back to the identity. A gateway's field refusal, answered by a story handler.
 */
export const IdentityRefusedByServer: Story = {
  args: prefill(PATIENT_NO_DOSSIER),
  parameters: {
    msw: [
      http.post('*/api/dmp/v1/dossiers', () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Requête invalide',
            status: 400,
            detail: 'Le corps de la requête est invalide.',
            invalidParams: [{ name: 'traits.birthName', reason: 'différent du nom de naissance du référentiel INS' }],
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    ],
  },
  play: async ({ canvasElement }) => {
    await create(canvasElement, true);
    await saying(canvasElement, TAG, '.notice--error[role="alert"]', 'Refusé par le DMP');
  },
};

// --- Reactivating -----------------------------------------------------------------------------

/** Reactivation asked without the patient's consent ticked: the box says it is required. */
export const ReactivationConsentMissing: Story = {
  args: prefill(PATIENT_CLOSED.identity),
  play: async ({ canvasElement }) => {
    await reactivate(canvasElement, false);
    await said(canvasElement, TAG, '#reactivationConsent-error');
  },
};

/** The reactivation request is out (held ten minutes here). */
export const Reactivating: Story = {
  args: prefill(PATIENT_CLOSED.identity),
  parameters: { provider: HOLDING },
  beforeEach: () => db.faults.add({ method: 'POST', path: '/reactivate', latencyMs: HOLD_MS }),
  play: async ({ canvasElement }) => {
    await reactivate(canvasElement, true);
    await saying(canvasElement, TAG, 'form button[type="submit"]', 'Réactivation en cours…');
  },
};

/** The closed dossier is open again, with its content from before. */
export const Reactivated: Story = {
  args: prefill(PATIENT_CLOSED.identity),
  play: async ({ canvasElement }) => {
    await reactivate(canvasElement, true);
    await saying(canvasElement, TAG, 'h2', 'Le DMP est réactivé');
  },
};

/** The reactivation fails on the server's side: the consent stays ticked for a retry. */
export const ReactivationServerError: Story = {
  args: prefill(PATIENT_CLOSED.identity),
  beforeEach: () => db.faults.add({ method: 'POST', path: '/reactivate', status: 503 }),
  play: async ({ canvasElement }) => {
    await reactivate(canvasElement, true);
    await said(canvasElement, TAG, '.notice--error[role="alert"]');
  },
};

// ---------------------------------------------------------------------------------------------
// What every element shares.

/** Outside a dmp-provider: the element says it needs one, and shows nothing else. */
export const ConfigurationError: Story = { render: (args) => html`<dmp-dossier-create nir=${args.nir}></dmp-dossier-create>` };

/** In a provider whose host has not set the user (its `actor` property). */
export const NoUser: Story = NO_USER;

/** The session ended after inactivity (5 s here): no patient data is left on screen. */
export const SessionExpired: Story = SESSION_EXPIRED;
