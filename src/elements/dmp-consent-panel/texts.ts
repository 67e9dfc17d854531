import { msg, str } from '@lit/localize';
import type { Authorization } from '../../model/authorization.js';
import type { RppsFailure } from '../../model/rpps.js';
import type { AuthorizationChangeKind } from './events.js';

/** The panel's words for its codes; functions, so each reads the current locale. */

export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}

export interface ConfirmationText {
  title: string;
  body: string;
  confirmLabel: string;
}

/** What, besides an authorization, opens the dossier to a professional. */
export interface ProfessionalAccess {
  /** The patient's médecin traitant, whose access needs no authorization. */
  treating?: boolean;
  /** Once no longer authorized, may still open the dossier in an emergency (the patient did not oppose it). */
  emergency?: boolean;
}

/** What the change leaves of the professional's access, said from `access`. */
export function changeConfirmation(change: AuthorizationChangeKind, name: string, access: ProfessionalAccess = {}): ConfirmationText {
  switch (change) {
    case 'grant':
      return {
        title: msg(str`Autoriser ${name} ?`),
        body: msg(str`${name} pourra consulter le dossier et y ajouter des documents, dans les limites de sa profession. Vous pourrez retirer cette autorisation à tout moment.`),
        confirmLabel: changeLabel(change),
      };
    case 'revoke':
      return {
        title: msg(str`Retirer l’autorisation de ${name} ?`),
        body: access.emergency
          ? msg(str`${name} ne pourra plus accéder au dossier, sauf en cas d’urgence ou si vous l’autorisez de nouveau.`)
          : msg(str`${name} ne pourra plus accéder au dossier, sauf si vous l’autorisez de nouveau.`),
        confirmLabel: changeLabel(change),
      };
    case 'block':
      return {
        title: msg(str`Bloquer ${name} ?`),
        body: msg(str`${name} ne pourra plus accéder au dossier, ni avec votre accord ni en urgence, tant que vous ne l’aurez pas débloqué.`),
        confirmLabel: changeLabel(change),
      };
    case 'unblock':
      return {
        title: msg(str`Débloquer ${name} ?`),
        body: access.treating
          ? msg(str`${name} ne sera plus bloqué ; il retrouvera aussitôt son accès au dossier, en tant que médecin traitant.`)
          : msg(str`${name} ne sera plus bloqué ; il lui faudra de nouveau votre autorisation pour accéder au dossier.`),
        confirmLabel: changeLabel(change),
      };
  }
}

/** A change's button text. */
export function changeLabel(change: AuthorizationChangeKind): string {
  switch (change) {
    case 'grant': return msg('Autoriser');
    case 'revoke': return msg('Retirer l’autorisation');
    case 'block': return msg('Bloquer');
    case 'unblock': return msg('Débloquer');
  }
}

/** A change's button name for assistive technologies: the visible text, then whom it concerns. */
export function changeLabelFor(change: AuthorizationChangeKind, name: string): string {
  switch (change) {
    case 'grant': return msg(str`Autoriser ${name}`);
    case 'revoke': return msg(str`Retirer l’autorisation de ${name}`);
    case 'block': return msg(str`Bloquer ${name}`);
    case 'unblock': return msg(str`Débloquer ${name}`);
  }
}

export function changedText(change: AuthorizationChangeKind, name: string): string {
  switch (change) {
    case 'grant': return msg(str`${name} est désormais autorisé à accéder au dossier.`);
    case 'revoke': return msg(str`L’autorisation de ${name} est retirée.`);
    case 'block': return msg(str`${name} est bloqué.`);
    case 'unblock': return msg(str`${name} est débloqué.`);
  }
}

/** A professional's standing, as a badge beside their name. */
export function standingLabel(status: Authorization['status']): string {
  switch (status) {
    case 'treating-physician': return msg('médecin traitant');
    case 'authorized': return msg('déjà autorisé');
    case 'blocked': return msg('bloqué');
  }
}

export function rppsFailureText(failure: RppsFailure): string {
  switch (failure) {
    case 'length': return msg('Le numéro RPPS comporte 11 chiffres.');
    case 'characters': return msg('Le numéro RPPS ne contient que des chiffres.');
    case 'key': return msg('La clé du numéro RPPS ne correspond pas : vérifiez la saisie.');
  }
}
