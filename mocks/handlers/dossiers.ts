import type { Actor } from '../../src/model/actor.js';
import {
  DossierCloseSchema,
  DossierCreateBodySchema,
  DossierReactivateSchema,
  type DossierInfo,
  type PolicyDossier,
} from '../../src/model/dossier.js';
import { isMinor } from '../../src/model/patient.js';
import { NO_DOSSIER } from '../../src/model/no-dossier.js';
import { mayRepresent } from '../../src/model/relationships.js';
import { representationRefusal } from '../representation.js';
import { db, type DatedRpps } from '../db/store.js';
import { keptSecretFrom } from '../privacy.js';
import { json, problem } from './http.js';
import { decide } from '../../src/policy/decide.js';
import { idempotentRequest } from './idempotency.js';
import { RequestContext } from './request-context.js';
import { INVALID } from '../document-acts.js';
import { readBody, type Resolver } from './route.js';

/** Whether the caller is this dossier's patient or one of their representatives (the policy's linkage). */
export function isOwnSide(actor: Actor, full: PolicyDossier): boolean {
  return (actor.kind === 'patient' || actor.kind === 'legal-representative') && decide({ actor, action: 'dossier.read', dossier: full }).allowed;
}

/**
 * The policy view a caller receives: the patient's side of this dossier sees everything but a
 * consent given under connexion secrète, kept from the representatives; anyone else only whether
 * they themselves are treating, authorized or blocked (TD0.2 answers for the caller).
 */
function scopedPolicy(actor: Actor, full: PolicyDossier, authorized: readonly DatedRpps[] = []): PolicyDossier {
  if (isOwnSide(actor, full)) {
    const secret = new Set(authorized.filter((entry) => keptSecretFrom(entry, actor)).map((entry) => entry.rpps));
    return { ...full, authorizedRpps: full.authorizedRpps.filter((rpps) => !secret.has(rpps)) };
  }
  const own = (list: string[]) => (actor.kind === 'professional' ? list.filter((rpps) => rpps === actor.rpps) : []);
  const { legalRepresentativeIds: _hidden, ...rest } = full;
  return {
    ...rest,
    treatingPhysiciansRpps: own(full.treatingPhysiciansRpps),
    authorizedRpps: own(full.authorizedRpps),
    blockedRpps: own(full.blockedRpps),
  };
}

/**
 * Of a closed dossier, what anyone but its patient's side is told: its status only (DOMAIN.md),
 * over the values of no dossier. The policy wants a patient on a dossier that exists: this one
 * names none, and links no caller to it.
 */
const CLOSED_TO_OTHERS: Readonly<PolicyDossier> = { ...NO_DOSSIER, status: 'closed', patientId: '' };

export function dossierInfo(actor: Actor, ins: string): DossierInfo {
  const record = db.dossiers.get(ins);
  const full = db.policyDossier(ins);
  if (!record) return { ins, status: 'none', policy: scopedPolicy(actor, full) };
  const closed = record.status === 'closed';
  // Of a closed dossier, anyone but its patient's side learns the status only (DOMAIN.md).
  const told = !closed || isOwnSide(actor, full);
  return {
    ins,
    status: record.status,
    ...(told ? { createdAt: record.createdAt } : {}),
    ...(told && closed && record.closedAt ? { closedAt: record.closedAt } : {}),
    ...(told && closed && record.closeReason ? { closeReason: record.closeReason } : {}),
    policy: told ? scopedPolicy(actor, full, record.authorized) : structuredClone(CLOSED_TO_OTHERS),
  };
}

export const getDossier: Resolver = ({ actor, ctx }) => {
  const decision = ctx.decide('dossier.read');
  // The existence test answers "no dossier" as a fact, not an error; it is still logged.
  if (!decision.allowed && decision.reason !== 'no-dossier') return ctx.deny('dossier.read', decision);
  ctx.finish('dossier.read', decision);
  return json(dossierInfo(actor, ctx.ins));
};

function temporaryPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}


