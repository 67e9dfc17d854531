import type { Prevention, PreventionContent } from '../../model/prevention.js';
import type { Synthesis, SynthesisContent } from '../../model/synthesis.js';
import type { EditorContent } from './entries.js';

/**
 * `dmp-synthesis-save-request` (cancelable): what is about to be sent, as validated: the VSM's
 * content and the vaccinations and screenings, saved as their own documents.
 */
export interface SynthesisSaveRequestDetail {
  /** The patient, as the host spells `patient-ins`. */
  ins: string;
  content: SynthesisContent;
  prevention: PreventionContent;
}

/** `dmp-synthesis-saved`: the new version, as the server stored it. */
export interface SynthesisSavedDetail {
  /**
   * The patient, as the host spelled `patient-ins` when the save left: a save goes on when the
   * host shows another patient meanwhile.
   */
  ins: string;
  synthesis: Synthesis;
}

/**
 * `dmp-synthesis-conflict`: someone saved first (or, on load, since the draft reopened began);
 * `current` and `prevention` are what the server holds now (null when none), `mine` the user's
 * edits, prevention lists included, as the form holds them: not checked yet, and a problem's
 * `code` may be a CIM-10 text typed and not picked from the list (`{ typed }`, with the code
 * picked before, if any). The editor never saves such a content; a host that would must check it
 * first.
 */
export interface SynthesisConflictDetail {
  /**
   * The patient, as the host spelled `patient-ins` when the save left (or when the draft was
   * reopened): a save goes on when the host shows another patient meanwhile.
   */
  ins: string;
  current: Synthesis | null;
  prevention: Prevention | null;
  mine: EditorContent;
}

/** `dmp-prevention-saved`: the vaccinations and screenings were saved, as the server stored them. */
export interface PreventionSavedDetail {
  /**
   * The patient, as the host spelled `patient-ins` when the save left: a save goes on when the
   * host shows another patient meanwhile.
   */
  ins: string;
  prevention: Prevention;
}

/** `dmp-draft-restored`: unsaved edits of this author, kept on this device, were reopened. */
export interface DraftRestoredDetail {
  ins: string;
  /** When the draft was last written. */
  savedAt: string;
  /** The version the edits started from; null when the document did not exist yet. */
  baseVersion: number | null;
}

declare module '../../events.js' {
  interface DmpEventDetails {
    'dmp-synthesis-save-request': SynthesisSaveRequestDetail;
    'dmp-synthesis-saved': SynthesisSavedDetail;
    'dmp-synthesis-conflict': SynthesisConflictDetail;
    'dmp-prevention-saved': PreventionSavedDetail;
    'dmp-draft-restored': DraftRestoredDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dmp-synthesis-save-request': CustomEvent<SynthesisSaveRequestDetail>;
    'dmp-synthesis-saved': CustomEvent<SynthesisSavedDetail>;
    'dmp-synthesis-conflict': CustomEvent<SynthesisConflictDetail>;
    'dmp-prevention-saved': CustomEvent<PreventionSavedDetail>;
    'dmp-draft-restored': CustomEvent<DraftRestoredDetail>;
  }
}
