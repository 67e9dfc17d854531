import { createContext } from '@lit/context';
import type { DmpClient } from '../client/types.js';
import type { Actor } from '../model/actor.js';
import type { DossierInfo, EmergencyGrant } from '../model/dossier.js';
import type { decide } from '../policy/decide.js';
import type { isReleasedToPatient } from '../policy/release.js';
import type { DmpLocale } from '../i18n/localization.js';
import { normalizeNir } from '../model/nir-spelling.js';

/**
 * Keys use `Symbol.for` so that two copies of the library on one page (two apps on one
 * intranet page) still find each other's provider.
 */
export const clientContext = createContext<DmpClient | undefined>(Symbol.for('dmp-elements/client'));
export const actorContext = createContext<Actor | undefined>(Symbol.for('dmp-elements/actor'));
export const localeContext = createContext<DmpLocale | undefined>(Symbol.for('dmp-elements/locale'));

/** The policy engine handed to elements; the default is `decide` from src/policy. */
export interface PolicyEngine {
  decide: typeof decide;
  /**
   * Whether an invisible-to-patient document has become visible to the patient (a month after its
   * submission), for the lists' badges. An engine without it leaves the flag shown as it stands.
   */
  isReleasedToPatient?: typeof isReleasedToPatient;
}
export const policyContext = createContext<PolicyEngine | undefined>(Symbol.for('dmp-elements/policy'));

/** An emergency access granted to this session: for one patient, with its written reason. */
export interface SessionGrant extends EmergencyGrant {
  ins: string;
  justification: string;
}

export interface SessionState {
  state: 'active' | 'expired';
  /**
   * Why an expired session ended: `inactivity` keeps each author's unsaved edits on the device
   * for when they come back; `logout` means the user left, and their edits go with them.
   */
  endedBy?: 'inactivity' | 'logout' | undefined;
  /**
   * The emergency accesses granted to this session, one per patient at most, each sent on later
   * requests about its patient until it ends (see {@link grantFor}).
   */
  emergencyGrants: readonly SessionGrant[];
  /** A minor's connexion secrète: what is submitted is hidden from the representatives. */
  secret: boolean;
  /**
   * How many times a user logged out of this provider. An element that sees it change drops what
   * was typed, even when a new session began before it could see the logout.
   */
  logouts: number;
}

/**
 * The emergency access this session holds for `ins`, if any, however either INS was typed: the
 * server reads `2 58 03…` and `25803…` as one patient, and so must the elements and the headers.
 */
export function grantFor(session: SessionState | undefined, ins: string | undefined): SessionGrant | undefined {
  return ins === undefined ? undefined : session?.emergencyGrants.find((grant) => normalizeNir(grant.ins) === normalizeNir(ins));
}

export const sessionContext = createContext<SessionState | undefined>(Symbol.for('dmp-elements/session'));

export const DATA_TOPICS = ['documents', 'synthesis', 'authorizations', 'history', 'dossier', 'settings'] as const;
export type DataTopic = (typeof DATA_TOPICS)[number];

/**
 * Whether a change of these topics may change a dossier's access conditions: its policy view
 * holds its status, its authorizations, and the patient's oppositions and representatives.
 */
export function changesAccess(topics: readonly DataTopic[]): boolean {
  return topics.some((topic) => topic === 'dossier' || topic === 'authorizations' || topic === 'settings');
}

/** Published after every write, so elements showing that data reload without polling. */
export interface DataChange {
  /** Increases on every change; elements compare it to know they must reload. */
  revision: number;
  topics: readonly DataTopic[];
  /** The patient whose data changed, without spaces and upper-cased (`2A…`), however the writer spelled it; absent for all. */
  ins?: string | undefined;
}
export const dataChangeContext = createContext<DataChange | undefined>(Symbol.for('dmp-elements/data-change'));

/** What the provider lets its elements ask of it. */
export interface ProviderApi {
  notifyDataChanged(topics: readonly DataTopic[], ins?: string): void;
  /**
   * The changes published after `revision`, oldest first. When some of them are no longer kept
   * (an element out of the page for long), one change of every topic, naming no patient.
   */
  changesSince(revision: number): readonly DataChange[];
  /**
   * The existence test of `ins` (`getDossier`) for the current actor, asked once and shared by
   * the elements of this provider for a minute: each request is one more line in the patient's
   * history. Asked again after a failure, a change of actor, client or session, a data change
   * naming the dossier, its authorizations or its settings, or when `fresh` (the user asked to
   * reload).
   */
  dossierInfo(ins: string, options?: { fresh?: boolean }): Promise<DossierInfo>;
  /** Records an emergency access granted to this session, in place of its patient's previous one. */
  setEmergencyGrant(grant: SessionGrant): void;
  logout(): Promise<void>;
}
export const providerApiContext = createContext<ProviderApi | undefined>(Symbol.for('dmp-elements/provider-api'));
