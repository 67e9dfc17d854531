import * as z from '../zod.js';
import { NonEmptySchema } from './common.js';
import { RPPS_FAILURE_MESSAGES, validateRpps } from './rpps.js';

/** An RPPS number, with the reason of a failure in words (the check itself is zod-free, in rpps.ts). */
export const RppsSchema = z.string().check(
  z.superRefine((value, ctx) => {
    const result = validateRpps(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', input: value, message: RPPS_FAILURE_MESSAGES[result.reason], params: { reason: result.reason } });
  }),
);

export const OrganisationSchema = z.object({
  name: NonEmptySchema,
  /** FINESS number of the facility, when it has one: nine characters, `2A`/`2B` first in Corsica. */
  finess: z.optional(z.string().check(z.regex(/^(?:\d{2}|2[AB])\d{7}$/))),
  city: z.optional(z.string()),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/** A health professional of the directory (RPPS). */
export const ProfessionalSchema = z.object({
  id: NonEmptySchema,
  rpps: RppsSchema,
  firstName: NonEmptySchema,
  lastName: NonEmptySchema,
  /** TRE_G15 profession code, e.g. `10` médecin, `21` pharmacien. */
  profession: z.string().check(z.regex(/^\d{2}$/)),
  /** TRE_R01 specialty code, e.g. `SM26` (médecine générale). */
  specialty: z.optional(z.string()),
  organisation: z.optional(OrganisationSchema),
  /** Médecin régulateur of a SAMU Centre 15. */
  regulator: z.optional(z.boolean()),
});
export type Professional = z.infer<typeof ProfessionalSchema>;
