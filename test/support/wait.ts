import { waitUntil } from '@open-wc/testing';

/**
 * `waitUntil`, with a message written when the wait gives up: it tells what the page holds then
 * (the focus, the text shown), not what it held when the wait began.
 */
export async function waitFor(predicate: () => unknown, message: () => string, options?: { timeout?: number; interval?: number }): Promise<void> {
  await waitUntil(predicate, undefined, options).catch((error: unknown) => {
    throw new Error(`${message()} (${error instanceof Error ? error.message : String(error)})`);
  });
}
