import { msg } from '@lit/localize';
import { isDmpError } from '../../client/errors.js';
import { refusalText } from '../../i18n/error-text.js';
import type { BloodGroup, OrganDonationChoice } from '../../model/profile.js';
import type { FieldProblem } from './draft.js';

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

/** The message shown under a refused field. */
export function problemText(problem: FieldProblem): string {
  switch (problem) {
    case 'agent-required': return msg('Indiquez la substance, l’aliment ou le médicament en cause.');
    case 'treatment-required': return msg('Indiquez le nom du traitement.');
    case 'name-required': return msg('Indiquez le nom de la personne.');
    case 'relationship-required': return msg('Indiquez le lien avec le patient (par exemple : fille, voisin).');
    case 'phone-required': return msg('Indiquez un numéro de téléphone.');
    case 'phone-invalid': return msg('Numéro de téléphone français attendu, par exemple 06 12 34 56 78.');
    case 'email-invalid': return msg('Adresse e-mail invalide, par exemple nom@exemple.fr.');
    case 'date-invalid': return msg('Date invalide.');
    case 'date-future': return msg('La date ne peut pas être dans le futur.');
    case 'directives-date-required': return msg('Indiquez la date à laquelle les directives ont été rédigées.');
    case 'allergies-conflict': return msg('« Aucune allergie connue » est coché alors que des allergies sont listées : retirez-les ou décochez la case.');
  }
}

/** A failed request in words: the shared sentences, but a conflict says what it means here. */
export function errorText(error: unknown): string {
  if (isDmpError(error) && error.kind === 'conflict') {
    return msg('Ces informations ont été modifiées entre-temps, dans un autre onglet ou par une autre personne.');
  }
  return refusalText(error);
}
