import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { waitFor } from 'storybook/test';
import {
  BIOLOGIST_MERCIER,
  DR_MARTIN_TRAITANT,
  DR_MOREL_URGENTISTE,
  PATIENT_ADULT,
  PATIENT_CLOSED,
  PATIENT_MINOR,
  PATIENT_NO_DOSSIER,
  PATIENT_OPPOSED,
} from '../mocks/data/index.js';
import { db } from '../mocks/db/store.js';
import '../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import type { PatientDisplay } from '../src/model/patient.js';
import { elementArgTypes, failedRead, fill, HOLD_MS, HOLDING, inProvider, NO_USER, RATE_LIMITED, said, SESSION_EXPIRED, shown, UNAUTHORIZED } from './support.js';

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
const TAG = 'dmp-consent-panel';
const ARGS: Args = { actor: 'pat-durand-jeanne', locale: 'fr', headingLevel: undefined, patientIns: ADULT, patient: undefined };

const meta: Meta<Args> = {
  title: 'Elements/dmp-consent-panel',
  component: TAG,
  args: ARGS,
  argTypes: {
    ...elementArgTypes(TAG, ARGS),
    headingLevel: { control: { type: 'number', min: 1 } },
    patient: { control: 'object' },
  },
  render: (args) =>
    inProvider(html`<dmp-consent-panel heading-level=${ifDefined(args.headingLevel)} patient-ins=${args.patientIns} .patient=${args.patient}></dmp-consent-panel>`, args.actor, args.locale),
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

/** The server no longer recognises the user (401): « Le serveur n’a pas reconnu l’utilisateur : reconnectez-vous. » */
export const Unauthorized: Story = failedRead(TAG, '/authorizations', UNAUTHORIZED, '.load-error');

/** A 429 at each of the client's three tries, each retry after the 1 s it asks: « Trop de demandes : patientez un instant avant de réessayer. » */
export const RateLimited: Story = failedRead(TAG, '/authorizations', RATE_LIMITED, '.load-error');

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

/** The server took the opposition and its answer fails the schema: the change is most likely made, the panel shows the server's settings again and asks to check them. */
export const SaveAnsweredUnreadably: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'PUT', path: '/oppositions', malformed: 'schema', times: 1 });
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

// ---------------------------------------------------------------------------------------------
// Searching a professional to authorize.

/** Types `text` in the search for a professional to authorize, as the patient would. */
async function search(canvasElement: HTMLElement, text: string): Promise<void> {
  fill(await shown<HTMLInputElement>(canvasElement, TAG, '#search'), text);
}

/** The search's status line once the search is over: it says what was found, no longer "Recherche…". */
function searchDone(canvasElement: HTMLElement): Promise<void> {
  return waitFor(
    () => {
      const status = canvasElement.querySelector(TAG)?.shadowRoot?.querySelector('.search-status')?.textContent?.trim();
      if (!status || status.endsWith('…')) throw new Error('the search is not over yet');
    },
    { timeout: 8000 },
  );
}

/** A search by name: the directory's matches, each with its standing here or an Autoriser button. */
export const SearchResults: Story = {
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'ar');
    await shown(canvasElement, TAG, '.search .results');
  },
};

/** While the directory is searched (the server holds its answer ten minutes here): "Recherche…". */
export const Searching: Story = {
  parameters: { provider: HOLDING },
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/professionals', latencyMs: HOLD_MS });
  },
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'ar');
    await said(canvasElement, TAG, '.search-status');
  },
};

/** No one in the directory answers to the name typed. */
export const SearchNoMatch: Story = {
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'Zorglub');
    await searchDone(canvasElement);
  },
};

/** An RPPS number whose last digit (its Luhn key) is wrong: said under the field, nothing is searched. */
export const SearchRppsWrongKey: Story = {
  play: async ({ canvasElement }) => {
    await search(canvasElement, '10012576393');
    await shown(canvasElement, TAG, '#search[aria-invalid="true"]');
  },
};

/** An RPPS number with too few digits: said under the field, nothing is searched. */
export const SearchRppsWrongLength: Story = {
  play: async ({ canvasElement }) => {
    await search(canvasElement, '100125763');
    await shown(canvasElement, TAG, '#search[aria-invalid="true"]');
  },
};

