import type { DmpDocument, DocumentQuery } from '../../src/model/document.js';

/**
 * Searches that narrow a list around `target` (a document hidden from the caller) or away from
 * it: the hidden counts a list tells must move with none of them, or they would say what it is.
 */
export function searchesAround(target: DmpDocument): DocumentQuery[] {
  const day = target.serviceStart.slice(0, 10);
  return [
    { category: target.category },
    { category: target.category === 'prevention' ? 'imaging' : 'prevention' },
    { from: day, to: day },
    { from: '2001-01-01', to: '2001-01-02' },
    { authorProfession: target.author.profession },
    { authorProfession: '91' },
    { status: 'current' },
    { q: target.title },
  ];
}
