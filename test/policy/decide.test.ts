import { expect } from '@open-wc/testing';
import { ACTIONS, decide, REASON_CODES } from '../../src/policy/index.js';
import type { Action, Decision, PolicyInput, PolicyRequest } from '../../src/policy/index.js';
import {
  ADMIN_STAFF,
  ATTEST_HEBGT,
  ATTEST_RESID,
  authoredBy,
  BIOLOGY,
  blocking,
  BREAK_GLASS,
  BREAK_GLASS_OPPOSED,
  CLOSED,
  decision,
  DENTIST,
  DIETITIAN,
  DIRECTIVES,
  DOCPAT_BIOLOGY,
  DOCPAT_REPORT,
  DOSSIER,
  DR_AUTHOR,
  DR_EMERGENCY,
  DR_OTHER,
  DR_TRAITANT,
  IMAGING,
  input,
  INSURER,
  INVISIBLE_TO_PATIENT,
  INVISIBLE_TO_REPRESENTATIVES,
  J19,
  J20,
  JUSTIFY,
  LOG,
  MASKED,
  MIDWIFE,
  MINOR,
  NONE,
  NONE_OF_PATIENT,
  NOTIFY,
  NURSE,
  OCCUPATIONAL,
  OPTICIAN,
  OTHER_PATIENT,
  OTHER_REPRESENTATIVE,
  PATIENT,
  PHARMACIST,
  PHYSIO,
  REGULATION,
  REGULATION_OPPOSED,
  REGULATOR,
  REIMBURSEMENT,
  REPORT,
  REPRESENTATIVE,
  runCases,
  SYNTHESIS,
} from './fixtures.js';
import type { Case } from './fixtures.js';

const VALID = input({ actor: DR_OTHER, action: 'document.read' });
const CONSENT = { consent: true } as const;

describe('decide — 1. shape: anything but a PolicyInput is invalid-request, and nothing throws', () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const raw: readonly (readonly [string, unknown])[] = [
    ['null', null],
    ['undefined', undefined],
    ['a string', 'document.read'],
    ['a number', 42],
    ['an array', [VALID]],
    ['an empty object', {}],
    ['unknown action', { ...VALID, action: 'document.print' }],
    ['action inherited from Object.prototype', { ...VALID, action: 'toString' }],
    ['action __proto__', { ...VALID, action: '__proto__' }],
    ['action of the wrong type', { ...VALID, action: 7 }],
    ['missing action', { actor: VALID.actor, dossier: VALID.dossier, document: VALID.document }],
    ['missing actor', { action: VALID.action, dossier: VALID.dossier, document: VALID.document }],
    ['actor null', { ...VALID, actor: null }],
    ['unknown actor kind', { ...VALID, actor: { kind: 'robot', id: 'r2' } }],
    ['patient without id', { ...VALID, actor: { kind: 'patient' } }],
    ['patient id a number', { ...VALID, actor: { kind: 'patient', id: 1 } }],
    ['legal representative without id', { ...VALID, actor: { kind: 'legal-representative' } }],
    ['professional without rpps', { ...VALID, actor: { kind: 'professional', profession: '10' } }],
    ['professional without profession', { ...VALID, actor: { kind: 'professional', rpps: DR_OTHER.rpps } }],
    ['profession a number', { ...VALID, actor: { ...DR_OTHER, profession: 10 } }],
    ['regulator a string', { ...VALID, actor: { ...REGULATOR, regulator: 'yes' } }],
    ['specialty null', { ...VALID, actor: { ...DR_OTHER, specialty: null } }],
    ['administrative staff organisationId a number', { ...VALID, actor: { kind: 'administrative-staff', organisationId: 3 } }],
    ['insurer id a number (shape comes before never-actors)', { ...VALID, actor: { kind: 'insurer', id: 3 } }],
    ['insurer with no dossier (shape comes before never-actors)', { actor: INSURER, action: 'dossier.read' }],
    ['missing dossier', { actor: DR_OTHER, action: 'document.read', document: REPORT }],
    ['dossier a string', { ...VALID, dossier: 'active' }],
    ['unknown dossier status', { ...VALID, dossier: { ...DOSSIER, status: 'open' } }],
    ['active dossier without patientId', { ...VALID, dossier: { ...DOSSIER, patientId: undefined } }],
    ['closed dossier without patientId', { ...VALID, action: 'dossier.read', dossier: { ...DOSSIER, status: 'closed', patientId: undefined } }],
    ['patientId a number', { ...VALID, dossier: { ...DOSSIER, patientId: 12 } }],
    ['patientIsMinor missing', { ...VALID, dossier: { ...DOSSIER, patientIsMinor: undefined } }],
    ['patientIsMinor a string', { ...VALID, dossier: { ...DOSSIER, patientIsMinor: 'no' } }],
    ['legalRepresentativeIds a string', { ...VALID, dossier: { ...DOSSIER, legalRepresentativeIds: 'parent-dominique' } }],
    ['treatingPhysiciansRpps missing', { ...VALID, dossier: { ...DOSSIER, treatingPhysiciansRpps: undefined } }],
    ['authorizedRpps holding a number', { ...VALID, dossier: { ...DOSSIER, authorizedRpps: [DR_OTHER.rpps, 42] } }],
    ['blockedRpps null', { ...VALID, dossier: { ...DOSSIER, blockedRpps: null } }],
    ['oppositions missing', { ...VALID, dossier: { ...DOSSIER, oppositions: undefined } }],
    ['oppositions.breakGlass a string', { ...VALID, dossier: { ...DOSSIER, oppositions: { breakGlass: 'false', regulation: false } } }],
    ['oppositions.regulation missing', { ...VALID, dossier: { ...DOSSIER, oppositions: { breakGlass: false } } }],
    ['unknown insStatus', { ...VALID, dossier: { ...DOSSIER, insStatus: 'OK' } }],
    ['document.read without document', { ...VALID, document: undefined }],
    ['document.add without document', { ...VALID, action: 'document.add', document: undefined }],
    ['document.mask without document', { ...VALID, actor: PATIENT, action: 'document.mask', document: undefined }],
    ['document.delete without document', { ...VALID, actor: PATIENT, action: 'document.delete', document: undefined }],
    ['document.replace without document', { ...VALID, action: 'document.replace', document: undefined }],
    ['document.unmask without document', { ...VALID, actor: PATIENT, action: 'document.unmask', document: undefined }],
    ['document.set-visibility without document', { ...VALID, action: 'document.set-visibility', document: undefined }],
    ['document.archive without document', { ...VALID, action: 'document.archive', document: undefined }],
    ['synthesis.read of a document that is not the synthesis', { ...VALID, action: 'synthesis.read', document: REPORT }],
    ['professional id a number', { ...VALID, actor: { ...DR_OTHER, id: 5 } }],
    ['document authorRpps a number', { ...VALID, document: { ...REPORT, authorRpps: 5 } }],
    ['administrative staff id a number', { ...VALID, actor: { ...ADMIN_STAFF, id: 5 } }],
    ['occupational physician id a number', { ...VALID, actor: { ...OCCUPATIONAL, id: 5 } }],
    ['document null', { ...VALID, document: null }],
    ['unknown category', { ...VALID, document: { ...REPORT, category: 'letters' } }],
    ['category inherited from Object.prototype', { ...VALID, document: { ...REPORT, category: 'constructor' } }],
    ['masked a string', { ...VALID, document: { ...REPORT, masked: 'false' } }],
    ['invisibleToPatient missing', { ...VALID, document: { ...REPORT, invisibleToPatient: undefined } }],
    ['invisibleToLegalRepresentatives a number', { ...VALID, document: { ...REPORT, invisibleToLegalRepresentatives: 0 } }],
    ['submittedAt a Date', { ...VALID, document: { ...REPORT, submittedAt: new Date() } }],
    ['typeCode a number', { ...VALID, document: { ...REPORT, typeCode: 11488 } }],
    ['request null', { ...VALID, request: null }],
    ['unknown mode', { ...VALID, request: { mode: 'panic', justification: J20 } }],
    ['justification a number', { ...VALID, request: { mode: 'break-glass', justification: 12345678901234567890 } }],
    ['consent a string', { ...VALID, request: { consent: 'yes' } }],
    ['unknown channel', { ...VALID, request: { channel: 'fax' } }],
    ['secret a number', { ...VALID, request: { secret: 1 } }],
    ['now a number', { ...VALID, request: { now: Date.now() } }],
    ['a getter that throws', Object.defineProperty({ ...VALID }, 'actor', { get: () => { throw new Error('boom'); } })],
    ['a revoked proxy', revoked.proxy],
  ];
  for (const [name, value] of raw) {
    it(`${name} → invalid-request`, () => {
      expect(decide(value)).to.deep.equal({ allowed: false, reason: 'invalid-request', obligations: ['log-access'] });
    });
  }

  runCases([
    ['document.list needs no document', { actor: DR_OTHER, action: 'document.list', document: null }, ['allowed', 'normal', LOG]],
    ['synthesis.read without document is read at dossier level', { actor: DR_OTHER, action: 'synthesis.read', document: null }, ['allowed', 'normal', LOG]],
    ['dossier.read needs no document', { actor: PATIENT, action: 'dossier.read', document: null }, ['allowed', null, LOG]],
    ['a none dossier needs no patientId', { actor: PATIENT, action: 'dossier.create', dossier: NONE, document: null, request: { channel: 'online', consent: true } }, ['allowed', null, LOG]],
    ['legalRepresentativeIds may be absent', { actor: PATIENT, action: 'dossier.read', dossier: { legalRepresentativeIds: undefined } }, ['allowed', null, LOG]],
  ]);

  it('tolerates properties it does not know', () => {
    expect(decide({ ...VALID, trace: 'x', actor: { ...DR_OTHER, displayName: 'Dr Other' } })).to.deep.equal({
      allowed: true,
      reason: 'allowed',
      mode: 'normal',
      obligations: ['log-access'],
    });
  });
});

describe('decide — 2. never-actors: every action, every mode, every dossier state', () => {
  const modes: readonly (PolicyRequest | undefined)[] = [undefined, { mode: 'normal' }, BREAK_GLASS, REGULATION];
  for (const actor of [OCCUPATIONAL, INSURER]) {
    for (const action of ACTIONS) {
      for (const request of modes) {
        for (const dossier of [{}, CLOSED, NONE]) {
          it(`${actor.kind} ${action} in ${request?.mode ?? 'no'} mode on a ${dossier.status ?? 'active'} dossier → never-authorized-actor`, () => {
            const consent: PolicyRequest = { ...request, consent: true, channel: 'professional' };
            expect(decide(input({ actor, action, dossier, request: consent }))).to.deep.equal({
              allowed: false,
              reason: 'never-authorized-actor',
              obligations: ['log-access'],
            });
          });
        }
      }
    }
  }
});

