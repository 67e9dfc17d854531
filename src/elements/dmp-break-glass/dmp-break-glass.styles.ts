import { css } from 'lit';

export const styles = css`
  .break-glass {
    display: grid;
    gap: calc(var(--_dmp-space) * 2);
    border: 2px solid var(--_dmp-color-emergency);
    border-radius: var(--_dmp-radius);
    padding: calc(var(--_dmp-space) * 2);
    background: var(--_dmp-color-surface);
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.3;
  }
  h2 {
    font-size: 1.25em;
    color: var(--_dmp-color-emergency);
  }
  h3 {
    font-size: 1em;
  }
  p {
    margin: 0;
  }
  .hint,
  .loading {
    color: var(--_dmp-color-muted);
  }
  .hint--short {
    color: var(--_dmp-color-error);
  }
  [aria-invalid='true'] {
    border-color: var(--_dmp-color-error);
    outline: 2px solid var(--_dmp-color-error);
  }
  .explanation {
    display: grid;
    gap: var(--_dmp-space);
  }
  .explanation ul {
    margin: 0;
    padding-left: calc(var(--_dmp-space) * 2.5);
    display: grid;
    gap: calc(var(--_dmp-space) / 2);
  }
  .form {
    display: grid;
    gap: calc(var(--_dmp-space) * 1.5);
  }
  .field {
    display: grid;
    gap: calc(var(--_dmp-space) / 2);
  }
  label {
    font-weight: 600;
  }
  textarea {
    font: inherit;
    color: var(--_dmp-color-text);
    background: var(--_dmp-color-surface);
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    padding: calc(var(--_dmp-space) * 0.75);
    resize: vertical;
  }
  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--_dmp-space);
    align-items: start;
  }
  .check input {
    margin: 0.2em 0 0;
    width: 1.1em;
    height: 1.1em;
  }
  .check label {
    font-weight: normal;
  }
  .button {
    font: inherit;
    cursor: pointer;
    justify-self: start;
    padding: calc(var(--_dmp-space) * 0.75) calc(var(--_dmp-space) * 1.5);
    border-radius: var(--_dmp-radius);
    border: 1px solid var(--_dmp-color-accent);
    background: var(--_dmp-color-accent);
    color: var(--_dmp-color-on-accent);
  }
  .button--emergency {
    border-color: var(--_dmp-color-emergency);
    background: var(--_dmp-color-emergency);
  }
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    border-color: var(--_dmp-color-border);
    background: var(--_dmp-color-surface-alt);
    color: var(--_dmp-color-muted);
  }
  .notice--success {
    border-color: var(--_dmp-color-success);
    background: var(--_dmp-color-surface);
  }
  .notice--success strong {
    color: var(--_dmp-color-success);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_dmp-color-focus);
  }
`;
