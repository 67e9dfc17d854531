import * as z from '../zod.js';
import type { Action } from '../policy/types.js';
import { AccessLogListSchema, AccessLogQuerySchema, NotificationSchema } from './access-log.js';
import { AuthorizationChangeSchema, AuthorizationListSchema } from './authorization.js';
import {
  DocumentListSchema,
  DocumentPatchSchema,
  DocumentQuerySchema,
  DocumentSchema,
  LatestDocumentsSchema,
  NewDocumentSchema,
} from './document.js';
import {
  DossierCloseSchema,
  DossierCreateBodySchema,
  DossierReactivateSchema,
  DossierCreatedSchema,
  DossierInfoSchema,
  EmergencyGrantSchema,
  EmergencyRequestSchema,
  LegalRepresentativeSchema,
  NewLegalRepresentativeSchema,
  NotificationPreferencesSchema,
  OppositionsSchema,
  StoredNotificationPreferencesSchema,
  StoredOppositionsSchema,
} from './dossier.js';
import { ProfessionalSchema } from './professional.js';
import { PreventionSaveSchema, PreventionSchema } from './prevention.js';
import { SynthesisSaveSchema, SynthesisSchema, SynthesisVersionListSchema } from './synthesis.js';

export const API_PREFIX = '/api/dmp/v1';

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The policy action the server decides and logs for this route (none outside a dossier). */
  action?: Action;
  /** Relative to the base URL; `:name` marks a path parameter. */
  path: string;
  summary: string;
  query?: z.ZodMiniType;
  /** JSON body; `multipart` for the document upload. */
  body?: z.ZodMiniType | 'multipart';
  /** The JSON `metadata` field of a multipart body (the other field is `file`). */
  multipartMetadata?: z.ZodMiniType;
  /** 2xx body; `binary` for a file, `none` for 204. */
  response: z.ZodMiniType | 'binary' | 'none';
  /** Answers with an ETag and takes `If-Match`. */
  etag?: boolean;
  /** With `etag`, a write without If-Match is taken (a patient setting) rather than refused once a version exists (the VSM). */
  ifMatchOptional?: boolean;
  /**
   * Answers 204 No Content, without an ETag, when there is nothing yet (a dossier without a
   * VSM): a normal state, which a 404 would make every browser log as a failed request. The
   * client resolves with `null`; the OpenAPI document lists the 204.
   */
  noContentIsNull?: boolean;
  /** Requires an Idempotency-Key header: the same key and body get the first answer again, and create nothing more. */
  idempotencyKey?: boolean;
  /** With `idempotencyKey`, a request without the header is taken, with no protection against being sent twice. */
  idempotencyKeyOptional?: boolean;
  /** Answers 201 Created rather than 200. */
  created?: boolean;
}

const RepresentativeListSchema = z.object({ items: z.array(LegalRepresentativeSchema) });
const ProfessionalListSchema = z.object({ items: z.array(ProfessionalSchema) });
const NotificationListSchema = z.object({ items: z.array(NotificationSchema) });

/**
 * The HTTP API, one entry per route: the mock handlers, the client and the OpenAPI document are
 * all read from this table, so they cannot drift apart.
 */
