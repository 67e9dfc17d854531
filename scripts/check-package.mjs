// What `npm install dmp-elements` delivers, checked after `npm run build` (.ci/run): every
// "exports" target is in the tarball `npm pack` would publish (the `dmp-*` pattern expanded over
// the element folders), and the entries that need no DOM import in Node under their public names.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

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

if (problems.length > 0) {
  console.error(`The package is incomplete:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`The package holds all ${Object.keys(pkg.exports).length} exports (${published.size} files); policy, client and fhir import in Node.`);
