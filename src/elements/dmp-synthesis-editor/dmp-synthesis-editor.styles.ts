import { css } from 'lit';

export const styles = css`
  :host {
    --_dmp-color-diff-added: var(--dmp-color-diff-added, #e6f4ea);
    --_dmp-color-diff-removed: var(--dmp-color-diff-removed, #fdecea);
    --_dmp-color-diff-changed: var(--dmp-color-diff-changed, #fff4d6);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  h2,
  h3,
  h4 {
    margin: calc(var(--_dmp-space) * 2) 0 var(--_dmp-space);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.25em;
    margin-top: 0;
  }
  h3 {
    font-size: 1.1em;
    border-bottom: 1px solid var(--_dmp-color-border);
    padding-bottom: calc(var(--_dmp-space) / 2);
  }
  h4 {
    font-size: 1em;
  }
  p {
    margin: var(--_dmp-space) 0;
  }
  .muted {
    color: var(--_dmp-color-muted);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_dmp-space);
  }
  .toolbar,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_dmp-space);
  }
  button {
    font: inherit;
    padding: calc(var(--_dmp-space) / 2) calc(var(--_dmp-space) * 1.5);
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface);
    color: var(--_dmp-color-text);
    cursor: pointer;
  }
  button.primary {
    background: var(--_dmp-color-accent);
    border-color: var(--_dmp-color-accent);
    color: var(--_dmp-color-on-accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .skeleton {
    min-height: 8rem;
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface-alt);
  }
  .notice {
    margin: var(--_dmp-space) 0;
  }
  .saved {
    border-color: var(--_dmp-color-success);
  }
  .entries {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .entry {
    display: flex;
    flex-direction: column;
    padding: calc(var(--_dmp-space) / 2) 0;
    border-bottom: 1px solid var(--_dmp-color-surface-alt);
  }
  .entry-title {
    font-weight: 600;
  }
  .entry-meta,
  .entry-note {
    color: var(--_dmp-color-muted);
  }
  .entry-note,
  .narrative {
    white-space: pre-line;
  }
  .statement {
    font-weight: 600;
  }
  .versions {
    margin-top: calc(var(--_dmp-space) * 2);
  }
  .versions summary {
    cursor: pointer;
    font-weight: 600;
  }
  .version-view {
    margin-top: var(--_dmp-space);
  }
  dialog {
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    max-width: 32rem;
    color: var(--_dmp-color-text);
    background: var(--_dmp-color-surface);
  }
  /*
   * Print: the read view only, compact, so that about thirty entries fit on two A4 pages; a
   * longer synthesis flows on (DECISIONS.md 19). An entry is never split across pages.
   */
  /* The read view drawn while printing from the editor: the form stays in place, as typed. */
  .print-only {
    display: none;
  }
  @media print {
    :host {
      font-size: 9.5pt;
      color: #000;
    }
    .no-print,
    .notice,
    .sr-only,
    dialog {
      display: none !important;
    }
    .print-only {
      display: block;
    }
    h2 {
      font-size: 14pt;
    }
    h3 {
      font-size: 11pt;
      margin: 8pt 0 3pt;
      break-after: avoid;
    }
    h4 {
      font-size: 10pt;
      margin: 4pt 0 2pt;
      break-after: avoid;
    }
    p {
      margin: 2pt 0;
    }
    .entry {
      padding: 2pt 0;
      break-inside: avoid;
    }
    .entry-meta,
    .entry-note {
      color: #333;
    }
  }
`;
