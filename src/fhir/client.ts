import type * as z from 'zod/mini';
import { DmpError, abortError, errorKindOfStatus, isDmpError, throwIfAborted } from '../client/errors.js';
import { mergeHeaders } from '../client/merge-headers.js';
import { beforeRequest, parseRetryAfter, retrySchedule, withRetries } from '../client/retry.js';
import type { RetryOptions, RetrySchedule } from '../client/retry.js';
import type { DmpIssue } from '../client/errors.js';
import type {
  AddDocumentOptions,
  AddRepresentativeOptions,
  CreateDossierOptions,
  DmpClient,
  EmergencyAccessOptions,
  EmergencyMode,
  HeadersRequest,
  LatestDocumentsOptions,
  ReactivateDossierOptions,
  RequestOptions,
  ResponseOf,
} from '../client/types.js';
import { AccessLogQuerySchema, ReasonCodeSchema, type AccessLogEntry, type AccessLogQuery } from '../model/access-log.js';
import { AuthorizationChangeSchema, type Authorization, type AuthorizationChange } from '../model/authorization.js';
import { CATEGORIES, SYNTHESIS_TYPE_CODE, type Category } from '../model/category.js';
import { CLASS_CODE_OF_TYPE, TYPE_CODE_LABELS, categoryOf } from '../model/document-types.js';
import {
  DocumentListSchema,
  DocumentPatchSchema,
  DocumentQuerySchema,
  DocumentSchema,
  NewDocumentSchema,
  VISIBILITY_CODES,
  fold,
  keywordMatcher,
  type DmpDocument,
  type DocumentList,
  type LatestDocuments,
  type DocumentPatch,
  type DocumentQuery,
  type NewDocument,
} from '../model/document.js';
import {
  DossierInfoSchema,
  LegalRepresentativeSchema,
  NewLegalRepresentativeSchema,
  NotificationPreferencesSchema,
  OppositionsSchema,
  type DossierCreate,
  type DossierInfo,
  type NewLegalRepresentative,
  type NotificationPreferences,
  type Oppositions,
} from '../model/dossier.js';
import { PREVENTION_TYPE_CODES, PreventionContentSchema, PreventionContentToSaveSchema, PreventionSchema, type Prevention, type PreventionContent, type PreventionList } from '../model/prevention.js';
import type { Problem } from '../model/problem.js';
import type { Professional } from '../model/professional.js';
import { ROUTES } from '../model/routes.js';
import { SynthesisContentSchema, SynthesisContentToSaveSchema, SynthesisSchema, type Synthesis, type SynthesisContent } from '../model/synthesis.js';
import { NIR_FAILURE_MESSAGES, normalizeNir, validateNir } from '../model/nir.js';
import { randomUuid } from '../model/uuid.js';
import { insIdentifier, insToken } from './ins.js';
import { fromAuditEvent } from './audit.js';
import {
  ARCHIVED_TAG,
  formatSystemOf,
  fromDocumentReference,
  primaryContentIndex,
  securityLabelsOf,
  typeSystemOf,
} from './document.js';
import {
  authorizationsOf,
  consentMode,
  consentRpps,
  dossierExtension,
  dossierFactsOf,
  dossierInfoOf,
  notificationExtension,
  notificationPreferencesOf,
  oppositionsOf,
  policyDossierOf,
  practitionerIdOf,
  professionalOf,
  telecomOf,
  toAuthorizationConsent,
  toOppositionConsent,
  treatingPhysicianReference,
  treatingPhysiciansOf,
  fromRelatedPerson,
  relationshipOf,
  toRelatedPerson,
} from './dossier.js';
import { MappingError, base64ToBytes, base64ToText, bytesToBase64, idOfReference, parseResource, parseWith, textToBase64, zodIssues } from './parse.js';
import {
  BundleSchema,
  OperationOutcomeSchema,
  type Bundle,
  type Consent,
  type DocumentReference,
  type Patient,
  type ResourceOf,
  type ResourceType,
} from './schemas.js';
import {
  ACCESS_MODE_CODES,
  ACCESS_MODE_SYSTEM,
  ACTION_SYSTEM,
  CLASS_CODE_SYSTEM,
  DOSSIER_EXTENSION,
  NOTIFICATION_EXTENSION,
  PREVENTION_CONTENT_FORMAT,
  REASON_SYSTEM,
  REQUEST_KEY_SYSTEM,
  RPPS_SYSTEM,
  SYNTHESIS_CONTENT_FORMAT,
  SYNTHESIS_CONTENT_FORMAT_SYSTEM,
  TYPE_CODE_SYSTEM,
  VERSION_PARAM,
} from './systems.js';

/** The same retries as the HTTP client's. */
export type FhirRetryOptions = RetryOptions;

export interface FhirDmpClientOptions {
  /** The FHIR R4 endpoint, e.g. `https://gateway.example.fr/fhir/R4`. */
  baseUrl: string;
  /** Defaults to the global `fetch`, looked up on each request. */
  fetch?: typeof fetch;
  /**
   * Sent with every request: the caller's `Authorization`, and whatever the gateway needs to
   * know who acts (a connexion secrète: `DMP-Secret: 1`). A function is called before each
   * request and told which patient's dossier it is about, as a security token (IUA / VIHF)
   * names the patient; throwing makes the call fail with an `unauthorized` DmpError.
   */
  headers?: Record<string, string> | ((request: HeadersRequest) => Record<string, string> | Promise<Record<string, string>>);
  /** How long a call may take, retries included (default 15 000 ms), as for the HTTP client. */
  timeoutMs?: number;
  /** Automatic retries of reads on network errors, 5xx and 429. */
  retry?: FhirRetryOptions;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A call's options and the patient it is about: the headers hook is told (`HeadersRequest`). */
type Asked = RequestOptions & { ins?: string | undefined };
type Params = Array<[string, string]>;

interface Call {
  method: Method;
  /** Relative to the base URL, query included. */
  path: string;
  body?: unknown;
  contentType?: string;
  /** The version a write is made against, as the `If-Match` header. */
  ifMatch?: string;
  /** A conditional create's search, as the `If-None-Exist` header. */
  ifNoneExist?: string;
  /** What the request is, for messages: never the filled URL, which holds the patient's NIR. */
  what: string;
}

interface Match<T> {
  resource: T;
  /** Where it sits in the Bundle, for error paths. */
  index: number;
}

const FHIR_JSON = 'application/fhir+json';
const JSON_PATCH = 'application/json-patch+json';
const DEFAULT_LIMIT = 50;
/** Page size when the adapter filters pages itself (keyword, profession, mode): fewer round trips. */
const SCAN_PAGE_SIZE = 200;
const PDF_FORMAT = 'urn:ihe:iti:xds-sd:pdf:2008';
const MIME_SUFFICIENT_FORMAT = 'urn:ihe:iti:xds:2017:mimeTypeSufficient';
const VISIBILITY_CODE_SET: ReadonlySet<string> = new Set(Object.values(VISIBILITY_CODES));

/**
 * The DmpClient of a FHIR R4 server speaking ANS PDSm (IHE MHD) for documents, with Consent,
 * AuditEvent, Patient and RelatedPerson for the rest of the dossier (docs/fhir.md). What FHIR
 * cannot express throws an `http` DmpError whose problem says "not supported by the FHIR
 * adapter".
 */
export class FhirDmpClient implements DmpClient {
  /** No search parameter holds a DocumentReference's title. */
  readonly documentSorts = ['date-desc', 'date-asc'] as const;
  readonly #baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #headers: FhirDmpClientOptions['headers'];
  readonly #timeoutMs: number;
  readonly #retryDelay: RetrySchedule;
  /** INS → Patient id: stable for a dossier's life, so asked once. */
  readonly #patientIds = new Map<string, string>();

  constructor(options: FhirDmpClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#headers = options.headers;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#retryDelay = retrySchedule(options.retry);
  }

  // ------------------------------------------------------------------------------------------
  // Dossier (TD0.2): the Patient with its Consents and RelatedPersons in one search.
  // ------------------------------------------------------------------------------------------

  async getDossier(ins: string, options?: RequestOptions): Promise<DossierInfo> {
    const asked = { ...options, ins };
    const dossier = await this.#dossier(ins, asked);
    return this.#dossierInfo(ins, dossier.patient, dossier.consents, dossier.relatedPersons);
  }

  createDossier(_input: DossierCreate, _options: CreateDossierOptions): Promise<never> {
    return notSupported('createDossier', 'FHIR has no operation that opens a DMP and hands the patient their credentials once');
  }

  closeDossier(ins: string, reason: string, options?: RequestOptions): Promise<DossierInfo> {
    const asked = { ...options, ins };
    const closeReason = reason.trim();
    if (!closeReason) return Promise.reject(invalidRequest([{ path: 'reason', message: 'Requis' }]));
    return this.#setDossierStatus(ins, 'closed', closeReason, asked);
  }

