import { CATEGORIES, PROFILE_TYPE_CODE, type Category } from '../../src/model/category.js';
import { CLASS_CODE_OF_TYPE, categoryOf, isDepositedByPatient, isSentAsFile } from '../../src/model/document-types.js';
import {
  DocumentPatchSchema,
  DocumentQuerySchema,
  MAX_DOCUMENT_BYTES,
  MIME_TYPES,
  NewDocumentSchema,
  confidentialityOf,
  fold,
  keywordMatcher,
  policyDocumentOf,
  type DmpDocument,
  type DocumentPatch,
  type DocumentQuery,
} from '../../src/model/document.js';
import type { Actor } from '../../src/model/actor.js';
import { isToldOfHiddenDocuments } from '../../src/policy/roles.js';
import type { Action, Decision } from '../../src/policy/types.js';
import { documentAuthorOf } from './author.js';
import { db } from '../db/store.js';
import { ANY_DOCUMENT, INVALID, judgeEach } from '../document-acts.js';
import { keptAsCurrent, newVersionVisibility } from '../privacy.js';
import { invalidParams, json, notFound, problem } from './http.js';
import { withinPeriod } from './period.js';
import type { RequestContext } from './request-context.js';
import { idempotentRequest } from './idempotency.js';
import { readBody, readQuery, type Resolver } from './route.js';

const DEFAULT_LIMIT = 50;
const VSM_BY_ITS_ROUTE = 'Le volet de synthèse médicale se remplace par PUT /dossiers/{ins}/synthesis, pas comme un fichier.';

/** Whether a document fits the search's filters; the keyword apart (see `keywordMatcher`). */
function matchesFilters(doc: DmpDocument, q: DocumentQuery): boolean {
  if (q.category && doc.category !== q.category) return false;
  if (q.authorProfession && doc.author.profession !== q.authorProfession) return false;
  if (!withinPeriod(doc.serviceStart, q)) return false;
  if (q.status === 'current' && doc.status !== 'current') return false;
  return true;
}

/**
 * What the policy hid from the caller, by reason, over the whole dossier: a count that followed a
 * search's filters (dates, category, author's profession, words) would let a professional probe
 * the date, kind and author of a document masked from them, which is what masking keeps from them
 * (DOMAIN.md: "without seeing anything about the hidden documents themselves").
 */
class HiddenCounts {
  readonly #counts: Record<string, number> = {};
  readonly #told: boolean;

  constructor(actor: Actor) {
    this.#told = isToldOfHiddenDocuments(actor);
  }

  add(decision: Decision): void {
    this.#counts[decision.reason] = (this.#counts[decision.reason] ?? 0) + 1;
  }

  /** `{ hidden }` for the response, when the caller is told and something was hidden. */
  told(): { hidden?: Record<string, number> } {
    return this.#told && Object.keys(this.#counts).length > 0 ? { hidden: this.#counts } : {};
  }
}

