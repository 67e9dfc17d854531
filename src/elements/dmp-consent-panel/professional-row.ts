import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../i18n/format.js';
import { professionLabel } from '../../i18n/labels.js';
import type { Professional } from '../../model/professional.js';
import { fullName } from './texts.js';

export interface ProfessionalRowOptions {
  /** When the professional got their standing on this dossier. */
  since?: string | undefined;
  /** A short status beside the name (blocked, already authorized…). */
  badge?: string | undefined;
  actions: unknown;
  locale: string | undefined;
}

/** One professional in a list: who, profession and organisation, RPPS, since when, what can be done. */
export function professionalRow(p: Professional, { since, badge, actions, locale }: ProfessionalRowOptions): TemplateResult {
  return html`<li part="row" class="row" data-rpps=${p.rpps}>
    <div class="who">
      <span class="name">${fullName(p)}</span>${badge ? html` <span class="badge">${badge}</span>` : nothing}
      <span class="meta">${[professionLabel(p.profession), p.organisation?.name, p.organisation?.city].filter(Boolean).join(' · ')}</span>
      <span class="meta">
        ${since
          ? msg(str`RPPS ${p.rpps} · depuis le ${formatDate(since, locale)}`)
          : msg(str`RPPS ${p.rpps}`)}
      </span>
    </div>
    <div class="actions">${actions}</div>
  </li>`;
}
