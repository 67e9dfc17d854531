import { sameValue } from '../../src/elements/base/same-value.js';
import { policyDocumentOf, type DmpDocument } from '../../src/model/document.js';
import { nominalDocument } from '../../src/model/nominal-document.js';
import { PREVENTION_TYPE_CODES, PreventionSaveSchema, type Prevention, type PreventionList } from '../../src/model/prevention.js';
import type { Action, Decision } from '../../src/policy/types.js';
import { makeDocument } from '../data/document-factory.js';
import { db } from '../db/store.js';
import { hidesFromCaller, newVersionVisibility } from '../privacy.js';
import { documentAuthorOf } from './author.js';
import { ifMatchHolds, json, problem } from './http.js';
import type { LogTarget } from './request-context.js';
import { INVALID, readTarget } from '../document-acts.js';
import { readBody, type Resolver } from './route.js';

/*
 * The vaccinations and screenings, kept as their own documents beside the VSM (DECISIONS.md 1):
 * each list is one document (the vaccination history, the screening report), and a save that
 * changes a list writes a new version of its document that replaces the previous one.
 */

const LISTS = Object.keys(PREVENTION_TYPE_CODES) as PreventionList[];
const TITLES: Readonly<Record<PreventionList, string>> = { vaccinations: 'Historique des vaccinations', screenings: 'Dépistages' };

/** Changes whenever a list's document does: a new version, or one deleted, replaced or archived elsewhere. */
export function etagOf(record: Prevention): string {
  return `"prevention-${record.version}-${LISTS.map((list) => record.documents[list] ?? '').join('-')}"`;
}

/** The record without `lists`; none when no list is left. */
function without(record: Prevention, lists: readonly PreventionList[]): Prevention | undefined {
  const rest = structuredClone(record);
  for (const list of lists) {
    delete rest.documents[list];
    rest.content[list] = [];
  }
  if (LISTS.every((list) => rest.documents[list] === undefined)) return undefined;
  return { ...rest, etag: etagOf(rest) };
}

/**
 * The record as it stands: a list whose document is no longer the current version went with it
 * (deleted by the patient, replaced or archived through the documents route). Its next save
 * writes it anew, rather than be refused for ever for replacing a version that is not current.
 */
function currentOf(ins: string): Prevention | undefined {
  const last = db.prevention.get(ins)?.at(-1);
  if (!last) return undefined;
  const gone = LISTS.filter((list) => {
    const id = last.documents[list];
    return !id || db.findDocument(ins, id)?.status !== 'current';
  });
  return without(last, gone);
}

function documentOf(ins: string, record: Prevention | undefined, list: PreventionList): DmpDocument | undefined {
  const id = record?.documents[list];
  return id ? db.findDocument(ins, id) : undefined;
}

function targetsOf(steps: readonly Step[]): LogTarget[] {
  return steps.flatMap((step) => (step.target ? [step.target] : []));
}

function targetOf(doc: DmpDocument): LogTarget {
  return { documentId: doc.id, title: doc.title };
}

interface Step {
  action: Action;
  decision: Decision;
  target?: LogTarget;
  /** The list whose document the step is on. */
  list?: PreventionList;
}

/** Reading the record is reading each of its documents. */
function readSteps(ins: string, record: Prevention | undefined, decide: (doc: DmpDocument) => Decision): Step[] {
  return LISTS.flatMap((list) => {
    const doc = documentOf(ins, record, list);
    return doc ? [{ action: 'document.read' as const, decision: decide(doc), target: targetOf(doc), list }] : [];
  });
}

/**
 * A professional refused a list's document is told why, and reads none of the record. The
 * patient's side reads the lists it may see, never told of the others (DECISIONS.md 12); with
 * none left, the record is none, as the VSM is.
 */
export const getPrevention: Resolver = ({ ctx }) => {
  const current = currentOf(ctx.ins);
  const steps = readSteps(ctx.ins, current, (doc) => ctx.decide('document.read', policyDocumentOf(doc)));
  // No document yet: whether the caller could read one is still the policy's to say.
  if (steps.length === 0) steps.push({ action: 'document.read', decision: ctx.decide('document.read', nominalDocument('prevention')) });
  const refused = steps.filter((step) => !step.decision.allowed);
  const told = refused.find((step) => !hidesFromCaller(step.decision, ctx.actor));
  if (told) return ctx.deny('document.read', told.decision, told.target);
  const read = steps.filter((step) => step.decision.allowed);
  const shown = current && without(current, refused.flatMap((step) => (step.list ? [step.list] : [])));
  if (!shown || read.length === 0) {
    ctx.finish('document.read', (refused[0] ?? steps[0]!).decision);
    return new Response(null, { status: 204 });
  }
  ctx.finish('document.read', read[0]!.decision, readTarget(targetsOf(read)));
  return json(shown, { headers: { ETag: shown.etag } });
};

