import { DEMO_CIM10 } from './cim10.js';
import { DEMO_DRUGS } from './drugs.js';

/*
 * The suggestion lists of the coded fields. The editor imports this module with import() the
 * first time the user types in such a field, so the lists are not part of its first load.
 */

/** One suggestion: a CIM-10 code, or a drug by CIS with its ATC code. */
export interface CodeOption {
  code: string;
  label: string;
  atc?: string;
}

export type CodeList = 'cim10' | 'drugs';

/**
 * Lowercase, without accents, ligatures or hyphens, so "oedeme" finds "Œdème" and
 * "gastro-oesophagien" or "Gougerot-Sjogren" find the official "gastroœsophagien" and
 * "Gougerot–Sjögren" (CIM-10 FR writes some compounds solid, others with an en dash).
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/’/g, "'")
    .replace(/[-\u2010-\u2015]/g, '');
}

interface Indexed {
  option: CodeOption;
  code: string;
  label: string;
  haystack: string;
}

function indexOf(options: CodeOption[]): Indexed[] {
  return options.map((option) => {
    const code = fold(option.code);
    const label = fold(option.label);
    return { option, code, label, haystack: `${code} ${option.atc ? fold(option.atc) : ''} ${label}` };
  });
}

const lists: Record<CodeList, () => Indexed[]> = {
  cim10: lazy(() => indexOf(DEMO_CIM10.map((c) => ({ code: c.code, label: c.label })))),
  drugs: lazy(() => indexOf(DEMO_DRUGS.map((d) => ({ code: d.cis, atc: d.atc, label: d.label })))),
};

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Best first: code prefix, then label prefix, then a word of the label, then anywhere. */
function rank(item: Indexed, query: string): number {
  if (item.code.startsWith(query)) return 0;
  if (item.label.startsWith(query)) return 1;
  if (item.label.includes(` ${query}`)) return 2;
  return 3;
}

/**
 * Suggestions for `text`, searched by code or label, accent- and case-insensitive; every word
 * typed must appear.
 */
export function searchCodes(list: CodeList, text: string, limit = 8): CodeOption[] {
  const query = fold(text).trim();
  if (!query) return [];
  const words = query.split(/\s+/);
  return lists[list]()
    .filter((item) => words.every((w) => item.haystack.includes(w)))
    .map((item) => ({ item, rank: rank(item, query) }))
    .sort((a, b) => a.rank - b.rank || a.item.label.localeCompare(b.item.label))
    .slice(0, limit)
    .map(({ item }) => item.option);
}
