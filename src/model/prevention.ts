import * as z from '../zod.js';
import { DateSchema, NonEmptySchema, trimmed } from './common.js';
import { uniqueEntryIds } from './entry-ids.js';
import { SAVED_VERSION_FIELDS, entryId, entryLabel, entryList } from './synthesis.js';

/*
 * Prevention, the sixth group the synthesis editor presents, is not part of the VSM: it is kept
 * as its own documents (DECISIONS.md 1), the vaccination history (LOINC 11369-6) and the
 * screening report (LOINC 90767-5), read and saved together as one record beside the synthesis.
 */

/** The typeCode of the document each list is stored in. */
export const PREVENTION_TYPE_CODES = { vaccinations: '11369-6', screenings: '90767-5' } as const;
export type PreventionList = keyof typeof PREVENTION_TYPE_CODES;

export const VaccinationEntrySchema = z.object({
  id: entryId,
  vaccine: entryLabel,
  date: DateSchema,
  lot: z.optional(trimmed(0, 40)),
  dose: z.optional(trimmed(0, 40)),
  /** Who gave the injection. */
  administeredBy: z.optional(trimmed(0, 100)),
  /** The booster due, if any. */
  nextDue: z.optional(DateSchema),
});
export type VaccinationEntry = z.infer<typeof VaccinationEntrySchema>;

export const ScreeningEntrySchema = z.object({
  id: entryId,
  label: entryLabel,
  date: DateSchema,
  result: z.optional(trimmed(0, 500)),
  nextDue: z.optional(DateSchema),
});
export type ScreeningEntry = z.infer<typeof ScreeningEntrySchema>;

export const PreventionContentSchema = z.object({
  vaccinations: entryList(VaccinationEntrySchema),
  screenings: entryList(ScreeningEntrySchema),
});
export type PreventionContent = z.infer<typeof PreventionContentSchema>;

/** One saved version of the prevention record. */
export const PreventionSchema = z.object({
  /** The document holding each list; a list never written has none. */
  documents: z.object({ vaccinations: z.optional(NonEmptySchema), screenings: z.optional(NonEmptySchema) }),
  ...SAVED_VERSION_FIELDS,
  content: PreventionContentSchema,
});
export type Prevention = z.infer<typeof PreventionSchema>;

/** The content of a version about to be saved: what any version holds, with the rules of a save. */
export const PreventionContentToSaveSchema = PreventionContentSchema.check(uniqueEntryIds(['vaccinations', 'screenings']));

/** `PUT /dossiers/{ins}/prevention` body. */
export const PreventionSaveSchema = z.object({ content: PreventionContentToSaveSchema });