  /**
   * A professional's reactivation needs the patient's consent, which a FHIR PATCH cannot carry:
   * `options.consent` is not sent, and the server answers as it would without it.
   */
  reactivateDossier(ins: string, options?: ReactivateDossierOptions): Promise<DossierInfo> {
    const asked = { ...options, ins };
    return this.#setDossierStatus(ins, 'active', undefined, asked);
  }

  // ------------------------------------------------------------------------------------------
  // Documents: ITI-67 searches, ITI-65 submissions, JSON PATCH for the metadata updates.
  // ------------------------------------------------------------------------------------------

  /**
   * A FHIR search cannot group by category: one search per category, run in parallel. Each tells
   * what is hidden in the whole dossier (the reference gateway counts it whatever the search); from
   * a server that counts per search, the largest count is kept, a floor rather than a sum that
   * would count a document twice.
   */
  async latestDocuments(ins: string, options?: LatestDocumentsOptions): Promise<LatestDocuments> {
    const asked = { ...options, ins };
    const hidden: Record<string, number> = {};
    const categories = await Promise.all(
      (asked.categories ?? CATEGORIES).map(async (category) => {
        const list = await this.listDocuments(ins, { category, status: 'current', limit: 1 }, asked);
        for (const [reason, count] of Object.entries(list.hidden ?? {})) hidden[reason] = Math.max(hidden[reason] ?? 0, count);
        const document = list.items[0];
        return { category, ...(document ? { document } : {}) };
      }),
    );
    return { categories, ...(Object.keys(hidden).length > 0 ? { hidden } : {}) };
  }

  async listDocuments(ins: string, query: DocumentQuery = {}, options?: RequestOptions): Promise<DocumentList> {
    const asked = { ...options, ins };
    const q = validated(DocumentQuerySchema, query, 'query');
    if (q.sort === 'title-asc' || q.sort === 'title-desc') {
      return notSupported('listDocuments', 'a FHIR DocumentReference search cannot sort by title');
    }
    const local = q.q !== undefined || q.authorProfession !== undefined;
    const limit = q.limit ?? DEFAULT_LIMIT;
    const params: Params = [
      ['patient.identifier', insToken(ins)],
      ['status', q.status === 'current' ? 'current' : 'current,superseded'],
      ...(q.status === 'current' ? ([['_tag:not', `${ARCHIVED_TAG.system}|${ARCHIVED_TAG.code}`]] as Params) : []),
      ...(q.category ? [categoryParam(q.category)] : []),
      ...(q.from ? ([['date', `ge${q.from}`]] as Params) : []),
      ...(q.to ? ([['date', `le${q.to}`]] as Params) : []),
      ['_sort', q.sort === 'date-asc' ? 'date' : '-date'],
      ['_count', String(local ? Math.max(limit, SCAN_PAGE_SIZE) : limit)],
      ['_revinclude', 'DocumentReference:relatesto'],
    ];
    const matches = keywordMatcher(q.q);
    const keep = local
      ? (doc: DmpDocument) =>
          (q.authorProfession === undefined || doc.author.profession === q.authorProfession) && (matches?.(doc) ?? true)
      : undefined;
    const scan = await this.#scan(
      'DocumentReference',
      searchPath('DocumentReference', params),
      q.cursor,
      limit,
      (bundle) => documentsOf(bundle),
      keep,
      asked,
      q.sort === 'date-asc' ? undefined : (newest) => ['date', `le${newest.submittedAt}`],
    );
    const hidden = hiddenCounts(scan.first);
    const list = {
      items: scan.items,
      ...(scan.cursor ? { nextCursor: scan.cursor } : {}),
      ...(!local && scan.first.total !== undefined ? { total: scan.first.total } : {}),
      ...(Object.keys(hidden).length > 0 ? { hidden } : {}),
    };
    return checked(DocumentListSchema, list, 'DocumentReference search');
  }

  async getDocument(ins: string, id: string, options?: RequestOptions): Promise<DmpDocument> {
    const asked = { ...options, ins };
    const { document } = await this.#document(ins, id, asked);
    return document;
  }

