import type { DataChange } from './context/contexts.js';

export interface SessionExpiringDetail {
  /** Seconds left before the session ends, unless the user does something. */
  secondsLeft: number;
}

/** After a renewal, the seconds left from now, as `dmp-session-expiring` tells them. */
export type SessionRenewedDetail = SessionExpiringDetail;

export interface SessionExpiredDetail {
  /** Inactivity, in seconds, after which the session ended. */
  timeoutSeconds: number;
}

export interface UnauthorizedDetail {
  /** 401 when the server refused the request; undefined when `authHeaders` failed and nothing was sent. */
  status: number | undefined;
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
  'dmp-unauthorized': UnauthorizedDetail;
}

export type DmpEventName = keyof DmpEventDetails;

/** Every `dmp-*` event, as a listener receives it. */
export type DmpEventMap = { [N in DmpEventName]: CustomEvent<DmpEventDetails[N]> };

declare global {
  interface HTMLElementEventMap extends DmpEventMap {}
  // The events bubble out of shadow roots: a host may listen on the document or the window.
  interface DocumentEventMap extends DmpEventMap {}
  interface WindowEventMap extends DmpEventMap {}
}
