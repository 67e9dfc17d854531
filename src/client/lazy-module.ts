import { DmpError } from './errors.js';

/** A module fetched on first use: call it for the module, or read `loaded` to use it only if it is here. */
export interface LazyModule<T> {
  (): Promise<T>;
  /** The module once fetched, for code that must not wait (a check on each keystroke). */
  readonly loaded: T | undefined;
  /** Starts the fetch so that a later call seldom waits; a failure here says nothing (the call that needs the module will). */
  prefetch(): void;
}

/**
 * The URL a browser's own failed `import()` names, last in its message (Chromium: "Failed to fetch
 * dynamically imported module: <url>", Firefox: "error loading dynamically imported module: <url>").
 * Nothing for any other error: a bundler's chunk loader (webpack's ChunkLoadError) retries itself.
 */
function failedUrl(error: unknown): string | undefined {
  if (!(error instanceof TypeError)) return undefined;
  return /dynamically imported module: (https?:\/\/\S+?)[.)]*$/.exec(error.message)?.[1];
}

/**
 * A module fetched on first use rather than with the page (see `npm run size`): the returned
 * function shares one fetch between callers, and after a failure (offline) fetches again on the
 * next call, rejecting meanwhile with a `network` DmpError that names `what` could not be loaded.
 * `exported`, one of the module's exports, lets a retry fetch it under another URL (see below).
 */
export function lazyModule<T>(load: () => Promise<T>, what: string, exported?: keyof T & string): LazyModule<T> {
  let pending: Promise<T> | undefined;
  let failedAt: string | undefined;
  let attempts = 0;
  // Some browsers keep a failed module's failure for its URL: imported again, it fails without a
  // fetch (Debian's Chromium 150 does, 156 does not). The module is then fetched again under the
  // URL it failed at, with a query added. What comes back is taken only if it is the module (it
  // has `exported`): a bundler may have put the module in a chunk of its own making, whose
  // exports only `load()` knows how to read; that one is then asked again.
  const fetchAgain = async (url: string): Promise<T> => {
    const module = (await import(/* @vite-ignore */ /* webpackIgnore: true */ `${url}${url.includes('?') ? '&' : '?'}retry=${++attempts}`)) as T;
    if (exported !== undefined && exported in (module as object)) return module;
    exported = undefined;
    failedAt = undefined;
    return load();
  };
  const get: { (): Promise<T>; loaded?: T; prefetch?: () => void } = () =>
    (pending ??= (failedAt ? fetchAgain(failedAt) : load()).then(
      (module) => (get.loaded = module),
      (error: unknown) => {
        pending = undefined;
        if (exported !== undefined) failedAt ??= failedUrl(error);
        throw new DmpError('network', `${what} could not be loaded`, { cause: error });
      },
    ));
  get.prefetch = () => void get().catch(() => undefined);
  return get as LazyModule<T>;
}
