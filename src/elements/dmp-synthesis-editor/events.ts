import type { Synthesis, SynthesisContent } from '../../model/synthesis.js';

/** `dmp-synthesis-save-request` (cancelable): the content about to be sent, as validated. */
export interface SynthesisSaveRequestDetail {
  content: SynthesisContent;
}

/** `dmp-synthesis-saved`: the new version, as the server stored it. */
export interface SynthesisSavedDetail {
  synthesis: Synthesis;
}

/** `dmp-synthesis-conflict`: someone saved first; `current` is their version, `mine` the user's edits. */
export interface SynthesisConflictDetail {
  current: Synthesis;
  mine: SynthesisContent;
}

/** `dmp-draft-restored`: unsaved edits of this author were found on this device and reopened. */
export interface DraftRestoredDetail {
  ins: string;
  /** When the draft was last written. */
  savedAt: string;
  /** The version the edits started from; null when the synthesis did not exist yet. */
  baseVersion: number | null;
}

declare module '../../events.js' {
  interface DmpEventDetails {
    'dmp-synthesis-save-request': SynthesisSaveRequestDetail;
    'dmp-synthesis-saved': SynthesisSavedDetail;
    'dmp-synthesis-conflict': SynthesisConflictDetail;
    'dmp-draft-restored': DraftRestoredDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dmp-synthesis-save-request': CustomEvent<SynthesisSaveRequestDetail>;
    'dmp-synthesis-saved': CustomEvent<SynthesisSavedDetail>;
    'dmp-synthesis-conflict': CustomEvent<SynthesisConflictDetail>;
    'dmp-draft-restored': CustomEvent<DraftRestoredDetail>;
  }
}
