import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { http, HttpResponse } from 'msw';
import { PATIENT_ADULT, PATIENT_CLOSED, PATIENT_NO_DOSSIER, PATIENT_OPPOSED } from '../mocks/data/index.js';
import { db } from '../mocks/db/store.js';
import '../src/elements/dmp-break-glass/dmp-break-glass.js';
import type { DmpBreakGlass } from '../src/elements/dmp-break-glass/dmp-break-glass.element.js';
import type { PatientDisplay } from '../src/model/patient.js';
import { EMERGENCY_GRANT_DURATION_MS } from '../src/policy/emergency-grant.js';
import { elementArgTypes, failedRead, HOLD_MS, HOLDING, inProvider, NO_USER, RATE_LIMITED, said, SESSION_EXPIRED, shown, UNAUTHORIZED } from './support.js';

interface Args {
  actor: string;
  locale: 'fr' | 'en';
  /** The element's heading-level: where its title sits in the page's outline. */
  headingLevel: number | undefined;
  patientIns: string;
  patient: PatientDisplay | undefined;
  mode: 'break-glass' | 'regulation';
}

const ADULT = PATIENT_ADULT.identity.ins;
const EMERGENCY_ACCESS = '/emergency-access';
const TAG = 'dmp-break-glass';
const ARGS: Args = { actor: 'ps-morel', locale: 'fr', headingLevel: undefined, patientIns: ADULT, patient: undefined, mode: 'break-glass' };

const meta: Meta<Args> = {
  title: 'Elements/dmp-break-glass',
  component: TAG,
  args: ARGS,
  argTypes: {
    ...elementArgTypes(TAG, ARGS),
    headingLevel: { control: { type: 'number', min: 1 } },
    patient: { control: 'object' },
    mode: { control: 'inline-radio', options: ['break-glass', 'regulation'] },
  },
  render: (args) =>
    inProvider(html`<dmp-break-glass heading-level=${ifDefined(args.headingLevel)} patient-ins=${args.patientIns} .patient=${args.patient} mode=${args.mode}></dmp-break-glass>`, args.actor, args.locale),
};
export default meta;

type Story = StoryObj<Args>;

/** Fills the form as a user would, then sends it. */
async function request(canvasElement: HTMLElement): Promise<void> {
  const el = canvasElement.querySelector<DmpBreakGlass>('dmp-break-glass');
  const root = el?.shadowRoot;
  const deadline = Date.now() + 5000;
  while (!root?.querySelector('#justification') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const area = root?.querySelector<HTMLTextAreaElement>('#justification');
  if (!el || !root || !area) return;
  area.value = 'Patiente inconsciente aux urgences, traitements en cours inconnus.';
  area.dispatchEvent(new Event('input'));
  root.querySelector<HTMLInputElement>('#confirm')?.click();
  await el.updateComplete;
  root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
}

/** An emergency physician the patient never authorized: what will happen, then the form. */
export const BreakGlass: Story = {};

/** Sent too soon (a justification too short, nothing ticked): the user is taken to what is missing. */
export const SentTooSoon: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<DmpBreakGlass>('dmp-break-glass');
    const root = el?.shadowRoot;
    const deadline = Date.now() + 5000;
    while (!root?.querySelector('#justification') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    root?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await shown(canvasElement, TAG, '#justification[aria-invalid="true"]');
  },
};

/** The host shows the patient's identity from its own records. */
export const WithPatientIdentity: Story = {
  args: { patient: { name: 'Jeanne Durand', birthDate: '1958-03-14', sex: 'F' } },
};

/** Access granted: the provider now sends the grant, and the patient is notified. */
export const Granted: Story = {
  play: async ({ canvasElement }) => {
    await request(canvasElement);
    await shown(canvasElement, TAG, '#outcome.notice--success');
  },
};

/** The SAMU Centre 15 regulator. */
export const Regulation: Story = {
  args: { actor: 'ps-girard', mode: 'regulation' },
};

export const RegulationGranted: Story = {
  args: { actor: 'ps-girard', mode: 'regulation' },
  play: ({ canvasElement }) => request(canvasElement),
};

/** Regulation asked by someone who is no regulator: refused before anything is sent. */
export const RegulationByNonRegulator: Story = {
  args: { mode: 'regulation' },
};

/** The patient opposed break-glass access. */
export const PatientOpposed: Story = {
  args: { patientIns: PATIENT_OPPOSED.identity.ins },
};

/** The patient blocked this professional. */
export const Blocked: Story = {
  args: { actor: 'ps-renard' },
};

export const ClosedDossier: Story = {
  args: { patientIns: PATIENT_CLOSED.identity.ins },
};

/** Never any access, even in an emergency. */
export const OccupationalPhysicianRefused: Story = {
  args: { actor: 'occ-med' },
};

/** The médecin traitant already has access: no emergency access is needed. */
export const AlreadyAuthorized: Story = {
  args: { actor: 'ps-martin' },
};