describe('decide — every actor kind × every action (active dossier, a report by another médecin)', () => {
  runCases([
    ['patient dossier.create', { actor: PATIENT, action: 'dossier.create' }, ['dossier-exists', null, LOG]],
    ['representative dossier.create', { actor: REPRESENTATIVE, action: 'dossier.create' }, ['dossier-exists', null, LOG]],
    ['médecin traitant dossier.create', { actor: DR_TRAITANT, action: 'dossier.create' }, ['dossier-exists', null, LOG]],
    ['authorized médecin dossier.create', { actor: DR_OTHER, action: 'dossier.create' }, ['dossier-exists', null, LOG]],
    ['administrative staff dossier.create', { actor: ADMIN_STAFF, action: 'dossier.create' }, ['dossier-exists', null, LOG]],

    ['patient dossier.read', { actor: PATIENT, action: 'dossier.read' }, ['allowed', null, LOG]],
    ['representative dossier.read', { actor: REPRESENTATIVE, action: 'dossier.read' }, ['allowed', null, LOG]],
    ['médecin traitant dossier.read', { actor: DR_TRAITANT, action: 'dossier.read' }, ['allowed', null, LOG]],
    ['authorized médecin dossier.read', { actor: DR_OTHER, action: 'dossier.read' }, ['allowed', null, LOG]],
    ['administrative staff dossier.read', { actor: ADMIN_STAFF, action: 'dossier.read' }, ['allowed', null, LOG]],

    ['patient dossier.close', { actor: PATIENT, action: 'dossier.close' }, ['allowed', null, LOG]],
    ['representative dossier.close', { actor: REPRESENTATIVE, action: 'dossier.close' }, ['allowed', null, LOG]],
    ['médecin traitant dossier.close', { actor: DR_TRAITANT, action: 'dossier.close' }, ['patient-only', null, LOG]],
    ['authorized médecin dossier.close', { actor: DR_OTHER, action: 'dossier.close' }, ['patient-only', null, LOG]],
    ['administrative staff dossier.close', { actor: ADMIN_STAFF, action: 'dossier.close' }, ['patient-only', null, LOG]],

    ['patient dossier.reactivate (active: harmless)', { actor: PATIENT, action: 'dossier.reactivate' }, ['allowed', null, LOG]],
    ['representative dossier.reactivate', { actor: REPRESENTATIVE, action: 'dossier.reactivate' }, ['allowed', null, LOG]],
    ['médecin traitant dossier.reactivate without consent', { actor: DR_TRAITANT, action: 'dossier.reactivate' }, ['consent-required', null, LOG]],
    ['authorized médecin dossier.reactivate without consent', { actor: DR_OTHER, action: 'dossier.reactivate' }, ['consent-required', null, LOG]],
    ['administrative staff dossier.reactivate', { actor: ADMIN_STAFF, action: 'dossier.reactivate' }, ['profession-not-permitted', null, LOG]],

    ['patient document.list', { actor: PATIENT, action: 'document.list' }, ['allowed', null, LOG]],
    ['representative document.list', { actor: REPRESENTATIVE, action: 'document.list' }, ['allowed', null, LOG]],
    ['médecin traitant document.list', { actor: DR_TRAITANT, action: 'document.list' }, ['allowed', 'normal', LOG]],
    ['authorized médecin document.list', { actor: DR_OTHER, action: 'document.list' }, ['allowed', 'normal', LOG]],
    ['administrative staff document.list', { actor: ADMIN_STAFF, action: 'document.list' }, ['allowed', null, LOG]],

    ['patient document.read', { actor: PATIENT, action: 'document.read' }, ['allowed', null, LOG]],
    ['representative document.read', { actor: REPRESENTATIVE, action: 'document.read' }, ['allowed', null, LOG]],
    ['médecin traitant document.read', { actor: DR_TRAITANT, action: 'document.read' }, ['allowed', 'normal', LOG]],
    ['authorized médecin document.read', { actor: DR_OTHER, action: 'document.read' }, ['allowed', 'normal', LOG]],
    ['administrative staff document.read of a report', { actor: ADMIN_STAFF, action: 'document.read' }, ['profession-not-permitted', null, LOG]],

    ['patient document.add of a report', { actor: PATIENT, action: 'document.add' }, ['profession-not-permitted', null, LOG]],
    ['representative document.add of a report', { actor: REPRESENTATIVE, action: 'document.add' }, ['profession-not-permitted', null, LOG]],
    ['médecin traitant document.add', { actor: DR_TRAITANT, action: 'document.add' }, ['allowed', 'normal', NOTIFY]],
    ['authorized médecin document.add', { actor: DR_OTHER, action: 'document.add' }, ['allowed', 'normal', NOTIFY]],
    // Told at once only of what they may read: a result kept from the patient waits for its
    // two-week notice, and what is kept from the representatives is announced to no one.
    ['médecin traitant adds a document invisible to the patient: no notice yet', { actor: DR_TRAITANT, action: 'document.add', document: INVISIBLE_TO_PATIENT }, ['allowed', 'normal', LOG]],
    ['médecin traitant adds a document invisible to the representatives: no notice', { actor: DR_TRAITANT, action: 'document.add', document: INVISIBLE_TO_REPRESENTATIVES }, ['allowed', 'normal', LOG]],
    ['médecin traitant adds under connexion secrète on a minor’s dossier: no notice', { actor: DR_TRAITANT, action: 'document.add', dossier: MINOR, request: { secret: true } }, ['allowed', 'normal', LOG]],
    // The connexion secrète is a minor's, with a professional: asked for otherwise, it is none.
    ['médecin traitant asks for connexion secrète on an adult’s dossier: the patient is told', { actor: DR_TRAITANT, action: 'document.add', request: { secret: true } }, ['allowed', 'normal', NOTIFY]],
    ['representative asks for connexion secrète adding directives: the patient is told', { actor: REPRESENTATIVE, action: 'document.add', document: DIRECTIVES, dossier: MINOR, request: { secret: true } }, ['allowed', null, NOTIFY]],
    ['administrative staff document.add of a report', { actor: ADMIN_STAFF, action: 'document.add' }, ['profession-not-permitted', null, LOG]],

    ['patient document.replace of a report', { actor: PATIENT, action: 'document.replace' }, ['not-author', null, LOG]],
    ['representative document.replace of a report', { actor: REPRESENTATIVE, action: 'document.replace' }, ['not-author', null, LOG]],
    ['médecin traitant document.replace', { actor: DR_TRAITANT, action: 'document.replace' }, ['allowed', 'normal', LOG]],
    ['authorized médecin document.replace of another’s report', { actor: DR_OTHER, action: 'document.replace' }, ['not-author', 'normal', LOG]],
    ['administrative staff document.replace', { actor: ADMIN_STAFF, action: 'document.replace' }, ['profession-not-permitted', null, LOG]],

    ['patient document.mask', { actor: PATIENT, action: 'document.mask' }, ['allowed', null, LOG]],
    ['representative document.mask', { actor: REPRESENTATIVE, action: 'document.mask' }, ['allowed', null, LOG]],
    ['médecin traitant document.mask', { actor: DR_TRAITANT, action: 'document.mask' }, ['patient-only', null, LOG]],
    ['authorized médecin document.mask', { actor: DR_OTHER, action: 'document.mask' }, ['patient-only', null, LOG]],
    ['administrative staff document.mask', { actor: ADMIN_STAFF, action: 'document.mask' }, ['patient-only', null, LOG]],

    ['patient document.unmask', { actor: PATIENT, action: 'document.unmask' }, ['allowed', null, LOG]],
    ['representative document.unmask', { actor: REPRESENTATIVE, action: 'document.unmask' }, ['allowed', null, LOG]],
    ['médecin traitant document.unmask', { actor: DR_TRAITANT, action: 'document.unmask' }, ['patient-only', null, LOG]],
    ['authorized médecin document.unmask', { actor: DR_OTHER, action: 'document.unmask' }, ['patient-only', null, LOG]],
    ['administrative staff document.unmask', { actor: ADMIN_STAFF, action: 'document.unmask' }, ['patient-only', null, LOG]],

    ['patient document.set-visibility', { actor: PATIENT, action: 'document.set-visibility' }, ['not-author', null, LOG]],
    ['representative document.set-visibility', { actor: REPRESENTATIVE, action: 'document.set-visibility' }, ['not-author', null, LOG]],
    ['médecin traitant document.set-visibility', { actor: DR_TRAITANT, action: 'document.set-visibility' }, ['allowed', 'normal', LOG]],
    ['authorized médecin document.set-visibility of another’s report', { actor: DR_OTHER, action: 'document.set-visibility' }, ['not-author', 'normal', LOG]],
    ['administrative staff document.set-visibility', { actor: ADMIN_STAFF, action: 'document.set-visibility' }, ['profession-not-permitted', null, LOG]],

    ['patient document.archive of a report', { actor: PATIENT, action: 'document.archive' }, ['not-author', null, LOG]],
    ['representative document.archive of a report', { actor: REPRESENTATIVE, action: 'document.archive' }, ['not-author', null, LOG]],
    ['médecin traitant document.archive', { actor: DR_TRAITANT, action: 'document.archive' }, ['allowed', 'normal', LOG]],
    ['authorized médecin document.archive of another’s report', { actor: DR_OTHER, action: 'document.archive' }, ['not-author', 'normal', LOG]],
    ['administrative staff document.archive', { actor: ADMIN_STAFF, action: 'document.archive' }, ['profession-not-permitted', null, LOG]],

    ['patient document.delete', { actor: PATIENT, action: 'document.delete' }, ['allowed', null, LOG]],
    ['representative document.delete', { actor: REPRESENTATIVE, action: 'document.delete' }, ['allowed', null, LOG]],
    ['médecin traitant document.delete', { actor: DR_TRAITANT, action: 'document.delete' }, ['patient-only', null, LOG]],
    ['authorized médecin document.delete', { actor: DR_OTHER, action: 'document.delete' }, ['patient-only', null, LOG]],
    ['administrative staff document.delete', { actor: ADMIN_STAFF, action: 'document.delete' }, ['patient-only', null, LOG]],

    ['patient synthesis.read', { actor: PATIENT, action: 'synthesis.read', document: SYNTHESIS }, ['allowed', null, LOG]],
    ['representative synthesis.read', { actor: REPRESENTATIVE, action: 'synthesis.read', document: SYNTHESIS }, ['allowed', null, LOG]],
    ['médecin traitant synthesis.read', { actor: DR_TRAITANT, action: 'synthesis.read', document: SYNTHESIS }, ['allowed', 'normal', LOG]],
    ['authorized médecin synthesis.read', { actor: DR_OTHER, action: 'synthesis.read', document: SYNTHESIS }, ['allowed', 'normal', LOG]],
    ['administrative staff synthesis.read', { actor: ADMIN_STAFF, action: 'synthesis.read', document: SYNTHESIS }, ['profession-not-permitted', null, LOG]],

    ['patient synthesis.write', { actor: PATIENT, action: 'synthesis.write' }, ['not-treating-physician', null, LOG]],
    ['representative synthesis.write', { actor: REPRESENTATIVE, action: 'synthesis.write' }, ['not-treating-physician', null, LOG]],
    ['médecin traitant synthesis.write', { actor: DR_TRAITANT, action: 'synthesis.write' }, ['allowed', 'normal', LOG]],
    ['authorized médecin synthesis.write', { actor: DR_OTHER, action: 'synthesis.write' }, ['not-treating-physician', 'normal', LOG]],
    ['administrative staff synthesis.write', { actor: ADMIN_STAFF, action: 'synthesis.write' }, ['profession-not-permitted', null, LOG]],

    ['patient history.read', { actor: PATIENT, action: 'history.read' }, ['allowed', null, LOG]],
    ['representative history.read', { actor: REPRESENTATIVE, action: 'history.read' }, ['allowed', null, LOG]],
    ['médecin traitant history.read', { actor: DR_TRAITANT, action: 'history.read' }, ['patient-only', null, LOG]],
    ['authorized médecin history.read', { actor: DR_OTHER, action: 'history.read' }, ['patient-only', null, LOG]],
    ['administrative staff history.read', { actor: ADMIN_STAFF, action: 'history.read' }, ['patient-only', null, LOG]],

    ['patient authorization.read', { actor: PATIENT, action: 'authorization.read' }, ['allowed', null, LOG]],
    ['representative authorization.read', { actor: REPRESENTATIVE, action: 'authorization.read' }, ['allowed', null, LOG]],
    ['médecin traitant authorization.read', { actor: DR_TRAITANT, action: 'authorization.read' }, ['allowed', 'normal', LOG]],
    ['authorized médecin authorization.read', { actor: DR_OTHER, action: 'authorization.read' }, ['allowed', 'normal', LOG]],
    ['administrative staff authorization.read', { actor: ADMIN_STAFF, action: 'authorization.read' }, ['profession-not-permitted', null, LOG]],

    ['patient authorization.grant-self', { actor: PATIENT, action: 'authorization.grant-self' }, ['invalid-request', null, LOG]],
    ['representative authorization.grant-self', { actor: REPRESENTATIVE, action: 'authorization.grant-self' }, ['invalid-request', null, LOG]],
    ['médecin traitant authorization.grant-self without consent', { actor: DR_TRAITANT, action: 'authorization.grant-self' }, ['consent-required', null, LOG]],
    ['authorized médecin authorization.grant-self without consent', { actor: DR_OTHER, action: 'authorization.grant-self' }, ['consent-required', null, LOG]],
    ['administrative staff authorization.grant-self', { actor: ADMIN_STAFF, action: 'authorization.grant-self' }, ['profession-not-permitted', null, LOG]],

    ['patient authorization.manage', { actor: PATIENT, action: 'authorization.manage' }, ['allowed', null, LOG]],
    ['representative authorization.manage', { actor: REPRESENTATIVE, action: 'authorization.manage' }, ['allowed', null, LOG]],
    ['médecin traitant authorization.manage', { actor: DR_TRAITANT, action: 'authorization.manage' }, ['patient-only', null, LOG]],
    ['authorized médecin authorization.manage', { actor: DR_OTHER, action: 'authorization.manage' }, ['patient-only', null, LOG]],
    ['administrative staff authorization.manage', { actor: ADMIN_STAFF, action: 'authorization.manage' }, ['patient-only', null, LOG]],

    ['patient opposition.manage', { actor: PATIENT, action: 'opposition.manage' }, ['allowed', null, LOG]],
    ['representative opposition.manage', { actor: REPRESENTATIVE, action: 'opposition.manage' }, ['allowed', null, LOG]],
    ['médecin traitant opposition.manage', { actor: DR_TRAITANT, action: 'opposition.manage' }, ['patient-only', null, LOG]],
    ['authorized médecin opposition.manage', { actor: DR_OTHER, action: 'opposition.manage' }, ['patient-only', null, LOG]],
    ['administrative staff opposition.manage', { actor: ADMIN_STAFF, action: 'opposition.manage' }, ['patient-only', null, LOG]],

    ['patient notification.manage', { actor: PATIENT, action: 'notification.manage' }, ['allowed', null, LOG]],
    ['representative notification.manage', { actor: REPRESENTATIVE, action: 'notification.manage' }, ['allowed', null, LOG]],
    ['médecin traitant notification.manage', { actor: DR_TRAITANT, action: 'notification.manage' }, ['patient-only', null, LOG]],
    ['authorized médecin notification.manage', { actor: DR_OTHER, action: 'notification.manage' }, ['patient-only', null, LOG]],
    ['administrative staff notification.manage', { actor: ADMIN_STAFF, action: 'notification.manage' }, ['patient-only', null, LOG]],

    ['patient representative.manage', { actor: PATIENT, action: 'representative.manage' }, ['allowed', null, LOG]],
    ['representative representative.manage', { actor: REPRESENTATIVE, action: 'representative.manage' }, ['allowed', null, LOG]],
    ['médecin traitant representative.manage', { actor: DR_TRAITANT, action: 'representative.manage' }, ['patient-only', null, LOG]],
    ['authorized médecin representative.manage', { actor: DR_OTHER, action: 'representative.manage' }, ['patient-only', null, LOG]],
    ['administrative staff representative.manage', { actor: ADMIN_STAFF, action: 'representative.manage' }, ['patient-only', null, LOG]],
  ]);
});