/** The directory search fails on the server (once the client's retries are spent): said below the field. */
export const SearchFailed: Story = {
  beforeEach: () => {
    db.faults.add({ method: 'GET', path: '/professionals', status: 500 });
  },
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'ar');
    await said(canvasElement, TAG, '.search [role="alert"]');
  },
};

// ---------------------------------------------------------------------------------------------
// The patient's forms, sent with what they cannot take.

/** An e-mail address and a landline number: each field says what is wrong, the first is focused. */
export const NotificationFormInvalid: Story = {
  play: async ({ canvasElement }) => {
    fill(await shown<HTMLInputElement>(canvasElement, TAG, '#notify-email'), 'jeanne.durand@');
    fill(await shown<HTMLInputElement>(canvasElement, TAG, '#notify-phone'), '04 78 12 34 56');
    (await shown<HTMLButtonElement>(canvasElement, TAG, '#notifications button[type="submit"]')).click();
    await said(canvasElement, TAG, '#notify-email-error');
    await said(canvasElement, TAG, '#notify-phone-error');
  },
};

/** A legal representative added with neither first name nor name. */
export const RepresentativeFormIncomplete: Story = {
  play: async ({ canvasElement }) => {
    (await shown<HTMLButtonElement>(canvasElement, TAG, '#representatives button[type="submit"]')).click();
    await said(canvasElement, TAG, '#rep-firstName-error');
    await said(canvasElement, TAG, '#rep-lastName-error');
  },
};

/** Closing the dossier without a reason nor the confirmation word typed. */
export const CloseFormIncomplete: Story = {
  play: async ({ canvasElement }) => {
    (await shown<HTMLButtonElement>(canvasElement, TAG, '#close button[type="submit"]')).click();
    await said(canvasElement, TAG, '#close-reason-error');
    await said(canvasElement, TAG, '#close-word-error');
  },
};

// ---------------------------------------------------------------------------------------------
// The other confirmations, each asked in the panel's dialog, Annuler focused.

/** The title of the confirmation dialog, once it is open. */
function dialogShown(canvasElement: HTMLElement): Promise<HTMLElement> {
  return said(canvasElement, TAG, 'dialog[part="dialog"][open] #confirm-title');
}

/** Confirms the change the dialog asks about, as a click on its confirm button would. */
async function confirmChange(canvasElement: HTMLElement): Promise<void> {
  (await shown<HTMLButtonElement>(canvasElement, TAG, 'dialog[part="dialog"][open] button[value="confirm"]')).click();
}

/** Finds the optician in the directory and asks to authorize her. */
async function askGrant(canvasElement: HTMLElement): Promise<void> {
  await search(canvasElement, 'Fontaine');
  (await shown<HTMLButtonElement>(canvasElement, TAG, '.search .results button[data-change="grant"]')).click();
}

/** Authorizing a professional found in the directory asks first. */
export const GrantConfirmation: Story = {
  play: async ({ canvasElement }) => {
    await askGrant(canvasElement);
    await dialogShown(canvasElement);
  },
};

/** Blocking an authorized professional asks first, saying that it holds even in an emergency. */
export const BlockConfirmation: Story = {
  play: async ({ canvasElement }) => {
    (await shown<HTMLButtonElement>(canvasElement, TAG, `li[data-rpps="${BIOLOGIST_MERCIER.rpps}"] button[data-change="block"]`)).click();
    await dialogShown(canvasElement);
  },
};

/** Unblocking a professional asks first: they will need an authorization again. */
export const UnblockConfirmation: Story = {
  play: async ({ canvasElement }) => {
    (await shown<HTMLButtonElement>(canvasElement, TAG, '#authorizations button[data-change="unblock"]')).click();
    await dialogShown(canvasElement);
  },
};

/** Unblocking the médecin traitant asks first: their access comes back at once, as médecin traitant. */
export const UnblockTreatingPhysicianConfirmation: Story = {
  beforeEach: () => {
    db.dossiers.get(ADULT)!.blocked.push({ rpps: DR_MARTIN_TRAITANT.rpps, since: '2026-10-01T08:00:00.000Z' });
  },
  play: async ({ canvasElement }) => {
    (await shown<HTMLButtonElement>(canvasElement, TAG, `li[data-rpps="${DR_MARTIN_TRAITANT.rpps}"] button[data-change="unblock"]`)).click();
    await dialogShown(canvasElement);
  },
};

