import { msg } from '@lit/localize';
import type { Decision } from '../policy/types.js';
import { reasonText } from './labels.js';

// Apart from labels.ts: dmp-dossier loads labels.ts with its first screen, and this text only
// with its document list and synthesis tabs.

/**
 * Why a decision refuses, as reasonText says, but for one case: an emergency access reads only,
 * and what it may not do is refused `not-authorized` (POLICY.md 7.6), while the user is reading
 * the dossier without the patient's authorization, as the law lets them.
 */
export function decisionRefusalText({ reason, mode }: Pick<Decision, 'reason' | 'mode'>): string {
  return reason === 'not-authorized' && mode && mode !== 'normal'
    ? msg('Un accès en urgence permet seulement de consulter le dossier.')
    : reasonText(reason);
}
