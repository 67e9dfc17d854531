import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { answeredUnreadably, isDmpError, type DmpIssue } from '../../client/errors.js';
import { lazyModule } from '../../client/lazy-module.js';
import { changesAccess } from '../../context/contexts.js';
import { DraftAutosave } from '../../drafts/autosave.js';
import { deleteDraft, draftAuthor, draftKey, readDraft, writeDraft, type Draft } from '../../drafts/draft-store.js';
import { formatDateTime, localToday } from '../../i18n/format.js';
import { reasonText } from '../../i18n/labels.js';
import { isToldOfHiddenDocuments } from '../../policy/roles.js';
import type { DmpDocument } from '../../model/document.js';
import type { DossierInfo, PolicyDossier } from '../../model/dossier.js';
import type { PatientDisplay } from '../../model/patient.js';
import { DIRECTIVES_TYPE_CODE, PROFILE_TYPE_CODE } from '../../model/category.js';
import type { PatientProfile } from '../../model/profile.js';
import { PROFILE_MIME_TYPE } from '../../model/profile-fields.js';
import type { Action, Decision, PolicyDocumentInput, ReasonCode } from '../../policy/types.js';
import { LazyView } from '../base/lazy-view.js';
import type { RetryKey } from '../base/retry-key.js';
import { renderPatientLine } from '../base/patient-line.js';
import { sameValue } from '../base/same-value.js';
import { DmpElement, levelHeadings } from '../base/dmp-element.js';
import { baseStyles } from '../base/styles.js';
import { DirectivesUploadState, renderDirectivesFiles, type DirectivesView } from './directives.js';
import { styles } from './dmp-patient-profile.styles.js';
import { draftOf, isProfileDraft, type DraftKept, type FieldProblem, type ProfileDraft } from './draft.js';
import type { ProfileSavedDetail } from './events.js';
import { documentOpenDetail } from '../base/document-open.js';
import type { ProfileFormHost } from './form.js';
import { policyDocumentOf } from '../../model/document-policy.js';
import { nominalDocument } from '../../model/nominal-document.js';
import { listPatientDocuments } from '../base/patient-documents.js';
import { loadChecks, readProfile, savedDespite } from './load.js';
import { renderDirectivesSection, renderProfileSections } from './read-view.js';
import { errorText } from './texts.js';

const DRAFT_KIND = 'profile';
const MAX_ISSUES_SHOWN = 5;

type Loaded =
  | { key: string; sitting: string; refused: ReasonCode }
  | {
      key: string;
      /** The login it was read in: after a logout, even the same user's next one reads again. */
      sitting: string;
      dossier: PolicyDossier;
      /** The current declared-information document, if any. */
      document: DmpDocument | undefined;
      profile: PatientProfile | undefined;
      /** Why the stored profile could not be read, when it could not. */
      issues: DmpIssue[] | undefined;
      directives: DmpDocument[];
      /** The patient's documents kept from this professional, by reason: not "nothing declared". */
      hidden: Record<string, number> | undefined;
      /** Unsaved edits this user left on this device. */
      storedDraft: Draft<ProfileDraft> | undefined;
    };
type Readable = Exclude<Loaded, { refused: ReasonCode }>;

/** The edit form's fields: only for those who may edit, fetched once the Edit button is shown. */
const loadForm = lazyModule(() => import('./form.js'), 'The profile form', 'renderProfileFields');
/** The directives upload form: only the patient and their representatives get it. */
const loadDirectivesForm = lazyModule(() => import('./directives-form.js'), 'The upload form', 'renderUploadForm');

