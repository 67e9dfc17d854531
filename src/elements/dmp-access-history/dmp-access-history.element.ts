import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { isDmpError } from '../../client/errors.js';
import { formatDateTime, formatNumber, localDayBound } from '../../i18n/format.js';
import { actionLabel, actorRoleLabel, modeLabel, reasonText } from '../../i18n/labels.js';
import { loggedRefusalText } from '../../i18n/logged-refusal.js';
import type { AccessLogEntry } from '../../model/access-log.js';
import { actorKey } from '../../model/actor-key.js';
import type { PatientDisplay } from '../../model/patient.js';
import { ACCESS_MODES, ACTIONS, type AccessMode, type Action, type ReasonCode } from '../../policy/types.js';
import { renderPatientLine } from '../base/patient-line.js';
import { DmpElement, levelHeadings } from '../base/dmp-element.js';
import { baseStyles } from '../base/styles.js';
import { accessLogRows, encodeCsv } from './csv.js';
import { styles } from './dmp-access-history.styles.js';
import { localDay, offerDownload } from './download.js';
import { AccessLogFeed, collectAll, type FeedFilter } from './feed.js';
import { errorText } from '../../i18n/error-text.js';
import { outcomeLabel } from './texts.js';
import type { HistoryExportedDetail } from './events.js';

const EMERGENCY_MODES = ['break-glass', 'regulation'] as const satisfies readonly AccessMode[];
const ACTOR_FILTER_DELAY_MS = 300;
const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 50;
const DEFAULT_EXPORT_LIMIT = 10_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Loaded =
  | { key: string; refused: ReasonCode }
  | { key: string; feed: AccessLogFeed };

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; rows: number; truncated: boolean }
  | { kind: 'failed'; error: unknown };

function isMode(value: string | undefined): value is AccessMode {
  return (ACCESS_MODES as readonly string[]).includes(value ?? '');
}

function isAction(value: string | undefined): value is Action {
  return (ACTIONS as readonly string[]).includes(value ?? '');
}

function isEmergency(mode: AccessMode): boolean {
  return (EMERGENCY_MODES as readonly string[]).includes(mode);
}

/**
 * The access history of a patient's DMP: who accessed it, when, what they did and under which
 * mode, with refusals and the justification of emergency accesses. Newest first, filterable,
 * paginated ("load more"), exportable to CSV.
 *
 * Only the patient and their legal representatives may read it (the policy's `history.read`);
 * anyone else gets the refusal in words and no request for the log. Entries made under a minor's
 * connexion secrète are left out by the server for the representatives.
 *
 * Every request to the DMP is logged, so the element reloads its first page whenever the
 * provider announces a change on the same patient, whatever its topic.
 *
 * @tagname dmp-access-history
 * @summary The access log of a DMP, with filters and CSV export.
 *
 * @fires {CustomEvent<HistoryExportedDetail>} dmp-history-exported - The CSV file of the filtered entries was offered for download; `detail.rows` data rows, `detail.filename`, `detail.truncated` when `export-limit` cut it.
 *
 * @csspart base - The element's outer box.
 * @csspart patient - The patient's identity, when the `patient` property is set.
 * @csspart toolbar - The filters and the export button.
 * @csspart table - The table of entries.
 * @csspart row - One entry (a table row).
 * @csspart badge - The access-mode badge of an entry.
 *
 * @cssprop --dmp-color-emergency - Text and border of break-glass and regulation badges and rows.
 * @cssprop [--dmp-color-emergency-surface=#fcebea] - Background of emergency rows and of the pressed "emergency only" button.
 * @cssprop [--dmp-color-denied-surface=#fff7e6] - Background of refused accesses.
 * @cssprop --dmp-color-error - The "refused" label and error messages.
 */
export class DmpAccessHistory extends DmpElement {
  static override styles = [baseStyles, styles];

