import { expect } from '@open-wc/testing';
import { invisibilityNoticeDate, invisibilityReleaseDate, isReleasedToPatient } from '../../src/policy/index.js';
import {
  DR_OTHER,
  INVISIBLE_TO_PATIENT,
  INVISIBLE_TO_REPRESENTATIVES,
  LOG,
  PATIENT,
  REPRESENTATIVE,
  runCases,
  SUBMITTED_AT,
} from './fixtures.js';

describe('invisibilityReleaseDate: same day next month, same time, UTC, clamped', () => {
  const cases: readonly (readonly [submittedAt: string, release: string])[] = [
    ['2024-01-15T08:30:00Z', '2024-02-15T08:30:00.000Z'],
    ['2024-01-31T10:00:00Z', '2024-02-29T10:00:00.000Z'], // leap year
    ['2023-01-31T10:00:00Z', '2023-02-28T10:00:00.000Z'],
    ['2024-01-30T10:00:00Z', '2024-02-29T10:00:00.000Z'],
    ['2024-01-29T10:00:00Z', '2024-02-29T10:00:00.000Z'],
    ['2023-01-29T10:00:00Z', '2023-02-28T10:00:00.000Z'],
    ['2000-01-31T00:00:00Z', '2000-02-29T00:00:00.000Z'], // divisible by 400: leap
    ['2100-01-31T00:00:00Z', '2100-02-28T00:00:00.000Z'], // divisible by 100: not leap
    ['2024-02-29T06:00:00Z', '2024-03-29T06:00:00.000Z'],
    ['2024-03-31T23:59:59.999Z', '2024-04-30T23:59:59.999Z'],
    ['2024-05-31T12:00:00Z', '2024-06-30T12:00:00.000Z'],
    ['2024-08-31T12:00:00Z', '2024-09-30T12:00:00.000Z'],
    ['2024-10-31T12:00:00Z', '2024-11-30T12:00:00.000Z'],
    ['2024-12-15T12:00:00Z', '2025-01-15T12:00:00.000Z'], // over the year's end
    ['2024-12-31T23:00:00Z', '2025-01-31T23:00:00.000Z'],
    ['2024-03-31T01:30:00Z', '2024-04-30T01:30:00.000Z'], // the night of the European DST change: UTC ignores it
    ['2024-01-31T23:30:00-01:00', '2024-03-01T00:30:00.000Z'], // 1 February 00:30 UTC
    ['2024-03-01T00:30:00+02:00', '2024-03-29T22:30:00.000Z'], // 29 February 22:30 UTC
    ['2024-01-31T10:00:00', '2024-02-29T10:00:00.000Z'], // no offset: UTC, not local time
    ['2024-01-31', '2024-02-29T00:00:00.000Z'],
    ['2024-01-31T10:00:00.5+0000', '2024-02-29T10:00:00.500Z'],
    ['2024-01-31T23:30:00-01', '2024-03-01T00:30:00.000Z'], // ISO 8601's hours-only offset
  ];
  for (const [submittedAt, release] of cases) {
    it(`${submittedAt} → ${release}`, () => {
      expect(invisibilityReleaseDate(submittedAt).toISOString()).to.equal(release);
    });
  }

  for (const unreadable of ['', 'yesterday', '2024-02-30T10:00:00Z', '2024-13-01T00:00:00Z', '2024-01-31T25:00:00Z', '31/01/2024', '2024-01-31T10:00:00+1', '2024-01-31T10:00:00+01:5']) {
    it(`"${unreadable}" → Invalid Date`, () => {
      expect(Number.isNaN(invisibilityReleaseDate(unreadable).getTime())).to.equal(true);
    });
  }
});

describe('invisibilityNoticeDate: two weeks after submission', () => {
  const cases: readonly (readonly [submittedAt: string, notice: string])[] = [
    ['2024-01-31T10:00:00Z', '2024-02-14T10:00:00.000Z'],
    ['2024-02-20T10:00:00Z', '2024-03-05T10:00:00.000Z'],
    ['2024-03-25T10:00:00Z', '2024-04-08T10:00:00.000Z'],
    ['2024-12-25T10:00:00+01:00', '2025-01-08T09:00:00.000Z'],
  ];
  for (const [submittedAt, notice] of cases) {
    it(`${submittedAt} → ${notice}`, () => {
      expect(invisibilityNoticeDate(submittedAt).toISOString()).to.equal(notice);
    });
  }
});

