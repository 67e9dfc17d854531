import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isDmpError } from '../../client/errors.js';
import { lazyModule } from '../../client/lazy-module.js';
import { formatDate, localToday } from '../../i18n/format.js';
import { reasonText } from '../../i18n/labels.js';
import { isRetryable } from '../../i18n/error-text.js';
import type { Credentials, DossierCreate, DossierCreated, DossierInfo, PolicyDossier } from '../../model/dossier.js';
import { MINOR_REPRESENTATIVE_RELATIONSHIPS } from '../../model/relationships.js';
import { normalizeNir, validateNir } from '../../model/nir.js';
import { NO_DOSSIER } from '../../model/no-dossier.js';
import { INS_STATUSES, isMinor, type InsStatus } from '../../model/ins.js';
import type { PatientIdentity, PatientTraits } from '../../model/patient.js';
import type { Decision } from '../../policy/types.js';
import { DmpElement, levelHeadings } from '../base/dmp-element.js';
import { RetryKey } from '../base/retry-key.js';
import { baseStyles } from '../base/styles.js';
import { styles } from './dmp-dossier-create.styles.js';
import './events.js';
import { checkboxField, selectField, textField } from './fields.js';
import {
  EMPTY_DETAILS,
  EMPTY_IDENTITY,
  creationChannel,
  detailsOf,
  typedDetails,
  type DetailsField,
  type DetailsForm,
  type FieldErrors,
  type IdentityField,
  type IdentityForm,
} from './identity.js';
import { insStatusLabel, relationshipLabel, requestErrorText, sexLabel } from './messages.js';
import { formatNir, reformatNirInput } from './nir-format.js';
import { serverIssues } from './server-issues.js';
import { consentInformation, credentialsSheet } from './texts.js';

type Step = 'identify' | 'dossier' | 'credentials' | 'done';

type Checks = typeof import('./checks.js');

const TRAIT_KEYS = ['birthName', 'firstNames', 'birthDate', 'sex', 'birthPlaceCode'] as const;

function traitsDiffer(next: Partial<PatientTraits> | undefined, previous: Partial<PatientTraits> | undefined): boolean {
  return TRAIT_KEYS.some((key) => next?.[key] !== previous?.[key]);
}

/**
 * The forms' checks (and zod with them): not part of the element's first load, fetched as soon
 * as it is on the page, since its forms are all it shows.
 */
const loadChecks = lazyModule(() => import('./checks.js'), 'The form checks', 'checkIdentity');

/**
 * Opens a patient's DMP as pharmacy, practice or hospital software does: the INS (NIR and
 * traits), the existence test, the information and the patient's consent, the creation, and the
 * connection credentials handed on paper — shown once, never stored. A patient opens their own
 * online the same way, told about themselves; online, neither they nor a legal representative are
 * asked the INS status.
 *
 * @tagname dmp-dossier-create
 * @summary Creates a patient's DMP with their consent, or finds the one they already have.
 *
 * @fires {CustomEvent<DossierExistsDetail>} dmp-dossier-exists - The patient already has a dossier: fired when the user chooses to open an active one, when the existence test finds a closed one, and after a reactivation (`reactivated: true`) while the form still shows that patient (`dmp-data-changed`, from the provider, tells of it in any case).
 * @fires {CustomEvent<DossierCreateRequestDetail>} dmp-dossier-create-request - Cancelable, before the creation request is sent; cancel it to keep the request from being sent.
 * @fires {CustomEvent<DossierCreatedDetail>} dmp-dossier-created - The dossier was created. The detail never holds the password.
 * @fires {CustomEvent<DossierCreateCancelDetail>} dmp-dossier-create-cancel - The user gave up with the Cancel button.
 *
 * @csspart base - The element's content, whatever the step.
 * @csspart form - The form of the identification and of the consent steps.
 * @csspart credentials - The printable sheet with the patient's identifier and temporary password.
 * @csspart actions - A row of buttons.
 *
 * @cssprop [--dmp-dossier-create-max-width=48rem] - The widest the element grows on screen.
 */
export class DmpDossierCreate extends DmpElement {
  static override styles = [baseStyles, styles];

