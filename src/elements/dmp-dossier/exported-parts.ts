import type { ComposedTag } from './composed.js';

/** Each composed element's CSS parts, as its JSDoc documents them (checked by a test). */
export const COMPOSED_PARTS: Readonly<Record<ComposedTag, readonly string[]>> = {
  'dmp-document-list': ['base', 'patient', 'toolbar', 'hidden-notice', 'row', 'badge'],
  'dmp-patient-profile': ['base', 'patient', 'section', 'badge', 'form'],
  'dmp-consent-panel': ['base', 'patient', 'section', 'row', 'notice', 'dialog'],
  'dmp-access-history': ['base', 'patient', 'toolbar', 'table', 'row', 'badge'],
  'dmp-break-glass': ['base', 'patient', 'explanation', 'form', 'notice'],
};

/**
 * The `exportparts` value that lets a page style a composed element from outside the dossier:
 * its part `row` becomes the dossier's `document-list-row`, and so on for each part.
 */
export function exportedParts(tag: ComposedTag): string {
  const prefix = tag.slice('dmp-'.length);
  return COMPOSED_PARTS[tag].map((part) => `${part}: ${prefix}-${part}`).join(', ');
}