  readonly #task = new Task(this, {
    // The filter (as JSON) and the revision are arguments only so that a change runs the task again.
    task: async ([client, policy, actor, active, ins, , pageSize], { signal }) => {
      if (!client || !policy || !actor || !active || !ins) return initialState;
      this.#moreController?.abort();
      const key = `${actorKey(actor)}|${ins}`;
      try {
        const dossier = await this.dossierInfo(ins, { signal });
        this.moreError = undefined;
        const decision = policy.decide({ actor, action: 'history.read', dossier: dossier.policy });
        // A run the host overtook (another patient, and back) no longer says what is allowed.
        if (!signal.aborted) this.#allowedKey = decision.allowed ? key : undefined;
        if (!decision.allowed) return { key, refused: decision.reason } satisfies Loaded;
        const feed = new AccessLogFeed(client, ins, this.#filter, pageSize);
        await feed.loadMore({ signal });
        return { key, feed } satisfies Loaded;
      } catch (error) {
        // The server refuses the existence test itself to some (another patient, an insurer):
        // that is a refusal to explain, not a failure to retry.
        if (!isDmpError(error) || error.kind !== 'forbidden' || !error.reason) throw error;
        if (!signal.aborted) this.#allowedKey = undefined;
        return { key, refused: error.reason } satisfies Loaded;
      }
    },
    args: () =>
      [
        this.client,
        this.policy,
        this.actor,
        this.session?.state === 'active',
        this.patientIns,
        JSON.stringify(this.#filter),
        this.#effectivePageSize,
        this.logRevision,
      ] as const,
  });

  #moreController: AbortController | undefined;
  #exportController: AbortController | undefined;
  /** Set while a name typed waits for its pause; kept, stopped, while the element is out of the page. */
  #actorFilterTimer: ReturnType<typeof setTimeout> | undefined;
  /** The filter when that name was typed: a host that set another since has the last word. */
  #actorFilterBefore = '';
  /** Whether the name filter is the user's, typed in its field, rather than the host's; and the one being set. */
  #typedName = false;
  #typingName = false;
  /** The actor and patient for which `history.read` was last allowed: the filters stay on screen through reloads and errors. */
  #allowedKey: string | undefined;

  @state() private logRevision = 0;
  @state() private loadingMore = false;
  @state() private moreError: unknown;
  @state() private exportState: ExportState = { kind: 'idle' };

  /** INS (NIR) of the patient whose history is shown. */
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

  /** Only accesses in this mode: `normal`, `break-glass` or `regulation`; all modes when unset. Ignored while `emergency-only` is set. */
  @property({ reflect: true }) mode: AccessMode | undefined;

  /** Only accesses by someone whose name, RPPS or organisation contains this text (case and accents ignored). Text the user typed is cleared when the host shows another patient or user. */
  @property({ attribute: 'actor-filter', reflect: true }) actorFilter = '';

  /** Only this action, a policy action such as `document.read`; all actions when unset. */
  @property({ attribute: 'action-filter', reflect: true }) actionFilter: Action | undefined;

  /** Only accesses on or after this day, `YYYY-MM-DD`. */
  @property({ attribute: 'date-from', reflect: true }) dateFrom = '';

  /** Only accesses on or before this day, `YYYY-MM-DD`. */
  @property({ attribute: 'date-to', reflect: true }) dateTo = '';

  /** Only break-glass and regulation accesses. */
  @property({ attribute: 'emergency-only', type: Boolean, reflect: true }) emergencyOnly = false;

  /** Entries fetched per page (1–1000, default 50). */
  @property({ attribute: 'page-size', type: Number }) pageSize: number = DEFAULT_PAGE_SIZE;

  /** The most entries a CSV export writes (the newest ones); the user is told when it cuts. */
  @property({ attribute: 'export-limit', type: Number }) exportLimit: number = DEFAULT_EXPORT_LIMIT;

  /** The filter as sent to the server; invalid attribute values count as no filter. */
  get #filter(): FeedFilter {
    const modes: FeedFilter['modes'] = this.emergencyOnly ? EMERGENCY_MODES : [isMode(this.mode) ? this.mode : undefined];
    const actor = this.actorFilter.trim();
    const from = localDayBound(this.dateFrom, false);
    const to = localDayBound(this.dateTo, true);
    return {
      modes,
      ...(actor ? { actor } : {}),
      ...(isAction(this.actionFilter) ? { action: this.actionFilter } : {}),
      // The user's days, as the table shows times.
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
  }

