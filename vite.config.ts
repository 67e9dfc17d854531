import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const root = import.meta.dirname;

/** One entry per public module: `dmp-elements`, `/policy`, `/model`, `/client`, and each tag. */
const entries: Record<string, string> = {
  index: resolve(root, 'src/index.ts'),
  policy: resolve(root, 'src/policy/index.ts'),
  model: resolve(root, 'src/model/index.ts'),
  client: resolve(root, 'src/client/index.ts'),
  'dmp-provider': resolve(root, 'src/context/dmp-provider.ts'),
};

const runtimeDependencies = Object.keys(pkg.dependencies);

export default defineConfig({
  server: { open: '/demo/index.html' },
  build: {
    target: 'es2022',
    copyPublicDir: false,
    sourcemap: true,
    lib: { entry: entries, formats: ['es'] },
    rollupOptions: {
      // Hosts bring one copy of lit and zod for every element they use.
      external: (id) => runtimeDependencies.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
