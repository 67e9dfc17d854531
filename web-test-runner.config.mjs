import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';

/** One plain closing line, `tests: N passed, N failed`, for CI logs. */
function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const count = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests) count[test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed'] += 1;
        for (const child of suite.suites) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (!session.passed && !session.testResults?.tests.length && !session.testResults?.suites.length) count.failed += 1;
      }
      const skipped = count.skipped > 0 ? `, ${count.skipped} skipped` : '';
      process.stdout.write(`\ntests: ${count.passed} passed, ${count.failed} failed${skipped}\n`);
    },
  };
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, in the machine's time zone or in `timezoneId`. */
function chromium(timezoneId) {
  return playwrightLauncher({
    product: 'chromium',
    ...(timezoneId ? { createBrowserContext: ({ browser }) => browser.newContext({ timezoneId }) } : {}),
    launchOptions: {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  });
}

export default {
  files: ['test/**/*.test.ts', '!test/timezone/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  rootDir: '.',
  concurrency: 2,
  concurrentBrowsers: 1,
  testFramework: {
    // WTR_GREP='part of a title' runs only the tests whose titles match (the others are listed as not run).
    config: { timeout: 10000, grep: process.env.WTR_GREP },
  },
  testsFinishTimeout: 600000,
  browsers: [chromium()],
  // Users in France see times in Paris time, whatever time zone the test machine has.
  groups: [{ name: 'europe-paris', files: 'test/timezone/**/*.test.ts', browsers: [chromium('Europe/Paris')] }],
  reporters: [defaultReporter(), summaryReporter()],
  plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  middleware: [
    // MSW's worker only controls pages under its own path, so it must be served from the root.
    function serveWorkerAtRoot(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
};
