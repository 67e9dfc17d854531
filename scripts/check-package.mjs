// What `npm install dmp-elements` delivers, checked after `npm run build` (.ci/run): every
// "exports" target is in the tarball `npm pack` would publish (the `dmp-*` pattern expanded over
// the element folders), and the entries that need no DOM import in Node under their public names.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageManifest } from './package-manifest.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const published = new Set(packed.files.map((f) => f.path));
const stems = readdirSync('src/elements')
  .filter((d) => d.startsWith('dmp-'))
  .map((d) => d.slice('dmp-'.length));

const problems = [];
for (const [subpath, target] of Object.entries(pkg.exports)) {
  const paths = typeof target === 'string' ? [target] : Object.values(target);
  for (const path of paths) {
    const expanded = subpath.includes('*') ? stems.map((stem) => path.replaceAll('*', stem)) : [path];
    for (const file of expanded) if (!published.has(file.replace(/^\.\//, ''))) problems.push(`${subpath}: ${file} is not in the package`);
  }
}

// The README an installed copy shows links to files of the package; its screenshots, heavy,
// stay in the repository.
const linked = new Set([...readFileSync('README.md', 'utf8').matchAll(/(?<!!)\[[^\]]*\]\(([^)#\s]+)[^)]*\)/g)].map(([, target]) => target));
for (const target of linked) {
  if (!/^[a-z]+:/i.test(target) && !published.has(target)) problems.push(`README.md links to ${target}, which is not in the package`);
}

// The manifest tools find through "customElements" names files the package holds: each tag in the
// entry its "exports" give, so that following a definition leads to the module to import.
const publishedManifestPath = pkg.customElements;
if (!published.has(publishedManifestPath)) problems.push(`"customElements": ${publishedManifestPath} is not in the package`);
else {
  const publishedManifest = JSON.parse(readFileSync(publishedManifestPath, 'utf8'));
  const fresh = packageManifest(JSON.parse(readFileSync('custom-elements.json', 'utf8')));
  if (JSON.stringify(publishedManifest) !== JSON.stringify(fresh)) problems.push(`${publishedManifestPath} is not the one custom-elements.json makes now: run \`npm run build\``);
  const modulePaths = [...JSON.stringify(publishedManifest).matchAll(/"(?:path|module)":"([^"]*)"/g)].map(([, path]) => path);
  for (const path of new Set(modulePaths)) if (!published.has(path)) problems.push(`${publishedManifestPath} names ${path}, which is not in the package`);
  for (const definition of publishedManifest.modules.flatMap((m) => m.exports.filter((e) => e.kind === 'custom-element-definition'))) {
    const target = `./${definition.declaration.module}`;
    if (pkg.exports[`./${definition.name}`]?.default !== target && pkg.exports['./dmp-*'].default.replaceAll('*', definition.name.slice('dmp-'.length)) !== target) {
      problems.push(`${publishedManifestPath} defines <${definition.name}> in ${target}, not in the entry dmp-elements/${definition.name}`);
    }
  }
}

const expected = {
  'dmp-elements/policy': ['decide'],
  'dmp-elements/client': ['HttpDmpClient', 'DmpError', 'isDmpError'],
  'dmp-elements/fhir': ['FhirDmpClient'],
};
for (const [specifier, names] of Object.entries(expected)) {
  try {
    const module = await import(specifier);
    for (const name of names) if (typeof module[name] !== 'function') problems.push(`${specifier} does not export ${name}`);
  } catch (error) {
    problems.push(`${specifier} does not import in Node: ${error.message}`);
  }
}

// Each element's entry types its events alone: a host importing only `dmp-elements/dmp-provider`
// (or one element) gets `e.detail` typed on the element and on the document, and can name the
// detail types. One program per entry, so that no other entry's declarations fill a gap.
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const fixtures = mkdtempSync('.type-fixtures-');
try {
  for (const declaration of manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName)) {
    const entry = `dmp-elements/${declaration.tagName}`;
    const events = (declaration.events ?? []).map((event) => ({ name: event.name, detail: /^CustomEvent<(\w+)>$/.exec(event.type?.text ?? '')?.[1] }));
    const named = [...new Set(events.map((e) => e.detail).filter(Boolean))];
    const file = join(fixtures, `${declaration.tagName}.ts`);
    writeFileSync(
      file,
      [
        `import '${entry}';`,
        named.length > 0 ? `import type { ${named.join(', ')} } from '${entry}';` : '',
        `const element = document.createElement('${declaration.tagName}');`,
        ...events.flatMap(({ name, detail }) =>
          ['element', 'document'].map((target) => `${target}.addEventListener('${name}', (e) => { const detail: ${detail ?? 'unknown'} = e.detail; void detail; });`),
        ),
      ].join('\n'),
    );
    try {
      execFileSync('node_modules/.bin/tsc', ['--ignoreConfig', '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', '--lib', 'es2023,dom,dom.iterable', '--types', '', file], { encoding: 'utf8' });
    } catch (error) {
      problems.push(`${entry} alone does not type its events:\n  ${String(error.stdout).trim().replaceAll('\n', '\n  ')}`);
    }
  }
} finally {
  rmSync(fixtures, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`The package is incomplete:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`The package holds all ${Object.keys(pkg.exports).length} exports (${published.size} files); policy, client and fhir import in Node; each element's entry types its events.`);
