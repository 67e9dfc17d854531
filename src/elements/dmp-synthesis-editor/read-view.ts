import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { SynthesisContent } from '../../model/synthesis.js';
import { SYNTHESIS_GROUPS, type SynthesisGroup } from '../../model/synthesis-shape.js';
import type { Entry, SynthesisDiff } from './diff.js';
import { LISTS, displayValue, entryTitle, groupHeading, listDef, type FieldDef, type ListDef } from './fields.js';

/*
 * The read view and the comparison view: pure templates of a content (or a diff), used for the
 * current version, an older one, the print and the conflict panel.
 */

export interface ViewOptions {
  locale: string | undefined;
  /** The patient's own words: plain headings, no codes. */
  plain: boolean;
}

function valueOf(entry: Entry, field: string): unknown {
  return (entry as unknown as Record<string, unknown>)[field];
}

/** `Label : value`, with the punctuation of the language. */
export function pair(label: string, value: string): string {
  return msg(str`${label} : ${value}`, { id: 'synthesis-editor.pair' });
}

function shownFields(def: ListDef, o: ViewOptions): FieldDef[] {
  return def.fields.filter((f) => f.name !== def.title && f.name !== 'note' && !(o.plain && f.code));
}

function renderEntry(def: ListDef, entry: Entry, o: ViewOptions): TemplateResult {
  const meta = shownFields(def, o)
    .map((f) => [f, displayValue(f, valueOf(entry, f.name), o.locale)] as const)
    .filter(([, v]) => v !== '')
    .map(([f, v]) => pair(f.label(), v));
  const note = valueOf(entry, 'note');
  return html`<li class="entry" part="entry">
    <span class="entry-title">${entryTitle(def, entry)}</span>
    ${meta.length > 0 ? html`<span class="entry-meta">${meta.join(' · ')}</span>` : nothing}
    ${note ? html`<span class="entry-note">${note}</span>` : nothing}
  </li>`;
}

function emptyText(o: ViewOptions): string {
  return o.plain ? msg('Rien n’est indiqué.', { id: 'synthesis-editor.empty-group.plain' }) : msg('Non renseigné', { id: 'synthesis-editor.empty-group' });
}

function renderList(def: ListDef, content: SynthesisContent, o: ViewOptions, withHeading: boolean): TemplateResult {
  const entries = content[def.list] as Entry[];
  return html`${withHeading ? html`<h4>${def.heading()}</h4>` : nothing}
    ${entries.length > 0
      ? html`<ul class="entries">${entries.map((e) => renderEntry(def, e, o))}</ul>`
      : def.list === 'allergies' && content.allergiesNoneKnown
        ? nothing
        : html`<p class="muted">${emptyText(o)}</p>`}`;
}

/** `Aucune allergie connue` is a statement, not the absence of entries. */
export function noneKnownText(): string {
  return msg('Aucune allergie connue', { id: 'synthesis-editor.none-known' });
}

export function narrativeHeading(plain: boolean): string {
  return plain
    ? msg('Le mot de votre médecin', { id: 'synthesis-editor.narrative.plain' })
    : msg('Commentaire général', { id: 'synthesis-editor.narrative' });
}

/** The lists of a group, in order. */
export function listsOf(group: SynthesisGroup): ListDef[] {
  return LISTS.filter((d) => d.group === group);
}

/** The whole synthesis, group by group, for reading and printing. */
export function renderReadView(content: SynthesisContent, o: ViewOptions): TemplateResult {
  return html`<div class="read" part="read">
    ${SYNTHESIS_GROUPS.map((group) => {
      const lists = listsOf(group);
      return html`<section class="group" part="group">
        <h3>${groupHeading(group, o.plain)}</h3>
        ${group === 'allergies' && content.allergiesNoneKnown ? html`<p class="statement">${noneKnownText()}</p>` : nothing}
        ${lists.map((def) => renderList(def, content, o, lists.length > 1))}
      </section>`;
    })}
    ${content.narrative
      ? html`<section class="group" part="group">
          <h3>${narrativeHeading(o.plain)}</h3>
          <p class="narrative">${content.narrative}</p>
        </section>`
      : nothing}
  </div>`;
}

function changeBadge(kind: 'added' | 'removed' | 'changed'): string {
  switch (kind) {
    case 'added':
      return msg('Ajouté', { id: 'synthesis-editor.diff.added' });
    case 'removed':
      return msg('Retiré', { id: 'synthesis-editor.diff.removed' });
    case 'changed':
      return msg('Modifié', { id: 'synthesis-editor.diff.changed' });
  }
}

function fieldOf(def: ListDef, name: string): FieldDef {
  return def.fields.find((f) => f.name === name) ?? { name, kind: 'text', label: () => name };
}

function fromTo(field: FieldDef, before: unknown, after: unknown, o: ViewOptions): string {
  const none = msg('(vide)', { id: 'synthesis-editor.diff.empty' });
  const b = displayValue(field, before, o.locale) || none;
  const a = displayValue(field, after, o.locale) || none;
  return msg(str`${field.label()} : ${b} → ${a}`, { id: 'synthesis-editor.diff.from-to' });
}

/** The changes between two versions, entry by entry, highlighted by kind (in words too). */
export function renderDiff(diff: SynthesisDiff, o: ViewOptions): TemplateResult {
  if (diff.entries.length === 0 && diff.scalars.length === 0) {
    return html`<p class="muted">${msg('Aucune différence.', { id: 'synthesis-editor.diff.none' })}</p>`;
  }
  return html`<ul class="diff" part="diff">
    ${diff.entries.map((change) => {
      const def = listDef(change.list);
      const entry = (change.after ?? change.before) as Entry;
      return html`<li class="change change--${change.kind}" part="change">
        <span class="badge">${changeBadge(change.kind)}</span>
        <span class="change-list">${def.heading()}</span>
        <span class="entry-title">${entryTitle(def, entry)}</span>
        ${change.kind === 'changed'
          ? html`<ul class="fields-changed">
              ${change.fields.map((name) => html`<li>${fromTo(fieldOf(def, name), valueOf(change.before as Entry, name), valueOf(entry, name), o)}</li>`)}
            </ul>`
          : nothing}
      </li>`;
    })}
    ${diff.scalars.map((change) => {
      const field: FieldDef =
        change.field === 'narrative'
          ? { name: 'narrative', kind: 'textarea', label: () => narrativeHeading(o.plain) }
          : { name: 'allergiesNoneKnown', kind: 'text', label: noneKnownText };
      return html`<li class="change change--changed" part="change">
        <span class="badge">${changeBadge('changed')}</span>
        <span class="entry-title">${fromTo(field, change.before, change.after, o)}</span>
      </li>`;
    })}
  </ul>`;
}
