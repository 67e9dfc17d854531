// The demo page of `npm start` works as the README promises: every element on the mock backend,
// for each seeded user, in French and in English, and after "reset data", with no page error and
// nothing written to the console as an error. Served by Vite's dev server, as `npm start` does.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TAGS = [
  'dmp-dossier',
  'dmp-document-list',
  'dmp-synthesis-editor',
  'dmp-access-history',
  'dmp-consent-panel',
  'dmp-break-glass',
  'dmp-dossier-create',
  'dmp-patient-profile',
];
/** The roles issue #8 asks the switcher to offer, by the actor's `kind` or `profession` (RPPS codes). */
const ROLES = {
  patient: (a) => a.kind === 'patient',
  'legal representative': (a) => a.kind === 'legal-representative',
  'médecin traitant': (a) => a.id === 'ps-martin',
  'other médecin': (a) => a.profession === '10' && a.id !== 'ps-martin' && !a.regulator,
  pharmacist: (a) => a.profession === '21',
  nurse: (a) => a.profession === '60',
  opticien: (a) => a.profession === '28',
  'SAMU regulator': (a) => a.profession === '10' && a.regulator === true,
  'administrative staff': (a) => a.kind === 'administrative-staff',
  'occupational physician': (a) => a.kind === 'occupational-physician',
};
const SETTLE_MS = 400;
const STEP_TIMEOUT = 20_000;

/**
 * The one refusal the browser may log: the existence test (`GET /dossiers/{ins}`) answered 403.
 * It is how the DMP tells an actor the law keeps out (occupational physician, insurer), or one
 * refused for this identity, why; the attempt is asked for on purpose, to be traced in the
 * patient's history. Every other refusal is known from the policy before any request.
 */
function isTracedRefusal(message) {
  return /status of 403/.test(message.text()) && /\/api\/dmp\/v1\/dossiers\/[^/?]+$/.test(message.location().url);
}

let server;
let browser;
let page;
const problems = [];

before(async () => {
  server = await createServer({ logLevel: 'error', server: { port: 0, host: '127.0.0.1', open: false } });
  await server.listen();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error' || isTracedRefusal(message)) return;
    problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  await page.goto(`${server.resolvedUrls.local[0]}demo/index.html`);
  await page.waitForFunction(() => document.querySelectorAll('#actor option').length > 0);
  await settled();
  assert.deepEqual(problems, [], 'while the page loaded');
}, { timeout: 60_000 });

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until every element has drawn something and nothing in the page changed for a while. */
async function settled() {
  // The quiet period starts now: a switch that changes no text at once must still wait it out.
  await page.evaluate(() => {
    window.__demoText = undefined;
  });
  await page.waitForFunction(
    ([tags, quiet]) => {
      const text = tags.map((tag) => document.querySelector(tag)?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '').join('\u0000');
      const w = window;
      const now = performance.now();
      if (w.__demoText !== text) {
        w.__demoText = text;
        w.__demoSince = now;
      }
      return tags.every((tag) => (document.querySelector(tag)?.shadowRoot?.textContent?.trim() ?? '') !== '') && now - w.__demoSince > quiet;
    },
    [TAGS, SETTLE_MS],
    { polling: 100, timeout: STEP_TIMEOUT },
  );
}

const shadowText = (tag) => page.evaluate((t) => document.querySelector(t)?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '', tag);

