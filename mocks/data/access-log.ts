import type { AccessLogEntry } from '../../src/model/access-log.js';
import type { Actor } from '../../src/model/actor.js';
import type { Professional } from '../../src/model/professional.js';
import { INSURER_MUTUELLE, LEGAL_REPRESENTATIVE_MOREAU } from './actors.js';
import {
  INVISIBLE_RELEASED,
  MASKED_PSYCHIATRIC_SYNTHESIS,
  SECRET_CONSULTATION,
  VSM_V2,
} from './documents.js';
import {
  PATIENT_ADULT,
  PATIENT_CLOSED,
  PATIENT_MASKED,
  PATIENT_MINOR,
  PATIENT_OPPOSED,
  patientDisplayName,
  type SeedPatient,
} from './patients.js';
import {
  BIOLOGIST_MERCIER,
  DR_BERNARD_CARDIOLOGUE,
  DR_LEFEBVRE_TRAITANT,
  DR_MARTIN_TRAITANT,
  DR_MOREL_URGENTISTE,
  DR_RENARD_BLOCKED,
  DR_ROUSSEL_PSYCHIATRE,
  MIDWIFE_LEROY,
  NURSE_PETIT,
  PHARMACIST_DUBOIS,
  RADIOLOGIST_FAURE,
  SAMU_REGULATOR_GIRARD,
  professionalDisplayName,
} from './professionals.js';

/** One seeded line of a dossier's history, with the dossier it belongs to. */
export interface SeedAccessLogEntry {
  ins: string;
  entry: AccessLogEntry;
}

type Snapshot = AccessLogEntry['actor'];

function pro(p: Professional): Snapshot {
  const snapshot: Snapshot = { kind: 'professional', id: p.id, name: professionalDisplayName(p), rpps: p.rpps, profession: p.profession };
  if (p.organisation) snapshot.organisation = p.organisation.name;
  return snapshot;
}

function patient(p: SeedPatient): Snapshot {
  return { kind: 'patient', id: p.id, name: patientDisplayName(p.identity) };
}

function other(actor: Actor): Snapshot {
  return { kind: actor.kind, id: actor.id, name: actor.displayName ?? actor.kind };
}

type Line = Omit<AccessLogEntry, 'id' | 'mode' | 'outcome' | 'reason' | 'secret'> &
  Partial<Pick<AccessLogEntry, 'mode' | 'outcome' | 'reason' | 'secret'>>;

function line(l: Line): Omit<AccessLogEntry, 'id'> {
  return { mode: 'normal', outcome: 'allowed', reason: 'allowed', secret: false, ...l };
}

const doc = (d: { id: string; title: string }) => ({ documentId: d.id, title: d.title });

const BREAK_GLASS_JUSTIFICATION =
  'Patiente admise inconsciente aux urgences après un malaise : recherche des antécédents et des traitements en cours.';
const REGULATION_JUSTIFICATION =
  'Appel au 15 pour douleur thoracique : vérification des traitements et allergies avant l’envoi du SMUR.';

