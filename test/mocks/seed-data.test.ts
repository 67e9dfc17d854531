import { expect } from '@open-wc/testing';
import { AccessLogEntrySchema } from '../../src/model/access-log.js';
import { ActorSchema, type Actor } from '../../src/model/actor.js';
import { CATEGORIES } from '../../src/model/category.js';
import { CLASS_CODE_OF_TYPE, categoryOf } from '../../src/model/document-types.js';
import { DocumentSchema, type DmpDocument } from '../../src/model/document.js';
import { LegalRepresentativeSchema, NotificationPreferencesSchema, OppositionsSchema } from '../../src/model/dossier.js';
import { nirKey, validateNir } from '../../src/model/nir.js';
import { PatientIdentitySchema, isMinor, type PatientIdentity } from '../../src/model/patient.js';
import { ProfessionalSchema } from '../../src/model/professional.js';
import { validateRpps } from '../../src/model/rpps.js';
import { SynthesisContentSchema, SynthesisSchema, type SynthesisContent } from '../../src/model/synthesis.js';
import { decide } from '../../src/policy/decide.js';
import type { PolicyDocumentInput, PolicyDossierInput, PolicyRequest } from '../../src/policy/types.js';
import {
  ACCESS_LOG,
  ACTORS,
  ALL_SEEDED_DOCUMENTS,
  DEMO_CIM10,
  DEMO_DRUGS,
  DOCUMENTS,
  IDENTITIES_WITHOUT_DOSSIER,
  INVISIBLE_PENDING,
  INVISIBLE_RELEASED,
  PATIENTS,
  PATIENT_ADULT,
  PATIENT_BORN_ABROAD,
  PATIENT_LARGE,
  PATIENT_MINOR,
  PATIENT_NO_DOSSIER,
  PROFESSIONALS,
  SEED_NOW,
  SYNTHESES,
  SYNTHESIS_V1,
  SYNTHESIS_V2,
  actorById,
  documentContent,
  generateLargeDossierDocuments,
  patientByIns,
  professionalByRpps,
  type SeedPatient,
} from '../../mocks/data/index.js';

const ALL_IDENTITIES: PatientIdentity[] = [...PATIENTS.map((p) => p.identity), ...IDENTITIES_WITHOUT_DOSSIER];
const ONE_MONTH_MS = 30 * 24 * 60 * 60 * 1000;

function expectValid(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown, what: string) {
  const result = schema.safeParse(value);
  expect(result.success, `${what}: ${JSON.stringify(result.error)}`).to.equal(true);
}

function expectConsistentDocument(doc: DmpDocument) {
  expectValid(DocumentSchema, doc, doc.id);
  expect(CLASS_CODE_OF_TYPE[doc.typeCode], `${doc.id} classCode`).to.equal(doc.classCode);
  expect(doc.category, `${doc.id} category`).to.equal(categoryOf(doc.classCode, doc.typeCode));
  expect(doc.submittedAt >= doc.serviceStart, `${doc.id} submitted before the act`).to.equal(true);
  expect(Date.parse(doc.submittedAt) <= Date.parse(SEED_NOW), `${doc.id} after SEED_NOW`).to.equal(true);
  if (doc.serviceStop) expect(doc.serviceStop >= doc.serviceStart, `${doc.id} stop before start`).to.equal(true);
  expect(doc.confidentiality.includes('MASQUE_PS')).to.equal(doc.masked);
  expect(doc.confidentiality.includes('INVISIBLE_PATIENT')).to.equal(doc.invisibleToPatient);
  expect(doc.confidentiality.includes('INVISIBLE_REPRESENTANTS_LEGAUX')).to.equal(doc.invisibleToLegalRepresentatives);
}

function entryIds(content: SynthesisContent): Map<string, string> {
  const groups = [
    content.problems,
    content.allergies,
    content.riskFactors,
    content.treatments,
    content.pointsToWatch,
  ];
  return new Map(groups.flat().map((entry) => [entry.id, JSON.stringify(entry)]));
}

