import { getStatus, isOk } from '@medplum/core';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, BundleEntry, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { SECRET_TAG, madeInSecret, toAuditEvent } from '../../src/fhir/audit.js';
import { ARCHIVED_TAG, authorOf, securityLabelsOf } from '../../src/fhir/document.js';
import { consentMode, consentRpps, dossierExtension, dossierFactsOf, policyDossierOf, professionalOf, relationshipOf, represents, treatingPhysiciansOf } from '../../src/fhir/dossier.js';
import { insOfToken, insToken, isInsSystem } from '../../src/fhir/ins.js';
import { MappingError, idOfReference, parseResource } from '../../src/fhir/parse.js';
import type { Consent, DocumentReference, Patient, RelatedPerson } from '../../src/fhir/schemas.js';
import {
  CLASS_CODE_SYSTEM,
  DOSSIER_EXTENSION,
  INS_NIA_SYSTEM,
  INS_NIR_SYSTEM,
  NOTIFICATION_EXTENSION,
  PREVENTION_CONTENT_FORMAT,
  REASON_SYSTEM,
  REQUEST_KEY_SYSTEM,
  RPPS_SYSTEM,
  SYNTHESIS_CONTENT_FORMAT,
  SYNTHESIS_CONTENT_FORMAT_SYSTEM,
  TYPE_CODE_SYSTEM,
  VERSION_EXTENSION,
  VERSION_PARAM,
} from '../../src/fhir/systems.js';
import type { AccessLogEntry } from '../../src/model/access-log.js';
import type { Actor } from '../../src/model/actor.js';
import { actorKey } from '../../src/model/actor-key.js';
import { PROFILE_TYPE_CODE, SYNTHESIS_TYPE_CODE, type Category } from '../../src/model/category.js';
import { CLASS_CODE_OF_TYPE, categoryOf, isSentAsFile } from '../../src/model/document-types.js';
import { MAX_DOCUMENT_BYTES, MIME_TYPES, VISIBILITY_CODES, confidentialityOf, policyDocumentOf, type DmpDocument } from '../../src/model/document.js';
import type { PolicyDossier } from '../../src/model/dossier.js';
import { nominalDocument } from '../../src/model/nominal-document.js';
import type { Professional } from '../../src/model/professional.js';
import { normalizeNir } from '../../src/model/nir.js';
import { ROUTES } from '../../src/model/routes.js';
import { mayRepresent } from '../../src/model/relationships.js';
import { representationRefusal } from '../representation.js';
import { decide } from '../../src/policy/decide.js';
import { isSecretConnection, isToldOfHiddenDocuments, mayBeTreatingPhysician } from '../../src/policy/roles.js';
import type { AccessMode, Action, Decision, PolicyDocumentInput, PolicyRequest } from '../../src/policy/types.js';
import { ACTORS } from '../data/actors.js';
import type { StoredGrant } from '../db/store.js';
import { loggedMode, validGrant, type LogTarget } from '../handlers/request-context.js';
import { loadFhirDefinitions } from './definitions.js';
import { ANY_DOCUMENT, INVALID, judgeEach, readTarget, type JudgedAct } from '../document-acts.js';
import { hiddenFromReader, hidesFromCaller, isPatientSide, keptAsCurrent, keptSecretFrom, newVersionVisibility, type HistoryLine } from '../privacy.js';
import { changesOnly, documentOf, documentPatchActs, namedDocumentAct, patientPatchActs, type PatchActs } from './patch-acts.js';
import { seedBundle, type SeedBundleOptions } from './seed.js';

/*
 * The thin policy layer of DECISIONS.md 24, in front of Medplum's in-memory FHIR server
 * (FhirRouter + MemoryRepository): a plain FHIR store enforces nothing, so this gateway
 * identifies the caller (`Authorization: Bearer <actor id>`, as the JSON mock) and the mode they
 * act in (an emergency grant in `DMP-Access-Grant`, judged as the JSON mock judges it), builds the
 * policy input from the FHIR data (Patient, Consent, RelatedPerson), asks `decide`, filters
 * DocumentReference results document by document, refuses with an OperationOutcome carrying the
 * reason, and records one AuditEvent per request on a dossier. It also supplies what the
 * in-memory repository lacks and a production FHIR server has: chained `patient.identifier`,
 * `_revinclude`, and paging links.
 */

const FHIR_HEADERS = { 'Content-Type': 'application/fhir+json' };
const DEFAULT_COUNT = 20;
const MAX_COUNT = 1000;
/** What the gateway reads itself and never forwards as a search criterion. */
const GATEWAY_PARAMS = new Set(['_count', '_offset', '_revinclude', '_include', 'patient.identifier', 'subject.identifier', VERSION_PARAM]);
/**
 * Who sent the request key a resource was created under (the JSON API keeps a key per caller):
 * an extension of that identifier, set by the gateway, never taken from a request.
 */
const REQUEST_CALLER_EXTENSION = 'https://dmp-elements.dev/fhir/StructureDefinition/request-caller';

type Stored = Resource & { id: string };

interface DossierView {
  ins: string;
  patient: Patient | undefined;
  /** Parsed, for the mappings; `stored` keeps the resources as the repository holds them. */
  consents: Consent[];
  relatedPersons: RelatedPerson[];
  stored: Map<string, Stored>;
  policy: PolicyDossier;
}

/** What a read of named documents may say besides naming them: its order, size and what it includes. */
const NAMING_PARAMS = new Set(['patient', '_id', 'type', 'format', 'status', '_tag:not', '_sort', '_count', '_offset', '_revinclude', VERSION_PARAM]);
const STRUCTURED_FORMATS = new Set([SYNTHESIS_CONTENT_FORMAT, PREVENTION_CONTENT_FORMAT].map((code) => `${SYNTHESIS_CONTENT_FORMAT_SYSTEM}|${code}`));

/** The values of a search parameter, however many times it is given, each a list. */
function tokens(params: URLSearchParams, name: string): string[] {
  return params.getAll(name).flatMap((value) => value.split(','));
}

/**
 * Whether a DocumentReference search reads named documents — one by id, the synthesis, the
 * records in our structured formats — and nothing narrows it further. Such a read is told why
 * those are refused, as the JSON API's 403; any other search is told what is hidden in the whole
 * dossier, as the JSON mock, since a count that followed its dates, types or author would say
 * what a masked document is.
 */
function namesDocuments(params: URLSearchParams): boolean {
  if ([...params.keys()].some((name) => !NAMING_PARAMS.has(name))) return false;
  const ids = tokens(params, '_id');
  if (ids.length > 0) return ids.length === 1 && !params.has('type') && !params.has('format');
  const types = tokens(params, 'type');
  const formats = tokens(params, 'format');
  if (formats.length > 0) return formats.every((format) => STRUCTURED_FORMATS.has(format));
  return types.length > 0 && types.every((type) => type.endsWith('|SYNTH'));
}

/**
 * The category of the documents a read of named documents asks for (their types, else their
 * structured format): what a stand-in is judged as when none is found, as the JSON mock judges a
 * `nominalDocument` of the category, so that "none yet" is still the policy's to answer.
 */
function namedCategory(params: URLSearchParams): Category | undefined {
  const categories = new Set(
    tokens(params, 'type').map((token) => {
      const code = token.slice(token.lastIndexOf('|') + 1);
      return categoryOf(CLASS_CODE_OF_TYPE[code] ?? '', code);
    }),
  );
  if (categories.size === 0) {
    for (const format of tokens(params, 'format')) categories.add(format.endsWith(`|${SYNTHESIS_CONTENT_FORMAT}`) ? 'synthesis' : 'prevention');
  }
  return categories.size === 1 ? [...categories][0] : undefined;
}

/**
 * The request key (the JSON API's Idempotency-Key) of a conditional create's search
 * `identifier=<request-key system>|<key>`, the only condition a create may carry; undefined for
 * any other search.
 */
function requestKeyOf(condition: string | null | undefined): string | undefined {
  const params = [...new URLSearchParams(condition ?? '')];
  const prefix = `${REQUEST_KEY_SYSTEM}|`;
  return params.length === 1 && params[0]![0] === 'identifier' && params[0]![1].startsWith(prefix) ? params[0]![1].slice(prefix.length) : undefined;
}

/** The condition of a submission sent with a request key, if that is its condition. */
function requestKeyCondition(entry: BundleEntry): string | undefined {
  const condition = entry.request?.ifNoneExist;
  return requestKeyOf(condition) !== undefined ? condition : undefined;
}

type Identifiers = Array<{ system?: string; value?: string; extension?: Array<{ url: string; valueString?: string }> }>;

/**
 * The identifiers a created resource is stored with: those it is sent with, but a request key,
 * which only the gateway writes: `key` if it was created under one, with who sent it.
 */
function keyedIdentifiers(sent: unknown, key: string | undefined, caller: string): { identifier?: Identifiers } {
  const kept = (Array.isArray(sent) ? (sent as Identifiers) : []).filter((i) => i?.system !== REQUEST_KEY_SYSTEM);
  const stamped = key === undefined ? [] : [{ system: REQUEST_KEY_SYSTEM, value: key, extension: [{ url: REQUEST_CALLER_EXTENSION, valueString: caller }] }];
  const identifier = [...kept, ...stamped];
  return identifier.length > 0 ? { identifier } : {};
}

/** Whether `resource` was created under request key `key` sent by `caller` (an `actorKey`). */
function keyedBy(resource: Resource, key: string, caller: string): boolean {
  return ((resource as { identifier?: Identifiers }).identifier ?? []).some(
    (i) => i.system === REQUEST_KEY_SYSTEM && i.value === key && (i.extension ?? []).some((e) => e.url === REQUEST_CALLER_EXTENSION && e.valueString === caller),
  );
}

/**
 * The médecins traitants a Patient PATCH names (the RPPS of the references its operations write
 * or test): each must be one of the directory, as the JSON mock checks the RPPS of every change,
 * even one that leaves the list as it is.
 */
function namedTreatingPhysicians(ops: unknown[]): string[] {
  const rpps = new Set<string>();
  for (const op of ops as Array<{ op?: unknown; path?: unknown; value?: unknown } | null>) {
    if (!op || op.op === 'remove' || typeof op.path !== 'string' || !op.path.startsWith('/generalPractitioner')) continue;
    for (const reference of (Array.isArray(op.value) ? op.value : [op.value]) as Array<{ identifier?: { system?: unknown; value?: unknown } } | null>) {
      const identifier = reference?.identifier;
      if (identifier?.system === RPPS_SYSTEM && typeof identifier.value === 'string' && identifier.value.startsWith('8')) rpps.add(identifier.value.slice(1));
    }
  }
  return [...rpps];
}

