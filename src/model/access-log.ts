import * as z from 'zod';
import { ACTIONS, REASON_CODES } from '../policy/types.js';
import { DateTimeSchema, listOf } from './common.js';

export const AccessModeSchema = z.enum(['normal', 'break-glass', 'regulation']);
export const ActionSchema = z.enum(ACTIONS);
export const ReasonCodeSchema = z.enum(REASON_CODES);

/** One line of the access history: written for every request, allowed or denied. */
export const AccessLogEntrySchema = z.object({
  id: z.string().min(1),
  at: DateTimeSchema,
  actor: z.object({
    kind: z.string().min(1),
    id: z.string().optional(),
    name: z.string().min(1),
    rpps: z.string().optional(),
    profession: z.string().optional(),
    organisation: z.string().optional(),
  }),
  action: ActionSchema,
  target: z.object({ documentId: z.string().optional(), title: z.string().optional() }).optional(),
  mode: AccessModeSchema,
  justification: z.string().optional(),
  outcome: z.enum(['allowed', 'denied']),
  reason: ReasonCodeSchema,
  /** Made under a minor's connexion secrète: hidden from legal representatives. */
  secret: z.boolean(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntrySchema>;
export const AccessLogListSchema = listOf(AccessLogEntrySchema);

/** `GET /dossiers/{ins}/access-log` query. */
export const AccessLogQuerySchema = z.object({
  mode: AccessModeSchema.optional(),
  actor: z.string().max(200).optional(),
  action: ActionSchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
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
