import type { LegalRepresentative, NotificationPreferences, Oppositions } from '../../src/model/dossier.js';
import type { PatientIdentity } from '../../src/model/patient.js';
import {
  BIOLOGIST_MERCIER,
  DENTIST_NGUYEN,
  DR_BERNARD_CARDIOLOGUE,
  DR_LEFEBVRE_TRAITANT,
  DR_MARTIN_TRAITANT,
  DR_RENARD_BLOCKED,
  DR_ROUSSEL_PSYCHIATRE,
  MIDWIFE_LEROY,
  NURSE_PETIT,
  PHARMACIST_DUBOIS,
  PHYSIO_GARCIA,
  RADIOLOGIST_FAURE,
} from './professionals.js';

/*
 * INS are NIRs whose keys were computed with nirKey (src/model/nir.ts) and are checked by
 * test/mocks/seed-data.test.ts: sex digit, birth year and month, and department agree with the
 * traits. Phone numbers are in the 06 39 98 range ARCEP keeps for fiction; e-mail addresses use
 * the reserved example.org domain.
 */

export interface DatedGrant {
  rpps: string;
  since: string;
}

export interface SeedDossier {
  status: 'active' | 'closed';
  createdAt: string;
  closedAt?: string;
  closeReason?: string;
  treatingPhysiciansRpps: string[];
  authorized: DatedGrant[];
  blocked: DatedGrant[];
  oppositions: Oppositions;
  notificationPreferences: NotificationPreferences;
  legalRepresentatives: LegalRepresentative[];
}

export interface SeedPatient {
  /** The patient actor's id (`Authorization: Bearer <id>`). */
  id: string;
  identity: PatientIdentity;
  /** Absent for a person who has no dossier yet. */
  dossier?: SeedDossier;
}

const NO_OPPOSITION: Oppositions = { breakGlass: false, regulation: false };

export const PATIENT_ADULT = {
  id: 'pat-durand-jeanne',
  identity: {
    ins: '258036938304702',
    insStatus: 'QUAL',
    traits: {
      birthName: 'DURAND',
      firstNames: 'Jeanne Marie Louise',
      birthDate: '1958-03-14',
      sex: 'F',
      birthPlaceCode: '69383',
    },
  },
  dossier: {
    status: 'active',
    createdAt: '2019-04-12T10:15:00.000Z',
    treatingPhysiciansRpps: [DR_MARTIN_TRAITANT.rpps],
    authorized: [
      { rpps: BIOLOGIST_MERCIER.rpps, since: '2022-09-01T08:30:00.000Z' },
      { rpps: PHARMACIST_DUBOIS.rpps, since: '2023-05-10T16:20:00.000Z' },
      { rpps: NURSE_PETIT.rpps, since: '2024-01-15T09:00:00.000Z' },
      { rpps: DR_BERNARD_CARDIOLOGUE.rpps, since: '2024-03-04T14:00:00.000Z' },
      // Since the screening mammography, before the knee MRI.
      { rpps: RADIOLOGIST_FAURE.rpps, since: '2025-03-18T07:45:00.000Z' },
      { rpps: PHYSIO_GARCIA.rpps, since: '2026-03-01T10:30:00.000Z' },
    ],
    blocked: [{ rpps: DR_RENARD_BLOCKED.rpps, since: '2025-06-02T18:05:00.000Z' }],
    oppositions: NO_OPPOSITION,
    notificationPreferences: {
      email: 'jeanne.durand@example.org',
      phone: '+33639980101',
      newDocument: { email: true, sms: false },
      firstAccess: { email: true, sms: true },
      emergencyAccess: { email: true, sms: true },
    },
    legalRepresentatives: [],
  },
} satisfies SeedPatient;

