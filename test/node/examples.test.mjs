// The integration examples (examples/html, examples/react, examples/vue) build and work: each is
// built into a temporary directory, served over HTTP, and opened in Chromium, where the document
// list must show the mock backend's documents and the host page must receive `dmp-document-open`.
import assert from 'node:assert/strict';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { build as viteBuild } from 'vite';

const repo = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STEP_TIMEOUT = 15_000;
const TEST_TIMEOUT = 30_000;

/** A document of PATIENT_ADULT that Dr Martin (ps-martin) sees among the newest (mocks/data/documents.ts). */
const TITLE = 'Bilan sanguin : NFS, ionogramme, créatinine';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const temporaryDirs = [];
function temporaryDir(name) {
  const dir = mkdtempSync(join(tmpdir(), `dmp-example-${name}-`));
  temporaryDirs.push(dir);
  return dir;
}

/**
 * A static server on 127.0.0.1: `routes` maps a URL prefix to a directory (or an exact path to a
 * file); the first route holding the file answers. MSW's worker is always at /mockServiceWorker.js.
 */
async function serve(routes) {
  const table = [['/mockServiceWorker.js', resolve(repo, 'public/mockServiceWorker.js')], ...routes];
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    for (const [prefix, target] of table) {
      if (!path.startsWith(prefix)) continue;
      let file = path === prefix && !prefix.endsWith('/') ? target : resolve(target, `.${sep}${path.slice(prefix.length)}`);
      if (file !== target && !file.startsWith(target + sep)) continue;
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file) || !statSync(file).isFile()) continue;
      res.writeHead(200, { 'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

let browser;
const servers = [];

before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    timeout: TEST_TIMEOUT,
  });
});

after(async () => {
  await browser?.close();
  for (const server of servers) server.close();
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

/** Builds one of the Vite examples into a temporary directory and serves it. */
async function buildViteExample(name) {
  const outDir = temporaryDir(name);
  await viteBuild({
    configFile: resolve(repo, `examples/${name}/vite.config.ts`),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  const { server, origin } = await serve([['/', outDir]]);
  servers.push(server);
  return `${origin}/`;
}

/**
 * Opens the page, checks that the document list shows the mock's documents in its shadow root,
 * opens one (by a click on its title, or Enter on its row) and checks that the host page shows it.
 */
async function checkExample(url, { open }) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });

    await page.goto(url, { timeout: STEP_TIMEOUT });
    const list = page.locator('dmp-document-list');
    try {
      await list.locator(`text=${TITLE}`).first().waitFor();
    } catch (error) {
      // Say what the page looks like instead of only "timeout".
      const state = await page.evaluate(() => {
        const el = document.querySelector('dmp-document-list');
        return {
          defined: ['dmp-provider', 'dmp-document-list'].filter((tag) => customElements.get(tag)),
          controlledByMockWorker: Boolean(navigator.serviceWorker?.controller),
          shadowText: el?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 300) ?? null,
        };
      });
      assert.fail(`${TITLE} not shown: ${JSON.stringify({ ...state, problems })}\n${error.message}`);
    }
    assert.ok(
      await list.evaluate((el, title) => Boolean(el.shadowRoot?.textContent?.includes(title)) && !el.textContent?.includes(title), TITLE),
      'the title is rendered inside the element’s shadow root',
    );
    assert.equal(await page.evaluate(() => document.getElementById('opened-document')?.textContent?.trim()), 'Aucun document ouvert.');

    if (open === 'click') {
      await list.getByRole('button', { name: TITLE, exact: true }).click();
    } else {
      await list.getByRole('row').filter({ hasText: TITLE }).press('Enter');
    }
    // The host's own DOM (not a shadow root) shows the event's detail, then the file it read through it.
    await page.waitForFunction(
      (title) => /octets|impossible/.test(document.getElementById('opened-document')?.textContent ?? '') && document.getElementById('opened-document')?.textContent?.includes(title),
      TITLE,
      { timeout: STEP_TIMEOUT },
    );
    const shown = await page.evaluate(() => document.getElementById('opened-document')?.textContent?.trim());
    assert.ok(shown?.startsWith(`Document ouvert : ${TITLE} (`) && / \(\d+ octets\)$/.test(shown), shown);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

describe('examples/html: the standalone build in a plain page, no bundler', () => {
  let url;
  before(async () => {
    const dist = temporaryDir('html');
    await viteBuild({
      root: repo,
      configFile: resolve(repo, 'vite.config.ts'),
      mode: 'standalone',
      logLevel: 'error',
      build: { outDir: join(dist, 'standalone'), emptyOutDir: true, sourcemap: false },
    });
    // The page loads ../../dist/mocks/browser.js: the mock backend, bundled once for the test.
    await esbuild({
      entryPoints: [resolve(repo, 'mocks/browser.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      tsconfig: resolve(repo, 'tsconfig.json'),
      outfile: join(dist, 'mocks/browser.js'),
      logLevel: 'error',
    });
    const { server, origin } = await serve([
      ['/examples/html/', resolve(repo, 'examples/html')],
      ['/dist/', dist],
    ]);
    servers.push(server);
    url = `${origin}/examples/html/index.html`;
  }, { timeout: TEST_TIMEOUT });

  it('renders the documents and hands `dmp-document-open` to the page (Enter on a row)', { timeout: TEST_TIMEOUT }, async () => {
    await checkExample(url, { open: 'enter' });
  });
});

describe('examples/react: @lit/react wrappers (dmp-elements/react/<tag>)', () => {
  let url;
  before(async () => {
    url = await buildViteExample('react');
  }, { timeout: TEST_TIMEOUT });

  it('loads the three elements it imports and no other', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url, { timeout: STEP_TIMEOUT });
      await page.locator('dmp-document-list').locator(`text=${TITLE}`).first().waitFor({ timeout: STEP_TIMEOUT });
      const tags = ['dmp-provider', 'dmp-access-history', 'dmp-break-glass', 'dmp-consent-panel', 'dmp-document-list', 'dmp-dossier', 'dmp-dossier-create', 'dmp-patient-profile', 'dmp-synthesis-editor'];
      const defined = await page.evaluate((all) => all.filter((tag) => customElements.get(tag)), tags);
      assert.deepEqual(defined, ['dmp-provider', 'dmp-document-list', 'dmp-synthesis-editor']);
    } finally {
      await context.close();
    }
  });

  it('renders the documents and calls `onDmpDocumentOpen` (click on a title)', { timeout: TEST_TIMEOUT }, async () => {
    await checkExample(url, { open: 'click' });
  });
});

describe('examples/vue: Vue 3 with the tags as custom elements', () => {
  let url;
  before(async () => {
    url = await buildViteExample('vue');
  }, { timeout: TEST_TIMEOUT });

  it('renders the documents and reaches `@dmp-document-open` (click on a title)', { timeout: TEST_TIMEOUT }, async () => {
    await checkExample(url, { open: 'click' });
  });
});
