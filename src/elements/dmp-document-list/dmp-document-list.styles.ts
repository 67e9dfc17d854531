import { css } from 'lit';

export const styles = css`
  :host {
    --_dmp-document-list-max-height: var(--dmp-document-list-max-height, 36rem);
    --_dmp-document-list-columns: var(--dmp-document-list-columns, minmax(12rem, 3fr) minmax(7rem, 1.2fr) minmax(7rem, 1fr) minmax(10rem, 2fr) minmax(6rem, 1fr) 6.5rem);
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_dmp-space);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .muted {
    color: var(--_dmp-color-muted);
  }
  p {
    margin: 0;
  }

  .button {
    font: inherit;
    color: var(--_dmp-color-text);
    background: var(--_dmp-color-surface);
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    padding: calc(var(--_dmp-space) * 0.75) calc(var(--_dmp-space) * 1.5);
    cursor: pointer;
  }
  .button:hover {
    background: var(--_dmp-color-surface-alt);
  }
  .button--small {
    padding: calc(var(--_dmp-space) * 0.5) var(--_dmp-space);
  }
  .button--primary {
    background: var(--_dmp-color-accent);
    border-color: var(--_dmp-color-accent);
    color: var(--_dmp-color-on-accent);
  }
  .button--danger {
    background: var(--_dmp-color-error);
    border-color: var(--_dmp-color-error);
    color: var(--_dmp-color-on-accent);
  }
  .button--primary:hover,
  .button--danger:hover {
    background: var(--_dmp-color-accent);
    filter: brightness(1.1);
  }
  .button--danger:hover {
    background: var(--_dmp-color-error);
  }
  .button[aria-disabled='true'],
  .button:disabled {
    cursor: not-allowed;
    color: var(--_dmp-color-muted);
    background: var(--_dmp-color-surface-alt);
    border-color: var(--_dmp-color-border);
    filter: none;
  }
  .link {
    font: inherit;
    font-weight: 600;
    text-align: start;
    color: var(--_dmp-color-accent);
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .title {
    font-weight: 600;
  }
  .reason {
    color: var(--_dmp-color-muted);
    font-size: 0.875em;
    margin-top: calc(var(--_dmp-space) * 0.5);
  }

  .toolbar-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--_dmp-space);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_dmp-space);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_dmp-space) * 0.5);
  }
  .field--search input {
    min-width: 14rem;
  }
  input,
  select {
    font: inherit;
    color: var(--_dmp-color-text);
    background: var(--_dmp-color-surface);
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    padding: calc(var(--_dmp-space) * 0.625);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_dmp-color-error);
  }
  .add {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    max-width: 24rem;
  }

  .hidden-notice {
    border-inline-start: 4px solid var(--_dmp-color-masked);
    background: var(--_dmp-color-surface-alt);
    padding: var(--_dmp-space) calc(var(--_dmp-space) * 1.5);
    border-radius: var(--_dmp-radius);
  }
  .summary {
    color: var(--_dmp-color-muted);
  }

  .grid {
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface);
  }
  .row {
    display: grid;
    grid-template-columns: var(--_dmp-document-list-columns);
    gap: var(--_dmp-space);
    align-items: center;
    width: 100%;
    box-sizing: border-box;
    padding: var(--_dmp-space) calc(var(--_dmp-space) * 1.5);
    border-bottom: 1px solid var(--_dmp-color-border);
  }
  .head {
    position: sticky;
    top: 0;
    z-index: 1;
  }
  .row--head {
    font-weight: 600;
    background: var(--_dmp-color-surface-alt);
  }
  .body .row {
    min-height: 3.5rem;
  }
  .body .row:focus-visible {
    outline-offset: -3px;
  }
  /* Busy, a row or the list keeps its text's contrast (WCAG 1.4.3): striped, not faded. */
  [aria-busy='true'] .cell {
    background: repeating-linear-gradient(-45deg, #0000 0 8px, var(--_dmp-color-surface-alt) 0 16px);
  }
  .cell {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .cell--title,
  .cell--author {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_dmp-space) * 0.25);
  }
  .cell--actions {
    justify-self: end;
  }
  .viewport {
    max-height: var(--_dmp-document-list-max-height);
    overflow: auto;
    /* Rows brought into view by the keyboard stay clear of the sticky header. */
    scroll-padding-top: 3rem;
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_dmp-space) * 0.5);
  }
  .badge {
    font-size: 0.8125em;
    border-radius: 999px;
    padding: 0 var(--_dmp-space);
    border: 1px solid var(--_dmp-color-border);
    color: var(--_dmp-color-text);
    background: var(--_dmp-color-surface-alt);
  }
  .badge--masked {
    border-color: var(--_dmp-color-masked);
    color: var(--_dmp-color-masked);
    background: var(--_dmp-color-surface);
  }
  .badge--invisible {
    border-color: var(--_dmp-color-emergency);
    color: var(--_dmp-color-emergency);
    background: var(--_dmp-color-surface);
  }

  .row--skeleton {
    min-height: 3.5rem;
  }
  .bone {
    display: block;
    height: 0.875rem;
    width: 60%;
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface-alt);
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  .bone--wide {
    width: 90%;
  }
  @keyframes pulse {
    from {
      opacity: 1;
    }
    to {
      opacity: 0.4;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }

  .more {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_dmp-space);
  }
  .empty {
    text-align: center;
  }

  .dialog {
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    padding: calc(var(--_dmp-space) * 2);
    color: var(--_dmp-color-text);
    background: var(--_dmp-color-surface);
    max-width: min(32rem, 90vw);
  }
  .dialog-title {
    font-size: 1.125rem;
    margin: 0 0 var(--_dmp-space);
  }
  .dialog-buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_dmp-space);
    margin-top: calc(var(--_dmp-space) * 2);
  }
  .action-list {
    list-style: none;
    margin: calc(var(--_dmp-space) * 2) 0 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_dmp-space);
  }
  .field-error {
    color: var(--_dmp-color-error);
  }
  .toolbar .field-error {
    flex-basis: 100%;
    margin: 0;
  }
`;
