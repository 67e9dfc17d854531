import { SYNTHESIS_TYPE_CODE } from '../../src/model/category.js';
import { SynthesisSaveSchema, type Synthesis } from '../../src/model/synthesis.js';
import type { DmpDocument } from '../../src/model/document.js';
import { documentAuthorOf } from './author.js';
import { db } from '../db/store.js';
import { ifMatchHolds, json, notFound, problem } from './http.js';
import { confidentialityOf, policyDocumentOf } from '../../src/model/document.js';
import { hidesFromCaller, newVersionVisibility } from '../privacy.js';
import type { RequestContext } from './request-context.js';
import { readBody, type Resolver } from './route.js';

const VSM_FORMAT = 'urn:asip:ci-sis:vsm:2012';

export function etagOf(synthesis: Pick<Synthesis, 'version' | 'documentId'>): string {
  return `"vsm-${synthesis.version}-${synthesis.documentId}"`;
}

/** The versions still in the DMP: one whose document the patient deleted is gone. */
function versions(ins: string): Synthesis[] {
  return (db.syntheses.get(ins) ?? []).filter((s) => db.findDocument(ins, s.documentId)?.status !== 'deleted');
}

/**
 * The VSM as it stands: the last version, archived or not. Once the patient deleted it, there is
 * none: the version it replaced does not come back (as on the FHIR gateway).
 */
function currentOf(ins: string): Synthesis | undefined {
  const last = db.syntheses.get(ins)?.at(-1);
  return last && db.findDocument(ins, last.documentId)?.status !== 'deleted' ? last : undefined;
}

/** The VSM's document metadata, which carries its masking and visibility flags. */
function documentOf(ctx: RequestContext, synthesis: Synthesis | undefined): DmpDocument | undefined {
  return synthesis ? db.findDocument(ctx.ins, synthesis.documentId) : undefined;
}

function readDecision(ctx: RequestContext, synthesis: Synthesis | undefined) {
  const doc = documentOf(ctx, synthesis);
  return ctx.decide('synthesis.read', doc ? policyDocumentOf(doc) : { category: 'synthesis', masked: false, invisibleToPatient: false, invisibleToLegalRepresentatives: false });
}

function withEtag(synthesis: Synthesis): Synthesis {
  return { ...synthesis, etag: etagOf(synthesis) };
}

/**
 * "No VSM yet" is a 204, not a 404: it is a normal state, and browsers log every 404 as a failed
 * request. A VSM hidden from the patient's side is answered the same way, so that they cannot
 * tell it from none.
 */
export const getSynthesis: Resolver = ({ ctx }) => {
  const current = currentOf(ctx.ins);
  const decision = readDecision(ctx, current);
  if (!decision.allowed) {
    if (!hidesFromCaller(decision, ctx.actor)) return ctx.deny('synthesis.read', decision);
    ctx.finish('synthesis.read', decision);
    return new Response(null, { status: 204 });
  }
  // Named as any document read is (and as the FHIR gateway names it), title included.
  const doc = documentOf(ctx, current);
  ctx.finish('synthesis.read', decision, doc && { documentId: doc.id, title: doc.title });
  if (!current) return new Response(null, { status: 204 });
  return json(withEtag(current), { headers: { ETag: etagOf(current) } });
};

export const listSynthesisVersions: Resolver = ({ ctx }) => {
  const all = versions(ctx.ins);
  const decision = readDecision(ctx, all[all.length - 1]);
  if (!decision.allowed) {
    if (!hidesFromCaller(decision, ctx.actor)) return ctx.deny('synthesis.read', decision);
    // Hidden from the patient's side: the same empty list as a dossier without a VSM.
    ctx.finish('synthesis.read', decision);
    return json({ items: [] });
  }
  ctx.finish('synthesis.read', decision);
  // An older version keeps its own flags: one written in secret or masked since stays out.
  const readable = all.filter((s) => readDecision(ctx, s).allowed);
  return json({
    items: readable.reverse().map(({ documentId, version, author, savedAt }) => ({ documentId, version, author, savedAt })),
  });
};