  readonly #existence = new Task(this, {
    task: async ([ins], { signal }) => (ins && this.client ? this.client.getDossier(ins, { signal }) : undefined),
    args: () => [this.checked?.ins, this.checkRun] as const,
    onComplete: (info) => {
      // Nothing was checked (no patient yet): no new step to lead the user to.
      if (info !== undefined) this.#focusHeadingNext = true;
      if (info?.status === 'closed') this.emit('dmp-dossier-exists', { ins: info.ins, status: 'closed' });
      if (info?.status === 'active' && this.#uncertain.some((attempt) => attempt.input.ins === info.ins)) void this.#recoverLostCreation(info.ins);
    },
    onError: () => {
      this.#focusHeadingNext = true;
    },
  });

  /**
   * The run of the check that another element's change asked for, not the user: the step stays on
   * screen meanwhile, and what is being typed in it, rather than give way to the search. A check
   * the user asks for is a run of its own, shown searching.
   */
  #quietRun = -1;

  @state() private step: Step = 'identify';
  @state() private identity: IdentityForm = EMPTY_IDENTITY;
  @state() private identityErrors: FieldErrors<IdentityField> = {};
  /** The identity the existence test ran on, valid by construction. */
  @state() private checked: PatientIdentity | undefined;
  @state() private checkRun = 0;
  @state() private details: DetailsForm = EMPTY_DETAILS;
  @state() private detailsErrors: FieldErrors<DetailsField> = {};
  /** The details shown were typed for the identity before a correction: the user checks them. */
  @state() private carriedOver = false;
  @state() private creating = false;
  @state() private createError: unknown;
  /** The checks could not be loaded when the identification was submitted (offline). */
  @state() private checksError: unknown;
  @state() private reactivationConsent = false;
  @state() private reactivationConsentMissing = false;
  @state() private reactivating = false;
  @state() private reactivationError: unknown;
  @state() private reactivated: DossierInfo | undefined;
  @state() private createdDossier: DossierInfo | undefined;
  /** Held only while the sheet is on screen; cleared on "Done" and on disconnection. */
  @state() private credentials: Credentials | undefined;
  /** What an earlier attempt sent, when it is that attempt which created the dossier. */
  @state() private createdFrom: DossierCreate | undefined;
  /** A creation that failed once the host had moved on, said until that patient's dossier is made. */
  @state() private unfinished: DossierCreate | undefined;

  /** Whether the identification form was submitted once: from then on, errors follow every change. */
  #identityTried = false;
  /** The key of the creation being attempted, reused while the request it was made for is unchanged. */
  readonly #creationKey = new RetryKey();
  /**
   * Attempts whose fate is unknown (no answer, a 5xx, an unreadable one): each may have created
   * the dossier, and only its key gets that creation's answer back.
   */
  #uncertain: Array<{ key: string; input: DossierCreate }> = [];
  /** The creation under way, until a restart (another user, a logout) leaves its answer unwanted. */
  #sentBy: object | undefined;
  /** The host named another patient while a creation was under way. */
  #hostPatientWaits = false;
  #focusHeadingNext = false;
  #focusWasInside = false;
  /** The data-change revision this element caused, which it need not react to. */
  #ownRevision: number | undefined;

  /** The patient's NIR, prefilled by the host (from a Carte Vitale reader, say); spaces allowed. */
  @property() nir = '';

  /** The patient's INS, as every DMP element takes it; `nir` wins when both are set. */
  @property({ attribute: 'patient-ins' }) patientIns = '';

  /**
   * The level of the element's title in the host page's outline, a whole number from 1 (2 when
   * unset or not one); its other headings follow, one level down each. Screen reader users move
   * through a page by its headings: give one more than the level of the heading the element sits
   * under.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: number | undefined;

  /**
   * The INS traits the host already holds (birth name, first names, birth date, sex, birth place
   * code). Compared by content: a host that builds a new, equal object at each render (React does)
   * does not start the form over.
   */
  @property({ attribute: false, hasChanged: traitsDiffer }) traits: Partial<PatientTraits> | undefined;

  /**
   * The INS identity status the host holds: `PROV`, `RECUP`, `VALI` or `QUAL`. A professional
   * chooses it when the host gives none; a patient or representative online is not asked, and an
   * identity they type goes as `PROV`.
   */
  @property({ attribute: 'ins-status' }) insStatus: InsStatus | '' = '';

  override connectedCallback(): void {
    super.connectedCallback();
    // A failed prefetch says nothing: the submission tries again, and speaks if it fails too.
    loadChecks.prefetch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.credentials) this.#finish();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Follow the user from step to step, but never take focus from the host page: a check run
    // for a prefilled patient on load is not the user's move. Read before a render removes the
    // control that had focus (the user's click may resolve later, when the check answers).
    if (this.matches(':focus-within')) this.#focusWasInside = true;
    const prefilled = changed.has('nir') || changed.has('patientIns') || changed.has('traits') || changed.has('insStatus');
    // Another patient from the host starts over, except over credentials not yet handed over, or
    // about to be: a creation under way ends on its sheet, and the host's patient comes after.
    if (prefilled) {
      if (this.creating || this.step === 'credentials') this.#hostPatientWaits = true;
      else {
        // The same patient, better known to the host now (the INS qualified, a trait corrected):
        // the identification starts over, and the details typed stay, consent to give again.
        const same = this.checked?.ins === normalizeNir(this.nir || this.patientIns);
        const details = this.details;
        this.#restart();
        if (same) this.details = details;
      }
      // The host's move, not the user's: what comes of it does not take focus from the page.
      this.#focusWasInside = false;
    }
    // The contexts are protected, so PropertyValues<this> does not name them.
    const contexts = changed as PropertyValues;
    // Another user at the keyboard, or the same one after a logout, sees nothing of what was typed
    // before (DECISIONS.md 10); an expiry keeps it for when the user comes back.
    if ((contexts.get('actor') !== undefined && this.otherUser(contexts)) || this.loggedOut()) {
      this.#restart();
      // What the one who left attempted is not for the next user to recover.
      this.#uncertain = [];
      this.unfinished = undefined;
    }
    if (contexts.has('session') && this.session?.state === 'expired' && this.credentials) this.#finish();
    if (contexts.has('dataChange')) this.#reactToDataChange();
  }

  protected override updated(): void {
    levelHeadings(this.renderRoot, this.headingLevel);
    if (!this.#focusHeadingNext) return;
    this.#focusHeadingNext = false;
    if (!this.#focusWasInside) return;
    this.#focusWasInside = false;
    this.renderRoot.querySelector<HTMLElement>('[data-step-heading]')?.focus();
  }

  #fromHost(): IdentityForm {
    const t = this.traits ?? {};
    const status = this.insStatus.toUpperCase();
    return {
      nir: formatNir(this.nir || this.patientIns),
      // An attribute may say anything; the select holds only the four statuses.
      insStatus: INS_STATUSES.find((s) => s === status) ?? '',
      birthName: t.birthName ?? '',
      firstNames: t.firstNames ?? '',
      birthDate: t.birthDate ?? '',
      sex: t.sex ?? '',
      birthPlaceCode: t.birthPlaceCode ?? '',
    };
  }

  /** Whether the INS status shown is the host's, to show rather than choose. */
  #statusFromHost = false;

  /**
   * Online, the patient or their representative: the one reading is the one who consents, and has
   * no INS status to give (see checkIdentity; one the host gives is sent as it is, unshown).
   */
  get #online(): boolean {
    return this.actor !== undefined && creationChannel(this.actor) === 'online';
  }

  /** Back to an empty identification, or to the host's prefilled one. */
  #restart(prefill = true): void {
    this.step = 'identify';
    this.identity = prefill ? this.#fromHost() : EMPTY_IDENTITY;
    this.#statusFromHost = this.identity.insStatus !== '';
    this.identityErrors = {};
    this.#identityTried = false;
    this.checked = undefined;
    this.details = EMPTY_DETAILS;
    this.detailsErrors = {};
    this.carriedOver = false;
    this.createError = undefined;
    this.checksError = undefined;
    this.#creationKey.forget();
    this.#hostPatientWaits = false;
    this.#sentBy = undefined;
    this.createdFrom = undefined;
    // A creation still under way belongs to the one who left: this form is free again.
    this.creating = false;
    this.#resetReactivation();
    this.createdDossier = undefined;
    this.credentials = undefined;
  }

  #resetReactivation(): void {
    this.reactivating = false;
    this.reactivationConsent = false;
    this.reactivationConsentMissing = false;
    this.reactivationError = undefined;
    this.reactivated = undefined;
  }

  /** A dossier created or reactivated elsewhere for this patient: the existence test runs again. */
  #reactToDataChange(): void {
    const change = this.takeDataChange(this.checked?.ins ?? '', this.#ownRevision);
    if (!change || this.step !== 'dossier' || this.creating || this.reactivating) return;
    if (change.topics.includes('dossier')) {
      this.checkRun += 1;
      this.#quietRun = this.checkRun;
      // Another element's move: its answer does not take focus from where the user is now.
      this.#focusWasInside = false;
    }
  }

  #notifyDossierChanged(ins: string): void {
    this.provider?.notifyDataChanged(['dossier'], ins);
    this.#ownRevision = this.dataChange?.revision;
  }

  #decide(action: 'dossier.create' | 'dossier.reactivate', dossier: PolicyDossier, consent: boolean): Decision | undefined {
    if (!this.policy || !this.actor) return undefined;
    const channel = action === 'dossier.create' ? creationChannel(this.actor) : undefined;
    return this.policy.decide({ actor: this.actor, action, dossier, request: { consent, ...(channel ? { channel } : {}) } });
  }

  #isMinor(identity: PatientIdentity): boolean {
    return isMinor(identity.traits.birthDate, localToday());
  }

  /** `decide` on a creation; a dossier not created yet is judged on the identity typed, as the server does. */
  #creationDecision(identity: PatientIdentity, consent: boolean): Decision | undefined {
    const found = this.#existence.value?.policy ?? NO_DOSSIER;
    return this.#decide('dossier.create', { ...found, patientIsMinor: this.#isMinor(identity), insStatus: identity.insStatus }, consent);
  }

  #focusFirstInvalid(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  #setIdentity<F extends IdentityField>(field: F, value: IdentityForm[F]): void {
    this.identity = { ...this.identity, [field]: value };
  }

  #handleNirInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    const { value, caret } = reformatNirInput(input.value, input.selectionStart ?? input.value.length, this.identity.nir, event.inputType);
    input.value = value;
    input.setSelectionRange(caret, caret);
    this.#setIdentity('nir', value);
  }

  /** After a first submission every change re-checks the form; before, only the NIR speaks up, once typed. */
  #handleIdentityChange(field: IdentityField): void {
    if (this.#identityTried && loadChecks.loaded) {
      const result = loadChecks.loaded.checkIdentity(this.identity, !this.#online);
      this.identityErrors = result.ok ? {} : result.errors;
    } else if (field === 'nir') {
      const nir = validateNir(this.identity.nir);
      const { nir: _previous, ...others } = this.identityErrors;
      this.identityErrors = nir.ok || nir.reason === 'empty' ? others : { ...others, nir: [{ code: 'nir', reason: nir.reason }] };
    }
  }

  /** The checks, once loaded; on failure the error is kept for the form to show, and undefined returned. */
  async #checksOrSay(): Promise<Checks | undefined> {
    try {
      const checks = await loadChecks();
      this.checksError = undefined;
      return checks;
    } catch (error) {
      this.checksError = error;
      return undefined;
    }
  }

  #handleIdentifySubmit(event: SubmitEvent): void {
    event.preventDefault();
    // Loaded by now but for a very quick (or offline) user: then the submission waits for them.
    if (loadChecks.loaded) this.#identify(loadChecks.loaded);
    else void this.#checksOrSay().then((checks) => checks && this.#identify(checks));
  }

  #identify(checks: Checks): void {
    this.#identityTried = true;
    const result = checks.checkIdentity(this.identity, !this.#online);
    if (!result.ok) {
      this.identityErrors = result.errors;
      this.#focusFirstInvalid();
      return;
    }
    this.identityErrors = {};
    this.identity = { ...this.identity, nir: formatNir(result.identity.ins) };
    // A corrected identity keeps what the user typed (the host's next patient starts the form
    // over), but consent was given for the identity shown then; what was typed for this one in a
    // creation that failed while the host showed someone else comes back.
    if (this.checked?.ins !== result.identity.ins) {
      const unfinished = this.unfinished;
      const refill = unfinished?.ins === result.identity.ins;
      this.carriedOver = !refill && this.checked !== undefined && typedDetails(this.details, this.#isMinor(result.identity));
      this.details = refill ? detailsOf(unfinished) : { ...this.details, consent: false };
      this.detailsErrors = {};
    }
    this.checked = result.identity;
    this.checkRun += 1;
    this.#resetReactivation();
    this.createError = undefined;
    this.step = 'dossier';
    this.#focusHeadingNext = true;
  }

  #editIdentity(): void {
    this.step = 'identify';
    this.#focusHeadingNext = true;
  }

  #handleCancel(): void {
    this.emit('dmp-dossier-create-cancel', { ins: this.checked?.ins });
    this.#restart();
    this.#focusHeadingNext = true;
  }

  #handleOpen(ins: string): void {
    this.emit('dmp-dossier-exists', { ins, status: 'active' });
  }

  #setDetails<F extends keyof DetailsForm>(field: F, value: DetailsForm[F]): void {
    this.details = { ...this.details, [field]: value };
    if (field in this.detailsErrors) {
      const { [field as DetailsField]: _fixed, ...others } = this.detailsErrors;
      this.detailsErrors = others;
    }
  }

  async #handleCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const identity = this.checked;
    // A second click while the first request is out must not send another.
    if (this.creating || !identity || !this.client || !this.actor) return;
    const checks = loadChecks.loaded ?? (await this.#checksOrSay());
    if (!checks) {
      this.createError = this.checksError;
      return;
    }
    // Checked again: a second click may have gone through while the checks loaded.
    if (this.creating || identity !== this.checked) return;
    const minor = this.#isMinor(identity);
    const details = checks.checkDetails(this.details, minor);
    const errors: FieldErrors<DetailsField> = details.ok ? {} : { ...details.errors };
    const decision = this.#creationDecision(identity, this.details.consent);
    if (decision?.reason === 'consent-required') errors.consent = [{ code: 'consent' }];
    this.detailsErrors = errors;
    if (!details.ok || Object.keys(errors).length > 0) {
      this.#focusFirstInvalid();
      return;
    }
    const channel = creationChannel(this.actor);
    // Any other refusal already stands on screen in place of this form (renderDetails).
    if (!decision?.allowed || !channel) return;
    const input: DossierCreate = { ...identity, channel, consent: true, ...details.value };
    // The same request again (a retry after a failure) keeps its key, so the server creates and bills one dossier.
    const key = this.#creationKey.for(input);
    if (!this.emit('dmp-dossier-create-request', { ins: identity.ins, input }, { cancelable: true })) return;
    this.creating = true;
    this.createError = undefined;
    const sent = {};
    this.#sentBy = sent;
    try {
      // No abort signal: once sent, a creation is better finished than left half-known.
      const { created, earlier } = await this.client.createDossier(input, { idempotencyKey: key }).then(
        (answer) => ({ created: answer, earlier: undefined }),
        (error: unknown) => this.#earlierCreation(error, input),
      );
      // When the user who asked left meanwhile, the password is not for whoever sits here now.
      const here = this.#sentBy === sent;
      if (here) {
        this.#creationKey.answered(key);
        this.#sentBy = undefined;
      }
      this.#announceCreated(created, earlier, here);
    } catch (error) {
      if (this.#sentBy !== sent) return;
      this.#sentBy = undefined;
      const uncertain = isDmpError(error) && ['network', 'timeout', 'http', 'invalid-response'].includes(error.kind);
      // Kept across the host's patients: back on this one, a retry can still recover its answer.
      if (uncertain && !this.#uncertain.some((attempt) => attempt.key === key)) this.#uncertain.push({ key, input });
      // The host moved on to another patient: this one's failure is said over the next form.
      if (this.#hostPatientWaits) {
        this.#restart();
        this.unfinished = input;
        return;
      }
      this.createError = error;
      const { details, identity } = serverIssues(error);
      // The identity's refusals wait under its fields for "Modifier l’identité".
      this.identityErrors = identity;
      if (Object.keys(details).length > 0) {
        this.detailsErrors = { ...this.detailsErrors, ...details };
        this.#focusFirstInvalid();
      } else if (isDmpError(error) && error.reason === 'dossier-exists') {
        // The Create button that had focus gives way to "Relancer la recherche": focus goes there.
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.actions .primary')?.focus());
      }
    } finally {
      // Unless another creation began since (a logout freed the form for the next user).
      if (this.#sentBy === undefined || this.#sentBy === sent) this.creating = false;
    }
  }

  /**
   * "The dossier exists" may answer a creation that one of this form's own uncertain attempts
   * made: replayed with its key, that attempt gives back its answer, with the password the
   * patient needs, and what it sent (the dossier holds that). Otherwise the refusal stands.
   */
  async #earlierCreation(error: unknown, input: DossierCreate): Promise<{ created: DossierCreated; earlier: DossierCreate }> {
    if (!isDmpError(error) || error.reason !== 'dossier-exists') throw error;
    const earlier = await this.#replayUncertain(input.ins);
    if (!earlier) throw error;
    return earlier;
  }

  /** This form's uncertain attempts for `ins`, replayed newest first: the one that made the dossier answers. */
  async #replayUncertain(ins: string): Promise<{ created: DossierCreated; earlier: DossierCreate } | undefined> {
    for (const attempt of [...this.#uncertain].reverse()) {
      if (attempt.input.ins !== ins || !this.client) continue;
      const replayed = await this.client.createDossier(attempt.input, { idempotencyKey: attempt.key }).catch(() => undefined);
      if (replayed) return { created: replayed, earlier: attempt.input };
    }
    return undefined;
  }

  /**
   * The existence test found a dossier one of this form's lost attempts made (its answer never
   * came, and the host moved on meanwhile): its replay gives back the password, still to hand over.
   */
  async #recoverLostCreation(ins: string): Promise<void> {
    const checked = this.checked;
    const recovered = await this.#replayUncertain(ins);
    if (!recovered) return;
    this.#announceCreated(recovered.created, recovered.earlier, this.checked === checked && this.step === 'dossier');
  }

  /** A dossier made: on its sheet when `shown` (the user who asked is still here), and told to the host. */
  #announceCreated(created: DossierCreated, earlier: DossierCreate | undefined, shown: boolean): void {
    const { ins } = created.dossier;
    this.#uncertain = this.#uncertain.filter((attempt) => attempt.input.ins !== ins);
    if (this.unfinished?.ins === ins) this.unfinished = undefined;
    if (shown) {
      this.createdFrom = earlier;
      this.createdDossier = created.dossier;
      this.credentials = created.credentials;
      this.step = 'credentials';
      this.#focusHeadingNext = true;
    }
    this.emit('dmp-dossier-created', { ins, dossier: created.dossier });
    this.#notifyDossierChanged(ins);
  }

  async #handleReactivate(info: DossierInfo): Promise<void> {
    if (this.reactivating) return;
    const decision = this.#decide('dossier.reactivate', info.policy, this.reactivationConsent);
    this.reactivationConsentMissing = decision?.reason === 'consent-required';
    if (!decision?.allowed) {
      if (this.reactivationConsentMissing) this.#focusFirstInvalid();
      return;
    }
    this.reactivating = true;
    this.reactivationError = undefined;
    // The answer is for the patient checked and the user who asked: after a Cancel, another
    // identity or another user, it says nothing on the form.
    const here = this.answerFor(() => this.checked);
    try {
      const dossier = await this.client!.reactivateDossier(info.ins, this.reactivationConsent ? { consent: true } : {});
      this.#notifyDossierChanged(dossier.ins);
      if (!here()) return;
      this.reactivated = dossier;
      this.#focusHeadingNext = true;
      this.emit('dmp-dossier-exists', { ins: dossier.ins, status: 'active', reactivated: true });
    } catch (error) {
      if (here()) this.reactivationError = error;
    } finally {
      if (here()) this.reactivating = false;
    }
  }

  /** The sheet was handed over: the password leaves memory and the screen. */
  #finish(): void {
    this.credentials = undefined;
    this.step = 'done';
    this.#focusHeadingNext = true;
  }

  #handlePrint(): void {
    window.print();
  }

  protected renderContent(): TemplateResult {
    return html`<div part="base" class="base">${this.#renderStep()}</div>`;
  }

  #renderStep(): unknown {
    switch (this.step) {
      case 'identify':
        return this.#renderIdentify();
      case 'dossier':
        return this.#existence.render({
          pending: () => {
            const shown = this.#existence.value;
            return this.#quietRun === this.checkRun && shown && shown.ins === this.checked?.ins ? this.#renderExistence(shown) : this.#renderChecking();
          },
          error: (error) => this.#renderCheckError(error),
          complete: (info) => (info ? this.#renderExistence(info) : nothing),
        });
      case 'credentials':
        return this.#renderCredentials();
      case 'done':
        return this.#renderDone();
    }
  }

  #heading(text: string): TemplateResult {
    return html`<h2 tabindex="-1" data-step-heading>${text}</h2>`;
  }

  #cancelButton(): TemplateResult {
    return html`<button type="button" @click=${this.#handleCancel}>${msg('Annuler')}</button>`;
  }

  #renderRefusal(decision: Decision): TemplateResult {
    return html`<div class="notice notice--error" role="alert">
      <p>${reasonText(decision.reason)}</p>
      ${decision.reason === 'ins-not-qualified'
        ? html`<p>
            ${msg('Seule une identité qualifiée (QUAL) peut servir à créer un DMP : récupérez l’INS par le téléservice INSi et vérifiez-la sur une pièce d’identité.')}
          </p>`
        : nothing}
    </div>`;
  }

  #renderIdentify(): TemplateResult {
    // Whether this user may open a dossier at all, before asking for anyone's identity.
    const refusal = this.#decide('dossier.create', NO_DOSSIER, true);
    if (refusal && !refusal.allowed) {
      return html`${this.#heading(msg('Création d’un DMP'))} ${this.#renderRefusal(refusal)}`;
    }
    const f = this.identity;
    const e = this.identityErrors;
    const onChange = (field: IdentityField) => () => this.#handleIdentityChange(field);
    const unfinished = this.unfinished;
    return html`<form part="form" novalidate @submit=${this.#handleIdentifySubmit}>
      ${this.#heading(this.#self ? msg('Création de votre DMP : votre identité') : msg('Création d’un DMP : identité du patient'))}
      ${unfinished
        ? html`<div class="notice notice--error" role="alert">
            ${msg(str`La création du DMP de ${unfinished.traits.firstNames} ${unfinished.traits.birthName} n’a pas abouti, ou sa réponse s’est perdue : reprenez-la pour ce patient.`)}
          </div>`
        : nothing}
      <p class="hint">
        ${this.#self
          ? msg('Saisissez votre identité telle qu’elle figure sur votre carte Vitale. Tous les champs sont obligatoires, sauf mention contraire.')
          : this.#online
            ? msg('Saisissez l’identité du patient telle qu’elle figure sur sa carte Vitale. Tous les champs sont obligatoires, sauf mention contraire.')
            : msg('Saisissez l’identité INS du patient telle qu’elle figure sur sa carte Vitale ou dans votre logiciel. Tous les champs sont obligatoires, sauf mention contraire.')}
      </p>
      <div class="grid">
        ${textField({
          field: 'nir',
          label: msg('NIR (numéro de sécurité sociale, clé comprise)'),
          hint: msg('15 caractères, par exemple 2 58 03 69 383 047 02 ; 2A ou 2B pour une naissance en Corse.'),
          value: f.nir,
          className: 'field--nir',
          required: true,
          errors: e.nir,
          onInput: (event) => this.#handleNirInput(event),
          onChange: onChange('nir'),
        })}
        ${!this.#online
          ? selectField({
              field: 'insStatus',
              label: msg('Statut de l’identité INS'),
              // The host's identity system qualifies an identity (identitovigilance), not this form;
              // another patient, started over here, has no status from the host.
              ...(this.#statusFromHost ? { disabled: true, hint: msg('Transmis par votre logiciel, où l’identité est qualifiée.') } : {}),
              placeholder: msg('Choisir…'),
              options: INS_STATUSES.map((s) => [s, insStatusLabel(s)] as const),
              value: f.insStatus,
              required: true,
              errors: e.insStatus,
              onChange: (value) => {
                this.#setIdentity('insStatus', value as InsStatus | '');
                this.#handleIdentityChange('insStatus');
              },
            })
          : nothing}
      </div>
      <fieldset>
        <legend>${msg('Traits d’identité')}</legend>
        <div class="grid">
          ${textField({
            field: 'birthName',
            label: msg('Nom de naissance'),
            value: f.birthName,
            autocomplete: 'family-name',
            required: true,
            errors: e.birthName,
            onInput: (event) => this.#setIdentity('birthName', (event.target as HTMLInputElement).value),
            onChange: onChange('birthName'),
          })}
          ${textField({
            field: 'firstNames',
            label: msg('Prénoms (dans l’ordre de l’état civil)'),
            value: f.firstNames,
            autocomplete: 'given-name',
            required: true,
            errors: e.firstNames,
            onInput: (event) => this.#setIdentity('firstNames', (event.target as HTMLInputElement).value),
            onChange: onChange('firstNames'),
          })}
          ${textField({
            field: 'birthDate',
            label: msg('Date de naissance'),
            type: 'date',
            value: f.birthDate,
            required: true,
            errors: e.birthDate,
            onInput: (event) => this.#setIdentity('birthDate', (event.target as HTMLInputElement).value),
            onChange: onChange('birthDate'),
          })}
          ${selectField({
            field: 'sex',
            label: msg('Sexe'),
            placeholder: msg('Choisir…'),
            options: (['F', 'M', 'I'] as const).map((s) => [s, sexLabel(s)] as const),
            value: f.sex,
            required: true,
            errors: e.sex,
            onChange: (value) => {
              this.#setIdentity('sex', value as IdentityForm['sex']);
              this.#handleIdentityChange('sex');
            },
          })}
          ${textField({
            field: 'birthPlaceCode',
            label: msg('Code INSEE du lieu de naissance (facultatif)'),
            hint: msg('La commune, ou 99 suivi du code du pays pour une naissance à l’étranger.'),
            value: f.birthPlaceCode,
            errors: e.birthPlaceCode,
            onInput: (event) => this.#setIdentity('birthPlaceCode', (event.target as HTMLInputElement).value),
            onChange: onChange('birthPlaceCode'),
          })}
        </div>
      </fieldset>
      ${Object.keys(e).length > 0
        ? html`<p class="notice notice--error" role="alert">
            ${msg('Corrigez les champs signalés avant de continuer.')}
          </p>`
        : nothing}
      ${this.checksError === undefined
        ? nothing
        : html`<p class="notice notice--error" role="alert">${requestErrorText(this.checksError)}</p>`}
      <div class="actions" part="actions">
        <button type="submit" class="primary">${msg('Rechercher un DMP existant')}</button>
        ${this.#cancelButton()}
      </div>
    </form>`;
  }

  #renderPatientSummary(identity: PatientIdentity): TemplateResult {
    const { traits } = identity;
    return html`<div class="summary">
      <dl>
        <div><dt>${msg('Patient')}</dt><dd>${traits.firstNames} ${traits.birthName}</dd></div>
        <div><dt>${msg('Date de naissance')}</dt><dd>${formatDate(traits.birthDate, this.locale)}</dd></div>
        <div><dt>${msg('Sexe')}</dt><dd>${sexLabel(traits.sex)}</dd></div>
        <div><dt>${msg('NIR')}</dt><dd class="nir">${formatNir(identity.ins)}</dd></div>
        ${!this.#online ? html`<div><dt>${msg('Statut de l’identité INS')}</dt><dd>${insStatusLabel(identity.insStatus)}</dd></div>` : nothing}
      </dl>
      <button type="button" class="link" @click=${this.#editIdentity}>${msg('Modifier l’identité')}</button>
    </div>`;
  }

  /** A patient opening their own DMP online, told about themselves; everyone else acts for a patient. */
  get #self(): boolean {
    return this.actor?.kind === 'patient';
  }

  /** The search replaces the form and its button: its heading takes focus, rather than the page. */
  #renderChecking(): TemplateResult {
    return html`${this.#heading(msg('Recherche d’un DMP existant'))}
      <div class="busy" role="status">
        <span class="spinner" aria-hidden="true"></span>
        ${this.#self ? msg('Recherche d’un DMP existant…') : msg('Recherche d’un DMP existant pour ce patient…')}
      </div>`;
  }

  #renderCheckError(error: unknown): TemplateResult {
    return html`${this.#heading(msg('Recherche d’un DMP existant'))}
      ${this.checked ? this.#renderPatientSummary(this.checked) : nothing}
      <div class="notice notice--error" role="alert">
        <p>${requestErrorText(error)}</p>
      </div>
      <div class="actions" part="actions">
        <button type="button" class="primary" @click=${() => void this.#existence.run()}>${msg('Réessayer')}</button>
        ${this.#cancelButton()}
      </div>`;
  }

  #renderExistence(info: DossierInfo): TemplateResult {
    const identity = this.checked;
    if (!identity) return html``;
    if (info.status === 'none') return this.#renderDetails(identity);
    return info.status === 'active' ? this.#renderActive(identity, info) : this.#renderClosed(identity, info);
  }

  #renderActive(identity: PatientIdentity, info: DossierInfo): TemplateResult {
    return html`${this.#heading(this.#self ? msg('Vous avez déjà un DMP') : msg('Ce patient a déjà un DMP'))}
      ${this.#renderPatientSummary(identity)}
      <div class="notice" role="status">
        <p>
          ${info.createdAt
            ? msg(str`Le dossier est ouvert depuis le ${formatDate(info.createdAt, this.locale)} : il n’y a rien à créer.`)
            : msg('Le dossier est ouvert : il n’y a rien à créer.')}
        </p>
      </div>
      <div class="actions" part="actions">
        <button type="button" class="primary" @click=${() => this.#handleOpen(info.ins)}>${msg('Ouvrir le dossier')}</button>
        ${this.#cancelButton()}
      </div>`;
  }

  #renderClosed(identity: PatientIdentity, info: DossierInfo): TemplateResult {
    if (this.reactivated) {
      return html`${this.#heading(msg('Le DMP est réactivé'))}
        ${this.#renderPatientSummary(identity)}
        <div class="notice notice--success" role="status">
          <p>${msg('Le dossier est de nouveau ouvert, avec son contenu d’avant la fermeture.')}</p>
        </div>
        <div class="actions" part="actions">
          <button type="button" class="primary" @click=${() => this.#handleOpen(info.ins)}>${msg('Ouvrir le dossier')}</button>
        </div>`;
    }
    const withConsent = this.#decide('dossier.reactivate', info.policy, true);
    const consentNeeded = this.#decide('dossier.reactivate', info.policy, false)?.reason === 'consent-required';
    return html`${this.#heading(this.#self ? msg('Votre DMP est fermé') : msg('Le DMP de ce patient est fermé'))}
      ${this.#renderPatientSummary(identity)}
      <div class="notice" role="status">
        <p>
          ${info.closedAt
            ? msg(str`Le dossier a été fermé le ${formatDate(info.closedAt, this.locale)}.`)
            : msg('Le dossier a été fermé.')}
          ${msg('Ses données sont conservées 10 ans après la fermeture ; pendant ce temps il peut être réactivé, mais pas recréé.')}
        </p>
      </div>
      ${withConsent?.allowed
        ? html`<form part="form" novalidate @submit=${(e: SubmitEvent) => {
            e.preventDefault();
            void this.#handleReactivate(info);
          }}>
            ${consentNeeded
              ? checkboxField({
                  field: 'reactivationConsent',
                  label: this.#self ? msg('Je consens à la réactivation de mon DMP.') : msg('Le patient consent à la réactivation de son DMP.'),
                  checked: this.reactivationConsent,
                  required: true,
                  errors: this.reactivationConsentMissing ? [{ code: 'consent' }] : undefined,
                  onChange: (checked) => {
                    this.reactivationConsent = checked;
                    this.reactivationConsentMissing = false;
                  },
                })
              : nothing}
            ${this.reactivationError
              ? html`<div class="notice notice--error" role="alert"><p>${requestErrorText(this.reactivationError)}</p></div>`
              : nothing}
            <div class="actions" part="actions">
              <button type="submit" class="primary" aria-disabled=${this.reactivating}>
                ${this.reactivating
                  ? msg('Réactivation en cours…')
                  : msg('Réactiver le DMP')}
              </button>
              ${this.#cancelButton()}
            </div>
          </form>`
        : html`${withConsent ? this.#renderRefusal(withConsent) : nothing}
            <div class="actions" part="actions">${this.#cancelButton()}</div>`}`;
  }

  #renderDetails(identity: PatientIdentity): TemplateResult {
    const refusal = this.#creationDecision(identity, true);
    if (refusal && !refusal.allowed) {
      return html`${this.#heading(msg('Ce DMP ne peut pas être créé ici'))}
        ${this.#renderPatientSummary(identity)} ${this.#renderRefusal(refusal)}
        <div class="actions" part="actions">
          <button type="button" @click=${this.#editIdentity}>${msg('Modifier l’identité')}</button>
          ${this.#cancelButton()}
        </div>`;
    }
    const d = this.details;
    const e = this.detailsErrors;
    const minor = this.#isMinor(identity);
    const conflict = isDmpError(this.createError) && this.createError.reason === 'dossier-exists';
    // A refusal, or a field the server rejected, needs a change first: sending the same again cannot help.
    const retry = this.createError !== undefined && isRetryable(this.createError);
    return html`<form part="form" novalidate aria-busy=${this.creating} @submit=${this.#handleCreate}>
      ${this.#heading(this.#self ? msg('Pas encore de DMP : information et consentement') : msg('Pas encore de DMP : information et consentement du patient'))}
      ${this.#renderPatientSummary(identity)}
      ${this.carriedOver
        ? html`<p class="hint carried-over">
            ${msg('Le représentant, les oppositions et les coordonnées saisis avant la correction de l’identité sont gardés : vérifiez qu’ils concernent bien ce patient.')}
          </p>`
        : nothing}
      <section class="info" aria-labelledby="info-title">
        <h3 id="info-title">${this.#online ? msg('À lire avant de donner votre accord') : msg('À dire au patient avant son accord')}</h3>
        ${consentInformation()}
      </section>
      ${minor
        ? html`<fieldset>
            <legend>${msg('Représentant légal du patient mineur')}</legend>
            <p class="hint">
              ${msg('Le DMP d’un mineur est créé avec son représentant légal, qui y accède en son nom.')}
            </p>
            <div class="grid">
              ${textField({
                field: 'representativeLastName',
                label: msg('Nom du représentant'),
                value: d.representativeLastName,
                required: true,
                errors: e.representativeLastName,
                onInput: (event) => this.#setDetails('representativeLastName', (event.target as HTMLInputElement).value),
              })}
              ${textField({
                field: 'representativeFirstName',
                label: msg('Prénom du représentant'),
                value: d.representativeFirstName,
                required: true,
                errors: e.representativeFirstName,
                onInput: (event) => this.#setDetails('representativeFirstName', (event.target as HTMLInputElement).value),
              })}
              ${selectField({
                field: 'representativeRelationship',
                label: msg('Lien avec le patient'),
                placeholder: msg('Choisir…'),
                options: MINOR_REPRESENTATIVE_RELATIONSHIPS.map((r) => [r, relationshipLabel(r)] as const),
                value: d.representativeRelationship,
                required: true,
                errors: e.representativeRelationship,
                onChange: (value) => this.#setDetails('representativeRelationship', value as DetailsForm['representativeRelationship']),
              })}
            </div>
          </fieldset>`
        : nothing}
      <fieldset>
        <legend>${msg('Oppositions (facultatif)')}</legend>
        ${checkboxField({
          field: 'opposeBreakGlass',
          label: this.#self
            ? msg('Je m’oppose à l’accès en urgence à mon dossier (bris de glace).')
            : msg('Le patient s’oppose à l’accès en urgence à son dossier (bris de glace).'),
          checked: d.opposeBreakGlass,
          onChange: (checked) => this.#setDetails('opposeBreakGlass', checked),
        })}
        ${checkboxField({
          field: 'opposeRegulation',
          label: this.#self
            ? msg('Je m’oppose à l’accès du médecin régulateur du SAMU (Centre 15).')
            : msg('Le patient s’oppose à l’accès du médecin régulateur du SAMU (Centre 15).'),
          checked: d.opposeRegulation,
          onChange: (checked) => this.#setDetails('opposeRegulation', checked),
        })}
      </fieldset>
      <fieldset>
        <legend>${msg('Coordonnées pour les notifications (facultatif)')}</legend>
        <p class="hint">
          ${this.#self
            ? msg('Vous êtes prévenu par e-mail ou SMS des nouveaux documents, du premier accès de chaque professionnel et de tout accès en urgence.')
            : msg('Le patient est prévenu par e-mail ou SMS des nouveaux documents, du premier accès de chaque professionnel et de tout accès en urgence.')}
        </p>
        <div class="grid">
          ${textField({
            field: 'email',
            label: msg('Adresse e-mail'),
            type: 'email',
            inputmode: 'email',
            value: d.email,
            errors: e.email,
            onInput: (event) => this.#setDetails('email', (event.target as HTMLInputElement).value),
          })}
          ${textField({
            field: 'phone',
            label: msg('Téléphone mobile'),
            hint: msg('Par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.'),
            type: 'tel',
            inputmode: 'tel',
            value: d.phone,
            errors: e.phone,
            onInput: (event) => this.#setDetails('phone', (event.target as HTMLInputElement).value),
          })}
        </div>
      </fieldset>
      ${checkboxField({
        field: 'consent',
        // A minor's consent is given by the legal representative, who acts for them (DOMAIN.md).
        label: minor
          ? msg('Le représentant légal a reçu cette information et consent, pour le patient, à la création de son DMP.')
          : this.#self
            ? msg('J’ai lu cette information et je consens à la création de mon DMP.')
            : this.#online
              ? msg('J’ai lu cette information et je consens, pour le patient, à la création de son DMP.')
              : msg('Le patient a reçu cette information et consent à la création de son DMP.'),
        checked: d.consent,
        required: true,
        errors: e.consent,
        onChange: (checked) => this.#setDetails('consent', checked),
      })}
      ${this.createError
        ? html`<div class="notice notice--error" role="alert">
            <p>${requestErrorText(this.createError)}</p>
            ${this.#renderIdentityRefusal()}
            <p>
              ${conflict
                ? msg('Le dossier a peut-être été créé entre-temps : relancez la recherche.')
                : retry
                  ? msg('Vos saisies sont conservées. Réessayer ne peut pas créer un second dossier.')
                  : msg('Vos saisies sont conservées.')}
            </p>
          </div>`
        : nothing}
      <div class="actions" part="actions">
        ${conflict
          ? html`<button type="button" class="primary" @click=${() => (this.checkRun += 1)}>
              ${msg('Relancer la recherche')}
            </button>`
          : html`<button type="submit" class="primary" aria-disabled=${this.creating}>
              ${this.creating
                ? msg('Création du DMP en cours…')
                : retry
                  ? msg('Réessayer la création')
                  : msg('Créer le DMP')}
            </button>`}
        <button type="button" ?disabled=${this.creating} @click=${this.#handleCancel}>${msg('Annuler')}</button>
      </div>
    </form>`;
  }

  /** What the server refused outside this step's fields: the identity, typed one step back, or a field this form lacks. */
  #renderIdentityRefusal(): unknown {
    const { identity, elsewhere } = serverIssues(this.createError);
    if (elsewhere.length === 0) return nothing;
    return html`<p>${msg('Refusé par le DMP :')}</p>
      <ul>
        ${elsewhere.map((message) => html`<li>${message}</li>`)}
      </ul>
      ${Object.keys(identity).length > 0
        ? html`<p>${this.#self ? msg('Corrigez votre identité avec « Modifier l’identité ».') : msg('Corrigez l’identité du patient avec « Modifier l’identité ».')}</p>`
        : nothing}`;
  }

  #renderCredentials(): TemplateResult {
    // The sheet names the patient as the dossier does: as the attempt that created it sent them.
    const identity = this.createdFrom ?? this.checked;
    const dossier = this.createdDossier;
    const credentials = this.credentials;
    if (!identity || !dossier || !credentials) return this.#renderDone();
    return html`<div class="screen-only">
        ${this.#heading(msg('Le DMP est créé'))}
        <div class="notice notice--success" role="status">
          <p>
            ${this.#online
              ? msg('Imprimez ou notez ces identifiants : ils ne seront plus jamais affichés.')
              : msg('Imprimez ces identifiants et remettez-les au patient : ils ne seront plus jamais affichés.')}
          </p>
          ${this.createdFrom
            ? html`<p>${msg('Une tentative précédente avait déjà créé ce DMP, avec les informations saisies alors : vérifiez ses oppositions et ses coordonnées dans la gestion du DMP.')}</p>`
            : nothing}
        </div>
      </div>
      ${credentialsSheet({ traits: identity.traits, dossier, credentials, locale: this.locale })}
      <div class="actions screen-only" part="actions">
        <button type="button" class="primary" @click=${this.#handlePrint}>${msg('Imprimer')}</button>
        <button type="button" @click=${this.#finish}>${msg('Terminé')}</button>
      </div>`;
  }

  #renderDone(): TemplateResult {
    const name = this.checked ? `${this.checked.traits.firstNames} ${this.checked.traits.birthName}` : '';
    return html`${this.#heading(msg('DMP créé'))}
      <div class="notice notice--success" role="status">
        <p>
          ${msg(str`Le DMP de ${name} est créé. Ses identifiants ne sont plus affichés.`)}
        </p>
      </div>
      ${this.#self
        ? nothing
        : html`<div class="actions" part="actions">
            <button type="button" class="primary" @click=${this.#handleNew}>${msg('Créer le DMP d’un autre patient')}</button>
          </div>`}`;
  }

  #handleNew(): void {
    // The host's prefill was the patient just handled, unless it named another one since.
    this.#restart(this.#hostPatientWaits);
    this.#focusHeadingNext = true;
  }
}
