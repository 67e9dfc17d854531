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

/**
 * A default written as a module's numeric constant (`sessionTimeout = DEFAULT_SESSION_TIMEOUT_S`)
 * is shown as its value (`1800`): the constant's name tells an integrator nothing.
 */
const numericConstantDefaults = {
  name: 'dmp-numeric-constant-defaults',
  analyzePhase({ ts, node, moduleDoc }) {
    if (!ts.isVariableStatement(node) || node.parent !== node.getSourceFile()) return;
    for (const declaration of node.declarationList.declarations) {
      const text = declaration.initializer?.getText().replace(/_/g, '');
      // Numbers and their products only: nothing else is evaluated.
      if (!ts.isIdentifier(declaration.name) || !text || !/^\d+(\s*\*\s*\d+)*$/.test(text)) continue;
      const value = text.split('*').reduce((product, factor) => product * Number(factor), 1);
      moduleDoc.numericConstants = { ...moduleDoc.numericConstants, [declaration.name.text]: String(value) };
    }
  },
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules ?? []) {
      const constants = mod.numericConstants ?? {};
      delete mod.numericConstants;
      for (const declaration of mod.declarations ?? []) {
        for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
          if (item.default !== undefined && Object.hasOwn(constants, item.default)) item.default = constants[item.default];
        }
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/i18n/generated/**'],
  litelement: true,
  // The manifest path is declared once in package.json; the analyzer must not rewrite it.
  packagejson: false,
  plugins: [publicApiOnly, defineElementCalls, numericConstantDefaults],
};
