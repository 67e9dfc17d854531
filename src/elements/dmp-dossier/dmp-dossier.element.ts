import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, render, type LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { repeat } from 'lit/directives/repeat.js';
import { isDmpError } from '../../client/errors.js';
import { lazyModule } from '../../client/lazy-module.js';
import { changesAccess, grantFor } from '../../context/contexts.js';
import { errorText, isRetryable } from '../../i18n/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import { modeLabel, reasonText } from '../../i18n/labels.js';
import type { DossierInfo } from '../../model/dossier.js';
import type { PatientDisplay } from '../../model/patient.js';
import { isToldOfHiddenDocuments } from '../../policy/roles.js';
import type { ReasonCode } from '../../policy/types.js';
import { renderPatientLine } from '../base/patient-line.js';
import { DmpElement, headingLevelOf, levelHeadings } from '../base/dmp-element.js';
import { baseStyles } from '../base/styles.js';
import { TAB_ELEMENTS, exportedParts, loadElement, type ComposedTag } from './composed.js';
import { styles } from './dmp-dossier.styles.js';
import type { TabChangeDetail } from './events.js';
import { loadRecap, type Recap } from './recap.js';
import { renderStatus } from './status-view.js';
import { isDossierTab, visibleTabs, type Ask, type DossierTab, type TabAccess } from './tabs.js';

/**
 * What the récapitulatif shows beyond the dossier's state: fetched while the dossier's existence is
 * tested, so that its tabs come first.
 */
const loadRecapView = lazyModule(() => import('./recap-view.js'), 'The récapitulatif', 'renderContent');

type RecapView = typeof import('./recap-view.js');

/**
 * `aria-busy` for what a task reloads, never for the panels around it: a screen reader holds back
 * what a busy region says, and the management tab says its outcome while the dossier reloads.
 */
const busy = (task: { status: TaskStatus }) => (task.status === TaskStatus.PENDING ? 'true' : 'false');

type Loaded = { key: string; info: DossierInfo } | { key: string; refused: ReasonCode };

