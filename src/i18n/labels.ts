import { msg, str } from '@lit/localize';
import type { AccessLogEntry } from '../model/access-log.js';
import type { Category } from '../model/category.js';
import type { AccessMode, Action, ReasonCode } from '../policy/types.js';

/**
 * The words for the codes every element shows: categories, professions, access modes, actions and
 * the policy's reasons. One place, so a reason reads the same in the list, the history and a
 * refusal.
 */
export function categoryLabel(category: Category): string {
  switch (category) {
    case 'synthesis': return msg('Synthèse', { id: 'category.synthesis' });
    case 'treatment-and-care': return msg('Traitements et soins', { id: 'category.treatment-and-care' });
    case 'report': return msg('Comptes rendus', { id: 'category.report' });
    case 'imaging': return msg('Imagerie médicale', { id: 'category.imaging' });
    case 'biology': return msg('Biologie', { id: 'category.biology' });
    case 'prevention': return msg('Prévention', { id: 'category.prevention' });
    case 'patient': return msg('Documents du patient', { id: 'category.patient' });
    case 'reimbursement': return msg('Historique des remboursements', { id: 'category.reimbursement' });
    case 'administrative': return msg('Documents administratifs', { id: 'category.administrative' });
  }
}

export function professionLabel(code: string | undefined): string {
  switch (code) {
    case '10': return msg('Médecin', { id: 'profession.10' });
    case '21': return msg('Pharmacien', { id: 'profession.21' });
    case '26': return msg('Audioprothésiste', { id: 'profession.26' });
    case '28': return msg('Opticien-lunetier', { id: 'profession.28' });
    case '40': return msg('Chirurgien-dentiste', { id: 'profession.40' });
    case '50': return msg('Sage-femme', { id: 'profession.50' });
    case '60': return msg('Infirmier', { id: 'profession.60' });
    case '70': return msg('Masseur-kinésithérapeute', { id: 'profession.70' });
    case '80': return msg('Pédicure-podologue', { id: 'profession.80' });
    case '91': return msg('Orthophoniste', { id: 'profession.91' });
    case '92': return msg('Orthoptiste', { id: 'profession.92' });
    case '95': return msg('Diététicien', { id: 'profession.95' });
    case undefined: return '';
    default: return msg(str`Profession ${code}`, { id: 'profession.other' });
  }
}

/**
 * What kind of person acted, for a log line: the profession for a professional, otherwise the
 * role (a patient, a representative, an insurer refused by law…).
 */
export function actorRoleLabel(actor: AccessLogEntry['actor']): string {
  if (actor.profession) return professionLabel(actor.profession);
  switch (actor.kind) {
    case 'patient': return msg('Titulaire du dossier', { id: 'actor-kind.patient' });
    case 'legal-representative': return msg('Représentant légal', { id: 'actor-kind.legal-representative' });
    case 'professional': return msg('Professionnel de santé', { id: 'actor-kind.professional' });
    case 'administrative-staff': return msg('Personnel administratif', { id: 'actor-kind.administrative-staff' });
    case 'occupational-physician': return msg('Médecin du travail', { id: 'actor-kind.occupational-physician' });
    case 'insurer': return msg('Assureur ou mutuelle', { id: 'actor-kind.insurer' });
    default: return '';
  }
}

export function modeLabel(mode: AccessMode): string {
  switch (mode) {
    case 'normal': return msg('Accès normal', { id: 'mode.normal' });
    case 'break-glass': return msg('Bris de glace (mode urgence)', { id: 'mode.break-glass' });
    case 'regulation': return msg('Régulation (SAMU – Centre 15)', { id: 'mode.regulation' });
  }
}

export function actionLabel(action: Action): string {
  switch (action) {
    case 'dossier.create': return msg('Création du dossier', { id: 'action.dossier.create' });
    case 'dossier.read': return msg('Consultation de l’état du dossier', { id: 'action.dossier.read' });
    case 'dossier.close': return msg('Fermeture du dossier', { id: 'action.dossier.close' });
    case 'dossier.reactivate': return msg('Réactivation du dossier', { id: 'action.dossier.reactivate' });
    case 'document.list': return msg('Consultation de la liste des documents', { id: 'action.document.list' });
    case 'document.read': return msg('Consultation d’un document', { id: 'action.document.read' });
    case 'document.add': return msg('Ajout d’un document', { id: 'action.document.add' });
    case 'document.replace': return msg('Remplacement d’un document', { id: 'action.document.replace' });
    case 'document.mask': return msg('Masquage d’un document', { id: 'action.document.mask' });
    case 'document.unmask': return msg('Démasquage d’un document', { id: 'action.document.unmask' });
    case 'document.set-visibility': return msg('Changement de visibilité d’un document', { id: 'action.document.set-visibility' });
    case 'document.archive': return msg('Archivage d’un document', { id: 'action.document.archive' });
    case 'document.delete': return msg('Suppression d’un document', { id: 'action.document.delete' });
    case 'synthesis.read': return msg('Consultation de la synthèse médicale', { id: 'action.synthesis.read' });
    case 'synthesis.write': return msg('Mise à jour de la synthèse médicale', { id: 'action.synthesis.write' });
    case 'history.read': return msg('Consultation de l’historique des accès', { id: 'action.history.read' });
    case 'authorization.read': return msg('Consultation des autorisations', { id: 'action.authorization.read' });
    case 'authorization.grant-self': return msg('Déclaration du consentement du patient', { id: 'action.authorization.grant-self' });
    case 'authorization.manage': return msg('Modification des autorisations', { id: 'action.authorization.manage' });
    case 'opposition.manage': return msg('Gestion des oppositions', { id: 'action.opposition.manage' });
    case 'notification.manage': return msg('Gestion des notifications', { id: 'action.notification.manage' });
    case 'representative.manage': return msg('Gestion des représentants légaux', { id: 'action.representative.manage' });
  }
}

