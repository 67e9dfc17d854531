import { CATEGORIES, type Category } from '../../model/category.js';
import type { DmpDocument } from '../../model/document.js';
import { DOCUMENT_SORTS, keywordMatcher, type DocumentSort } from '../../model/document-search.js';

/** The server's own page size when none is asked for, and the most it accepts. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** The documents holding every word of `query`, in their order; `items` itself when there is no word. */
export function filterByKeywords(items: readonly DmpDocument[], query: string): readonly DmpDocument[] {
  const matches = keywordMatcher(query);
  return matches ? items.filter(matches) : items;
}

/** Attribute values a host may get wrong fall back to "no filter" rather than an error. */
export function validCategory(value: string | undefined): Category | undefined {
  return (CATEGORIES as readonly string[]).includes(value ?? '') ? (value as Category) : undefined;
}

export function validDate(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? undefined : value;
}

/** `value` when it is one of the orders the client can give, else the newest first. */
export function validSort(value: string | undefined, offered: readonly string[] = DOCUMENT_SORTS): DocumentSort {
  return offered.includes(value ?? '') ? (value as DocumentSort) : 'date-desc';
}

export function validPageSize(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(value)));
}

export function validText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
