// `npm run screenshots`: one picture of each element on the demo page (mock backend), for the
// README. Starts Vite's dev server, drives Debian's Chromium, writes docs/screenshots/<tag>.png.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const SHOTS = [
  ['dmp-document-list', 'ps-martin'],
  ['dmp-synthesis-editor', 'ps-martin'],
  ['dmp-access-history', 'pat-durand-jeanne'],
  ['dmp-consent-panel', 'pat-durand-jeanne'],
  ['dmp-break-glass', 'ps-morel'],
  ['dmp-dossier-create', 'ps-dubois'],
  ['dmp-patient-profile', 'pat-durand-jeanne'],
  ['dmp-dossier', 'pat-durand-jeanne'],
];

const server = await createServer({ logLevel: 'error', server: { port: 0, open: false } });
await server.listen();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
try {
  mkdirSync('docs/screenshots', { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(`${server.resolvedUrls.local[0]}demo/index.html`);
  for (const [tag, actor] of SHOTS) {
    await page.selectOption('#actor', actor);
    await page.waitForTimeout(1500);
    const element = page.locator(tag).first();
    await element.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await element.screenshot({ path: `docs/screenshots/${tag}.png` });
    console.log(`docs/screenshots/${tag}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
