import { expect } from '@open-wc/testing';
import { DmpError, isDmpError } from '../../src/client/errors.js';

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