const ADULT: Omit<AccessLogEntry, 'id'>[] = [
  line({ at: '2025-06-02T18:05:00.000Z', actor: patient(PATIENT_ADULT), action: 'authorization.manage' }),
  line({ at: '2025-06-12T14:20:00.000Z', actor: pro(DR_MARTIN_TRAITANT), action: 'synthesis.write', target: { documentId: 'doc-durand-vsm-v1', title: 'Volet de synthèse médicale' } }),
  line({ at: '2025-11-08T19:45:00.000Z', actor: patient(PATIENT_ADULT), action: 'document.add', target: { documentId: 'doc-durand-directives', title: 'Directives anticipées' } }),
  line({ at: '2026-02-11T16:20:00.000Z', actor: pro(RADIOLOGIST_FAURE), action: 'document.add', target: { documentId: 'doc-durand-irm-genou', title: 'IRM du genou droit' } }),
  // Granting an authorization is the patient's act (POLICY.md step 6): she authorizes her physiotherapist.
  line({ at: '2026-03-01T10:30:00.000Z', actor: patient(PATIENT_ADULT), action: 'authorization.manage' }),
  line({ at: '2026-05-20T09:05:00.000Z', actor: pro(DR_BERNARD_CARDIOLOGUE), action: 'dossier.read' }),
  line({ at: '2026-05-20T09:12:00.000Z', actor: pro(DR_BERNARD_CARDIOLOGUE), action: 'document.add', target: { documentId: 'doc-durand-cr-cardio', title: 'Compte rendu de consultation de cardiologie' } }),
  line({ at: '2026-07-03T01:58:00.000Z', actor: pro(SAMU_REGULATOR_GIRARD), action: 'dossier.read', mode: 'regulation', justification: REGULATION_JUSTIFICATION }),
  line({ at: '2026-07-03T02:14:00.000Z', actor: pro(DR_MOREL_URGENTISTE), action: 'dossier.read', mode: 'break-glass', justification: BREAK_GLASS_JUSTIFICATION }),
  line({
    at: '2026-07-03T02:16:00.000Z',
    actor: pro(DR_MOREL_URGENTISTE),
    action: 'document.read',
    target: { documentId: 'doc-durand-cr-hospit', title: 'Compte rendu d’hospitalisation — cardiologie (douleur thoracique)' },
    mode: 'break-glass',
    justification: BREAK_GLASS_JUSTIFICATION,
  }),
  // The existence test (dossier.read) is open even to a blocked professional; the block stops him at the content.
  line({ at: '2026-08-11T08:40:00.000Z', actor: pro(DR_RENARD_BLOCKED), action: 'document.list', outcome: 'denied', reason: 'blocked' }),
  line({ at: '2026-08-12T14:02:00.000Z', actor: pro(DR_ROUSSEL_PSYCHIATRE), action: 'document.list', outcome: 'denied', reason: 'not-authorized' }),
  line({ at: '2026-09-18T10:12:00.000Z', actor: pro(DR_MARTIN_TRAITANT), action: 'synthesis.read' }),
  line({ at: '2026-09-18T10:45:00.000Z', actor: pro(DR_MARTIN_TRAITANT), action: 'synthesis.write', target: doc(VSM_V2) }),
  line({ at: '2026-09-18T10:50:00.000Z', actor: pro(DR_MARTIN_TRAITANT), action: 'document.add', target: { documentId: 'doc-durand-ordonnance', title: 'Ordonnance' } }),
  line({ at: '2026-09-19T14:02:00.000Z', actor: pro(PHARMACIST_DUBOIS), action: 'document.list' }),
  line({ at: '2026-09-19T14:05:00.000Z', actor: pro(PHARMACIST_DUBOIS), action: 'document.read', target: { documentId: 'doc-durand-ordonnance', title: 'Ordonnance' } }),
  line({ at: '2026-09-19T14:10:00.000Z', actor: pro(PHARMACIST_DUBOIS), action: 'document.add', target: { documentId: 'doc-durand-dispensation', title: 'Dispensation pharmacie' } }),
  line({ at: '2026-09-30T11:00:00.000Z', actor: other(INSURER_MUTUELLE), action: 'dossier.read', outcome: 'denied', reason: 'never-authorized-actor' }),
  line({ at: '2026-10-05T09:02:00.000Z', actor: pro(BIOLOGIST_MERCIER), action: 'document.add', target: { documentId: 'doc-durand-bio-nfs', title: 'Bilan sanguin : NFS, ionogramme, créatinine' } }),
  line({ at: '2026-10-06T18:35:00.000Z', actor: pro(NURSE_PETIT), action: 'document.read', target: { documentId: 'doc-durand-bio-nfs', title: 'Bilan sanguin : NFS, ionogramme, créatinine' } }),
  line({ at: '2026-10-15T09:20:00.000Z', actor: pro(DR_MARTIN_TRAITANT), action: 'document.add', target: { documentId: 'doc-durand-vaccinations', title: 'Historique des vaccinations' } }),
  line({ at: '2026-11-03T20:15:00.000Z', actor: patient(PATIENT_ADULT), action: 'history.read' }),
];