export const getSynthesisVersion: Resolver = ({ params, ctx }) => {
  const all = versions(ctx.ins);
  const wanted = all.find((s) => String(s.version) === params.version);
  // The version asked for is judged by its own document: an older one may be masked or secret.
  const decision = readDecision(ctx, wanted ?? all[all.length - 1]);
  const target = wanted ? { documentId: wanted.documentId } : undefined;
  if (!decision.allowed) return ctx.deny('synthesis.read', decision, target);
  // A version that never was is a refused request in the log, as a document that does not exist.
  if (!wanted) {
    ctx.finish('synthesis.read', { ...decision, allowed: false, reason: 'invalid-request' });
    return notFound();
  }
  ctx.finish('synthesis.read', decision, target);
  return json(withEtag(wanted));
};

export const saveSynthesis: Resolver = async ({ request, actor, ctx }) => {
  const body = await readBody(request, SynthesisSaveSchema);
  if (!body.ok) return body.response;
  const decision = ctx.decide('synthesis.write');
  if (!decision.allowed) return ctx.deny('synthesis.write', decision);
  const current = currentOf(ctx.ins);
  // A save without If-Match may only write the first version: made while a version exists, it
  // was written against none it saw.
  const field = request.headers.get('If-Match')?.trim() ?? '';
  if (field === '' ? current !== undefined : !ifMatchHolds(field, current && etagOf(current))) {
    ctx.finish('synthesis.write', { ...decision, allowed: false, reason: 'invalid-request' });
    // With the version on the server, so that the editor can show it beside the user's.
    const server = current ? { current: withEtag(current), etag: etagOf(current) } : {};
    return problem(412, 'Le volet de synthèse a été modifié entre-temps.', server);
  }
  const now = ctx.now;
  const author = documentAuthorOf(actor);
  // Numbered after every version written, a deleted one too: a number names one version for ever.
  const version = (db.syntheses.get(ctx.ins)?.at(-1)?.version ?? 0) + 1;
  const previousDoc = documentOf(ctx, current);
  // A new version starts from the one it replaces: what kept that one from someone (the patient's
  // mask, a connexion secrète's secret from the representatives) keeps this one from them too.
  const visibility = newVersionVisibility(previousDoc, { invisibleToPatient: false, invisibleToLegalRepresentatives: ctx.secret }, now);
  const doc: DmpDocument = {
    id: db.nextId('doc-vsm'),
    title: 'Volet de synthèse médicale',
    category: 'synthesis',
    classCode: '11',
    typeCode: SYNTHESIS_TYPE_CODE,
    author,
    serviceStart: now,
    submittedAt: now,
    formatCode: VSM_FORMAT,
    mimeType: 'text/xml',
    size: JSON.stringify(body.value.content).length,
    confidentiality: confidentialityOf(visibility),
    status: 'current',
    ...visibility,
    depositedByPatient: false,
    version,
    ...(previousDoc ? { replaces: previousDoc.id } : {}),
  };
  // An XDS replacement: the previous version stays readable, marked replaced.
  if (previousDoc) {
    previousDoc.status = 'replaced';
    previousDoc.replacedBy = doc.id;
  }
  db.documentsOf(ctx.ins).push(doc);
  const saved: Synthesis = {
    documentId: doc.id,
    version,
    etag: '',
    author: { name: author.name, ...(author.rpps ? { rpps: author.rpps } : {}) },
    savedAt: now,
    content: body.value.content,
  };
  saved.etag = etagOf(saved);
  db.syntheses.set(ctx.ins, [...versions(ctx.ins), saved]);
  ctx.finish('synthesis.write', decision, { documentId: doc.id, title: doc.title });
  return json(saved, { headers: { ETag: saved.etag } });
};
