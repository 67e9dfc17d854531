import type { DmpDocument } from '../../src/model/document.js';
import type { DossierCreate, DossierInfo } from '../../src/model/dossier.js';
import { emptySynthesisContent } from '../../src/model/synthesis.js';
import type { Synthesis } from '../../src/model/synthesis.js';

export const BASE_URL = '/api/dmp/v1';
export const api = (path: string) => `${BASE_URL}${path}`;

/** Born May 1985 in the Yvelines; key 91. */
export const INS_ADULT = '185057800608491';
export const RPPS_DR_MARTIN = '10003000006';

export const DOSSIER_ACTIVE: DossierInfo = {
  ins: INS_ADULT,
  status: 'active',
  createdAt: '2021-03-02T09:30:00+01:00',
  policy: {
    status: 'active',
    patientIsMinor: false,
    treatingPhysiciansRpps: [RPPS_DR_MARTIN],
    authorizedRpps: [],
    blockedRpps: [],
    oppositions: { breakGlass: false, regulation: false },
  },
};

export const DOSSIER_CREATE: DossierCreate = {
  ins: INS_ADULT,
  insStatus: 'QUAL',
  traits: { birthName: 'DURAND', firstNames: 'Claire Marie', birthDate: '1985-05-14', sex: 'F' },
  channel: 'professional',
  consent: true,
};

export const DOC_BIOLOGY: DmpDocument = {
  id: 'doc-bio-1',
  title: 'Bilan lipidique',
  category: 'biology',
  classCode: '10',
  typeCode: '11502-2',
  author: { name: 'Laboratoire Cerballiance', profession: '21' },
  serviceStart: '2024-02-10T08:15:00+01:00',
  submittedAt: '2024-02-11T10:00:00+01:00',
  formatCode: 'urn:ihe:iti:xds-sd:pdf:2008',
  mimeType: 'application/pdf',
  size: 48213,
  confidentiality: ['N'],
  status: 'current',
  masked: false,
  invisibleToPatient: false,
  invisibleToLegalRepresentatives: false,
  depositedByPatient: false,
  version: 1,
};

export function documents(count: number): DmpDocument[] {
  return Array.from({ length: count }, (_, i) => ({ ...DOC_BIOLOGY, id: `doc-${i}` }));
}

export const SYNTHESIS_V1: Synthesis = {
  documentId: 'vsm-1',
  version: 1,
  etag: '"vsm-v1"',
  author: { name: 'Dr Paul Martin', rpps: RPPS_DR_MARTIN },
  savedAt: '2024-01-05T14:00:00+01:00',
  content: { ...emptySynthesisContent(), narrative: 'Pas d’antécédent connu à ce jour.' },
};

export const SYNTHESIS_V2: Synthesis = {
  ...SYNTHESIS_V1,
  documentId: 'vsm-2',
  version: 2,
  etag: '"vsm-v2"',
  savedAt: '2024-01-06T09:00:00+01:00',
  content: { ...emptySynthesisContent(), allergiesNoneKnown: true },
};

export function problem(status: number, title: string, extra: Record<string, unknown> = {}) {
  return { type: 'about:blank', title, status, ...extra };
}
