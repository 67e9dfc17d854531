import { SYNTHESIS_TYPE_CODE, type Category } from './category.js';
import type { PolicyDocumentInput } from '../policy/types.js';

/*
 * How a document's codes map to the categories people see: classCode (JDV_J57) and typeCode
 * (JDV_J66, LOINC or TRE_A05). This file is the only place that derivation is written.
 */

/** Codes come from uploads and servers: a code such as `constructor` must find nothing. */
function codeTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.setPrototypeOf(entries, null);
}

/** classCode (JDV_J57-ClassCode-DMP) → category, when no typeCode overrides it. */
const BY_CLASS_CODE: Readonly<Record<string, Category>> = /* @__PURE__ */ codeTable({
  '10': 'report',
  '11': 'synthesis',
  '31': 'imaging',
  '42': 'treatment-and-care',
  '43': 'treatment-and-care',
  '44': 'treatment-and-care',
  '45': 'treatment-and-care',
  '52': 'report',
  '60': 'reimbursement',
  '90': 'patient',
  '95': 'administrative',
});

/**
 * What the patient deposits (DOCPAT01–06, class 90) and the category each sits in. Only these
 * six codes are the patient's: a look-alike code is nobody's deposit.
 */
export const PATIENT_DEPOSIT_CATEGORY: Readonly<Record<string, Category>> = /* @__PURE__ */ codeTable({
  DOCPAT01: 'synthesis',
  DOCPAT02: 'treatment-and-care',
  DOCPAT03: 'report',
  DOCPAT04: 'imaging',
  DOCPAT05: 'biology',
  DOCPAT06: 'prevention',
});

/**
 * typeCode → category, besides the patient's deposits; wins over the classCode. Biology reports
 * are class 10 (compte rendu) in XDS but their own category for people; prevention documents
 * likewise.
 */
const BY_TYPE_CODE: Readonly<Record<string, Category>> = /* @__PURE__ */ codeTable({
  SYNTH: 'synthesis',
  '60591-5': 'synthesis',
  PROT_ALD: 'treatment-and-care',
  '57833-6': 'treatment-and-care',
  '60593-1': 'treatment-and-care',
  CERT_DECL: 'report',
  '11488-4': 'report',
  '34133-9': 'report',
  '34104-0': 'report',
  '18748-4': 'imaging',
  'IMG-KOS': 'imaging',
  '11502-2': 'biology',
  '26436-6': 'biology',
  '11369-6': 'prevention',
  '87273-9': 'prevention',
  '90767-5': 'prevention',
  EXPPAT_1: 'patient',
  EXPPAT_2: 'patient',
  EXPPAT_3: 'patient',
  REMB: 'reimbursement',
  'ATTEST-RESID': 'administrative',
  'ATTEST-HEBGT': 'administrative',
  'ATTEST-DROITS-AM': 'administrative',
  'AUTORIS-SOINS': 'administrative',
});

/** Human labels of the type codes the seed data and the upload form use (French). */
export const TYPE_CODE_LABELS: Readonly<Record<string, string>> = /* @__PURE__ */ codeTable({
  SYNTH: 'Volet de synthèse médicale',
  '60591-5': 'Synthèse patient (IPS-FR)',
  PROT_ALD: 'Protocole de soins ALD',
  '57833-6': 'Prescription de médicaments',
  '60593-1': 'Dispensation médicamenteuse',
  CERT_DECL: 'Certificat, déclaration',
  '11488-4': 'Compte rendu de consultation',
  '34133-9': 'Synthèse d’épisode de soins',
  '34104-0': 'Compte rendu de consultation hospitalière',
  '18748-4': 'Compte rendu d’imagerie',
  'IMG-KOS': 'Référence d’examen d’imagerie',
  '11502-2': 'Compte rendu de biologie',
  '26436-6': 'Examens de laboratoire',
  '11369-6': 'Historique des vaccinations',
  '87273-9': 'Note de vaccination',
  '90767-5': 'Compte rendu de dépistage',
  EXPPAT_1: 'Document de l’usager',
  EXPPAT_2: 'Informations de l’usager',
  EXPPAT_3: 'Directives anticipées',
  REMB: 'Historique des remboursements',
  'ATTEST-RESID': 'Attestation de résidence',
  'ATTEST-HEBGT': 'Attestation d’hébergement',
  'ATTEST-DROITS-AM': 'Attestation de droits à l’Assurance Maladie',
  'AUTORIS-SOINS': 'Autorisation de soins',
  DOCPAT01: 'Synthèse déposée par le patient',
  DOCPAT02: 'Traitement déposé par le patient',
  DOCPAT03: 'Compte rendu déposé par le patient',
  DOCPAT04: 'Imagerie déposée par le patient',
  DOCPAT05: 'Biologie déposée par le patient',
  DOCPAT06: 'Prévention déposée par le patient',
});

/** The classCode a typeCode is filed under, for documents created from a typeCode alone. */
export const CLASS_CODE_OF_TYPE: Readonly<Record<string, string>> = /* @__PURE__ */ codeTable({
  SYNTH: '11',
  '60591-5': '11',
  PROT_ALD: '44',
  '57833-6': '42',
  '60593-1': '43',
  CERT_DECL: '52',
  '11488-4': '10',
  '34133-9': '10',
  '18748-4': '31',
  'IMG-KOS': '31',
  '11502-2': '10',
  '26436-6': '10',
  '34104-0': '10',
  '11369-6': '10',
  '87273-9': '10',
  '90767-5': '10',
  EXPPAT_1: '90',
  EXPPAT_2: '90',
  EXPPAT_3: '90',
  REMB: '60',
  'ATTEST-RESID': '95',
  'ATTEST-HEBGT': '95',
  'ATTEST-DROITS-AM': '95',
  'AUTORIS-SOINS': '95',
  DOCPAT01: '90',
  DOCPAT02: '90',
  DOCPAT03: '90',
  DOCPAT04: '90',
  DOCPAT05: '90',
  DOCPAT06: '90',
});

/** Whether a typeCode marks a document deposited by the patient (shown with a badge). */
export function isDepositedByPatient(typeCode: string): boolean {
  return typeCode in PATIENT_DEPOSIT_CATEGORY;
}

/**
 * The UI category of a document. Unknown codes fall back to `report`, the DMP's most general
 * class, rather than hiding the document.
 */
export function categoryOf(classCode: string, typeCode: string): Category {
  return BY_TYPE_CODE[typeCode] ?? PATIENT_DEPOSIT_CATEGORY[typeCode] ?? BY_CLASS_CODE[classCode] ?? 'report';
}

/**
 * Whether a document of this type is sent as a file (`POST /documents`): any but the VSM, which
 * is structured content saved and versioned by `PUT /synthesis` (saveSynthesis), written in
 * dmp-synthesis-editor; a file could not become the version that route serves.
 */
export function isSentAsFile(typeCode: string): boolean {
  return typeCode !== SYNTHESIS_TYPE_CODE;
}

/** A new document of type `typeCode`, no flag set, as the policy reads it before it is sent. */
export function newDocumentDraft(typeCode: string): PolicyDocumentInput {
  return {
    category: categoryOf(CLASS_CODE_OF_TYPE[typeCode] ?? '', typeCode),
    typeCode,
    masked: false,
    invisibleToPatient: false,
    invisibleToLegalRepresentatives: false,
  };
}
