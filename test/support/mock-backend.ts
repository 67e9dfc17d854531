import { db, startMockBackend, worker } from '../../mocks/browser.js';
import { SEED_NOW } from '../../mocks/data/index.js';

/**
 * Runs the suite's tests against the mock backend as seeded, on the seed's clock: every test
 * starts from the same data, and a request no handler answers fails the test.
 */
export function onSeededBackend(): void {
  before(async () => {
    await startMockBackend({ onUnhandledRequest: 'error' });
  });
  after(() => worker.stop());
  beforeEach(() => {
    db.reset();
    db.setNow(SEED_NOW);
  });
}
