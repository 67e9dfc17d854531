import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { errorText, writeFailureText } from '../../i18n/error-text.js';
import { formatNumber } from '../../i18n/format.js';
import { SYNTHESIS_GROUPS } from '../../model/synthesis-shape.js';
import type { CodeOption } from './codes/index.js';
import {
  addEntry,
  closeCombo,
  handleComboInput,
  handleComboKey,
  handleFocusOut,
  handleInput,
  moveEntry,
  pick,
  removeEntry,
  setScalar,
  type EditorHost,
} from './editing.js';
import { entriesOf, type EditorContent, type Entry } from './entries.js';
import { displayValue, entryTitle, groupHeading, type FieldDef, type ListDef } from './fields.js';
import { LIST_EDITS } from './list-edits.js';
import { listsOf, narrativeHeading, noneKnownText, pair } from './read-view.js';
import { meansLines, typedValue } from './typed-value.js';
import { fieldKey, type FieldProblem } from './validation.js';

/*
 * The editor's form: only the médecin traitant writes a synthesis, so the element fetches this
 * module when the user may write, and everyone else never loads it. The element keeps the state;
 * this module draws it, and its controls act through `editing.ts`.
 */

/** The form's styles, adopted by the element with this module. */
export const editStyles = css`
  .entry-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_dmp-space);
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  @media print {
    .editor {
      display: none !important;
    }
  }
  fieldset.entry {
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    margin: 0 0 var(--_dmp-space);
    padding: var(--_dmp-space) calc(var(--_dmp-space) * 1.5);
  }
  legend {
    font-weight: 600;
    padding: 0 calc(var(--_dmp-space) / 2);
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: var(--_dmp-space) calc(var(--_dmp-space) * 2);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    position: relative;
  }
  .field--textarea,
  .field--lines,
  .field--text:first-child,
  .field--drug,
  .fixed {
    grid-column: 1 / -1;
  }
  .fixed {
    margin: 0;
    color: var(--_dmp-color-muted);
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    padding: calc(var(--_dmp-space) / 2);
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface);
  }
  textarea {
    resize: vertical;
    width: 100%;
    box-sizing: border-box;
  }
  [aria-invalid='true'] {
    border-color: var(--_dmp-color-error);
    border-width: 2px;
  }
  .error {
    color: var(--_dmp-color-error);
    font-weight: 600;
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--_dmp-space);
    margin: var(--_dmp-space) 0;
  }
  .add {
    margin-bottom: var(--_dmp-space);
  }
  .actions {
    margin-top: calc(var(--_dmp-space) * 2);
  }
  .listbox {
    position: absolute;
    top: 100%;
    left: 0;
    right: 0;
    z-index: 1;
    max-height: 16rem;
    overflow-y: auto;
    margin: 0;
    padding: 0;
    list-style: none;
    background: var(--_dmp-color-surface);
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
  }
  [role='option'] {
    padding: calc(var(--_dmp-space) / 2) var(--_dmp-space);
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    background: var(--_dmp-color-accent);
    color: var(--_dmp-color-on-accent);
  }
  /* Focus stays in the field: in forced colours the suggestion Enter picks is told by the system's own highlight. */
  @media (forced-colors: active) {
    [role='option'][aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
  .code {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
`;

/** An open list of coded suggestions: the field it belongs to, what was typed, the options. */
export interface Combo {
  key: string;
  query: string;
  options: CodeOption[];
  active: number;
}

/** What the form shows, and what it calls back when the user acts. */
export interface EditView {
  readonly work: EditorContent;
  /** Set when the prevention lists may not be edited here: why, in words. */
  readonly preventionLocked: string | undefined;
  readonly locale: string | undefined;
  readonly saving: boolean;
  readonly saveError: unknown;
  /** The server's reasons for refusing the save that no field shows. */
  readonly refusedElsewhere: readonly string[];
  /** The save failed on the vaccinations and screenings, after any VSM version it wrote. */
  readonly preventionUnsaved: boolean;
  /** Whether the edits are kept on this device too, or only in the editor. */
  readonly onDevice: boolean;
  readonly dirty: boolean;
  readonly problemCount: number;
  readonly inConflict: boolean;
  readonly combo: Combo | undefined;
  visibleProblem(key: string): FieldProblem | undefined;
  /** How many fields are marked to correct. */
  readonly shownProblems: number;
  /** The state the editing actions change. */
  readonly editor: EditorHost;
  save(): void;
  discard(event: Event): void;
  stopEditing(): void;
}