/** The mother, on their daughter's dossier, where the father is a legal representative too. */
const FATHER_REPRESENTS: Story = {
  args: { actor: 'rep-moreau-sophie', patientIns: PATIENT_MINOR.identity.ins },
  beforeEach: () => {
    db.dossiers
      .get(PATIENT_MINOR.identity.ins)!
      .legalRepresentatives.push({ id: 'rep-moreau-thierry', firstName: 'Thierry', lastName: 'Moreau', relationship: 'parent', since: '2021-09-06T17:40:00.000Z' });
  },
};

/** The father's Retirer button. */
const REMOVE_FATHER = '#representatives li[data-id="rep-moreau-thierry"] button';

/** The mother removes the father from the legal representatives of their daughter: asked first. */
export const RemoveRepresentativeConfirmation: Story = {
  ...FATHER_REPRESENTS,
  play: async ({ canvasElement }) => {
    (await shown<HTMLButtonElement>(canvasElement, TAG, REMOVE_FATHER)).click();
    await dialogShown(canvasElement);
  },
};

/** The mother removes herself from the legal representatives: asked first, as it ends her own access. */
export const RemoveSelfConfirmation: Story = {
  args: { actor: 'rep-moreau-sophie', patientIns: PATIENT_MINOR.identity.ins },
  play: async ({ canvasElement }) => {
    (await shown<HTMLButtonElement>(canvasElement, TAG, '#representatives li[data-id="rep-moreau-sophie"] button')).click();
    await dialogShown(canvasElement);
  },
};

/** Reactivating a closed dossier asks first. */
export const ReactivationConfirmation: Story = {
  args: { actor: 'pat-lambert-michel', patientIns: PATIENT_CLOSED.identity.ins },
  play: async ({ canvasElement }) => {
    (await shown<HTMLButtonElement>(canvasElement, TAG, '#dossier-status button')).click();
    await dialogShown(canvasElement);
  },
};

// ---------------------------------------------------------------------------------------------
// After a change.

/** The success line of `section` (its id), once the change is saved. */
function succeeded(canvasElement: HTMLElement, section: string): Promise<HTMLElement> {
  return said(canvasElement, TAG, `#${section} .messages [role="status"]`);
}

/** Clicks `button`, confirms the change in the dialog, and waits for the success line of `section`. */
async function confirmed(canvasElement: HTMLElement, button: string, section: string): Promise<void> {
  (await shown<HTMLButtonElement>(canvasElement, TAG, button)).click();
  await confirmChange(canvasElement);
  await succeeded(canvasElement, section);
}

/** The optician authorized (found, asked, confirmed): the section says so, and lists her. */
export const AuthorizationGranted: Story = {
  play: async ({ canvasElement }) => {
    await askGrant(canvasElement);
    await confirmChange(canvasElement);
    await succeeded(canvasElement, 'authorizations');
  },
};

/** An authorization withdrawn (asked, confirmed): « L’autorisation de … est retirée. », and the professional is no longer listed. */
export const AuthorizationRevoked: Story = {
  play: ({ canvasElement }) => confirmed(canvasElement, '#authorizations button[data-change="revoke"]', 'authorizations'),
};

/** The biologist blocked (asked, confirmed): « … est bloqué. », and she is listed with the blocked professionals. */
export const ProfessionalBlocked: Story = {
  play: ({ canvasElement }) => confirmed(canvasElement, `li[data-rpps="${BIOLOGIST_MERCIER.rpps}"] button[data-change="block"]`, 'authorizations'),
};

/** The blocked professional unblocked (asked, confirmed): « … est débloqué. » */
export const ProfessionalUnblocked: Story = {
  play: ({ canvasElement }) => confirmed(canvasElement, '#authorizations button[data-change="unblock"]', 'authorizations'),
};

/** Break-glass access refused by a tick: « Votre choix est enregistré et s’applique dès maintenant. » */
export const OppositionSaved: Story = {
  play: async ({ canvasElement }) => {
    (await shown<HTMLInputElement>(canvasElement, TAG, '#oppose-breakGlass')).click();
    await succeeded(canvasElement, 'oppositions');
  },
};

