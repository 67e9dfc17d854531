import type { EmergencyMode } from '../../client/types.js';
import type { EmergencyGrant } from '../../model/dossier.js';
import type { ReasonCode } from '../../policy/types.js';

export interface BreakGlassRequestDetail {
  /** The patient the access is asked for. */
  ins: string;
  mode: EmergencyMode;
  /** The justification as it will be sent and logged. */
  justification: string;
}

export interface BreakGlassGrantedDetail {
  /** The patient the grant opens. */
  ins: string;
  /** Sent by the provider as `DMP-Access-Grant` on later requests about its patient, until it ends. */
  grant: EmergencyGrant;
}

export interface BreakGlassRefusedDetail {
  /** The patient the access was refused for. */
  ins: string;
  /** The policy's reason, as the server gave it. */
  reason: ReasonCode;
}

declare module '../../events.js' {
  interface DmpEventDetails {
    'dmp-break-glass-request': BreakGlassRequestDetail;
    'dmp-break-glass-granted': BreakGlassGrantedDetail;
    'dmp-break-glass-refused': BreakGlassRefusedDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dmp-break-glass-request': CustomEvent<BreakGlassRequestDetail>;
    'dmp-break-glass-granted': CustomEvent<BreakGlassGrantedDetail>;
    'dmp-break-glass-refused': CustomEvent<BreakGlassRefusedDetail>;
  }
}
