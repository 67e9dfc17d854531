import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import { errorText, writeFailureText } from '../../i18n/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import type { Prevention } from '../../model/prevention.js';
import type { Synthesis, SynthesisVersion } from '../../model/synthesis.js';
import { diffSynthesis, mergeSynthesis, resolveMerge, type MergeConflict, type SynthesisDiff } from './diff.js';
import type { EditorContent, Entry } from './entries.js';
import { displayValue, entryTitle, listDef, type FieldDef, type ListDef } from './fields.js';
import { LIST_EDITS } from './list-edits.js';
import { narrativeHeading, noneKnownText, pair, renderReadView, valueOf, type ViewOptions } from './read-view.js';

/*
 * Two versions side by side: an older version against the current one, and the panel shown when
 * someone saved in between. Both are occasional, so the element fetches this module when one is
 * first needed.
 */

/**
 * The server's version with the user's work re-applied (see `mergeSynthesis`); where both changed
 * the same thing, the side the user picked in the conflict panel (their own unless they picked the server's).
 */
export function mergeWork(
  base: EditorContent | undefined,
  work: EditorContent,
  server: EditorContent,
  picks: Readonly<Record<string, 'mine' | 'theirs'>>,
): EditorContent {
  const result = mergeSynthesis(base, work, server);
  return resolveMerge(result, work, Object.fromEntries(result.conflicts.map((c) => [c.key, picks[c.key] ?? 'mine'] as const)));
}

/** The comparison's styles, adopted by the element with this module. */
export const compareStyles = css`
  .version-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .version-list li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--_dmp-space);
    padding: calc(var(--_dmp-space) / 2) 0;
    border-bottom: 1px solid var(--_dmp-color-surface-alt);
  }
  .diff {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .change-list {
    color: var(--_dmp-color-muted);
  }
  .change {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_dmp-space);
    padding: calc(var(--_dmp-space) / 2) var(--_dmp-space);
    margin-bottom: 2px;
    border-left: 4px solid var(--_dmp-color-border);
  }
  .change--added {
    background: var(--_dmp-color-diff-added);
    border-left-color: var(--_dmp-color-success);
  }
  .change--removed {
    background: var(--_dmp-color-diff-removed);
    border-left-color: var(--_dmp-color-error);
  }
  .change--removed .entry-title {
    text-decoration: line-through;
  }
  .change--changed {
    background: var(--_dmp-color-diff-changed);
  }
  .badge {
    font-weight: 700;
    text-transform: uppercase;
    font-size: 0.8em;
    align-self: center;
  }
  .fields-changed {
    flex-basis: 100%;
    margin: 0;
  }
  .conflict {
    border-color: var(--_dmp-color-error);
  }
  .pick {
    border: 1px solid var(--_dmp-color-border);
    border-radius: var(--_dmp-radius);
    margin-bottom: var(--_dmp-space);
  }
`;

/** What someone saved in between: a VSM version, the vaccinations and screenings, or both. */
/** What changed on the server since the edits began: a record saved meanwhile, or `null` when deleted meanwhile. */
export interface SavedMeanwhile {
  synthesis?: Synthesis | null | undefined;
  prevention?: Prevention | null | undefined;
}

function savedMeanwhileText({ synthesis, prevention }: SavedMeanwhile, locale: string | undefined): string {
  const texts: string[] = [];
  if (synthesis === null) texts.push(msg('Le volet de synthèse a été supprimé entre-temps.'));
  else if (synthesis) texts.push(msg(str`Version ${synthesis.version} enregistrée le ${formatDateTime(synthesis.savedAt, locale)} par ${synthesis.author.name}.`));
  if (prevention === null) texts.push(msg('Les vaccinations et dépistages ont été supprimés entre-temps.'));
  else if (prevention) texts.push(msg(str`Vaccinations et dépistages enregistrés le ${formatDateTime(prevention.savedAt, locale)} par ${prevention.author.name}.`));
  texts.push(msg('Vos modifications sont conservées.'));
  return texts.join(' ');
}

