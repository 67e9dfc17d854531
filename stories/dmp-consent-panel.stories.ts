import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import { DR_MOREL_URGENTISTE, PATIENT_ADULT, PATIENT_CLOSED, PATIENT_MINOR, PATIENT_OPPOSED } from '../mocks/data/index.js';
import { db } from '../mocks/db/store.js';
import '../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import type { PatientDisplay } from '../src/model/patient.js';
import { elementArgTypes, HOLD_MS, HOLDING, inProvider, said, shown } from './support.js';

interface Args {
  actor: string;
  locale: 'fr' | 'en';
  patientIns: string;
  patient: PatientDisplay | undefined;
}

const ADULT = PATIENT_ADULT.identity.ins;
const HOSTILE = '<img src=x onerror=alert(1)>';
const TAG = 'dmp-consent-panel';
const ARGS: Args = { actor: 'pat-durand-jeanne', locale: 'fr', patientIns: ADULT, patient: undefined };

const meta: Meta<Args> = {
  title: 'Elements/dmp-consent-panel',
  component: TAG,
  args: ARGS,
  argTypes: {
    ...elementArgTypes(TAG, ARGS),
    patient: { control: 'object' },
  },
  render: (args) =>
    inProvider(html`<dmp-consent-panel patient-ins=${args.patientIns} .patient=${args.patient}></dmp-consent-panel>`, args.actor, args.locale),
};
export default meta;

type Story = StoryObj<Args>;

/** The patient manages her own dossier: every section, every action. */
export const PatientView: Story = {};

/** The mother of a minor manages her daughter's dossier, legal representatives included. */
export const LegalRepresentativeView: Story = {
  args: { actor: 'rep-moreau-sophie', patientIns: PATIENT_MINOR.identity.ins },
};

/** A patient who opposed both break-glass and regulation access. */
export const BothOppositions: Story = {
  args: { actor: 'pat-benali-karim', patientIns: PATIENT_OPPOSED.identity.ins },
};

/** A closed dossier: kept ten years, and the patient can reactivate it. */
export const ClosedDossier: Story = {
  args: { actor: 'pat-lambert-michel', patientIns: PATIENT_CLOSED.identity.ins },
};

/** The médecin traitant reads the list, read-only; the rest is refused with the reason. */
export const TreatingPhysicianReadOnly: Story = {
  args: { actor: 'ps-martin' },
};

/** A professional the patient never authorized: every section refused, with the reasons. */
export const UnauthorizedProfessional: Story = {
  args: { actor: 'ps-morel' },
};

/** The law keeps occupational physicians out, at the existence test already. */
export const OccupationalPhysicianRefused: Story = {
  args: { actor: 'occ-med' },
};

/** The host gave no patient. */
export const NoPatient: Story = {
  args: { patientIns: '' },
};

/** The panel while the server has not answered (held ten minutes here). */
export const Loading: Story = {
  parameters: { provider: HOLDING },
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/authorizations', latencyMs: HOLD_MS });
  },
};

/** A 500 once the client's retries are spent; "try again" works once the fault is gone. */
export const ServerError: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/authorizations', status: 500, times: 3 });
  },
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, '.load-error')),
};

export const Offline: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/authorizations', network: true, times: 3 });
  },
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, '.load-error')),
};

export const InvalidResponse: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/notification-preferences', malformed: 'schema', times: 1 });
  },
};

/**
 * Every change fails on the server: the patient ticks an opposition, the server refuses, and the
 * panel says so and keeps what the server has (the box unticked).
 */
export const SavesFail: Story = {
  beforeEach: () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) db.faults.add({ method, status: 500 });
  },
  play: async ({ canvasElement }) => {
    (await shown<HTMLInputElement>(canvasElement, TAG, '#oppose-breakGlass')).click();
    await said(canvasElement, TAG, '#oppositions [role="alert"]');
  },
};

/**
 * Revoking a professional's authorization asks first, in the panel's confirmation dialog
 * (`::part(dialog)`), Annuler focused.
 */
export const ConfirmationDialog: Story = {
  play: async ({ canvasElement }) => {
    (await shown<HTMLButtonElement>(canvasElement, TAG, '#authorizations button[data-change="revoke"]')).click();
    await said(canvasElement, TAG, 'dialog[part="dialog"][open] #confirm-title');
  },
};

/**
 * The patient opposed regulation access from her phone while this screen still showed none: her
 * tick here is refused rather than undo it, and the panel shows the oppositions as they now are.
 */
export const ChangedOnAnotherScreen: Story = {
  play: async ({ canvasElement }) => {
    const box = await waitFor(() => {
      const found = canvasElement.querySelector('dmp-consent-panel')?.shadowRoot?.querySelector<HTMLInputElement>('#oppose-breakGlass');
      if (!found) throw new Error('the oppositions are not drawn yet');
      return found;
    });
    db.dossiers.get(ADULT)!.oppositions = { breakGlass: false, regulation: true };
    box.click();
  },
};

/** Markup in a professional's or a representative's name is shown as text. */
export const HostileText: Story = {
  args: { actor: 'rep-moreau-sophie', patientIns: PATIENT_MINOR.identity.ins },
  beforeEach: () => {
    db.professionals = db.professionals.map((p) => (p.rpps === DR_MOREL_URGENTISTE.rpps ? { ...p, firstName: HOSTILE } : p));
    const minor = db.dossiers.get(PATIENT_MINOR.identity.ins)!;
    minor.authorized.push({ rpps: DR_MOREL_URGENTISTE.rpps, since: '2026-10-01T08:00:00.000Z' });
    minor.legalRepresentatives.push({ id: 'rep-hostile', firstName: HOSTILE, lastName: 'Moreau', relationship: 'other', since: '2026-10-01T08:00:00.000Z' });
  },
};

export const English: Story = {
  args: { locale: 'en' },
};

export const EnglishClosedDossier: Story = {
  args: { locale: 'en', actor: 'pat-lambert-michel', patientIns: PATIENT_CLOSED.identity.ins },
};

export const EnglishTreatingPhysicianReadOnly: Story = {
  args: { locale: 'en', actor: 'ps-martin' },
};

export const EnglishConfirmationDialog: Story = { ...ConfirmationDialog, args: { locale: 'en' } };

export const EnglishSavesFail: Story = { ...SavesFail, args: { locale: 'en' } };

export const EnglishServerError: Story = { ...ServerError, args: { locale: 'en' } };

export const EnglishOffline: Story = { ...Offline, args: { locale: 'en' } };