type SortKey = [string, string];
function sortKey(doc: DmpDocument, sort: NonNullable<DocumentQuery['sort']>): SortKey {
  return sort.startsWith('title') ? [fold(doc.title), doc.id] : [doc.serviceStart, doc.id];
}
function compareKeys(a: SortKey, b: SortKey): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/** Keyset cursors: the sort key of the last item sent, so inserts never shift a page. */
function encodeCursor(key: SortKey): string {
  return btoa(encodeURIComponent(JSON.stringify(key)));
}
function decodeCursor(cursor: string): SortKey | undefined {
  try {
    const key: unknown = JSON.parse(decodeURIComponent(atob(cursor)));
    return Array.isArray(key) && key.length === 2 && key.every((k) => typeof k === 'string') ? (key as SortKey) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A document as the caller may know it. The version replacing it hidden from them, they are not
 * given its id; and to the patient's side, the last version they can read may be the current one
 * (`keptAsCurrent`).
 */
function asSeen(ctx: RequestContext, doc: DmpDocument): DmpDocument {
  const next = doc.status === 'replaced' && doc.replacedBy ? db.findDocument(ctx.ins, doc.replacedBy) : undefined;
  if (!next || next.status === 'deleted') return doc;
  const decision = ctx.decide('document.read', policyDocumentOf(next));
  if (decision.allowed) return doc;
  const { replacedBy: _hidden, ...seen } = doc;
  return keptAsCurrent(decision, ctx.actor, doc) && asSeen(ctx, next).status !== 'replaced' ? { ...seen, status: 'current' } : seen;
}

export const listDocuments: Resolver = ({ request, actor, ctx }) => {
  const query = readQuery(request, DocumentQuerySchema);
  if (!query.ok) return query.response;
  const q = query.value;
  const gate = ctx.decide('document.list');
  if (!gate.allowed) return ctx.deny('document.list', gate);
  const sort = q.sort ?? 'date-desc';
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  if (q.cursor && !after) return problem(400, 'Curseur invalide.', { invalidParams: [{ name: 'cursor', reason: 'illisible' }] });
  const hidden = new HiddenCounts(actor);
  const visible: Array<{ doc: DmpDocument; key: SortKey }> = [];
  const matches = keywordMatcher(q.q);
  for (const stored of db.documentsOf(ctx.ins)) {
    if (stored.status === 'deleted') continue;
    const decision = ctx.decide('document.read', policyDocumentOf(stored));
    if (!decision.allowed) {
      hidden.add(decision);
      continue;
    }
    const doc = asSeen(ctx, stored);
    if (matchesFilters(doc, q) && (!matches || matches(doc))) visible.push({ doc, key: sortKey(doc, sort) });
  }
  const direction = sort.endsWith('desc') ? -1 : 1;
  visible.sort((a, b) => direction * compareKeys(a.key, b.key));
  const start = after ? visible.findIndex((v) => direction * compareKeys(v.key, after) > 0) : 0;
  const limit = q.limit ?? DEFAULT_LIMIT;
  const page = start < 0 ? [] : visible.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start >= 0 && start + limit < visible.length;
  ctx.finish('document.list', gate);
  return json({
    items: page.map((v) => v.doc),
    total: visible.length,
    ...(more && last ? { nextCursor: encodeCursor(last.key) } : {}),
    ...hidden.told(),
  });
};

export const latestDocuments: Resolver = ({ actor, ctx }) => {
  const gate = ctx.decide('document.list');
  if (!gate.allowed) return ctx.deny('document.list', gate);
  const newest = new Map<Category, DmpDocument>();
  const hidden = new HiddenCounts(actor);
  for (const stored of db.documentsOf(ctx.ins)) {
    if (stored.status === 'deleted') continue;
    const decision = ctx.decide('document.read', policyDocumentOf(stored));
    if (!decision.allowed) {
      hidden.add(decision);
      continue;
    }
    const doc = asSeen(ctx, stored);
    if (doc.status === 'current') {
      const best = newest.get(doc.category);
      if (!best || compareKeys(sortKey(doc, 'date-desc'), sortKey(best, 'date-desc')) > 0) newest.set(doc.category, doc);
    }
  }
  ctx.finish('document.list', gate);
  return json({
    categories: CATEGORIES.map((category) => {
      const document = newest.get(category);
      return { category, ...(document ? { document } : {}) };
    }),
    ...hidden.told(),
  });
};

/**
 * Finds a live document and checks `judged` on it; a response when the dossier, the document or
 * that check fails. The dossier's refusal and a missing document are logged under `action`, the
 * one the request asks for.
 */
function guardedDocument(
  ctx: RequestContext,
  id: string,
  action: Action,
  judged: Action = action,
  /** The action a refusal of `judged` is logged under: the request's own, when it asks for another. */
  logged: Action = judged,
): { doc: DmpDocument; decision: Decision } | Response {
  const gate = ctx.decide('document.list');
  if (!gate.allowed) return ctx.deny(action, ctx.decide(action, ANY_DOCUMENT), { documentId: id });
  const doc = db.findDocument(ctx.ins, id);
  if (!doc || doc.status === 'deleted') {
    ctx.finish(action, { ...gate, allowed: false, reason: 'invalid-request' }, { documentId: id });
    return notFound();
  }
  const decision = ctx.decide(judged, policyDocumentOf(doc));
  if (!decision.allowed) return ctx.deny(logged, decision, { documentId: id });
  return { doc, decision };
}

export const getDocument: Resolver = ({ params, ctx }) => {
  const found = guardedDocument(ctx, params.id ?? '', 'document.read');
  if (found instanceof Response) return found;
  ctx.finish('document.read', found.decision, { documentId: found.doc.id, title: found.doc.title });
  return json(asSeen(ctx, found.doc));
};

export const getDocumentContent: Resolver = ({ params, ctx }) => {
  const found = guardedDocument(ctx, params.id ?? '', 'document.read');
  if (found instanceof Response) return found;
  ctx.finish('document.read', found.decision, { documentId: found.doc.id, title: found.doc.title });
  const content = db.contentOf(found.doc);
  return new Response(content.body, { status: 200, headers: { 'Content-Type': content.mimeType } });
};

/**
 * The policy action each field of a PATCH asks for, as asked: masking an already masked document
 * is still the patient's act to judge and to log. Never empty: the schema refuses an empty patch.
 */
function patchActions(patch: DocumentPatch): [Action, ...Action[]] {
  const actions: Action[] = [];
  if (patch.masked !== undefined) actions.push(patch.masked ? 'document.mask' : 'document.unmask');
  if (patch.invisibleToPatient !== undefined || patch.invisibleToLegalRepresentatives !== undefined) actions.push('document.set-visibility');
  if (patch.status === 'archived') actions.push('document.archive');
  return actions as [Action, ...Action[]];
}

export const updateDocument: Resolver = async ({ request, params, ctx }) => {
  const body = await readBody(request, DocumentPatchSchema);
  if (!body.ok) return body.response;
  const patch = body.value;
  const actions = patchActions(patch);
  // Masking is not judged on the document (POLICY.md step 8): reading it is, so that no one acts
  // on a document hidden from them.
  const read = guardedDocument(ctx, params.id ?? '', actions[0], 'document.read', actions[0]);
  if (read instanceof Response) return read;
  const { doc } = read;
  const target = { documentId: doc.id, title: doc.title };
  // A replaced version stays in its chain: only the current one (or one archived already) is
  // archived, as on the FHIR gateway.
  if (patch.status === 'archived' && doc.status === 'replaced') {
    ctx.finish('document.archive', { ...read.decision, allowed: false, reason: 'invalid-request' }, target);
    return problem(400, 'Seule la version en vigueur d’un document s’archive.', { invalidParams: [{ name: 'status', reason: 'version remplacée' }] });
  }
  const judged = judgeEach(actions, (action) => ctx.decide(action, policyDocumentOf(doc)));
  if ('refused' in judged) return ctx.deny(judged.refused.action, judged.refused.decision, target);
  if (patch.masked !== undefined) doc.masked = patch.masked;
  if (patch.invisibleToPatient !== undefined) doc.invisibleToPatient = patch.invisibleToPatient;
  if (patch.invisibleToLegalRepresentatives !== undefined) doc.invisibleToLegalRepresentatives = patch.invisibleToLegalRepresentatives;
  if (patch.status) doc.status = patch.status;
  doc.confidentiality = confidentialityOf(doc);
  ctx.finishEach(judged.allowed, target);
  return json(asSeen(ctx, doc));
};

export const deleteDocument: Resolver = ({ params, ctx }) => {
  const found = guardedDocument(ctx, params.id ?? '', 'document.delete');
  if (found instanceof Response) return found;
  found.doc.status = 'deleted';
  ctx.finish('document.delete', found.decision, { documentId: found.doc.id, title: found.doc.title });
  return new Response(null, { status: 204 });
};

export const addDocument: Resolver = async ({ request, actor, ctx }) => {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return problem(400, 'Le corps doit être en multipart/form-data (metadata + file).');
  }
  const file = form.get('file');
  const metadataText = form.get('metadata');
  if (!(file instanceof Blob) || typeof metadataText !== 'string') {
    return problem(400, 'Les champs « metadata » et « file » sont requis.', {
      invalidParams: [{ name: file instanceof Blob ? 'metadata' : 'file', reason: 'requis' }],
    });
  }
  let metadataRaw: unknown;
  try {
    metadataRaw = JSON.parse(metadataText);
  } catch {
    return problem(400, 'Le champ « metadata » n’est pas du JSON valide.');
  }
  const parsed = NewDocumentSchema.safeParse(metadataRaw);
  if (!parsed.success) return problem(400, 'Métadonnées invalides.', { invalidParams: invalidParams(parsed.error.issues) });
  const meta = parsed.data;
  const classCode = CLASS_CODE_OF_TYPE[meta.typeCode];
  if (!classCode) return problem(400, 'Type de document inconnu.', { invalidParams: [{ name: 'typeCode', reason: 'inconnu' }] });
  if (file.size > MAX_DOCUMENT_BYTES) return problem(413, 'Le fichier dépasse 20 Mo.');
  const mimeType = file.type || 'application/octet-stream';
  if (!(MIME_TYPES as readonly string[]).includes(mimeType)) return problem(415, 'Formats acceptés : PDF, JPEG, PNG, CDA (XML), texte.');
  // What makes two uploads the same one: the metadata as sent, and the file's bytes.
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  const sent = { metadata: metadataRaw, file: { type: mimeType, size: file.size, sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') } };
  // Optional here, unlike the creations': a gateway of another make, or a script, may send none.
  const idempotent = request.headers.has('Idempotency-Key')
    ? idempotentRequest('addDocument', actor, request, sent, ({ body }) => db.findDocument(ctx.ins, (body as DmpDocument).id)?.status !== 'deleted')
    : undefined;
  if (idempotent?.kind === 'refused') return idempotent.response;
  const category = categoryOf(classCode, meta.typeCode);
  const author = documentAuthorOf(actor);
  const replaced = meta.replaces ? db.findDocument(ctx.ins, meta.replaces) : undefined;
  if (meta.replaces && (!replaced || replaced.status === 'deleted')) {
    ctx.finish('document.replace', INVALID, { documentId: meta.replaces });
    return notFound();
  }
  const flags = {
    masked: false,
    invisibleToPatient: meta.invisibleToPatient ?? false,
    invisibleToLegalRepresentatives: (meta.invisibleToLegalRepresentatives ?? false) || ctx.secret,
  };
  const now = ctx.now;
  // The new version as it will be stored: what kept its previous version from someone keeps it,
  // and the policy tells whether the patient hears of it now (`notify-patient`).
  const stored = newVersionVisibility(replaced, flags, now);
  const draft = {
    category,
    typeCode: meta.typeCode,
    ...(actor.kind === 'professional' ? { authorRpps: actor.rpps } : {}),
    ...stored,
    submittedAt: now,
  };
  // A refused document meant to be kept from the patient's side leaves its title out of the
  // history that side reads.
  const attempted = stored.invisibleToPatient || stored.invisibleToLegalRepresentatives ? undefined : { title: meta.title };
  const decision = ctx.decide('document.add', draft);
  if (!decision.allowed) return ctx.deny('document.add', decision, attempted);
  // Flags sent with the upload are set by the caller: the flags are the authoring professional's.
  if (meta.invisibleToPatient || meta.invisibleToLegalRepresentatives) {
    const flagging = ctx.decide('document.set-visibility', { ...draft, masked: false, invisibleToPatient: false, invisibleToLegalRepresentatives: false });
    if (!flagging.allowed) return ctx.deny('document.set-visibility', flagging, attempted);
  }
  if (idempotent?.kind === 'replay') {
    // Sent again after a lost answer: the document added then, as it is now, not a second copy,
    // in the history as a request of its own; the patient was told of it once.
    const added = db.findDocument(ctx.ins, (idempotent.previous.body as DmpDocument).id)!;
    ctx.withholdNewDocumentNotice();
    ctx.finish(added.replaces ? 'document.replace' : 'document.add', decision, { documentId: added.id, title: added.title });
    return json(added, { status: idempotent.previous.status });
  }
  // One declaration of the patient's information is current at a time: a first one sent while
  // another is current (two representatives declaring at once) is refused, to be replaced knowingly.
  if (!replaced && meta.typeCode === PROFILE_TYPE_CODE && db.documentsOf(ctx.ins).some((d) => d.typeCode === PROFILE_TYPE_CODE && d.status === 'current')) {
    ctx.finish('document.add', { ...decision, allowed: false, reason: 'invalid-request' }, attempted);
    return problem(409, 'Une déclaration du patient est déjà la version courante : remplacez-la.');
  }
  if (replaced) {
    // Judged before its status: a version hidden from the caller is not found, current or not.
    const replaceDecision = ctx.decide('document.replace', policyDocumentOf(replaced));
    if (!replaceDecision.allowed) return ctx.deny('document.replace', replaceDecision, { documentId: replaced.id, title: replaced.title });
    // Told only to whom may replace it: that a version is the VSM says it exists.
    if (!isSentAsFile(replaced.typeCode)) {
      ctx.finish('document.replace', { ...replaceDecision, allowed: false, reason: 'invalid-request' }, { documentId: replaced.id, title: replaced.title });
      return problem(400, VSM_BY_ITS_ROUTE, { invalidParams: [{ name: 'replaces', reason: 'se remplace par PUT /synthesis' }] });
    }
    if (replaced.status !== 'current') {
      ctx.finish('document.replace', { ...replaceDecision, allowed: false, reason: 'invalid-request' }, { documentId: replaced.id, title: replaced.title });
      return problem(409, 'Le document à remplacer n’est pas la version courante.');
    }
  }
  const doc: DmpDocument = {
    id: db.nextId('doc'),
    title: meta.title,
    category,
    classCode,
    typeCode: meta.typeCode,
    author,
    serviceStart: meta.serviceStart,
    ...(meta.serviceStop ? { serviceStop: meta.serviceStop } : {}),
    submittedAt: now,
    formatCode: mimeType === 'text/xml' ? 'urn:ihe:iti:xds:2017:mimeTypeSufficient' : 'urn:ihe:iti:xds-sd:pdf:2008',
    mimeType,
    size: file.size,
    confidentiality: confidentialityOf(stored),
    status: 'current',
    ...stored,
    depositedByPatient: actor.kind !== 'professional' && (category === 'patient' || isDepositedByPatient(meta.typeCode)),
    version: replaced ? replaced.version + 1 : 1,
    ...(replaced ? { replaces: replaced.id } : {}),
  };
  if (replaced) {
    replaced.status = 'replaced';
    replaced.replacedBy = doc.id;
  }
  db.documentsOf(ctx.ins).push(doc);
  db.contents.set(doc.id, { mimeType, body: file });
  ctx.finish(replaced ? 'document.replace' : 'document.add', decision, { documentId: doc.id, title: doc.title });
  idempotent?.remember({ status: 201, body: { id: doc.id } });
  return json(doc, { status: 201 });
};
