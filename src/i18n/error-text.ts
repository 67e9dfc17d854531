import { msg } from '@lit/localize';
import { answeredUnreadably, isDmpError } from '../client/errors.js';
import { reasonText } from './labels.js';

/** A failed request in words, by `DmpError.kind`: the same sentence in every element. */
export function errorText(error: unknown): string {
  if (!isDmpError(error)) return msg('Une erreur inattendue s’est produite.');
  switch (error.kind) {
    case 'network':
      return msg('Vous semblez hors ligne : vérifiez votre connexion, puis réessayez.');
    case 'timeout':
      return msg('Le serveur du DMP n’a pas répondu à temps.');
    case 'forbidden':
      return reasonText(error.reason ?? 'not-authorized');
    case 'invalid-response':
      return msg('Réponse invalide du serveur : les données reçues ne sont pas conformes.');
    case 'invalid-request':
      return msg('Le serveur a refusé la demande comme invalide.');
    case 'unauthorized':
      return msg('Le serveur n’a pas reconnu l’utilisateur : reconnectez-vous.');
    case 'not-found':
      return msg('L’élément demandé n’existe pas ou plus sur le serveur.');
    case 'conflict':
      return msg('Les données ont changé entre-temps : rechargez avant de recommencer.');
    case 'rate-limited':
      return msg('Trop de demandes : patientez un instant avant de réessayer.');
    case 'aborted':
      return msg('La demande a été annulée.');
    case 'http':
      return msg('Le serveur du DMP a rencontré une erreur.');
  }
}

/** `errorText`, with the server's reasons for refusing the request as invalid, for a form that shows none under its fields. */
export function refusalText(error: unknown): string {
  return [errorText(error), ...(isDmpError(error) && error.kind === 'invalid-request' ? (error.issues ?? []).map((issue) => issue.message) : [])].join(' ');
}

/** Whether trying again can help: a refusal by the policy or an invalid request will not change by itself. */
export function isRetryable(error: unknown): boolean {
  return !(isDmpError(error) && (error.kind === 'forbidden' || error.kind === 'invalid-request'));
}

/**
 * A failed write in words: `notDone()`, unless the server accepted it and only its
 * answer was unreadable (a 2xx failing its schema). Then the write may well be done, and saying
 * "not saved" would invite a retry that does it twice.
 */
export function writeFailureText(error: unknown, notDone: () => string): string {
  return answeredUnreadably(error)
    ? msg('Le serveur a accepté la demande, mais sa réponse est illisible : l’enregistrement a sans doute eu lieu. Vérifiez-le avant de réessayer.')
    : notDone();
}
