import { expect } from '@open-wc/testing';
import { isValidJustification, MIN_JUSTIFICATION_LENGTH } from '../../src/policy/index.js';
import { J19, J20 } from './fixtures.js';

describe('isValidJustification: at least 20 Unicode code points once trimmed', () => {
  it('sets the minimum at 20', () => {
    expect(MIN_JUSTIFICATION_LENGTH).to.equal(20);
  });

  // [name, text, code points after trimming (checks the fixture itself), valid]
  const cases: readonly (readonly [name: string, text: unknown, codePoints: number, valid: boolean])[] = [
    ['19 letters', J19, 19, false],
    ['20 letters', J20, 20, true],
    ['200 letters', 'x'.repeat(200), 200, true],
    ['empty', '', 0, false],
    ['19 letters padded to 25 with spaces', `   ${J19}   `, 19, false],
    ['20 letters padded with tabs, newlines and a no-break space', `\t\n${J20}\u00a0\r\n`, 20, true],
    ['19 letters with inner spaces kept', 'a b c d e f g h i j', 19, false],
    ['20 characters with inner spaces kept', 'a b c d e f g h i jk', 20, true],
    ['white space only', ' \t\n'.repeat(10), 0, false],
    ['18 letters + 1 emoji: 20 UTF-16 units but 19 code points', 'Patient inconscien🚑', 19, false],
    ['19 letters + 1 emoji: 20 code points', `${J19}🚑`, 20, true],
    ['10 emoji: 20 UTF-16 units, 10 code points', '🚑'.repeat(10), 10, false],
    ['20 emoji', '🚑'.repeat(20), 20, true],
    ['accented letters, precomposed: one code point each', 'Détresse à l’arrivée', 20, true],
    ['a letter + combining accent counts two code points', 'Detresse a l’arrive\u0301', 20, true],
    ['a lone surrogate counts one', `${J19}\ud83d`, 20, true],
  ];
  for (const [name, text, codePoints, valid] of cases) {
    it(`${name} → ${valid}`, () => {
      if (typeof text === 'string') expect([...text.trim()].length, 'fixture').to.equal(codePoints);
      expect(isValidJustification(text)).to.equal(valid);
    });
  }

  for (const [name, value] of [['undefined', undefined], ['null', null], ['a number', 12345678901234567890], ['an array', Array(30).fill('a')]] as const) {
    it(`${name} → false`, () => {
      expect(isValidJustification(value)).to.equal(false);
    });
  }
});
