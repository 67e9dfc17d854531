import type { PolicyDossier } from './dossier.js';

/**
 * What `decide` reads for an INS with no dossier: the existence test's answer, the server's
 * view of an unknown INS, the FHIR adapter's for a missing Patient. A module of its own so an
 * element can import it without the dossier schemas (zod loads later).
 */
export const NO_DOSSIER: Readonly<PolicyDossier> = {
  status: 'none',
  patientIsMinor: false,
  treatingPhysiciansRpps: [],
  authorizedRpps: [],
  blockedRpps: [],
  oppositions: { breakGlass: false, regulation: false },
};