/** A RelatedPerson as a request to add it compares: its name and its link to the patient. */
function personOf(person: RelatedPerson): string {
  const name = person.name?.[0];
  return JSON.stringify([person.patient.reference, name?.family, name?.given?.join(' '), relationshipOf(person)]);
}

/** The search's `outcome` entry telling a professional what it hid, one `suppressed` issue per document, by reason. */
function suppressedOutcome(reasons: readonly string[]): BundleEntry {
  return {
    resource: {
      resourceType: 'OperationOutcome',
      issue: reasons.map((reason) => ({ severity: 'information', code: 'suppressed', details: { coding: [{ system: REASON_SYSTEM, code: reason }], text: reason } })),
    },
    search: { mode: 'outcome' },
  };
}

/** Whether a transaction entry only creates its resource (POST on its type, unconditionally). */
function createsOnly(entry: BundleEntry): boolean {
  const { request, resource } = entry;
  return (
    request?.method === 'POST' &&
    resource !== undefined &&
    request.url === resource.resourceType &&
    !request.ifNoneExist &&
    !request.ifMatch &&
    !request.ifNoneMatch &&
    !request.ifModifiedSince
  );
}

/** One request: who asks, under which flags, at which instant, on which dossier. */
class Exchange {
  #dossier: DossierView | undefined;
  /**
   * The emergency grant the request carries on its dossier, if the JSON mock would honour it
   * (`validGrant`: on its grant store, where its break-glass route puts them, and its clock).
   */
  #grant: StoredGrant | undefined;
  /**
   * What the request attempts, named once its dossier is known: refused before the policy is
   * asked (a malformed body, a patch that cannot apply), it is still logged, under this action.
   */
  intent: Action | undefined;
  /** Whether the request's access-log lines are written. */
  logged = false;

  constructor(
    readonly actor: Actor,
    /** The HTTP request: its `DMP-Access-Grant` is judged once its dossier is known. */
    readonly request: Request,
    /** Whether the request carries `DMP-Secret: 1`; `secret` says whether it counts. */
    readonly secretAsked: boolean,
    readonly now: string,
    /** The server's base URL, with a trailing slash: links and fullUrls hang from it. */
    readonly base: string,
    /** The version a write is made against (FHIR: `If-Match: W/"<versionId>"`), if it names one. */
    readonly ifMatch: string | null,
    /** A conditional create's search (`If-None-Exist`), if it has one. */
    readonly ifNoneExist: string | null,
  ) {}

  /** Whether the write names a version other than the one `stored` is at. */
  staleFor(stored: Resource): boolean {
    return this.ifMatch !== null && this.ifMatch.trim().replace(/^W\//, '') !== `"${stored.meta?.versionId ?? ''}"`;
  }

  get dossier(): DossierView | undefined {
    return this.#dossier;
  }

  /** The request's dossier, and with it the emergency grant the request holds on it, if any. */
  set dossier(view: DossierView | undefined) {
    this.#dossier = view;
    this.#grant = view ? validGrant(this.request, this.actor, view.ins) : undefined;
  }

  /** The mode the request asks in: its valid grant's (break-glass, regulation), else normal. */
  get mode(): AccessMode {
    return this.#grant?.mode ?? 'normal';
  }

  /** The justification given when the grant was asked for, sent with every request under it. */
  get justification(): string | undefined {
    return this.#grant?.justification;
  }

  get view(): DossierView {
    if (!this.dossier) throw new Error('No dossier resolved for this request');
    return this.dossier;
  }

  get secret(): boolean {
    return isSecretConnection(this.secretAsked, this.actor, this.dossier?.policy.patientIsMinor ?? false);
  }

  /**
   * The patient or one of their legal representatives, as the policy links them to this dossier
   * (the JSON mock's `isOwnSide`): the patient's side that may read it.
   */
  get patientSide(): boolean {
    const { actor, dossier } = this;
    return isPatientSide(actor) && dossier !== undefined && this.decide('dossier.read').allowed;
  }

  decide(action: Action, document?: PolicyDocumentInput, request: Partial<PolicyRequest> = {}): Decision {
    return decide({
      actor: this.actor,
      action,
      dossier: this.view.policy,
      ...(document ? { document } : {}),
      // As the JSON mock's RequestContext.request: the grant's mode and justification, the secrecy.
      request: { mode: this.mode, ...(this.justification ? { justification: this.justification } : {}), secret: this.secret, now: this.now, ...request },
    });
  }
}

/** A request the gateway refuses before the policy is asked, or a FHIR error to pass on. */
class Refusal extends Error {
  constructor(readonly response: Response) {
    super('refused');
  }
}

function fhir(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: FHIR_HEADERS });
}

const ISSUE_CODES: Readonly<Record<number, string>> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'conflict',
  413: 'too-long',
  415: 'not-supported',
  500: 'exception',
};

function outcome(status: number, diagnostics: string, reason?: string): Response {
  const issue = {
    severity: 'error',
    code: ISSUE_CODES[status] ?? 'processing',
    ...(reason ? { details: { coding: [{ system: REASON_SYSTEM, code: reason }], text: reason } } : {}),
    diagnostics,
  };
  return fhir({ resourceType: 'OperationOutcome', issue: [issue] }, status);
}

/**
 * What the history filter reads of a stored AuditEvent, as src/fhir/audit.ts writes it: read off
 * the stored fields, so that a foreign event is passed on for the client to judge.
 */
function historyLineOf(event: Stored): HistoryLine {
  const audit = event as { outcome?: string; outcomeDesc?: string; entity?: Array<{ type?: { code?: string }; what?: { reference?: string } }> };
  const documentId = idOfReference(audit.entity?.find((e) => e.type?.code === '2')?.what?.reference, 'DocumentReference');
  return {
    outcome: audit.outcome === '0' ? 'allowed' : 'denied',
    reason: audit.outcomeDesc,
    secret: (event.meta?.tag ?? []).some((t) => t.code === 'secret'),
    ...(documentId ? { target: { documentId } } : {}),
  };
}

/**
 * A policy refusal: 404 for a missing dossier, and for what is hidden from the patient's side,
 * which must not learn that it exists (`hidesFromCaller`, as the JSON mock); 400 for a malformed
 * request, 403 otherwise.
 */
function refusal(decision: Decision, actor: Actor): Response {
  if (decision.reason === 'no-dossier') return outcome(404, 'Aucun dossier n’existe pour cet INS.', decision.reason);
  if (hidesFromCaller(decision, actor)) return outcome(404, 'Document introuvable.');
  if (decision.reason === 'invalid-request') return outcome(400, 'Requête refusée par la politique d’accès.', decision.reason);
  return outcome(403, `Accès refusé : ${decision.reason}.`, decision.reason);
}

function actorSnapshot(actor: Actor): AccessLogEntry['actor'] {
  const base = { kind: actor.kind, ...(actor.id ? { id: actor.id } : {}), name: actor.displayName ?? actor.kind };
  if (actor.kind === 'professional') {
    return { ...base, rpps: actor.rpps, profession: actor.profession, ...(actor.organisation ? { organisation: actor.organisation.name } : {}) };
  }
  if (actor.kind === 'administrative-staff' && actor.organisation) return { ...base, organisation: actor.organisation.name };
  return base;
}

function bearerActor(request: Request): Actor | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.get('Authorization') ?? '');
  const id = match?.[1]?.trim();
  return id ? ACTORS.find((a) => a.id === id) : undefined;
}

/** The médecins traitants a Patient PATCH adds. */
function newlyDesignated(before: Patient, after: Patient): Array<{ rpps: string }> {
  const kept = new Set(treatingPhysiciansOf(before).map((t) => t.rpps));
  return treatingPhysiciansOf(after).filter((t) => !kept.has(t.rpps));
}

/** Visibility flags as `decide` reads them, from a resource's security labels. */
function flagsOf(labels: DocumentReference['securityLabel']) {
  const codes = new Set((labels ?? []).flatMap((l) => l.coding ?? []).map((c) => c.code));
  return {
    masked: codes.has(VISIBILITY_CODES.masked),
    invisibleToPatient: codes.has(VISIBILITY_CODES.invisibleToPatient),
    invisibleToLegalRepresentatives: codes.has(VISIBILITY_CODES.invisibleToLegalRepresentatives),
  };
}

export class FhirGateway {
  #repo = new MemoryRepository();
  /** By AuditEvent id, the documents a line about several names by their titles alone (LogTarget.documentIds). */
  #logDocuments = new Map<string, readonly string[]>();
  readonly #router = new FhirRouter();
  readonly #seed: SeedBundleOptions;
  #ready: Promise<void> | undefined;
  #fixedNow: number | undefined;
  #tick = 0;

  constructor(seed: SeedBundleOptions = {}) {
    this.#seed = seed;
  }

  /** The FHIR store behind the gateway, for tests that read or plant resources. */
  get repository(): MemoryRepository {
    return this.#repo;
  }

  /** Loads the definitions and the seed once; every request waits for it. */
  ready(): Promise<void> {
    this.#ready ??= this.reset();
    return this.#ready;
  }

  /** Back to the seed Bundle: every write and every logged access is forgotten. */
  async reset(): Promise<void> {
    await loadFhirDefinitions();
    this.#repo = new MemoryRepository();
    this.#logDocuments = new Map();
    this.#tick = 0;
    const [result] = await this.#route('POST', '', seedBundle(this.#seed));
    if (!isOk(result)) throw new Error(`The FHIR seed Bundle was refused: ${JSON.stringify(result.issue)}`);
  }

  /**
   * Fixes the clock (tests, stories). Each request then runs one millisecond after the previous
   * one, so the access history keeps its order.
   */
  setNow(iso: string | undefined): void {
    this.#fixedNow = iso === undefined ? undefined : Date.parse(iso);
    this.#tick = 0;
  }