  async getDocumentContent(ins: string, id: string, options?: RequestOptions): Promise<Blob> {
    const asked = { ...options, ins };
    const { resource } = await this.#document(ins, id, asked);
    const index = primaryContentIndex(resource);
    const { attachment } = resource.content[index]!;
    const data = attachment.data;
    if (data !== undefined) return new Blob([mapped(() => base64ToBytes(data), `content.${index}.attachment.data`, 'DocumentReference read')], { type: attachment.contentType });
    const url = attachment.url;
    if (!url) throw invalidResponse('DocumentReference read', [{ path: `content.${index}.attachment`, message: 'Ni url ni data' }]);
    const path = this.#relative(url);
    if (path === undefined || !/^Binary\/[^/?]+$/.test(path)) {
      throw invalidResponse('DocumentReference read', [{ path: `content.${index}.attachment.url`, message: 'Le fichier n’est pas un Binary de ce serveur' }]);
    }
    const binary = parseBody('Binary', await this.#send({ method: 'GET', path, what: 'GET Binary/{id}' }, asked), 'GET Binary/{id}');
    // A Binary without data is an empty file only when the document says so (FHIR has no empty
    // string): otherwise an empty one would be shown as the document.
    const content = binary.data ?? (attachment.size === 0 ? '' : undefined);
    if (content === undefined) throw invalidResponse('GET Binary/{id}', [{ path: 'data', message: 'Aucun contenu' }]);
    return new Blob([mapped(() => base64ToBytes(content), 'data', 'GET Binary/{id}')], { type: binary.contentType });
  }

  /**
   * TD2 / TD2.1 as ITI-65: a transaction Bundle with the file as a Binary and its
   * DocumentReference. The server names the author (the caller) and the submission time.
   * fetch reports no upload progress: `onProgress` hears the start and the end.
   */
  async addDocument(ins: string, metadata: NewDocument, file: Blob, options: AddDocumentOptions = {}): Promise<DmpDocument> {
    const asked = { ...options, ins };
    const meta = validated(NewDocumentSchema, metadata, 'metadata');
    const classCode = CLASS_CODE_OF_TYPE[meta.typeCode];
    if (classCode === undefined) throw invalidRequest([{ path: 'metadata.typeCode', message: 'Type de document inconnu' }]);
    const patientId = await this.#patientId(ins, asked);
    const mimeType = file.type || 'application/octet-stream';
    const data = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    const binaryUrl = `urn:uuid:${randomUuid()}`;
    const documentUrl = `urn:uuid:${randomUuid()}`;
    // Sent again under the same key after a lost answer, the gateway answers with the document
    // added then (a conditional create, as for a legal representative).
    const key = asked.idempotencyKey ? { system: REQUEST_KEY_SYSTEM, value: asked.idempotencyKey } : undefined;
    const formatCode = mimeType === 'application/pdf' ? PDF_FORMAT : MIME_SUFFICIENT_FORMAT;
    const document = {
      resourceType: 'DocumentReference',
      masterIdentifier: newUniqueId(),
      ...(key ? { identifier: [key] } : {}),
      status: 'current',
      type: typeConcept(meta.typeCode),
      category: [{ coding: [{ system: CLASS_CODE_SYSTEM, code: classCode }] }],
      subject: { reference: `Patient/${patientId}`, identifier: insIdentifier(ins) },
      date: new Date().toISOString(),
      ...(meta.replaces ? { relatesTo: [{ code: 'replaces', target: { reference: `DocumentReference/${meta.replaces}` } }] } : {}),
      securityLabel: securityLabelsOf([
        'N',
        ...(meta.invisibleToPatient ? [VISIBILITY_CODES.invisibleToPatient] : []),
        ...(meta.invisibleToLegalRepresentatives ? [VISIBILITY_CODES.invisibleToLegalRepresentatives] : []),
      ]),
      content: [
        {
          attachment: { contentType: mimeType, url: binaryUrl, size: file.size, title: meta.title },
          format: { system: formatSystemOf(formatCode), code: formatCode },
        },
      ],
      context: { period: { start: meta.serviceStart, ...(meta.serviceStop ? { end: meta.serviceStop } : {}) } },
    };
    const binary = { resourceType: 'Binary', contentType: mimeType, data, securityContext: { reference: documentUrl } };
    const total = file.size;
    asked.onProgress?.({ loaded: 0, total });
    const created = await this.#submit(ins, [
      { fullUrl: binaryUrl, resource: binary, request: { method: 'POST', url: 'Binary' } },
      {
        fullUrl: documentUrl,
        resource: document,
        request: { method: 'POST', url: 'DocumentReference', ...(key ? { ifNoneExist: requestKeyCondition(key) } : {}) },
      },
    ], asked);
    asked.onProgress?.({ loaded: total, total });
    return checked(DocumentSchema, mapped(() => fromDocumentReference(created.resource), `entry.${created.index}.resource`, 'ITI-65'), 'ITI-65');
  }

  /** TD3.3a/b/d: the security labels (masking, visibility) and the archive tag, by JSON PATCH. */
  async updateDocument(ins: string, id: string, patch: DocumentPatch, options?: RequestOptions): Promise<DmpDocument> {
    const asked = { ...options, ins };
    const change = validated(DocumentPatchSchema, patch, 'body');
    const { resource, document } = await this.#document(ins, id, asked);
    const flags = {
      [VISIBILITY_CODES.masked]: change.masked ?? document.masked,
      [VISIBILITY_CODES.invisibleToPatient]: change.invisibleToPatient ?? document.invisibleToPatient,
      [VISIBILITY_CODES.invisibleToLegalRepresentatives]: change.invisibleToLegalRepresentatives ?? document.invisibleToLegalRepresentatives,
    };
    // The other labels (N, R…) stay where they are; the visibility statuses follow, in TRE_A07 order.
    const codes = [
      ...document.confidentiality.filter((code) => !VISIBILITY_CODE_SET.has(code)),
      ...Object.values(VISIBILITY_CODES).filter((code) => flags[code]),
    ];
    const ops: PatchOp[] = [{ op: 'add', path: '/securityLabel', value: securityLabelsOf(codes) }];
    if (change.status === 'archived' && document.status !== 'archived') {
      ops.push(
        resource.meta?.tag
          ? { op: 'add', path: '/meta/tag/-', value: { ...ARCHIVED_TAG } }
          : { op: 'add', path: '/meta/tag', value: [{ ...ARCHIVED_TAG }] },
      );
    }
    const patched = await this.#patch('DocumentReference', resource, ops, asked);
    return checked(DocumentSchema, mapped(() => fromDocumentReference(patched, document.replacedBy ? { replacedBy: document.replacedBy } : {}), '', 'PATCH DocumentReference/{id}'), 'PATCH DocumentReference/{id}');
  }

  /** TD3.3c: the DocumentReference becomes `entered-in-error`, which every search leaves out. */
  async deleteDocument(ins: string, id: string, options?: RequestOptions): Promise<void> {
    const asked = { ...options, ins };
    const { resource } = await this.#document(ins, id, asked);
    await this.#patch('DocumentReference', resource, [{ op: 'replace', path: '/status', value: 'entered-in-error' }], asked);
  }

  // ------------------------------------------------------------------------------------------
  // Synthesis: DocumentReferences of type SYNTH whose content holds our structured JSON.
  // ------------------------------------------------------------------------------------------

  /**
   * `null` when the dossier has no current SYNTH DocumentReference, or the patient's side may not
   * see it; a professional it is kept from is refused with the reason, as by the JSON API.
   */
  async getSynthesis(ins: string, options?: RequestOptions): Promise<Synthesis | null> {
    const asked = { ...options, ins };
    const { versions, refusal } = await this.#syntheses(ins, 'current', asked);
    if (refusal) throw refusal;
    return versions[0] ? synthesisOf(versions[0]) : null;
  }

  /** The versions the caller may read; refused, as by the JSON API, when the current one is kept from them. */
  async listSynthesisVersions(ins: string, options?: RequestOptions): Promise<ResponseOf<'listSynthesisVersions'>> {
    const asked = { ...options, ins };
    const { versions, refusal } = await this.#syntheses(ins, 'current,superseded', asked);
    if (refusal && !versions.some((match) => match.resource.status === 'current')) throw refusal;
    return {
      items: versions.map((match) => {
        const { documentId, version, author, savedAt } = synthesisOf(match, false);
        return { documentId, version, author, savedAt };
      }),
    };
  }

  /**
   * The version asked for, by its number (our `document-version` search parameter, on the
   * `document-version` extension): the server judges and logs the read of that version, as the
   * JSON API. Refused with the reason the search's `suppressed` issue tells a professional; not
   * found when it never was, or is kept from the patient's side. A server that ignores the
   * parameter answers with every version: the one asked for is picked out of them.
   */
  async getSynthesisVersion(ins: string, version: number, options?: RequestOptions): Promise<Synthesis> {
    const asked = { ...options, ins };
    const { versions, refusal } = await this.#syntheses(ins, 'current,superseded', asked, [[VERSION_PARAM, String(version)]]);
    const wanted = versions.find((match) => synthesisOf(match, false).version === version);
    if (wanted) return synthesisOf(wanted);
    // From a server that ignored the parameter, every version: one past the current one never
    // was (each is numbered one past the one it replaces), whatever else the search kept.
    const current = versions.find((match) => match.resource.status === 'current');
    const neverWas = current !== undefined && (!Number.isInteger(version) || version < 1 || version > synthesisOf(current, false).version);
    if (refusal && !neverWas) throw refusal;
    throw new DmpError('not-found', 'Cette version du volet de synthèse n’existe pas.', { status: 404 });
  }

  /**
   * A new version replaces the one `etag` names (its DocumentReference id): the server refuses
   * to replace a version that is no longer current, which is how two concurrent saves conflict.
   * Without an ETag only a first version may be written, as with the JSON API's If-Match. The
   * conflict carries the current version, read after the refusal.
   */
  async saveSynthesis(ins: string, content: SynthesisContent, etag: string, options?: RequestOptions): Promise<Synthesis> {
    const asked = { ...options, ins };
    const body = validated(SynthesisContentToSaveSchema, content, 'content');
    const replaces = /^(?:W\/)?"([^"]+)"$/.exec(etag.trim())?.[1];
    // Sent even without an ETag while a VSM exists: the server judges the write first, then
    // refuses a first version while one is current (409), as the JSON API's If-Match.
    const patientId = await this.#patientId(ins, asked);
    const document = structuredDocument(ins, patientId, SYNTHESIS_TYPE_CODE, SYNTHESIS_CONTENT_FORMAT, body, replaces);
    try {
      return synthesisOf(await this.#submitOne(ins, document, asked));
    } catch (error) {
      if (!isDmpError(error) || error.kind !== 'conflict') throw error;
      throw withCurrent(error, await this.getSynthesis(ins, asked).catch(() => undefined));
    }
  }

  // ------------------------------------------------------------------------------------------
  // Prevention (DECISIONS.md 1): one DocumentReference per list, 11369-6 for the vaccinations
  // and 90767-5 for the screenings, whose content holds our structured JSON for that list.
  // ------------------------------------------------------------------------------------------

  /** `null` when the caller sees neither list's document: none yet, or hidden from them. */
  async getPrevention(ins: string, options?: RequestOptions): Promise<Prevention | null> {
    const asked = { ...options, ins };
    return preventionOf(await this.#preventionDocuments(ins, asked));
  }

  /**
   * Writes a new document for each list that changed, replacing that list's current one. No
   * resource holds the record, so the ETag (both documents' ids) is compared here; a save made
   * between that comparison and the submission is caught by the server, which refuses to replace
   * a document that is no longer current.
   */
  async savePrevention(ins: string, content: PreventionContent, etag: string, options?: RequestOptions): Promise<Prevention> {
    const asked = { ...options, ins };
    const body = validated(PreventionContentToSaveSchema, content, 'content');
    const found = await this.#preventionDocuments(ins, asked);
    const current = preventionOf(found);
    if (etag.trim().replace(/^W\//, '') !== (current?.etag ?? '')) {
      throw new DmpError('conflict', 'Les vaccinations et dépistages ont été modifiés entre-temps.', current ? { current, etag: current.etag } : {});
    }
    const changed = PREVENTION_LISTS.filter((list) => JSON.stringify(body[list]) !== JSON.stringify(current?.content[list] ?? []));
    if (changed.length === 0) {
      if (current) return current;
      throw invalidRequest([{ path: 'content', message: 'Aucune vaccination ni aucun dépistage à enregistrer' }]);
    }
    const patientId = await this.#patientId(ins, asked);
    const saved = { ...found };
    try {
      for (const list of changed) {
        const document = structuredDocument(ins, patientId, PREVENTION_TYPE_CODES[list], PREVENTION_CONTENT_FORMAT, body[list], found[list]?.resource.id);
        saved[list] = await this.#submitOne(ins, document, asked);
      }
    } catch (error) {
      if (!isDmpError(error) || error.kind !== 'conflict') throw error;
      throw withCurrent(error, await this.getPrevention(ins, asked).catch(() => undefined));
    }
    return preventionOf(saved)!;
  }

  // ------------------------------------------------------------------------------------------
  // Authorizations and oppositions: Consent; médecins traitants: Patient.generalPractitioner.
  // ------------------------------------------------------------------------------------------

  async listAuthorizations(ins: string, options?: RequestOptions): Promise<ResponseOf<'listAuthorizations'>> {
    const asked = { ...options, ins };
    const patient = await this.#patient(ins, asked);
    const consents = await this.#consents(ins, [['status', 'active']], asked);
    const { authorized, blocked } = authorizationsOf(consents);
    const createdAt = dossierFactsOf(patient).createdAt;
    const treating = treatingPhysiciansOf(patient).map((t) => ({ rpps: t.rpps, since: t.since ?? createdAt ?? patient.meta?.lastUpdated ?? '' }));
    const rows: Array<{ rpps: string; since: string; status: Authorization['status'] }> = [
      ...treating.map((t) => ({ ...t, status: 'treating-physician' as const })),
      ...authorized.map((a) => ({ ...a, status: 'authorized' as const })),
      ...blocked.map((b) => ({ ...b, status: 'blocked' as const })),
    ];
    const identifiers = [...new Set(rows.map((r) => `${RPPS_SYSTEM}|8${r.rpps}`))].join(',');
    const directory = rows.length > 0 ? await this.#professionals([['identifier', identifiers]], asked, true) : [];
    const byRpps = new Map(directory.map((p) => [p.rpps, p]));
    const items = rows.flatMap((row) => {
      const professional = byRpps.get(row.rpps);
      return professional ? [{ professional, status: row.status, since: row.since }] : [];
    });
    return checked(ROUTE_SCHEMAS.authorizations, { items }, 'Consent search');
  }

  async changeAuthorization(ins: string, change: AuthorizationChange, options?: RequestOptions): Promise<ResponseOf<'listAuthorizations'>> {
    const asked = { ...options, ins };
    const { change: kind, rpps, consent } = validated(AuthorizationChangeSchema, change, 'body');
    switch (kind) {
      case 'designate-treating':
      case 'undesignate-treating': {
        const patient = await this.#patient(ins, asked);
        const designated = patient.generalPractitioner ?? [];
        const at = designated.findIndex((reference) => reference.identifier?.system === RPPS_SYSTEM && reference.identifier.value === `8${rpps}`);
        const reference = treatingPhysicianReference(rpps, new Date().toISOString());
        let ops: PatchOp[];
        if (kind === 'designate-treating' && at < 0) {
          ops = [designated.length > 0 ? { op: 'add', path: '/generalPractitioner/-', value: reference } : { op: 'add', path: '/generalPractitioner', value: [reference] }];
        } else if (kind === 'undesignate-treating' && at >= 0) {
          ops = [{ op: 'remove', path: `/generalPractitioner/${at}` }];
        } else {
          // Nothing to change: still sent, for the server to judge and log as the JSON API does (the
          // patient's act; an RPPS of the directory), as a patch that names the professional and
          // leaves the médecins traitants as they are: added, then removed.
          ops =
            designated.length > 0
              ? [{ op: 'add', path: '/generalPractitioner/0', value: reference }, { op: 'remove', path: '/generalPractitioner/0' }]
              : [{ op: 'add', path: '/generalPractitioner', value: [reference] }, { op: 'remove', path: '/generalPractitioner' }];
        }
        await this.#patch('Patient', patient, ops, asked);
        break;
      }
      case 'grant':
      case 'block':
      case 'grant-self': {
        // The server keeps one active Consent per professional: a new one ends the previous.
        const patientId = await this.#patientId(ins, asked);
        const status = kind === 'grant-self' && consent !== true ? 'proposed' : 'active';
        const resource = toAuthorizationConsent({ id: '', patientId, rpps, decision: kind === 'block' ? 'deny' : 'permit', status, since: new Date().toISOString() });
        const { id: _unassigned, ...body } = resource;
        await this.#send({ method: 'POST', path: 'Consent', body, contentType: FHIR_JSON, what: 'POST Consent' }, asked);
        break;
      }
      case 'revoke':
      case 'unblock': {
        const decision = kind === 'revoke' ? 'permit' : 'deny';
        // One who may not read the authorizations may not change them either: the server says so
        // on the change itself, with the reason the JSON API gives.
        const consents = await this.#consents(ins, [['status', 'active']], asked).catch((error: unknown) => {
          if (isDmpError(error) && error.kind === 'forbidden') return [];
          throw error;
        });
        const standing = consents.filter((c) => consentRpps(c) === rpps && c.provision?.type === decision);
        for (const found of standing) {
          await this.#patch('Consent', found, [{ op: 'replace', path: '/status', value: 'inactive' }], asked);
        }
        if (standing.length === 0) {
          // Nothing stands to end: still sent, for the server to judge and log as the JSON API does
          // (the patient's act; an RPPS of the directory), as an inactive Consent, which grants and
          // blocks nothing.
          const patientId = await this.#patientId(ins, asked);
          const { id: _unassigned, ...body } = toAuthorizationConsent({ id: '', patientId, rpps, decision, status: 'inactive', since: new Date().toISOString() });
          await this.#send({ method: 'POST', path: 'Consent', body, contentType: FHIR_JSON, what: 'POST Consent' }, asked);
        }
        break;
      }
    }
    return this.listAuthorizations(ins, asked);
  }

  /** The directory: a name, or an RPPS (eleven digits: FHIR token searches match whole values). */
  async searchProfessionals(text: string, options?: RequestOptions): Promise<ResponseOf<'searchProfessionals'>> {
    const query = text.trim();
    const digits = query.replace(/\s+/g, '');
    if (query.length < 2 || (/^\d+$/.test(digits) && digits.length !== 11)) return { items: [] };
    const params: Params = /^\d{11}$/.test(digits) ? [['identifier', `${RPPS_SYSTEM}|8${digits}`]] : [['name', query]];
    const items = await this.#professionals([...params, ['_count', '20']], options);
    return checked(ROUTE_SCHEMAS.professionals, { items }, 'Practitioner search');
  }

  async getOppositions(ins: string, options?: RequestOptions): Promise<Oppositions> {
    const asked = { ...options, ins };
    return oppositionsOf(await this.#oppositionConsents(ins, 'active', asked));
  }

  async setOppositions(ins: string, oppositions: Oppositions, options?: RequestOptions): Promise<Oppositions> {
    const asked = { ...options, ins };
    const wanted = validated(OppositionsSchema, oppositions, 'body');
    const existing = await this.#oppositionConsents(ins, 'active,inactive', asked);
    for (const mode of ['break-glass', 'regulation'] as const) {
      const opposed = mode === 'break-glass' ? wanted.breakGlass : wanted.regulation;
      const found = existing.filter((c) => consentMode(c) === mode);
      if (found.length === 0) {
        if (!opposed) continue;
        const { id: _unassigned, ...body } = toOppositionConsent({ id: '', patientId: await this.#patientId(ins, asked), mode, opposed, since: new Date().toISOString() });
        await this.#send({ method: 'POST', path: 'Consent', body, contentType: FHIR_JSON, what: 'POST Consent' }, asked);
        continue;
      }
      for (const consent of found) {
        const status = opposed ? 'active' : 'inactive';
        if (consent.status !== status) await this.#patch('Consent', consent, [{ op: 'replace', path: '/status', value: status }], asked);
      }
    }
    return this.getOppositions(ins, asked);
  }

  /**
   * Contact points in Patient.telecom; the per-event channels in an extension (docs/fhir.md).
   * Asked for by `_elements`: the server judges a read of them as the patient's settings.
   */
  async getNotificationPreferences(ins: string, options?: RequestOptions): Promise<NotificationPreferences> {
    const asked = { ...options, ins };
    const patient = await this.#patient(ins, asked, [['_elements', 'telecom,extension']]);
    return checked(NotificationPreferencesSchema, notificationPreferencesOf(patient), 'Patient search');
  }

  async setNotificationPreferences(ins: string, preferences: NotificationPreferences, options?: RequestOptions): Promise<NotificationPreferences> {
    const asked = { ...options, ins };
    const wanted = validated(NotificationPreferencesSchema, preferences, 'body');
    const patient = await this.#patient(ins, asked);
    const extensions = (patient.extension ?? []).filter((e) => e.url !== NOTIFICATION_EXTENSION);
    const chosen = notificationExtension(wanted);
    const telecom = [...(patient.telecom ?? []).filter((t) => t.system !== 'email' && t.system !== 'sms'), ...telecomOf(wanted)];
    const patched = await this.#patch('Patient', patient, [
      { op: 'add', path: '/extension', value: [...extensions, ...(chosen ? [chosen] : [])] },
      { op: 'add', path: '/telecom', value: telecom },
    ], asked);
    return checked(NotificationPreferencesSchema, notificationPreferencesOf(patched), 'PATCH Patient/{id}');
  }

  // ------------------------------------------------------------------------------------------
  // Legal representatives: RelatedPerson.
  // ------------------------------------------------------------------------------------------

  async listRepresentatives(ins: string, options?: RequestOptions): Promise<ResponseOf<'listRepresentatives'>> {
    const asked = { ...options, ins };
    const bundle = await this.#searchEvery('RelatedPerson', [['patient.identifier', insToken(ins)], ['_count', '100']], asked);
    // A contact or a friend is no legal representative; a parent of an adult, the server leaves out.
    const items = matches(bundle, 'RelatedPerson')
      .filter((m) => m.resource.active !== false && relationshipOf(m.resource) !== undefined)
      .map((m) => mapped(() => fromRelatedPerson(m.resource), `entry.${m.index}.resource`, 'RelatedPerson search'));
    return { items };
  }

  /** A conditional create on the idempotency key: sent again, it answers with the person added the first time. */
  async addRepresentative(ins: string, representative: NewLegalRepresentative, options: AddRepresentativeOptions) {
    const asked = { ...options, ins };
    // Without a key (a script without TypeScript's help), the conditional create would find the
    // first person added without one and answer with them.
    if (!asked.idempotencyKey) throw new DmpError('invalid-request', 'addRepresentative needs options.idempotencyKey');
    const wanted = validated(NewLegalRepresentativeSchema, representative, 'body');
    const patientId = await this.#patientId(ins, asked);
    const { id: _unassigned, ...person } = toRelatedPerson({ ...wanted, id: '', since: new Date().toISOString() }, patientId);
    const key = { system: REQUEST_KEY_SYSTEM, value: asked.idempotencyKey };
    const call = {
      method: 'POST',
      path: 'RelatedPerson',
      body: { ...person, identifier: [key] },
      contentType: FHIR_JSON,
      ifNoneExist: requestKeyCondition(key),
      what: 'POST RelatedPerson',
    } as const;
    const created = parseBody('RelatedPerson', await this.#send(call, asked), 'POST RelatedPerson');
    return checked(LegalRepresentativeSchema, mapped(() => fromRelatedPerson(created), '', 'POST RelatedPerson'), 'POST RelatedPerson');
  }

  async removeRepresentative(ins: string, id: string, options?: RequestOptions): Promise<void> {
    const asked = { ...options, ins };
    const bundle = await this.#search('RelatedPerson', [['patient.identifier', insToken(ins)], ['_id', id]], asked);
    if (matches(bundle, 'RelatedPerson').length === 0) throw new DmpError('not-found', 'Représentant légal introuvable.', { status: 404 });
    await this.#send({ method: 'DELETE', path: `RelatedPerson/${encodeURIComponent(id)}`, what: 'DELETE RelatedPerson/{id}' }, asked);
  }

  // ------------------------------------------------------------------------------------------
  // Access history: AuditEvent, newest first.
  // ------------------------------------------------------------------------------------------

  async listAccessLog(ins: string, query: AccessLogQuery = {}, options?: RequestOptions): Promise<ResponseOf<'listAccessLog'>> {
    const asked = { ...options, ins };
    const q = validated(ROUTE_SCHEMAS.accessLogQuery, query, 'query');
    const limit = q.limit ?? DEFAULT_LIMIT;
    const local = q.mode !== undefined || q.actor !== undefined;
    const params: Params = [
      ['patient.identifier', insToken(ins)],
      ...(q.action ? ([['subtype', `${ACTION_SYSTEM}|${q.action}`]] as Params) : []),
      ...(q.from ? ([['date', `ge${q.from}`]] as Params) : []),
      ...(q.to ? ([['date', `le${q.to}`]] as Params) : []),
      ['_sort', '-date'],
      ['_count', String(local ? Math.max(limit, SCAN_PAGE_SIZE) : limit)],
    ];
    const who = q.actor ? fold(q.actor) : undefined;
    const keep = local
      ? (entry: AccessLogEntry) =>
          (q.mode === undefined || entry.mode === q.mode) &&
          (who === undefined || fold(`${entry.actor.name} ${entry.actor.rpps ?? ''} ${entry.actor.organisation ?? ''}`).includes(who))
      : undefined;
    const scan = await this.#scan(
      'AuditEvent',
      searchPath('AuditEvent', params),
      q.cursor,
      limit,
      (bundle) => matches(bundle, 'AuditEvent').map((m) => mapped(() => fromAuditEvent(m.resource), `entry.${m.index}.resource`, 'AuditEvent search')),
      keep,
      asked,
      (newest) => ['date', `le${newest.at}`],
    );
    return checked(ROUTE_SCHEMAS.accessLog, { items: scan.items, ...(scan.cursor ? { nextCursor: scan.cursor } : {}) }, 'AuditEvent search');
  }

  requestEmergencyAccess(_ins: string, _mode: EmergencyMode, _justification: string, _options: EmergencyAccessOptions): Promise<never> {
    return notSupported(
      'requestEmergencyAccess',
      'FHIR REST has no emergency-access grant; the access mode and its justification travel in the security token (IUA / VIHF purpose of use) the headers hook sends',
    );
  }

  // ------------------------------------------------------------------------------------------
  // Reading helpers
  // ------------------------------------------------------------------------------------------

  async #dossier(ins: string, options: Asked | undefined) {
    const bundle = await this.#search(
      'Patient',
      [
        ['identifier', insToken(ins)],
        ['_revinclude', 'Consent:patient'],
        ['_revinclude', 'RelatedPerson:patient'],
      ],
      options,
    );
    const patient = matches(bundle, 'Patient')[0]?.resource;
    if (patient) this.#patientIds.set(normalizeNir(ins), patient.id);
    return {
      patient,
      consents: matches(bundle, 'Consent', 'include').map((m) => m.resource),
      relatedPersons: matches(bundle, 'RelatedPerson', 'include').map((m) => m.resource),
    };
  }

  #dossierInfo(ins: string, patient: Patient | undefined, consents: Consent[], relatedPersons: ResourceOf<'RelatedPerson'>[]): DossierInfo {
    const policy = policyDossierOf({ patient, consents, relatedPersons, today: new Date().toISOString().slice(0, 10) });
    return checked(DossierInfoSchema, dossierInfoOf(normalizeNir(ins), policy, patient), 'Patient search');
  }

  async #patient(ins: string, options: Asked | undefined, extra: Params = []): Promise<Patient> {
    const bundle = await this.#search('Patient', [['identifier', insToken(ins)], ...extra], options);
    const patient = matches(bundle, 'Patient')[0]?.resource;
    if (!patient) throw new DmpError('not-found', 'Aucun dossier n’existe pour cet INS.', { status: 404 });
    this.#patientIds.set(normalizeNir(ins), patient.id);
    return patient;
  }

  async #patientId(ins: string, options: Asked | undefined): Promise<string> {
    return this.#patientIds.get(normalizeNir(ins)) ?? (await this.#patient(ins, options)).id;
  }

  async #setDossierStatus(ins: string, status: 'active' | 'closed', closeReason: string | undefined, options: Asked | undefined) {
    const { patient, consents, relatedPersons } = await this.#dossier(ins, options);
    if (!patient) throw new DmpError('not-found', 'Aucun dossier n’existe pour cet INS.', { status: 404 });
    const facts = dossierFactsOf(patient);
    // The server stamps closedAt; a reactivation forgets the closure.
    const extension = dossierExtension({ status, createdAt: facts.createdAt ?? patient.meta?.lastUpdated ?? new Date().toISOString(), ...(closeReason ? { closeReason } : {}) });
    const others = (patient.extension ?? []).filter((e) => e.url !== DOSSIER_EXTENSION);
    const patched = await this.#patch('Patient', patient, [
      { op: 'add', path: '/active', value: status === 'active' },
      { op: 'add', path: '/extension', value: [extension, ...others] },
    ], options);
    return this.#dossierInfo(ins, patched, consents, relatedPersons);
  }

  async #document(ins: string, id: string, options: Asked | undefined): Promise<{ resource: DocumentReference; document: DmpDocument }> {
    const bundle = await this.#search(
      'DocumentReference',
      [
        ['patient.identifier', insToken(ins)],
        ['_id', id],
        ['_revinclude', 'DocumentReference:relatesto'],
      ],
      options,
    );
    const documents = documentsOf(bundle);
    const document = documents.find((d) => d.id === id);
    const resource = matches(bundle, 'DocumentReference').find((m) => m.resource.id === id)?.resource;
    if (!document || !resource) {
      // Kept from a professional, the search says why (DECISIONS.md 12): refused as the JSON API
      // refuses its read. The patient's side is never told, and meets "not found".
      const [reason, other] = Object.keys(hiddenCounts(bundle));
      const known = other === undefined ? ReasonCodeSchema.safeParse(reason).data : undefined;
      if (known) throw new DmpError('forbidden', `Document refusé : ${known}.`, { status: 403, reason: known });
      throw new DmpError('not-found', 'Document introuvable.', { status: 404 });
    }
    return { resource, document };
  }

  /**
   * The SYNTH versions the caller sees, newest first (`also`: more criteria), and the refusal the
   * search's `suppressed` issue tells a professional.
   */
  async #syntheses(
    ins: string,
    status: string,
    options: Asked | undefined,
    also: Params = [],
  ): Promise<{ versions: Array<Match<DocumentReference>>; refusal?: DmpError | undefined }> {
    const bundle = await this.#searchEvery(
      'DocumentReference',
      [['patient.identifier', insToken(ins)], ['type', `${TYPE_CODE_SYSTEM}|SYNTH`], ['status', status], ...also, ['_sort', '-date'], ['_count', '100']],
      options,
    );
    return { versions: matches(bundle, 'DocumentReference'), refusal: suppressedRefusal(bundle, 'Volet de synthèse refusé') };
  }

  /**
   * Each list's current document: the newest of its type that carries our JSON, which other
   * documents of these types (a radiologist's screening report) do not. One kept from a
   * professional refuses the whole record with its reason, as the JSON API does.
   */
  async #preventionDocuments(ins: string, options: Asked | undefined): Promise<PreventionDocuments> {
    const types = PREVENTION_LISTS.map((list) => `${typeSystemOf(PREVENTION_TYPE_CODES[list])}|${PREVENTION_TYPE_CODES[list]}`);
    const bundle = await this.#search(
      'DocumentReference',
      [
        ['patient.identifier', insToken(ins)],
        ['type', types.join(',')],
        ['format', `${SYNTHESIS_CONTENT_FORMAT_SYSTEM}|${PREVENTION_CONTENT_FORMAT}`],
        ['status', 'current'],
        // An archived list is no longer the patient's record (as in the JSON API): the next save writes it anew.
        ['_tag:not', `${ARCHIVED_TAG.system}|${ARCHIVED_TAG.code}`],
        ['_sort', '-date'],
        ['_count', '100'],
      ],
      options,
    );
    const refusal = suppressedRefusal(bundle, 'Vaccinations et dépistages refusés');
    if (refusal) throw refusal;
    const found: PreventionDocuments = {};
    for (const match of matches(bundle, 'DocumentReference')) {
      const list = PREVENTION_LISTS.find((l) => match.resource.type.coding?.some((c) => c.code === PREVENTION_TYPE_CODES[l]));
      if (list) found[list] ??= match;
    }
    return found;
  }

  async #consents(ins: string, params: Params, options: Asked | undefined): Promise<Consent[]> {
    const bundle = await this.#searchEvery('Consent', [['patient.identifier', insToken(ins)], ...params, ['_count', '1000']], options);
    return matches(bundle, 'Consent').map((m) => m.resource);
  }

  #oppositionConsents(ins: string, status: string, options: Asked | undefined): Promise<Consent[]> {
    const purposes = Object.values(ACCESS_MODE_CODES)
      .filter((code) => code !== ACCESS_MODE_CODES.normal)
      .map((code) => `${ACCESS_MODE_SYSTEM}|${code}`)
      .join(',');
    return this.#consents(ins, [['purpose', purposes], ['status', status]], options);
  }

  /**
   * Practitioners found by `params`, with their role and organisation (two more searches); `every`:
   * all of them, where a search by name shows its first page.
   */
  async #professionals(params: Params, options: Asked | undefined, every = false): Promise<Professional[]> {
    const practitioners = matches(await (every ? this.#searchEvery('Practitioner', params, options) : this.#search('Practitioner', params, options)), 'Practitioner');
    if (practitioners.length === 0) return [];
    const roleBundle = await this.#searchEvery(
      'PractitionerRole',
      [['practitioner', practitioners.map((m) => `Practitioner/${m.resource.id}`).join(',')], ['_count', '1000']],
      options,
    );
    const roles = matches(roleBundle, 'PractitionerRole').map((m) => m.resource);
    const organizationIds = [...new Set(roles.map((r) => r.organization?.reference?.match(/(?:^|\/)Organization\/([^/]+)$/)?.[1]).filter((id): id is string => !!id))];
    const organizations =
      organizationIds.length > 0
        ? matches(await this.#searchEvery('Organization', [['_id', organizationIds.join(',')], ['_count', '1000']], options), 'Organization').map((m) => m.resource)
        : [];
    return practitioners.map((match) => {
      const role = roles.find((r) => practitionerIdOf(r.practitioner) === match.resource.id);
      const organizationId = role?.organization?.reference?.match(/(?:^|\/)Organization\/([^/]+)$/)?.[1];
      const organization = organizations.find((o) => o.id === organizationId);
      return mapped(() => professionalOf(match.resource, role, organization), `entry.${match.index}.resource`, 'Practitioner search');
    });
  }

  // ------------------------------------------------------------------------------------------
  // Transport
  // ------------------------------------------------------------------------------------------

  async #search(type: ResourceType, params: Params, options: Asked | undefined): Promise<Bundle> {
    const what = `GET ${type}?${params.map(([name]) => name).join('&')}`;
    return parseBundle(await this.#send({ method: 'GET', path: searchPath(type, params), what }, options), what);
  }

  /**
   * A search read to its last page, its entries in one Bundle: a server pages at its own size
   * (often 20) whatever `_count` asks, and what is past the first page must not go unseen.
   */
  async #searchEvery(type: ResourceType, params: Params, options: Asked | undefined): Promise<Bundle> {
    const first = await this.#search(type, params, options);
    const entry = [...(first.entry ?? [])];
    const what = `GET ${type}?…`;
    const read = new Set<string>();
    for (let page = first, path = this.#nextPath(page, what); path !== undefined; path = this.#nextPath(page, what)) {
      // A server whose `next` leads back to a page already read would be read for ever.
      if (read.has(path)) throw invalidResponse(what, [{ path: 'link', message: 'Le lien « next » revient à une page déjà lue' }]);
      read.add(path);
      page = parseBundle(await this.#send({ method: 'GET', path, what }, options), what);
      entry.push(...(page.entry ?? []));
    }
    return { ...first, entry };
  }

  /** The path of a Bundle's `next` page, if it has one; never a URL off the configured server. */
  #nextPath(bundle: Bundle, what: string): string | undefined {
    const next = bundle.link?.find((l) => l.relation === 'next')?.url;
    if (!next) return undefined;
    const path = this.#relative(next);
    if (path === undefined) throw invalidResponse(what, [{ path: 'link', message: 'Le lien « next » sort du serveur FHIR configuré' }]);
    return path;
  }

  /**
   * Reads pages from `first` (or from where `cursor` stopped) until `limit` items pass `keep`:
   * the cursor is the page URL and how many of its items were already handed out. A search
   * newest first gives `bound`, the criterion its first item sets: every later page is searched
   * within it, so that what arrives meanwhile, newer, shifts no page (DESIGN.md: cursors are
   * stable), where `next` links count an offset from the top.
   */
  async #scan<T>(
    type: ResourceType,
    first: string,
    cursor: string | undefined,
    limit: number,
    itemsOf: (bundle: Bundle) => T[],
    keep: ((item: T) => boolean) | undefined,
    options: Asked | undefined,
    bound?: (newest: T) => [string, string],
  ): Promise<{ items: T[]; cursor?: string | undefined; first: Bundle }> {
    const start = cursor === undefined ? { path: first, skip: 0 } : this.#decodeCursor(cursor);
    let path = start.path;
    let skip = start.skip;
    const items: T[] = [];
    let firstBundle: Bundle | undefined;
    // A cursor's pages carry the bound already: the first page set it.
    let criterion: [string, string] | undefined;
    const within = (page: string) => (criterion ? withCriterion(page, criterion) : page);
    const what = `GET ${type}?…`;
    for (;;) {
      const bundle = parseBundle(await this.#send({ method: 'GET', path, what }, options), what);
      const all = itemsOf(bundle);
      if (!firstBundle && cursor === undefined && all[0] !== undefined) criterion = bound?.(all[0]);
      firstBundle ??= bundle;
      for (let i = skip; i < all.length; i++) {
        const item = all[i]!;
        if (keep && !keep(item)) continue;
        if (items.length === limit) return { items, cursor: encodeCursor(within(path), i), first: firstBundle };
        items.push(item);
      }
      const nextPath = this.#nextPath(bundle, what);
      if (nextPath === undefined) return { items, first: firstBundle };
      if (items.length === limit) return { items, cursor: encodeCursor(within(nextPath), 0), first: firstBundle };
      path = within(nextPath);
      skip = 0;
    }
  }

  #decodeCursor(cursor: string): { path: string; skip: number } {
    try {
      const decoded: unknown = JSON.parse(base64ToText(cursor.replace(/-/g, '+').replace(/_/g, '/')));
      if (Array.isArray(decoded) && typeof decoded[0] === 'string' && Number.isInteger(decoded[1]) && decoded[1] >= 0 && !/^[a-z][a-z0-9+.-]*:/i.test(decoded[0])) {
        return { path: decoded[0], skip: decoded[1] as number };
      }
    } catch {
      // Falls through to the error below: a cursor is ours or it is invalid.
    }
    throw invalidRequest([{ path: 'cursor', message: 'Curseur illisible' }]);
  }

  /**
   * A URL of this server, relative to the base URL; undefined for any other. A relative one is
   * resolved against the base first: `../admin` leaves it as surely as another host does.
   */
  #relative(url: string): string | undefined {
    const base = new URL(`${this.#baseUrl}/`, globalThis.location?.href ?? 'http://localhost/').href;
    const absolute = new URL(url, base).href;
    return absolute.startsWith(base) ? absolute.slice(base.length) : undefined;
  }

  /**
   * Applies `ops` to the version of `read` we hold, and to no other: the JSON Patch tests it, and
   * If-Match names it, so that a server that checks it answers a change made in between with 412
   * (a `conflict`) rather than the failed test's 400.
   */
  async #patch<T extends ResourceType>(type: T, read: Versioned, ops: PatchOp[], options: Asked | undefined): Promise<ResourceOf<T>> {
    const what = `PATCH ${type}/{id}`;
    const versionId = read.meta?.versionId;
    const guarded: PatchOp[] = versionId ? [{ op: 'test', path: '/meta/versionId', value: versionId }, ...ops] : ops;
    const call: Call = {
      method: 'PATCH',
      path: `${type}/${encodeURIComponent(read.id)}`,
      body: guarded,
      contentType: JSON_PATCH,
      ...(versionId ? { ifMatch: `W/"${versionId}"` } : {}),
      what,
    };
    return parseBody(type, await this.#send(call, options), what);
  }

  /** Submits a DocumentReference that carries its content inline, with no Binary. */
  #submitOne(ins: string, document: unknown, options: Asked | undefined): Promise<Match<DocumentReference>> {
    return this.#submit(ins, [{ fullUrl: `urn:uuid:${randomUuid()}`, resource: document, request: { method: 'POST', url: 'DocumentReference' } }], options);
  }

  /** POSTs an ITI-65-style transaction and returns the DocumentReference it created. */
  async #submit(ins: string, entries: unknown[], options: Asked | undefined): Promise<Match<DocumentReference>> {
    const what = 'POST (transaction)';
    const bundle = parseBundle(
      await this.#send({ method: 'POST', path: '', body: { resourceType: 'Bundle', type: 'transaction', entry: entries }, contentType: FHIR_JSON, what }, options),
      what,
    );
    const created = matches(bundle, 'DocumentReference', 'any')[0];
    if (created) return created;
    // `DocumentReference/d1/_history/1`, or the same as an absolute URL (FHIR allows both).
    const id = bundle.entry?.map((e) => idOfReference(e.response?.location, 'DocumentReference')).find(Boolean);
    if (!id) throw invalidResponse(what, [{ path: 'entry', message: 'Aucune DocumentReference créée' }]);
    return { resource: (await this.#document(ins, id, options)).resource, index: 0 };
  }

  async #send(call: Call, options: Asked | undefined): Promise<unknown> {
    const signal = options?.signal;
    throwIfAborted(signal);
    // A FHIR server does not check an INS's key: a mistyped one would come back as no dossier,
    // or as an answer that seems malformed, rather than as the caller's mistake.
    if (options?.ins !== undefined) {
      const nir = validateNir(options.ins);
      if (!nir.ok) throw invalidRequest([{ path: 'ins', message: NIR_FAILURE_MESSAGES[nir.reason] }]);
    }
    const { value: hooked, leftMs } = await beforeRequest(signal, this.#timeoutMs, this.#hookHeaders(options?.ins === undefined ? {} : { ins: options.ins }));
    // As in HttpDmpClient: the hook's headers override the defaults, the call's own override both.
    const headers = mergeHeaders(
      { Accept: FHIR_JSON, ...(call.contentType ? { 'Content-Type': call.contentType } : {}) },
      hooked,
      { ...(call.ifMatch ? { 'If-Match': call.ifMatch } : {}), ...(call.ifNoneExist ? { 'If-None-Exist': call.ifNoneExist } : {}) },
    );
    const url = call.path ? `${this.#baseUrl}/${call.path}` : this.#baseUrl;
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    return withRetries(signal, leftMs, call.method === 'GET' ? this.#retryDelay : undefined, (attemptSignal) =>
      this.#attempt(call, url, headers, body, attemptSignal),
    );
  }

  async #hookHeaders(request: HeadersRequest): Promise<Record<string, string>> {
    const hook = this.#headers;
    if (!hook) return {};
    if (typeof hook !== 'function') return hook;
    try {
      return await hook(request);
    } catch (error) {
      throw new DmpError('unauthorized', 'The headers hook failed', { cause: error });
    }
  }

  async #attempt(call: Call, url: string, headers: Record<string, string>, body: string | undefined, signal: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      response = await this.#fetch(url, { method: call.method, headers, body, signal });
    } catch (error) {
      throw signal.aborted ? abortError(signal.reason) : new DmpError('network', `${call.what}: no response`, { cause: error });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw signal.aborted ? abortError(signal.reason) : new DmpError('network', 'The response was cut off', { cause: error });
    }
    if (!response.ok) throw errorOf(call.what, response, text);
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new DmpError('invalid-response', `${call.what}: the response is not valid JSON`, { status: response.status, cause: error });
    }
  }
}

