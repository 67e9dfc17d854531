import { css } from 'lit';

export const styles = css`
  .base {
    display: grid;
    gap: calc(var(--_dmp-space) * 2);
  }
  .head {
    display: grid;
    gap: var(--_dmp-space);
  }
  h2,
  h3,
  h4,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.375em;
  }
  h3 {
    font-size: 1.0625em;
  }
  h4 {
    font-size: 1em;
  }
  .muted,
  .meta,
  .loading {
    color: var(--_dmp-color-muted);
  }
  .meta {
    font-size: 0.875em;
  }
  .emergency-banner {
    border: 2px solid var(--_dmp-color-emergency);
    border-radius: var(--_dmp-radius);
    padding: var(--_dmp-space) calc(var(--_dmp-space) * 1.5);
    color: var(--_dmp-color-emergency);
    background: var(--_dmp-color-surface);
    font-weight: 600;
  }

  .tablist {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_dmp-space) / 2);
    border-bottom: 1px solid var(--_dmp-color-border);
  }
  .tab {
    font: inherit;
    color: var(--_dmp-color-muted);
    background: none;
    border: none;
    border-bottom: 3px solid transparent;
    padding: var(--_dmp-space) calc(var(--_dmp-space) * 1.5);
    cursor: pointer;
  }
  .tab:hover {
    color: var(--_dmp-color-text);
  }
  .tab[aria-selected='true'] {
    color: var(--_dmp-color-accent);
    border-bottom-color: var(--_dmp-color-accent);
    font-weight: 600;
  }
  .panel[hidden] {
    display: none;
  }

  .recap {
    display: grid;
    gap: calc(var(--_dmp-space) * 2);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    align-items: start;
  }
  /* The widest part, a table of three columns, gets the first row to itself (it holds no control,
     so showing it before the status changes no focus order). */
  .recap > .latest-card {
    grid-column: 1 / -1;
    order: -1;
  }
  .recap > .notice,
  .recap > dmp-break-glass,
  .recap > .skeleton,
  .recap > .loading {
    grid-column: 1 / -1;
  }
  .card {
    display: grid;
    gap: var(--_dmp-space);
    padding: calc(var(--_dmp-space) * 1.5);
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    background: var(--_dmp-color-surface);
    min-width: 0;
  }
  .status-line {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_dmp-space);
    align-items: center;
  }
  .badge {
    display: inline-block;
    padding: 0 calc(var(--_dmp-space) * 0.75);
    border: 1px solid currentColor;
    border-radius: var(--_dmp-radius);
    font-size: 0.875em;
    font-weight: 600;
  }
  .badge--active {
    color: var(--_dmp-color-success);
  }
  .badge--closed {
    color: var(--_dmp-color-muted);
  }
  .badge--emergency,
  .denied {
    color: var(--_dmp-color-emergency);
  }

  /* Fixed columns: a title's length (a 1 MB one included) never squeezes the others. */
  table.latest {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  .latest thead th:first-child {
    width: 30%;
  }
  .latest thead th:last-child {
    width: 12em;
  }
  .latest th,
  .latest td {
    text-align: left;
    vertical-align: top;
    padding: calc(var(--_dmp-space) / 2) var(--_dmp-space) calc(var(--_dmp-space) / 2) 0;
    border-bottom: 1px solid var(--_dmp-color-surface-alt);
  }
  .latest thead th {
    font-size: 0.875em;
    color: var(--_dmp-color-muted);
  }
  .latest tbody th {
    font-weight: 600;
  }
  /* Our own labels and dates break inside a word only when it cannot fit at all. */
  .latest th,
  .latest time {
    overflow-wrap: break-word;
  }
  .doc-title {
    overflow-wrap: anywhere;
  }
  .counts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
    gap: calc(var(--_dmp-space) / 2) var(--_dmp-space);
    margin: 0;
  }
  .counts div {
    display: flex;
    justify-content: space-between;
    gap: var(--_dmp-space);
    border-bottom: 1px solid var(--_dmp-color-surface-alt);
  }
  .counts dd {
    margin: 0;
    font-weight: 600;
  }
  .items {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: calc(var(--_dmp-space) / 2);
  }
  .items li {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_dmp-space) / 2) var(--_dmp-space);
    align-items: baseline;
  }
  .item-text {
    overflow-wrap: anywhere;
  }
  .source {
    font-size: 0.8125em;
    padding: 0 calc(var(--_dmp-space) / 2);
    border-radius: var(--_dmp-radius);
    border: 1px solid var(--_dmp-color-border);
    color: var(--_dmp-color-muted);
  }
  .source--patient {
    color: var(--_dmp-color-declared);
    border-color: var(--_dmp-color-declared);
    background: var(--_dmp-color-declared-surface);
  }

  .button {
    font: inherit;
    cursor: pointer;
    padding: calc(var(--_dmp-space) * 0.75) calc(var(--_dmp-space) * 1.5);
    border-radius: var(--_dmp-radius);
    border: 1px solid var(--_dmp-color-accent);
    background: var(--_dmp-color-accent);
    color: var(--_dmp-color-on-accent);
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
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_dmp-color-focus);
  }

  @media print {
    .tablist {
      display: none;
    }
  }
`;
