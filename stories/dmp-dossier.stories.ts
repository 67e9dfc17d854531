import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { waitFor } from 'storybook/test';
import {
  DR_MOREL_URGENTISTE,
  PATIENT_ADULT,
  PATIENT_CLOSED,
  PATIENT_LARGE,
  PATIENT_MINOR,
  PATIENT_NO_DOSSIER,
  SAMU_REGULATOR_GIRARD,
  professionalDisplayName,
} from '../mocks/data/index.js';
import { db } from '../mocks/db/store.js';
import type { DmpBreakGlass } from '../src/elements/dmp-break-glass/dmp-break-glass.element.js';
import '../src/elements/dmp-dossier/dmp-dossier.js';
import { DOSSIER_TABS, type DossierTab } from '../src/elements/dmp-dossier/tabs.js';
import type { AccessLogEntry } from '../src/model/access-log.js';
import type { Professional } from '../src/model/professional.js';
import type { PatientDisplay } from '../src/model/patient.js';
import { elementArgTypes, failedRead, HOLD_MS, HOLDING, inProvider, NO_USER, RATE_LIMITED, said, SESSION_EXPIRED, shown, UNAUTHORIZED } from './support.js';

interface Args {
  actor: string;
  locale: 'fr' | 'en';
  /** The element's heading-level: where its title sits in the page's outline. */
  headingLevel: number | undefined;
  patientIns: string;
  patient: PatientDisplay | undefined;
  tab: DossierTab;
}

const ADULT = PATIENT_ADULT.identity.ins;
const DAY = 86_400_000;
const TAG = 'dmp-dossier';
const ARGS: Args = { actor: 'pat-durand-jeanne', locale: 'fr', headingLevel: undefined, patientIns: ADULT, patient: undefined, tab: 'recap' };

const dossier = (args: Args) =>
  inProvider(html`<dmp-dossier heading-level=${ifDefined(args.headingLevel)} patient-ins=${args.patientIns} .patient=${args.patient} tab=${args.tab}></dmp-dossier>`, args.actor, args.locale);

const meta: Meta<Args> = {
  title: 'Elements/dmp-dossier',
  component: TAG,
  args: ARGS,
  argTypes: {
    ...elementArgTypes(TAG, ARGS),
    headingLevel: { control: { type: 'number', min: 1 } },
    patient: { control: 'object' },
    tab: { control: 'inline-radio', options: DOSSIER_TABS },
  },
  render: dossier,
};
export default meta;

type Story = StoryObj<Args>;

// --- The patient's view, tab by tab -----------------------------------------------------------

/** The patient opens her DMP on the récapitulatif. */
export const Patient: Story = {};

/** The récapitulatif lists the emergency accesses of the last 90 days (two added relative to today). */
export const PatientWithRecentEmergencyAccess: Story = {
  beforeEach: () => {
    const justification = 'Patiente admise inconsciente aux urgences : recherche des traitements en cours.';
    const line = (n: number, p: Professional, mode: AccessLogEntry['mode'], daysAgo: number): AccessLogEntry => ({
      id: `log-story-${n}`,
      at: new Date(Date.now() - daysAgo * DAY).toISOString(),
      actor: { kind: 'professional', id: p.id, name: professionalDisplayName(p), rpps: p.rpps, profession: p.profession },
      action: 'dossier.read',
      mode,
      justification,
      outcome: 'allowed',
      reason: 'allowed',
      secret: false,
    });
    db.appendLog(ADULT, line(1, SAMU_REGULATOR_GIRARD, 'regulation', 30));
    db.appendLog(ADULT, line(2, DR_MOREL_URGENTISTE, 'break-glass', 12));
  },
};

export const PatientDocuments: Story = { args: { tab: 'documents' } };

/** "Mes informations": what the patient declares about herself. */
export const PatientProfile: Story = { args: { tab: 'profile' } };

/** "Gestion du DMP": authorizations, oppositions, notifications, closure. */
export const PatientManagement: Story = { args: { tab: 'management' } };

export const PatientHistory: Story = { args: { tab: 'history' } };

/** The host shows the patient's identity from its own records. */
export const WithPatientIdentity: Story = {
  args: { patient: { name: 'Jeanne Durand', birthDate: '1958-03-14', sex: 'F' } },
};

// --- Each actor kind --------------------------------------------------------------------------

/** The mother of a minor, acting for her daughter: all five tabs. */
export const LegalRepresentative: Story = {
  args: { actor: 'rep-moreau-sophie', patientIns: PATIENT_MINOR.identity.ins },
};

/** The médecin traitant: no access history (patient only); management read-only. */
export const TreatingPhysician: Story = { args: { actor: 'ps-martin' } };

export const TreatingPhysicianManagement: Story = { args: { actor: 'ps-martin', tab: 'management' } };

