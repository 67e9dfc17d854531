import type { AccessLogEntry, Notification } from '../../src/model/access-log.js';
import type { Actor } from '../../src/model/actor.js';
import type { DmpDocument } from '../../src/model/document.js';
import type {
  DossierStatus,
  EmergencyGrant,
  LegalRepresentative,
  NotificationPreferences,
  Oppositions,
  PolicyDossier,
} from '../../src/model/dossier.js';
import { isMinor, type PatientIdentity } from '../../src/model/patient.js';
import { NO_DOSSIER } from '../../src/model/no-dossier.js';
import { mayRepresent } from '../../src/model/relationships.js';
import type { Professional } from '../../src/model/professional.js';
import type { Prevention } from '../../src/model/prevention.js';
import type { Synthesis } from '../../src/model/synthesis.js';
import {
  ACCESS_LOG,
  ACCOUNTS_WITHOUT_DOSSIER,
  ACTORS,
  DOCUMENTS,
  PATIENTS,
  PATIENT_LARGE,
  PREVENTION_RECORDS,
  PROFESSIONALS,
  SYNTHESES,
  documentContent,
  generateLargeDossierDocuments,
} from '../data/index.js';
import { FaultRegistry } from './faults.js';

export interface DatedRpps {
  rpps: string;
  since: string;
  /** Declared under a minor's connexion secrète: kept from the legal representatives. */
  secret?: boolean;
}

export interface DossierRecord {
  patientId: string;
  identity: PatientIdentity;
  /**
   * Opened online by the patient's side: the identity's status is then what they typed (see
   * `policyDossier`). Seeded dossiers were opened with a qualified identity.
   */
  openedOnline?: boolean;
  status: Exclude<DossierStatus, 'none'>;
  createdAt: string;
  closedAt?: string | undefined;
  closeReason?: string | undefined;
  treatingPhysicians: DatedRpps[];
  authorized: DatedRpps[];
  blocked: DatedRpps[];
  oppositions: Oppositions;
  notificationPreferences: NotificationPreferences;
  legalRepresentatives: LegalRepresentative[];
  /** Professionals who already accessed: the first access of any other is notified. */
  seenRpps: Set<string>;
  /** Invisible-to-patient documents whose two-week notice was already sent. */
  noticedDocuments: Set<string>;
}

export interface StoredGrant extends EmergencyGrant {
  ins: string;
  actorKey: string;
  justification: string;
}

export interface StoredContent {
  mimeType: string;
  body: Blob | string;
}

export interface IdempotentResult {
  fingerprint: string;
  status: number;
  body: unknown;
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * The reference backend's state: in memory, seeded from mocks/data, deterministic, resettable.
 * Handlers are the only writers; tests read it to check what a request did.
 */
export class MockDb {
  readonly faults = new FaultRegistry();
  dossiers = new Map<string, DossierRecord>();
  private documents = new Map<string, DmpDocument[]>();
  contents = new Map<string, StoredContent>();
  syntheses = new Map<string, Synthesis[]>();
  prevention = new Map<string, Prevention[]>();
  private log = new Map<string, AccessLogEntry[]>();
  /** The documents each line about several names (LogTarget.documentIds), never served with it. */
  private logDocuments = new WeakMap<AccessLogEntry, readonly string[]>();
  grants = new Map<string, StoredGrant>();
  notifications: Notification[] = [];
  idempotency = new Map<string, IdempotentResult>();
  /** Dossiers created per actor id: the pharmacist's €1 acts. */
  creationActs = new Map<string, number>();
  professionals: Professional[] = [];
  actors: Actor[] = [];
  private sequence = 0;
  private fixedNow: string | undefined;

  constructor() {
    this.reset();
  }

  /** Back to the seed: every write, grant, notification and fault is forgotten. */
  reset(): void {
    this.faults.clear();
    this.professionals = clone(PROFESSIONALS);
    this.actors = clone(ACTORS);
    this.dossiers = new Map();
    this.documents = new Map();
    this.contents = new Map();
    this.syntheses = new Map();
    this.prevention = new Map();
    this.log = new Map();
    this.grants = new Map();
    this.notifications = [];
    this.idempotency = new Map();
    this.creationActs = new Map();
    this.sequence = 0;
    this.fixedNow = undefined;
    for (const patient of PATIENTS) {
      if (!patient.dossier) continue;
      const d = patient.dossier;
      this.dossiers.set(patient.identity.ins, {
        patientId: patient.id,
        identity: clone(patient.identity),
        status: d.status,
        createdAt: d.createdAt,
        closedAt: d.closedAt,
        closeReason: d.closeReason,
        treatingPhysicians: d.treatingPhysiciansRpps.map((rpps) => ({ rpps, since: d.createdAt })),
        authorized: clone(d.authorized),
        blocked: clone(d.blocked),
        oppositions: clone(d.oppositions),
        notificationPreferences: clone(d.notificationPreferences),
        legalRepresentatives: clone(d.legalRepresentatives),
        seenRpps: new Set([...d.treatingPhysiciansRpps, ...d.authorized.map((a) => a.rpps)]),
        noticedDocuments: new Set(),
      });
    }
    for (const [ins, docs] of Object.entries(DOCUMENTS)) this.documents.set(ins, clone(docs));
    for (const [ins, versions] of Object.entries(SYNTHESES)) this.syntheses.set(ins, clone(versions));
    for (const [ins, versions] of Object.entries(PREVENTION_RECORDS)) this.prevention.set(ins, clone(versions));
    for (const entry of ACCESS_LOG) this.appendLog(entry.ins, { ...clone(entry.entry) });
  }

