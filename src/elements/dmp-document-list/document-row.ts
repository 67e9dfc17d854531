import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatBytes, formatDate } from '../../i18n/format.js';
import { categoryLabel, professionLabel } from '../../i18n/labels.js';
import type { DmpDocument } from '../../model/document.js';

/** What a row needs beside its document; the same object serves every row of one render. */
export interface RowContext {
  locale: string | undefined;
  activeIndex: number;
  /** Whether the user may open this document (asked of the policy by the element). */
  mayOpen: (doc: DmpDocument) => boolean;
  /** Documents with a write in flight. */
  busy: ReadonlySet<string>;
  /** Whether an invisible-to-patient document has become visible to the patient (asked of the policy). */
  released: (doc: DmpDocument) => boolean;
}

const FORMAT_LABELS: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'text/xml': 'XML (CDA)',
};

function badge(kind: string, text: string): TemplateResult {
  return html`<span part="badge" class="badge badge--${kind}">${text}</span>`;
}

function badges(doc: DmpDocument, released: RowContext['released']): TemplateResult[] {
  const list: TemplateResult[] = [];
  if (doc.masked) list.push(badge('masked', msg('Masqué aux professionnels')));
  // The flag stays once the month has passed, when the patient may read the document.
  if (doc.invisibleToPatient && !released(doc)) list.push(badge('invisible', msg('Invisible pour le patient')));
  if (doc.invisibleToLegalRepresentatives) {
    list.push(badge('invisible', msg('Invisible pour les représentants légaux')));
  }
  if (doc.status === 'replaced') list.push(badge('status', msg('Remplacé par une version plus récente')));
  if (doc.status === 'archived') list.push(badge('status', msg('Archivé')));
  if (doc.depositedByPatient) list.push(badge('patient', msg('Déposé par le patient')));
  return list;
}

/**
 * One document as a grid row. Rows carry their index (`data-index`) and actions their name
 * (`data-action`): the element listens once on the grid instead of once per row.
 */
export function renderRow(doc: DmpDocument, index: number, ctx: RowContext): TemplateResult {
  const tab = index === ctx.activeIndex ? 0 : -1;
  const titleId = `row-${index}-title`;
  const author = doc.author;
  const authorDetail = [professionLabel(author.profession), author.organisation].filter(Boolean).join(' · ');
  const marks = badges(doc, ctx.released);
  return html`<div role="row" part="row" class="row" data-index=${index} aria-rowindex=${index + 2} tabindex=${tab}
    aria-busy=${ctx.busy.has(doc.id)}>
    <div role="gridcell" class="cell cell--title">
      ${ctx.mayOpen(doc)
        ? html`<button type="button" class="link" id=${titleId} data-action="open" tabindex=${tab} lang="fr">${doc.title}</button>`
        : html`<span id=${titleId} class="title" lang="fr">${doc.title}</span>`}
      ${marks.length > 0 ? html`<span class="badges">${marks}</span>` : nothing}
    </div>
    <div role="gridcell" class="cell">${categoryLabel(doc.category)}</div>
    <div role="gridcell" class="cell"><time datetime=${doc.serviceStart}>${formatDate(doc.serviceStart, ctx.locale)}</time></div>
    <div role="gridcell" class="cell cell--author">
      <span>${author.name}</span>${authorDetail ? html`<span class="muted">${authorDetail}</span>` : nothing}
    </div>
    <div role="gridcell" class="cell muted">${FORMAT_LABELS[doc.mimeType] ?? doc.mimeType} · ${formatBytes(doc.size, ctx.locale)}</div>
    <div role="gridcell" class="cell cell--actions">
      <button type="button" class="button button--small" data-action="actions" tabindex=${tab} aria-haspopup="dialog" id=${`${titleId}-actions`}
        aria-labelledby=${`${titleId}-actions ${titleId}`}>
        ${msg('Actions')}
      </button>
    </div>
  </div>`;
}

/** Placeholder rows while the first page loads. */
export function renderSkeletonRows(count: number): TemplateResult[] {
  return Array.from({ length: count }, () => html`<div class="row row--skeleton" aria-hidden="true">
    <span class="bone bone--wide"></span><span class="bone"></span><span class="bone"></span><span class="bone bone--wide"></span><span class="bone"></span><span></span>
  </div>`);
}