describe('decide — 3. linkage', () => {
  runCases([
    ['another patient reads a document', { actor: OTHER_PATIENT, action: 'document.read' }, ['not-own-dossier', null, LOG]],
    ['another patient tests existence', { actor: OTHER_PATIENT, action: 'dossier.read' }, ['not-own-dossier', null, LOG]],
    ['another patient on a closed dossier', { actor: OTHER_PATIENT, action: 'dossier.read', dossier: CLOSED }, ['not-own-dossier', null, LOG]],
    ['another patient reactivates a closed dossier', { actor: OTHER_PATIENT, action: 'dossier.reactivate', dossier: CLOSED }, ['not-own-dossier', null, LOG]],
    ['another patient on no dossier: nothing to link to', { actor: OTHER_PATIENT, action: 'dossier.read', dossier: NONE }, ['no-dossier', null, LOG]],
    ['another patient creates online on no dossier whose patientId is not theirs', { actor: OTHER_PATIENT, action: 'dossier.create', dossier: NONE_OF_PATIENT, request: { channel: 'online', consent: true } }, ['not-own-dossier', null, LOG]],
    ['patient creates online someone else’s dossier without consent (linkage first)', { actor: OTHER_PATIENT, action: 'dossier.create', dossier: NONE_OF_PATIENT, request: { channel: 'online' } }, ['not-own-dossier', null, LOG]],
    ['patient creates someone else’s minor dossier online (linkage first)', { actor: OTHER_PATIENT, action: 'dossier.create', dossier: { ...NONE_OF_PATIENT, ...MINOR }, request: { channel: 'online', consent: true } }, ['not-own-dossier', null, LOG]],
    ['representative creates online for an adult they do not represent', { actor: OTHER_REPRESENTATIVE, action: 'dossier.create', dossier: NONE_OF_PATIENT, request: { channel: 'online', consent: true } }, ['not-legal-representative', null, LOG]],
    ['representative creates online with no representative known', { actor: REPRESENTATIVE, action: 'dossier.create', dossier: { ...NONE_OF_PATIENT, legalRepresentativeIds: undefined }, request: { channel: 'online', consent: true } }, ['not-legal-representative', null, LOG]],
    ['another patient creates over an active dossier: creation is not linked, existence answers', { actor: OTHER_PATIENT, action: 'dossier.create' }, ['dossier-exists', null, LOG]],
    ['an unlisted representative', { actor: OTHER_REPRESENTATIVE, action: 'document.read' }, ['not-legal-representative', null, LOG]],
    ['a representative when none is listed', { actor: REPRESENTATIVE, action: 'dossier.read', dossier: { legalRepresentativeIds: undefined } }, ['not-legal-representative', null, LOG]],
    ['a representative with an empty list', { actor: REPRESENTATIVE, action: 'history.read', dossier: { legalRepresentativeIds: [] } }, ['not-legal-representative', null, LOG]],
    ['an unlisted representative on a closed dossier', { actor: OTHER_REPRESENTATIVE, action: 'history.read', dossier: CLOSED }, ['not-legal-representative', null, LOG]],
    ['a representative on no dossier', { actor: OTHER_REPRESENTATIVE, action: 'dossier.read', dossier: NONE }, ['no-dossier', null, LOG]],
    ['a patient whose id is the representative’s', { actor: { kind: 'patient', id: REPRESENTATIVE.id }, action: 'dossier.read' }, ['not-own-dossier', null, LOG]],
  ]);
});

describe('decide — 4. existence', () => {
  runCases([
    ['professional creates over an active dossier', { actor: DR_OTHER, action: 'dossier.create', request: { channel: 'professional', consent: true } }, ['dossier-exists', null, LOG]],
    ['professional creates over a closed dossier', { actor: PHARMACIST, action: 'dossier.create', dossier: CLOSED, request: { channel: 'professional', consent: true } }, ['dossier-exists', null, LOG]],
    ['patient creates over a closed dossier', { actor: PATIENT, action: 'dossier.create', dossier: CLOSED, request: { channel: 'online', consent: true } }, ['dossier-exists', null, LOG]],
    ['caisse creates over an active dossier', { actor: ADMIN_STAFF, action: 'dossier.create', request: { channel: 'caisse', consent: true } }, ['dossier-exists', null, LOG]],
    ['existence test on no dossier (professional)', { actor: DR_OTHER, action: 'dossier.read', dossier: NONE }, ['no-dossier', null, LOG]],
    ['existence test on no dossier (patient)', { actor: PATIENT, action: 'dossier.read', dossier: NONE }, ['no-dossier', null, LOG]],
    ['existence test on no dossier (administrative staff)', { actor: ADMIN_STAFF, action: 'dossier.read', dossier: NONE }, ['no-dossier', null, LOG]],
    ['list on no dossier', { actor: DR_TRAITANT, action: 'document.list', dossier: NONE }, ['no-dossier', null, LOG]],
    ['reactivate no dossier', { actor: PATIENT, action: 'dossier.reactivate', dossier: NONE }, ['no-dossier', null, LOG]],
    ['break-glass on no dossier', { actor: DR_EMERGENCY, action: 'document.read', dossier: NONE, request: BREAK_GLASS }, ['no-dossier', null, LOG]],
    ['history on no dossier', { actor: PATIENT, action: 'history.read', dossier: NONE }, ['no-dossier', null, LOG]],
  ]);
});

describe('decide — 5. closed dossier: only dossier.read, dossier.reactivate and history.read go further', () => {
  runCases([
    ['patient reads the status', { actor: PATIENT, action: 'dossier.read', dossier: CLOSED }, ['allowed', null, LOG]],
    ['representative reads the status', { actor: REPRESENTATIVE, action: 'dossier.read', dossier: CLOSED }, ['allowed', null, LOG]],
    ['médecin traitant reads the status', { actor: DR_TRAITANT, action: 'dossier.read', dossier: CLOSED }, ['allowed', null, LOG]],
    ['unauthorized professional reads the status', { actor: DR_EMERGENCY, action: 'dossier.read', dossier: CLOSED }, ['allowed', null, LOG]],
    ['administrative staff reads the status', { actor: ADMIN_STAFF, action: 'dossier.read', dossier: CLOSED }, ['allowed', null, LOG]],
    ['patient reactivates', { actor: PATIENT, action: 'dossier.reactivate', dossier: CLOSED }, ['allowed', null, LOG]],
    ['representative reactivates', { actor: REPRESENTATIVE, action: 'dossier.reactivate', dossier: CLOSED }, ['allowed', null, LOG]],
    ['professional reactivates with consent', { actor: PHARMACIST, action: 'dossier.reactivate', dossier: CLOSED, request: CONSENT }, ['allowed', null, LOG]],
    ['professional reactivates without consent', { actor: PHARMACIST, action: 'dossier.reactivate', dossier: CLOSED }, ['consent-required', null, LOG]],
    ['professional reactivates with consent false', { actor: DR_TRAITANT, action: 'dossier.reactivate', dossier: CLOSED, request: { consent: false } }, ['consent-required', null, LOG]],
    ['blocked professional reactivates with consent (no access follows)', { actor: DR_OTHER, action: 'dossier.reactivate', dossier: { ...CLOSED, ...blocking(DR_OTHER) }, request: CONSENT }, ['allowed', null, LOG]],
    ['administrative staff reactivates', { actor: ADMIN_STAFF, action: 'dossier.reactivate', dossier: CLOSED, request: CONSENT }, ['profession-not-permitted', null, LOG]],
    ['patient reads the history', { actor: PATIENT, action: 'history.read', dossier: CLOSED }, ['allowed', null, LOG]],
    ['representative reads the history', { actor: REPRESENTATIVE, action: 'history.read', dossier: CLOSED }, ['allowed', null, LOG]],
    ['médecin traitant reads the history', { actor: DR_TRAITANT, action: 'history.read', dossier: CLOSED }, ['patient-only', null, LOG]],
    ['médecin traitant reads a document', { actor: DR_TRAITANT, action: 'document.read', dossier: CLOSED }, ['dossier-closed', null, LOG]],
    ['break-glass on a closed dossier', { actor: DR_EMERGENCY, action: 'document.list', dossier: CLOSED, request: BREAK_GLASS }, ['dossier-closed', null, LOG]],
    ['regulation on a closed dossier', { actor: REGULATOR, action: 'synthesis.read', dossier: CLOSED, request: REGULATION }, ['dossier-closed', null, LOG]],
  ]);

  const stopped = ACTIONS.filter((a) => a !== 'dossier.read' && a !== 'dossier.reactivate' && a !== 'history.read' && a !== 'dossier.create');
  for (const action of stopped) {
    for (const actor of [PATIENT, REPRESENTATIVE, DR_TRAITANT, ADMIN_STAFF]) {
      it(`${actor.kind}${actor === DR_TRAITANT ? ' (médecin traitant)' : ''} ${action} on a closed dossier → dossier-closed`, () => {
        expect(decide(input({ actor, action, dossier: CLOSED, request: { consent: true } }))).to.deep.equal({
          allowed: false,
          reason: 'dossier-closed',
          obligations: ['log-access'],
        });
      });
    }
  }
});

