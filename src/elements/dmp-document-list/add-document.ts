import { msg, str } from '@lit/localize';
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AddDocumentOptions, UploadProgress } from '../../client/types.js';
import { formatBytes, formatPercent } from '../../i18n/format.js';
import { categoryLabel } from '../../i18n/labels.js';
import { TYPE_CODE_LABELS_EN } from '../../i18n/type-labels-en.js';
import type { Actor } from '../../model/actor.js';
import { CATEGORIES, type Category } from '../../model/category.js';
import { MAX_DOCUMENT_BYTES, NewDocumentSchema, type DmpDocument, type NewDocument } from '../../model/document.js';
import { TYPE_CODE_LABELS, isSentAsFile, newDocumentDraft } from '../../model/document-types.js';
import type { Action, Decision, PolicyDocumentInput } from '../../policy/types.js';
import { errorText, writeFailureText } from '../../i18n/error-text.js';
import { chosenFiles } from '../base/chosen-file.js';
import { isDmpError } from '../../client/errors.js';
import { RetryKey, uploadContent } from '../base/retry-key.js';

/** What the form accepts: PDF, JPEG, PNG and CDA XML (browsers name XML either way). */
const ACCEPTED_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'application/pdf',
  'image/jpeg': 'image/jpeg',
  'image/png': 'image/png',
  'text/xml': 'text/xml',
  'application/xml': 'text/xml',
};
const ACCEPT_ATTRIBUTE = '.pdf,.jpg,.jpeg,.png,.xml,application/pdf,image/jpeg,image/png,text/xml,application/xml';

/** Loaded with the form rather than with the list: most viewers never add. */
const formStyles = css`
  .dialog--wide {
    max-width: min(40rem, 90vw);
  }
  .add-form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_dmp-space) * 1.5);
  }
  .form-error {
    color: var(--_dmp-color-error);
  }
  .upload {
    display: flex;
    align-items: center;
    gap: var(--_dmp-space);
  }
  .upload progress {
    flex: 1;
  }
`;

type Field = 'title' | 'typeCode' | 'date' | 'file';
const FIELDS: readonly Field[] = ['title', 'typeCode', 'date', 'file'];
/** The field each member of the upload a server may refuse is typed in. */
const FIELD_OF_PATH: Readonly<Record<string, Field>> = { title: 'title', typeCode: 'typeCode', serviceStart: 'date', file: 'file' };

interface TypeGroup {
  category: Category;
  /** `flags`: whether the user may keep a document of this type from the patient or the representatives. */
  types: Array<{ code: string; label: string; flags: boolean }>;
}

/** The policy's decision on a new document, undefined while it cannot be told: the element's. */
export type DecideOn = (action: Action, document: PolicyDocumentInput) => Decision | undefined;

/**
 * The types the user may add, by category, and for each whether they may set its visibility: as
 * its author, the user adding it, whom the server names. Undefined while the policy cannot tell.
 */
function addableTypes(decide: DecideOn, actor: Actor | undefined): TypeGroup[] | undefined {
  const author = actor?.kind === 'professional' ? { authorRpps: actor.rpps } : {};
  const byCategory = new Map<Category, TypeGroup['types']>();
  for (const [code, label] of Object.entries(TYPE_CODE_LABELS)) {
    if (!isSentAsFile(code)) continue;
    const draft = newDocumentDraft(code);
    const adding = decide('document.add', draft);
    const flagging = decide('document.set-visibility', { ...draft, ...author });
    if (!adding || !flagging) return undefined;
    if (!adding.allowed) continue;
    const types = byCategory.get(draft.category) ?? [];
    types.push({ code, label, flags: flagging.allowed });
    byCategory.set(draft.category, types);
  }
  return CATEGORIES.flatMap((category) => {
    const types = byCategory.get(category);
    return types ? [{ category, types }] : [];
  });
}

export type Upload = (metadata: NewDocument, file: Blob, options: AddDocumentOptions) => Promise<DmpDocument>;

/**
 * The "add a document" form: its values survive a failed upload, it checks what the server would
 * refuse before sending (metadata schema, type and size of the file) and reports the upload's
 * progress. An upload under way goes on when the element leaves the page (moved by the host, or
 * kept aside by dmp-dossier while the session is expired): stopped halfway, the user could not
 * know whether the document was added.
 */
