import { TYPE_CODE_LABELS } from './document-types.js';
import type { DmpDocument } from './document.js';

export const DOCUMENT_SORTS = ['date-desc', 'date-asc', 'title-asc', 'title-desc'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

/** Lower case without accents: "Échographie" matches "echo". Server and browser fold alike. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

// Folding is the costly part of a search; each document is folded once, on its first search.
const searchTexts = new WeakMap<DmpDocument, string>();

/** What a keyword search looks in: title, author, organisation and type, folded. */
function searchTextOf(doc: DmpDocument): string {
  let text = searchTexts.get(doc);
  if (text === undefined) {
    text = fold(`${doc.title} ${doc.author.name} ${doc.author.organisation ?? ''} ${TYPE_CODE_LABELS[doc.typeCode] ?? ''} ${doc.typeCode}`);
    searchTexts.set(doc, text);
  }
  return text;
}

/**
 * The keyword search of `q` (every word must appear), the same in the backend, the FHIR client
 * and the list filtering loaded rows; undefined when `q` holds no word.
 */
export function keywordMatcher(q: string | undefined): ((doc: DmpDocument) => boolean) | undefined {
  const words = fold(q ?? '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  return (doc) => {
    const text = searchTextOf(doc);
    return words.every((word) => text.includes(word));
  };
}