  #now(): string {
    if (this.#fixedNow === undefined) return new Date().toISOString();
    this.#tick += 1;
    return new Date(this.#fixedNow + this.#tick).toISOString();
  }

  /** Answers one HTTP request addressed to the FHIR server at `baseUrl`. */
  async handle(request: Request, baseUrl: string): Promise<Response> {
    await this.ready();
    const url = new URL(request.url);
    const base = new URL(`${baseUrl.replace(/\/+$/, '')}/`, url);
    const actor = bearerActor(request);
    if (!actor) return outcome(401, 'Appelant inconnu : envoyez « Authorization: Bearer <identifiant> ».');
    const ex = new Exchange(actor, request, request.headers.get('DMP-Secret') === '1', this.#now(), base.href, request.headers.get('If-Match'), request.headers.get('If-None-Exist'));
    let response: Response;
    try {
      response = await this.#handle(ex, request, url, base);
    } catch (error) {
      if (error instanceof Refusal) response = error.response;
      else if (error instanceof MappingError) response = outcome(400, error.message);
      else {
        console.error('dmp-elements FHIR gateway:', error);
        response = outcome(500, 'Erreur interne de la passerelle FHIR de démonstration.');
      }
    }
    // As the JSON mock: a request refused before the policy was asked is an access attempt too.
    if (ex.intent && !ex.logged) await this.#log(ex, ex.intent, INVALID);
    return response;
  }

  async #handle(ex: Exchange, request: Request, url: URL, base: URL): Promise<Response> {
    const rest = url.pathname.length >= base.pathname.length ? url.pathname.slice(base.pathname.length) : '';
    const [type, id, more] = rest.split('/').filter(Boolean).map(decodeURIComponent);
    const method = request.method;
    const body: unknown = method === 'POST' || method === 'PATCH' || method === 'PUT' ? await request.json().catch(() => undefined) : undefined;
    if (more !== undefined) return outcome(404, 'Seules les interactions read, search, create, patch et delete sont servies.');
    if (!type) return method === 'POST' ? this.#transaction(ex, body) : outcome(404, 'Rien ici.');
    if (method === 'GET') return id === undefined ? this.#search(ex, type, url.searchParams) : this.#read(ex, type, id);
    if (method === 'PATCH' && id !== undefined) return this.#patch(ex, type, id, body);
    if (method === 'POST' && id === undefined) return this.#create(ex, type, body);
    if (method === 'DELETE' && id !== undefined) return this.#delete(ex, type, id);
    return outcome(404, `${method} n’est pas servi sur ${type} par la passerelle DMP.`);
  }

  // ------------------------------------------------------------------------------------------
  // The FHIR store, and what the gateway reads of it
  // ------------------------------------------------------------------------------------------

  async #route(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<[OperationOutcome, Resource | undefined]> {
    const [result, resource] = await this.#router.handleRequest({ method, url, pathname: '', body, params: {}, query: {}, headers: {} }, this.#repo);
    return [result, resource];
  }