export class AddDocumentForm {
  #title = '';
  #typeCode = '';
  #date = '';
  #file: File | undefined;
  #invisibleToPatient = false;
  #invisibleToLegalRepresentatives = false;
  /** The types offered when the form was last drawn. */
  #groups: readonly TypeGroup[] = [];
  // Texts drawn in the locale of the moment: a switch after a check or a failure shows them in the new one.
  #errors: Partial<Record<Field, () => string>> = {};
  #submitError: (() => string) | undefined;
  #progress: UploadProgress | undefined;
  #controller: AbortController | undefined;
  /** The same document sent again goes under the same key: one whose answer was lost is not added twice. */
  readonly #key = new RetryKey();
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #locale: () => string | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    locale: () => string | undefined,
  ) {
    this.#host = host;
    this.#locale = locale;
    const root = host.shadowRoot!;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, formStyles.styleSheet!];
  }

  get uploading(): boolean {
    return this.#controller !== undefined;
  }

  /**
   * A blank form, for a new addition, or for another patient or user. An upload under way goes on
   * for the patient it is for, its answer no longer this form's: stopped halfway, no one could
   * know whether the document was added, and adding it again would add it twice.
   */
  reset(): void {
    this.#controller = undefined;
    this.#progress = undefined;
    // Offered to the one who left, for the patient shown then: drawn again from the policy.
    this.#groups = [];
    // The fields hold what the user typed, which the template never wrote (a file input cannot
    // even be written): the form's own reset empties them.
    this.#host.shadowRoot?.querySelector<HTMLFormElement>('form.add-form')?.reset();
    this.#title = '';
    this.#typeCode = '';
    this.#date = '';
    this.#file = undefined;
    this.#invisibleToPatient = false;
    this.#invisibleToLegalRepresentatives = false;
    this.#errors = {};
    this.#submitError = undefined;
    this.#key.forget();
    this.#host.requestUpdate();
  }

  /**
   * Abandons an upload in flight. Says whether the form is to be kept for the next opening: an
   * upload stopped, or one that failed, may have added the document, and only the same key sent
   * again would not add it twice.
   */
  cancel(): boolean {
    const kept = this.uploading || this.#submitError !== undefined;
    this.#controller?.abort();
    this.#controller = undefined;
    this.#progress = undefined;
    return kept;
  }

  /**
   * Checks the form, then uploads. Resolves with the created document, or undefined when the
   * form is invalid, the upload failed (the message is then shown, and the focus goes to a field
   * the server refused), or it was cancelled, or the form reset meanwhile (its answer is no longer
   * this form's, even on the same patient shown again).
   */
  async submit(upload: Upload): Promise<DmpDocument | undefined> {
    if (this.uploading) return undefined;
    const checked = this.#check();
    this.#host.requestUpdate();
    if (!checked) {
      await this.#host.updateComplete;
      this.focusFirstError();
      return undefined;
    }
    const controller = new AbortController();
    this.#controller = controller;
    this.#submitError = undefined;
    this.#progress = { loaded: 0, total: checked.file.size };
    this.#host.requestUpdate();
    // The file picked, not its retyped copy (new, so dated now).
    const key = this.#key.for(uploadContent(checked.metadata, this.#file!));
    let refused = false;
    try {
      const added = await upload(checked.metadata, checked.file, {
        idempotencyKey: key,
        signal: controller.signal,
        onProgress: (progress) => {
          if (this.#controller !== controller) return;
          this.#progress = progress;
          this.#host.requestUpdate();
        },
      });
      this.#key.answered(key);
      return this.#controller === controller ? added : undefined;
    } catch (error) {
      if (this.#controller === controller) {
        // A gateway may check more than this form does: its reasons stand under the fields they
        // are about, the others beside the failure, so that none is lost.
        const elsewhere: string[] = [];
        for (const { path, message } of isDmpError(error) && error.kind === 'invalid-request' ? (error.issues ?? []) : []) {
          const field = FIELD_OF_PATH[path];
          if (field) this.#errors[field] = () => message;
          else elsewhere.push(message);
        }
        // A gateway's own limits on the file (this form checks the DMP's): said of the file.
        const status = isDmpError(error) ? error.status : undefined;
        if (status === 413) this.#errors.file = () => msg('Le serveur refuse un fichier de cette taille.');
        if (status === 415) this.#errors.file = () => msg('Le serveur n’accepte pas ce format de fichier.');
        this.#submitError = () => writeFailureText(error, () => [msg(str`Le document n’a pas été ajouté : ${errorText(error)}`), ...elsewhere].join(' '));
        refused = true;
      }
      return undefined;
    } finally {
      if (this.#controller === controller) {
        this.#controller = undefined;
        this.#progress = undefined;
      }
      this.#host.requestUpdate();
      // To a field the server refused, once drawn enabled again; the button pressed keeps the
      // focus otherwise, for a retry.
      if (refused) void this.#host.updateComplete.then(() => this.focusFirstError());
    }
  }

  #check(): { metadata: NewDocument; file: Blob } | undefined {
    const errors: Partial<Record<Field, () => string>> = {};
    const date = this.#host.shadowRoot?.querySelector<HTMLInputElement>('#add-date')?.validity.badInput ? '' : this.#date;
    const parsed = NewDocumentSchema.safeParse({
      title: this.#title,
      typeCode: this.#typeCode,
      // Noon UTC keeps the act on the day picked, wherever the date is later displayed.
      serviceStart: /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T12:00:00.000Z` : date,
      // Only what the type chosen allows: ticked for another type, they no longer apply.
      ...(this.#flaggable && this.#invisibleToPatient ? { invisibleToPatient: true } : {}),
      ...(this.#flaggable && this.#invisibleToLegalRepresentatives ? { invisibleToLegalRepresentatives: true } : {}),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'title') {
          errors.title = this.#title.trim() ? () => msg('Le titre ne doit pas dépasser 250 caractères.') : () => msg('Indiquez un titre.');
        } else if (field === 'typeCode') {
          errors.typeCode = () => msg('Choisissez un type de document.');
        } else if (field === 'serviceStart') {
          errors.date = () => msg('Indiquez la date de l’acte.');
        }
      }
    }
    const file = this.#file;
    const mimeType = file ? ACCEPTED_TYPES[file.type] : undefined;
    if (!file) {
      errors.file = () => msg('Choisissez un fichier.');
    } else if (!mimeType) {
      errors.file = () => msg('Formats acceptés : PDF, JPEG, PNG ou XML (CDA).');
    } else if (file.size > MAX_DOCUMENT_BYTES) {
      errors.file = () => {
        const size = formatBytes(file.size, this.#locale());
        return msg(str`Le fichier pèse ${size} : la limite est de 20 Mo.`);
      };
    }
    this.#errors = errors;
    if (!parsed.success || !file || !mimeType || errors.file) return undefined;
    return { metadata: parsed.data, file: file.type === mimeType ? file : new File([file], file.name, { type: mimeType }) };
  }

  /** Focuses the first field in error; false when none is. */
  focusFirstError(): boolean {
    const field = FIELDS.find((f) => this.#errors[f]);
    const control = field && this.#host.shadowRoot?.querySelector<HTMLElement>(`#add-${field}`);
    control?.focus();
    return Boolean(control);
  }

  readonly #onTitle = (e: Event) => {
    this.#title = (e.target as HTMLInputElement).value;
  };
  readonly #onType = (e: Event) => {
    this.#typeCode = (e.target as HTMLSelectElement).value;
    // The visibility choices depend on the type.
    this.#host.requestUpdate();
  };

  /** Whether the user may set the visibility flags of the type chosen. */
  get #flaggable(): boolean {
    return this.#groups.some((group) => group.types.some((t) => t.code === this.#typeCode && t.flags));
  }

  /**
   * INVISIBLE_PATIENT (a result to announce in a consultation) and INVISIBLE_REPRESENTANTS_LEGAUX,
   * offered to whoever may set them on the type chosen: its author.
   */
  #renderVisibility(busy: boolean): TemplateResult | typeof nothing {
    if (!this.#flaggable) return nothing;
    return html`<div class="field" role="group" aria-labelledby="add-visibility">
      <span id="add-visibility">${msg('Visibilité')}</span>
      <label><input id="add-invisible-patient" type="checkbox" .checked=${this.#invisibleToPatient} ?disabled=${busy} aria-describedby="add-invisible-patient-hint"
        @change=${(e: Event) => (this.#invisibleToPatient = (e.target as HTMLInputElement).checked)} />
        ${msg('Invisible pour le patient et ses représentants, jusqu’à l’annonce en consultation')}</label>
      <p id="add-invisible-patient-hint" class="muted">${msg('Sans annonce, le patient est prévenu deux semaines après le dépôt que son dossier a été mis à jour ; le document lui devient visible au bout d’un mois.')}</p>
      <label><input id="add-invisible-representatives" type="checkbox" .checked=${this.#invisibleToLegalRepresentatives} ?disabled=${busy}
        @change=${(e: Event) => (this.#invisibleToLegalRepresentatives = (e.target as HTMLInputElement).checked)} />
        ${msg('Invisible pour les représentants légaux (mineur, majeur protégé)')}</label>
    </div>`;
  }
  readonly #onDate = (e: Event) => {
    const input = e.target as HTMLInputElement;
    // A date being retyped reads as empty until whole. Keeping the last whole date, and drawing
    // each one as it comes, leaves Lit nothing to write over the parts still typed; a submit
    // reads the field as it stands.
    if (input.validity.badInput || input.value === this.#date) return;
    this.#date = input.value;
    this.#host.requestUpdate();
  };
  readonly #onFile = (e: Event) => {
    this.#file = (e.target as HTMLInputElement).files?.[0];
  };

  /**
   * The form's fields, progress and messages; the dialog around them is the element's. While
   * uploading, what keeps the focus (the text fields, the submit button pressed) is read-only or
   * aria-disabled rather than disabled, which would drop the focus to the page.
   */
  render(decide: DecideOn, actor: Actor | undefined, onSubmit: (e: SubmitEvent) => void, onCancel: () => void): TemplateResult {
    const busy = this.uploading;
    const english = this.#locale() === 'en';
    // The dossier checked again and unreachable: the choices made stay as they were, the type and
    // the visibility ticked with them, rather than a result going out visible to the patient.
    const groups = addableTypes(decide, actor) ?? this.#groups;
    this.#groups = groups;
    return html`<form class="add-form" novalidate @submit=${onSubmit}>
      ${this.#renderField(
        'title',
        msg('Titre'),
        html`<input id="add-title" name="title" type="text" maxlength="250" autocomplete="off" .value=${this.#title} @input=${this.#onTitle}
          aria-invalid=${this.#errors.title ? 'true' : 'false'} aria-describedby=${this.#errors.title ? 'add-title-error' : nothing} ?readonly=${busy} />`,
      )}
      ${this.#renderField(
        'typeCode',
        msg('Type de document'),
        html`<select id="add-typeCode" name="typeCode" @change=${this.#onType}
          aria-invalid=${this.#errors.typeCode ? 'true' : 'false'} aria-describedby=${this.#errors.typeCode ? 'add-typeCode-error' : nothing} ?disabled=${busy}>
          <option value="" ?selected=${this.#typeCode === ''}>${msg('Choisir…')}</option>
          ${groups.map(
            (group) => html`<optgroup label=${categoryLabel(group.category)}>
              ${group.types.map((t) => html`<option value=${t.code} ?selected=${t.code === this.#typeCode}>${english ? (TYPE_CODE_LABELS_EN[t.code] ?? t.label) : t.label}</option>`)}
            </optgroup>`,
          )}
        </select>`,
      )}
      ${this.#renderVisibility(busy)}
      ${this.#renderField(
        'date',
        msg('Date de l’acte'),
        html`<input id="add-date" name="date" type="date" .value=${this.#date} @input=${this.#onDate} @change=${this.#onDate}
          aria-invalid=${this.#errors.date ? 'true' : 'false'} aria-describedby=${this.#errors.date ? 'add-date-error' : nothing} ?readonly=${busy} />`,
      )}
      ${this.#renderField(
        'file',
        msg('Fichier (PDF, JPEG, PNG ou XML, 20 Mo au plus)'),
        html`<input id="add-file" name="file" type="file" accept=${ACCEPT_ATTRIBUTE} .files=${chosenFiles(this.#file)} @change=${this.#onFile}
          aria-invalid=${this.#errors.file ? 'true' : 'false'} aria-describedby=${this.#errors.file ? 'add-file-error' : nothing} ?disabled=${busy} />`,
      )}
      ${this.#renderProgress()}
      ${this.#submitError ? html`<p class="form-error" role="alert">${this.#submitError()}</p>` : nothing}
      <div class="dialog-buttons">
        <button type="button" class="button" @click=${onCancel}>${msg('Annuler')}</button>
        <button type="submit" class="button button--primary" aria-disabled=${busy ? 'true' : 'false'}>${msg('Ajouter')}</button>
      </div>
    </form>`;
  }

  #renderField(field: Field, label: string, control: TemplateResult): TemplateResult {
    const error = this.#errors[field];
    return html`<div class="field">
      <label for=${`add-${field}`}>${label}</label>
      ${control}
      ${error ? html`<p id=${`add-${field}-error`} class="field-error">${error()}</p>` : nothing}
    </div>`;
  }

  #renderProgress(): TemplateResult | typeof nothing {
    const progress = this.#progress;
    if (!progress) return nothing;
    // Nothing reported sent yet reads as under way, not as a stuck 0 %: a service worker between
    // the page and the network (MSW's, an offline cache) reports nothing before the answer.
    const known = progress.total > 0 && progress.loaded > 0;
    return html`<div class="upload">
      <span id="add-progress-label">${msg('Envoi du document')}</span>
      ${known
        ? html`<progress aria-labelledby="add-progress-label" max=${progress.total} .value=${progress.loaded}></progress>
            <span>${formatPercent(progress.loaded / progress.total, this.#locale())}</span>`
        : html`<progress aria-labelledby="add-progress-label"></progress>`}
    </div>`;
  }
}
