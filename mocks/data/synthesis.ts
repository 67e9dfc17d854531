import type {
  AllergyEntry,
  ProblemEntry,
  RiskFactorEntry,
  Synthesis,
  SynthesisContent,
  TreatmentEntry,
  WatchEntry,
} from '../../src/model/synthesis.js';
import { VSM_V1, VSM_V2 } from './documents.js';
import { PATIENT_ADULT } from './patients.js';
import { DR_MARTIN_TRAITANT, professionalDisplayName } from './professionals.js';

/*
 * PATIENT_ADULT's VSM, written by Dr Martin. Version 2 differs from version 1 by exactly one
 * entry added (pb-gonarthrose, after the knee MRI), one removed (tt-omeprazole, stopped) and one
 * changed (tt-metformine, dose raised), so the version comparison has one case of each. The
 * entries both versions share are therefore dated no later than version 1 (June 2025): a saved
 * version cannot tell of what happened after it. CIS codes are real BDPM codes; vaccine lot
 * numbers are made up.
 */

const PROBLEMS_COMMON: ProblemEntry[] = [
  {
    id: 'pb-hta',
    kind: 'active-problem',
    label: 'Hypertension artérielle essentielle',
    code: { system: 'CIM-10', code: 'I10', label: 'Hypertension essentielle (primitive)' },
    status: 'active',
    startDate: '2009-05-04',
  },
  {
    id: 'pb-diabete',
    kind: 'active-problem',
    label: 'Diabète de type 2 non insulinorequérant',
    code: { system: 'CIM-10', code: 'E11.9', label: 'Diabète sucré de type 2, sans complication' },
    status: 'active',
    startDate: '2014-10-02',
    note: 'Objectif HbA1c ≤ 7 %.',
  },
  {
    id: 'pb-hypercholesterolemie',
    kind: 'active-problem',
    label: 'Hypercholestérolémie',
    code: { system: 'CIM-10', code: 'E78.0', label: 'Hypercholestérolémie essentielle' },
    status: 'active',
    startDate: '2015-03-10',
  },
  {
    id: 'pb-cholecystectomie',
    kind: 'surgical-history',
    label: 'Cholécystectomie sous cœlioscopie pour lithiase vésiculaire',
    code: { system: 'CIM-10', code: 'K80.2', label: 'Calcul de la vésicule biliaire sans cholécystite' },
    status: 'resolved',
    startDate: '2009-06-18',
    endDate: '2009-06-18',
  },
  {
    id: 'pb-fracture-poignet',
    kind: 'medical-history',
    label: 'Fracture du poignet gauche après une chute, traitée orthopédiquement',
    code: { system: 'CIM-10', code: 'S52.5', label: 'Fracture de l’extrémité inférieure du radius' },
    status: 'resolved',
    startDate: '2017-01-09',
    endDate: '2017-03-06',
  },
];

const GONARTHROSE: ProblemEntry = {
  id: 'pb-gonarthrose',
  kind: 'active-problem',
  label: 'Gonarthrose droite fémoro-tibiale interne',
  code: { system: 'CIM-10', code: 'M17.1', label: 'Autres gonarthroses primaires' },
  status: 'active',
  startDate: '2026-02-11',
  note: 'IRM du 11 février 2026. Kinésithérapie en cours.',
};

const ALLERGIES: AllergyEntry[] = [
  {
    id: 'al-penicillines',
    agent: 'Pénicillines (amoxicilline)',
    code: { system: 'ATC', code: 'J01CA04', label: 'amoxicilline' },
    type: 'allergy',
    clinicalStatus: 'active',
    criticality: 'high',
    certainty: 'confirmed',
    reactions: ['Urticaire généralisée', 'Œdème de Quincke'],
    severity: 'severe',
    startDate: '1987-05-01',
    note: 'Réaction en 1987 ; tests cutanés positifs en 2010 (service d’allergologie, CHU de Lyon).',
  },
  {
    id: 'al-codeine',
    agent: 'Codéine',
    code: { system: 'ATC', code: 'R05DA04', label: 'codéine' },
    type: 'intolerance',
    clinicalStatus: 'active',
    criticality: 'low',
    certainty: 'presumed',
    reactions: ['Nausées', 'Vomissements'],
    severity: 'mild',
    startDate: '2017-01-10',
  },
];

const RISK_FACTORS: RiskFactorEntry[] = [
  {
    id: 'rf-tabac',
    kind: 'lifestyle',
    label: 'Tabagisme sevré (20 paquets-années)',
    startDate: '2008-01-01',
    note: 'Arrêt complet en janvier 2008.',
  },
  {
    id: 'rf-amiante',
    kind: 'occupational',
    label: 'Exposition professionnelle à l’amiante',
    note: 'Ouvrière dans une usine de fibrociment de 1976 à 1989.',
  },
  { id: 'rf-pere-infarctus', kind: 'family-history', label: 'Père : infarctus du myocarde à 52 ans' },
  { id: 'rf-mere-sein', kind: 'family-history', label: 'Mère : cancer du sein à 61 ans' },
];

