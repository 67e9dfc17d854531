// Apart from dossier.ts so that using it pulls no schema (and no zod) into an element's bundle.
/**
 * Who represents a minor: the parents, a tutor, or another holder of parental authority. A
 * curator assists a protected adult, never a minor.
 */
export const MINOR_REPRESENTATIVE_RELATIONSHIPS = ['parent', 'guardian', 'other'] as const;

/** Whether one of `relationship` may represent the patient: a minor only by those above. */
export function mayRepresent(relationship: string, patientIsMinor: boolean): boolean {
  return !patientIsMinor || (MINOR_REPRESENTATIVE_RELATIONSHIPS as readonly string[]).includes(relationship);
}
