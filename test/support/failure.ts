import { expect } from '@open-wc/testing';
import { isDmpError, type DmpError } from '../../src/client/errors.js';

/** The DmpError `promise` rejects with; fails the test if it resolves or rejects with anything else. */
export async function failure(promise: Promise<unknown>): Promise<DmpError> {
  try {
    await promise;
  } catch (error) {
    expect(isDmpError(error), `not a DmpError: ${String(error)}`).to.equal(true);
    return error as DmpError;
  }
  return expect.fail('expected the call to fail');
}
