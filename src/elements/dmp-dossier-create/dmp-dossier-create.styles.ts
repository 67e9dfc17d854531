import { css } from 'lit';

export const styles = css`
  :host {
    --_dmp-dossier-create-max-width: var(--dmp-dossier-create-max-width, 48rem);
  }
  .base {
    display: grid;
    gap: calc(var(--_dmp-space) * 2);
    max-width: var(--_dmp-dossier-create-max-width);
  }
  h2 {
    font-size: 1.25rem;
    margin: 0;
  }
  h3 {
    font-size: 1.0625rem;
    margin: 0 0 var(--_dmp-space);
  }
  h4 {
    font-size: 1rem;
    margin: calc(var(--_dmp-space) * 2) 0 var(--_dmp-space);
  }
  p {
    margin: 0;
  }
  form {
    display: grid;
    gap: calc(var(--_dmp-space) * 2);
  }
  fieldset {
    display: grid;
    gap: var(--_dmp-space);
    margin: 0;
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    padding: calc(var(--_dmp-space) * 2);
  }
  legend {
    font-weight: 600;
    padding: 0 var(--_dmp-space);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: calc(var(--_dmp-space) * 2);
  }
  .field {
    display: grid;
    gap: calc(var(--_dmp-space) / 2);
    align-content: start;
  }
  .field > label {
    font-weight: 600;
  }
  .hint {
    color: var(--_dmp-color-muted);
    font-size: 0.875em;
  }
  .field-error {
    color: var(--_dmp-color-error);
    font-size: 0.875em;
    font-weight: 600;
  }
  input:not([type='checkbox']),
  select {
    font: inherit;
    color: var(--_dmp-color-text);
    background: var(--_dmp-color-surface);
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    padding: var(--_dmp-space);
    min-height: 2.5rem;
    box-sizing: border-box;
    width: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--_dmp-color-error);
    box-shadow: 0 0 0 1px var(--_dmp-color-error);
  }
  .field--nir input,
  .nir,
  code {
    font-family: ui-monospace, 'SFMono-Regular', Consolas, monospace;
    letter-spacing: 0.05em;
  }
  .field--nir input {
    font-size: 1.125em;
  }
  .check {
    display: flex;
    gap: var(--_dmp-space);
    align-items: flex-start;
  }
  .check input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.1rem 0 0;
    flex: none;
    accent-color: var(--_dmp-color-accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_dmp-space);
  }
  button {
    font: inherit;
    min-height: 2.5rem;
    padding: var(--_dmp-space) calc(var(--_dmp-space) * 2);
    border: 1px solid var(--_dmp-color-accent);
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface);
    color: var(--_dmp-color-accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--_dmp-color-accent);
    color: var(--_dmp-color-on-accent);
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    min-height: auto;
    text-decoration: underline;
    justify-self: start;
  }
  button[aria-disabled='true'],
  button:disabled {
    cursor: progress;
    opacity: 0.75;
  }
  .notice--success {
    border-color: var(--_dmp-color-success);
  }
  .summary {
    display: grid;
    gap: var(--_dmp-space);
    border-inline-start: 4px solid var(--_dmp-color-accent);
    padding-inline-start: calc(var(--_dmp-space) * 2);
  }
  .summary dl {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_dmp-space) calc(var(--_dmp-space) * 3);
    margin: 0;
  }
  .summary dt {
    color: var(--_dmp-color-muted);
    font-size: 0.875em;
  }
  .summary dd {
    margin: 0;
    font-weight: 600;
  }
  .info {
    background: var(--_dmp-color-surface-alt);
    border-radius: var(--_dmp-radius);
    padding: calc(var(--_dmp-space) * 2);
  }
  .info p + p,
  .info ul {
    margin-top: var(--_dmp-space);
  }
  .busy {
    display: flex;
    align-items: center;
    gap: var(--_dmp-space);
    color: var(--_dmp-color-muted);
  }
  .spinner {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    border: 3px solid var(--_dmp-color-border);
    border-top-color: var(--_dmp-color-accent);
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  .sheet {
    border: 2px dashed var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface);
    padding: calc(var(--_dmp-space) * 3);
  }
  .sheet h3 {
    font-size: 1.25rem;
  }
  .sheet dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_dmp-space) calc(var(--_dmp-space) * 2);
    margin: var(--_dmp-space) 0;
  }
  .sheet dt {
    font-weight: 600;
  }
  .sheet dd {
    margin: 0;
  }
  .sheet__credentials {
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    padding: calc(var(--_dmp-space) * 2);
  }
  .sheet__credentials code {
    font-size: 1.25em;
    font-weight: 700;
  }
  .sheet__keep {
    margin-top: calc(var(--_dmp-space) * 2);
    font-weight: 600;
  }
  /* The patient leaves with the sheet alone: one A4 page, nothing of the form around it. */
  @media print {
    .screen-only {
      display: none !important;
    }
    .base {
      max-width: none;
    }
    .sheet {
      box-sizing: border-box;
      width: 100%;
      max-width: 180mm;
      border: none;
      padding: 0;
      font-size: 11pt;
      color: var(--_dmp-color-text);
      break-inside: avoid;
    }
    .sheet__credentials code {
      font-size: 14pt;
    }
  }
`;