/** An authorized cardiologist. */
export const OtherPhysician: Story = { args: { actor: 'ps-bernard' } };

/** An authorized pharmacist: imaging is not visible to the profession. */
export const Pharmacist: Story = { args: { actor: 'ps-dubois' } };

export const PharmacistDocuments: Story = { args: { actor: 'ps-dubois', tab: 'documents' } };

/** An authorized nurse. */
export const Nurse: Story = { args: { actor: 'ps-petit' } };

/** An optician the patient has not authorized: refusals, and emergency access offered. */
export const Optician: Story = { args: { actor: 'ps-fontaine' } };

/** The SAMU Centre 15 regulator: regulation access is offered. */
export const Regulator: Story = { args: { actor: 'ps-girard' } };

/** Hospital admissions: the récapitulatif and the administrative documents only. */
export const AdministrativeStaff: Story = { args: { actor: 'admin-chu' } };

export const AdministrativeStaffDocuments: Story = { args: { actor: 'admin-chu', tab: 'documents' } };

/** Never any access: no tab, only the refusal. */
export const OccupationalPhysician: Story = { args: { actor: 'occ-med' } };

/** A professional the patient has not authorized: the refusal and the break-glass form. */
export const ProfessionalWithoutAccess: Story = { args: { actor: 'ps-morel' } };

/** The tab says why it is refused. */
export const ProfessionalWithoutAccessDocuments: Story = { args: { actor: 'ps-morel', tab: 'documents' } };

/** Blocked by the patient: refused in every mode, no emergency access offered. */
export const BlockedProfessional: Story = { args: { actor: 'ps-renard' } };

export const BlockedProfessionalDocuments: Story = { args: { actor: 'ps-renard', tab: 'documents' } };

// --- Dossier states ---------------------------------------------------------------------------

/** The closed dossier: its status, and the management tab where the patient reactivates it. */
export const ClosedDossierPatient: Story = {
  args: { actor: 'pat-lambert-michel', patientIns: PATIENT_CLOSED.identity.ins },
};

export const ClosedDossierPatientManagement: Story = {
  args: { actor: 'pat-lambert-michel', patientIns: PATIENT_CLOSED.identity.ins, tab: 'management' },
};

/** A professional sees only the closed dossier's status. */
export const ClosedDossierProfessional: Story = {
  args: { actor: 'ps-martin', patientIns: PATIENT_CLOSED.identity.ins },
};

/** 10,000 documents over fifteen years. */
export const LargeDossier: Story = {
  args: { actor: 'ps-martin', patientIns: PATIENT_LARGE.identity.ins },
};

/** A patient who has no DMP: said as a fact, with no tab. */
export const NoDossier: Story = {
  args: { actor: 'ps-martin', patientIns: PATIENT_NO_DOSSIER.ins },
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, '[data-reason="no-dossier"]')),
};

/** The host named no patient (`patient-ins` empty). */
export const NoPatient: Story = {
  args: { patientIns: '' },
};

/** `selector` in the shadow root of a tab's element (`element`, a selector in the dossier's), once that element has drawn it. */
function inTab<T extends Element = HTMLElement>(canvas: HTMLElement, element: string, selector: string): Promise<T> {
  return waitFor(
    () => {
      const found = canvas.querySelector(TAG)?.shadowRoot?.querySelector(element)?.shadowRoot?.querySelector<T>(selector);
      if (!found) throw new Error(`${element}: ${selector} is not drawn yet`);
      return found;
    },
    { timeout: 8000 },
  );
}

// --- Emergency access -------------------------------------------------------------------------

/** In the récapitulatif, the emergency physician justifies and confirms break-glass access, and sends it; resolves once the dossier shows it granted. */
async function grantBreakGlass(canvas: HTMLElement): Promise<void> {
  const form = await shown<DmpBreakGlass>(canvas, TAG, 'dmp-break-glass');
  const area = await waitFor(
    () => {
      const found = form.shadowRoot?.querySelector<HTMLTextAreaElement>('#justification');
      if (!found) throw new Error('dmp-break-glass: the form is not drawn yet');
      return found;
    },
    { timeout: 8000 },
  );
  area.value = 'Patiente admise inconsciente aux urgences : recherche des traitements en cours.';
  area.dispatchEvent(new Event('input'));
  form.shadowRoot!.querySelector<HTMLInputElement>('#confirm')!.click();
  await form.updateComplete;
  form.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await said(canvas, TAG, '#emergency');
}

/**
 * An emergency physician the patient never authorized asks for break-glass access from the
 * récapitulatif: once granted, the banner says until when, and the dossier reloads in emergency mode.
 */
export const EmergencyAccessGranted: Story = {
  args: { actor: 'ps-morel' },
  play: async ({ canvasElement }) => {
    await grantBreakGlass(canvasElement);
    await shown(canvasElement, TAG, '#panel-recap table.latest');
  },
};

