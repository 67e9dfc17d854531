import type { DmpDocument, DocumentAuthor } from '../../src/model/document.js';
import { FORMAT_PATIENT, assuranceMaladie, authorOf, makeDocument } from './document-factory.js';
import {
  PATIENT_ADULT,
  PATIENT_CLOSED,
  PATIENT_MASKED,
  PATIENT_MINOR,
  PATIENT_OPPOSED,
  patientDisplayName,
} from './patients.js';
import {
  BIOLOGIST_MERCIER,
  DENTIST_NGUYEN,
  DR_BERNARD_CARDIOLOGUE,
  DR_LEFEBVRE_TRAITANT,
  DR_MARTIN_TRAITANT,
  DR_ROUSSEL_PSYCHIATRE,
  MIDWIFE_LEROY,
  NURSE_PETIT,
  PHARMACIST_DUBOIS,
  PHYSIO_GARCIA,
  RADIOLOGIST_FAURE,
} from './professionals.js';
import { ADULT_PROFILE_DOCUMENT_ID, ADULT_PROFILE_JSON } from './document-content.js';

export { documentContent } from './document-content.js';

const MARTIN = authorOf(DR_MARTIN_TRAITANT);
const LEFEBVRE = authorOf(DR_LEFEBVRE_TRAITANT);
const BERNARD = authorOf(DR_BERNARD_CARDIOLOGUE);
const ROUSSEL = authorOf(DR_ROUSSEL_PSYCHIATRE);
const DUBOIS = authorOf(PHARMACIST_DUBOIS);
const PETIT = authorOf(NURSE_PETIT);
const GARCIA = authorOf(PHYSIO_GARCIA);
const NGUYEN = authorOf(DENTIST_NGUYEN);
const LEROY = authorOf(MIDWIFE_LEROY);
const FAURE = authorOf(RADIOLOGIST_FAURE);
const MERCIER = authorOf(BIOLOGIST_MERCIER);

const JEANNE: DocumentAuthor = { name: patientDisplayName(PATIENT_ADULT.identity) };
const CAMILLE: DocumentAuthor = { name: patientDisplayName(PATIENT_MASKED.identity) };

// ---------------------------------------------------------------------------------------------
// PATIENT_ADULT — Jeanne Durand: every category, the VSM in two versions, one archived document.
// ---------------------------------------------------------------------------------------------

/** The two documents of PATIENT_ADULT's prevention record (prevention.ts). */
export const DURAND_VACCINATIONS = makeDocument({
  id: 'doc-durand-vaccinations',
  title: 'Historique des vaccinations',
  typeCode: '11369-6',
  author: MARTIN,
  serviceStart: '2026-10-15T09:00:00.000Z',
  submittedAt: '2026-10-15T09:20:00.000Z',
  size: 18_944,
});

export const DURAND_SCREENINGS = makeDocument({
  id: 'doc-durand-depistages',
  title: 'Dépistages',
  typeCode: '90767-5',
  author: MARTIN,
  serviceStart: '2025-05-06T08:30:00.000Z',
  submittedAt: '2025-05-06T09:10:00.000Z',
  size: 9_216,
});

/** The VSM's first version, replaced by VSM_V2 (XDS replacement: both stay readable). */
export const VSM_V1 = makeDocument({
  id: 'doc-durand-vsm-v1',
  title: 'Volet de synthèse médicale',
  typeCode: 'SYNTH',
  author: MARTIN,
  serviceStart: '2025-06-12T13:40:00.000Z',
  submittedAt: '2025-06-12T14:20:00.000Z',
  size: 48_213,
  status: 'replaced',
  version: 1,
  replacedBy: 'doc-durand-vsm-v2',
});

export const VSM_V2 = makeDocument({
  id: 'doc-durand-vsm-v2',
  title: 'Volet de synthèse médicale',
  typeCode: 'SYNTH',
  author: MARTIN,
  serviceStart: '2026-09-18T10:10:00.000Z',
  submittedAt: '2026-09-18T10:45:00.000Z',
  size: 51_877,
  version: 2,
  replaces: 'doc-durand-vsm-v1',
});

