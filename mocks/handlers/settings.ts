import type * as z from 'zod/mini';
import type { Actor } from '../../src/model/actor.js';
import { AccessLogQuerySchema, type AccessLogEntry } from '../../src/model/access-log.js';
import { AuthorizationChangeSchema, type Authorization } from '../../src/model/authorization.js';
import {
  EmergencyRequestSchema,
  NewLegalRepresentativeSchema,
  NotificationPreferencesSchema,
  OppositionsSchema,
  type EmergencyGrant,
  type LegalRepresentative,
} from '../../src/model/dossier.js';
import { db, type DatedRpps, type DossierRecord } from '../db/store.js';
import { fold, policyDocumentOf } from '../../src/model/document.js';
import { ROUTES } from '../../src/model/routes.js';
import { ifMatchHolds, json, problem } from './http.js';
import { withinPeriod } from './period.js';
import { actorKey } from '../../src/model/actor-key.js';
import { EMERGENCY_GRANT_DURATION_MS } from '../../src/policy/emergency-grant.js';
import { mayBeTreatingPhysician } from '../../src/policy/roles.js';
import { mayRepresent } from '../../src/model/relationships.js';
import { representationRefusal } from '../representation.js';
import { hiddenFromReader, keptSecretFrom } from '../privacy.js';
import { idempotentRequest } from './idempotency.js';
import { refusal } from './request-context.js';
import { readBody, readQuery, type Resolver } from './route.js';

const DEFAULT_LOG_LIMIT = 50;

/** The dossier's authorizations as `reader` may know them: a consent given in secret is kept from the representatives. */
function authorizationsOf(record: DossierRecord, reader: Actor): Authorization[] {
  const rows: Authorization[] = [];
  const push = (entries: DatedRpps[], status: Authorization['status']) => {
    for (const { rpps, since } of entries.filter((entry) => !keptSecretFrom(entry, reader))) {
      const professional = db.professionalByRpps(rpps);
      if (professional) rows.push({ professional, status, since });
    }
  };
  push(record.treatingPhysicians, 'treating-physician');
  push(record.authorized, 'authorized');
  push(record.blocked, 'blocked');
  return rows;
}

export const listAuthorizations: Resolver = ({ ctx }) => {
  const decision = ctx.decide('authorization.read');
  if (!decision.allowed) return ctx.deny('authorization.read', decision);
  ctx.finish('authorization.read', decision);
  return json({ items: authorizationsOf(ctx.dossier!, ctx.actor) });
};

export const changeAuthorization: Resolver = async ({ request, ctx }) => {
  const body = await readBody(request, AuthorizationChangeSchema);
  if (!body.ok) return body.response;
  const { change, rpps, consent } = body.value;
  const action = change === 'grant-self' ? 'authorization.grant-self' : 'authorization.manage';
  const decision = ctx.decide(action, undefined, consent === undefined ? {} : { consent });
  if (!decision.allowed) return ctx.deny(action, decision);
  if (change === 'grant-self' && ctx.actor.kind === 'professional' && ctx.actor.rpps !== rpps) {
    ctx.finish(action, { ...decision, allowed: false, reason: 'invalid-request' });
    return problem(400, 'Un professionnel ne peut déclarer le consentement que pour son propre accès.', {
      invalidParams: [{ name: 'rpps', reason: 'doit être le vôtre' }],
    });
  }
  const professional = db.professionalByRpps(rpps);
  if (!professional) {
    ctx.finish(action, { ...decision, allowed: false, reason: 'invalid-request' });
    return problem(404, 'Aucun professionnel avec ce numéro RPPS dans l’annuaire.');
  }
  if (change === 'designate-treating' && !mayBeTreatingPhysician(professional.profession)) {
    ctx.finish(action, { ...decision, allowed: false, reason: 'invalid-request' });
    return problem(400, 'Seul un médecin peut être désigné médecin traitant.', {
      invalidParams: [{ name: 'rpps', reason: 'pas un médecin' }],
    });
  }
  const record = ctx.dossier!;
  const entry = { rpps, since: ctx.now, ...(ctx.secret ? { secret: true } : {}) };
  const without = (list: Array<{ rpps: string }>) => list.filter((e) => e.rpps !== rpps);
  switch (change) {
    case 'grant':
    case 'grant-self': {
      record.blocked = without(record.blocked) as typeof record.blocked;
      const known = record.authorized.find((a) => a.rpps === rpps);
      // Declared again outside connexion secrète, a consent given in secret is a secret no more.
      if (!known) record.authorized.push(entry);
      else if (!ctx.secret) delete known.secret;
      break;
    }
    case 'revoke':
      record.authorized = without(record.authorized) as typeof record.authorized;
      break;
    case 'block':
      record.authorized = without(record.authorized) as typeof record.authorized;
      if (!record.blocked.some((b) => b.rpps === rpps)) record.blocked.push(entry);
      break;
    case 'unblock':
      record.blocked = without(record.blocked) as typeof record.blocked;
      break;
    case 'designate-treating':
      if (!record.treatingPhysicians.some((t) => t.rpps === rpps)) record.treatingPhysicians.push(entry);
      break;
    case 'undesignate-treating':
      record.treatingPhysicians = without(record.treatingPhysicians) as typeof record.treatingPhysicians;
      break;
  }
  ctx.finish(action, decision);
  if (change === 'grant-self' && decision.obligations.includes('notify-patient')) ctx.noticeFirstAccess(rpps);
  return json({ items: authorizationsOf(record, ctx.actor) });
};

