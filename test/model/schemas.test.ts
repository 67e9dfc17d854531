import { expect } from '@open-wc/testing';
import { AuthorizationChangeSchema } from '../../src/model/authorization.js';
import { CATEGORIES } from '../../src/model/category.js';
import { categoryOf, CLASS_CODE_OF_TYPE, isDepositedByPatient, TYPE_CODE_LABELS } from '../../src/model/document-types.js';
import { DocumentPatchSchema, DocumentQuerySchema, NewDocumentSchema } from '../../src/model/document.js';
import { DossierCreateSchema, NotificationPreferencesSchema } from '../../src/model/dossier.js';
import { OrganisationSchema } from '../../src/model/professional.js';
import { ROUTES, routePath } from '../../src/model/routes.js';
import { SynthesisContentSchema, SynthesisContentToSaveSchema, SynthesisSaveSchema, emptySynthesisContent } from '../../src/model/synthesis.js';

describe('categoryOf', () => {
  const cases: Array<[string, string, string]> = [
    ['10', '11488-4', 'report'],
    // LOINC 34104-0 is a hospital consult note, a report: not a biology result.
    ['10', '34104-0', 'report'],
    ['10', '11502-2', 'biology'],
    ['10', '11369-6', 'prevention'],
    ['11', 'SYNTH', 'synthesis'],
    ['11', '60591-5', 'synthesis'],
    ['31', '18748-4', 'imaging'],
    ['42', '57833-6', 'treatment-and-care'],
    ['43', '60593-1', 'treatment-and-care'],
    ['44', 'PROT_ALD', 'treatment-and-care'],
    ['52', 'CERT_DECL', 'report'],
    ['60', 'REMB', 'reimbursement'],
    ['90', 'EXPPAT_3', 'patient'],
    ['90', 'DOCPAT05', 'biology'],
    ['95', 'ATTEST-RESID', 'administrative'],
    ['45', 'UNKNOWN', 'treatment-and-care'],
    ['99', 'UNKNOWN', 'report'],
    // Codes are data from outside: an inherited property name is an unknown code like any other.
    ['10', 'constructor', 'report'],
    ['toString', '__proto__', 'report'],
  ];
  for (const [classCode, typeCode, category] of cases) {
    it(`${classCode} / ${typeCode} → ${category}`, () => expect(categoryOf(classCode, typeCode)).to.equal(category));
  }

  it('has a class code and a label for every type code it knows, and reaches every category', () => {
    expect(Object.keys(CLASS_CODE_OF_TYPE).sort()).to.deep.equal(Object.keys(TYPE_CODE_LABELS).sort());
    expect(CLASS_CODE_OF_TYPE['constructor']).to.equal(undefined);
    expect(TYPE_CODE_LABELS['hasOwnProperty']).to.equal(undefined);
    const reached = new Set(Object.entries(CLASS_CODE_OF_TYPE).map(([type, cls]) => categoryOf(cls, type)));
    expect([...reached].sort()).to.deep.equal([...CATEGORIES].sort());
  });
});

describe('isDepositedByPatient', () => {
  it('knows the six DOCPAT codes the patient deposits, and no look-alike', () => {
    for (const code of ['DOCPAT01', 'DOCPAT02', 'DOCPAT03', 'DOCPAT04', 'DOCPAT05', 'DOCPAT06']) expect(isDepositedByPatient(code), code).to.equal(true);
    for (const code of ['DOCPAT07', 'DOCPATZZ', 'DOCPAT', 'EXPPAT_3', '11488-4', 'constructor']) expect(isDepositedByPatient(code), code).to.equal(false);
  });
});