export const ROUTES = {
  getDossier: { method: 'GET', action: 'dossier.read', path: '/dossiers/:ins', summary: 'Existence test, status and the caller’s access conditions (TD0.2)', response: DossierInfoSchema },
  createDossier: { method: 'POST', created: true, action: 'dossier.create', path: '/dossiers', summary: 'Create a dossier with the patient’s consent', body: DossierCreateBodySchema, response: DossierCreatedSchema, idempotencyKey: true },
  closeDossier: { method: 'POST', action: 'dossier.close', path: '/dossiers/:ins/close', summary: 'Close the dossier (kept 10 years, can be reactivated)', body: DossierCloseSchema, response: DossierInfoSchema },
  reactivateDossier: { method: 'POST', action: 'dossier.reactivate', path: '/dossiers/:ins/reactivate', summary: 'Reactivate a closed dossier', body: DossierReactivateSchema, response: DossierInfoSchema },
  listDocuments: { method: 'GET', action: 'document.list', path: '/dossiers/:ins/documents', summary: 'Search the documents the caller may see (TD3.1)', query: DocumentQuerySchema, response: DocumentListSchema },
  latestDocuments: { method: 'GET', action: 'document.list', path: '/dossiers/:ins/latest-documents', summary: 'The newest current document of each category the caller may read, with what was hidden', response: LatestDocumentsSchema },
  addDocument: { method: 'POST', created: true, action: 'document.add', path: '/dossiers/:ins/documents', summary: 'Submit a document (TD2), multipart: metadata + file', body: 'multipart', multipartMetadata: NewDocumentSchema, response: DocumentSchema, idempotencyKey: true, idempotencyKeyOptional: true },
  getDocument: { method: 'GET', action: 'document.read', path: '/dossiers/:ins/documents/:id', summary: 'A document’s metadata', response: DocumentSchema },
  getDocumentContent: { method: 'GET', action: 'document.read', path: '/dossiers/:ins/documents/:id/content', summary: 'A document’s file (TD3.2)', response: 'binary' },
  updateDocument: { method: 'PATCH', action: 'document.set-visibility', path: '/dossiers/:ins/documents/:id', summary: 'Mask, visibility flags, archive (TD3.3a/b/d)', body: DocumentPatchSchema, response: DocumentSchema },
  deleteDocument: { method: 'DELETE', action: 'document.delete', path: '/dossiers/:ins/documents/:id', summary: 'Delete a document (TD3.3c)', response: 'none' },
  getSynthesis: { method: 'GET', action: 'synthesis.read', path: '/dossiers/:ins/synthesis', summary: 'The current VSM', response: SynthesisSchema, etag: true, noContentIsNull: true },
  listSynthesisVersions: { method: 'GET', action: 'synthesis.read', path: '/dossiers/:ins/synthesis/versions', summary: 'Every saved version of the VSM', response: SynthesisVersionListSchema },
  getSynthesisVersion: { method: 'GET', action: 'synthesis.read', path: '/dossiers/:ins/synthesis/versions/:version', summary: 'One version of the VSM', response: SynthesisSchema },
  saveSynthesis: { method: 'PUT', action: 'synthesis.write', path: '/dossiers/:ins/synthesis', summary: 'Save a new version (If-Match required once one exists); with no problem, allergy (or “none known”) or risk factor, `narrative` is required', body: SynthesisSaveSchema, response: SynthesisSchema, etag: true },
  getPrevention: { method: 'GET', action: 'document.read', path: '/dossiers/:ins/prevention', summary: 'Vaccinations and screenings, kept as their own documents beside the VSM', response: PreventionSchema, etag: true, noContentIsNull: true },
  savePrevention: { method: 'PUT', action: 'document.add', path: '/dossiers/:ins/prevention', summary: 'Save a new version of the vaccinations and screenings (If-Match required once one exists)', body: PreventionSaveSchema, response: PreventionSchema, etag: true },
  listAuthorizations: { method: 'GET', action: 'authorization.read', path: '/dossiers/:ins/authorizations', summary: 'Médecins traitants, authorized and blocked professionals', response: AuthorizationListSchema },
  changeAuthorization: { method: 'POST', action: 'authorization.manage', path: '/dossiers/:ins/authorizations', summary: 'Grant, revoke, block, unblock, designate, grant-self', body: AuthorizationChangeSchema, response: AuthorizationListSchema },
  searchProfessionals: { method: 'GET', path: '/professionals', summary: 'Directory search by name or RPPS', query: z.object({ q: z.string().check(z.maxLength(100)) }), response: ProfessionalListSchema },
  getOppositions: { method: 'GET', action: 'opposition.manage', path: '/dossiers/:ins/oppositions', summary: 'The patient’s oppositions to emergency access', response: StoredOppositionsSchema, etag: true },
  setOppositions: { method: 'PUT', action: 'opposition.manage', path: '/dossiers/:ins/oppositions', summary: 'Change the oppositions', body: OppositionsSchema, response: StoredOppositionsSchema, etag: true, ifMatchOptional: true },
  getNotificationPreferences: { method: 'GET', action: 'notification.manage', path: '/dossiers/:ins/notification-preferences', summary: 'The patient’s notification preferences', response: StoredNotificationPreferencesSchema, etag: true },
  setNotificationPreferences: { method: 'PUT', action: 'notification.manage', path: '/dossiers/:ins/notification-preferences', summary: 'Change the notification preferences', body: NotificationPreferencesSchema, response: StoredNotificationPreferencesSchema, etag: true, ifMatchOptional: true },
  listRepresentatives: { method: 'GET', action: 'representative.manage', path: '/dossiers/:ins/representatives', summary: 'Legal representatives', response: RepresentativeListSchema },
  addRepresentative: { method: 'POST', created: true, action: 'representative.manage', path: '/dossiers/:ins/representatives', summary: 'Add a legal representative', body: NewLegalRepresentativeSchema, response: LegalRepresentativeSchema, idempotencyKey: true },
  removeRepresentative: { method: 'DELETE', action: 'representative.manage', path: '/dossiers/:ins/representatives/:id', summary: 'Remove a legal representative', response: 'none' },
  listAccessLog: { method: 'GET', action: 'history.read', path: '/dossiers/:ins/access-log', summary: 'The access history, newest first', query: AccessLogQuerySchema, response: AccessLogListSchema },
  requestEmergencyAccess: { method: 'POST', created: true, action: 'document.list', path: '/dossiers/:ins/emergency-access', summary: 'Break-glass or regulation access (1 h grant)', body: EmergencyRequestSchema, response: EmergencyGrantSchema, idempotencyKey: true },
  listNotifications: { method: 'GET', path: '/notifications', summary: 'Mock only: the notification outbox', response: NotificationListSchema },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;

/** Fills `:name` parameters, each URI-encoded. */
export function routePath(path: string, params: Record<string, string | number>): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
