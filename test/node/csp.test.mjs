// Every element of the standalone build, on a page served with a strict Content-Security-Policy
// (and a Trusted Types variant), talking to the mock backend: nothing may be blocked.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { build as viteBuild } from 'vite';

const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";
const TRUSTED_TYPES = `${STRICT}; require-trusted-types-for 'script'; trusted-types lit-html default`;
const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };

let dir;
let browser;
const servers = [];

async function serve(csp) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/favicon.ico') {
      res.writeHead(204, { 'Content-Security-Policy': csp }).end();
      return;
    }
    const file =
      path === '/' ? join(dir, 'index.html') : path === '/mockServiceWorker.js' ? 'public/mockServiceWorker.js' : join(dir, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': csp });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Security-Policy': csp }).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}`;
}

async function visit(origin, page = '/') {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const problems = [];
  tab.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  tab.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Trusted Type/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  await tab.goto(`${origin}${page}`);
  await tab.waitForFunction(() => window.cspReport?.ready || window.cspReport?.errors.length, null, { timeout: 30_000 });
  // Real data from the mock backend, rendered in shadow roots, for a professional and the patient.
  try {
    await tab.locator('dmp-provider[data-actor="ps-martin"] dmp-document-list').getByText('Claire Martin').first().waitFor({ timeout: 30_000 });
    await tab.locator('dmp-provider[data-actor="pat-durand-jeanne"] dmp-access-history').getByText('Claire Martin').first().waitFor({ timeout: 30_000 });
  } catch (error) {
    const shown = await tab.evaluate(() => [...document.querySelectorAll('dmp-provider > *')].map((e) => `${e.tagName}: ${e.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 3000)}`));
    throw new Error(`${error.message}\n${shown.join('\n')}\n${problems.join('\n')}\n${JSON.stringify(await tab.evaluate(() => window.cspReport))}`);
  }
  const report = await tab.evaluate(() => window.cspReport);
  // The stylesheets each element class adopts, as the standalone build ships them.
  const styles = await tab.evaluate(() =>
    [...new Set([...document.querySelectorAll('dmp-provider, dmp-provider > *')].map((el) => el.localName))].map((tag) => ({
      tag,
      css: customElements.get(tag).elementStyles.map((sheet) => sheet.cssText),
    })),
  );
  await context.close();
  return { report, problems, styles };
}

describe('strict Content-Security-Policy', { timeout: 180_000 }, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dmp-csp-'));
    await viteBuild({ configFile: 'vite.config.ts', mode: 'standalone', logLevel: 'error', build: { outDir: join(dir, 'lib'), emptyOutDir: true, sourcemap: false } });
    await esbuild({
      entryPoints: { app: 'test/csp/app.ts', tt: 'test/csp/trusted-types.ts' },
      bundle: true,
      format: 'esm',
      target: 'es2022',
      outdir: dir,
      external: ['/lib/*'],
      logLevel: 'error',
    });
    const html = readFileSync('test/csp/index.html', 'utf8');
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, 'tt.html'), html.replace('<script type="module" src="/app.js">', '<script type="module" src="/tt.js"></script>\n    <script type="module" src="/app.js">'));
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
  });
  after(async () => {
    await browser?.close();
    for (const server of servers) server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs every element with no violation, no eval and no inline script or style', async () => {
    const { report, problems, styles } = await visit(await serve(STRICT));
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.violations, []);
    assert.deepEqual(problems, []);
    // The build minifies the CSS of every element's css templates (scripts/lib/minify-css-literals.mjs).
    assert.ok(styles.length >= 9, styles.map((s) => s.tag).join());
    for (const { tag, css } of styles) {
      assert.ok(css.length > 0 && css.every((text) => text.length > 0 && !/\n|\/\*/.test(text)), `${tag}: ${css.map((t) => t.slice(0, 80)).join(' | ')}`);
    }
  });

  it('runs under Trusted Types too, with a policy only for the mock worker’s URL', async () => {
    const { report, problems } = await visit(await serve(TRUSTED_TYPES), '/tt.html');
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.violations, []);
    assert.deepEqual(problems, []);
  });

  it('reports a violation when the page breaks the policy (the check can fail)', async () => {
    const origin = await serve(STRICT);
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(origin);
    await tab.waitForFunction(() => window.cspReport?.ready, null, { timeout: 30_000 });
    await tab.evaluate(() => {
      const style = document.createElement('div');
      style.setAttribute('style', 'color: red');
      document.body.append(style);
      document.body.insertAdjacentHTML('beforeend', '<img src="https://example.org/x.png">');
    });
    await tab.waitForFunction(() => window.cspReport.violations.length >= 2, null, { timeout: 10_000 });
    await context.close();
  });
});
