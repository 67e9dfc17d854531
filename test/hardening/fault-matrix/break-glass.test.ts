import { describeFaultMatrix } from '../fault-matrix.js';

describeFaultMatrix('dmp-break-glass');
