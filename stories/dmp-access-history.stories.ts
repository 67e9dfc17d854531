import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { http, HttpResponse } from 'msw';
import { PATIENT_ADULT, PATIENT_MINOR, PATIENT_NO_DOSSIER } from '../mocks/data/index.js';
import { db } from '../mocks/db/store.js';
import '../src/elements/dmp-access-history/dmp-access-history.js';
import type { PatientDisplay } from '../src/model/patient.js';
import { ACTIONS, type AccessMode, type Action } from '../src/policy/types.js';
import { elementArgTypes, failedRead, HOLD_MS, HOLDING, inProvider, NO_USER, RATE_LIMITED, said, SESSION_EXPIRED, shown, UNAUTHORIZED } from './support.js';

interface Args {
  actor: string;
  locale: 'fr' | 'en';
  /** The element's heading-level: where its title sits in the page's outline. */
  headingLevel: number | undefined;
  patientIns: string;
  patient: PatientDisplay | undefined;
  mode: AccessMode | undefined;
  actorFilter: string;
  actionFilter: Action | undefined;
  dateFrom: string;
  dateTo: string;
  emergencyOnly: boolean;
  pageSize: number;
  exportLimit: number;
}

const ADULT = PATIENT_ADULT.identity.ins;
const MINOR = PATIENT_MINOR.identity.ins;
const ACCESS_LOG_PATH = '/access-log';
const TAG = 'dmp-access-history';
const ARGS: Args = {
  actor: 'pat-durand-jeanne',
  locale: 'fr',
  headingLevel: undefined,
  patientIns: ADULT,
  patient: undefined,
  mode: undefined,
  actorFilter: '',
  actionFilter: undefined,
  dateFrom: '',
  dateTo: '',
  emergencyOnly: false,
  pageSize: 50,
  exportLimit: 10_000,
};

const meta: Meta<Args> = {
  title: 'Elements/dmp-access-history',
  component: TAG,
  args: ARGS,
  argTypes: {
    ...elementArgTypes(TAG, ARGS),
    headingLevel: { control: { type: 'number', min: 1 } },
    patient: { control: 'object' },
    mode: { control: 'select', options: [undefined, 'normal', 'break-glass', 'regulation'] },
    actionFilter: { control: 'select', options: [undefined, ...ACTIONS] },
    pageSize: { control: { type: 'number', min: 1, max: 1000 } },
    exportLimit: { control: { type: 'number', min: 1 } },
  },
  render: (args) =>
    inProvider(
      html`<dmp-access-history heading-level=${ifDefined(args.headingLevel)}
        patient-ins=${args.patientIns}
        .patient=${args.patient}
        mode=${ifDefined(args.mode)}
        actor-filter=${args.actorFilter}
        action-filter=${ifDefined(args.actionFilter)}
        date-from=${args.dateFrom}
        date-to=${args.dateTo}
        ?emergency-only=${args.emergencyOnly}
        page-size=${args.pageSize}
        export-limit=${args.exportLimit}
      ></dmp-access-history>`,
      args.actor,
      args.locale,
    ),
};
export default meta;

type Story = StoryObj<Args>;

/** The patient sees every access to her dossier, emergency ones marked and justified. */
export const PatientView: Story = {};

/** The mother of a minor: the lines made under the minor's connexion secrète are not sent to her. */
export const RepresentativeView: Story = {
  args: { actor: 'rep-moreau-sophie', patientIns: MINOR },
};

/** The minor herself sees the connexion secrète lines her mother does not. */
export const MinorPatientView: Story = {
  args: { actor: 'pat-moreau-lea', patientIns: MINOR },
};

/** A professional, even the médecin traitant, gets the refusal in words and no log request. */
export const ForbiddenForProfessional: Story = {
  args: { actor: 'ps-martin' },
};

/** An insurer is refused by law, at the existence test already. */
export const ForbiddenForInsurer: Story = {
  args: { actor: 'insurer-mutuelle' },
};

