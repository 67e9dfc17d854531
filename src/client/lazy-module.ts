import { DmpError } from './errors.js';

/**
 * A module fetched on first use rather than with the page (see `npm run size`): the returned
 * function shares one fetch between callers, and after a failure (offline) fetches again on the
 * next call, rejecting meanwhile with a `network` DmpError that names `what` could not be loaded.
 */
export function lazyModule<T>(load: () => Promise<T>, what: string): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw new DmpError('network', `${what} could not be loaded`, { cause: error });
    }));
}
