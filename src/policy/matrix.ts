import type { Category } from '../model/category.js';

import { PROFESSION_CODES, type ProfessionCode } from './profession-codes.js';

export { PROFESSION_CODES, type ProfessionCode };

/**
 * The categories each profession may read — and so write, since one writes only where one may
 * read. A design choice standing in for the annex of the arrêté du 26 octobre 2023 until it is
 * encoded; a profession not listed reads nothing. Authors always see their own documents (the
 * engine applies that, not this table).
 */
export const PROFESSION_MATRIX: Readonly<Record<ProfessionCode, readonly Category[]>> = {
  '10': ['synthesis', 'treatment-and-care', 'report', 'imaging', 'biology', 'prevention', 'patient', 'reimbursement', 'administrative'],
  '21': ['synthesis', 'treatment-and-care', 'report', 'biology', 'prevention', 'patient', 'reimbursement'],
  '40': ['synthesis', 'treatment-and-care', 'report', 'imaging', 'biology', 'prevention', 'patient', 'reimbursement'],
  '50': ['synthesis', 'treatment-and-care', 'report', 'imaging', 'biology', 'prevention', 'patient', 'reimbursement'],
  '60': ['synthesis', 'treatment-and-care', 'report', 'imaging', 'biology', 'prevention', 'patient'],
  '70': ['synthesis', 'treatment-and-care', 'report', 'imaging', 'patient'],
  '80': ['synthesis', 'treatment-and-care', 'report', 'imaging', 'biology', 'patient'],
  '91': ['synthesis', 'treatment-and-care', 'report', 'patient'],
  '92': ['synthesis', 'treatment-and-care', 'report', 'patient'],
  '95': ['synthesis', 'treatment-and-care', 'biology', 'patient'],
  '26': ['treatment-and-care'],
  '28': ['treatment-and-care'],
};

/** Per-typeCode exceptions; they win over the profession's category row, either way. */
export const TYPE_CODE_EXCEPTIONS: readonly {
  readonly profession: ProfessionCode;
  readonly typeCode: string;
  readonly mayRead: boolean;
}[] = [
  // Médecins see the whole dossier except the attestation de résidence (DOMAIN.md).
  { profession: '10', typeCode: 'ATTEST-RESID', mayRead: false },
];

// Sets and maps built once, so that a lookup allocates nothing.
const READABLE = new Map<string, ReadonlySet<Category>>(
  Object.entries(PROFESSION_MATRIX).map(([profession, categories]) => [profession, new Set(categories)]),
);
const EXCEPTIONS = new Map<string, Map<string, boolean>>();
for (const { profession, typeCode, mayRead } of TYPE_CODE_EXCEPTIONS) {
  const byType = EXCEPTIONS.get(profession) ?? new Map<string, boolean>();
  byType.set(typeCode, mayRead);
  EXCEPTIONS.set(profession, byType);
}

/** Whether a profession (TRE_G15 code) may read — and so add — a document of this kind. */
export function professionMayRead(profession: string, category: Category, typeCode?: string): boolean {
  if (typeCode !== undefined) {
    const exception = EXCEPTIONS.get(profession)?.get(typeCode);
    if (exception !== undefined) return exception;
  }
  return READABLE.get(profession)?.has(category) ?? false;
}
