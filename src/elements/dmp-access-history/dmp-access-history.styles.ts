import { css } from 'lit';

export const styles = css`
  :host {
    /* Background of emergency badges and rows; the text stays --dmp-color-emergency. */
    --_dmp-color-emergency-surface: var(--dmp-color-emergency-surface, #fcebea);
    /* Background of refused accesses. */
    --_dmp-color-denied-surface: var(--dmp-color-denied-surface, #fff7e6);
  }

  .base {
    display: grid;
    gap: calc(var(--_dmp-space) * 2);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: calc(var(--_dmp-space) * 1.5);
    padding: calc(var(--_dmp-space) * 1.5);
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface-alt);
  }
  .field {
    display: grid;
    gap: calc(var(--_dmp-space) / 2);
  }
  .field label {
    font-size: 0.875em;
    font-weight: 600;
  }
  input,
  select,
  button {
    font: inherit;
    color: var(--_dmp-color-text);
    min-height: 2.25rem;
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface);
    padding: 0 var(--_dmp-space);
  }
  input[aria-invalid='true'] {
    border-color: var(--_dmp-color-error);
  }
  button {
    cursor: pointer;
    padding: 0 calc(var(--_dmp-space) * 1.5);
  }
  button[aria-disabled='true'],
  button:disabled {
    cursor: default;
    opacity: 0.7;
  }
  .toggle[aria-pressed='true'] {
    border: 2px solid var(--_dmp-color-emergency);
    background: var(--_dmp-color-emergency-surface);
    color: var(--_dmp-color-emergency);
    font-weight: 600;
  }
  .primary {
    border-color: var(--_dmp-color-accent);
    background: var(--_dmp-color-accent);
    color: var(--_dmp-color-on-accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_dmp-space);
  }
  .field-error {
    flex-basis: 100%;
    margin: 0;
    color: var(--_dmp-color-error);
  }

  .status {
    margin: 0;
    color: var(--_dmp-color-muted);
  }

  .scroller {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--_dmp-space);
    border-bottom: 1px solid var(--_dmp-color-border);
  }
  th {
    font-size: 0.875em;
    background: var(--_dmp-color-surface-alt);
  }
  tr.emergency td {
    background: var(--_dmp-color-emergency-surface);
  }
  tr.emergency td:first-child {
    box-shadow: inset 4px 0 0 var(--_dmp-color-emergency);
  }
  tr.denied td {
    background: var(--_dmp-color-denied-surface);
  }
  tr:focus-visible {
    outline: 3px solid var(--_dmp-color-focus);
    outline-offset: -3px;
  }
  .name {
    font-weight: 600;
  }
  .meta {
    display: block;
    color: var(--_dmp-color-muted);
    font-size: 0.875em;
  }
  time {
    white-space: nowrap;
  }

  .badge {
    display: inline-block;
    padding: 0.125em 0.5em;
    border: 1px solid var(--_dmp-color-border);
    border-radius: 999px;
    font-size: 0.875em;
    white-space: nowrap;
  }
  .badge.emergency {
    border: 2px solid var(--_dmp-color-emergency);
    background: var(--_dmp-color-surface);
    color: var(--_dmp-color-emergency);
    font-weight: 700;
  }
  .justification {
    margin: calc(var(--_dmp-space) / 2) 0 0;
    font-size: 0.875em;
  }
  .justification q {
    font-style: italic;
  }
  .denied-label {
    color: var(--_dmp-color-error);
    font-weight: 700;
  }

  .skeleton {
    display: grid;
    gap: var(--_dmp-space);
  }
  .skeleton span {
    display: block;
    height: 2.5rem;
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface-alt);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }

  @media print {
    .toolbar,
    .more,
    .notice button {
      display: none;
    }
    tr {
      break-inside: avoid;
    }
    .scroller {
      overflow: visible;
    }
  }
`;