describe('decide — 6. patient-side actions', () => {
  runCases([
    ['regulator in regulation mode reads the history', { actor: REGULATOR, action: 'history.read', request: REGULATION }, ['patient-only', null, LOG]],
    ['break-glass professional masks', { actor: DR_EMERGENCY, action: 'document.mask', request: BREAK_GLASS }, ['patient-only', null, LOG]],
    ['author deletes their own document', { actor: DR_AUTHOR, action: 'document.delete' }, ['patient-only', null, LOG]],
    ['blocked professional closes the dossier (patient-only comes first)', { actor: DR_OTHER, action: 'dossier.close', dossier: blocking(DR_OTHER) }, ['patient-only', null, LOG]],
    ['representative unmasks', { actor: REPRESENTATIVE, action: 'document.unmask', document: MASKED }, ['allowed', null, LOG]],
    ['patient masks a document hidden from them (mask is not judged per document)', { actor: PATIENT, action: 'document.mask', document: INVISIBLE_TO_PATIENT }, ['allowed', null, LOG]],
  ]);
});

describe('decide — 7. professional access: blocked, authorization, emergency modes', () => {
  runCases([
    // 7.1 blocked, whatever the mode, médecin traitant included
    ['blocked authorized médecin', { actor: DR_OTHER, action: 'document.read', dossier: blocking(DR_OTHER) }, ['blocked', 'normal', LOG]],
    ['blocked médecin traitant', { actor: DR_TRAITANT, action: 'document.read', dossier: blocking(DR_TRAITANT) }, ['blocked', 'normal', LOG]],
    ['blocked médecin traitant writes the synthesis', { actor: DR_TRAITANT, action: 'synthesis.write', dossier: blocking(DR_TRAITANT) }, ['blocked', 'normal', LOG]],
    ['blocked médecin traitant in break-glass', { actor: DR_TRAITANT, action: 'document.read', dossier: blocking(DR_TRAITANT), request: BREAK_GLASS }, ['blocked', 'break-glass', LOG]],
    ['blocked médecin traitant in regulation', { actor: DR_TRAITANT, action: 'document.read', dossier: blocking(DR_TRAITANT), request: REGULATION }, ['blocked', 'regulation', LOG]],
    ['blocked professional in break-glass', { actor: DR_EMERGENCY, action: 'document.list', dossier: blocking(DR_EMERGENCY), request: BREAK_GLASS }, ['blocked', 'break-glass', LOG]],
    ['blocked regulator in regulation', { actor: REGULATOR, action: 'synthesis.read', dossier: blocking(REGULATOR), request: REGULATION }, ['blocked', 'regulation', LOG]],
    ['blocked professional asks the authorizations', { actor: NURSE, action: 'authorization.read', dossier: blocking(NURSE) }, ['blocked', 'normal', LOG]],
    ['blocked professional adds (blocked before ins)', { actor: DR_OTHER, action: 'document.add', dossier: { ...blocking(DR_OTHER), insStatus: 'PROV' } }, ['blocked', 'normal', LOG]],
    ['blocked professional still tests existence', { actor: DR_OTHER, action: 'dossier.read', dossier: blocking(DR_OTHER) }, ['allowed', null, LOG]],
    ['blocked professional tests existence on a closed dossier', { actor: DR_OTHER, action: 'dossier.read', dossier: { ...blocking(DR_OTHER), ...CLOSED } }, ['allowed', null, LOG]],
    ['another professional’s block does not matter', { actor: DR_OTHER, action: 'document.read', dossier: blocking(NURSE) }, ['allowed', 'normal', LOG]],
    // 7.2 normal mode
    ['unauthorized professional', { actor: DR_EMERGENCY, action: 'document.read' }, ['not-authorized', 'normal', LOG]],
    ['unauthorized professional, normal mode asked explicitly', { actor: DR_EMERGENCY, action: 'document.read', request: { mode: 'normal' } }, ['not-authorized', 'normal', LOG]],
    ['unauthorized professional lists', { actor: DR_EMERGENCY, action: 'document.list' }, ['not-authorized', 'normal', LOG]],
    ['unauthorized professional reads the synthesis', { actor: DR_EMERGENCY, action: 'synthesis.read', document: null }, ['not-authorized', 'normal', LOG]],
    ['unauthorized professional asks the authorizations', { actor: DR_EMERGENCY, action: 'authorization.read' }, ['not-authorized', 'normal', LOG]],
    ['unauthorized professional writes the synthesis', { actor: DR_EMERGENCY, action: 'synthesis.write' }, ['not-authorized', 'normal', LOG]],
    ['regulator in normal mode is just unauthorized', { actor: REGULATOR, action: 'document.read' }, ['not-authorized', 'normal', LOG]],
    ['pharmacist whose authorization was revoked', { actor: PHARMACIST, action: 'document.read', dossier: { authorizedRpps: [] } }, ['not-authorized', 'normal', LOG]],
    ['authorized pharmacist', { actor: PHARMACIST, action: 'document.read' }, ['allowed', 'normal', LOG]],
    ['médecin traitant needs no authorization', { actor: DR_TRAITANT, action: 'document.read', dossier: { authorizedRpps: [] } }, ['allowed', 'normal', LOG]],
    ['one of several médecins traitants', { actor: DR_OTHER, action: 'synthesis.write', dossier: { treatingPhysiciansRpps: [DR_TRAITANT.rpps, DR_OTHER.rpps] } }, ['allowed', 'normal', LOG]],
    // 7.3 normal access asking for an emergency mode runs as normal
    ['authorized médecin asks break-glass', { actor: DR_OTHER, action: 'document.read', request: BREAK_GLASS }, ['allowed', 'normal', LOG]],
    ['authorized médecin asks break-glass without justification, patient opposed', { actor: DR_OTHER, action: 'document.read', dossier: BREAK_GLASS_OPPOSED, request: { mode: 'break-glass' } }, ['allowed', 'normal', LOG]],
    ['médecin traitant (not a regulator) asks regulation', { actor: DR_TRAITANT, action: 'document.read', request: { mode: 'regulation' } }, ['allowed', 'normal', LOG]],
    ['authorized médecin asks break-glass to add: normal access may write', { actor: DR_OTHER, action: 'document.add', request: BREAK_GLASS }, ['allowed', 'normal', NOTIFY]],
    ['authorized médecin asks break-glass for the authorizations: normal access shows them', { actor: DR_OTHER, action: 'authorization.read', request: BREAK_GLASS }, ['allowed', 'normal', LOG]],
    ['médecin traitant asks regulation for the authorizations', { actor: DR_TRAITANT, action: 'authorization.read', request: REGULATION }, ['allowed', 'normal', LOG]],
    ['médecin traitant asks break-glass to write the synthesis', { actor: DR_TRAITANT, action: 'synthesis.write', request: { mode: 'break-glass' } }, ['allowed', 'normal', LOG]],
    // 7.4 regulation
    ['regulator', { actor: REGULATOR, action: 'document.read', request: REGULATION }, ['allowed', 'regulation', NOTIFY]],
    ['regulator lists', { actor: REGULATOR, action: 'document.list', request: REGULATION }, ['allowed', 'regulation', NOTIFY]],
    ['regulator reads the synthesis', { actor: REGULATOR, action: 'synthesis.read', document: null, request: REGULATION }, ['allowed', 'regulation', NOTIFY]],
    ['non-regulator asks regulation', { actor: DR_EMERGENCY, action: 'document.read', request: REGULATION }, ['not-regulator', 'regulation', LOG]],
    ['regulator flag false', { actor: { ...REGULATOR, regulator: false }, action: 'document.read', request: REGULATION }, ['not-regulator', 'regulation', LOG]],
    ['non-regulator asks regulation, patient opposed (not-regulator first)', { actor: DR_EMERGENCY, action: 'document.read', dossier: REGULATION_OPPOSED, request: REGULATION }, ['not-regulator', 'regulation', LOG]],
    ['regulator, patient opposed to regulation', { actor: REGULATOR, action: 'document.read', dossier: REGULATION_OPPOSED, request: REGULATION }, ['patient-opposed', 'regulation', LOG]],
    ['regulator, patient opposed and no justification (opposition first)', { actor: REGULATOR, action: 'document.read', dossier: REGULATION_OPPOSED, request: { mode: 'regulation' } }, ['patient-opposed', 'regulation', LOG]],
    ['regulator, patient opposed only to break-glass', { actor: REGULATOR, action: 'document.read', dossier: BREAK_GLASS_OPPOSED, request: REGULATION }, ['allowed', 'regulation', NOTIFY]],
    ['regulator without justification', { actor: REGULATOR, action: 'document.read', request: { mode: 'regulation' } }, ['justification-required', 'regulation', JUSTIFY]],
    ['regulator with 19 code points', { actor: REGULATOR, action: 'document.read', request: { mode: 'regulation', justification: J19 } }, ['justification-required', 'regulation', JUSTIFY]],
    ['regulator with 20 code points', { actor: REGULATOR, action: 'document.read', request: { mode: 'regulation', justification: J20 } }, ['allowed', 'regulation', NOTIFY]],
    ['regulator with an empty justification', { actor: REGULATOR, action: 'document.read', request: { mode: 'regulation', justification: '' } }, ['justification-required', 'regulation', JUSTIFY]],
    ['regulator with 19 code points padded with spaces', { actor: REGULATOR, action: 'document.read', request: { mode: 'regulation', justification: `  ${J19}\n` } }, ['justification-required', 'regulation', JUSTIFY]],
    ['regulator with 18 letters + an emoji: 20 UTF-16 units, 19 code points', { actor: REGULATOR, action: 'document.read', request: { mode: 'regulation', justification: 'Patient inconscien🚑' } }, ['justification-required', 'regulation', JUSTIFY]],
    ['regulator with 19 letters + an emoji: 20 code points', { actor: REGULATOR, action: 'document.read', request: { mode: 'regulation', justification: `${J19}🚑` } }, ['allowed', 'regulation', NOTIFY]],
    // 7.5 break-glass
    ['break-glass', { actor: DR_EMERGENCY, action: 'document.read', request: BREAK_GLASS }, ['allowed', 'break-glass', NOTIFY]],
    ['break-glass list', { actor: DR_EMERGENCY, action: 'document.list', request: BREAK_GLASS }, ['allowed', 'break-glass', NOTIFY]],
    ['break-glass by a nurse', { actor: { ...NURSE, rpps: '10100000061' }, action: 'document.read', document: BIOLOGY, request: BREAK_GLASS }, ['allowed', 'break-glass', NOTIFY]],
    ['break-glass by a regulator', { actor: REGULATOR, action: 'document.read', request: BREAK_GLASS }, ['allowed', 'break-glass', NOTIFY]],
    // Under a minor's connexion secrète, the dossier's notices may reach the representatives it keeps the access from.
    ['break-glass under connexion secrète on a minor’s dossier: announced to no one', { actor: DR_EMERGENCY, action: 'document.read', dossier: MINOR, request: { ...BREAK_GLASS, secret: true } }, ['allowed', 'break-glass', LOG]],
    ['break-glass, patient opposed', { actor: DR_EMERGENCY, action: 'document.read', dossier: BREAK_GLASS_OPPOSED, request: BREAK_GLASS }, ['patient-opposed', 'break-glass', LOG]],
    ['break-glass, patient opposed and no justification (opposition first)', { actor: DR_EMERGENCY, action: 'document.list', dossier: BREAK_GLASS_OPPOSED, request: { mode: 'break-glass' } }, ['patient-opposed', 'break-glass', LOG]],
    ['break-glass, patient opposed only to regulation', { actor: DR_EMERGENCY, action: 'document.read', dossier: REGULATION_OPPOSED, request: BREAK_GLASS }, ['allowed', 'break-glass', NOTIFY]],
    ['break-glass without justification', { actor: DR_EMERGENCY, action: 'document.read', request: { mode: 'break-glass' } }, ['justification-required', 'break-glass', JUSTIFY]],
    ['break-glass with 19 code points', { actor: DR_EMERGENCY, action: 'document.read', request: { mode: 'break-glass', justification: J19 } }, ['justification-required', 'break-glass', JUSTIFY]],
    ['break-glass with 20 code points', { actor: DR_EMERGENCY, action: 'document.read', request: { mode: 'break-glass', justification: J20 } }, ['allowed', 'break-glass', NOTIFY]],
    ['break-glass with 19 code points padded with spaces', { actor: DR_EMERGENCY, action: 'document.read', request: { mode: 'break-glass', justification: `   ${J19}   ` } }, ['justification-required', 'break-glass', JUSTIFY]],
    ['break-glass with 20 code points padded with tabs and newlines', { actor: DR_EMERGENCY, action: 'document.read', request: { mode: 'break-glass', justification: `\n\t${J20}\u00a0\n` } }, ['allowed', 'break-glass', NOTIFY]],
    ['break-glass with white space only', { actor: DR_EMERGENCY, action: 'document.read', request: { mode: 'break-glass', justification: ' '.repeat(40) } }, ['justification-required', 'break-glass', JUSTIFY]],
    ['break-glass with 18 letters + an emoji: 20 UTF-16 units, 19 code points', { actor: DR_EMERGENCY, action: 'document.read', request: { mode: 'break-glass', justification: 'Patient inconscien🚑' } }, ['justification-required', 'break-glass', JUSTIFY]],
    ['break-glass with 19 letters + an emoji: 20 code points', { actor: DR_EMERGENCY, action: 'document.read', request: { mode: 'break-glass', justification: `${J19}🚑` } }, ['allowed', 'break-glass', NOTIFY]],
    ['break-glass with accented letters (one code point each)', { actor: DR_EMERGENCY, action: 'document.read', request: { mode: 'break-glass', justification: 'Détresse à l’arrivée' } }, ['allowed', 'break-glass', NOTIFY]],
    // 7.6 emergency access reads only
    ['break-glass add', { actor: DR_EMERGENCY, action: 'document.add', request: BREAK_GLASS }, ['not-authorized', 'break-glass', LOG]],
    ['break-glass replace of one’s own document', { actor: DR_EMERGENCY, action: 'document.replace', document: authoredBy(DR_EMERGENCY), request: BREAK_GLASS }, ['not-authorized', 'break-glass', LOG]],
    ['break-glass set-visibility', { actor: DR_EMERGENCY, action: 'document.set-visibility', request: BREAK_GLASS }, ['not-authorized', 'break-glass', LOG]],
    ['break-glass archive', { actor: DR_EMERGENCY, action: 'document.archive', request: BREAK_GLASS }, ['not-authorized', 'break-glass', LOG]],
    ['break-glass synthesis.write', { actor: DR_EMERGENCY, action: 'synthesis.write', request: BREAK_GLASS }, ['not-authorized', 'break-glass', LOG]],
    ['break-glass synthesis.read', { actor: DR_EMERGENCY, action: 'synthesis.read', document: SYNTHESIS, request: BREAK_GLASS }, ['allowed', 'break-glass', NOTIFY]],
    ['break-glass authorization.read (content, not the consents)', { actor: DR_EMERGENCY, action: 'authorization.read', request: BREAK_GLASS }, ['not-authorized', 'break-glass', LOG]],
    ['regulation add', { actor: REGULATOR, action: 'document.add', request: REGULATION }, ['not-authorized', 'regulation', LOG]],
    ['regulation replace', { actor: REGULATOR, action: 'document.replace', request: REGULATION }, ['not-authorized', 'regulation', LOG]],
    ['regulation set-visibility', { actor: REGULATOR, action: 'document.set-visibility', request: REGULATION }, ['not-authorized', 'regulation', LOG]],
    ['regulation archive', { actor: REGULATOR, action: 'document.archive', request: REGULATION }, ['not-authorized', 'regulation', LOG]],
    ['regulation synthesis.write', { actor: REGULATOR, action: 'synthesis.write', request: REGULATION }, ['not-authorized', 'regulation', LOG]],
    ['regulation authorization.read', { actor: REGULATOR, action: 'authorization.read', request: REGULATION }, ['not-authorized', 'regulation', LOG]],
    ['break-glass add without justification (justification first)', { actor: DR_EMERGENCY, action: 'document.add', request: { mode: 'break-glass' } }, ['justification-required', 'break-glass', JUSTIFY]],
    ['break-glass add, patient opposed (opposition first)', { actor: DR_EMERGENCY, action: 'document.add', dossier: BREAK_GLASS_OPPOSED, request: BREAK_GLASS }, ['patient-opposed', 'break-glass', LOG]],
    ['non-regulator regulation write (not-regulator first)', { actor: DR_EMERGENCY, action: 'synthesis.write', request: REGULATION }, ['not-regulator', 'regulation', LOG]],
  ]);
  // Connexion secrète with an emergency mode: it counts only for a professional on a minor's dossier.
  runCases([
    ['break-glass under connexion secrète on an adult’s dossier: no secret for an adult, the patient is told', { actor: DR_EMERGENCY, action: 'document.read', request: { ...BREAK_GLASS, secret: true } }, ['allowed', 'break-glass', NOTIFY]],
    ['regulation under connexion secrète on a minor’s dossier: announced to no one', { actor: REGULATOR, action: 'document.read', dossier: MINOR, request: { ...REGULATION, secret: true } }, ['allowed', 'regulation', LOG]],
    ['regulation on a minor’s dossier outside connexion secrète: the patient is told', { actor: REGULATOR, action: 'document.read', dossier: MINOR, request: REGULATION }, ['allowed', 'regulation', NOTIFY]],
  ]);
});

