import '../../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import { ADULT, consentHandedOver, raceHooks } from './lazy-races.js';
import { seededActor } from './support.js';

/*
 * The user submits a form while the element's checks are still loading (see lazy-races.ts),
 * then logs out, and another user logs in during that wait: the new session is active again, so
 * the element cannot rest on the session alone to drop what was asked before.
 */

/** The suffix of this file's actors: drafts are shared by the test files running in parallel, these are its own. */
const TAG = 'races-next-user';

describe('a form submitted while the checks load, then a logout and another user', () => {
  raceHooks(TAG, [ADULT]);

  it('dmp-consent-panel: the notification settings are not sent, and the typed address is gone', async () => {
    await consentHandedOver(async (provider) => {
      await provider.logout();
      provider.actor = seededActor('ps-martin');
    });
  });
});
