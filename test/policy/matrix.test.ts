import { expect } from '@open-wc/testing';
import type { Category } from '../../src/model/category.js';
import { decide, PROFESSION_CODES, professionMayRead } from '../../src/policy/index.js';
import type { ProfessionalActor } from '../../src/policy/index.js';
import { DR_AUTHOR, DR_TRAITANT, input, LOG, NOTIFY, decision } from './fixtures.js';

const COLUMNS: readonly Category[] = [
  'synthesis', 'treatment-and-care', 'report', 'imaging', 'biology', 'prevention', 'patient', 'reimbursement', 'administrative',
];
const Y = true;
const _ = false;

// POLICY.md's table, retyped here so that the data in src/policy/matrix.ts is checked against
// the specification rather than against itself. One row per profession, one column per category.
const EXPECTED: readonly (readonly [code: string, label: string, cells: readonly boolean[]])[] = [
  //                                 synth treat report imag  bio  prev  pat  remb  admin
  ['10', 'médecin',                  [Y,    Y,    Y,     Y,    Y,   Y,    Y,   Y,    Y]],
  ['21', 'pharmacien',               [Y,    Y,    Y,     _,    Y,   Y,    Y,   Y,    _]],
  ['40', 'chirurgien-dentiste',      [Y,    Y,    Y,     Y,    Y,   Y,    Y,   Y,    _]],
  ['50', 'sage-femme',               [Y,    Y,    Y,     Y,    Y,   Y,    Y,   Y,    _]],
  ['60', 'infirmier',                [Y,    Y,    Y,     Y,    Y,   Y,    Y,   _,    _]],
  ['70', 'masseur-kinésithérapeute', [Y,    Y,    Y,     Y,    _,   _,    Y,   _,    _]],
  ['80', 'pédicure-podologue',       [Y,    Y,    Y,     Y,    Y,   _,    Y,   _,    _]],
  ['91', 'orthophoniste',            [Y,    Y,    Y,     _,    _,   _,    Y,   _,    _]],
  ['92', 'orthoptiste',              [Y,    Y,    Y,     _,    _,   _,    Y,   _,    _]],
  ['95', 'diététicien',              [Y,    Y,    _,     _,    Y,   _,    Y,   _,    _]],
  ['26', 'audioprothésiste',         [_,    Y,    _,     _,    _,   _,    _,   _,    _]],
  ['28', 'opticien-lunetier',        [_,    Y,    _,     _,    _,   _,    _,   _,    _]],
  ['99', 'unknown code',             [_,    _,    _,     _,    _,   _,    _,   _,    _]],
  ['',   'empty code',               [_,    _,    _,     _,    _,   _,    _,   _,    _]],
];

/** An authorized professional of the given profession, reading a document someone else wrote. */
function authorizedProfessional(profession: string): ProfessionalActor {
  return { kind: 'professional', rpps: `20000000${profession.padStart(3, '0')}`, profession };
}

describe('profession codes', () => {
  it('lists the twelve TRE_G15 professions with their French labels', () => {
    expect(PROFESSION_CODES).to.deep.equal({
      '10': 'médecin',
      '21': 'pharmacien',
      '26': 'audioprothésiste',
      '28': 'opticien-lunetier',
      '40': 'chirurgien-dentiste',
      '50': 'sage-femme',
      '60': 'infirmier',
      '70': 'masseur-kinésithérapeute',
      '80': 'pédicure-podologue',
      '91': 'orthophoniste',
      '92': 'orthoptiste',
      '95': 'diététicien',
    });
  });

  it('labels every profession of the expected table', () => {
    for (const [code, label] of EXPECTED) {
      if (code in PROFESSION_CODES) expect(PROFESSION_CODES[code as keyof typeof PROFESSION_CODES]).to.equal(label);
    }
  });
});

describe('profession matrix, cell by cell (read, and add where read)', () => {
  for (const [code, label, cells] of EXPECTED) {
    COLUMNS.forEach((category, column) => {
      const may = cells[column] === true;
      const actor = authorizedProfessional(code);
      const dossier = { authorizedRpps: [actor.rpps] };
      const document = { category, typeCode: undefined, authorRpps: DR_AUTHOR.rpps };
      it(`${code || '""'} ${label} × ${category}: ${may ? 'reads and adds' : 'neither reads nor adds'}`, () => {
        expect(professionMayRead(code, category), 'professionMayRead').to.equal(may);
        expect(decide(input({ actor, action: 'document.read', dossier, document })), 'document.read').to.deep.equal(
          decision(may ? ['allowed', 'normal', LOG] : ['profession-not-permitted', 'normal', LOG]),
        );
        // One writes only where one may read; the patient's own space only the patient side writes.
        const addReason = !may ? 'profession-not-permitted' : category === 'patient' ? 'patient-only' : 'allowed';
        expect(decide(input({ actor, action: 'document.add', dossier, document })), 'document.add').to.deep.equal(
          decision(addReason === 'allowed' ? ['allowed', 'normal', NOTIFY] : [addReason, 'normal', LOG]),
        );
        // Authors always see their own documents, whatever their profession.
        expect(
          decide(input({ actor, action: 'document.read', dossier, document: { ...document, authorRpps: actor.rpps } })),
          'own document',
        ).to.deep.equal(decision(['allowed', 'normal', LOG]));
      });
    });
  }
});

describe('per-typeCode exceptions', () => {
  const cases: readonly (readonly [name: string, profession: string, category: Category, typeCode: string | undefined, may: boolean])[] = [
    ['médecin × attestation de résidence', '10', 'administrative', 'ATTEST-RESID', false],
    ['médecin × attestation d’hébergement', '10', 'administrative', 'ATTEST-HEBGT', true],
    ['médecin × attestation de droits', '10', 'administrative', 'ATTEST-DROITS-AM', true],
    ['médecin × autorisation de soins', '10', 'administrative', 'AUTORIS-SOINS', true],
    ['médecin × administrative without typeCode', '10', 'administrative', undefined, true],
    ['pharmacien × attestation de résidence (no administrative at all)', '21', 'administrative', 'ATTEST-RESID', false],
    ['médecin × a typeCode no exception names', '10', 'biology', '11502-2', true],
    ['infirmier × a typeCode no exception names', '60', 'reimbursement', 'REMB', false],
  ];
  for (const [name, profession, category, typeCode, may] of cases) {
    it(`${name}: ${may}`, () => {
      expect(professionMayRead(profession, category, typeCode)).to.equal(may);
    });
  }

  it('binds the médecin traitant too, in every mode (emergency modes run as normal for them)', () => {
    const document = { category: 'administrative', typeCode: 'ATTEST-RESID' } as const;
    for (const request of [undefined, { mode: 'break-glass' as const }, { mode: 'regulation' as const }]) {
      expect(decide(input({ actor: DR_TRAITANT, action: 'document.read', document, request }))).to.deep.equal(
        decision(['profession-not-permitted', 'normal', LOG]),
      );
    }
  });
});