const TREATMENTS_COMMON: TreatmentEntry[] = [
  {
    id: 'tt-ramipril',
    drug: 'RAMIPRIL BIOGARAN 5 mg, comprimé sécable',
    cis: '61599041',
    atc: 'C09AA05',
    dosage: '1 comprimé le matin',
    status: 'active',
    startDate: '2009-06-02',
  },
  {
    id: 'tt-amlodipine',
    drug: 'AMLODIPINE BIOGARAN 5 mg, gélule',
    cis: '65728601',
    atc: 'C08CA01',
    dosage: '1 gélule le matin',
    status: 'active',
    startDate: '2024-03-04',
  },
  {
    id: 'tt-atorvastatine',
    drug: 'ATORVASTATINE BIOGARAN 20 mg, comprimé pelliculé',
    cis: '68212077',
    atc: 'C10AA05',
    dosage: '1 comprimé le soir',
    status: 'active',
    startDate: '2015-04-01',
  },
  {
    id: 'tt-kardegic',
    drug: 'KARDEGIC 75 mg, poudre pour solution buvable en sachet-dose',
    cis: '64755969',
    atc: 'B01AC06',
    dosage: '1 sachet par jour, au cours du repas de midi',
    status: 'active',
    startDate: '2024-03-04',
  },
  {
    id: 'tt-doliprane',
    drug: 'DOLIPRANE 1000 mg, comprimé',
    cis: '60234100',
    atc: 'N02BE01',
    dosage: '1 comprimé si douleur, jusqu’à 3 par jour, en espaçant les prises d’au moins 6 heures',
    status: 'active',
    startDate: '2022-11-03',
  },
  {
    id: 'tt-zymad',
    drug: 'ZYMAD 50 000 UI, solution buvable en ampoule',
    cis: '69441965',
    atc: 'A11CC05',
    dosage: '1 ampoule par mois de novembre à mars',
    status: 'active',
    startDate: '2019-11-05',
  },
];

const METFORMINE_V1: TreatmentEntry = {
  id: 'tt-metformine',
  drug: 'METFORMINE BGR 850 mg, comprimé pelliculé',
  cis: '60754492',
  atc: 'A10BA02',
  dosage: '1 comprimé matin et soir',
  status: 'active',
  startDate: '2014-10-15',
};

const METFORMINE_V2: TreatmentEntry = {
  id: 'tt-metformine',
  drug: 'METFORMINE BIOGARAN 1000 mg, comprimé pelliculé',
  cis: '67346461',
  atc: 'A10BA02',
  dosage: '1 comprimé matin et soir, au milieu des repas',
  status: 'active',
  startDate: '2014-10-15',
  note: 'Dose augmentée en septembre 2026 (HbA1c 7,1 %).',
};

/** Stopped before version 2: gastric protection no longer needed. */
const OMEPRAZOLE: TreatmentEntry = {
  id: 'tt-omeprazole',
  drug: 'ZOLTUM 20 mg, gélule gastro-résistante',
  cis: '63404013',
  atc: 'A02BC01',
  dosage: '1 gélule le matin à jeun',
  status: 'active',
  startDate: '2024-03-04',
};

const POINTS_TO_WATCH: WatchEntry[] = [
  {
    id: 'w-penicillines',
    label: 'Allergie grave aux pénicillines : ni amoxicilline ni association contenant une pénicilline',
  },
  {
    id: 'w-fonction-renale',
    label: 'Surveiller la fonction rénale : DFG 58 mL/min/1,73 m² ; réduire la metformine si le DFG passe sous 45',
    date: '2025-05-27',
  },
  {
    id: 'w-chute',
    label: 'Risque de chute (fracture du poignet gauche en 2017)',
    date: '2017-03-06',
  },
  {
    id: 'w-amiante',
    label: 'Exposition à l’amiante : scanner thoracique de suivi tous les 5 ans (dernier en 2024)',
    date: '2024-06-20',
  },
];

export const SYNTHESIS_CONTENT_V1: SynthesisContent = {
  problems: PROBLEMS_COMMON,
  allergiesNoneKnown: false,
  allergies: ALLERGIES,
  riskFactors: RISK_FACTORS,
  treatments: [METFORMINE_V1, ...TREATMENTS_COMMON, OMEPRAZOLE],
  pointsToWatch: POINTS_TO_WATCH,
};

export const SYNTHESIS_CONTENT_V2: SynthesisContent = {
  problems: [...PROBLEMS_COMMON.slice(0, 3), GONARTHROSE, ...PROBLEMS_COMMON.slice(3)],
  allergiesNoneKnown: false,
  allergies: ALLERGIES,
  riskFactors: RISK_FACTORS,
  treatments: [METFORMINE_V2, ...TREATMENTS_COMMON],
  pointsToWatch: POINTS_TO_WATCH,
};

const AUTHOR = { name: professionalDisplayName(DR_MARTIN_TRAITANT), rpps: DR_MARTIN_TRAITANT.rpps };

export const SYNTHESIS_V1: Synthesis = {
  documentId: VSM_V1.id,
  version: 1,
  etag: '"vsm-durand-1"',
  author: AUTHOR,
  savedAt: VSM_V1.submittedAt,
  content: SYNTHESIS_CONTENT_V1,
};

export const SYNTHESIS_V2: Synthesis = {
  documentId: VSM_V2.id,
  version: 2,
  etag: '"vsm-durand-2"',
  author: AUTHOR,
  savedAt: VSM_V2.submittedAt,
  content: SYNTHESIS_CONTENT_V2,
};

/** The saved VSM versions by INS, oldest first. */
export const SYNTHESES: Readonly<Record<string, Synthesis[]>> = {
  [PATIENT_ADULT.identity.ins]: [SYNTHESIS_V1, SYNTHESIS_V2],
};
