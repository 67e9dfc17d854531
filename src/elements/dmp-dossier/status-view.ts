import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../i18n/format.js';
import { reasonText } from '../../i18n/labels.js';
import type { DossierInfo } from '../../model/dossier.js';

/** The récapitulatif's first card, drawn with the dossier while the rest loads (see recap-view.ts). */
export function renderStatus(info: DossierInfo, locale: string | undefined): TemplateResult {
  const closed = info.status === 'closed';
  return html`<section class="card status-card" aria-labelledby="recap-status">
    <h3 id="recap-status">${msg('État du dossier')}</h3>
    ${closed
      ? html`<p class="status-line"><span class="badge badge--closed">${msg('Fermé')}</span>
            ${info.closedAt ? msg(str`Fermé le ${formatDate(info.closedAt, locale)}.`) : nothing}
          </p>
          <p>${reasonText('dossier-closed')}</p>
          ${info.closeReason ? html`<p>${msg(str`Motif : ${info.closeReason}`)}</p>` : nothing}`
      : html`<p class="status-line"><span class="badge badge--active">${msg('Actif')}</span>
          ${info.createdAt ? msg(str`Ouvert le ${formatDate(info.createdAt, locale)}.`) : nothing}
        </p>`}
  </section>`;
}
