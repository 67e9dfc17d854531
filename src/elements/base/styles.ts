import { css } from 'lit';

/**
 * Design tokens and the shared notice styles. Every token has a default here, so a host that
 * sets none still gets a complete, accessible look (contrast ≥ 4.5:1 on white).
 */
export const baseStyles = css`
  :host {
    --dmp-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --dmp-font-size: 0.9375rem;
    --dmp-color-text: #1b1b1f;
    --dmp-color-muted: #52525b;
    --dmp-color-surface: #ffffff;
    --dmp-color-surface-alt: #f4f4f5;
    --dmp-color-border: #c4c4cc;
    --dmp-color-accent: #0a55b5;
    --dmp-color-on-accent: #ffffff;
    --dmp-color-focus: #0a55b5;
    --dmp-color-error: #b3261e;
    --dmp-color-error-surface: #fdecea;
    --dmp-color-emergency: #a3160f;
    --dmp-color-masked: #6b3fa0;
    --dmp-color-success: #1e6b34;
    /* The "declared by the patient" label: readable on its surface and on white (≥ 4.5:1). */
    --dmp-color-declared: #7a4b00;
    --dmp-color-declared-surface: #fff4e0;
    --dmp-radius: 6px;
    --dmp-space: 0.5rem;
    display: block;
    /* Names, titles and justifications come from elsewhere and may hold one very long word:
       they break rather than widen the host's layout (inherited by the whole shadow tree). */
    overflow-wrap: anywhere;
    font-family: var(--dmp-font-family);
    font-size: var(--dmp-font-size);
    color: var(--dmp-color-text);
  }
  :host([hidden]) {
    display: none;
  }
  .notice {
    border: 1px solid var(--dmp-color-border);
    border-radius: var(--dmp-radius);
    background: var(--dmp-color-surface-alt);
    padding: calc(var(--dmp-space) * 2);
  }
  .notice p {
    margin: var(--dmp-space) 0 0;
  }
  .notice--error {
    border-color: var(--dmp-color-error);
    background: var(--dmp-color-error-surface);
  }
  /* The patient line (renderPatientLine), alike in every element. */
  .patient {
    margin: 0;
    font-weight: 600;
  }
  :focus-visible {
    outline: 3px solid var(--dmp-color-focus);
    outline-offset: 2px;
  }
`;