/** The fields to correct before saving, in words. */
export function problemSummary(n: number): string {
  return n === 1 ? msg('1 champ à corriger avant d’enregistrer.') : msg(str`${n} champs à corriger avant d’enregistrer.`);
}

export function renderEditor(v: EditView): TemplateResult {
  const work = v.work;
  // While saving, the fields are inert; Save, pressed, keeps the focus (aria-disabled, not disabled,
  // which would drop it to the page).
  return html`<div class="editor" part="editor" aria-busy=${v.saving ? 'true' : 'false'} @focusout=${(e: FocusEvent) => handleFocusOut(v.editor, e)}>
    ${SYNTHESIS_GROUPS.map((group) => {
      const lists = listsOf(group);
      return html`<section class="group" aria-labelledby=${`group-${group}`} ?inert=${v.saving}>
        <h3 id=${`group-${group}`}>${groupHeading(group, false)}</h3>
        ${group === 'allergies'
          ? html`<label class="check">
              <input
                type="checkbox"
                data-key="allergiesNoneKnown"
                .checked=${work.allergiesNoneKnown}
                ?disabled=${work.allergies.length > 0}
                @change=${(e: Event) => setScalar(v.editor, 'allergiesNoneKnown', (e.target as HTMLInputElement).checked)}
              />
              ${noneKnownText()}
            </label>`
          : nothing}
        ${group === 'prevention' && v.preventionLocked !== undefined
          ? html`<p class="muted">${v.preventionLocked}</p>`
          : lists.map((def) => renderEditList(v, def, lists.length > 1))}
      </section>`;
    })}
    <section class="group" ?inert=${v.saving}>
      <h3><label for="narrative">${narrativeHeading(false)}</label></h3>
      ${renderProblemOf(v, 'narrative', 'narrative-error')}
      <textarea
        id="narrative"
        data-key="narrative"
        rows="3"
        .value=${work.narrative ?? ''}
        aria-invalid=${v.visibleProblem('narrative') ? 'true' : 'false'}
        aria-describedby="narrative-error"
        @input=${(e: Event) => setScalar(v.editor, 'narrative', (e.target as HTMLTextAreaElement).value)}
      ></textarea>
    </section>
    ${v.inConflict ? nothing : renderActions(v)}
  </div>`;
}

function renderEditList(v: EditView, def: ListDef, withHeading: boolean): TemplateResult {
  const entries = entriesOf(v.work, def.list);
  return html`${withHeading ? html`<h4>${def.heading()}</h4>` : nothing}
    ${repeat(
      entries,
      (entry) => entry.id,
      // Entries are immutable: one keystroke re-renders its own entry, not two hundred.
      (entry, index) => guard([entry, index, entries.length, v.locale, entryState(v, def, entry)], () => renderEditEntry(v, def, entry, index, entries.length)),
    )}
    <button type="button" class="add" data-add=${def.list} @click=${() => addEntry(v.editor, def)}>${LIST_EDITS[def.list].add()}</button>`;
}

/** What, besides the entry itself, changes how it is drawn: its shown problems, its open list. */
function entryState(v: EditView, def: ListDef, entry: Entry): string {
  const prefix = fieldKey(def.list, entry.id, '');
  const problems = def.fields.map((f) => v.visibleProblem(prefix + f.name)?.code ?? '').join();
  return v.combo?.key.startsWith(prefix) ? `${problems}${JSON.stringify(v.combo)}` : problems;
}