// --------------------------------------------------------------------------------------------
// Module helpers
// --------------------------------------------------------------------------------------------

type PatchOp =
  | { op: 'add' | 'replace' | 'test'; path: string; value: unknown }
  | { op: 'remove'; path: string };

/** A resource as read, at the version a PATCH is made against. */
interface Versioned {
  id: string;
  meta?: { versionId?: string | undefined } | undefined;
}

const ROUTE_SCHEMAS = {
  authorizations: ROUTES.listAuthorizations.response,
  professionals: ROUTES.searchProfessionals.response,
  accessLog: ROUTES.listAccessLog.response,
  accessLogQuery: AccessLogQuerySchema,
};

function searchPath(type: string, params: Params): string {
  const search = new URLSearchParams(params).toString();
  return search ? `${type}?${search}` : type;
}

function typeConcept(typeCode: string) {
  const display = TYPE_CODE_LABELS[typeCode];
  return { coding: [{ system: typeSystemOf(typeCode), code: typeCode, ...(display ? { display } : {}) }] };
}

/**
 * A UI category as a search parameter: `category` (classCode) when the category is exactly a
 * set of classes, else `type` with every typeCode our table files under it.
 */
export function categoryParam(category: Category): [string, string] {
  const types = Object.keys(CLASS_CODE_OF_TYPE);
  const classOf = (type: string) => CLASS_CODE_OF_TYPE[type]!;
  const classes = [...new Set(types.map(classOf))].filter((code) => categoryOf(code, '') === category);
  const exact = classes.length > 0 && types.every((type) => (categoryOf(classOf(type), type) === category) === classes.includes(classOf(type)));
  if (exact) return ['category', classes.map((code) => `${CLASS_CODE_SYSTEM}|${code}`).join(',')];
  const members = types.filter((type) => categoryOf(classOf(type), type) === category);
  return ['type', members.map((type) => `${typeSystemOf(type)}|${type}`).join(',')];
}

