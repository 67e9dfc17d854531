import { DR_MARTIN_TRAITANT, PATIENT_LARGE } from '../mocks/data/index.js';
import type { DossierInfo } from '../src/model/dossier.js';

/** The 10,000-document patient's dossier as the existence test answers it: active, Dr Martin its médecin traitant. */
export function largeDossierInfo(ins: string): DossierInfo {
  return {
    ins,
    status: 'active',
    policy: {
      status: 'active',
      patientId: PATIENT_LARGE.id,
      patientIsMinor: false,
      treatingPhysiciansRpps: [DR_MARTIN_TRAITANT.rpps],
      authorizedRpps: [],
      blockedRpps: [],
      oppositions: { breakGlass: false, regulation: false },
      insStatus: 'QUAL',
    },
  };
}
