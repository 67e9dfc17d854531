import type { Resource } from '@medplum/fhirtypes';
import { ARCHIVED_TAG, fromDocumentReference } from '../../src/fhir/document.js';
import { dossierFactsOf } from '../../src/fhir/dossier.js';
import { parseResource } from '../../src/fhir/parse.js';
import type { Patient } from '../../src/fhir/schemas.js';
import { DOSSIER_EXTENSION, NOTIFICATION_EXTENSION } from '../../src/fhir/systems.js';
import type { DmpDocument } from '../../src/model/document.js';
import type { Action } from '../../src/policy/types.js';

/*
 * What a FHIR PATCH does, in the policy's acts: the gateway judges and logs each, and refuses a
 * patch that changes anything no act covers. Apart from the FHIR server, whose CommonJS
 * dependencies the browser test runner cannot load, so that these rules are tested there too.
 */

export function documentOf(resource: Resource): DmpDocument {
  return fromDocumentReference(parseResource('DocumentReference', resource));
}

/**
 * Whether `after` differs from `before` in the top-level `fields` only (and in `tag` among the
 * meta tags); the version and date the store stamps are not a change.
 */
export function changesOnly(before: Resource, after: Resource, fields: readonly string[], tag?: { system: string; code: string }): boolean {
  const rest = (resource: Resource) => {
    const { meta, ...others } = resource as Resource & Record<string, unknown>;
    const { versionId: _v, lastUpdated: _l, tag: tags, ...metaRest } = meta ?? {};
    const keptTags = (tags ?? []).filter((t) => !(tag && t.system === tag.system && t.code === tag.code));
    return JSON.stringify([Object.entries(others).filter(([key]) => !fields.includes(key)), metaRest, keptTags]);
  };
  return rest(before) === rest(after);
}

/** The acts a PATCH carries out, read off what it changes. */
export interface PatchActs {
  /** The acts, in the order they are judged and logged. */
  actions: Action[];
  /** Whether the patch also changes what none of them covers: it is then refused whole. */
  unjudged: boolean;
}

/** A DocumentReference's place in its life as the store holds it: its status and its archive tag. */
function lifecycleOf(resource: Resource): { status: unknown; archived: boolean } {
  const tags = resource.meta?.tag ?? [];
  return { status: (resource as { status?: unknown }).status, archived: tags.some((t) => t.system === ARCHIVED_TAG.system && t.code === ARCHIVED_TAG.code) };
}

/**
 * The acts a PATCH of a DocumentReference carries out, read off what it changes: a JSON Patch
 * rewrites every security label whichever one it means to change. Read off the raw resource, not
 * only the model: what the model does not map (the subject, the file, a second content) must not
 * change unjudged either. Its status and archive tag change only as its acts change them (archiving
 * tags it, deleting makes it entered-in-error): superseding a document, making a replaced version
 * current again or unarchiving one is no act a caller may ask for, alone or beside another.
 */
export function documentPatchActs(before: Resource, after: Resource): PatchActs {
  const [was, is] = [documentOf(before), documentOf(after)];
  const actions: Action[] = [];
  if (is.masked !== was.masked) actions.push(is.masked ? 'document.mask' : 'document.unmask');
  if (is.invisibleToPatient !== was.invisibleToPatient || is.invisibleToLegalRepresentatives !== was.invisibleToLegalRepresentatives) {
    actions.push('document.set-visibility');
  }
  if (is.status === 'archived' && was.status !== 'archived') actions.push('document.archive');
  if (is.status === 'deleted') actions.push('document.delete');
  const [then, now] = [lifecycleOf(before), lifecycleOf(after)];
  const follows =
    now.status === (actions.includes('document.delete') ? 'entered-in-error' : then.status) &&
    now.archived === (then.archived || actions.includes('document.archive'));
  return { actions, unjudged: !follows || !changesOnly(before, after, ['securityLabel', 'status'], ARCHIVED_TAG) };
}

/**
 * The act a PATCH of a DocumentReference asks for by the paths it writes, whatever it changes:
 * the archive tag written is archiving, `entered-in-error` deleting. What a refusal is logged under when the
 * patch does no act it may (archiving a replaced version, which stays current in no chain), or
 * cannot apply; undefined for a patch that names none (a security label may be any of the
 * visibility acts: those are read off what it changes).
 */
export function namedDocumentAct(ops: unknown): Action | undefined {
  if (!Array.isArray(ops)) return undefined;
  const isArchiveTag = (tag: unknown) => {
    const { system, code } = (tag ?? {}) as { system?: unknown; code?: unknown };
    return system === ARCHIVED_TAG.system && code === ARCHIVED_TAG.code;
  };
  for (const op of ops as Array<{ op?: unknown; path?: unknown; value?: unknown } | null>) {
    if (!op || (op.op !== 'add' && op.op !== 'replace') || typeof op.path !== 'string') continue;
    const tags = op.path === '/meta/tag' ? op.value : op.path.startsWith('/meta/tag/') ? [op.value] : [];
    if (Array.isArray(tags) && tags.some(isArchiveTag)) return 'document.archive';
    if (op.path === '/status' && op.value === 'entered-in-error') return 'document.delete';
  }
  return undefined;
}

/** What of the dossier extension a closure or a reactivation writes (the server then dates it). */
const LIFECYCLE_FACTS = new Set(['status', 'closedAt', 'closeReason']);

/**
 * The acts a PATCH of a Patient asks for: what it changes, and what it writes even when that
 * changes nothing (a write is a write: closing a closed dossier is judged, and refused).
 */
export function patientPatchActs(before: Patient, after: Patient, ops: unknown[]): PatchActs {
  const same = (pick: (p: Patient) => unknown) => JSON.stringify(pick(before)) === JSON.stringify(pick(after));
  const paths = ops.map((op) => (op as { path?: unknown } | null)?.path).filter((path): path is string => typeof path === 'string');
  const touches = (prefix: string) => paths.some((path) => path.startsWith(prefix));
  const statusAfter = dossierFactsOf(after).status;
  const actions: Action[] = [];
  if (dossierFactsOf(before).status !== statusAfter || touches('/active')) actions.push(statusAfter === 'closed' ? 'dossier.close' : 'dossier.reactivate');
  if (!same((p) => p.generalPractitioner) || touches('/generalPractitioner')) actions.push('authorization.manage');
  if (!same((p) => [p.telecom, p.extension?.find((e) => e.url === NOTIFICATION_EXTENSION)]) || touches('/telecom')) actions.push('notification.manage');
  const rest = (p: Patient) => {
    const { meta: _meta, generalPractitioner: _gp, telecom: _telecom, active: _active, extension, ...others } = p;
    return [others, extension?.filter((e) => e.url !== NOTIFICATION_EXTENSION && e.url !== DOSSIER_EXTENSION)];
  };
  // The dossier's dates are the server's: its status and closure change only in a patch that
  // closes (judged: on a closed dossier, refused) or changes the status, which the server then
  // dates; its creation, never.
  const lifecycle = actions.includes('dossier.close') || dossierFactsOf(before).status !== statusAfter;
  const dossier = (p: Patient) => {
    const extension = p.extension?.find((e) => e.url === DOSSIER_EXTENSION);
    return extension && { ...extension, extension: extension.extension?.filter((fact) => !(lifecycle && LIFECYCLE_FACTS.has(fact.url))) };
  };
  return { actions, unjudged: !(same(rest) && same(dossier) && (actions.length > 0 || same((p) => p.extension))) };
}
