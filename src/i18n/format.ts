/** Dates and numbers in the provider's locale (`fr` → fr-FR, `en` → en-GB: day first, 24 h). */
const INTL_LOCALE: Readonly<Record<string, string>> = { fr: 'fr-FR', en: 'en-GB' };

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

function intlLocale(locale: string | undefined): string {
  return INTL_LOCALE[locale ?? 'fr'] ?? 'fr-FR';
}

/** `14 mars 2026`; a calendar date (`YYYY-MM-DD`) is shown as that day wherever the user is. */
export function formatDate(iso: string, locale: string | undefined): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const l = intlLocale(locale);
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', ...(iso.length === 10 ? { timeZone: 'UTC' } : {}) };
  return formatter(`d:${l}:${iso.length === 10}`, () => new Intl.DateTimeFormat(l, options)).format(date);
}

/** `14/03/2026 15:42`. */
export function formatDateTime(iso: string, locale: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const l = intlLocale(locale);
  return formatter(`dt:${l}`, () => new Intl.DateTimeFormat(l, { dateStyle: 'short', timeStyle: 'short' })).format(date);
}

/** `1,2 Mo` / `1.2 MB`. */
export function formatBytes(bytes: number, locale: string | undefined): string {
  const l = intlLocale(locale);
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return formatter(`b:${l}:${unit}`, () =>
    new Intl.NumberFormat(l, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }),
  ).format(value);
}

export function formatNumber(n: number, locale: string | undefined): string {
  const l = intlLocale(locale);
  return formatter(`n:${l}`, () => new Intl.NumberFormat(l)).format(n);
}

/** `42 %` / `42%`: a share of a whole, 0 to 1. */
export function formatPercent(ratio: number, locale: string | undefined): string {
  const l = intlLocale(locale);
  return formatter(`p:${l}`, () => new Intl.NumberFormat(l, { style: 'percent' })).format(ratio);
}

/**
 * Today as a calendar date (`YYYY-MM-DD`) where the user is: in France a minute after midnight
 * is already the next day, which `toISOString()` (UTC) would still call yesterday.
 */
export function localToday(): string {
  const d = new Date();
  const pad = (n: number) => n.toString().padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The first or last instant (ISO, UTC) of `day` (`YYYY-MM-DD`) where the user is, as a period
 * filter means it: the days the page shows its times in. Undefined for no such day (`2026-02-30`).
 */
export function localDayBound(day: string | undefined, end: boolean): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [year, month, date] = day.split('-').map(Number);
  const at = new Date(year!, month! - 1, date!, ...(end ? [23, 59, 59, 999] : [0, 0, 0, 0]));
  return at.getDate() === date && at.getMonth() === month! - 1 ? at.toISOString() : undefined;
}
