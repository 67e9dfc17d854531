// Apart from dossier.ts so that using it pulls no schema (and no zod) into an element's bundle.
/**
 * Who represents a minor: the parents, a tutor, or another holder of parental authority. A
 * curator assists a protected adult, never a minor.
 */
export const MINOR_REPRESENTATIVE_RELATIONSHIPS = ['parent', 'guardian', 'other'] as const;

/**
 * Who represents a protected adult: a tutor, a curator, or another (an habilitation familiale).
 * Parental authority ends at 18: a parent goes on only as one of these.
 */
const ADULT_REPRESENTATIVE_RELATIONSHIPS = ['guardian', 'curator', 'other'];

/** Whether one of `relationship` represents the patient, a minor or an adult. */
export function mayRepresent(relationship: string, patientIsMinor: boolean): boolean {
  return (patientIsMinor ? (MINOR_REPRESENTATIVE_RELATIONSHIPS as readonly string[]) : ADULT_REPRESENTATIVE_RELATIONSHIPS).includes(relationship);
}
