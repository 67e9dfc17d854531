import * as z from 'zod/mini';
import type { PolicyDocumentInput } from '../policy/types.js';
import { CategorySchema, TYPE_CODE_LABELS } from './category.js';
import { DateSchema, DateTimeSchema, NonEmptySchema, listOf, trimmed } from './common.js';

export const DocumentStatusSchema = z.enum(['current', 'replaced', 'archived', 'deleted']);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

/** The TRE_A07 visibility codes (OID 1.2.250.1.213.1.1.4.13). */
export const VISIBILITY_CODES = {
  masked: 'MASQUE_PS',
  invisibleToPatient: 'INVISIBLE_PATIENT',
  invisibleToLegalRepresentatives: 'INVISIBLE_REPRESENTANTS_LEGAUX',
} as const;

export const DocumentAuthorSchema = z.object({
  name: NonEmptySchema,
  rpps: z.optional(z.string()),
  /** TRE_G15 profession code; absent for a document deposited by the patient. */
  profession: z.optional(z.string()),
  organisation: z.optional(z.string()),
});
export type DocumentAuthor = z.infer<typeof DocumentAuthorSchema>;

export const MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'text/xml', 'text/plain'] as const;
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const Count = z.int().check(z.nonnegative());

/** A document's XDS metadata, as listed and read. */
export const DocumentSchema = z.object({
  id: NonEmptySchema,
  title: NonEmptySchema,
  category: CategorySchema,
  /** JDV_J57 classCode, e.g. `10` compte rendu. */
  classCode: NonEmptySchema,
  /** LOINC or TRE_A05 typeCode, e.g. `11502-2`, `SYNTH`. */
  typeCode: NonEmptySchema,
  author: DocumentAuthorSchema,
  /** Date of the act. */
  serviceStart: DateTimeSchema,
  serviceStop: z.optional(DateTimeSchema),
  submittedAt: DateTimeSchema,
  /** e.g. `urn:ihe:iti:xds-sd:pdf:2008` (CDA level 1), `urn:asip:ci-sis:vsm:2012`. */
  formatCode: NonEmptySchema,
  mimeType: NonEmptySchema,
  size: Count,
  confidentiality: z.array(z.string()),
  status: DocumentStatusSchema,
  masked: z.boolean(),
  invisibleToPatient: z.boolean(),
  invisibleToLegalRepresentatives: z.boolean(),
  /** Deposited by the patient (typeCode `DOCPAT*`, or category `patient`). */
  depositedByPatient: z.boolean(),
  version: z.int().check(z.positive()),
  replaces: z.optional(z.string()),
  replacedBy: z.optional(z.string()),
});
export type DmpDocument = z.infer<typeof DocumentSchema>;

export const DocumentListSchema = listOf(DocumentSchema);
export type DocumentList = z.infer<typeof DocumentListSchema>;

/**
 * `GET /dossiers/{ins}/latest-documents`: the newest current document of each category, in one
 * request (one line in the patient's history) rather than one search per category.
 */
export const LatestDocumentsSchema = z.object({
  categories: z.array(
    z.object({
      category: CategorySchema,
      /** The category's newest current document the caller may read, by date of the act. */
      document: z.optional(DocumentSchema),
      /** Only for professionals: the category's current documents the policy hid, by reason code. */
      hidden: z.optional(z.record(z.string(), z.int().check(z.nonnegative()))),
    }),
  ),
});
export type LatestDocuments = z.infer<typeof LatestDocumentsSchema>;

export const DOCUMENT_SORTS = ['date-desc', 'date-asc', 'title-asc', 'title-desc'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

/** A page size from a query string: a whole number from 1 to 1000. */
export const LimitSchema = z.coerce.number().check(z.multipleOf(1), z.minimum(1), z.maximum(1000));

/** `GET /dossiers/{ins}/documents` query. */
export const DocumentQuerySchema = z.object({
  q: z.optional(z.string().check(z.maxLength(200))),
  category: z.optional(CategorySchema),
  from: z.optional(DateSchema),
  to: z.optional(DateSchema),
  authorProfession: z.optional(z.string()),
  sort: z.optional(z.enum(DOCUMENT_SORTS)),
  status: z.optional(z.enum(['current', 'all'])),
  cursor: z.optional(z.string()),
  limit: z.optional(LimitSchema),
});
export type DocumentQuery = z.infer<typeof DocumentQuerySchema>;

/** `PATCH /dossiers/{ins}/documents/{id}`: mask, visibility flags, archive. */
export const DocumentPatchSchema = z
  .object({
    masked: z.optional(z.boolean()),
    invisibleToPatient: z.optional(z.boolean()),
    invisibleToLegalRepresentatives: z.optional(z.boolean()),
    status: z.optional(z.literal('archived')),
  })
  .check(z.refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'Aucune modification demandée.' }));
export type DocumentPatch = z.infer<typeof DocumentPatchSchema>;

/** Metadata part of `POST /dossiers/{ins}/documents` (multipart, with the file). */
export const NewDocumentSchema = z.object({
  title: trimmed(1, 250),
  typeCode: NonEmptySchema,
  serviceStart: DateTimeSchema,
  serviceStop: z.optional(DateTimeSchema),
  invisibleToPatient: z.optional(z.boolean()),
  invisibleToLegalRepresentatives: z.optional(z.boolean()),
  /** Replaces this document (XDS replacement). */
  replaces: z.optional(z.string()),
});
export type NewDocument = z.infer<typeof NewDocumentSchema>;

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

/** Lower case without accents: "Échographie" matches "echo". Server and browser fold alike. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

// Folding is the costly part of a search; each document is folded once, on its first search.
const searchTexts = new WeakMap<DmpDocument, string>();

/** What a keyword search looks in: title, author, organisation and type, folded. */
function searchTextOf(doc: DmpDocument): string {
  let text = searchTexts.get(doc);
  if (text === undefined) {
    text = fold(`${doc.title} ${doc.author.name} ${doc.author.organisation ?? ''} ${TYPE_CODE_LABELS[doc.typeCode] ?? ''} ${doc.typeCode}`);
    searchTexts.set(doc, text);
  }
  return text;
}

/**
 * The keyword search of `q` (every word must appear), the same in the backend, the FHIR client
 * and the list filtering loaded rows; undefined when `q` holds no word.
 */
export function keywordMatcher(q: string | undefined): ((doc: DmpDocument) => boolean) | undefined {
  const words = fold(q ?? '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  return (doc) => {
    const text = searchTextOf(doc);
    return words.every((word) => text.includes(word));
  };
}
