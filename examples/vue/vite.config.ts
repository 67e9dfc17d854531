import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { packageFromSources } from '../../vite.config.ts';

const here = import.meta.dirname;
const repo = resolve(here, '../..');

/**
 * The Vue example: `npx vite -c examples/vue/vite.config.ts` (dev server) or
 * `npx vite build -c examples/vue/vite.config.ts` (to examples/vue/dist/).
 */
export default defineConfig({
  root: here,
  // MSW's worker (public/mockServiceWorker.js) must be served from the site's root.
  publicDir: resolve(repo, 'public'),
  // `dmp-*` tags are custom elements, not Vue components.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('dmp-') } } })],
  resolve: { alias: packageFromSources },
  server: { fs: { allow: [repo] } },
  build: { target: 'es2022', outDir: resolve(here, 'dist'), emptyOutDir: true },
});
