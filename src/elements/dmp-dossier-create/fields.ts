import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FieldError } from './identity.js';
import { fieldErrorText } from './messages.js';

/** One labelled control with its hint and error, tied together for screen readers. */
export interface FieldOptions {
  /** The model field, also the control's id. */
  field: string;
  label: string;
  errors?: FieldError[] | undefined;
  hint?: string | undefined;
  required?: boolean;
}

export interface TextFieldOptions extends FieldOptions {
  value: string;
  type?: 'text' | 'date' | 'email' | 'tel';
  autocomplete?: string;
  inputmode?: 'text' | 'tel' | 'email';
  className?: string;
  onInput: (event: InputEvent) => void;
  onChange?: () => void;
}

export interface SelectFieldOptions extends FieldOptions {
  value: string;
  options: ReadonlyArray<readonly [value: string, label: string]>;
  placeholder: string;
  /** Shown, not chosen: the host's value. */
  disabled?: boolean;
  onChange: (value: string) => void;
}

/** The ids a control points to with `aria-describedby`: its hint, then its error. */
function describedBy({ field, hint, errors }: FieldOptions): string | undefined {
  const ids = [hint ? `${field}-hint` : '', errors?.length ? `${field}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function messages({ field, hint, errors }: FieldOptions): TemplateResult {
  return html`${hint ? html`<p class="hint" id="${field}-hint">${hint}</p>` : nothing}
  ${errors?.length
    ? html`<p class="field-error" id="${field}-error">${errors.map((e) => fieldErrorText(field, e)).join(' ')}</p>`
    : nothing}`;
}

export function textField(o: TextFieldOptions): TemplateResult {
  return html`<div class="field ${o.className ?? ''}">
    <label for=${o.field}>${o.label}</label>
    <input
      id=${o.field}
      name=${o.field}
      type=${o.type ?? 'text'}
      .value=${live(o.value)}
      ?required=${o.required ?? false}
      autocomplete=${o.autocomplete ?? 'off'}
      inputmode=${ifDefined(o.inputmode)}
      spellcheck="false"
      aria-invalid=${!!o.errors?.length}
      aria-describedby=${ifDefined(describedBy(o))}
      @input=${o.onInput}
      @change=${() => o.onChange?.()}
    />
    ${messages(o)}
  </div>`;
}

/**
 * A select. Its `.value` and its options' `selected` together: the options choose on the first
 * render, before which the select has none; the value afterwards, as the browser no longer heeds
 * `selected` on an option the user has picked.
 */
export function selectField(o: SelectFieldOptions): TemplateResult {
  return html`<div class="field">
    <label for=${o.field}>${o.label}</label>
    <select
      id=${o.field}
      name=${o.field}
      .value=${o.value}
      ?required=${o.required ?? false}
      ?disabled=${o.disabled ?? false}
      aria-invalid=${!!o.errors?.length}
      aria-describedby=${ifDefined(describedBy(o))}
      @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${o.value === ''}>${o.placeholder}</option>
      ${o.options.map(([value, label]) => html`<option value=${value} ?selected=${o.value === value}>${label}</option>`)}
    </select>
    ${messages(o)}
  </div>`;
}

export function checkboxField(o: FieldOptions & { checked: boolean; onChange: (checked: boolean) => void }): TemplateResult {
  return html`<div class="field">
    <div class="check">
      <input
        id=${o.field}
        name=${o.field}
        type="checkbox"
        .checked=${live(o.checked)}
        ?required=${o.required ?? false}
        aria-invalid=${!!o.errors?.length}
        aria-describedby=${ifDefined(describedBy(o))}
        @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)}
      />
      <label for=${o.field}>${o.label}</label>
    </div>
    ${messages(o)}
  </div>`;
}