/** Why something is refused or hidden, in words a user understands. */
export function reasonText(reason: ReasonCode): string {
  switch (reason) {
    case 'allowed': return msg('Autorisé.', { id: 'reason.allowed' });
    case 'invalid-request': return msg('La demande est incomplète ou invalide.', { id: 'reason.invalid-request' });
    case 'never-authorized-actor': return msg('La loi interdit l’accès au DMP aux médecins du travail, aux assureurs et aux mutuelles, même en urgence.', { id: 'reason.never-authorized-actor' });
    case 'not-own-dossier': return msg('Ce dossier n’est pas le vôtre.', { id: 'reason.not-own-dossier' });
    case 'not-legal-representative': return msg('Vous n’êtes pas représentant légal de ce patient.', { id: 'reason.not-legal-representative' });
    case 'no-dossier': return msg('Ce patient n’a pas de DMP.', { id: 'reason.no-dossier' });
    case 'dossier-exists': return msg('Un DMP existe déjà pour ce patient.', { id: 'reason.dossier-exists' });
    case 'dossier-closed': return msg('Ce DMP est fermé : son contenu n’est plus accessible.', { id: 'reason.dossier-closed' });
    case 'patient-only': return msg('Seuls le patient et ses représentants légaux peuvent faire cela.', { id: 'reason.patient-only' });
    case 'blocked': return msg('Le patient a bloqué votre accès à son DMP.', { id: 'reason.blocked' });
    case 'not-regulator': return msg('Seul un médecin régulateur du SAMU (Centre 15) peut utiliser ce mode.', { id: 'reason.not-regulator' });
    case 'patient-opposed': return msg('Le patient s’est opposé à ce mode d’accès.', { id: 'reason.patient-opposed' });
    case 'justification-required': return msg('Une justification écrite d’au moins 20 caractères est requise.', { id: 'reason.justification-required' });
    case 'not-authorized': return msg('Le patient ne vous a pas autorisé à accéder à son DMP.', { id: 'reason.not-authorized' });
    case 'consent-required': return msg('Le consentement du patient est requis.', { id: 'reason.consent-required' });
    case 'minor-online-creation': return msg('Le DMP d’un mineur ne peut pas être créé en ligne : il l’est par un professionnel de santé ou par la caisse.', { id: 'reason.minor-online-creation' });
    case 'ins-not-qualified': return msg('L’identité INS du patient n’est pas qualifiée.', { id: 'reason.ins-not-qualified' });
    case 'profession-not-permitted': return msg('Votre profession n’a pas accès à ce type de document.', { id: 'reason.profession-not-permitted' });
    case 'masked': return msg('Le patient a masqué ce document aux professionnels.', { id: 'reason.masked' });
    case 'invisible-to-patient': return msg('Ce document sera visible après une consultation d’annonce.', { id: 'reason.invisible-to-patient' });
    case 'invisible-to-legal-representative': return msg('Ce document n’est pas visible des représentants légaux.', { id: 'reason.invisible-to-legal-representative' });
    case 'not-treating-physician': return msg('Seul le médecin traitant peut modifier la synthèse médicale.', { id: 'reason.not-treating-physician' });
    case 'not-author': return msg('Seuls l’auteur du document et le médecin traitant peuvent faire cela.', { id: 'reason.not-author' });
  }
}

/** "3 documents are not visible to your profession": the hidden counts a professional sees. */
export function hiddenCountText(reason: string, count: number): string {
  switch (reason) {
    case 'profession-not-permitted':
      return count === 1
        ? msg('1 document n’est pas visible pour votre profession.', { id: 'hidden.profession.one' })
        : msg(str`${count} documents ne sont pas visibles pour votre profession.`, { id: 'hidden.profession.other' });
    case 'masked':
      return count === 1
        ? msg('1 document est masqué par le patient.', { id: 'hidden.masked.one' })
        : msg(str`${count} documents sont masqués par le patient.`, { id: 'hidden.masked.other' });
    default:
      return count === 1
        ? msg('1 document ne vous est pas visible.', { id: 'hidden.other.one' })
        : msg(str`${count} documents ne vous sont pas visibles.`, { id: 'hidden.other.other' });
  }
}