  /** The mock's clock: real time unless a test or story fixed it. */
  now(): Date {
    return this.fixedNow ? new Date(this.fixedNow) : new Date();
  }

  setNow(iso: string | undefined): void {
    this.fixedNow = iso;
  }

  nextId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}-${this.sequence.toString(36)}-${Math.floor(this.now().getTime() / 1000).toString(36)}`;
  }

  /**
   * A dossier's documents, deleted ones included. The 10,000-document patient is generated on
   * first access so that `reset()` stays fast.
   */
  documentsOf(ins: string): DmpDocument[] {
    let docs = this.documents.get(ins);
    if (!docs) {
      docs = ins === PATIENT_LARGE.identity.ins ? generateLargeDossierDocuments() : [];
      this.documents.set(ins, docs);
    }
    return docs;
  }

  findDocument(ins: string, id: string): DmpDocument | undefined {
    return this.documentsOf(ins).find((d) => d.id === id);
  }

  contentOf(doc: DmpDocument): StoredContent {
    return this.contents.get(doc.id) ?? documentContent(doc);
  }

  logOf(ins: string): AccessLogEntry[] {
    return this.log.get(ins) ?? [];
  }

  appendLog(ins: string, entry: AccessLogEntry, documentIds?: readonly string[]): void {
    const entries = this.log.get(ins) ?? [];
    entries.push(entry);
    this.log.set(ins, entries);
    if (documentIds) this.logDocuments.set(entry, documentIds);
  }

  /** The documents a line about several names (kept by `appendLog`); undefined for any other line. */
  documentsNamedBy(entry: AccessLogEntry): readonly string[] | undefined {
    return this.logDocuments.get(entry);
  }

  professionalByRpps(rpps: string): Professional | undefined {
    return this.professionals.find((p) => p.rpps === rpps);
  }

  actorById(id: string): Actor | undefined {
    return this.actors.find((a) => a.id === id || (a.kind === 'professional' && a.rpps === id));
  }

  /**
   * The patient account an INS belongs to: its dossier's patient, the seeded account of an
   * identity without one, or else the account a creation opens for them.
   */
  patientIdOf(ins: string): string {
    return this.dossiers.get(ins)?.patientId ?? ACCOUNTS_WITHOUT_DOSSIER[ins] ?? `patient-${ins}`;
  }

  /** The dossier as `decide` reads it, in full (the server's own view). */
  policyDossier(ins: string): PolicyDossier {
    const d = this.dossiers.get(ins);
    if (!d) {
      return structuredClone(NO_DOSSIER);
    }
    const patientIsMinor = isMinor(d.identity.traits.birthDate, this.now().toISOString().slice(0, 10));
    return {
      status: d.status,
      patientId: d.patientId,
      patientIsMinor,
      // A parent no longer represents a patient come of age.
      legalRepresentativeIds: d.legalRepresentatives.filter((r) => mayRepresent(r.relationship, patientIsMinor)).map((r) => r.id),
      treatingPhysiciansRpps: d.treatingPhysicians.map((t) => t.rpps),
      authorizedRpps: d.authorized.map((a) => a.rpps),
      blockedRpps: d.blocked.map((b) => b.rpps),
      oppositions: { ...d.oppositions },
      // Only a qualified INS may reference health data (DOMAIN.md): a professional or the caisse
      // opened the dossier on one. The patient's side, online, gives the status of an identity
      // they typed, checked by no one (provisional); held against the dossier, it would refuse
      // every professional's write for good, so it judges nothing after the creation.
      ...(d.openedOnline ? {} : { insStatus: d.identity.insStatus }),
    };
  }
}

/** The one store the handlers of this page (or this Node process) share. */
export const db = new MockDb();