/** A story whose server refuses the request for `reason`, what the user sees once they sent it. */
function refusedByServer(reason: string): Story {
  return {
    parameters: {
      msw: [
        http.post('*/api/dmp/v1/dossiers/:ins/emergency-access', () =>
          HttpResponse.json(
            { type: `https://dmp-elements.dev/problems/${reason}`, title: 'Accès refusé', status: 403, detail: `Accès refusé : ${reason}.`, reason },
            { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      ],
    },
    play: async ({ canvasElement }) => {
      await request(canvasElement);
      await shown(canvasElement, TAG, '#outcome.notice--error');
    },
  };
}

/** The patient opposed between the form's display and the request: the server refuses it. */
export const RefusedByServer: Story = refusedByServer('patient-opposed');

/** The request cannot reach the server: the justification stays. */
export const RequestOffline: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: EMERGENCY_ACCESS, network: true });
  },
  play: async ({ canvasElement }) => {
    await request(canvasElement);
    await shown(canvasElement, TAG, '#outcome.notice--error');
  },
};

/** While the access conditions are read (the server holds its answer ten minutes here). */
export const Loading: Story = {
  parameters: { provider: HOLDING },
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, latencyMs: HOLD_MS });
  },
};

export const ServerError: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, status: 500, times: 3 });
  },
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, '.notice--error')),
};

export const InvalidResponse: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, malformed: 'truncated', times: 1 });
  },
};

/** The server no longer recognises the user (401): « Le serveur n’a pas reconnu l’utilisateur : reconnectez-vous. » */
export const Unauthorized: Story = failedRead(TAG, `/dossiers/${ADULT}$`, UNAUTHORIZED, '.notice--error');

/** A 429 at each of the client's three tries, each retry after the 1 s it asks: « Trop de demandes : patientez un instant avant de réessayer. » */
export const RateLimited: Story = failedRead(TAG, `/dossiers/${ADULT}$`, RATE_LIMITED, '.notice--error');

/** Sent, while the server has not answered (it holds the request ten minutes here): "Demande en cours…". */
export const Sending: Story = {
  parameters: { provider: HOLDING },
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: EMERGENCY_ACCESS, latencyMs: HOLD_MS });
  },
  play: async ({ canvasElement }) => {
    await request(canvasElement);
    await shown(canvasElement, TAG, '.break-glass[aria-busy="true"] button[aria-disabled="true"]');
    await said(canvasElement, TAG, '#blocker');
  },
};

/** The server asks for a better justification: refused, and the form stays open to write it. */
export const JustificationRefusedByServer: Story = refusedByServer('justification-required');

/** The server's answer to the request is unreadable: the access was most likely granted, and the request may be sent again. */
export const UnreadableAnswer: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'POST', path: EMERGENCY_ACCESS, malformed: 'schema', times: 1 });
  },
  play: async ({ canvasElement }) => {
    await request(canvasElement);
    await shown(canvasElement, TAG, '#outcome.notice--error');
  },
};

/** The SAMU regulator, for a patient who opposed regulation access. */
export const RegulationPatientOpposed: Story = {
  args: { actor: 'ps-girard', mode: 'regulation', patientIns: PATIENT_OPPOSED.identity.ins },
};

/** A patient who has no DMP: there is nothing to access. */
export const NoDossier: Story = {
  args: { patientIns: PATIENT_NO_DOSSIER.ins },
};

/** The patient on her own dossier: she has access already. */
export const PatientOwnDossier: Story = {
  args: { actor: 'pat-durand-jeanne' },
};

/** The hospital's admissions office, which reads the administrative part by function. */
export const AdministrativeStaff: Story = {
  args: { actor: 'admin-chu' },
};

/**
 * The access granted has reached its hour: the page says so and offers a new request. The mock's
 * clock is set back so that the grant it gives ends a few seconds after it is given.
 */
export const EmergencyAccessEnded: Story = {
  play: async ({ canvasElement }) => {
    await shown(canvasElement, TAG, '#justification');
    db.setNow(new Date(Date.now() - EMERGENCY_GRANT_DURATION_MS + 5000).toISOString());
    await request(canvasElement);
    await shown(canvasElement, TAG, '#outcome.notice--success');
    await said(canvasElement, TAG, 'p.notice[role="status"]', 15_000);
  },
};

export const English: Story = {
  args: { locale: 'en' },
};

export const EnglishRegulation: Story = {
  args: { locale: 'en', actor: 'ps-girard', mode: 'regulation' },
};

export const EnglishPatientOpposed: Story = {
  args: { locale: 'en', patientIns: PATIENT_OPPOSED.identity.ins },
};

export const EnglishGranted: Story = { ...Granted, args: { locale: 'en' } };

export const EnglishRefusedByServer: Story = { ...RefusedByServer, args: { locale: 'en' } };

export const EnglishRequestOffline: Story = { ...RequestOffline, args: { locale: 'en' } };

export const EnglishServerError: Story = { ...ServerError, args: { locale: 'en' } };

// ---------------------------------------------------------------------------------------------
// What every element shares.

/** Outside a dmp-provider: the element says it needs one, and shows nothing else. */
export const ConfigurationError: Story = { render: (args) => html`<dmp-break-glass patient-ins=${args.patientIns} mode=${args.mode}></dmp-break-glass>` };

/** In a provider whose host has not set the user (its `actor` property). */
export const NoUser: Story = NO_USER;

/** The session ended after inactivity (5 s here): no patient data is left on screen. */
export const SessionExpired: Story = SESSION_EXPIRED;
