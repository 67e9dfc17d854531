import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.js';
import { actionLabel, categoryLabel, hiddenCountText, modeLabel, reasonText } from '../../i18n/labels.js';
import { loggedRefusalText } from '../../i18n/logged-refusal.js';
import type { AccessLogEntry } from '../../model/access-log.js';
import type { Synthesis, SynthesisGroup } from '../../model/synthesis.js';
import type { ReasonCode } from '../../policy/types.js';
import type { Declared, Emergencies, LatestLine, Part, RecapContent } from './recap.js';

type Locale = string | undefined;
type Source = 'synthesis' | 'patient';

/** `own`: the patient reads their own récapitulatif, and what they declared is said to be theirs. */
function sourceLabel(source: Source, own: boolean): string {
  return source === 'synthesis'
    ? msg('synthèse médicale')
    : own
      ? msg('déclaré par vous')
      : msg('déclaré par le patient');
}

/** The groups the VSM holds: prevention is kept as its own documents, listed with the latest documents. */
type VsmGroup = Exclude<SynthesisGroup, 'prevention'>;

function groupLabel(group: VsmGroup): string {
  switch (group) {
    case 'problems': return msg('Problèmes et antécédents');
    case 'allergies': return msg('Allergies et intolérances');
    case 'riskFactors': return msg('Facteurs de risque');
    case 'treatments': return msg('Traitements au long cours');
    case 'pointsToWatch': return msg('Points de vigilance');
  }
}

const GROUPS: readonly VsmGroup[] = ['problems', 'allergies', 'riskFactors', 'treatments', 'pointsToWatch'];

/** One entry of the allergies or treatments, with where it comes from. */
interface SourcedItem {
  text: string;
  /** Set on the library's own words ("no known allergy"): everything else is the record's, in French. */
  ours?: true;
  detail?: string | undefined;
  source: Source;
}

function refusalLine(source: Source, reason: ReasonCode, own: boolean): TemplateResult {
  return html`<p class="muted">${msg(str`${sourceLabel(source, own)} : ${reasonText(reason)}`)}</p>`;
}

