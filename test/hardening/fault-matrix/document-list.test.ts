import { describeFaultMatrix } from '../fault-matrix.js';

describeFaultMatrix('dmp-document-list');