/** Born 2012: a minor, with her mother as legal representative and two médecins traitants. */
export const PATIENT_MINOR = {
  id: 'pat-moreau-lea',
  identity: {
    ins: '212066926611226',
    insStatus: 'QUAL',
    traits: {
      birthName: 'MOREAU',
      firstNames: 'Léa Chloé',
      birthDate: '2012-06-09',
      sex: 'F',
      birthPlaceCode: '69266',
    },
  },
  dossier: {
    status: 'active',
    // Minors' dossiers are opened by a professional or at a caisse, never online.
    createdAt: '2021-09-06T17:40:00.000Z',
    treatingPhysiciansRpps: [DR_LEFEBVRE_TRAITANT.rpps, DR_MARTIN_TRAITANT.rpps],
    authorized: [
      { rpps: RADIOLOGIST_FAURE.rpps, since: '2025-01-20T10:00:00.000Z' },
      { rpps: DENTIST_NGUYEN.rpps, since: '2024-09-12T15:00:00.000Z' },
      { rpps: MIDWIFE_LEROY.rpps, since: '2026-10-08T14:05:00.000Z' },
    ],
    blocked: [],
    oppositions: NO_OPPOSITION,
    notificationPreferences: {
      email: 'sophie.moreau@example.org',
      phone: '+33639980102',
      newDocument: { email: true, sms: false },
      firstAccess: { email: true, sms: false },
      emergencyAccess: { email: true, sms: true },
    },
    legalRepresentatives: [
      { id: 'rep-moreau-sophie', firstName: 'Sophie', lastName: 'Moreau', relationship: 'parent', since: '2021-09-06T17:40:00.000Z' },
    ],
  },
} satisfies SeedPatient;

export const PATIENT_CLOSED = {
  id: 'pat-lambert-michel',
  identity: {
    ins: '147113818503638',
    insStatus: 'QUAL',
    traits: {
      birthName: 'LAMBERT',
      firstNames: 'Michel André',
      birthDate: '1947-11-02',
      sex: 'M',
      birthPlaceCode: '38185',
    },
  },
  dossier: {
    status: 'closed',
    createdAt: '2018-02-20T11:00:00.000Z',
    closedAt: '2025-09-15T10:30:00.000Z',
    closeReason: 'Fermeture à la demande du patient : il ne souhaite plus utiliser son dossier médical partagé.',
    treatingPhysiciansRpps: [DR_MARTIN_TRAITANT.rpps],
    authorized: [
      { rpps: PHARMACIST_DUBOIS.rpps, since: '2018-02-20T11:00:00.000Z' },
      { rpps: BIOLOGIST_MERCIER.rpps, since: '2024-06-17T06:30:00.000Z' },
    ],
    blocked: [],
    oppositions: NO_OPPOSITION,
    notificationPreferences: {
      email: 'michel.lambert@example.org',
      newDocument: { email: false, sms: false },
      firstAccess: { email: true, sms: false },
      emergencyAccess: { email: true, sms: false },
    },
    legalRepresentatives: [],
  },
} satisfies SeedPatient;

/** Opposed both break-glass and SAMU regulation access. */
export const PATIENT_OPPOSED = {
  id: 'pat-benali-karim',
  identity: {
    ins: '179041320507840',
    insStatus: 'QUAL',
    traits: {
      birthName: 'BENALI',
      firstNames: 'Karim Youssef',
      birthDate: '1979-04-23',
      sex: 'M',
      birthPlaceCode: '13205',
    },
  },
  dossier: {
    status: 'active',
    createdAt: '2022-01-18T09:20:00.000Z',
    treatingPhysiciansRpps: [DR_MARTIN_TRAITANT.rpps],
    authorized: [{ rpps: PHARMACIST_DUBOIS.rpps, since: '2022-01-18T09:20:00.000Z' }],
    blocked: [],
    oppositions: { breakGlass: true, regulation: true },
    notificationPreferences: {
      phone: '+33639980104',
      newDocument: { email: false, sms: true },
      firstAccess: { email: false, sms: true },
      emergencyAccess: { email: false, sms: true },
    },
    legalRepresentatives: [],
  },
} satisfies SeedPatient;

/** Has documents masked to professionals and documents not yet visible to her. */
export const PATIENT_MASKED = {
  id: 'pat-rousseau-camille',
  identity: {
    ins: '291097511422107',
    insStatus: 'QUAL',
    traits: {
      birthName: 'ROUSSEAU',
      usedName: 'ROUSSEAU-BLANC',
      firstNames: 'Camille Anne',
      birthDate: '1991-09-30',
      sex: 'F',
      birthPlaceCode: '75114',
    },
  },
  dossier: {
    status: 'active',
    createdAt: '2023-03-01T13:10:00.000Z',
    treatingPhysiciansRpps: [DR_MARTIN_TRAITANT.rpps],
    authorized: [
      { rpps: PHARMACIST_DUBOIS.rpps, since: '2023-03-01T13:10:00.000Z' },
      { rpps: DR_ROUSSEL_PSYCHIATRE.rpps, since: '2025-02-03T10:00:00.000Z' },
      { rpps: BIOLOGIST_MERCIER.rpps, since: '2026-08-28T08:00:00.000Z' },
      { rpps: RADIOLOGIST_FAURE.rpps, since: '2026-08-28T08:00:00.000Z' },
    ],
    blocked: [],
    oppositions: NO_OPPOSITION,
    notificationPreferences: {
      email: 'camille.rousseau@example.org',
      phone: '+33739980105',
      newDocument: { email: true, sms: true },
      firstAccess: { email: true, sms: true },
      emergencyAccess: { email: true, sms: true },
    },
    legalRepresentatives: [],
  },
} satisfies SeedPatient;