const ADULT_DOCUMENTS: DmpDocument[] = [
  VSM_V1,
  VSM_V2,
  makeDocument({
    id: 'doc-durand-cr-cardio',
    title: 'Compte rendu de consultation de cardiologie',
    typeCode: '11488-4',
    author: BERNARD,
    serviceStart: '2026-05-20T08:30:00.000Z',
    submittedAt: '2026-05-20T09:12:00.000Z',
    size: 184_320,
  }),
  makeDocument({
    id: 'doc-durand-cr-hospit',
    title: 'Compte rendu d’hospitalisation — cardiologie (douleur thoracique)',
    typeCode: '34133-9',
    author: BERNARD,
    serviceStart: '2024-03-01T06:50:00.000Z',
    serviceStop: '2024-03-04T10:00:00.000Z',
    submittedAt: '2024-03-05T15:30:00.000Z',
    size: 402_118,
  }),
  makeDocument({
    id: 'doc-durand-bio-nfs',
    title: 'Bilan sanguin : NFS, ionogramme, créatinine',
    typeCode: '11502-2',
    author: MERCIER,
    serviceStart: '2026-10-03T06:45:00.000Z',
    submittedAt: '2026-10-05T09:02:00.000Z',
    size: 36_452,
  }),
  makeDocument({
    id: 'doc-durand-bio-hba1c',
    title: 'Hémoglobine glyquée (HbA1c) et bilan lipidique',
    typeCode: '11502-2',
    author: MERCIER,
    serviceStart: '2026-04-14T06:30:00.000Z',
    submittedAt: '2026-04-15T08:00:00.000Z',
    size: 28_190,
  }),
  makeDocument({
    id: 'doc-durand-irm-genou',
    title: 'IRM du genou droit',
    typeCode: '18748-4',
    author: FAURE,
    serviceStart: '2026-02-11T07:00:00.000Z',
    submittedAt: '2026-02-11T16:20:00.000Z',
    size: 912_384,
  }),
  makeDocument({
    id: 'doc-durand-mammographie',
    title: 'Mammographie de dépistage organisé',
    typeCode: '90767-5',
    author: FAURE,
    serviceStart: '2025-03-18T08:00:00.000Z',
    submittedAt: '2025-03-19T10:00:00.000Z',
    size: 256_000,
  }),
  makeDocument({
    id: 'doc-durand-ordonnance',
    title: 'Ordonnance',
    typeCode: '57833-6',
    author: MARTIN,
    serviceStart: '2026-09-18T10:30:00.000Z',
    submittedAt: '2026-09-18T10:50:00.000Z',
    size: 98_304,
  }),
  makeDocument({
    id: 'doc-durand-dispensation',
    title: 'Dispensation pharmacie',
    typeCode: '60593-1',
    author: DUBOIS,
    serviceStart: '2026-09-19T14:00:00.000Z',
    submittedAt: '2026-09-19T14:10:00.000Z',
    size: 64_512,
  }),
  makeDocument({
    id: 'doc-durand-ordonnance-2021',
    title: 'Ordonnance (renouvellement trimestriel)',
    typeCode: '57833-6',
    author: MARTIN,
    serviceStart: '2021-03-02T09:00:00.000Z',
    submittedAt: '2021-03-02T09:25:00.000Z',
    size: 87_040,
    status: 'archived',
  }),
  makeDocument({
    id: 'doc-durand-protocole-ald',
    title: 'Protocole de soins ALD — diabète de type 2',
    typeCode: 'PROT_ALD',
    author: MARTIN,
    serviceStart: '2023-01-10T09:30:00.000Z',
    submittedAt: '2023-01-10T10:05:00.000Z',
    size: 122_880,
  }),
  DURAND_VACCINATIONS,
  DURAND_SCREENINGS,
  makeDocument({
    id: 'doc-durand-soins-infirmiers',
    title: 'Compte rendu de soins infirmiers à domicile',
    typeCode: '11488-4',
    author: PETIT,
    serviceStart: '2026-10-06T06:30:00.000Z',
    submittedAt: '2026-10-06T18:40:00.000Z',
    size: 45_056,
  }),
  makeDocument({
    id: 'doc-durand-bilan-kine',
    title: 'Bilan de kinésithérapie du genou droit',
    typeCode: '11488-4',
    author: GARCIA,
    serviceStart: '2026-03-12T15:00:00.000Z',
    submittedAt: '2026-03-12T19:30:00.000Z',
    size: 71_680,
  }),
  makeDocument({
    id: 'doc-durand-directives',
    title: 'Directives anticipées',
    typeCode: 'EXPPAT_3',
    author: JEANNE,
    serviceStart: '2025-11-08T19:00:00.000Z',
    submittedAt: '2025-11-08T19:45:00.000Z',
    size: 143_360,
  }),
  makeDocument({
    id: ADULT_PROFILE_DOCUMENT_ID,
    title: 'Informations de l’usager',
    typeCode: 'EXPPAT_2',
    author: JEANNE,
    serviceStart: '2025-11-08T19:12:00.000Z',
    submittedAt: '2025-11-08T19:12:00.000Z',
    size: new TextEncoder().encode(ADULT_PROFILE_JSON).length,
    formatCode: FORMAT_PATIENT,
    mimeType: 'text/plain',
  }),
  makeDocument({
    id: 'doc-durand-cr-operatoire-2009',
    title: 'Compte rendu opératoire — cholécystectomie (2009)',
    typeCode: 'DOCPAT03',
    author: JEANNE,
    serviceStart: '2009-06-18T08:00:00.000Z',
    submittedAt: '2025-11-08T20:00:00.000Z',
    size: 1_048_576,
  }),
  makeDocument({
    id: 'doc-durand-remboursements',
    title: 'Historique des remboursements (24 mois)',
    typeCode: 'REMB',
    author: assuranceMaladie('CPAM du Rhône'),
    serviceStart: '2024-11-01T00:00:00.000Z',
    serviceStop: '2026-10-31T23:59:59.000Z',
    submittedAt: '2026-11-02T03:00:00.000Z',
    size: 215_040,
  }),
  makeDocument({
    id: 'doc-durand-attestation-droits',
    title: 'Attestation de droits',
    typeCode: 'ATTEST-DROITS-AM',
    author: assuranceMaladie('CPAM du Rhône'),
    serviceStart: '2026-01-05T08:00:00.000Z',
    submittedAt: '2026-01-05T08:00:00.000Z',
    size: 52_224,
  }),
  makeDocument({
    id: 'doc-durand-attestation-residence',
    title: 'Attestation de résidence',
    typeCode: 'ATTEST-RESID',
    author: { name: 'Bureau des admissions', organisation: 'Hospices Civils de Lyon — Hôpital Louis Pradel' },
    serviceStart: '2024-03-01T06:30:00.000Z',
    submittedAt: '2024-03-01T07:10:00.000Z',
    size: 40_960,
  }),
];

