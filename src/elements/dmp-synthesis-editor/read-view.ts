import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { SYNTHESIS_GROUPS, type SynthesisGroup } from '../../model/synthesis-shape.js';
import { entriesOf, type Entry, type ShownContent, type TypedCode } from './entries.js';
import { LISTS, displayValue, entryTitle, groupHeading, type FieldDef, type ListDef, type Wording } from './fields.js';

/*
 * The read view: pure templates of a content, used for the current version, an older one and the
 * print. The comparison is drawn by compare-view.ts.
 */

export interface ViewOptions {
  locale: string | undefined;
  /** Plain headings and no codes for the patient's side, worded for the reader. */
  plain: Wording;
}

export function valueOf(entry: Entry, field: string): unknown {
  return (entry as unknown as Record<string, unknown>)[field];
}

/** `Label : value`, with the punctuation of the language. */
export function pair(label: string, value: string): string {
  return msg(str`${label} : ${value}`);
}

function shownFields(def: ListDef, o: ViewOptions): FieldDef[] {
  return def.fields.filter((f) => f.name !== def.title && f.name !== 'note' && !(o.plain && f.code));
}

function renderEntry(def: ListDef, entry: Entry, o: ViewOptions): TemplateResult {
  const meta = shownFields(def, o)
    .map((f) => [f, displayValue(f, valueOf(entry, f.name), o.locale), (valueOf(entry, f.name) as TypedCode | undefined)?.typed] as const)
    .filter(([, v]) => v !== '')
    // A working copy printed with a CIM-10 text not picked yet (see TypedCode): no code, says so.
    .map(([f, v, typed]) => pair(f.label(), typed === undefined ? v : msg(str`${v} (aucun code choisi)`)));
  const note = valueOf(entry, 'note');
  return html`<li class="entry" part="entry">
    <span class="entry-title" lang="fr">${entryTitle(def, entry)}</span>
    ${meta.length > 0 ? html`<span class="entry-meta">${meta.join(' · ')}</span>` : nothing}
    ${note ? html`<span class="entry-note" lang="fr">${note}</span>` : nothing}
  </li>`;
}

function emptyText(o: ViewOptions): string {
  return o.plain ? msg('Rien n’est indiqué.') : msg('Non renseigné');
}

function renderList(def: ListDef, content: ShownContent, o: ViewOptions, withHeading: boolean): TemplateResult {
  const entries = entriesOf(content, def.list);
  return html`${withHeading ? html`<h4>${def.heading()}</h4>` : nothing}
    ${entries.length > 0
      ? html`<ul class="entries">${entries.map((e) => renderEntry(def, e, o))}</ul>`
      : def.list === 'allergies' && content.allergiesNoneKnown
        ? nothing
        : html`<p class="muted">${emptyText(o)}</p>`}`;
}

/** `Aucune allergie connue` is a statement, not the absence of entries. */
export function noneKnownText(): string {
  return msg('Aucune allergie connue');
}

export function narrativeHeading(plain: Wording): string {
  return plain === 'patient'
    ? msg('Le mot de votre médecin')
    : plain
      ? msg('Le mot de son médecin')
      : msg('Commentaire général');
}

/** The lists of a group, in order. */
export function listsOf(group: SynthesisGroup): ListDef[] {
  return LISTS.filter((d) => d.group === group);
}

/**
 * The whole synthesis, group by group, for reading and printing. Prevention is drawn when the
 * content holds it (an older VSM version does not), or with the reason it is not shown.
 */
export function renderReadView(content: ShownContent, o: ViewOptions, preventionRefused?: string): TemplateResult {
  const withPrevention = content.vaccinations !== undefined || preventionRefused !== undefined;
  return html`<div class="read" part="read">
    ${SYNTHESIS_GROUPS.filter((group) => group !== 'prevention' || withPrevention).map((group) => {
      const lists = listsOf(group);
      return html`<section class="group" part="group">
        <h3>${groupHeading(group, o.plain)}</h3>
        ${group === 'allergies' && content.allergiesNoneKnown ? html`<p class="statement">${noneKnownText()}</p>` : nothing}
        ${group === 'prevention' && preventionRefused !== undefined
          ? html`<p class="muted">${preventionRefused}</p>`
          : lists.map((def) => renderList(def, content, o, lists.length > 1))}
      </section>`;
    })}
    ${content.narrative
      ? html`<section class="group" part="group">
          <h3>${narrativeHeading(o.plain)}</h3>
          <p class="narrative" lang="fr">${content.narrative}</p>
        </section>`
      : nothing}
  </div>`;
}

