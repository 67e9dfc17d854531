import type { PolicyDocumentInput } from '../policy/types.js';
import type { DmpDocument } from './document.js';

/** The largest file a document may carry. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The TRE_A07 visibility codes (OID 1.2.250.1.213.1.1.4.13). */
export const VISIBILITY_CODES = {
  masked: 'MASQUE_PS',
  invisibleToPatient: 'INVISIBLE_PATIENT',
  invisibleToLegalRepresentatives: 'INVISIBLE_REPRESENTANTS_LEGAUX',
} as const;

/** A document as the policy engine reads it (POLICY.md's `document` input). */
export function policyDocumentOf(doc: DmpDocument): PolicyDocumentInput {
  return {
    category: doc.category,
    typeCode: doc.typeCode,
    ...(doc.author.rpps ? { authorRpps: doc.author.rpps } : {}),
    masked: doc.masked,
    invisibleToPatient: doc.invisibleToPatient,
    invisibleToLegalRepresentatives: doc.invisibleToLegalRepresentatives,
    submittedAt: doc.submittedAt,
  };
}

/** The confidentiality codes of a document: `N`, then each TRE_A07 visibility code set on it. */
export function confidentialityOf(flags: Pick<DmpDocument, 'masked' | 'invisibleToPatient' | 'invisibleToLegalRepresentatives'>): string[] {
  const codes = ['N'];
  if (flags.masked) codes.push(VISIBILITY_CODES.masked);
  if (flags.invisibleToPatient) codes.push(VISIBILITY_CODES.invisibleToPatient);
  if (flags.invisibleToLegalRepresentatives) codes.push(VISIBILITY_CODES.invisibleToLegalRepresentatives);
  return codes;
}
