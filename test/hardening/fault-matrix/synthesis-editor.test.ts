import { describeFaultMatrix } from '../fault-matrix.js';

describeFaultMatrix('dmp-synthesis-editor');
