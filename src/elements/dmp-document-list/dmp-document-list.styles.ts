import { css } from 'lit';

export const styles = css`
  :host {
    --dmp-color-backdrop: rgb(0 0 0 / 0.4);
    --dmp-document-list-max-height: 36rem;
    --dmp-document-list-columns: minmax(12rem, 3fr) minmax(7rem, 1.2fr) minmax(7rem, 1fr) minmax(10rem, 2fr) minmax(6rem, 1fr) 6.5rem;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--dmp-space);
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
    color: var(--dmp-color-muted);
  }
  p {
    margin: 0;
  }

  .button {
    font: inherit;
    color: var(--dmp-color-text);
    background: var(--dmp-color-surface);
    border: 1px solid var(--dmp-color-border);
    border-radius: var(--dmp-radius);
    padding: calc(var(--dmp-space) * 0.75) calc(var(--dmp-space) * 1.5);
    cursor: pointer;
  }
  .button:hover {
    background: var(--dmp-color-surface-alt);
  }
  .button--small {
    padding: calc(var(--dmp-space) * 0.5) var(--dmp-space);
  }
  .button--primary {
    background: var(--dmp-color-accent);
    border-color: var(--dmp-color-accent);
    color: var(--dmp-color-on-accent);
  }
  .button--primary:hover {
    background: var(--dmp-color-accent);
    filter: brightness(1.1);
  }
  .button--danger {
    background: var(--dmp-color-error);
    border-color: var(--dmp-color-error);
    color: var(--dmp-color-on-accent);
  }
  .button--danger:hover {
    background: var(--dmp-color-error);
    filter: brightness(1.1);
  }
  .button[aria-disabled='true'],
  .button:disabled {
    cursor: not-allowed;
    color: var(--dmp-color-muted);
    background: var(--dmp-color-surface-alt);
    border-color: var(--dmp-color-border);
    filter: none;
  }
  .link {
    font: inherit;
    font-weight: 600;
    text-align: start;
    color: var(--dmp-color-accent);
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
    color: var(--dmp-color-muted);
    font-size: 0.875em;
    margin-top: calc(var(--dmp-space) * 0.5);
  }

  .toolbar-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--dmp-space);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--dmp-space);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--dmp-space) * 0.5);
  }
  .field--search input {
    min-width: 14rem;
  }
  input,
  select {
    font: inherit;
    color: var(--dmp-color-text);
    background: var(--dmp-color-surface);
    border: 1px solid var(--dmp-color-border);
    border-radius: var(--dmp-radius);
    padding: calc(var(--dmp-space) * 0.625);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--dmp-color-error);
  }
  .add {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    max-width: 24rem;
  }

  .hidden-notice {
    border-inline-start: 4px solid var(--dmp-color-masked);
    background: var(--dmp-color-surface-alt);
    padding: var(--dmp-space) calc(var(--dmp-space) * 1.5);
    border-radius: var(--dmp-radius);
  }
  .summary {
    color: var(--dmp-color-muted);
  }

  .grid {
    border: 1px solid var(--dmp-color-border);
    border-radius: var(--dmp-radius);
    background: var(--dmp-color-surface);
  }
  .row {
    display: grid;
    grid-template-columns: var(--dmp-document-list-columns);
    gap: var(--dmp-space);
    align-items: center;
    width: 100%;
    box-sizing: border-box;
    padding: var(--dmp-space) calc(var(--dmp-space) * 1.5);
    border-bottom: 1px solid var(--dmp-color-border);
  }
  .head {
    position: sticky;
    top: 0;
    z-index: 1;
  }
  .row--head {
    font-weight: 600;
    background: var(--dmp-color-surface-alt);
  }
  .body .row {
    min-height: 3.5rem;
  }
  .body .row:focus-visible {
    outline-offset: -3px;
  }
  .body .row[aria-busy='true'] {
    opacity: 0.6;
  }
  .cell {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .cell--title,
  .cell--author {
    display: flex;
    flex-direction: column;
    gap: calc(var(--dmp-space) * 0.25);
  }
  .cell--actions {
    justify-self: end;
  }
  .viewport {
    max-height: var(--dmp-document-list-max-height);
    overflow: auto;
    /* Rows brought into view by the keyboard stay clear of the sticky header. */
    scroll-padding-top: 3rem;
  }
  .grid[aria-busy='true'] .viewport {
    opacity: 0.7;
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--dmp-space) * 0.5);
  }
  .badge {
    font-size: 0.8125em;
    border-radius: 999px;
    padding: 0 var(--dmp-space);
    border: 1px solid var(--dmp-color-border);
    color: var(--dmp-color-text);
    background: var(--dmp-color-surface-alt);
  }
  .badge--masked {
    border-color: var(--dmp-color-masked);
    color: var(--dmp-color-masked);
    background: var(--dmp-color-surface);
  }
  .badge--invisible {
    border-color: var(--dmp-color-emergency);
    color: var(--dmp-color-emergency);
    background: var(--dmp-color-surface);
  }

  .row--skeleton {
    min-height: 3.5rem;
  }
  .bone {
    display: block;
    height: 0.875rem;
    width: 60%;
    border-radius: var(--dmp-radius);
    background: var(--dmp-color-surface-alt);
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
    gap: var(--dmp-space);
  }
  .empty {
    text-align: center;
  }

  .dialog {
    border: 1px solid var(--dmp-color-border);
    border-radius: var(--dmp-radius);
    padding: calc(var(--dmp-space) * 2);
    color: var(--dmp-color-text);
    background: var(--dmp-color-surface);
    max-width: min(32rem, 90vw);
  }
  .dialog--wide {
    max-width: min(40rem, 90vw);
  }
  .dialog::backdrop {
    background: var(--dmp-color-backdrop);
  }
  .dialog-title {
    font-size: 1.125rem;
    margin: 0 0 var(--dmp-space);
  }
  .dialog-buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--dmp-space);
    margin-top: calc(var(--dmp-space) * 2);
  }
  .action-list {
    list-style: none;
    margin: calc(var(--dmp-space) * 2) 0 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--dmp-space);
  }
  .add-form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--dmp-space) * 1.5);
  }
  .field-error,
  .form-error {
    color: var(--dmp-color-error);
  }
  .upload {
    display: flex;
    align-items: center;
    gap: var(--dmp-space);
  }
  .upload progress {
    flex: 1;
  }
`;
