import type { Actor } from '../../src/model/actor.js';
import type { Professional } from '../../src/model/professional.js';
import {
  PATIENT_ADULT,
  PATIENT_CLOSED,
  PATIENT_LARGE,
  PATIENT_MASKED,
  PATIENT_MINOR,
  PATIENT_NO_DOSSIER,
  PATIENT_OPPOSED,
  patientDisplayName,
  type SeedPatient,
} from './patients.js';
import { PROFESSIONALS, professionalDisplayName } from './professionals.js';

/** The people a demo or test can act as; `id` is the bearer token of the mock backend. */

function professionalActor(p: Professional): Actor {
  const actor: Actor = { kind: 'professional', id: p.id, rpps: p.rpps, profession: p.profession, displayName: professionalDisplayName(p) };
  if (p.specialty !== undefined) actor.specialty = p.specialty;
  if (p.regulator !== undefined) actor.regulator = p.regulator;
  if (p.organisation !== undefined) actor.organisation = p.organisation;
  return actor;
}

function patientActor(p: SeedPatient): Actor {
  return { kind: 'patient', id: p.id, displayName: patientDisplayName(p.identity) };
}

/** Paul-Antoine Santoni has no DMP yet: he may open his own online, as in Mon espace santé. */
const PATIENT_WITHOUT_DOSSIER_SANTONI: Actor = { kind: 'patient', id: 'pat-santoni-paul-antoine', displayName: patientDisplayName(PATIENT_NO_DOSSIER) };

/** The patient accounts of identities without a dossier, by INS: the person a creation makes its patient. */
export const ACCOUNTS_WITHOUT_DOSSIER: Readonly<Record<string, string>> = { [PATIENT_NO_DOSSIER.ins]: PATIENT_WITHOUT_DOSSIER_SANTONI.id! };

/** Sophie Moreau, mother and legal representative of PATIENT_MINOR. */
export const LEGAL_REPRESENTATIVE_MOREAU: Actor = {
  kind: 'legal-representative',
  id: 'rep-moreau-sophie',
  displayName: 'Sophie Moreau',
};

/** Reads only the administrative part. */
export const ADMINISTRATIVE_STAFF_CHU: Actor = {
  kind: 'administrative-staff',
  id: 'admin-chu',
  organisationId: '690791215',
  displayName: 'Bureau des admissions — Hôpital Édouard Herriot',
  organisation: { name: 'Hospices Civils de Lyon — Hôpital Édouard Herriot', finess: '690791215', city: 'Lyon' },
};

/** Never has access (DOMAIN.md follows the seeds, not the 2021 consent route). */
export const OCCUPATIONAL_PHYSICIAN: Actor = {
  kind: 'occupational-physician',
  id: 'occ-med',
  displayName: 'Dr Bruno Lemaire (médecine du travail)',
};

/** Never has access. */
export const INSURER_MUTUELLE: Actor = {
  kind: 'insurer',
  id: 'insurer-mutuelle',
  displayName: 'Mutuelle Horizon Santé',
};

export const ACTORS: Actor[] = [
  ...PROFESSIONALS.map(professionalActor),
  ...[PATIENT_ADULT, PATIENT_MINOR, PATIENT_CLOSED, PATIENT_OPPOSED, PATIENT_MASKED, PATIENT_LARGE].map(patientActor),
  PATIENT_WITHOUT_DOSSIER_SANTONI,
  LEGAL_REPRESENTATIVE_MOREAU,
  ADMINISTRATIVE_STAFF_CHU,
  OCCUPATIONAL_PHYSICIAN,
  INSURER_MUTUELLE,
];

export function actorById(id: string): Actor | undefined {
  return ACTORS.find((a) => a.id === id);
}
