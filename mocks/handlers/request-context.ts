import type { AccessLogEntry, Notification } from '../../src/model/access-log.js';
import type { Actor } from '../../src/model/actor.js';
import { actorKey } from '../../src/model/actor-key.js';
import { decide } from '../../src/policy/decide.js';
import { invisibilityNoticeDate, isReleasedToPatient } from '../../src/policy/release.js';
import { isSecretConnection } from '../../src/policy/roles.js';
import type { AccessMode, Action, Decision, PolicyDocumentInput, PolicyRequest } from '../../src/policy/types.js';
import { db, type DossierRecord, type StoredGrant } from '../db/store.js';
import { hidesFromCaller } from '../privacy.js';
import { notFound, problem } from './http.js';

type NotificationEvent = Notification['event'];
type PreferenceKey = 'newDocument' | 'firstAccess' | 'emergencyAccess';

const PREFERENCE_OF: Partial<Record<NotificationEvent, PreferenceKey>> = {
  'new-document': 'newDocument',
  'first-access': 'firstAccess',
  'emergency-access': 'emergencyAccess',
};

const NOTIFICATION_TEXT: Readonly<Record<NotificationEvent, string>> = {
  'new-document': 'Un nouveau document a été ajouté à votre dossier médical partagé.',
  'first-access': 'Un professionnel de santé a accédé pour la première fois à votre dossier médical partagé.',
  'emergency-access': 'Votre dossier médical partagé a été consulté en urgence.',
  'invisible-document-pending':
    'Votre dossier médical partagé a été mis à jour. Nous vous invitons à consulter un professionnel de santé.',
  'dossier-created': 'Votre dossier médical partagé a été créé.',
};

/** The name a log line shows for an actor. */
function actorSnapshot(actor: Actor): AccessLogEntry['actor'] {
  const base = { kind: actor.kind, ...(actor.id ? { id: actor.id } : {}), name: actor.displayName ?? actor.kind };
  if (actor.kind === 'professional') {
    return {
      ...base,
      rpps: actor.rpps,
      profession: actor.profession,
      ...(actor.organisation ? { organisation: actor.organisation.name } : {}),
    };
  }
  if (actor.kind === 'administrative-staff' && actor.organisation) return { ...base, organisation: actor.organisation.name };
  return base;
}

/** The document an access-log line names. */
export interface LogTarget {
  documentId?: string;
  title?: string;
  /**
   * The documents a line about several names by their titles alone (a read of the vaccinations
   * and the screenings): kept by the server beside the line, never shown (see hiddenFromReader).
   */
  documentIds?: readonly string[];
}

/**
 * One request as the backend sees it: who asks, on which dossier, under which mode. It asks
 * `decide` and writes the request's access-log lines once (`finish`, `finishEach`).
 */
export class RequestContext {
  /** Whether this request's access-log lines are written: once per request (`finish`, `finishEach`). */
  logged = false;
  readonly mode: AccessMode;
  readonly justification: string | undefined;
  readonly secret: boolean;
  private grantId: string | undefined;
  #newDocumentNoticeWithheld = false;

  constructor(
    readonly actor: Actor,
    readonly ins: string,
    request: Request,
  ) {
    this.secret = isSecretConnection(request.headers.get('DMP-Secret') === '1', actor, db.policyDossier(ins).patientIsMinor);
    const grant = validGrant(request, actor, ins);
    this.mode = grant?.mode ?? 'normal';
    this.justification = grant?.justification;
    this.grantId = grant?.id;
    sendDueNotices(ins);
  }

  get dossier(): DossierRecord | undefined {
    return db.dossiers.get(this.ins);
  }

  get now(): string {
    return db.now().toISOString();
  }

  request(extra: Partial<PolicyRequest> = {}): PolicyRequest {
    return {
      mode: this.mode,
      ...(this.justification ? { justification: this.justification } : {}),
      secret: this.secret,
      now: this.now,
      ...extra,
    };
  }

  decide(action: Action, document?: PolicyDocumentInput, request: Partial<PolicyRequest> = {}, dossier = db.policyDossier(this.ins)): Decision {
    return decide({
      actor: this.actor,
      action,
      dossier,
      ...(document ? { document } : {}),
      request: this.request(request),
    });
  }

  /** Writes this request's access-log line and carries out the decision's notifications. */
  finish(action: Action, decision: Decision, target?: LogTarget, justification = this.justification): void {
    this.finishEach([{ action, decision }], target, justification);
  }

  /**
   * Writes one line per policy action the request carried out. A line names one action, and a
   * PATCH that masks and archives did two things, each allowed by its own decision: the history
   * shows both, as two requests would have. A step on a document of its own names it.
   */
  finishEach(
    steps: ReadonlyArray<{ action: Action; decision: Decision; target?: LogTarget }>,
    target?: LogTarget,
    justification = this.justification,
  ): void {
    if (this.logged) throw new Error(`Request on ${this.ins} logged twice (${steps.map((s) => s.action).join(', ')})`);
    this.logged = true;
    for (const step of steps) this.#record(step.action, step.decision, step.target ?? target, justification);
  }