// ---------------------------------------------------------------------------------------------
// PATIENT_MINOR — Léa Moreau: one document made under connexion secrète.
// ---------------------------------------------------------------------------------------------

/** Written by the midwife under the minor's connexion secrète: hidden from her mother. */
export const SECRET_CONSULTATION = makeDocument({
  id: 'doc-moreau-contraception',
  title: 'Compte rendu de consultation de contraception',
  typeCode: '11488-4',
  author: LEROY,
  serviceStart: '2026-10-08T13:30:00.000Z',
  submittedAt: '2026-10-08T14:10:00.000Z',
  size: 61_440,
  invisibleToLegalRepresentatives: true,
});

const MINOR_DOCUMENTS: DmpDocument[] = [
  makeDocument({
    id: 'doc-moreau-vaccinations',
    title: 'Historique des vaccinations',
    typeCode: '11369-6',
    author: LEFEBVRE,
    serviceStart: '2025-10-02T15:00:00.000Z',
    submittedAt: '2025-10-02T15:30:00.000Z',
    size: 21_504,
  }),
  makeDocument({
    id: 'doc-moreau-certificat-sport',
    title: 'Certificat de non contre-indication à la pratique du sport',
    typeCode: 'CERT_DECL',
    author: LEFEBVRE,
    serviceStart: '2026-09-03T16:00:00.000Z',
    submittedAt: '2026-09-03T16:10:00.000Z',
    size: 33_792,
  }),
  makeDocument({
    id: 'doc-moreau-cr-asthme',
    title: 'Compte rendu de consultation — suivi de l’asthme',
    typeCode: '11488-4',
    author: LEFEBVRE,
    serviceStart: '2026-03-12T16:30:00.000Z',
    submittedAt: '2026-03-12T17:05:00.000Z',
    size: 58_368,
  }),
  makeDocument({
    id: 'doc-moreau-ordonnance',
    title: 'Ordonnance — traitement de fond de l’asthme',
    typeCode: '57833-6',
    author: LEFEBVRE,
    serviceStart: '2026-03-12T16:50:00.000Z',
    submittedAt: '2026-03-12T17:00:00.000Z',
    size: 77_824,
  }),
  makeDocument({
    id: 'doc-moreau-soins-dentaires',
    title: 'Compte rendu de soins dentaires — scellement des sillons',
    typeCode: '11488-4',
    author: NGUYEN,
    serviceStart: '2024-09-12T14:00:00.000Z',
    submittedAt: '2024-09-12T15:10:00.000Z',
    size: 29_696,
  }),
  makeDocument({
    id: 'doc-moreau-radio-poignet',
    title: 'Radiographie du poignet gauche',
    typeCode: '18748-4',
    author: FAURE,
    serviceStart: '2025-01-20T10:15:00.000Z',
    submittedAt: '2025-01-20T12:40:00.000Z',
    size: 688_128,
  }),
  makeDocument({
    id: 'doc-moreau-autorisation-soins',
    title: 'Autorisation d’opérer et de soigner un mineur',
    typeCode: 'AUTORIS-SOINS',
    author: { name: 'Bureau des admissions', organisation: 'Hospices Civils de Lyon — Hôpital Femme Mère Enfant' },
    serviceStart: '2025-01-20T09:40:00.000Z',
    submittedAt: '2025-01-20T09:55:00.000Z',
    size: 35_840,
  }),
  SECRET_CONSULTATION,
];

