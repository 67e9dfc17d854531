import type * as z from 'zod/mini';
import type { AccessLogQuery } from '../model/access-log.js';
import type { AuthorizationChange } from '../model/authorization.js';
import type { Category } from '../model/category.js';
import type { DmpDocument, DocumentList, DocumentPatch, DocumentSort, LatestDocuments, DocumentQuery, NewDocument } from '../model/document.js';
import type {
  DossierCreate,
  DossierCreated,
  DossierInfo,
  EmergencyGrant,
  LegalRepresentative,
  NewLegalRepresentative,
  StoredNotificationPreferences,
  StoredOppositions,
} from '../model/dossier.js';
import type { ROUTES, RouteName } from '../model/routes.js';
import type { Prevention, PreventionContent } from '../model/prevention.js';
import type { Synthesis, SynthesisContent } from '../model/synthesis.js';

type Route<N extends RouteName> = (typeof ROUTES)[N];

type BodyOf<N extends RouteName> = Route<N>['response'] extends z.ZodMiniType
  ? z.output<Route<N>['response']>
  : Route<N>['response'] extends 'binary'
    ? Blob
    : void;

/**
 * What a route answers once parsed: its schema's output, a `Blob` for a file, nothing for a 204;
 * `null` too for a route whose 204 means "nothing yet" (`noContentIsNull`).
 */
export type ResponseOf<N extends RouteName> = Route<N> extends { noContentIsNull: true } ? BodyOf<N> | null : BodyOf<N>;

/** Taken last by every method. */
export interface RequestOptions {
  /** Aborts this call only; others sharing the same in-flight GET carry on. */
  signal?: AbortSignal | undefined;
}

export interface LatestDocumentsOptions extends RequestOptions {
  /**
   * Only these categories (the ones the caller may read). The JSON API answers for all of them
   * in one request anyway; a client that needs one search per category (FHIR) asks for these only,
   * since each search is one more line in the patient's access history.
   */
  categories?: readonly Category[] | undefined;
}

export interface CreateDossierOptions extends RequestOptions {
  /**
   * Generated once per creation attempt and reused when the user retries it, so the server
   * creates (and bills) one dossier however often the request reaches it.
   */
  idempotencyKey: string;
}

export interface AddRepresentativeOptions extends RequestOptions {
  /**
   * Generated once per addition and reused when the user sends the same form again after a
   * failure, so that a request which reached the server before timing out adds no second person.
   */
  idempotencyKey: string;
}

export interface ReactivateDossierOptions extends RequestOptions {
  /** The patient's renewed consent, when the server asks for it. */
  consent?: boolean | undefined;
}

/** What a client's headers hook is told of the request it is called for. */
export interface HeadersRequest {
  /** The INS of the dossier the request is about; none for a request about no dossier (creating one). */
  ins?: string | undefined;
}

export interface EmergencyAccessOptions extends RequestOptions {
  /**
   * Generated once per request the user makes and reused when they send it again after a
   * failure: a request whose answer was lost then gets its grant back, and the patient is not told
   * of a second emergency access.
   */
  idempotencyKey: string;
}

export interface UploadProgress {
  /** Bytes of the request body sent so far. */
  loaded: number;
  /** Bytes of the whole request body (metadata and file); 0 when the browser cannot tell. */
  total: number;
}

export interface AddDocumentOptions extends RequestOptions {
  onProgress?: ((progress: UploadProgress) => void) | undefined;
  /**
   * Sent as `Idempotency-Key`: the same document sent again with the same key, after an answer
   * lost to the network, gets the document added then, not a second copy. One key per document
   * the user means to add; a new one when they change it. The FHIR client makes it the
   * DocumentReference's request-key identifier, created on condition (`ifNoneExist`).
   */
  idempotencyKey?: string | undefined;
}

export type EmergencyMode = EmergencyGrant['mode'];

/**
 * Everything the elements do with a DMP. Every method takes `options` last, resolves with
 * parsed model types and rejects with a `DmpError` only.
 */
export interface DmpClient {
  /** Existence test (TD0.2): status and the caller's access conditions, never content. */
  getDossier(ins: string, options?: RequestOptions): Promise<DossierInfo>;
  /** Never retried automatically; retry with the same `idempotencyKey` when the user asks. */
  createDossier(input: DossierCreate, options: CreateDossierOptions): Promise<DossierCreated>;
  closeDossier(ins: string, reason: string, options?: RequestOptions): Promise<DossierInfo>;
  reactivateDossier(ins: string, options?: ReactivateDossierOptions): Promise<DossierInfo>;

