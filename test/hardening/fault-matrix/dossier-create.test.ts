import { describeFaultMatrix } from '../fault-matrix.js';

describeFaultMatrix('dmp-dossier-create');
