/**
 * INVISIBLE_PATIENT is provisional (CSP R1111-53): the patient is told after two weeks that their
 * dossier changed, and the document becomes visible one calendar month after it was submitted.
 */

const DAY_MS = 86_400_000;
const NOTICE_DELAY_MS = 14 * DAY_MS;

// RFC 3339 / ISO 8601 extended date-time; the time and the offset are optional, and an offset
// may give hours alone (ISO 8601's ±hh).
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 1 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month] ?? 31);
}

/**
 * Milliseconds since the epoch of an ISO 8601 date-time, or NaN. A time without an offset is read
 * as UTC, not as the machine's local time, so that a decision never depends on where it runs;
 * impossible dates (30 February, 25:00) are NaN rather than silently rolled over.
 */
export function parseIsoDateTime(text: string): number {
  const m = ISO_DATE_TIME.exec(text);
  if (m === null) return NaN;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  const day = Number(m[3]);
  const hours = Number(m[4] ?? 0);
  const minutes = Number(m[5] ?? 0);
  const seconds = Number(m[6] ?? 0);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (month < 0 || month > 11 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hours > 23 || minutes > 59 || seconds > 59) return NaN;
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11] ?? 0);
    if (offsetHours > 23 || offsetMins > 59) return NaN;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map the years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hours, minutes, seconds, millis);
  return date.getTime() - offsetMinutes * 60_000;
}

/**
 * When a document invisible to the patient becomes visible: the same day of the next month at
 * the same time, in UTC, clamped to that month's last day (31 January → 28 or 29 February).
 * An unreadable `submittedAt` gives an Invalid Date, which no `now` ever reaches.
 */
export function invisibilityReleaseDate(submittedAt: string): Date {
  const submitted = parseIsoDateTime(submittedAt);
  const release = new Date(submitted);
  if (Number.isNaN(submitted)) return release;
  const month = release.getUTCMonth();
  const year = release.getUTCFullYear() + (month === 11 ? 1 : 0);
  const nextMonth = (month + 1) % 12;
  // All three at once, so that 31 January never passes through "31 February" = 2 March.
  release.setUTCFullYear(year, nextMonth, Math.min(release.getUTCDate(), daysInMonth(year, nextMonth)));
  return release;
}

/** When the patient is told that something not yet visible to them was added: two weeks later. */
export function invisibilityNoticeDate(submittedAt: string): Date {
  return new Date(parseIsoDateTime(submittedAt) + NOTICE_DELAY_MS);
}

/**
 * Release times by `submittedAt`, and the last `now` read: a list asks about the same documents at
 * the same instant for every row it draws, and parsing dates was most of a decision's cost. The
 * answers are those of the pure functions above; the cache is dropped whole when it grows large.
 */
const releaseTimes = new Map<string, number>();
let lastNow: { text: string; time: number } | undefined;

/** Whether the automatic release has happened by `now`; without either date it never has. */
export function isReleasedToPatient(submittedAt: string | undefined, now: string | undefined): boolean {
  if (submittedAt === undefined || now === undefined) return false;
  let release = releaseTimes.get(submittedAt);
  if (release === undefined) {
    if (releaseTimes.size >= 10_000) releaseTimes.clear();
    release = invisibilityReleaseDate(submittedAt).getTime();
    releaseTimes.set(submittedAt, release);
  }
  if (lastNow?.text !== now) lastNow = { text: now, time: parseIsoDateTime(now) };
  return lastNow.time >= release;
}