export const searchProfessionals: Resolver = ({ request }) => {
  const query = readQuery(request, ROUTES.searchProfessionals.query);
  if (!query.ok) return query.response;
  const text = fold(query.value.q).trim();
  const digits = text.replace(/\s+/g, '');
  // One letter would list most of the directory: like the consent panel, search from two.
  if (text.length < 2) return json({ items: [] });
  const items = db.professionals.filter(
    (p) => p.rpps.startsWith(digits) || fold(`${p.firstName} ${p.lastName} ${p.lastName} ${p.firstName}`).includes(text),
  );
  return json({ items: items.slice(0, 20) });
};

/**
 * A patient setting's ETag, from its content (keys in a fixed order): the same choices are the
 * same version, so a write made against them undoes nothing anyone else did.
 */
function settingEtag(value: object): string {
  const text = JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
  let hash = 5381;
  for (let i = 0; i < text.length; i += 1) hash = (hash * 33 + text.charCodeAt(i)) >>> 0;
  return `"setting-${hash.toString(36)}"`;
}

/** A setting as answered: its ETag in the header, and in the body for a client that cannot read headers. */
function versioned(value: object): Response {
  const etag = settingEtag(value);
  return json({ ...value, etag }, { headers: { ETag: etag } });
}

type Setting = 'oppositions' | 'notificationPreferences';
const SETTING_ACTION = { oppositions: 'opposition.manage', notificationPreferences: 'notification.manage' } as const;

function readSetting(setting: Setting): Resolver {
  return ({ ctx }) => {
    const action = SETTING_ACTION[setting];
    const decision = ctx.decide(action);
    if (!decision.allowed) return ctx.deny(action, decision);
    ctx.finish(action, decision);
    return versioned(ctx.dossier![setting]);
  };
}

/**
 * A write of a setting. Its If-Match, when sent, must name the current version: a screen that has
 * not seen another one's change (a second tab, the patient's phone) would silently undo it. A
 * write without one is taken, as before ETags, by clients that do not keep them.
 */
function writeSetting<S extends Setting>(setting: S, schema: z.ZodMiniType<DossierRecord[S]>): Resolver {
  return async ({ request, ctx }) => {
    const body = await readBody(request, schema);
    if (!body.ok) return body.response;
    const action = SETTING_ACTION[setting];
    const decision = ctx.decide(action);
    if (!decision.allowed) return ctx.deny(action, decision);
    const record = ctx.dossier!;
    const field = request.headers.get('If-Match');
    const etag = settingEtag(record[setting]);
    if (field !== null && !ifMatchHolds(field, etag)) {
      ctx.finish(action, { ...decision, allowed: false, reason: 'invalid-request' });
      return problem(412, 'Ce réglage a été modifié entre-temps.', { current: { ...record[setting], etag }, etag });
    }
    record[setting] = body.value;
    ctx.finish(action, decision);
    return versioned(body.value);
  };
}