  /** Forwards to the router; a FHIR error is passed on to the client as it is. */
  async #forward(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<Resource | undefined> {
    const [result, resource] = await this.#route(method, url, body);
    if (!isOk(result)) throw new Refusal(fhir(result, getStatus(result)));
    return resource;
  }

  async #stored(type: string, id: string): Promise<Stored | undefined> {
    const [result, resource] = await this.#route('GET', `${type}/${encodeURIComponent(id)}`);
    return isOk(result) ? (resource as Stored) : undefined;
  }

  async #searchAll(type: string, params: URLSearchParams | Array<[string, string]>): Promise<Stored[]> {
    const forward = new URLSearchParams();
    for (const [name, value] of params) if (!GATEWAY_PARAMS.has(name)) forward.append(name, value);
    forward.set('_count', '100000');
    const bundle = (await this.#forward('GET', `${type}?${forward}`)) as Bundle;
    return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource as Stored] : []));
  }

  async #dossier(ex: Exchange, by: { ins?: string | undefined; patientId?: string | undefined }): Promise<DossierView> {
    // An INS is searched as the JSON API takes it: spaces and a lower-case 2a/2b allowed.
    const asked = by.ins && normalizeNir(by.ins);
    const raw = by.patientId
      ? await this.#stored('Patient', by.patientId)
      : asked
        ? (await this.#searchAll('Patient', [['identifier', insToken(asked)]]))[0]
        : undefined;
    const patient = raw ? parseResource('Patient', raw) : undefined;
    const ins = asked ?? patient?.identifier?.find((i) => isInsSystem(i.system))?.value ?? '';
    const reference: Array<[string, string]> = patient ? [['patient', `Patient/${patient.id}`]] : [];
    const rawConsents = patient ? await this.#searchAll('Consent', reference) : [];
    const rawRelatedPersons = patient ? await this.#searchAll('RelatedPerson', reference) : [];
    const consents = rawConsents.map((c) => parseResource('Consent', c));
    const relatedPersons = rawRelatedPersons.map((r) => parseResource('RelatedPerson', r));
    const stored = new Map([...rawConsents, ...rawRelatedPersons].map((r) => [`${r.resourceType}/${r.id}`, r]));
    const policy = policyDossierOf({ patient, consents, relatedPersons, today: ex.now.slice(0, 10) });
    ex.dossier = { ins, patient, consents, relatedPersons, stored, policy };
    return ex.dossier;
  }

  /**
   * The dossier a search is about, from `patient.identifier` (the INS) or `patient`; the
   * chained criterion becomes `patient=Patient/<id>`, which the repository understands.
   */
  async #searchDossier(ex: Exchange, params: URLSearchParams): Promise<DossierView> {
    const chained = params.get('patient.identifier') ?? params.get('subject.identifier');
    const direct = params.get('patient') ?? params.get('subject');
    let view: DossierView;
    if (chained !== null) {
      const ins = insOfToken(chained);
      if (!ins) throw new Refusal(outcome(400, `patient.identifier doit être un INS (${INS_NIR_SYSTEM}|<NIR> ou ${INS_NIA_SYSTEM}|<NIA>).`));
      view = await this.#dossier(ex, { ins });
    } else if (direct !== null) {
      const patientId = idOfReference(direct, 'Patient');
      if (!patientId) throw new Refusal(outcome(400, 'patient doit être une référence Patient/<id>.'));
      view = await this.#dossier(ex, { patientId });
      if (!view.patient) throw new Refusal(outcome(404, 'Patient introuvable.'));
    } else {
      throw new Refusal(outcome(400, 'Une recherche sur le dossier doit nommer le patient (patient ou patient.identifier).'));
    }
    params.delete('patient.identifier');
    params.delete('subject.identifier');
    params.delete('subject');
    // An unknown INS matches nothing: the reference of no Patient.
    params.set('patient', view.patient ? `Patient/${view.patient.id}` : 'Patient/none');
    return view;
  }

  async #log(ex: Exchange, action: Action, decision: Decision, target?: LogTarget): Promise<void> {
    ex.logged = true;
    const view = ex.view;
    // A request about no known patient and no INS has no history to be written in.
    if (!view.patient && !view.ins) return;
    const mode = loggedMode(decision, ex.actor, ex.mode);
    const { documentIds, ...shown } = target ?? {};
    const entry: AccessLogEntry = {
      id: `log-${this.#repo.generateId()}`,
      at: ex.now,
      actor: actorSnapshot(ex.actor),
      action,
      ...(target ? { target: shown } : {}),
      mode,
      ...(mode !== 'normal' && ex.justification ? { justification: ex.justification } : {}),
      outcome: decision.allowed ? 'allowed' : 'denied',
      reason: decision.reason,
      secret: ex.secret,
    };
    if (documentIds) this.#logDocuments.set(entry.id, documentIds);
    await this.#repo.updateResource(toAuditEvent(entry, { id: view.patient?.id, ins: view.ins }) as Stored);
  }

  async #deny(ex: Exchange, action: Action, decision: Decision, target?: LogTarget): Promise<Response> {
    await this.#log(ex, action, decision, target);
    return refusal(decision, ex.actor);
  }

  /** A searchset page of `matches`, with `self` and `next` links that keep every criterion. */
  async #page(ex: Exchange, type: string, params: URLSearchParams, matches: Stored[], extra: (page: Stored[]) => Promise<BundleEntry[]> | BundleEntry[] = () => []): Promise<Bundle> {
    const count = Math.min(MAX_COUNT, Math.max(1, Number(params.get('_count') ?? DEFAULT_COUNT) || DEFAULT_COUNT));
    const offset = Math.max(0, Number(params.get('_offset') ?? 0) || 0);
    const page = matches.slice(offset, offset + count);
    const link = (at: number) => {
      const query = new URLSearchParams(params);
      query.set('_offset', String(at));
      query.set('_count', String(count));
      return `${ex.base}${type}?${query}`;
    };
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: matches.length,
      link: [{ relation: 'self', url: link(offset) }, ...(offset + count < matches.length ? [{ relation: 'next', url: link(offset + count) }] : [])],
      entry: [...page.map((resource) => ({ fullUrl: `${ex.base}${type}/${resource.id}`, resource, search: { mode: 'match' as const } })), ...(await extra(page))],
    };
  }

  #include(ex: Exchange, type: string, resources: Stored[]): BundleEntry[] {
    return resources.map((resource) => ({ fullUrl: `${ex.base}${type}/${resource.id}`, resource, search: { mode: 'include' as const } }));
  }

  // ------------------------------------------------------------------------------------------
  // Searches
  // ------------------------------------------------------------------------------------------

  async #search(ex: Exchange, type: string, query: URLSearchParams): Promise<Response> {
    const params = new URLSearchParams(query);
    switch (type) {
      case 'Patient':
        return this.#searchPatients(ex, params);
      case 'DocumentReference':
        return this.#searchDocuments(ex, params);
      case 'Consent':
        return this.#searchConsents(ex, params);
      case 'RelatedPerson':
        return this.#searchRepresentatives(ex, params);
      case 'AuditEvent':
        return this.#searchHistory(ex, params);
      case 'Practitioner':
      case 'PractitionerRole':
      case 'Organization':
        // The directory is public to every authenticated caller, as the JSON API's.
        return fhir(await this.#forward('GET', `${type}?${params}`));
      default:
        return outcome(404, `La passerelle DMP ne sert pas ${type}.`);
    }
  }

  /** TD0.2: the existence test and the caller's access conditions, scoped to what they may know. */
  async #searchPatients(ex: Exchange, params: URLSearchParams): Promise<Response> {
    const ins = insOfToken(params.get('identifier') ?? '');
    if (!ins) return outcome(400, `Recherche de Patient par INS seulement (identifier=${INS_NIR_SYSTEM}|<NIR> ou ${INS_NIA_SYSTEM}|<NIA>).`);
    const view = await this.#dossier(ex, { ins });
    // Asking for the contact points is reading the patient's notification settings, theirs alone.
    const action: Action = params.getAll('_elements').some((list) => list.split(',').includes('telecom')) ? 'notification.manage' : 'dossier.read';
    const decision = ex.decide(action);
    // "No dossier" is the existence test's answer, not an error; it is still logged.
    if (!decision.allowed && decision.reason !== 'no-dossier') return this.#deny(ex, action, decision);
    await this.#log(ex, action, decision);
    const raw = view.patient ? await this.#stored('Patient', view.patient.id) : undefined;
    const revinclude = new Set(params.getAll('_revinclude'));
    const matches = raw ? [this.#scopedPatient(ex, raw)] : [];
    // Of a closed dossier, anyone but its patient's side learns the status only: no consent either.
    const consents = raw && (ex.patientSide || ex.dossier?.policy.status !== 'closed');
    const bundle = await this.#page(ex, 'Patient', params, matches, () => [
      ...(revinclude.has('Consent:patient') && consents ? this.#include(ex, 'Consent', this.#storedOf(view, 'Consent', this.#scopedConsents(ex, view))) : []),
      ...(revinclude.has('RelatedPerson:patient') && raw && ex.patientSide ? this.#include(ex, 'RelatedPerson', this.#storedOf(view, 'RelatedPerson', view.relatedPersons)) : []),
    ]);
    return fhir(bundle);
  }

  /**
   * What a caller outside the patient's side sees of the Patient: of a closed dossier its status
   * only (DOMAIN.md); otherwise no contact points or notification choices, no closure reason, and
   * the médecins traitants only when they may read the authorizations (otherwise themselves, if
   * they are one).
   */
  #scopedPatient(ex: Exchange, raw: Stored): Stored {
    if (ex.patientSide) return raw;
    if (ex.dossier?.policy.status === 'closed') {
      // The identifier searched for, and that the dossier is closed: as the JSON mock's existence test.
      const { resourceType, id, meta, identifier, active } = raw as Stored & Record<string, unknown>;
      const dossier = ((raw as { extension?: Array<{ url: string; extension?: Array<{ url: string }> }> }).extension ?? []).find((e) => e.url === DOSSIER_EXTENSION);
      const status = dossier && { ...dossier, extension: dossier.extension?.filter((fact) => fact.url === 'status') };
      return { resourceType, id, meta, identifier, active, ...(status ? { extension: [status] } : {}) } as Stored;
    }
    const copy = structuredClone(raw) as Stored & Record<string, unknown>;
    delete copy['telecom'];
    const extensions = (copy['extension'] as Array<{ url: string; extension?: Array<{ url: string }> }> | undefined) ?? [];
    copy['extension'] = extensions
      .filter((e) => e.url !== NOTIFICATION_EXTENSION)
      .map((e) => (e.url === DOSSIER_EXTENSION ? { ...e, extension: e.extension?.filter((s) => s.url !== 'closeReason') } : e));
    if (!ex.decide('authorization.read').allowed) {
      const own = ex.actor.kind === 'professional' ? `8${ex.actor.rpps}` : undefined;
      const kept = ((copy['generalPractitioner'] as Array<{ identifier?: { value?: string } }> | undefined) ?? []).filter(
        (reference) => own !== undefined && reference.identifier?.value === own,
      );
      if (kept.length > 0) copy['generalPractitioner'] = kept;
      else delete copy['generalPractitioner'];
    }
    return copy;
  }

  /**
   * The Consents a caller may know of: all on the patient's side or with authorization.read, but
   * one given under connexion secrète, kept from the representatives.
   */
  #scopedConsents(ex: Exchange, view: DossierView): Consent[] {
    if (ex.patientSide || ex.decide('authorization.read').allowed) return view.consents.filter((c) => this.#knowable(ex, c));
    const rpps = ex.actor.kind === 'professional' ? ex.actor.rpps : undefined;
    return view.consents.filter((c) => consentMode(c) !== undefined || (rpps !== undefined && consentRpps(c) === rpps));
  }

  /** Whether a Consent is one the caller may be told of: not one given in secret, to a representative. */
  #knowable(ex: Exchange, consent: { meta?: Consent['meta'] }): boolean {
    return !keptSecretFrom({ secret: madeInSecret(consent) }, ex.actor);
  }

  #storedOf(view: DossierView, type: string, resources: ReadonlyArray<{ id: string }>): Stored[] {
    return resources.flatMap((r) => view.stored.get(`${type}/${r.id}`) ?? []);
  }

  /**
   * The resources of `type`, of any dossier, created under request key `key` sent by the caller:
   * as the JSON API keeps an Idempotency-Key, per caller, another caller's key is no way to theirs.
   */
  async #keyed(ex: Exchange, type: 'RelatedPerson' | 'DocumentReference', key: string): Promise<Stored[]> {
    // Every key of the system, then the caller's: a key holding a comma or a bar is matched whole.
    const all = await this.#searchAll(type, [['identifier', `${REQUEST_KEY_SYSTEM}|`]]);
    return all.filter((resource) => keyedBy(resource, key, actorKey(ex.actor)));
  }

  /**
   * ITI-67 with the policy: the dossier-level gate, then `document.read` per document; to a
   * professional, what was hidden and why, one `suppressed` issue per document.
   */
  async #searchDocuments(ex: Exchange, params: URLSearchParams): Promise<Response> {
    await this.#searchDossier(ex, params);
    const ids = params.get('_id')?.split(',') ?? [];
    const single = ids.length === 1 ? ids[0] : undefined;
    // A read of named documents (the synthesis, the prevention lists) is logged as the read of
    // those documents, as the JSON mock's; any other search, a category's included, as a list.
    const named = namesDocuments(params);
    const synthesis = named && tokens(params, 'type').some((token) => token.endsWith('|SYNTH'));
    const action: Action = synthesis ? 'synthesis.read' : single || named ? 'document.read' : 'document.list';
    const version = params.get(VERSION_PARAM);
    if (version !== null) {
      if (!synthesis) {
        // Refused before the policy is asked: an access attempt all the same, logged as the JSON mock logs one.
        ex.intent = action;
        return outcome(400, `${VERSION_PARAM} ne se cherche que sur le volet de synthèse (type SYNTH), seul.`);
      }
      return this.#readSynthesisVersion(ex, params, version);
    }
    const gate = ex.decide('document.list');
    if (!gate.allowed) return this.#deny(ex, action, gate, single ? { documentId: single } : undefined);
    const visible: Stored[] = [];
    let hidden: string[] = [];
    let first: { doc: DmpDocument; decision: Decision } | undefined;
    // The documents a read of named documents reads: the newest match of each type (the current
    // VSM, each prevention list's document), as the client takes them.
    const newest = new Map<string, { doc: DmpDocument; decision: Decision }>();
    // To the patient's side, a version superseded by one hidden from them is current (`#asSeen`):
    // a list of current versions looks at the superseded ones too, and keeps those.
    const currentOnly = !named && isPatientSide(ex.actor) && params.get('status') === 'current';
    const searched = new URLSearchParams(params);
    if (currentOnly) searched.set('status', 'current,superseded');
    for (const resource of await this.#searchAll('DocumentReference', searched)) {
      const doc = documentOf(resource);
      if (doc.status === 'deleted') continue;
      const decision = ex.decide('document.read', policyDocumentOf(doc));
      first ??= { doc, decision };
      if (!newest.has(doc.typeCode)) newest.set(doc.typeCode, { doc, decision });
      if (!decision.allowed) hidden.push(decision.reason);
      else {
        const seen = await this.#asSeen(ex, resource);
        if (!currentOnly || (seen as DocumentReference).status === 'current') visible.push(seen);
      }
    }
    if (!named && isToldOfHiddenDocuments(ex.actor)) hidden = await this.#hiddenIn(ex, params.get('patient')!);
    // None found: a stand-in of their category is judged, so that "none yet" is still the
    // policy's to answer, and a refusal is told as the JSON API tells it (not as "none").
    const category = named && newest.size === 0 ? namedCategory(params) : undefined;
    const standIn = category && ex.decide(action, nominalDocument(category));
    if (standIn && !standIn.allowed) hidden.push(standIn.reason);
    const related = new Set(params.getAll('_revinclude')).has('DocumentReference:relatesto');
    const bundle = await this.#page(ex, 'DocumentReference', params, visible, async (page) => [
      ...(related ? this.#include(ex, 'DocumentReference', await this.#replacing(ex, page)) : []),
      ...(isToldOfHiddenDocuments(ex.actor) && hidden.length > 0 ? [suppressedOutcome(hidden)] : []),
    ]);
    if (single) {
      const decision = first?.decision ?? { ...gate, allowed: false, reason: 'invalid-request' as const };
      const target = first ? { documentId: first.doc.id, ...(first.decision.allowed ? { title: first.doc.title } : {}) } : { documentId: single };
      await this.#log(ex, action, decision, target);
    } else if (named) {
      // In the order the search names their types, as the JSON mock reads the lists.
      const types = tokens(params, 'type').map((token) => token.slice(token.lastIndexOf('|') + 1));
      const rank = (doc: DmpDocument) => (types.includes(doc.typeCode) ? types.indexOf(doc.typeCode) : types.length);
      const read = [...newest.values()].sort((a, b) => rank(a.doc) - rank(b.doc));
      await this.#logNamedRead(ex, action, read, standIn || gate);
    } else {
      await this.#log(ex, action, gate);
    }
    return fhir(bundle);
  }

  /**
   * A read of one VSM version, by its number (`document-version`), judged and logged as the JSON
   * mock's getSynthesisVersion: on that version's own document (an older one may be masked or
   * secret), else on the newest; a version that never was, read by one who may read the VSM, is
   * a refused request in the history. A refusal told to a professional is the search's
   * `suppressed` issue; the patient's side is told nothing: none found.
   */
  async #readSynthesisVersion(ex: Exchange, params: URLSearchParams, asked: string): Promise<Response> {
    const versions = (await this.#searchAll('DocumentReference', params))
      .map((raw) => ({ raw, doc: documentOf(raw) }))
      .filter(({ doc }) => doc.status !== 'deleted')
      .sort((a, b) => b.doc.version - a.doc.version);
    const wanted = versions.find(({ doc }) => String(doc.version) === asked);
    const judged = wanted ?? versions[0];
    const decision = ex.decide('synthesis.read', judged ? policyDocumentOf(judged.doc) : nominalDocument('synthesis'));
    const target = wanted ? { documentId: wanted.doc.id } : undefined;
    // Refused the dossier itself (not linked, blocked, no authorization, closed): as any search is.
    if (!ex.decide('document.list').allowed) return this.#deny(ex, 'synthesis.read', decision, target);
    if (!decision.allowed) await this.#log(ex, 'synthesis.read', decision, target);
    else if (!wanted) await this.#log(ex, 'synthesis.read', { ...decision, allowed: false, reason: 'invalid-request' });
    else await this.#log(ex, 'synthesis.read', decision, target);
    const told = !decision.allowed && isToldOfHiddenDocuments(ex.actor);
    const bundle = await this.#page(ex, 'DocumentReference', params, decision.allowed && wanted ? [wanted.raw] : [], () =>
      told ? [suppressedOutcome([decision.reason])] : [],
    );
    return fhir(bundle);
  }

  /**
   * The line of a read of named documents, as the JSON mock writes it (getSynthesis,
   * getPrevention): the refusal a professional is told of, with its document; else the read of
   * those the caller may see; else the refusal kept from the patient's side. With none found, the
   * judgement of a stand-in of their category (`none`).
   */
  async #logNamedRead(ex: Exchange, action: Action, read: ReadonlyArray<{ doc: DmpDocument; decision: Decision }>, none: Decision): Promise<void> {
    if (read.length === 0) {
      await this.#log(ex, action, none);
      return;
    }
    const refused = read.filter((step) => !step.decision.allowed);
    const told = refused.find((step) => !hidesFromCaller(step.decision, ex.actor));
    const allowed = read.filter((step) => step.decision.allowed);
    if (told) await this.#log(ex, action, told.decision, { documentId: told.doc.id });
    else if (allowed.length > 0) await this.#log(ex, action, allowed[0]!.decision, readTarget(allowed.map(({ doc }) => ({ documentId: doc.id, title: doc.title }))));
    else await this.#log(ex, action, refused[0]!.decision, { documentId: refused[0]!.doc.id });
  }

  /** Every document of the dossier, deleted ones included, by id. */
  async #documentsOf(view: DossierView): Promise<Map<string, DmpDocument>> {
    const all = await this.#searchAll('DocumentReference', [['patient', `Patient/${view.patient?.id ?? 'none'}`]]);
    return new Map(all.map((resource) => [resource.id, documentOf(resource)]));
  }

  /**
   * A DocumentReference as the caller may know it, as the JSON mock's `asSeen`: to the patient's
   * side, the last version they can read may be the current one (`keptAsCurrent`).
   */
  async #asSeen(ex: Exchange, resource: Stored): Promise<Stored> {
    if ((resource as DocumentReference).status !== 'superseded' || !isPatientSide(ex.actor)) return resource;
    const replacing = await this.#searchAll('DocumentReference', [['relatesto', `DocumentReference/${resource.id}`]]);
    const next = replacing.find((r) => r.id !== resource.id && documentOf(r).status !== 'deleted');
    if (!next) return resource;
    const decision = ex.decide('document.read', policyDocumentOf(documentOf(next)));
    if (decision.allowed || !keptAsCurrent(decision, ex.actor, documentOf(resource))) return resource;
    return ((await this.#asSeen(ex, next)) as DocumentReference).status === 'superseded' ? resource : ({ ...resource, status: 'current' } as Stored);
  }

  /** `_revinclude=DocumentReference:relatesto`: the documents that replace these, if the caller may see them. */
  async #replacing(ex: Exchange, page: Stored[]): Promise<Stored[]> {
    if (page.length === 0) return [];
    const found = await this.#searchAll('DocumentReference', [['relatesto', page.map((p) => `DocumentReference/${p.id}`).join(',')]]);
    return found.filter((resource) => !page.some((p) => p.id === resource.id) && this.#readable(ex, resource));
  }

  /** Whether a stored DocumentReference is there for the caller to read: not deleted, and allowed. */
  #readable(ex: Exchange, resource: Stored): boolean {
    const doc = documentOf(resource);
    return doc.status !== 'deleted' && ex.decide('document.read', policyDocumentOf(doc)).allowed;
  }

  async #searchConsents(ex: Exchange, params: URLSearchParams): Promise<Response> {
    await this.#searchDossier(ex, params);
    const action: Action = params.has('purpose') ? 'opposition.manage' : 'authorization.read';
    const decision = ex.decide(action);
    if (!decision.allowed) return this.#deny(ex, action, decision);
    const found = (await this.#searchAll('Consent', params)).filter((c) => this.#knowable(ex, c));
    await this.#log(ex, action, decision);
    return fhir(await this.#page(ex, 'Consent', params, found));
  }

  async #searchRepresentatives(ex: Exchange, params: URLSearchParams): Promise<Response> {
    await this.#searchDossier(ex, params);
    const decision = ex.decide('representative.manage');
    if (!decision.allowed) return this.#deny(ex, 'representative.manage', decision);
    // As the JSON mock: a parent of a patient come of age represents them no more.
    const found = (await this.#searchAll('RelatedPerson', params)).filter((r) => represents(r as Stored & RelatedPerson, ex.view.policy.patientIsMinor));
    await this.#log(ex, 'representative.manage', decision);
    return fhir(await this.#page(ex, 'RelatedPerson', params, found));
  }

  /** Why each of the patient's documents is refused to the caller, one reason per refused document. */
  async #hiddenIn(ex: Exchange, patient: string): Promise<string[]> {
    const reasons: string[] = [];
    for (const resource of await this.#searchAll('DocumentReference', [['patient', patient]])) {
      const doc = documentOf(resource);
      if (doc.status === 'deleted') continue;
      const decision = ex.decide('document.read', policyDocumentOf(doc));
      if (!decision.allowed) reasons.push(decision.reason);
    }
    return reasons;
  }

  /** The access history, without what the JSON mock keeps from the same reader (`hiddenFromReader`). */
  async #searchHistory(ex: Exchange, params: URLSearchParams): Promise<Response> {
    const view = await this.#searchDossier(ex, params);
    const decision = ex.decide('history.read');
    if (!decision.allowed) return this.#deny(ex, 'history.read', decision);
    const documents = await this.#documentsOf(view);
    const readDecision = (documentId: string) => {
      const doc = documents.get(documentId);
      return doc === undefined ? undefined : ex.decide('document.read', policyDocumentOf(doc));
    };
    const found = (await this.#searchAll('AuditEvent', params)).filter(
      (event) => !hiddenFromReader(historyLineOf(event), ex.actor, readDecision, this.#logDocuments.get(event.id!)),
    );
    const bundle = await this.#page(ex, 'AuditEvent', params, found);
    // Logged after the search: reading the history is in the history, from the next read on.
    await this.#log(ex, 'history.read', decision);
    return fhir(bundle);
  }

  // ------------------------------------------------------------------------------------------
  // Reads
  // ------------------------------------------------------------------------------------------

  async #read(ex: Exchange, type: string, id: string): Promise<Response> {
    switch (type) {
      case 'DocumentReference': {
        const found = await this.#guardedDocument(ex, id, await this.#stored('DocumentReference', id), 'document.read');
        if (found instanceof Response) return found;
        await this.#log(ex, 'document.read', found.decision, { documentId: id, title: found.doc.title });
        return fhir(await this.#asSeen(ex, found.raw));
      }
      case 'Binary': {
        const binary = await this.#stored('Binary', id);
        const documentId = idOfReference((binary as { securityContext?: { reference?: string } } | undefined)?.securityContext?.reference, 'DocumentReference');
        if (!binary || !documentId) return outcome(404, 'Fichier introuvable.');
        const found = await this.#guardedDocument(ex, documentId, await this.#stored('DocumentReference', documentId), 'document.read');
        if (found instanceof Response) return found;
        await this.#log(ex, 'document.read', found.decision, { documentId, title: found.doc.title });
        return fhir(binary);
      }
      case 'Patient': {
        const view = await this.#dossier(ex, { patientId: id });
        if (!view.patient) return outcome(404, 'Patient introuvable.');
        const decision = ex.decide('dossier.read');
        if (!decision.allowed) return this.#deny(ex, 'dossier.read', decision);
        await this.#log(ex, 'dossier.read', decision);
        return fhir(this.#scopedPatient(ex, (await this.#stored('Patient', id))!));
      }
      case 'Practitioner':
      case 'PractitionerRole':
      case 'Organization':
        return fhir(await this.#forward('GET', `${type}/${encodeURIComponent(id)}`));
      default:
        return outcome(404, `La passerelle DMP ne sert pas ${type}/{id}.`);
    }
  }

  /**
   * The live document `raw` (stored as `id`) if the caller may act on it, as the JSON mock's
   * guard: the dossier gate, then `judged` on the document; hidden documents are answered as
   * missing. The dossier's refusal and a deleted document are logged under `action`, the one the
   * request asks for, and a refusal of `judged` under `logged`: the request's own act, when it
   * asks for another.
   */
  async #guardedDocument(
    ex: Exchange,
    id: string,
    raw: Stored | undefined,
    action: Action,
    judged: Action = action,
    logged: Action = judged,
  ): Promise<{ raw: Stored; doc: DmpDocument; decision: Decision } | Response> {
    const subject = (raw as { subject?: { reference?: string } } | undefined)?.subject?.reference;
    await this.#dossier(ex, { patientId: idOfReference(subject, 'Patient') ?? 'none' });
    if (!ex.view.patient) return outcome(404, 'Document introuvable.');
    const gate = ex.decide('document.list');
    if (!gate.allowed) return this.#deny(ex, action, ex.decide(action, ANY_DOCUMENT), { documentId: id });
    const doc = raw ? documentOf(raw) : undefined;
    if (!raw || !doc || doc.status === 'deleted') {
      await this.#log(ex, action, { ...gate, allowed: false, reason: 'invalid-request' }, { documentId: id });
      return outcome(404, 'Document introuvable.');
    }
    const decision = ex.decide(judged, policyDocumentOf(doc));
    // As the JSON mock: a professional is told why (DECISIONS.md 12), the patient's side never
    // learns that something is hidden from it.
    if (!decision.allowed) return this.#deny(ex, logged, decision, { documentId: id });
    return { raw, doc, decision };
  }

  // ------------------------------------------------------------------------------------------
  // Writes
  // ------------------------------------------------------------------------------------------

  /** Applies a JSON Patch to a copy, in a scratch repository, to learn what it would change. */
  async #dryRun(current: Stored, ops: unknown): Promise<Stored> {
    if (!Array.isArray(ops)) throw new Refusal(outcome(400, 'Le corps d’un PATCH est un JSON Patch (tableau d’opérations).'));
    const scratch = new MemoryRepository();
    await scratch.updateResource(structuredClone(current));
    // The version test is the real PATCH's to enforce: the scratch copy has a version of its own.
    const applicable = ops.filter((op: { op?: string }) => op?.op !== 'test');
    try {
      return (await scratch.patchResource(current.resourceType, current.id, applicable)) as Stored;
    } catch (error) {
      throw new Refusal(outcome(400, `JSON Patch inapplicable : ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  async #patch(ex: Exchange, type: string, id: string, ops: unknown): Promise<Response> {
    switch (type) {
      case 'DocumentReference':
        return this.#patchDocument(ex, id, ops);
      case 'Patient':
        return this.#patchPatient(ex, id, ops);
      case 'Consent':
        return this.#patchConsent(ex, id, ops);
      default:
        return outcome(404, `PATCH n’est pas servi sur ${type} par la passerelle DMP.`);
    }
  }

  /**
   * TD3.3a/b/c/d: masking, visibility, deletion and archiving, each asked of the policy and
   * logged, all or nothing, as the JSON mock's PATCH.
   */
  async #patchDocument(ex: Exchange, id: string, ops: unknown): Promise<Response> {
    const raw = await this.#stored('DocumentReference', id);
    // Without the document there is no dossier to judge in, nor to log in.
    if (!raw) return outcome(404, 'Document introuvable.');
    // Worked out on a scratch copy, to know which acts it does; a patch that cannot apply is said
    // so only to a caller who may see the document: a 400 must not tell that a hidden one exists.
    let dry: Stored | undefined;
    let acts: PatchActs | undefined;
    let inapplicable: unknown;
    try {
      dry = await this.#dryRun(raw, ops);
      acts = documentPatchActs(raw, dry);
    } catch (error) {
      inapplicable = error;
    }
    const actions = acts?.actions ?? [];
    // The act the request asks for, what it is logged under, refused or not: the one it does, else
    // the one its paths name (archiving a replaced version does none). A patch that names none is
    // logged under the route's own action, as the JSON API logs a patch body it cannot take.
    const asked = actions[0] ?? namedDocumentAct(ops) ?? ROUTES.updateDocument.action;
    // Masking is not judged on the document (POLICY.md step 8): reading it is, so that no one acts
    // on a document hidden from them. Deleting is, as the JSON mock's DELETE: it is the patient's.
    const guard: Action = actions.length === 1 && actions[0] === 'document.delete' ? 'document.delete' : 'document.read';
    const found = await this.#guardedDocument(ex, id, raw, asked, guard, asked);
    if (found instanceof Response) return found;
    ex.intent = asked;
    if (!acts || !dry) throw inapplicable;
    const { doc } = found;
    const target = { documentId: id, title: doc.title };
    if (acts.unjudged) {
      await this.#log(ex, asked, { ...found.decision, allowed: false, reason: 'invalid-request' }, target);
      return outcome(400, 'Seuls le masquage, la visibilité, l’archivage et la suppression se modifient par PATCH.');
    }
    const judged = judgeEach(actions, (action) => ex.decide(action, policyDocumentOf(doc)));
    if ('refused' in judged) return this.#deny(ex, judged.refused.action, judged.refused.decision, target);
    // A patch that changes nothing did no act: it read the document, and is logged as that read.
    const done = judged.allowed.length > 0 ? judged.allowed : [{ action: 'document.read' as const, decision: found.decision }];
    if (ex.staleFor(raw)) return this.#stale(ex, done[0]!, target);
    const patched = (await this.#forward('PATCH', `DocumentReference/${encodeURIComponent(id)}`, ops)) as Stored;
    for (const { action, decision } of done) await this.#log(ex, action, decision, target);
    return fhir(await this.#asSeen(ex, patched));
  }

  /**
   * Closing, reactivating, the médecins traitants and the notification choices, each asked of the
   * policy and logged, all or nothing, as the DocumentReference PATCH.
   */
  async #patchPatient(ex: Exchange, id: string, ops: unknown): Promise<Response> {
    const view = await this.#dossier(ex, { patientId: id });
    const raw = await this.#stored('Patient', id);
    if (!view.patient || !raw) return outcome(404, 'Patient introuvable.');
    ex.intent = 'dossier.read';
    const dry = await this.#dryRun(raw, ops);
    const after = parseResource('Patient', dry);
    const before = view.patient;
    const { actions, unjudged } = patientPatchActs(before, after, ops as unknown[]);
    // Every act is judged on the dossier as the request finds it, never on what an earlier act of
    // the same patch would make of it: on a closed dossier a patch that reactivates and does
    // anything else is refused whole (POLICY.md step 5), and closing does not stop the other acts.
    // Judged before what no act covers is refused, so that one who may not make them hears why (a
    // professional's reactivation carries what they were shown of a closed dossier: consent-required).
    const judged = judgeEach(actions, (action) => ex.decide(action));
    if ('refused' in judged) return this.#deny(ex, judged.refused.action, judged.refused.decision);
    if (unjudged) return outcome(400, 'Seuls le statut du dossier, les médecins traitants et les préférences de notification se modifient par PATCH.');
    // A patch that changes nothing did no act: it read the dossier, and is logged as that read.
    const done = judged.allowed.length > 0 ? judged.allowed : [{ action: 'dossier.read' as const, decision: ex.decide('dossier.read') }];
    const designating = judged.allowed.find((act) => act.action === 'authorization.manage');
    const undesignatable = designating ? await this.#undesignatable(newlyDesignated(before, after), namedTreatingPhysicians(ops as unknown[])) : undefined;
    if (designating && undesignatable) {
      await this.#log(ex, designating.action, { ...designating.decision, allowed: false, reason: 'invalid-request' });
      return undesignatable;
    }
    if (ex.staleFor(raw)) return this.#stale(ex, done[0]!);
    const stamp = this.#dossierStamp(ex, before, after, dry);
    const patched = await this.#forward('PATCH', `Patient/${encodeURIComponent(id)}`, [...(ops as unknown[]), ...stamp]);
    for (const { action, decision } of done) await this.#log(ex, action, decision);
    return fhir(patched);
  }

  /** The server dates the closure; a reactivation forgets it. Nothing when the status stays. */
  #dossierStamp(ex: Exchange, before: Patient, after: Patient, dry: Stored): unknown[] {
    const facts = dossierFactsOf(after);
    if (dossierFactsOf(before).status === facts.status) return [];
    const index = (dry as { extension?: Array<{ url: string }> }).extension?.findIndex((e) => e.url === DOSSIER_EXTENSION) ?? -1;
    const stamped = dossierExtension({
      status: facts.status,
      createdAt: facts.createdAt ?? ex.now,
      ...(facts.status === 'closed' ? { closedAt: ex.now, ...(facts.closeReason ? { closeReason: facts.closeReason } : {}) } : {}),
    });
    return [index >= 0 ? { op: 'replace', path: `/extension/${index}`, value: stamped } : { op: 'add', path: '/extension/-', value: stamped }];
  }

  /**
   * Why one of `designated` may not become médecin traitant, as the JSON mock answers it: not in
   * the directory (404), or not a médecin (400); or why one of `named` may not be named: not in
   * the directory (404), even where the patch leaves them as they were.
   */
  async #undesignatable(designated: ReadonlyArray<{ rpps: string }>, named: readonly string[] = []): Promise<Response | undefined> {
    for (const { rpps } of designated) {
      const professional = await this.#professional(rpps);
      if (!professional) return outcome(404, 'Aucun professionnel avec ce numéro RPPS dans l’annuaire.');
      if (!mayBeTreatingPhysician(professional.profession)) return outcome(400, 'Seul un médecin peut être désigné médecin traitant.');
    }
    for (const rpps of named) {
      if (!(await this.#professional(rpps))) return outcome(404, 'Aucun professionnel avec ce numéro RPPS dans l’annuaire.');
    }
    return undefined;
  }

  /** A write made against a version that is no longer the stored one: 412, as FHIR's If-Match. */
  async #stale(ex: Exchange, act: JudgedAct, target?: { documentId?: string; title?: string }): Promise<Response> {
    await this.#log(ex, act.action, { ...act.decision, allowed: false, reason: 'invalid-request' }, target);
    return outcome(412, 'La ressource a été modifiée entre-temps : relisez-la avant de la modifier.');
  }

  /** Which policy action a Consent stands for, and with which consent flag. */
  #consentAction(ex: Exchange, consent: Consent): { action: Action; request: Partial<PolicyRequest>; rpps?: string | undefined } {
    if (consentMode(consent)) return { action: 'opposition.manage', request: {} };
    const rpps = consentRpps(consent);
    if (!rpps) throw new Refusal(outcome(400, 'Un Consent du DMP porte sur un professionnel (RPPS) ou sur un mode d’urgence.'));
    // Their own permit, active or proposed: the consent they collected, or say they did not. Ending
    // it (inactive) is ending an authorization, the patient's act, as the JSON mock judges a revoke.
    const self =
      ex.actor.kind === 'professional' && ex.actor.rpps === rpps && consent.provision?.type === 'permit' && (consent.status === 'active' || consent.status === 'proposed');
    return self
      ? { action: 'authorization.grant-self', request: { consent: consent.status === 'active' }, rpps }
      : { action: 'authorization.manage', request: {}, rpps };
  }

  /** Keeps one active Consent per professional and per emergency mode: the newest. */
  async #retireOthers(view: DossierView, consent: Consent, keepId: string): Promise<void> {
    const rpps = consentRpps(consent);
    const mode = consentMode(consent);
    for (const other of view.consents) {
      if (other.id === keepId || other.status !== 'active') continue;
      const same = rpps !== undefined ? consentRpps(other) === rpps : mode !== undefined && consentMode(other) === mode;
      if (same) await this.#forward('PATCH', `Consent/${other.id}`, [{ op: 'replace', path: '/status', value: 'inactive' }]);
    }
  }

  /** The directory's entry for `rpps`, if any. */
  async #professional(rpps: string): Promise<Professional | undefined> {
    const [practitioner] = await this.#searchAll('Practitioner', [['identifier', `${RPPS_SYSTEM}|8${rpps}`]]);
    return practitioner && professionalOf(parseResource('Practitioner', practitioner), undefined, undefined);
  }

  async #patchConsent(ex: Exchange, id: string, ops: unknown): Promise<Response> {
    const raw = await this.#stored('Consent', id);
    const patientId = idOfReference((raw as { patient?: { reference?: string } } | undefined)?.patient?.reference, 'Patient');
    if (!raw || !patientId) return outcome(404, 'Consent introuvable.');
    const view = await this.#dossier(ex, { patientId });
    ex.intent = 'authorization.manage';
    const dry = await this.#dryRun(raw, ops);
    const after = parseResource('Consent', dry);
    const { action, request } = this.#consentAction(ex, after);
    // Only a Consent's status changes: its patient, its professional or its mode are what the
    // policy judged it on, and what it stands for.
    if (!changesOnly(raw, dry, ['status'])) {
      await this.#log(ex, action, INVALID);
      return outcome(400, 'Seul le statut d’un Consent se modifie par PATCH.');
    }
    const decision = ex.decide(action, undefined, request);
    if (!decision.allowed) return this.#deny(ex, action, decision);
    if (ex.staleFor(raw)) return this.#stale(ex, { action, decision });
    const patched = await this.#forward('PATCH', `Consent/${encodeURIComponent(id)}`, ops);
    if (after.status === 'active') await this.#retireOthers(view, after, id);
    await this.#log(ex, action, decision);
    return fhir(patched);
  }

  async #create(ex: Exchange, type: string, body: unknown): Promise<Response> {
    switch (type) {
      case 'Consent':
        return this.#createConsent(ex, body);
      case 'RelatedPerson':
        return this.#createRepresentative(ex, body);
      default:
        return outcome(404, `La création de ${type} n’est pas servie par la passerelle DMP (les documents passent par une transaction ITI-65).`);
    }
  }

  async #createConsent(ex: Exchange, body: unknown): Promise<Response> {
    const consent = parseResource('Consent', { ...(body as object), id: 'new' });
    const view = await this.#dossier(ex, { patientId: idOfReference(consent.patient?.reference, 'Patient') ?? 'none' });
    if (!view.patient) return outcome(404, 'Patient introuvable.');
    ex.intent = 'authorization.manage';
    const { action, request, rpps } = this.#consentAction(ex, consent);
    const decision = ex.decide(action, undefined, request);
    if (!decision.allowed) return this.#deny(ex, action, decision);
    if (rpps !== undefined && !(await this.#professional(rpps))) {
      await this.#log(ex, action, { ...decision, allowed: false, reason: 'invalid-request' });
      return outcome(404, 'Aucun professionnel avec ce numéro RPPS dans l’annuaire.');
    }
    const given = body as { meta?: { tag?: unknown[] } };
    // Given under connexion secrète, tagged as its history line: the representatives are not told.
    // One they already know of (an active Consent for this professional, untagged) stays known.
    const known = view.consents.some((c) => c.status === 'active' && rpps !== undefined && consentRpps(c) === rpps && !madeInSecret(c));
    const tagged = ex.secret && !known ? { meta: { ...given.meta, tag: [...(given.meta?.tag ?? []), { ...SECRET_TAG }] } } : {};
    const stamped = { ...given, ...tagged, dateTime: ex.now };
    const created = (await this.#forward('POST', 'Consent', stamped)) as Stored;
    if (consent.status === 'active') await this.#retireOthers(view, consent, created.id);
    await this.#log(ex, action, decision);
    return fhir(created, 201);
  }

  async #createRepresentative(ex: Exchange, body: unknown): Promise<Response> {
    const person = parseResource('RelatedPerson', { ...(body as object), id: 'new' });
    const view = await this.#dossier(ex, { patientId: idOfReference(person.patient.reference, 'Patient') ?? 'none' });
    if (!view.patient) return outcome(404, 'Patient introuvable.');
    ex.intent = 'representative.manage';
    const decision = ex.decide('representative.manage');
    if (!decision.allowed) return this.#deny(ex, 'representative.manage', decision);
    // Sent under a request key (the JSON API's Idempotency-Key), kept per caller: sent again after
    // a lost answer, the person that request added, not a second one; under the same key, another
    // person or another dossier is the caller's mistake, refused (422).
    const key = requestKeyOf(ex.ifNoneExist);
    if (ex.ifNoneExist !== null && key === undefined) return outcome(400, `If-None-Exist : seule la clé de requête « identifier=${REQUEST_KEY_SYSTEM}|<clé> » est servie.`);
    const earlier = key === undefined ? [] : await this.#keyed(ex, 'RelatedPerson', key);
    if (earlier.some((resource) => personOf(parseResource('RelatedPerson', resource)) !== personOf(person))) {
      return outcome(422, 'Cette clé de requête a déjà servi pour une autre demande.');
    }
    if (earlier[0]) {
      await this.#log(ex, 'representative.manage', decision);
      return fhir(earlier[0], 200);
    }
    // As the JSON mock: a curator assists a protected adult, never a minor; a parent, a minor only.
    const link = relationshipOf(person);
    if (!link || !mayRepresent(link, view.policy.patientIsMinor)) {
      await this.#log(ex, 'representative.manage', { ...decision, allowed: false, reason: 'invalid-request' });
      return outcome(400, representationRefusal(view.policy.patientIsMinor).detail);
    }
    const { identifier: sent, ...given } = body as { identifier?: unknown };
    const created = await this.#forward('POST', 'RelatedPerson', { ...given, ...keyedIdentifiers(sent, key, actorKey(ex.actor)), period: { start: ex.now } });
    await this.#log(ex, 'representative.manage', decision);
    return fhir(created, 201);
  }

  async #delete(ex: Exchange, type: string, id: string): Promise<Response> {
    if (type !== 'RelatedPerson') return outcome(404, `DELETE n’est pas servi sur ${type} (un document se supprime par PATCH de son statut).`);
    const raw = await this.#stored('RelatedPerson', id);
    const patientId = idOfReference((raw as { patient?: { reference?: string } } | undefined)?.patient?.reference, 'Patient');
    if (!raw || !patientId) return outcome(404, 'Représentant légal introuvable.');
    await this.#dossier(ex, { patientId });
    const decision = ex.decide('representative.manage');
    if (!decision.allowed) return this.#deny(ex, 'representative.manage', decision);
    await this.#forward('DELETE', `RelatedPerson/${encodeURIComponent(id)}`);
    await this.#log(ex, 'representative.manage', decision);
    return new Response(null, { status: 204 });
  }

  /**
   * ITI-65 Provide Document Bundle: one DocumentReference (with its Binary). The gateway names
   * the author (the caller), dates the submission, numbers the version, hides what a connexion
   * secrète submits from the representatives, and supersedes the replaced document.
   */
  async #transaction(ex: Exchange, body: unknown): Promise<Response> {
    const bundle = body as Bundle | undefined;
    if (bundle?.resourceType !== 'Bundle' || bundle.type !== 'transaction') return outcome(400, 'Attendu : un Bundle de type transaction.');
    const entries = bundle.entry ?? [];
    const documents = entries.filter((e) => e.resource?.resourceType === 'DocumentReference');
    const others = entries.filter((e) => e.resource?.resourceType !== 'DocumentReference' && e.resource?.resourceType !== 'Binary');
    if (documents.length !== 1 || others.length > 0) return outcome(400, 'Une soumission porte une DocumentReference et ses Binary, rien d’autre.');
    // Each entry creates its resource, and nothing else: an entry may otherwise update, patch or
    // delete any resource of any dossier (an AuditEvent through a Binary patch) unjudged.
    const entry = documents[0]!;
    const keyed = requestKeyCondition(entry);
    const unconditioned = (e: BundleEntry) => (e === entry && keyed ? { ...e, request: { method: e.request!.method, url: e.request!.url } } : e);
    if (!entries.map(unconditioned).every(createsOnly)) return outcome(400, 'Chaque entrée d’une soumission crée sa ressource (request POST sur son type), sans condition, hormis sa clé de requête.');
    const submitted = entry.resource as Stored & DocumentReference;
    const view = await this.#dossier(ex, { patientId: idOfReference(submitted.subject?.reference, 'Patient') ?? 'none' });
    if (!view.patient) return this.#deny(ex, 'document.add', ex.decide('document.add', { category: 'report', masked: false, invisibleToPatient: false, invisibleToLegalRepresentatives: false }));
    const typeCode = submitted.type?.coding?.find((c) => c.code)?.code ?? '';
    const synthesis = typeCode === SYNTHESIS_TYPE_CODE;
    ex.intent = synthesis ? 'synthesis.write' : 'document.add';
    const classCode = CLASS_CODE_OF_TYPE[typeCode];
    if (!classCode) return outcome(400, 'Type de document inconnu.');
    const category = categoryOf(classCode, typeCode);
    const title = submitted.content?.[0]?.attachment?.title ?? '';
    for (const binary of entries.filter((e) => e.resource?.resourceType === 'Binary')) {
      const file = binary.resource as { contentType?: string; data?: string };
      if (Math.floor(((file.data ?? '').length * 3) / 4) > MAX_DOCUMENT_BYTES) return outcome(413, 'Le fichier dépasse 20 Mo.');
      if (!(MIME_TYPES as readonly string[]).includes(file.contentType ?? '')) return outcome(415, 'Formats acceptés : PDF, JPEG, PNG, CDA (XML), texte.');
    }
    const asked = flagsOf(submitted.securityLabel);
    const flags = { invisibleToPatient: asked.invisibleToPatient, invisibleToLegalRepresentatives: asked.invisibleToLegalRepresentatives || ex.secret };
    const { actor } = ex;
    const draft: PolicyDocumentInput = {
      category,
      typeCode,
      ...(actor.kind === 'professional' ? { authorRpps: actor.rpps } : {}),
      masked: false,
      ...flags,
      submittedAt: ex.now,
    };
    // As the JSON mock: a refused document meant to be kept from the patient's side leaves its
    // title out of the history that side reads.
    const attempted = flags.invisibleToPatient || flags.invisibleToLegalRepresentatives ? undefined : { title };
    const replacesId = idOfReference(submitted.relatesTo?.find((r) => r.code === 'replaces')?.target.reference, 'DocumentReference');
    const toReplace = replacesId && !synthesis ? await this.#documentToReplace(ex, view, replacesId) : undefined;
    if (toReplace instanceof Response) return toReplace;
    const action: Action = synthesis ? 'synthesis.write' : 'document.add';
    const decision = synthesis ? ex.decide(action) : ex.decide(action, draft);
    if (!decision.allowed) return this.#deny(ex, action, decision, attempted);
    // Flags sent with the submission are set by the caller: the flags are the authoring professional's.
    if (asked.invisibleToPatient || asked.invisibleToLegalRepresentatives) {
      const flagging = ex.decide('document.set-visibility', { ...draft, invisibleToPatient: false, invisibleToLegalRepresentatives: false });
      if (!flagging.allowed) return this.#deny(ex, 'document.set-visibility', flagging, attempted);
    }
    // Sent again after a lost answer, under its request key: the document added then, as it is
    // now, not a second copy (the JSON API's Idempotency-Key). Keys are the caller's: another's is
    // no way to their document. Under the same key, another submission (another dossier, type,
    // title, file…) is the caller's mistake, refused (422); one deleted since is made anew.
    const key = requestKeyOf(keyed);
    const keyedBefore = key === undefined ? [] : await this.#keyed(ex, 'DocumentReference', key);
    const subject = { reference: `Patient/${view.patient.id}` };
    for (const resource of keyedBefore) {
      const sameDossier = (resource as Stored & DocumentReference).subject?.reference === subject.reference;
      if (!sameDossier || !(await this.#resent(resource, submitted, entries))) return outcome(422, 'Cette clé de requête a déjà servi pour une autre soumission.');
    }
    const earlier = keyedBefore.find((resource) => documentOf(resource).status !== 'deleted');
    if (earlier) {
      await this.#log(ex, replacesId && !synthesis ? 'document.replace' : action, decision, { documentId: earlier.id, title });
      return fhir({ resourceType: 'Bundle', type: 'transaction-response', entry: [{ resource: earlier, response: { status: '200 OK', location: `DocumentReference/${earlier.id}` } }] });
    }
    const replaced = synthesis ? await this.#synthesisToReplace(ex, view, replacesId, decision) : toReplace && (await this.#replaceable(ex, toReplace));
    if (replaced instanceof Response) return replaced;
    if (!replaced && typeCode === PROFILE_TYPE_CODE && (await this.#currentOfType(view, typeCode, true))) {
      // As the JSON mock: one declaration of the patient's information is current at a time.
      await this.#log(ex, action, { ...decision, allowed: false, reason: 'invalid-request' }, attempted);
      return outcome(409, 'Une déclaration du patient est déjà la version courante : remplacez-la.');
    }
    const version = synthesis ? await this.#nextSynthesisVersion(view) : (replaced?.version ?? 0) + 1;
    const name = actor.displayName ?? (actor.kind === 'professional' ? actor.rpps : actor.kind);
    const authored =
      actor.kind === 'professional'
        ? authorOf({ name, rpps: actor.rpps, profession: actor.profession, ...(actor.organisation ? { organisation: actor.organisation.name } : {}) }, subject, false)
        : actor.kind === 'legal-representative'
          ? { author: { reference: `RelatedPerson/${actor.id}`, display: name } }
          : authorOf({ name }, subject, actor.kind === 'patient');
    const { identifier: sentIdentifiers, ...sent } = submitted;
    const stamped = {
      ...sent,
      ...keyedIdentifiers(sentIdentifiers, key, actorKey(actor)),
      ...(authored.contained ? { contained: [authored.contained] } : {}),
      extension: [...(submitted.extension ?? []).filter((e) => e.url !== VERSION_EXTENSION), { url: VERSION_EXTENSION, valuePositiveInt: version }],
      status: 'current',
      category: [{ coding: [{ system: CLASS_CODE_SYSTEM, code: classCode }] }],
      date: ex.now,
      author: [authored.author],
      // What kept the replaced version from someone keeps this one, as in the JSON mock.
      securityLabel: securityLabelsOf(confidentialityOf(newVersionVisibility(replaced, flags, ex.now))),
      meta: { tag: (submitted.meta?.tag ?? []).filter((t) => t.code !== ARCHIVED_TAG.code) },
    };
    const response = (await this.#forward('POST', '', { ...bundle, entry: entries.map((e) => (e === entry ? { ...unconditioned(e), resource: stamped } : e)) })) as Bundle;
    const created = response.entry?.map((e) => e.resource).find((r): r is Stored => r?.resourceType === 'DocumentReference');
    if (replaced) await this.#forward('PATCH', `DocumentReference/${replaced.id}`, [{ op: 'replace', path: '/status', value: 'superseded' }]);
    await this.#log(ex, replaced && !synthesis ? 'document.replace' : action, decision, { ...(created ? { documentId: created.id } : {}), title });
    return fhir(response);
  }

  /**
   * Whether `earlier`, found under the submission's request key, is this submission sent again:
   * the same type, title, dates, replaced document and file, as the JSON mock's Idempotency-Key
   * compares them. Not its flags: they may have been changed since.
   */
  async #resent(earlier: Stored, submitted: DocumentReference, entries: BundleEntry[]): Promise<boolean> {
    const before = earlier as Stored & DocumentReference;
    const [was, is] = [before.content?.[0]?.attachment, submitted.content?.[0]?.attachment];
    const described = (doc: DocumentReference, attachment: typeof was) =>
      JSON.stringify([
        doc.type?.coding?.find((c) => c.code)?.code,
        attachment?.title,
        attachment?.contentType,
        doc.context?.period,
        doc.relatesTo?.find((r) => r.code === 'replaces')?.target.reference,
      ]);
    if (described(before, was) !== described(submitted, is)) return false;
    const file = entries.find((e) => e.fullUrl !== undefined && e.fullUrl === is?.url)?.resource as { data?: string } | undefined;
    const stored = await this.#stored('Binary', idOfReference(was?.url, 'Binary') ?? '');
    return file !== undefined && (stored as { data?: string } | undefined)?.data === file.data;
  }

  /**
   * The document a submission replaces, as the JSON mock finds it: one of this dossier, not
   * deleted; otherwise 404, logged.
   */
  async #documentToReplace(ex: Exchange, view: DossierView, id: string): Promise<DmpDocument | Response> {
    const raw = await this.#stored('DocumentReference', id);
    const doc = raw && idOfReference((raw as { subject?: { reference?: string } }).subject?.reference, 'Patient') === view.patient?.id ? documentOf(raw) : undefined;
    if (doc && doc.status !== 'deleted') return doc;
    await this.#log(ex, 'document.replace', INVALID, { documentId: id });
    return outcome(404, 'Document introuvable.');
  }

  /**
   * `doc` if the caller may replace it now. Judged before its status, as the JSON mock: a version
   * hidden from the caller is not found, current or not.
   */
  async #replaceable(ex: Exchange, doc: DmpDocument): Promise<DmpDocument | Response> {
    const target = { documentId: doc.id, title: doc.title };
    const decision = ex.decide('document.replace', policyDocumentOf(doc));
    if (!decision.allowed) return this.#deny(ex, 'document.replace', decision, target);
    // Only a new VSM replaces the VSM (its own route, above): a PDF in its place would leave the
    // dossier without one, as the JSON mock refuses it.
    if (!isSentAsFile(doc.typeCode)) {
      await this.#log(ex, 'document.replace', { ...decision, allowed: false, reason: 'invalid-request' }, target);
      return outcome(400, 'Seul un nouveau volet de synthèse médicale remplace le volet de synthèse.');
    }
    if (doc.status === 'current') return doc;
    await this.#log(ex, 'document.replace', { ...decision, allowed: false, reason: 'invalid-request' }, target);
    return outcome(409, 'Le document à remplacer n’est pas la version courante.');
  }

  /**
   * The VSM a new version replaces: the current one, which `replacesId` must name, as the JSON
   * API's If-Match; without it, only a first version may be written. One current VSM at a time.
   */
  async #synthesisToReplace(ex: Exchange, view: DossierView, replacesId: string | undefined, decision: Decision): Promise<DmpDocument | undefined | Response> {
    const current = await this.#currentOfType(view, SYNTHESIS_TYPE_CODE);
    if (replacesId === current?.id) return current && documentOf(current);
    await this.#log(ex, 'synthesis.write', { ...decision, allowed: false, reason: 'invalid-request' });
    return outcome(409, 'Le volet de synthèse a été modifié entre-temps.');
  }

  /**
   * The number of a new VSM: after every version written, one the patient deleted too, as the
   * JSON mock numbers them (a number names one version for ever).
   */
  async #nextSynthesisVersion(view: DossierView): Promise<number> {
    const all = await this.#searchAll('DocumentReference', [
      ['patient', `Patient/${view.patient?.id ?? 'none'}`],
      ['type', `${TYPE_CODE_SYSTEM}|${SYNTHESIS_TYPE_CODE}`],
    ]);
    return Math.max(0, ...all.map((resource) => documentOf(resource).version)) + 1;
  }

  /**
   * The patient's newest current document of `typeCode`, if any; `unarchived`: leaving out an
   * archived one (a declaration archived is no longer the current one, as in the JSON mock; the
   * VSM stays the VSM, archived or not).
   */
  async #currentOfType(view: DossierView, typeCode: string, unarchived = false): Promise<Stored | undefined> {
    const [current] = await this.#searchAll('DocumentReference', [
      ['patient', `Patient/${view.patient?.id ?? 'none'}`],
      ['type', `${TYPE_CODE_SYSTEM}|${typeCode}`],
      ['status', 'current'],
      ...(unarchived ? ([['_tag:not', `${ARCHIVED_TAG.system}|${ARCHIVED_TAG.code}`]] as Array<[string, string]>) : []),
      ['_sort', '-date'],
    ]);
    return current;
  }
}

/** The gateway the handlers use unless given another: one per page or process, like the JSON db. */
export const fhirGateway = new FhirGateway();
