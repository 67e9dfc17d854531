import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { answeredUnreadably, isDmpError, undefinedIfNotFound } from '../../client/errors.js';
import { lazyModule } from '../../client/lazy-module.js';
import { changesAccess } from '../../context/contexts.js';
import { DraftAutosave } from '../../drafts/autosave.js';
import { deleteDraft, draftAuthor, draftKey, readDraft, writeDraft, type Draft } from '../../drafts/draft-store.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { errorText, isRetryable } from '../../i18n/error-text.js';
import { reasonText } from '../../i18n/labels.js';
import { decisionRefusalText } from '../../i18n/decision-refusal-text.js';
import { nominalDocument } from '../../model/nominal-document.js';
import { normalizeNir } from '../../model/nir-spelling.js';
import type { PatientDisplay } from '../../model/patient.js';
import type { Prevention, PreventionContent } from '../../model/prevention.js';
import type { Synthesis, SynthesisContent } from '../../model/synthesis.js';
import { emptySynthesisContent } from '../../model/synthesis-shape.js';
import type { Decision, ReasonCode } from '../../policy/types.js';
import { announceIn } from '../base/announcement.js';
import { LazyView } from '../base/lazy-view.js';
import { renderPatientLine } from '../base/patient-line.js';
import { DmpElement, levelHeadings } from '../base/dmp-element.js';
import { baseStyles } from '../base/styles.js';
import { sameValue } from '../base/same-value.js';
import { ENTRY_LISTS, contentOf, splitContent, type EditorContent, type ServerSide, type ShownContent } from './entries.js';
import type { ConflictView, SavedMeanwhile } from './compare-view.js';
import { styles } from './dmp-synthesis-editor.styles.js';
import './events.js';
import { renderReadView, type ViewOptions } from './read-view.js';
import { groupHeading, type Wording } from './fields.js';
import type { Combo, EditView } from './edit-view.js';
import type { EditorHost } from './editing.js';
import type { FieldProblem, Refusals, ValidationResult } from './validation.js';

/** What the first load found out: what the user may do, the current versions, their draft. */
interface Loaded {
  key: string;
  ins: string;
  /** Set when the user may not read the synthesis. */
  refused?: ReasonCode | undefined;
  canWrite: boolean;
  /** The policy's answer on writing the synthesis. */
  write: Decision;
  synthesis: Synthesis | null;
  prevention: Prevention | null;
  /** Set when the user may not edit the vaccinations and screenings (or not read them): why. */
  preventionLock?: ReasonCode | undefined;
  /** Whether the vaccinations and screenings were refused to the user: they are not shown. */
  preventionHidden: boolean;
  /**
   * Why the vaccinations and screenings could not be read (a server or network fault): the VSM
   * is still shown and saved, and the prevention group waits, unwritten, for the next load. Edits
   * made to them before stop a save (see #send): saved without them, they would be lost.
   */
  preventionError?: unknown;
  draft?: Draft<ShownContent> | undefined;
  /** The VSM version the draft started from, when the server has moved on since. */
  draftBase?: SynthesisContent | undefined;
}

/** The versions the user's edits start from: their ETags go with the saves as `If-Match`. */
interface Base {
  etag: string;
  version: number | null;
  prevention: { etag: string; version: number | null };
  /** Undefined when a restored draft's starting version could not be fetched. */
  content: EditorContent | undefined;
}

/** Editing starts from what the server holds, or from nothing when there is none yet. */
function baseOf(side: ServerSide): Base & { content: EditorContent } {
  return {
    etag: side.synthesis?.etag ?? '',
    version: side.synthesis?.version ?? null,
    prevention: { etag: side.prevention?.etag ?? '', version: side.prevention?.version ?? null },
    content: contentOf(side),
  };
}

/**
 * A record the server holds that the edits did not start from (`etag`): saved meanwhile, or
 * `null` when deleted meanwhile; undefined when it has not changed.
 */
function changedSince<T extends { etag: string }>(now: T | null, etag: string): T | null | undefined {
  if (now === null) return etag === '' ? undefined : null;
  return now.etag === etag ? undefined : now;
}

/** A synthesis with no document yet is read under the synthesis category's rules. */
const NEW_SYNTHESIS_DOCUMENT = nominalDocument('synthesis');

/** The vaccination history stands for the prevention record before it has documents. */
const NEW_PREVENTION_DOCUMENT = nominalDocument('prevention', '11369-6');

function isVersioned(value: unknown): value is { version: number; etag: string; content: object } {
  return typeof value === 'object' && value !== null && 'content' in value && 'etag' in value && 'version' in value;
}

/** The version a 412 names, which the client parsed with the route's schema: the record written. */
function conflictCurrent(error: unknown): { version: number; etag: string; content: object } | undefined {
  return isDmpError(error) && error.kind === 'conflict' && isVersioned(error.current) ? error.current : undefined;
}

/** Why the vaccinations and screenings are not shown (`editing`: not editable) here. */
function preventionWithheld(loaded: Loaded, editing = false): string {
  if (loaded.preventionError !== undefined) return msg(str`Vaccinations et dépistages indisponibles : ${errorText(loaded.preventionError)}`);
  const why = reasonText(loaded.preventionLock ?? 'not-authorized');
  return editing ? msg(str`Vaccinations et dépistages non modifiables ici : ${why}`) : why;
}

/** Whether a save may write the vaccinations and screenings: the user may, and they were read. */
function preventionWritable(loaded: Loaded): boolean {
  return loaded.preventionLock === undefined && loaded.preventionError === undefined;
}

function isPreventionContent(value: unknown): value is PreventionContent {
  const content = value as Record<string, unknown> | null;
  return typeof content === 'object' && content !== null && Array.isArray(content.vaccinations) && Array.isArray(content.screenings);
}

/**
 * A draft read back from the device is trusted only if it still has the shape of a synthesis.
 * One without the prevention lists holds edits of the VSM alone: those lists are the server's.
 */
function isDraftContent(value: unknown): value is ShownContent {
  const content = value as Record<string, unknown> | null;
  const isList = (list: string) => Array.isArray(content![list]) && (content![list] as unknown[]).every((e) => typeof (e as { id?: unknown })?.id === 'string');
  return (
    typeof content === 'object' &&
    content !== null &&
    ENTRY_LISTS.every((list) => isList(list) || ((list === 'vaccinations' || list === 'screenings') && content[list] === undefined))
  );
}

/** The comparison of two versions and the conflict panel: occasional, fetched when first needed. */
const loadCompareView = lazyModule(() => import('./compare-view.js'), 'The comparison', 'renderConflict');

/** The editor's form: only an author needs it. */
const loadEditView = lazyModule(() => import('./edit-view.js'), 'The editor', 'renderEditor');

/** The schema checks: only an author needs them. */
const loadSchemaCheck = lazyModule(() => import('./schema-check.js'), 'The synthesis checks', 'validateContent');

