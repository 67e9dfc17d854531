import { msg } from '@lit/localize';
import type { ReasonCode } from '../policy/types.js';
import { reasonText } from './labels.js';

/**
 * Why an access was refused, as the dossier's history tells it to the patient's side: about the
 * one refused, not to them ("your access", "the patient has blocked…" are reasonText's words to
 * the user refused).
 */
export function loggedRefusalText(reason: ReasonCode): string {
  switch (reason) {
    case 'blocked': return msg('Professionnel bloqué sur ce dossier.');
    case 'not-authorized': return msg('Professionnel non autorisé sur ce dossier.');
    case 'patient-opposed': return msg('Mode d’accès refusé : une opposition est enregistrée.');
    case 'profession-not-permitted': return msg('Non accessible à cette profession.');
    case 'masked': return msg('Document masqué aux professionnels.');
    case 'not-own-dossier': return msg('Ce dossier n’est pas le sien.');
    case 'not-legal-representative': return msg('Cette personne n’est pas représentant légal du patient.');
    // Worded about nobody in particular already. Listed rather than left to a default: a reason
    // added later is worded here on purpose, not in reasonText's words to the one refused.
    case 'allowed':
    case 'invalid-request':
    case 'never-authorized-actor':
    case 'no-dossier':
    case 'dossier-exists':
    case 'dossier-closed':
    case 'patient-only':
    case 'not-regulator':
    case 'justification-required':
    case 'consent-required':
    case 'minor-online-creation':
    case 'ins-not-qualified':
    case 'invisible-to-patient':
    case 'invisible-to-legal-representative':
    case 'not-treating-physician':
    case 'not-author':
      return reasonText(reason);
  }
}
