import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatDate } from '../../i18n/format.js';
import type { DmpLocale } from '../../i18n/localization.js';
import type { LegalRepresentative, Oppositions } from '../../model/dossier.js';
import {
  NOTIFICATION_EVENTS,
  chosenRelationship,
  relationshipsFor,
  type FieldErrors,
  type NotificationEvent,
  type PreferencesDraft,
  type RepresentativeDraft,
} from './forms.js';
import type { PanelData, Section } from './panel-data.js';
import { fullName } from './texts.js';

/**
 * The sections only the patient and their legal representatives use: the oppositions to emergency
 * access, notifications, legal representatives and closing the dossier. In their own module,
 * fetched when the policy lets the user manage one of them: a professional never loads them.
 * The panel keeps their state (what was typed survives a failed fetch) and does the writes.
 */
export interface PatientSectionsView {
  readonly data: PanelData;
  /** The user is the patient, told about themselves; a legal representative reads about the patient. */
  readonly ownDossier: boolean;
  readonly locale: DmpLocale | undefined;
  readonly busy: ReadonlySet<Section>;
  /** The oppositions as shown: what the user just ticked, until the server answers. */
  readonly oppositions: Oppositions | undefined;
  readonly preferences: PreferencesDraft | undefined;
  readonly preferenceErrors: FieldErrors;
  /** Addresses another screen changed too, differently: its value, to show beside the user's. */
  readonly preferencesElsewhere: Partial<Record<'email' | 'phone', string>>;
  readonly representative: RepresentativeDraft;
  readonly representativeErrors: FieldErrors;
  /** What the server refused, by field (body path), with its reason. */
  readonly serverFieldErrors: ReadonlyMap<string, string>;
  readonly closeReason: string;
  readonly closeWord: string;
  readonly closeErrors: FieldErrors;
  /** The word to type to confirm the closure, in the interface language. */
  readonly closeConfirmationWord: string;
  /** A section's success and error messages. */
  message(section: Section): TemplateResult | typeof nothing;
  /** Starts fetching the forms' checks, so that a submission seldom waits for them. */
  prefetchChecks(): void;
  changeOpposition(key: keyof Oppositions, checked: boolean): void;
  editPreferences(patch: Partial<PreferencesDraft>): void;
  submitPreferences(): void;
  editRepresentative(patch: Partial<RepresentativeDraft>): void;
  submitRepresentative(): void;
  askRepresentativeRemoval(representative: LegalRepresentative, trigger: HTMLElement): void;
  editClose(patch: { reason?: string; word?: string }): void;
  submitClose(): void;
}

export function renderPatientSections(view: PatientSectionsView): TemplateResult {
  return html`${renderOppositions(view)} ${renderNotifications(view)} ${renderRepresentatives(view)} ${renderClose(view)}`;
}

const busy = (view: PatientSectionsView, section: Section) => (view.busy.has(section) ? 'true' : 'false');
const valueOf = (event: Event) => (event.target as HTMLInputElement).value;
const checkedOf = (event: Event) => (event.target as HTMLInputElement).checked;

function submitted(run: () => void): (event: SubmitEvent) => void {
  return (event) => {
    event.preventDefault();
    run();
  };
}

interface InputField {
  readonly id: string;
  readonly label: string;
  readonly type: 'text' | 'email' | 'tel';
  readonly autocomplete: string;
  readonly maxlength?: number;
  readonly spellcheck?: boolean;
  readonly value: string;
  /** When set, the field is marked invalid and says why. */
  readonly error: string | undefined;
  /** Said under the field while it has no error. */
  readonly hint?: string;
  input(value: string): void;
}

/** What another screen saved in a field the user changed too, to choose knowingly. */
function elsewhere(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value === '' ? msg('Effacé entre-temps sur un autre écran.') : msg(str`Enregistré entre-temps sur un autre écran : ${value}`);
}

/** A labelled one-line input whose error (or hint) is tied to it for assistive technologies. */
function inputField(field: InputField): TemplateResult {
  const invalid = field.error !== undefined;
  const note = invalid ? 'error' : field.hint === undefined ? undefined : 'hint';
  return html`<div class="field">
    <label for=${field.id}>${field.label}</label>
    <input
      id=${field.id}
      type=${field.type}
      autocomplete=${field.autocomplete}
      maxlength=${ifDefined(field.maxlength)}
      spellcheck=${ifDefined(field.spellcheck)}
      .value=${live(field.value)}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${ifDefined(note && `${field.id}-${note}`)}
      @input=${(e: Event) => field.input(valueOf(e))}
    />
    ${invalid
      ? html`<p class="field-error" id=${`${field.id}-error`}>${field.error}</p>`
      : note
        ? html`<p class="hint" id=${`${field.id}-hint`}>${field.hint}</p>`
        : nothing}
  </div>`;
}