/** `path` with the search criterion `[name, value]` added (ANDed with the others), unless it has it. */
function withCriterion(path: string, [name, value]: [string, string]): string {
  const at = path.indexOf('?');
  const params = new URLSearchParams(at < 0 ? '' : path.slice(at + 1));
  if (params.getAll(name).includes(value)) return path;
  params.append(name, value);
  return `${at < 0 ? path : path.slice(0, at)}?${params}`;
}

function encodeCursor(path: string, skip: number): string {
  return textToBase64(JSON.stringify([path, skip])).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function parseBundle(body: unknown, what: string): Bundle {
  const result = BundleSchema.safeParse(body);
  if (!result.success) throw invalidResponse(what, zodIssues(result.error.issues));
  return result.data;
}

function parseBody<T extends ResourceType>(type: T, body: unknown, what: string): ResourceOf<T> {
  return mapped(() => parseResource(type, body), '', what);
}

/** Runs a mapping; its MappingError becomes an `invalid-response` naming the fields under `prefix`. */
function mapped<T>(run: () => T, prefix: string, what: string): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MappingError) throw invalidResponse(what, prefix ? error.under(prefix).issues : error.issues);
    throw error;
  }
}

/** The entries of a Bundle of one type (search matches by default), each parsed by its schema. */
function matches<T extends ResourceType>(bundle: Bundle, type: T, mode: 'match' | 'include' | 'any' = 'match'): Array<Match<ResourceOf<T>>> {
  const found: Array<Match<ResourceOf<T>>> = [];
  (bundle.entry ?? []).forEach((entry, index) => {
    if (entry.resource?.resourceType !== type) return;
    const entryMode = entry.search?.mode ?? 'match';
    if (mode !== 'any' && bundle.type === 'searchset' && entryMode !== mode) return;
    found.push({ resource: mapped(() => parseResource(type, entry.resource), `entry.${index}.resource`, `${type} in Bundle`), index });
  });
  return found;
}

