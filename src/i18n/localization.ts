import { configureLocalization, type LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';

export type DmpLocale = typeof sourceLocale | (typeof targetLocales)[number];
export const LOCALES: readonly DmpLocale[] = [sourceLocale, ...targetLocales];

/** Written out (not a template import) so every bundler sees and splits each locale. */
const LOADERS: Record<(typeof targetLocales)[number], () => Promise<LocaleModule>> = {
  en: () => import('./generated/en.js'),
};

let localization: ReturnType<typeof configureLocalization> | undefined;

/**
 * @lit/localize may be configured once per page; the first provider does it and later providers
 * (another bundle of ours on the same intranet page included) share the same instance.
 */
const GLOBAL_KEY = Symbol.for('dmp-elements/localization');
type GlobalWithLocalization = typeof globalThis & { [GLOBAL_KEY]?: ReturnType<typeof configureLocalization> };

function localizationInstance() {
  const g = globalThis as GlobalWithLocalization;
  localization ??= g[GLOBAL_KEY] ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (locale) => LOADERS[locale as (typeof targetLocales)[number]](),
  });
  return localization;
}

export function isDmpLocale(value: string): value is DmpLocale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Switches every element on the page to `locale`; resolves once its strings are loaded. */
export async function setDmpLocale(locale: string): Promise<void> {
  const target = isDmpLocale(locale) ? locale : sourceLocale;
  // Always asked, even when `getLocale()` already says `target`: another locale may still be
  // loading, and only a newer request cancels it.
  await localizationInstance().setLocale(target);
}

