// Runs a TypeScript module of the project in Node: bundles it with esbuild (the dependencies
// stay external, resolved from node_modules) and imports the result.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function importTs(entry) {
  const dir = mkdtempSync(join(process.cwd(), 'node_modules', '.dmp-bundle-'));
  const outfile = join(dir, 'module.mjs');
  try {
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, packages: 'external', logLevel: 'error' });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