/**
 * 10,000 documents over fifteen years, generated on first access by
 * generateLargeDossierDocuments (documents.ts), never stored in the seed.
 */
export const PATIENT_LARGE = {
  id: 'pat-garnier-henri',
  identity: {
    ins: '150013306315413',
    insStatus: 'QUAL',
    traits: {
      birthName: 'GARNIER',
      firstNames: 'Henri Paul',
      birthDate: '1950-01-17',
      sex: 'M',
      birthPlaceCode: '33063',
    },
  },
  dossier: {
    status: 'active',
    createdAt: '2011-06-01T09:00:00.000Z',
    treatingPhysiciansRpps: [DR_MARTIN_TRAITANT.rpps],
    authorized: [
      { rpps: DR_BERNARD_CARDIOLOGUE.rpps, since: '2011-06-01T09:00:00.000Z' },
      { rpps: PHARMACIST_DUBOIS.rpps, since: '2011-06-01T09:00:00.000Z' },
      // Every author of the generated documents, whose first ones date from late 2011.
      { rpps: NURSE_PETIT.rpps, since: '2011-06-01T09:00:00.000Z' },
      { rpps: BIOLOGIST_MERCIER.rpps, since: '2011-06-01T09:00:00.000Z' },
      { rpps: RADIOLOGIST_FAURE.rpps, since: '2011-06-01T09:00:00.000Z' },
    ],
    blocked: [],
    oppositions: NO_OPPOSITION,
    notificationPreferences: {
      email: 'henri.garnier@example.org',
      newDocument: { email: false, sms: false },
      firstAccess: { email: true, sms: false },
      emergencyAccess: { email: true, sms: false },
    },
    legalRepresentatives: [],
  },
} satisfies SeedPatient;

/** Born in Ajaccio (department 2A: the key is computed with 2A read as 19); no dossier yet. */
export const PATIENT_NO_DOSSIER = {
  ins: '185072A00401995',
  insStatus: 'QUAL',
  traits: {
    birthName: 'SANTONI',
    firstNames: 'Paul-Antoine',
    birthDate: '1985-07-12',
    sex: 'M',
    birthPlaceCode: '2A004',
  },
} satisfies PatientIdentity;

/** Born in Senegal (department 99, country code 341); no dossier yet. */
export const PATIENT_BORN_ABROAD = {
  ins: '296029934108786',
  insStatus: 'QUAL',
  traits: {
    birthName: 'DIALLO',
    firstNames: 'Aminata',
    birthDate: '1996-02-25',
    sex: 'F',
    birthPlaceCode: '99341',
  },
} satisfies PatientIdentity;

/** Fetched from INSi but not checked against an ID document: nothing may be submitted for him. */
export const PATIENT_UNQUALIFIED = {
  ins: '101124410926823',
  insStatus: 'RECUP',
  traits: {
    birthName: 'PETITJEAN',
    firstNames: 'Lucas',
    birthDate: '2001-12-05',
    sex: 'M',
    birthPlaceCode: '44109',
  },
} satisfies PatientIdentity;

/** Everyone with a dossier (active or closed). */
export const PATIENTS: SeedPatient[] = [
  PATIENT_ADULT,
  PATIENT_MINOR,
  PATIENT_CLOSED,
  PATIENT_OPPOSED,
  PATIENT_MASKED,
  PATIENT_LARGE,
];

/** People the host software knows but who have no dossier: the dossier-creation cases. */
export const IDENTITIES_WITHOUT_DOSSIER: PatientIdentity[] = [PATIENT_NO_DOSSIER, PATIENT_BORN_ABROAD, PATIENT_UNQUALIFIED];

export function patientByIns(ins: string): SeedPatient | undefined {
  return PATIENTS.find((p) => p.identity.ins === ins);
}

export function patientDisplayName(identity: PatientIdentity): string {
  const first = identity.traits.firstNames.split(' ')[0] ?? identity.traits.firstNames;
  const last = (identity.traits.usedName ?? identity.traits.birthName).toLowerCase();
  // Civil-record names are upper-case; people read them capitalized, hyphenated parts included.
  return `${first} ${last.replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase())}`;
}
