import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { packageFromSources } from '../../vite.config.ts';

const here = import.meta.dirname;
const repo = resolve(here, '../..');

/**
 * The React example: `npx vite -c examples/react/vite.config.ts` (dev server) or
 * `npx vite build -c examples/react/vite.config.ts` (to examples/react/dist/).
 */
export default defineConfig({
  root: here,
  // MSW's worker (public/mockServiceWorker.js) must be served from the site's root.
  publicDir: resolve(repo, 'public'),
  // JSX with React 19's automatic runtime (Vite 8 transforms TS/JSX with Oxc).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: { alias: packageFromSources },
  server: { fs: { allow: [repo] } },
  build: { target: 'es2022', outDir: resolve(here, 'dist'), emptyOutDir: true },
});
