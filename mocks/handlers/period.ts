/**
 * Whether the instant `at` falls in the period a search asks for. A day bound (`YYYY-MM-DD`) is a
 * UTC day; an instant bound, as a page sends for its user's own days, is compared as an instant.
 */
export function withinPeriod(at: string, { from, to }: { from?: string | undefined; to?: string | undefined }): boolean {
  const day = at.slice(0, 10);
  const instant = Date.parse(at);
  if (from && (from.length > 10 ? instant < Date.parse(from) : day < from)) return false;
  if (to && (to.length > 10 ? instant > Date.parse(to) : day > to)) return false;
  return true;
}
