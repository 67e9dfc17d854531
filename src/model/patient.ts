import * as z from '../zod.js';
import { DateSchema, trimmed } from './common.js';
import { NirSchema } from './nir.js';

export const INS_STATUSES = ['PROV', 'RECUP', 'VALI', 'QUAL'] as const;
/** PROV provisional, RECUP fetched from INSi, VALI checked against an ID, QUAL both. */
export const InsStatusSchema = z.enum(INS_STATUSES);
export type InsStatus = z.infer<typeof InsStatusSchema>;

export const SexSchema = z.enum(['M', 'F', 'I']);
export type Sex = z.infer<typeof SexSchema>;

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

/** Whether a person born on `birthDate` is a minor on `today` (both `YYYY-MM-DD`). */
export function isMinor(birthDate: string, today: string): boolean {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const age = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
  return age < 18;
}
