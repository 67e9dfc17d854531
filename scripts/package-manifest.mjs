// Writes dist/custom-elements.json, the manifest the package publishes (package.json
// "customElements"). The repository's custom-elements.json describes src/, module by module, for
// Storybook and the React wrappers; an installed package holds no src/, only its entries. Here
// each element is described in the entry that registers it (`dist/dmp-*.js`, what
// `import 'dmp-elements/dmp-*'` loads), and their base class in `dist/index.js`, which exports it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BASE_CLASS = 'DmpElement';
const INDEX = 'dist/index.js';

/** The entry a tag's module is published as. */
const entryOf = (tagName) => `dist/${tagName}.js`;

/**
 * The published manifest made from the repository's one: only the elements and their base class,
 * every module path a file of the package. Throws when a declaration points at a module the
 * package does not describe, rather than publish a reference nothing resolves.
 */
export function packageManifest(source) {
  const declarations = source.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ path: m.path, declaration: d })));
  const base = declarations.find((d) => d.declaration.name === BASE_CLASS);
  if (!base) throw new Error(`custom-elements.json declares no ${BASE_CLASS}`);
  const elements = declarations.filter((d) => d.declaration.customElement && d.declaration.tagName);
  const published = new Map([[base.path, INDEX], ...elements.map((e) => [e.path, entryOf(e.declaration.tagName)])]);
  // Module paths appear as written in src (`src/a.ts`) or as an import would name them (`/src/a.js`).
  const publishedPath = (module) => published.get(module.replace(/^\//, '').replace(/\.js$/, '.ts'));

  const relink = (value) => {
    if (Array.isArray(value)) return value.map(relink);
    if (!value || typeof value !== 'object') return value;
    const copy = {};
    for (const [key, item] of Object.entries(value)) {
      if (key !== 'module' || value.package) {
        copy[key] = relink(item);
        continue;
      }
      const path = publishedPath(item);
      if (!path) throw new Error(`${value.name ?? 'a reference'} points at ${item}, which the package does not describe`);
      copy[key] = path;
    }
    return copy;
  };

  const elementModules = elements.map(({ declaration }) => ({
    kind: 'javascript-module',
    path: entryOf(declaration.tagName),
    declarations: [relink(declaration)],
    exports: [
      { kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: entryOf(declaration.tagName) } },
      { kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: declaration.name, module: entryOf(declaration.tagName) } },
    ],
  }));
  const indexModule = {
    kind: 'javascript-module',
    path: INDEX,
    declarations: [relink(base.declaration)],
    exports: [{ kind: 'js', name: BASE_CLASS, declaration: { name: BASE_CLASS, module: INDEX } }],
  };
  return { schemaVersion: source.schemaVersion, readme: source.readme ?? '', modules: [indexModule, ...elementModules] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = packageManifest(JSON.parse(readFileSync('custom-elements.json', 'utf8')));
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/custom-elements.json', `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`dist/custom-elements.json written (${manifest.modules.length - 1} elements)`);
}
