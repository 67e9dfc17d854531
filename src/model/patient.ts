import * as z from '../zod.js';
import { DateSchema, trimmed } from './common.js';
import { INS_STATUSES, SEXES, type Sex } from './ins.js';
import { NIR_FAILURE_MESSAGES, validateNir } from './nir.js';

export { INS_STATUSES, SEXES, isMinor, type InsStatus, type Sex } from './ins.js';

export const InsStatusSchema = z.enum(INS_STATUSES);
export const SexSchema = z.enum(SEXES);

/** A NIR on the wire: 15 characters, normalized, with a matching key. */
export const NirSchema = z.string().check(
  z.superRefine((value, ctx) => {
    const result = validateNir(value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', input: value, message: NIR_FAILURE_MESSAGES[result.reason], params: { reason: result.reason } });
    } else if (result.nir !== value) {
      ctx.addIssue({ code: 'custom', input: value, message: 'Le NIR doit être transmis sans espaces.' });
    }
  }),
);

/** The INS traits: what identifies a person beside the NIR. */
export const PatientTraitsSchema = z.object({
  birthName: trimmed(1, 100),
  usedName: z.optional(trimmed(0, 100)),
  /** First names in civil-record order, the first one first. */
  firstNames: trimmed(1, 100),
  birthDate: DateSchema,
  sex: SexSchema,
  /** INSEE code of the birth commune (5 characters; 99xxx for a country abroad). */
  birthPlaceCode: z.optional(z.string().check(z.regex(/^(\d{5}|2[AB]\d{3})$/))),
});
export type PatientTraits = z.infer<typeof PatientTraitsSchema>;

/** A patient as the host software knows them: INS, its status and the traits. */
export const PatientIdentitySchema = z.object({
  ins: NirSchema,
  insStatus: InsStatusSchema,
  traits: PatientTraitsSchema,
});
export type PatientIdentity = z.infer<typeof PatientIdentitySchema>;

/** What a host hands an element so it can show whose dossier this is. */
export interface PatientDisplay {
  name: string;
  birthDate?: string;
  sex?: Sex;
}
