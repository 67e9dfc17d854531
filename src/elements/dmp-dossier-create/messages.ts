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
    case 'empty': return msg('Saisissez le NIR du patient.');
    case 'length': return msg('Le NIR doit comporter 15 caractères : 13 pour le numéro, 2 pour la clé.');
    case 'characters': return msg('Le NIR ne peut contenir que des chiffres, et 2A ou 2B pour un patient né en Corse.');
    case 'sex': return msg('Le premier chiffre du NIR (le sexe) doit être 1, 2, 7 ou 8.');
    case 'month': return msg('Le mois de naissance du NIR (4e et 5e chiffres) doit être entre 01 et 12, ou entre 20 et 99.');
    case 'department': return msg('Le département de naissance du NIR (00) n’existe pas.');
    case 'key': return msg('La clé du NIR (2 derniers chiffres) ne correspond pas au numéro : vérifiez la saisie.');
  }
}

/** The words for a field's problem; `format` depends on what the field holds. */
export function fieldErrorText(field: string, error: FieldError): string {
  switch (error.code) {
    case 'required':
      return field === 'nir' ? nirFailureText('empty') : msg('Ce champ est obligatoire.');
    case 'nir':
      return nirFailureText(error.reason);
    case 'consent':
      return reasonText('consent-required');
    case 'server':
      return msg(str`Refusé par le DMP : ${error.message}`);
    case 'mismatch-sex':
      return error.digit === '1' || error.digit === '7'
        ? msg(str`Le sexe ne correspond pas au NIR, dont le premier chiffre (${error.digit}) désigne un homme.`)
        : msg(str`Le sexe ne correspond pas au NIR, dont le premier chiffre (${error.digit}) désigne une femme.`);
    case 'mismatch-year':
      return msg(str`L’année de naissance ne correspond pas à celle du NIR (${error.digits}).`);
    case 'mismatch-month':
      return msg(str`Le mois de naissance ne correspond pas à celui du NIR (${error.digits}).`);
    case 'mismatch-place':
      return msg(str`Le lieu de naissance ne correspond pas à celui du NIR (${error.digits}).`);
    case 'format':
      switch (field) {
        case 'birthDate': return msg('Date invalide.');
        case 'birthPlaceCode': return msg('Code INSEE de 5 caractères : la commune (69383, 2A004), ou 99 suivi du code du pays pour une naissance à l’étranger.');
        case 'email': return msg('Adresse e-mail invalide.');
        case 'phone': return msg('Numéro de mobile français attendu, par exemple 06 12 34 56 78.');
        default: return msg('100 caractères au plus.');
      }
  }
}

export function insStatusLabel(status: InsStatus): string {
  switch (status) {
    case 'PROV': return msg('Provisoire (PROV)');
    case 'RECUP': return msg('Récupérée via INSi (RECUP)');
    case 'VALI': return msg('Validée sur pièce d’identité (VALI)');
    case 'QUAL': return msg('Qualifiée (QUAL)');
  }
}

export function sexLabel(sex: Sex): string {
  switch (sex) {
    case 'M': return msg('Masculin');
    case 'F': return msg('Féminin');
    case 'I': return msg('Indéterminé');
  }
}

export function relationshipLabel(relationship: NewLegalRepresentative['relationship']): string {
  switch (relationship) {
    case 'parent': return msg('Parent');
    case 'guardian': return msg('Tuteur ou tutrice');
    case 'curator': return msg('Curateur ou curatrice');
    case 'other': return msg('Autre représentant légal');
  }
}

/** A failed request in words, by the DmpError's kind; the policy's reason when it gave one. */
export function requestErrorText(error: unknown): string {
  if (!isDmpError(error)) return msg('Une erreur inattendue est survenue.');
  if (error.reason) return reasonText(error.reason);
  switch (error.kind) {
    case 'network': return msg('Vous semblez hors ligne : la demande n’a pas atteint le DMP.');
    case 'timeout': return msg('Le DMP n’a pas répondu à temps.');
    case 'invalid-response': return msg('Réponse invalide du serveur.');
    case 'invalid-request': return msg('Le DMP a refusé la demande : certaines informations sont invalides.');
    case 'unauthorized': return msg('Votre authentification auprès du DMP a échoué.');
    case 'forbidden': return msg('Le DMP a refusé la demande.');
    case 'rate-limited': return msg('Le DMP reçoit trop de demandes : réessayez dans quelques instants.');
    default: return msg(str`Le DMP a rencontré une erreur (${error.status ?? error.kind}).`);
  }
}
