import type { Action, Decision, PolicyDocumentInput } from '../src/policy/types.js';

/**
 * How the reference backends (the JSON API and the FHIR gateway) judge acts on a document, so
 * that a request gets the same answer and the same access-log lines from either.
 */

/**
 * Stands for the document asked for when the dossier's documents are closed to the caller: that
 * refusal comes from POLICY.md's steps 1–7, which never look at a document, so the action judged
 * on this one gives the reason those steps order first (a patient-side action is `patient-only`
 * before any `not-authorized`) and tells nothing of the document asked for.
 */
export const ANY_DOCUMENT: PolicyDocumentInput = { category: 'report', masked: false, invisibleToPatient: false, invisibleToLegalRepresentatives: false };

/** How a request refused before the policy is asked is logged: a refused invalid request. */
export const INVALID: Decision = { allowed: false, reason: 'invalid-request', obligations: ['log-access'] };

/** One act of a request and the decision on it: one access-log line. */
export interface JudgedAct {
  action: Action;
  decision: Decision;
}

/**
 * Judges the acts of one request in order, all or nothing: a PATCH that masks and archives is
 * two acts, each the policy's to allow, and is carried out only if both are. The first refusal
 * is the one the caller is told of; otherwise each act gets its line in the history.
 */
export function judgeEach(actions: readonly Action[], judge: (action: Action) => Decision): { refused: JudgedAct } | { allowed: JudgedAct[] } {
  const allowed: JudgedAct[] = [];
  for (const action of actions) {
    const decision = judge(action);
    if (!decision.allowed) return { refused: { action, decision } };
    allowed.push({ action, decision });
  }
  return { allowed };
}

/**
 * One read is one line (DESIGN.md): it names its document, or the titles of several, whose ids
 * the server keeps beside the line, unseen, so that a history reader kept from one of them is
 * kept from the line (hiddenFromReader).
 */
export function readTarget<T extends { documentId?: string | undefined; title?: string | undefined }>(targets: readonly T[]): T | { title: string; documentIds: string[] } | undefined {
  if (targets.length <= 1) return targets[0];
  return { title: targets.map((t) => t.title).join(', '), documentIds: targets.flatMap((t) => (t.documentId ? [t.documentId] : [])) };
}