export const getOppositions = readSetting('oppositions');
export const setOppositions = writeSetting('oppositions', OppositionsSchema);
export const getNotificationPreferences = readSetting('notificationPreferences');
export const setNotificationPreferences = writeSetting('notificationPreferences', NotificationPreferencesSchema);

export const listRepresentatives: Resolver = ({ ctx }) => {
  const decision = ctx.decide('representative.manage');
  if (!decision.allowed) return ctx.deny('representative.manage', decision);
  ctx.finish('representative.manage', decision);
  // Those who represent the patient now, as the policy reads them: a parent of a patient come of
  // age no more.
  const representing = new Set(db.policyDossier(ctx.ins).legalRepresentativeIds);
  return json({ items: ctx.dossier!.legalRepresentatives.filter((r) => representing.has(r.id)) });
};

export const addRepresentative: Resolver = async ({ request, actor, ctx }) => {
  const body = await readBody(request, NewLegalRepresentativeSchema);
  if (!body.ok) return body.response;
  const idempotent = idempotentRequest('addRepresentative', actor, request, body.value, ({ body: added }) =>
    (ctx.dossier?.legalRepresentatives ?? []).some((r) => r.id === (added as LegalRepresentative).id),
  );
  if (idempotent.kind === 'refused') return idempotent.response;
  // A replay is judged as the request it repeats, now: the dossier closed since refuses it.
  const decision = ctx.decide('representative.manage');
  if (!decision.allowed) return ctx.deny('representative.manage', decision);
  if (idempotent.kind === 'replay') {
    // Sent again after a lost answer: the person added then, not a second one.
    ctx.finish('representative.manage', decision);
    return json(idempotent.previous.body, { status: idempotent.previous.status });
  }
  const { patientIsMinor } = db.policyDossier(ctx.ins);
  if (!mayRepresent(body.value.relationship, patientIsMinor)) {
    ctx.finish('representative.manage', { ...decision, allowed: false, reason: 'invalid-request' });
    const { detail, reason } = representationRefusal(patientIsMinor);
    return problem(400, detail, { invalidParams: [{ name: 'relationship', reason }] });
  }
  const representative = { ...body.value, id: db.nextId('rep'), since: ctx.now };
  ctx.dossier!.legalRepresentatives.push(representative);
  ctx.finish('representative.manage', decision);
  idempotent.remember({ status: 201, body: representative });
  return json(representative, { status: 201 });
};

export const removeRepresentative: Resolver = ({ params, ctx }) => {
  const decision = ctx.decide('representative.manage');
  if (!decision.allowed) return ctx.deny('representative.manage', decision);
  const record = ctx.dossier!;
  // A parent of a patient come of age represents them no more: not listed, so not found either.
  if (!(db.policyDossier(ctx.ins).legalRepresentativeIds ?? []).includes(params.id!)) {
    ctx.finish('representative.manage', { ...decision, allowed: false, reason: 'invalid-request' });
    return problem(404, 'Représentant légal introuvable.');
  }
  record.legalRepresentatives = record.legalRepresentatives.filter((r) => r.id !== params.id);
  ctx.finish('representative.manage', decision);
  return new Response(null, { status: 204 });
};

function matchesLog(entry: AccessLogEntry, q: ReturnType<typeof AccessLogQuerySchema.parse>): boolean {
  if (q.mode && entry.mode !== q.mode) return false;
  if (q.action && entry.action !== q.action) return false;
  if (!withinPeriod(entry.at, q)) return false;
  if (q.actor) {
    const who = fold(`${entry.actor.name} ${entry.actor.rpps ?? ''} ${entry.actor.organisation ?? ''}`);
    if (!who.includes(fold(q.actor))) return false;
  }
  return true;
}