function renderEditEntry(v: EditView, def: ListDef, entry: Entry, index: number, count: number): TemplateResult {
  const title = entryTitle(def, entry);
  const noun = LIST_EDITS[def.list].noun();
  const name = title ? pair(`${noun} ${index + 1}`, title) : `${noun} ${index + 1}`;
  return html`<fieldset class="entry" part="entry" data-entry=${entry.id}>
    <legend>${name}</legend>
    <div class="fields">${def.fields.map((field) => renderField(v, def, entry, index, field))}</div>
    <div class="entry-actions">
      <button type="button" data-action="up" ?disabled=${index === 0} aria-label=${msg(str`Monter ${name}`)} @click=${() => moveEntry(v.editor, def, index, -1)}>
        ${msg('Monter')}
      </button>
      <button type="button" data-action="down" ?disabled=${index === count - 1} aria-label=${msg(str`Descendre ${name}`)} @click=${() => moveEntry(v.editor, def, index, 1)}>
        ${msg('Descendre')}
      </button>
      <button type="button" data-action="remove" aria-label=${msg(str`Retirer ${name}`)} @click=${() => removeEntry(v.editor, def, index)}>
        ${msg('Retirer')}
      </button>
    </div>
  </fieldset>`;
}

/** The message shown next to a field (validation.ts names the problems), its numbers written for `locale`. */
function problemText(problem: FieldProblem, locale: string | undefined): string {
  switch (problem.code) {
    case 'required':
      return msg('Champ requis');
    case 'date':
      return msg('Date invalide');
    case 'end-before-start':
      return msg('La date de fin précède la date de début.');
    case 'too-long':
      return msg(str`${formatNumber(problem.max, locale)} caractères au plus`);
    case 'narrative-needed':
      return msg('Requis sans pathologie, allergie ni facteur de risque saisi : dites-le ici, par exemple « Pas d’antécédent connu ».');
    case 'unpicked':
      return msg('Aucun code choisi : choisissez-en un dans la liste, ou videz le champ.');
    case 'invalid':
      return msg('Valeur invalide');
    case 'refused':
      return problem.reason;
  }
}

function renderProblemOf(v: EditView, key: string, id: string): TemplateResult | typeof nothing {
  const problem = v.visibleProblem(key);
  return problem ? html`<span class="error" id=${id}>${problemText(problem, v.locale)}</span>` : nothing;
}

function renderField(v: EditView, def: ListDef, entry: Entry, index: number, field: FieldDef): TemplateResult | typeof nothing {
  const value = (entry as unknown as Record<string, unknown>)[field.name];
  if (field.kind === 'fixed') {
    const text = displayValue(field, value, v.locale);
    return text ? html`<p class="fixed">${pair(field.label(), text)}</p>` : nothing;
  }
  const key = fieldKey(def.list, entry.id, field.name);
  const id = `${def.list}-${index}-${field.name}`;
  const errorId = `${id}-error`;
  const invalid = v.visibleProblem(key) ? 'true' : 'false';
  const common = { id, key, invalid, errorId };
  const onInput = (e: Event) => handleInput(v.editor, def.list, entry.id, field, e);
  let control: TemplateResult;
  switch (field.kind) {
    case 'textarea':
    case 'lines':
      control = html`<textarea id=${id} data-key=${key} rows="2"
        .value=${field.kind === 'lines' ? typedValue(((value as string[] | undefined) ?? []).join('\n'), meansLines) : typedValue(String(value ?? ''))}
        aria-invalid=${invalid} aria-describedby=${errorId} @input=${onInput}></textarea>`;
      break;
    case 'select':
      control = html`<select id=${id} data-key=${key} aria-invalid=${invalid} aria-describedby=${errorId} @change=${onInput}>
        ${field.options!().map(([v, label]) => html`<option value=${v} ?selected=${(value ?? '') === v}>${label}</option>`)}
      </select>`;
      break;
    case 'cim10':
    case 'drug':
      control = renderCombobox(v, def, entry, field, common, value);
      break;
    default:
      control = html`<input id=${id} data-key=${key} type=${field.kind === 'date' ? 'date' : 'text'} .value=${typedValue(String(value ?? ''))}
        aria-required=${field.required ? 'true' : 'false'} aria-invalid=${invalid} aria-describedby=${errorId} @input=${onInput} />`;
  }
  return html`<div class="field field--${field.kind}">
    <label for=${id}>${field.label()}${field.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
    ${control} ${renderProblemOf(v, key, errorId)}
  </div>`;
}

