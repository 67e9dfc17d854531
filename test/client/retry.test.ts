import { expect } from '@open-wc/testing';
import { parseRetryAfter } from '../../src/client/retry.js';

describe('Retry-After', () => {
  it('reads a number of seconds', () => {
    expect(parseRetryAfter('120')).to.equal(120);
    expect(parseRetryAfter(' 0 ')).to.equal(0);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });

  it('reads an HTTP date in each of its three forms, as GMT', () => {
    const at = new Date(Date.now() + 60_000);
    at.setUTCMilliseconds(0);
    const [day, month] = [at.toUTCString().slice(0, 3), at.toUTCString().slice(8, 11)];
    const pad = (n: number) => String(n).padStart(2, '0');
    const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
    const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' }).format(at);
    const forms = [
      at.toUTCString(),
      `${weekday}, ${pad(at.getUTCDate())}-${month}-${String(at.getUTCFullYear()).slice(2)} ${time} GMT`,
      `${day} ${month} ${String(at.getUTCDate()).padStart(2, ' ')} ${time} ${at.getUTCFullYear()}`,
    ];
    for (const form of forms) expect(parseRetryAfter(form), form).to.be.within(50, 60);
  });

  it('reads nothing from a value of neither form, so that the usual backoff applies', () => {
    for (const value of ['1.5', '-1', '+3', 'soon', '5s', '', 'Sun, 06 Nov 1994']) expect(parseRetryAfter(value), value).to.equal(undefined);
  });
});
