import { isDmpError, type DmpError } from '../client/errors.js';
import type { DmpClient } from '../client/types.js';

/**
 * `client` as the elements get it: every request it refuses as `unauthorized` (the server's 401,
 * or `authHeaders` failing to give a token) is also told to `refused`, for the provider to tell
 * the host, whose login it is. The request still fails to its caller, as it did.
 */
export function watchUnauthorized(client: DmpClient, refused: (error: DmpError) => void): DmpClient {
  return new Proxy(client, {
    get(target, name) {
      const member: unknown = Reflect.get(target, name, target);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const result: unknown = member.apply(target, args);
        if (result instanceof Promise) {
          result.catch((error: unknown) => {
            if (isDmpError(error) && error.kind === 'unauthorized') refused(error);
          });
        }
        return result;
      };
    },
  });
}
