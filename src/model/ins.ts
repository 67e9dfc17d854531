/*
 * The INS identity's plain facts, without schemas: an element that only needs them loads no zod.
 * The schemas built on them are in patient.ts.
 */

/** PROV provisional, RECUP fetched from INSi, VALI checked against an ID, QUAL both. */
export const INS_STATUSES = ['PROV', 'RECUP', 'VALI', 'QUAL'] as const;
export type InsStatus = (typeof INS_STATUSES)[number];

export const SEXES = ['M', 'F', 'I'] as const;
export type Sex = (typeof SEXES)[number];

/** Whether a person born on `birthDate` is a minor on `today` (both `YYYY-MM-DD`). */
export function isMinor(birthDate: string, today: string): boolean {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const age = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
  return age < 18;
}
