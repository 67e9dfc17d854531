import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { answeredUnreadably, isDmpError } from '../../client/errors.js';
import { lazyModule } from '../../client/lazy-module.js';
import type { DmpClient } from '../../client/types.js';
import { changesAccess, type DataTopic } from '../../context/contexts.js';
import { errorText, isRetryable, writeFailureText } from '../../i18n/error-text.js';
import { formatDate } from '../../i18n/format.js';
import { reasonText } from '../../i18n/labels.js';
import type { Authorization } from '../../model/authorization.js';
import type { LegalRepresentative, Oppositions, StoredOppositions } from '../../model/dossier.js';
import type { PatientDisplay } from '../../model/patient.js';
import type { Professional } from '../../model/professional.js';
import { validateRpps, type RppsFailure } from '../../model/rpps.js';
import { MIN_JUSTIFICATION_LENGTH } from '../../policy/justification.js';
import type { Decision, ReasonCode } from '../../policy/types.js';
import { DmpElement, levelHeadings } from '../base/dmp-element.js';
import { LazyView } from '../base/lazy-view.js';
import { renderPatientLine } from '../base/patient-line.js';
import { RetryKey } from '../base/retry-key.js';
import { styles } from './dmp-consent-panel.styles.js';
import type { AuthorizationChangeKind } from './events.js';
import { EMPTY_REPRESENTATIVE, changedOnBothSides, chosenRelationship, confirmsWith, preferencesDraft, rebasePreferences, type FieldErrors, type PreferencesDraft, type RepresentativeDraft } from './forms.js';
import { PANEL_ACTIONS, PATIENT_SIDE_ACTIONS, type PanelAction, type PanelData, type Section } from './panel-data.js';
import type { PatientSectionsView } from './patient-sections.js';
import { professionalRow } from './professional-row.js';
import { changeConfirmation, changeLabel, changeLabelFor, changedText, fullName, rppsFailureText, standingLabel, type ConfirmationText } from './texts.js';

/** Long enough to let someone finish typing a name, short enough to feel live. */
const SEARCH_DELAY_MS = 300;

interface Message {
  kind: 'success' | 'error';
  /** Called at render: a message still shown when the locale changes is said in the new one. */
  text: () => string;
}

/** A write that failed once the host showed another patient: said, with what was sent, on the way back. */
interface FailedAway {
  section: Section;
  message: Message;
  representative: RepresentativeDraft;
  preferences: PreferencesDraft | undefined;
  closeReason: string;
  /** The server's preferences the draft was made over, to rebase it on what the server holds then. */
  basePreferences: PanelData['preferences'];
}

interface Confirmation {
  /** The section the change is written in: one change at a time in each. */
  section: Section;
  /** Called at render, as a message is: the dialog may stay open over a change of locale. */
  text: () => ConfirmationText;
  run: () => Promise<void>;
  /** The control that opened the dialog; focus goes back to it. */
  trigger: HTMLElement | undefined;
  /** Where focus goes when the trigger disappeared with the change (e.g. a revoked row). */
  fallback: () => HTMLElement | null | undefined;
  /** The forms it was asked from (`#forms`): another patient or user since, and it runs nowhere. */
  forms?: number;
}

function withoutFields(errors: FieldErrors, edited: readonly string[]): FieldErrors {
  return edited.some((field) => errors.has(field)) ? new Set([...errors].filter((field) => !edited.includes(field))) : errors;
}

function waitFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** Prefetched when the user enters a form, so that its submission seldom waits for the checks. */
const loadValidation = lazyModule(() => import('./validation.js'), 'The form checks', 'parsePreferences');
const loadPatientSections = lazyModule(() => import('./patient-sections.js'), 'The dossier settings', 'renderPatientSections');
/** The text fields of a section a gateway's refusal (`invalidParams`, by body path) stands under. */
/** What a section's writes change, as the provider announces it (with `history`). */
const SECTION_TOPIC: Record<Section, DataTopic> = {
  authorizations: 'authorizations',
  oppositions: 'settings',
  notifications: 'settings',
  representatives: 'settings',
  close: 'dossier',
  status: 'dossier',
};

const SHOWN_FIELDS: Partial<Record<Section, readonly string[]>> = {
  notifications: ['email', 'phone'],
  representatives: ['firstName', 'lastName'],
};

/**
 * The patient's "Gestion du DMP": who may access the dossier (médecin traitant, authorized and
 * blocked professionals), the two oppositions to emergency access, notification preferences,
 * legal representatives, and closing or reactivating the dossier. A legal representative uses it
 * for the patient; a professional sees read-only what the policy lets them read, and why the rest
 * is refused.
 *
 * Every change is confirmed, sent to the server (which writes the access log) and announced to the
 * other elements of the provider.
 *
 * @tagname dmp-consent-panel
 * @summary Consent and settings of a DMP: authorizations, oppositions, notifications, representatives, closure.
 *
 * @fires {CustomEvent<AuthorizationChangeDetail>} dmp-authorization-change-request - Cancelable. The user confirmed granting, revoking, blocking or unblocking a professional; `preventDefault()` stops the change.
 * @fires {CustomEvent<AuthorizationChangeDetail>} dmp-authorization-changed - The server recorded the change.
 * @fires {CustomEvent<OppositionChangedDetail>} dmp-opposition-changed - An opposition to break-glass or regulation access was set or lifted; detail holds both as saved.
 * @fires {CustomEvent<DossierCloseRequestDetail>} dmp-dossier-close-request - Cancelable. The user confirmed closing the dossier; `preventDefault()` keeps it open.
 * @fires {CustomEvent<DossierLifecycleDetail>} dmp-dossier-closed - The server closed the dossier.
 * @fires {CustomEvent<DossierLifecycleDetail>} dmp-dossier-reactivated - The server reactivated the closed dossier.
 *
 * @csspart base - The panel.
 * @csspart patient - The patient's identity, when the `patient` property is set.
 * @csspart section - Each section (professionals, emergency access, notifications, representatives, closure).
 * @csspart row - A professional or a legal representative in a list.
 * @csspart notice - Status, refusal and error messages.
 * @csspart dialog - The confirmation dialog.
 *
 * @cssprop --dmp-color-accent - Buttons and links.
 * @cssprop --dmp-color-error - Errors and destructive actions.
 * @cssprop --dmp-color-success - Confirmation messages.
 * @cssprop --dmp-color-border - Section and row borders.
 * @cssprop --dmp-radius - Corner radius.
 * @cssprop --dmp-space - Base spacing unit.
 * @cssprop [--dmp-color-backdrop=rgb(0 0 0 / 0.4)] - Backdrop behind the confirmation dialog.
 */
