import { describeFaultMatrix } from '../fault-matrix.js';

describeFaultMatrix('dmp-consent-panel');