/**
 * The volet de synthèse médicale (VSM) of one patient: a read view for everyone allowed to read
 * it (in plain words for the patient), and for the médecin traitant an editor with validation as
 * they type, coded suggestions (CIM-10, drugs by CIS), drafts kept on the device, versions and
 * their comparison, and a merge when someone saved in between. Vaccinations and screenings are
 * shown and edited beside it, and saved as their own documents (DECISIONS.md 1).
 *
 * @tagname dmp-synthesis-editor
 * @summary Reads and edits the patient's medical synthesis (VSM), with versions and drafts.
 *
 * @fires {CustomEvent<SynthesisSaveRequestDetail>} dmp-synthesis-save-request - Cancelable; the validated content is about to be saved for the patient `ins`. Call `preventDefault()` to stop the save.
 * @fires {CustomEvent<SynthesisSavedDetail>} dmp-synthesis-saved - A new version was saved; `detail.synthesis` is the server's copy, `ins` its patient (a save goes on when the host shows another patient meanwhile).
 * @fires {CustomEvent<PreventionSavedDetail>} dmp-prevention-saved - The vaccinations and screenings were saved (their own documents); `detail.prevention` is the server's copy, `ins` their patient.
 * @fires {CustomEvent<SynthesisConflictDetail>} dmp-synthesis-conflict - Someone saved another version first; the user's edits are kept in `detail.mine`, `ins` names their patient.
 * @fires {CustomEvent<DraftRestoredDetail>} dmp-draft-restored - Unsaved edits of this author were found on this device and reopened.
 *
 * @csspart base - The whole element.
 * @csspart patient - The patient's identity, when the `patient` property is set.
 * @csspart header - The title, the patient and the version shown.
 * @csspart toolbar - The buttons of the header (edit, print).
 * @csspart read - The read view.
 * @csspart group - One group of the read view (problems, allergies…).
 * @csspart entry - One entry, in the read view and in the editor.
 * @csspart editor - The editing form.
 * @csspart actions - The save and discard buttons.
 * @csspart conflict - The panel shown when someone saved in between.
 * @csspart diff - A list of changes between two versions.
 * @csspart change - One change in such a list.
 * @csspart versions - The history of versions.
 *
 * @cssprop [--dmp-color-diff-added=#e6f4ea] - Background of an added entry in a comparison.
 * @cssprop [--dmp-color-diff-removed=#fdecea] - Background of a removed entry in a comparison.
 * @cssprop [--dmp-color-diff-changed=#fff4d6] - Background of a changed entry in a comparison.
 * @cssprop [--dmp-color-backdrop=rgb(0 0 0 / 0.4)] - Backdrop behind the confirmation dialog.
 */
