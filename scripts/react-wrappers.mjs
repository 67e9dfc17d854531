// Generates src/react/ — one module per element of custom-elements.json with its @lit/react
// component (`dmp-elements/react/<tag>`: a page loads that element only), and index.ts with them
// all (`dmp-elements/react`) — or with --check fails when the committed files differ from what
// would be generated now. Run `npm run manifest` first: the wrappers follow the manifest.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { posix, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const OUTPUT_DIR = 'src/react';
const check = process.argv.includes('--check');

/** Names in a detail type that need no import. */
const BUILTIN_TYPES = new Set([
  'string', 'number', 'boolean', 'bigint', 'symbol', 'object', 'unknown', 'any', 'never', 'void',
  'null', 'undefined', 'true', 'false', 'readonly', 'keyof', 'typeof',
  'Array', 'ReadonlyArray', 'Record', 'Partial', 'Required', 'Readonly', 'Pick', 'Omit',
  'Date', 'File', 'Blob', 'Error', 'Map', 'Set', 'Promise',
]);

const toPosix = (path) => path.split('\\').join('/');
/** Code-point order: the output must not depend on the machine's locale. */
const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const read = (file) => readFileSync(resolve(root, file), 'utf8');

/** `dmp-document-open` → `onDmpDocumentOpen`. */
function propName(eventName) {
  return `on${eventName.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('')}`;
}

/** `import { a, type b as c } …` → [['a', 'a'], ['b', 'c']] as [imported, local]. */
function specifiers(list) {
  return list
    .split(',')
    .map((s) => s.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .map((s) => {
      const [imported, local = imported] = s.split(/\s+as\s+/).map((p) => p.trim());
      return [imported, local];
    });
}

/** A relative module specifier (`./events.js`) of `fromFile`, as a project path (`src/…/events.ts`). */
function resolveModule(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = posix.join(posix.dirname(fromFile), specifier);
  const stem = base.replace(/\.js$/, '');
  return [`${stem}.ts`, `${stem}/index.ts`, base].find((p) => existsSync(resolve(root, p)));
}

/**
 * The project file that declares the exported type `name` as seen from `file` — following
 * `export type { X } from`, `import … ; export type { X }` and, when `viaImports`, plain imports
 * (an element module imports its detail types without exporting them).
 */
function declaringFile(name, file, viaImports = false, seen = new Set()) {
  if (!file || seen.has(`${file}#${name}`)) return undefined;
  seen.add(`${file}#${name}`);
  const source = read(file);
  const declared = new RegExp(`export\\s+(?:declare\\s+)?(?:interface|type|class|enum)\\s+${name}\\b`);
  if (declared.test(source)) return file;
  for (const [, list, from] of source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g)) {
    const hit = specifiers(list).find(([, local]) => local === name);
    if (hit) return declaringFile(hit[0], resolveModule(file, from), false, seen);
  }
  const reexported = [...source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}\s*;/g)].some(([, list]) =>
    specifiers(list).some(([, local]) => local === name),
  );
  if (reexported || viaImports) {
    for (const [, list, from] of source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g)) {
      const hit = specifiers(list).find(([, local]) => local === name);
      if (hit) return declaringFile(hit[0], resolveModule(file, from), false, seen);
    }
  }
  return undefined;
}

const manifest = JSON.parse(read('custom-elements.json'));
const elements = [];
for (const mod of manifest.modules ?? []) {
  for (const decl of mod.declarations ?? []) {
    if (!decl.customElement || !decl.tagName) continue;
    const classFile = toPosix(mod.path);
    if (!classFile.endsWith('.element.ts')) throw new Error(`${decl.tagName}: class module ${classFile} is not a <tag>.element.ts`);
    const registerFile = classFile.replace(/\.element\.ts$/, '.ts');
    if (!existsSync(resolve(root, registerFile))) throw new Error(`${decl.tagName}: no registration module ${registerFile}`);
    elements.push({ tag: decl.tagName, className: decl.name, summary: decl.summary ?? '', classFile, registerFile, events: decl.events ?? [] });
  }
}
// The provider first (it wraps the others), then the elements by tag.
elements.sort((a, b) => (a.tag === 'dmp-provider' ? -1 : b.tag === 'dmp-provider' ? 1 : byCodePoint(a.tag, b.tag)));
if (elements.length === 0) throw new Error('custom-elements.json lists no element: run `npm run manifest`');

/** Where each detail type is declared: one type per name across the elements. */
const typeOrigin = new Map();
const warnings = [];

/**
 * The `CustomEvent<…>` type of an event, its names added to `typeImports` (declaring file →
 * names); `CustomEvent<unknown>` when unknown.
 */