/**
 * A save writes a new document for each list that changed: an addition for a list never written,
 * a replacement otherwise, each the policy's to allow. What the caller may not read they may not
 * write over. Without `If-Match` only the first version may be written, as for the VSM.
 */
export const savePrevention: Resolver = async ({ request, actor, ctx }) => {
  const body = await readBody(request, PreventionSaveSchema);
  if (!body.ok) return body.response;
  const content = body.value.content;
  const current = currentOf(ctx.ins);
  const reads = readSteps(ctx.ins, current, (doc) => ctx.decide('document.read', policyDocumentOf(doc)));
  const changed = LISTS.filter((list) => !sameValue(content[list], current?.content[list] ?? []));
  const writes = changed.map((list) => {
    const previous = documentOf(ctx.ins, current, list);
    const step: Step = previous
      ? { action: 'document.replace', decision: ctx.decide('document.replace', policyDocumentOf(previous)), target: targetOf(previous) }
      : { action: 'document.add', decision: ctx.decide('document.add', nominalDocument('prevention', PREVENTION_TYPE_CODES[list])) };
    return { list, previous, step };
  });
  const refused = writes.find((w) => !w.step.decision.allowed)?.step;
  const unread = reads.find((step) => !step.decision.allowed);
  // The patient's side is refused for what it may not do, never told what is hidden from it.
  if (refused && (!unread || hidesFromCaller(unread.decision, actor))) return ctx.deny(refused.action, refused.decision, refused.target);
  if (unread) return ctx.deny('document.replace', unread.decision, unread.target);
  // Replaced or archived through the documents route meanwhile: one current version per list.
  if (writes.some((w) => w.previous && w.previous.status !== 'current')) {
    ctx.finish('document.replace', INVALID);
    return problem(409, 'Le document à remplacer n’est pas la version courante.');
  }
  const field = request.headers.get('If-Match')?.trim() ?? '';
  if (field === '' ? current !== undefined : !ifMatchHolds(field, current?.etag)) {
    ctx.finish('document.replace', INVALID);
    return problem(412, 'Les vaccinations et dépistages ont été modifiés entre-temps.', current ? { current, etag: current.etag } : {});
  }
  if (writes.length === 0) {
    // Nothing to write: the save reads the record back as it stands.
    if (!current) return problem(400, 'Aucune vaccination ni aucun dépistage à enregistrer.');
    ctx.finish('document.read', reads[0]!.decision, readTarget(targetsOf(reads)));
    return json(current, { headers: { ETag: current.etag } });
  }
  const author = documentAuthorOf(actor);
  const documents = { ...(current?.documents ?? {}) };
  const steps: Step[] = [];
  let announced = false;
  for (const { list, previous, step } of writes) {
    // A list holds every earlier entry: what kept the previous version from someone keeps this one.
    const visibility = newVersionVisibility(previous, { invisibleToPatient: false, invisibleToLegalRepresentatives: ctx.secret }, ctx.now);
    // A new version is a new document to the patient: the policy says whether they hear of it now.
    announced ||= ctx.decide('document.add', { ...nominalDocument('prevention', PREVENTION_TYPE_CODES[list]), ...visibility }).obligations.includes('notify-patient');
    const doc = makeDocument({
      id: db.nextId(`doc-${list}`),
      title: TITLES[list],
      typeCode: PREVENTION_TYPE_CODES[list],
      author,
      serviceStart: ctx.now,
      submittedAt: ctx.now,
      size: JSON.stringify(content[list]).length,
      ...visibility,
      version: (previous?.version ?? 0) + 1,
      ...(previous ? { replaces: previous.id } : {}),
    });
    // An XDS replacement: the previous version stays readable, marked replaced.
    if (previous) {
      previous.status = 'replaced';
      previous.replacedBy = doc.id;
    }
    db.documentsOf(ctx.ins).push(doc);
    documents[list] = doc.id;
    steps.push({ ...step, target: targetOf(doc) });
  }
  const saved: Prevention = {
    documents,
    version: (current?.version ?? 0) + 1,
    etag: '',
    author: { name: author.name, ...(author.rpps ? { rpps: author.rpps } : {}) },
    savedAt: ctx.now,
    content,
  };
  saved.etag = etagOf(saved);
  db.prevention.set(ctx.ins, [...(db.prevention.get(ctx.ins) ?? []), saved]);
  // One notice for the save, whatever number of lists it wrote.
  ctx.withholdNewDocumentNotice();
  ctx.finishEach(steps);
  if (announced) ctx.notify('new-document');
  return json(saved, { headers: { ETag: saved.etag } });
};