function renderOppositions(view: PatientSectionsView): TemplateResult | typeof nothing {
  const { data, oppositions: shown } = view;
  if (!data.oppositions || !shown || !data.decisions['opposition.manage'].allowed) return nothing;
  const box = (key: keyof Oppositions, label: string, hint: string) => html`<div class="check">
    <input
      type="checkbox"
      id=${`oppose-${key}`}
      name=${key}
      .checked=${live(shown[key])}
      aria-describedby=${`oppose-${key}-hint`}
      @change=${(e: Event) => view.changeOpposition(key, checkedOf(e))}
    />
    <label for=${`oppose-${key}`}>${label}</label>
    <p class="hint" id=${`oppose-${key}-hint`}>${hint}</p>
  </div>`;
  return html`<section part="section" class="section" id="oppositions" aria-labelledby="oppositions-title" aria-busy=${busy(view, 'oppositions')}>
    <h3 id="oppositions-title">${msg('Accès en urgence')}</h3>
    <p class="hint">
      ${msg('En cas d’urgence, un professionnel de santé peut consulter le dossier sans autorisation, et le médecin régulateur du SAMU aussi. Chaque accès d’urgence est enregistré et vous en êtes informé. Vous pouvez refuser l’un ou l’autre : votre choix s’applique immédiatement.')}
    </p>
    ${box(
      'breakGlass',
      msg('Je refuse l’accès en mode urgence (bris de glace) par tout professionnel de santé'),
      view.ownDossier
        ? msg('Un professionnel que vous n’avez pas autorisé ne pourra pas consulter le dossier, même si votre état présente un risque immédiat et que vous ne pouvez pas donner votre accord.')
        : msg('Un professionnel que vous n’avez pas autorisé ne pourra pas consulter le dossier, même si l’état du patient présente un risque immédiat et qu’il ne peut pas donner son accord.'),
    )}
    ${box(
      'regulation',
      msg('Je refuse l’accès par le médecin régulateur du SAMU (Centre 15)'),
      view.ownDossier
        ? msg('Le médecin régulateur qui traite un appel au 15 vous concernant ne pourra pas consulter le dossier.')
        : msg('Le médecin régulateur qui traite un appel au 15 concernant le patient ne pourra pas consulter le dossier.'),
    )}
    ${view.message('oppositions')}
  </section>`;
}

function notificationEventLabel(event: NotificationEvent): string {
  switch (event) {
    case 'newDocument': return msg('Un nouveau document est ajouté au dossier');
    case 'firstAccess': return msg('Un professionnel accède au dossier pour la première fois');
    case 'emergencyAccess': return msg('Le dossier est consulté en urgence');
  }
}

function renderNotifications(view: PatientSectionsView): TemplateResult | typeof nothing {
  const draft = view.preferences;
  if (!draft || !view.data.decisions['notification.manage'].allowed) return nothing;
  const errors = view.preferenceErrors;
  const channel = (event: NotificationEvent, name: 'email' | 'sms', label: string) => html`<span class="check">
    <input
      type="checkbox"
      id=${`${event}-${name}`}
      .checked=${live(draft[event][name])}
      @change=${(e: Event) => view.editPreferences({ [event]: { ...draft[event], [name]: checkedOf(e) } })}
    />
    <label for=${`${event}-${name}`}>${label}</label>
  </span>`;
  return html`<section part="section" class="section" id="notifications" aria-labelledby="notifications-title" aria-busy=${busy(view, 'notifications')}>
    <h3 id="notifications-title">${msg('Notifications')}</h3>
    <form novalidate @focusin=${() => view.prefetchChecks()} @submit=${submitted(() => view.submitPreferences())}>
      ${inputField({
        id: 'notify-email',
        label: msg('Adresse e-mail'),
        type: 'email',
        autocomplete: 'email',
        value: draft.email,
        error: errors.has('email') ? msg('Adresse e-mail invalide.') : view.serverFieldErrors.get('email'),
        hint: elsewhere(view.preferencesElsewhere.email),
        input: (email) => view.editPreferences({ email }),
      })}
      ${inputField({
        id: 'notify-phone',
        label: msg('Téléphone mobile'),
        type: 'tel',
        autocomplete: 'tel',
        value: draft.phone,
        error: errors.has('phone') ? msg('Numéro de mobile invalide : un numéro français commençant par 06 ou 07.') : view.serverFieldErrors.get('phone'),
        hint: elsewhere(view.preferencesElsewhere.phone) ?? msg('Par exemple 06 12 34 56 78.'),
        input: (phone) => view.editPreferences({ phone }),
      })}
      ${NOTIFICATION_EVENTS.map(
        (event) => html`<fieldset class="channels">
          <legend>${notificationEventLabel(event)}</legend>
          ${channel(event, 'email', msg('par e-mail'))}
          ${channel(event, 'sms', msg('par SMS'))}
        </fieldset>`,
      )}
      <button type="submit" class="button">${msg('Enregistrer les préférences')}</button>
    </form>
    ${view.message('notifications')}
  </section>`;
}

function relationshipLabel(relationship: LegalRepresentative['relationship']): string {
  switch (relationship) {
    case 'parent': return msg('Parent');
    case 'guardian': return msg('Tuteur ou tutrice');
    case 'curator': return msg('Curateur ou curatrice');
    case 'other': return msg('Autre');
  }
}

