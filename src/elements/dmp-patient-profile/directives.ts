import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AddDocumentOptions, UploadProgress } from '../../client/types.js';
import { formatBytes, formatDate } from '../../i18n/format.js';
import { TYPE_CODE_LABELS } from '../../model/document-types.js';
import type { DmpDocument, NewDocument } from '../../model/document.js';
import { MAX_DOCUMENT_BYTES } from '../../model/document-policy.js';
import { DIRECTIVES_TYPE_CODE } from '../../model/category.js';
import type { ReasonCode } from '../../policy/types.js';
import { errorText } from './texts.js';

/** A signed directives document is a scan or a PDF. */
const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const ACCEPT_ATTRIBUTE = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Problem = 'file-required' | 'file-type' | 'file-size' | 'date-required' | 'date-future';

export interface DirectivesUploadRequest {
  file: File;
  writtenOn: string;
  metadata: NewDocument;
}

/** Sends the file; resolves with the created document, or undefined when the host vetoed it. */
export type DirectivesUpload = (request: DirectivesUploadRequest, options: AddDocumentOptions) => Promise<DmpDocument | undefined>;

export interface DirectivesView {
  documents: readonly DmpDocument[];
  /** Why the user may not upload; undefined when they may. */
  uploadDenied: ReasonCode | undefined;
  locale: string | undefined;
  today: string;
  onOpen(document: DmpDocument): void;
  upload: DirectivesUpload;
}

/**
 * The uploaded directives (current `EXPPAT_3` documents) and the form that uploads a new one,
 * replacing the newest: the file and its date stay in the form until the server confirms.
 */
export class DirectivesUploadForm implements ReactiveController {
  private file: File | undefined;
  private writtenOn = '';
  private problems: Partial<Record<'file' | 'date', Problem>> = {};
  private failure: unknown;
  private done: DmpDocument | undefined;
  private progress: UploadProgress | undefined;
  private controller: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  /** Forgets the form (another patient, another user). */
  reset(): void {
    this.hostDisconnected();
    this.file = undefined;
    this.writtenOn = '';
    this.problems = {};
    this.failure = undefined;
    this.done = undefined;
    this.progress = undefined;
  }

  private check(today: string): { file: File; writtenOn: string } | undefined {
    const problems: typeof this.problems = {};
    const file = this.file;
    if (!file) problems.file = 'file-required';
    else if (!ACCEPTED_TYPES.includes(file.type)) problems.file = 'file-type';
    else if (file.size > MAX_DOCUMENT_BYTES) problems.file = 'file-size';
    if (!DATE.test(this.writtenOn)) problems.date = 'date-required';
    else if (this.writtenOn > today) problems.date = 'date-future';
    this.problems = problems;
    return file && Object.keys(problems).length === 0 ? { file, writtenOn: this.writtenOn } : undefined;
  }