export const listAccessLog: Resolver = ({ request, actor, ctx }) => {
  const query = readQuery(request, AccessLogQuerySchema);
  if (!query.ok) return query.response;
  const decision = ctx.decide('history.read');
  if (!decision.allowed) return ctx.deny('history.read', decision);
  const q = query.value;
  const all = db.logOf(ctx.ins);
  // Log ids grow with time; the cursor is the index of the last entry sent, counted from the
  // oldest, so entries appended meanwhile never shift a page.
  // Digits only: a blank cursor would read as 0, the end of the history.
  const before = q.cursor === undefined ? all.length : /^(?:0|[1-9]\d*)$/.test(q.cursor) ? Number(q.cursor) : NaN;
  if (!Number.isInteger(before) || before < 0 || before > all.length) {
    return problem(400, 'Curseur invalide.', { invalidParams: [{ name: 'cursor', reason: 'illisible' }] });
  }
  const limit = q.limit ?? DEFAULT_LOG_LIMIT;
  const items: AccessLogEntry[] = [];
  let index = before - 1;
  const readDecision = (documentId: string) => {
    const doc = db.findDocument(ctx.ins, documentId);
    return doc === undefined ? undefined : ctx.decide('document.read', policyDocumentOf(doc));
  };
  const shown = (entry: AccessLogEntry) => matchesLog(entry, q) && !hiddenFromReader(entry, actor, readDecision, db.documentsNamedBy(entry));
  for (; index >= 0 && items.length < limit; index--) {
    const entry = all[index]!;
    if (shown(entry)) items.push(entry);
  }
  const more = all.slice(0, index + 1).some(shown);
  ctx.finish('history.read', decision);
  return json({ items, ...(more ? { nextCursor: String(index + 1) } : {}) });
};

export const requestEmergencyAccess: Resolver = async ({ request, actor, ctx }) => {
  const body = await readBody(request, EmergencyRequestSchema);
  if (!body.ok) return body.response;
  const idempotent = idempotentRequest('requestEmergencyAccess', actor, request, body.value, ({ body: given }) =>
    Date.parse((given as EmergencyGrant).expiresAt) > db.now().getTime(),
  );
  if (idempotent.kind === 'refused') return idempotent.response;
  const { mode, justification } = body.value;
  // A replay is judged as the request it repeats, now: a professional blocked since the grant, or
  // a patient who has opposed since, gets the refusal, not the grant.
  const decision = ctx.decide('document.list', undefined, { mode, justification });
  if (!decision.allowed) {
    ctx.finish('document.list', decision, undefined, justification.trim() || undefined);
    return refusal(decision);
  }
  if (idempotent.kind === 'replay') {
    // Sent again after a lost answer: the grant given then, in the history as a request of its
    // own, and no second notice to the patient.
    ctx.finish('document.list', { ...decision, obligations: decision.obligations.filter((o) => o !== 'notify-patient') }, undefined, justification.trim());
    return json(idempotent.previous.body, { status: idempotent.previous.status });
  }
  if (decision.mode !== mode) {
    // Already has normal access: no emergency trace is needed (POLICY.md 7.3).
    ctx.finish('document.list', decision);
    return problem(409, 'Vous avez déjà un accès normal à ce dossier : l’accès d’urgence n’est pas nécessaire.', { reason: 'allowed' });
  }
  const grant = {
    id: db.nextId('grant'),
    mode,
    expiresAt: new Date(db.now().getTime() + EMERGENCY_GRANT_DURATION_MS).toISOString(),
  };
  db.grants.set(grant.id, { ...grant, ins: ctx.ins, actorKey: actorKey(ctx.actor), justification: justification.trim() });
  ctx.finish('document.list', decision, undefined, justification.trim());
  // A new grant is a new emergency access, even asked under an older one still valid.
  if (ctx.underGrant && decision.obligations.includes('notify-patient')) ctx.notify('emergency-access');
  idempotent.remember({ status: 201, body: grant });
  return json(grant, { status: 201 });
};