const MINOR: Omit<AccessLogEntry, 'id'>[] = [
  line({ at: '2026-03-12T17:05:00.000Z', actor: pro(DR_LEFEBVRE_TRAITANT), action: 'document.add', target: { documentId: 'doc-moreau-cr-asthme', title: 'Compte rendu de consultation — suivi de l’asthme' } }),
  // The midwife works under the minor's connexion secrète: her lines are hidden from the mother.
  line({ at: '2026-10-08T13:32:00.000Z', actor: pro(MIDWIFE_LEROY), action: 'dossier.read', secret: true }),
  line({ at: '2026-10-08T14:10:00.000Z', actor: pro(MIDWIFE_LEROY), action: 'document.add', target: doc(SECRET_CONSULTATION), secret: true }),
  line({ at: '2026-11-02T19:30:00.000Z', actor: other(LEGAL_REPRESENTATIVE_MOREAU), action: 'history.read' }),
];

const CLOSED: Omit<AccessLogEntry, 'id'>[] = [
  line({ at: '2025-09-15T10:30:00.000Z', actor: patient(PATIENT_CLOSED), action: 'dossier.close' }),
];

// The oppositions stop access to the content: the existence test (dossier.read) would have been allowed.
const OPPOSED: Omit<AccessLogEntry, 'id'>[] = [
  line({ at: '2026-01-22T23:48:00.000Z', actor: pro(SAMU_REGULATOR_GIRARD), action: 'synthesis.read', mode: 'regulation', justification: 'Appel au 15 pour perte de connaissance sur la voie publique, patient non joignable.', outcome: 'denied', reason: 'patient-opposed' }),
  line({ at: '2026-01-23T00:35:00.000Z', actor: pro(DR_MOREL_URGENTISTE), action: 'synthesis.read', mode: 'break-glass', justification: 'Patient inconscient à son arrivée aux urgences, aucun proche joignable pour les antécédents.', outcome: 'denied', reason: 'patient-opposed' }),
  line({ at: '2026-06-05T18:08:00.000Z', actor: pro(PHARMACIST_DUBOIS), action: 'document.list' }),
];

const MASKED: Omit<AccessLogEntry, 'id'>[] = [
  line({ at: '2025-11-22T21:10:00.000Z', actor: patient(PATIENT_MASKED), action: 'document.mask', target: doc(MASKED_PSYCHIATRIC_SYNTHESIS) }),
  line({ at: '2026-06-17T09:28:00.000Z', actor: pro(PHARMACIST_DUBOIS), action: 'document.list' }),
  line({ at: '2026-09-02T11:00:00.000Z', actor: pro(RADIOLOGIST_FAURE), action: 'document.add', target: doc(INVISIBLE_RELEASED) }),
  line({ at: '2026-10-04T18:00:00.000Z', actor: patient(PATIENT_MASKED), action: 'document.read', target: doc(INVISIBLE_RELEASED) }),
];

function numbered(ins: string, prefix: string, entries: Omit<AccessLogEntry, 'id'>[]): SeedAccessLogEntry[] {
  return entries.map((entry, index) => ({ ins, entry: { id: `log-${prefix}-${String(index + 1).padStart(3, '0')}`, ...entry } }));
}

/** The seeded histories, oldest first within each dossier. */
export const ACCESS_LOG: SeedAccessLogEntry[] = [
  ...numbered(PATIENT_ADULT.identity.ins, 'durand', ADULT),
  ...numbered(PATIENT_MINOR.identity.ins, 'moreau', MINOR),
  ...numbered(PATIENT_CLOSED.identity.ins, 'lambert', CLOSED),
  ...numbered(PATIENT_OPPOSED.identity.ins, 'benali', OPPOSED),
  ...numbered(PATIENT_MASKED.identity.ins, 'rousseau', MASKED),
];