export class DmpConsentPanel extends DmpElement {
  static override styles = [...DmpElement.styles, styles];

  readonly #load = new Task(this, {
    task: async ([ins, ready], { signal }) => {
      const { client, actor, policy } = this;
      if (!ins || !ready || !client || !actor || !policy) return initialState;
      const dossier = await this.dossierInfo(ins, { signal });
      // No access mode is asked: an emergency grant opens none of these sections (authorization.read
      // needs normal access, the rest belongs to the patient's side).
      const decisions = Object.fromEntries(
        PANEL_ACTIONS.map((action) => [action, policy.decide({ actor, action, dossier: dossier.policy })]),
      ) as Record<PanelAction, Decision>;
      const may = (action: PanelAction) => dossier.status === 'active' && decisions[action].allowed;
      const [authorizations, oppositions, preferences, representatives] = await Promise.all([
        may('authorization.read') ? client.listAuthorizations(ins, { signal }).then((list) => list.items) : undefined,
        may('opposition.manage') ? client.getOppositions(ins, { signal }) : undefined,
        may('notification.manage') ? client.getNotificationPreferences(ins, { signal }) : undefined,
        may('representative.manage') ? client.listRepresentatives(ins, { signal }).then((list) => list.items) : undefined,
      ]);
      return { ins, dossier, decisions, authorizations, oppositions, preferences, representatives } satisfies PanelData;
    },
    args: () => [this.patientIns, this.ready, this.client, this.actor, this.policy, this.#reloads] as const,
    onComplete: (data) => this.#accept(data),
  });

  readonly #search = new Task(this, {
    task: async ([text, client], { signal }) => {
      const query = text.trim();
      if (!client || query.length < 2 || this.#rppsFailure(query)) return initialState;
      await waitFor(SEARCH_DELAY_MS, signal);
      return (await client.searchProfessionals(query, { signal })).items;
    },
    args: () => [this.searchText, this.client] as const,
  });

  readonly #patientSections = new LazyView(this, loadPatientSections);

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  @state() private data: PanelData | undefined;
  /** Sections with a write under way: shown busy, and a second write there waits. */
  @state() private busy: ReadonlySet<Section> = new Set();
  @state() private messages: Partial<Record<Section, Message>> = {};
  /** An opposition the user just ticked, shown as such until the server answers. */
  @state() private pendingOppositions: Oppositions | undefined;
  @state() private preferences: PreferencesDraft | undefined;
  @state() private preferencesDirty = false;
  /** Addresses the user and another screen both changed: the other screen's value, shown beside theirs. */
  @state() private preferencesElsewhere: Partial<Record<'email' | 'phone', string>> = {};
  @state() private preferenceErrors: FieldErrors = new Set();
  @state() private representative: RepresentativeDraft = { ...EMPTY_REPRESENTATIVE };
  @state() private representativeErrors: FieldErrors = new Set();
  /**
   * The fields a gateway refused (`invalidParams`, by body path), each with its reason, until the
   * user changes that field: a gateway may check more than these forms do.
   */
  @state() private serverFieldErrors: ReadonlyMap<string, string> = new Map();
  @state() private closeReason = '';
  @state() private closeWord = '';
  @state() private closeErrors: FieldErrors = new Set();
  @state() private searchText = '';
  @state() private confirmation: Confirmation | undefined;

  /** By sitting and patient, the last write that failed while another patient was shown (see #write). */
  readonly #failedAway = new Map<string, FailedAway>();
  /** Bumped to reload after another element changed this dossier. */
  #reloads = 0;
  /** Counts the resets of the forms, so that a submission still waiting knows its form is gone. */
  #forms = 0;
  /** The data-change revision this panel published itself: no need to reload for it. */
  #ownRevision: number | undefined;
  /**
   * By patient, a representative sent again unchanged goes under the same key: an addition whose
   * answer was lost is not made twice, even when sent again after another patient was shown.
   */
  readonly #additionKeys = new Map<string, RetryKey>();
  /** The notification preferences a failed save restored on the way back was made over (see #accept). */
  #restoredBase: PanelData['preferences'];

  /** INS (NIR, 15 characters) of the patient whose dossier is managed. */
  @property({ attribute: 'patient-ins' }) patientIns = '';

  /**
   * The level of the element's title in the host page's outline, a whole number from 1 (2 when
   * unset or not one); its other headings follow, one level down each. Screen reader users move
   * through a page by its headings: give one more than the level of the heading the element sits
   * under.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: number | undefined;

  /** The patient as the host software identifies them; shown as the identity, never traits from the DMP. */
  @property({ attribute: false }) patient: PatientDisplay | undefined;

  /** The word to type to confirm the closure, in the interface language (`FERMER`, `CLOSE`). */
  get #closeConfirmationWord(): string {
    return msg('FERMER');
  }

  protected override willUpdate(changed: PropertyValues): void {
    const change = changed.has('dataChange') ? this.takeDataChange(this.patientIns, this.#ownRevision) : undefined;
    if (change && changesAccess(change.topics)) this.#reloads += 1;
    // Another patient, another user or a logout: what was typed belongs to the one who left.
    const userLeft = this.userLeft(changed);
    const left = changed.has('patientIns') || userLeft;
    if (userLeft) {
      this.#failedAway.clear();
      this.#additionKeys.clear();
    }
    // A question asked of the user who left, or before the session ended, is no longer asked:
    // its dialog may be gone from the page without a close event.
    if (left || (changed.has('session') && this.session?.state !== 'active')) this.#dropConfirmation();
    if (left) {
      this.#forms += 1;
      this.#restoredBase = undefined;
      // The writes under way belong to the previous forms: they neither block nor show here.
      this.busy = new Set();
      this.pendingOppositions = undefined;
      // Loaded again for whoever is here now, even when nothing the load depends on changed (a
      // logout and a new session in the same task).
      this.#reloads += 1;
      this.data = undefined;
      this.preferences = undefined;
      this.preferencesDirty = false;
      this.preferencesElsewhere = {};
      this.representative = { ...EMPTY_REPRESENTATIVE };
      this.serverFieldErrors = new Map();
      this.preferenceErrors = new Set();
      this.representativeErrors = new Set();
      this.closeErrors = new Set();
      this.closeReason = '';
      this.closeWord = '';
      this.searchText = '';
      this.messages = {};
      // Back on a patient whose write failed while another was shown: why, and what was sent.
      const key = `${this.sitting}|${this.patientIns}`;
      const failed = this.#failedAway.get(key);
      this.#failedAway.delete(key);
      if (failed) {
        this.messages = { [failed.section]: failed.message };
        if (failed.section === 'representatives') this.representative = failed.representative;
        // The reason, not the word that confirms it: closing is confirmed again, on this patient.
        if (failed.section === 'close') this.closeReason = failed.closeReason;
        if (failed.section === 'notifications' && failed.preferences) {
          this.preferences = failed.preferences;
          this.preferencesDirty = true;
          this.#restoredBase = failed.basePreferences;
        }
      }
    }
  }

  /**
   * Focus gone with a section a closure took away goes to the dossier's status, which says why;
   * gone with all of them (a reload refused), to the title, under which the refusal shows.
   */
  protected override focusFallback(): HTMLElement | null | undefined {
    const refuge = this.#gone() ? '#panel-title' : this.data?.dossier.status === 'closed' ? '#dossier-status' : undefined;
    return super.focusFallback() ?? (refuge && this.renderRoot.querySelector<HTMLElement>(refuge));
  }

  /** Whether a load was refused for good (the user removed themselves, say): the dossier's settings go with it. */
  #gone(): boolean {
    return this.#load.status === TaskStatus.ERROR && !isRetryable(this.#load.error);
  }

  #accept(data: PanelData): void {
    const before = this.data?.ins === data.ins ? this.data.preferences : this.#restoredBase;
    this.#restoredBase = undefined;
    this.data = data;
    const now = data.preferences ? preferencesDraft(data.preferences) : undefined;
    if (!this.preferencesDirty) this.preferences = now;
    // Saved elsewhere meanwhile: the user's own edits stay, over the version now on the server.
    else if (before && now && this.preferences) {
      const base = preferencesDraft(before);
      this.preferencesElsewhere = { ...this.preferencesElsewhere, ...changedOnBothSides(this.preferences, base, now) };
      this.preferences = rebasePreferences(this.preferences, base, now);
    }
  }

  #rppsFailure(query: string): RppsFailure | undefined {
    if (!/^[\d\s]+$/.test(query)) return undefined;
    const result = validateRpps(query);
    return result.ok ? undefined : result.reason;
  }

  /** Announces a write for `ins`, the patient it was sent for (the panel may show another by now). */
  #notify(topics: readonly DataTopic[], ins: string): void {
    this.provider?.notifyDataChanged(topics, ins);
    // Context values reach consumers synchronously: this is the revision just published.
    this.#ownRevision = this.dataChange?.revision;
  }

  #say(section: Section, kind: Message['kind'], text: () => string): void {
    this.messages = { ...this.messages, [section]: { kind, text } };
  }

  /**
   * Taken when a submission of `section` starts: says its failure in the section, or, once the
   * forms were reset (another patient or user, a logout), keeps it with what they held then for
   * its patient, to say on the way back (see willUpdate).
   */
  #failure(section: Section): (message: Message) => void {
    const forms = this.#forms;
    const away = `${this.sitting}|${this.data?.ins}`;
    const { representative, preferences, closeReason } = this;
    const basePreferences = this.data?.preferences;
    return (message) => {
      if (this.#forms === forms) this.messages = { ...this.messages, [section]: message };
      else this.#failedAway.set(away, { section, message, representative, preferences, basePreferences, closeReason });
    };
  }

  /**
   * The forms' checks, loaded on the first submission; on failure (offline) the section says so
   * (see #failure). Undefined too when, while they loaded, the forms were reset (another patient
   * or user, a logout: the form submitted is gone) or the session ended (what was typed stays, to
   * be sent once the user is back).
   */
  async #validation(section: Section): Promise<typeof import('./validation.js') | undefined> {
    const forms = this.#forms;
    const failure = this.#failure(section);
    try {
      const validation = await loadValidation();
      return this.#forms === forms && this.session?.state === 'active' ? validation : undefined;
    } catch (error) {
      failure({ kind: 'error', text: () => this.#notSaved(error, section) });
      return undefined;
    }
  }

  #notSaved(error: unknown, section: Section): string {
    // Only the patient's settings are written against a version (their ETag).
    if (isDmpError(error) && error.kind === 'conflict' && (section === 'oppositions' || section === 'notifications')) {
      return msg('La modification n’a pas été enregistrée : ce réglage a changé entre-temps sur un autre écran ; voici son état actuel.');
    }
    return writeFailureText(error, () => msg(str`La modification n’a pas été enregistrée : ${errorText(error)}`));
  }

  // --- Confirmation dialog -------------------------------------------------------------------

  async #confirm(confirmation: Confirmation): Promise<void> {
    if (this.confirmation || this.#stillSaving(confirmation.section)) return;
    this.confirmation = { ...confirmation, forms: this.#forms };
    await this.updateComplete;
    this.dialog.returnValue = '';
    this.dialog.showModal();
  }

  /** Whether a change of `section` is still being written; if so, says that the one asked now waits for it. */
  #stillSaving(section: Section): boolean {
    if (!this.busy.has(section)) return false;
    this.#say(section, 'error', () => msg('Une modification précédente est en cours d’enregistrement : réessayez dans un instant.'));
    return true;
  }

  #dropConfirmation(): void {
    if (!this.confirmation) return;
    this.confirmation = undefined;
    if (this.dialog?.open) this.dialog.close();
  }

  #handleDialogClose(): void {
    const confirmation = this.confirmation;
    this.confirmation = undefined;
    if (!confirmation) return;
    confirmation.trigger?.focus();
    if (this.dialog.returnValue !== 'confirm' || confirmation.forms !== this.#forms || this.#stillSaving(confirmation.section)) return;
    void confirmation.run().then(async () => {
      await this.updateComplete;
      // Only when focus went with the trigger: not from another of the panel's fields, nor from
      // the page, where the user may have gone while the change was saved.
      if (!confirmation.trigger?.isConnected && this.focusLost()) confirmation.fallback()?.focus();
    });
  }

  // --- Authorizations ------------------------------------------------------------------------

  #askAuthorizationChange(change: AuthorizationChangeKind, professional: Professional, event: Event): void {
    const treating = this.data?.authorizations?.some((a) => a.status === 'treating-physician' && a.professional.rpps === professional.rpps);
    void this.#confirm({
      section: 'authorizations',
      text: () => changeConfirmation(change, fullName(professional), { treating, emergency: this.#emergencyOnceRevoked(professional) }),
      run: () => this.#changeAuthorization(change, professional),
      trigger: event.currentTarget as HTMLElement,
      fallback: () => this.renderRoot.querySelector<HTMLElement>(change === 'grant' ? '#search' : '#authorizations-title'),
    });
  }

  /**
   * Whether `professional`, once revoked, could still open the dossier in an emergency, as a
   * break-glass or a SAMU regulator's access: asked of the policy as they would ask it, with a
   * justification long enough (what they would write does not change the answer).
   */
  #emergencyOnceRevoked(professional: Professional): boolean {
    const { data, policy } = this;
    if (!data || !policy) return false;
    // Revoked, they are neither authorized nor blocked (a block ends an authorization), whatever
    // the view loaded before this panel's own changes says, and the others' standing does not
    // bear on them; the oppositions are those last saved here.
    const dossier = { ...data.dossier.policy, authorizedRpps: [], blockedRpps: [], oppositions: data.oppositions ?? data.dossier.policy.oppositions };
    const request = { justification: 'x'.repeat(MIN_JUSTIFICATION_LENGTH) };
    return (['break-glass', 'regulation'] as const).some((mode) => policy.decide({ actor: { ...professional, kind: 'professional' }, action: 'document.list', dossier, request: { ...request, mode } }).allowed);
  }

  async #changeAuthorization(change: AuthorizationChangeKind, professional: Professional): Promise<void> {
    const ins = this.data?.ins;
    if (!ins || !this.emit('dmp-authorization-change-request', { ins, change, professional }, { cancelable: true })) return;
    await this.#write('authorizations', async (client, ins, here) => {
      const result = await client.changeAuthorization(ins, { change, rpps: professional.rpps });
      this.#patchData(ins, { authorizations: result.items });
      this.emit('dmp-authorization-changed', { ins, change, professional });
      if (!here()) return;
      if (change === 'grant') this.searchText = '';
      this.#say('authorizations', 'success', () => changedText(change, fullName(professional)));
    });
  }

  // --- Oppositions ---------------------------------------------------------------------------

  async #changeOpposition(key: keyof Oppositions, checked: boolean): Promise<void> {
    const saved = this.data?.oppositions;
    if (!saved || this.#stillSaving('oppositions')) {
      // Not taken: the checkbox goes back to what the server has.
      this.requestUpdate();
      return;
    }
    // With the version's etag: changed elsewhere since, the write is refused, not undone.
    const wanted: StoredOppositions = { ...saved, [key]: checked };
    this.pendingOppositions = wanted;
    await this.#write('oppositions', async (client, ins, here) => {
      const answer = await client.setOppositions(ins, wanted);
      this.#patchData(ins, { oppositions: answer });
      const { etag: _version, ...oppositions } = answer;
      this.emit('dmp-opposition-changed', { ins, oppositions });
      if (here()) this.#say('oppositions', 'success', () => msg('Votre choix est enregistré et s’applique dès maintenant.'));
    });
    if (this.pendingOppositions === wanted) this.pendingOppositions = undefined;
  }

  // --- Notification preferences ---------------------------------------------------------------

  #editPreferences(patch: Partial<PreferencesDraft>): void {
    if (!this.preferences) return;
    this.#forgetErrors(patch);
    this.preferences = { ...this.preferences, ...patch };
    this.preferencesDirty = true;
  }

  async #submitPreferences(): Promise<void> {
    if (!this.preferences || this.#stillSaving('notifications')) return;
    const validation = await this.#validation('notifications');
    // Checked again after the wait: a second click may have gone through meanwhile.
    if (!validation || !this.preferences || this.busy.has('notifications')) return;
    const parsed = validation.parsePreferences(this.preferences);
    this.preferenceErrors = parsed.ok ? new Set() : parsed.fields;
    if (!parsed.ok) {
      await this.#focusFirstInvalid('notifications');
      return;
    }
    const sent = this.preferences;
    await this.#write('notifications', async (client, ins, here) => {
      // Made against the version shown: changed elsewhere since, it is refused, not undone.
      const etag = this.data?.ins === ins ? this.data.preferences?.etag : undefined;
      const saved = await client.setNotificationPreferences(ins, etag ? { ...parsed.value, etag } : parsed.value);
      this.#patchData(ins, { preferences: saved });
      if (!here()) return;
      // The fields stay editable during the save: what was typed meanwhile stays, still to save.
      const typedSince = this.preferences !== sent;
      if (!typedSince) {
        this.preferences = preferencesDraft(saved);
        this.preferencesDirty = false;
      }
      this.preferencesElsewhere = {};
      this.#say('notifications', 'success', () =>
        typedSince
          ? msg('Vos préférences de notification sont enregistrées ; ce que vous avez saisi depuis reste à enregistrer.')
          : msg('Vos préférences de notification sont enregistrées.'),
      );
    });
  }

  /**
   * A field the user changes is judged again at the next submit: neither the server's refusal
   * nor the form's own check stays on it. The forms' field names differ, so one call serves all.
   */
  #forgetErrors(patch: object): void {
    const edited = Object.keys(patch);
    if (edited.some((field) => this.serverFieldErrors.has(field))) {
      this.serverFieldErrors = new Map([...this.serverFieldErrors].filter(([field]) => !edited.includes(field)));
    }
    this.preferenceErrors = withoutFields(this.preferenceErrors, edited);
    this.representativeErrors = withoutFields(this.representativeErrors, edited);
    this.closeErrors = withoutFields(this.closeErrors, edited);
  }

  // --- Legal representatives -----------------------------------------------------------------

  async #submitRepresentative(): Promise<void> {
    if (this.#stillSaving('representatives')) return;
    const validation = await this.#validation('representatives');
    if (!validation || this.busy.has('representatives')) return;
    // The link shown is the one sent: the first offered when the draft's is not this patient's.
    const minor = this.data?.dossier.policy.patientIsMinor ?? false;
    const parsed = validation.parseRepresentative({ ...this.representative, relationship: chosenRelationship(this.representative, minor) });
    this.representativeErrors = parsed.ok ? new Set() : parsed.fields;
    if (!parsed.ok) {
      await this.#focusFirstInvalid('representatives');
      return;
    }
    const sent = this.representative;
    await this.#write('representatives', async (client, ins, here) => {
      let keys = this.#additionKeys.get(ins);
      if (!keys) this.#additionKeys.set(ins, (keys = new RetryKey()));
      const key = keys.for(parsed.value);
      const added = await client.addRepresentative(ins, parsed.value, { idempotencyKey: key });
      keys.answered(key);
      // Sent again after a lost answer, the person may be listed already (read again meanwhile).
      this.#patchData(ins, { representatives: [...(this.data?.representatives ?? []).filter((r) => r.id !== added.id), added] });
      if (!here()) return;
      if (this.representative === sent) this.representative = { ...EMPTY_REPRESENTATIVE };
      this.#say('representatives', 'success', () => msg(str`${fullName(added)} est ajouté comme représentant légal.`));
    });
  }

  /** Whether `representative` is the user: removing them ends the user's own access. */
  #isUser(representative: LegalRepresentative): boolean {
    return this.actor?.kind === 'legal-representative' && this.actor.id === representative.id;
  }

  #askRepresentativeRemoval(representative: LegalRepresentative, trigger: HTMLElement): void {
    const name = fullName(representative);
    const self = this.#isUser(representative);
    void this.#confirm({
      section: 'representatives',
      text: () => ({
        title: self ? msg('Vous retirer des représentants légaux ?') : msg(str`Retirer ${name} des représentants légaux ?`),
        body: self
          ? msg('Vous ne pourrez plus gérer ce dossier ni le consulter, dès que vous aurez confirmé.')
          : msg(str`${name} ne pourra plus gérer le dossier ni le consulter.`),
        confirmLabel: msg('Retirer'),
      }),
      run: () => this.#removeRepresentative(representative),
      trigger,
      fallback: () => this.renderRoot.querySelector<HTMLElement>('#representatives-title'),
    });
  }

  async #removeRepresentative(representative: LegalRepresentative): Promise<void> {
    await this.#write('representatives', async (client, ins, here) => {
      await client.removeRepresentative(ins, representative.id);
      this.#patchData(ins, { representatives: (this.data?.representatives ?? []).filter((r) => r.id !== representative.id) });
      if (here()) this.#say('representatives', 'success', () => msg(str`${fullName(representative)} n’est plus représentant légal.`));
      // Having removed themselves, the user may no longer see the dossier: the panel reads it
      // again (and is refused), as the other elements do, rather than go on showing it.
      return this.#isUser(representative) ? 'read-again' : undefined;
    });
  }

  // --- Closing and reactivating the dossier ----------------------------------------------------

  async #submitClose(): Promise<void> {
    if (this.busy.has('close')) return;
    const validation = await this.#validation('close');
    if (!validation || this.busy.has('close')) return;
    const reason = validation.parseCloseReason(this.closeReason);
    const errors = new Set<string>();
    if (reason === undefined) errors.add('reason');
    if (!confirmsWith(this.closeWord, this.#closeConfirmationWord)) errors.add('word');
    this.closeErrors = errors;
    if (reason === undefined || errors.size > 0) {
      await this.#focusFirstInvalid('close');
      return;
    }
    if (!this.emit('dmp-dossier-close-request', { ins: this.patientIns, reason }, { cancelable: true })) return;
    const closed = await this.#write('close', async (client, ins, here) => {
      const dossier = await client.closeDossier(ins, reason);
      this.emit('dmp-dossier-closed', { dossier });
      if (!here()) return;
      this.closeReason = '';
      this.closeWord = '';
      this.#say('status', 'success', () => msg('Le dossier est fermé.'));
    });
    if (!closed) return;
    await this.#reload();
    if (this.focusLost()) this.renderRoot.querySelector<HTMLElement>('#dossier-status')?.focus();
  }

  #askReactivation(event: Event): void {
    void this.#confirm({
      section: 'status',
      text: () => ({
        title: msg('Réactiver le dossier ?'),
        body: msg('Le dossier redevient accessible, dans les mêmes conditions qu’avant sa fermeture.'),
        confirmLabel: msg('Réactiver'),
      }),
      run: () => this.#reactivate(),
      trigger: event.currentTarget as HTMLElement,
      fallback: () => this.renderRoot.querySelector<HTMLElement>('#dossier-status'),
    });
  }

  async #reactivate(): Promise<void> {
    const reactivated = await this.#write('status', async (client, ins, here) => {
      const dossier = await client.reactivateDossier(ins);
      this.emit('dmp-dossier-reactivated', { dossier });
      if (here()) this.#say('status', 'success', () => msg('Le dossier est réactivé.'));
    });
    if (reactivated) await this.#reload();
  }

  /** Reloads after a change of status, which changes what every section may do. */
  async #reload(): Promise<void> {
    await this.#load.run();
  }

  // --- Writes --------------------------------------------------------------------------------

  /**
   * Runs one write of a section for the patient shown: the section is busy meanwhile and its
   * failure is said in words; what the user typed is left alone either way. `here()` tells whether
   * the forms are still the ones it was asked from: after a change of patient or user, or a
   * logout, the write is still announced for its own patient, but says nothing and resets nothing
   * in the forms of the next one. A write done is announced with the section's topics; as the
   * panel's own change, unless `run` answers `read-again`. Resolves with whether it succeeded and
   * the forms are still those.
   */
  async #write(
    section: Section,
    run: (client: DmpClient, ins: string, here: () => boolean) => Promise<'read-again' | void>,
  ): Promise<boolean> {
    const client = this.client;
    const ins = this.data?.ins;
    if (!client || !ins || this.busy.has(section)) return false;
    const forms = this.#forms;
    const here = () => this.#forms === forms;
    const failure = this.#failure(section);
    this.busy = new Set(this.busy).add(section);
    this.messages = { ...this.messages, [section]: undefined };
    const shown = SHOWN_FIELDS[section] ?? [];
    this.#forgetErrors(Object.fromEntries(shown.map((field) => [field, true])));
    const topics = [SECTION_TOPIC[section], 'history'] as const;
    try {
      if ((await run(client, ins, here)) === 'read-again') this.provider?.notifyDataChanged(topics, ins);
      else this.#notify(topics, ins);
      return here();
    } catch (error) {
      const refused = isDmpError(error) && error.kind === 'invalid-request' ? (error.issues ?? []) : [];
      const [under, elsewhere] = [refused.filter((i) => shown.includes(i.path)), refused.filter((i) => !shown.includes(i.path))];
      // A reason for a field this form does not show is said in the section's message. Refused
      // because the dossier was closed meanwhile, the section goes with the reload that shows the
      // closure: the refusal is said beside it, without repeating what the closure says.
      if (isDmpError(error) && error.reason === 'dossier-closed') {
        if (here() && section === 'close') this.#say('status', 'success', () => msg('Le dossier était déjà fermé.'));
        else if (here()) this.#say('status', 'error', () => msg('La modification n’a pas été enregistrée : le dossier a été fermé entre-temps.'));
      } else {
        failure({ kind: 'error', text: () => [this.#notSaved(error, section), ...elsewhere.map((i) => i.message)].join(' ') });
      }
      if (here() && under.length > 0) {
        this.serverFieldErrors = new Map([...this.serverFieldErrors, ...under.map((i) => [i.path, i.message] as const)]);
        if ((section === 'notifications' || section === 'representatives') && this.focusIsOurs()) void this.#focusFirstInvalid(section);
      }
      // Answered unreadably, the change was most likely made; refused as stale or as not allowed,
      // another screen changed the setting, or the dossier or the user's standing: either way
      // show what the server holds, so that the user decides again on it (what was typed stays,
      // see #accept). Every element hears of it, and the dossier is tested afresh, whichever
      // patient this panel shows by now.
      if (answeredUnreadably(error) || (isDmpError(error) && (error.kind === 'conflict' || error.kind === 'forbidden'))) {
        this.provider?.notifyDataChanged(topics, ins);
      }
      return false;
    } finally {
      if (here()) {
        const busy = new Set(this.busy);
        busy.delete(section);
        this.busy = busy;
      }
    }
  }

  /** Applies a server answer, unless the panel moved to another patient meanwhile. */
  #patchData(ins: string, patch: Partial<PanelData>): void {
    if (this.data?.ins === ins) this.data = { ...this.data, ...patch };
  }

  async #focusFirstInvalid(sectionId: 'notifications' | 'representatives' | 'close'): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${sectionId} [aria-invalid="true"]`)?.focus();
  }

  // --- Rendering -----------------------------------------------------------------------------

  protected override updated(): void {
    levelHeadings(this.renderRoot, this.headingLevel);
  }

  protected override renderContent(): unknown {
    const loading = this.#load.status === TaskStatus.PENDING;
    return html`<section part="base" class="panel" aria-labelledby="panel-title" aria-busy=${loading ? 'true' : 'false'}>
        <h2 id="panel-title" tabindex="-1">${msg('Gestion du DMP')}</h2>
        ${renderPatientLine(this.patient, this.locale)} ${this.#renderBody(loading)}
      </section>
      ${this.#renderDialog()}`;
  }

  #renderBody(loading: boolean): unknown {
    if (!this.patientIns) {
      return html`<p part="notice" class="notice">${msg('Aucun patient n’est sélectionné (attribut patient-ins).')}</p>`;
    }
    const failed = this.#load.status === TaskStatus.ERROR ? this.#renderLoadError(this.#load.error) : undefined;
    const data = this.data;
    if (!data || this.#gone() || ((loading || failed) && data.ins !== this.patientIns)) {
      return (
        failed ??
        html`<div class="skeleton" role="status">
          <span class="visually-hidden">${msg('Chargement des réglages du dossier…')}</span>
          <span class="skeleton-line"></span><span class="skeleton-line"></span><span class="skeleton-line"></span>
        </div>`
      );
    }
    // A reload that may succeed when retried (after a conflict, or a change made elsewhere) says
    // its failure above the sections: what the user typed, their messages and focus stay.
    if (data.dossier.status === 'none') {
      return html`${failed ?? nothing}<p part="notice" class="notice" role="status">${reasonText('no-dossier')}</p>`;
    }
    return html`${failed ?? nothing}${this.#renderDossierStatus(data)} ${this.#renderRefusals(data)} ${this.#renderAuthorizations(data)}
    ${this.#renderPatientSide(data)}`;
  }

  #renderLoadError(error: unknown): TemplateResult {
    return html`<div part="notice" class="notice notice--error load-error" role="alert">
      <strong>${msg('Impossible de charger les réglages du dossier.')}</strong>
      <p>${errorText(error)}</p>
      ${isRetryable(error)
        ? html`<button type="button" class="button" @click=${() => this.retryFrom('#panel-title', () => this.#reload())}>${msg('Réessayer')}</button>`
        : nothing}
    </div>`;
  }

  #renderMessage(section: Section): TemplateResult | typeof nothing {
    const message = this.messages[section];
    const success = message?.kind === 'success' ? html`<p part="notice" class="notice notice--success">${message.text()}</p>` : nothing;
    const error = message?.kind === 'error' ? html`<p part="notice" class="notice notice--error">${message.text()}</p>` : nothing;
    // Both regions stay in the page, empty, so that what appears in them is announced.
    return html`<div class="messages"><div role="status">${success}</div><div role="alert">${error}</div></div>`;
  }

  /** Sections the user may not use, grouped by the reason, so a refusal reads once. */
  #renderRefusals(data: PanelData): TemplateResult | typeof nothing {
    if (data.dossier.status !== 'active') return nothing;
    const sections: Array<[PanelAction, string]> = [
      ['authorization.read', msg('Professionnels de santé')],
      ['opposition.manage', msg('Accès en urgence')],
      ['notification.manage', msg('Notifications')],
      ['representative.manage', msg('Représentants légaux')],
      ['dossier.close', msg('Fermeture du DMP')],
    ];
    const byReason = new Map<ReasonCode, string[]>();
    for (const [action, label] of sections) {
      const decision = data.decisions[action];
      if (decision.allowed) continue;
      byReason.set(decision.reason, [...(byReason.get(decision.reason) ?? []), label]);
    }
    if (byReason.size === 0) return nothing;
    return html`<div part="notice" class="notice refusals">
      <strong>${msg('Non disponible pour vous')}</strong>
      <ul>
        ${[...byReason].map(([reason, labels]) => html`<li>${msg(str`${labels.join(', ')} : ${reasonText(reason)}`)}</li>`)}
      </ul>
    </div>`;
  }

  #renderDossierStatus(data: PanelData): TemplateResult {
    const message = this.#renderMessage('status');
    if (data.dossier.status !== 'closed') return html`<div id="dossier-status" tabindex="-1">${message}</div>`;
    const reactivation = data.decisions['dossier.reactivate'];
    const closedAt = data.dossier.closedAt;
    return html`<div part="notice" class="notice notice--closed" id="dossier-status" tabindex="-1" aria-busy=${this.busy.has('status') ? 'true' : 'false'}>
      <strong>
        ${closedAt
          ? msg(str`Ce dossier est fermé depuis le ${formatDate(closedAt, this.locale)}.`)
          : msg('Ce dossier est fermé.')}
      </strong>
      ${data.dossier.closeReason ? html`<p>${msg(str`Motif : ${data.dossier.closeReason}`)}</p>` : nothing}
      <p>
        ${msg('Son contenu n’est plus accessible aux professionnels de santé. Il est conservé dix ans après la fermeture ; pendant ce délai, le dossier peut être réactivé.')}
      </p>
      ${reactivation.allowed
        ? html`<button type="button" class="button" @click=${(e: Event) => this.#askReactivation(e)}>
            ${msg('Réactiver le dossier')}
          </button>`
        : html`<p>${reasonText(reactivation.reason)}</p>`}
      ${message}
    </div>`;
  }

  #renderAuthorizations(data: PanelData): TemplateResult | typeof nothing {
    if (data.dossier.status !== 'active' || !data.decisions['authorization.read'].allowed) return nothing;
    const manageDecision = data.decisions['authorization.manage'];
    const manage = manageDecision.allowed;
    const items = data.authorizations ?? [];
    const of = (status: Authorization['status']) => items.filter((a) => a.status === status);
    const blockedRpps = new Set(of('blocked').map((a) => a.professional.rpps));
    return html`<section part="section" class="section" id="authorizations" aria-labelledby="authorizations-title" aria-busy=${this.busy.has('authorizations') ? 'true' : 'false'}>
      <h3 id="authorizations-title" tabindex="-1">${msg('Professionnels de santé')}</h3>
      ${manage ? nothing : html`<p class="hint">${msg(str`Lecture seule. ${reasonText(manageDecision.reason)}`)}</p>`}

      <h4>${msg('Médecin traitant')}</h4>
      <p class="hint">
        ${msg('Le médecin traitant accède au dossier d’autorité : il n’a pas besoin d’une autorisation distincte. Il rédige la synthèse médicale.')}
      </p>
      ${this.#renderProfessionals(
        of('treating-physician'),
        msg('Aucun médecin traitant n’est désigné.'),
        (a) => (manage && !blockedRpps.has(a.professional.rpps) ? [this.#actionButton('block', a.professional)] : []),
        (a) => (blockedRpps.has(a.professional.rpps) ? standingLabel('blocked') : undefined),
      )}

      <h4>${msg('Professionnels autorisés')}</h4>
      ${this.#renderProfessionals(
        of('authorized'),
        msg('Aucun professionnel n’est autorisé.'),
        (a) => (manage ? [this.#actionButton('revoke', a.professional), this.#actionButton('block', a.professional)] : []),
      )}

      <h4>${msg('Professionnels bloqués')}</h4>
      <p class="hint">
        ${this.actor?.kind === 'patient' || this.actor?.kind === 'legal-representative'
          ? msg('Un professionnel bloqué ne peut pas accéder au dossier, même avec votre accord ou en urgence.')
          : msg('Un professionnel bloqué ne peut pas accéder au dossier, même avec l’accord du patient ou en urgence.')}
      </p>
      ${this.#renderProfessionals(
        of('blocked'),
        msg('Aucun professionnel n’est bloqué.'),
        (a) => (manage ? [this.#actionButton('unblock', a.professional)] : []),
      )}
      ${manage ? this.#renderSearch(items) : nothing} ${this.#renderMessage('authorizations')}
    </section>`;
  }

  #actionButton(change: AuthorizationChangeKind, professional: Professional): TemplateResult {
    const destructive = change === 'block' || change === 'revoke';
    return html`<button
      type="button"
      class=${destructive ? 'button button--quiet button--danger' : 'button button--quiet'}
      data-change=${change}
      aria-label=${changeLabelFor(change, fullName(professional))}
      @click=${(e: Event) => this.#askAuthorizationChange(change, professional, e)}
    >
      ${changeLabel(change)}
    </button>`;
  }

  #renderProfessionals(
    list: Authorization[],
    empty: string,
    actions: (a: Authorization) => TemplateResult[],
    badge: (a: Authorization) => string | undefined = () => undefined,
  ): TemplateResult {
    if (list.length === 0) return html`<p class="empty">${empty}</p>`;
    return html`<ul class="rows">
      ${repeat(
        list,
        (a) => `${a.status}:${a.professional.rpps}`,
        (a) => professionalRow(a.professional, { since: a.since, badge: badge(a), actions: actions(a), locale: this.locale }),
      )}
    </ul>`;
  }

  #renderSearch(current: Authorization[]): TemplateResult {
    const query = this.searchText.trim();
    const failure = this.#rppsFailure(query);
    const status = !failure && query.length >= 2 ? this.#search.status : TaskStatus.INITIAL;
    const results = status === TaskStatus.COMPLETE ? this.#search.value : undefined;
    const standing = new Map(current.map((a) => [a.professional.rpps, a.status]));
    // One live region, in the page from the start, says that a search runs and that it found no
    // one: a region put in with its text is often not read.
    return html`<div class="search">
      <h4>${msg('Autoriser un professionnel')}</h4>
      <label for="search">${msg('Nom ou numéro RPPS')}</label>
      <input
        id="search"
        type="search"
        autocomplete="off"
        maxlength="100"
        .value=${live(this.searchText)}
        aria-describedby="search-hint"
        aria-invalid=${failure ? 'true' : 'false'}
        @input=${(e: Event) => (this.searchText = (e.target as HTMLInputElement).value)}
      />
      <p id="search-hint" class=${failure ? 'field-error' : 'hint'} aria-live="polite">
        ${failure
          ? rppsFailureText(failure)
          : msg('Seuls les professionnels connus de l’annuaire sont proposés.')}
      </p>
      <p class="hint search-status" role="status">${status === TaskStatus.PENDING
          ? msg('Recherche…')
          : results?.length === 0
            ? msg('Aucun professionnel ne correspond à cette recherche.')
            : results?.length === 1
              ? msg('1 professionnel trouvé.')
              : results
                ? msg(str`${results.length} professionnels trouvés.`)
                : nothing}</p>
      ${status === TaskStatus.ERROR ? html`<p class="field-error" role="alert">${errorText(this.#search.error)}</p>` : nothing}
      ${results?.length
        ? html`<ul class="rows results" aria-label=${msg('Résultats de la recherche')}>
            ${results.map((p) => this.#renderResult(p, standing.get(p.rpps)))}
          </ul>`
        : nothing}
    </div>`;
  }

  #renderResult(p: Professional, status: Authorization['status'] | undefined): TemplateResult {
    return professionalRow(p, {
      badge: status ? standingLabel(status) : undefined,
      actions: status ? nothing : this.#actionButton('grant', p),
      locale: this.locale,
    });
  }

  /** The patient's own sections, from their module; not even fetched for those who may use none of them. */
  #renderPatientSide(data: PanelData): unknown {
    if (data.dossier.status !== 'active' || !PATIENT_SIDE_ACTIONS.some((action) => data.decisions[action].allowed)) return nothing;
    this.#patientSections.request();
    return this.#patientSections.render((sections) => sections.renderPatientSections(this.#patientSectionsView(data)));
  }

  #patientSectionsView(data: PanelData): PatientSectionsView {
    return {
      data,
      ownDossier: this.actor?.kind === 'patient',
      locale: this.locale,
      busy: this.busy,
      oppositions: this.pendingOppositions ?? data.oppositions,
      preferences: this.preferences,
      preferenceErrors: this.preferenceErrors,
      preferencesElsewhere: this.preferencesElsewhere,
      representative: this.representative,
      representativeErrors: this.representativeErrors,
      serverFieldErrors: this.serverFieldErrors,
      closeReason: this.closeReason,
      closeWord: this.closeWord,
      closeErrors: this.closeErrors,
      closeConfirmationWord: this.#closeConfirmationWord,
      message: (section) => this.#renderMessage(section),
      prefetchChecks: loadValidation.prefetch,
      changeOpposition: (key, checked) => void this.#changeOpposition(key, checked),
      editPreferences: (patch) => this.#editPreferences(patch),
      submitPreferences: () => void this.#submitPreferences(),
      editRepresentative: (patch) => {
        this.#forgetErrors(patch);
        this.representative = { ...this.representative, ...patch };
      },
      submitRepresentative: () => void this.#submitRepresentative(),
      askRepresentativeRemoval: (representative, trigger) => this.#askRepresentativeRemoval(representative, trigger),
      editClose: (patch) => {
        this.#forgetErrors(patch);
        this.closeReason = patch.reason ?? this.closeReason;
        this.closeWord = patch.word ?? this.closeWord;
      },
      submitClose: () => void this.#submitClose(),
    };
  }

  #renderDialog(): TemplateResult {
    const c = this.confirmation?.text();
    return html`<dialog part="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-body" @close=${() => this.#handleDialogClose()}>
      <form method="dialog">
        <h3 id="confirm-title">${c?.title ?? ''}</h3>
        <p id="confirm-body">${c?.body ?? ''}</p>
        <div class="dialog-actions">
          <button type="submit" value="cancel" class="button button--quiet" autofocus>${msg('Annuler')}</button>
          <button type="submit" value="confirm" class="button">${c?.confirmLabel ?? ''}</button>
        </div>
      </form>
    </dialog>`;
  }
}