function eventType(element, event, typeImports) {
  const text = event.type?.text?.trim();
  const inner = text?.match(/^CustomEvent<([\s\S]+)>$/)?.[1];
  if (!inner) {
    if (text) warnings.push(`${element.tag} ${event.name}: type "${text}" is not CustomEvent<…>; typed CustomEvent<unknown>`);
    return 'CustomEvent<unknown>';
  }
  // Type names only: string literals and the keys of inline object types need no import.
  const typeText = inner.replace(/'[^']*'|"[^"]*"/g, '').replace(/[A-Za-z_$][\w$]*\s*\??\s*:/g, '');
  const names = [...new Set(typeText.match(/[A-Za-z_$][\w$]*/g) ?? [])].filter((n) => !BUILTIN_TYPES.has(n));
  const candidates = [
    [posix.join(posix.dirname(element.classFile), 'events.ts'), false],
    [element.classFile, true],
    ['src/events.ts', false],
  ].filter(([file]) => existsSync(resolve(root, file)));
  const found = [];
  for (const name of names) {
    const file = candidates.map(([f, viaImports]) => declaringFile(name, f, viaImports)).find(Boolean);
    if (!file) {
      warnings.push(`${element.tag} ${event.name}: type ${name} not found in its events.ts; typed CustomEvent<unknown>`);
      return 'CustomEvent<unknown>';
    }
    found.push([name, file]);
  }
  for (const [name, file] of found) {
    const other = typeOrigin.get(name);
    if (other && other !== file) throw new Error(`two detail types named ${name}: ${other} and ${file}`);
    typeOrigin.set(name, file);
    if (!typeImports.has(file)) typeImports.set(file, new Set());
    typeImports.get(file).add(name);
  }
  return `CustomEvent<${inner}>`;
}

/** Import specifier of a project file, from src/react/. */
function specifierOf(file) {
  const rel = toPosix(relative(resolve(root, OUTPUT_DIR), resolve(root, file))).replace(/\.ts$/, '.js');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

const HEADER = '// generated by scripts/react-wrappers.mjs — do not edit.';

/** src/react/<tag>.ts: the element's component; importing it registers that tag only. */
function wrapperModule(element) {
  const typeImports = new Map();
  const seen = new Set();
  const events = [];
  for (const event of element.events) {
    if (!event.name || seen.has(event.name)) continue;
    seen.add(event.name);
    events.push(`    ${propName(event.name)}: '${event.name}' as EventName<${eventType(element, event, typeImports)}>,`);
  }
  const typeNames = [...typeImports.values()].flatMap((names) => [...names]).sort(byCodePoint);
  const doc = element.summary ? ` ${element.summary.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim()}` : '';
  return [
    HEADER,
    `// <${element.tag}> for React, made with @lit/react from custom-elements.json: props that are`,
    '// element properties are set as properties (objects such as `actor` included), and each event',
    '// has an `on…` prop with its typed detail. Importing this module registers the tag.',
    `import { createComponent${events.length > 0 ? ', type EventName' : ''} } from '@lit/react';`,
    "import * as React from 'react';",
    `import '${specifierOf(element.registerFile)}';`,
    `import { ${element.className} as ${element.className}Element } from '${specifierOf(element.classFile)}';`,
    ...[...typeImports.entries()]
      .sort(([a], [b]) => byCodePoint(specifierOf(a), specifierOf(b)))
      .map(([file, names]) => `import type { ${[...names].sort(byCodePoint).join(', ')} } from '${specifierOf(file)}';`),
    '',
    ...(typeNames.length > 0 ? ['export type {', ...typeNames.map((n) => `  ${n},`), '};', ''] : []),
    `/** \`<${element.tag}>\` for React.${doc} */`,
    `export const ${element.className} = createComponent({`,
    `  tagName: '${element.tag}',`,
    `  elementClass: ${element.className}Element,`,
    `  react: React,`,
    ...(events.length > 0 ? ['  events: {', ...events, '  },'] : []),
    `});`,
    '',
  ].join('\n');
}

const files = new Map(elements.map((element) => [`${OUTPUT_DIR}/${element.tag}.ts`, wrapperModule(element)]));
files.set(
  `${OUTPUT_DIR}/index.ts`,
  [
    HEADER,
    '// Every element\'s React component; importing this module registers every tag. A page that uses',
    '// a few imports them from `dmp-elements/react/<tag>` instead, and loads only those.',
    ...elements.map((e) => `export * from './${e.tag}.js';`),
    '',
  ].join('\n'),
);

for (const warning of warnings) console.warn(`react-wrappers: ${warning}`);
if (!check) {
  mkdirSync(resolve(root, OUTPUT_DIR), { recursive: true });
  for (const [file, text] of files) writeFileSync(resolve(root, file), text);
  console.log(`${OUTPUT_DIR}/ written (${elements.length} components)`);
} else {
  const committed = readdirSync(resolve(root, OUTPUT_DIR)).map((f) => `${OUTPUT_DIR}/${f}`);
  const stale = [
    ...[...files].filter(([file, text]) => !existsSync(resolve(root, file)) || read(file) !== text).map(([file]) => file),
    ...committed.filter((file) => !files.has(file)),
  ];
  if (stale.length > 0) {
    console.error(`${stale.join(', ')}: out of date: run \`npm run manifest && npm run react-wrappers\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${OUTPUT_DIR}/ is up to date`);
}
