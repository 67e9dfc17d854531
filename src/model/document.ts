import * as z from '../zod.js';
import { CATEGORIES } from './category.js';
import { isSentAsFile } from './document-types.js';
import { DateTimeSchema, NonEmptySchema, PeriodBoundSchema, listOf, trimmed } from './common.js';
import { DOCUMENT_SORTS } from './document-search.js';

// The helpers that need no schema live in zod-free modules, so that an element using only them
// does not load zod; they are re-exported here for everything else.
export { MAX_DOCUMENT_BYTES, VISIBILITY_CODES, confidentialityOf, policyDocumentOf } from './document-policy.js';
export { DOCUMENT_SORTS, fold, keywordMatcher, type DocumentSort } from './document-search.js';

export const CategorySchema = z.enum(CATEGORIES);

export const DocumentStatusSchema = z.enum(['current', 'replaced', 'archived', 'deleted']);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

export const DocumentAuthorSchema = z.object({
  name: NonEmptySchema,
  rpps: z.optional(z.string()),
  /** TRE_G15 profession code; absent for a document deposited by the patient. */
  profession: z.optional(z.string()),
  organisation: z.optional(z.string()),
});
export type DocumentAuthor = z.infer<typeof DocumentAuthorSchema>;

export const MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'text/xml', 'text/plain'] as const;

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
    }),
  ),
  /** As a list's `hidden`: what the policy hid in the whole dossier, whatever the categories asked for. */
  hidden: DocumentListSchema.shape.hidden,
});
export type LatestDocuments = z.infer<typeof LatestDocumentsSchema>;

/** A page size from a query string: a whole number from 1 to 1000. */
export const LimitSchema = z.coerce.number().check(z.multipleOf(1), z.minimum(1), z.maximum(1000));

/** `GET /dossiers/{ins}/documents` query. */
export const DocumentQuerySchema = z.object({
  q: z.optional(z.string().check(z.maxLength(200))),
  category: z.optional(CategorySchema),
  from: z.optional(PeriodBoundSchema),
  to: z.optional(PeriodBoundSchema),
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
  /** Any type but the VSM's (`isSentAsFile`). */
  typeCode: NonEmptySchema.check(z.refine(isSentAsFile, 'Le volet de synthèse médicale s’enregistre par PUT /dossiers/{ins}/synthesis, pas comme un fichier.')),
  serviceStart: DateTimeSchema,
  serviceStop: z.optional(DateTimeSchema),
  invisibleToPatient: z.optional(z.boolean()),
  invisibleToLegalRepresentatives: z.optional(z.boolean()),
  /** Replaces this document (XDS replacement). */
  replaces: z.optional(z.string()),
});
export type NewDocument = z.infer<typeof NewDocumentSchema>;
