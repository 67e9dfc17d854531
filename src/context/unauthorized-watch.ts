import { isDmpError, type DmpError } from '../client/errors.js';
import type { DmpClient } from '../client/types.js';

/**
 * `client` as the elements get it: a call it fails as `unauthorized` (the server's 401, or
 * `authHeaders` failing to give a token) is also told to `refused`, for the provider to tell the
 * host, whose login it is. Calls refused together (a token expired under several elements) are one
 * login to ask for: a call under way when the host was told is not told again; one made since is.
 * The call still fails to its caller, as it did, and a failure no one handles is still reported
 * as unhandled.
 */
export function watchUnauthorized(client: DmpClient, refused: (error: DmpError) => void): DmpClient {
  let told = 0;
  return new Proxy(client, {
    get(target, name) {
      const member: unknown = Reflect.get(target, name, target);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const since = told;
        const result: unknown = member.apply(target, args);
        // A client of the host's own may answer with any thenable.
        if (typeof (result as PromiseLike<unknown> | undefined)?.then !== 'function') return result;
        return Promise.resolve(result).catch((error: unknown) => {
          if (isDmpError(error) && error.kind === 'unauthorized' && since === told) {
            told += 1;
            refused(error);
          }
          throw error;
        });
      };
    },
  });
}
