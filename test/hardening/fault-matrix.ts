import { expect, html, waitUntil } from '@open-wc/testing';
import { ACTORS, PATIENT_ADULT, PATIENT_CLOSED, PATIENT_MINOR, PATIENT_NO_DOSSIER, SEED_NOW } from '../../mocks/data/index.js';
import type { FaultSpec } from '../../mocks/db/faults.js';
import { etagOf } from '../../mocks/handlers/synthesis.js';
import { DmpError, answeredUnreadably, type DmpErrorKind } from '../../src/client/errors.js';
import '../../src/elements/dmp-access-history/dmp-access-history.js';
import '../../src/elements/dmp-break-glass/dmp-break-glass.js';
import '../../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import '../../src/elements/dmp-document-list/dmp-document-list.js';
import '../../src/elements/dmp-dossier-create/dmp-dossier-create.js';
import { requestErrorText } from '../../src/elements/dmp-dossier-create/messages.js';
import '../../src/elements/dmp-dossier/dmp-dossier.js';
import '../../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import { errorText as profileErrorText } from '../../src/elements/dmp-patient-profile/texts.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import { errorText, writeFailureText } from '../../src/i18n/error-text.js';
import { reasonText } from '../../src/i18n/labels.js';
import type { Actor } from '../../src/model/actor.js';
import type { DmpDocument } from '../../src/model/document.js';
import type { Synthesis } from '../../src/model/synthesis.js';
import { decide } from '../../src/policy/decide.js';
import type { Action, ReasonCode } from '../../src/policy/types.js';
import {
  alias,
  button,
  check,
  choose,
  confirmDialog,
  db,
  find,
  findButton,
  get,
  guardian,
  mount,
  mountDefaults,
  POLL_MS,
  WAIT_MS,
  pdf,
  pickFile,
  said,
  shadowRoots,
  typeIn,
  until,
  visibleText,
  waitFor,
  worker,
  type Mounted,
  suiteHooks,
} from './support.js';

const ADULT = PATIENT_ADULT.identity.ins;
const MINOR = PATIENT_MINOR.identity.ins;
const CLOSED = PATIENT_CLOSED.identity.ins;

export type Tag =
  | 'dmp-document-list'
  | 'dmp-access-history'
  | 'dmp-synthesis-editor'
  | 'dmp-consent-panel'
  | 'dmp-break-glass'
  | 'dmp-dossier-create'
  | 'dmp-patient-profile'
  | 'dmp-dossier';

/** Faults injected through `db.faults`, one column each. */
const FAULTS = ['400', '401', '403', '404', '409', '429', '500', '503', 'timeout', 'offline', 'truncated', 'schema'] as const;
type InjectedFault = (typeof FAULTS)[number];

/**
 * Faults that are real situations rather than injected answers: the server refuses for a policy
 * reason (403 with its reason code, 409 `dossier-exists`, 412 with the other version), or the
 * request is made stale by the host.
 */
type Situation =
  /** The host switches `patient-ins` while the call is in flight: the stale request is aborted. */
  | 'abort'
  | 'actor:blocked'
  | 'actor:insurer'
  | 'actor:other-patient'
  | 'meanwhile:dossier-closed'
  | 'meanwhile:blocked'
  | 'meanwhile:opposed'
  | 'meanwhile:not-treating'
  | 'meanwhile:created-elsewhere'
  | 'meanwhile:saved-elsewhere';
type Fault = InjectedFault | Situation;

/**
 * What the user sees: the element's sentence for a `DmpError` kind, the words of a policy
 * reason, `ok` (nothing failed for the user), `silent` (the stale request leaves no trace),
 * `unreadable` (the content is said to be unreadable, never guessed), `none-yet` (a 404 is taken
 * for "nothing yet", as an integrator's gateway may answer it), `conflict-panel` (the user chooses
 * between two versions).
 * `/final`: nothing to try again — a load offers no Retry button (it would meet the same answer),
 * a write is not sent again; otherwise the Retry button, or the same submission again, succeeds
 * once the fault is gone.
 */
type Says = DmpErrorKind | 'ok' | 'silent' | 'unreadable' | 'none-yet' | 'conflict-panel' | `reason:${ReasonCode}`;
type Expected = Says | `${Says}/final`;
type Cells = { [F in InjectedFault]: Expected };

