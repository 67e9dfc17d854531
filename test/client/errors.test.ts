import { expect } from '@open-wc/testing';
import { DmpError, isDmpError, undefinedIfNotFound } from '../../src/client/errors.js';

describe('DmpError', () => {
  it('is an Error named DmpError carrying its kind and details', () => {
    const error = new DmpError('forbidden', 'GET /dossiers/:ins answered 403', { status: 403, reason: 'blocked' });
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('DmpError');
    expect(error.kind).to.equal('forbidden');
    expect(error.status).to.equal(403);
    expect(error.reason).to.equal('blocked');
  });

  it('keeps its cause', () => {
    const cause = new TypeError('Failed to fetch');
    expect(new DmpError('network', 'no response', { cause }).cause).to.equal(cause);
  });

  it('is recognised by isDmpError, other errors and values are not', () => {
    expect(isDmpError(new DmpError('timeout', 'timed out'))).to.equal(true);
    expect(isDmpError(new Error('boom'))).to.equal(false);
    expect(isDmpError({ name: 'DmpError', kind: 'http' })).to.equal(false);
    expect(isDmpError(null)).to.equal(false);
    expect(isDmpError('DmpError')).to.equal(false);
  });

  it('is recognised across copies of the library, which share the global symbol', () => {
    const fromAnotherCopy = Object.assign(new Error('boom'), { kind: 'http', [Symbol.for('dmp-elements/DmpError')]: true });
    expect(isDmpError(fromAnotherCopy)).to.equal(true);
  });
});

describe('undefinedIfNotFound', () => {
  it('gives the answer, undefined for a not-found, and rethrows any other failure', async () => {
    expect(await undefinedIfNotFound(async () => 'synthesis')).to.equal('synthesis');
    expect(await undefinedIfNotFound(() => Promise.reject(new DmpError('not-found', 'GET answered 404', { status: 404 })))).to.equal(undefined);
    const forbidden = new DmpError('forbidden', 'GET answered 403', { status: 403 });
    const failed = await undefinedIfNotFound(() => Promise.reject(forbidden)).catch((error: unknown) => error);
    expect(failed).to.equal(forbidden);
    const notDmp = new TypeError('Failed to fetch');
    expect(await undefinedIfNotFound(() => Promise.reject(notDmp)).catch((error: unknown) => error)).to.equal(notDmp);
  });
});