// ---------------------------------------------------------------------------------------------
// PATIENT_CLOSED — Michel Lambert: a few documents kept after closure.
// ---------------------------------------------------------------------------------------------

const CLOSED_DOCUMENTS: DmpDocument[] = [
  makeDocument({
    id: 'doc-lambert-cr-consultation',
    title: 'Compte rendu de consultation de médecine générale',
    typeCode: '11488-4',
    author: MARTIN,
    serviceStart: '2024-06-10T08:20:00.000Z',
    submittedAt: '2024-06-10T08:50:00.000Z',
    size: 49_152,
  }),
  makeDocument({
    id: 'doc-lambert-ordonnance',
    title: 'Ordonnance',
    typeCode: '57833-6',
    author: MARTIN,
    serviceStart: '2024-06-10T08:40:00.000Z',
    submittedAt: '2024-06-10T08:45:00.000Z',
    size: 81_920,
  }),
  makeDocument({
    id: 'doc-lambert-bio-psa',
    title: 'Bilan sanguin : PSA total, créatinine',
    typeCode: '11502-2',
    author: MERCIER,
    serviceStart: '2024-06-17T06:40:00.000Z',
    submittedAt: '2024-06-18T10:00:00.000Z',
    size: 24_576,
  }),
  makeDocument({
    id: 'doc-lambert-remboursements',
    title: 'Historique des remboursements (24 mois)',
    typeCode: 'REMB',
    author: assuranceMaladie('CPAM de l’Isère'),
    serviceStart: '2023-08-01T00:00:00.000Z',
    serviceStop: '2025-07-31T23:59:59.000Z',
    submittedAt: '2025-08-02T03:00:00.000Z',
    size: 198_656,
  }),
];

// ---------------------------------------------------------------------------------------------
// PATIENT_OPPOSED — Karim Benali.
// ---------------------------------------------------------------------------------------------

const OPPOSED_DOCUMENTS: DmpDocument[] = [
  makeDocument({
    id: 'doc-benali-cr-lombalgie',
    title: 'Compte rendu de consultation — lombalgie aiguë',
    typeCode: '11488-4',
    author: MARTIN,
    serviceStart: '2026-06-05T17:00:00.000Z',
    submittedAt: '2026-06-05T17:35:00.000Z',
    size: 52_736,
  }),
  makeDocument({
    id: 'doc-benali-ordonnance',
    title: 'Ordonnance',
    typeCode: '57833-6',
    author: MARTIN,
    serviceStart: '2026-06-05T17:20:00.000Z',
    submittedAt: '2026-06-05T17:30:00.000Z',
    size: 79_872,
  }),
  makeDocument({
    id: 'doc-benali-dispensation',
    title: 'Dispensation pharmacie',
    typeCode: '60593-1',
    author: DUBOIS,
    serviceStart: '2026-06-05T18:10:00.000Z',
    submittedAt: '2026-06-05T18:15:00.000Z',
    size: 60_416,
  }),
  makeDocument({
    id: 'doc-benali-vaccinations',
    title: 'Historique des vaccinations',
    typeCode: '11369-6',
    author: MARTIN,
    serviceStart: '2025-11-14T17:00:00.000Z',
    submittedAt: '2025-11-14T17:10:00.000Z',
    size: 16_384,
  }),
];

// ---------------------------------------------------------------------------------------------
// PATIENT_MASKED — Camille Rousseau: masked documents and invisible-to-patient results.
// ---------------------------------------------------------------------------------------------

/** Masked by the patient: only its author and the médecin traitant still see it. */
export const MASKED_PSYCHIATRIC_SYNTHESIS = makeDocument({
  id: 'doc-rousseau-synthese-psy',
  title: 'Synthèse psychiatrique',
  typeCode: '34133-9',
  author: ROUSSEL,
  serviceStart: '2025-11-20T09:00:00.000Z',
  submittedAt: '2025-11-20T11:30:00.000Z',
  size: 96_256,
  masked: true,
});

