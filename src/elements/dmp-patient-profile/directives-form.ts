import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatBytes, formatDate } from '../../i18n/format.js';
import { TYPE_CODE_LABELS } from '../../model/document-types.js';
import type { DmpDocument, NewDocument } from '../../model/document.js';
import { MAX_DOCUMENT_BYTES } from '../../model/document-policy.js';
import { DIRECTIVES_TYPE_CODE } from '../../model/category.js';
import type { DirectivesProblem, DirectivesUploadState, DirectivesView } from './directives.js';
import { writeFailureText } from '../../i18n/error-text.js';
import { errorText } from './texts.js';
import { chosenFiles } from '../base/chosen-file.js';
import { RetryKey, uploadContent } from '../base/retry-key.js';
import { isDmpError } from '../../client/errors.js';

/** A signed directives document is a scan or a PDF. */
const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const ACCEPT_ATTRIBUTE = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function check(state: DirectivesUploadState, today: string): { file: File; writtenOn: string } | undefined {
  const problems: DirectivesUploadState['problems'] = {};
  const file = state.file;
  if (!file) problems.file = 'file-required';
  else if (!ACCEPTED_TYPES.includes(file.type)) problems.file = 'file-type';
  else if (file.size > MAX_DOCUMENT_BYTES) problems.file = 'file-size';
  if (!DATE.test(state.writtenOn)) problems.date = 'date-required';
  else if (state.writtenOn > today) problems.date = 'date-future';
  state.problems = problems;
  return file && Object.keys(problems).length === 0 ? { file, writtenOn: state.writtenOn } : undefined;
}

async function submit(state: DirectivesUploadState, view: DirectivesView, replaces: DmpDocument | undefined): Promise<void> {
  const { host } = state;
  if (state.controller) return;
  state.done = undefined;
  if (host.shadowRoot?.querySelector<HTMLInputElement>('#directives-date')?.validity.badInput) state.writtenOn = '';
  const checked = check(state, view.today);
  host.requestUpdate();
  if (!checked) {
    await host.updateComplete;
    host.shadowRoot?.querySelector<HTMLElement>('.directives-upload [aria-invalid="true"]')?.focus();
    return;
  }
  const controller = new AbortController();
  state.controller = controller;
  state.failure = undefined;
  state.progress = { loaded: 0, total: checked.file.size };
  host.requestUpdate();
  try {
    const metadata: NewDocument = {
      title: TYPE_CODE_LABELS[DIRECTIVES_TYPE_CODE] ?? 'Directives anticipées',
      typeCode: DIRECTIVES_TYPE_CODE,
      // Noon UTC keeps the written day the same day in every French time zone.
      serviceStart: `${checked.writtenOn}T12:00:00.000Z`,
      ...(replaces ? { replaces: replaces.id } : {}),
    };
    const key = (state.key ??= new RetryKey());
    const idempotencyKey = key.for(uploadContent(metadata, checked.file));
    const created = await view.upload({ ...checked, metadata }, {
      idempotencyKey,
      signal: controller.signal,
      onProgress: (progress) => {
        if (state.controller !== controller) return;
        state.progress = progress;
        host.requestUpdate();
      },
    });
    // The form may be another patient's by now (see DirectivesUploadState.reset).
    if (created && state.controller === controller) {
      key.answered(idempotencyKey);
      state.file = undefined;
      state.writtenOn = '';
      state.done = created;
      const input = host.shadowRoot?.querySelector<HTMLInputElement>('#directives-file');
      if (input) input.value = '';
    }
  } catch (error) {
    if (state.controller === controller) {
      state.failure = error;
      // A gateway's own limits on the file (this form checks the DMP's): said of the file.
      const status = isDmpError(error) ? error.status : undefined;
      if (status === 413 || status === 415) state.problems = { ...state.problems, file: status === 413 ? 'server-size' : 'server-type' };
    }
  } finally {
    state.elsewhere.delete(controller);
    if (state.controller === controller) {
      state.controller = undefined;
      state.progress = undefined;
    }
    host.requestUpdate();
  }
}