export class DmpSynthesisEditor extends DmpElement {
  static override styles = [baseStyles, styles];

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  @state() private loaded: Loaded | undefined;
  /** The latest versions the server gave us (what the read view shows). */
  @state() private current: Synthesis | null = null;
  @state() private currentPrevention: Prevention | null = null;
  @state() private base: Base = baseOf({ synthesis: null, prevention: null });
  /** The user's working copy. */
  @state() private work: EditorContent = contentOf({ synthesis: null, prevention: null });
  /** The work checked by the schema; unknown (no problem, not ok) until the checks are in. */
  @state() private check: ValidationResult = { ok: false, problems: new Map() };
  /** Fields the user has been in: their problems are shown. */
  @state() private touched: ReadonlySet<string> = new Set();
  /** After a save attempt every problem is shown. */
  @state() private showAll = false;
  /** Fields holding text that is no value yet: a date the browser cannot read. */
  @state() private badInputs: ReadonlyMap<string, FieldProblem> = new Map();
  /** What the server refused the last failed save for. */
  @state() private refused: Refusals | undefined;
  /**
   * The patients (their `Loaded.key`) whose save is on its way: the host may show another patient
   * meanwhile, whose editor is not busy with it.
   */
  @state() private savingFor: ReadonlySet<string> = new Set();
  @state() private saveError: unknown;
  /** Which record the failed save could not write: the VSM, or the vaccinations and screenings after it. */
  @state() private unsaved: keyof ServerSide = 'synthesis';
  /** Whether the edits were last written to this device (IndexedDB), to say where they are kept. */
  @state() private onDevice = false;
  /** What the last save wrote. */
  @state() private saved: { synthesis?: Synthesis | undefined; prevention?: Prevention | undefined } | undefined;
  @state() private conflict: { server: ServerSide; picks: Record<string, 'mine' | 'theirs'> } | undefined;
  @state() private restoredAt: string | undefined;
  @state() private combo: Combo | undefined;
  /** The editor's form and the comparison views, each fetched when first needed, with their styles. */
  readonly #editForm = new LazyView(this, loadEditView, () => this.#adoptModuleStyles());
  readonly #comparison = new LazyView(this, loadCompareView, () => this.#adoptModuleStyles());
  /** The state the editing actions (in the form's module) read and change. */
  readonly #editorHost: EditorHost = ((el) => ({
    get work() {
      return el.work;
    },
    setWork: (content) => el.#setWork(content),
    get touched() {
      return el.touched;
    },
    set touched(keys) {
      el.touched = keys;
    },
    get badInputs() {
      return el.badInputs;
    },
    set badInputs(inputs) {
      el.badInputs = inputs;
    },
    get combo() {
      return el.combo;
    },
    set combo(combo) {
      el.combo = combo;
    },
    get rendering() {
      return el.#rendering;
    },
    announce: (text) => el.#announce(text),
    focusLater: (selector) => el.#focusLater(selector),
  }))(this);
  @state() private viewedVersion: number | undefined;
  @state() private versionsOpen = false;
  @state() private printing = false;
  @state() private confirmation: { text: string; action: string; run: () => void } | undefined;

  /** INS (NIR) of the patient whose synthesis is shown. */
  @property({ attribute: 'patient-ins' }) patientIns = '';

  /**
   * The level of the element's title in the host page's outline, a whole number from 1 (2 when
   * unset or not one); its other headings follow, one level down each. Screen reader users move
   * through a page by its headings: give one more than the level of the heading the element sits
   * under.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: number | undefined;

  /** The patient as the host knows them (qualified identity), shown as the patient's identity. */
  @property({ attribute: false }) patient: PatientDisplay | undefined;

  /** Whether the editor is open; it opens only for a user the policy lets write the synthesis. */
  @property({ type: Boolean, reflect: true }) editing = false;

  readonly #autosave = new DraftAutosave(this, () => this.#writeDraft());
  #rendering = false;
  #ownRevision: number | undefined;
  #confirmTrigger: HTMLElement | null = null;

  readonly #load = new Task(this, {
    task: async ([ins, author], { signal }): Promise<Loaded | typeof initialState> => {
      const { client, policy, actor } = this;
      // Nothing is read outside a session: after a logout, or once it expired.
      if (!ins || !author || !client || !policy || !actor || this.session?.state !== 'active') return initialState;
      const key = draftKey(author, ins);
      const dossier = await this.dossierInfo(ins, { signal });
      const request = this.policyRequest(ins);
      const ask = (action: 'synthesis.read' | 'synthesis.write') =>
        policy.decide({ actor, action, dossier: dossier.policy, document: NEW_SYNTHESIS_DOCUMENT, request });
      const read = ask('synthesis.read');
      const write = ask('synthesis.write');
      const result: Loaded = { key, ins, canWrite: write.allowed, write, synthesis: null, prevention: null, preventionHidden: false };
      if (!read.allowed) return { ...result, refused: read.reason, canWrite: false };
      const askPrevention = (action: 'document.read' | 'document.add') =>
        policy.decide({ actor, action, dossier: dossier.policy, document: NEW_PREVENTION_DOCUMENT, request });
      const readPrevention = askPrevention('document.read');
      // An integrator's gateway may say "none yet" with a 404 rather than a 204.
      const [synthesis, prevention] = await Promise.all([
        undefinedIfNotFound(() => client.getSynthesis(ins, { signal })),
        readPrevention.allowed ? this.#readPrevention(ins, signal) : { refused: readPrevention.reason },
      ]);
      result.synthesis = synthesis ?? null;
      if ('refused' in prevention) {
        result.preventionHidden = true;
        result.preventionLock = prevention.refused;
      } else if ('failed' in prevention) {
        result.preventionHidden = true;
        result.preventionError = prevention.failed;
      } else {
        result.prevention = prevention.record;
        const addPrevention = askPrevention('document.add');
        if (!addPrevention.allowed) result.preventionLock = addPrevention.reason;
      }
      if (!write.allowed) return result;
      const draft = await readDraft<ShownContent>(key).catch(() => undefined);
      if (!draft || !isDraftContent(draft.content)) return result;
      result.draft = draft;
      if (draft.baseVersion !== null && draft.baseVersion !== result.synthesis?.version) {
        result.draftBase = await client.getSynthesisVersion(ins, draft.baseVersion, { signal }).then(
          (s) => s.content,
          () => undefined,
        );
      }
      return result;
    },
    // A new sitting (a logout and a login, an expiry and its end) reads again: a grant may be gone.
    args: () => [this.#ins, this.#authorKey, this.client, this.policy, this.sitting, this.session?.state] as const,
    onComplete: (value) => this.#adopt(value as Loaded),
  });

  /**
   * The version list, read while it is open and only once the load has let this user read this
   * patient's synthesis: another patient or user empties it until then, so that nobody sees the
   * previous one's list, and no refused read lands in a patient's history.
   */
  readonly #versions = new Task(this, {
    // Drawn by the comparison's module, fetched before the list: a read whose view then failed to
    // come would be a line in the patient's history for nothing, and again at each Retry.
    task: async ([ins, key, refused, , open, , state], { signal }) => {
      if (!open || state !== 'active' || key !== this.#key || refused) return initialState;
      await loadCompareView();
      return (await this.client!.listSynthesisVersions(ins, { signal })).items;
    },
    // Read again when a version is saved, not at every reload of the rest.
    args: () =>
      [this.#ins, this.loaded?.key, this.loaded?.refused, this.current?.version, this.versionsOpen, this.sitting, this.session?.state] as const,
  });

  readonly #version = new Task(this, {
    // Drawn by the comparison's module, here before the version is read (see #versions): with
    // the version, the view can take the focus.
    task: async ([ins, v], { signal }) => {
      if (v === undefined) return initialState;
      await loadCompareView();
      return this.client!.getSynthesisVersion(ins, v, { signal });
    },
    args: () => [this.#ins, this.viewedVersion] as const,
    onComplete: () => void this.#focusLater('.version-view h3'),
  });

  /**
   * The vaccinations and screenings, or why they are refused to the user (a masked document…), or
   * why they could not be read: either way, the VSM beside them still loads.
   */
  async #readPrevention(ins: string, signal: AbortSignal): Promise<{ record: Prevention | null } | { refused: ReasonCode } | { failed: unknown }> {
    try {
      return { record: (await undefinedIfNotFound(() => this.client!.getPrevention(ins, { signal }))) ?? null };
    } catch (error) {
      if (isDmpError(error) && error.kind === 'forbidden') return { refused: error.reason ?? 'not-authorized' };
      if (signal.aborted) throw error;
      return { failed: error };
    }
  }

  /** The record as the server holds it now; null when it has none. */
  async #readCurrent(record: keyof ServerSide, ins: string): Promise<ServerSide[keyof ServerSide]> {
    const client = this.client!;
    const found = record === 'synthesis' ? await undefinedIfNotFound(() => client.getSynthesis(ins)) : await undefinedIfNotFound(() => client.getPrevention(ins));
    return found ?? null;
  }

  /** What the server holds, as far as the editor knows. */
  get #serverSide(): ServerSide {
    return { synthesis: this.current, prevention: this.currentPrevention };
  }

  get #authorKey(): string {
    return draftAuthor(this.actor);
  }

  /** The patient, however the host spells their INS: another spelling is no other patient. */
  get #ins(): string {
    return normalizeNir(this.patientIns);
  }

  /** The author and patient shown: what `Loaded.key` must be for the load to be theirs. */
  get #key(): string {
    return draftKey(this.#authorKey, this.#ins);
  }

  /** Whether a save of the patient shown is on its way. */
  get #saving(): boolean {
    return this.savingFor.has(this.loaded?.key ?? '');
  }

  /** Marks the save of `key` as on its way, or (`busy` false) as over. */
  #markSaving(key: string, busy: boolean): void {
    const keys = new Set(this.savingFor);
    if (busy) keys.add(key);
    else keys.delete(key);
    this.savingFor = keys;
  }

  /** The patient and their representatives read the synthesis in plain words. */
  get #plain(): Wording {
    const kind = this.actor?.kind;
    return kind === 'patient' ? kind : kind === 'legal-representative' && 'representative';
  }

  get #view(): ViewOptions {
    return { locale: this.locale, plain: this.#plain };
  }

  get #dirty(): boolean {
    return !sameValue(this.work, this.base.content);
  }

  get #problemCount(): number {
    return this.check.problems.size + this.badInputs.size;
  }

  readonly #handleBeforePrint = () => {
    this.printing = true;
  };
  readonly #handleAfterPrint = () => {
    this.printing = false;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.#handleBeforePrint);
    window.addEventListener('afterprint', this.#handleAfterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.#handleBeforePrint);
    window.removeEventListener('afterprint', this.#handleAfterPrint);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A version of another patient, or one another user opened, is not asked for nor shown.
    const otherPatient = changed.has('patientIns') && normalizeNir(changed.get('patientIns') ?? '') !== this.#ins;
    if (otherPatient || this.userLeft(changed)) this.viewedVersion = undefined;
    const ended = changed.has('session') && this.session?.state === 'expired';
    // A logout takes the user's edits away with them (DECISIONS.md 10): nothing is written, nothing comes back.
    if (this.loggedOut()) this.#forgetEdits();
    // Pending edits are written under their author and patient before either changes.
    else if (changed.has('actor') || otherPatient || ended) void this.#autosave.flush();
    const change = changed.has('dataChange') ? this.takeDataChange(this.patientIns, this.#ownRevision) : undefined;
    // The synthesis, the documents (prevention's among them), or who may read and write them.
    if (change && (change.topics.includes('synthesis') || change.topics.includes('documents') || changesAccess(change.topics))) {
      void this.#load.run();
    }
    // A conflict or a version to compare: the views that draw them are fetched now.
    if (this.conflict || this.viewedVersion !== undefined) this.#comparison.request();
  }

  protected override update(changed: PropertyValues): void {
    this.#rendering = true;
    try {
      super.update(changed);
    } finally {
      this.#rendering = false;
    }
    levelHeadings(this.renderRoot, this.headingLevel);
  }

  /** Takes in what the load found, keeping unsaved edits of the same author on the same patient. */
  #adopt(loaded: Loaded): void {
    const same = this.loaded?.key === loaded.key;
    const keepEdits = same && this.editing && this.#dirty;
    // The notice of a save stays while the server holds nothing newer.
    const stillSaved = same && this.current?.version === loaded.synthesis?.version && this.currentPrevention?.version === loaded.prevention?.version;
    this.loaded = loaded;
    this.current = loaded.synthesis;
    this.currentPrevention = loaded.prevention;
    // An author will edit: the checks are fetched now rather than at the first keystroke.
    if (loaded.canWrite) {
      void this.#loadValidate();
      this.#editForm.request();
    }
    if (keepEdits) return;
    const synthesis = loaded.synthesis;
    const prevention = loaded.prevention;
    const start = baseOf(this.#serverSide);
    this.base = start;
    this.conflict = undefined;
    this.saveError = undefined;
    if (!stillSaved) this.saved = undefined;
    this.touched = new Set();
    this.badInputs = new Map();
    this.showAll = false;
    this.restoredAt = undefined;
    // Another screen's change reloads the same synthesis: the older version the user is reading
    // stays open while it is still an older version.
    const viewed = this.viewedVersion;
    if (!same || viewed === undefined || !synthesis || viewed >= synthesis.version) this.viewedVersion = undefined;
    const draft = loaded.draft;
    if (!loaded.canWrite || !draft) {
      this.#setWork(structuredClone(start.content), false);
      if (!loaded.canWrite) this.editing = false;
      return;
    }
    // A draft begun before any VSM started from nothing; one whose starting version could not be
    // fetched started from something unknown, and is not merged as if from nothing.
    const baseSynthesis =
      draft.baseVersion === start.version ? splitContent(start.content).synthesis : draft.baseVersion === null ? emptySynthesisContent() : loaded.draftBase;
    const serverPrevention = splitContent(start.content).prevention;
    const withPrevention = draft.content.vaccinations !== undefined;
    const companion = withPrevention ? draft.companion : { etag: prevention?.etag ?? null, version: prevention?.version ?? null, content: serverPrevention };
    const basePrevention = companion && isPreventionContent(companion.content) ? companion.content : undefined;
    this.base = {
      etag: draft.baseEtag ?? '',
      version: draft.baseVersion,
      prevention: { etag: companion?.etag ?? '', version: companion?.version ?? null },
      content: baseSynthesis && basePrevention && { ...baseSynthesis, ...basePrevention },
    };
    // Lists the user may not edit (or the draft does not hold) are the server's; unread ones stay
    // as the draft has them, for the next load.
    const own = withPrevention && (preventionWritable(loaded) || loaded.preventionError !== undefined);
    this.#setWork({ ...serverPrevention, ...draft.content, ...(own ? {} : serverPrevention) }, false);
    this.onDevice = true;
    this.editing = true;
    this.restoredAt = draft.savedAt;
    this.emit('dmp-draft-restored', { ins: this.patientIns, savedAt: draft.savedAt, baseVersion: draft.baseVersion });
    // The server moved on while the draft waited: say so now rather than at the save.
    const movedOn =
      changedSince(synthesis, draft.baseEtag ?? '') !== undefined ||
      (preventionWritable(loaded) && changedSince(prevention, companion?.etag ?? '') !== undefined);
    if (movedOn) this.#enterConflict(this.#serverSide, this.patientIns, false);
  }

  #setWork(content: EditorContent, edited = true): void {
    this.work = content;
    this.#recheck();
    if (!edited) return;
    this.saved = undefined;
    this.#autosave.schedule();
  }

  /** Drops the unsaved edits without writing them: the view goes back to the server's version. */
  #forgetEdits(): void {
    this.#autosave.cancel();
    this.editing = false;
    if (this.loaded) this.#adopt({ ...this.loaded, draft: undefined, draftBase: undefined });
  }

  /** Writes the draft (or forgets it when the edits were undone). */
  async #writeDraft(): Promise<void> {
    // Removed right after a logout, before its update: the edits leave with the user (DECISIONS.md 10).
    if (this.loggedOut()) return;
    const loaded = this.loaded;
    if (!loaded?.canWrite) return;
    const key = loaded.key;
    const base = this.base;
    const draft: Draft<EditorContent> = {
      content: this.work,
      baseEtag: base.etag || null,
      baseVersion: base.version,
      savedAt: new Date().toISOString(),
      companion: { etag: base.prevention.etag || null, version: base.prevention.version, content: base.content && splitContent(base.content).prevention },
    };
    // Without IndexedDB (private browsing on some browsers) the edits live in memory only, and
    // a failed save says so rather than promise the device keeps them.
    this.onDevice = await (this.#dirty ? writeDraft(key, draft) : deleteDraft(key)).then(
      () => this.#dirty,
      () => false,
    );
  }

  #announce(text: string): void {
    announceIn(this.renderRoot.querySelector('#announcer'), text);
  }

  /**
   * The save error is no live region: focused, it is read once. A user who went elsewhere on the
   * page meanwhile keeps their focus, and hears it from the element's live region instead. The
   * first field the server refused takes the focus before the error.
   */
  async #showSaveError(): Promise<void> {
    const refused = [...(this.#refusals?.fields ?? [])].filter(([, refusal]) => refusal.stands(this.work));
    await this.#focusLater([...refused.map(([key]) => this.#fieldSelector(key)), '.save-error'].join());
    const error = this.renderRoot.querySelector<HTMLElement>('.save-error');
    if (error && !error.matches(':focus')) this.#announce(error.textContent!.replace(/\s+/g, ' ').trim());
  }

  /**
   * Focuses `selector` once the pending (or a new) render is done, unless the user went elsewhere
   * meanwhile (a slow save, a version still loading); resolves with what it focused.
   */
  async #focusLater(selector: string): Promise<HTMLElement | null | undefined> {
    this.requestUpdate();
    await this.updateComplete;
    const target = this.focusIsOurs() ? this.renderRoot.querySelector<HTMLElement>(selector) : undefined;
    target?.focus();
    return target;
  }

  #startEditing(): void {
    // A date half typed when the form last closed is not in this one's fields.
    this.badInputs = new Map();
    this.editing = true;
    this.saved = undefined;
    void this.#focusLater('.editor [data-key], .editor .add');
  }

  #stopEditing(): void {
    this.badInputs = new Map();
    this.editing = false;
    void this.#focusLater('[data-action="edit"]');
  }

  // ——— saving, conflicts, drafts ———

  /**
   * Checks the work again if the schema checks are here, whoever fetched them: another editor on
   * the page may have, after this one's own fetch failed.
   */
  #recheck(): boolean {
    const checks = loadSchemaCheck.loaded;
    const loaded = this.loaded;
    if (checks) this.check = checks.validateContent(this.work, loaded && this.#writes(this.work, this.base, loaded));
    return checks !== undefined;
  }

  /** What a save of `content` over `target` writes: each record that changed, the VSM when nothing else is. */
  #writes(content: EditorContent, target: Base, loaded: Loaded): Record<keyof ServerSide, boolean> {
    const parts = splitContent(content);
    const known = target.content && splitContent(target.content);
    const prevention = preventionWritable(loaded) && !sameValue(parts.prevention, known?.prevention);
    return { synthesis: !prevention || !sameValue(parts.synthesis, known?.synthesis), prevention };
  }

  /**
   * The schema checks, fetched when the user may write; the work is checked again once they are
   * in. `saving`: whether a save still waits for them, once they failed (not after a switch to
   * another patient or user): their failure is then why nothing was saved.
   */
  async #loadValidate(saving?: () => boolean): Promise<boolean> {
    if (this.#recheck()) return true;
    try {
      await loadSchemaCheck();
    } catch (error) {
      // A failed prefetch says nothing: a save tries again, and says so if that fails too.
      if (saving?.()) {
        this.saveError = error;
        this.unsaved = 'synthesis';
      }
      return false;
    }
    return this.#recheck();
  }

  async #handleSave(): Promise<void> {
    // Save keeps the focus while busy (aria-disabled): pressed again, it does nothing.
    if (this.#saving) return;
    if (!this.#recheck()) {
      const { loaded, base } = this;
      // Busy while the checks load: a second click must not ask to save twice.
      this.#markSaving(loaded!.key, true);
      const asked = () => this.#stillAsked(loaded, base);
      const ready = await this.#loadValidate(asked);
      this.#markSaving(loaded!.key, false);
      if (!asked()) return;
      // The focus goes from Save to why nothing was saved, once the fields are no longer inert.
      if (!ready) return void this.#showSaveError();
    }
    await this.#saveChecked(this.base);
  }

  /** Saves the work over `target` if it passes the checks and the host lets it (the request event is cancelable). */
  async #saveChecked(target: Base): Promise<void> {
    const check = this.check;
    if (!check.ok || this.badInputs.size > 0) {
      const shown = this.#shownProblems;
      this.showAll = true;
      // Said by the summary's live region when Save marks more fields; otherwise said again here,
      // in the words of the editor's module (Save is in it).
      if (this.#shownProblems === shown) this.#announce(this.#editForm.value?.problemSummary(shown) ?? '');
      void this.#focusLater('[aria-invalid="true"]');
      return;
    }
    const parts = splitContent(check.value);
    // Vetoed by the host: nothing is sent, and Save keeps the focus.
    const request = { ins: this.patientIns, content: parts.synthesis, prevention: parts.prevention };
    if (!this.emit('dmp-synthesis-save-request', request, { cancelable: true })) return;
    await this.#send(check.value, target, request.ins);
  }

  /**
   * Whether a save asked on `loaded` and `base` still stands after a wait: not if the user
   * discarded, saved or logged out (each replaces them), nor once the session has ended (the edits
   * wait on the device for its return), nor if the host asks for another patient or author, even
   * while that one is still loading. Edits typed during the wait are saved with the rest.
   */
  #stillAsked(loaded: Loaded | undefined, base: Base): boolean {
    return this.session?.state === 'active' && this.loaded === loaded && this.base === base && loaded?.key === this.#key;
  }

  /**
   * Writes what changed since `target`, the versions the edits are saved over: the VSM, then the
   * vaccinations and screenings (their own documents). The VSM saved and the second write refused,
   * the editor moves on to the saved VSM and keeps the rest of the edits. `ins` is the patient as
   * the host spelled them when the save was asked: the events name them so.
   */
  async #send(content: EditorContent, target: Base, ins: string): Promise<void> {
    const loaded = this.loaded;
    if (!loaded || !this.client || this.#saving) return;
    const client = this.client;
    const typed = this.work;
    this.#markSaving(loaded.key, true);
    this.saveError = undefined;
    await this.#autosave.flush();
    // The host may show another patient or author, or another user may be here, by the time the
    // answer comes: what it says about this save must not land on their editor.
    const shown = this.answerFor(() => this.loaded?.key);
    const parts = splitContent(content);
    const known = target.content && splitContent(target.content);
    const writes = this.#writes(content, target, loaded);
    const saved: { synthesis?: Synthesis; prevention?: Prevention } = {};
    let writing: keyof ServerSide = 'synthesis';
    try {
      // Vaccinations or screenings edited, then unreadable: a save without them would lose them.
      // Nothing is written; they are read again for the next try.
      if (loaded.preventionError && !sameValue(parts.prevention, known?.prevention)) {
        void this.#load.run();
        throw loaded.preventionError;
      }
      if (writes.synthesis) {
        saved.synthesis = await client
          .saveSynthesis(loaded.ins, parts.synthesis, target.etag)
          .catch((error: unknown) => this.#savedDespite(error, () => client.getSynthesis(loaded.ins), parts.synthesis, target.version));
        if (shown()) {
          this.current = saved.synthesis;
          this.base = { ...target, etag: saved.synthesis.etag, version: saved.synthesis.version, content: known && { ...parts.synthesis, ...known.prevention } };
          this.conflict = undefined;
        }
      }
      if (writes.prevention) {
        writing = 'prevention';
        saved.prevention = await client
          .savePrevention(loaded.ins, parts.prevention, target.prevention.etag)
          .catch((error: unknown) => this.#savedDespite(error, () => client.getPrevention(loaded.ins), parts.prevention, target.prevention.version));
      }
      if (shown()) this.#autosave.cancel();
      await deleteDraft(loaded.key).catch(() => undefined);
      if (shown()) this.#showSaved(saved);
    } catch (error) {
      // Not shown any more: the edits wait on the device, and the conflict or the error is
      // met when that patient's synthesis is opened again.
      if (!shown()) return;
      // What is left to save is written against the VSM saved meanwhile, which the user is told of.
      if (saved.synthesis) {
        this.#autosave.schedule();
        this.saved = { synthesis: saved.synthesis };
      }
      let current = conflictCurrent(error) as ServerSide[keyof ServerSide] | undefined;
      // A 412 naming no current version: the record was deleted meanwhile, or the gateway does
      // not say. The server's own read tells which.
      if (current === undefined && isDmpError(error) && error.status === 412) {
        current = await this.#readCurrent(writing, loaded.ins).catch(() => undefined);
        if (!shown()) return;
      }
      if (current !== undefined) {
        this.#enterConflict({ ...this.#serverSide, [writing]: current }, ins, true);
      } else {
        this.saveError = error;
        this.unsaved = writing;
        this.refused = loadSchemaCheck.loaded?.refusedFields(error, content, typed, (key) => this.renderRoot.querySelector(this.#fieldSelector(key)) !== null);
        void this.#showSaveError();
      }
    } finally {
      this.#markSaving(loaded.key, false);
      if (saved.synthesis) this.emit('dmp-synthesis-saved', { ins, synthesis: saved.synthesis });
      if (saved.prevention) this.emit('dmp-prevention-saved', { ins, prevention: saved.prevention });
      if (saved.synthesis || saved.prevention) {
        // Not shown here any more (another sitting): the change then reloads this editor too.
        if (shown()) this.#ownRevision = (this.dataChange?.revision ?? 0) + 1;
        this.provider?.notifyDataChanged(['synthesis', 'documents', 'history'], loaded.ins);
      }
    }
  }

  /**
   * After a save answered unreadably (a 2xx failing its schema), the version most likely exists;
   * a 412 may be it too, sent again after its answer was lost to the network. The server's
   * current one, when it is new and holds exactly what was sent, is that save. Otherwise, or when
   * that cannot be told, the save's error stands.
   */
  async #savedDespite<T extends { version: number; content: unknown }>(
    error: unknown,
    read: () => Promise<T | null>,
    content: unknown,
    baseVersion: number | null,
  ): Promise<T> {
    const named = conflictCurrent(error) as T | undefined;
    if (!named && !answeredUnreadably(error) && !(isDmpError(error) && error.status === 412)) throw error;
    const current = named ?? (await read().catch(() => null));
    // A version the editor had not seen: edits undone, then saved, match the version they began from.
    if (current && current.version !== baseVersion && sameValue(current.content, content)) return current;
    throw error;
  }

  /** The saved versions become what the editor shows, read-only, with the news said. */
  #showSaved(saved: { synthesis?: Synthesis; prevention?: Prevention }): void {
    // A reload under way read the server before this save: its answer would bring back the
    // version just replaced, and the draft of what was just saved. It is asked again. So is one
    // that failed: its error, about a reading this save replaced, would stand beside the news.
    if (this.#load.status === TaskStatus.PENDING || this.#load.status === TaskStatus.ERROR) void this.#load.run();
    if (saved.synthesis) this.current = saved.synthesis;
    if (saved.prevention) this.currentPrevention = saved.prevention;
    const base = baseOf(this.#serverSide);
    this.base = base;
    this.#setWork(structuredClone(base.content), false);
    this.conflict = undefined;
    this.restoredAt = undefined;
    this.showAll = false;
    this.touched = new Set();
    this.editing = false;
    this.saved = saved;
    // Focused, the news is read; still a live region, it would be read a second time.
    void this.#focusLater('.saved').then((notice) => notice?.removeAttribute('role'));
  }

  /**
   * `ins`: the patient, as the event names them; `byUser`: the conflict answers the user's save;
   * one found on load must not take focus from the host page.
   */
  #enterConflict(server: ServerSide, ins: string, byUser: boolean): void {
    this.conflict = { server, picks: {} };
    this.emit('dmp-synthesis-conflict', { ins, current: server.synthesis, prevention: server.prevention, mine: this.work });
    // The panel comes with the comparison's module, perhaps still on its way: focus waits for it.
    if (byUser) void loadCompareView().then(() => this.#focusLater('.conflict h3'), () => this.#focusLater('.lazy-retry'));
  }

  /** What the server holds that the edits did not start from: someone saved it meanwhile. */
  #savedMeanwhile(server: ServerSide): SavedMeanwhile {
    const synthesis = changedSince(server.synthesis, this.base.etag);
    const prevention = changedSince(server.prevention, this.base.prevention.etag);
    // A draft whose starting point is unknown differs from whatever the server holds.
    return synthesis !== undefined || prevention !== undefined
      ? { synthesis, prevention }
      : { synthesis: server.synthesis ?? undefined, prevention: server.prevention ?? undefined };
  }


  #pickSide(key: string, side: 'mine' | 'theirs'): void {
    if (this.conflict && !this.#saving) this.conflict = { ...this.conflict, picks: { ...this.conflict.picks, [key]: side } };
  }

  /** The server's version with the user's changes re-applied: the user then reviews and saves it. */
  #merge(): void {
    const conflict = this.conflict;
    const compare = this.#comparison.value;
    // The Merge button is drawn by the compare module: it is there whenever the button is.
    if (!conflict || !compare || this.#saving) return;
    const server = conflict.server;
    const merged = compare.mergeWork(this.base.content, this.work, contentOf(server), conflict.picks);
    this.current = server.synthesis;
    this.currentPrevention = server.prevention;
    this.base = baseOf(server);
    this.conflict = undefined;
    // The merge may drop an entry whose field held text; the merged work is checked afresh.
    this.badInputs = new Map();
    this.#setWork(merged);
    this.#announce(msg('Versions fusionnées : vérifiez puis enregistrez.'));
    void this.#focusLater('[data-action="save"]');
  }

  #overwrite(event: Event): void {
    const conflict = this.conflict;
    const compare = this.#comparison.value;
    // The Overwrite button is drawn by the compare module: it is there whenever the button is.
    if (!conflict || !compare || this.#saving) return;
    this.#askConfirmation(
      event,
      compare.overwriteText(this.#savedMeanwhile(conflict.server)),
      msg('Écraser'),
      async () => {
        const { loaded, base } = this;
        const asked = () => this.#stillAsked(loaded, base) && this.conflict === conflict;
        const ready = await this.#loadValidate(asked);
        if (!asked()) return;
        if (!ready) return void this.#showSaveError();
        const saving = this.#saveChecked(baseOf(conflict.server));
        void this.#focusLater('.conflict-saving');
        await saving;
      },
    );
  }

  #discard(event: Event): void {
    if (this.#saving) return;
    this.#askConfirmation(
      event,
      msg('Abandonner vos modifications ? Elles seront effacées de cet appareil.'),
      msg('Abandonner'),
      () => {
        const loaded = this.loaded;
        this.#autosave.cancel();
        if (loaded) void deleteDraft(loaded.key).catch(() => undefined);
        // Discarded over a conflict: what the server holds now is the version the conflict brought.
        if (this.conflict) {
          this.current = this.conflict.server.synthesis;
          this.currentPrevention = this.conflict.server.prevention;
        }
        const base = baseOf(this.#serverSide);
        this.base = base;
        this.#setWork(structuredClone(base.content), false);
        this.conflict = undefined;
        this.restoredAt = undefined;
        this.saveError = undefined;
        this.touched = new Set();
        this.badInputs = new Map();
        this.showAll = false;
        this.#announce(msg('Modifications abandonnées.'));
        this.#stopEditing();
      },
    );
  }

  #askConfirmation(event: Event, text: string, action: string, run: () => void): void {
    this.#confirmTrigger = event.currentTarget as HTMLElement | null;
    this.confirmation = { text, action, run };
    void this.updateComplete.then(() => {
      if (!this.dialog) return;
      // Escape closes without a value: a confirmation from an earlier opening must not linger.
      this.dialog.returnValue = '';
      this.dialog.showModal();
    });
  }

  #handleDialogClose(): void {
    const confirmation = this.confirmation;
    const confirmed = this.dialog?.returnValue === 'confirm';
    this.confirmation = undefined;
    if (this.#confirmTrigger?.isConnected) this.#confirmTrigger.focus();
    if (confirmed) confirmation?.run();
  }

  // ——— versions ———

  #handleVersionsToggle(event: Event): void {
    this.versionsOpen = (event.target as HTMLDetailsElement).open;
  }

  #showVersion(version: number | undefined): void {
    const previous = this.viewedVersion;
    this.viewedVersion = version;
    // The same version asked again after a failure: its arguments have not changed, so run it by hand.
    if (version !== undefined && version === previous && this.#version.status === TaskStatus.ERROR) void this.#version.run();
    if (version === undefined) void this.#focusLater(`[data-version="${previous}"]`);
  }

  // ——— rendering ———

  /** Each failed save replaces the refusals; they stand while its error does. */
  get #refusals(): Refusals | undefined {
    return this.saveError === undefined ? undefined : this.refused;
  }

  #fieldSelector(key: string): string {
    return `[data-key="${CSS.escape(key)}"]`;
  }

  /** How many fields are marked to correct: one not touched yet is no news to hear. */
  get #shownProblems(): number {
    const keys = new Set([...this.check.problems.keys(), ...this.badInputs.keys(), ...(this.#refusals?.fields.keys() ?? [])]);
    return [...keys].filter((key) => this.#visibleProblem(key)).length;
  }

  #visibleProblem(key: string): FieldProblem | undefined {
    // A coded field is judged once its suggestions close: not at each keystroke, even after a Save.
    if (this.combo?.key === key) return undefined;
    const bad = this.badInputs.get(key);
    if (bad) return bad;
    const refusal = this.#refusals?.fields.get(key);
    if (refusal?.stands(this.work)) return refusal.problem;
    return this.touched.has(key) || this.showAll ? this.check.problems.get(key) : undefined;
  }

  protected renderContent(): unknown {
    if (!this.patientIns) {
      return html`<p part="base" class="notice">${msg('Aucun patient n’est indiqué (attribut patient-ins).')}</p>`;
    }
    const loaded = this.loaded?.key === this.#key ? this.loaded : undefined;
    if (!loaded) {
      if (this.#load.status === TaskStatus.ERROR) return this.#renderLoadError(this.#load.error);
      return html`<div part="base" class="skeleton" aria-busy="true" role="status">
        <span class="sr-only">${msg('Chargement de la synthèse médicale…')}</span>
      </div>`;
    }
    if (loaded.refused) return this.#renderRefusal(loaded.refused);
    const editing = this.editing && loaded.canWrite;
    return html`<article part="base" class="base" aria-labelledby="title" aria-busy=${this.#load.status === TaskStatus.PENDING ? 'true' : 'false'}>
      ${this.#renderHeader(loaded, editing)}
      ${this.#load.status === TaskStatus.ERROR
        ? html`<div class="notice notice--error" role="alert">
            <p>${errorText(this.#load.error)}</p>
            ${this.#renderLoadRetry(this.#load.error)}
          </div>`
        : nothing}
      ${this.saved ? this.#renderSaved(this.saved) : nothing}
      ${this.restoredAt && editing
        ? html`<p class="notice no-print" role="status">
            ${msg(str`Brouillon non enregistré repris (modifié le ${formatDateTime(this.restoredAt, this.locale)}).`)}
          </p>`
        : nothing}
      ${this.conflict && editing ? this.#renderConflict(this.conflict.server) : nothing}
      ${editing ? this.#renderEditor() : this.#renderRead(loaded)}
      ${editing && this.printing ? html`<div class="print-only">${this.#renderRead(loaded)}</div>` : nothing}
      ${this.#renderVersions()}
      <p class="sr-only" role="status" id="announcer"></p>
      ${this.#renderDialog()}
    </article>`;
  }

  #renderLoadError(error: unknown): TemplateResult {
    const forbidden = isDmpError(error) && error.kind === 'forbidden';
    return html`<div part="base" class="notice notice--error" role="alert">
      <strong>${forbidden ? msg('Accès refusé') : msg('Impossible d’afficher la synthèse médicale')}</strong>
      <p>${errorText(error)}</p>
      ${this.#renderLoadRetry(error)}
    </div>`;
  }

  /** Trying again cannot lift a refusal. */
  #renderLoadRetry(error: unknown): TemplateResult | typeof nothing {
    return isDmpError(error) && error.kind === 'forbidden'
      ? nothing
      : html`<p><button type="button" class="load-retry" @click=${this.#retryLoad}>${msg('Réessayer')}</button></p>`;
  }

  /**
   * The button goes with its error: during a reload, focus waits on the title (a first load has
   * none to wait on); once the answer shows, it goes to the title, or to the next Retry.
   */
  readonly #retryLoad = (): void =>
    this.retryFrom('#title', async () => {
      await this.#load.run();
      void this.#focusLater(this.#load.status === TaskStatus.ERROR ? '.load-retry' : '#title');
    });

  #renderRefusal(reason: ReasonCode): TemplateResult {
    return html`<div part="base" class="notice notice--error" role="alert">
      <strong>${msg('Accès refusé')}</strong>
      <p>${reasonText(reason)}</p>
    </div>`;
  }

  #renderHeader(loaded: Loaded, editing: boolean): TemplateResult {
    const current = this.current;
    const patient = this.patient;
    return html`<header part="header" class="header">
      <div>
        <h2 id="title" tabindex="-1">
          ${this.#plain === 'patient'
            ? msg('Votre synthèse médicale')
            : this.#plain
              ? msg('Synthèse médicale')
              : msg('Volet de synthèse médicale')}
        </h2>
        ${renderPatientLine(patient, this.locale)}
        <p class="muted">
          ${current
            ? msg(str`Version ${current.version}, mise à jour le ${formatDate(current.savedAt, this.locale)} par ${current.author.name}`)
            : this.#plain === 'patient'
              ? msg('Votre médecin traitant n’a pas encore rédigé votre synthèse médicale.')
              : this.#plain
                ? msg('Son médecin traitant n’a pas encore rédigé sa synthèse médicale.')
                : msg('Aucun volet de synthèse médicale n’a encore été rédigé pour ce patient.')}
        </p>
        ${!loaded.canWrite && !this.#plain ? html`<p class="muted">${msg('Lecture seule.')} ${decisionRefusalText(loaded.write)}</p>` : nothing}
      </div>
      <div class="toolbar no-print" part="toolbar">
        ${loaded.canWrite && !editing
          ? html`<button type="button" class="primary" data-action="edit" @click=${this.#startEditing}>
              ${current ? msg('Modifier') : msg('Rédiger la synthèse')}
            </button>`
          : nothing}
        ${current || this.currentPrevention ? html`<button type="button" @click=${() => window.print()}>${msg('Imprimer')}</button>` : nothing}
      </div>
    </header>`;
  }

  #renderRead(loaded: Loaded): TemplateResult | typeof nothing {
    // While printing from the editor, the working copy is what the user sees and prints.
    const shown = this.printing && this.editing && loaded.canWrite;
    if (!shown && !this.current && !this.currentPrevention) {
      // No VSM to show around them: the vaccinations kept from the reader still say why.
      return loaded.preventionHidden
        ? html`<section class="group" part="group">
            <h3>${groupHeading('prevention', this.#plain)}</h3>
            <p class="muted">${preventionWithheld(loaded)}</p>
          </section>`
        : nothing;
    }
    return renderReadView(shown ? this.work : contentOf(this.#serverSide), this.#view, loaded.preventionHidden ? preventionWithheld(loaded) : undefined);
  }

  /** The element's styles, and those of the views fetched since (constructed sheets: no CSP change). */
  #adoptModuleStyles(): void {
    const extra = [this.#editForm.value?.editStyles, this.#comparison.value?.compareStyles].filter((s) => s !== undefined);
    adoptStyles(this.renderRoot as ShadowRoot, [...DmpSynthesisEditor.elementStyles, ...extra]);
  }

  #renderSaved({ synthesis, prevention }: NonNullable<DmpSynthesisEditor['saved']>): TemplateResult {
    return html`<p class="notice saved no-print" role="status" tabindex="-1">
      ${synthesis ? msg(str`Version ${synthesis.version} enregistrée.`) : nothing}
      ${prevention ? msg('Vaccinations et dépistages enregistrés.') : nothing}
    </p>`;
  }

  #renderConflict(server: ServerSide): TemplateResult {
    const conflict = this.conflict!;
    const view: ConflictView = {
      base: this.base.content,
      work: this.work,
      server: contentOf(server),
      savedMeanwhile: this.#savedMeanwhile(server),
      picks: conflict.picks,
      locale: this.locale,
      view: this.#view,
      saving: this.#saving,
      saveError: this.saveError,
      refusedElsewhere: this.#refusals?.elsewhere ?? [],
      pickSide: (key, side) => this.#pickSide(key, side),
      merge: () => this.#merge(),
      overwrite: (event) => this.#overwrite(event),
      discard: (event) => this.#discard(event),
    };
    return this.#comparison.render((compare) => compare.renderConflict(view));
  }

  #renderEditor(): TemplateResult {
    return this.#editForm.render((form) => form.renderEditor(this.#editView()));
  }

  /** The state the form draws and the handlers it calls, as the form module sees them. */
  #editView(): EditView {
    const loaded = this.loaded;
    return {
      work: this.work,
      preventionLocked: loaded && !preventionWritable(loaded) ? preventionWithheld(loaded, true) : undefined,
      locale: this.locale,
      saving: this.#saving,
      saveError: this.saveError,
      refusedElsewhere: this.#refusals?.elsewhere ?? [],
      preventionUnsaved: this.unsaved === 'prevention',
      onDevice: this.onDevice,
      dirty: this.#dirty,
      problemCount: this.#problemCount,
      inConflict: this.conflict !== undefined,
      combo: this.combo,
      visibleProblem: (key) => this.#visibleProblem(key),
      shownProblems: this.#shownProblems,
      editor: this.#editorHost,
      save: () => void this.#handleSave(),
      discard: (event) => this.#discard(event),
      stopEditing: () => this.#stopEditing(),
    };
  }

  #renderVersions(): TemplateResult | typeof nothing {
    if (!this.current) return nothing;
    return html`<details class="versions no-print" part="versions" ?open=${this.versionsOpen} @toggle=${this.#handleVersionsToggle}>
      <summary>${msg('Historique des versions')}</summary>
      ${this.#versions.render({
        pending: () => html`<p aria-busy="true">${msg('Chargement…')}</p>`,
        error: (error) => html`<p class="notice notice--error" role="alert">
          ${errorText(error)}
          <button type="button" @click=${() => this.retryFrom('.versions summary', () => this.#versions.run())}>${msg('Réessayer')}</button>
        </p>`,
        complete: (items) => this.#comparison.render((compare) => compare.renderVersionList(items, this.current?.version, this.locale, (v) => this.#showVersion(v))),
      })}
      ${this.viewedVersion === undefined ? nothing : this.#renderVersion()}
    </details>`;
  }

  #renderVersion(): TemplateResult | undefined {
    return this.#version.render({
      pending: () => html`<p aria-busy="true">${msg('Chargement…')}</p>`,
      error: (error) => html`<p class="notice notice--error" role="alert">
        ${errorText(error)}
        ${isRetryable(error)
          ? html`<button type="button" @click=${() => this.retryFrom(`[data-version="${this.viewedVersion}"]`, () => this.#version.run())}>${msg('Réessayer')}</button>`
          : nothing}
      </p>`,
      complete: (old) => this.#comparison.render((compare) => compare.renderVersionView(old, this.current, this.#view, () => this.#showVersion(undefined))),
    });
  }

  #renderDialog(): TemplateResult {
    const c = this.confirmation;
    // Focus opens on Cancel: the Enter that opened the dialog, pressed once more, must not discard
    // the user's edits or a colleague's version.
    return html`<dialog aria-labelledby="confirm-text" @close=${this.#handleDialogClose}>
      <form method="dialog">
        <p id="confirm-text">${c?.text ?? ''}</p>
        <div class="actions">
          <button value="confirm" class="primary">${c?.action ?? ''}</button>
          <button value="cancel" autofocus>${msg('Annuler')}</button>
        </div>
      </form>
    </dialog>`;
  }
}