/** Submitted ten days before SEED_NOW: still inside the one-month window, hidden from her. */
export const INVISIBLE_PENDING = makeDocument({
  id: 'doc-rousseau-serologies',
  title: 'Sérologies VIH, hépatites B et C',
  typeCode: '11502-2',
  author: MERCIER,
  serviceStart: '2026-11-08T07:10:00.000Z',
  submittedAt: '2026-11-10T09:00:00.000Z',
  size: 19_456,
  invisibleToPatient: true,
});

/**
 * Submitted more than a month before SEED_NOW: the flag is still set, but the one-month rule
 * has made it visible to her (the policy computes that from submittedAt).
 */
export const INVISIBLE_RELEASED = makeDocument({
  id: 'doc-rousseau-irm-pelvienne',
  title: 'IRM pelvienne',
  typeCode: '18748-4',
  author: FAURE,
  serviceStart: '2026-08-28T08:30:00.000Z',
  submittedAt: '2026-09-02T11:00:00.000Z',
  size: 1_310_720,
  invisibleToPatient: true,
});

const MASKED_DOCUMENTS: DmpDocument[] = [
  MASKED_PSYCHIATRIC_SYNTHESIS,
  makeDocument({
    id: 'doc-rousseau-cr-psy',
    title: 'Compte rendu de consultation de psychiatrie',
    typeCode: '11488-4',
    author: ROUSSEL,
    serviceStart: '2026-06-16T13:00:00.000Z',
    submittedAt: '2026-06-16T14:20:00.000Z',
    size: 67_584,
    masked: true,
  }),
  makeDocument({
    id: 'doc-rousseau-ordonnance',
    title: 'Ordonnance',
    typeCode: '57833-6',
    author: ROUSSEL,
    serviceStart: '2026-06-16T13:50:00.000Z',
    submittedAt: '2026-06-16T14:00:00.000Z',
    size: 75_776,
  }),
  makeDocument({
    id: 'doc-rousseau-dispensation',
    title: 'Dispensation pharmacie',
    typeCode: '60593-1',
    author: DUBOIS,
    serviceStart: '2026-06-17T09:30:00.000Z',
    submittedAt: '2026-06-17T09:35:00.000Z',
    size: 58_880,
  }),
  INVISIBLE_PENDING,
  INVISIBLE_RELEASED,
  makeDocument({
    id: 'doc-rousseau-vaccinations',
    title: 'Historique des vaccinations',
    typeCode: '11369-6',
    author: MARTIN,
    serviceStart: '2026-01-12T10:00:00.000Z',
    submittedAt: '2026-01-12T10:15:00.000Z',
    size: 17_408,
  }),
  makeDocument({
    id: 'doc-rousseau-analyses-2022',
    title: 'Résultats d’analyses (laboratoire, 2022)',
    typeCode: 'DOCPAT05',
    author: CAMILLE,
    serviceStart: '2022-05-03T07:00:00.000Z',
    submittedAt: '2023-03-04T21:15:00.000Z',
    size: 412_672,
  }),
  makeDocument({
    id: 'doc-rousseau-informations',
    title: 'Groupe sanguin et personnes à prévenir',
    typeCode: 'EXPPAT_2',
    author: CAMILLE,
    serviceStart: '2023-03-04T21:00:00.000Z',
    submittedAt: '2023-03-04T21:05:00.000Z',
    size: 1_024,
    formatCode: FORMAT_PATIENT,
    mimeType: 'text/plain',
  }),
];

/**
 * The seeded documents, keyed by INS. PATIENT_LARGE is absent on purpose: its 10,000 documents
 * come from generateLargeDossierDocuments on first access.
 */
export const DOCUMENTS: Readonly<Record<string, DmpDocument[]>> = {
  [PATIENT_ADULT.identity.ins]: ADULT_DOCUMENTS,
  [PATIENT_MINOR.identity.ins]: MINOR_DOCUMENTS,
  [PATIENT_CLOSED.identity.ins]: CLOSED_DOCUMENTS,
  [PATIENT_OPPOSED.identity.ins]: OPPOSED_DOCUMENTS,
  [PATIENT_MASKED.identity.ins]: MASKED_DOCUMENTS,
};

/** Every seeded document of every patient (not the generated ones). */
export const ALL_SEEDED_DOCUMENTS: DmpDocument[] = Object.values(DOCUMENTS).flat();
