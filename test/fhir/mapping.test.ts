import { expect } from '@open-wc/testing';
import { fromAuditEvent, toAuditEvent } from '../../src/fhir/audit.js';
import { categoryParam } from '../../src/fhir/client.js';
import { fromDocumentReference, toDocumentReference } from '../../src/fhir/document.js';
import {
  authorizationsOf,
  dossierInfoOf,
  fromRelatedPerson,
  notificationPreferencesOf,
  policyDossierOf,
  professionalOf,
  toAuthorizationConsent,
  toOppositionConsent,
  toOrganization,
  toPatient,
  toPractitioner,
  toPractitionerRole,
  toRelatedPerson,
} from '../../src/fhir/dossier.js';
import { MappingError, parseResource } from '../../src/fhir/parse.js';
import { CLASS_CODE_SYSTEM, INS_NIR_SYSTEM, RPPS_SYSTEM, VISIBILITY_SYSTEM } from '../../src/fhir/systems.js';
import { CATEGORIES } from '../../src/model/category.js';
import type { DmpDocument } from '../../src/model/document.js';
import {
  ACCESS_LOG,
  ALL_SEEDED_DOCUMENTS,
  DOCUMENTS,
  PATIENTS,
  PATIENT_ADULT,
  PROFESSIONALS,
  type SeedPatient,
} from '../../mocks/data/index.js';
import { db } from '../../mocks/db/store.js';

const subjectOf = (ins: string) => {
  const patient = PATIENTS.find((p) => p.identity.ins === ins)!;
  return { reference: `Patient/${patient.id}`, identifier: { system: INS_NIR_SYSTEM, value: ins } };
};
const insOf = (doc: DmpDocument) => Object.entries(DOCUMENTS).find(([, docs]) => docs.includes(doc))![0];
const asFhir = (doc: DmpDocument) => toDocumentReference(doc, { subject: subjectOf(insOf(doc)), url: `Binary/bin-${doc.id}` });
const byId = (id: string) => ALL_SEEDED_DOCUMENTS.find((d) => d.id === id)!;

function mappingFailure(run: () => unknown): MappingError {
  try {
    run();
  } catch (error) {
    if (error instanceof MappingError) return error;
    throw error;
  }
  throw new Error('expected a MappingError');
}

/** The FHIR resources of a seeded dossier, as the seed Bundle writes them. */
function dossierResources(patient: SeedPatient) {
  const d = patient.dossier!;
  const consents = [
    ...d.authorized.map(({ rpps, since }) => toAuthorizationConsent({ id: `a-${rpps}`, patientId: patient.id, rpps, decision: 'permit', status: 'active', since })),
    ...d.blocked.map(({ rpps, since }) => toAuthorizationConsent({ id: `b-${rpps}`, patientId: patient.id, rpps, decision: 'deny', status: 'active', since })),
    toOppositionConsent({ id: 'bg', patientId: patient.id, mode: 'break-glass', opposed: d.oppositions.breakGlass, since: d.createdAt }),
    toOppositionConsent({ id: 'rg', patientId: patient.id, mode: 'regulation', opposed: d.oppositions.regulation, since: d.createdAt }),
  ].map((c) => parseResource('Consent', c));
  const fhirPatient = parseResource(
    'Patient',
    toPatient({
      id: patient.id,
      identity: patient.identity,
      dossier: { status: d.status, createdAt: d.createdAt, closedAt: d.closedAt, closeReason: d.closeReason },
      treatingPhysicians: d.treatingPhysiciansRpps.map((rpps) => ({ rpps, since: d.createdAt })),
      notificationPreferences: d.notificationPreferences,
    }),
  );
  const relatedPersons = d.legalRepresentatives.map((r) => parseResource('RelatedPerson', toRelatedPerson(r, patient.id)));
  return { patient: fhirPatient, consents, relatedPersons };
}