/** A WAI-ARIA combobox with its listbox in this shadow root (aria-activedescendant cannot cross it). */
function renderCombobox(
v: EditView,
  def: ListDef,
  entry: Entry,
  field: FieldDef,
  c: { id: string; key: string; invalid: string; errorId: string },
  value: unknown,
): TemplateResult {
  const combo = v.combo?.key === c.key ? v.combo : undefined;
  const open = Boolean(combo && combo.options.length > 0);
  const listId = `${c.id}-list`;
  const shown = combo ? combo.query : field.kind === 'drug' ? String(value ?? '') : displayValue(field, value, v.locale);
  return html`<input
      id=${c.id}
      data-key=${c.key}
      type="text"
      role="combobox"
      autocomplete="off"
      aria-autocomplete="list"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${listId}
      aria-activedescendant=${open && combo!.active >= 0 ? `${listId}-${combo!.active}` : nothing}
      aria-required=${field.required ? 'true' : 'false'}
      aria-invalid=${c.invalid}
      aria-describedby=${c.errorId}
      .value=${typedValue(shown)}
      @input=${(e: Event) => handleComboInput(v.editor, def.list, entry.id, field, e)}
      @keydown=${(e: KeyboardEvent) => handleComboKey(v.editor, def.list, entry.id, field, e)}
      @blur=${() => closeCombo(v.editor, c.key)}
    />
    <ul id=${listId} role="listbox" aria-label=${field.label()} class="listbox" ?hidden=${!open}>
      ${open
        ? combo!.options.map(
            (option, i) => html`<li
              id=${`${listId}-${i}`}
              role="option"
              aria-selected=${i === combo!.active ? 'true' : 'false'}
              @mousedown=${(e: Event) => e.preventDefault()}
              @click=${() => pick(v.editor, def.list, entry.id, field, option)}
            >
              <span class="code">${option.code}</span> <span lang="fr">${option.label}</span>
            </li>`,
          )
        : nothing}
    </ul>`;
}

function renderActions(v: EditView): TemplateResult {
  const invalid = v.problemCount > 0;
  return html`<div class="actions" part="actions">
    <button type="button" class="primary" data-action="save" aria-disabled=${invalid || v.saving ? 'true' : 'false'} @click=${() => v.save()}>
      ${v.saving ? msg('Enregistrement…') : msg('Enregistrer une nouvelle version')}
    </button>
    ${v.dirty
      ? html`<button type="button" data-action="discard" ?disabled=${v.saving} @click=${(e: Event) => v.discard(e)}>${msg('Abandonner mes modifications')}</button>`
      : html`<button type="button" data-action="close" ?disabled=${v.saving} @click=${() => v.stopEditing()}>${msg('Fermer l’éditeur')}</button>`}
    <span class="summary" aria-live="polite">${v.shownProblems > 0 ? problemSummary(v.shownProblems) : nothing}</span>
    ${v.saveError
      ? html`<p class="notice notice--error save-error" tabindex="-1">
          ${writeFailureText(
            v.saveError,
            () => `${v.preventionUnsaved ? msg('Les vaccinations et dépistages ne sont pas enregistrés.') : msg('La version n’est pas enregistrée.')} ${[errorText(v.saveError), ...v.refusedElsewhere].join(' ')}`,
          )}
          ${v.onDevice
            ? msg('Vos modifications sont conservées sur cet appareil ; réessayez.')
            : msg('Vos modifications restent dans l’éditeur, pas sur cet appareil : réessayez sans fermer la page.')}
        </p>`
      : nothing}
  </div>`;
}
