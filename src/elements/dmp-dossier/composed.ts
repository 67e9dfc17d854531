import { lazyModule } from '../../client/lazy-module.js';
import { defineElement } from '../../define.js';
import type { DossierTab } from './tabs.js';

/** The library's elements the dossier is made of. */
export type ComposedTag = 'dmp-document-list' | 'dmp-patient-profile' | 'dmp-consent-panel' | 'dmp-access-history' | 'dmp-break-glass';

/** The element shown in each tab but the récapitulatif, which is the dossier's own. */
export const TAB_ELEMENTS: Readonly<Record<Exclude<DossierTab, 'recap'>, ComposedTag>> = {
  documents: 'dmp-document-list',
  profile: 'dmp-patient-profile',
  management: 'dmp-consent-panel',
  history: 'dmp-access-history',
};

/** The element class `name` exports, from its module fetched on first use and again after a failure (lazyModule). */
function lazyClass<M, K extends keyof M & string>(load: () => Promise<M>, name: K, tag: ComposedTag): () => Promise<CustomElementConstructor> {
  const module = lazyModule(load, tag, name);
  return async () => (await module())[name] as CustomElementConstructor;
}

/**
 * Each element's code arrives the first time it is shown, not with the récapitulatif. The class
 * is registered here rather than by importing the element's own module for its side effect: a
 * bundler trusting package.json's "sideEffects" may drop such a module's registration.
 */
const LOADERS: Readonly<Record<ComposedTag, () => Promise<CustomElementConstructor>>> = {
  'dmp-document-list': lazyClass(() => import('../dmp-document-list/dmp-document-list.element.js'), 'DmpDocumentList', 'dmp-document-list'),
  'dmp-patient-profile': lazyClass(() => import('../dmp-patient-profile/dmp-patient-profile.element.js'), 'DmpPatientProfile', 'dmp-patient-profile'),
  'dmp-consent-panel': lazyClass(() => import('../dmp-consent-panel/dmp-consent-panel.element.js'), 'DmpConsentPanel', 'dmp-consent-panel'),
  'dmp-access-history': lazyClass(() => import('../dmp-access-history/dmp-access-history.element.js'), 'DmpAccessHistory', 'dmp-access-history'),
  'dmp-break-glass': lazyClass(() => import('../dmp-break-glass/dmp-break-glass.element.js'), 'DmpBreakGlass', 'dmp-break-glass'),
};

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

const loading = new Map<ComposedTag, Promise<void>>();

/** Loads and registers `tag` once; a failed load is tried again on the next call. */
export function loadElement(tag: ComposedTag): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  let promise = loading.get(tag);
  if (!promise) {
    promise = LOADERS[tag]().then((ctor) => defineElement(tag, ctor));
    loading.set(tag, promise);
    promise.catch(() => loading.delete(tag));
  }
  return promise;
}
