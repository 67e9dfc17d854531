import { msg, str } from '@lit/localize';
import { lazyModule } from '../../client/lazy-module.js';
import { newEntryId } from '../base/new-entry-id.js';
import type { CodeOption } from './codes/index.js';
import type { Combo } from './edit-view.js';
import { entriesOf, type EditorContent, type Entry, type EntryList, type TypedCode } from './entries.js';
import { displayValue, type FieldDef, type ListDef } from './fields.js';
import { LIST_EDITS } from './list-edits.js';
import { fieldKey, type FieldProblem } from './validation.js';

/*
 * What the form's controls do to the work: edit a field, add, move or remove an entry, pick a
 * code. Only those who may write reach them, so they come with the form's module; the element
 * keeps the state they change (`EditorHost`), which outlives the form.
 */

/** The editor's state as the editing actions read and change it. */
export interface EditorHost {
  readonly work: EditorContent;
  setWork(content: EditorContent): void;
  /** Fields the user has been in: their problems are shown. */
  touched: ReadonlySet<string>;
  /**
   * Fields holding text that is no value yet, and why: a date the browser cannot read, whose text
   * stays in its field until the user fixes it.
   */
  badInputs: ReadonlyMap<string, FieldProblem>;
  combo: Combo | undefined;
  /** True while the element renders. */
  readonly rendering: boolean;
  /** Says `text` to assistive technologies. */
  announce(text: string): void;
  /** Focuses `selector` once the pending (or a new) render is done. */
  focusLater(selector: string): Promise<unknown>;
}

/** Loaded at the first keystroke in a coded field. */
const loadCodes = lazyModule(() => import('./codes/index.js'), 'The code lists', 'searchCodes');

const entrySelector = (id: string) => `[data-entry="${CSS.escape(id)}"]`;

/** Leaving a coded field (or Escape): its suggestions close, and its text is judged (see `handleComboInput`). */
export function closeCombo(host: EditorHost, key: string): void {
  if (host.combo?.key === key) host.combo = undefined;
  host.touched = new Set(host.touched).add(key);
}

function updateEntry(host: EditorHost, list: EntryList, id: string, patch: (entry: Record<string, unknown>) => void): void {
  const next = entriesOf(host.work, list).map((entry) => {
    if (entry.id !== id) return entry;
    const copy = { ...entry } as Record<string, unknown>;
    patch(copy);
    return copy as unknown as Entry;
  });
  host.setWork({ ...host.work, [list]: next });
}

function setField(host: EditorHost, list: EntryList, id: string, field: FieldDef, value: unknown): void {
  host.touched = new Set(host.touched).add(fieldKey(list, id, field.name));
  updateEntry(host, list, id, (entry) => {
    if (value === undefined || (value === '' && !field.required)) delete entry[field.name];
    else entry[field.name] = value;
  });
}

export function handleInput(host: EditorHost, list: EntryList, id: string, field: FieldDef, event: Event): void {
  const control = event.target as HTMLInputElement;
  const value = control.value;
  if (field.kind === 'lines') {
    setField(host, list, id, field, value.split('\n').map((line) => line.trim()).filter(Boolean));
  } else if (field.kind === 'date') {
    trackDate(host, control, fieldKey(list, id, field.name));
    setField(host, list, id, field, value || (field.required ? '' : undefined));
  } else {
    setField(host, list, id, field, value);
  }
}

function flagInput(host: EditorHost, key: string, problem: FieldProblem | undefined): void {
  if (host.badInputs.get(key)?.code === problem?.code) return;
  const next = new Map(host.badInputs);
  if (problem) next.set(key, problem);
  else next.delete(key);
  host.badInputs = next;
}

function trackDate(host: EditorHost, control: HTMLInputElement, key: string): void {
  flagInput(host, key, control.validity.badInput ? { code: 'date' } : undefined);
}

/** Leaving a field shows its problems; a half-typed date fires no input, so check it here. */
export function handleFocusOut(host: EditorHost, event: FocusEvent): void {
  const control = event.target as HTMLInputElement;
  const key = control.dataset?.key;
  // A field losing focus because a render removes it (its entry removed) is not the user leaving it.
  if (!key || host.rendering) return;
  if (control.type === 'date') trackDate(host, control, key);
  if (!host.touched.has(key)) host.touched = new Set(host.touched).add(key);
}

export function addEntry(host: EditorHost, def: ListDef): void {
  const edit = LIST_EDITS[def.list];
  const entry = { id: newEntryId(edit.prefix), ...edit.create() } as Entry;
  const next: EditorContent = { ...host.work, [def.list]: [...entriesOf(host.work, def.list), entry] };
  if (def.list === 'allergies') next.allergiesNoneKnown = false;
  host.setWork(next);
  void host.focusLater(`${entrySelector(entry.id)} [data-key]`);
}

