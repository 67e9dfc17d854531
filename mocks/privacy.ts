import type { Actor } from '../src/model/actor.js';

/**
 * What the reference backends (the JSON API and the FHIR gateway) keep from the patient's side:
 * they are never told that something is hidden from them (DECISIONS 12).
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
