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

export function changeConfirmation(change: AuthorizationChangeKind, name: string): ConfirmationText {
  switch (change) {
    case 'grant':
      return {
        title: msg(str`Autoriser ${name} ?`, { id: 'consent-panel.grant.title' }),
        body: msg(str`${name} pourra consulter le dossier et y ajouter des documents, dans les limites de sa profession. Vous pourrez retirer cette autorisation à tout moment.`, { id: 'consent-panel.grant.body' }),
        confirmLabel: changeLabel(change),
      };
    case 'revoke':
      return {
        title: msg(str`Retirer l’autorisation de ${name} ?`, { id: 'consent-panel.revoke.title' }),
        body: msg(str`${name} ne pourra plus accéder au dossier, sauf en cas d’urgence ou si vous l’autorisez de nouveau.`, { id: 'consent-panel.revoke.body' }),
        confirmLabel: changeLabel(change),
      };
    case 'block':
      return {
        title: msg(str`Bloquer ${name} ?`, { id: 'consent-panel.block.title' }),
        body: msg(str`${name} ne pourra plus accéder au dossier, ni avec votre accord ni en urgence, tant que vous ne l’aurez pas débloqué.`, { id: 'consent-panel.block.body' }),
        confirmLabel: changeLabel(change),
      };
    case 'unblock':
      return {
        title: msg(str`Débloquer ${name} ?`, { id: 'consent-panel.unblock.title' }),
        body: msg(str`${name} ne sera plus bloqué ; il lui faudra de nouveau votre autorisation pour accéder au dossier.`, { id: 'consent-panel.unblock.body' }),
        confirmLabel: changeLabel(change),
      };
  }
}

/** A change's button text. */
export function changeLabel(change: AuthorizationChangeKind): string {
  switch (change) {
    case 'grant': return msg('Autoriser', { id: 'consent-panel.grant' });
    case 'revoke': return msg('Retirer l’autorisation', { id: 'consent-panel.revoke' });
    case 'block': return msg('Bloquer', { id: 'consent-panel.block' });
    case 'unblock': return msg('Débloquer', { id: 'consent-panel.unblock' });
  }
}

/** A change's button name for assistive technologies: the visible text, then whom it concerns. */
export function changeLabelFor(change: AuthorizationChangeKind, name: string): string {
  switch (change) {
    case 'grant': return msg(str`Autoriser ${name}`, { id: 'consent-panel.grant.named' });
    case 'revoke': return msg(str`Retirer l’autorisation de ${name}`, { id: 'consent-panel.revoke.named' });
    case 'block': return msg(str`Bloquer ${name}`, { id: 'consent-panel.block.named' });
    case 'unblock': return msg(str`Débloquer ${name}`, { id: 'consent-panel.unblock.named' });
  }
}

export function changedText(change: AuthorizationChangeKind, name: string): string {
  switch (change) {
    case 'grant': return msg(str`${name} est désormais autorisé à accéder au dossier.`, { id: 'consent-panel.granted' });
    case 'revoke': return msg(str`L’autorisation de ${name} est retirée.`, { id: 'consent-panel.revoked' });
    case 'block': return msg(str`${name} est bloqué.`, { id: 'consent-panel.blocked' });
    case 'unblock': return msg(str`${name} est débloqué.`, { id: 'consent-panel.unblocked' });
  }
}

/** A professional's standing, as a badge beside their name. */
export function standingLabel(status: Authorization['status']): string {
  switch (status) {
    case 'treating-physician': return msg('médecin traitant', { id: 'consent-panel.badge.treating' });
    case 'authorized': return msg('déjà autorisé', { id: 'consent-panel.badge.authorized' });
    case 'blocked': return msg('bloqué', { id: 'consent-panel.badge.blocked' });
  }
}

export function rppsFailureText(failure: RppsFailure): string {
  switch (failure) {
    case 'length': return msg('Le numéro RPPS comporte 11 chiffres.', { id: 'consent-panel.rpps.length' });
    case 'characters': return msg('Le numéro RPPS ne contient que des chiffres.', { id: 'consent-panel.rpps.characters' });
    case 'key': return msg('La clé du numéro RPPS ne correspond pas : vérifiez la saisie.', { id: 'consent-panel.rpps.key' });
  }
}
