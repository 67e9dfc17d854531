import { msg } from '@lit/localize';
import { isDmpError } from '../../client/errors.js';
import { refusalText } from '../../i18n/error-text.js';
import type { BloodGroup, OrganDonationChoice } from '../../model/profile.js';

export function bloodGroupLabel(group: BloodGroup): string {
  return group === 'unknown' ? msg('Non connu') : group;
}

export function organDonationLabel(choice: OrganDonationChoice): string {
  switch (choice) {
    case 'accept': return msg('Accepte le don de ses organes et tissus après son décès');
    case 'refuse': return msg('Refuse le don de ses organes et tissus après son décès');
    case 'undeclared': return msg('Pas de choix exprimé');
  }
}

/** A failed request in words: the shared sentences, but a conflict says what it means here. */
export function errorText(error: unknown): string {
  if (isDmpError(error) && error.kind === 'conflict') {
    return msg('Ces informations ont été modifiées entre-temps, dans un autre onglet ou par une autre personne.');
  }
  return refusalText(error);
}
