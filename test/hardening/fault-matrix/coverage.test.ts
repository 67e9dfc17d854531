import { describeMatrixCoverage } from '../fault-matrix.js';

describe('fault matrix', () => {
  describeMatrixCoverage();
});
