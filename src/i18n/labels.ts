import { msg, str } from '@lit/localize';
import type { AccessLogEntry } from '../model/access-log.js';
import type { Category } from '../model/category.js';
import type { AccessMode, Action, ReasonCode } from '../policy/types.js';
import { formatNumber } from './format.js';

/**
 * The words for the codes every element shows: categories, professions, access modes, actions and
 * the policy's reasons. One place, so a reason reads the same in the list, the history and a
 * refusal.
 */
export function categoryLabel(category: Category): string {
  switch (category) {
    case 'synthesis': return msg('Synthèse');
    case 'treatment-and-care': return msg('Traitements et soins');
    case 'report': return msg('Comptes rendus');
    case 'imaging': return msg('Imagerie médicale');
    case 'biology': return msg('Biologie');
    case 'prevention': return msg('Prévention');
    case 'patient': return msg('Documents du patient');
    case 'reimbursement': return msg('Historique des remboursements');
    case 'administrative': return msg('Documents administratifs');
  }
}

export function professionLabel(code: string | undefined): string {
  switch (code) {
    case '10': return msg('Médecin');
    case '21': return msg('Pharmacien');
    case '26': return msg('Audioprothésiste');
    case '28': return msg('Opticien-lunetier');
    case '40': return msg('Chirurgien-dentiste');
    case '50': return msg('Sage-femme');
    case '60': return msg('Infirmier');
    case '70': return msg('Masseur-kinésithérapeute');
    case '80': return msg('Pédicure-podologue');
    case '91': return msg('Orthophoniste');
    case '92': return msg('Orthoptiste');
    case '95': return msg('Diététicien');
    case undefined: return '';
    default: return msg(str`Profession ${code}`);
  }
}

/**
 * What kind of person acted, for a log line: the profession for a professional, otherwise the
 * role (a patient, a representative, an insurer refused by law…).
 */
export function actorRoleLabel(actor: AccessLogEntry['actor']): string {
  if (actor.profession) return professionLabel(actor.profession);
  switch (actor.kind) {
    case 'patient': return msg('Titulaire du dossier');
    case 'legal-representative': return msg('Représentant légal');
    case 'professional': return msg('Professionnel de santé');
    case 'administrative-staff': return msg('Personnel administratif');
    case 'occupational-physician': return msg('Médecin du travail');
    case 'insurer': return msg('Assureur ou mutuelle');
    default: return '';
  }
}

export function modeLabel(mode: AccessMode): string {
  switch (mode) {
    case 'normal': return msg('Accès normal');
    case 'break-glass': return msg('Bris de glace (mode urgence)');
    case 'regulation': return msg('Régulation (SAMU – Centre 15)');
  }
}

export function actionLabel(action: Action): string {
  switch (action) {
    case 'dossier.create': return msg('Création du dossier');
    case 'dossier.read': return msg('Consultation de l’état du dossier');
    case 'dossier.close': return msg('Fermeture du dossier');
    case 'dossier.reactivate': return msg('Réactivation du dossier');
    case 'document.list': return msg('Consultation de la liste des documents');
    case 'document.read': return msg('Consultation d’un document');
    case 'document.add': return msg('Ajout d’un document');
    case 'document.replace': return msg('Remplacement d’un document');
    case 'document.mask': return msg('Masquage d’un document');
    case 'document.unmask': return msg('Démasquage d’un document');
    case 'document.set-visibility': return msg('Changement de visibilité d’un document');
    case 'document.archive': return msg('Archivage d’un document');
    case 'document.delete': return msg('Suppression d’un document');
    case 'synthesis.read': return msg('Consultation de la synthèse médicale');
    case 'synthesis.write': return msg('Mise à jour de la synthèse médicale');
    case 'history.read': return msg('Consultation de l’historique des accès');
    case 'authorization.read': return msg('Consultation des autorisations');
    case 'authorization.grant-self': return msg('Déclaration du consentement du patient');
    case 'authorization.manage': return msg('Modification des autorisations');
    case 'opposition.manage': return msg('Gestion des oppositions');
    case 'notification.manage': return msg('Gestion des notifications');
    case 'representative.manage': return msg('Gestion des représentants légaux');
  }
}

/** Why something is refused or hidden, in words a user understands. */
export function reasonText(reason: ReasonCode): string {
  switch (reason) {
    case 'allowed': return msg('Autorisé.');
    case 'invalid-request': return msg('La demande est incomplète ou invalide.');
    case 'never-authorized-actor': return msg('La loi interdit l’accès au DMP aux médecins du travail, aux assureurs et aux mutuelles, même en urgence.');
    case 'not-own-dossier': return msg('Ce dossier n’est pas le vôtre.');
    case 'not-legal-representative': return msg('Vous n’êtes pas représentant légal de ce patient.');
    case 'no-dossier': return msg('Ce patient n’a pas de DMP.');
    case 'dossier-exists': return msg('Un DMP existe déjà pour ce patient.');
    case 'dossier-closed': return msg('Ce DMP est fermé : son contenu n’est plus accessible.');
    case 'patient-only': return msg('Seuls le patient et ses représentants légaux peuvent faire cela.');
    case 'blocked': return msg('Le patient a bloqué votre accès à son DMP.');
    case 'not-regulator': return msg('Seul un médecin régulateur du SAMU (Centre 15) peut utiliser ce mode.');
    case 'patient-opposed': return msg('Le patient s’est opposé à ce mode d’accès.');
    case 'justification-required': return msg('Une justification écrite d’au moins 20 caractères est requise.');
    case 'not-authorized': return msg('Le patient ne vous a pas autorisé à accéder à son DMP.');
    case 'consent-required': return msg('Le consentement du patient est requis.');
    case 'minor-online-creation': return msg('Le DMP d’un mineur ne peut pas être créé en ligne : il l’est par un professionnel de santé ou par la caisse.');
    case 'ins-not-qualified': return msg('L’identité INS du patient n’est pas qualifiée.');
    case 'profession-not-permitted': return msg('Votre profession n’a pas accès à ces informations.');
    case 'masked': return msg('Le patient a masqué ce document aux professionnels.');
    case 'invisible-to-patient': return msg('Ce document sera visible après une consultation d’annonce.');
    case 'invisible-to-legal-representative': return msg('Ce document n’est pas visible des représentants légaux.');
    case 'not-treating-physician': return msg('Seul le médecin traitant peut modifier la synthèse médicale.');
    case 'not-author': return msg('Seuls l’auteur du document et le médecin traitant peuvent faire cela.');
  }
}

/** "3 documents are not visible to your profession": the hidden counts a professional sees. */
export function hiddenCountText(reason: string, count: number, locale: string | undefined): string {
  const n = formatNumber(count, locale);
  switch (reason) {
    case 'profession-not-permitted':
      return count === 1
        ? msg('1 document n’est pas visible pour votre profession.')
        : msg(str`${n} documents ne sont pas visibles pour votre profession.`);
    case 'masked':
      return count === 1
        ? msg('1 document est masqué par le patient.')
        : msg(str`${n} documents sont masqués par le patient.`);
    default:
      return count === 1
        ? msg('1 document ne vous est pas visible.')
        : msg(str`${n} documents ne vous sont pas visibles.`);
  }
}
