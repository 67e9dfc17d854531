// custom-elements.json is what Storybook's docs pages, IDEs and the React wrappers read: it must
// describe each element's public API, all of it documented, and nothing internal.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { packageManifest } from '../../scripts/package-manifest.mjs';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
const API_KINDS = ['members', 'attributes', 'events', 'cssParts', 'cssProperties', 'slots'];

describe('custom-elements.json', () => {
  it('describes the provider and the eight elements', () => {
    assert.deepEqual(elements.map((d) => d.tagName).sort(), [
      'dmp-access-history',
      'dmp-break-glass',
      'dmp-consent-panel',
      'dmp-document-list',
      'dmp-dossier',
      'dmp-dossier-create',
      'dmp-patient-profile',
      'dmp-provider',
      'dmp-synthesis-editor',
    ]);
  });

  it('lists no private or protected member', () => {
    for (const element of elements) {
      const internal = element.members.filter((m) => m.name.startsWith('#') || m.privacy === 'private' || m.privacy === 'protected');
      assert.deepEqual(internal.map((m) => m.name), [], `${element.tagName} shows internal members`);
    }
  });

  it('documents every attribute, property, method, event, part, custom property and slot of its own', () => {
    for (const element of elements) {
      for (const kind of API_KINDS) {
        const bare = (element[kind] ?? []).filter((item) => !item.inheritedFrom && !item.description?.trim());
        assert.deepEqual(bare.map((item) => item.name), [], `${element.tagName}: ${kind} without a description`);
      }
    }
  });

  it('ties every attribute to a public property', () => {
    for (const element of elements) {
      const fields = new Set(element.members.filter((m) => m.kind === 'field').map((m) => m.name));
      for (const attribute of element.attributes ?? []) {
        assert.ok(fields.has(attribute.fieldName), `${element.tagName}: attribute ${attribute.name} has no public property`);
      }
    }
  });
});

describe('the published manifest (dist/custom-elements.json)', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const published = packageManifest(manifest);
  /** The file `import 'dmp-elements/<tag>'` loads, by package.json's exports. */
  const entryFile = (tag) => (pkg.exports[`./${tag}`] ?? pkg.exports['./dmp-*']).default.replaceAll('*', tag.slice('dmp-'.length)).replace(/^\.\//, '');

  it('is the one package.json names, and names no source file', () => {
    assert.equal(pkg.customElements, 'dist/custom-elements.json');
    assert.equal(pkg.exports['./custom-elements.json'], './dist/custom-elements.json');
    assert.deepEqual(JSON.stringify(published).match(/"[^"]*src\/[^"]*"/g), null);
  });

  it('describes each element in the entry that registers it, with the same public API', () => {
    for (const element of elements) {
      const module = published.modules.find((m) => m.declarations.some((d) => d.tagName === element.tagName));
      assert.equal(module?.path, entryFile(element.tagName), `<${element.tagName}> is not described in its entry`);
      const definition = module.exports.find((e) => e.kind === 'custom-element-definition');
      assert.deepEqual(definition, { kind: 'custom-element-definition', name: element.tagName, declaration: { name: element.name, module: module.path } });
      const declaration = module.declarations[0];
      for (const kind of API_KINDS) {
        assert.deepEqual((declaration[kind] ?? []).map((item) => item.name), (element[kind] ?? []).map((item) => item.name), `<${element.tagName}>: ${kind} differ`);
      }
    }
  });

  it('points inherited members at the base class in the package index', () => {
    const inherited = published.modules.flatMap((m) => m.declarations).flatMap((d) => API_KINDS.flatMap((kind) => d[kind] ?? [])).filter((item) => item.inheritedFrom);
    assert.ok(inherited.length > 0, 'nothing is inherited');
    for (const item of inherited) assert.deepEqual(item.inheritedFrom, { name: 'DmpElement', module: 'dist/index.js' });
    assert.deepEqual(published.modules[0].exports, [{ kind: 'js', name: 'DmpElement', declaration: { name: 'DmpElement', module: 'dist/index.js' } }]);
  });

  it('refuses to publish a reference to a module the package does not describe', () => {
    const broken = structuredClone(manifest);
    const element = broken.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'dmp-break-glass');
    element.superclass = { name: 'InternalBase', module: 'src/elements/base/internal.ts' };
    assert.throws(() => packageManifest(broken), /InternalBase points at src\/elements\/base\/internal\.ts/);
  });
});
