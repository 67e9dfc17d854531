import { expect } from '@open-wc/testing';
import { EMERGENCY_GRANT_DURATION_MS, grantLifetimeMs } from '../../src/policy/index.js';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const at = (minutesFromNow: number) => new Date(NOW + minutesFromNow * 60_000).toISOString();

describe('grantLifetimeMs', () => {
  it('lasts until expiresAt when the clocks agree', () => {
    expect(grantLifetimeMs(at(60), NOW)).to.equal(60 * 60_000);
    expect(grantLifetimeMs(at(12), NOW)).to.equal(12 * 60_000);
  });

  it('never lasts more than the grant’s hour, when this device’s clock is behind the server’s', () => {
    expect(grantLifetimeMs(at(75), NOW)).to.equal(EMERGENCY_GRANT_DURATION_MS);
  });

  it('counts the hour from now when the grant would seem over already (a device clock far ahead)', () => {
    expect(grantLifetimeMs(at(-6 * 24 * 60), NOW)).to.equal(EMERGENCY_GRANT_DURATION_MS);
    expect(grantLifetimeMs(at(0), NOW)).to.equal(EMERGENCY_GRANT_DURATION_MS);
  });

  it('is one hour', () => {
    expect(EMERGENCY_GRANT_DURATION_MS).to.equal(3_600_000);
  });
});
