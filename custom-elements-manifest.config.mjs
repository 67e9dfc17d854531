export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/i18n/generated/**'],
  litelement: true,
  // The manifest path is declared once in package.json; the analyzer must not rewrite it.
  packagejson: false,
};
