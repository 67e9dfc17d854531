import { CLASS_CODE_OF_TYPE, categoryOf, isDepositedByPatient } from '../../src/model/document-types.js';
import { VISIBILITY_CODES, type DmpDocument, type DocumentAuthor, type DocumentStatus } from '../../src/model/document.js';
import type { Professional } from '../../src/model/professional.js';
import { professionalDisplayName } from './professionals.js';

/** CDA R2 level 1: a PDF inside the CDA envelope (we serve the PDF itself). */
export const FORMAT_PDF = 'urn:ihe:iti:xds-sd:pdf:2008';
export const FORMAT_VSM = 'urn:asip:ci-sis:vsm:2012';
export const FORMAT_CR_BIO = 'urn:ihe:lab:xd-lab:2008';
export const FORMAT_VACCINATIONS = 'urn:ihe:pcc:ic:2009';
/** What the patient deposits: the mime type says all there is to know. */
export const FORMAT_PATIENT = 'urn:ihe:iti:xds:2017:mimeTypeSufficient';

/** Structured documents are CDA level 3 XML; the rest default to a level-1 PDF. */
const STRUCTURED_FORMAT_OF_TYPE: Readonly<Record<string, string>> = {
  SYNTH: FORMAT_VSM,
  '11502-2': FORMAT_CR_BIO,
  '11369-6': FORMAT_VACCINATIONS,
};

export interface DocumentSpec {
  id: string;
  title: string;
  typeCode: string;
  author: DocumentAuthor;
  serviceStart: string;
  serviceStop?: string;
  submittedAt: string;
  size: number;
  formatCode?: string;
  mimeType?: string;
  status?: DocumentStatus;
  masked?: boolean;
  invisibleToPatient?: boolean;
  invisibleToLegalRepresentatives?: boolean;
  /** Forces the flag for a patient's document whose typeCode is not DOCPAT*. */
  depositedByPatient?: boolean;
  version?: number;
  replaces?: string;
  replacedBy?: string;
}

/**
 * A document whose classCode and category are derived from its typeCode through the one table
 * in src/model/category.ts, so the seed cannot disagree with the model.
 */
export function makeDocument(spec: DocumentSpec): DmpDocument {
  const classCode = CLASS_CODE_OF_TYPE[spec.typeCode];
  if (classCode === undefined) throw new Error(`Seed document ${spec.id}: unknown typeCode ${spec.typeCode}`);
  const category = categoryOf(classCode, spec.typeCode);
  const depositedByPatient = spec.depositedByPatient ?? (isDepositedByPatient(spec.typeCode) || category === 'patient');
  const masked = spec.masked ?? false;
  const invisibleToPatient = spec.invisibleToPatient ?? false;
  const invisibleToLegalRepresentatives = spec.invisibleToLegalRepresentatives ?? false;
  const structured = STRUCTURED_FORMAT_OF_TYPE[spec.typeCode];
  const formatCode = spec.formatCode ?? structured ?? (depositedByPatient ? FORMAT_PATIENT : FORMAT_PDF);
  const mimeType = spec.mimeType ?? (structured ? 'text/xml' : 'application/pdf');
  // The confidentiality codes carry the TRE_A07 visibility statuses next to HL7's normal level.
  const confidentiality = ['N'];
  if (masked) confidentiality.push(VISIBILITY_CODES.masked);
  if (invisibleToPatient) confidentiality.push(VISIBILITY_CODES.invisibleToPatient);
  if (invisibleToLegalRepresentatives) confidentiality.push(VISIBILITY_CODES.invisibleToLegalRepresentatives);

  const document: DmpDocument = {
    id: spec.id,
    title: spec.title,
    category,
    classCode,
    typeCode: spec.typeCode,
    // Copied, so that no two documents share an object a handler might edit.
    author: { ...spec.author },
    serviceStart: spec.serviceStart,
    submittedAt: spec.submittedAt,
    formatCode,
    mimeType,
    size: spec.size,
    confidentiality,
    status: spec.status ?? 'current',
    masked,
    invisibleToPatient,
    invisibleToLegalRepresentatives,
    depositedByPatient,
    version: spec.version ?? 1,
  };
  if (spec.serviceStop !== undefined) document.serviceStop = spec.serviceStop;
  if (spec.replaces !== undefined) document.replaces = spec.replaces;
  if (spec.replacedBy !== undefined) document.replacedBy = spec.replacedBy;
  return document;
}

/** A professional as a document's author. */
export function authorOf(p: Professional): DocumentAuthor {
  const author: DocumentAuthor = { name: professionalDisplayName(p), rpps: p.rpps, profession: p.profession };
  if (p.organisation) author.organisation = p.organisation.name;
  return author;
}

/** The Assurance Maladie deposits the reimbursement history and rights certificates; no RPPS. */
export function assuranceMaladie(caisse: string): DocumentAuthor {
  return { name: 'Assurance Maladie', organisation: caisse };
}
