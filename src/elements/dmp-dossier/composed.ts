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

/**
 * Each element's code arrives the first time it is shown, not with the récapitulatif. The class
 * is registered here rather than by importing the element's own module for its side effect: a
 * bundler trusting package.json's "sideEffects" may drop such a module's registration.
 */
const LOADERS: Readonly<Record<ComposedTag, () => Promise<CustomElementConstructor>>> = {
  'dmp-document-list': async () => (await import('../dmp-document-list/dmp-document-list.element.js')).DmpDocumentList,
  'dmp-patient-profile': async () => (await import('../dmp-patient-profile/dmp-patient-profile.element.js')).DmpPatientProfile,
  'dmp-consent-panel': async () => (await import('../dmp-consent-panel/dmp-consent-panel.element.js')).DmpConsentPanel,
  'dmp-access-history': async () => (await import('../dmp-access-history/dmp-access-history.element.js')).DmpAccessHistory,
  'dmp-break-glass': async () => (await import('../dmp-break-glass/dmp-break-glass.element.js')).DmpBreakGlass,
};

const loading = new Map<ComposedTag, Promise<string>>();

/**
 * Loads and registers `tag` once (a failed load is tried again on the next call), and gives the
 * `exportparts` value the dossier sets on it. The parts' table comes with the first element
 * loaded: the récapitulatif alone does not need it.
 */
export function loadElement(tag: ComposedTag): Promise<string> {
  let promise = loading.get(tag);
  if (!promise) {
    const registered = customElements.get(tag) ? Promise.resolve() : LOADERS[tag]().then((ctor) => defineElement(tag, ctor));
    promise = Promise.all([import('./exported-parts.js'), registered]).then(([parts]) => parts.exportedParts(tag));
    loading.set(tag, promise);
    promise.catch(() => loading.delete(tag));
  }
  return promise;
}
