import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Alias } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { minifyCssLiteralsPlugin } from './scripts/lib/minify-css-literals.mjs';

const root = import.meta.dirname;

/** Every element folder has a `<tag>.ts` that registers the tag: one entry each. */
const elementEntries = Object.fromEntries(
  readdirSync(resolve(root, 'src/elements'))
    .filter((dir) => dir.startsWith('dmp-'))
    .map((tag) => [tag, resolve(root, `src/elements/${tag}/${tag}.ts`)]),
);

/** Each tag's React component, `src/react/<tag>.ts` (the provider's included). */
const reactEntries = Object.fromEntries(
  ['dmp-provider', ...Object.keys(elementEntries)].map((tag) => [`react/${tag}`, resolve(root, `src/react/${tag}.ts`)]),
);

/**
 * One entry per public module: `dmp-elements` (index), `/policy`, `/model`, `/client`, `/fhir`,
 * `/react`, `/react/<tag>` and each tag. Each builds to `dist/<name>.js`, the file package.json's
 * `exports` gives for `dmp-elements/<name>`.
 */
const entries: Record<string, string> = {
  index: resolve(root, 'src/index.ts'),
  policy: resolve(root, 'src/policy/index.ts'),
  model: resolve(root, 'src/model/index.ts'),
  client: resolve(root, 'src/client/index.ts'),
  fhir: resolve(root, 'src/fhir/index.ts'),
  'dmp-provider': resolve(root, 'src/context/dmp-provider.ts'),
  react: resolve(root, 'src/react/index.ts'),
  ...reactEntries,
  ...elementEntries,
};

/**
 * `dmp-elements` and `dmp-elements/<name>` resolved to the sources each is built from: the
 * examples import what an application imports, and build without `npm run build` first
 * (`npm run check:package` checks that the built package answers to the same names). The dev
 * server needs them too: its dependency scan reads the examples' pages.
 */
export const packageFromSources: Alias[] = Object.entries(entries).map(([name, file]) => ({
  find: name === 'index' ? /^dmp-elements$/ : new RegExp(`^dmp-elements/${name}$`),
  replacement: file,
}));

const runtimeDependencies = Object.keys(pkg.dependencies);
/** Optional peers of `dmp-elements/react`: the host's React and @lit/react, left out of the npm build. */
const peerDependencies = Object.keys(pkg.peerDependencies);
const isPackage = (id: string, names: readonly string[]) => names.some((dep) => id === dep || id.startsWith(`${dep}/`));

/**
 * `vite build` makes the npm package (lit and zod left to the host's bundler, so a page holds
 * one copy); `vite build --mode standalone` bundles them in, for a plain `<script type="module">`
 * with no build step (and for the strict-CSP test page).
 */
export default defineConfig(({ mode }) => {
  const standalone = mode === 'standalone';
  return {
    server: { open: '/demo/index.html' },
    plugins: [minifyCssLiteralsPlugin()],
    resolve: { alias: packageFromSources },
    build: {
      target: 'es2022',
      copyPublicDir: false,
      sourcemap: true,
      outDir: standalone ? 'dist/standalone' : 'dist',
      emptyOutDir: !standalone,
      lib: { entry: entries, formats: ['es'] },
      rollupOptions: {
        // Standalone bundles everything but React: a page must hold a single React.
        external: (id) => isPackage(id, standalone ? ['react'] : [...runtimeDependencies, ...peerDependencies]),
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
});
