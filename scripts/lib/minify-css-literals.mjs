// Minifies the CSS inside lit's css`…` templates. A host's bundler minifies our JavaScript but
// leaves a template's text as written, comments and indentation included: this is done once,
// here, for the npm package (vite build) and for the size measure (esbuild), with lightningcss,
// the CSS minifier vite itself uses. Invalid CSS fails the build with its file name.
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { transform } from 'lightningcss';
import MagicString from 'magic-string';

/**
 * The browsers the build's `es2022` target runs in: the minifier must not write newer syntax
 * (`(width>=40em)` for `(min-width:40em)` needs Safari 16.4).
 */
const TARGETS = { chrome: 94 << 16, firefox: 93 << 16, safari: (15 << 16) | (4 << 8) };

/** Start of the css tag's templates: `css` not ending a longer name, then the backtick. */
const CSS_TAG = /(?<![\w$.])css`/g;

/**
 * Index of the backtick closing the template whose text starts at `from`, and whether its text
 * holds an interpolation or an escape.
 */
function templateEnd(code, from) {
  let plain = true;
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if (c === '`') return { end: i, plain };
    if (c === '\\' || (c === '$' && code[i + 1] === '{')) plain = false;
  }
  throw new Error('unterminated css template');
}

/** The minified CSS as template text: what would end or interpolate the template escaped. */
const asTemplateText = (css) => css.replace(/[\\`]|\$\{/g, (m) => `\\${m}`);

/**
 * Source `code` of module `filename` with each css template's text minified, and a source map
 * from the result to `code`; null when the module has no css template. A template holding an
 * interpolation or an escape is left as written (its text is not plain CSS) and counted in
 * `skipped`, so a test can see that every template of ours is minified.
 */
export function minifyCssLiterals(code, filename) {
  let edited;
  let minified = 0;
  let skipped = 0;
  for (const match of code.matchAll(CSS_TAG)) {
    const start = match.index + match[0].length;
    const { end, plain } = templateEnd(code, start);
    if (!plain) {
      skipped++;
      continue;
    }
    let css;
    try {
      css = transform({ filename, code: Buffer.from(code.slice(start, end)), minify: true, targets: TARGETS }).code.toString();
    } catch (error) {
      const line = code.slice(0, start).split('\n').length + (error.loc?.line ?? 1) - 1;
      throw new Error(`${filename}:${line}: invalid CSS in a css template: ${error.message}`, { cause: error });
    }
    edited ??= new MagicString(code);
    if (end > start) edited.overwrite(start, end, asTemplateText(css));
    minified++;
  }
  if (!edited) return skipped ? { code, map: null, minified, skipped } : null;
  return { code: edited.toString(), map: edited.generateMap({ source: filename, hires: 'boundary', includeContent: true }), minified, skipped };
}

/** The project's own modules (src/), not a dependency's or a test's. */
const SOURCES = new RegExp(`^${join(import.meta.dirname, '../../src', sep).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}.*\\.ts$`);

/** The vite (rollup) plugin: our modules' css templates minified in `vite build`. */
export const minifyCssLiteralsPlugin = () => ({
  name: 'dmp-minify-css-literals',
  apply: 'build',
  enforce: 'pre',
  transform(code, id) {
    if (!SOURCES.test(id)) return null;
    const result = minifyCssLiterals(code, id);
    return result && { code: result.code, map: result.map };
  },
});

/** The same for esbuild, as the size measure bundles. */
export const minifyCssLiteralsEsbuild = () => ({
  name: 'dmp-minify-css-literals',
  setup(build) {
    build.onLoad({ filter: SOURCES }, async ({ path }) => {
      const code = await readFile(path, 'utf8');
      return { contents: minifyCssLiterals(code, path)?.code ?? code, loader: 'ts' };
    });
  },
});