function renderRepresentatives(view: PatientSectionsView): TemplateResult | typeof nothing {
  const list = view.data.representatives;
  if (!list || !view.data.decisions['representative.manage'].allowed) return nothing;
  const draft = view.representative;
  const minor = view.data.dossier.policy.patientIsMinor;
  const chosen = chosenRelationship(draft, minor);
  const errors = view.representativeErrors;
  const text = (field: 'firstName' | 'lastName', label: string, error: string, autocomplete: string) =>
    inputField({
      id: `rep-${field}`,
      label,
      type: 'text',
      autocomplete,
      maxlength: 100,
      value: draft[field],
      error: errors.has(field) ? error : view.serverFieldErrors.get(field),
      input: (value) => view.editRepresentative({ [field]: value }),
    });
  return html`<section part="section" class="section" id="representatives" aria-labelledby="representatives-title" aria-busy=${busy(view, 'representatives')}>
    <h3 id="representatives-title" tabindex="-1">${msg('Représentants légaux')}</h3>
    <p class="hint">
      ${msg('Pour le dossier d’un mineur ou d’un majeur protégé, les représentants légaux gèrent le dossier à sa place.')}
    </p>
    ${list.length === 0
      ? html`<p class="empty">${msg('Aucun représentant légal.')}</p>`
      : html`<ul class="rows">
          ${repeat(
            list,
            (r) => r.id,
            (r) => html`<li part="row" class="row" data-id=${r.id}>
              <div class="who">
                <span class="name">${fullName(r)}</span>
                <span class="meta">
                  ${msg(str`${relationshipLabel(r.relationship)} · depuis le ${formatDate(r.since, view.locale)}`)}
                </span>
              </div>
              <div class="actions">
                <button
                  type="button"
                  class="button button--quiet button--danger"
                  aria-label=${msg(str`Retirer ${fullName(r)}`)}
                  @click=${(e: Event) => view.askRepresentativeRemoval(r, e.currentTarget as HTMLElement)}
                >
                  ${msg('Retirer')}
                </button>
              </div>
            </li>`,
          )}
        </ul>`}
    <form novalidate class="inline-form" @focusin=${() => view.prefetchChecks()} @submit=${submitted(() => view.submitRepresentative())}>
      <h4>${msg('Ajouter un représentant légal')}</h4>
      ${text('firstName', msg('Prénom'), msg('Indiquez le prénom (100 caractères au plus).'), 'given-name')}
      ${text('lastName', msg('Nom de famille'), msg('Indiquez le nom (100 caractères au plus).'), 'family-name')}
      <div class="field">
        <label for="rep-relationship">${view.ownDossier ? msg('Lien avec vous') : msg('Lien avec le patient')}</label>
        <select
          id="rep-relationship"
          .value=${live(chosen)}
          @change=${(e: Event) => view.editRepresentative({ relationship: valueOf(e) as LegalRepresentative['relationship'] })}
        >
          ${relationshipsFor(minor).map((r) => html`<option value=${r} ?selected=${r === chosen}>${relationshipLabel(r)}</option>`)}
        </select>
      </div>
      <button type="submit" class="button">${msg('Ajouter')}</button>
    </form>
    ${view.message('representatives')}
  </section>`;
}

function renderClose(view: PatientSectionsView): TemplateResult | typeof nothing {
  if (!view.data.decisions['dossier.close'].allowed) return nothing;
  const word = view.closeConfirmationWord;
  const errors = view.closeErrors;
  return html`<section part="section" class="section section--danger" id="close" aria-labelledby="close-title" aria-busy=${busy(view, 'close')}>
    <h3 id="close-title">${msg('Fermeture du DMP')}</h3>
    <p class="hint">
      ${msg('Le dossier peut être fermé à tout moment. Il ne sera plus accessible aux professionnels de santé. Son contenu est conservé dix ans après la fermeture, puis supprimé ; pendant ce délai, le dossier peut être réactivé.')}
    </p>
    <form novalidate @focusin=${() => view.prefetchChecks()} @submit=${submitted(() => view.submitClose())}>
      <div class="field">
        <label for="close-reason">${msg('Motif de la fermeture')}</label>
        <textarea
          id="close-reason"
          rows="2"
          maxlength="500"
          .value=${live(view.closeReason)}
          aria-invalid=${errors.has('reason') ? 'true' : 'false'}
          aria-describedby=${ifDefined(errors.has('reason') ? 'close-reason-error' : undefined)}
          @input=${(e: Event) => view.editClose({ reason: valueOf(e) })}
        ></textarea>
        ${errors.has('reason')
          ? html`<p class="field-error" id="close-reason-error">${msg('Indiquez le motif de la fermeture.')}</p>`
          : nothing}
      </div>
      ${inputField({
        id: 'close-word',
        label: msg(str`Pour confirmer, saisissez ${word}`),
        type: 'text',
        autocomplete: 'off',
        spellcheck: false,
        value: view.closeWord,
        error: errors.has('word') ? msg(str`Saisissez ${word} pour confirmer la fermeture.`) : undefined,
        input: (word) => view.editClose({ word }),
      })}
      <button type="submit" class="button button--danger">${msg('Fermer le dossier')}</button>
    </form>
    ${view.message('close')}
  </section>`;
}