describe('decide — 8. document level: professionals', () => {
  runCases([
    // the matrix (every cell: matrix.test.ts), authors excepted on existing documents
    ['physio reads biology', { actor: PHYSIO, action: 'document.read', document: BIOLOGY }, ['profession-not-permitted', 'normal', LOG]],
    ['physio reads biology they authored', { actor: PHYSIO, action: 'document.read', document: { ...BIOLOGY, ...authoredBy(PHYSIO) } }, ['allowed', 'normal', LOG]],
    ['physio adds biology, even signed as theirs', { actor: PHYSIO, action: 'document.add', document: { ...BIOLOGY, ...authoredBy(PHYSIO) } }, ['profession-not-permitted', 'normal', LOG]],
    ['physio adds imaging', { actor: PHYSIO, action: 'document.add', document: IMAGING }, ['allowed', 'normal', NOTIFY]],
    ['physio adds biology with an unqualified INS (matrix first)', { actor: PHYSIO, action: 'document.add', document: BIOLOGY, dossier: { insStatus: 'PROV' } }, ['profession-not-permitted', 'normal', LOG]],
    ['physio replaces biology they authored', { actor: PHYSIO, action: 'document.replace', document: { ...BIOLOGY, ...authoredBy(PHYSIO) } }, ['allowed', 'normal', LOG]],
    ['optician reads the synthesis', { actor: OPTICIAN, action: 'synthesis.read', document: SYNTHESIS }, ['profession-not-permitted', 'normal', LOG]],
    ['optician reads the synthesis at dossier level', { actor: OPTICIAN, action: 'synthesis.read', document: null }, ['profession-not-permitted', 'normal', LOG]],
    ['dietitian reads the synthesis', { actor: DIETITIAN, action: 'synthesis.read', document: null }, ['allowed', 'normal', LOG]],
    ['pharmacist reads imaging', { actor: PHARMACIST, action: 'document.read', document: IMAGING }, ['profession-not-permitted', 'normal', LOG]],
    ['pharmacist reads reimbursements', { actor: PHARMACIST, action: 'document.read', document: REIMBURSEMENT }, ['allowed', 'normal', LOG]],
    ['nurse reads reimbursements', { actor: NURSE, action: 'document.read', document: REIMBURSEMENT }, ['profession-not-permitted', 'normal', LOG]],
    ['dentist reads imaging', { actor: DENTIST, action: 'document.read', document: IMAGING }, ['allowed', 'normal', LOG]],
    ['midwife reads an attestation', { actor: MIDWIFE, action: 'document.read', document: ATTEST_HEBGT }, ['profession-not-permitted', 'normal', LOG]],
    ['matrix applies in break-glass', { actor: { ...NURSE, rpps: '10100000061' }, action: 'document.read', document: REIMBURSEMENT, request: BREAK_GLASS }, ['profession-not-permitted', 'break-glass', LOG]],
    ['matrix applies in regulation', { actor: { ...REGULATOR, profession: '60' }, action: 'document.read', document: REIMBURSEMENT, request: REGULATION }, ['profession-not-permitted', 'regulation', LOG]],
    // ATTEST-RESID: the matrix binds the médecin traitant too
    ['médecin traitant reads an attestation de résidence', { actor: DR_TRAITANT, action: 'document.read', document: ATTEST_RESID }, ['profession-not-permitted', 'normal', LOG]],
    ['médecin traitant reads an attestation d’hébergement', { actor: DR_TRAITANT, action: 'document.read', document: ATTEST_HEBGT }, ['allowed', 'normal', LOG]],
    ['médecin traitant adds an attestation de résidence', { actor: DR_TRAITANT, action: 'document.add', document: ATTEST_RESID }, ['profession-not-permitted', 'normal', LOG]],
    ['médecin who authored an attestation de résidence reads it', { actor: DR_AUTHOR, action: 'document.read', document: ATTEST_RESID, dossier: { authorizedRpps: [DR_AUTHOR.rpps] } }, ['allowed', 'normal', LOG]],
    ['break-glass médecin reads an attestation de résidence', { actor: DR_EMERGENCY, action: 'document.read', document: ATTEST_RESID, request: BREAK_GLASS }, ['profession-not-permitted', 'break-glass', LOG]],
    // masked: author and médecin traitant still see it, in every mode
    ['authorized médecin reads a masked document', { actor: DR_OTHER, action: 'document.read', document: MASKED }, ['masked', 'normal', LOG]],
    ['médecin traitant reads a masked document', { actor: DR_TRAITANT, action: 'document.read', document: MASKED }, ['allowed', 'normal', LOG]],
    ['author reads their masked document', { actor: DR_OTHER, action: 'document.read', document: { ...MASKED, ...authoredBy(DR_OTHER) } }, ['allowed', 'normal', LOG]],
    ['break-glass on a masked document', { actor: DR_EMERGENCY, action: 'document.read', document: MASKED, request: BREAK_GLASS }, ['masked', 'break-glass', LOG]],
    ['break-glass author on their masked document', { actor: DR_EMERGENCY, action: 'document.read', document: { ...MASKED, ...authoredBy(DR_EMERGENCY) }, request: BREAK_GLASS }, ['allowed', 'break-glass', NOTIFY]],
    ['médecin traitant asking break-glass on a masked document', { actor: DR_TRAITANT, action: 'document.read', document: MASKED, request: BREAK_GLASS }, ['allowed', 'normal', LOG]],
    ['regulation on a masked document', { actor: REGULATOR, action: 'document.read', document: MASKED, request: REGULATION }, ['masked', 'regulation', LOG]],
    ['regulator author on their masked document', { actor: REGULATOR, action: 'document.read', document: { ...MASKED, ...authoredBy(REGULATOR) }, request: REGULATION }, ['allowed', 'regulation', NOTIFY]],
    ['médecin traitant asking regulation on a masked document', { actor: { ...DR_TRAITANT, regulator: true }, action: 'document.read', document: MASKED, request: REGULATION }, ['allowed', 'normal', LOG]],
    ['masked synthesis', { actor: DR_OTHER, action: 'synthesis.read', document: { ...SYNTHESIS, ...MASKED } }, ['masked', 'normal', LOG]],
    ['masked synthesis for the médecin traitant who wrote it', { actor: DR_TRAITANT, action: 'synthesis.read', document: { ...SYNTHESIS, ...MASKED } }, ['allowed', 'normal', LOG]],
    ['masked biology for a physio (matrix first)', { actor: PHYSIO, action: 'document.read', document: { ...BIOLOGY, ...MASKED } }, ['profession-not-permitted', 'normal', LOG]],
    ['replace of a masked document by a non-author (masked first)', { actor: DR_OTHER, action: 'document.replace', document: MASKED }, ['masked', 'normal', LOG]],
    ['médecin traitant archives a masked document', { actor: DR_TRAITANT, action: 'document.archive', document: MASKED }, ['allowed', 'normal', LOG]],
    ['adding a document flagged masked: one’s own', { actor: DR_OTHER, action: 'document.add', document: MASKED }, ['allowed', 'normal', NOTIFY]],
    // flags the patient side uses do not bind professionals
    ['professional reads a document invisible to the patient', { actor: DR_OTHER, action: 'document.read', document: INVISIBLE_TO_PATIENT }, ['allowed', 'normal', LOG]],
    ['professional reads a document hidden from representatives', { actor: NURSE, action: 'document.read', document: INVISIBLE_TO_REPRESENTATIVES }, ['allowed', 'normal', LOG]],
    // not-author
    ['author replaces', { actor: DR_OTHER, action: 'document.replace', document: authoredBy(DR_OTHER) }, ['allowed', 'normal', LOG]],
    ['author sets visibility', { actor: DR_OTHER, action: 'document.set-visibility', document: authoredBy(DR_OTHER) }, ['allowed', 'normal', LOG]],
    ['author archives', { actor: DR_OTHER, action: 'document.archive', document: authoredBy(DR_OTHER) }, ['allowed', 'normal', LOG]],
    ['non-author replaces', { actor: NURSE, action: 'document.replace' }, ['not-author', 'normal', LOG]],
    ['non-author sets visibility', { actor: PHARMACIST, action: 'document.set-visibility' }, ['not-author', 'normal', LOG]],
    ['non-author archives', { actor: DENTIST, action: 'document.archive' }, ['not-author', 'normal', LOG]],
    ['a professional may not archive the patient’s own document', { actor: DR_OTHER, action: 'document.archive', document: DIRECTIVES }, ['patient-only', 'normal', LOG]],
    ['nor may the médecin traitant archive it', { actor: DR_TRAITANT, action: 'document.archive', document: DIRECTIVES }, ['patient-only', 'normal', LOG]],
    ['nor set its flags', { actor: DR_TRAITANT, action: 'document.set-visibility', document: DIRECTIVES }, ['patient-only', 'normal', LOG]],
    ['nor archive what the patient deposited in another category', { actor: DR_TRAITANT, action: 'document.archive', document: DOCPAT_REPORT }, ['patient-only', 'normal', LOG]],
    ['a professional a patient’s deposit is masked from is told it is masked, nothing more', { actor: DR_OTHER, action: 'document.archive', document: { ...DOCPAT_REPORT, masked: true } }, ['masked', 'normal', LOG]],
    ['the médecin traitant still reads it', { actor: DR_TRAITANT, action: 'document.read', document: DOCPAT_REPORT }, ['allowed', 'normal', LOG]],
    ['médecin traitant replaces another’s document', { actor: DR_TRAITANT, action: 'document.replace' }, ['allowed', 'normal', LOG]],
    ['médecin traitant sets visibility', { actor: DR_TRAITANT, action: 'document.set-visibility' }, ['allowed', 'normal', LOG]],
  ]);
  // ATTEST-RESID: the matrix binds the médecin traitant's writes on another's attestation as its reads.
  runCases([
    ['médecin traitant replaces an attestation de résidence', { actor: DR_TRAITANT, action: 'document.replace', document: ATTEST_RESID }, ['profession-not-permitted', 'normal', LOG]],
    ['médecin traitant archives an attestation de résidence', { actor: DR_TRAITANT, action: 'document.archive', document: ATTEST_RESID }, ['profession-not-permitted', 'normal', LOG]],
  ]);
});

