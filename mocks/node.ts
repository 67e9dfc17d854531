import { setupServer } from 'msw/node';
import { handlers } from './handlers/index.js';

/** The reference backend in Node: for scripts and a standalone HTTP server. */
export const server = setupServer(...handlers);
export { db } from './db/store.js';