/** The DocumentReferences a search matched, with `replacedBy` from the ones that replace them. */
function documentsOf(bundle: Bundle): DmpDocument[] {
  const all = matches(bundle, 'DocumentReference', 'any');
  const replacedBy = new Map<string, string>();
  for (const { resource } of all) {
    for (const relation of resource.relatesTo ?? []) {
      const target = relation.code === 'replaces' ? relation.target.reference?.match(/(?:^|\/)DocumentReference\/([^/]+)$/)?.[1] : undefined;
      if (target) replacedBy.set(target, resource.id);
    }
  }
  return matches(bundle, 'DocumentReference').map(({ resource, index }) =>
    mapped(() => fromDocumentReference(resource, { replacedBy: replacedBy.get(resource.id) }), `entry.${index}.resource`, 'DocumentReference search'),
  );
}

/**
 * What the server hid from a professional, by reason: one OperationOutcome issue per hidden
 * document in an `outcome` entry (`suppressed`, the reason as its code).
 */
function hiddenCounts(bundle: Bundle): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of bundle.entry ?? []) {
    if (entry.search?.mode !== 'outcome' || entry.resource?.resourceType !== 'OperationOutcome') continue;
    const outcome = OperationOutcomeSchema.safeParse(entry.resource);
    for (const issue of outcome.data?.issue ?? []) {
      const reason = issue.code === 'suppressed' ? issue.details?.coding?.find((c) => c.system === REASON_SYSTEM)?.code : undefined;
      if (reason) counts[reason] = (counts[reason] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * What a search kept from a professional, as the JSON API's 403 refuses it (DECISIONS.md 12): the
 * first `suppressed` issue's reason; `refused` says what was refused, in words.
 */
function suppressedRefusal(bundle: Bundle, refused: string): DmpError | undefined {
  const reason = ReasonCodeSchema.safeParse(Object.keys(hiddenCounts(bundle))[0]).data;
  return reason ? new DmpError('forbidden', `${refused} : ${reason}.`, { status: 403, reason }) : undefined;
}

/**
 * The XDS uniqueId of a document submitted (MHD's masterIdentifier, which its recipients
 * require): one per version, as a replacement is a new document.
 */
function newUniqueId() {
  return { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${randomUuid()}` };
}

/**
 * A document of ours whose content is our structured JSON (the server names the author), replacing
 * the document `replaces` when given.
 */
function structuredDocument(ins: string, patientId: string, typeCode: string, format: string, content: unknown, replaces: string | undefined) {
  const json = JSON.stringify(content);
  const now = new Date().toISOString();
  return {
    resourceType: 'DocumentReference',
    masterIdentifier: newUniqueId(),
    status: 'current',
    type: typeConcept(typeCode),
    category: [{ coding: [{ system: CLASS_CODE_SYSTEM, code: CLASS_CODE_OF_TYPE[typeCode] }] }],
    subject: { reference: `Patient/${patientId}`, identifier: insIdentifier(ins) },
    date: now,
    ...(replaces ? { relatesTo: [{ code: 'replaces', target: { reference: `DocumentReference/${replaces}` } }] } : {}),
    securityLabel: securityLabelsOf(['N']),
    content: [
      {
        attachment: { contentType: 'application/json', data: textToBase64(json), size: new TextEncoder().encode(json).length, title: TYPE_CODE_LABELS[typeCode] },
        format: { system: formatSystemOf(format), code: format },
      },
    ],
    context: { period: { start: now } },
  };
}

/** A refused replacement as a `conflict` carrying the version saved in between, when it can be read. */
function withCurrent(error: DmpError, current: { etag: string } | null | undefined): DmpError {
  return new DmpError('conflict', error.message, {
    status: error.status,
    problem: error.problem,
    issues: error.issues,
    ...(current ? { current, etag: current.etag } : {}),
    cause: error,
  });
}

/** The structured JSON of `format` a DocumentReference carries, parsed by `schema`. */
function structuredContentOf<T extends z.ZodMiniType>(match: Match<DocumentReference>, format: string, schema: T, what: string): z.output<T> {
  const { resource, index } = match;
  const at = resource.content.findIndex((c) => c.format?.code === format && c.attachment.data !== undefined);
  const path = `entry.${index}.resource.content${at < 0 ? '' : `.${at}.attachment.data`}`;
  if (at < 0) throw invalidResponse(what, [{ path, message: 'Aucun contenu structuré dmp-elements (seul le CDA est présent)' }]);
  let content: unknown;
  try {
    content = JSON.parse(base64ToText(resource.content[at]!.attachment.data!));
  } catch {
    throw invalidResponse(what, [{ path, message: 'Le contenu structuré n’est pas du JSON' }]);
  }
  const parsed = schema.safeParse(content);
  if (!parsed.success) throw invalidResponse(what, zodIssues(parsed.error.issues).map((i) => ({ ...i, path: i.path ? `${path}.${i.path}` : path })));
  return parsed.data;
}

function synthesisOf(match: Match<DocumentReference>, withContent?: true): Synthesis;
function synthesisOf(match: Match<DocumentReference>, withContent: false): Omit<Synthesis, 'content'>;
function synthesisOf(match: Match<DocumentReference>, withContent = true): Synthesis | Omit<Synthesis, 'content'> {
  const { resource, index } = match;
  const what = 'DocumentReference (SYNTH)';
  const document = mapped(() => fromDocumentReference(resource), `entry.${index}.resource`, what);
  const head = {
    documentId: document.id,
    version: document.version,
    etag: `"${document.id}"`,
    author: { name: document.author.name, ...(document.author.rpps ? { rpps: document.author.rpps } : {}) },
    savedAt: document.submittedAt,
  };
  if (!withContent) return head;
  return checked(SynthesisSchema, { ...head, content: structuredContentOf(match, SYNTHESIS_CONTENT_FORMAT, SynthesisContentSchema, what) }, what);
}

type PreventionDocuments = Partial<Record<PreventionList, Match<DocumentReference>>>;

const PREVENTION_LISTS = Object.keys(PREVENTION_TYPE_CODES) as PreventionList[];

/** The record over its lists' documents, or null when neither has one. */
function preventionOf(found: PreventionDocuments): Prevention | null {
  const what = 'DocumentReference (prévention)';
  const lists = PREVENTION_LISTS.flatMap((list) => {
    const match = found[list];
    if (!match) return [];
    const document = mapped(() => fromDocumentReference(match.resource), `entry.${match.index}.resource`, what);
    return [{ list, document, content: structuredContentOf(match, PREVENTION_CONTENT_FORMAT, PreventionContentSchema.shape[list], what) }];
  });
  const newest = lists.map((l) => l.document).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))[0];
  if (!newest) return null;
  const of = (list: PreventionList) => lists.find((l) => l.list === list);
  return checked(
    PreventionSchema,
    {
      documents: Object.fromEntries(lists.map((l) => [l.list, l.document.id])),
      // Every save writes a new version of at least one document: the sum grows with each save.
      version: lists.reduce((sum, l) => sum + l.document.version, 0),
      // Both ids: the record changes whenever either list's document does.
      etag: `"${PREVENTION_LISTS.map((list) => of(list)?.document.id ?? '').join('|')}"`,
      author: { name: newest.author.name, ...(newest.author.rpps ? { rpps: newest.author.rpps } : {}) },
      savedAt: newest.submittedAt,
      content: Object.fromEntries(PREVENTION_LISTS.map((list) => [list, of(list)?.content ?? []])),
    },
    what,
  );
}

function checked<T extends z.ZodMiniType>(schema: T, value: unknown, what: string): z.output<T> {
  return mapped(() => parseWith(schema, value), '', what);
}

function validated<T extends z.ZodMiniType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = zodIssues(result.error.issues).map((issue) => ({ ...issue, path: issue.path ? `${what}.${issue.path}` : what }));
  throw invalidRequest(issues);
}

function summary(issues: DmpIssue[]): string {
  return issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ');
}

function invalidRequest(issues: DmpIssue[]): DmpError {
  return new DmpError('invalid-request', `The request is invalid: ${summary(issues)}`, { issues });
}

function invalidResponse(what: string, issues: DmpIssue[]): DmpError {
  return new DmpError('invalid-response', `${what}: ${summary(issues)}`, { issues });
}

function notSupported(method: string, why: string): Promise<never> {
  const detail = `${method} is not supported by the FHIR adapter: ${why}.`;
  const problem: Problem = { type: 'about:blank', title: 'Not supported by the FHIR adapter', status: 501, detail };
  return Promise.reject(new DmpError('http', detail, { problem }));
}

/** An error answer as a DmpError: its OperationOutcome's diagnostics, and our reason code if any. */
function errorOf(what: string, response: Response, text: string): DmpError {
  const { status } = response;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const outcome = OperationOutcomeSchema.safeParse(body).data;
  const issues = outcome?.issue.map((issue) => ({
    path: issue.expression?.[0] ?? '',
    message: issue.diagnostics ?? issue.details?.text ?? issue.code,
  }));
  const reasonCode = outcome?.issue.flatMap((issue) => issue.details?.coding ?? []).find((c) => c.system === REASON_SYSTEM)?.code;
  const reason = ReasonCodeSchema.safeParse(reasonCode).data;
  const detail = issues?.map((issue) => issue.message).join('; ');
  const problem: Problem | undefined = outcome
    ? {
        type: reason ? `https://dmp-elements.dev/problems/${reason}` : 'about:blank',
        title: outcome.issue[0]!.code,
        status,
        ...(detail ? { detail } : {}),
        ...(reason ? { reason } : {}),
      }
    : undefined;
  // The diagnostics stay in `problem`: a FHIR server often repeats the search, the NIR with it.
  return new DmpError(errorKindOfStatus(status), `${what} answered ${status}`, {
    status,
    reason,
    problem,
    issues,
    retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

/** The condition a create sent under a request key carries: no other resource with that key. */
function requestKeyCondition(key: { system: string; value: string }): string {
  return new URLSearchParams([['identifier', `${key.system}|${key.value}`]]).toString();
}