/**
 * The whole DMP of a patient in one element, in the five tabs of the DMP: récapitulatif, documents,
 * the patient's declared information, management (consent and settings) and the access history.
 * The tabs other than the récapitulatif are the library's own elements (`dmp-document-list`,
 * `dmp-patient-profile`, `dmp-consent-panel`, `dmp-access-history`), created when their tab is
 * first opened and kept afterwards, so a filter or a form survives switching tabs. Their events
 * bubble out of this element unchanged, and their titles sit one level under the dossier's
 * (`heading-level`).
 *
 * The policy decides which tabs the actor sees: one they can never use is not shown (the access
 * history for a professional), one refused for a reason that may change says why (a professional
 * the patient blocked). A professional the patient has not authorized is offered emergency access
 * (`dmp-break-glass`) in the récapitulatif; once granted, the whole dossier reloads.
 *
 * The code of each composed element is loaded the first time it is shown, so the récapitulatif
 * does not wait for the others; the element registers them itself.
 *
 * Theming reaches the composed elements: the `--dmp-*` custom properties set on the dossier or
 * any ancestor apply inside them, and their CSS parts are exported under their tag's name
 * (`dmp-dossier::part(document-list-row)`).
 *
 * Keyboard (WAI-ARIA tabs, manual activation): Tab reaches the selected tab; ArrowLeft /
 * ArrowRight move to the previous / next tab, Home / End to the first / last, and Enter or Space
 * shows it (opening a tab reads the dossier, which the patient's access history records); Tab
 * again enters the panel.
 *
 * @tagname dmp-dossier
 * @summary The whole DMP of a patient: récapitulatif, documents, information, management, history.
 *
 * @fires {CustomEvent<TabChangeDetail>} dmp-tab-changed - The user showed another tab, or the tab shown went away (the dossier was closed, an emergency access ended) and the récapitulatif took its place; `detail.tab` is its name, also reflected in the `tab` attribute.
 * @fires {CustomEvent<DocumentOpenDetail>} dmp-document-open - From the documents or information tab: the user asked to open a document.
 * @fires {CustomEvent<DocumentMaskDetail>} dmp-document-mask-request - From the documents tab; cancelable, as on `dmp-document-list`.
 * @fires {CustomEvent<DocumentMaskDetail>} dmp-document-masked - From the documents tab.
 * @fires {CustomEvent<DocumentRevealDetail>} dmp-document-reveal-request - From the documents tab; cancelable.
 * @fires {CustomEvent<DocumentRevealDetail>} dmp-document-revealed - From the documents tab.
 * @fires {CustomEvent<DocumentDeleteDetail>} dmp-document-delete-request - From the documents tab; cancelable.
 * @fires {CustomEvent<DocumentDeleteDetail>} dmp-document-deleted - From the documents tab.
 * @fires {CustomEvent<DocumentAddedDetail>} dmp-document-added - From the documents tab.
 * @fires {CustomEvent<ProfileSaveRequestDetail>} dmp-profile-save-request - From the information tab; cancelable.
 * @fires {CustomEvent<ProfileSavedDetail>} dmp-profile-saved - From the information tab.
 * @fires {CustomEvent<DirectivesUploadRequestDetail>} dmp-profile-directives-upload-request - From the information tab; cancelable.
 * @fires {CustomEvent<DirectivesUploadedDetail>} dmp-profile-directives-uploaded - From the information tab.
 * @fires {CustomEvent<AuthorizationChangeDetail>} dmp-authorization-change-request - From the management tab; cancelable.
 * @fires {CustomEvent<AuthorizationChangeDetail>} dmp-authorization-changed - From the management tab.
 * @fires {CustomEvent<OppositionChangedDetail>} dmp-opposition-changed - From the management tab.
 * @fires {CustomEvent<DossierCloseRequestDetail>} dmp-dossier-close-request - From the management tab; cancelable.
 * @fires {CustomEvent<DossierLifecycleDetail>} dmp-dossier-closed - From the management tab.
 * @fires {CustomEvent<DossierLifecycleDetail>} dmp-dossier-reactivated - From the management tab.
 * @fires {CustomEvent<HistoryExportedDetail>} dmp-history-exported - From the history tab.
 * @fires {CustomEvent<BreakGlassRequestDetail>} dmp-break-glass-request - From the récapitulatif's emergency access; cancelable.
 * @fires {CustomEvent<BreakGlassGrantedDetail>} dmp-break-glass-granted - From the récapitulatif's emergency access.
 * @fires {CustomEvent<BreakGlassRefusedDetail>} dmp-break-glass-refused - From the récapitulatif's emergency access.
 *
 * @csspart base - The element's outer box.
 * @csspart patient - The patient's identity, when the `patient` property is set.
 * @csspart tablist - The row of tabs.
 * @csspart tab - Each tab.
 * @csspart panel - Each tab panel.
 * @csspart recap - The récapitulatif, inside its panel.
 * @csspart document-list-* - The parts of the `dmp-document-list` in the Documents tab, under this prefix: `document-list-row`, `document-list-badge`…
 * @csspart patient-profile-* - The parts of the `dmp-patient-profile` in the Information tab: `patient-profile-section`…
 * @csspart consent-panel-* - The parts of the `dmp-consent-panel` in the Management tab: `consent-panel-row`…
 * @csspart access-history-* - The parts of the `dmp-access-history` in the History tab: `access-history-row`…
 * @csspart break-glass-* - The parts of the `dmp-break-glass` offered in the récapitulatif: `break-glass-form`…
 *
 * @cssprop --dmp-color-accent - The selected tab's underline and text.
 * @cssprop --dmp-color-emergency - Emergency access: the banner and the badges of emergency accesses.
 * @cssprop --dmp-color-declared - Text and border of the "déclaré par le patient" label.
 * @cssprop --dmp-color-declared-surface - Background of that label.
 * @cssprop --dmp-color-border - Borders of the tabs and the récapitulatif's cards.
 * @cssprop [--dmp-document-list-max-height=36rem] - Passed on to the Documents tab's list: the height its rows may grow to before it scrolls.
 * @cssprop [--dmp-document-list-columns=minmax(12rem, 3fr) minmax(7rem, 1.2fr) minmax(7rem, 1fr) minmax(10rem, 2fr) minmax(6rem, 1fr) 6.5rem] - Passed on to the Documents tab's list: its grid columns (see dmp-document-list).
 * @cssprop [--dmp-color-backdrop=rgb(0 0 0 / 0.4)] - Passed on: the backdrop behind the dialogs of the tabs (the list's, the editor's, the panel's and the profile's confirmations).
 * @cssprop [--dmp-color-emergency-surface=#fcebea] - Passed on to the History tab: background of emergency accesses.
 * @cssprop [--dmp-color-denied-surface=#fff7e6] - Passed on to the History tab: background of refused accesses.
 */
