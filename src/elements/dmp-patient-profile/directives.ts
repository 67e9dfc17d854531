import { msg, str } from '@lit/localize';
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AddDocumentOptions, UploadProgress } from '../../client/types.js';
import { formatDate } from '../../i18n/format.js';
import type { DmpDocument, NewDocument } from '../../model/document.js';
import type { ReasonCode } from '../../policy/types.js';
import type { RetryKey } from '../base/retry-key.js';

export type DirectivesProblem = 'file-required' | 'file-type' | 'file-size' | 'server-size' | 'server-type' | 'date-required' | 'date-future';

export interface DirectivesUploadRequest {
  file: File;
  writtenOn: string;
  metadata: NewDocument;
}

/** Sends the file; resolves with the created document, or undefined when the host vetoed it. */
export type DirectivesUpload = (request: DirectivesUploadRequest, options: AddDocumentOptions) => Promise<DmpDocument | undefined>;

export interface DirectivesView {
  /** The current directives documents, newest first: an upload replaces the first. */
  documents: readonly DmpDocument[];
  /** Why the user may not upload; undefined when they may. */
  uploadDenied: ReasonCode | undefined;
  locale: string | undefined;
  today: string;
  onOpen(document: DmpDocument): void;
  upload: DirectivesUpload;
}

/**
 * What the user put in the directives upload form, kept by the element: the form itself comes
 * in its own module (`directives-form.ts`, fetched only for those who may upload), and the file
 * and its date stay here until the server confirms. An upload under way goes on when the element
 * leaves the page (moved by the host, or kept aside by dmp-dossier while the session is
 * expired): stopped halfway, the user could not know whether the document was added.
 */
export class DirectivesUploadState {
  file: File | undefined;
  writtenOn = '';
  problems: Partial<Record<'file' | 'date', DirectivesProblem>> = {};
  failure: unknown;
  done: DmpDocument | undefined;
  progress: UploadProgress | undefined;
  controller: AbortController | undefined;
  /** The key the form sends the file under (made by the form): the same file sent again after a lost answer is not added twice. */
  key: RetryKey | undefined;

  constructor(readonly host: ReactiveControllerHost & HTMLElement) {}

  /** Uploads going on for a patient no longer shown: a user who leaves stops them too. */
  readonly elsewhere = new Set<AbortController>();

  /**
   * Forgets the form (another patient, another user, a logout). An upload under way stops for a
   * user who left (`stop`); for another patient shown it goes on, its answer no longer this form's.
   */
  reset(stop = true): void {
    if (this.controller) this.elsewhere.add(this.controller);
    if (stop) {
      for (const controller of this.elsewhere) controller.abort();
      this.elsewhere.clear();
    }
    this.controller = undefined;
    this.file = undefined;
    this.writtenOn = '';
    this.problems = {};
    this.failure = undefined;
    this.done = undefined;
    this.progress = undefined;
    this.key = undefined;
  }
}

/** The uploaded directives (current `EXPPAT_3` documents), newest first, then `form` (the upload form, or nothing). */
export function renderDirectivesFiles(view: DirectivesView, form: unknown): TemplateResult {
  return html`<div class="directives-files">
    ${view.documents.length === 0
      ? html`<p class="muted">${msg('Aucun document de directives anticipées n’a été déposé.')}</p>`
      : html`<ul class="entries">
          ${repeat(view.documents, (d) => d.id, (d) => html`<li class="file">
            <span>
              <strong lang="fr">${d.title}</strong>
              <span class="meta">${msg(str`rédigées le ${formatDate(d.serviceStart, view.locale)}, déposées le ${formatDate(d.submittedAt, view.locale)}`)}</span>
            </span>
            <button type="button" @click=${() => view.onOpen(d)}
              aria-label=${msg(str`Ouvrir le document ${d.title} du ${formatDate(d.submittedAt, view.locale)}`)}>
              ${msg('Ouvrir')}
            </button>
          </li>`)}
        </ul>`}
    ${form}
  </div>`;
}
