import type { PolicyDocumentInput } from '../policy/types.js';

/**
 * An unrestricted document of a category (and type), for questions asked before any document is
 * read, or exists: may this actor read the category at all, may they write a first one?
 */
export function nominalDocument(category: PolicyDocumentInput['category'], typeCode?: string): PolicyDocumentInput {
  return { category, ...(typeCode ? { typeCode } : {}), masked: false, invisibleToPatient: false, invisibleToLegalRepresentatives: false };
}
