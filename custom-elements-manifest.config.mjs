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

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/i18n/generated/**'],
  litelement: true,
  // The manifest path is declared once in package.json; the analyzer must not rewrite it.
  packagejson: false,
  plugins: [publicApiOnly],
};
