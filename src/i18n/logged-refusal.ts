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
    case 'profession-not-permitted': return msg('Document non accessible à cette profession.');
    case 'masked': return msg('Document masqué aux professionnels.');
    case 'not-own-dossier': return msg('Ce dossier n’est pas le sien.');
    case 'not-legal-representative': return msg('Cette personne n’est pas représentant légal du patient.');
    default: return reasonText(reason);
  }
}
