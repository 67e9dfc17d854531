import { css } from 'lit';

export const styles = css`
  .panel {
    display: grid;
    gap: calc(var(--_dmp-space) * 2);
  }
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.3;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.1em;
  }
  h4 {
    font-size: 1em;
    margin-top: calc(var(--_dmp-space) * 1.5);
  }
  p {
    margin: 0;
  }
  .hint,
  .meta,
  .empty {
    color: var(--_dmp-color-muted);
  }
  .section {
    display: grid;
    gap: var(--_dmp-space);
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    padding: calc(var(--_dmp-space) * 2);
    background: var(--_dmp-color-surface);
  }
  .section--danger {
    border-color: var(--_dmp-color-error);
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_dmp-space);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--_dmp-space);
    padding: var(--_dmp-space);
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
  }
  .who {
    display: grid;
    gap: calc(var(--_dmp-space) / 4);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .name {
    font-weight: 600;
  }
  .badge {
    display: inline-block;
    padding: 0 calc(var(--_dmp-space) / 2);
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface-alt);
    border: 1px solid var(--_dmp-color-border);
    font-size: 0.875em;
  }
  .actions,
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_dmp-space);
  }
  .dialog-actions {
    justify-content: flex-end;
    margin-top: calc(var(--_dmp-space) * 2);
  }
  .button {
    font: inherit;
    cursor: pointer;
    padding: calc(var(--_dmp-space) * 0.75) calc(var(--_dmp-space) * 1.5);
    border-radius: var(--_dmp-radius);
    border: 1px solid var(--_dmp-color-accent);
    background: var(--_dmp-color-accent);
    color: var(--_dmp-color-on-accent);
    justify-self: start;
  }
  .button--quiet {
    background: var(--_dmp-color-surface);
    color: var(--_dmp-color-accent);
  }
  .button--danger {
    border-color: var(--_dmp-color-error);
    background: var(--_dmp-color-error);
    color: var(--_dmp-color-on-accent);
  }
  .button--quiet.button--danger {
    background: var(--_dmp-color-surface);
    color: var(--_dmp-color-error);
  }
  .field {
    display: grid;
    gap: calc(var(--_dmp-space) / 2);
    max-width: 32rem;
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input[type='search'],
  select,
  textarea {
    font: inherit;
    color: var(--_dmp-color-text);
    background: var(--_dmp-color-surface);
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    padding: calc(var(--_dmp-space) * 0.75);
  }
  [aria-invalid='true'] {
    border-color: var(--_dmp-color-error);
  }
  .field-error {
    color: var(--_dmp-color-error);
  }
  form {
    display: grid;
    gap: var(--_dmp-space);
  }
  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: var(--_dmp-space);
    align-items: start;
  }
  .check .hint {
    grid-column: 2;
  }
  .check input {
    margin: 0.2em 0 0;
    width: 1.1em;
    height: 1.1em;
  }
  .channels {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_dmp-space) * 2);
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    margin: 0;
    padding: var(--_dmp-space) calc(var(--_dmp-space) * 1.5);
  }
  .search {
    display: grid;
    gap: calc(var(--_dmp-space) / 2);
  }
  .search input {
    max-width: 32rem;
  }
  /* The search's live region stays in the page, silent: it takes no room then. */
  .search-status:empty {
    margin-top: calc(var(--_dmp-space) / -2);
  }
  .notice--success {
    border-color: var(--_dmp-color-success);
    color: var(--_dmp-color-success);
    background: var(--_dmp-color-surface);
  }
  .notice--closed {
    display: grid;
    gap: var(--_dmp-space);
  }
  .notice--closed p {
    margin: 0;
  }
  .refusals ul {
    margin: var(--_dmp-space) 0 0;
    padding-left: calc(var(--_dmp-space) * 2.5);
  }
  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface);
    color: var(--_dmp-color-text);
    padding: calc(var(--_dmp-space) * 3);
  }
  dialog form {
    display: block;
  }
  dialog p {
    margin-top: var(--_dmp-space);
  }
  .skeleton {
    display: grid;
    gap: var(--_dmp-space);
  }
  .skeleton-line {
    display: block;
    height: 1.2em;
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface-alt);
  }
  .skeleton-line:nth-child(3) {
    width: 70%;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_dmp-color-focus);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton-line {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }
`;
