// `npm run bench`: builds bench/index.html for production (Lit in production mode), serves it on
// 127.0.0.1, runs it in Debian's Chromium through playwright-core, prints the medians and ratios
// and writes BENCHMARKS.md. Not part of `npm test`: speed is measured here, not asserted there.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const dir = mkdtempSync(join(tmpdir(), 'dmp-bench-'));
const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css' };
let server;
let browser;
try {
  await build({
    configFile: false,
    root: process.cwd(),
    logLevel: 'error',
    build: { outDir: dir, emptyOutDir: true, target: 'es2022', rollupOptions: { input: 'bench/index.html' } },
  });
  server = createServer((req, res) => {
    const path = normalize(new URL(req.url, 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path);
    let body;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('requestfailed', (request) => console.error('request failed:', request.url()));
  page.on('response', (response) => response.status() >= 400 && console.error(`${response.status()}:`, response.url()));
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/index.html?run`);
  await page.waitForFunction(() => window.benchResults, null, { timeout: 600_000, polling: 1000 });
  const r = await page.evaluate(() => window.benchResults);
  const version = browser.version();
  const ms = (n) => `${n.toFixed(1)} ms`;
  const rows = [
    ['First render, 10,000 documents', ms(r.firstRender10k.elementMs), ms(r.firstRender10k.vanillaMs), `${r.firstRender10k.ratio.toFixed(2)}×`, '≤ 1.3× vanilla'],
    ['First render, 100,000 documents (virtualized)', ms(r.firstRender100k.elementMs), ms(r.firstRender100k.vanillaMs), `${r.firstRender100k.ratio.toFixed(3)}×`, '≤ 50 ms'],
    ['Keyword filter over 10,000 loaded documents (median)', ms(r.keywordFilter10k.medianMs), '', '', '≤ 16 ms'],
    ['Scroll to the middle of 100,000 (median)', ms(r.scrollToMiddle100k.medianMs), '', '', 'smooth'],
    ['dmp-dossier: attached to récapitulatif rendered, 10,000 documents, patient (median)', ms(r.recap10kPatient.medianMs), '', '', ''],
    ['dmp-dossier: attached to récapitulatif rendered, 10,000 documents, médecin traitant (median)', ms(r.recap10kTreating.medianMs), '', '', ''],
    ['dmp-synthesis-editor: open a synthesis of 200 entries, read view (median)', ms(r.synthesis200.readMs), '', '', ''],
    ['dmp-synthesis-editor: from Edit to the 200 entries editable (median)', ms(r.synthesis200.editMs), '', '', ''],
    ['zod/mini parse of 10,000 documents, jitless (strict CSP)', ms(r.zodParse10k.jitlessMs), ms(r.zodParse10k.jsonMs), `${(r.zodParse10k.jitlessMs / r.zodParse10k.jsonMs).toFixed(2)}× JSON.parse`, ''],
    ['zod/mini parse of 10,000 documents, with the JIT', ms(r.zodParse10k.jitMs), ms(r.zodParse10k.jsonMs), `${(r.zodParse10k.jitMs / r.zodParse10k.jsonMs).toFixed(2)}× JSON.parse`, ''],
    ['Access history: first render, a page of 1,000 lines', ms(r.history1k.elementMs), ms(r.history1k.vanillaMs), `${r.history1k.ratio.toFixed(2)}×`, ''],
    ['Access history: "load more", the next 1,000 lines (median)', ms(r.history1k.loadMoreMs), '', '', ''],
    ['Access history: CSV of 10,000 lines', ms(r.csv10k.csvMs), '', '', ''],
  ];
  const table = [
    '| measure | dmp-elements | baseline | ratio | target |',
    '|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, Chromium ${version}`;
  const date = new Date().toISOString().slice(0, 10);
  console.log(table);
  writeFileSync(
    'BENCHMARKS.md',
    `# Benchmarks\n\nMeasured by \`npm run bench\` on ${date}: ${machine}, headless, production build.\nBaselines run in the same page: a vanilla DOM table rendering every row; \`JSON.parse\` of the\nsame payload. Medians (first render: 7 runs at 10,000, 3 at 100,000 with 1 vanilla run; the history: 7 runs). A render\nor a scroll is timed from the DOM change to just after the paint that shows its rows\n(MutationObserver, then a task queued from the next frame callback), the same way on both sides.\n\n${table}\n`,
  );
} finally {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
}
