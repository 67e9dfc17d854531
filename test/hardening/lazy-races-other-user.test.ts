import '../../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import { ADULT, consentHandedOver, raceHooks } from './lazy-races.js';
import { seededActor } from './support.js';

/*
 * The user submits a form while the element's checks are still loading (see lazy-races.ts), and
 * the host hands the page to another user during that wait (a shared workstation): nothing may
 * be sent under the next user's name, and what the first one typed leaves with them.
 */

/** The suffix of this file's actors: drafts are shared by the test files running in parallel, these are its own. */
const TAG = 'races-other-user';

describe('a form submitted while the checks load, then another user', () => {
  raceHooks(TAG, [ADULT]);

  it('dmp-consent-panel: the notification settings are not sent, and the typed address is gone', async () => {
    await consentHandedOver(async (provider) => {
      provider.actor = seededActor('ps-martin');
    });
  });
});
