import { msg } from '@lit/localize';
import { isDmpError } from '../../client/errors.js';
import { professionLabel, reasonText } from '../../i18n/labels.js';
import type { AccessLogEntry } from '../../model/access-log.js';

/**
 * What kind of person acted, for a log line: the profession for a professional, otherwise the
 * role (a patient, a representative, an insurer refused by law…).
 */
export function actorRoleLabel(actor: AccessLogEntry['actor']): string {
  if (actor.profession) return professionLabel(actor.profession);
  switch (actor.kind) {
    case 'patient': return msg('Titulaire du dossier', { id: 'access-history.kind.patient' });
    case 'legal-representative': return msg('Représentant légal', { id: 'access-history.kind.legal-representative' });
    case 'professional': return msg('Professionnel de santé', { id: 'access-history.kind.professional' });
    case 'administrative-staff': return msg('Personnel administratif', { id: 'access-history.kind.administrative-staff' });
    case 'occupational-physician': return msg('Médecin du travail', { id: 'access-history.kind.occupational-physician' });
    case 'insurer': return msg('Assureur ou mutuelle', { id: 'access-history.kind.insurer' });
    default: return '';
  }
}

/** A failed load, in words, by the error's kind. */
export function loadErrorText(error: unknown): string {
  if (!isDmpError(error)) return msg('Une erreur inattendue est survenue.', { id: 'access-history.error.unexpected' });
  switch (error.kind) {
    case 'network': return msg('Vous semblez hors ligne : le serveur du DMP est injoignable.', { id: 'access-history.error.network' });
    case 'timeout': return msg('Le serveur du DMP n’a pas répondu à temps.', { id: 'access-history.error.timeout' });
    case 'forbidden': return error.reason ? reasonText(error.reason) : msg('Accès refusé.', { id: 'access-history.error.forbidden' });
    case 'invalid-response': return msg('Réponse invalide du serveur.', { id: 'access-history.error.invalid-response' });
    case 'not-found': return msg('Ce dossier est introuvable.', { id: 'access-history.error.not-found' });
    case 'unauthorized': return msg('Votre identification a échoué : reconnectez-vous.', { id: 'access-history.error.unauthorized' });
    case 'rate-limited': return msg('Trop de demandes : réessayez dans un instant.', { id: 'access-history.error.rate-limited' });
    case 'invalid-request': return msg('Demande invalide : vérifiez l’INS du patient et les filtres.', { id: 'access-history.error.invalid-request' });
    default: return msg('Le serveur du DMP a rencontré une erreur.', { id: 'access-history.error.server' });
  }
}

export function outcomeLabel(outcome: AccessLogEntry['outcome']): string {
  return outcome === 'allowed'
    ? msg('Autorisé', { id: 'access-history.outcome.allowed' })
    : msg('Refusé', { id: 'access-history.outcome.denied' });
}