/** The form that uploads a directives document, replacing the newest one if there is one. */
export function renderUploadForm(state: DirectivesUploadState, view: DirectivesView): TemplateResult {
  const { host } = state;
  const replaces = view.documents[0];
  const uploading = state.controller !== undefined;
  const fileProblem = state.problems.file;
  const dateProblem = state.problems.date;
  return html`<form class="directives-upload" novalidate aria-labelledby="directives-upload-title"
    @submit=${(e: Event) => {
      e.preventDefault();
      void submit(state, view, replaces);
    }}>
    <h4 id="directives-upload-title">
      ${replaces
        ? msg('Remplacer le document déposé')
        : msg('Déposer un document de directives anticipées')}
    </h4>
    ${replaces
      ? html`<p class="hint">${msg(str`Le nouveau document remplacera celui déposé le ${formatDate(replaces.submittedAt, view.locale)}, qui restera dans l’historique des versions.`)}</p>`
      : nothing}
    <div class="field">
      <label for="directives-file">${msg('Fichier (PDF, JPEG ou PNG, 20 Mo au plus)')}</label>
      <input id="directives-file" type="file" accept=${ACCEPT_ATTRIBUTE} .files=${chosenFiles(state.file)}
        aria-invalid=${fileProblem ? 'true' : 'false'} aria-describedby=${fileProblem ? 'directives-file-error' : nothing}
        @change=${(e: Event) => {
          state.file = (e.target as HTMLInputElement).files?.[0];
          state.problems = { ...state.problems, file: undefined };
          host.requestUpdate();
        }} />
      ${fileProblem ? html`<p id="directives-file-error" class="field-error">${problemText(fileProblem, view.locale)}</p>` : nothing}
    </div>
    <div class="field">
      <label for="directives-date">${msg('Rédigées le')}</label>
      <input id="directives-date" type="date" max=${view.today} .value=${state.writtenOn}
        aria-invalid=${dateProblem ? 'true' : 'false'} aria-describedby=${dateProblem ? 'directives-date-error' : nothing}
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          // A date being retyped is empty until whole: kept as it was, no redraw writes that empty
          // value over its other parts. A submit reads the field as it stands.
          if (input.validity.badInput) return;
          state.writtenOn = input.value;
          state.problems = { ...state.problems, date: undefined };
          host.requestUpdate();
        }} />
      ${dateProblem ? html`<p id="directives-date-error" class="field-error">${problemText(dateProblem, view.locale)}</p>` : nothing}
    </div>
    <div class="buttons">
      <button type="submit" class="primary" aria-disabled=${uploading ? 'true' : 'false'}>
        ${uploading
          ? msg('Envoi en cours…')
          : replaces
            ? msg('Remplacer')
            : msg('Déposer')}
      </button>
      ${state.progress && state.progress.total > 0
        ? html`<progress max=${state.progress.total} value=${state.progress.loaded}
            aria-label=${msg('Progression de l’envoi')}></progress>`
        : nothing}
    </div>
    ${state.failure !== undefined
      ? html`<p class="field-error" role="alert">
          ${writeFailureText(state.failure, () => msg(str`Le document n’a pas été déposé : ${errorText(state.failure)} Le fichier choisi est conservé : vous pouvez réessayer.`))}
        </p>`
      : nothing}
    <p class="status" role="status">
      ${state.done ? msg('Le document de directives anticipées est déposé.') : nothing}
    </p>
  </form>`;
}

function problemText(problem: DirectivesProblem, locale: string | undefined): string {
  switch (problem) {
    case 'file-required': return msg('Choisissez un fichier.');
    case 'file-type': return msg('Formats acceptés : PDF, JPEG ou PNG.');
    case 'file-size': {
      const max = formatBytes(MAX_DOCUMENT_BYTES, locale);
      return msg(str`Le fichier dépasse ${max}.`);
    }
    case 'server-size': return msg('Le serveur refuse un fichier de cette taille.');
    case 'server-type': return msg('Le serveur n’accepte pas ce format de fichier.');
    case 'date-required': return msg('Indiquez la date à laquelle les directives ont été rédigées.');
    case 'date-future': return msg('La date ne peut pas être dans le futur.');
  }
}