function sourcedList(items: readonly SourcedItem[], empty: string, own: boolean): TemplateResult {
  if (items.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<ul class="items">
    ${items.map(
      (item) => html`<li>
        <span class="item-text" lang=${item.ours ? nothing : 'fr'}>${item.text}</span>${item.detail ? html` <span class="meta" lang="fr">${item.detail}</span>` : nothing}
        <span class="source source--${item.source}">${sourceLabel(item.source, own)}</span>
      </li>`,
    )}
  </ul>`;
}

function latestCell(line: LatestLine, locale: Locale): TemplateResult {
  const doc = line.document;
  if (doc) {
    return html`<td class="doc-title" lang="fr">${doc.title}</td>
      <td><time datetime=${doc.serviceStart}>${formatDate(doc.serviceStart, locale)}</time></td>`;
  }
  return html`<td colspan="2" class="muted">${msg('Aucun document')}</td>`;
}

/** What is hidden is told for the whole dossier, never by category: that would say what a masked document is. */
function renderLatest({ latest: lines, hidden }: RecapContent, locale: Locale): TemplateResult {
  return html`<section class="card latest-card" aria-labelledby="recap-latest">
    <h3 id="recap-latest">${msg('Derniers documents par catégorie')}</h3>
    <table class="latest">
      <thead>
        <tr>
          <th scope="col">${msg('Catégorie')}</th>
          <th scope="col">${msg('Document le plus récent')}</th>
          <th scope="col">${msg('Date de l’acte')}</th>
        </tr>
      </thead>
      <tbody>
        ${lines.map((line) => html`<tr data-category=${line.category}><th scope="row">${categoryLabel(line.category)}</th>${latestCell(line, locale)}</tr>`)}
      </tbody>
    </table>
    ${Object.entries(hidden ?? {}).map(([reason, n]) => n > 0 ? html`<p class="muted hidden-count">${hiddenCountText(reason, n, locale)}</p>` : nothing)}
  </section>`;
}

function renderSynthesis(part: Part<Synthesis | undefined>, locale: Locale): TemplateResult {
  let body: unknown;
  if (!part.ok) body = html`<p class="muted">${reasonText(part.reason)}</p>`;
  else if (!part.value) body = html`<p class="muted">${msg('Aucune synthèse médicale n’a encore été rédigée.')}</p>`;
  else {
    const s = part.value;
    const active = s.content.problems.filter((p) => p.kind === 'active-problem' && p.status === 'active');
    body = html`<p class="meta">
        ${msg(str`Version ${s.version} du ${formatDate(s.savedAt, locale)}, par ${s.author.name}`)}
      </p>
      <dl class="counts">
        ${GROUPS.map((g) => html`<div><dt>${groupLabel(g)}</dt><dd>${formatNumber(s.content[g].length, locale)}</dd></div>`)}
      </dl>
      <h4>${msg('Problèmes actifs')}</h4>
      ${active.length === 0
        ? html`<p class="muted">${msg('Aucun problème actif.')}</p>`
        : html`<ul class="items">
            ${active.map((p) => html`<li><span class="item-text" lang="fr">${p.label}</span>${p.code ? html` <span class="meta">${p.code.system} ${p.code.code}</span>` : nothing}</li>`)}
          </ul>`}`;
  }
  return html`<section class="card" aria-labelledby="recap-synthesis">
    <h3 id="recap-synthesis">${msg('Synthèse médicale')}</h3>
    ${body}
  </section>`;
}

function allergiesOf(synthesis: Part<Synthesis | undefined>, declared: Part<Declared>): SourcedItem[] {
  const items: SourcedItem[] = [];
  const content = synthesis.ok ? synthesis.value?.content : undefined;
  if (content?.allergiesNoneKnown) items.push({ text: msg('Aucune allergie connue'), ours: true, source: 'synthesis' });
  for (const a of content?.allergies ?? []) {
    if (a.clinicalStatus === 'active') items.push({ text: a.agent, detail: a.reactions.join(', ') || undefined, source: 'synthesis' });
  }
  const profile = declared.ok && declared.value.kind === 'profile' ? declared.value.profile : undefined;
  if (profile?.allergiesNoneKnown) items.push({ text: msg('Aucune allergie connue'), ours: true, source: 'patient' });
  for (const a of profile?.allergies ?? []) items.push({ text: a.agent, detail: a.reaction, source: 'patient' });
  return items;
}

function treatmentsOf(synthesis: Part<Synthesis | undefined>, declared: Part<Declared>): SourcedItem[] {
  const items: SourcedItem[] = [];
  const content = synthesis.ok ? synthesis.value?.content : undefined;
  for (const t of content?.treatments ?? []) {
    if (t.status === 'active') items.push({ text: t.drug, detail: t.dosage, source: 'synthesis' });
  }
  const profile = declared.ok && declared.value.kind === 'profile' ? declared.value.profile : undefined;
  for (const t of profile?.treatments ?? []) items.push({ text: t.name, detail: t.dosage, source: 'patient' });
  return items;
}

function sourceNotes(synthesis: Part<Synthesis | undefined>, declared: Part<Declared>, own: boolean): TemplateResult {
  return html`${synthesis.ok ? nothing : refusalLine('synthesis', synthesis.reason, own)}
  ${!declared.ok
    ? refusalLine('patient', declared.reason, own)
    : declared.value.kind === 'unreadable'
      ? html`<p class="muted">
          ${own
            ? msg('Les informations que vous avez déclarées n’ont pas pu être lues : leur contenu n’est pas au format attendu.')
            : msg('Les informations déclarées par le patient n’ont pas pu être lues : leur contenu n’est pas au format attendu.')}
        </p>`
      : nothing}`;
}

function renderAllergiesAndTreatments(content: RecapContent, own: boolean): TemplateResult {
  const { synthesis, declared } = content;
  // With neither source readable, empty lists would wrongly say that nothing is known.
  const readable = synthesis.ok || (declared.ok && declared.value.kind !== 'unreadable');
  return html`<section class="card" aria-labelledby="recap-allergies">
    <h3 id="recap-allergies">${msg('Allergies et traitements')}</h3>
    ${sourceNotes(synthesis, declared, own)}
    ${readable ? sourcedLists(synthesis, declared, own) : nothing}
  </section>`;
}

function sourcedLists(synthesis: Part<Synthesis | undefined>, declared: Part<Declared>, own: boolean): TemplateResult {
  return html`<h4>${msg('Allergies et intolérances')}</h4>
    ${sourcedList(allergiesOf(synthesis, declared), msg('Aucune allergie renseignée.'), own)}
    <h4>${msg('Traitements au long cours')}</h4>
    ${sourcedList(treatmentsOf(synthesis, declared), msg('Aucun traitement renseigné.'), own)}`;
}

/**
 * The dossier's content in brief: newest documents, synthesis, allergies and treatments; `own`
 * when the patient reads their own.
 */
export function renderContent(content: RecapContent, locale: Locale, own: boolean): TemplateResult {
  return html`${renderLatest(content, locale)} ${renderSynthesis(content.synthesis, locale)} ${renderAllergiesAndTreatments(content, own)}`;
}

function emergencyLine(e: AccessLogEntry, locale: Locale): TemplateResult {
  return html`<li class="emergency-entry">
    <time datetime=${e.at}>${formatDateTime(e.at, locale)}</time>
    <span class="item-text">${e.actor.name}</span>
    <span class="badge badge--emergency">${modeLabel(e.mode)}</span>
    <span class="meta">${actionLabel(e.action)}${e.outcome === 'denied'
        ? html` — <span class="denied">${msg('refusé')}</span> (${loggedRefusalText(e.reason)})`
        : nothing}</span>
  </li>`;
}

/** The récapitulatif's emergency accesses of the last days, which only the patient's side sees. */
export function renderEmergencies(emergencies: Emergencies, locale: Locale): TemplateResult {
  const n = emergencies.entries.length;
  const days = emergencies.days;
  return html`<section class="card" aria-labelledby="recap-emergencies">
    <h3 id="recap-emergencies">${msg(str`Accès en urgence des ${days} derniers jours`)}</h3>
    ${n === 0
      ? html`<p class="muted">${msg(str`Aucun accès en urgence (bris de glace ou régulation) au cours des ${days} derniers jours.`)}</p>`
      : html`<ul class="items emergencies">
          ${emergencies.entries.map((e) => emergencyLine(e, locale))}
        </ul>`}
    ${emergencies.more
      ? html`<p class="meta">${msg('D’autres accès en urgence figurent dans l’historique des accès.')}</p>`
      : nothing}
  </section>`;
}
