/**
 * The document types' names in English, by code. The French names are the nomenclatures' own
 * (TRE_A05, LOINC as the ANS labels them, model/document-types.ts); this table is loaded only
 * with what shows them to a user choosing a type, and a test checks that it names every type.
 */
export const TYPE_CODE_LABELS_EN: Readonly<Record<string, string>> = {
  SYNTH: 'Medical summary (VSM)',
  '60591-5': 'Patient summary (IPS-FR)',
  PROT_ALD: 'Long-term condition (ALD) care protocol',
  '57833-6': 'Medication prescription',
  '60593-1': 'Medication dispensing',
  CERT_DECL: 'Certificate, declaration',
  '11488-4': 'Consultation report',
  '34133-9': 'Care episode summary',
  '34104-0': 'Hospital consultation report',
  '18748-4': 'Imaging report',
  'IMG-KOS': 'Imaging study reference',
  '11502-2': 'Laboratory report',
  '26436-6': 'Laboratory tests',
  '11369-6': 'Immunization history',
  '87273-9': 'Immunization note',
  '90767-5': 'Screening report',
  EXPPAT_1: 'Patient’s document',
  EXPPAT_2: 'Patient’s information',
  EXPPAT_3: 'Advance directives',
  REMB: 'Reimbursement history',
  'ATTEST-RESID': 'Certificate of residence',
  'ATTEST-HEBGT': 'Certificate of accommodation',
  'ATTEST-DROITS-AM': 'Health insurance entitlement certificate',
  'AUTORIS-SOINS': 'Consent to care',
  DOCPAT01: 'Summary deposited by the patient',
  DOCPAT02: 'Treatment deposited by the patient',
  DOCPAT03: 'Report deposited by the patient',
  DOCPAT04: 'Imaging deposited by the patient',
  DOCPAT05: 'Laboratory results deposited by the patient',
  DOCPAT06: 'Prevention deposited by the patient',
};