describe('decide — 8. document level: patient and legal representatives', () => {
  runCases([
    ['patient reads a document invisible to them', { actor: PATIENT, action: 'document.read', document: INVISIBLE_TO_PATIENT }, ['invisible-to-patient', null, LOG]],
    ['patient reads the synthesis invisible to them', { actor: PATIENT, action: 'synthesis.read', document: { ...SYNTHESIS, ...INVISIBLE_TO_PATIENT } }, ['invisible-to-patient', null, LOG]],
    ['patient deletes a document invisible to them', { actor: PATIENT, action: 'document.delete', document: INVISIBLE_TO_PATIENT }, ['invisible-to-patient', null, LOG]],
    ['patient archives their own document invisible to them', { actor: PATIENT, action: 'document.archive', document: { ...DIRECTIVES, ...INVISIBLE_TO_PATIENT } }, ['invisible-to-patient', null, LOG]],
    ['patient reads a masked document (masking hides from professionals)', { actor: PATIENT, action: 'document.read', document: MASKED }, ['allowed', null, LOG]],
    ['patient reads a document hidden from representatives', { actor: PATIENT, action: 'document.read', document: INVISIBLE_TO_REPRESENTATIVES }, ['allowed', null, LOG]],
    ['patient deletes any document they see', { actor: PATIENT, action: 'document.delete', document: BIOLOGY }, ['allowed', null, LOG]],
    ['patient deletes a masked document', { actor: PATIENT, action: 'document.delete', document: MASKED }, ['allowed', null, LOG]],
    ['patient adds directives anticipées', { actor: PATIENT, action: 'document.add', document: DIRECTIVES }, ['allowed', null, NOTIFY]],
    ['médecin traitant adds directives anticipées for the patient', { actor: DR_TRAITANT, action: 'document.add', document: DIRECTIVES }, ['patient-only', 'normal', LOG]],
    ['authorized médecin adds a DOCPAT report', { actor: DR_OTHER, action: 'document.add', document: DOCPAT_REPORT }, ['patient-only', 'normal', LOG]],
    ['the authorized author archives their report whatever look-alike code it bears', { actor: DR_OTHER, action: 'document.archive', document: { ...REPORT, typeCode: 'DOCPAT99', ...authoredBy(DR_OTHER) } }, ['allowed', 'normal', LOG]],
    ['médecin traitant replaces the patient’s directives', { actor: DR_TRAITANT, action: 'document.replace', document: DIRECTIVES }, ['patient-only', 'normal', LOG]],
    ['patient adds a DOCPAT report', { actor: PATIENT, action: 'document.add', document: DOCPAT_REPORT }, ['allowed', null, NOTIFY]],
    ['patient adds a biology report', { actor: PATIENT, action: 'document.add', document: BIOLOGY }, ['profession-not-permitted', null, LOG]],
    ['patient adds with an unqualified INS (professionals only)', { actor: PATIENT, action: 'document.add', document: DIRECTIVES, dossier: { insStatus: 'PROV' } }, ['allowed', null, NOTIFY]],
    ['patient replaces their own document', { actor: PATIENT, action: 'document.replace', document: DIRECTIVES }, ['allowed', null, LOG]],
    ['patient replaces a DOCPAT biology', { actor: PATIENT, action: 'document.replace', document: DOCPAT_BIOLOGY }, ['allowed', null, LOG]],
    ['patient archives their own document', { actor: PATIENT, action: 'document.archive', document: DIRECTIVES }, ['allowed', null, LOG]],
    ['patient archives a DOCPAT report', { actor: PATIENT, action: 'document.archive', document: DOCPAT_REPORT }, ['allowed', null, LOG]],
    ['patient archives a professional’s report', { actor: PATIENT, action: 'document.archive' }, ['not-author', null, LOG]],
    ['patient adds a look-alike DOCPAT code (only DOCPAT01–06 are theirs)', { actor: PATIENT, action: 'document.add', document: { ...IMAGING, typeCode: 'DOCPATZZ' } }, ['profession-not-permitted', null, LOG]],
    ['patient adds a DOCPAT biology code filed as imaging', { actor: PATIENT, action: 'document.add', document: { ...DOCPAT_BIOLOGY, category: 'imaging' } }, ['profession-not-permitted', null, LOG]],
    ['patient archives a report under a look-alike DOCPAT code', { actor: PATIENT, action: 'document.archive', document: { ...REPORT, typeCode: 'DOCPAT99' } }, ['not-author', null, LOG]],
    ['patient replaces a DOCPAT report code filed as biology', { actor: PATIENT, action: 'document.replace', document: { ...DOCPAT_REPORT, category: 'biology' } }, ['not-author', null, LOG]],
    ['patient replaces a professional’s biology', { actor: PATIENT, action: 'document.replace', document: BIOLOGY }, ['not-author', null, LOG]],
    ['patient sets visibility on their own document', { actor: PATIENT, action: 'document.set-visibility', document: DIRECTIVES }, ['not-author', null, LOG]],
    ['patient sets visibility on a hidden document (invisibility first)', { actor: PATIENT, action: 'document.set-visibility', document: INVISIBLE_TO_PATIENT }, ['invisible-to-patient', null, LOG]],
    ['patient sets visibility on a released document (released, still not theirs to flag)', { actor: PATIENT, action: 'document.set-visibility', document: INVISIBLE_TO_PATIENT, request: { now: '2025-01-01T00:00:00Z' } }, ['not-author', null, LOG]],
    ['representative reads a document invisible to the patient', { actor: REPRESENTATIVE, action: 'document.read', document: INVISIBLE_TO_PATIENT }, ['invisible-to-patient', null, LOG]],
    ['representative reads a document hidden from representatives', { actor: REPRESENTATIVE, action: 'document.read', document: INVISIBLE_TO_REPRESENTATIVES }, ['invisible-to-legal-representative', null, LOG]],
    ['representative reads a document hidden from both (patient first)', { actor: REPRESENTATIVE, action: 'document.read', document: { ...INVISIBLE_TO_PATIENT, ...INVISIBLE_TO_REPRESENTATIVES } }, ['invisible-to-patient', null, LOG]],
    ['representative deletes a document hidden from representatives', { actor: REPRESENTATIVE, action: 'document.delete', document: INVISIBLE_TO_REPRESENTATIVES }, ['invisible-to-legal-representative', null, LOG]],
    ['representative reads the synthesis hidden from representatives', { actor: REPRESENTATIVE, action: 'synthesis.read', document: { ...SYNTHESIS, ...INVISIBLE_TO_REPRESENTATIVES } }, ['invisible-to-legal-representative', null, LOG]],
    ['representative reads a masked document', { actor: REPRESENTATIVE, action: 'document.read', document: MASKED }, ['allowed', null, LOG]],
    ['representative adds directives anticipées', { actor: REPRESENTATIVE, action: 'document.add', document: DIRECTIVES }, ['allowed', null, NOTIFY]],
    ['representative adds a DOCPAT biology', { actor: REPRESENTATIVE, action: 'document.add', document: DOCPAT_BIOLOGY }, ['allowed', null, NOTIFY]],
    ['representative adds imaging', { actor: REPRESENTATIVE, action: 'document.add', document: IMAGING }, ['profession-not-permitted', null, LOG]],
    ['representative replaces the patient’s document', { actor: REPRESENTATIVE, action: 'document.replace', document: DIRECTIVES }, ['allowed', null, LOG]],
    ['representative archives a professional’s document', { actor: REPRESENTATIVE, action: 'document.archive', document: IMAGING }, ['not-author', null, LOG]],
    ['representative sets visibility', { actor: REPRESENTATIVE, action: 'document.set-visibility', document: DIRECTIVES }, ['not-author', null, LOG]],
    ['representative deletes a document', { actor: REPRESENTATIVE, action: 'document.delete', document: IMAGING }, ['allowed', null, LOG]],
  ]);
});

