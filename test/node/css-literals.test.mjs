// The CSS in our css`…` templates, minified for the npm package and the size measure: every
// template is, Chromium reads the same declarations from it, a build's source map still points
// at the source, and invalid CSS stops the build with the file and the line.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { chromium } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { minifyCssLiterals, minifyCssLiteralsPlugin } from '../../scripts/lib/minify-css-literals.mjs';

const sources = readdirSync('src', { recursive: true })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join('src', f))
  .filter((f) => readFileSync(f, 'utf8').includes('css`'));

/** Each css template's text in `code`, in order (ours hold no interpolation nor escape). */
const templates = (code) => [...code.matchAll(/(?<![\w$.])css`([^`]*)`/g)].map((m) => m[1]);

describe('css templates, minified', { timeout: 120_000 }, () => {
  let browser;
  before(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
  });
  after(() => browser?.close());

  it('minifies every template of ours, comments and indentation gone, and leaves the code around them as written', () => {
    assert.ok(sources.length >= 12, `css templates found in ${sources.length} modules`);
    for (const file of sources) {
      const code = readFileSync(file, 'utf8');
      const result = minifyCssLiterals(code, file);
      assert.equal(result.skipped, 0, file);
      assert.equal(result.minified, templates(code).length, file);
      for (const css of templates(result.code)) assert.doesNotMatch(css, /\/\*|\n|;}/, file);
      assert.equal(result.code.replace(/css`[^`]*`/g, 'css``'), code.replace(/css`[^`]*`/g, 'css``'), file);
    }
  });

  it('gives Chromium the same rules and declarations as the source, stylesheet by stylesheet', async () => {
    const page = await browser.newPage();
    for (const file of sources) {
      const code = readFileSync(file, 'utf8');
      const pairs = templates(code).map((css, i) => [css, templates(minifyCssLiterals(code, file).code)[i]]);
      for (const [source, minified] of pairs) {
        const [read, readMinified] = await page.evaluate(
          (texts) =>
            texts.map((text) => {
              // Selector → property → value, as the cascade leaves them in one stylesheet: the
              // minifier may merge or split rules, but what each selector gets must not change.
              const declared = {};
              // A value as the browser uses it: computed on a probe; one holding var() stays as
              // written until used, so it is compared as tokens, however spelled.
              const probe = document.body.appendChild(document.createElement('div'));
              const color = (spelled) => {
                probe.style.color = spelled;
                const computed = getComputedStyle(probe).color;
                probe.style.color = '';
                return computed;
              };
              const tokens = (value) =>
                value
                  .replace(/#[\da-f]{3,8}\b|(?:rgb|hsl)a?\([^)]*\)|\btransparent\b/gi, color)
                  .replace(/\s*([,()/])\s*/g, '$1')
                  .replace(/\s+/g, ' ')
                  .replace(/(?<![\w.])0\./g, '.')
                  .replaceAll("'", '"')
                  .trim()
                  .toLowerCase();
              const valueOf = (style, property) => {
                const value = style.getPropertyValue(property);
                if (property.startsWith('--') || value.includes('var(')) return tokens(value);
                probe.style.setProperty(property, value);
                const computed = getComputedStyle(probe).getPropertyValue(property);
                probe.style.removeProperty(property);
                // A zero is a zero, in % or px (background: none is written 0 0).
                return computed.replace(/(?<![\d.])0(?:px|%)/g, '0');
              };
              // A shorthand holding var() leaves its longhands empty until used: it is read whole.
              const names = [];
              for (const key in probe.style) if (typeof probe.style[key] === 'string') names.push(key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
              const declaredIn = (style) => {
                const longhands = [...style].filter((p) => style.getPropertyValue(p) !== '');
                return [...longhands, ...names.filter((n) => !longhands.includes(n) && style.getPropertyValue(n).includes('var('))];
              };
              const walk = (rules, context) => {
                for (const rule of rules) {
                  const name = rule.selectorText ?? rule.keyText;
                  if (name !== undefined && rule.style) {
                    for (const selector of name.split(/,(?![^(]*\))/).map((s) => s.trim())) {
                      const decls = (declared[`${context}${selector}`] ??= {});
                      for (const property of declaredIn(rule.style)) {
                        const important = rule.style.getPropertyPriority(property) === 'important';
                        if (decls[property]?.important && !important) continue;
                        decls[property] = { value: valueOf(rule.style, property), important };
                      }
                    }
                  }
                  if (rule.cssRules) walk(rule.cssRules, `${context}@${rule.constructor.name} ${rule.conditionText ?? rule.name ?? ''} / ${name ?? ''} `);
                }
              };
              const sheet = new CSSStyleSheet();
              sheet.replaceSync(text);
              walk(sheet.cssRules, '');
              probe.remove();
              return declared;
            }),
          [source, minified],
        );
        assert.ok(Object.keys(read).length > 0, `${file}: Chromium read no rule from the source`);
        assert.deepEqual(readMinified, read, file);
      }
    }
    await page.close();
  });

  it('builds the package with minified templates and a source map that still points at the source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmp-css-'));
    try {
      // The provider alone, with the package build's plugin (vite.config.ts would add every entry).
      await viteBuild({
        configFile: false,
        logLevel: 'error',
        plugins: [minifyCssLiteralsPlugin()],
        build: {
          target: 'es2022',
          sourcemap: true,
          outDir: dir,
          emptyOutDir: true,
          lib: { entry: { 'dmp-provider': 'src/context/dmp-provider.ts' }, formats: ['es'] },
          rollupOptions: { external: (id) => /^(lit|@lit|zod)(\/|$)/.test(id) },
        },
      });
      const chunks = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.js'));
      const withProvider = chunks.find((f) => readFileSync(join(dir, f), 'utf8').includes('keepAlive()'));
      assert.ok(withProvider, 'the provider is built');
      const built = readFileSync(join(dir, withProvider), 'utf8');
      assert.match(built, /`:host\{display:contents\}/);
      assert.doesNotMatch(built, /`\s+:host/);

      // A line after the stylesheet maps back to its line in the source.
      const source = readFileSync('src/context/dmp-provider.element.ts', 'utf8');
      const sourceLine = source.split('\n').findIndex((l) => /^\s+keepAlive\(\): void \{/.test(l)) + 1;
      const offset = built.search(/keepAlive\(\)\s*\{/);
      const lines = built.slice(0, offset).split('\n');
      const original = originalPositionFor(new TraceMap(readFileSync(join(dir, `${withProvider}.map`), 'utf8')), {
        line: lines.length,
        column: lines.at(-1).length,
      });
      assert.match(original.source, /dmp-provider\.element\.ts$/);
      assert.equal(original.line, sourceLine);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops on invalid CSS with the file and the line', () => {
    const code = "import { css } from 'lit';\n\nexport const styles = css`\n  :host { display: block; }\n  @media (min-width: 40em {\n    .a { color: red; }\n  }\n`;\n";
    assert.throws(() => minifyCssLiterals(code, 'src/broken.styles.ts'), /^Error: src\/broken\.styles\.ts:5: invalid CSS/);
  });

  it('escapes what the minifier writes that the template would read otherwise, and leaves a template it cannot read as written', () => {
    // lightningcss writes the font name "$" as the identifier \$: the template must hold \\$.
    const escaped = minifyCssLiterals('const a = css`:host { font-family: "$"; }`;', 'x.ts');
    assert.equal(escaped.code, 'const a = css`:host{font-family:\\\\$}`;');
    const code = 'const a = css`.q::before { content: "\\\\2014" }`;\nconst b = css`:host { color: ${unsafeCSS(c)}; }`;\n';
    const result = minifyCssLiterals(code, 'x.ts');
    assert.deepEqual([result.minified, result.skipped, result.code], [0, 2, code]);
  });

  it('keeps the syntax of the browsers the build targets', () => {
    const { code } = minifyCssLiterals('const a = css`@media (min-width: 40em) { :host { inset: 0; } }`;', 'x.ts');
    assert.equal(code, 'const a = css`@media (min-width:40em){:host{inset:0}}`;');
  });
});
