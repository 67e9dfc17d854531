import { msg } from '@lit/localize';
import { isDmpError } from '../../client/errors.js';
import { reasonText } from '../../i18n/labels.js';

/** A failed request in words: what the user sees, by the error's kind. */
export function errorText(error: unknown): string {
  if (!isDmpError(error)) return msg('Une erreur inattendue est survenue.', { id: 'document-list.error.unexpected' });
  switch (error.kind) {
    case 'network':
      return msg('Vous semblez hors ligne : vérifiez votre connexion, puis réessayez.', { id: 'document-list.error.network' });
    case 'timeout':
      return msg('Le serveur du DMP n’a pas répondu à temps.', { id: 'document-list.error.timeout' });
    case 'invalid-response':
      return msg('Réponse invalide du serveur.', { id: 'document-list.error.invalid-response' });
    case 'forbidden':
      return reasonText(error.reason ?? 'not-authorized');
    case 'unauthorized':
      return msg('Le serveur n’a pas reconnu l’utilisateur : reconnectez-vous.', { id: 'document-list.error.unauthorized' });
    case 'not-found':
      return msg('Ce dossier ou ce document est introuvable.', { id: 'document-list.error.not-found' });
    case 'rate-limited':
      return msg('Trop de demandes : réessayez dans quelques instants.', { id: 'document-list.error.rate-limited' });
    case 'conflict':
      return msg('Le document a été modifié entre-temps : rechargez la liste.', { id: 'document-list.error.conflict' });
    case 'invalid-request':
      return msg('Le serveur a refusé la demande comme invalide.', { id: 'document-list.error.invalid-request' });
    case 'aborted':
      return msg('La demande a été annulée.', { id: 'document-list.error.aborted' });
    case 'http':
      return msg('Le serveur du DMP a rencontré une erreur.', { id: 'document-list.error.http' });
  }
}
