// custom-elements.json is what Storybook's docs pages, IDEs and the React wrappers read: it must
// describe each element's public API, all of it documented, and nothing internal.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

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
