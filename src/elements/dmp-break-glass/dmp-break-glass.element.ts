import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { answeredUnreadably, isDmpError } from '../../client/errors.js';
import type { EmergencyMode } from '../../client/types.js';
import { changesAccess, grantFor, type SessionState } from '../../context/contexts.js';
import { errorText, isRetryable, refusalText } from '../../i18n/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import { modeLabel, reasonText } from '../../i18n/labels.js';
import type { DossierInfo, EmergencyGrant } from '../../model/dossier.js';
import type { PatientDisplay } from '../../model/patient.js';
import { MIN_JUSTIFICATION_LENGTH, isValidJustification } from '../../policy/justification.js';
import type { Decision, ReasonCode } from '../../policy/types.js';
import { renderPatientLine } from '../base/patient-line.js';
import { RetryKey } from '../base/retry-key.js';
import { DmpElement, levelHeadings } from '../base/dmp-element.js';
import { styles } from './dmp-break-glass.styles.js';
// Brings the typing of the dmp-break-glass-* events this element emits.
import type {} from './events.js';

/** A request for emergency access as sent, and why it failed or was refused once it has. */
type Unsent = { mode: EmergencyMode; justification: string; error?: unknown };

/**
 * Emergency access by a professional the patient has not authorized: break-glass (the patient's
 * state is an immediate risk to their health and consent cannot be collected) or regulation (the
 * SAMU Centre 15 médecin régulateur). It says what will happen before anything happens, asks the
 * policy whether the access is possible at all, requires a written justification and an explicit
 * confirmation, then asks the server for a one-hour grant and hands it to the provider, so the
 * other elements of the page reload under emergency access.
 *
 * @tagname dmp-break-glass
 * @summary Break-glass or SAMU regulation access to a DMP, justified, confirmed and logged.
 *
 * @fires {CustomEvent<BreakGlassRequestDetail>} dmp-break-glass-request - Cancelable. The user confirmed the request; `preventDefault()` stops it before anything is sent.
 * @fires {CustomEvent<BreakGlassGrantedDetail>} dmp-break-glass-granted - The server granted emergency access; the provider now sends the grant, until it ends. Fired for the patient asked for (`ins`), even if the host shows another one by then.
 * @fires {CustomEvent<BreakGlassRefusedDetail>} dmp-break-glass-refused - The server refused the request, with the policy's reason; for the patient asked for, as the grant.
 *
 * @csspart base - The whole element.
 * @csspart patient - The patient's identity, when the `patient` property is set.
 * @csspart explanation - What will happen, shown before the form.
 * @csspart form - The justification and confirmation form.
 * @csspart notice - Refusals, errors and the granted access.
 *
 * @cssprop --dmp-color-emergency - Border and heading of the emergency request.
 * @cssprop --dmp-color-error - Refusals and errors.
 * @cssprop --dmp-color-success - The granted access.
 * @cssprop --dmp-radius - Corner radius.
 * @cssprop --dmp-space - Base spacing unit.
 */
export class DmpBreakGlass extends DmpElement {
  static override styles = [...DmpElement.styles, styles];