describe('schemas', () => {
  it('refuses a creation without consent, with a bad e-mail or a non-mobile phone', () => {
    const base = {
      ins: '258036938304702',
      insStatus: 'QUAL',
      traits: { birthName: 'DURAND', firstNames: 'Jeanne', birthDate: '1958-03-14', sex: 'F' },
      channel: 'professional',
      consent: true,
    };
    expect(DossierCreateSchema.safeParse(base).success).to.equal(true);
    expect(DossierCreateSchema.safeParse({ ...base, consent: false }).success).to.equal(false);
    expect(DossierCreateSchema.safeParse({ ...base, contact: { email: 'pas-un-mail' } }).success).to.equal(false);
    expect(DossierCreateSchema.safeParse({ ...base, contact: { phone: '+33140000000' } }).success).to.equal(false);
    expect(DossierCreateSchema.safeParse({ ...base, contact: { phone: '+33612345678' } }).success).to.equal(true);
  });

  it('refuses an empty document patch and an upload without a title', () => {
    expect(DocumentPatchSchema.safeParse({}).success).to.equal(false);
    expect(DocumentPatchSchema.safeParse({ masked: true }).success).to.equal(true);
    expect(NewDocumentSchema.safeParse({ title: '  ', typeCode: '11488-4', serviceStart: '2026-11-20T09:00:00Z' }).success).to.equal(false);
  });

  it('coerces the list limit from the query string and bounds it', () => {
    expect(DocumentQuerySchema.parse({ limit: '20' }).limit).to.equal(20);
    expect(DocumentQuerySchema.safeParse({ limit: '5000' }).success).to.equal(false);
  });

  it('distinguishes "no known allergy" from an empty list and refuses an end before a start', () => {
    const empty = emptySynthesisContent();
    expect(SynthesisContentSchema.parse({ ...empty, narrative: 'Rien' }).allergiesNoneKnown).to.equal(false);
    const bad = {
      ...empty,
      allergiesNoneKnown: true,
      treatments: [{ id: 't1', drug: 'Ramipril 5 mg', dosage: '1 cp/j', status: 'active', startDate: '2026-01-10', endDate: '2025-01-10' }],
    };
    const parsed = SynthesisContentSchema.safeParse(bad);
    expect(parsed.success).to.equal(false);
    expect(parsed.error!.issues[0]!.path).to.deep.equal(['treatments', 0, 'endDate']);
  });

  it('refuses to save a VSM whose section 1 has neither a coded entry nor text, and still reads one (DOMAIN.md)', () => {
    const empty = emptySynthesisContent();
    const parsed = SynthesisContentToSaveSchema.safeParse({ ...empty, narrative: '   ' });
    expect(parsed.success).to.equal(false);
    expect(parsed.error!.issues.map((i) => i.path)).to.deep.equal([['narrative']]);
    expect(SynthesisSaveSchema.safeParse({ content: empty }).success).to.equal(false);
    // A version saved before the rule, or by other software, is still read.
    expect(SynthesisContentSchema.safeParse(empty).success).to.equal(true);
    // Points to watch and treatments are sections 2 and 3: they do not fill section 1.
    const otherSections = {
      ...empty,
      pointsToWatch: [{ id: 'w1', label: 'Risque de chute' }],
      treatments: [{ id: 't1', drug: 'Ramipril 5 mg', dosage: '1 cp/j', status: 'active' }],
    };
    expect(SynthesisContentToSaveSchema.safeParse(otherSections).success).to.equal(false);
    expect(SynthesisContentToSaveSchema.safeParse({ ...otherSections, narrative: 'Pas d’antécédent connu.' }).success).to.equal(true);
    expect(SynthesisContentToSaveSchema.safeParse({ ...empty, allergiesNoneKnown: true }).success).to.equal(true);
    expect(SynthesisContentToSaveSchema.safeParse({ ...empty, riskFactors: [{ id: 'rf1', label: 'Tabagisme', kind: 'lifestyle' }] }).success).to.equal(true);
  });

  it('validates notification preferences', () => {
    const channels = { email: true, sms: false };
    expect(NotificationPreferencesSchema.safeParse({ newDocument: channels, firstAccess: channels, emergencyAccess: channels }).success).to.equal(true);
    expect(NotificationPreferencesSchema.safeParse({ email: 'x', newDocument: channels, firstAccess: channels, emergencyAccess: channels }).success).to.equal(false);
  });

  it('reads a Corsican FINESS number and refuses a malformed one', () => {
    const finess = (value: string) => OrganisationSchema.safeParse({ name: 'Centre hospitalier', finess: value }).success;
    expect(['690781810', '2A0000014', '2B0000061'].map(finess)).to.deep.equal([true, true, true]);
    expect(['69078181', '2C0000014', 'A20000014', '6907818100'].map(finess)).to.deep.equal([false, false, false, false]);
  });

  it('refuses an authorization change naming an RPPS whose key is wrong', () => {
    expect(AuthorizationChangeSchema.safeParse({ change: 'grant', rpps: '10003456786' }).success).to.equal(true);
    const mistyped = AuthorizationChangeSchema.safeParse({ change: 'grant', rpps: '10003456788' });
    expect(mistyped.success).to.equal(false);
    expect(mistyped.error?.issues[0]?.path).to.deep.equal(['rpps']);
  });

  it('fills route paths with encoded parameters and names every route once', () => {
    expect(routePath(ROUTES.getDocumentContent.path, { ins: '185072A00401995', id: 'doc 1/2' })).to.equal('/dossiers/185072A00401995/documents/doc%201%2F2/content');
    const keys = Object.values(ROUTES).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).to.equal(keys.length);
  });
});
