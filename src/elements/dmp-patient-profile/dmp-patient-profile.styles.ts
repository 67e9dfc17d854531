import { css } from 'lit';

export const styles = css`
  .base {
    display: grid;
    gap: calc(var(--_dmp-space) * 2);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
  }
  h3 {
    margin: 0;
    font-size: 1.0625em;
  }
  h4 {
    margin: 0;
    font-size: 1em;
  }
  p {
    margin: 0;
  }
  .meta,
  .muted,
  .hint,
  .status {
    color: var(--_dmp-color-muted);
  }
  .meta,
  .hint {
    font-size: 0.875em;
  }
  .entries .meta {
    display: block;
  }
  .declared-notice {
    display: grid;
    gap: calc(var(--_dmp-space) / 2);
  }

  .section {
    display: grid;
    gap: var(--_dmp-space);
    margin: 0;
    padding: calc(var(--_dmp-space) * 1.5);
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface);
    min-width: 0;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_dmp-space);
  }
  .badge {
    display: inline-block;
    padding: 0.125em 0.5em;
    border: 1px solid var(--_dmp-color-declared);
    border-radius: 999px;
    background: var(--_dmp-color-declared-surface);
    color: var(--_dmp-color-declared);
    font-size: 0.8125em;
    font-weight: 600;
    white-space: nowrap;
  }
  .value {
    font-size: 1.0625em;
  }
  .prose {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .entries {
    display: grid;
    gap: var(--_dmp-space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .entries li {
    overflow-wrap: anywhere;
  }
  .entries .file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_dmp-space);
  }
  a {
    color: var(--_dmp-color-accent);
  }

  .field {
    display: grid;
    gap: calc(var(--_dmp-space) / 2);
    align-content: start;
  }
  .field label {
    font-size: 0.875em;
    font-weight: 600;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: var(--_dmp-color-text);
    min-height: 2.25rem;
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface);
    padding: 0 var(--_dmp-space);
  }
  [aria-invalid='true'] {
    border-color: var(--_dmp-color-error);
    box-shadow: inset 0 0 0 1px var(--_dmp-color-error);
  }
  button {
    cursor: pointer;
    padding: 0 calc(var(--_dmp-space) * 1.5);
  }
  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.7;
  }
  .primary {
    border-color: var(--_dmp-color-accent);
    background: var(--_dmp-color-accent);
    color: var(--_dmp-color-on-accent);
  }
  .danger {
    border-color: var(--_dmp-color-error);
    color: var(--_dmp-color-error);
  }
  .buttons,
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_dmp-space);
  }
  .field-error {
    color: var(--_dmp-color-error);
    font-size: 0.875em;
  }
  .profile-form,
  .directives-upload,
  .directives-files {
    display: grid;
    gap: calc(var(--_dmp-space) * 1.5);
  }
  .directives-upload {
    padding-top: var(--_dmp-space);
    border-top: 1px solid var(--_dmp-color-border);
  }
  progress {
    width: 10rem;
  }

  dialog {
    max-width: min(32rem, 90vw);
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    color: var(--_dmp-color-text);
    background: var(--_dmp-color-surface);
  }
  dialog form {
    display: grid;
    gap: var(--_dmp-space);
  }

  .skeleton {
    display: grid;
    gap: var(--_dmp-space);
  }
  .skeleton span {
    display: block;
    height: 3rem;
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface-alt);
  }

  @media print {
    .toolbar,
    .directives-upload,
    .draft-offer,
    button {
      display: none;
    }
    .section {
      break-inside: avoid;
    }
  }
`;
