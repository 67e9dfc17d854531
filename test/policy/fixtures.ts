import { expect } from '@open-wc/testing';
import { decide } from '../../src/policy/index.js';
import type {
  AccessMode,
  Action,
  Decision,
  Obligation,
  PolicyActor,
  PolicyDocumentInput,
  PolicyDossierInput,
  PolicyInput,
  PolicyRequest,
  ProfessionalActor,
  ReasonCode,
} from '../../src/policy/index.js';

// Named actors. RPPS numbers are arbitrary: the policy only compares them.
export const PATIENT = { kind: 'patient', id: 'patient-camille' } as const satisfies PolicyActor;
export const OTHER_PATIENT = { kind: 'patient', id: 'patient-someone-else' } as const satisfies PolicyActor;
export const REPRESENTATIVE = { kind: 'legal-representative', id: 'parent-dominique' } as const satisfies PolicyActor;
export const OTHER_REPRESENTATIVE = { kind: 'legal-representative', id: 'parent-of-someone-else' } as const satisfies PolicyActor;
const pro = (rpps: string, profession: string, extra: Partial<ProfessionalActor> = {}): ProfessionalActor => ({
  kind: 'professional',
  rpps,
  profession,
  ...extra,
});
export const DR_TRAITANT = pro('10100000001', '10', { specialty: 'SM54' });
/** A médecin the patient authorized. */
export const DR_OTHER = pro('10100000002', '10');
/** A médecin who authored the base documents and has no access of their own. */
export const DR_AUTHOR = pro('10100000003', '10');
/** A médecin with no authorization: an emergency physician meeting the patient for the first time. */
export const DR_EMERGENCY = pro('10100000004', '10');
export const PHARMACIST = pro('10100000021', '21');
export const NURSE = pro('10100000060', '60');
export const PHYSIO = pro('10100000070', '70');
export const DENTIST = pro('10100000040', '40');
export const MIDWIFE = pro('10100000050', '50');
export const OPTICIAN = pro('10100000028', '28');
export const DIETITIAN = pro('10100000095', '95');
/** SAMU Centre 15 médecin régulateur, not authorized by the patient. */
export const REGULATOR = pro('10100000015', '10', { regulator: true });
export const ADMIN_STAFF = { kind: 'administrative-staff', id: 'admission-desk', organisationId: 'chu-nantes' } as const satisfies PolicyActor;
export const OCCUPATIONAL = { kind: 'occupational-physician', id: 'medecin-du-travail' } as const satisfies PolicyActor;
export const INSURER = { kind: 'insurer', id: 'mutuelle' } as const satisfies PolicyActor;

/** An adult's active dossier: one médecin traitant, several authorized professionals, no opposition. */
export const DOSSIER: PolicyDossierInput = {
  status: 'active',
  patientId: PATIENT.id,
  patientIsMinor: false,
  legalRepresentativeIds: [REPRESENTATIVE.id],
  treatingPhysiciansRpps: [DR_TRAITANT.rpps],
  authorizedRpps: [DR_OTHER, PHARMACIST, NURSE, PHYSIO, DENTIST, MIDWIFE, OPTICIAN, DIETITIAN].map((p) => p.rpps),
  blockedRpps: [],
  oppositions: { breakGlass: false, regulation: false },
  insStatus: 'QUAL',
};
export const CLOSED: Partial<PolicyDossierInput> = { status: 'closed' };
export const NONE: Partial<PolicyDossierInput> = { status: 'none', patientId: undefined };
/** No dossier yet for an INS the backend knows to be PATIENT's (REPRESENTATIVE represents them). */
export const NONE_OF_PATIENT: Partial<PolicyDossierInput> = { status: 'none', patientId: PATIENT.id };
export const MINOR: Partial<PolicyDossierInput> = { patientIsMinor: true };
export const BREAK_GLASS_OPPOSED: Partial<PolicyDossierInput> = { oppositions: { breakGlass: true, regulation: false } };
export const REGULATION_OPPOSED: Partial<PolicyDossierInput> = { oppositions: { breakGlass: false, regulation: true } };
export const blocking = (...actors: ProfessionalActor[]): Partial<PolicyDossierInput> => ({ blockedRpps: actors.map((a) => a.rpps) });

