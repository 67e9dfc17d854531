import { describeFaultMatrix } from '../fault-matrix.js';

describeFaultMatrix('dmp-patient-profile');
