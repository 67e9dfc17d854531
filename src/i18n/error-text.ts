import { msg } from '@lit/localize';
import { isDmpError } from '../client/errors.js';
import { reasonText } from './labels.js';

/** A failed request in words, by `DmpError.kind`: the same sentence in every element. */
export function errorText(error: unknown): string {
  if (!isDmpError(error)) return msg('Une erreur inattendue s’est produite.', { id: 'error.unexpected' });
  switch (error.kind) {
    case 'network':
      return msg('Vous semblez hors ligne : vérifiez votre connexion, puis réessayez.', { id: 'error.network' });
    case 'timeout':
      return msg('Le serveur du DMP n’a pas répondu à temps.', { id: 'error.timeout' });
    case 'forbidden':
      return reasonText(error.reason ?? 'not-authorized');
    case 'invalid-response':
      return msg('Réponse invalide du serveur : les données reçues ne sont pas conformes.', { id: 'error.invalid-response' });
    case 'invalid-request':
      return msg('Le serveur a refusé la demande comme invalide.', { id: 'error.invalid-request' });
    case 'unauthorized':
      return msg('Le serveur n’a pas reconnu l’utilisateur : reconnectez-vous.', { id: 'error.unauthorized' });
    case 'not-found':
      return msg('L’élément demandé n’existe pas ou plus sur le serveur.', { id: 'error.not-found' });
    case 'conflict':
      return msg('Les données ont changé entre-temps : rechargez avant de recommencer.', { id: 'error.conflict' });
    case 'rate-limited':
      return msg('Trop de demandes : patientez un instant avant de réessayer.', { id: 'error.rate-limited' });
    case 'aborted':
      return msg('La demande a été annulée.', { id: 'error.aborted' });
    case 'http':
      return msg('Le serveur du DMP a rencontré une erreur.', { id: 'error.http' });
  }
}

/** Whether trying again can help: a refusal by the policy or an invalid request will not change by itself. */
export function isRetryable(error: unknown): boolean {
  return !(isDmpError(error) && (error.kind === 'forbidden' || error.kind === 'invalid-request'));
}
