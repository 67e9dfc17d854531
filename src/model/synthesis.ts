import * as z from '../zod.js';
import { DateSchema, DateTimeSchema, NonEmptySchema, trimmed } from './common.js';
import { uniqueEntryIds } from './entry-ids.js';

export { SYNTHESIS_GROUPS, emptyPreventionContent, emptySynthesisContent, type SynthesisGroup } from './synthesis-shape.js';

/** An entry's stable id (DECISIONS.md 4). */
export const entryId = z.string().check(z.minLength(1), z.maxLength(64));
const id = entryId;
const note = z.optional(trimmed(0, 2000));
/** An entry's name: a problem, a drug, a vaccine. */
export const entryLabel = trimmed(1, 300);
const label = entryLabel;
const optionalDate = z.optional(DateSchema);

/** A code from a terminology: CIM-10 for problems, CIS (with ATC) for drugs. */
export const CodedValueSchema = z.object({
  system: z.enum(['CIM-10', 'CIS', 'ATC', 'CIP']),
  code: z.string().check(z.minLength(1), z.maxLength(20)),
  label: z.string().check(z.minLength(1), z.maxLength(300)),
});
export type CodedValue = z.infer<typeof CodedValueSchema>;

function datesInOrder(e: { startDate?: string | undefined; endDate?: string | undefined }) {
  return !e.startDate || !e.endDate || e.startDate <= e.endDate;
}
const endAfterStart = z.refine<{ startDate?: string | undefined; endDate?: string | undefined }>(datesInOrder, { message: 'La date de fin précède la date de début.', path: ['endDate'] });

/** Section 1a: active problems, medical and surgical history (CIM-10). */
export const ProblemEntrySchema = z
  .object({
    id,
    kind: z.enum(['active-problem', 'medical-history', 'surgical-history']),
    label,
    code: z.optional(CodedValueSchema),
    status: z.enum(['active', 'inactive', 'resolved']),
    startDate: optionalDate,
    endDate: optionalDate,
    note,
  })
  .check(endAfterStart);

/** Section 1a: allergies and intolerances. */
export const AllergyEntrySchema = z.object({
  id,
  agent: label,
  code: z.optional(CodedValueSchema),
  type: z.enum(['allergy', 'intolerance']),
  clinicalStatus: z.enum(['active', 'inactive', 'resolved']),
  criticality: z.enum(['low', 'high', 'unable-to-assess']),
  certainty: z.enum(['unconfirmed', 'presumed', 'confirmed', 'refuted']),
  reactions: z.array(trimmed(1, 200)).check(z.maxLength(20)),
  severity: z.optional(z.enum(['mild', 'moderate', 'severe'])),
  startDate: optionalDate,
  note,
});

/** Section 1b: lifestyle, occupational hazards, family history. */
export const RiskFactorEntrySchema = z.object({
  id,
  kind: z.enum(['lifestyle', 'occupational', 'family-history']),
  label,
  startDate: optionalDate,
  note,
});

/** Section 3: long-term treatments, coded by CIS with ATC as a translation. */
export const TreatmentEntrySchema = z
  .object({
    id,
    drug: label,
    cis: z.optional(z.string().check(z.regex(/^\d{8}$/))),
    atc: z.optional(z.string().check(z.regex(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/))),
    dosage: trimmed(1, 300),
    status: z.enum(['active', 'stopped']),
    startDate: optionalDate,
    endDate: optionalDate,
    note,
  })
  .check(endAfterStart);

/** Section 2: points to watch. */
export const WatchEntrySchema = z.object({
  id,
  label,
  date: optionalDate,
  note,
});

/** A list of entries, at most 500. */
export const entryList = <T extends z.ZodMiniType>(entry: T) => z.array(entry).check(z.maxLength(500));
const list = entryList;

/**
 * The CDA's section 1 (problems, allergies, risk factors) is mandatory, and a section with no
 * coded sub-section needs narrative text (DOMAIN.md): "no known allergy" is a coded statement;
 * otherwise the general comment stands for the section's text. A rule for what is saved, not for
 * what is read: a version saved before it, or by other software, still loads. Checked even when
 * other fields fail, so that the editor names every field to fix at once; the content may then be
 * partial.
 */
const filled = (list: unknown) => Array.isArray(list) && list.length > 0;
const sectionOneHasText = z.refine<Record<string, unknown>>(
  (c) => filled(c.problems) || filled(c.allergies) || c.allergiesNoneKnown === true || filled(c.riskFactors) || !!c.narrative,
  {
    message: 'Sans pathologie, allergie ni facteur de risque saisi, le commentaire général est requis.',
    path: ['narrative'],
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  },
);

/**
 * The content of a VSM (DECISIONS.md 1). Section 1 of the CDA holds problems, allergies and risk
 * factors; 2 the points to watch; 3 the treatments. Prevention, the sixth group the editor
 * presents, is not in it: it is stored as its own documents (prevention.ts).
 */
export const SynthesisContentSchema = z.object({
  problems: list(ProblemEntrySchema),
  /** "No known allergy" is a statement, distinct from an empty list. */
  allergiesNoneKnown: z.boolean(),
  allergies: list(AllergyEntrySchema),
  riskFactors: list(RiskFactorEntrySchema),
  treatments: list(TreatmentEntrySchema),
  pointsToWatch: list(WatchEntrySchema),
  narrative: z.optional(trimmed(0, 10000)),
}).check(
  z.refine((c) => !(c.allergiesNoneKnown && c.allergies.length > 0), {
    message: 'Aucune allergie connue, mais des allergies sont listées.',
    path: ['allergiesNoneKnown'],
  }),
);
export type SynthesisContent = z.infer<typeof SynthesisContentSchema>;
export type ProblemEntry = z.infer<typeof ProblemEntrySchema>;
export type AllergyEntry = z.infer<typeof AllergyEntrySchema>;
export type RiskFactorEntry = z.infer<typeof RiskFactorEntrySchema>;
export type TreatmentEntry = z.infer<typeof TreatmentEntrySchema>;
export type WatchEntry = z.infer<typeof WatchEntrySchema>;

const SynthesisAuthorSchema = z.object({ name: NonEmptySchema, rpps: z.optional(z.string()) });

/** What every saved version of a structured record carries besides its content and documents. */
export const SAVED_VERSION_FIELDS = {
  version: z.int().check(z.positive()),
  /** Opaque; sent back as `If-Match` to save the next version. */
  etag: NonEmptySchema,
  author: SynthesisAuthorSchema,
  savedAt: DateTimeSchema,
};

/** One saved version of the VSM: a signed document replacing the one before. */
export const SynthesisSchema = z.object({
  documentId: NonEmptySchema,
  ...SAVED_VERSION_FIELDS,
  content: SynthesisContentSchema,
});
export type Synthesis = z.infer<typeof SynthesisSchema>;

export const SynthesisVersionSchema = z.pick(SynthesisSchema, { documentId: true, version: true, author: true, savedAt: true });
export type SynthesisVersion = z.infer<typeof SynthesisVersionSchema>;
export const SynthesisVersionListSchema = z.object({ items: z.array(SynthesisVersionSchema) });

/** The content of a version about to be saved: what any version holds, with the rules of a save. */
export const SynthesisContentToSaveSchema = SynthesisContentSchema.check(
  sectionOneHasText,
  uniqueEntryIds(['problems', 'allergies', 'riskFactors', 'treatments', 'pointsToWatch']),
);

/** `PUT /dossiers/{ins}/synthesis` body. */
export const SynthesisSaveSchema = z.object({ content: SynthesisContentToSaveSchema });