/**
 * The dossier as the policy saw it at `at`: grants, blocks and representatives recorded later
 * did not exist yet, and the dossier was closed only after its closing instant.
 */
function dossierAt(patient: SeedPatient, at: string): PolicyDossierInput {
  const d = patient.dossier;
  if (!d) throw new Error(`${patient.id} has no dossier`);
  const t = Date.parse(at);
  const existed = (g: { since: string }) => Date.parse(g.since) <= t;
  const closed = d.closedAt !== undefined && t > Date.parse(d.closedAt);
  return {
    status: t < Date.parse(d.createdAt) ? 'none' : closed ? 'closed' : 'active',
    patientId: patient.id,
    patientIsMinor: isMinor(patient.identity.traits.birthDate, at.slice(0, 10)),
    legalRepresentativeIds: d.legalRepresentatives.filter(existed).map((r) => r.id),
    treatingPhysiciansRpps: d.treatingPhysiciansRpps,
    authorizedRpps: d.authorized.filter(existed).map((g) => g.rpps),
    blockedRpps: d.blocked.filter(existed).map((g) => g.rpps),
    oppositions: d.oppositions,
    insStatus: patient.identity.insStatus,
  };
}

function policyDocumentOf(doc: DmpDocument): PolicyDocumentInput {
  return {
    category: doc.category,
    typeCode: doc.typeCode,
    ...(doc.author.rpps !== undefined ? { authorRpps: doc.author.rpps } : {}),
    masked: doc.masked,
    invisibleToPatient: doc.invisibleToPatient,
    invisibleToLegalRepresentatives: doc.invisibleToLegalRepresentatives,
    submittedAt: doc.submittedAt,
  };
}

const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTH_YEAR = new RegExp(`(?<![\\p{L}])(${FRENCH_MONTHS.join('|')}) ((?:19|20)\\d{2})\\b`, 'giu');

/**
 * Every date a synthesis content holds, as a prefix of an ISO date at the precision it is given:
 * the date fields, and the dates free text names ("HbA1c 7,1 % en avril 2026", "dernier en 2024").
 */
function datesIn(value: unknown, path = ''): Array<{ path: string; date: string }> {
  if (Array.isArray(value)) return value.flatMap((item, i) => datesIn(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    // When the next screening is due is a plan: it is meant to lie ahead of the save.
    return Object.entries(value).flatMap(([key, item]) => (key === 'nextDue' ? [] : datesIn(item, path ? `${path}.${key}` : key)));
  }
  if (typeof value !== 'string') return [];
  if (/(^|\.)(date|\w+Date)$/.test(path)) return [{ path, date: value }];
  const dates = [...value.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)].map((m) => m[0]);
  for (const [, month = '', year = ''] of value.matchAll(MONTH_YEAR)) {
    dates.push(`${year}-${String(FRENCH_MONTHS.indexOf(month.toLowerCase()) + 1).padStart(2, '0')}`);
  }
  dates.push(...[...value.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => m[0]));
  return dates.map((date) => ({ path, date }));
}

/** The seeded dossiers with their documents, the generated large one included. */
function seededDossiers(): Array<[SeedPatient, DmpDocument[]]> {
  return PATIENTS.map((p) => [p, p === PATIENT_LARGE ? generateLargeDossierDocuments() : (DOCUMENTS[p.identity.ins] ?? [])]);
}