describe('FHIR mapping', () => {
  describe('DocumentReference ↔ DmpDocument, every seeded document', () => {
    for (const doc of ALL_SEEDED_DOCUMENTS) {
      it(`round-trips ${doc.id}`, () => {
        const resource = parseResource('DocumentReference', asFhir(doc));
        expect(fromDocumentReference(resource, { replacedBy: doc.replacedBy })).to.deep.equal(doc);
      });
    }
  });

  describe('DocumentReference fields (DOMAIN.md, "Real interfaces")', () => {
    it('carries classCode, typeCode, dates, format, size and the replacement where MHD puts them', () => {
      const v2 = asFhir(byId('doc-durand-vsm-v2'));
      expect(v2.category).to.deep.equal([{ coding: [{ system: CLASS_CODE_SYSTEM, code: '11' }] }]);
      expect(v2.type.coding[0]).to.include({ system: 'urn:oid:1.2.250.1.213.1.1.4.12', code: 'SYNTH' });
      expect(v2.date).to.equal('2026-09-18T10:45:00.000Z');
      expect(v2.context.period).to.deep.equal({ start: '2026-09-18T10:10:00.000Z' });
      expect(v2.content[0]).to.deep.equal({
        attachment: { contentType: 'text/xml', url: 'Binary/bin-doc-durand-vsm-v2', size: 51_877, title: 'Volet de synthèse médicale' },
        format: { system: 'urn:oid:1.2.250.1.213.1.1.4.2.282', code: 'urn:asip:ci-sis:vsm:2012' },
      });
      expect(v2.relatesTo).to.deep.equal([{ code: 'replaces', target: { reference: 'DocumentReference/doc-durand-vsm-v1' } }]);
      expect(asFhir(byId('doc-durand-vsm-v1')).status).to.equal('superseded');
      expect(asFhir(byId('doc-durand-bio-nfs')).type.coding[0]).to.include({ system: 'http://loinc.org', code: '11502-2' });
    });

    it('reads the classCode from whichever category carries it, after one in another system', () => {
      const report = asFhir(byId('doc-durand-cr-cardio'));
      const category = [{ coding: [{ system: 'http://loinc.org', code: '11488-4' }] }, ...report.category];
      expect(fromDocumentReference(parseResource('DocumentReference', { ...report, category }))).to.deep.equal(fromDocumentReference(parseResource('DocumentReference', report)));
    });

    it('puts the visibility statuses in securityLabel with the TRE_A07 system, N in the HL7 one', () => {
      expect(asFhir(byId('doc-rousseau-synthese-psy')).securityLabel).to.deep.equal([
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'N' }] },
        { coding: [{ system: VISIBILITY_SYSTEM, code: 'MASQUE_PS' }] },
      ]);
      expect(asFhir(byId('doc-moreau-contraception')).securityLabel[1]).to.deep.equal({
        coding: [{ system: VISIBILITY_SYSTEM, code: 'INVISIBLE_REPRESENTANTS_LEGAUX' }],
      });
    });

    it('archives with a meta.tag, since FHIR’s status has no such value', () => {
      const archived = asFhir(byId('doc-durand-ordonnance-2021'));
      expect(archived.status).to.equal('current');
      expect(archived.meta?.tag).to.deep.equal([{ system: 'https://dmp-elements.dev/fhir/CodeSystem/document-tag', code: 'archived' }]);
    });

    it('names a professional author in a contained PractitionerRole, the patient by reference', () => {
      const cardio = asFhir(byId('doc-durand-cr-cardio'));
      expect(cardio.author).to.deep.equal([{ reference: '#author' }]);
      expect(cardio.contained).to.deep.equal([
        {
          resourceType: 'PractitionerRole',
          id: 'author',
          practitioner: { identifier: { system: RPPS_SYSTEM, value: '810005874218' }, display: 'Dr Antoine Bernard' },
          organization: { display: 'Hospices Civils de Lyon — Hôpital Louis Pradel' },
          code: [{ coding: [{ system: 'urn:oid:1.2.250.1.71.1.2.7', code: '10' }] }],
        },
      ]);
      expect(asFhir(byId('doc-durand-directives')).author).to.deep.equal([{ reference: `Patient/${PATIENT_ADULT.id}`, display: 'Jeanne Durand' }]);
    });

    it('reads an author referenced by RPPS identifier, or a contained Practitioner', () => {
      const base = asFhir(byId('doc-durand-cr-cardio'));
      const referenced = parseResource('DocumentReference', {
        ...base,
        contained: undefined,
        author: [{ reference: 'PractitionerRole/role-ps-bernard', identifier: { system: RPPS_SYSTEM, value: '810005874218' }, display: 'Dr Antoine Bernard' }],
      });
      expect(fromDocumentReference(referenced).author).to.deep.equal({ name: 'Dr Antoine Bernard', rpps: '10005874218' });
      const practitioner = parseResource('DocumentReference', {
        ...base,
        contained: [{ ...toPractitioner(PROFESSIONALS[2]!), id: 'p' }],
        author: [{ reference: '#p' }],
      });
      expect(fromDocumentReference(practitioner).author).to.deep.equal({ name: 'Antoine Bernard', rpps: '10005874218', profession: '10' });
    });

    it('names the FHIR field a DocumentReference lacks for the model', () => {
      const base = asFhir(byId('doc-durand-cr-cardio'));
      const untitled = parseResource('DocumentReference', { ...base, content: [{ ...base.content[0], attachment: { ...base.content[0]!.attachment, title: undefined } }] });
      expect(mappingFailure(() => fromDocumentReference(untitled)).issues).to.deep.equal([{ path: 'content.0.attachment.title', message: 'Requis par le modèle DMP' }]);
      const anonymous = parseResource('DocumentReference', { ...base, contained: [{ resourceType: 'PractitionerRole', id: 'author' }] });
      expect(mappingFailure(() => fromDocumentReference(anonymous)).issues.map((i) => i.path)).to.deep.equal(['contained.0.practitioner.display']);
      expect(mappingFailure(() => parseResource('DocumentReference', { ...base, date: '2026-05-20' })).issues.map((i) => i.path)).to.deep.equal(['date']);
    });
  });

  describe('AuditEvent ↔ AccessLogEntry', () => {
    it('round-trips every seeded access-log entry', () => {
      for (const { ins, entry } of ACCESS_LOG) {
        const patientId = PATIENTS.find((p) => p.identity.ins === ins)!.id;
        expect(fromAuditEvent(parseResource('AuditEvent', toAuditEvent(entry, { id: patientId, ins }))), entry.id).to.deep.equal(entry);
      }
    });

    it('carries the action as C/R/U/D with the policy action as subtype, the mode as purposeOfEvent', () => {
      const { ins, entry } = ACCESS_LOG.find((e) => e.entry.mode === 'break-glass' && e.entry.outcome === 'denied')!;
      const event = toAuditEvent(entry, { ins });
      expect([event.action, event.subtype[0]!.code, event.outcome, event.outcomeDesc]).to.deep.equal(['R', 'synthesis.read', '4', 'patient-opposed']);
      expect(event.purposeOfEvent[0]).to.deep.equal({
        coding: [{ system: 'urn:oid:1.2.250.1.213.1.1.4.248', code: 'BRIS_DE_GLACE' }],
        text: entry.justification,
      });
      expect(event.agent[0]!.who).to.deep.equal({ reference: 'Practitioner/ps-morel', identifier: { system: RPPS_SYSTEM, value: '810018239573' }, display: 'Dr Karine Morel' });
      expect(event.entity[0]!.what).to.deep.equal({ identifier: { system: INS_NIR_SYSTEM, value: ins } });
    });
  });

  describe('dates as precise as they are known (FHIR date and dateTime)', () => {
    it('reads a day of care sent as a date (XDS serviceStartTime) as that day, and refuses a day that does not exist', () => {
      const base = asFhir(byId('doc-durand-cr-cardio'));
      const dated = (period: object) => fromDocumentReference(parseResource('DocumentReference', { ...base, context: { period } }));
      expect(dated({ start: '2026-11-18', end: '2026-11-19' })).to.include({ serviceStart: '2026-11-18T12:00:00.000Z', serviceStop: '2026-11-19T12:00:00.000Z' });
      expect(dated({ start: '2026-11', end: '2026-11' })).to.include({ serviceStart: '2026-11-01T12:00:00.000Z', serviceStop: '2026-11-30T12:00:00.000Z' });
      expect(dated({ start: '2028-02', end: '2028-02' }).serviceStop).to.equal('2028-02-29T12:00:00.000Z');
      expect(dated({ start: '2026', end: '2026' })).to.include({ serviceStart: '2026-01-01T12:00:00.000Z', serviceStop: '2026-12-31T12:00:00.000Z' });
      expect(dated({ start: '2026-09-18T10:10:00+02:00' }).serviceStart).to.equal('2026-09-18T10:10:00+02:00');
      for (const start of ['2026-02-30', '2026-13', '2026-11-18T10:10:00', '18/11/2026']) {
        expect(mappingFailure(() => parseResource('DocumentReference', { ...base, context: { period: { start } } })).issues.map((i) => i.path), start).to.deep.equal(['context.period.start']);
      }
    });

    it('reads a birth date known to the year or the month as its first day: an adult is not taken for a minor', () => {
      const { patient } = dossierResources(PATIENT_ADULT);
      const born = (birthDate: string) => policyDossierOf({ patient: parseResource('Patient', { ...patient, birthDate }), consents: [], today: '2026-11-20' }).patientIsMinor;
      expect(born('2008')).to.equal(false);
      expect(born('2008-11')).to.equal(false);
      expect(born('2008-12')).to.equal(true);
      expect(born('2009')).to.equal(true);
      expect(mappingFailure(() => parseResource('Patient', { ...patient, birthDate: '2008-00' })).issues.map((i) => i.path)).to.deep.equal(['birthDate']);
    });

    it('reads when a consent was given from a date, as a FHIR dateTime may say it', () => {
      const authorization = toAuthorizationConsent({ id: 'a-1', patientId: 'p-1', rpps: '10003456784', decision: 'permit', status: 'active', since: '2024-03-01T08:00:00.000Z' });
      const given = (dateTime: string) => authorizationsOf([parseResource('Consent', { ...authorization, dateTime })]).authorized[0]?.since;
      expect(given('2024-03-01')).to.equal('2024-03-01T12:00:00.000Z');
      expect(given('2024-03')).to.equal('2024-03-01T12:00:00.000Z');
      expect(given('2024-03-01T09:30:00+01:00')).to.equal('2024-03-01T09:30:00+01:00');
      expect(mappingFailure(() => parseResource('Consent', { ...authorization, dateTime: '01/03/2024' })).issues.map((i) => i.path)).to.deep.equal(['dateTime']);
    });

    it('reads when a representative was named from a date', () => {
      const [representative] = dossierResources(PATIENTS.find((p) => p.dossier?.legalRepresentatives.length)!).relatedPersons;
      expect(fromRelatedPerson(parseResource('RelatedPerson', { ...representative, period: { start: '2019-06-03' } })).since).to.equal('2019-06-03T12:00:00.000Z');
    });
  });

  describe('the dossier (Patient, Consent, RelatedPerson)', () => {
    for (const patient of PATIENTS.filter((p) => p.dossier)) {
      it(`gives decide the same dossier as the JSON mock for ${patient.id}`, () => {
        const today = db.now().toISOString().slice(0, 10);
        const { patient: fhirPatient, consents, relatedPersons } = dossierResources(patient);
        const policy = policyDossierOf({ patient: fhirPatient, consents, relatedPersons, today });
        expect(policy).to.deep.equal(db.policyDossier(patient.identity.ins));
        const info = dossierInfoOf(patient.identity.ins, policy, fhirPatient);
        expect([info.status, info.createdAt, info.closedAt, info.closeReason]).to.deep.equal([
          patient.dossier!.status,
          patient.dossier!.createdAt,
          patient.dossier!.closedAt,
          patient.dossier!.closeReason,
        ]);
        expect(notificationPreferencesOf(fhirPatient)).to.deep.equal(patient.dossier!.notificationPreferences);
        expect(relatedPersons.map(fromRelatedPerson)).to.deep.equal(patient.dossier!.legalRepresentatives);
      });
    }

    it('says "no dossier" when there is no Patient', () => {
      const policy = policyDossierOf({ patient: undefined, consents: [], today: '2026-11-20' });
      expect(dossierInfoOf('185072A00401995', policy, undefined)).to.deep.equal({ ins: '185072A00401995', status: 'none', policy });
    });

    it('rebuilds every directory entry from its Practitioner, PractitionerRole and Organization', () => {
      for (const professional of PROFESSIONALS) {
        const organization = professional.organisation ? parseResource('Organization', toOrganization(professional.organisation)) : undefined;
        const rebuilt = professionalOf(
          parseResource('Practitioner', toPractitioner(professional)),
          parseResource('PractitionerRole', toPractitionerRole(professional)),
          organization,
        );
        expect(rebuilt, professional.id).to.deep.equal(professional);
      }
    });
  });

  describe('category search', () => {
    for (const category of CATEGORIES) {
      it(`selects exactly the ${category} documents`, () => {
        const [name, value] = categoryParam(category);
        const tokens = value.split(',');
        const selected = ALL_SEEDED_DOCUMENTS.filter((doc) => {
          const fhirDoc = asFhir(doc);
          const coding = name === 'category' ? fhirDoc.category[0]!.coding[0]! : fhirDoc.type.coding[0]!;
          return tokens.includes(`${coding.system}|${coding.code}`);
        });
        expect(selected.map((d) => d.id)).to.deep.equal(ALL_SEEDED_DOCUMENTS.filter((d) => d.category === category).map((d) => d.id));
      });
    }

    it('uses the classCode when a category is exactly a set of classes', () => {
      expect(categoryParam('reimbursement')).to.deep.equal(['category', `${CLASS_CODE_SYSTEM}|60`]);
      expect(categoryParam('biology')[0]).to.equal('type');
    });
  });
});