  readonly #load = new Task(this, {
    // The answer says for whom it was read: while it is read again for them, the form stays.
    task: async ([ins, ready], { signal }): Promise<{ key: string; info: DossierInfo } | typeof initialState> => {
      if (!ins || !ready) return initialState;
      const key = this.#shownKey;
      return { key, info: await this.dossierInfo(ins, { signal }) };
    },
    args: () => [this.patientIns, this.ready, this.client, this.actor, this.#reloads] as const,
  });

  @state() private justification = '';
  @state() private confirmed = false;
  /** The user pressed the button while the form was not complete: what is missing is marked invalid. */
  @state() private incomplete = false;
  /** The server refused the request (its reason). */
  @state() private refusal: ReasonCode | undefined;
  /** The request failed without an answer from the policy (offline, timeout, 5xx…). */
  @state() private failure: unknown;
  /** The server answered that the actor already has normal access. */
  @state() private alreadyAllowed = false;
  /**
   * The answer to the user's request has the focus: it is read as the focus lands on it, and a
   * live region as well would have it said twice. Once the user leaves it, outcomes are live again.
   */
  @state() private outcomeFocused = false;
  /** The grant this session held for the patient, which has ended (expired or withdrawn) since. */
  @state() private endedGrant: EmergencyGrant | undefined;

  #reloads = 0;
  #ownRevision: number | undefined;
  /**
   * By patient, the last request sent and not yet granted, with what was typed for it, or what
   * was typed and not sent when the host showed another patient: given back when the host shows
   * that patient again, with why the request failed or was refused if it was meanwhile.
   */
  readonly #unsent = new Map<string, Unsent>();
  /**
   * A request sent again unchanged goes under the same key, patient by patient: a grant whose
   * answer was lost is not asked twice, even after one for another patient.
   */
  readonly #requestKeys = new Map<string, RetryKey>();
  /** For whom a request is on its way (sitting and patient, see #shownKey): one at a time each, whichever patient is shown meanwhile. */
  readonly #asking = new Set<string>();

  /** A request is on its way for the user and patient shown: one shown before does not hold up this form. */
  get #submitting(): boolean {
    return this.#asking.has(this.#shownKey);
  }

  /** INS (NIR, 15 characters) of the patient whose dossier is needed in an emergency. */
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

  /** `break-glass` (any professional, immediate risk, consent impossible) or `regulation` (SAMU Centre 15 regulator). */
  @property({ reflect: true }) mode: EmergencyMode = 'break-glass';

  get #shownKey(): string {
    return `${this.sitting}|${this.patientIns}`;
  }

  get #codePoints(): number {
    return [...this.justification.trim()].length;
  }

  /** The server refused for a reason that writing more cannot change. */
  get #finalRefusal(): boolean {
    return this.refusal !== undefined && this.refusal !== 'justification-required';
  }

  /** Why the request cannot be sent yet, or undefined when it can. */
  get #blocker(): string | undefined {
    if (!isValidJustification(this.justification)) {
      return msg(str`La justification doit comporter au moins ${MIN_JUSTIFICATION_LENGTH} caractères.`);
    }
    if (!this.confirmed) return msg('Cochez la case de confirmation pour continuer.');
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const change = changed.has('dataChange') ? this.takeDataChange(this.patientIns, this.#ownRevision) : undefined;
    if (change && changesAccess(change.topics)) this.#reloads += 1;
    // Another patient, another user or a logout: the justification and the attestation were the
    // previous user's, about the previous patient.
    const left = this.userLeft(changed);
    const elsewhere = changed.has('patientIns') || left;
    if (left) {
      this.#requestKeys.clear();
      this.#unsent.clear();
    }
    const shownBefore = changed.get('patientIns') as string | undefined;
    if (!left && shownBefore && (this.justification || this.#unsent.has(shownBefore))) {
      // What is kept is what was last written: the text given back may have been completed since.
      // The entry of a request on its way stays the same object, for its failure to find.
      const kept = this.#unsent.get(shownBefore) ?? { mode: this.mode, justification: '' };
      kept.justification = this.justification;
      this.#unsent.set(shownBefore, kept);
    }
    // Back on the patient whose request failed or was refused while another was shown: what was
    // typed, and why the access was not granted.
    const unsent = elsewhere ? this.#unsent.get(this.patientIns) : undefined;
    if (unsent?.error !== undefined) this.#unsent.delete(this.patientIns);
    if (elsewhere) this.justification = unsent?.justification ?? '';
    const held = grantFor(this.session, this.patientIns);
    const before = grantFor(changed.get('session') as SessionState | undefined, this.patientIns);
    if (elsewhere || held) this.endedGrant = undefined;
    else if (before && this.session?.state === 'active') this.endedGrant = before;
    // The box attests what this mode's text says: ticked for the other mode, it attests nothing.
    if (elsewhere || changed.has('mode')) {
      this.confirmed = false;
      this.incomplete = false;
      const kept = unsent?.mode === this.mode ? unsent.error : undefined;
      this.refusal = isDmpError(kept) ? kept.reason : undefined;
      this.failure = this.refusal ? undefined : kept;
      this.alreadyAllowed = false;
      this.outcomeFocused = false;
    }
  }

  async #handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    // The form stays, read-only, once the policy refuses for good (see #renderDecision): its
    // button must send nothing then.
    const ins = this.patientIns;
    const asking = this.#shownKey;
    if (!client || this.#asking.has(asking) || this.#finalRefusal || this.#shownDecision()?.reason !== 'justification-required') return;
    if (this.#blocker) {
      // Pressed too soon: to what is missing, which says why (its hint, or the blocker line).
      this.incomplete = true;
      this.renderRoot.querySelector<HTMLElement>(isValidJustification(this.justification) ? '#confirm' : '#justification')?.focus();
      return;
    }
    const mode = this.mode;
    const justification = this.justification.trim();
    if (!this.emit('dmp-break-glass-request', { ins, mode, justification }, { cancelable: true })) return;
    this.#asking.add(asking);
    this.requestUpdate();
    this.refusal = undefined;
    this.failure = undefined;
    this.outcomeFocused = false;
    let keys = this.#requestKeys.get(ins);
    if (!keys) this.#requestKeys.set(ins, (keys = new RetryKey()));
    const key = keys.for([ins, mode, justification]);
    // The answer is for the user who asked and the patient asked for: another one shown by then
    // (the host switched, the user changed or logged out) must not take it as theirs. A refusal
    // is also the mode's: under the other one, it would explain nothing.
    const sameUser = this.answerFor();
    const asked = this.answerFor(() => this.patientIns);
    const sent: Unsent = { mode: this.mode, justification: this.justification };
    this.#unsent.set(ins, sent);
    const answered = () => {
      if (this.#unsent.get(ins) === sent) this.#unsent.delete(ins);
    };
    try {
      const grant = await client.requestEmergencyAccess(ins, mode, justification, { idempotencyKey: key });
      // Answered once the session had expired: the provider drops the grant with the others, and
      // the user, back, asks again with what they typed, under the same key: the server answers
      // with the grant it gave, not a second emergency access told to the patient again.
      if (this.session?.state !== 'active') return;
      keys.answered(key);
      answered();
      if (!sameUser()) return;
      // The grant is the asking user's, for its patient, even if the host shows another one now;
      // the host hears of it either way.
      this.provider?.setEmergencyGrant({ ...grant, ins, justification });
      this.emit('dmp-break-glass-granted', { ins, grant });
      if (!asked()) return;
      // Context values reach consumers synchronously: this is the revision the grant published.
      this.#ownRevision = this.dataChange?.revision;
      // The attestation was for this request: a new one, once this grant has ended, is attested again.
      this.confirmed = false;
    } catch (error) {
      if (!sameUser()) return;
      const allowed = isDmpError(error) && error.reason === 'allowed';
      const reason = isDmpError(error) && !allowed ? error.reason : undefined;
      if (reason) this.emit('dmp-break-glass-refused', { ins, reason });
      if (!asked()) {
        // Failed or refused while another patient is shown: kept, with why, for that patient's
        // return (a refusal never erases what the user wrote).
        if (!allowed && this.#unsent.get(ins) === sent) sent.error = error;
        else answered();
        return;
      }
      answered();
      if (this.mode !== mode) return;
      if (allowed) this.alreadyAllowed = true;
      else if (reason) this.refusal = reason;
      else this.failure = error;
    } finally {
      this.#asking.delete(asking);
      this.requestUpdate();
    }
    // Drawn in this update without a live role when it takes the focus.
    this.outcomeFocused = this.focusIsOurs();
    await this.updateComplete;
    // Asked again: the user may have gone elsewhere on the page while it was drawn.
    const outcome = this.outcomeFocused && this.focusIsOurs() ? this.renderRoot.querySelector<HTMLElement>('#outcome') : null;
    if (outcome) outcome.focus();
    else this.outcomeFocused = false;
  }

  // --- Rendering -----------------------------------------------------------------------------

  protected override updated(): void {
    levelHeadings(this.renderRoot, this.headingLevel);
  }

  protected override renderContent(): unknown {
    const loading = this.#load.status === TaskStatus.PENDING;
    return html`<section part="base" class="break-glass" @focusout=${this.#handleFocusOut} aria-labelledby="title" aria-busy=${loading || this.#submitting ? 'true' : 'false'}>
      <h2 id="title">${msg(str`Accès d’urgence : ${modeLabel(this.mode === 'regulation' ? 'regulation' : 'break-glass')}`)}</h2>
      ${renderPatientLine(this.patient, this.locale)} ${this.#renderBody()}
    </section>`;
  }

  #renderBody(): unknown {
    if (!this.patientIns) {
      return html`<p part="notice" class="notice">${msg('Aucun patient n’est sélectionné (attribut patient-ins).')}</p>`;
    }
    // The session's grant, however this element came to show its patient again: asking twice
    // would log a second emergency access and notify the patient twice.
    const held = grantFor(this.session, this.patientIns);
    if (held) return this.#renderGranted(held);
    if (this.alreadyAllowed) return this.#renderAlreadyAllowed();
    return this.#load.render({
      initial: () => this.#renderLoading(),
      // Taking the form away while it is checked again (another screen's change) would drop the
      // focus and what the user goes on typing.
      pending: () => {
        const last = this.#load.value;
        return last?.key === this.#shownKey ? this.#renderDecision(last.info) : this.#renderLoading();
      },
      error: (error) => this.#renderLoadError(error),
      complete: ({ info }) => this.#renderDecision(info),
    });
  }

  #renderLoading(): TemplateResult {
    return html`<p class="loading" role="status">${msg('Vérification des conditions d’accès…')}</p>`;
  }

  #renderLoadError(error: unknown): TemplateResult {
    if (isDmpError(error) && error.kind === 'forbidden' && error.reason) return this.#renderRefused(error.reason, false);
    return html`<div part="notice" class="notice notice--error" role="alert">
      <strong>${msg('Impossible de vérifier les conditions d’accès.')}</strong>
      <p>${errorText(error)}</p>
      ${isRetryable(error)
        ? html`<button type="button" class="button" @click=${() => this.retryFrom('#title', () => this.#load.run())}>${msg('Réessayer')}</button>`
        : nothing}
    </div>`;
  }

  /**
   * The policy is asked without a justification: `justification-required` is then the answer
   * that lets the form proceed, and any other refusal is final whatever would be written.
   */
  #renderDecision(dossier: DossierInfo): unknown {
    const decision = this.#decide(dossier);
    if (!decision) return nothing;
    if (decision.allowed) return this.#renderAlreadyAllowed();
    // A refusal never erases what the user wrote: their justification stays, read-only, to copy.
    if (decision.reason !== 'justification-required') {
      const reason = this.refusal ?? decision.reason;
      return html`${this.#renderRefused(reason, this.refusal !== undefined)} ${this.justification ? this.#renderForm(true) : nothing}`;
    }
    if (this.refusal) {
      return html`${this.#renderRefused(this.refusal, true)} ${this.#renderForm(this.refusal !== 'justification-required')}`;
    }
    return html`${this.#renderEnded()} ${this.#renderExplanation(this.#announced(dossier))} ${this.#renderForm(false)}`;
  }

  /**
   * Whether the policy obliges to tell the patient of the access asked (not under a minor's
   * connexion secrète), asked as if justified: what the access brings does not depend on the words.
   */
  #announced(dossier: DossierInfo): boolean {
    const request = { mode: this.mode, justification: 'x'.repeat(MIN_JUSTIFICATION_LENGTH), secret: this.session?.secret === true };
    return this.policy!.decide({ actor: this.actor!, action: 'document.list', dossier: dossier.policy, request }).obligations.includes('notify-patient');
  }

  #decide(dossier: DossierInfo): Decision | undefined {
    const { actor, policy } = this;
    return actor && policy ? policy.decide({ actor, action: 'document.list', dossier: dossier.policy, request: { mode: this.mode } }) : undefined;
  }

  /** The policy's answer about the dossier as shown now, if it is shown. */
  #shownDecision(): Decision | undefined {
    const shown = this.#load.value;
    return shown?.key === this.#shownKey ? this.#decide(shown.info) : undefined;
  }

  #renderEnded(): unknown {
    const ended = this.endedGrant;
    return ended
      ? html`<p part="notice" class="notice" role="status">
          ${msg(str`Votre accès d’urgence a pris fin (il était accordé jusqu’au ${formatDateTime(ended.expiresAt, this.locale)}). Pour consulter le dossier à nouveau, faites une nouvelle demande.`)}
        </p>`
      : nothing;
  }

  readonly #handleFocusOut = (e: FocusEvent) => {
    if ((e.target as Element).id === 'outcome') this.outcomeFocused = false;
  };

  #live(role: 'alert' | 'status'): string | typeof nothing {
    return this.outcomeFocused ? nothing : role;
  }

  #renderRefused(reason: ReasonCode, afterRequest: boolean): TemplateResult {
    return html`<div part="notice" class="notice notice--error" id="outcome" tabindex="-1" role=${this.#live(afterRequest ? 'alert' : 'status')} data-reason=${reason}>
      <strong>${msg('Accès d’urgence impossible')}</strong>
      <p>${reasonText(reason)}</p>
    </div>`;
  }

  #renderAlreadyAllowed(): TemplateResult {
    return html`<div part="notice" class="notice" id="outcome" tabindex="-1" role=${this.#live('status')}>
      <strong>${msg('Accès d’urgence inutile')}</strong>
      <p>${msg('Vous avez déjà accès à ce dossier : l’accès d’urgence n’est pas nécessaire.')}</p>
    </div>`;
  }

  #renderGranted(grant: EmergencyGrant): TemplateResult {
    return html`<div part="notice" class="notice notice--success" id="outcome" tabindex="-1" role=${this.#live('status')}>
      <strong>${msg(str`Accès d’urgence accordé jusqu’au ${formatDateTime(grant.expiresAt, this.locale)}.`)}</strong>
      <p>
        ${msg('Le dossier s’affiche maintenant en mode urgence. Cet accès est enregistré dans l’historique du dossier avec votre justification.')}
      </p>
    </div>`;
  }

  #renderExplanation(announced: boolean): TemplateResult {
    const regulation = this.mode === 'regulation';
    return html`<div part="explanation" class="explanation">
      <p class="when">
        ${regulation
          ? msg('Réservé au médecin régulateur du SAMU (Centre 15) qui traite un appel d’urgence concernant ce patient.')
          : msg('À utiliser uniquement lorsque l’état du patient présente un risque immédiat pour sa santé et que son consentement ne peut pas être recueilli.')}
      </p>
      <h3>${msg('Ce qui va se passer')}</h3>
      <ul>
        <li>
          ${regulation
            ? msg('Votre accès sera enregistré dans l’historique du dossier comme un accès par le centre de régulation, avec votre justification.')
            : msg('Votre accès sera enregistré dans l’historique du dossier comme un accès d’urgence (bris de glace), avec votre justification.')}
        </li>
        <li>
          ${announced
            ? msg('Le patient sera informé de cet accès.')
            : msg('En connexion secrète, cet accès n’est notifié ni au patient ni à ses représentants légaux.')}
        </li>
        <li>${msg('L’accès permet de consulter le dossier, pas de le modifier, pendant une durée limitée.')}</li>
        <li>
          <strong>
            ${msg('Un accès injustifié est une infraction pénale (article 226-13 du Code pénal, article L1110-4 du Code de la santé publique).')}
          </strong>
        </li>
      </ul>
    </div>`;
  }

  /** `final`: the request cannot succeed any more; the form stays to keep what was typed, and cannot be sent. */
  #renderForm(final: boolean): TemplateResult {
    const blocker = final
      ? msg('Cette demande ne peut plus aboutir : votre justification reste affichée pour que vous puissiez la copier.')
      : this.#blocker;
    const regulation = this.mode === 'regulation';
    return html`<form part="form" class="form" novalidate @submit=${(e: SubmitEvent) => void this.#handleSubmit(e)}>
      <div class="field">
        <label for="justification">${msg('Justification de l’accès')}</label>
        <textarea
          id="justification"
          rows="4"
          maxlength="2000"
          ?readonly=${final}
          .value=${this.justification}
          aria-invalid=${this.incomplete && !isValidJustification(this.justification) ? 'true' : 'false'}
          aria-describedby="justification-count"
          @input=${(e: Event) => (this.justification = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p id="justification-count" class=${isValidJustification(this.justification) ? 'hint' : 'hint hint--short'}>
          ${msg(str`${this.#codePoints} caractères saisis (au moins ${MIN_JUSTIFICATION_LENGTH})`)}
        </p>
      </div>
      <div class="check">
        <input id="confirm" type="checkbox" ?disabled=${final} .checked=${this.confirmed} aria-invalid=${this.incomplete && !this.confirmed ? 'true' : 'false'} aria-describedby="blocker" @change=${(e: Event) => (this.confirmed = (e.target as HTMLInputElement).checked)} />
        <label for="confirm">
          ${regulation
            ? msg('J’interviens comme médecin régulateur du SAMU (Centre 15) pour une situation d’urgence concernant ce patient.')
            : msg('Je confirme que l’état du patient présente un risque immédiat pour sa santé et que son consentement ne peut pas être recueilli.')}
        </label>
      </div>
      <button type="submit" class="button button--emergency" aria-disabled=${blocker || this.#submitting ? 'true' : 'false'} aria-describedby="blocker">
        ${regulation
          ? msg('Accéder au dossier en régulation')
          : msg('Accéder au dossier en urgence')}
      </button>
      <p id="blocker" class="hint" aria-live="polite">${this.#submitting ? msg('Demande en cours…') : (blocker ?? nothing)}</p>
      ${this.failure === undefined
        ? nothing
        : html`<div part="notice" class="notice notice--error" id="outcome" tabindex="-1" role=${this.#live('alert')}>
            ${answeredUnreadably(this.failure) ? nothing : html`<strong>${msg('L’accès n’a pas pu être demandé.')}</strong>`}
            <p>
              ${answeredUnreadably(this.failure)
                ? msg('L’accès a sans doute été accordé, mais la réponse du serveur est illisible : renvoyez la demande, elle ne sera pas enregistrée deux fois.')
                : refusalText(this.failure)}
            </p>
          </div>`}
    </form>`;
  }
}
