import { expect } from '@open-wc/testing';
import { nirKey, validateNir, type NirFailure } from '../../src/model/nir.js';
import { NirSchema } from '../../src/model/patient.js';
import { isMinor } from '../../src/model/patient.js';
import { RppsSchema } from '../../src/model/professional.js';
import { nationalIdOfRpps, validateRpps } from '../../src/model/rpps.js';

/** A NIR with the right key for its 13 characters. */
const withKey = (n13: string) => `${n13}${String(nirKey(n13)).padStart(2, '0')}`;

describe('validateNir', () => {
  const valid: Array<[string, string]> = [
    ['a woman born in Lyon', withKey('2580369383047')],
    ['as printed on the Carte Vitale, with spaces', '2 58 03 69 383 047 02'],
    ['grouped in the typist’s own way, with tabs and a newline', '258 0369\t383047\n02'],
    ['Corse-du-Sud, 2A → 19 in the key', withKey('185072A004019')],
    ['Haute-Corse, lower-case 2b', withKey('185072B004019').toLowerCase()],
    ['born abroad (99)', withKey('2960299341087')],
    ['overseas (97x commune)', withKey('1850797411123')],
    ['Corsica before 1976 (20)', withKey('1500720004123')],
    ['Algeria before independence (91)', withKey('1450191123456')],
    ['a civil record without a known month (20–99)', withKey('1854099123456')],
    ['a provisional number (sex 7)', withKey('7850575123456')],
    ['a provisional number (sex 8)', withKey('8850575123456')],
  ];
  for (const [name, nir] of valid) {
    it(`accepts ${name}`, () => {
      const result = validateNir(nir);
      expect(result.ok, JSON.stringify(result)).to.equal(true);
    });
  }

  it('returns the parts of a valid NIR, normalized', () => {
    expect(validateNir('2 58 03 69 383 047 02')).to.deep.equal({
      ok: true,
      nir: '258036938304702',
      sex: '2',
      birthYear: '58',
      birthMonth: '03',
      department: '69',
      provisional: false,
    });
    expect(validateNir(withKey('185072A004019').toLowerCase())).to.include({ department: '2A', nir: withKey('185072A004019') });
  });

  const invalid: Array<[string, string, NirFailure]> = [
    ['an empty input', '   ', 'empty'],
    ['13 characters without the key', '2580369383047', 'length'],
    ['16 characters', '2580369383047021', 'length'],
    ['a letter outside the department', '25803693830X702', 'characters'],
    ['2C as a department', '185072C00401995', 'characters'],
    ['sex 3', withKey('3580369383047'), 'sex'],
    ['month 00', withKey('2580069383047'), 'month'],
    ['month 13', withKey('2581369383047'), 'month'],
    ['month 19', withKey('2581969383047'), 'month'],
    ['department 00', withKey('2580300383047'), 'department'],
    ['a wrong key', '258036938304703', 'key'],
    ['one digit mistyped', '258036938304802', 'key'],
    ['2A computed as if it were 20', `185072A004019${String(97 - (Number('1850720004019') % 97)).padStart(2, '0')}`, 'key'],
  ];
  for (const [name, nir, reason] of invalid) {
    it(`refuses ${name} with the reason "${reason}"`, () => {
      expect(validateNir(nir)).to.deep.equal({ ok: false, reason });
    });
  }

  it('NirSchema wants the normalized form on the wire and says why it refuses', () => {
    expect(NirSchema.safeParse('258036938304702').success).to.equal(true);
    expect(NirSchema.safeParse('2 58 03 69 383 047 02').success).to.equal(false);
    const wrongKey = NirSchema.safeParse('258036938304703');
    expect(wrongKey.success).to.equal(false);
    expect(wrongKey.error!.issues[0]!.message).to.contain('clé');
  });
});

describe('validateRpps', () => {
  it('accepts 11 digits with a Luhn key, ignoring spaces', () => {
    expect(validateRpps('10003456786')).to.deep.equal({ ok: true, rpps: '10003456786' });
    expect(validateRpps('100 0345 6786')).to.deep.equal({ ok: true, rpps: '10003456786' });
  });
  const refused: Array<[string, string, string]> = [
    ['a wrong key', '10003456787', 'key'],
    ['10 digits', '1000345678', 'length'],
    ['a letter', '1000345678A', 'characters'],
  ];
  for (const [name, rpps, reason] of refused) {
    it(`refuses ${name}`, () => expect(validateRpps(rpps)).to.deep.equal({ ok: false, reason }));
  }
  it('gives the national id of security tokens and validates in a schema', () => {
    expect(nationalIdOfRpps('10003456786')).to.equal('810003456786');
    expect(RppsSchema.safeParse('10003456787').success).to.equal(false);
  });
});

describe('isMinor', () => {
  const cases: Array<[string, string, boolean]> = [
    ['2008-11-20', '2026-11-19', true],
    ['2008-11-20', '2026-11-20', false],
    ['2012-06-15', '2026-11-20', true],
    ['1958-03-14', '2026-11-20', false],
  ];
  for (const [birth, today, minor] of cases) {
    it(`born ${birth}, on ${today}: ${minor ? 'minor' : 'adult'}`, () => expect(isMinor(birth, today)).to.equal(minor));
  }
});