describe('isReleasedToPatient: the same answer asked again, in any order', () => {
  it('answers each instant on its own side of the release, back and forth', () => {
    const answers = ['2024-02-29T09:59:59Z', '2024-02-29T10:00:00Z', '2024-02-29T09:59:59Z', '2024-02-29T11:00:00+01:00', '2024-02-29T10:59:59+01:00'].map((now) =>
      isReleasedToPatient(SUBMITTED_AT, now),
    );
    expect(answers).to.deep.equal([false, true, false, true, false]);
  });

  it('answers alike for documents asked among thousands of others', () => {
    const submitted = Array.from({ length: 12_000 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString());
    const now = '2024-03-15T00:00:00Z';
    const first = submitted.map((at) => isReleasedToPatient(at, now));
    const again = [...submitted].reverse().map((at) => isReleasedToPatient(at, now)).reverse();
    expect(again).to.deep.equal(first);
    expect(first.map((released, i) => released === invisibilityReleaseDate(submitted[i]!).getTime() <= Date.parse(now)).every(Boolean)).to.equal(true);
    expect(first.filter(Boolean).length).to.be.within(1, 11_999);
  });
});

describe('decide — invisible to the patient until one calendar month after submission', () => {
  // SUBMITTED_AT is 31 January 2024 10:00 UTC: released on 29 February 2024 10:00 UTC.
  const at = (now: string | undefined) => ({ now });
  const invisible = { ...INVISIBLE_TO_PATIENT, submittedAt: SUBMITTED_AT };
  runCases([
    ['no now: no release', { actor: PATIENT, action: 'document.read', document: invisible }, ['invisible-to-patient', null, LOG]],
    ['no submittedAt: no release', { actor: PATIENT, action: 'document.read', document: { ...invisible, submittedAt: undefined }, request: at('2030-01-01T00:00:00Z') }, ['invisible-to-patient', null, LOG]],
    ['at submission', { actor: PATIENT, action: 'document.read', document: invisible, request: at(SUBMITTED_AT) }, ['invisible-to-patient', null, LOG]],
    ['on the two-week notice', { actor: PATIENT, action: 'document.read', document: invisible, request: at('2024-02-14T10:00:00Z') }, ['invisible-to-patient', null, LOG]],
    ['on 28 February', { actor: PATIENT, action: 'document.read', document: invisible, request: at('2024-02-28T10:00:00Z') }, ['invisible-to-patient', null, LOG]],
    ['one millisecond before the release', { actor: PATIENT, action: 'document.read', document: invisible, request: at('2024-02-29T09:59:59.999Z') }, ['invisible-to-patient', null, LOG]],
    ['exactly at the release', { actor: PATIENT, action: 'document.read', document: invisible, request: at('2024-02-29T10:00:00Z') }, ['allowed', null, LOG]],
    ['exactly at the release, with milliseconds', { actor: PATIENT, action: 'document.read', document: invisible, request: at('2024-02-29T10:00:00.000Z') }, ['allowed', null, LOG]],
    ['at the release, expressed in Paris time', { actor: PATIENT, action: 'document.read', document: invisible, request: at('2024-02-29T11:00:00+01:00') }, ['allowed', null, LOG]],
    ['at the release, in Paris time with an hours-only offset', { actor: PATIENT, action: 'document.read', document: invisible, request: at('2024-02-29T11:00:00+01') }, ['allowed', null, LOG]],
    ['just before the release, expressed in Paris time', { actor: PATIENT, action: 'document.read', document: invisible, request: at('2024-02-29T10:59:59+01:00') }, ['invisible-to-patient', null, LOG]],
    ['long after the release', { actor: PATIENT, action: 'document.read', document: invisible, request: at('2025-01-01T00:00:00Z') }, ['allowed', null, LOG]],
    ['2023, not leap: one second before 28 February 10:00', { actor: PATIENT, action: 'document.read', document: { ...invisible, submittedAt: '2023-01-31T10:00:00Z' }, request: at('2023-02-28T09:59:59Z') }, ['invisible-to-patient', null, LOG]],
    ['2023, not leap: at 28 February 10:00', { actor: PATIENT, action: 'document.read', document: { ...invisible, submittedAt: '2023-01-31T10:00:00Z' }, request: at('2023-02-28T10:00:00Z') }, ['allowed', null, LOG]],
    ['an unreadable now releases nothing', { actor: PATIENT, action: 'document.read', document: invisible, request: at('next month') }, ['invisible-to-patient', null, LOG]],
    ['an unreadable submittedAt releases nothing', { actor: PATIENT, action: 'document.read', document: { ...invisible, submittedAt: 'January' }, request: at('2030-01-01T00:00:00Z') }, ['invisible-to-patient', null, LOG]],
    ['the patient deletes it once released', { actor: PATIENT, action: 'document.delete', document: invisible, request: at('2024-03-01T00:00:00Z') }, ['allowed', null, LOG]],
    ['representative before the release', { actor: REPRESENTATIVE, action: 'document.read', document: invisible, request: at('2024-02-29T09:59:59Z') }, ['invisible-to-patient', null, LOG]],
    ['representative at the release', { actor: REPRESENTATIVE, action: 'document.read', document: invisible, request: at('2024-02-29T10:00:00Z') }, ['allowed', null, LOG]],
    ['representative: the release does not lift their own exclusion', { actor: REPRESENTATIVE, action: 'document.read', document: { ...invisible, ...INVISIBLE_TO_REPRESENTATIVES }, request: at('2024-03-01T00:00:00Z') }, ['invisible-to-legal-representative', null, LOG]],
    ['professionals see it all along', { actor: DR_OTHER, action: 'document.read', document: invisible, request: at(SUBMITTED_AT) }, ['allowed', 'normal', LOG]],
  ]);
});
