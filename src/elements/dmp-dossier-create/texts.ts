import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { formatDate } from '../../i18n/format.js';
import type { Credentials, DossierInfo } from '../../model/dossier.js';
import type { PatientTraits } from '../../model/patient.js';
import { sexLabel } from './messages.js';
import { formatNir } from './nir-format.js';

/** The rights every patient is told about, at consent and again on the paper they take home. */
function rights(): TemplateResult {
  return html`<ul>
    <li>${msg('Masquage : un document peut être masqué aux professionnels de santé ; seuls son auteur et le médecin traitant le voient encore.')}</li>
    <li>${msg('Oppositions : l’accès en urgence (bris de glace) et celui du médecin régulateur du SAMU (Centre 15) peuvent être refusés, dès la création ou plus tard.')}</li>
    <li>${msg('Fermeture : le dossier peut être fermé à tout moment ; ses données sont alors conservées 10 ans, pendant lesquels il peut être réactivé.')}</li>
    <li>${msg('Traçabilité : chaque accès est enregistré, et l’historique des accès peut être consulté à tout moment.')}</li>
  </ul>`;
}

/** What the patient must be told before consenting (DOMAIN.md, "Dossier lifecycle"). */
export function consentInformation(): TemplateResult {
  return html`<p>
      ${msg('Le dossier médical partagé (DMP) est le carnet de santé numérique du patient, dans Mon espace santé : il conserve et partage ses traitements, comptes rendus, résultats d’examens, allergies et vaccinations.')}
    </p>
    <p>${msg('Il n’est pas obligatoire, et le créer ou non n’a aucun effet sur les remboursements.')}</p>
    <p>
      ${msg('Y accèdent le patient, ses représentants légaux, son médecin traitant et les professionnels de santé qu’il autorise, chacun selon sa profession. Un médecin du travail, une mutuelle, un assureur ou une banque n’y ont jamais accès.')}
    </p>
    ${rights()}`;
}

export interface CredentialsSheetData {
  traits: PatientTraits;
  dossier: DossierInfo;
  credentials: Credentials;
  locale: string | undefined;
}

/**
 * The paper the patient takes home (a minor's legal representative, for the minor): shown once,
 * printed, never stored. Its title names the patient rather than saying "your", which would be
 * wrong in the representative's hands.
 */
export function credentialsSheet({ traits, dossier, credentials, locale }: CredentialsSheetData): TemplateResult {
  const name = `${traits.firstNames} ${traits.birthName}`;
  return html`<section class="sheet" part="credentials" aria-labelledby="sheet-title">
    <h3 id="sheet-title">${msg(str`Dossier médical partagé (DMP) de ${name}`)}</h3>
    <dl class="sheet__identity">
      <dt>${msg('Patient')}</dt>
      <dd>${name}</dd>
      <dt>${msg('Date de naissance')}</dt>
      <dd>${formatDate(traits.birthDate, locale)}</dd>
      <dt>${msg('Sexe')}</dt>
      <dd>${sexLabel(traits.sex)}</dd>
      <dt>${msg('NIR')}</dt>
      <dd>${formatNir(dossier.ins)}</dd>
      ${dossier.createdAt
        ? html`<dt>${msg('Dossier créé le')}</dt>
            <dd>${formatDate(dossier.createdAt, locale)}</dd>`
        : null}
    </dl>
    <dl class="sheet__credentials">
      <dt>${msg('Identifiant')}</dt>
      <dd><code data-credential="identifier">${credentials.identifier}</code></dd>
      <dt>${msg('Mot de passe temporaire')}</dt>
      <dd><code data-credential="password">${credentials.temporaryPassword}</code></dd>
    </dl>
    <h4>${msg('Pour vous connecter')}</h4>
    <ol>
      <li>${msg('Allez sur monespacesante.fr et choisissez « Se connecter ».')}</li>
      <li>${msg('Saisissez votre identifiant et le mot de passe temporaire ci-dessus.')}</li>
      <li>${msg('Saisissez le code à usage unique de 6 chiffres reçu par SMS ou par e-mail.')}</li>
      <li>${msg('Choisissez alors votre propre mot de passe : le mot de passe temporaire ne sert qu’une fois.')}</li>
    </ol>
    <h4>${msg('Vos droits')}</h4>
    ${rights()}
    <p class="sheet__keep">
      ${msg('Gardez ce document en lieu sûr : ce mot de passe n’est remis qu’une fois et n’est conservé nulle part ailleurs.')}
    </p>
  </section>`;
}
