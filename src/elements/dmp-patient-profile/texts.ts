import { msg } from '@lit/localize';
import { isDmpError } from '../../client/errors.js';
import { errorText as sharedErrorText } from '../../i18n/error-text.js';
import type { BloodGroup, OrganDonationChoice } from '../../model/profile.js';
import type { FieldProblem } from './draft.js';

export function bloodGroupLabel(group: BloodGroup): string {
  return group === 'unknown' ? msg('Non connu', { id: 'patient-profile.blood-group.unknown' }) : group;
}

export function organDonationLabel(choice: OrganDonationChoice): string {
  switch (choice) {
    case 'accept': return msg('Accepte le don de ses organes et tissus après son décès', { id: 'patient-profile.organ.accept' });
    case 'refuse': return msg('Refuse le don de ses organes et tissus après son décès', { id: 'patient-profile.organ.refuse' });
    case 'undeclared': return msg('Pas de choix exprimé', { id: 'patient-profile.organ.undeclared' });
  }
}

/** The message shown under a refused field. */
export function problemText(problem: FieldProblem): string {
  switch (problem) {
    case 'agent-required': return msg('Indiquez la substance, l’aliment ou le médicament en cause.', { id: 'patient-profile.error.agent-required' });
    case 'treatment-required': return msg('Indiquez le nom du traitement.', { id: 'patient-profile.error.treatment-required' });
    case 'name-required': return msg('Indiquez le nom de la personne.', { id: 'patient-profile.error.name-required' });
    case 'relationship-required': return msg('Indiquez le lien avec le patient (par exemple : fille, voisin).', { id: 'patient-profile.error.relationship-required' });
    case 'phone-required': return msg('Indiquez un numéro de téléphone.', { id: 'patient-profile.error.phone-required' });
    case 'phone-invalid': return msg('Numéro de téléphone français attendu, par exemple 06 12 34 56 78.', { id: 'patient-profile.error.phone-invalid' });
    case 'email-invalid': return msg('Adresse e-mail invalide, par exemple nom@exemple.fr.', { id: 'patient-profile.error.email-invalid' });
    case 'date-invalid': return msg('Date invalide.', { id: 'patient-profile.error.date-invalid' });
    case 'date-future': return msg('La date ne peut pas être dans le futur.', { id: 'patient-profile.error.date-future' });
    case 'directives-date-required': return msg('Indiquez la date à laquelle les directives ont été rédigées.', { id: 'patient-profile.error.directives-date-required' });
    case 'allergies-conflict': return msg('« Aucune allergie connue » est coché alors que des allergies sont listées : retirez-les ou décochez la case.', { id: 'patient-profile.error.allergies-conflict' });
  }
}

/** A failed request in words: the shared sentences, but a conflict says what it means here. */
export function errorText(error: unknown): string {
  if (isDmpError(error) && error.kind === 'conflict') {
    return msg('Ces informations ont été modifiées entre-temps, dans un autre onglet ou par une autre personne.', { id: 'patient-profile.error.conflict' });
  }
  return sharedErrorText(error);
}
