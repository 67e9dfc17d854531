import { DR_MARTIN_TRAITANT, PATIENT_LARGE } from '../mocks/data/index.js';
import type { AccessLogEntry } from '../src/model/access-log.js';
import type { DossierInfo } from '../src/model/dossier.js';

/** The 10,000-document patient's dossier as the existence test answers it: active, Dr Martin its médecin traitant. */
export function largeDossierInfo(ins: string): DossierInfo {
  return {
    ins,
    status: 'active',
    policy: {
      status: 'active',
      patientId: PATIENT_LARGE.id,
      patientIsMinor: false,
      treatingPhysiciansRpps: [DR_MARTIN_TRAITANT.rpps],
      authorizedRpps: [],
      blockedRpps: [],
      oppositions: { breakGlass: false, regulation: false },
      insStatus: 'QUAL',
    },
  };
}

/** `count` lines of a busy dossier's log, newest first: one emergency access in fifty. */
export function generateLogEntries(count: number): AccessLogEntry[] {
  const newest = Date.UTC(2026, 10, 1);
  return Array.from({ length: count }, (_, i) => ({
    id: `log-${i}`,
    at: new Date(newest - i * 60_000).toISOString(),
    actor: { kind: 'professional', id: 'ps-martin', name: 'Dr Claire Martin', rpps: '10003456786', profession: '10', organisation: 'Cabinet médical des Brotteaux' },
    action: i % 3 ? 'document.read' : 'document.list',
    target: { documentId: `doc-${i}`, title: `=Compte rendu ${i}` },
    mode: i % 50 ? 'normal' : 'break-glass',
    ...(i % 50 ? {} : { justification: 'Patiente inconsciente aux urgences, allergies inconnues' }),
    outcome: 'allowed',
    reason: 'allowed',
    secret: false,
  }));
}
