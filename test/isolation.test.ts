import { expect } from '@open-wc/testing';
import { PATIENT_ADULT } from '../mocks/data/index.js';
import { db, resetBackend, startBackend } from './support/mount.js';

const ADULT = PATIENT_ADULT.identity.ins;

/** A reading of the patient's documents by their médecin traitant, as an element sends it. */
function readDocuments(): Promise<Response> {
  return fetch(`/api/dmp/v1/dossiers/${ADULT}/documents`, { headers: { Authorization: 'Bearer ps-martin' } });
}

describe('one test’s requests, another test’s backend', () => {
  before(startBackend);
  beforeEach(resetBackend);

  it('answers and logs a request sent in the test', async () => {
    const lines = db.logOf(ADULT).length;
    const response = await readDocuments();
    expect(response.status).to.equal(200);
    expect(db.logOf(ADULT).length).to.be.greaterThan(lines);
  });

  it('refuses a request sent before the backend was reset, that reaches it after, and writes nothing of it in the access history', async () => {
    // The request leaves stamped with this test's reset; the next test's reset comes before the
    // handlers see it, as on a busy machine.
    const sent = readDocuments();
    await resetBackend();
    const lines = db.logOf(ADULT).length;
    const response = await sent;
    expect(response.status).to.equal(410);
    expect(db.logOf(ADULT).length).to.equal(lines);
    expect((await readDocuments()).status, 'a request sent after the reset').to.equal(200);
  });
});