export function removeEntry(host: EditorHost, def: ListDef, index: number): void {
  const entries = [...entriesOf(host.work, def.list)];
  const [removed] = entries.splice(index, 1);
  const prefix = fieldKey(def.list, removed?.id ?? '', '');
  host.badInputs = new Map([...host.badInputs].filter(([key]) => !key.startsWith(prefix)));
  host.setWork({ ...host.work, [def.list]: entries });
  host.announce(msg('Entrée retirée.'));
  const next = entries[index] ?? entries[index - 1];
  void host.focusLater(next ? `${entrySelector(next.id)} [data-key]` : `[data-add="${def.list}"]`);
}

export function moveEntry(host: EditorHost, def: ListDef, index: number, by: -1 | 1): void {
  const entries = [...entriesOf(host.work, def.list)];
  const [entry] = entries.splice(index, 1);
  if (!entry) return;
  const to = index + by;
  entries.splice(to, 0, entry);
  host.setWork({ ...host.work, [def.list]: entries });
  host.announce(msg(str`Entrée déplacée en position ${to + 1} sur ${entries.length}.`));
  // Focus follows the entry; at either end the other move button takes it.
  const up = to > 0;
  const down = to < entries.length - 1;
  const action = (by < 0 ? up : !down) ? 'up' : 'down';
  void host.focusLater(`${entrySelector(entry.id)} [data-action="${action}"]`);
}

export function setScalar(host: EditorHost, field: 'allergiesNoneKnown' | 'narrative', value: boolean | string): void {
  const next = { ...host.work } as Record<string, unknown>;
  if (value === '') delete next[field];
  else next[field] = value;
  host.touched = new Set(host.touched).add(field);
  host.setWork(next as EditorContent);
}

// Coded fields: suggestions from the code lists, fetched at the first keystroke.

async function suggest(host: EditorHost, key: string, list: 'cim10' | 'drugs', text: string): Promise<void> {
  host.combo = { key, query: text, options: host.combo?.key === key ? host.combo.options : [], active: -1 };
  // Offline before the lists came: no suggestions, and the field takes free text as ever.
  const codes = await loadCodes().catch(() => undefined);
  if (!codes || host.combo?.key !== key || host.combo.query !== text) return;
  const { searchCodes } = codes;
  host.combo = { ...host.combo, options: searchCodes(list, text) };
}

export function pick(host: EditorHost, list: EntryList, id: string, field: FieldDef, option: CodeOption): void {
  const key = fieldKey(list, id, field.name);
  closeCombo(host, key);
  updateEntry(host, list, id, (entry) => {
    if (field.kind === 'drug') {
      entry.drug = option.label;
      entry.cis = option.code;
      if (option.atc) entry.atc = option.atc;
      return;
    }
    entry.code = { system: 'CIM-10', code: option.code, label: option.label };
    if (!String(entry.label ?? '').trim()) entry.label = option.label;
  });
}

export function handleComboInput(host: EditorHost, list: EntryList, id: string, field: FieldDef, event: Event): void {
  const value = (event.target as HTMLInputElement).value;
  const key = fieldKey(list, id, field.name);
  if (field.kind === 'drug') {
    // A name typed by hand is free text: the codes of a previously picked drug no longer apply.
    host.touched = new Set(host.touched).add(key);
    updateEntry(host, list, id, (entry) => {
      entry.drug = value;
      delete entry.cis;
      delete entry.atc;
    });
  } else {
    // A CIM-10 code is only ever picked from the list. Text that is not the code picked stays in
    // the work as `typed`, so that drafts and merges keep it, and the checks refuse it until the
    // user picks a code or clears the field (the element says so once the list is closed).
    updateEntry(host, list, id, (entry) => {
      const { typed: _, ...code } = (entry.code ?? {}) as TypedCode;
      if (!value.trim()) delete entry.code;
      else entry.code = value.trim() === displayValue(field, code, undefined) ? code : { ...code, typed: value };
    });
  }
  void suggest(host, key, field.kind === 'drug' ? 'drugs' : 'cim10', value);
}

export function handleComboKey(host: EditorHost, list: EntryList, id: string, field: FieldDef, event: KeyboardEvent): void {
  const key = fieldKey(list, id, field.name);
  const combo = host.combo?.key === key ? host.combo : undefined;
  const count = combo?.options.length ?? 0;
  switch (event.key) {
    case 'ArrowDown':
    case 'ArrowUp':
      event.preventDefault();
      if (!combo) {
        void suggest(host, key, field.kind === 'drug' ? 'drugs' : 'cim10', (event.target as HTMLInputElement).value);
      } else if (count > 0) {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const active = (combo.active + step + count) % count;
        host.combo = { ...combo, active };
        // The suggestion Enter would pick stays in sight, in a list taller than its box.
        const input = event.target as HTMLInputElement;
        requestAnimationFrame(() => (input.getRootNode() as ShadowRoot).getElementById(`${input.id}-list-${active}`)?.scrollIntoView({ block: 'nearest' }));
      }
      return;
    case 'Enter': {
      const option = combo?.options[combo.active];
      if (option) {
        event.preventDefault();
        pick(host, list, id, field, option);
      }
      return;
    }
    case 'Escape':
      // WAI-ARIA combobox: Escape closes the list and keeps what was typed.
      if (combo) {
        event.preventDefault();
        closeCombo(host, key);
      }
      return;
  }
}

