import type { Actor } from '../src/model/actor.js';
import type { DmpDocument } from '../src/model/document.js';
import { isReleasedToPatient } from '../src/policy/release.js';
import type { Decision } from '../src/policy/types.js';

/**
 * What the reference backends (the JSON API and the FHIR gateway) keep from the patient's side:
 * they are never told that something is hidden from them (DECISIONS 11, 12). Free of either
 * backend's store, so that both apply the one rule.
 */

/** Whether `actor` is the patient's side. */
export function isPatientSide(actor?: Actor): boolean {
  return actor?.kind === 'patient' || actor?.kind === 'legal-representative';
}

/**
 * Whether a logged refusal would tell `actor` that something is hidden from them: what is hidden
 * from the patient is hidden from their representatives too.
 */
export function revealsHidden(entry: { outcome: string; reason?: string | undefined }, actor: Actor): boolean {
  if (entry.outcome !== 'denied') return false;
  if (entry.reason === 'invisible-to-patient') return isPatientSide(actor);
  return entry.reason === 'invisible-to-legal-representative' && actor.kind === 'legal-representative';
}

/** Reasons that would tell the patient's side that something is hidden from them. */
const HIDING_REASONS: ReadonlySet<string> = new Set(['invisible-to-patient', 'invisible-to-legal-representative']);

/**
 * Whether, to `actor`, a version replaced by one refused them (`refused`) is still the current
 * one: the patient's side is not to learn that a newer version is kept from them (a result not
 * announced yet, a secret of the connexion secrète: DECISIONS.md 11, 12). Not in a chain of the
 * patient's own documents, which the patient's side writes in itself: a replacement of that
 * version would be refused, and tell them anyway.
 */
export function keptAsCurrent(refused: Decision, actor: Actor | undefined, replaced: Pick<DmpDocument, 'depositedByPatient'>): boolean {
  return hidesFromCaller(refused, actor) && !replaced.depositedByPatient;
}

/** Whether a refusal must look like absence to this caller. */
export function hidesFromCaller(decision: Decision, actor?: Actor): boolean {
  return HIDING_REASONS.has(decision.reason) && isPatientSide(actor);
}

type Visibility = Pick<DmpDocument, 'masked' | 'invisibleToPatient' | 'invisibleToLegalRepresentatives'>;

/**
 * The visibility of a new version: what its writer asks (`asked`), and what kept the version it
 * replaces from someone — the patient's mask (only they lift it), a secret from the
 * representatives, a result not announced yet (until its release date).
 */
export function newVersionVisibility(
  previous: (Visibility & Pick<DmpDocument, 'submittedAt'>) | undefined,
  asked: Omit<Visibility, 'masked'>,
  now: string,
): Visibility {
  return {
    masked: previous?.masked ?? false,
    invisibleToPatient: asked.invisibleToPatient || (!!previous?.invisibleToPatient && !isReleasedToPatient(previous.submittedAt, now)),
    invisibleToLegalRepresentatives: asked.invisibleToLegalRepresentatives || !!previous?.invisibleToLegalRepresentatives,
  };
}

/** What the history filter reads of a line: an access-log entry, or the same read off an AuditEvent. */
export interface HistoryLine {
  outcome: string;
  reason?: string | undefined;
  secret: boolean;
  target?: { documentId?: string | undefined } | undefined;
}

/** Whether what a minor's connexion secrète did is kept from `reader`: from a legal representative. */
export function keptSecretFrom(made: { secret?: boolean | undefined }, reader: Actor): boolean {
  return reader.kind === 'legal-representative' && made.secret === true;
}

/**
 * Whether a history line stays out of what `reader` is shown: a legal representative does not
 * see what a connexion secrète did, and no one sees a refusal that hid something from them, nor
 * a line about a document still hidden from them (its title, or the line itself, would tell).
 * `readDecision` is the reader's `document.read` of one of the dossier's documents, undefined
 * for an id the dossier does not hold; `named`, the documents the line is about (its target's,
 * unless it names several).
 */
export function hiddenFromReader(
  line: HistoryLine,
  reader: Actor,
  readDecision: (documentId: string) => Decision | undefined,
  named: readonly string[] = line.target?.documentId === undefined ? [] : [line.target.documentId],
): boolean {
  if (keptSecretFrom(line, reader)) return true;
  if (revealsHidden(line, reader)) return true;
  // A line about several documents (`named`) goes with the first one kept from the reader.
  return named.some((documentId) => {
    const decision = readDecision(documentId);
    return decision !== undefined && hidesFromCaller(decision, reader);
  });
}
