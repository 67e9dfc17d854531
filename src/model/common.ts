import * as z from '../zod.js';

/** An ISO 8601 date-time with offset, as every timestamp on the wire. */
export const DateTimeSchema = z.iso.datetime({ offset: true });
/** A calendar date, `YYYY-MM-DD`. */
export const DateSchema = z.iso.date();
/**
 * A bound of a period searched: a day (`YYYY-MM-DD`, a UTC day) or an instant, so that a page can
 * ask for its user's own days (in Paris, 23 January starts at 22 January, 23:00 UTC).
 */
export const PeriodBoundSchema = z.union([DateSchema, DateTimeSchema]);

/** The envelope of every list: cursors are opaque and stable. */
export function listOf<T extends z.ZodMiniType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.optional(z.string()),
    total: z.optional(z.int().check(z.nonnegative())),
    /**
     * Only for professionals: how many items the policy hid from them, by reason code. Documents
     * are counted over the whole dossier, whatever the search's filters: a count that followed
     * them would tell the date, kind or author of what is masked.
     */
    hidden: z.optional(z.record(z.string(), z.int().check(z.nonnegative()))),
  });
}
export interface List<T> {
  items: T[];
  nextCursor?: string | undefined;
  total?: number | undefined;
  hidden?: Record<string, number> | undefined;
}

/** A string trimmed of surrounding white space, then between `min` and `max` characters. */
export function trimmed(min: number, max: number) {
  return z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
}

/** A string of at least one character, not trimmed (identifiers, codes). */
export const NonEmptySchema = z.string().check(z.minLength(1));
