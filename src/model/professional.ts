import * as z from 'zod';
import { RppsSchema } from './rpps.js';

export const OrganisationSchema = z.object({
  name: z.string().min(1),
  /** FINESS number of the facility, when it has one. */
  finess: z.string().regex(/^\d{9}$/).optional(),
  city: z.string().optional(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/** A health professional of the directory (RPPS). */
export const ProfessionalSchema = z.object({
  id: z.string().min(1),
  rpps: RppsSchema,
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  /** TRE_G15 profession code, e.g. `10` médecin, `21` pharmacien. */
  profession: z.string().regex(/^\d{2}$/),
  /** TRE_R01 specialty code, e.g. `SM26` (médecine générale). */
  specialty: z.string().optional(),
  organisation: OrganisationSchema.optional(),
  /** Médecin régulateur of a SAMU Centre 15. */
  regulator: z.boolean().optional(),
});
export type Professional = z.infer<typeof ProfessionalSchema>;
