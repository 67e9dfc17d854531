// "Today" in the elements is the user's calendar day (a patient turns 18, a date may not be in
// the future): the browser tests run in UTC, where that day and UTC's are one, so this runs in
// Node with other time zones.
import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import { importTs } from '../../scripts/lib/bundle.mjs';

const { localToday } = await importTs('src/i18n/format.ts');
const zone = process.env.TZ;

describe('localToday', () => {
  afterEach(() => {
    mock.timers.reset();
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  for (const [tz, instant, day] of [
    // 00:30 in Paris on 14 March is still 13 March in UTC.
    ['Europe/Paris', '2026-03-13T23:30:00Z', '2026-03-14'],
    // Late evening in Guadeloupe is already the next day in UTC.
    ['America/Guadeloupe', '2026-03-14T02:30:00Z', '2026-03-13'],
    ['Pacific/Noumea', '2026-03-13T13:30:00Z', '2026-03-14'],
  ]) {
    it(`is ${day} at ${instant} in ${tz}`, () => {
      process.env.TZ = tz;
      mock.timers.enable({ apis: ['Date'], now: Date.parse(instant) });
      assert.equal(localToday(), day);
      assert.notEqual(new Date().toISOString().slice(0, 10), day, 'UTC’s day would be wrong here');
    });
  }
});