describe('seed data', () => {
  describe('identities', () => {
    it('has a valid NIR, consistent with the traits, for every person', () => {
      for (const identity of ALL_IDENTITIES) {
        const name = identity.traits.birthName;
        expectValid(PatientIdentitySchema, identity, name);
        const result = validateNir(identity.ins);
        expect(result.ok, name).to.equal(true);
        if (!result.ok) continue;
        expect(result.nir, name).to.equal(identity.ins);
        expect(Number(identity.ins.slice(13)), `${name} key`).to.equal(nirKey(identity.ins.slice(0, 13)));
        expect(result.sex, `${name} sex`).to.equal(identity.traits.sex === 'M' ? '1' : '2');
        expect(result.birthYear, `${name} year`).to.equal(identity.traits.birthDate.slice(2, 4));
        expect(result.birthMonth, `${name} month`).to.equal(identity.traits.birthDate.slice(5, 7));
        expect(identity.traits.birthPlaceCode?.slice(0, 2), `${name} department`).to.equal(result.department);
        expect(identity.traits.birthPlaceCode?.slice(2), `${name} commune`).to.equal(identity.ins.slice(7, 10));
      }
    });

    it('covers Corsica and birth abroad among the people without a dossier', () => {
      expect(validateNir(PATIENT_NO_DOSSIER.ins)).to.include({ ok: true, department: '2A' });
      expect(validateNir(PATIENT_BORN_ABROAD.ins)).to.include({ ok: true, department: '99' });
      for (const identity of IDENTITIES_WITHOUT_DOSSIER) {
        expect(PATIENTS.some((p) => p.identity.ins === identity.ins)).to.equal(false);
      }
    });

    it('has unique patient ids and INS', () => {
      expect(new Set(PATIENTS.map((p) => p.id)).size).to.equal(PATIENTS.length);
      expect(new Set(ALL_IDENTITIES.map((i) => i.ins)).size).to.equal(ALL_IDENTITIES.length);
    });

    it('makes PATIENT_MINOR a minor and the others adults at SEED_NOW', () => {
      const today = SEED_NOW.slice(0, 10);
      for (const p of PATIENTS) expect(isMinor(p.identity.traits.birthDate, today), p.id).to.equal(p === PATIENT_MINOR);
    });
  });

  describe('dossiers', () => {
    it('has valid settings and known professionals', () => {
      for (const p of PATIENTS) {
        const d = p.dossier;
        expect(d, p.id).to.not.equal(undefined);
        if (!d) continue;
        expectValid(NotificationPreferencesSchema, d.notificationPreferences, `${p.id} preferences`);
        expectValid(OppositionsSchema, d.oppositions, `${p.id} oppositions`);
        for (const rep of d.legalRepresentatives) expectValid(LegalRepresentativeSchema, rep, `${p.id} representative`);
        const rpps = [...d.treatingPhysiciansRpps, ...d.authorized.map((a) => a.rpps), ...d.blocked.map((b) => b.rpps)];
        for (const r of rpps) expect(professionalByRpps(r), `${p.id} ${r}`).to.not.equal(undefined);
        for (const r of d.treatingPhysiciansRpps) expect(professionalByRpps(r)?.profession, `${p.id} treating`).to.equal('10');
        expect(d.createdAt <= SEED_NOW).to.equal(true);
        expect(d.status === 'closed').to.equal(d.closedAt !== undefined && d.closeReason !== undefined);
      }
    });

    it('has the legal representative of the minor among the actors', () => {
      const rep = PATIENT_MINOR.dossier.legalRepresentatives[0];
      expect(rep?.id).to.equal('rep-moreau-sophie');
      expect(actorById('rep-moreau-sophie')?.kind).to.equal('legal-representative');
    });
  });

  describe('professionals and actors', () => {
    it('has valid professionals with valid RPPS and unique ids', () => {
      expect(PROFESSIONALS.length).to.be.at.least(14);
      for (const p of PROFESSIONALS) {
        expectValid(ProfessionalSchema, p, p.id);
        expect(validateRpps(p.rpps).ok, p.id).to.equal(true);
      }
      expect(new Set(PROFESSIONALS.map((p) => p.id)).size).to.equal(PROFESSIONALS.length);
      expect(new Set(PROFESSIONALS.map((p) => p.rpps)).size).to.equal(PROFESSIONALS.length);
      expect(PROFESSIONALS.filter((p) => p.regulator).map((p) => p.profession)).to.deep.equal(['10']);
    });

    it('has valid actors with unique ids, one per professional and patient', () => {
      for (const a of ACTORS) expectValid(ActorSchema, a, a.id ?? a.kind);
      const ids = ACTORS.map((a) => a.id);
      expect(new Set(ids).size).to.equal(ACTORS.length);
      for (const p of PROFESSIONALS) expect(actorById(p.id)).to.include({ kind: 'professional', rpps: p.rpps });
      for (const p of PATIENTS) expect(actorById(p.id)).to.include({ kind: 'patient' });
      for (const id of ['admin-chu', 'occ-med', 'insurer-mutuelle']) expect(actorById(id), id).to.not.equal(undefined);
    });
  });

  describe('documents', () => {
    it('has schema-valid documents whose category follows classCode and typeCode', () => {
      for (const doc of ALL_SEEDED_DOCUMENTS) expectConsistentDocument(doc);
      expect(new Set(ALL_SEEDED_DOCUMENTS.map((d) => d.id)).size).to.equal(ALL_SEEDED_DOCUMENTS.length);
    });

    it('covers every category, including an attestation de résidence', () => {
      const categories = new Set(ALL_SEEDED_DOCUMENTS.map((d) => d.category));
      for (const category of CATEGORIES) expect(categories.has(category), category).to.equal(true);
      expect(ALL_SEEDED_DOCUMENTS.some((d) => d.typeCode === 'ATTEST-RESID')).to.equal(true);
    });

    it('keys documents by the INS of a seeded dossier, the large one excepted', () => {
      const seeded = new Set(PATIENTS.map((p) => p.identity.ins));
      for (const ins of Object.keys(DOCUMENTS)) expect(seeded.has(ins), ins).to.equal(true);
      expect(DOCUMENTS[PATIENT_LARGE.identity.ins]).to.equal(undefined);
    });

    it('links replaced documents both ways and keeps one archived', () => {
      const byId = new Map(ALL_SEEDED_DOCUMENTS.map((d) => [d.id, d]));
      const replaced = ALL_SEEDED_DOCUMENTS.filter((d) => d.status === 'replaced');
      expect(replaced.length).to.be.at.least(1);
      for (const old of replaced) {
        const next = byId.get(old.replacedBy ?? '');
        expect(next?.replaces, old.id).to.equal(old.id);
        expect(next?.version, old.id).to.equal(old.version + 1);
      }
      expect(ALL_SEEDED_DOCUMENTS.some((d) => d.status === 'archived')).to.equal(true);
    });

    it('marks patient-deposited documents and authors them by the patient', () => {
      for (const doc of ALL_SEEDED_DOCUMENTS) {
        const byPatient = doc.typeCode.startsWith('DOCPAT') || doc.category === 'patient';
        expect(doc.depositedByPatient, doc.id).to.equal(byPatient);
        if (byPatient) expect(doc.author.rpps, doc.id).to.equal(undefined);
      }
    });

    it('has one invisible-to-patient document inside the month and one past it', () => {
      const now = Date.parse(SEED_NOW);
      expect(INVISIBLE_PENDING.invisibleToPatient && INVISIBLE_RELEASED.invisibleToPatient).to.equal(true);
      expect(now - Date.parse(INVISIBLE_PENDING.submittedAt)).to.be.below(ONE_MONTH_MS);
      expect(now - Date.parse(INVISIBLE_RELEASED.submittedAt)).to.be.above(ONE_MONTH_MS);
      expect(ALL_SEEDED_DOCUMENTS.some((d) => d.masked)).to.equal(true);
      expect(DOCUMENTS[PATIENT_MINOR.identity.ins]?.some((d) => d.invisibleToLegalRepresentatives)).to.equal(true);
    });

    it('has every document deposited by an author decide lets add it to that dossier at that time', () => {
      const refused: string[] = [];
      for (const [patient, docs] of seededDossiers()) {
        const ins = patient.identity.ins;
        for (const doc of docs) {
          // Without an RPPS and not the patient's own, the author is an organisation (Assurance
          // Maladie, an admissions office), not an actor the policy knows.
          const actor: Actor | undefined =
            doc.author.rpps !== undefined
              ? ACTORS.find((a) => a.kind === 'professional' && a.rpps === doc.author.rpps)
              : doc.depositedByPatient
                ? actorById(patient.id)
                : undefined;
          if (actor === undefined) {
            if (doc.author.rpps !== undefined) refused.push(`${doc.id}: unknown author ${doc.author.rpps}`);
            continue;
          }
          // An emergency mode, if the history records one for the deposit, is the one to judge by.
          const logged = ACCESS_LOG.find((e) => e.ins === ins && e.entry.action === 'document.add' && e.entry.target?.documentId === doc.id)?.entry;
          const request: PolicyRequest = { mode: logged?.mode ?? 'normal', secret: logged?.secret ?? false, now: doc.submittedAt };
          if (logged?.justification !== undefined) request.justification = logged.justification;
          const decision = decide({ actor, action: 'document.add', dossier: dossierAt(patient, doc.submittedAt), document: policyDocumentOf(doc), request });
          if (!decision.allowed) refused.push(`${doc.id} by ${doc.author.name} on ${doc.submittedAt}: ${decision.reason}`);
        }
      }
      expect(refused).to.deep.equal([]);
    });

    it('gives every document a small file in its own format', () => {
      for (const doc of ALL_SEEDED_DOCUMENTS) {
        const content = documentContent(doc);
        expect(content.body.length, doc.id).to.be.above(0);
        if (doc.mimeType === 'application/pdf') {
          expect(content.mimeType).to.equal('application/pdf');
          expect(content.body.startsWith('%PDF-1.4')).to.equal(true);
          expect(content.body.trimEnd().endsWith('%%EOF')).to.equal(true);
          const xref = Number(/startxref\n(\d+)/.exec(content.body)?.[1]);
          expect(content.body.slice(xref, xref + 4), `${doc.id} xref offset`).to.equal('xref');
          expect(/^[\x20-\x7e\n]*$/.test(content.body), `${doc.id} ASCII`).to.equal(true);
        } else if (doc.mimeType === 'text/xml') {
          const xml = new DOMParser().parseFromString(content.body, 'application/xml');
          expect(xml.getElementsByTagName('parsererror').length, doc.id).to.equal(0);
          expect(xml.documentElement.localName).to.equal('ClinicalDocument');
        }
      }
    });
  });

  describe('synthesis', () => {
    it('has two schema-valid versions of the adult’s VSM, matching its documents', () => {
      const versions = SYNTHESES[PATIENT_ADULT.identity.ins] ?? [];
      expect(versions.map((v) => v.version)).to.deep.equal([1, 2]);
      const docs = DOCUMENTS[PATIENT_ADULT.identity.ins] ?? [];
      for (const v of versions) {
        expectValid(SynthesisSchema, v, `version ${v.version}`);
        expectValid(SynthesisContentSchema, v.content, `content ${v.version}`);
        const doc = docs.find((d) => d.id === v.documentId);
        expect(doc?.typeCode).to.equal('SYNTH');
        expect(doc?.formatCode).to.equal('urn:asip:ci-sis:vsm:2012');
        expect(doc?.submittedAt).to.equal(v.savedAt);
        expect(doc?.author.rpps).to.equal(v.author.rpps);
      }
      expect(docs.find((d) => d.id === SYNTHESIS_V2.documentId)?.status).to.equal('current');
    });

    it('differs entry by entry: one added, one removed, one changed', () => {
      const v1 = entryIds(SYNTHESIS_V1.content);
      const v2 = entryIds(SYNTHESIS_V2.content);
      expect(v2.size).to.be.within(20, 30);
      expect([...v2.keys()].filter((id) => !v1.has(id))).to.deep.equal(['pb-gonarthrose']);
      expect([...v1.keys()].filter((id) => !v2.has(id))).to.deep.equal(['tt-omeprazole']);
      expect([...v2.keys()].filter((id) => v1.has(id) && v1.get(id) !== v2.get(id))).to.deep.equal(['tt-metformine']);
    });

    it('holds in no version a date after the version was saved', () => {
      const late: string[] = [];
      for (const [ins, versions] of Object.entries(SYNTHESES)) {
        for (const v of versions) {
          for (const { path, date } of datesIn(v.content)) {
            if (date > v.savedAt.slice(0, date.length)) late.push(`${ins} v${v.version} (saved ${v.savedAt}) ${path}: ${date}`);
          }
        }
      }
      expect(late).to.deep.equal([]);
    });

    it('codes problems in CIM-10 and treatments by CIS with ATC', () => {
      const { problems, treatments } = SYNTHESIS_V2.content;
      for (const p of problems) expect(p.code?.system, p.id).to.equal('CIM-10');
      for (const t of treatments) {
        expect(t.cis, t.id).to.match(/^\d{8}$/);
        expect(t.atc, t.id).to.match(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/);
      }
    });
  });

  describe('access log', () => {
    it('has schema-valid entries with unique ids for seeded dossiers', () => {
      const seeded = new Set(PATIENTS.map((p) => p.identity.ins));
      for (const { ins, entry } of ACCESS_LOG) {
        expect(seeded.has(ins), entry.id).to.equal(true);
        expectValid(AccessLogEntrySchema, entry, entry.id);
        expect(entry.at <= SEED_NOW, entry.id).to.equal(true);
        if (entry.mode !== 'normal') expect(entry.justification?.trim().length ?? 0, entry.id).to.be.at.least(20);
      }
      expect(new Set(ACCESS_LOG.map((e) => e.entry.id)).size).to.equal(ACCESS_LOG.length);
    });

    it('records for every line the outcome decide gives that actor, mode and dossier at that time', () => {
      const contradictions: string[] = [];
      for (const { ins, entry } of ACCESS_LOG) {
        const patient = patientByIns(ins);
        const actor = actorById(entry.actor.id ?? '');
        if (patient === undefined || actor === undefined) {
          contradictions.push(`${entry.id}: unknown dossier or actor`);
          continue;
        }
        if (actor.kind === 'professional' && (entry.actor.rpps !== actor.rpps || entry.actor.profession !== actor.profession)) {
          contradictions.push(`${entry.id}: the line's RPPS or profession is not ${actor.id}'s`);
        }
        const targetId = entry.target?.documentId;
        const doc = targetId === undefined ? undefined : DOCUMENTS[ins]?.find((d) => d.id === targetId);
        if (targetId !== undefined && doc === undefined) contradictions.push(`${entry.id}: no document ${targetId} in that dossier`);
        const request: PolicyRequest = { mode: entry.mode, secret: entry.secret, now: entry.at };
        if (entry.justification !== undefined) request.justification = entry.justification;
        const decision = decide({
          actor,
          action: entry.action,
          dossier: dossierAt(patient, entry.at),
          ...(doc ? { document: policyDocumentOf(doc) } : {}),
          request,
        });
        const outcome = decision.allowed ? 'allowed' : 'denied';
        if (entry.outcome !== outcome || entry.reason !== decision.reason) {
          contradictions.push(`${entry.id} ${entry.actor.name} ${entry.action} (${entry.mode}): seeded ${entry.outcome}/${entry.reason}, decide ${outcome}/${decision.reason}`);
        }
        // The backend logs the mode decide reports whenever it reports one (POLICY.md 7.3).
        if (decision.mode !== undefined && entry.mode !== decision.mode) {
          contradictions.push(`${entry.id}: seeded mode ${entry.mode}, decide ${decision.mode}`);
        }
      }
      expect(contradictions).to.deep.equal([]);
    });

    it('tells the adult’s story: break-glass, regulation, a block, a refusal', () => {
      const adult = ACCESS_LOG.filter((e) => e.ins === PATIENT_ADULT.identity.ins).map((e) => e.entry);
      expect(adult.length).to.be.within(18, 25);
      expect(adult.some((e) => e.mode === 'break-glass' && e.outcome === 'allowed')).to.equal(true);
      expect(adult.some((e) => e.mode === 'regulation' && e.outcome === 'allowed')).to.equal(true);
      expect(adult.some((e) => e.reason === 'blocked' && e.outcome === 'denied')).to.equal(true);
      expect(adult.some((e) => e.reason === 'not-authorized' && e.outcome === 'denied')).to.equal(true);
      const times = adult.map((e) => e.at);
      expect(times).to.deep.equal([...times].sort());
    });

    it('marks the minor’s connexion secrète', () => {
      expect(ACCESS_LOG.some((e) => e.ins === PATIENT_MINOR.identity.ins && e.entry.secret)).to.equal(true);
    });
  });

  describe('large dossier', () => {
    it('generates 10,000 schema-valid documents over every category', () => {
      const docs = generateLargeDossierDocuments(10_000);
      expect(docs.length).to.equal(10_000);
      for (const doc of docs) expectConsistentDocument(doc);
      expect(new Set(docs.map((d) => d.id)).size).to.equal(10_000);
      expect(new Set(docs.map((d) => d.category)).size).to.equal(CATEGORIES.length);
      const years = docs.map((d) => Number(d.serviceStart.slice(0, 4)));
      expect(Math.max(...years) - Math.min(...years)).to.be.at.least(14);
    });

    it('is deterministic', () => {
      expect(generateLargeDossierDocuments(10_000)).to.deep.equal(generateLargeDossierDocuments(10_000));
      expect(generateLargeDossierDocuments(50)).to.deep.equal(generateLargeDossierDocuments(50));
    });

    it('covers every category even for a small count', () => {
      expect(new Set(generateLargeDossierDocuments(20).map((d) => d.category)).size).to.equal(CATEGORIES.length);
    });
  });

  describe('demonstration code lists', () => {
    it('has about three hundred CIM-10 codes and three hundred drugs (DECISIONS.md 3), well formed and unique', () => {
      expect(DEMO_CIM10.length).to.be.within(290, 320);
      expect(DEMO_DRUGS.length).to.be.within(290, 320);
      for (const c of DEMO_CIM10) expect(c.code, c.label).to.match(/^[A-Z]\d{2}(\.\d{1,2})?$/);
      for (const d of DEMO_DRUGS) {
        expect(d.cis, d.label).to.match(/^\d{8}$/);
        expect(d.atc, d.label).to.match(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/);
      }
      expect(new Set(DEMO_CIM10.map((c) => c.code)).size).to.equal(DEMO_CIM10.length);
      expect(new Set(DEMO_DRUGS.map((d) => d.cis)).size).to.equal(DEMO_DRUGS.length);
    });

    it('knows every code the synthesis uses', () => {
      const cim = new Set(DEMO_CIM10.map((c) => c.code));
      const cis = new Set(DEMO_DRUGS.map((d) => d.cis));
      for (const version of [SYNTHESIS_V1, SYNTHESIS_V2]) {
        for (const p of version.content.problems) if (p.code) expect(cim.has(p.code.code), p.id).to.equal(true);
        for (const t of version.content.treatments) if (t.cis) expect(cis.has(t.cis), t.id).to.equal(true);
      }
    });
  });
});
