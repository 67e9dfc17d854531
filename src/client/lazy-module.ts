import { DmpError } from './errors.js';

/** A module fetched on first use: call it for the module, or read `loaded` to use it only if it is here. */
export interface LazyModule<T> {
  (): Promise<T>;
  /** The module once fetched, for code that must not wait (a check on each keystroke). */
  readonly loaded: T | undefined;
  /** Starts the fetch so that a later call seldom waits; a failure here says nothing (the call that needs the module will). */
  prefetch(): void;
}

/** The URL a failed dynamic import names in its message (Chromium and Firefox name it; Safari does not). */
function failedUrl(error: unknown): string | undefined {
  return /\bhttps?:\/\/[^\s'"]+/.exec(String((error as Error | undefined)?.message))?.[0];
}

/**
 * A module fetched on first use rather than with the page (see `npm run size`): the returned
 * function shares one fetch between callers, and after a failure (offline) fetches again on the
 * next call, rejecting meanwhile with a `network` DmpError that names `what` could not be loaded.
 * `load` imports a module (its namespace, as `import()` gives it).
 */
export function lazyModule<T>(load: () => Promise<T>, what: string): LazyModule<T> {
  let pending: Promise<T> | undefined;
  let failed: string | undefined;
  let attempts = 0;
  // Some browsers keep a failed module's failure for its URL: imported again, it fails without a
  // fetch (Debian's Chromium 150 does, 156 does not). The module is fetched again under another
  // URL, the one it failed at with a query added.
  const again = (url: string) =>
    import(/* @vite-ignore */ /* webpackIgnore: true */ `${url}${url.includes('?') ? '&' : '?'}retry=${++attempts}`) as Promise<T>;
  const get: { (): Promise<T>; loaded?: T; prefetch?: () => void } = () =>
    (pending ??= (failed ? again(failed) : load()).then(
      (module) => (get.loaded = module),
      (error: unknown) => {
        pending = undefined;
        failed ??= failedUrl(error);
        throw new DmpError('network', `${what} could not be loaded`, { cause: error });
      },
    ));
  get.prefetch = () => void get().catch(() => undefined);
  return get as LazyModule<T>;
}