export const SUBMITTED_AT = '2024-01-31T10:00:00Z';
const doc = (category: PolicyDocumentInput['category'], typeCode: string, authorRpps: string | undefined): PolicyDocumentInput => ({
  category,
  typeCode,
  authorRpps,
  masked: false,
  invisibleToPatient: false,
  invisibleToLegalRepresentatives: false,
  submittedAt: SUBMITTED_AT,
});
/** A consultation report by DR_AUTHOR: the default document of every case. */
export const REPORT = doc('report', '11488-4', DR_AUTHOR.rpps);
export const BIOLOGY = doc('biology', '11502-2', DR_AUTHOR.rpps);
export const IMAGING = doc('imaging', '18748-4', DR_AUTHOR.rpps);
export const SYNTHESIS = doc('synthesis', 'SYNTH', DR_TRAITANT.rpps);
export const REIMBURSEMENT = doc('reimbursement', 'REMB', undefined);
export const ATTEST_RESID = doc('administrative', 'ATTEST-RESID', DR_AUTHOR.rpps);
export const ATTEST_HEBGT = doc('administrative', 'ATTEST-HEBGT', DR_AUTHOR.rpps);
export const DIRECTIVES = doc('patient', 'EXPPAT_3', undefined);
/** Deposited by the patient about a consultation: category `report`, but the patient's own. */
export const DOCPAT_REPORT = doc('report', 'DOCPAT03', undefined);
export const DOCPAT_BIOLOGY = doc('biology', 'DOCPAT05', undefined);
export const MASKED: Partial<PolicyDocumentInput> = { masked: true };
export const INVISIBLE_TO_PATIENT: Partial<PolicyDocumentInput> = { invisibleToPatient: true };
export const INVISIBLE_TO_REPRESENTATIVES: Partial<PolicyDocumentInput> = { invisibleToLegalRepresentatives: true };
export const authoredBy = (actor: ProfessionalActor): Partial<PolicyDocumentInput> => ({ authorRpps: actor.rpps });

/** 20 code points: the shortest valid justification. */
export const J20 = 'Patient inconscient.';
/** 19 code points. */
export const J19 = 'Patient inconscient';
export const BREAK_GLASS: PolicyRequest = { mode: 'break-glass', justification: J20 };
export const REGULATION: PolicyRequest = { mode: 'regulation', justification: J20 };

export const LOG: readonly Obligation[] = ['log-access'];
export const NOTIFY: readonly Obligation[] = ['log-access', 'notify-patient'];
export const JUSTIFY: readonly Obligation[] = ['log-access', 'require-justification'];

/** What a case overrides in the base input. `document: null` sends no document at all. */
export type Overrides = {
  actor: PolicyActor;
  action: Action;
  dossier?: Partial<PolicyDossierInput>;
  document?: Partial<PolicyDocumentInput> | null;
  request?: PolicyRequest;
};
/** reason, mode (`null`: no mode at all), obligations. */
export type Expected = readonly [reason: ReasonCode, mode: AccessMode | null, obligations: readonly Obligation[]];
export type Case = readonly [name: string, overrides: Overrides, expected: Expected];

/** The base input (DOSSIER, REPORT or SYNTHESIS, no request) with a case's overrides. */
export function input({ actor, action, dossier, document, request }: Overrides): PolicyInput {
  const built: PolicyInput = { actor, action, dossier: { ...DOSSIER, ...dossier } };
  // synthesis.read's document is the VSM; every other action's default is REPORT.
  if (document !== null) built.document = { ...(action === 'synthesis.read' ? SYNTHESIS : REPORT), ...document };
  if (request !== undefined) built.request = request;
  return built;
}

export function decision([reason, mode, obligations]: Expected): Decision {
  const allowed = reason === 'allowed';
  return mode === null ? { allowed, reason, obligations } : { allowed, reason, mode, obligations };
}

/** One `it` per case: the whole decision — allowed, reason, mode and obligations — must match. */
export function runCases(cases: readonly Case[]): void {
  for (const [name, overrides, expected] of cases) {
    it(`${name} → ${expected[0]}${expected[1] === null ? '' : ` (${expected[1]})`}`, () => {
      expect(decide(input(overrides))).to.deep.equal(decision(expected));
    });
  }
}