/**
 * What the patient declares about themselves — blood group, allergies and intolerances, ongoing
 * treatments, people to contact in an emergency, the trusted person, advance directives (written
 * here or uploaded as a signed file) and organ donation wishes — stored as the patient's own
 * documents in the DMP (`EXPPAT_2` for the information, `EXPPAT_3` for directives files), so the
 * server's policy and access log apply unchanged.
 *
 * The patient or their legal representative edits; each save is a new version that replaces the
 * previous one (XDS replacement). Professionals read it according to the policy, every section
 * marked "declared by the patient"; those the policy refuses see the reason in words. Edits that
 * fail to save stay in the form and on this device (IndexedDB) for their author only.
 *
 * @tagname dmp-patient-profile
 * @summary The patient's declared information ("Mes informations"), editable by the patient.
 *
 * @fires {CustomEvent<ProfileSaveRequestDetail>} dmp-profile-save-request - Cancelable. The checked profile is about to be stored; `preventDefault()` keeps the form open and sends nothing.
 * @fires {CustomEvent<ProfileSavedDetail>} dmp-profile-saved - The server stored the profile; `document` is the new version, `ins` its patient (a save goes on when the host shows another patient meanwhile).
 * @fires {CustomEvent<DirectivesUploadRequestDetail>} dmp-profile-directives-upload-request - Cancelable. A directives file is about to be uploaded (replacing `replaces`, if any).
 * @fires {CustomEvent<DirectivesUploadedDetail>} dmp-profile-directives-uploaded - The server stored the directives file, for the patient `ins` (an upload goes on when the host shows another patient meanwhile).
 * @fires {CustomEvent<DocumentOpenDetail>} dmp-document-open - The user opened an uploaded directives document; the host shows it.
 * @fires {CustomEvent<DraftRestoredDetail>} dmp-draft-restored - The user took up the unsaved edits they had left on this device.
 *
 * @csspart base - The element's outer box.
 * @csspart patient - The patient's identity, when the `patient` property is set.
 * @csspart section - Each section (blood group, allergies…), in the read view and in the form.
 * @csspart badge - The "declared by the patient" mark on each section.
 * @csspart form - The edit form.
 *
 * @cssprop --dmp-color-declared - Text and border of the "declared by the patient" badge.
 * @cssprop --dmp-color-declared-surface - Background of that badge.
 * @cssprop [--dmp-color-backdrop=rgb(0 0 0 / 0.4)] - Backdrop behind the confirmation dialog.
 */
export class DmpPatientProfile extends DmpElement {
  static override styles = [baseStyles, styles];

  readonly #directivesUpload = new DirectivesUploadState(this);
  readonly #directivesForm = new LazyView(this, loadDirectivesForm);
  // A declaration sent again unchanged goes under the same key: one whose answer was lost is not
  // added twice, nor taken, replacing the version it replaced already, for a conflict. Made with
  // the checks, which save needs anyway, to keep it out of the first load.
  #saveKey: RetryKey | undefined;
  /** The form reads the draft live: several changes may land before the next render. */
  readonly #formHost: ProfileFormHost = this.#createFormHost();

  /** The version this user last saved here, and the one it replaced (see #renderBody). */
  #saved: { for: string; replaced: string | undefined; document: DmpDocument; profile: PatientProfile } | undefined;