  listDocuments(ins: string, query?: DocumentQuery, options?: RequestOptions): Promise<DocumentList>;
  /** The orders `listDocuments` can give, when not all of them: the list offers only these. */
  readonly documentSorts?: readonly DocumentSort[];
  /** The newest current document of each category, in one request (the récapitulatif). */
  latestDocuments(ins: string, options?: LatestDocumentsOptions): Promise<LatestDocuments>;
  getDocument(ins: string, id: string, options?: RequestOptions): Promise<DmpDocument>;
  getDocumentContent(ins: string, id: string, options?: RequestOptions): Promise<Blob>;
  /** Multipart upload with progress; never retried automatically. */
  addDocument(ins: string, metadata: NewDocument, file: Blob, options?: AddDocumentOptions): Promise<DmpDocument>;
  /** Mask, visibility flags, archive. */
  updateDocument(ins: string, id: string, patch: DocumentPatch, options?: RequestOptions): Promise<DmpDocument>;
  deleteDocument(ins: string, id: string, options?: RequestOptions): Promise<void>;

  /**
   * The current VSM; its `etag` is what `saveSynthesis` sends back. Resolves with `null` when the
   * dossier has no VSM yet (the JSON API answers 204), which is not an error. A gateway that
   * answers 404 instead rejects with `not-found`: callers take that as "none yet" too.
   */
  getSynthesis(ins: string, options?: RequestOptions): Promise<Synthesis | null>;
  listSynthesisVersions(ins: string, options?: RequestOptions): Promise<ResponseOf<'listSynthesisVersions'>>;
  getSynthesisVersion(ins: string, version: number, options?: RequestOptions): Promise<Synthesis>;
  /**
   * Saves a new version over the one whose ETag is `etag`. If someone saved in between, rejects
   * with a `conflict` DmpError carrying their version in `current` and its `etag`.
   */
  saveSynthesis(ins: string, content: SynthesisContent, etag: string, options?: RequestOptions): Promise<Synthesis>;

  /**
   * The vaccinations and screenings, kept as their own documents beside the VSM (DECISIONS.md 1);
   * `null` when none were written yet, as `getSynthesis`.
   */
  getPrevention(ins: string, options?: RequestOptions): Promise<Prevention | null>;
  /**
   * Saves a new version over the one whose ETag is `etag` (empty for the first): as
   * `saveSynthesis`, a `conflict` carries the version saved in between.
   */
  savePrevention(ins: string, content: PreventionContent, etag: string, options?: RequestOptions): Promise<Prevention>;

  listAuthorizations(ins: string, options?: RequestOptions): Promise<ResponseOf<'listAuthorizations'>>;
  /** Resolves with the authorizations as they stand after the change. */
  changeAuthorization(ins: string, change: AuthorizationChange, options?: RequestOptions): Promise<ResponseOf<'listAuthorizations'>>;
  /** Directory search by name or RPPS. */
  searchProfessionals(text: string, options?: RequestOptions): Promise<ResponseOf<'searchProfessionals'>>;

  /** With the version's `etag` when the server gives one. */
  getOppositions(ins: string, options?: RequestOptions): Promise<StoredOppositions>;
  /**
   * With the `etag` read, refused with a `conflict` DmpError (the current oppositions in
   * `current`) when they changed since: a stale screen must not undo another's change.
   */
  setOppositions(ins: string, oppositions: StoredOppositions, options?: RequestOptions): Promise<StoredOppositions>;
  /** With the version's `etag` when the server gives one. */
  getNotificationPreferences(ins: string, options?: RequestOptions): Promise<StoredNotificationPreferences>;
  /** As `setOppositions`: with the `etag` read, a `conflict` when they changed since. */
  setNotificationPreferences(ins: string, preferences: StoredNotificationPreferences, options?: RequestOptions): Promise<StoredNotificationPreferences>;

  listRepresentatives(ins: string, options?: RequestOptions): Promise<ResponseOf<'listRepresentatives'>>;
  /** Never retried automatically; retry with the same `idempotencyKey` when the user asks. */
  addRepresentative(ins: string, representative: NewLegalRepresentative, options: AddRepresentativeOptions): Promise<LegalRepresentative>;
  removeRepresentative(ins: string, id: string, options?: RequestOptions): Promise<void>;

  /** The access history, newest first. */
  listAccessLog(ins: string, query?: AccessLogQuery, options?: RequestOptions): Promise<ResponseOf<'listAccessLog'>>;
  /** Break-glass or regulation access: a one-hour grant to send as `DMP-Access-Grant`. */
  /** Never retried automatically; retry with the same `idempotencyKey` when the user asks. */
  requestEmergencyAccess(ins: string, mode: EmergencyMode, justification: string, options: EmergencyAccessOptions): Promise<EmergencyGrant>;
  /** The mock backend's notification outbox. No element calls it: a client of your own may leave it out. */
  listNotifications?(options?: RequestOptions): Promise<ResponseOf<'listNotifications'>>;
}
