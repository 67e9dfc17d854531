// Gzipped size of each element entry with its share of lit and zod, of the provider, and of
// everything together, as a page loads them: esbuild (minified, code-split, the CSS in css
// templates minified as in the npm package), gzip -9. "First
// load" counts the entry and the chunks it imports statically; lazy chunks (the English strings,
// the code lists, dmp-dossier's tabs) are counted apart. Fails when a figure passes its budget
// in package.json "sizeBudgets" (bytes). "With provider" is what a page holding that one element
// loads first: the element and dmp-provider together, shared code counted once.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minifyCssLiteralsEsbuild } from './lib/minify-css-literals.mjs';

const budgets = JSON.parse(readFileSync('package.json', 'utf8')).sizeBudgets ?? {};
const tags = readdirSync('src/elements').filter((d) => d.startsWith('dmp-')).sort();
const PROVIDER = 'src/context/dmp-provider.ts';
const elementEntry = (tag) => `src/elements/${tag}/${tag}.ts`;
const entries = {
  'dmp-provider': PROVIDER,
  ...Object.fromEntries(tags.map((t) => [t, elementEntry(t)])),
  'all elements + provider': [PROVIDER, ...tags.map(elementEntry)],
  'dmp-elements/policy': 'src/policy/index.ts',
  'dmp-elements/client': 'src/client/index.ts',
};

/** Gzipped bytes of an entry's first load (it and the chunks it imports statically) and of the rest. */
async function measure(dir, name, modules) {
  // Several modules are measured as one page importing them all, shared code counted once.
  let entry = modules;
  if (Array.isArray(modules)) {
    entry = join(dir, `${name.replace(/[^a-z-]/gi, '_')}.js`);
    writeFileSync(entry, modules.map((p) => `import ${JSON.stringify(join(process.cwd(), p))};`).join('\n'));
  }
  const out = join(dir, `out-${name.replace(/[^a-z-]/gi, '_')}`);
  const { metafile } = await build({ entryPoints: [entry], bundle: true, minify: true, splitting: true, format: 'esm', target: 'es2022', outdir: out, metafile: true, logLevel: 'error', plugins: [minifyCssLiteralsEsbuild()] });
  const outputs = metafile.outputs;
  const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
  // Dynamic-import targets are entry points too: take the output of the entry asked for.
  const entryFile = Object.keys(outputs).find((f) => outputs[f].entryPoint && resolve(outputs[f].entryPoint) === resolve(entry));
  const firstLoad = new Set();
  const walk = (file) => {
    if (firstLoad.has(file)) return;
    firstLoad.add(file);
    for (const imp of outputs[file].imports) if (imp.kind === 'import-statement' && outputs[imp.path]) walk(imp.path);
  };
  walk(entryFile);
  const js = Object.keys(outputs).filter((f) => f.endsWith('.js'));
  const first = [...firstLoad].reduce((sum, f) => sum + gz(f), 0);
  const lazy = js.filter((f) => !firstLoad.has(f)).reduce((sum, f) => sum + gz(f), 0);
  return { first, lazy };
}

const rows = [];
const dir = mkdtempSync(join(tmpdir(), 'dmp-size-'));
try {
  for (const [name, modules] of Object.entries(entries)) {
    const { first, lazy } = await measure(dir, name, modules);
    const paired = tags.includes(name) ? (await measure(dir, `with-provider-${name}`, [PROVIDER, elementEntry(name)])).first : undefined;
    rows.push({ name, first, lazy, paired, budget: budgets[name] });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log('entry'.padEnd(28), 'first load'.padStart(11), 'lazy'.padStart(9), 'budget'.padStart(9), 'with provider'.padStart(14));
let over = false;
for (const r of rows) {
  const exceeded = r.budget !== undefined && r.first > r.budget;
  over ||= exceeded;
  const paired = r.paired === undefined ? '' : kb(r.paired);
  console.log(r.name.padEnd(28), kb(r.first).padStart(11), kb(r.lazy).padStart(9), (r.budget ? kb(r.budget) : '—').padStart(9), paired.padStart(14), exceeded ? '  OVER BUDGET' : '');
}
if (rows.some((r) => r.budget === undefined)) console.log('(no budget for the rows marked —)');
if (over) process.exit(1);