/** A patient opens the history of another patient's dossier: the server refuses even to say whether it exists, and that is explained. */
export const ForbiddenOtherPatientsDossier: Story = {
  args: { patientIns: MINOR },
};

/** A legal representative opens the history of a patient she does not represent: refused, with the reason. */
export const ForbiddenNotTheirRepresentative: Story = {
  args: { actor: 'rep-moreau-sophie' },
};

/** A person who has no DMP yet opens its history: there is none to show, said with the reason. */
export const NoDossier: Story = {
  args: { actor: 'pat-santoni-paul-antoine', patientIns: PATIENT_NO_DOSSIER.ins },
};

/** Break-glass and regulation accesses only, merged by date. */
export const EmergencyOnly: Story = {
  args: { emergencyOnly: true },
};

export const FilteredByActorAndDates: Story = {
  args: { actorFilter: 'Dubois', dateFrom: '2026-09-01', dateTo: '2026-09-30' },
};

/** Small pages: "load older accesses" fetches the next one. */
export const Paginated: Story = {
  args: { pageSize: 5 },
};

/** Small pages: loading the older accesses fails (after the client's retries), said above "Réessayer". */
export const LoadMoreFailed: Story = {
  args: { pageSize: 5 },
  play: async ({ canvasElement }) => {
    const more = await shown<HTMLButtonElement>(canvasElement, TAG, '.more button[aria-disabled="false"]');
    db.faults.add({ method: 'GET', path: ACCESS_LOG_PATH, status: 500, times: 3 });
    more.click();
    await said(canvasElement, TAG, '.more .field-error[role="alert"]');
  },
};

/**
 * A dossier with no entry yet. The reference backend logs the element's own existence test before
 * the log is read, so this answer comes from a story handler.
 */
export const Empty: Story = {
  parameters: {
    msw: [http.get('*/api/dmp/v1/dossiers/:ins/access-log', () => HttpResponse.json({ items: [] }))],
  },
};

/** Nothing matches the filters. */
export const EmptyFiltered: Story = {
  args: { dateFrom: '2030-01-01' },
};

/** A start date after the end date: said at the dates, and the period called empty. */
export const ReversedDates: Story = {
  args: { dateFrom: '2026-09-30', dateTo: '2026-09-01' },
};

/** The history while the server has not answered (held ten minutes here). */
export const Loading: Story = {
  parameters: { provider: HOLDING },
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: ACCESS_LOG_PATH, latencyMs: HOLD_MS });
  },
};

/** A 500 once the client's retries are spent; "try again" works once the fault is gone. */
export const ServerError: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: ACCESS_LOG_PATH, status: 500, times: 3 });
  },
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, '.notice--error')),
};

export const Offline: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: ACCESS_LOG_PATH, network: true, times: 3 });
  },
  play: async ({ canvasElement }) => void (await said(canvasElement, TAG, '.notice--error')),
};

export const InvalidResponse: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: ACCESS_LOG_PATH, malformed: 'schema', times: 1 });
  },
};

/** The server no longer recognises the user (401): « Le serveur n’a pas reconnu l’utilisateur : reconnectez-vous. » */
export const Unauthorized: Story = failedRead(TAG, ACCESS_LOG_PATH, UNAUTHORIZED, '.notice--error');

/** A 429 at each of the client's three tries, each retry after the 1 s it asks: « Trop de demandes : patientez un instant avant de réessayer. » */
export const RateLimited: Story = failedRead(TAG, ACCESS_LOG_PATH, RATE_LIMITED, '.notice--error');

// ---------------------------------------------------------------------------------------------
// CSV export.

/**
 * Clicks "Exporter en CSV" once the log is shown. The file the element then offers (a link it
 * clicks) is not downloaded: each showing of the story would otherwise save one.
 */