export const createDossier: Resolver = async ({ request, actor }) => {
  let raw: unknown;
  try {
    raw = await request.clone().json();
  } catch {
    raw = undefined;
  }
  // Refused before the policy is asked, and still an access attempt: it goes in the history of
  // the dossier the body names. A body naming no INS has no history to go in, as a request on no
  // dossier has none in `route`.
  const refused = (response: Response): Response => {
    const ins = DossierCreateBodySchema.shape.ins.safeParse((raw as { ins?: unknown } | null | undefined)?.ins);
    if (ins.success) new RequestContext(actor, ins.data, request).finish('dossier.create', INVALID);
    return response;
  };
  const idempotent = idempotentRequest('createDossier', actor, request, raw);
  if (idempotent.kind === 'refused') return refused(idempotent.response);
  const body = await readBody(request, DossierCreateBodySchema);
  if (!body.ok) return refused(body.response);
  const input = body.value;
  const today = db.now().toISOString().slice(0, 10);
  const minor = isMinor(input.traits.birthDate, today);
  if (minor && !input.legalRepresentative && input.channel !== 'online') {
    return refused(
      problem(400, 'L’identité du représentant légal est requise pour un mineur.', {
        invalidParams: [{ name: 'legalRepresentative', reason: 'requis pour un mineur' }],
      }),
    );
  }
  const relationship = input.legalRepresentative?.relationship;
  if (relationship && !mayRepresent(relationship, minor)) {
    const { detail, reason } = representationRefusal(minor);
    return refused(
      problem(400, detail, {
        invalidParams: [{ name: 'legalRepresentative.relationship', reason }],
      }),
    );
  }
  const ctx = new RequestContext(actor, input.ins, request);
  // A replay is judged as the request it repeats, now, on the dossier that request found: none,
  // the one it created aside (judged as it is, it would be `dossier-exists`).
  const existing = idempotent.kind === 'replay' ? NO_DOSSIER : db.policyDossier(input.ins);
  const patientId = db.patientIdOf(input.ins);
  // A dossier not created yet is judged on the identity being submitted, and as its person's: the
  // patient's side opens no one else's.
  const judged = existing.status === 'none' ? { ...existing, patientId, patientIsMinor: minor, insStatus: input.insStatus } : existing;
  const decision = ctx.decide('dossier.create', undefined, { channel: input.channel, consent: input.consent }, judged);
  if (decision.reason === 'dossier-exists') {
    ctx.finish('dossier.create', decision);
    return problem(409, 'Un dossier existe déjà pour cet INS.', { reason: 'dossier-exists', current: { ins: input.ins, status: existing.status } });
  }
  if (!decision.allowed) return ctx.deny('dossier.create', decision);
  if (idempotent.kind === 'replay') {
    // Sent again after a lost answer: the dossier created then, in the history as a request of
    // its own; it creates nothing, so it counts no act.
    ctx.finish('dossier.create', decision);
    return json(idempotent.previous.body, { status: idempotent.previous.status });
  }
  const now = ctx.now;
  db.dossiers.set(input.ins, {
    patientId,
    identity: { ins: input.ins, insStatus: input.insStatus, traits: input.traits },
    ...(input.channel === 'online' ? { openedOnline: true } : {}),
    status: 'active',
    createdAt: now,
    treatingPhysicians: [],
    authorized: actor.kind === 'professional' ? [{ rpps: actor.rpps, since: now }] : [],
    blocked: [],
    oppositions: input.oppositions ?? { breakGlass: false, regulation: false },
    notificationPreferences: {
      ...(input.contact?.email ? { email: input.contact.email } : {}),
      ...(input.contact?.phone ? { phone: input.contact.phone } : {}),
      newDocument: { email: Boolean(input.contact?.email), sms: Boolean(input.contact?.phone) },
      firstAccess: { email: Boolean(input.contact?.email), sms: Boolean(input.contact?.phone) },
      emergencyAccess: { email: Boolean(input.contact?.email), sms: Boolean(input.contact?.phone) },
    },
    legalRepresentatives: input.legalRepresentative
      ? [{ ...input.legalRepresentative, id: db.nextId('rep'), since: now }]
      : [],
    seenRpps: new Set(actor.kind === 'professional' ? [actor.rpps] : []),
    noticedDocuments: new Set(),
  });
  if (actor.id) db.creationActs.set(actor.id, (db.creationActs.get(actor.id) ?? 0) + 1);
  if (actor.kind !== 'patient') db.actors.push({ kind: 'patient', id: patientId, displayName: `${input.traits.firstNames.split(' ')[0]} ${input.traits.birthName}` });
  ctx.finish('dossier.create', decision);
  ctx.notify('dossier-created');
  const result = {
    dossier: dossierInfo(actor, input.ins),
    credentials: { identifier: `${input.traits.birthName.toLowerCase().replace(/[^a-z]/g, '')}.${input.ins.slice(-6)}`, temporaryPassword: temporaryPassword() },
  };
  idempotent.remember({ status: 201, body: result });
  return json(result, { status: 201 });
};

export const closeDossier: Resolver = async ({ request, actor, ctx }) => {
  const body = await readBody(request, DossierCloseSchema);
  if (!body.ok) return body.response;
  const decision = ctx.decide('dossier.close');
  if (!decision.allowed) return ctx.deny('dossier.close', decision);
  const record = ctx.dossier!;
  record.status = 'closed';
  record.closedAt = ctx.now;
  record.closeReason = body.value.reason;
  ctx.finish('dossier.close', decision);
  return json(dossierInfo(actor, ctx.ins));
};

export const reactivateDossier: Resolver = async ({ request, actor, ctx }) => {
  const body = await readBody(request, DossierReactivateSchema);
  if (!body.ok) return body.response;
  const decision = ctx.decide('dossier.reactivate', undefined, body.value.consent === undefined ? {} : { consent: body.value.consent });
  if (!decision.allowed) return ctx.deny('dossier.reactivate', decision);
  const record = ctx.dossier!;
  record.status = 'active';
  record.closedAt = undefined;
  record.closeReason = undefined;
  ctx.finish('dossier.reactivate', decision);
  return json(dossierInfo(actor, ctx.ins));
};
