import { css } from 'lit';

/**
 * Design tokens and the shared notice styles. Every token has a default here, so a host that
 * sets none still gets a complete, accessible look (contrast ≥ 4.5:1 on white).
 *
 * The styles read each token through a private twin, `--_dmp-x: var(--dmp-x, default)`: a
 * `--dmp-x` set on the element or on any ancestor (`dmp-provider`, `:root`, a `dmp-dossier`
 * around composed elements) wins over the default. Declaring `--dmp-x` itself on `:host` would
 * shadow every inherited value.
 */
export const baseStyles = css`
  :host {
    --_dmp-font-family: var(--dmp-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_dmp-font-size: var(--dmp-font-size, 0.9375rem);
    --_dmp-color-text: var(--dmp-color-text, #1b1b1f);
    --_dmp-color-muted: var(--dmp-color-muted, #52525b);
    --_dmp-color-surface: var(--dmp-color-surface, #ffffff);
    --_dmp-color-surface-alt: var(--dmp-color-surface-alt, #f4f4f5);
    --_dmp-color-border: var(--dmp-color-border, #c4c4cc);
    --_dmp-color-accent: var(--dmp-color-accent, #0a55b5);
    --_dmp-color-on-accent: var(--dmp-color-on-accent, #ffffff);
    --_dmp-color-focus: var(--dmp-color-focus, #0a55b5);
    --_dmp-color-error: var(--dmp-color-error, #b3261e);
    --_dmp-color-error-surface: var(--dmp-color-error-surface, #fdecea);
    --_dmp-color-emergency: var(--dmp-color-emergency, #a3160f);
    --_dmp-color-masked: var(--dmp-color-masked, #6b3fa0);
    --_dmp-color-success: var(--dmp-color-success, #1e6b34);
    /* The "declared by the patient" label: readable on its surface and on white (≥ 4.5:1). */
    --_dmp-color-declared: var(--dmp-color-declared, #7a4b00);
    --_dmp-color-declared-surface: var(--dmp-color-declared-surface, #fff4e0);
    --_dmp-radius: var(--dmp-radius, 6px);
    --_dmp-space: var(--dmp-space, 0.5rem);
    display: block;
    /* Names, titles and justifications come from elsewhere and may hold one very long word:
       they break rather than widen the host's layout (inherited by the whole shadow tree). */
    overflow-wrap: anywhere;
    font-family: var(--_dmp-font-family);
    font-size: var(--_dmp-font-size);
    color: var(--_dmp-color-text);
  }
  :host([hidden]) {
    display: none;
  }
  .notice {
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface-alt);
    padding: calc(var(--_dmp-space) * 2);
  }
  .notice p {
    margin: var(--_dmp-space) 0 0;
  }
  .notice--error {
    border-color: var(--_dmp-color-error);
    background: var(--_dmp-color-error-surface);
  }
  /* The patient line (renderPatientLine), alike in every element. */
  .patient {
    margin: 0;
    font-weight: 600;
  }
  :focus-visible {
    outline: 3px solid var(--_dmp-color-focus);
    outline-offset: 2px;
  }
  /* Read where it is drawn: a ::backdrop inherits from its dialog (Chromium 122, Firefox 120, Safari 17.4). */
  dialog::backdrop {
    background: var(--dmp-color-backdrop, rgb(0 0 0 / 0.4));
  }
`;