describe('the demo page (npm start)', () => {
  // Each test answers for what happened during it, not for an earlier test's failure.
  beforeEach(() => {
    problems.length = 0;
  });

  it('offers every seeded role in its user switcher', async () => {
    const offered = await page.evaluate(() => [...document.querySelectorAll('#actor option')].map((o) => o.value));
    const { ACTORS } = await server.ssrLoadModule('/mocks/data/index.ts');
    const actors = ACTORS.filter((a) => offered.includes(a.id ?? ''));
    assert.equal(actors.length, ACTORS.length, 'every seeded actor is in the switcher');
    for (const [role, is] of Object.entries(ROLES)) assert.ok(actors.some(is), `no ${role} in the switcher`);
    // Each user is offered by name and role: the roles are what a visitor looks for.
    const label = (id) => page.textContent(`#actor option[value="${id}"]`);
    assert.equal(await label('ps-martin'), 'Dr Claire Martin — médecin traitant');
    assert.match(await label('ps-girard'), / — médecin régulateur \(SAMU – Centre 15\)$/);
    assert.match(await label('ps-dubois'), / — Pharmacien$/);
    assert.match(await label('ps-fontaine'), / — Opticien-lunetier$/);
    assert.match(await label('rep-moreau-sophie'), / — Représentant légal$/);
    assert.match(await label('occ-med'), / — Médecin du travail$/);
  });

  it('shows every element for every user, with no console error', { timeout: 240_000 }, async () => {
    const offered = await page.evaluate(() => [...document.querySelectorAll('#actor option')].map((o) => o.value));
    for (const actor of offered) {
      await page.selectOption('#actor', actor);
      await settled();
      assert.deepEqual(problems, [], `as ${actor}`);
    }
  });

  it('shows every dossier, and every identity without one, with no console error', { timeout: 240_000 }, async () => {
    await page.selectOption('#actor', 'ps-martin');
    const patients = await page.evaluate(() => [...document.querySelectorAll('#patient option')].map((o) => o.value));
    assert.ok(patients.length >= 9, 'the seeded dossiers and identities are offered');
    for (const ins of patients) {
      await page.selectOption('#patient', ins);
      await settled();
      assert.deepEqual(problems, [], `for ${ins}`);
    }
  });

  it('offers a patient only their own dossier, and a legal representative those they represent', async () => {
    await page.selectOption('#actor', 'pat-durand-jeanne');
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#patient option')].map((o) => o.value)), ['258036938304702']);
    await page.selectOption('#actor', 'rep-moreau-sophie');
    const { PATIENTS } = await server.ssrLoadModule('/mocks/data/index.ts');
    const represented = PATIENTS.filter((p) => p.dossier?.legalRepresentatives.some((r) => r.id === 'rep-moreau-sophie')).map((p) => p.identity.ins);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#patient option')].map((o) => o.value)), represented);
    await settled();
    assert.deepEqual(problems, []);
  });

  it('switches to English and back, with no console error', { timeout: 60_000 }, async () => {
    await page.selectOption('#actor', 'ps-martin');
    await settled();
    assert.match(await shadowText('dmp-document-list'), /Ajouter un document/);
    await page.selectOption('#locale', 'en');
    await page.waitForFunction(() => document.querySelector('dmp-document-list')?.shadowRoot?.textContent?.includes('Add a document'));
    await settled();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.doesNotMatch(await shadowText('dmp-document-list'), /Ajouter un document/);
    // The page's own words follow too: nothing is left half in French.
    assert.equal(await page.textContent('#reset'), 'Reset the data');
    assert.equal(await page.textContent('#elements h2'), 'The whole DMP');
    assert.match(await page.textContent('#patient option:checked'), /active record$/);
    await page.waitForFunction(() => document.querySelector('#actor option[value="ps-dubois"]')?.textContent?.endsWith(' — Pharmacist'));
    assert.equal(await page.textContent('#actor option[value="ps-martin"]'), 'Dr Claire Martin — treating doctor');
    await page.selectOption('#locale', 'fr');
    await page.waitForFunction(() => document.querySelector('dmp-document-list')?.shadowRoot?.textContent?.includes('Ajouter un document'));
    assert.deepEqual(problems, []);
  });

  it('"reset data" puts back the seeded data and says so', { timeout: 60_000 }, async () => {
    await page.selectOption('#actor', 'ps-martin');
    await page.selectOption('#patient', '258036938304702');
    await settled();
    const list = page.locator('dmp-document-list');
    // The list draws only the rows in view (virtualized).
    await list.scrollIntoViewIfNeeded();
    const count = async () => Number((await shadowText('dmp-document-list')).match(/(\d+) documents/)?.[1]);
    /** The count the list says, once it says `expected` (it redraws after its reload). */
    const countBecomes = (expected) =>
      page.waitForFunction((n) => new RegExp(`(^|\\D)${n} documents`).test(document.querySelector('dmp-document-list')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? ''), expected);
    const seeded = await count();
    assert.ok(seeded > 0, 'the list says how many documents it holds');
    const status = await page.evaluate(async () => {
      const body = new FormData();
      body.append('metadata', JSON.stringify({ title: 'Ajouté pendant la démonstration', typeCode: '11488-4', serviceStart: new Date().toISOString() }));
      body.append('file', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'demo.pdf');
      const response = await fetch('/api/dmp/v1/dossiers/258036938304702/documents', { method: 'POST', headers: { Authorization: 'Bearer ps-martin' }, body });
      return response.status;
    });
    assert.equal(status, 201);
    await page.evaluate(() => document.getElementById('provider').notifyDataChanged(['documents']));
    await list.getByText('Ajouté pendant la démonstration').waitFor();
    await countBecomes(seeded + 1);
    await page.click('#reset');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Données de démonstration réinitialisées.');
    await list.getByText('Ajouté pendant la démonstration').waitFor({ state: 'detached' });
    await countBecomes(seeded);
    assert.deepEqual(problems, []);
  });
});
