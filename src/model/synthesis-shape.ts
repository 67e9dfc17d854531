import type { PreventionContent } from './prevention.js';
import type { SynthesisContent } from './synthesis.js';

/*
 * The synthesis's shape without its schemas, for views that only show one: they load no zod.
 * The schemas are in synthesis.ts.
 */

export const SYNTHESIS_GROUPS = [
  'problems',
  'allergies',
  'riskFactors',
  'treatments',
  'prevention',
  'pointsToWatch',
] as const;
export type SynthesisGroup = (typeof SYNTHESIS_GROUPS)[number];

export function emptySynthesisContent(): SynthesisContent {
  return {
    problems: [],
    allergiesNoneKnown: false,
    allergies: [],
    riskFactors: [],
    treatments: [],
    pointsToWatch: [],
  };
}

export function emptyPreventionContent(): PreventionContent {
  return { vaccinations: [], screenings: [] };
}