  private async submit(view: DirectivesView, replaces: DmpDocument | undefined): Promise<void> {
    if (this.controller) return;
    this.done = undefined;
    const checked = this.check(view.today);
    this.host.requestUpdate();
    if (!checked) {
      await this.host.updateComplete;
      this.host.shadowRoot?.querySelector<HTMLElement>('.directives-upload [aria-invalid="true"]')?.focus();
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.failure = undefined;
    this.progress = { loaded: 0, total: checked.file.size };
    this.host.requestUpdate();
    try {
      const metadata: NewDocument = {
        title: TYPE_CODE_LABELS[DIRECTIVES_TYPE_CODE] ?? 'Directives anticipées',
        typeCode: DIRECTIVES_TYPE_CODE,
        // Noon UTC keeps the written day the same day in every French time zone.
        serviceStart: `${checked.writtenOn}T12:00:00.000Z`,
        ...(replaces ? { replaces: replaces.id } : {}),
      };
      const created = await view.upload({ ...checked, metadata }, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (this.controller !== controller) return;
          this.progress = progress;
          this.host.requestUpdate();
        },
      });
      if (created) {
        this.file = undefined;
        this.writtenOn = '';
        this.done = created;
        const input = this.host.shadowRoot?.querySelector<HTMLInputElement>('#directives-file');
        if (input) input.value = '';
      }
    } catch (error) {
      if (!controller.signal.aborted) this.failure = error;
    } finally {
      if (this.controller === controller) {
        this.controller = undefined;
        this.progress = undefined;
      }
      this.host.requestUpdate();
    }
  }

  render(view: DirectivesView): TemplateResult {
    const newest = view.documents[0];
    return html`<div class="directives-files">
      ${view.documents.length === 0
        ? html`<p class="muted">${msg('Aucun document de directives anticipées n’a été déposé.', { id: 'patient-profile.directives.no-file' })}</p>`
        : html`<ul class="entries">
            ${repeat(view.documents, (d) => d.id, (d) => html`<li class="file">
              <span>
                <strong>${d.title}</strong>
                <span class="meta">${msg(str`rédigées le ${formatDate(d.serviceStart, view.locale)}, déposées le ${formatDate(d.submittedAt, view.locale)}`, { id: 'patient-profile.directives.file-dates' })}</span>
              </span>
              <button type="button" @click=${() => view.onOpen(d)}
                aria-label=${msg(str`Ouvrir le document ${d.title} du ${formatDate(d.submittedAt, view.locale)}`, { id: 'patient-profile.directives.open-label' })}>
                ${msg('Ouvrir', { id: 'patient-profile.directives.open' })}
              </button>
            </li>`)}
          </ul>`}
      ${view.uploadDenied === undefined ? this.renderForm(view, newest) : nothing}
    </div>`;
  }

  private renderForm(view: DirectivesView, replaces: DmpDocument | undefined): TemplateResult {
    const uploading = this.controller !== undefined;
    const fileProblem = this.problems.file;
    const dateProblem = this.problems.date;
    return html`<form class="directives-upload" novalidate aria-labelledby="directives-upload-title"
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.submit(view, replaces);
      }}>
      <h4 id="directives-upload-title">
        ${replaces
          ? msg('Remplacer le document déposé', { id: 'patient-profile.directives.replace-title' })
          : msg('Déposer un document de directives anticipées', { id: 'patient-profile.directives.upload-title' })}
      </h4>
      ${replaces
        ? html`<p class="hint">${msg(str`Le nouveau document remplacera celui déposé le ${formatDate(replaces.submittedAt, view.locale)}, qui restera dans l’historique des versions.`, { id: 'patient-profile.directives.replace-hint' })}</p>`
        : nothing}
      <div class="field">
        <label for="directives-file">${msg('Fichier (PDF, JPEG ou PNG, 20 Mo au plus)', { id: 'patient-profile.directives.file' })}</label>
        <input id="directives-file" type="file" accept=${ACCEPT_ATTRIBUTE}
          aria-invalid=${fileProblem ? 'true' : 'false'} aria-describedby=${fileProblem ? 'directives-file-error' : nothing}
          @change=${(e: Event) => {
            this.file = (e.target as HTMLInputElement).files?.[0];
            this.problems = { ...this.problems, file: undefined };
            this.host.requestUpdate();
          }} />
        ${fileProblem ? html`<p id="directives-file-error" class="field-error">${this.problemText(fileProblem, view.locale)}</p>` : nothing}
      </div>
      <div class="field">
        <label for="directives-date">${msg('Rédigées le', { id: 'patient-profile.form.directives.written-on' })}</label>
        <input id="directives-date" type="date" max=${view.today} .value=${this.writtenOn}
          aria-invalid=${dateProblem ? 'true' : 'false'} aria-describedby=${dateProblem ? 'directives-date-error' : nothing}
          @change=${(e: Event) => {
            this.writtenOn = (e.target as HTMLInputElement).value;
            this.problems = { ...this.problems, date: undefined };
            this.host.requestUpdate();
          }} />
        ${dateProblem ? html`<p id="directives-date-error" class="field-error">${this.problemText(dateProblem, view.locale)}</p>` : nothing}
      </div>
      <div class="buttons">
        <button type="submit" class="primary" aria-disabled=${uploading ? 'true' : 'false'}>
          ${uploading
            ? msg('Envoi en cours…', { id: 'patient-profile.directives.uploading' })
            : replaces
              ? msg('Remplacer', { id: 'patient-profile.directives.replace' })
              : msg('Déposer', { id: 'patient-profile.directives.upload' })}
        </button>
        ${this.progress && this.progress.total > 0
          ? html`<progress max=${this.progress.total} value=${this.progress.loaded}
              aria-label=${msg('Progression de l’envoi', { id: 'patient-profile.directives.progress' })}></progress>`
          : nothing}
      </div>
      ${this.failure !== undefined
        ? html`<p class="field-error" role="alert">
            ${msg(str`Le document n’a pas été déposé : ${errorText(this.failure)} Le fichier choisi est conservé : vous pouvez réessayer.`, { id: 'patient-profile.directives.failed' })}
          </p>`
        : nothing}
      <p class="status" role="status">
        ${this.done ? msg('Le document de directives anticipées est déposé.', { id: 'patient-profile.directives.done' }) : nothing}
      </p>
    </form>`;
  }

  private problemText(problem: Problem, locale: string | undefined): string {
    switch (problem) {
      case 'file-required': return msg('Choisissez un fichier.', { id: 'patient-profile.directives.error.file-required' });
      case 'file-type': return msg('Formats acceptés : PDF, JPEG ou PNG.', { id: 'patient-profile.directives.error.file-type' });
      case 'file-size': {
        const max = formatBytes(MAX_DOCUMENT_BYTES, locale);
        return msg(str`Le fichier dépasse ${max}.`, { id: 'patient-profile.directives.error.file-size' });
      }
      case 'date-required': return msg('Indiquez la date à laquelle les directives ont été rédigées.', { id: 'patient-profile.error.directives-date-required' });
      case 'date-future': return msg('La date ne peut pas être dans le futur.', { id: 'patient-profile.error.date-future' });
    }
  }
}
