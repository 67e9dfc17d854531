import * as z from 'zod';

/** An ISO 8601 date-time with offset, as every timestamp on the wire. */
export const DateTimeSchema = z.iso.datetime({ offset: true });
/** A calendar date, `YYYY-MM-DD`. */
export const DateSchema = z.iso.date();

/** The envelope of every list: cursors are opaque and stable. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().optional(),
    total: z.number().int().nonnegative().optional(),
    /** Only for professionals: how many items the policy hid, by reason code. */
    hidden: z.record(z.string(), z.number().int().nonnegative()).optional(),
  });
}
export interface List<T> {
  items: T[];
  nextCursor?: string | undefined;
  total?: number | undefined;
  hidden?: Record<string, number> | undefined;
}