  #record(action: Action, decision: Decision, target: LogTarget | undefined, justification: string | undefined): void {
    const mode = loggedMode(decision, this.actor, this.mode);
    const { documentIds, ...shown } = target ?? {};
    db.appendLog(this.ins, {
      id: db.nextId('log'),
      at: this.now,
      actor: actorSnapshot(this.actor),
      action,
      ...(target ? { target: shown } : {}),
      mode,
      ...(mode !== 'normal' && justification ? { justification } : {}),
      outcome: decision.allowed ? 'allowed' : 'denied',
      reason: decision.reason,
      secret: this.secret,
    }, documentIds);
    // A first access to the content (decisions about content carry a mode): an existence test is none.
    if (decision.allowed && decision.mode && this.actor.kind === 'professional') this.noticeFirstAccess(this.actor.rpps);
    if (decision.allowed && decision.obligations.includes('notify-patient')) {
      // A new version is a new document to the patient: logged as the replacement, told as an add.
      if (action === 'document.add' || action === 'document.replace') {
        if (!this.#newDocumentNoticeWithheld) this.notify('new-document');
      }
      else if (mode !== 'normal' && !this.grantId) this.notify('emergency-access');
    }
  }

  /** Whether the request came under an emergency grant still valid. */
  get underGrant(): boolean {
    return this.grantId !== undefined;
  }

  /** Keeps this request's added document out of the immediate "new document" notification. */
  withholdNewDocumentNotice(): void {
    this.#newDocumentNoticeWithheld = true;
  }

  /** Logs a denied request and answers with its refusal. */
  deny(action: Action, decision: Decision, target?: LogTarget) {
    this.finish(action, decision, target);
    return refusal(decision, this.actor);
  }

  notify(event: NotificationEvent): void {
    notifyPatient(this.ins, event);
  }

  /**
   * Tells the patient of a professional's first access. Under connexion secrète nothing is
   * announced (the minor's notices may reach the parents), and the first access outside it is.
   */
  noticeFirstAccess(rpps: string): void {
    const dossier = this.dossier;
    if (!dossier || this.secret || dossier.seenRpps.has(rpps)) return;
    dossier.seenRpps.add(rpps);
    this.notify('first-access');
  }

}

/**
 * The mode a history line names: a decision about content, the mode it ran under; any other a
 * professional asked, the mode of their grant (`grantMode`, normal without one).
 */
export function loggedMode(decision: Decision, actor: Actor, grantMode: AccessMode): AccessMode {
  return decision.mode ?? (actor.kind === 'professional' ? grantMode : 'normal');
}

/**
 * The emergency grant `request` carries (`DMP-Access-Grant`), if it is valid: given to `actor`,
 * for `ins`, not expired by the mock's clock. Reads the grant store only.
 */
export function validGrant(request: Request, actor: Actor, ins: string): StoredGrant | undefined {
  const grant = db.grants.get(request.headers.get('DMP-Access-Grant') ?? '');
  const valid = grant !== undefined && grant.ins === ins && grant.actorKey === actorKey(actor) && Date.parse(grant.expiresAt) > db.now().getTime();
  return valid ? grant : undefined;
}

/** Sends the patient's side a notice of `event`, on each channel their preferences chose for it. */
function notifyPatient(ins: string, event: NotificationEvent): void {
  const dossier = db.dossiers.get(ins);
  if (!dossier) return;
  const key = PREFERENCE_OF[event];
  const prefs = dossier.notificationPreferences;
  const channels = key ? prefs[key] : { email: Boolean(prefs.email), sms: Boolean(prefs.phone) };
  const chosen: Array<Notification['channel']> = [];
  if (channels.email) chosen.push('email');
  if (channels.sms) chosen.push('sms');
  const at = db.now().toISOString();
  for (const channel of chosen.length > 0 ? chosen : (['none'] as const)) {
    db.notifications.push({ id: db.nextId('notif'), at, ins, channel, event, text: NOTIFICATION_TEXT[event] });
  }
}

/**
 * The two-week notice of INVISIBLE_PATIENT, on the mock's clock. The mock runs no timer: notices
 * fall due when a request is about the dossier and when its patient's side reads the outbox, so
 * none is missed by those who could see it.
 */
export function sendDueNotices(ins: string): void {
  const dossier = db.dossiers.get(ins);
  if (!dossier) return;
  const now = db.now();
  for (const doc of db.documentsOf(ins)) {
    // A secret kept from the representatives is announced to no one; an older version, by its newer one.
    if (!doc.invisibleToPatient || doc.invisibleToLegalRepresentatives || doc.status !== 'current' || dossier.noticedDocuments.has(doc.id)) continue;
    if (isReleasedToPatient(doc.submittedAt, now.toISOString())) continue;
    if (invisibilityNoticeDate(doc.submittedAt).getTime() <= now.getTime()) {
      dossier.noticedDocuments.add(doc.id);
      notifyPatient(ins, 'invisible-document-pending');
    }
  }
}

/**
 * A 403 carrying the policy's reason; 404 for a missing dossier, and for what is hidden from the
 * patient's side (`hidesFromCaller`); 400 for a malformed request.
 */
export function refusal(decision: Decision, actor?: Actor): Response {
  if (decision.reason === 'no-dossier') return problem(404, 'Aucun dossier n’existe pour cet INS.', { reason: decision.reason });
  if (hidesFromCaller(decision, actor)) return notFound();
  if (decision.reason === 'invalid-request') return problem(400, 'Requête refusée par la politique d’accès.', { reason: decision.reason });
  return problem(403, `Accès refusé : ${decision.reason}.`, { reason: decision.reason });
}