async function exportCsv(canvas: HTMLElement, before?: () => void, loaded = 'tr[data-id]'): Promise<void> {
  await shown(canvas, TAG, loaded);
  const button = await shown<HTMLButtonElement>(canvas, TAG, 'button.export');
  (button.getRootNode() as ShadowRoot).addEventListener(
    'click',
    (e) => {
      if (e.target instanceof HTMLAnchorElement && e.target.download) e.preventDefault();
    },
    { capture: true },
  );
  before?.();
  button.click();
}

/** The filtered log is exported: "Fichier CSV prêt : N entrées exportées." */
export const ExportDone: Story = {
  play: async ({ canvasElement }) => {
    await exportCsv(canvasElement);
    await said(canvasElement, TAG, '.export-status');
  },
};

/** The export under way (its request held ten minutes here): "Export en cours…" on the button, which does not start another. */
export const ExportRunning: Story = {
  parameters: { provider: HOLDING },
  play: async ({ canvasElement }) => {
    await exportCsv(canvasElement, () => db.faults.add({ method: 'GET', path: ACCESS_LOG_PATH, latencyMs: HOLD_MS, times: 1 }));
    await shown(canvasElement, TAG, 'button.export[aria-disabled="true"]');
  },
};

/** Filters that match nothing, exported all the same: "Fichier CSV prêt : aucune entrée exportée." */
export const ExportEmpty: Story = {
  args: { dateFrom: '2030-01-01' },
  play: async ({ canvasElement }) => {
    // No row to wait for: the log is read once the export button is drawn in a history no longer busy.
    await exportCsv(canvasElement, undefined, '.base[aria-busy="false"] button.export');
    await said(canvasElement, TAG, '.export-status');
  },
};

/** More entries than `export-limit` (3 here): the newest ones are exported, and the user is told to narrow the filters. */
export const ExportTruncated: Story = {
  args: { exportLimit: 3 },
  play: async ({ canvasElement }) => {
    await exportCsv(canvasElement);
    await said(canvasElement, TAG, '.export-status');
  },
};

/** The log was read, then the server fails while exporting: the reason, and the button to try again. */
export const ExportFailed: Story = {
  play: async ({ canvasElement }) => {
    await exportCsv(canvasElement, () => db.faults.add({ method: 'GET', path: ACCESS_LOG_PATH, status: 500 }));
    await said(canvasElement, TAG, '.field-error[role="alert"]');
  },
};

/** Markup in a logged name or justification is shown as text. */
export const HostileText: Story = {
  beforeEach: () => {
    const payload = '<img src=x onerror=alert(1)>';
    db.appendLog(ADULT, {
      id: 'log-story-hostile',
      at: '2026-11-19T08:00:00.000Z',
      actor: { kind: 'professional', name: payload, rpps: '10003456786', profession: '10', organisation: payload },
      action: 'document.read',
      target: { title: payload },
      mode: 'break-glass',
      justification: payload,
      outcome: 'allowed',
      reason: 'allowed',
      secret: false,
    });
  },
};

export const English: Story = {
  args: { locale: 'en' },
};

export const EnglishEmergencyOnly: Story = {
  args: { locale: 'en', emergencyOnly: true },
};

export const EnglishForbiddenForProfessional: Story = {
  args: { locale: 'en', actor: 'ps-martin' },
};

export const EnglishExportTruncated: Story = { ...ExportTruncated, args: { locale: 'en', exportLimit: 3 } };

export const EnglishExportFailed: Story = { ...ExportFailed, args: { locale: 'en' } };

export const EnglishServerError: Story = { ...ServerError, args: { locale: 'en' } };

export const EnglishOffline: Story = { ...Offline, args: { locale: 'en' } };

// ---------------------------------------------------------------------------------------------
// What every element shares.

/** Outside a dmp-provider: the element says it needs one, and shows nothing else. */
export const ConfigurationError: Story = { render: (args) => html`<dmp-access-history patient-ins=${args.patientIns}></dmp-access-history>` };

/** In a provider whose host has not set the user (its `actor` property). */
export const NoUser: Story = NO_USER;

/** The session ended after inactivity (5 s here): no patient data is left on screen. */
export const SessionExpired: Story = SESSION_EXPIRED;