/** New documents now also told by SMS, saved: « Vos préférences de notification sont enregistrées. » */
export const NotificationPreferencesSaved: Story = {
  play: async ({ canvasElement }) => {
    (await shown<HTMLInputElement>(canvasElement, TAG, '#newDocument-sms')).click();
    (await shown<HTMLButtonElement>(canvasElement, TAG, '#notifications button[type="submit"]')).click();
    await succeeded(canvasElement, 'notifications');
  },
};

/** Her son added as her curator: « … est ajouté comme représentant légal. », and he is listed. */
export const RepresentativeAdded: Story = {
  play: async ({ canvasElement }) => {
    fill(await shown<HTMLInputElement>(canvasElement, TAG, '#rep-firstName'), 'Marc');
    fill(await shown<HTMLInputElement>(canvasElement, TAG, '#rep-lastName'), 'Durand');
    fill(await shown<HTMLSelectElement>(canvasElement, TAG, '#rep-relationship'), 'curator');
    (await shown<HTMLButtonElement>(canvasElement, TAG, '#representatives button[type="submit"]')).click();
    await succeeded(canvasElement, 'representatives');
  },
};

/** The father removed (asked, confirmed): « Thierry Moreau n’est plus représentant légal. » */
export const RepresentativeRemoved: Story = {
  ...FATHER_REPRESENTS,
  play: ({ canvasElement }) => confirmed(canvasElement, REMOVE_FATHER, 'representatives'),
};

/** The dossier closed (reason given, FERMER typed): « Le dossier est fermé. » over its closed status. */
export const DossierClosed: Story = {
  play: async ({ canvasElement }) => {
    fill(await shown<HTMLTextAreaElement>(canvasElement, TAG, '#close-reason'), 'Je ne souhaite plus utiliser le DMP.');
    fill(await shown<HTMLInputElement>(canvasElement, TAG, '#close-word'), 'FERMER');
    (await shown<HTMLButtonElement>(canvasElement, TAG, '#close button[type="submit"]')).click();
    // Read again once closed: the status says so, with the line under it.
    await shown(canvasElement, TAG, '#dossier-status.notice--closed');
    await succeeded(canvasElement, 'dossier-status');
  },
};

/** The closed dossier reactivated (asked, confirmed): every section is back, under the message. */
export const DossierReactivated: Story = {
  args: { actor: 'pat-lambert-michel', patientIns: PATIENT_CLOSED.identity.ins },
  play: async ({ canvasElement }) => {
    (await shown<HTMLButtonElement>(canvasElement, TAG, '#dossier-status button')).click();
    await confirmChange(canvasElement);
    // Read again once reactivated: the patient's sections are back.
    await shown(canvasElement, TAG, '#oppositions');
    await succeeded(canvasElement, 'dossier-status');
  },
};

/**
 * An opposition ticked while the previous one is still being saved (the server holds it ten
 * minutes here): the second change is refused, and the section says to try again in a moment.
 */
export const PreviousChangeStillSaving: Story = {
  parameters: { provider: HOLDING },
  beforeEach: () => {
    db.faults.add({ method: 'PUT', path: '/oppositions', latencyMs: HOLD_MS });
  },
  play: async ({ canvasElement }) => {
    const box = await shown<HTMLInputElement>(canvasElement, TAG, '#oppose-breakGlass');
    box.click();
    await shown(canvasElement, TAG, '#oppositions[aria-busy="true"]');
    box.click();
    await said(canvasElement, TAG, '#oppositions [role="alert"]');
  },
};

/** Paul-Antoine Santoni, who has no DMP yet, opens his own settings. */
export const PatientWithoutDossier: Story = {
  args: { actor: 'pat-santoni-paul-antoine', patientIns: PATIENT_NO_DOSSIER.ins },
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

// ---------------------------------------------------------------------------------------------
// What every element shares.

/** Outside a dmp-provider: the element says it needs one, and shows nothing else. */
export const ConfigurationError: Story = { render: (args) => html`<dmp-consent-panel patient-ins=${args.patientIns}></dmp-consent-panel>` };

/** In a provider whose host has not set the user (its `actor` property). */
export const NoUser: Story = NO_USER;

/** The session ended after inactivity (5 s here): no patient data is left on screen. */
export const SessionExpired: Story = SESSION_EXPIRED;
