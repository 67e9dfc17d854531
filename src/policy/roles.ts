import type { Actor } from '../model/actor.js';

/** Only a médecin (RPPS profession 10) is designated médecin traitant: the patient's chosen doctor. */
export function mayBeTreatingPhysician(profession: string): boolean {
  return profession === '10';
}

/**
 * The connexion secrète is a minor's (CSP L1111-5): a professional treating a minor under secrecy
 * works in that mode. Asked for by anyone else, or on an adult's dossier, it changes nothing.
 */
export function isSecretConnection(asked: boolean, actor: Pick<Actor, 'kind'>, patientIsMinor: boolean): boolean {
  return asked && actor.kind === 'professional' && patientIsMinor;
}

/**
 * Whether the actor is told how many documents are hidden from them, and why (DECISIONS.md 12):
 * a professional only. The patient's side is never told that something is hidden from it: a
 * result kept from the patient until the doctor announces it must not show even as a count.
 */
export function isToldOfHiddenDocuments(actor: Pick<Actor, 'kind'>): boolean {
  return actor.kind === 'professional';
}
