import type { DataChange } from './context/contexts.js';

export interface SessionExpiringDetail {
  /** Seconds left before the session ends, unless the user does something. */
  secondsLeft: number;
}

export interface SessionRenewedDetail {
  /** Seconds from now before the session ends, unless the user does something. */
  secondsLeft: number;
}

export interface SessionExpiredDetail {
  /** Inactivity, in seconds, after which the session ended. */
  timeoutSeconds: number;
}

/**
 * Detail types of every `dmp-*` event, by name. Elements emit only names listed here, and the
 * global `HTMLElementEventMap` below makes `addEventListener` typed for integrators.
 */
export interface DmpEventDetails {
  'dmp-session-expiring': SessionExpiringDetail;
  'dmp-session-renewed': SessionRenewedDetail;
  'dmp-session-expired': SessionExpiredDetail;
  'dmp-data-changed': DataChange;
}

export type DmpEventName = keyof DmpEventDetails;

/** Every `dmp-*` event, as a listener receives it. */
export type DmpEventMap = { [N in DmpEventName]: CustomEvent<DmpEventDetails[N]> };

declare global {
  interface HTMLElementEventMap {
    'dmp-session-expiring': CustomEvent<SessionExpiringDetail>;
    'dmp-session-renewed': CustomEvent<SessionRenewedDetail>;
    'dmp-session-expired': CustomEvent<SessionExpiredDetail>;
    'dmp-data-changed': CustomEvent<DataChange>;
  }
  // The events bubble out of shadow roots: a host may listen on the document or the window.
  interface DocumentEventMap extends DmpEventMap {}
  interface WindowEventMap extends DmpEventMap {}
}