const GRID: Array<[Tag, string, Cells]> = [
  //                                                  400                         401                  403                     404                  409                 429                     500       503       timeout     offline     truncated                   schema
  ['dmp-document-list', 'getDossier',             { 400: 'invalid-request/final', 401: 'unauthorized', 403: 'forbidden/final', 404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-document-list', 'listDocuments',          { 400: 'invalid-request/final', 401: 'unauthorized', 403: 'forbidden/final', 404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-document-list', 'listDocuments:more',     { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-document-list', 'updateDocument:mask',    { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response/final', schema: 'invalid-response/final' }],
  ['dmp-document-list', 'deleteDocument',         { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'ok',               schema: 'ok' }],
  ['dmp-document-list', 'addDocument',            { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-access-history', 'getDossier',            { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-access-history', 'listAccessLog',         { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-access-history', 'listAccessLog:more',    { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-access-history', 'listAccessLog:export',  { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-synthesis-editor', 'getDossier',          { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden/final', 404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-synthesis-editor', 'getSynthesis',        { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden/final', 404: 'none-yet/final', 409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-synthesis-editor', 'saveSynthesis',       { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-synthesis-editor', 'listSynthesisVersions', { 400: 'invalid-request',     401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-synthesis-editor', 'getSynthesisVersion', { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-consent-panel', 'getDossier',             { 400: 'invalid-request/final', 401: 'unauthorized', 403: 'forbidden/final', 404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-consent-panel', 'listAuthorizations',     { 400: 'invalid-request/final', 401: 'unauthorized', 403: 'forbidden/final', 404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-consent-panel', 'getOppositions',         { 400: 'invalid-request/final', 401: 'unauthorized', 403: 'forbidden/final', 404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-consent-panel', 'getNotificationPreferences', { 400: 'invalid-request/final', 401: 'unauthorized', 403: 'forbidden/final', 404: 'not-found', 409: 'conflict', 429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-consent-panel', 'listRepresentatives',    { 400: 'invalid-request/final', 401: 'unauthorized', 403: 'forbidden/final', 404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-consent-panel', 'searchProfessionals',    { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-consent-panel', 'changeAuthorization',    { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-consent-panel', 'setOppositions',         { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-consent-panel', 'setNotificationPreferences', { 400: 'invalid-request',   401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-consent-panel', 'addRepresentative',      { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-consent-panel', 'removeRepresentative',   { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'ok',               schema: 'ok' }],
  ['dmp-consent-panel', 'closeDossier',           { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-consent-panel', 'reactivateDossier',      { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-break-glass', 'getDossier',               { 400: 'invalid-request/final', 401: 'unauthorized', 403: 'forbidden/final', 404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-break-glass', 'requestEmergencyAccess',   { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-dossier-create', 'getDossier',            { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-dossier-create', 'createDossier',         { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-dossier-create', 'reactivateDossier',     { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-patient-profile', 'getDossier',           { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-patient-profile', 'listDocuments',        { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-patient-profile', 'getDocumentContent',   { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'unreadable/final', schema: 'unreadable/final' }],
  ['dmp-patient-profile', 'addDocument:profile',  { 400: 'invalid-request',       401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-patient-profile', 'addDocument:directives', { 400: 'invalid-request',     401: 'unauthorized', 403: 'forbidden',       404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-dossier', 'getDossier',                   { 400: 'invalid-request/final', 401: 'unauthorized', 403: 'forbidden/final', 404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-dossier', 'listDocuments',                { 400: 'invalid-request/final', 401: 'unauthorized', 403: 'forbidden/final', 404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-dossier', 'getSynthesis',                 { 400: 'invalid-request/final', 401: 'unauthorized', 403: 'forbidden/final', 404: 'none-yet/final', 409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
  ['dmp-dossier', 'getDocumentContent',           { 400: 'invalid-request/final', 401: 'unauthorized', 403: 'forbidden/final', 404: 'none-yet/final', 409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'unreadable/final', schema: 'unreadable/final' }],
  ['dmp-dossier', 'listAccessLog',                { 400: 'invalid-request/final', 401: 'unauthorized', 403: 'forbidden/final', 404: 'not-found',  409: 'conflict',  429: 'rate-limited', 500: 'http', 503: 'http', timeout: 'timeout', offline: 'network', truncated: 'invalid-response', schema: 'invalid-response' }],
];

/**
 * Every cell: element × call × fault → what the user sees. The injected faults come from GRID
 * (one row per call, one column per fault, complete by type); the real situations follow, one
 * per line: a stale load aborted by the host, and the policy's refusals with their reasons.
 */
const MATRIX: Array<[Tag, string, Fault, Expected]> = [
  ...GRID.flatMap(([tag, call, cells]) => FAULTS.map((fault): [Tag, string, Fault, Expected] => [tag, call, fault, cells[fault]])),
  ['dmp-document-list',    'getDossier',             'abort',                       'silent'],
  ['dmp-document-list',    'listDocuments',          'abort',                       'silent'],
  ['dmp-document-list',    'getDossier',             'actor:insurer',               'reason:never-authorized-actor/final'],
  ['dmp-document-list',    'getDossier',             'actor:other-patient',         'reason:not-own-dossier/final'],
  ['dmp-document-list',    'listDocuments',          'actor:blocked',               'reason:blocked/final'],
  ['dmp-document-list',    'updateDocument:mask',    'meanwhile:dossier-closed',    'reason:dossier-closed/final'],
  ['dmp-document-list',    'deleteDocument',         'meanwhile:dossier-closed',    'reason:dossier-closed/final'],
  ['dmp-document-list',    'addDocument',            'meanwhile:blocked',           'reason:blocked/final'],
  ['dmp-access-history',   'getDossier',             'abort',                       'silent'],
  ['dmp-access-history',   'listAccessLog',          'abort',                       'silent'],
  ['dmp-access-history',   'getDossier',             'actor:other-patient',         'reason:not-own-dossier/final'],
  ['dmp-access-history',   'getDossier',             'actor:insurer',               'reason:never-authorized-actor/final'],
  ['dmp-synthesis-editor', 'getDossier',             'abort',                       'silent'],
  ['dmp-synthesis-editor', 'getSynthesis',           'abort',                       'silent'],
  ['dmp-synthesis-editor', 'getDossier',             'actor:insurer',               'reason:never-authorized-actor/final'],
  ['dmp-synthesis-editor', 'saveSynthesis',          'meanwhile:not-treating',      'reason:not-treating-physician/final'],
  ['dmp-synthesis-editor', 'saveSynthesis',          'meanwhile:blocked',           'reason:blocked/final'],
  ['dmp-synthesis-editor', 'saveSynthesis',          'meanwhile:saved-elsewhere',   'conflict-panel'],
  ['dmp-consent-panel',    'getDossier',             'abort',                       'silent'],
  ['dmp-consent-panel',    'listAuthorizations',     'abort',                       'silent'],
  ['dmp-consent-panel',    'getDossier',             'actor:other-patient',         'reason:not-own-dossier/final'],
  ['dmp-consent-panel',    'changeAuthorization',    'meanwhile:dossier-closed',    'reason:dossier-closed/final'],
  ['dmp-consent-panel',    'setOppositions',         'meanwhile:dossier-closed',    'reason:dossier-closed/final'],
  ['dmp-consent-panel',    'setNotificationPreferences', 'meanwhile:dossier-closed', 'reason:dossier-closed/final'],
  ['dmp-consent-panel',    'addRepresentative',      'meanwhile:dossier-closed',    'reason:dossier-closed/final'],
  ['dmp-consent-panel',    'removeRepresentative',   'meanwhile:dossier-closed',    'reason:dossier-closed/final'],
  ['dmp-consent-panel',    'closeDossier',           'meanwhile:dossier-closed',    'reason:dossier-closed/final'],
  ['dmp-break-glass',      'getDossier',             'abort',                       'silent'],
  ['dmp-break-glass',      'getDossier',             'actor:insurer',               'reason:never-authorized-actor/final'],
  ['dmp-break-glass',      'requestEmergencyAccess', 'meanwhile:opposed',           'reason:patient-opposed/final'],
  ['dmp-break-glass',      'requestEmergencyAccess', 'meanwhile:blocked',           'reason:blocked/final'],
  ['dmp-dossier-create',   'getDossier',             'abort',                       'silent'],
  ['dmp-dossier-create',   'createDossier',          'meanwhile:created-elsewhere', 'reason:dossier-exists/final'],
  ['dmp-patient-profile',  'getDossier',             'abort',                       'silent'],
  ['dmp-patient-profile',  'listDocuments',          'abort',                       'silent'],
  ['dmp-patient-profile',  'getDossier',             'actor:insurer',               'reason:never-authorized-actor/final'],
  ['dmp-patient-profile',  'addDocument:profile',    'meanwhile:dossier-closed',    'reason:dossier-closed/final'],
  ['dmp-patient-profile',  'addDocument:profile',    'meanwhile:saved-elsewhere',   'conflict'],
  ['dmp-dossier',          'getDossier',             'abort',                       'silent'],
  ['dmp-dossier',          'listDocuments',          'abort',                       'silent'],
  ['dmp-dossier',          'getDossier',             'actor:insurer',               'reason:never-authorized-actor/final'],
  ['dmp-dossier',          'listDocuments',          'actor:blocked',               'reason:blocked/final'],
];

// ---------------------------------------------------------------------------------------------
// What each call is, for the user: how to get there, what it says on failure, how to retry.

type AnyMounted = Mounted<HTMLElement>;

interface SetupOptions {
  actor?: string | undefined;
  ins?: string | undefined;
}

interface Scenario {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The request's path after the API prefix, as a RegExp source, for a patient. */
  path: (ins: string) => string;
  /** The element's first load makes this call: the fault is in place before the mount. */
  load: boolean;
  /** The setup itself makes the call (a search as the user types): the fault is in place before. */
  early?: boolean;
  /** The patient, and another one for the abort cell (a load call only). */
  ins: string;
  other?: string;
  /** Who opens both patients' dossiers in the abort cell, when not `actor`. */
  abortActor?: string;
  /** Mounts and brings the element to the point where the call is made (for a write, types in the form). */
  setup(options: SetupOptions): Promise<AnyMounted>;
  /** Makes the call (submits the form); a load call's mount made it already. */
  act?(m: AnyMounted): Promise<void>;
  /** The sentences the user is shown when the call failed with `says` (after an HTTP `status`, if any). */
  failure(says: Says, status?: number): string[];
  /** What the user typed, read back from the form: unchanged by a failed write. */
  typed?(m: AnyMounted): unknown;
  /** What a user does to try again: the Retry button, or the same submission. */
  retry(m: AnyMounted): Promise<void>;
  /** Resolves once the call succeeded, as the user sees it. */
  success(m: AnyMounted): Promise<void>;
}

/** The error the element was given, as the client builds it: kind, reason, and the HTTP status when there was one. */
function errorOf(says: Says, status?: number): DmpError {
  if (says.startsWith('reason:')) {
    const reason = says.slice('reason:'.length) as ReasonCode;
    return reason === 'dossier-exists' ? new DmpError('conflict', 'matrix', { reason, status: 409 }) : new DmpError('forbidden', 'matrix', { reason, status: 403 });
  }
  return new DmpError(says as DmpErrorKind, 'matrix', { status });
}

async function retryButton(m: AnyMounted): Promise<void> {
  (await waitFor(() => findButton(m.el, 'Réessayer'), () => `no Retry button in ${m.el.localName}: ${said(m.el)}`)).click();
}

function actorOf(id: string) {
  const actor = ACTORS.find((a) => a.id === id);
  if (!actor) throw new Error(`no actor ${id}`);
  return actor;
}

/** The first document of `ins` the actor may act on with `action`, as the policy says. */
function documentFor(actorId: string, ins: string, action: Action): DmpDocument {
  const actor = actorOf(actorId);
  const doc = db
    .documentsOf(ins)
    .filter((d) => d.status === 'current')
    .find(
      (d) =>
        decide({ actor, action, dossier: db.policyDossier(ins), document: { ...d, authorRpps: d.author.rpps }, request: { now: SEED_NOW } }).allowed &&
        decide({ actor, action: 'document.read', dossier: db.policyDossier(ins), document: { ...d, authorRpps: d.author.rpps }, request: { now: SEED_NOW } }).allowed,
    );
  if (!doc) throw new Error(`no document of ${ins} allows ${action} to ${actorId}`);
  return doc;
}

// --- dmp-document-list ------------------------------------------------------------------------

const rowsOf = (m: AnyMounted) => m.el.shadowRoot!.querySelectorAll('.body [role="row"]');
const listItems = (m: AnyMounted) => (m.el as unknown as { items: readonly DmpDocument[] }).items;

async function documentList({ actor, ins }: Required<SetupOptions>, pageSize = 5): Promise<AnyMounted> {
  return mount(html`<dmp-document-list patient-ins=${ins} page-size=${pageSize}></dmp-document-list>`, actor);
}

async function listLoaded(m: AnyMounted): Promise<void> {
  await waitFor(() => rowsOf(m).length > 0, () => `the document list never loaded: ${said(m.el)}`);
}

/** The list is loaded and the dossier's access conditions are known (the actions are offered). */
async function listReady(m: AnyMounted): Promise<void> {
  await listLoaded(m);
  await waitUntil(() => m.el.shadowRoot!.querySelector('.body [data-action="open"]'), 'the rights on the documents were never known', { interval: POLL_MS });
}

/** The adult's document list as `actor` (or the cell's own), loaded with the rights on its rows known. */
async function readyList(o: SetupOptions, actor: string, pageSize?: number): Promise<AnyMounted> {
  const m = await documentList({ actor: o.actor ?? actor, ins: ADULT }, pageSize);
  await listReady(m);
  return m;
}

function dlLoadFailure(says: Says): string[] {
  const error = errorOf(says);
  return error.kind === 'forbidden'
    ? ['Accès refusé', errorText(error)]
    : ['La liste des documents n’a pas pu être chargée.', errorText(error)];
}

async function openActionsOf(m: AnyMounted, title: string): Promise<void> {
  const row = [...rowsOf(m)].find((r) => r.querySelector('[id$="-title"]')?.textContent?.trim() === title);
  if (!row) throw new Error(`no row "${title}"`);
  row.querySelector<HTMLButtonElement>('[data-action="actions"]')!.click();
  await waitUntil(() => m.el.shadowRoot!.querySelector<HTMLDialogElement>('#actions-dialog')?.open, 'the actions dialog did not open', { interval: POLL_MS });
}

/** Chosen on the seed, before anything changes on the server. */
let targets: { mask: DmpDocument; delete: DmpDocument } | undefined;
const maskTarget = () => (targets ??= { mask: documentFor('pat-durand-jeanne', ADULT, 'document.mask'), delete: documentFor('pat-durand-jeanne', ADULT, 'document.delete') }).mask;
const deleteTarget = () => (maskTarget(), targets!.delete);

async function mask(m: AnyMounted): Promise<void> {
  await openActionsOf(m, maskTarget().title);
  get(m.el, '#actions-dialog [data-action="mask"]').click();
}

async function remove(m: AnyMounted): Promise<void> {
  await openActionsOf(m, deleteTarget().title);
  get(m.el, '#actions-dialog [data-action="delete"]').click();
  const dialog = get<HTMLDialogElement>(m.el, '#delete-dialog');
  await waitUntil(() => dialog.open, 'the delete confirmation did not open', { interval: POLL_MS });
  get(m.el, '[data-action="confirm-delete"]').click();
}

function submitIn(m: AnyMounted, selector: string): void {
  get<HTMLFormElement>(m.el, selector).requestSubmit();
}

// --- the scenarios ----------------------------------------------------------------------------

const SCENARIOS: Record<string, Scenario> = {
  'dmp-document-list getDossier': {
    method: 'GET',
    path: (ins) => `^/dossiers/${ins}$`,
    load: true,
    ins: ADULT,
    other: MINOR,
    setup: (o) => documentList({ actor: o.actor ?? 'ps-martin', ins: o.ins ?? ADULT }),
    failure: dlLoadFailure,
    retry: retryButton,
    success: listReady,
  },
  'dmp-document-list listDocuments': {
    method: 'GET',
    path: (ins) => `^/dossiers/${ins}/documents$`,
    load: true,
    ins: ADULT,
    other: MINOR,
    setup: (o) => documentList({ actor: o.actor ?? 'ps-martin', ins: o.ins ?? ADULT }),
    failure: dlLoadFailure,
    retry: retryButton,
    success: listReady,
  },
  'dmp-document-list listDocuments:more': {
    method: 'GET',
    path: (ins) => `^/dossiers/${ins}/documents$`,
    load: false,
    ins: ADULT,
    setup: (o) => readyList(o, 'ps-martin'),
    act: async (m) => button(m.el, 'Charger plus de documents').click(),
    failure: (says) => [`La suite de la liste n’a pas pu être chargée : ${errorText(errorOf(says))}`],
    retry: async (m) => button(m.el, 'Charger plus de documents').click(),
    success: async (m) => waitUntil(() => listItems(m).length > 5, 'the next page never came', { interval: POLL_MS }),
  },
  'dmp-document-list updateDocument:mask': {
    method: 'PATCH',
    path: (ins) => `^/dossiers/${ins}/documents/[^/]+$`,
    load: false,
    ins: ADULT,
    setup: (o) => readyList(o, 'pat-durand-jeanne', 50),
    act: mask,
    // Answered unreadably, the document was most likely masked: the list reads it again, masked.
    failure: (says) => [writeFailureText(errorOf(says), () => `Le document n’a pas été masqué : ${errorText(errorOf(says))}`)],
    retry: mask,
    success: (m) => until(m.el, `« ${maskTarget().title} » est masqué aux professionnels.`),
  },
  'dmp-document-list deleteDocument': {
    method: 'DELETE',
    path: (ins) => `^/dossiers/${ins}/documents/[^/]+$`,
    load: false,
    ins: ADULT,
    setup: (o) => readyList(o, 'pat-durand-jeanne', 50),
    act: remove,
    failure: (says) => [`Le document n’a pas été supprimé : ${errorText(errorOf(says))}`],
    retry: remove,
    success: (m) => until(m.el, `a été supprimé.`),
  },
  'dmp-document-list addDocument': {
    method: 'POST',
    path: (ins) => `^/dossiers/${ins}/documents$`,
    load: false,
    ins: ADULT,
    setup: async (o) => {
      const m = await readyList(o, 'ps-martin');
      button(m.el, 'Ajouter un document').click();
      await waitUntil(() => get<HTMLDialogElement>(m.el, '#add-dialog').open, 'the add dialog did not open', { interval: POLL_MS });
      await typeIn(m.el, '#add-title', 'Compte rendu de la consultation du jour');
      const type = get<HTMLSelectElement>(m.el, '#add-typeCode');
      await choose(m.el, '#add-typeCode', type.querySelector<HTMLOptionElement>('optgroup option')!.value);
      await choose(m.el, '#add-date', '2026-11-19');
      pickFile(m.el, '#add-file', pdf());
      return m;
    },
    act: async (m) => submitIn(m, '.add-form'),
    failure: (says) => [writeFailureText(errorOf(says), () => `Le document n’a pas été ajouté : ${errorText(errorOf(says))}`)],
    typed: (m) => [get<HTMLInputElement>(m.el, '#add-title').value, get<HTMLInputElement>(m.el, '#add-date').value, get<HTMLSelectElement>(m.el, '#add-typeCode').value, get<HTMLInputElement>(m.el, '#add-file').files?.[0]?.name],
    retry: async (m) => submitIn(m, '.add-form'),
    success: (m) => until(m.el, '« Compte rendu de la consultation du jour » a été ajouté au dossier.'),
  },
};

// --- dmp-access-history -----------------------------------------------------------------------

const historyRows = (m: AnyMounted) => m.el.shadowRoot!.querySelectorAll('tbody tr');

async function accessHistory({ actor, ins }: Required<SetupOptions>): Promise<AnyMounted> {
  return mount(html`<dmp-access-history patient-ins=${ins} page-size="3"></dmp-access-history>`, actor);
}

async function historyLoaded(m: AnyMounted): Promise<void> {
  await waitFor(() => historyRows(m).length > 0, () => `the history never loaded: ${said(m.el)}`);
}

function ahLoadFailure(says: Says): string[] {
  if (says.startsWith('reason:')) return ['Vous ne pouvez pas consulter cet historique.', reasonText(errorOf(says).reason!)];
  return ['L’historique n’a pas pu être chargé.', errorText(errorOf(says))];
}

Object.assign(SCENARIOS, {
  'dmp-access-history getDossier': {
    method: 'GET',
    path: (ins) => `^/dossiers/${ins}$`,
    load: true,
    ins: ADULT,
    other: MINOR,
    abortActor: 'rep-moreau-sophie',
    setup: (o) => accessHistory({ actor: o.actor ?? 'pat-durand-jeanne', ins: o.ins ?? ADULT }),
    failure: ahLoadFailure,
    retry: retryButton,
    success: historyLoaded,
  },
  'dmp-access-history listAccessLog': {
    method: 'GET',
    path: (ins) => `^/dossiers/${ins}/access-log$`,
    load: true,
    ins: ADULT,
    other: MINOR,
    abortActor: 'rep-moreau-sophie',
    setup: (o) => accessHistory({ actor: o.actor ?? 'pat-durand-jeanne', ins: o.ins ?? ADULT }),
    failure: ahLoadFailure,
    retry: retryButton,
    success: historyLoaded,
  },
  'dmp-access-history listAccessLog:more': {
    method: 'GET',
    path: (ins) => `^/dossiers/${ins}/access-log$`,
    load: false,
    ins: ADULT,
    setup: async () => {
      const m = await accessHistory({ actor: 'pat-durand-jeanne', ins: ADULT });
      await historyLoaded(m);
      return m;
    },
    act: async (m) => button(m.el, 'Charger les accès plus anciens').click(),
    failure: (says) => ['La suite de l’historique n’a pas pu être chargée :', errorText(errorOf(says))],
    retry: retryButton,
    success: async (m) => waitUntil(() => historyRows(m).length > 3, 'the older entries never came', { interval: POLL_MS }),
  },
  'dmp-access-history listAccessLog:export': {
    method: 'GET',
    path: (ins) => `^/dossiers/${ins}/access-log$`,
    load: false,
    ins: ADULT,
    setup: async () => {
      const m = await accessHistory({ actor: 'pat-durand-jeanne', ins: ADULT });
      await historyLoaded(m);
      return m;
    },
    act: async (m) => button(m.el, 'Exporter en CSV').click(),
    failure: (says) => ['L’export a échoué :', errorText(errorOf(says))],
    retry: async (m) => button(m.el, 'Exporter en CSV').click(),
    success: (m) => until(m.el, 'Fichier CSV prêt'),
  },
} satisfies Record<string, Scenario>);

// --- dmp-synthesis-editor ---------------------------------------------------------------------

const DOSAGE = 'treatments:tt-metformine:dosage';

/** Dr Martin, under this suite's own id: the drafts the editor writes are this suite's alone. */
const martin = () => alias('ps-martin', 'matrix');

async function synthesisEditor({ actor, ins }: { actor?: string | undefined; ins: string }): Promise<AnyMounted> {
  return mount(html`<dmp-synthesis-editor patient-ins=${ins}></dmp-synthesis-editor>`, actor ?? martin());
}

async function synthesisLoaded(m: AnyMounted): Promise<void> {
  await waitFor(() => m.el.shadowRoot!.querySelector('[data-action="edit"]'), () => `the synthesis never loaded: ${said(m.el)}`);
}

function seLoadFailure(says: Says): string[] {
  const error = errorOf(says);
  if (says === 'none-yet') return ['Aucun volet de synthèse médicale n’a encore été rédigé pour ce patient.'];
  return [error.kind === 'forbidden' ? 'Accès refusé' : 'Impossible d’afficher la synthèse médicale', errorText(error)];
}

async function openVersions(m: AnyMounted): Promise<void> {
  const details = get<HTMLDetailsElement>(m.el, 'details.versions');
  details.open = true;
}

Object.assign(SCENARIOS, {
  'dmp-synthesis-editor getDossier': {
    method: 'GET',
    path: (ins) => `^/dossiers/${ins}$`,
    load: true,
    ins: ADULT,
    other: MINOR,
    setup: (o) => synthesisEditor({ actor: o.actor, ins: o.ins ?? ADULT }),
    failure: seLoadFailure,
    retry: retryButton,
    success: synthesisLoaded,
  },
  'dmp-synthesis-editor getSynthesis': {
    method: 'GET',
    path: (ins) => `^/dossiers/${ins}/synthesis$`,
    load: true,
    ins: ADULT,
    other: MINOR,
    setup: (o) => synthesisEditor({ actor: o.actor, ins: o.ins ?? ADULT }),
    failure: seLoadFailure,
    retry: retryButton,
    success: (m) => until(m.el, 'Version 2, mise à jour le'),
  },
  'dmp-synthesis-editor saveSynthesis': {
    method: 'PUT',
    path: (ins) => `^/dossiers/${ins}/synthesis$`,
    load: false,
    ins: ADULT,
    setup: async () => {
      const m = await synthesisEditor({ ins: ADULT });
      await synthesisLoaded(m);
      get(m.el, '[data-action="edit"]').click();
      await waitFor(() => find(m.el, `[data-key="${DOSAGE}"]`), 'the editor never opened');
      await typeIn(m.el, `[data-key="${DOSAGE}"]`, '1 comprimé matin, midi et soir');
      return m;
    },
    act: async (m) => get(m.el, '[data-action="save"]').click(),
    failure: (says) =>
      says === 'conflict-panel'
        ? ['Une autre version a été enregistrée pendant votre saisie', 'Vos modifications sont conservées.']
        : [writeFailureText(errorOf(says), () => `La version n’est pas enregistrée. ${errorText(errorOf(says))}`), 'Vos modifications sont conservées sur cet appareil ; réessayez.'],
    typed: (m) => get<HTMLInputElement>(m.el, `[data-key="${DOSAGE}"]`).value,
    retry: async (m) => {
      const merge = find(m.el, '[data-action="merge"]');
      if (merge) {
        merge.click();
        await waitFor(() => find(m.el, '[data-action="save"]'), 'the merged version is not offered for saving');
      }
      get(m.el, '[data-action="save"]').click();
    },
    success: async (m) => {
      await waitFor(() => /Version \d+ enregistrée\./.test(visibleText(m.el)), () => `never saved: ${said(m.el)}`);
    },
  },
  'dmp-synthesis-editor listSynthesisVersions': {
    method: 'GET',
    path: (ins) => `^/dossiers/${ins}/synthesis/versions$`,
    load: false,
    ins: ADULT,
    setup: async () => {
      const m = await synthesisEditor({ ins: ADULT });
      await synthesisLoaded(m);
      return m;
    },
    act: openVersions,
    failure: (says) => [errorText(errorOf(says))],
    retry: retryButton,
    success: async (m) => {
      await waitFor(() => find(m.el, '[data-version="1"]'), 'the versions never came');
    },
  },
  'dmp-synthesis-editor getSynthesisVersion': {
    method: 'GET',
    path: (ins) => `^/dossiers/${ins}/synthesis/versions/\\d+$`,
    load: false,
    ins: ADULT,
    setup: async () => {
      const m = await synthesisEditor({ ins: ADULT });
      await synthesisLoaded(m);
      await openVersions(m);
      await waitFor(() => find(m.el, '[data-version="1"]'), 'the versions never came');
      return m;
    },
    act: async (m) => get(m.el, '[data-version="1"]').click(),
    failure: (says) => [errorText(errorOf(says))],
    retry: async (m) => {
      const retry = findButton(m.el, 'Réessayer');
      (retry ?? get(m.el, '[data-version="1"]')).click();
    },
    success: (m) => until(m.el, 'Changements depuis cette version jusqu’à la version actuelle'),
  },
} satisfies Record<string, Scenario>);

// --- dmp-consent-panel ------------------------------------------------------------------------

async function consentPanel({ actor, ins }: Required<SetupOptions>): Promise<AnyMounted> {
  return mount(html`<dmp-consent-panel patient-ins=${ins}></dmp-consent-panel>`, actor);
}

async function panelLoaded(m: AnyMounted): Promise<void> {
  await waitFor(() => m.el.shadowRoot!.querySelector('#authorizations, #dossier-status.notice--closed'), () => `the panel never loaded: ${said(m.el)}`);
}

function cpLoadFailure(says: Says): string[] {
  if (says.startsWith('reason:')) return ['Impossible de charger les réglages du dossier.', reasonText(errorOf(says).reason!)];
  return ['Impossible de charger les réglages du dossier.', errorText(errorOf(says))];
}

const notSaved = (says: Says) => [writeFailureText(errorOf(says), () => `La modification n’a pas été enregistrée : ${errorText(errorOf(says))}`)];
/** A patient setting is written against its version: a conflict means another screen changed it. */
const settingNotSaved = (says: Says) =>
  says === 'conflict' ? ['La modification n’a pas été enregistrée : ce réglage a changé entre-temps sur un autre écran ; voici son état actuel.'] : notSaved(says);

async function panelReady(o: SetupOptions, ins = ADULT): Promise<AnyMounted> {
  const m = await consentPanel({ actor: o.actor ?? 'pat-durand-jeanne', ins });
  await panelLoaded(m);
  return m;
}

async function searchMorel(m: AnyMounted): Promise<void> {
  await typeIn(m.el, '#search', '');
  await typeIn(m.el, '#search', 'Morel');
}

const morelGrant = (m: AnyMounted) => find<HTMLButtonElement>(m.el, '.results [data-change="grant"]');

async function grantMorel(m: AnyMounted): Promise<void> {
  (await waitFor(() => morelGrant(m), () => `no Morel to authorize: ${said(m.el)}`)).click();
  await confirmDialog(m.el, 'Autoriser');
}

const REPRESENTATIVE = { id: 'rep-durand-paul', firstName: 'Paul', lastName: 'Durand', relationship: 'guardian' as const, since: '2024-02-01T10:00:00.000Z' };

async function removePaul(m: AnyMounted): Promise<void> {
  get(m.el, '[data-id="rep-durand-paul"] button').click();
  await confirmDialog(m.el, 'Retirer');
}

async function reactivate(m: AnyMounted): Promise<void> {
  button(m.el, 'Réactiver le dossier').click();
  await confirmDialog(m.el, 'Réactiver');
}

Object.assign(SCENARIOS, {
  ...Object.fromEntries(
    (
      [
        ['getDossier', (ins: string) => `^/dossiers/${ins}$`],
        ['listAuthorizations', (ins: string) => `^/dossiers/${ins}/authorizations$`],
        ['getOppositions', (ins: string) => `^/dossiers/${ins}/oppositions$`],
        ['getNotificationPreferences', (ins: string) => `^/dossiers/${ins}/notification-preferences$`],
        ['listRepresentatives', (ins: string) => `^/dossiers/${ins}/representatives$`],
      ] as const
    ).map(([call, path]) => [
      `dmp-consent-panel ${call}`,
      {
        method: 'GET',
        path,
        load: true,
        ins: ADULT,
        other: MINOR,
        abortActor: 'rep-moreau-sophie',
        setup: (o: SetupOptions) => consentPanel({ actor: o.actor ?? 'pat-durand-jeanne', ins: o.ins ?? ADULT }),
        failure: cpLoadFailure,
        retry: retryButton,
        success: async (m: AnyMounted) => {
          await panelLoaded(m);
          await waitFor(() => find(m.el, '#notify-email'), 'the notification preferences never showed');
        },
      } satisfies Scenario,
    ]),
  ),
  'dmp-consent-panel searchProfessionals': {
    method: 'GET',
    path: () => '^/professionals$',
    load: false,
    ins: ADULT,
    early: true,
    setup: async (o) => {
      const m = await panelReady(o);
      await searchMorel(m);
      return m;
    },
    failure: (says) => [errorText(errorOf(says))],
    typed: (m) => get<HTMLInputElement>(m.el, '#search').value,
    retry: searchMorel,
    success: async (m) => {
      await waitFor(() => morelGrant(m), 'the search never found Morel');
    },
  },
  'dmp-consent-panel changeAuthorization': {
    method: 'POST',
    path: (ins) => `^/dossiers/${ins}/authorizations$`,
    load: false,
    ins: ADULT,
    setup: async (o) => {
      const m = await panelReady(o);
      await searchMorel(m);
      await waitFor(() => morelGrant(m), 'the search never found Morel');
      return m;
    },
    act: grantMorel,
    failure: notSaved,
    typed: (m) => get<HTMLInputElement>(m.el, '#search').value,
    retry: grantMorel,
    success: (m) => until(m.el, 'est désormais autorisé à accéder au dossier.'),
  },
  'dmp-consent-panel setOppositions': {
    method: 'PUT',
    path: (ins) => `^/dossiers/${ins}/oppositions$`,
    load: false,
    ins: ADULT,
    setup: (o) => panelReady(o),
    act: async (m) => get(m.el, '#oppose-breakGlass').click(),
    failure: settingNotSaved,
    retry: async (m) => get(m.el, '#oppose-breakGlass').click(),
    success: (m) => until(m.el, 'Votre choix est enregistré et s’applique dès maintenant.'),
  },
  'dmp-consent-panel setNotificationPreferences': {
    method: 'PUT',
    path: (ins) => `^/dossiers/${ins}/notification-preferences$`,
    load: false,
    ins: ADULT,
    setup: async (o) => {
      const m = await panelReady(o);
      await typeIn(m.el, '#notify-email', 'jeanne.nouvelle@example.org');
      return m;
    },
    act: async (m) => submitIn(m, '#notifications form'),
    failure: settingNotSaved,
    typed: (m) => get<HTMLInputElement>(m.el, '#notify-email').value,
    retry: async (m) => submitIn(m, '#notifications form'),
    success: (m) => until(m.el, 'Vos préférences de notification sont enregistrées.'),
  },
  'dmp-consent-panel addRepresentative': {
    method: 'POST',
    path: (ins) => `^/dossiers/${ins}/representatives$`,
    load: false,
    ins: ADULT,
    setup: async (o) => {
      const m = await panelReady(o);
      await typeIn(m.el, '#rep-firstName', 'Claire');
      await typeIn(m.el, '#rep-lastName', 'Durand');
      await choose(m.el, '#rep-relationship', 'guardian');
      return m;
    },
    act: async (m) => submitIn(m, '#representatives form'),
    failure: notSaved,
    typed: (m) => [get<HTMLInputElement>(m.el, '#rep-firstName').value, get<HTMLInputElement>(m.el, '#rep-lastName').value, get<HTMLSelectElement>(m.el, '#rep-relationship').value],
    retry: async (m) => submitIn(m, '#representatives form'),
    success: (m) => until(m.el, 'Claire Durand est ajouté comme représentant légal.'),
  },
  'dmp-consent-panel removeRepresentative': {
    method: 'DELETE',
    path: (ins) => `^/dossiers/${ins}/representatives/[^/]+$`,
    load: false,
    ins: ADULT,
    setup: async (o) => {
      db.dossiers.get(ADULT)!.legalRepresentatives.push({ ...REPRESENTATIVE });
      return panelReady(o);
    },
    act: removePaul,
    failure: notSaved,
    retry: removePaul,
    success: (m) => until(m.el, 'Paul Durand n’est plus représentant légal.'),
  },
  'dmp-consent-panel closeDossier': {
    method: 'POST',
    path: (ins) => `^/dossiers/${ins}/close$`,
    load: false,
    ins: ADULT,
    setup: async (o) => {
      const m = await panelReady(o);
      await typeIn(m.el, '#close-reason', 'Je préfère garder mes documents sur papier.');
      await typeIn(m.el, '#close-word', 'FERMER');
      return m;
    },
    act: async (m) => submitIn(m, '#close form'),
    failure: notSaved,
    typed: (m) => [get<HTMLTextAreaElement>(m.el, '#close-reason').value, get<HTMLInputElement>(m.el, '#close-word').value],
    retry: async (m) => submitIn(m, '#close form'),
    success: (m) => until(m.el, 'Le dossier est fermé.'),
  },
  'dmp-consent-panel reactivateDossier': {
    method: 'POST',
    path: (ins) => `^/dossiers/${ins}/reactivate$`,
    load: false,
    ins: CLOSED,
    setup: (o) => panelReady({ actor: o.actor ?? 'pat-lambert-michel' }, CLOSED),
    act: reactivate,
    failure: notSaved,
    retry: reactivate,
    success: (m) => until(m.el, 'Le dossier est réactivé.'),
  },
} satisfies Record<string, Scenario>);

// --- dmp-break-glass --------------------------------------------------------------------------

const JUSTIFICATION = 'Patient inconscient aux urgences, antécédents et allergies inconnus.';

async function breakGlass({ actor, ins }: Required<SetupOptions>): Promise<AnyMounted> {
  return mount(html`<dmp-break-glass patient-ins=${ins}></dmp-break-glass>`, actor);
}

async function breakGlassForm(m: AnyMounted): Promise<void> {
  await waitFor(() => find(m.el, '#justification'), () => `the request form never showed: ${said(m.el)}`);
}

Object.assign(SCENARIOS, {
  'dmp-break-glass getDossier': {
    method: 'GET',
    path: (ins) => `^/dossiers/${ins}$`,
    load: true,
    ins: ADULT,
    other: MINOR,
    setup: (o) => breakGlass({ actor: o.actor ?? 'ps-morel', ins: o.ins ?? ADULT }),
    failure: (says) =>
      says.startsWith('reason:')
        ? ['Accès d’urgence impossible', reasonText(errorOf(says).reason!)]
        : ['Impossible de vérifier les conditions d’accès.', errorText(errorOf(says))],
    retry: retryButton,
    success: breakGlassForm,
  },
  'dmp-break-glass requestEmergencyAccess': {
    method: 'POST',
    path: (ins) => `^/dossiers/${ins}/emergency-access$`,
    load: false,
    ins: ADULT,
    setup: async () => {
      const m = await breakGlass({ actor: 'ps-morel', ins: ADULT });
      await breakGlassForm(m);
      await typeIn(m.el, '#justification', JUSTIFICATION);
      await check(m.el, '#confirm');
      return m;
    },
    act: async (m) => submitIn(m, 'form'),
    failure: (says) =>
      says.startsWith('reason:')
        ? ['Accès d’urgence impossible', reasonText(errorOf(says).reason!)]
        : // Accepted but answered unreadably, the access was most likely granted: not "not requested",
          // and the same request, sent again, gets that grant.
          answeredUnreadably(errorOf(says))
          ? ['L’accès a sans doute été accordé, mais la réponse du serveur est illisible : renvoyez la demande, elle ne sera pas enregistrée deux fois.']
          : ['L’accès n’a pas pu être demandé.', errorText(errorOf(says))],
    typed: (m) => [find<HTMLTextAreaElement>(m.el, '#justification')?.value, find<HTMLInputElement>(m.el, '#confirm')?.checked],
    retry: async (m) => submitIn(m, 'form'),
    success: (m) => until(m.el, 'Accès d’urgence accordé jusqu’au'),
  },
} satisfies Record<string, Scenario>);

// --- dmp-dossier-create -----------------------------------------------------------------------

async function dossierCreate(actor: string, identity: { ins: string; insStatus: string; traits: object }): Promise<AnyMounted> {
  return mount(html`<dmp-dossier-create nir=${identity.ins} ins-status=${identity.insStatus} .traits=${identity.traits}></dmp-dossier-create>`, actor);
}

const dcFailure = (says: Says, status?: number) => [requestErrorText(errorOf(says, status))];

async function toConsent(m: AnyMounted): Promise<void> {
  button(m.el, 'Rechercher un DMP existant').click();
  await until(m.el, 'information et consentement');
}

async function createIt(m: AnyMounted): Promise<void> {
  (findButton(m.el, 'Réessayer la création') ?? button(m.el, 'Créer le DMP')).click();
}

async function reactivateIt(m: AnyMounted): Promise<void> {
  button(m.el, 'Réactiver le DMP').click();
}

Object.assign(SCENARIOS, {
  'dmp-dossier-create getDossier': {
    method: 'GET',
    path: (ins) => `^/dossiers/${ins}$`,
    load: false,
    ins: PATIENT_NO_DOSSIER.ins,
    other: PATIENT_CLOSED.identity.ins,
    setup: (o) => dossierCreate(o.actor ?? 'ps-dubois', PATIENT_NO_DOSSIER),
    act: async (m) => button(m.el, 'Rechercher un DMP existant').click(),
    failure: (says, status) => ['Recherche d’un DMP existant', ...dcFailure(says, status)],
    typed: (m) => find<HTMLInputElement>(m.el, '#birthName')?.value ?? (visibleText(m.el).includes('Paul-Antoine SANTONI') ? 'SANTONI' : undefined),
    retry: retryButton,
    success: (m) => until(m.el, 'information et consentement'),
  },
  'dmp-dossier-create createDossier': {
    method: 'POST',
    path: () => '^/dossiers$',
    load: false,
    ins: PATIENT_NO_DOSSIER.ins,
    setup: async (o) => {
      const m = await dossierCreate(o.actor ?? 'ps-dubois', PATIENT_NO_DOSSIER);
      await toConsent(m);
      await typeIn(m.el, '#email', 'paul-antoine.santoni@example.org');
      await check(m.el, '#opposeRegulation');
      await check(m.el, '#consent');
      return m;
    },
    act: createIt,
    failure: (says, status) =>
      says === 'reason:dossier-exists'
        ? [...dcFailure(says, status), 'Le dossier a peut-être été créé entre-temps : relancez la recherche.']
        : says === 'forbidden' || says === 'invalid-request'
          ? // Sending the same again cannot help there: nothing says it could, though the same button may be pressed once the cause is gone.
            [...dcFailure(says, status), 'Vos saisies sont conservées.']
          : [...dcFailure(says, status), 'Vos saisies sont conservées. Réessayer ne peut pas créer un second dossier.'],
    typed: (m) => [get<HTMLInputElement>(m.el, '#email').value, get<HTMLInputElement>(m.el, '#opposeRegulation').checked, get<HTMLInputElement>(m.el, '#consent').checked],
    retry: createIt,
    success: (m) => until(m.el, 'Le DMP est créé'),
  },
  'dmp-dossier-create reactivateDossier': {
    method: 'POST',
    path: (ins) => `^/dossiers/${ins}/reactivate$`,
    load: false,
    ins: CLOSED,
    setup: async (o) => {
      const m = await dossierCreate(o.actor ?? 'ps-dubois', PATIENT_CLOSED.identity);
      button(m.el, 'Rechercher un DMP existant').click();
      await until(m.el, 'Le DMP de ce patient est fermé');
      if (find(m.el, '#reactivationConsent')) await check(m.el, '#reactivationConsent');
      return m;
    },
    act: reactivateIt,
    failure: dcFailure,
    typed: (m) => find<HTMLInputElement>(m.el, '#reactivationConsent')?.checked,
    retry: reactivateIt,
    success: (m) => until(m.el, 'Le DMP est réactivé'),
  },
} satisfies Record<string, Scenario>);

// --- dmp-patient-profile ----------------------------------------------------------------------

async function patientProfile({ actor, ins }: { actor: string | Actor; ins: string }): Promise<AnyMounted> {
  return mount(html`<dmp-patient-profile patient-ins=${ins}></dmp-patient-profile>`, actor);
}

async function profileLoaded(m: AnyMounted): Promise<void> {
  await waitFor(() => find(m.el, '#edit') && !find(m.el, '.lazy-loading'), () => `the profile never loaded: ${said(m.el)}`);
}

function ppLoadFailure(says: Says): string[] {
  if (says === 'unreadable') return ['Les informations enregistrées ne peuvent pas être lues.'];
  if (says.startsWith('reason:')) return ['Vous ne pouvez pas consulter les informations déclarées par le patient.', reasonText(errorOf(says).reason!)];
  return ['Les informations n’ont pas pu être chargées.', profileErrorText(errorOf(says))];
}

const ORGAN_NOTE = 'Je souhaite que ma fille soit prévenue.';

async function saveProfile(m: AnyMounted): Promise<void> {
  submitIn(m, 'form.profile-form');
}

async function uploadDirectives(m: AnyMounted): Promise<void> {
  submitIn(m, 'form.directives-upload');
}

Object.assign(SCENARIOS, {
  ...Object.fromEntries(
    (
      [
        ['getDossier', (ins: string) => `^/dossiers/${ins}$`],
        ['listDocuments', (ins: string) => `^/dossiers/${ins}/documents$`],
        ['getDocumentContent', (ins: string) => `^/dossiers/${ins}/documents/[^/]+/content$`],
      ] as const
    ).map(([call, path]) => [
      `dmp-patient-profile ${call}`,
      {
        method: 'GET',
        path,
        load: true,
        ins: ADULT,
        other: MINOR,
        abortActor: 'rep-moreau-sophie',
        setup: (o: SetupOptions) => patientProfile({ actor: o.actor ?? 'pat-durand-jeanne', ins: o.ins ?? ADULT }),
        failure: ppLoadFailure,
        retry: retryButton,
        success: profileLoaded,
      } satisfies Scenario,
    ]),
  ),
  'dmp-patient-profile addDocument:profile': {
    method: 'POST',
    path: (ins) => `^/dossiers/${ins}/documents$`,
    load: false,
    ins: ADULT,
    setup: async (o) => {
      // A guardian of this suite's own: a failed save leaves a draft no other test file reads.
      const m = await patientProfile({ actor: o.actor ?? guardian(ADULT, 'matrix'), ins: ADULT });
      await profileLoaded(m);
      get(m.el, '#edit').click();
      await waitFor(() => find(m.el, '#organ-note'), 'the form never opened');
      await typeIn(m.el, '#organ-note', ORGAN_NOTE);
      return m;
    },
    act: saveProfile,
    failure: (says) => [
      writeFailureText(errorOf(says), () => `Les informations n’ont pas été enregistrées : ${profileErrorText(errorOf(says))}`),
      'Votre saisie est conservée dans ce formulaire',
    ],
    typed: (m) => get<HTMLTextAreaElement>(m.el, '#organ-note').value,
    retry: async (m) => {
      const replace = 'Remplacer la version actuelle par ma saisie';
      // A version saved meanwhile: the offer to replace it comes with the read the conflict asks
      // for, which the profile does not mark busy (that would mute its status).
      if (db.findDocument(ADULT, 'doc-durand-informations-v2')) await waitFor(() => findButton(m.el, replace), 'no offer to replace the version saved meanwhile');
      const overwrite = findButton(m.el, replace);
      if (overwrite) overwrite.click();
      else await saveProfile(m);
    },
    success: (m) => until(m.el, 'Les informations sont enregistrées.'),
  },
  'dmp-patient-profile addDocument:directives': {
    method: 'POST',
    path: (ins) => `^/dossiers/${ins}/documents$`,
    load: false,
    ins: ADULT,
    setup: async (o) => {
      const m = await patientProfile({ actor: o.actor ?? 'pat-durand-jeanne', ins: ADULT });
      await profileLoaded(m);
      pickFile(m.el, '#directives-file', pdf('directives-2026.pdf'));
      await choose(m.el, '#directives-date', '2026-11-02');
      return m;
    },
    act: uploadDirectives,
    failure: (says) => [
      writeFailureText(errorOf(says), () => `Le document n’a pas été déposé : ${profileErrorText(errorOf(says))} Le fichier choisi est conservé : vous pouvez réessayer.`),
    ],
    typed: (m) => [get<HTMLInputElement>(m.el, '#directives-file').files?.[0]?.name, get<HTMLInputElement>(m.el, '#directives-date').value],
    retry: uploadDirectives,
    success: (m) => until(m.el, 'Le document de directives anticipées est déposé.'),
  },
} satisfies Record<string, Scenario>);

// --- dmp-dossier ------------------------------------------------------------------------------

async function dossier({ actor, ins }: Required<SetupOptions>): Promise<AnyMounted> {
  return mount(html`<dmp-dossier patient-ins=${ins}></dmp-dossier>`, actor);
}

async function recapLoaded(m: AnyMounted): Promise<void> {
  await until(m.el, 'Derniers documents par catégorie');
}

function doFailure(says: Says, recap: boolean): string[] {
  if (says === 'none-yet') return ['Derniers documents par catégorie'];
  if (says === 'unreadable') return ['n’ont pas pu être lues : leur contenu n’est pas au format attendu.'];
  if (says.startsWith('reason:')) {
    const reason = errorOf(says).reason!;
    return [recap ? 'Vous ne pouvez pas consulter le contenu de ce dossier.' : 'Vous ne pouvez pas consulter ce dossier.', reasonText(reason)];
  }
  return [recap ? 'Le récapitulatif n’a pas pu être chargé.' : 'Le dossier n’a pas pu être chargé.', errorText(errorOf(says))];
}

Object.assign(SCENARIOS, {
  ...Object.fromEntries(
    (
      [
        ['getDossier', (ins: string) => `^/dossiers/${ins}$`],
        ['listDocuments', (ins: string) => `^/dossiers/${ins}/documents$`],
        ['getSynthesis', (ins: string) => `^/dossiers/${ins}/synthesis$`],
        ['getDocumentContent', (ins: string) => `^/dossiers/${ins}/documents/[^/]+/content$`],
        ['listAccessLog', (ins: string) => `^/dossiers/${ins}/access-log$`],
      ] as const
    ).map(([call, path]) => [
      `dmp-dossier ${call}`,
      {
        method: 'GET',
        path,
        load: true,
        ins: ADULT,
        other: MINOR,
        abortActor: 'rep-moreau-sophie',
        setup: (o: SetupOptions) => dossier({ actor: o.actor ?? 'pat-durand-jeanne', ins: o.ins ?? ADULT }),
        failure: (says: Says) => doFailure(says, call !== 'getDossier'),
        retry: retryButton,
        success: recapLoaded,
      } satisfies Scenario,
    ]),
  ),
} satisfies Record<string, Scenario>);

// ---------------------------------------------------------------------------------------------
// The situations: who acts, and what changed on the server between the load and the write.

const SITUATIONS: Record<Exclude<Situation, 'abort'>, { actor?: string; meanwhile?: () => void }> = {
  'actor:blocked': { actor: 'ps-renard' },
  'actor:insurer': { actor: 'insurer-mutuelle' },
  'actor:other-patient': { actor: 'pat-lambert-michel' },
  'meanwhile:dossier-closed': {
    meanwhile: () => {
      const record = db.dossiers.get(ADULT)!;
      record.status = 'closed';
      record.closedAt = SEED_NOW;
      record.closeReason = 'Fermé depuis un autre poste.';
    },
  },
  'meanwhile:blocked': {
    meanwhile: () => {
      const record = db.dossiers.get(ADULT)!;
      const martin = actorOf('ps-martin');
      const morel = actorOf('ps-morel');
      for (const actor of [martin, morel]) if (actor.kind === 'professional') record.blocked.push({ rpps: actor.rpps, since: SEED_NOW });
    },
  },
  'meanwhile:opposed': {
    meanwhile: () => {
      db.dossiers.get(ADULT)!.oppositions.breakGlass = true;
    },
  },
  'meanwhile:not-treating': {
    // Dr Martin hands over to another médecin traitant and stays authorized.
    meanwhile: () => {
      const record = db.dossiers.get(ADULT)!;
      record.authorized.push(...record.treatingPhysicians);
      record.treatingPhysicians = [];
    },
  },
  'meanwhile:created-elsewhere': {
    meanwhile: () => {
      db.dossiers.set(PATIENT_NO_DOSSIER.ins, {
        patientId: 'patient-santoni',
        identity: structuredClone(PATIENT_NO_DOSSIER),
        status: 'active',
        createdAt: SEED_NOW,
        treatingPhysicians: [],
        authorized: [],
        blocked: [],
        oppositions: { breakGlass: false, regulation: false },
        notificationPreferences: { newDocument: { email: false, sms: false }, firstAccess: { email: false, sms: false }, emergencyAccess: { email: false, sms: false } },
        legalRepresentatives: [],
        seenRpps: new Set(),
        noticedDocuments: new Set(),
      });
    },
  },
  'meanwhile:saved-elsewhere': {
    meanwhile: () => {
      const versions = db.syntheses.get(ADULT);
      const last = versions?.[versions.length - 1];
      if (versions && last) {
        const next: Synthesis = {
          ...structuredClone(last),
          version: last.version + 1,
          documentId: `doc-durand-vsm-v${last.version + 1}`,
          savedAt: SEED_NOW,
          author: { name: 'Dr Claire Lefebvre' },
          content: { ...structuredClone(last.content), narrative: 'Complété par le Dr Lefebvre.' },
        };
        versions.push({ ...next, etag: etagOf(next) });
      }
      const profile = db.findDocument(ADULT, 'doc-durand-informations');
      if (profile) profile.status = 'replaced';
      const newer: DmpDocument = { ...structuredClone(profile!), id: 'doc-durand-informations-v2', version: 2, status: 'current', submittedAt: SEED_NOW, replaces: 'doc-durand-informations' };
      db.documentsOf(ADULT).push(newer);
      db.contents.set(newer.id, db.contentOf(profile!));
    },
  },
};

// ---------------------------------------------------------------------------------------------

function faultSpec(fault: InjectedFault): FaultSpec {
  switch (fault) {
    case 'timeout':
      // Answered (too late) without reaching the handler: a write that timed out did not happen.
      return { latencyMs: 2000, status: 504 };
    case 'offline':
      return { network: true };
    case 'truncated':
    case 'schema':
      return { malformed: fault };
    case '429':
      // More than the client would wait: it gives up at once and says when to come back.
      return { status: 429, retryAfter: 120 };
    default:
      return { status: Number(fault) };
  }
}

function alerts(m: AnyMounted): string[] {
  return shadowRoots(m.el)
    .flatMap((root) => [...root.querySelectorAll('[role="alert"], .notice--error, .field-error')])
    .map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const BUSY = '[aria-busy="true"], button[type="submit"][aria-disabled="true"], button[data-action="save"][disabled]';

/**
 * The element is done with the failed call, and so is its client: a retry made while a failing
 * GET is still out (parallel loads fail at the first error) would join that request, since the
 * client shares identical GETs, rather than start anew.
 */
async function settled(m: AnyMounted): Promise<void> {
  await waitFor(() => shadowRoots(m.el).every((root) => !root.querySelector(BUSY)), () => `${m.el.localName} stays busy: ${said(m.el)}`);
  await waitFor(() => m.net.pending === 0, 'calls still out');
}

async function expectShown(m: AnyMounted, sentences: string[]): Promise<void> {
  for (const sentence of sentences) await until(m.el, sentence);
}

/**
 * The host switches to another patient while a load is slow (and would fail): nothing of the
 * stale request shows. The actor must be able to open both dossiers: a guardian of both patients
 * for the patient-side elements.
 */
async function abortCell(scenario: Scenario): Promise<void> {
  db.dossiers.get(ADULT)!.legalRepresentatives.push({ id: 'rep-moreau-sophie', firstName: 'Sophie', lastName: 'Moreau', relationship: 'guardian', since: '2024-01-01T10:00:00.000Z' });
  const stale = scenario.load ? scenario.other! : scenario.ins;
  const stalePath = new RegExp(scenario.path(stale));
  let started = false;
  let answered = false;
  const isStale = (request: Request) => stalePath.test(new URL(request.url).pathname.replace('/api/dmp/v1', ''));
  const onStart = ({ request }: { request: Request }) => {
    if (isStale(request)) started = true;
  };
  const onResponse = ({ request }: { request: Request }) => {
    if (isStale(request)) answered = true;
  };
  worker.events.on('request:start', onStart);
  worker.events.on('response:mocked', onResponse);
  try {
    db.faults.add({ method: scenario.method, path: scenario.path(stale), latencyMs: 400, status: 500 });
    if (scenario.load) {
      const m = await scenario.setup({ actor: scenario.abortActor, ins: stale });
      await waitUntil(() => started, 'the stale request never started', { interval: POLL_MS });
      m.el.setAttribute('patient-ins', scenario.ins);
      await scenario.success(m);
      await waitUntil(() => answered, 'the stale request was never answered', { timeout: WAIT_MS, interval: POLL_MS });
      await (m.el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(alerts(m), 'an error from the stale request').to.deep.equal([]);
    } else {
      // The creation's existence test: the host hands another patient while it runs.
      const m = await scenario.setup({});
      await scenario.act!(m);
      await waitUntil(() => started, 'the stale request never started', { interval: POLL_MS });
      (m.el as unknown as { nir: string }).nir = scenario.other!;
      await waitFor(() => find<HTMLInputElement>(m.el, '#nir')?.value.replace(/\s/g, '') === scenario.other, 'the identification did not start over');
      await waitUntil(() => answered, 'the stale request was never answered', { timeout: WAIT_MS, interval: POLL_MS });
      await (m.el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(alerts(m), 'an error from the stale request').to.deep.equal([]);
      expect(find(m.el, '#nir'), 'the identification form').not.to.equal(null);
    }
  } finally {
    worker.events.removeListener('request:start', onStart);
    worker.events.removeListener('response:mocked', onResponse);
  }
}

async function runCell(tag: Tag, call: string, fault: Fault, expected: Expected): Promise<void> {
  const scenario = SCENARIOS[`${tag} ${call}`];
  if (!scenario) throw new Error(`no scenario for ${tag} ${call}`);
  if (fault === 'abort') return abortCell(scenario);
  const final = expected.endsWith('/final');
  const says = (final ? expected.slice(0, -'/final'.length) : expected) as Says;
  const situation = fault in SITUATIONS ? SITUATIONS[fault as keyof typeof SITUATIONS] : undefined;
  const inject = () => {
    if (situation) situation.meanwhile?.();
    else db.faults.add({ method: scenario.method, path: scenario.path(scenario.ins), ...faultSpec(fault as InjectedFault) });
  };
  if (scenario.load || scenario.early) inject();
  mountDefaults.impatient = fault === 'timeout' && scenario.load;
  const m = await scenario.setup({ actor: situation?.actor });
  mountDefaults.impatient = false;
  if (fault === 'timeout') m.net.impatient = true;
  const typed = scenario.typed?.(m);
  if (!scenario.load && !scenario.early) inject();
  await scenario.act?.(m);
  if (says === 'ok') {
    await scenario.success(m);
    return;
  }
  const status = /^\d+$/.test(fault) ? Number(fault) : fault === 'truncated' || fault === 'schema' ? 200 : undefined;
  // The consent panel shows a dossier closed meanwhile as closed: its forms go with the reload
  // that brings the closure, and the refusal is said in the closure's notice, in short.
  if (tag === 'dmp-consent-panel' && fault === 'meanwhile:dossier-closed') {
    const refusal = call === 'closeDossier' ? 'Le dossier était déjà fermé.' : 'La modification n’a pas été enregistrée : le dossier a été fermé entre-temps.';
    await waitFor(() => find(m.el, '.notice--closed')?.textContent?.includes(refusal), () => `the closure's notice never said "${refusal}": ${said(m.el)}`);
  } else {
    await expectShown(m, scenario.failure(says, status));
    if (scenario.typed) expect(scenario.typed(m), 'what the user typed').to.deep.equal(typed);
  }
  if (final) {
    if (scenario.load) expect(findButton(m.el, 'Réessayer'), 'a Retry button that cannot help').to.equal(undefined);
    return;
  }
  db.faults.clear();
  m.net.impatient = false;
  // As a user would: once the element is done with the failed request.
  await settled(m);
  await scenario.retry(m);
  await scenario.success(m);
}

/** Every call of every element has its row: a call added to SCENARIOS without cells fails here. */
export function describeMatrixCoverage(): void {
  it(`covers every call of every element with every fault (${MATRIX.length} cells)`, () => {
    const rows = new Set(MATRIX.map(([tag, call]) => `${tag} ${call}`));
    expect([...rows].sort()).to.deep.equal(Object.keys(SCENARIOS).sort());
  });
}

/**
 * The cells of one element, as one test file: the whole matrix takes minutes, and one file per
 * element lets the runner spread it over its browser pages.
 */
export function describeFaultMatrix(tag: Tag): void {
  describe(`fault matrix: ${tag}`, () => {
    suiteHooks('matrix', [ADULT, MINOR]);
    beforeEach(() => {
      targets = undefined;
      maskTarget();
    });
    for (const [, call, fault, expected] of MATRIX.filter(([t]) => t === tag)) {
      it(`${call} × ${fault} → ${expected}`, () => runCell(tag, call, fault, expected));
    }
  });
}