describe('decide — 8. document level: administrative staff', () => {
  runCases([
    ['reads an attestation d’hébergement', { actor: ADMIN_STAFF, action: 'document.read', document: ATTEST_HEBGT }, ['allowed', null, LOG]],
    ['reads an attestation de résidence (the médecin exception is not theirs)', { actor: ADMIN_STAFF, action: 'document.read', document: ATTEST_RESID }, ['allowed', null, LOG]],
    ['reads a masked administrative document (masking binds professionals)', { actor: ADMIN_STAFF, action: 'document.read', document: { ...ATTEST_HEBGT, ...MASKED } }, ['allowed', null, LOG]],
    ['reads biology', { actor: ADMIN_STAFF, action: 'document.read', document: BIOLOGY }, ['profession-not-permitted', null, LOG]],
    ['reads reimbursements', { actor: ADMIN_STAFF, action: 'document.read', document: REIMBURSEMENT }, ['profession-not-permitted', null, LOG]],
    ['reads the patient’s own documents', { actor: ADMIN_STAFF, action: 'document.read', document: DIRECTIVES }, ['profession-not-permitted', null, LOG]],
    ['adds an administrative document', { actor: ADMIN_STAFF, action: 'document.add', document: ATTEST_HEBGT }, ['profession-not-permitted', null, LOG]],
    ['archives an administrative document', { actor: ADMIN_STAFF, action: 'document.archive', document: ATTEST_HEBGT }, ['profession-not-permitted', null, LOG]],
    ['reads the synthesis at dossier level', { actor: ADMIN_STAFF, action: 'synthesis.read', document: null }, ['profession-not-permitted', null, LOG]],
    ['lists without document', { actor: ADMIN_STAFF, action: 'document.list', document: null }, ['allowed', null, LOG]],
    ['needs no authorization (not in any list)', { actor: { kind: 'administrative-staff' }, action: 'document.read', document: ATTEST_HEBGT }, ['allowed', null, LOG]],
  ]);
});

describe('decide — 9. action-specific', () => {
  runCases([
    // synthesis.write
    ['médecin traitant writes the synthesis', { actor: DR_TRAITANT, action: 'synthesis.write' }, ['allowed', 'normal', LOG]],
    ['authorized pharmacist writes the synthesis', { actor: PHARMACIST, action: 'synthesis.write' }, ['not-treating-physician', 'normal', LOG]],
    ['a nurse listed as treating writes the synthesis (the list decides)', { actor: NURSE, action: 'synthesis.write', dossier: { treatingPhysiciansRpps: [NURSE.rpps] } }, ['allowed', 'normal', LOG]],
    ['authorized pharmacist sends a VSM as a document', { actor: PHARMACIST, action: 'document.add', document: SYNTHESIS }, ['not-treating-physician', 'normal', LOG]],
    ['a médecin no longer treating, authorized, replaces the VSM they wrote', { actor: DR_OTHER, action: 'document.replace', document: { ...SYNTHESIS, ...authoredBy(DR_OTHER) } }, ['not-treating-physician', 'normal', LOG]],
    ['médecin traitant replaces the VSM another wrote', { actor: DR_TRAITANT, action: 'document.replace', document: { ...SYNTHESIS, ...authoredBy(DR_OTHER) } }, ['allowed', 'normal', LOG]],
    ['médecin traitant sends a VSM as a document', { actor: DR_TRAITANT, action: 'document.add', document: SYNTHESIS }, ['allowed', 'normal', NOTIFY]],
    // document.add and the INS
    ['add with a PROV INS', { actor: DR_OTHER, action: 'document.add', dossier: { insStatus: 'PROV' } }, ['ins-not-qualified', 'normal', LOG]],
    ['add with a RECUP INS', { actor: DR_TRAITANT, action: 'document.add', dossier: { insStatus: 'RECUP' } }, ['ins-not-qualified', 'normal', LOG]],
    ['add with a VALI INS', { actor: NURSE, action: 'document.add', dossier: { insStatus: 'VALI' } }, ['ins-not-qualified', 'normal', LOG]],
    ['add with a QUAL INS', { actor: NURSE, action: 'document.add', dossier: { insStatus: 'QUAL' } }, ['allowed', 'normal', NOTIFY]],
    ['a new version with a PROV INS', { actor: DR_OTHER, action: 'document.replace', document: authoredBy(DR_OTHER), dossier: { insStatus: 'PROV' } }, ['ins-not-qualified', 'normal', LOG]],
    ['a new version with a QUAL INS', { actor: DR_OTHER, action: 'document.replace', document: authoredBy(DR_OTHER), dossier: { insStatus: 'QUAL' } }, ['allowed', 'normal', LOG]],
    ['a new synthesis version with a RECUP INS', { actor: DR_TRAITANT, action: 'synthesis.write', dossier: { insStatus: 'RECUP' } }, ['ins-not-qualified', 'normal', LOG]],
    ['the synthesis by another than the médecin traitant, INS not qualified: not theirs first', { actor: PHARMACIST, action: 'synthesis.write', dossier: { insStatus: 'PROV' } }, ['not-treating-physician', 'normal', LOG]],
    ['archiving needs no qualified INS: nothing is submitted', { actor: DR_OTHER, action: 'document.archive', document: authoredBy(DR_OTHER), dossier: { insStatus: 'PROV' } }, ['allowed', 'normal', LOG]],
    ['add with no INS status given', { actor: DR_OTHER, action: 'document.add', dossier: { insStatus: undefined } }, ['allowed', 'normal', NOTIFY]],
    ['add under connexion secrète: allowed, announced to no one', { actor: DR_OTHER, action: 'document.add', dossier: MINOR, request: { secret: true } }, ['allowed', 'normal', LOG]],
    // dossier.create
    ['patient creates online with consent', { actor: PATIENT, action: 'dossier.create', dossier: NONE, request: { channel: 'online', consent: true } }, ['allowed', null, LOG]],
    ['patient creates online without consent', { actor: PATIENT, action: 'dossier.create', dossier: NONE, request: { channel: 'online' } }, ['consent-required', null, LOG]],
    ['patient creates online with consent false', { actor: PATIENT, action: 'dossier.create', dossier: NONE, request: { channel: 'online', consent: false } }, ['consent-required', null, LOG]],
    ['patient creates online with an unqualified INS (not checked online)', { actor: PATIENT, action: 'dossier.create', dossier: { ...NONE, insStatus: 'PROV' }, request: { channel: 'online', consent: true } }, ['allowed', null, LOG]],
    ['patient creates online their own dossier (patientId names them)', { actor: PATIENT, action: 'dossier.create', dossier: NONE_OF_PATIENT, request: { channel: 'online', consent: true } }, ['allowed', null, LOG]],
    ['patient creates through the professional channel', { actor: PATIENT, action: 'dossier.create', dossier: NONE, request: { channel: 'professional', consent: true } }, ['invalid-request', null, LOG]],
    ['patient creates through the caisse channel', { actor: PATIENT, action: 'dossier.create', dossier: NONE, request: { channel: 'caisse', consent: true } }, ['invalid-request', null, LOG]],
    ['patient creates without a channel', { actor: PATIENT, action: 'dossier.create', dossier: NONE, request: CONSENT }, ['invalid-request', null, LOG]],
    ['patient creates without any request', { actor: PATIENT, action: 'dossier.create', dossier: NONE }, ['invalid-request', null, LOG]],
    ['minor creates online', { actor: PATIENT, action: 'dossier.create', dossier: { ...NONE, ...MINOR }, request: { channel: 'online', consent: true } }, ['minor-online-creation', null, LOG]],
    ['minor creates online without consent (minor first)', { actor: PATIENT, action: 'dossier.create', dossier: { ...NONE, ...MINOR }, request: { channel: 'online' } }, ['minor-online-creation', null, LOG]],
    ['representative creates online for a minor', { actor: REPRESENTATIVE, action: 'dossier.create', dossier: { ...NONE, ...MINOR }, request: { channel: 'online', consent: true } }, ['minor-online-creation', null, LOG]],
    ['representative creates online for a protected adult', { actor: REPRESENTATIVE, action: 'dossier.create', dossier: NONE_OF_PATIENT, request: { channel: 'online', consent: true } }, ['allowed', null, LOG]],
    ['representative creates through the professional channel', { actor: REPRESENTATIVE, action: 'dossier.create', dossier: NONE_OF_PATIENT, request: { channel: 'professional', consent: true } }, ['invalid-request', null, LOG]],
    ['representative creates through the caisse channel', { actor: REPRESENTATIVE, action: 'dossier.create', dossier: NONE_OF_PATIENT, request: { channel: 'caisse', consent: true } }, ['invalid-request', null, LOG]],
    ['pharmacist creates with consent', { actor: PHARMACIST, action: 'dossier.create', dossier: NONE, request: { channel: 'professional', consent: true } }, ['allowed', null, LOG]],
    ['pharmacist creates with no INS status given', { actor: PHARMACIST, action: 'dossier.create', dossier: { ...NONE, insStatus: undefined }, request: { channel: 'professional', consent: true } }, ['allowed', null, LOG]],
    ['unauthorized professional creates with consent', { actor: DR_EMERGENCY, action: 'dossier.create', dossier: NONE, request: { channel: 'professional', consent: true } }, ['allowed', null, LOG]],
    ['professional creates for a minor', { actor: DR_OTHER, action: 'dossier.create', dossier: { ...NONE, ...MINOR }, request: { channel: 'professional', consent: true } }, ['allowed', null, LOG]],
    ['professional creates without consent', { actor: DR_OTHER, action: 'dossier.create', dossier: NONE, request: { channel: 'professional' } }, ['consent-required', null, LOG]],
    ['professional creates online', { actor: DR_OTHER, action: 'dossier.create', dossier: NONE, request: { channel: 'online', consent: true } }, ['invalid-request', null, LOG]],
    ['professional creates through the caisse channel', { actor: DR_OTHER, action: 'dossier.create', dossier: NONE, request: { channel: 'caisse', consent: true } }, ['invalid-request', null, LOG]],
    ['professional creates with a PROV INS', { actor: PHARMACIST, action: 'dossier.create', dossier: { ...NONE, insStatus: 'PROV' }, request: { channel: 'professional', consent: true } }, ['ins-not-qualified', null, LOG]],
    ['professional creates with a RECUP INS', { actor: PHARMACIST, action: 'dossier.create', dossier: { ...NONE, insStatus: 'RECUP' }, request: { channel: 'professional', consent: true } }, ['ins-not-qualified', null, LOG]],
    ['professional creates with a VALI INS', { actor: PHARMACIST, action: 'dossier.create', dossier: { ...NONE, insStatus: 'VALI' }, request: { channel: 'professional', consent: true } }, ['ins-not-qualified', null, LOG]],
    ['professional creates with a QUAL INS', { actor: PHARMACIST, action: 'dossier.create', dossier: { ...NONE, insStatus: 'QUAL' }, request: { channel: 'professional', consent: true } }, ['allowed', null, LOG]],
    ['professional creates, no consent and PROV INS (consent first)', { actor: PHARMACIST, action: 'dossier.create', dossier: { ...NONE, insStatus: 'PROV' }, request: { channel: 'professional' } }, ['consent-required', null, LOG]],
    ['professional asks break-glass to create (no mode: not content)', { actor: DR_EMERGENCY, action: 'dossier.create', dossier: NONE, request: { channel: 'professional', consent: true, mode: 'break-glass' } }, ['allowed', null, LOG]],
    ['caisse creates with consent', { actor: ADMIN_STAFF, action: 'dossier.create', dossier: NONE, request: { channel: 'caisse', consent: true } }, ['allowed', null, LOG]],
    ['caisse creates for a minor', { actor: ADMIN_STAFF, action: 'dossier.create', dossier: { ...NONE, ...MINOR }, request: { channel: 'caisse', consent: true } }, ['allowed', null, LOG]],
    ['caisse creates without consent', { actor: ADMIN_STAFF, action: 'dossier.create', dossier: NONE, request: { channel: 'caisse' } }, ['consent-required', null, LOG]],
    ['caisse creates with a VALI INS', { actor: ADMIN_STAFF, action: 'dossier.create', dossier: { ...NONE, insStatus: 'VALI' }, request: { channel: 'caisse', consent: true } }, ['ins-not-qualified', null, LOG]],
    ['administrative staff creates online', { actor: ADMIN_STAFF, action: 'dossier.create', dossier: NONE, request: { channel: 'online', consent: true } }, ['invalid-request', null, LOG]],
    ['administrative staff creates through the professional channel', { actor: ADMIN_STAFF, action: 'dossier.create', dossier: NONE, request: { channel: 'professional', consent: true } }, ['invalid-request', null, LOG]],
    // dossier.reactivate on an active dossier changes nothing
    ['professional reactivates an active dossier with consent', { actor: DR_OTHER, action: 'dossier.reactivate', request: CONSENT }, ['allowed', null, LOG]],
    ['unauthorized professional reactivates an active dossier with consent', { actor: DR_EMERGENCY, action: 'dossier.reactivate', request: CONSENT }, ['allowed', null, LOG]],
    // authorization.read
    ['authorized nurse reads the authorizations', { actor: NURSE, action: 'authorization.read' }, ['allowed', 'normal', LOG]],
    // authorization.grant-self
    ['professional records the patient’s consent', { actor: DR_EMERGENCY, action: 'authorization.grant-self', request: CONSENT }, ['allowed', null, NOTIFY]],
    ['already authorized professional records it again', { actor: DR_OTHER, action: 'authorization.grant-self', request: CONSENT }, ['allowed', null, NOTIFY]],
    ['grant-self without consent', { actor: DR_EMERGENCY, action: 'authorization.grant-self' }, ['consent-required', null, LOG]],
    ['grant-self with consent false', { actor: DR_EMERGENCY, action: 'authorization.grant-self', request: { consent: false } }, ['consent-required', null, LOG]],
    ['blocked professional grants self with consent', { actor: DR_EMERGENCY, action: 'authorization.grant-self', dossier: blocking(DR_EMERGENCY), request: CONSENT }, ['blocked', null, LOG]],
    ['blocked professional grants self without consent (blocked first)', { actor: DR_EMERGENCY, action: 'authorization.grant-self', dossier: blocking(DR_EMERGENCY) }, ['blocked', null, LOG]],
    ['blocked médecin traitant grants self', { actor: DR_TRAITANT, action: 'authorization.grant-self', dossier: blocking(DR_TRAITANT), request: CONSENT }, ['blocked', null, LOG]],
    ['patient grants self', { actor: PATIENT, action: 'authorization.grant-self', request: CONSENT }, ['invalid-request', null, LOG]],
    ['representative grants self', { actor: REPRESENTATIVE, action: 'authorization.grant-self', request: CONSENT }, ['invalid-request', null, LOG]],
    ['administrative staff grants self', { actor: ADMIN_STAFF, action: 'authorization.grant-self', request: CONSENT }, ['profession-not-permitted', null, LOG]],
    // document.list: dossier-level only
    ['patient lists while some documents are hidden from them', { actor: PATIENT, action: 'document.list', document: INVISIBLE_TO_PATIENT }, ['allowed', null, LOG]],
    ['authorized physio lists (documents filtered one by one later)', { actor: PHYSIO, action: 'document.list', document: BIOLOGY }, ['allowed', 'normal', LOG]],
  ]);
});

