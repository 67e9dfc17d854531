import { isDmpError, type DmpError } from '../client/errors.js';
import type { DmpClient } from '../client/types.js';

/**
 * `client` as the elements get it: a call it fails as `unauthorized` (the server's 401, or
 * `authHeaders` failing to give a token) is also told to `refused`, for the provider to tell the
 * host, whose login it is. Calls refused together (a token expired under several elements) are one
 * login to ask for: told once, and again only once a call got an answer from the server since.
 * The call still fails to its caller, as it did, and a failure no one handles is still reported
 * as unhandled.
 */
export function watchUnauthorized(client: DmpClient, refused: (error: DmpError) => void): DmpClient {
  let told = false;
  return new Proxy(client, {
    get(target, name) {
      const member: unknown = Reflect.get(target, name, target);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const result: unknown = member.apply(target, args);
        // A client of the host's own may answer with any thenable.
        if (typeof (result as PromiseLike<unknown> | undefined)?.then !== 'function') return result;
        return Promise.resolve(result).then(
          (value) => {
            told = false;
            return value;
          },
          (error: unknown) => {
            if (isDmpError(error) && error.kind === 'unauthorized') {
              if (!told) refused(error);
              told = true;
            } else if (isDmpError(error) && error.status !== undefined) {
              // The server answered otherwise: it knew the user.
              told = false;
            }
            throw error;
          },
        );
      };
    },
  });
}
