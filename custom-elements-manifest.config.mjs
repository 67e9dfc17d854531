/** The manifest describes what integrators may use: private and protected members are no part of it. */
const publicApiOnly = {
  name: 'dmp-public-api-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules ?? []) {
      for (const declaration of mod.declarations ?? []) {
        if (!declaration.members) continue;
        declaration.members = declaration.members.filter(
          (m) => !m.name.startsWith('#') && m.privacy !== 'private' && m.privacy !== 'protected',
        );
      }
    }
  },
};

/**
 * Tags are registered through `defineElement(tag, Class)`, which the analyzer does not read as a
 * definition: it would list the helper's own `customElements.define(tag, ctor)` instead. Each
 * call becomes the definition of its tag, in the module that registers it, pointing at the
 * module that declares the class.
 */
const defineElementCalls = {
  name: 'dmp-define-element-calls',
  analyzePhase({ ts, node, moduleDoc }) {
    if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
    const [tag, ctor] = node.arguments;
    if (!tag || !ctor || !ts.isStringLiteral(tag) || !ts.isIdentifier(ctor)) return;
    moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tag.text, declaration: { name: ctor.text } }];
  },
  packageLinkPhase({ customElementsManifest }) {
    const modules = customElementsManifest.modules ?? [];
    // Custom element classes only: a React wrapper of the same name is no definition.
    const declaredIn = new Map(modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement).map((d) => [d.name, m.path])));
    for (const mod of modules) {
      mod.exports = (mod.exports ?? []).filter((e) => e.kind !== 'custom-element-definition' || declaredIn.has(e.declaration.name));
      for (const e of mod.exports) if (e.kind === 'custom-element-definition') e.declaration.module = declaredIn.get(e.declaration.name);
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/i18n/generated/**'],
  litelement: true,
  // The manifest path is declared once in package.json; the analyzer must not rewrite it.
  packagejson: false,
  plugins: [publicApiOnly, defineElementCalls],
};
