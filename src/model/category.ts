/**
 * The document categories people see in the DMP. They are derived from the XDS classCode
 * (JDV_J57) and typeCode (JDV_J66, LOINC or TRE_A05), in document-types.ts.
 */
export const CATEGORIES = [
  'synthesis',
  'treatment-and-care',
  'report',
  'imaging',
  'biology',
  'prevention',
  'patient',
  'reimbursement',
  'administrative',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** The patient's declared information ("Mes informations"), one JSON document of their own. */
export const PROFILE_TYPE_CODE = 'EXPPAT_2';
/** Advance directives the patient uploaded. */
export const DIRECTIVES_TYPE_CODE = 'EXPPAT_3';
/** The volet de synthèse médicale (TRE_A05): whoever sends one writes the synthesis. */
export const SYNTHESIS_TYPE_CODE = 'SYNTH';
