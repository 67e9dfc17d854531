import * as z from '../zod.js';
import { ACCESS_MODES, ACTIONS, REASON_CODES } from '../policy/types.js';
import { DateTimeSchema, NonEmptySchema, PeriodBoundSchema, listOf } from './common.js';
import { LimitSchema } from './document.js';

export const AccessModeSchema = z.enum(ACCESS_MODES);
export const ActionSchema = z.enum(ACTIONS);
export const ReasonCodeSchema = z.enum(REASON_CODES);

/** One line of the access history: written for every request, allowed or denied. */
export const AccessLogEntrySchema = z.object({
  id: NonEmptySchema,
  at: DateTimeSchema,
  actor: z.object({
    kind: NonEmptySchema,
    id: z.optional(z.string()),
    name: NonEmptySchema,
    rpps: z.optional(z.string()),
    profession: z.optional(z.string()),
    organisation: z.optional(z.string()),
  }),
  action: ActionSchema,
  target: z.optional(z.object({ documentId: z.optional(z.string()), title: z.optional(z.string()) })),
  mode: AccessModeSchema,
  justification: z.optional(z.string()),
  outcome: z.enum(['allowed', 'denied']),
  reason: ReasonCodeSchema,
  /** Made under a minor's connexion secrète: hidden from legal representatives. */
  secret: z.boolean(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntrySchema>;
export const AccessLogListSchema = listOf(AccessLogEntrySchema);

/** `GET /dossiers/{ins}/access-log` query. */
export const AccessLogQuerySchema = z.object({
  mode: z.optional(AccessModeSchema),
  actor: z.optional(z.string().check(z.maxLength(200))),
  action: z.optional(ActionSchema),
  from: z.optional(PeriodBoundSchema),
  to: z.optional(PeriodBoundSchema),
  cursor: z.optional(z.string()),
  limit: z.optional(LimitSchema),
});
export type AccessLogQuery = z.infer<typeof AccessLogQuerySchema>;

/** A notification the backend queued for the patient (the mock's outbox). */
export const NotificationSchema = z.object({
  id: z.string(),
  at: DateTimeSchema,
  ins: z.string(),
  channel: z.enum(['email', 'sms', 'none']),
  event: z.enum(['new-document', 'first-access', 'emergency-access', 'invisible-document-pending', 'dossier-created']),
  text: z.string(),
});
export type Notification = z.infer<typeof NotificationSchema>;
