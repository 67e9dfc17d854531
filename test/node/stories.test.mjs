// Every Storybook story has zero axe violations, as the a11y addon would report them: Storybook is
// built into a temporary directory, served, and each story is rendered in one preview page (the
// mock backend running in it), left to settle, and checked with axe-core on its root.
// STORYBOOK_BUILD names a build made just before (CI runs `npm run build-storybook` first), to
// check that one rather than build Storybook a second time.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const repo = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** How long a story's DOM must stay unchanged to count as drawn (its mock requests answered). */
const QUIET_MS = 250;
const STORY_TIMEOUT = 15_000;

const prebuilt = process.env.STORYBOOK_BUILD ? resolve(repo, process.env.STORYBOOK_BUILD) : undefined;
const out = prebuilt ?? mkdtempSync(join(tmpdir(), 'dmp-storybook-'));
let server;
let browser;
let stories = [];
let docs = [];

before(async () => {
  if (!prebuilt) await promisify(execFile)('npx', ['storybook', 'build', '--quiet', '-o', out], { cwd: repo, maxBuffer: 64 * 1024 * 1024 });
  const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
  stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  docs = Object.values(index.entries).filter((entry) => entry.type === 'docs');
  server = await preview({ configFile: false, root: out, logLevel: 'error', build: { outDir: out }, preview: { port: 0, host: '127.0.0.1', open: false } });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
}, { timeout: 180_000 });

after(async () => {
  await browser?.close();
  await server?.close();
  if (!prebuilt) rmSync(out, { recursive: true, force: true });
});

/** Opens the preview on a story (the first one); later stories are switched to through Storybook's channel. */
async function openPreview(first = stories[0].id) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.resolvedUrls.local[0]}iframe.html?id=${first}&viewMode=story`);
  await page.waitForFunction(() => Boolean(window.__STORYBOOK_ADDONS_CHANNEL__), null, { timeout: STORY_TIMEOUT });
  // An axe of our own, apart from the one the a11y addon runs after each render: one instance
  // refuses a second run while the first is going.
  await page.addScriptTag({ content: `(() => { const addons = window.axe; ${readFileSync(AXE, 'utf8')}\n window.dmpAxe = window.axe; window.axe = addons; })();` });
  return { page, errors };
}

/** Renders a story and resolves once it says it rendered and its DOM, shadow roots included, is quiet. */
async function show(page, id) {
  const outcome = await page.evaluate(
    ([storyId, timeout]) =>
      new Promise((done) => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        const finish = (result) => {
          clearTimeout(timer);
          for (const [event, handler] of handlers) channel.off(event, handler);
          done(result);
        };
        const handlers = [
          ['storyRendered', (rendered) => rendered === storyId && finish('rendered')],
          ['storyErrored', (error) => finish(`errored: ${error?.title ?? ''} ${error?.description ?? ''}`)],
          ['storyThrewException', (error) => finish(`threw: ${error?.message ?? error}`)],
          ['playFunctionThrewException', (error) => finish(`play threw: ${error?.message ?? error}`)],
          ['storyMissing', () => finish('missing')],
        ];
        for (const [event, handler] of handlers) channel.on(event, handler);
        const timer = setTimeout(() => finish('no storyRendered event'), timeout);
        // The previous story's text must not count as this one's, should they draw the same.
        window.__storyText = undefined;
        channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }),
    [id, STORY_TIMEOUT],
  );
  assert.equal(outcome, 'rendered', `${id}: ${outcome}`);
  await page.waitForFunction(
    (quiet) => {
      const text = (node) => {
        let all = '';
        for (const child of node.childNodes) all += child.nodeType === Node.TEXT_NODE ? child.data : text(child);
        if (node.shadowRoot) all += text(node.shadowRoot);
        return all;
      };
      const root = document.getElementById('storybook-root');
      const now = performance.now();
      const current = root ? text(root) : '';
      if (window.__storyText !== current) {
        window.__storyText = current;
        window.__storySince = now;
      }
      return current.trim() !== '' && now - window.__storySince > quiet;
    },
    QUIET_MS,
    { polling: 50, timeout: STORY_TIMEOUT },
  );
}

async function violations(page) {
  return page.evaluate(async () => {
    const results = await window.dmpAxe.run(document.getElementById('storybook-root'), { resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' > ')).join(' | ')}`);
  });
}

describe('Storybook', () => {
  it('has a story for every element', () => {
    const tags = readFileSync(join(repo, 'custom-elements.json'), 'utf8').match(/"tagName": "dmp-[a-z-]+"/g).map((t) => t.slice(12, -1));
    const titled = new Set(stories.map((s) => s.title.split('/').pop()));
    for (const tag of new Set(tags)) assert.ok(titled.has(tag), `no story for ${tag}`);
  });

  it('has a docs page for every element, with its attributes from custom-elements.json', { timeout: 60_000 }, async () => {
    const manifest = JSON.parse(readFileSync(join(repo, 'custom-elements.json'), 'utf8'));
    const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName?.startsWith('dmp-'));
    for (const element of declarations) {
      const entry = docs.find((d) => d.title.split('/').pop() === element.tagName);
      assert.ok(entry, `no docs page for ${element.tagName}`);
      const attribute = element.attributes?.find((a) => a.description)?.name;
      assert.ok(attribute, `${element.tagName} documents no attribute`);
      // A page of its own for each: going from one docs page to the next in the same page was
      // once aborted (ERR_ABORTED) while the first still rendered its stories.
      const page = await browser.newPage();
      try {
        await page.goto(`${server.resolvedUrls.local[0]}iframe.html?id=${entry.id}&viewMode=docs`);
        // The table of the element's API, generated from the manifest.
        await page.locator('.docblock-argstable').getByText(attribute, { exact: true }).first().waitFor({ timeout: STORY_TIMEOUT });
      } finally {
        await page.close();
      }
    }
  });

  it('keeps each Loading story loading: its provider waits as long as the mock holds the answer', { timeout: 120_000 }, async () => {
    const loading = stories.filter((story) => /\bLoading$/.test(story.name));
    assert.ok(loading.length >= 8, `only ${loading.length} Loading stories found`);
    const { page } = await openPreview(loading[0].id);
    try {
      for (const story of loading) {
        await show(page, story.id);
        const timeout = await page.evaluate(() => document.querySelector('#storybook-root dmp-provider')?.requestTimeout);
        // A provider that gave up sooner would turn the state into "the server did not answer in time".
        assert.ok(timeout >= 10 * 60_000, `${story.id}: the provider gives up after ${timeout} ms`);
      }
    } finally {
      await page.close();
    }
  });

  it('renders every story with zero axe violations and no page error', { timeout: 900_000 }, async () => {
    assert.ok(stories.length > 100, `only ${stories.length} stories found`);
    const { page, errors } = await openPreview();
    const failures = [];
    for (const story of stories) {
      await show(page, story.id);
      const found = await violations(page);
      if (found.length > 0) failures.push(`${story.id}: ${found.join('; ')}`);
      if (errors.length > 0) failures.push(`${story.id}: page error ${errors.splice(0).join('; ')}`);
    }
    assert.deepEqual(failures, []);
  });
});
