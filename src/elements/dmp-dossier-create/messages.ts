import { msg, str } from '@lit/localize';
import { isDmpError } from '../../client/errors.js';
import { reasonText } from '../../i18n/labels.js';
import type { NewLegalRepresentative } from '../../model/dossier.js';
import type { NirFailure } from '../../model/nir.js';
import type { InsStatus, Sex } from '../../model/patient.js';
import type { FieldError } from './identity.js';

/** Why a NIR was refused, in words (NirFailure from src/model/nir.ts). */
export function nirFailureText(reason: NirFailure): string {
  switch (reason) {
    case 'empty': return msg('Saisissez le NIR du patient.', { id: 'dossier-create.nir.empty' });
    case 'length': return msg('Le NIR doit comporter 15 caractères : 13 pour le numéro, 2 pour la clé.', { id: 'dossier-create.nir.length' });
    case 'characters': return msg('Le NIR ne peut contenir que des chiffres, et 2A ou 2B pour un patient né en Corse.', { id: 'dossier-create.nir.characters' });
    case 'sex': return msg('Le premier chiffre du NIR (le sexe) doit être 1, 2, 7 ou 8.', { id: 'dossier-create.nir.sex' });
    case 'month': return msg('Le mois de naissance du NIR (4e et 5e chiffres) doit être entre 01 et 12, ou entre 20 et 99.', { id: 'dossier-create.nir.month' });
    case 'department': return msg('Le département de naissance du NIR (00) n’existe pas.', { id: 'dossier-create.nir.department' });
    case 'key': return msg('La clé du NIR (2 derniers chiffres) ne correspond pas au numéro : vérifiez la saisie.', { id: 'dossier-create.nir.key' });
  }
}

/** The words for a field's problem; `format` depends on what the field holds. */
export function fieldErrorText(field: string, error: FieldError): string {
  switch (error.code) {
    case 'required':
      return field === 'nir' ? nirFailureText('empty') : msg('Ce champ est obligatoire.', { id: 'dossier-create.error.required' });
    case 'nir':
      return nirFailureText(error.reason);
    case 'consent':
      return reasonText('consent-required');
    case 'mismatch-sex':
      return error.digit === '1' || error.digit === '7'
        ? msg(str`Le sexe ne correspond pas au NIR, dont le premier chiffre (${error.digit}) désigne un homme.`, { id: 'dossier-create.mismatch.sex-male' })
        : msg(str`Le sexe ne correspond pas au NIR, dont le premier chiffre (${error.digit}) désigne une femme.`, { id: 'dossier-create.mismatch.sex-female' });
    case 'mismatch-year':
      return msg(str`L’année de naissance ne correspond pas à celle du NIR (${error.digits}).`, { id: 'dossier-create.mismatch.year' });
    case 'mismatch-month':
      return msg(str`Le mois de naissance ne correspond pas à celui du NIR (${error.digits}).`, { id: 'dossier-create.mismatch.month' });
    case 'format':
      switch (field) {
        case 'birthDate': return msg('Date invalide.', { id: 'dossier-create.error.date' });
        case 'birthPlaceCode': return msg('Code INSEE de 5 caractères : la commune (69383, 2A004), ou 99 suivi du code du pays pour une naissance à l’étranger.', { id: 'dossier-create.error.birth-place' });
        case 'email': return msg('Adresse e-mail invalide.', { id: 'dossier-create.error.email' });
        case 'phone': return msg('Numéro de mobile français attendu, par exemple 06 12 34 56 78.', { id: 'dossier-create.error.phone' });
        default: return msg('100 caractères au plus.', { id: 'dossier-create.error.too-long' });
      }
  }
}

export function insStatusLabel(status: InsStatus): string {
  switch (status) {
    case 'PROV': return msg('Provisoire (PROV)', { id: 'dossier-create.ins-status.prov' });
    case 'RECUP': return msg('Récupérée via INSi (RECUP)', { id: 'dossier-create.ins-status.recup' });
    case 'VALI': return msg('Validée sur pièce d’identité (VALI)', { id: 'dossier-create.ins-status.vali' });
    case 'QUAL': return msg('Qualifiée (QUAL)', { id: 'dossier-create.ins-status.qual' });
  }
}

export function sexLabel(sex: Sex): string {
  switch (sex) {
    case 'M': return msg('Masculin', { id: 'dossier-create.sex.m' });
    case 'F': return msg('Féminin', { id: 'dossier-create.sex.f' });
    case 'I': return msg('Indéterminé', { id: 'dossier-create.sex.i' });
  }
}

export function relationshipLabel(relationship: NewLegalRepresentative['relationship']): string {
  switch (relationship) {
    case 'parent': return msg('Parent', { id: 'dossier-create.relationship.parent' });
    case 'guardian': return msg('Tuteur ou tutrice', { id: 'dossier-create.relationship.guardian' });
    case 'curator': return msg('Curateur ou curatrice', { id: 'dossier-create.relationship.curator' });
    case 'other': return msg('Autre représentant légal', { id: 'dossier-create.relationship.other' });
  }
}

/** A failed request in words, by the DmpError's kind; the policy's reason when it gave one. */
export function requestErrorText(error: unknown): string {
  if (!isDmpError(error)) return msg('Une erreur inattendue est survenue.', { id: 'dossier-create.error.unexpected' });
  if (error.reason) return reasonText(error.reason);
  switch (error.kind) {
    case 'network': return msg('Vous semblez hors ligne : la demande n’a pas atteint le DMP.', { id: 'dossier-create.error.network' });
    case 'timeout': return msg('Le DMP n’a pas répondu à temps.', { id: 'dossier-create.error.timeout' });
    case 'invalid-response': return msg('Réponse invalide du serveur.', { id: 'dossier-create.error.invalid-response' });
    case 'invalid-request': return msg('Le DMP a refusé la demande : certaines informations sont invalides.', { id: 'dossier-create.error.invalid-request' });
    case 'unauthorized': return msg('Votre authentification auprès du DMP a échoué.', { id: 'dossier-create.error.unauthorized' });
    case 'forbidden': return msg('Le DMP a refusé la demande.', { id: 'dossier-create.error.forbidden' });
    case 'rate-limited': return msg('Le DMP reçoit trop de demandes : réessayez dans quelques instants.', { id: 'dossier-create.error.rate-limited' });
    default: return msg(str`Le DMP a rencontré une erreur (${error.status ?? error.kind}).`, { id: 'dossier-create.error.http' });
  }
}
