import { setupWorker } from 'msw/browser';
import { handlers } from './handlers/index.js';

/** The reference backend in the page: for the demo, Storybook and the browser tests. */
export const worker = setupWorker(...handlers);

export async function startMockBackend(options: { quiet?: boolean; onUnhandledRequest?: 'bypass' | 'warn' | 'error' } = {}) {
  await worker.start({
    quiet: options.quiet ?? true,
    onUnhandledRequest: options.onUnhandledRequest ?? 'bypass',
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  return worker;
}

export { db } from './db/store.js';