/** Under the grant, the tabs refused before open: the documents tab. */
export const EmergencyAccessDocuments: Story = {
  args: { actor: 'ps-morel' },
  play: async ({ canvasElement }) => {
    await grantBreakGlass(canvasElement);
    await shown(canvasElement, TAG, '#panel-recap table.latest');
    (await shown<HTMLButtonElement>(canvasElement, TAG, '#tab-documents')).click();
    await inTab(canvasElement, '#panel-documents dmp-document-list', '[part="row"]');
  },
};

// --- Loading and failures ---------------------------------------------------------------------

/** While the dossier is read (the server holds its answer ten minutes here). */
export const Loading: Story = {
  parameters: { provider: HOLDING },
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, latencyMs: HOLD_MS });
  },
};

/** The récapitulatif while the synthesis is read (held ten minutes here). */
export const RecapLoading: Story = {
  parameters: { provider: HOLDING },
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/synthesis', latencyMs: HOLD_MS });
  },
};

/** The récapitulatif's calls fail: an error with a retry (which then succeeds). */
export const RecapServerError: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/synthesis', status: 500, times: 3 });
  },
};

export const RecapOffline: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/synthesis', network: true, times: 3 });
  },
};

export const RecapInvalidResponse: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/access-log', malformed: 'schema', times: 1 });
  },
};

export const DossierServerError: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, status: 500, times: 3 });
  },
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, '.notice--error[role="alert"]')),
};

/** The server no longer recognises the user (401): « Le serveur n’a pas reconnu l’utilisateur : reconnectez-vous. » */
export const Unauthorized: Story = failedRead(TAG, `/dossiers/${ADULT}$`, UNAUTHORIZED, '.notice--error[role="alert"]');

/** A 429 at each of the client's three tries, each retry after the 1 s it asks: « Trop de demandes : patientez un instant avant de réessayer. » */
export const RateLimited: Story = failedRead(TAG, `/dossiers/${ADULT}$`, RATE_LIMITED, '.notice--error[role="alert"]');

/**
 * The patient's opposition, saved in the management tab, changes her access conditions: the
 * dossier reads them again and that read fails (a 500 once the client's retries are spent). The
 * error, with Retry, stands above the tabs, which stay as they were, the panel's success line in view.
 */
export const ReloadFails: Story = {
  args: { tab: 'management' },
  play: async ({ canvasElement }) => {
    const box = await inTab<HTMLInputElement>(canvasElement, 'dmp-consent-panel', '#oppose-breakGlass');
    db.faults.add({ method: 'GET', path: `/dossiers/${ADULT}$`, status: 500, times: 3 });
    box.click();
    await said(canvasElement, TAG, '.notice--error[role="alert"]');
    await inTab(canvasElement, 'dmp-consent-panel', '#oppositions .messages [role="status"] p');
  },
};

// --- English ----------------------------------------------------------------------------------

export const English: Story = { args: { locale: 'en' } };

export const EnglishProfessionalWithoutAccess: Story = { args: { locale: 'en', actor: 'ps-morel' } };

export const EnglishClosedDossier: Story = {
  args: { locale: 'en', actor: 'pat-lambert-michel', patientIns: PATIENT_CLOSED.identity.ins },
};

export const EnglishDossierServerError: Story = { ...DossierServerError, args: { locale: 'en' } };

export const EnglishRecapOffline: Story = { ...RecapOffline, args: { locale: 'en' } };

/**
 * A host's theme, set once on `dmp-provider`: the tokens reach every tab's element, and the
 * dossier exports their parts (`::part(document-list-row)`).
 */
export const Themed: Story = {
  args: { actor: 'ps-martin', tab: 'documents' },
  render: (args) => html`<style>
      .themed dmp-provider {
        --dmp-color-accent: #6a1b9a;
        --dmp-color-focus: #6a1b9a;
        --dmp-font-family: Georgia, 'Times New Roman', serif;
        --dmp-radius: 0;
      }
      .themed dmp-dossier::part(document-list-row):hover {
        background: #f3e5f5;
      }
    </style>
    <div class="themed">
      ${dossier(args)}
    </div>`,
};

// ---------------------------------------------------------------------------------------------
// What every element shares.

/** Outside a dmp-provider: the element says it needs one, and shows nothing else. */
export const ConfigurationError: Story = { render: (args) => html`<dmp-dossier patient-ins=${args.patientIns}></dmp-dossier>` };

/** In a provider whose host has not set the user (its `actor` property). */
export const NoUser: Story = NO_USER;

/** The session ended after inactivity (5 s here): no patient data is left on screen. */
export const SessionExpired: Story = SESSION_EXPIRED;
