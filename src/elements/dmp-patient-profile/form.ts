import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
// A date being retyped has no value until whole: live() leaves its parts alone rather than write
// the empty value back over them.
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { isRetryable, writeFailureText } from '../../i18n/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import type { DmpDocument } from '../../model/document.js';
import type { PatientProfile } from '../../model/profile.js';
import {
  BLOOD_GROUPS,
  MAX_ALLERGIES,
  MAX_EMERGENCY_CONTACTS,
  MAX_TREATMENTS,
  ORGAN_DONATION_CHOICES,
  type OrganDonationChoice,
} from '../../model/profile-fields.js';
import { newEntryId } from '../base/new-entry-id.js';
import { FIELD, type AllergyDraft, type ContactDraft, type DraftKept, type FieldProblem, type ProfileDraft, type TreatmentDraft } from './draft.js';
import { renderProfileSections, SECTION_TITLES } from './read-view.js';
import { bloodGroupLabel, errorText, organDonationLabel } from './texts.js';

/** The form's own styles, which the element adopts with this module: reading needs none of them. */
export const formStyles = css`
  legend {
    font-weight: 700;
    padding: 0 calc(var(--_dmp-space) / 2);
  }
  .form-entries {
    display: grid;
    gap: var(--_dmp-space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .entry {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    align-items: end;
    gap: var(--_dmp-space);
    padding: var(--_dmp-space);
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface-alt);
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--_dmp-space);
  }
  .check input {
    min-height: auto;
    width: 1.125rem;
    height: 1.125rem;
  }
  .required {
    color: var(--_dmp-color-error);
  }
  textarea {
    padding: var(--_dmp-space);
    resize: vertical;
  }
  .add {
    justify-self: start;
  }
`;

/** What the form needs from the element that holds the draft. */
export interface ProfileFormHost {
  readonly draft: ProfileDraft;
  readonly problems: ReadonlyMap<string, FieldProblem>;
  /** The user is the patient, who fills the form about themselves; a legal representative fills it for the patient. */
  readonly own: boolean;
  /** `YYYY-MM-DD`: the latest date a field accepts. */
  readonly today: string;
  /** Replaces the draft; `focus` is the id of a field to focus once rendered. */
  change(next: ProfileDraft, focus?: string): void;
}

type ListName = 'allergies' | 'treatments' | 'emergencyContacts';

const valueOf = (event: Event) => (event.target as HTMLInputElement).value;