  readonly #task = new Task(this, {
    task: async ([client, , , active, ins, key], { signal }) => {
      if (!client || !this.policy || !this.actor || !active || !ins || !key) return initialState;
      const sitting = this.sitting;
      const fresh = this.#freshInfo;
      this.#freshInfo = false;
      let info: DossierInfo;
      try {
        info = await this.dossierInfo(ins, { signal, fresh });
      } catch (error) {
        // The existence test refused (an actor the law keeps out): a refusal, not a failure.
        if (isDmpError(error) && error.kind === 'forbidden' && error.reason) return { key, sitting, refused: error.reason } satisfies Loaded;
        throw error;
      }
      const read = this.#decideOn('document.read', info.policy, nominalDocument('patient', PROFILE_TYPE_CODE));
      if (!read.allowed) return { key, sitting, refused: read.reason } satisfies Loaded;
      const { profile: document, directives, hidden } = await listPatientDocuments(client, ins, { signal });
      const content = document ? await readProfile(client, ins, document, { signal }) : undefined;
      const writer = this.#writeDenial(info.policy, PROFILE_TYPE_CODE, document) === undefined;
      const storedDraft = writer ? await this.#readStoredDraft(key) : undefined;
      return {
        key,
        sitting,
        dossier: info.policy,
        document,
        profile: content?.ok ? content.profile : undefined,
        issues: content && !content.ok ? content.issues : undefined,
        directives,
        hidden,
        storedDraft,
      } satisfies Loaded;
    },
    args: () =>
      [this.client, this.policy, this.actor, this.session?.state === 'active', this.patientIns, this.#draftStoreKey, this.revision, this.sitting] as const,
  });

  /**
   * Stops a save for a user who left (a logout, another user). Not for the element leaving the
   * page, nor for another patient shown: a save stopped once sent may have been made anyway;
   * finished, it is said on return, or to the host alone (`dmp-profile-saved` names its patient).
   */
  #saveController: AbortController | undefined;
  /** Saves going on for a patient no longer shown: a user who leaves stops them too. */
  readonly #savesElsewhere = new Set<AbortController>();
  /**
   * The next read asks the server whether the dossier may still be read and written, rather than
   * take the provider's answer of the last minute: a save was refused on grounds it knew nothing of.
   */
  #freshInfo = false;
  readonly #autosave = new DraftAutosave(this, () => this.#autoKeep());
  readonly #form = new LazyView(this, loadForm, (form) => adoptStyles(this.renderRoot as ShadowRoot, [...DmpPatientProfile.elementStyles, form.formStyles]));
  /** The draft as it was when editing started, to tell whether anything was changed. */
  #editStart = '';
  /** Counts the form's openings and closings: a save that waited tells whether its form is still the one open. */
  #editRun = 0;
  /** What the form was opened on: it stays on screen while a reload behind it fails. */
  #editLoaded: Readable | undefined;
  /** A field to focus once rendered (a new entry, the button after a removal). */
  #pendingFocus: string | undefined;

  private get discardDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('#discard-dialog');
  }

  @state() private revision = 0;
  /** When the kept edits the user abandoned were saved: the profile read with them does not offer them again. */
  @state() private abandonedDraft: string | undefined;
  /** The form's content while editing; undefined in the read view. */
  @state() private draft: ProfileDraft | undefined;
  /** The version the edits replace when saved. */
  @state() private editBase: DmpDocument | undefined;
  @state() private problems: ReadonlyMap<string, FieldProblem> = new Map();
  @state() private formInvalid = false;
  @state() private saving = false;
  @state() private saveError: unknown;
  @state() private draftKept: DraftKept | undefined;
  /** Drawn in the locale of the moment: a switch after the save shows it in the new one. */
  @state() private statusText: (() => string) | undefined;

  /** INS (NIR) of the patient whose information is shown. */
  @property({ attribute: 'patient-ins' }) patientIns = '';

  /**
   * The level of the element's title in the host page's outline, a whole number from 1 (2 when
   * unset or not one); its other headings follow, one level down each. Screen reader users move
   * through a page by its headings: give one more than the level of the heading the element sits
   * under.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: number | undefined;

  /** The patient as the host knows them, shown as the identity of the dossier. */
  @property({ attribute: false }) patient: PatientDisplay | undefined;

  /** Who the drafts belong to and which patient: `author|ins|profile`; empty without an actor or patient. */
  get #draftStoreKey(): string {
    const author = draftAuthor(this.actor);
    return author && this.patientIns ? draftKey(author, this.patientIns, DRAFT_KIND) : '';
  }

  /** The last answer, if it concerns the current actor and patient (never another patient's data). */
  get #current(): Loaded | undefined {
    const value = this.#task.value;
    return value && value.key === this.#draftStoreKey && value.sitting === this.sitting ? value : undefined;
  }

  /** What an open form works on: the latest answer, or the one it was opened on. */
  get #editContext(): Readable | undefined {
    const current = this.#current;
    if (current && !('refused' in current)) return current;
    return this.#editLoaded?.key === this.#draftStoreKey ? this.#editLoaded : undefined;
  }

  /** Why the latest read says the user may no longer save, if it does (a refused save reads again). */
  get #saveDenied(): ReasonCode | undefined {
    const current = this.#current;
    if (!current) return undefined;
    return 'refused' in current ? current.refused : this.#writeDenial(current.dossier, PROFILE_TYPE_CODE, current.document);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A failed prefetch says nothing here: reading or saving tries again, and says so then.
    loadChecks.prefetch();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('dataChange')) this.#handleDataChange();
    // Expiry keeps the edits on the device for their author; a logout takes them away (DECISIONS.md 10).
    if (this.loggedOut()) {
      this.#saveKey = undefined;
      this.#leaveEdit(true);
      this.#directivesUpload.reset();
    } else if (changed.has('session') && this.session?.state === 'expired' && this.draft) void this.#keepDraft();
    if (changed.has('patientIns') || changed.has('actor')) {
      const actorBefore = changed.has('actor') ? (changed.get('actor') as typeof this.actor) : this.actor;
      const insBefore = changed.has('patientIns') ? (changed.get('patientIns') as string | undefined) : this.patientIns;
      const keyBefore = draftAuthor(actorBefore) && insBefore ? draftKey(draftAuthor(actorBefore), insBefore, DRAFT_KIND) : '';
      if (keyBefore !== this.#draftStoreKey) {
        // The edits belong to that author and patient: keep them there, show nothing of them here.
        if (this.draft && keyBefore) void this.#keepDraft(keyBefore);
        // What the previous user sent is not for the next one to send again, nor its date; the
        // same user handed over again (a framework's new object) is no other user.
        const otherUser = draftAuthor(actorBefore) !== draftAuthor(this.actor);
        if (otherUser) this.#saveKey = undefined;
        this.#leaveEdit(otherUser);
        this.#directivesUpload.reset(otherUser);
        this.statusText = undefined;
      }
    }
  }

  protected override updated(): void {
    levelHeadings(this.renderRoot, this.headingLevel);
    const id = this.#pendingFocus;
    if (id === undefined) return;
    this.#pendingFocus = undefined;
    if (this.focusIsOurs()) this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
  }

  #handleDataChange(): void {
    const change = this.takeDataChange(this.patientIns);
    if (!change) return;
    if (change.topics.includes('documents') || changesAccess(change.topics)) this.revision += 1;
  }

  #decideOn(action: Action, dossier: PolicyDossier, document: PolicyDocumentInput): Decision {
    return this.policy!.decide({ actor: this.actor!, action, dossier, document, request: this.policyRequest(this.patientIns) });
  }

  /** Why the user may not write a document of `typeCode` (replacing `existing`), or undefined when they may. */
  #writeDenial(dossier: PolicyDossier, typeCode: string, existing: DmpDocument | undefined): ReasonCode | undefined {
    const fresh = nominalDocument('patient', typeCode);
    const target = existing ? policyDocumentOf(existing) : fresh;
    const decisions = [
      this.#decideOn('document.add', dossier, fresh),
      ...(existing ? [this.#decideOn('document.replace', dossier, target)] : []),
    ];
    return decisions.find((d) => !d.allowed)?.reason;
  }

  async #readStoredDraft(key: string): Promise<Draft<ProfileDraft> | undefined> {
    try {
      const stored = await readDraft<unknown>(key);
      return stored && isProfileDraft(stored.content) ? (stored as Draft<ProfileDraft>) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Writes the edits to this device; says where they are kept. */
  async #keepDraft(key = this.#draftStoreKey): Promise<DraftKept> {
    const draft = this.draft;
    if (!draft || !key) return 'page';
    try {
      await writeDraft<ProfileDraft>(key, {
        content: draft,
        // A document's id names its version, as an ETag would.
        baseEtag: this.editBase?.id ?? null,
        baseVersion: this.editBase?.version ?? null,
        savedAt: new Date().toISOString(),
      });
      return 'device';
    } catch {
      return 'page';
    }
  }

  /** Whether the open form differs from what it was opened on. */
  get #edited(): boolean {
    return this.draft !== undefined && JSON.stringify(this.draft) !== this.#editStart;
  }

  /** Keeps the edits on the device as they are typed; edits undone leave nothing there. */
  async #autoKeep(): Promise<void> {
    // Removed right after a logout, before its update: the edits leave with the user (DECISIONS.md 10).
    if (this.loggedOut()) return;
    if (this.#edited) await this.#keepDraft();
    else await deleteDraft(this.#draftStoreKey).catch(() => undefined);
  }

  #startEdit(loaded: Readable, draft: ProfileDraft = draftOf(loaded.profile)): void {
    this.#editRun += 1;
    this.draft = draft;
    this.#editLoaded = loaded;
    this.#editStart = JSON.stringify(draftOf(loaded.profile));
    this.editBase = loaded.document;
    this.problems = new Map();
    this.formInvalid = false;
    this.saveError = undefined;
    this.draftKept = undefined;
    this.statusText = undefined;
    this.#pendingFocus = 'form-title';
  }

  /** Saves still on their way go on (see #saveController), unless `stopSave`: their user left. */
  #leaveEdit(stopSave = false): void {
    this.#editRun += 1;
    this.#autosave.cancel();
    if (this.#saveController) this.#savesElsewhere.add(this.#saveController);
    if (stopSave) {
      for (const controller of this.#savesElsewhere) controller.abort();
      this.#savesElsewhere.clear();
    }
    this.#saveController = undefined;
    this.draft = undefined;
    this.#editLoaded = undefined;
    this.editBase = undefined;
    this.problems = new Map();
    this.formInvalid = false;
    this.saving = false;
    this.saveError = undefined;
    this.draftKept = undefined;
  }

  /** Abandons kept edits: the profile read with them no longer offers them, and Edit takes the focus. */
  async #discardStoredDraft(stored: Draft<ProfileDraft> | undefined): Promise<void> {
    if (stored) this.abandonedDraft = stored.savedAt;
    this.#pendingFocus = 'edit';
    await deleteDraft(this.#draftStoreKey).catch(() => undefined);
  }

  /** The kept edits to offer from `loaded`, unless the user abandoned them since it was read. */
  #offeredDraft(loaded: Readable): Draft<ProfileDraft> | undefined {
    return loaded.storedDraft?.savedAt === this.abandonedDraft ? undefined : loaded.storedDraft;
  }

  #handleCancel(): void {
    if (this.#edited) {
      this.discardDialog?.showModal();
      return;
    }
    void this.#discardEdit();
  }

  #handleDiscardClose(): void {
    const dialog = this.discardDialog;
    if (!dialog) return;
    if (dialog.returnValue === 'discard') void this.#discardEdit();
    else this.renderRoot.querySelector<HTMLElement>('#cancel')?.focus();
    dialog.returnValue = '';
  }

  /**
   * An explicit discard forgets the stored draft too (DECISIONS.md 10), and its offer with it:
   * the one read with the profile now shown (a reload during the edit may have read it back).
   */
  async #discardEdit(): Promise<void> {
    const context = this.#editContext;
    // Discarded, the edits are not to be saved: a save of them still on its way stops (one of
    // another patient's form, left before, goes on).
    this.#saveController?.abort();
    this.#leaveEdit();
    await this.#discardStoredDraft(context?.storedDraft);
  }

  #createFormHost(): ProfileFormHost {
    const element = this;
    return {
      get draft() {
        return element.draft ?? draftOf(undefined);
      },
      get problems() {
        return element.problems;
      },
      get own() {
        return element.actor?.kind === 'patient';
      },
      get today() {
        return localToday();
      },
      change(next, focus) {
        element.draft = next;
        element.#autosave.schedule();
        element.statusText = undefined;
        element.#pendingFocus = focus;
        // Once a save was refused, each change says at once whether the fields are right now.
        if (element.problems.size > 0 && loadChecks.loaded) {
          const result = loadChecks.loaded.checkDraft(next, localToday(), new Date().toISOString());
          element.problems = result.ok ? new Map() : result.problems;
          element.formInvalid = element.problems.size > 0;
        }
      },
    };
  }

  async #save(overwrite = false): Promise<void> {
    const loaded = this.#editContext;
    if (!loaded || !this.draft || !this.client || this.saving || this.#saveDenied !== undefined) return;
    // The version edited was deleted meanwhile and none replaced it: the edits become a first
    // declaration again, as replacing it can only fail.
    if (overwrite || !loaded.document) this.editBase = loaded.document;
    let checks = loadChecks.loaded;
    if (!checks) {
      const key = this.#draftStoreKey;
      const run = this.#editRun;
      // Busy while the checks load: a second click must not save twice.
      this.saving = true;
      try {
        checks = await loadChecks();
      } catch (error) {
        const kept = await this.#keepDraft();
        this.saveError = error;
        this.draftKept = kept;
        return;
      } finally {
        this.saving = false;
      }
      // Another patient, another user, a logout or a cancel meanwhile: this save is no longer
      // asked for. What the user typed during the wait is in the form: it is saved with the rest.
      if (this.#editRun !== run || this.#draftStoreKey !== key || this.session?.state !== 'active') return;
    }
    await this.#saveChecked(checks);
  }

  async #saveChecked(checks: typeof import('./checks.js')): Promise<void> {
    const draft = this.draft;
    const client = this.client;
    const ins = this.patientIns;
    if (!draft || !client) return;
    const replaces = this.editBase;
    const key = this.#draftStoreKey;
    const run = this.#editRun;
    const saveKey = (this.#saveKey ??= new checks.RetryKey());
    const idempotencyKey = saveKey.for([ins, draft, replaces?.id]);
    const result = checks.checkDraft(draft, localToday(), saveKey.since!);
    // A date with a part erased is empty in the draft while its field still shows the other parts.
    const unfinished = [...this.renderRoot.querySelectorAll<HTMLInputElement>('form.profile-form input[type="date"]')].filter((input) => input.validity.badInput);
    if (!result.ok || unfinished.length > 0) {
      this.problems = new Map([...(result.ok ? [] : result.problems), ...unfinished.map((input) => [input.id, 'date-invalid'] as const)]);
      this.formInvalid = true;
      this.saveError = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('form.profile-form [aria-invalid="true"]')?.focus();
      return;
    }
    this.problems = new Map();
    this.formInvalid = false;
    const { profile } = result;
    if (!this.emit('dmp-profile-save-request', { profile, replaces }, { cancelable: true })) return;
    const controller = new AbortController();
    this.#saveController = controller;
    this.saving = true;
    this.saveError = undefined;
    try {
      const document = await client
        .addDocument(
          ins,
          {
            title: checks.PROFILE_TITLE,
            typeCode: PROFILE_TYPE_CODE,
            serviceStart: profile.declaredAt,
            ...(replaces ? { replaces: replaces.id } : {}),
          },
          new Blob([JSON.stringify(profile)], { type: PROFILE_MIME_TYPE }),
          { signal: controller.signal, idempotencyKey },
        )
        .catch(async (error: unknown) => {
          // Answered unreadably, the save most likely happened: the server's current version says.
          if (!answeredUnreadably(error)) throw error;
          const verified = await savedDespite(client, ins, profile, replaces, controller.signal);
          if (!verified) throw error;
          return verified;
        });
      saveKey.answered(idempotencyKey);
      this.#saved = { for: `${this.sitting}|${key}`, replaced: replaces?.id, document, profile };
      if (this.#editRun !== run) {
        // Saved for the form left meanwhile (another patient shown): the edits kept then are saved
        // now, unless typed on since.
        const kept = await readDraft(key).catch(() => undefined);
        if (sameValue(kept?.content, draft)) await deleteDraft(key).catch(() => undefined);
      } else if (this.draft === draft) {
        this.#leaveEdit();
        this.statusText = () => msg('Les informations sont enregistrées.');
        this.#pendingFocus = 'edit';
        await deleteDraft(key).catch(() => undefined);
      } else {
        // Typed while the save ran: those edits stay in the form, now over the version just saved.
        this.editBase = document;
        this.#editStart = JSON.stringify(draft);
        this.statusText = () => msg('Les informations sont enregistrées ; ce que vous avez saisi depuis reste à enregistrer.');
        void this.#keepDraft();
      }
      this.emit('dmp-profile-saved', { ins, profile, document } satisfies ProfileSavedDetail);
      this.provider?.notifyDataChanged(['documents', 'history'], ins);
    } catch (error) {
      // Failed for the form left meanwhile: the edits were kept then.
      if (controller.signal.aborted || this.#editRun !== run) return;
      // The alert says where the edits are kept: know it before showing it.
      const kept = await this.#keepDraft();
      this.saveError = error;
      this.draftKept = kept;
      // "Replace the current version", pressed, went with the alert it was in: focus to Save.
      if (this.focusLost()) this.#pendingFocus = 'save';
      // Someone saved in between, or deleted the version edited: learn what is current, so the
      // user can choose to replace it, or save a first declaration again. Refused (the dossier
      // closed, the representative removed…): learn what the user may still do.
      if (isDmpError(error) && (error.kind === 'conflict' || error.kind === 'not-found' || error.kind === 'forbidden')) {
        this.#freshInfo ||= error.kind === 'forbidden';
        this.revision += 1;
      }
    } finally {
      this.#savesElsewhere.delete(controller);
      if (this.#saveController === controller) {
        this.#saveController = undefined;
        this.saving = false;
      }
    }
  }

  #open(document: DmpDocument): void {
    const still = this.answerFor();
    this.emit('dmp-document-open', documentOpenDetail(document, this.patientIns, () =>
      still() && this.ready ? { client: this.client!, provider: this.provider } : undefined,
    ));
  }

  protected renderContent(): TemplateResult {
    const current = this.#current;
    const pending = this.#task.status === TaskStatus.PENDING;
    const own = this.actor?.kind === 'patient';
    // Busy on the first read only: the reload that follows each save or upload would hold back the
    // status announcing it, and the upload's, which live in this section.
    return html`<section part="base" class="base" aria-labelledby="title" aria-busy=${pending && !current ? 'true' : 'false'}>
      <h2 id="title">
        ${own
          ? msg('Mes informations')
          : msg('Informations déclarées par le patient')}
      </h2>
      ${renderPatientLine(this.patient, this.locale)}
      ${!this.patientIns
        ? html`<div class="notice notice--error" role="alert">
            ${msg('Aucun patient n’est indiqué (attribut patient-ins).')}
          </div>`
        : this.#renderBody(current, pending, own)}
      <p class="status" role="status">${this.statusText?.()}</p>
    </section>`;
  }

  #renderBody(current: Loaded | undefined, pending: boolean, own: boolean): unknown {
    // A form being edited stays on screen whatever happens to a reload behind it.
    const editing = this.draft ? this.#editContext : undefined;
    if (editing) return this.#renderForm(editing);
    if (this.#task.status === TaskStatus.ERROR) return this.#renderLoadError();
    if (!current) return pending || this.#task.status === TaskStatus.INITIAL ? this.#renderSkeleton() : nothing;
    if ('refused' in current) return this.#renderRefusal(current.refused, own);
    // Until the list read again brings it (or a newer one), the version this user just saved,
    // not the one it replaced: an Edit from here would otherwise conflict with their own save.
    const saved = this.#saved;
    const shown =
      saved?.for === `${this.sitting}|${current.key}` && current.document?.id === saved.replaced
        ? { ...current, document: saved.document, profile: saved.profile, issues: undefined }
        : current;
    return this.#renderRead(shown);
  }

  #renderSkeleton(): TemplateResult {
    return html`<div class="skeleton">
      <p class="status" role="status">${msg('Chargement des informations…')}</p>
      <span></span><span></span><span></span>
    </div>`;
  }

  /** A state found on reading, not a failure of something the user did: a status, not an alert. */
  #renderRefusal(reason: ReasonCode, own: boolean): TemplateResult {
    return html`<div class="notice refusal" role="status">
      <strong>${own ? msg('Vous ne pouvez pas consulter vos informations.') : msg('Vous ne pouvez pas consulter les informations déclarées par le patient.')}</strong>
      <p>${reasonText(reason)}</p>
    </div>`;
  }

  #renderLoadError(): TemplateResult {
    return html`<div class="notice notice--error" role="alert">
      <strong>${msg('Les informations n’ont pas pu être chargées.')}</strong>
      <p>${errorText(this.#task.error)}</p>
      <p><button type="button" @click=${() => this.retryFrom('#title', () => this.#task.run())}>${msg('Réessayer')}</button></p>
    </div>`;
  }

  #directivesView(loaded: Readable): DirectivesView {
    const client = this.client;
    const ins = this.patientIns;
    const replaces = loaded.directives[0];
    return {
      documents: loaded.directives,
      uploadDenied: this.#writeDenial(loaded.dossier, DIRECTIVES_TYPE_CODE, replaces),
      locale: this.locale,
      today: localToday(),
      onOpen: (d) => this.#open(d),
      upload: async ({ file, writtenOn, metadata }, options) => {
        if (!client) return undefined;
        if (!this.emit('dmp-profile-directives-upload-request', { file, writtenOn, replaces }, { cancelable: true })) return undefined;
        const document = await client.addDocument(ins, metadata, file, options).catch((error: unknown) => {
          // Replaced in between (another tab, a representative): learn the new one, so that a
          // retry replaces it rather than fail on the old one again. Answered unreadably, the
          // upload most likely happened: show what the server holds before any retry.
          if (answeredUnreadably(error) || (isDmpError(error) && error.kind === 'conflict')) this.revision += 1;
          throw error;
        });
        this.emit('dmp-profile-directives-uploaded', { ins, document, replaced: replaces });
        this.provider?.notifyDataChanged(['documents', 'history'], ins);
        return document;
      },
    };
  }

  #renderRead(loaded: Readable): TemplateResult {
    const editDenied = this.#writeDenial(loaded.dossier, PROFILE_TYPE_CODE, loaded.document);
    // The form is fetched when the user may edit: its module draws the form, and the offer of
    // edits kept on the device too.
    if (editDenied === undefined) this.#form.request();
    const view = this.#directivesView(loaded);
    if (view.uploadDenied === undefined) this.#directivesForm.request();
    const files = renderDirectivesFiles(
      view,
      view.uploadDenied === undefined ? this.#directivesForm.render((form) => form.renderUploadForm(this.#directivesUpload, view)) : nothing,
    );
    const doc = loaded.document;
    // The server counts what it hides over the whole dossier, never by kind (that would say what
    // a masked document is): with some hidden, a professional is told only that none is visible,
    // since "nothing declared" may be false. The patient's side is never told (DECISIONS.md 12).
    const unseen = isToldOfHiddenDocuments(this.actor!) && Object.values(loaded.hidden ?? {}).some((count) => count > 0);
    // Edits kept on the device are resumed or abandoned: a blank form beside them would overwrite
    // them as it is typed in, or delete them on Cancel.
    const offered = editDenied === undefined ? this.#offeredDraft(loaded) : undefined;
    const mayStartEdit = editDenied === undefined && !offered;
    return html`
      ${editDenied !== undefined
        ? html`<p class="notice declared-notice">
            ${msg('Ces informations sont déclarées par le patient ou son représentant légal ; elles n’ont pas été vérifiées par un professionnel de santé.')}
            <span class="hint">${msg(str`Lecture seule : ${reasonText(editDenied)}`)}</span>
          </p>`
        : nothing}
      ${doc && !loaded.issues
        ? html`<p class="meta updated">
            ${msg(str`Mises à jour le ${formatDateTime(doc.submittedAt, this.locale)} par ${doc.author.name} (version ${doc.version}).`)}
          </p>`
        : nothing}
      ${offered ? this.#renderDraftOffer(loaded, offered) : nothing}
      ${loaded.issues ? this.#renderMalformed(loaded.issues, editDenied === undefined) : nothing}
      ${mayStartEdit
        ? html`<p class="toolbar">
            <button type="button" id="edit" class="primary" @click=${() => this.#startEdit(loaded)}>
              ${doc
                ? msg('Modifier les informations')
                : msg('Déclarer des informations')}
            </button>
          </p>`
        : nothing}
      ${loaded.profile
        ? renderProfileSections(loaded.profile, this.locale, files)
        : html`${!doc
            ? html`<p class="empty">
                ${editDenied === undefined
                  ? msg('Aucune information n’est encore déclarée. Les soignants pourront les consulter en cas de besoin.')
                  : unseen
                    ? msg('Aucune information déclarée par le patient ne vous est visible.')
                    : msg('Le patient n’a déclaré aucune information.')}
              </p>`
            : nothing}
          ${renderDirectivesSection(undefined, this.locale, files)}`}
    `;
  }

  #renderDraftOffer(loaded: Readable, stored: Draft<ProfileDraft>): TemplateResult {
    return this.#form.render((form) =>
      form.renderDraftOffer({
        savedAt: stored.savedAt,
        inPage: stored.inPage === true,
        stale: (stored.baseEtag ?? undefined) !== loaded.document?.id,
        locale: this.locale,
        resume: () => {
          this.#startEdit(loaded, stored.content);
          this.emit('dmp-draft-restored', { ins: this.patientIns, savedAt: stored.savedAt, baseVersion: stored.baseVersion });
        },
        discard: () => void this.#discardStoredDraft(stored),
      }),
    );
  }

  #renderMalformed(issues: DmpIssue[], writer: boolean): TemplateResult {
    const paths = issues.map((i) => i.path).filter(Boolean);
    return html`<div class="notice notice--error malformed" role="alert">
      <strong>${msg('Les informations enregistrées ne peuvent pas être lues.')}</strong>
      <p>
        ${msg('Leur contenu ne respecte pas le format attendu ; rien n’en est affiché, pour ne pas montrer une information fausse.')}
        ${writer ? msg('Vous pouvez les déclarer à nouveau : la nouvelle version remplacera celle-ci.') : nothing}
      </p>
      ${paths.length > 0
        ? html`<p class="meta">${msg('Champs en cause :')} <code>${paths.slice(0, MAX_ISSUES_SHOWN).join(', ')}</code></p>`
        : html`<p class="meta">${msg('Le contenu n’est pas au format JSON.')}</p>`}
    </div>`;
  }

  #renderForm(loaded: Readable): TemplateResult {
    const problemCount = this.problems.size;
    // Save stays where focus may be, but says why it does nothing.
    const denied = this.#saveDenied;
    return html`<form part="form" class="profile-form" novalidate aria-labelledby="form-title"
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.#save();
        }}>
        <h3 id="form-title" tabindex="-1">${msg('Modifier les informations')}</h3>
        <p class="hint">${msg('Les champs marqués d’un astérisque (*) sont obligatoires dans chaque entrée ajoutée.')}</p>
        ${this.formInvalid
          ? html`<div class="notice notice--error" role="alert">
              ${problemCount === 0
                ? msg('Certaines informations ne sont pas valides.')
                : problemCount === 1
                  ? msg('Les informations n’ont pas été enregistrées : 1 champ est à corriger.')
                  : msg(str`Les informations n’ont pas été enregistrées : ${problemCount} champs sont à corriger.`)}
            </div>`
          : nothing}
        ${this.#form.render((form) => form.renderProfileFields(this.#formHost))}
        ${this.saveError !== undefined ? this.#renderSaveError(loaded) : nothing}
        ${denied ? html`<p id="save-denied" class="hint">${reasonText(denied)}</p>` : nothing}
        <div class="buttons">
          <button type="submit" id="save" class="primary" aria-disabled=${this.saving || denied !== undefined}
            aria-describedby=${denied ? 'save-denied' : nothing}>
            ${this.saving ? msg('Enregistrement…') : msg('Enregistrer')}
          </button>
          <button type="button" id="cancel" @click=${this.#handleCancel}>${msg('Annuler')}</button>
        </div>
      </form>
      <dialog id="discard-dialog" aria-labelledby="discard-title" @close=${this.#handleDiscardClose}>
        <form method="dialog">
          <h3 id="discard-title">${msg('Abandonner les modifications ?')}</h3>
          <p>${msg('Ce que vous avez saisi depuis la dernière version enregistrée sera perdu.')}</p>
          <div class="buttons">
            <button value="discard" class="danger">${msg('Abandonner')}</button>
            <button value="keep" autofocus>${msg('Continuer la saisie')}</button>
          </div>
        </form>
      </dialog>`;
  }

  #renderSaveError(loaded: Readable): unknown {
    const error = this.saveError;
    const conflict = isDmpError(error) && error.kind === 'conflict';
    const newer = conflict && loaded.document && loaded.document.id !== this.editBase?.id ? loaded.document : undefined;
    return this.#form.render((form) =>
      form.renderSaveError({
        error,
        kept: this.draftKept,
        newer: newer && { document: newer, profile: loaded.profile },
        locale: this.locale,
        replace: () => void this.#save(true),
        discard: () => void this.#discardEdit(),
      }),
    );
  }
}