  /** The most entries an export holds: `exportLimit` when it is a number, at least 1. */
  get #exportCap(): number {
    return Number.isFinite(this.exportLimit) ? Math.max(1, Math.floor(this.exportLimit)) : DEFAULT_EXPORT_LIMIT;
  }

  get #effectivePageSize(): number {
    const size = Math.floor(this.pageSize);
    return Number.isFinite(size) ? Math.min(Math.max(size, 1), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  get #hasFilter(): boolean {
    const { modes, ...rest } = this.#filter;
    return modes.some((m) => m !== undefined) || Object.keys(rest).length > 0;
  }

  get #rangeInvalid(): boolean {
    return DATE.test(this.dateFrom) && DATE.test(this.dateTo) && this.dateFrom > this.dateTo;
  }

  get #key(): string | undefined {
    return this.actor ? `${actorKey(this.actor)}|${this.patientIns}` : undefined;
  }

  /** The last answer, if it concerns the current actor and patient (never another patient's rows). */
  get #current(): Loaded | undefined {
    const value = this.#task.value;
    return value && value.key === this.#key ? value : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page while a name typed waited for its pause (stopped by disconnectedCallback): it applies now.
    const field = this.renderRoot.querySelector<HTMLInputElement>('#actor');
    const pending = this.#actorFilterTimer !== undefined && this.actorFilter === this.#actorFilterBefore;
    this.#actorFilterTimer = undefined;
    if (pending && field) this.#typeName(field.value);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#actorFilterTimer);
    // Out of the page, an export or a "load more" stops; moved in it (back before a microtask
    // runs, as a host's re-layout puts it), neither does, as the element's tasks go on (DmpElement).
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#moreController?.abort();
      this.#exportController?.abort();
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('dataChange')) this.#handleDataChange();
    // An export runs for the user and patient shown when it was asked: another one, a logout or
    // the end of the session stops it (its next pages would go out under someone else's name).
    const other = changed.has('patientIns') || this.userLeft(changed);
    // A name the user typed for another patient's history, or as another user, is not looked for
    // here, nor one still being typed; the host's stays.
    if (other) {
      this.#cancelName();
      if ((this.#typedName && !changed.has('actorFilter')) || this.#typingName) this.actorFilter = '';
      // A name half typed, never applied, leaves the field too: its binding has nothing to write.
      const field = this.renderRoot.querySelector<HTMLInputElement>('#actor');
      if (field) field.value = this.actorFilter;
    }
    if (changed.has('actorFilter')) {
      // The host's own name wins over one still being typed.
      if (!this.#typingName) this.#cancelName();
      this.#typedName = this.#typingName;
      this.#typingName = false;
    }
    const left = other || (changed.has('session') && this.session?.state !== 'active');
    if (left && this.exportState.kind !== 'idle') {
      this.#exportController?.abort();
      this.exportState = { kind: 'idle' };
    }
  }

  #handleDataChange(): void {
    const change = this.takeDataChange(this.patientIns);
    if (!change) return;
    this.logRevision += 1;
  }

  #handleModeChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.mode = isMode(value) ? value : undefined;
    this.emergencyOnly = false;
  }

  #handleActionChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.actionFilter = isAction(value) ? value : undefined;
  }

  #handleActorInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    clearTimeout(this.#actorFilterTimer);
    this.#actorFilterBefore = this.actorFilter;
    this.#actorFilterTimer = setTimeout(() => {
      this.#actorFilterTimer = undefined;
      this.#typeName(input.value);
    }, ACTOR_FILTER_DELAY_MS);
  }

  /** Enter (or leaving the field) applies the text at once. */
  #handleActorChange(event: Event): void {
    this.#cancelName();
    this.#typeName((event.target as HTMLInputElement).value);
  }

  #cancelName(): void {
    clearTimeout(this.#actorFilterTimer);
    this.#actorFilterTimer = undefined;
  }

  #typeName(name: string): void {
    if (name === this.actorFilter) return;
    this.#typingName = true;
    this.actorFilter = name;
  }

  #handleDateChange(event: Event, which: 'dateFrom' | 'dateTo'): void {
    const input = event.target as HTMLInputElement;
    // A date being retyped is no date yet: the filter waits for it, and its other parts stay.
    if (!input.validity.badInput) this[which] = input.value;
  }

  #handleEmergencyToggle(): void {
    this.emergencyOnly = !this.emergencyOnly;
    if (this.emergencyOnly) this.mode = undefined;
  }

  async #handleClearFilters(): Promise<void> {
    this.#cancelName();
    this.mode = undefined;
    this.actorFilter = '';
    this.actionFilter = undefined;
    this.dateFrom = '';
    this.dateTo = '';
    this.emergencyOnly = false;
    // The button goes with the filters: keyboard users go on from the first filter.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#actor')?.focus();
  }

  /**
   * Whether "load more" waits: for its page, or while the history is read again (a filter,
   * another screen's change), the list shown being about to go: its next page would be fetched,
   * and logged, for nothing.
   */
  get #moreWaits(): boolean {
    return this.loadingMore || this.#task.status === TaskStatus.PENDING;
  }

  async #handleLoadMore(feed: AccessLogFeed): Promise<void> {
    if (this.#moreWaits) return;
    const shown = feed.entries.length;
    const controller = new AbortController();
    this.#moreController = controller;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      await feed.loadMore({ signal: controller.signal });
    } catch (error) {
      if (!controller.signal.aborted) this.moreError = error;
    } finally {
      if (this.#moreController === controller) this.loadingMore = false;
    }
    if (controller.signal.aborted) return;
    await this.updateComplete;
    // The button may be gone (last page): continue reading from the first new entry, or from the
    // last one when a gateway's last page was empty, rather than lose the focus to the page.
    const first = feed.entries[shown] ?? feed.entries[shown - 1];
    if (first && !feed.hasMore && this.focusIsOurs()) this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(first.id)}"]`)?.focus();
  }

  async #handleExport(): Promise<void> {
    const client = this.client;
    if (this.exportState.kind === 'running' || !client) return;
    const controller = new AbortController();
    this.#exportController = controller;
    this.exportState = { kind: 'running' };
    try {
      const limit = this.#exportCap;
      const feed = new AccessLogFeed(client, this.patientIns, this.#filter, Math.min(limit, MAX_PAGE_SIZE));
      const { entries, truncated } = await collectAll(feed, limit, { signal: controller.signal });
      const csv = encodeCsv(accessLogRows(entries, this.locale));
      const filename = `${msg('historique-acces-dmp')}-${localDay(new Date())}.csv`;
      offerDownload(this.renderRoot as ShadowRoot, new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename);
      this.exportState = { kind: 'done', rows: entries.length, truncated };
      this.emit('dmp-history-exported', { rows: entries.length, filename, truncated } satisfies HistoryExportedDetail);
    } catch (error) {
      if (this.#exportController === controller) this.exportState = controller.signal.aborted ? { kind: 'idle' } : { kind: 'failed', error };
    }
  }

  protected override updated(): void {
    levelHeadings(this.renderRoot, this.headingLevel);
  }

  protected renderContent(): TemplateResult {
    const current = this.#current;
    const pending = this.#task.status === TaskStatus.PENDING;
    const allowed = this.#allowedKey !== undefined && this.#allowedKey === this.#key;
    return html`<section part="base" class="base" aria-labelledby="title" aria-busy=${pending ? 'true' : 'false'}>
      <h2 id="title">${msg('Historique des accès au dossier')}</h2>
      ${renderPatientLine(this.patient, this.locale)}
      ${!this.patientIns
        ? html`<div class="notice notice--error" role="alert">
            ${msg('Aucun patient n’est indiqué (attribut patient-ins).')}
          </div>`
        : html`${allowed ? this.#renderToolbar() : nothing}${this.#renderBody(current, pending)}`}
    </section>`;
  }

  #renderBody(current: Loaded | undefined, pending: boolean): unknown {
    if (this.#task.status === TaskStatus.ERROR) return this.#renderLoadError();
    if (current && 'refused' in current) return this.#renderRefusal(current.refused);
    if (!current && !pending && this.#task.status !== TaskStatus.INITIAL) return nothing;
    // One status paragraph from the loading to the results and back: a live region put in the page
    // with its text already in it is not announced, and "no entry matches" would go unsaid.
    return html`<p class="status" role="status">${current ? this.#statusText(current.feed, pending) : msg('Chargement de l’historique…')}</p>
      ${current ? this.#renderLog(current.feed, pending) : html`<div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>`}`;
  }

  #renderRefusal(reason: ReasonCode): TemplateResult {
    // No dossier is a fact to state, not a refusal: there is no history to keep from anyone.
    if (reason === 'no-dossier') return html`<p class="notice" role="status">${reasonText(reason)}</p>`;
    return html`<div class="notice" role="status">
      <strong>${msg('Vous ne pouvez pas consulter cet historique.')}</strong>
      <p>${reasonText(reason)}</p>
    </div>`;
  }

  #renderLoadError(): TemplateResult {
    return html`<div class="notice notice--error" role="alert">
      <strong>${msg('L’historique n’a pas pu être chargé.')}</strong>
      <p>${errorText(this.#task.error)}</p>
      <p><button type="button" @click=${() => this.retryFrom('#title', () => this.#task.run())}>${msg('Réessayer')}</button></p>
    </div>`;
  }

  #renderToolbar(): TemplateResult {
    const mode = !this.emergencyOnly && isMode(this.mode) ? this.mode : '';
    const rangeInvalid = this.#rangeInvalid;
    // The selects bind `.value` too: see selectField (dmp-dossier-create/fields.ts).
    return html`<form part="toolbar" class="toolbar" role="search" aria-label=${msg('Filtrer l’historique')}
      @submit=${(e: Event) => e.preventDefault()}>
      <div class="field">
        <label for="actor">${msg('Qui (nom, RPPS, organisation)')}</label>
        <input id="actor" type="search" maxlength="200" autocomplete="off" .value=${this.actorFilter}
          @input=${this.#handleActorInput} @change=${this.#handleActorChange} />
      </div>
      <div class="field">
        <label for="mode">${msg('Mode d’accès')}</label>
        <select id="mode" .value=${mode} @change=${this.#handleModeChange}>
          <option value="" ?selected=${mode === ''}>${msg('Tous les modes')}</option>
          ${ACCESS_MODES.map((m) => html`<option value=${m} ?selected=${mode === m}>${modeLabel(m)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="action">${msg('Action')}</label>
        <select id="action" .value=${isAction(this.actionFilter) ? this.actionFilter : ''} @change=${this.#handleActionChange}>
          <option value="" ?selected=${!this.actionFilter}>${msg('Toutes les actions')}</option>
          ${ACTIONS.map((a) => html`<option value=${a} ?selected=${this.actionFilter === a}>${actionLabel(a)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="from">${msg('Du')}</label>
        <input id="from" type="date" .value=${this.dateFrom} aria-invalid=${rangeInvalid ? 'true' : 'false'}
          aria-describedby=${rangeInvalid ? 'range-error' : nothing} @change=${(e: Event) => this.#handleDateChange(e, 'dateFrom')} />
      </div>
      <div class="field">
        <label for="to">${msg('Au')}</label>
        <input id="to" type="date" .value=${this.dateTo} aria-invalid=${rangeInvalid ? 'true' : 'false'}
          aria-describedby=${rangeInvalid ? 'range-error' : nothing} @change=${(e: Event) => this.#handleDateChange(e, 'dateTo')} />
      </div>
      <div class="actions">
        <button type="button" class="toggle" aria-pressed=${this.emergencyOnly ? 'true' : 'false'} @click=${this.#handleEmergencyToggle}>
          <span aria-hidden="true">⚠</span> ${msg('Accès en urgence uniquement')}
        </button>
        ${this.#hasFilter
          ? html`<button type="button" @click=${this.#handleClearFilters}>${msg('Effacer les filtres')}</button>`
          : nothing}
        ${this.#renderExportButton()}
      </div>
      ${rangeInvalid
        ? html`<p id="range-error" class="field-error" role="alert">
            ${msg('La date de début est postérieure à la date de fin.')}
          </p>`
        : nothing}
      ${this.#renderExportStatus()}
    </form>`;
  }

  #renderExportButton(): TemplateResult {
    const running = this.exportState.kind === 'running';
    return html`<button type="button" class="primary export" aria-disabled=${running ? 'true' : 'false'} @click=${this.#handleExport}>
      ${running
        ? msg('Export en cours…')
        : msg('Exporter en CSV')}
    </button>`;
  }

  #renderExportStatus(): TemplateResult {
    const s = this.exportState;
    let text: unknown = nothing;
    if (s.kind === 'done') {
      const rows = formatNumber(s.rows, this.locale);
      const limit = formatNumber(this.#exportCap, this.locale);
      text = s.truncated
        ? msg(str`Export limité aux ${limit} entrées les plus récentes : affinez les filtres pour exporter les autres.`)
        : s.rows === 0
          ? msg('Fichier CSV prêt : aucune entrée exportée.')
          : s.rows === 1
            ? msg('Fichier CSV prêt : 1 entrée exportée.')
            : msg(str`Fichier CSV prêt : ${rows} entrées exportées.`);
    }
    if (s.kind === 'failed') {
      return html`<p class="field-error" role="alert">
        ${msg('L’export a échoué :')} ${errorText(s.error)}
      </p>`;
    }
    return html`<p class="status export-status" role="status">${text}</p>`;
  }

  #statusText(feed: AccessLogFeed, pending: boolean): string {
    const entries = feed.entries;
    if (pending) return msg('Mise à jour de l’historique…');
    if (entries.length === 0) {
      return this.#rangeInvalid
        ? msg('Aucune entrée : la période choisie est vide.')
        : this.#hasFilter
          ? msg('Aucun accès ne correspond à ces filtres.')
          : msg('Aucun accès n’a encore été enregistré sur ce dossier.');
    }
    const count = formatNumber(entries.length, this.locale);
    return feed.hasMore
      ? msg(str`${count} entrées affichées, les plus récentes d’abord ; d’autres, plus anciennes, peuvent être chargées.`)
      : entries.length === 1
        ? msg('1 entrée.')
        : msg(str`${count} entrées, les plus récentes d’abord.`);
  }

  #renderLog(feed: AccessLogFeed, pending: boolean): unknown {
    const entries = feed.entries;
    if (entries.length === 0 && !pending) return nothing;
    return html`<div class="scroller" role="region" tabindex="0" aria-labelledby="caption">
        <table part="table">
          <caption id="caption" class="visually-hidden">${msg('Accès au dossier, les plus récents d’abord')}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Date et heure')}</th>
              <th scope="col">${msg('Qui')}</th>
              <th scope="col">${msg('Action')}</th>
              <th scope="col">${msg('Mode d’accès')}</th>
              <th scope="col">${msg('Résultat')}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(entries, (e) => e.id, (e) => this.#renderRow(e))}
          </tbody>
        </table>
      </div>
      ${this.#renderMore(feed)}`;
  }

  #renderRow(e: AccessLogEntry): TemplateResult {
    const emergency = isEmergency(e.mode);
    const denied = e.outcome === 'denied';
    const role = actorRoleLabel(e.actor);
    return html`<tr part="row" class=${classMap({ emergency, denied })} data-id=${e.id} tabindex="-1">
      <td><time datetime=${e.at}>${formatDateTime(e.at, this.locale)}</time></td>
      <td>
        <span class="name">${e.actor.name}</span>
        ${role || e.actor.rpps
          ? html`<span class="meta">${role}${role && e.actor.rpps ? ' · ' : ''}${e.actor.rpps
              ? msg(str`RPPS ${e.actor.rpps}`)
              : ''}</span>`
          : nothing}
        ${e.actor.organisation ? html`<span class="meta">${e.actor.organisation}</span>` : nothing}
      </td>
      <td>${actionLabel(e.action)}${e.target?.title ? html`<span class="meta" lang="fr">${e.target.title}</span>` : nothing}</td>
      <td>
        <span part="badge" class=${classMap({ badge: true, emergency })}>${emergency
            ? html`<span aria-hidden="true">⚠ </span>`
            : nothing}${modeLabel(e.mode)}</span>
        ${e.justification
          ? html`<p class="justification">${msg('Justification :')} <q lang="fr">${e.justification}</q></p>`
          : nothing}
      </td>
      <td>
        ${denied
          ? html`<span class="denied-label">${outcomeLabel(e.outcome)}</span><span class="meta">${loggedRefusalText(e.reason)}</span>`
          : outcomeLabel(e.outcome)}
      </td>
    </tr>`;
  }

  #renderMore(feed: AccessLogFeed): TemplateResult | typeof nothing {
    const error = this.moreError;
    if (!feed.hasMore && !error) return nothing;
    return html`<div class="more">
      ${error
        ? html`<p class="field-error" role="alert">
            ${msg('La suite de l’historique n’a pas pu être chargée :')} ${errorText(error)}
          </p>`
        : nothing}
      <button type="button" aria-disabled=${this.#moreWaits ? 'true' : 'false'} @click=${() => this.#handleLoadMore(feed)}>
        ${this.loadingMore
          ? msg('Chargement…')
          : error
            ? msg('Réessayer')
            : msg('Charger les accès plus anciens')}
      </button>
    </div>`;
  }
}