export class DmpDossier extends DmpElement {
  static override styles = [baseStyles, styles];

  readonly #dossierTask = new Task(this, {
    task: async ([client, ready, ins, key], { signal }): Promise<Loaded | typeof initialState> => {
      if (!client || !ready || !ins) return initialState;
      loadRecapView.prefetch();
      try {
        const info = await this.dossierInfo(ins, { signal });
        return { key, info };
      } catch (error) {
        // The existence test itself is refused to some (an actor the law keeps out, another
        // patient): a refusal to explain, not a failure to retry.
        if (isDmpError(error) && error.kind === 'forbidden' && error.reason) return { key, refused: error.reason };
        throw error;
      }
    },
    args: () => [this.client, this.ready, this.patientIns, this.#key, this.dossierRevision] as const,
    // What the récapitulatif shows, and may show, follows the dossier.
    onComplete: (value) => {
      this.#lastLoaded = value;
      this.#recapStale = true;
    },
  });
  /**
   * The last dossier loaded: a reload that fails (after a write, offline), and the next try, keep
   * its tabs, and what is typed in them, under the error.
   */
  #lastLoaded: Loaded | undefined;

  /**
   * Runs after an update that asked for it (`recapRuns`): only when the récapitulatif is on
   * screen and what it shows may have changed, not on every switch back to it. Another actor or
   * patient (`key`) runs it too, to abort a load still going: its next request would leave under
   * the new user's name, for the previous patient.
   */
  readonly #recapTask = new Task(this, {
    task: async ([run, key], { signal }) => {
      const client = this.client;
      const target = this.#recapTarget;
      if (!client || !run || !target || target.key !== key) return initialState;
      // The view first: its fetch failing after the reads would leave lines in the patient's
      // history for a récapitulatif never shown, and again at each Retry.
      await loadRecapView();
      return { key: target.key, recap: await loadRecap(client, this.patientIns, this.#askFor(target.info), isToldOfHiddenDocuments(this.actor!), new Date(), { signal }) };
    },
    args: () => [this.#recapRuns, this.#key] as const,
    autoRun: 'afterUpdate',
  });

  /** The tabs shown for the loaded dossier, computed once per update. */
  #tabs: TabAccess[] = [];
  #recapStale = true;
  #recapRuns = 0;
  /** The dossier the next récapitulatif load is for. */
  #recapTarget: { key: string; info: DossierInfo } | undefined;
  /** The actor and patient `opened` belongs to: another one starts with fresh elements. */
  #openedFor = '';
  #focusBanner = false;
  /** The panel that had the focus when the host asked for another tab. */
  #focusedPanel: HTMLElement | null = null;
  /** The tab last shown, and for whom: when it goes away under the user, the host hears of it. */
  #shown: { key: string; tab: DossierTab } | undefined;
  /** The emergency-access form, one for every patient shown (see #renderBreakGlass). */
  #breakGlass: HTMLElement | undefined;

  @state() private dossierRevision = 0;
  /** Elements whose code could not be loaded (offline): their panel offers to try again. */
  @state() private loadFailures: ReadonlySet<ComposedTag> = new Set();
  /** Tabs opened at least once: their elements exist and keep their state. */
  @state() private opened: ReadonlySet<DossierTab> = new Set();

  /** INS (NIR) of the patient whose dossier is shown. */
  @property({ attribute: 'patient-ins' }) patientIns = '';

  /**
   * The level of the element's title in the host page's outline, a whole number from 1 (2 when
   * unset or not one); its other headings follow, one level down each. Screen reader users move
   * through a page by its headings: give one more than the level of the heading the element sits
   * under.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: number | undefined;

  /** The patient as the host software knows them, shown as the identity of the dossier. */
  @property({ attribute: false }) patient: PatientDisplay | undefined;

  /**
   * The tab shown: `recap` (default), `documents`, `profile`, `management` or `history`; a tab the
   * actor may not see shows the récapitulatif. When the tab shown goes away (the dossier closed, an
   * emergency access ended), it becomes `recap` and `dmp-tab-changed` says so.
   */
  @property({ reflect: true }) tab: DossierTab = 'recap';

  /** The user's sitting (a logout and a new login is another) and the patient. */
  get #key(): string {
    return `${this.sitting}|${this.patientIns}`;
  }

  /** The loaded dossier, if it belongs to the current actor and patient (never another patient's tabs). */
  get #loaded(): Loaded | undefined {
    const value = this.#dossierTask.value ?? this.#lastLoaded;
    return value && value.key === this.#key ? value : undefined;
  }

  get #activeTab(): DossierTab {
    const wanted = isDossierTab(this.tab) ? this.tab : 'recap';
    return this.#tabs.some((t) => t.tab === wanted) ? wanted : 'recap';
  }

  /** The récapitulatif refuses the content to a professional who could ask for emergency access. */
  get #breakGlassOffered(): boolean {
    const content = this.#currentRecap?.content;
    return content !== undefined && !content.ok && content.reason === 'not-authorized';
  }

  /** The last récapitulatif, if it belongs to the current actor and patient. */
  get #currentRecap(): Recap | undefined {
    const value = this.#recapTask.value;
    return value && value.key === this.#key ? value.recap : undefined;
  }

  #askFor(info: DossierInfo): Ask {
    const { actor, policy } = this;
    const base = this.policyRequest(this.patientIns);
    return (action, document, request) => {
      if (!actor || !policy) return { allowed: false, reason: 'invalid-request', obligations: [] };
      return policy.decide({ actor, action, dossier: info.policy, ...(document ? { document } : {}), request: { ...base, ...request } });
    };
  }

  protected override willUpdate(changed: PropertyValues): void {
    // The host may show another tab while the user is in a panel: see updated.
    this.#focusedPanel = changed.has('tab') ? this.renderRoot.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden]):focus-within') : null;
    if (changed.has('dataChange')) this.#handleDataChange();
    if (this.#openedFor !== this.#key) {
      this.#openedFor = this.#key;
      this.opened = new Set();
      this.#recapStale = true;
      // The next récapitulatif waits for this key's dossier: an older target must not run meanwhile.
      this.#recapTarget = undefined;
      // A grant's banner is focused for the patient and user it was asked for, not the next ones.
      this.#focusBanner = false;
    }
    const loaded = this.#loaded;
    this.#tabs = loaded && 'info' in loaded && loaded.info.status !== 'none' ? visibleTabs(this.#askFor(loaded.info)) : [];
    const active = this.#activeTab;
    if (this.#tabs.length > 0) {
      // The tab shown went away (the dossier was closed, a grant ended): the récapitulatif takes
      // its place, and `tab` says so, so that the tab does not come back by itself later. A tab
      // the host asked for and never shown keeps the documented fallback.
      if (this.#shown?.key === this.#key && this.#shown.tab === this.tab && active !== this.tab) {
        this.tab = active;
        this.emit('dmp-tab-changed', { tab: active } satisfies TabChangeDetail);
      }
      this.#shown = { key: this.#key, tab: active };
    }
    if (this.#tabs.length > 0 && !this.opened.has(active)) this.opened = new Set([...this.opened, active]);
    for (const t of this.#tabs) if (t.allowed && t.tab !== 'recap' && this.opened.has(t.tab)) this.#ensureLoaded(TAB_ELEMENTS[t.tab]);
    if (this.#breakGlassOffered) this.#ensureLoaded('dmp-break-glass');
    const settled = this.#dossierTask.status === TaskStatus.COMPLETE;
    if (this.#recapStale && settled && loaded && 'info' in loaded && this.#tabs.length > 0 && active === 'recap') this.#requestRecap(loaded);
  }

  protected override updated(): void {
    levelHeadings(this.renderRoot, this.headingLevel);
    // A panel hidden with the focus in it loses it only at the browser's next rendering, too late
    // for the base's check: the tab shown takes it now.
    if (this.#focusedPanel?.hidden) this.renderRoot.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
    this.#focusedPanel = null;
    // After an emergency grant, once the récapitulatif has reloaded without the request form.
    if (this.#focusBanner && !this.renderRoot.querySelector('dmp-break-glass')) {
      const banner = this.renderRoot.querySelector<HTMLElement>('#emergency');
      if (banner) {
        this.#focusBanner = false;
        if (this.focusIsOurs()) {
          banner.focus();
          // Focused, it is read; still a live region, it would be read a second time.
          banner.removeAttribute('role');
        }
      }
    }
  }

  #ensureLoaded(tag: ComposedTag): void {
    if (customElements.get(tag) || this.loadFailures.has(tag)) return;
    loadElement(tag).then(
      () => this.requestUpdate(),
      () => (this.loadFailures = new Set([...this.loadFailures, tag])),
    );
  }

  #handleLoadRetry(tag: ComposedTag): void {
    this.loadFailures = new Set([...this.loadFailures].filter((t) => t !== tag));
  }

  #handleDataChange(): void {
    const change = this.takeDataChange(this.patientIns);
    if (!change) return;
    // Everything the récapitulatif shows may have changed; it reloads when next on screen, after
    // the dossier when the access conditions may have changed too (its reload marks it stale).
    if (changesAccess(change.topics)) this.dossierRevision += 1;
    else this.#recapStale = true;
  }

  #select(tab: DossierTab): void {
    if (tab === this.#activeTab) return;
    // The user went on to another tab: the banner, when it comes, does not call them back.
    this.#focusBanner = false;
    this.tab = tab;
    this.emit('dmp-tab-changed', { tab } satisfies TabChangeDetail);
  }

  /** Arrowing past a tab must not open it: each read is a line in the patient's access history. */
  #handleTabKeydown(event: KeyboardEvent): void {
    const tabs = this.#tabs.map((t) => t.tab);
    const index = tabs.indexOf((event.target as HTMLElement).id.slice(4) as DossierTab);
    let next: DossierTab | undefined;
    if (event.key === 'ArrowRight') next = tabs[(index + 1) % tabs.length];
    else if (event.key === 'ArrowLeft') next = tabs[(index - 1 + tabs.length) % tabs.length];
    else if (event.key === 'Home') next = tabs[0];
    else if (event.key === 'End') next = tabs[tabs.length - 1];
    if (!next) return;
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus();
  }

  /** Asks the récapitulatif task to run after this update. */
  #requestRecap(target: { key: string; info: DossierInfo }): void {
    this.#recapStale = false;
    this.#recapTarget = target;
    this.#recapRuns += 1;
  }

  #handleRecapRetry(): void {
    const loaded = this.#loaded;
    if (!loaded || !('info' in loaded)) return;
    this.#requestRecap(loaded);
    this.requestUpdate();
  }

  // --- Rendering -----------------------------------------------------------------------------

  /**
   * An ended session is seen by the tabs' elements before they leave the page with #page: as
   * when placed alone, they close their dialogs, stop what a user who logged out had started, and
   * keep what was typed for the user's return.
   */
  protected override async scheduleUpdate(): Promise<void> {
    // Only while they are in the page: out of it, their updates wait for their return.
    if (this.session?.state !== 'active' && this.#page?.isConnected) {
      await Promise.allSettled([...this.#page.querySelectorAll('*')].map((el) => (el as Partial<LitElement>).updateComplete));
    }
    await super.scheduleUpdate();
  }

  /**
   * The page is drawn into one node kept for the element's life: while the session is expired it
   * is out of the page rather than dropped, so what the user typed in the tabs (a justification,
   * a representative, a document to add) is there again at login, as in an element placed alone
   * (DECISIONS.md 10).
   */
  #page: HTMLElement | undefined;

  protected override renderContent(): HTMLElement {
    this.#page ??= document.createElement('div');
    render(this.#renderPage(), this.#page, { host: this });
    return this.#page;
  }

  /**
   * Focus gone with a tab the user may no longer see (the dossier closed, an emergency access
   * ended) goes to the tab shown, or the title; a grant just given takes it to its banner (updated).
   */
  protected override focusFallback(): HTMLElement | null | undefined {
    const own = () => this.renderRoot.querySelector<HTMLElement>('[aria-selected="true"]') ?? this.renderRoot.querySelector<HTMLElement>('#title');
    return super.focusFallback() ?? (this.#focusBanner ? undefined : own());
  }

  #renderPage(): TemplateResult {
    return html`<section part="base" class="base" aria-labelledby="title">
      <header class="head">
        <h2 id="title" tabindex="-1">${msg('Dossier médical partagé')}</h2>
        ${renderPatientLine(this.patient, this.locale)} ${this.#renderEmergencyBanner()}
      </header>
      ${this.#renderBody()}
    </section>`;
  }

  #renderEmergencyBanner(): TemplateResult | typeof nothing {
    const grant = grantFor(this.session, this.patientIns);
    if (!grant) return nothing;
    const loaded = this.#loaded;
    // Told as the policy obliges (no one, under a minor's connexion secrète); unsure while the
    // dossier loads, the banner says only what holds.
    const announced =
      loaded && 'info' in loaded && this.#askFor(loaded.info)('document.list', undefined, { secret: this.session?.secret === true }).obligations.includes('notify-patient');
    const until = formatDateTime(grant.expiresAt, this.locale);
    return html`<p id="emergency" class="emergency-banner" role="status" tabindex="-1">
      <span aria-hidden="true">⚠</span>
      ${announced
        ? msg(str`${modeLabel(grant.mode)} : accès accordé jusqu’au ${until}. Chaque consultation est enregistrée dans l’historique du dossier et le patient en est informé.`)
        : msg(str`${modeLabel(grant.mode)} : accès accordé jusqu’au ${until}. Chaque consultation est enregistrée dans l’historique du dossier.`)}
    </p>`;
  }

  #renderBody(): unknown {
    if (!this.patientIns) {
      return html`<p class="notice notice--error" role="alert">${msg('Aucun patient n’est indiqué (attribut patient-ins).')}</p>`;
    }
    const loaded = this.#loaded;
    const failed =
      this.#dossierTask.status === TaskStatus.ERROR
        ? this.#renderLoadError(msg('Le dossier n’a pas pu être chargé.'), this.#dossierTask.error, () => void this.#dossierTask.run())
        : undefined;
    if (!loaded) return failed ?? html`<p class="loading" role="status">${msg('Chargement du dossier…')}</p>`;
    if ('refused' in loaded) return html`${failed ?? nothing}${this.#renderRefusal(loaded.refused)}`;
    if (loaded.info.status === 'none') {
      return html`${failed ?? nothing}<p class="notice" role="status" data-reason="no-dossier">${reasonText('no-dossier')}</p>`;
    }
    return html`${failed ?? nothing}${this.#renderTabs(loaded.info)}`;
  }

  /** A failed load: what could not be loaded, why, and Retry when trying again may help; focus then goes on to `next`. */
  #renderLoadError(title: string, error: unknown, retry: () => void, next = '#title'): TemplateResult {
    return html`<div class="notice notice--error" role="alert">
      <strong>${title}</strong>
      <p>${errorText(error)}</p>
      ${isRetryable(error)
        ? html`<p><button type="button" class="button" @click=${() => this.retryFrom(next, retry)}>${msg('Réessayer')}</button></p>`
        : nothing}
    </div>`;
  }

  #renderRefusal(reason: ReasonCode): TemplateResult {
    return html`<div class="notice refusal" role="status" data-reason=${reason}>
      <strong>${msg('Vous ne pouvez pas consulter ce dossier.')}</strong>
      <p>${reasonText(reason)}</p>
    </div>`;
  }

  #tabLabel(tab: DossierTab): string {
    switch (tab) {
      case 'recap': return msg('Récapitulatif');
      case 'documents': return msg('Documents');
      case 'profile':
        // The patient reads about themselves; anyone else about the patient.
        return this.actor?.kind === 'patient'
          ? msg('Mes informations')
          : msg('Informations du patient');
      case 'management': return msg('Gestion du DMP');
      case 'history': return msg('Historique des accès');
    }
  }

  #renderTabs(info: DossierInfo): TemplateResult {
    const active = this.#activeTab;
    return html`<div part="tablist" class="tablist" role="tablist" aria-labelledby="title" aria-busy=${busy(this.#dossierTask)} @keydown=${this.#handleTabKeydown}>
        ${repeat(
          this.#tabs,
          (t) => t.tab,
          (t) => html`<button
            type="button"
            part="tab"
            class="tab"
            role="tab"
            id=${`tab-${t.tab}`}
            aria-selected=${t.tab === active ? 'true' : 'false'}
            aria-controls=${`panel-${t.tab}`}
            tabindex=${t.tab === active ? '0' : '-1'}
            @click=${() => this.#select(t.tab)}
          >
            ${this.#tabLabel(t.tab)}
          </button>`,
        )}
      </div>
      ${repeat(
        this.#tabs,
        (t) => t.tab,
        (t) => html`<div part="panel" class="panel" role="tabpanel" id=${`panel-${t.tab}`} aria-labelledby=${`tab-${t.tab}`} tabindex="0" ?hidden=${t.tab !== active}>
          ${this.opened.has(t.tab) ? this.#renderPanel(t, info) : nothing}
        </div>`,
      )}`;
  }

  /** The elements in the tabs, and emergency access in the récapitulatif, sit under the dossier's title. */
  get #tabHeadingLevel(): number {
    return headingLevelOf(this.headingLevel) + 1;
  }

  #renderPanel(access: TabAccess, info: DossierInfo): unknown {
    if (access.tab === 'recap') return this.#renderRecap(info);
    if (!access.allowed) {
      return html`<div class="notice refusal" role="status" data-reason=${access.reason}>
        <strong>${msg('Accès refusé')}</strong>
        <p>${reasonText(access.reason)}</p>
      </div>`;
    }
    const ins = this.patientIns;
    switch (access.tab) {
      case 'documents': return this.#renderComposed('dmp-document-list', html`<dmp-document-list patient-ins=${ins} exportparts=${exportedParts('dmp-document-list')}></dmp-document-list>`);
      case 'profile': return this.#renderComposed('dmp-patient-profile', html`<dmp-patient-profile patient-ins=${ins} heading-level=${this.#tabHeadingLevel} exportparts=${exportedParts('dmp-patient-profile')}></dmp-patient-profile>`);
      case 'management': return this.#renderComposed('dmp-consent-panel', html`<dmp-consent-panel patient-ins=${ins} heading-level=${this.#tabHeadingLevel} exportparts=${exportedParts('dmp-consent-panel')}></dmp-consent-panel>`);
      case 'history': return this.#renderComposed('dmp-access-history', html`<dmp-access-history patient-ins=${ins} heading-level=${this.#tabHeadingLevel} exportparts=${exportedParts('dmp-access-history')}></dmp-access-history>`);
    }
  }

  /** A composed element, with what to say while its code loads or if it could not be loaded. */
  #renderComposed(tag: ComposedTag, element: TemplateResult): TemplateResult {
    if (this.loadFailures.has(tag)) {
      return html`<div class="notice notice--error" role="alert">
        <strong>${msg('Cette partie du dossier n’a pas pu être chargée.')}</strong>
        <p>${msg('Vérifiez votre connexion, puis réessayez.')}</p>
        <p><button type="button" class="button" @click=${() => this.retryFrom('[role="tabpanel"]:not([hidden])', () => this.#handleLoadRetry(tag))}>${msg('Réessayer')}</button></p>
      </div>`;
    }
    return html`${element}${customElements.get(tag) ? nothing : html`<p class="loading" role="status">${msg('Chargement…')}</p>`}`;
  }

  #renderRecap(info: DossierInfo): TemplateResult {
    return html`<div part="recap" class="recap" aria-busy=${busy(this.#recapTask)} @dmp-break-glass-granted=${() => (this.#focusBanner = true)}>
      ${renderStatus(info, this.locale)} ${this.#renderRecapBody(info)}
    </div>`;
  }

  #renderRecapBody(info: DossierInfo): unknown {
    const task = this.#recapTask;
    if (task.status === TaskStatus.ERROR) {
      return this.#renderLoadError(msg('Le récapitulatif n’a pas pu être chargé.'), task.error, () => this.#handleRecapRetry(), '#panel-recap');
    }
    const recap = this.#currentRecap;
    // Each récapitulatif loaded comes with its view.
    const view = loadRecapView.loaded;
    if (!recap || !view) {
      return html`<div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>
        <p class="loading" role="status">${msg('Chargement du récapitulatif…')}</p>`;
    }
    return html`${this.#renderRecapContent(recap, info, view)} ${recap.emergencies ? view.renderEmergencies(recap.emergencies, this.locale) : nothing}`;
  }

  #renderRecapContent(recap: Recap, info: DossierInfo, view: RecapView): unknown {
    const content = recap.content;
    if (content.ok) return view.renderContent(content.value, this.locale, this.actor?.kind === 'patient');
    // A closed dossier's status already says its content is no longer available.
    if (content.reason === 'dossier-closed') return nothing;
    return html`<div class="notice refusal" role="status" data-reason=${content.reason}>
        <strong>${msg('Vous ne pouvez pas consulter le contenu de ce dossier.')}</strong>
        <p>${reasonText(content.reason)}</p>
      </div>
      ${content.reason === 'not-authorized' ? this.#renderBreakGlass(info) : nothing}`;
  }

  /**
   * Emergency access, in the mode the policy would open to this actor: regulation for a SAMU
   * regulator. One form for every patient shown: it keeps, patient by patient, what was typed and
   * why a request failed, which a form drawn anew for the patient shown again would have lost.
   */
  #renderBreakGlass(info: DossierInfo): TemplateResult {
    const regulation = this.#askFor(info)('document.list', undefined, { mode: 'regulation' });
    const form = (this.#breakGlass ??= document.createElement('dmp-break-glass'));
    form.setAttribute('patient-ins', this.patientIns);
    form.setAttribute('mode', regulation.reason === 'justification-required' ? 'regulation' : 'break-glass');
    form.setAttribute('exportparts', exportedParts('dmp-break-glass'));
    form.setAttribute('heading-level', String(this.#tabHeadingLevel));
    return this.#renderComposed('dmp-break-glass', html`${form}`);
  }
}
