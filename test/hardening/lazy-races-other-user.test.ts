import { expect } from '@open-wc/testing';
import '../../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import { ADULT, consentTyped, letChecksIn, raceHooks, seen } from './lazy-races.js';
import { db, find, get, seededActor, waitFor } from './support.js';

/*
 * The user submits a form while the element's checks are still loading (see lazy-races.ts), and
 * the host hands the page to another user during that wait (a shared workstation): nothing may be
 * sent under the next user's name, and what the first one typed leaves with them.
 */

/** The suffix of this file's actors: drafts are shared by the test files running in parallel, these are its own. */
const TAG = 'races-other-user';
const TYPED = 'jeanne.d@example.org';

describe('a form submitted while the checks load, then another user', () => {
  raceHooks(TAG, [ADULT]);

  it('dmp-consent-panel: the notification settings are not sent, and the typed address is gone', async () => {
    const m = await consentTyped('pat-durand-jeanne', TYPED);
    get(m.el, '#notifications button[type="submit"]').click();
    m.provider.actor = seededActor('ps-martin');
    await m.provider.updateComplete;
    expect(m.checks.arrived(), 'the checks arrived before the user changed').to.equal(false);
    await letChecksIn(m.checks);
    expect(seen.writes, 'the write requests').to.deep.equal([]);
    expect(db.dossiers.get(ADULT)!.notificationPreferences.email).to.equal('jeanne.durand@example.org');
    m.provider.actor = seededActor('pat-durand-jeanne');
    const field = await waitFor(() => find<HTMLInputElement>(m.el, '#notify-email'), 'the panel never came back');
    expect(field.value).to.equal('jeanne.durand@example.org');
  });
});