/** The question asked before the user's version replaces what was saved, or deleted, in between. */
export function overwriteText({ synthesis, prevention }: SavedMeanwhile): string {
  if (synthesis && prevention) {
    return msg(
      str`Remplacer la version ${synthesis.version} de ${synthesis.author.name} et les vaccinations et dépistages enregistrés par ${prevention.author.name} par les vôtres ? Leurs modifications ne seront pas reprises.`,
    );
  }
  if (synthesis) return msg(str`Remplacer la version ${synthesis.version} de ${synthesis.author.name} par la vôtre ? Ses modifications ne seront pas reprises.`);
  if (prevention) return msg(str`Remplacer les vaccinations et dépistages enregistrés par ${prevention.author.name} par les vôtres ? Ses modifications ne seront pas reprises.`);
  return msg('Enregistrer votre version à la place de ce qui a été supprimé entre-temps ?');
}

/** What the conflict panel shows, and what it calls back when the user chooses. */
export interface ConflictView {
  /** The version the user's edits started from; undefined when it could not be fetched. */
  readonly base: EditorContent | undefined;
  readonly work: EditorContent;
  /** What the server holds now, someone else's save included. */
  readonly server: EditorContent;
  readonly savedMeanwhile: SavedMeanwhile;
  readonly picks: Readonly<Record<string, 'mine' | 'theirs'>>;
  readonly locale: string | undefined;
  readonly view: ViewOptions;
  readonly saving: boolean;
  readonly saveError: unknown;
  /** The server's reasons for refusing the save that no field shows. */
  readonly refusedElsewhere: readonly string[];
  pickSide(key: string, side: 'mine' | 'theirs'): void;
  merge(): void;
  overwrite(event: Event): void;
  discard(event: Event): void;
}

/** The versions saved, as the server lists them: each but the `current` one may be shown and compared. */
export function renderVersionList(items: readonly SynthesisVersion[], current: number | undefined, locale: string | undefined, show: (version: number) => void): TemplateResult {
  return html`<ol class="version-list">
    ${items.map(
      (v) => html`<li>
        <span>
          ${msg(str`Version ${v.version}`)} · ${formatDateTime(v.savedAt, locale)} · ${v.author.name}
          ${v.version === current ? html`<strong>${msg('(actuelle)')}</strong>` : nothing}
        </span>
        ${v.version === current
          ? nothing
          : html`<button
              type="button"
              data-version=${v.version}
              aria-label=${msg(str`Afficher et comparer la version ${v.version}`)}
              @click=${() => show(v.version)}
            >
              ${msg('Afficher et comparer')}
            </button>`}
      </li>`,
    )}
  </ol>`;
}

/** An older version: what changed from it to the current one, and all it held. */
export function renderVersionView(old: Synthesis, current: Synthesis | null | undefined, view: ViewOptions, close: () => void): TemplateResult {
  return html`<section class="version-view" aria-labelledby="version-title">
    <h3 id="version-title" tabindex="-1">
      ${msg(str`Version ${old.version} du ${formatDateTime(old.savedAt, view.locale)}, par ${old.author.name}`)}
    </h3>
    <h4>${msg('Changements depuis cette version jusqu’à la version actuelle')}</h4>
    ${current ? renderDiff(diffSynthesis(old.content, current.content), view) : nothing}
    <details>
      <summary>${msg(str`Contenu complet de la version ${old.version}`)}</summary>
      ${renderReadView(old.content, view)}
    </details>
    <button type="button" @click=${close}>${msg('Fermer la comparaison')}</button>
  </section>`;
}

function changeBadge(kind: 'added' | 'removed' | 'changed'): string {
  switch (kind) {
    case 'added':
      return msg('Ajouté');
    case 'removed':
      return msg('Retiré');
    case 'changed':
      return msg('Modifié');
  }
}

function fieldOf(def: ListDef, name: string): FieldDef {
  return def.fields.find((f) => f.name === name) ?? { name, kind: 'text', label: () => name };
}

function fromTo(field: FieldDef, before: unknown, after: unknown, o: ViewOptions): string {
  const none = msg('(vide)');
  const b = displayValue(field, before, o.locale) || none;
  const a = displayValue(field, after, o.locale) || none;
  return msg(str`${field.label()} : ${b} → ${a}`);
}

