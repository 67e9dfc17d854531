import * as z from 'zod';
import { CategorySchema } from './category.js';
import { DateTimeSchema, listOf } from './common.js';

export const DocumentStatusSchema = z.enum(['current', 'replaced', 'archived', 'deleted']);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

/** The TRE_A07 visibility codes (OID 1.2.250.1.213.1.1.4.13). */
export const VISIBILITY_CODES = {
  masked: 'MASQUE_PS',
  invisibleToPatient: 'INVISIBLE_PATIENT',
  invisibleToLegalRepresentatives: 'INVISIBLE_REPRESENTANTS_LEGAUX',
} as const;

export const DocumentAuthorSchema = z.object({
  name: z.string().min(1),
  rpps: z.string().optional(),
  /** TRE_G15 profession code; absent for a document deposited by the patient. */
  profession: z.string().optional(),
  organisation: z.string().optional(),
});
export type DocumentAuthor = z.infer<typeof DocumentAuthorSchema>;

export const MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'text/xml', 'text/plain'] as const;
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** A document's XDS metadata, as listed and read. */
export const DocumentSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  category: CategorySchema,
  /** JDV_J57 classCode, e.g. `10` compte rendu. */
  classCode: z.string().min(1),
  /** LOINC or TRE_A05 typeCode, e.g. `11502-2`, `SYNTH`. */
  typeCode: z.string().min(1),
  author: DocumentAuthorSchema,
  /** Date of the act. */
  serviceStart: DateTimeSchema,
  serviceStop: DateTimeSchema.optional(),
  submittedAt: DateTimeSchema,
  /** e.g. `urn:ihe:iti:xds-sd:pdf:2008` (CDA level 1), `urn:asip:ci-sis:vsm:2012`. */
  formatCode: z.string().min(1),
  mimeType: z.string().min(1),
  size: z.number().int().nonnegative(),
  confidentiality: z.array(z.string()),
  status: DocumentStatusSchema,
  masked: z.boolean(),
  invisibleToPatient: z.boolean(),
  invisibleToLegalRepresentatives: z.boolean(),
  /** Deposited by the patient (typeCode `DOCPAT*`, or category `patient`). */
  depositedByPatient: z.boolean(),
  version: z.number().int().positive(),
  replaces: z.string().optional(),
  replacedBy: z.string().optional(),
});
export type DmpDocument = z.infer<typeof DocumentSchema>;

export const DocumentListSchema = listOf(DocumentSchema);
export type DocumentList = z.infer<typeof DocumentListSchema>;

export const DOCUMENT_SORTS = ['date-desc', 'date-asc', 'title-asc', 'title-desc'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

/** `GET /dossiers/{ins}/documents` query. */
export const DocumentQuerySchema = z.object({
  q: z.string().max(200).optional(),
  category: CategorySchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  authorProfession: z.string().optional(),
  sort: z.enum(DOCUMENT_SORTS).optional(),
  status: z.enum(['current', 'all']).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
export type DocumentQuery = z.infer<typeof DocumentQuerySchema>;

/** `PATCH /dossiers/{ins}/documents/{id}`: mask, visibility flags, archive. */
export const DocumentPatchSchema = z
  .object({
    masked: z.boolean().optional(),
    invisibleToPatient: z.boolean().optional(),
    invisibleToLegalRepresentatives: z.boolean().optional(),
    status: z.literal('archived').optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'Aucune modification demandée.' });
export type DocumentPatch = z.infer<typeof DocumentPatchSchema>;

/** Metadata part of `POST /dossiers/{ins}/documents` (multipart, with the file). */
export const NewDocumentSchema = z.object({
  title: z.string().trim().min(1).max(250),
  typeCode: z.string().min(1),
  serviceStart: DateTimeSchema,
  serviceStop: DateTimeSchema.optional(),
  invisibleToPatient: z.boolean().optional(),
  invisibleToLegalRepresentatives: z.boolean().optional(),
  /** Replaces this document (XDS replacement). */
  replaces: z.string().optional(),
});
export type NewDocument = z.infer<typeof NewDocumentSchema>;