describe('decide — every reason code is reachable', () => {
  const reached = new Set<string>();
  const cases: readonly Case[] = [
    ['', { actor: PATIENT, action: 'dossier.read' }, ['allowed', null, LOG]],
    ['', { actor: PATIENT, action: 'authorization.grant-self' }, ['invalid-request', null, LOG]],
    ['', { actor: INSURER, action: 'dossier.read' }, ['never-authorized-actor', null, LOG]],
    ['', { actor: OTHER_PATIENT, action: 'dossier.read' }, ['not-own-dossier', null, LOG]],
    ['', { actor: OTHER_REPRESENTATIVE, action: 'dossier.read' }, ['not-legal-representative', null, LOG]],
    ['', { actor: PATIENT, action: 'dossier.read', dossier: NONE }, ['no-dossier', null, LOG]],
    ['', { actor: PATIENT, action: 'dossier.create' }, ['dossier-exists', null, LOG]],
    ['', { actor: PATIENT, action: 'document.list', dossier: CLOSED }, ['dossier-closed', null, LOG]],
    ['', { actor: DR_TRAITANT, action: 'history.read' }, ['patient-only', null, LOG]],
    ['', { actor: DR_OTHER, action: 'document.read', dossier: blocking(DR_OTHER) }, ['blocked', 'normal', LOG]],
    ['', { actor: DR_EMERGENCY, action: 'document.read', request: REGULATION }, ['not-regulator', 'regulation', LOG]],
    ['', { actor: DR_EMERGENCY, action: 'document.read', dossier: BREAK_GLASS_OPPOSED, request: BREAK_GLASS }, ['patient-opposed', 'break-glass', LOG]],
    ['', { actor: DR_EMERGENCY, action: 'document.read', request: { mode: 'break-glass' } }, ['justification-required', 'break-glass', JUSTIFY]],
    ['', { actor: DR_EMERGENCY, action: 'document.read' }, ['not-authorized', 'normal', LOG]],
    ['', { actor: DR_OTHER, action: 'dossier.reactivate' }, ['consent-required', null, LOG]],
    ['', { actor: PATIENT, action: 'dossier.create', dossier: { ...NONE, ...MINOR }, request: { channel: 'online', consent: true } }, ['minor-online-creation', null, LOG]],
    ['', { actor: DR_OTHER, action: 'document.add', dossier: { insStatus: 'PROV' } }, ['ins-not-qualified', 'normal', LOG]],
    ['', { actor: PHYSIO, action: 'document.read', document: BIOLOGY }, ['profession-not-permitted', 'normal', LOG]],
    ['', { actor: DR_OTHER, action: 'document.read', document: MASKED }, ['masked', 'normal', LOG]],
    ['', { actor: PATIENT, action: 'document.read', document: INVISIBLE_TO_PATIENT }, ['invisible-to-patient', null, LOG]],
    ['', { actor: REPRESENTATIVE, action: 'document.read', document: INVISIBLE_TO_REPRESENTATIVES }, ['invisible-to-legal-representative', null, LOG]],
    ['', { actor: DR_OTHER, action: 'synthesis.write' }, ['not-treating-physician', 'normal', LOG]],
    ['', { actor: DR_OTHER, action: 'document.replace' }, ['not-author', 'normal', LOG]],
  ];
  for (const [, overrides, expected] of cases) {
    it(`reaches ${expected[0]}`, () => {
      const got = decide(input(overrides));
      expect(got).to.deep.equal(decision(expected));
      reached.add(got.reason);
    });
  }
  it('covers the whole REASON_CODES list', () => {
    expect([...reached].sort()).to.deep.equal([...REASON_CODES].sort());
  });
});

describe('decide — obligations and mode, over every actor × action × mode × dossier × document', () => {
  const CONTENT: ReadonlySet<Action> = new Set<Action>([
    'document.list', 'document.read', 'document.add', 'document.replace', 'document.set-visibility',
    'document.archive', 'synthesis.read', 'synthesis.write', 'authorization.read',
  ]);
  const actors = [PATIENT, REPRESENTATIVE, DR_TRAITANT, DR_OTHER, DR_EMERGENCY, PHYSIO, REGULATOR, ADMIN_STAFF, OCCUPATIONAL, INSURER];
  const requests: readonly PolicyRequest[] = [
    {}, { mode: 'normal', consent: true }, BREAK_GLASS, REGULATION, { mode: 'break-glass', justification: J19 },
    { mode: 'regulation' }, { channel: 'professional', consent: true }, { channel: 'online', consent: true }, { secret: true },
  ];
  const dossiers = [{}, CLOSED, NONE, BREAK_GLASS_OPPOSED, REGULATION_OPPOSED, blocking(DR_TRAITANT, DR_EMERGENCY), { insStatus: 'PROV' as const }, MINOR];
  const documents = [REPORT, { ...BIOLOGY, ...MASKED }, { ...SYNTHESIS, ...INVISIBLE_TO_PATIENT }, { ...REPORT, ...INVISIBLE_TO_REPRESENTATIVES }, DIRECTIVES, ATTEST_RESID];
  const all: { name: string; decision: Decision; kind: string; action: Action; status: string; input: PolicyInput }[] = [];
  for (const actor of actors) {
    for (const action of ACTIONS) {
      for (const request of requests) {
        for (const dossier of dossiers) {
          for (const document of documents) {
            // synthesis.read of another document is a malformed input (shape, above).
            if (action === 'synthesis.read' && document.category !== 'synthesis') continue;
            const built = input({ actor, action, dossier, document, request });
            all.push({
              name: `${actor.kind} ${action} ${JSON.stringify(request)} ${JSON.stringify(dossier)}`,
              decision: decide(built),
              kind: actor.kind,
              action,
              status: built.dossier.status,
              input: built,
            });
          }
        }
      }
    }
  }

  it(`evaluates ${actors.length * ACTIONS.length * requests.length * dossiers.length * documents.length} inputs without throwing`, () => {
    expect(all.length).to.be.greaterThan(10_000);
  });

  it('log-access on every decision, first', () => {
    for (const { name, decision } of all) expect(decision.obligations[0], name).to.equal('log-access');
  });

  it('allowed exactly when the reason is allowed', () => {
    for (const { name, decision } of all) expect(decision.allowed, name).to.equal(decision.reason === 'allowed');
  });

  it('require-justification exactly with justification-required', () => {
    for (const { name, decision } of all) {
      expect(decision.obligations.includes('require-justification'), name).to.equal(decision.reason === 'justification-required');
    }
  });

  it('notify-patient exactly on allowed emergency access outside connexion secrète, document.add told at once and grant-self', () => {
    for (const { name, decision, action, input: { actor, dossier, document, request } } of all) {
      const secret = request?.secret === true && actor.kind === 'professional' && dossier.patientIsMinor;
      const told = !document?.invisibleToPatient && !document?.invisibleToLegalRepresentatives && !secret;
      const expected =
        decision.allowed &&
        (((decision.mode === 'break-glass' || decision.mode === 'regulation') && !secret) || (action === 'document.add' && told) || action === 'authorization.grant-self');
      expect(decision.obligations.includes('notify-patient'), name).to.equal(expected);
    }
  });

  it('no decision carries more than two obligations, none twice', () => {
    for (const { name, decision } of all) {
      expect(decision.obligations.length, name).to.be.at.most(2);
      expect(new Set(decision.obligations).size, name).to.equal(decision.obligations.length);
    }
  });

  it('a mode on every professional content decision on an active dossier, and nowhere else', () => {
    for (const { name, decision, kind, action, status } of all) {
      const content = kind === 'professional' && CONTENT.has(action) && status === 'active';
      expect(decision.mode !== undefined, name).to.equal(content);
    }
  });

  it('decisions and their obligations are frozen', () => {
    for (const { name, decision } of all) {
      expect(Object.isFrozen(decision), name).to.equal(true);
      expect(Object.isFrozen(decision.obligations), name).to.equal(true);
    }
  });

  it('is pure: the same input gives the same decision, and the input is left untouched', () => {
    const built = input({ actor: DR_EMERGENCY, action: 'document.read', request: BREAK_GLASS });
    const before = JSON.stringify(built);
    expect(decide(built)).to.deep.equal(decide(built));
    expect(JSON.stringify(built)).to.equal(before);
  });
});
