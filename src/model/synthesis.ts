import * as z from 'zod';
import { DateSchema, DateTimeSchema } from './common.js';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);
const label = z.string().trim().min(1).max(300);

/** A code from a terminology: CIM-10 for problems, CIS (with ATC) for drugs. */
export const CodedValueSchema = z.object({
  system: z.enum(['CIM-10', 'CIS', 'ATC', 'CIP']),
  code: z.string().min(1).max(20),
  label: z.string().min(1).max(300),
});
export type CodedValue = z.infer<typeof CodedValueSchema>;

/** Section 1a: active problems, medical and surgical history (CIM-10). */
export const ProblemEntrySchema = z.object({
  id,
  kind: z.enum(['active-problem', 'medical-history', 'surgical-history']),
  label,
  code: CodedValueSchema.optional(),
  status: z.enum(['active', 'inactive', 'resolved']),
  startDate: DateSchema.optional(),
  endDate: DateSchema.optional(),
  note: text(2000).optional(),
});

/** Section 1a: allergies and intolerances. */
export const AllergyEntrySchema = z.object({
  id,
  agent: label,
  code: CodedValueSchema.optional(),
  type: z.enum(['allergy', 'intolerance']),
  clinicalStatus: z.enum(['active', 'inactive', 'resolved']),
  criticality: z.enum(['low', 'high', 'unable-to-assess']),
  certainty: z.enum(['unconfirmed', 'presumed', 'confirmed', 'refuted']),
  reactions: z.array(z.string().trim().min(1).max(200)).max(20),
  severity: z.enum(['mild', 'moderate', 'severe']).optional(),
  startDate: DateSchema.optional(),
  note: text(2000).optional(),
});

/** Section 1b: lifestyle, occupational hazards, family history. */
export const RiskFactorEntrySchema = z.object({
  id,
  kind: z.enum(['lifestyle', 'occupational', 'family-history']),
  label,
  startDate: DateSchema.optional(),
  note: text(2000).optional(),
});

/** Section 3: long-term treatments, coded by CIS with ATC as a translation. */
export const TreatmentEntrySchema = z.object({
  id,
  drug: label,
  cis: z.string().regex(/^\d{8}$/).optional(),
  atc: z.string().regex(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/).optional(),
  dosage: z.string().trim().min(1).max(300),
  status: z.enum(['active', 'stopped']),
  startDate: DateSchema.optional(),
  endDate: DateSchema.optional(),
  note: text(2000).optional(),
});

/** Section 2: points to watch. */
export const WatchEntrySchema = z.object({
  id,
  label,
  date: DateSchema.optional(),
  note: text(2000).optional(),
});

/** Prevention, stored as its own documents (LOINC 11369-6 for vaccinations). */
export const VaccinationEntrySchema = z.object({
  id,
  vaccine: label,
  date: DateSchema,
  lot: z.string().trim().max(40).optional(),
  dose: z.string().trim().max(40).optional(),
});
export const ScreeningEntrySchema = z.object({
  id,
  label,
  date: DateSchema,
  result: text(500).optional(),
  nextDue: DateSchema.optional(),
});

function datesInOrder(e: { startDate?: string | undefined; endDate?: string | undefined }) {
  return !e.startDate || !e.endDate || e.startDate <= e.endDate;
}
const endAfterStart = { message: 'La date de fin précède la date de début.', path: ['endDate'] };

/**
 * The content of a VSM, in the six groups the editor presents (DECISIONS.md 1). Section 1 of
 * the CDA holds problems, allergies and risk factors; 2 the points to watch; 3 the treatments.
 */
export const SynthesisContentSchema = z.object({
  problems: z.array(ProblemEntrySchema.refine(datesInOrder, endAfterStart)).max(500),
  /** "No known allergy" is a statement, distinct from an empty list. */
  allergiesNoneKnown: z.boolean(),
  allergies: z.array(AllergyEntrySchema).max(500),
  riskFactors: z.array(RiskFactorEntrySchema).max(500),
  treatments: z.array(TreatmentEntrySchema.refine(datesInOrder, endAfterStart)).max(500),
  vaccinations: z.array(VaccinationEntrySchema).max(500),
  screenings: z.array(ScreeningEntrySchema).max(500),
  pointsToWatch: z.array(WatchEntrySchema).max(500),
  narrative: text(10000).optional(),
});
export type SynthesisContent = z.infer<typeof SynthesisContentSchema>;
export type ProblemEntry = z.infer<typeof ProblemEntrySchema>;
export type AllergyEntry = z.infer<typeof AllergyEntrySchema>;
export type RiskFactorEntry = z.infer<typeof RiskFactorEntrySchema>;
export type TreatmentEntry = z.infer<typeof TreatmentEntrySchema>;
export type WatchEntry = z.infer<typeof WatchEntrySchema>;
export type VaccinationEntry = z.infer<typeof VaccinationEntrySchema>;
export type ScreeningEntry = z.infer<typeof ScreeningEntrySchema>;

export const SYNTHESIS_GROUPS = [
  'problems',
  'allergies',
  'riskFactors',
  'treatments',
  'prevention',
  'pointsToWatch',
] as const;
export type SynthesisGroup = (typeof SYNTHESIS_GROUPS)[number];

/** One saved version of the VSM: a signed document replacing the one before. */
export const SynthesisSchema = z.object({
  documentId: z.string().min(1),
  version: z.number().int().positive(),
  /** Opaque; sent back as `If-Match` to save the next version. */
  etag: z.string().min(1),
  author: z.object({ name: z.string().min(1), rpps: z.string().optional() }),
  savedAt: DateTimeSchema,
  content: SynthesisContentSchema,
});
export type Synthesis = z.infer<typeof SynthesisSchema>;

export const SynthesisVersionSchema = SynthesisSchema.pick({ documentId: true, version: true, author: true, savedAt: true });
export type SynthesisVersion = z.infer<typeof SynthesisVersionSchema>;
export const SynthesisVersionListSchema = z.object({ items: z.array(SynthesisVersionSchema) });

/** `PUT /dossiers/{ins}/synthesis` body. */
export const SynthesisSaveSchema = z.object({ content: SynthesisContentSchema });

export function emptySynthesisContent(): SynthesisContent {
  return {
    problems: [],
    allergiesNoneKnown: false,
    allergies: [],
    riskFactors: [],
    treatments: [],
    vaccinations: [],
    screenings: [],
    pointsToWatch: [],
  };
}