function describedBy(host: ProfileFormHost, id: string, hint?: string): string | typeof nothing {
  const ids = [hint, host.problems.has(id) ? `${id}-error` : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : nothing;
}

function fieldError(host: ProfileFormHost, id: string): TemplateResult | typeof nothing {
  const problem = host.problems.get(id);
  return problem ? html`<p id=${`${id}-error`} class="field-error">${problemText(problem, host.own)}</p>` : nothing;
}

/** The message shown under a refused field, to the patient about themselves (`own`) or to a representative. */
function problemText(problem: FieldProblem, own: boolean): string {
  switch (problem) {
    case 'agent-required': return msg('Indiquez la substance, l’aliment ou le médicament en cause.');
    case 'treatment-required': return msg('Indiquez le nom du traitement.');
    case 'name-required': return msg('Indiquez le nom de la personne.');
    case 'relationship-required':
      return own
        ? msg('Indiquez votre lien avec cette personne (par exemple : fille, voisin).')
        : msg('Indiquez le lien avec le patient (par exemple : fille, voisin).');
    case 'phone-required': return msg('Indiquez un numéro de téléphone.');
    case 'phone-invalid': return msg('Numéro de téléphone français attendu, par exemple 06 12 34 56 78.');
    case 'email-invalid': return msg('Adresse e-mail invalide, par exemple nom@exemple.fr.');
    case 'date-invalid': return msg('Date invalide.');
    case 'date-future': return msg('La date ne peut pas être dans le futur.');
    case 'directives-date-required': return msg('Indiquez la date à laquelle les directives ont été rédigées.');
    case 'allergies-conflict': return msg('« Aucune allergie connue » est coché alors que des allergies sont listées : retirez-les ou décochez la case.');
  }
}

interface TextFieldOptions {
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'tel' | 'email' | 'date';
  required?: boolean;
  maxlength?: number;
  autocomplete?: string;
  hint?: string;
  max?: string;
}

function textField(host: ProfileFormHost, id: string, o: TextFieldOptions): TemplateResult {
  const invalid = host.problems.has(id);
  const hintId = o.hint ? `${id}-hint` : undefined;
  return html`<div class="field">
    <label for=${id}>${o.label}${o.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
    ${o.hint ? html`<p id=${hintId} class="hint">${o.hint}</p>` : nothing}
    <input
      id=${id}
      type=${o.type ?? 'text'}
      .value=${live(o.value)}
      ?required=${o.required ?? false}
      maxlength=${o.type === 'date' ? nothing : (o.maxlength ?? 200)}
      max=${o.max ?? nothing}
      autocomplete=${o.autocomplete ?? 'off'}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${describedBy(host, id, hintId)}
      @input=${(e: Event) => o.onInput(valueOf(e))}
      @change=${(e: Event) => o.onInput(valueOf(e))}
    />
    ${fieldError(host, id)}
  </div>`;
}

function replaceEntry<T extends { id: string }>(list: readonly T[], id: string, patch: Partial<T>): T[] {
  return list.map((entry) => (entry.id === id ? { ...entry, ...patch } : entry));
}

function setEntry<L extends ListName>(host: ProfileFormHost, list: L, id: string, patch: Partial<ProfileDraft[L][number]>): void {
  const entries = host.draft[list] as Array<ProfileDraft[L][number]>;
  host.change({ ...host.draft, [list]: replaceEntry(entries, id, patch) });
}

function removeEntry(host: ProfileFormHost, list: ListName, id: string): void {
  const entries = (host.draft[list] as Array<{ id: string }>).filter((e) => e.id !== id);
  host.change({ ...host.draft, [list]: entries }, `add-${list}`);
}

function addEntry(host: ProfileFormHost, list: ListName): void {
  const d = host.draft;
  switch (list) {
    case 'allergies': {
      const entry: AllergyDraft = { id: newEntryId('allergie'), agent: '', reaction: '', since: '' };
      host.change({ ...d, allergies: [...d.allergies, entry] }, FIELD.allergy(entry.id, 'agent'));
      return;
    }
    case 'treatments': {
      const entry: TreatmentDraft = { id: newEntryId('traitement'), name: '', dosage: '' };
      host.change({ ...d, treatments: [...d.treatments, entry] }, FIELD.treatment(entry.id, 'name'));
      return;
    }
    case 'emergencyContacts': {
      const entry: ContactDraft = { id: newEntryId('contact'), name: '', relationship: '', phone: '' };
      host.change({ ...d, emergencyContacts: [...d.emergencyContacts, entry] }, FIELD.contact(entry.id, 'name'));
      return;
    }
  }
}

function addButton(host: ProfileFormHost, list: ListName, label: string, max: number): TemplateResult {
  const full = (host.draft[list] as unknown[]).length >= max;
  return html`<button type="button" class="add" id=${`add-${list}`} aria-disabled=${full ? 'true' : 'false'}
    @click=${() => {
      if (!full) addEntry(host, list);
    }}>
    ${label}
  </button>
  ${full ? html`<p class="hint">${msg(str`${max} entrées au plus.`)}</p>` : nothing}`;
}

function removeButton(host: ProfileFormHost, list: ListName, id: string, label: string): TemplateResult {
  return html`<button type="button" class="remove" aria-label=${label} @click=${() => removeEntry(host, list, id)}>
    ${msg('Retirer')}
  </button>`;
}

function bloodGroupFieldset(host: ProfileFormHost): TemplateResult {
  return html`<fieldset part="section" class="section">
    <legend>${SECTION_TITLES.bloodGroup()}</legend>
    <div class="field">
      <label for=${FIELD.bloodGroup}>${msg('Groupe sanguin et rhésus')}</label>
      <select id=${FIELD.bloodGroup}
        @change=${(e: Event) => host.change({ ...host.draft, bloodGroup: valueOf(e) as ProfileDraft['bloodGroup'] })}>
        ${BLOOD_GROUPS.map((g) => html`<option value=${g} ?selected=${host.draft.bloodGroup === g}>${bloodGroupLabel(g)}</option>`)}
      </select>
    </div>
  </fieldset>`;
}

function allergiesFieldset(host: ProfileFormHost): TemplateResult {
  const d = host.draft;
  const noneId = FIELD.allergiesNoneKnown;
  return html`<fieldset part="section" class="section">
    <legend>${SECTION_TITLES.allergies()}</legend>
    <div class="check">
      <input id=${noneId} type="checkbox" .checked=${d.allergiesNoneKnown}
        aria-invalid=${host.problems.has(noneId) ? 'true' : 'false'} aria-describedby=${describedBy(host, noneId)}
        @change=${(e: Event) => host.change({ ...host.draft, allergiesNoneKnown: (e.target as HTMLInputElement).checked })} />
      <label for=${noneId}>${msg('Aucune allergie connue')}</label>
    </div>
    ${fieldError(host, noneId)}
    <ul class="form-entries">
      ${repeat(d.allergies, (a) => a.id, (a, i) => html`<li class="entry">
        ${textField(host, FIELD.allergy(a.id, 'agent'), {
          label: msg('Substance, aliment ou médicament'),
          value: a.agent,
          required: true,
          onInput: (agent) => setEntry(host, 'allergies', a.id, { agent }),
        })}
        ${textField(host, FIELD.allergy(a.id, 'reaction'), {
          label: msg('Réaction'),
          value: a.reaction,
          maxlength: 500,
          onInput: (reaction) => setEntry(host, 'allergies', a.id, { reaction }),
        })}
        ${textField(host, FIELD.allergy(a.id, 'since'), {
          label: msg('Depuis le'),
          value: a.since,
          type: 'date',
          max: host.today,
          onInput: (since) => setEntry(host, 'allergies', a.id, { since }),
        })}
        ${removeButton(host, 'allergies', a.id, a.agent.trim()
          ? msg(str`Retirer l’allergie ${a.agent.trim()}`)
          : msg(str`Retirer l’allergie n° ${i + 1}`))}
      </li>`)}
    </ul>
    ${addButton(host, 'allergies', msg('Ajouter une allergie ou une intolérance'), MAX_ALLERGIES)}
  </fieldset>`;
}

function treatmentsFieldset(host: ProfileFormHost): TemplateResult {
  return html`<fieldset part="section" class="section">
    <legend>${SECTION_TITLES.treatments()}</legend>
    <ul class="form-entries">
      ${repeat(host.draft.treatments, (t) => t.id, (t, i) => html`<li class="entry">
        ${textField(host, FIELD.treatment(t.id, 'name'), {
          label: msg('Médicament ou traitement'),
          value: t.name,
          required: true,
          onInput: (name) => setEntry(host, 'treatments', t.id, { name }),
        })}
        ${textField(host, FIELD.treatment(t.id, 'dosage'), {
          label: msg('Posologie'),
          value: t.dosage,
          onInput: (dosage) => setEntry(host, 'treatments', t.id, { dosage }),
        })}
        ${removeButton(host, 'treatments', t.id, t.name.trim()
          ? msg(str`Retirer le traitement ${t.name.trim()}`)
          : msg(str`Retirer le traitement n° ${i + 1}`))}
      </li>`)}
    </ul>
    ${addButton(host, 'treatments', msg('Ajouter un traitement'), MAX_TREATMENTS)}
  </fieldset>`;
}

function contactsFieldset(host: ProfileFormHost): TemplateResult {
  const phoneHint = msg('Format français, par exemple 06 12 34 56 78.');
  return html`<fieldset part="section" class="section">
    <legend>${SECTION_TITLES.contacts()}</legend>
    <ul class="form-entries">
      ${repeat(host.draft.emergencyContacts, (c) => c.id, (c, i) => html`<li class="entry">
        ${textField(host, FIELD.contact(c.id, 'name'), {
          label: msg('Nom et prénom'),
          value: c.name,
          required: true,
          maxlength: 150,
          onInput: (name) => setEntry(host, 'emergencyContacts', c.id, { name }),
        })}
        ${textField(host, FIELD.contact(c.id, 'relationship'), {
          label: relationshipLabel(host),
          value: c.relationship,
          required: true,
          maxlength: 100,
          onInput: (relationship) => setEntry(host, 'emergencyContacts', c.id, { relationship }),
        })}
        ${textField(host, FIELD.contact(c.id, 'phone'), {
          label: msg('Téléphone'),
          value: c.phone,
          type: 'tel',
          required: true,
          maxlength: 20,
          hint: phoneHint,
          onInput: (phone) => setEntry(host, 'emergencyContacts', c.id, { phone }),
        })}
        ${removeButton(host, 'emergencyContacts', c.id, c.name.trim()
          ? msg(str`Retirer la personne à prévenir ${c.name.trim()}`)
          : msg(str`Retirer la personne à prévenir n° ${i + 1}`))}
      </li>`)}
    </ul>
    ${addButton(host, 'emergencyContacts', msg('Ajouter une personne à prévenir'), MAX_EMERGENCY_CONTACTS)}
  </fieldset>`;
}

function trustedFieldset(host: ProfileFormHost): TemplateResult {
  const t = host.draft.trustedPerson;
  const set = (patch: Partial<ProfileDraft['trustedPerson']>) => host.change({ ...host.draft, trustedPerson: { ...host.draft.trustedPerson, ...patch } });
  return html`<fieldset part="section" class="section">
    <legend>${SECTION_TITLES.trusted()}</legend>
    <p class="hint">
      ${host.own
        ? msg('La personne de confiance vous accompagne dans vos démarches et est consultée si vous ne pouvez plus exprimer votre volonté. Laissez vide si vous n’en avez désigné aucune.')
        : msg('La personne de confiance accompagne le patient dans ses démarches et est consultée s’il ne peut plus exprimer sa volonté. Laissez vide si aucune n’est désignée.')}
    </p>
    ${textField(host, FIELD.trusted('name'), {
      label: msg('Nom et prénom'),
      value: t.name,
      maxlength: 150,
      onInput: (name) => set({ name }),
    })}
    ${textField(host, FIELD.trusted('relationship'), {
      label: relationshipLabel(host),
      value: t.relationship,
      maxlength: 100,
      onInput: (relationship) => set({ relationship }),
    })}
    ${textField(host, FIELD.trusted('phone'), {
      label: msg('Téléphone'),
      value: t.phone,
      type: 'tel',
      maxlength: 20,
      hint: msg('Format français, par exemple 06 12 34 56 78.'),
      onInput: (phone) => set({ phone }),
    })}
    ${textField(host, FIELD.trusted('email'), {
      label: msg('Adresse e-mail'),
      value: t.email,
      type: 'email',
      maxlength: 254,
      onInput: (email) => set({ email }),
    })}
  </fieldset>`;
}

function directivesFieldset(host: ProfileFormHost): TemplateResult {
  const d = host.draft.directives;
  const set = (patch: Partial<ProfileDraft['directives']>) => host.change({ ...host.draft, directives: { ...host.draft.directives, ...patch } });
  const textId = FIELD.directivesText;
  return html`<fieldset part="section" class="section">
    <legend>${SECTION_TITLES.directives()}</legend>
    <p class="hint" id="directives-hint">
      ${host.own
        ? msg('Les directives anticipées disent vos volontés sur votre fin de vie, pour le cas où vous ne pourriez plus les exprimer.')
        : msg('Les directives anticipées disent les volontés du patient sur sa fin de vie, pour le cas où il ne pourrait plus les exprimer.')}
      ${msg('Elles peuvent être modifiées ou remplacées à tout moment. Un document signé peut aussi être déposé dans la section « Directives anticipées », une fois ce formulaire fermé.')}
    </p>
    <div class="field">
      <label for=${textId}>${msg('Texte des directives')}</label>
      <textarea id=${textId} rows="5" maxlength="10000" .value=${d.text} aria-describedby="directives-hint"
        @input=${(e: Event) => set({ text: valueOf(e) })}></textarea>
    </div>
    ${textField(host, FIELD.directivesWrittenOn, {
      label: msg('Rédigées le'),
      value: d.writtenOn,
      type: 'date',
      max: host.today,
      onInput: (writtenOn) => set({ writtenOn }),
    })}
  </fieldset>`;
}

/** The patient states their own choice; a representative records the patient's (organDonationLabel). */
function ownOrganDonationLabel(choice: OrganDonationChoice): string {
  switch (choice) {
    case 'accept': return msg('J’accepte le don de mes organes et tissus après mon décès');
    case 'refuse': return msg('Je refuse le don de mes organes et tissus après mon décès');
    case 'undeclared': return msg('Pas de choix exprimé');
  }
}

/** A contact's relationship to the patient, or to "you" when the patient fills the form. */
function relationshipLabel(host: ProfileFormHost): string {
  return host.own ? msg('Lien avec vous') : msg('Lien avec le patient');
}

function organFieldset(host: ProfileFormHost): TemplateResult {
  const o = host.draft.organDonation;
  return html`<fieldset part="section" class="section">
    <legend>${SECTION_TITLES.organ()}</legend>
    <p class="hint" id="organ-hint">
      ${msg('En France, chacun est présumé donneur. Pour que le refus soit opposable, il faut aussi s’inscrire sur le registre national des refus de l’Agence de la biomédecine.')}
    </p>
    <div role="radiogroup" aria-describedby="organ-hint" aria-label=${SECTION_TITLES.organ()}>
      ${ORGAN_DONATION_CHOICES.map((choice) => html`<div class="check">
        <input type="radio" name="organ" id=${`organ-${choice}`} value=${choice} .checked=${o.choice === choice}
          @change=${() => host.change({ ...host.draft, organDonation: { ...host.draft.organDonation, choice } })} />
        <label for=${`organ-${choice}`}>${host.own ? ownOrganDonationLabel(choice) : organDonationLabel(choice)}</label>
      </div>`)}
    </div>
    <div class="field">
      <label for=${FIELD.organNote}>${msg('Précisions (facultatif)')}</label>
      <textarea id=${FIELD.organNote} rows="2" maxlength="1000" .value=${o.note}
        @input=${(e: Event) => host.change({ ...host.draft, organDonation: { ...host.draft.organDonation, note: valueOf(e) } })}></textarea>
    </div>
  </fieldset>`;
}

/** Every fieldset of the edit form, in the order of the read view. */
export function renderProfileFields(host: ProfileFormHost): TemplateResult {
  return html`${bloodGroupFieldset(host)}${allergiesFieldset(host)}${treatmentsFieldset(host)}${contactsFieldset(host)}${trustedFieldset(host)}${directivesFieldset(host)}${organFieldset(host)}`;
}

/** What a failed save shows, told by the element that tried it. */
export interface SaveErrorView {
  error: unknown;
  /** Where the edits were kept when the save failed. */
  kept: DraftKept | undefined;
  /** The version someone saved meanwhile, when that is why the save failed. */
  newer: { document: DmpDocument; profile: PatientProfile | undefined } | undefined;
  locale: string | undefined;
  /** Saves the edits over the newer version. */
  replace(): void;
  discard(): void;
}

export function renderSaveError(view: SaveErrorView): TemplateResult {
  const { error, newer } = view;
  return html`<div class="notice notice--error save-error" role="alert">
    <strong>${writeFailureText(error, () => msg(str`Les informations n’ont pas été enregistrées : ${errorText(error)}`))}</strong>
    <p>
      ${isRetryable(error)
        ? view.kept === 'device'
          ? msg('Votre saisie est conservée dans ce formulaire et sur cet appareil : vous pouvez réessayer.')
          : msg('Votre saisie est conservée dans ce formulaire (pas sur cet appareil) : vous pouvez réessayer.')
        : view.kept === 'device'
          ? msg('Votre saisie est conservée dans ce formulaire et sur cet appareil.')
          : msg('Votre saisie est conservée dans ce formulaire (pas sur cet appareil).')}
    </p>
    ${newer
      ? html`<p>${msg(str`La version actuelle date du ${formatDateTime(newer.document.submittedAt, view.locale)} (par ${newer.document.author.name}).`)}</p>
          ${newer.profile
            ? html`<details class="current-version">
                <summary>${msg('Voir la version actuelle avant de choisir')}</summary>
                ${renderProfileSections(newer.profile, view.locale, nothing, 'current-')}
              </details>`
            : nothing}
          <p class="buttons">
            <button type="button" @click=${view.replace}>${msg('Remplacer la version actuelle par ma saisie')}</button>
            <button type="button" @click=${view.discard}>${msg('Abandonner ma saisie')}</button>
          </p>`
      : nothing}
  </div>`;
}

export interface DraftOfferView {
  /** When the kept edits were last written on this device. */
  savedAt: string;
  /** Kept in the page only, the device having refused them: a reload loses them. */
  inPage: boolean;
  /** Whether they start from a version older than the current one. */
  stale: boolean;
  locale: string | undefined;
  resume(): void;
  discard(): void;
}

/** The edits kept on this device, offered back to their author. */
export function renderDraftOffer(view: DraftOfferView): TemplateResult {
  return html`<div class="notice draft-offer" role="status">
    <strong>${view.inPage
      ? msg(str`Des modifications non enregistrées du ${formatDateTime(view.savedAt, view.locale)} sont conservées dans cette page, pas sur cet appareil : recharger la page les effacerait.`)
      : msg(str`Des modifications non enregistrées du ${formatDateTime(view.savedAt, view.locale)} sont conservées sur cet appareil.`)}</strong>
    ${view.stale
      ? html`<p>${msg('Elles partent d’une version antérieure : les enregistrer remplacera la version actuelle.')}</p>`
      : nothing}
    <p class="buttons">
      <button type="button" @click=${view.resume}>${msg('Reprendre ces modifications')}</button>
      <button type="button" @click=${view.discard}>${msg('Les abandonner')}</button>
    </p>
  </div>`;
}
