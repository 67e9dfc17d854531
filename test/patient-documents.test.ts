import { expect } from '@open-wc/testing';
import { isDmpError } from '../src/client/errors.js';
import type { DmpClient } from '../src/client/types.js';
import { listPatientDocuments } from '../src/elements/base/patient-documents.js';

describe('listPatientDocuments', () => {
  it('stops, with an invalid-response, at a cursor that leads back to a page already read', async () => {
    let pages = 0;
    const client = {
      listDocuments: async () => {
        pages += 1;
        return { items: [], nextCursor: 'c1' };
      },
    } as unknown as DmpClient;
    const error: unknown = await listPatientDocuments(client, '258036938304702', {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDmpError(error) && error.kind).to.equal('invalid-response');
    expect(pages).to.equal(2);
  });
});