/** The changes between two versions, entry by entry, highlighted by kind (in words too). */
export function renderDiff(diff: SynthesisDiff, o: ViewOptions): TemplateResult {
  if (diff.entries.length === 0 && diff.scalars.length === 0) {
    return html`<p class="muted">${msg('Aucune différence.')}</p>`;
  }
  return html`<ul class="diff" part="diff">
    ${diff.entries.map((change) => {
      const def = listDef(change.list);
      const entry = (change.after ?? change.before) as Entry;
      return html`<li class="change change--${change.kind}" part="change">
        <span class="badge">${changeBadge(change.kind)}</span>
        <span class="change-list">${def.heading()}</span>
        <span class="entry-title" lang="fr">${entryTitle(def, entry)}</span>
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

export function renderConflict(v: ConflictView): TemplateResult {
  const server = v.server;
  const result = mergeSynthesis(v.base, v.work, server);
  // While the overwrite is on its way, merging, discarding or picking a side would act on a
  // conflict the save is about to settle: all is inert but the line saying so, which keeps the
  // focus the Overwrite button had.
  return html`<section class="conflict notice" part="conflict" aria-labelledby="conflict-title" aria-busy=${v.saving ? 'true' : 'false'}>
    ${v.saving ? html`<p class="conflict-saving" tabindex="-1">${msg('Enregistrement de votre version…')}</p>` : nothing}
    <div class="conflict-body" ?inert=${v.saving}>
      <h3 id="conflict-title" tabindex="-1">${msg('Une autre version a été enregistrée pendant votre saisie')}</h3>
      <p role="alert">${savedMeanwhileText(v.savedMeanwhile, v.locale)}</p>
      ${v.base
        ? html`<h4>${msg('Ce qui a changé sur le serveur')}</h4>
            ${renderDiff(diffSynthesis(v.base, server), v.view)}`
        : html`<p class="base-missing">
            ${msg('La version dont vos modifications sont parties n’a pas pu être chargée : ce que chacun a changé ne peut pas être distingué. Choisissez pour chaque différence.')}
          </p>`}
      ${result.conflicts.length > 0
        ? html`<h4>${v.base ? msg('Modifié des deux côtés : choisissez') : msg('Différences entre votre version et celle du serveur')}</h4>
            ${result.conflicts.map((c, i) => renderPick(v, c, i))}`
        : nothing}
      <div class="actions">
        <button type="button" class="primary" data-action="merge" @click=${() => v.merge()}>${msg('Fusionner avec la version du serveur')}</button>
        <button type="button" data-action="overwrite" @click=${(e: Event) => v.overwrite(e)}>${msg('Écraser avec ma version')}</button>
        <button type="button" data-action="discard" @click=${(e: Event) => v.discard(e)}>${msg('Abandonner mes modifications')}</button>
      </div>
      ${v.saveError
        ? html`<p class="notice notice--error save-error" tabindex="-1">${writeFailureText(v.saveError, () => [errorText(v.saveError), ...v.refusedElsewhere].join(' '))}</p>`
        : nothing}
    </div>
  </section>`;
}

function renderPick(v: ConflictView, conflict: MergeConflict, index: number): TemplateResult {
  const pick = v.picks[conflict.key] ?? 'mine';
  const describe = (value: unknown) => {
    if (value === undefined) return msg('(retiré)');
    if (conflict.list) {
      const def = listDef(conflict.list);
      const entry = value as Entry;
      const fields = def.fields.filter((f) => f.name !== def.title).map((f) => displayValue(f, (entry as unknown as Record<string, unknown>)[f.name], v.locale));
      return [entryTitle(def, entry), ...fields].filter(Boolean).join(' · ');
    }
    return displayValue({ name: '', kind: 'text', label: () => '' }, value, v.locale);
  };
  const title = conflict.list ? LIST_EDITS[conflict.list].noun() : conflict.field === 'narrative' ? narrativeHeading(false) : noneKnownText();
  const side = (s: 'mine' | 'theirs', label: string, value: unknown) =>
    html`<label class="check">
      <input type="radio" name=${`pick-${index}`} .checked=${pick === s} @change=${() => v.pickSide(conflict.key, s)} />
      ${pair(label, describe(value))}
    </label>`;
  return html`<fieldset class="pick">
    <legend>${title}</legend>
    ${side('mine', msg('Ma version'), conflict.mine)}
    ${side('theirs', msg('Version du serveur'), conflict.theirs)}
  </fieldset>`;
}
