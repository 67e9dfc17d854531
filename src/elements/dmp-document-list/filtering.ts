import { CATEGORIES, TYPE_CODE_LABELS, type Category } from '../../model/category.js';
import { DOCUMENT_SORTS, type DmpDocument, type DocumentSort } from '../../model/document.js';

/** The server's own page size when none is asked for, and the most it accepts. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** Lower case without accents, as the backend folds: "Échographie" matches "echo". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

// Folding is the costly part of a search; each document is folded once, on first search.
const haystacks = new WeakMap<DmpDocument, string>();

/** The text a keyword is looked for in: the same fields as the backend's `q`, so both agree. */
function haystackOf(doc: DmpDocument): string {
  let text = haystacks.get(doc);
  if (text === undefined) {
    text = fold(`${doc.title} ${doc.author.name} ${doc.author.organisation ?? ''} ${TYPE_CODE_LABELS[doc.typeCode] ?? ''} ${doc.typeCode}`);
    haystacks.set(doc, text);
  }
  return text;
}

/** The documents holding every word of `query`, in their order; `items` itself when there is no word. */
export function filterByKeywords(items: readonly DmpDocument[], query: string): readonly DmpDocument[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return items;
  return items.filter((doc) => {
    const text = haystackOf(doc);
    return words.every((word) => text.includes(word));
  });
}

/** Attribute values a host may get wrong fall back to "no filter" rather than an error. */
export function validCategory(value: string | undefined): Category | undefined {
  return (CATEGORIES as readonly string[]).includes(value ?? '') ? (value as Category) : undefined;
}

export function validDate(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? undefined : value;
}

export function validSort(value: string | undefined): DocumentSort {
  return (DOCUMENT_SORTS as readonly string[]).includes(value ?? '') ? (value as DocumentSort) : 'date-desc';
}

export function validPageSize(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(value)));
}

export function validText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
