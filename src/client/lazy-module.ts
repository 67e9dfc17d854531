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
 * A module fetched on first use rather than with the page (see `npm run size`): the returned
 * function shares one fetch between callers, and after a failure (offline) fetches again on the
 * next call, rejecting meanwhile with a `network` DmpError that names `what` could not be loaded.
 */
export function lazyModule<T>(load: () => Promise<T>, what: string): LazyModule<T> {
  let pending: Promise<T> | undefined;
  const get: { (): Promise<T>; loaded?: T; prefetch?: () => void } = () =>
    (pending ??= load().then(
      (module) => (get.loaded = module),
      (error: unknown) => {
        pending = undefined;
        throw new DmpError('network', `${what} could not be loaded`, { cause: error });
      },
    ));
  get.prefetch = () => void get().catch(() => undefined);
  return get as LazyModule<T>;
}
