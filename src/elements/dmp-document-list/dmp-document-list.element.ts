import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DmpError, answeredUnreadably, isDmpError } from '../../client/errors.js';
import { lazyModule } from '../../client/lazy-module.js';
import { changesAccess } from '../../context/contexts.js';
import { formatDate, formatNumber, localDayBound } from '../../i18n/format.js';
import { categoryLabel, hiddenCountText, professionLabel } from '../../i18n/labels.js';
import { decisionRefusalText } from '../../i18n/decision-refusal-text.js';
import { CATEGORIES, type Category } from '../../model/category.js';
import { TYPE_CODE_LABELS, isSentAsFile, newDocumentDraft } from '../../model/document-types.js';
import type { DmpDocument, DocumentQuery } from '../../model/document.js';
import { policyDocumentOf } from '../../model/document-policy.js';
import type { DocumentSort } from '../../model/document-search.js';
import type { PatientDisplay } from '../../model/patient.js';
import { isToldOfHiddenDocuments } from '../../policy/roles.js';
import { PROFESSION_CODES } from '../../policy/profession-codes.js';
import type { Action, Decision, PolicyDocumentInput } from '../../policy/types.js';
import { renderPatientLine } from '../base/patient-line.js';
import { DmpElement } from '../base/dmp-element.js';
import { baseStyles } from '../base/styles.js';
import type { AddDocumentForm } from './add-document.js';
import { renderRow, renderSkeletonRows, type RowContext } from './document-row.js';
import { styles } from './dmp-document-list.styles.js';
import { errorText, isRetryable, writeFailureText } from '../../i18n/error-text.js';
import './events.js';
import { filterByKeywords, validCategory, validDate, validPageSize, validSort, validText } from './filtering.js';
import { actorKey } from '../../model/actor-key.js';
import { normalizeNir } from '../../model/nir-spelling.js';
import { announceIn } from '../base/announcement.js';
import { documentOpenDetail } from '../base/document-open.js';

/** Documents of one server query, as far as they are loaded. */
interface Listing {
  /** The server filters it was loaded with, keyword aside (see `serverKey`). */
  key: string;
  query: DocumentQuery;
  items: readonly DmpDocument[];
  nextCursor: string | undefined;
  total: number | undefined;
  hidden: Readonly<Record<string, number>> | undefined;
  /** Every document of the query without keyword is here: keywords are then applied locally. */
  complete: boolean;
}

/** Keystrokes in the search field reach the server once the user pauses. */
const SEARCH_DEBOUNCE_MS = 250;
/** Loading the next page starts this close (in pixels) to the end of the scrolled list. */
const LOAD_AHEAD_PX = 400;
const PAGE_STEP = 10;
const SKELETON_ROWS = 6;

const SORT_LABELS: ReadonlyArray<[DocumentSort, () => string]> = [
  ['date-desc', () => msg('Date de l’acte, la plus récente d’abord')],
  ['date-asc', () => msg('Date de l’acte, la plus ancienne d’abord')],
  ['title-asc', () => msg('Titre, de A à Z')],
  ['title-desc', () => msg('Titre, de Z à A')],
];

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

type Virtualize = typeof import('@lit-labs/virtualizer/virtualize.js').virtualize;

/** The add form and its validation (with zod): most viewers never add. */
const loadAddDocument = lazyModule(() => import('./add-document.js'), 'The add form', 'AddDocumentForm');

/**
 * The virtualizer is fetched while the first page of documents is, rather than with the element:
 * the rows wait for both, behind the same skeleton.
 */
const loadVirtualizer = lazyModule(() => import('@lit-labs/virtualizer/virtualize.js'), 'The virtualizer', 'virtualize');

/**
 * The documents of a patient's DMP, newest first, with search, filters and sort reflected in
 * attributes (a host can deep-link to a filtered view). Documents the user may not see are never
 * sent by the server; a professional is told how many there are and why. Each action — open,
 * mask, delete, add — is offered as the policy allows, and explained when it does not.
 *
 * Large dossiers load page by page (the "load more" button, or scrolling near the end) and only
 * the rows in view are rendered. Keyboard: Tab reaches the current row; ArrowUp / ArrowDown,
 * PageUp / PageDown, Home / End move between rows; Enter opens the document; Tab then reaches the
 * row's buttons.
 *
 * @tagname dmp-document-list
 * @summary The documents of a patient's DMP: search, filters, badges, actions, pagination.
 *
 * @fires {CustomEvent<DocumentOpenDetail>} dmp-document-open - The user opened a document (click on its title, Enter on its row, or its actions); the host shows it.
 * @fires {CustomEvent<DocumentMaskDetail>} dmp-document-mask-request - Cancelable. The user asked to mask (`masked: true`) or unmask a document; `preventDefault()` stops it before any request.
 * @fires {CustomEvent<DocumentMaskDetail>} dmp-document-masked - The server masked or unmasked the document; `document` is its new version.
 * @fires {CustomEvent<DocumentRevealDetail>} dmp-document-reveal-request - Cancelable. The author (or a médecin traitant) asked to make a result kept from the patient visible to them, once announced; `preventDefault()` stops it before any request.
 * @fires {CustomEvent<DocumentRevealDetail>} dmp-document-revealed - The server made the document visible to the patient; `document` is its new version.
 * @fires {CustomEvent<DocumentDeleteDetail>} dmp-document-delete-request - Cancelable. The user confirmed the deletion of a document; `preventDefault()` stops it before any request.
 * @fires {CustomEvent<DocumentDeleteDetail>} dmp-document-deleted - The server deleted the document.
 * @fires {CustomEvent<DocumentAddedDetail>} dmp-document-added - The server stored a document the user added.
 *
 * @csspart base - The element's wrapper.
 * @csspart toolbar - The search and filter form.
 * @csspart hidden-notice - The sentences telling a professional how many documents are hidden from them, and why.
 * @csspart row - Each document row.
 * @csspart badge - Each badge on a row (masked, invisible to the patient, replaced, archived, deposited by the patient).
 * @csspart patient - The patient's identity, when the `patient` property is set.
 *
 * @cssprop [--dmp-color-backdrop=rgb(0 0 0 / 0.4)] - Backdrop behind the confirmation and add dialogs.
 * @cssprop [--dmp-document-list-max-height=36rem] - Height the list of rows may grow to before it scrolls.
 * @cssprop [--dmp-document-list-columns=minmax(12rem, 3fr) minmax(7rem, 1.2fr) minmax(7rem, 1fr) minmax(10rem, 2fr) minmax(6rem, 1fr) 6.5rem] - The grid columns: title, category, date, author, format, actions.
 */
export class DmpDocumentList extends DmpElement {
  static override styles = [baseStyles, styles];

  #addForm: AddDocumentForm | undefined;
  /** The add form was open when the session ended: it opens again as the user left it. */
  #addInterrupted = false;

  /** Declared before documentsTask, so runs first in an update: a fresh test asked here is the one the listing awaits. */
  readonly #dossierTask = new Task(this, {
    task: async ([ins, ready, actor]) => {
      const fresh = this.#freshDossier;
      this.#freshDossier = false;
      if (!ready || !ins || !this.client) return initialState;
      // The server scopes the dossier to the caller: it is kept with the user it was read for.
      return { actor, info: await this.dossierInfo(ins, { fresh }) };
    },
    args: () => [this.patientIns, this.ready, this.#actorKey, this.dossierRevision] as const,
  });

  readonly #documentsTask = new Task(this, {
    task: async ([ins, ready, , , key, q], { signal }) => {
      if (!ready || !ins || !this.client) return initialState;
      this.#loadMoreController?.abort();
      // Asked only when the policy allows it: a refused request would be one more line in the
      // patient's access history. The server still decides on its own.
      const dossier = await this.dossierInfo(ins, { signal });
      // The access conditions failed earlier and came now (a filter changed instead of Retry): their error goes too.
      if (this.#dossierTask.status === TaskStatus.ERROR) void this.#dossierTask.run();
      const decision = this.policy!.decide({ actor: this.actor!, action: 'document.list', dossier: dossier.policy, request: this.policyRequest(ins) });
      if (!decision.allowed) throw new DmpError('forbidden', `Listing refused by the policy: ${decision.reason}`, { reason: decision.reason });
      const [, , filters] = JSON.parse(key) as [string, string, DocumentQuery];
      const query: DocumentQuery = { ...filters, ...(q ? { q } : {}) };
      const list = await this.client.listDocuments(ins, query, { signal });
      const listing: Listing = {
        key,
        query,
        items: list.items,
        nextCursor: list.nextCursor,
        total: list.total,
        hidden: list.hidden,
        complete: !q && !list.nextCursor,
      };
      if (!signal.aborted) {
        this.listing = listing;
        this.loadMoreError = undefined;
      }
      return listing;
    },
    args: () => [this.patientIns, this.ready, this.#actorKey, this.revision, this.#serverKey, this.#serverKeyword, this.dossierRevision] as const,
  });

  @state() private listing: Listing | undefined;
  @state() private serverQuery = '';
  @state() private revision = 0;
  @state() private dossierRevision = 0;
  /** The next existence test is asked of the server again, not taken from the provider's (reload). */
  #freshDossier = false;
  @state() private activeIndex = 0;
  @state() private loadingMore = false;
  @state() private loadMoreError: unknown;
  @state() private virtualize: Virtualize | undefined;
  @state() private virtualizerError: unknown;
  @state() private busy: ReadonlySet<string> = new Set();
  @state() private actionTarget: DmpDocument | undefined;
  @state() private deleteTarget: DmpDocument | undefined;
  /** Drawn in the locale of the moment: a switch after the failure shows it in the new one. */
  @state() private actionError: (() => string) | undefined;

  /** INS (NIR) of the patient whose documents are listed. */
  @property({ attribute: 'patient-ins' }) patientIns = '';

  /** The patient as the host software knows them (name, birth date), shown as their identity. */
  @property({ attribute: false }) patient: PatientDisplay | undefined;

  /** Keywords searched in titles, authors and document types, accents and case ignored. Keywords the user typed are cleared when the host shows another patient or user. */
  @property({ reflect: true }) query: string | undefined;

  /** Only documents of this category: `synthesis`, `treatment-and-care`, `report`, `imaging`, `biology`, `prevention`, `patient`, `reimbursement`, `administrative`. */
  @property({ reflect: true }) category: Category | undefined;

  /** Only acts on or after this day (`YYYY-MM-DD`). */
  @property({ attribute: 'date-from', reflect: true }) dateFrom: string | undefined;

  /** Only acts on or before this day (`YYYY-MM-DD`). */
  @property({ attribute: 'date-to', reflect: true }) dateTo: string | undefined;

  /** Only documents whose author has this profession (TRE_G15 code, e.g. `21` pharmacien). */
  @property({ attribute: 'author-profession', reflect: true }) authorProfession: string | undefined;

  /** Order: `date-desc` (default: newest act first), `date-asc`, `title-asc` or `title-desc`. */
  @property({ reflect: true }) sort: DocumentSort | undefined;

  /** Documents asked of the server per page, 1 to 1000 (default 50). */
  @property({ attribute: 'page-size', type: Number, reflect: true }) pageSize: number | undefined;

  #visible: readonly DmpDocument[] = [];
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #typing = false;
  /** Whether the keywords are the user's, typed in the search field, rather than the host's. */
  #typedQuery = false;
  #ownRevision: number | undefined;
  #loadMoreController: AbortController | undefined;
  #actionsTrigger: HTMLElement | undefined;

  /** The documents loaded so far, in the server's order, before any keyword filtering. */
  get items(): readonly DmpDocument[] {
    return this.listing?.items ?? [];
  }

  get #actorKey(): string {
    return actorKey(this.actor);
  }

  #serverFilters(): DocumentQuery {
    const category = validCategory(this.category);
    const from = localDayBound(this.dateFrom, false);
    const to = localDayBound(this.dateTo, true);
    const authorProfession = validText(this.authorProfession);
    return {
      sort: validSort(this.sort, this.client?.documentSorts),
      limit: validPageSize(this.pageSize),
      ...(category ? { category } : {}),
      // The user's days, as the list shows dates.
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(authorProfession ? { authorProfession } : {}),
    };
  }

  /** Identifies the server query a listing answers, keyword aside. */
  get #serverKey(): string {
    return JSON.stringify([this.patientIns, this.#actorKey, this.#serverFilters()]);
  }

  /** Whether the loaded documents are all those of the current filters: keywords need no server then. */
  get #searchesLocally(): boolean {
    return this.listing?.complete === true && this.listing.key === this.#serverKey;
  }

  get #serverKeyword(): string {
    return this.#searchesLocally ? '' : this.serverQuery;
  }

  get #hasFilters(): boolean {
    // Keywords count once the user pauses, as the rows they filter: what the list says of them agrees with what it shows.
    return Boolean(this.serverQuery || validCategory(this.category) || validDate(this.dateFrom) || validDate(this.dateTo) || validText(this.authorProfession));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page while the user typed: the pause was cut short (disconnectedCallback), the keywords apply now.
    this.#syncServerQuery();
    this.#loadVirtualizer();
  }

  #loadVirtualizer(): void {
    if (this.virtualize) return;
    this.virtualizerError = undefined;
    loadVirtualizer().then(
      (module) => (this.virtualize = module.virtualize),
      (error: unknown) => (this.virtualizerError = error),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
    this.#loadMoreController?.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    // The same patient however the host spells the INS: what the user typed for them stays.
    const left = (changed.has('patientIns') && normalizeNir(changed.get('patientIns') ?? '') !== normalizeNir(this.patientIns)) || this.userLeft(changed);
    if (left || (changed.has('session') && this.session?.state !== 'active')) {
      // Another patient, another user or an ended session: nothing shown may outlive them.
      this.listing = undefined;
      this.activeIndex = 0;
      this.#announce('');
      // A form kept already (see #cancelAdd) stays kept over an expiry.
      this.#addInterrupted = !left && (this.#addInterrupted || Boolean(this.#dialog('add')?.open));
      for (const name of ['add', 'actions', 'delete'] as const) this.#dialog(name)?.close();
    }
    // Nor a form that would send what was typed for one patient into another's dossier; an
    // expiry keeps it for the user's return (DECISIONS.md 10).
    if (left) this.#addForm?.reset();
    // Nor the keywords the user typed for another dossier, or as another user; the host's stay.
    if (left && this.#typedQuery && !changed.has('query')) this.query = undefined;
    if (changed.has('query')) {
      this.#typedQuery = this.#typing;
      this.#syncServerQuery();
    }
    if (changed.has('dataChange')) this.#reactToDataChange();
    // Keywords filter the rows once the user pauses, as they reach the server: the count, a live
    // region, is then said once rather than at each keystroke.
    if (changed.has('listing') || changed.has('serverQuery')) {
      const listing = this.listing;
      const before = changed.has('listing') ? (changed.get('listing') as Listing | undefined) : listing;
      const active = this.#visible[this.activeIndex]?.id;
      const items = listing?.items ?? [];
      this.#visible = listing?.complete ? filterByKeywords(items, this.serverQuery) : items;
      // Other filters or keywords make another list, which starts at its top; a reload, a masked
      // or deleted row, or a page loaded more keeps the user on their document, or where it was.
      const same = !changed.has('serverQuery') && before?.key === listing?.key && before?.query.q === listing?.query.q;
      let at = same ? this.#visible.findIndex((d) => d.id === active) : 0;
      if (at < 0) at = this.activeIndex;
      this.activeIndex = Math.max(0, Math.min(at, this.#visible.length - 1));
    }
  }

  /** Typed keywords reach the server after a pause; a host's change applies at once. */
  #syncServerQuery(): void {
    clearTimeout(this.#searchTimer);
    const text = validText(this.query) ?? '';
    if (!this.#typing) {
      this.serverQuery = text;
      return;
    }
    this.#typing = false;
    this.#searchTimer = setTimeout(() => {
      this.serverQuery = validText(this.query) ?? '';
    }, SEARCH_DEBOUNCE_MS);
  }

  #reactToDataChange(): void {
    const change = this.takeDataChange(this.patientIns, this.#ownRevision);
    if (!change) return;
    if (change.topics.includes('documents')) this.revision += 1;
    if (changesAccess(change.topics)) this.dossierRevision += 1;
  }

  /**
   * Loads the list again from its first page (and the dossier's access conditions); resolves when
   * done, failed or not. Out of the page, it resolves at once and the list reloads once back.
   */
  async reload(): Promise<void> {
    this.#loadVirtualizer();
    this.revision += 1;
    this.dossierRevision += 1;
    this.#freshDossier = true;
    if (!this.isConnected) return;
    await this.updateComplete;
    await Promise.allSettled([this.#documentsTask.taskComplete, this.#dossierTask.taskComplete]);
  }

  // ---------------------------------------------------------------------------------------------
  // Policy

  #decideOn(action: Action, document?: PolicyDocumentInput): Decision | undefined {
    // A task keeps its last value while it runs again: never decide for one patient, or one user, on another's dossier.
    const read = this.#dossierTask.value;
    if (!read || read.info.ins !== normalizeNir(this.patientIns) || read.actor !== this.#actorKey || !this.policy || !this.actor) return undefined;
    const { info } = read;
    return this.policy.decide({
      actor: this.actor,
      action,
      dossier: info.policy,
      ...(document ? { document } : {}),
      request: this.policyRequest(this.patientIns),
    });
  }

  /** Whether a result kept from the patient has reached them all the same, its month past. */
  readonly #released = (doc: DmpDocument): boolean => this.policy?.isReleasedToPatient?.(doc.submittedAt, new Date().toISOString()) === true;

  readonly #mayOpen = (doc: DmpDocument): boolean => this.#decideOn('document.read', policyDocumentOf(doc))?.allowed === true;

  /**
   * Whether the user may add a document of some type, or the first reason why not; undefined
   * while the dossier is read. Which types, the add form works out.
   */
  #addDenial(): { denial: Decision | undefined } | undefined {
    let denial: Decision | undefined;
    for (const code of Object.keys(TYPE_CODE_LABELS)) {
      if (!isSentAsFile(code)) continue;
      const decision = this.#decideOn('document.add', newDocumentDraft(code));
      if (!decision) return undefined;
      if (decision.allowed) return { denial: undefined };
      denial ??= decision;
    }
    return { denial };
  }

  // ---------------------------------------------------------------------------------------------
  // Filters

  readonly #handleSearchInput = (e: Event) => {
    this.#typing = true;
    this.query = (e.target as HTMLInputElement).value || undefined;
  };

  readonly #handleFilterChange = (e: Event) => {
    const control = e.target as HTMLInputElement | HTMLSelectElement;
    // A date being retyped is no date yet: the filter waits for it, and its other parts stay.
    // The search field's keywords follow its input events, as the user types.
    if (control.validity.badInput || control.name === 'query') return;
    // Each other control is named after the attribute it sets.
    if (control.value) this.setAttribute(control.name, control.value);
    else this.removeAttribute(control.name);
  };

  readonly #clearFilters = async () => {
    this.query = undefined;
    this.category = undefined;
    this.dateFrom = undefined;
    this.dateTo = undefined;
    this.authorProfession = undefined;
    // The button goes with the filters: keyboard users go on from the search field.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#filter-query')?.focus();
  };

  // ---------------------------------------------------------------------------------------------
  // Pagination

  /** `fromButton`: asked with the button, which the last page takes away: focus goes on to the first row loaded. */
  async #loadMore(fromButton = false): Promise<void> {
    const listing = this.listing;
    const client = this.client;
    if (!listing?.nextCursor || this.loadingMore || !client || this.#documentsTask.status === TaskStatus.PENDING) return;
    const controller = new AbortController();
    this.#loadMoreController = controller;
    this.loadingMore = true;
    this.loadMoreError = undefined;
    try {
      const page = await client.listDocuments(this.patientIns, { ...listing.query, cursor: listing.nextCursor }, { signal: controller.signal });
      if (this.listing !== listing) return;
      this.listing = {
        ...listing,
        items: [...listing.items, ...page.items],
        nextCursor: page.nextCursor,
        total: page.total ?? listing.total,
        hidden: page.hidden ?? listing.hidden,
        complete: !listing.query.q && !page.nextCursor,
      };
      if (fromButton && !page.nextCursor && page.items.length > 0) {
        await this.updateComplete;
        const first = this.#visible.findIndex((d) => d.id === page.items[0]!.id);
        if (first >= 0 && this.focusIsOurs()) void this.#focusRow(first);
      }
    } catch (error) {
      if (!controller.signal.aborted) this.loadMoreError = error;
    } finally {
      if (this.#loadMoreController === controller) {
        this.#loadMoreController = undefined;
        this.loadingMore = false;
      }
    }
  }

  readonly #handleScroll = (e: Event) => {
    const viewport = e.currentTarget as HTMLElement;
    if (viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - LOAD_AHEAD_PX) void this.#loadMore();
  };

  // ---------------------------------------------------------------------------------------------
  // Keyboard and rows

  #rowElement(index: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.body [role="row"][data-index="${index}"]`);
  }

  /** Makes `index` the current row, renders it if it was virtualized away, and focuses it. */
  async #focusRow(index: number): Promise<void> {
    this.activeIndex = index;
    await this.updateComplete;
    (await this.#revealRow(index))?.focus();
  }

  /**
   * The row of `index`, scrolling to where it should be when the virtualizer has not rendered it
   * (its own scroll-into-view gets lost in a scroll container of ours): rendered rows give the
   * average height, and the virtualizer renders what lands in view.
   */
  async #revealRow(index: number): Promise<HTMLElement | null> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const row = this.#rowElement(index);
      if (row) return row;
      const rendered = [...this.renderRoot.querySelectorAll<HTMLElement>('.body [role="row"]')];
      const viewport = this.renderRoot.querySelector('.viewport');
      if (viewport && rendered.length > 0) {
        const indexes = rendered.map((r) => Number(r.dataset.index));
        const first = Math.min(...indexes);
        const last = Math.max(...indexes);
        const top = rendered[indexes.indexOf(first)]!.getBoundingClientRect().top;
        const bottom = rendered[indexes.indexOf(last)]!.getBoundingClientRect().bottom;
        const height = (bottom - top) / (last - first + 1);
        viewport.scrollTop += top - viewport.getBoundingClientRect().top + (index - first) * height - viewport.clientHeight / 2;
      }
      await nextFrame();
    }
    return null;
  }

  readonly #handleGridKeydown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>('[role="row"][data-index]');
    if (!row && target !== e.currentTarget) return;
    const index = row ? Number(row.dataset.index) : this.activeIndex;
    const last = this.#visible.length - 1;
    let next: number;
    switch (e.key) {
      case 'ArrowDown':
        next = index + 1;
        break;
      case 'ArrowUp':
        next = index - 1;
        break;
      case 'PageDown':
        next = index + PAGE_STEP;
        break;
      case 'PageUp':
        next = index - PAGE_STEP;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Enter': {
        const doc = this.#visible[index];
        if (target === row && doc) {
          e.preventDefault();
          if (this.#mayOpen(doc)) this.#open(doc);
          else void this.#showActions(doc, row);
        }
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    void this.#focusRow(Math.max(0, Math.min(last, next)));
  };

  readonly #handleGridClick = (e: MouseEvent) => {
    const button = (e.target as HTMLElement).closest<HTMLElement>('[data-action]');
    const row = button?.closest<HTMLElement>('[role="row"][data-index]');
    const doc = row ? this.#visible[Number(row.dataset.index)] : undefined;
    if (!button || !doc) return;
    if (button.dataset.action === 'open') this.#open(doc);
    else void this.#showActions(doc, button);
  };

  readonly #handleGridFocusIn = (e: FocusEvent) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[role="row"][data-index]');
    if (row) this.activeIndex = Number(row.dataset.index);
  };

  /**
   * Keeps a reachable current row when the user scrolls it out of the rendered range; a row that
   * had focus leaves it to the grid, from which the keys go on from that row.
   */
  readonly #handleRangeChanged = (e: RangeChangedEvent) => {
    const grid = this.renderRoot.querySelector<HTMLElement>('[role="grid"]');
    if (!grid || (this.activeIndex >= e.first && this.activeIndex <= e.last) || grid.matches(':focus')) return;
    if (this.renderRoot.querySelector('.body')?.matches(':focus-within')) grid.focus({ preventScroll: true });
    else this.activeIndex = Math.max(0, e.first);
  };

  /** Leaving the grid from the grid itself, whose row is not drawn: Tab brings the user back to a drawn row. */
  readonly #handleGridFocusOut = (e: FocusEvent) => {
    const first = this.renderRoot.querySelector<HTMLElement>('.body [role="row"]');
    if (e.target === e.currentTarget && first && !this.#rowElement(this.activeIndex)) this.activeIndex = Number(first.dataset.index);
  };

  // ---------------------------------------------------------------------------------------------
  // Actions

  #open(doc: DmpDocument): void {
    const still = this.answerFor();
    this.emit('dmp-document-open', documentOpenDetail(doc, this.patientIns, () =>
      still() && this.ready ? { client: this.client!, provider: this.provider } : undefined,
    ));
  }

  async #showActions(doc: DmpDocument, trigger: HTMLElement): Promise<void> {
    this.#actionsTrigger = trigger;
    this.actionTarget = doc;
    await this.updateComplete;
    this.#dialog('actions')?.showModal();
  }

  #dialog(name: 'actions' | 'delete' | 'add'): HTMLDialogElement | null {
    return this.renderRoot.querySelector(`#${name}-dialog`);
  }

  #closeActions(): void {
    this.#dialog('actions')?.close();
  }

  readonly #restoreFocus = () => {
    if (this.#actionsTrigger?.isConnected) this.#actionsTrigger.focus();
  };

  #setBusy(id: string, busy: boolean): void {
    const next = new Set(this.busy);
    if (busy) next.add(id);
    else next.delete(id);
    this.busy = next;
  }

  #announce(text: string): void {
    this.actionError = undefined;
    announceIn(this.renderRoot.querySelector('#announcer'), text);
  }

  /**
   * Tells the elements of a write for `ins`, the patient it was sent for (the list may show another
   * by now). `own`: this one has already applied it, and reads the list again only if a load was
   * under way (see below).
   */
  #notifyChange(ins = this.patientIns, own?: boolean): void {
    this.provider?.notifyDataChanged(['documents', 'history'], ins);
    // A load under way may have been answered before this write: rather than let it land over
    // what the write changed here, the list takes the change as anyone's, and reads again.
    if (own && this.#documentsTask.status !== TaskStatus.PENDING) this.#ownRevision = this.dataChange?.revision;
  }

  #replaceDocument(updated: DmpDocument): void {
    const listing = this.listing;
    if (!listing) return;
    this.listing = { ...listing, items: listing.items.map((d) => (d.id === updated.id ? updated : d)) };
  }

  /**
   * Masks or unmasks a document, or makes a result kept from the patient visible to them once it
   * was announced; each asked of the host first (a cancelable event).
   */
  async #change(doc: DmpDocument, patch: { masked: boolean } | { invisibleToPatient: false }): Promise<void> {
    this.#closeActions();
    const client = this.client;
    const masked = 'masked' in patch ? patch.masked : undefined;
    if (!client) return;
    const asked =
      masked === undefined
        ? this.emit('dmp-document-reveal-request', { document: doc }, { cancelable: true })
        : this.emit('dmp-document-mask-request', { document: doc, masked }, { cancelable: true });
    if (!asked) return;
    this.#setBusy(doc.id, true);
    // Its answer says nothing on another patient's or user's list; the change is that patient's.
    const ins = this.patientIns;
    const here = this.answerFor(() => this.patientIns);
    try {
      const updated = await client.updateDocument(ins, doc.id, patch);
      this.#notifyChange(ins, true);
      if (!here()) return;
      this.#replaceDocument(updated);
      if (masked === undefined) this.emit('dmp-document-revealed', { document: updated });
      else this.emit('dmp-document-masked', { document: updated, masked });
      this.#announce(
        masked === undefined
          ? msg(str`« ${doc.title} » est maintenant visible par le patient.`)
          : masked
            ? msg(str`« ${doc.title} » est masqué aux professionnels.`)
            : msg(str`« ${doc.title} » n’est plus masqué aux professionnels.`),
      );
    } catch (error) {
      // Answered unreadably, the change was most likely made: the lists show what the server holds.
      if (answeredUnreadably(error)) this.#notifyChange(ins);
      if (!here()) return;
      this.actionError = () =>
        writeFailureText(error, () =>
          masked === undefined
            ? msg(str`Le document n’a pas été rendu visible au patient : ${errorText(error)}`)
            : masked
              ? msg(str`Le document n’a pas été masqué : ${errorText(error)}`)
              : msg(str`Le document n’a pas été démasqué : ${errorText(error)}`),
        );
    } finally {
      this.#setBusy(doc.id, false);
    }
  }

  async #askDelete(doc: DmpDocument): Promise<void> {
    this.#closeActions();
    this.deleteTarget = doc;
    await this.updateComplete;
    this.#dialog('delete')?.showModal();
  }

  readonly #confirmDelete = async () => {
    const doc = this.deleteTarget;
    const client = this.client;
    this.#dialog('delete')?.close();
    if (!doc || !client || !this.emit('dmp-document-delete-request', { document: doc }, { cancelable: true })) return;
    this.#setBusy(doc.id, true);
    // Its answer says nothing on another patient's or user's list; the change is that patient's.
    const ins = this.patientIns;
    const here = this.answerFor(() => this.patientIns);
    try {
      await client.deleteDocument(ins, doc.id);
      this.#notifyChange(ins, true);
      if (!here()) return;
      // Its row, as the focus that was on it may not have come back from the dialog yet.
      const at = this.#visible.findIndex((d) => d.id === doc.id);
      const listing = this.listing;
      if (listing) {
        this.listing = {
          ...listing,
          items: listing.items.filter((d) => d.id !== doc.id),
          total: listing.total === undefined ? undefined : Math.max(0, listing.total - 1),
        };
      }
      this.emit('dmp-document-deleted', { document: doc });
      this.#announce(msg(str`« ${doc.title} » a été supprimé.`));
      await this.updateComplete;
      // Focus goes on to the next row; with none left, to the search field rather than the page.
      if (this.#visible.length > 0) await this.#focusRow(Math.min(at < 0 ? this.activeIndex : at, this.#visible.length - 1));
      else this.renderRoot.querySelector<HTMLElement>('#filter-query')?.focus();
    } catch (error) {
      if (!here()) return;
      this.actionError = () => msg(str`Le document n’a pas été supprimé : ${errorText(error)}`);
    } finally {
      this.#setBusy(doc.id, false);
    }
  };

  async #loadAddForm(): Promise<AddDocumentForm> {
    const { AddDocumentForm: Form } = await loadAddDocument();
    return (this.#addForm ??= new Form(this, () => this.locale));
  }

  readonly #openAdd = async (e: Event) => {
    this.#actionsTrigger = e.currentTarget as HTMLElement;
    this.actionError = undefined;
    let form: AddDocumentForm;
    try {
      form = await this.#loadAddForm();
    } catch {
      this.actionError = () => msg('Le formulaire d’ajout n’a pas pu être chargé : vérifiez votre connexion, puis réessayez.');
      return;
    }
    // A form kept over an interruption: an upload stopped may have reached the server since the
    // list last read it, which the list tells before the user sends it again.
    if (!this.#addInterrupted) form.reset();
    else this.revision += 1;
    this.#addInterrupted = false;
    await this.updateComplete;
    this.#dialog('add')?.showModal();
  };

  /**
   * Cancel, or Escape. An upload under way stops, but may have reached the server, as may one
   * that failed: the form keeps what it sent, to send again under the same key, and the list
   * shows what the server holds.
   */
  readonly #cancelAdd = () => {
    const form = this.#addForm;
    if (form?.uploading) {
      this.#announce(msg('Envoi interrompu : le document a pu être ajouté malgré tout. Le formulaire garde votre saisie.'));
      this.#notifyChange();
    }
    if (form?.cancel()) this.#addInterrupted = true;
    this.#dialog('add')?.close();
  };

  readonly #submitAdd = async (e: SubmitEvent) => {
    e.preventDefault();
    const client = this.client;
    const ins = this.patientIns;
    if (!client) return;
    const form = this.#addForm;
    if (!form) return;
    // Told to the patient's elements whichever patient is shown by now; not our own change to
    // skip: where the new document sorts is the server's answer. Answered unreadably, the document
    // was most likely added: the list shows what the server holds, so the user can check before
    // adding it twice.
    const doc = await form.submit((metadata, file, options) =>
      client.addDocument(ins, metadata, file, options).then(
        (added) => (this.#notifyChange(ins), added),
        (error: unknown) => {
          if (answeredUnreadably(error)) this.#notifyChange(ins);
          throw error;
        },
      ),
    );
    if (!doc) return;
    this.#dialog('add')?.close();
    // Added, even if the session ended meanwhile: the form is not offered again filled in.
    this.#addInterrupted = false;
    this.emit('dmp-document-added', { document: doc });
    this.#announce(msg(str`« ${doc.title} » a été ajouté au dossier.`));
  };

  // ---------------------------------------------------------------------------------------------
  // Rendering

  protected renderContent(): TemplateResult {
    const documentsError = this.#documentsTask.status === TaskStatus.ERROR ? this.#documentsTask.error : undefined;
    const dossierError = this.#dossierTask.status === TaskStatus.ERROR ? this.#dossierTask.error : undefined;
    const refusal = [documentsError, dossierError].find((e) => isDmpError(e) && e.kind === 'forbidden');
    return html`<div part="base" class="base">
      ${renderPatientLine(this.patient, this.locale)}
      ${!this.patientIns
        ? html`<div class="notice notice--error" role="alert">
            ${msg('Aucun patient : indiquez son INS dans l’attribut patient-ins.')}
          </div>`
        : refusal
          ? this.#renderRefusal(refusal)
          : html`${this.#renderToolbar()} ${this.#renderHiddenNotice()}
              <p class="visually-hidden" role="status" id="announcer"></p>
              ${this.actionError ? html`<p class="notice notice--error" role="alert">${this.actionError()}</p>` : nothing}
              ${this.#renderDocuments(documentsError ?? dossierError ?? this.virtualizerError)}`}
      ${this.#renderActionsDialog()} ${this.#renderDeleteDialog()} ${this.#renderAddDialog()}
    </div>`;
  }

  #renderRefusal(error: unknown): TemplateResult {
    // No dossier is a fact to state, not a refusal.
    if (isDmpError(error) && error.reason === 'no-dossier') return html`<p class="notice" role="status">${errorText(error)}</p>`;
    return html`<div class="notice notice--error" role="alert">
      <strong>${msg('Accès refusé')}</strong>
      <p>${errorText(error)}</p>
    </div>`;
  }

  #renderToolbar(): TemplateResult {
    const add = this.#addDenial();
    const category = validCategory(this.category) ?? '';
    const profession = validText(this.authorProfession) ?? '';
    const sort = validSort(this.sort, this.client?.documentSorts);
    const from = validDate(this.dateFrom);
    const to = validDate(this.dateTo);
    // No document can match: said at the dates, not only by an empty list.
    const reversed = Boolean(from && to && from > to);
    // The selects bind `.value` too: see selectField (dmp-dossier-create/fields.ts).
    return html`<div class="toolbar-row">
      <form part="toolbar" class="toolbar" role="search" aria-label=${msg('Rechercher et filtrer les documents')}
        @submit=${(e: Event) => e.preventDefault()} @change=${this.#handleFilterChange}>
        <div class="field field--search">
          <label for="filter-query">${msg('Rechercher')}</label>
          <input id="filter-query" name="query" type="search" maxlength="200" autocomplete="off" .value=${this.query ?? ''} @input=${this.#handleSearchInput}
            placeholder=${msg('Titre, auteur, type…')} />
        </div>
        <div class="field">
          <label for="filter-category">${msg('Catégorie')}</label>
          <select id="filter-category" name="category" .value=${category}>
            <option value="" ?selected=${category === ''}>${msg('Toutes')}</option>
            ${CATEGORIES.map((c) => html`<option value=${c} ?selected=${c === category}>${categoryLabel(c)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="filter-from">${msg('Actes du')}</label>
          <input id="filter-from" name="date-from" type="date" .value=${from ?? ''} aria-invalid=${reversed} aria-describedby=${reversed ? 'range-error' : nothing} />
        </div>
        <div class="field">
          <label for="filter-to">${msg('au')}</label>
          <input id="filter-to" name="date-to" type="date" .value=${to ?? ''} aria-invalid=${reversed} aria-describedby=${reversed ? 'range-error' : nothing} />
        </div>
        <div class="field">
          <label for="filter-profession">${msg('Profession de l’auteur')}</label>
          <select id="filter-profession" name="author-profession" .value=${profession}>
            <option value="" ?selected=${profession === ''}>${msg('Toutes')}</option>
            ${Object.keys(PROFESSION_CODES).map((code) => html`<option value=${code} ?selected=${code === profession}>${professionLabel(code)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="filter-sort">${msg('Trier par')}</label>
          <select id="filter-sort" name="sort" .value=${sort}>
            ${SORT_LABELS.filter(([value]) => this.client?.documentSorts?.includes(value) ?? true).map(([value, label]) => html`<option value=${value} ?selected=${value === sort}>${label()}</option>`)}
          </select>
        </div>
        ${this.#hasFilters
          ? html`<button type="button" class="button" @click=${this.#clearFilters}>${msg('Effacer les filtres')}</button>`
          : nothing}
        ${reversed ? html`<p id="range-error" class="field-error" role="alert">${msg('La date de début est postérieure à la date de fin.')}</p>` : nothing}
      </form>
      ${add ? this.#renderAddButton(add.denial) : nothing}
    </div>`;
  }

  #renderAddButton(denial: Decision | undefined): TemplateResult {
    return html`<div class="add">
      <button type="button" class="button button--primary" aria-disabled=${!!denial}
        aria-describedby=${denial ? 'add-denied' : nothing} @click=${denial ? undefined : this.#openAdd}>
        ${msg('Ajouter un document')}
      </button>
      ${denial ? html`<p id="add-denied" class="reason">${decisionRefusalText(denial)}</p>` : nothing}
    </div>`;
  }

  #renderHiddenNotice(): TemplateResult | typeof nothing {
    const hidden = Object.entries(this.listing?.hidden ?? {}).filter(([, count]) => count > 0);
    // Whatever a gateway sends: the patient's side is never told that something is hidden from it.
    if (hidden.length === 0 || !this.actor || !isToldOfHiddenDocuments(this.actor)) return nothing;
    return html`<div part="hidden-notice" class="hidden-notice" role="note">
      ${hidden.map(([reason, count]) => html`<p>${hiddenCountText(reason, count, this.locale)}</p>`)}
    </div>`;
  }

  #renderDocuments(error: unknown): TemplateResult {
    if (error !== undefined) {
      return html`<div class="notice notice--error" role="alert">
        <strong>${msg('La liste des documents n’a pas pu être chargée.')}</strong>
        <p>${errorText(error)}</p>
        ${isRetryable(error)
          ? html`<p><button type="button" class="button" @click=${() => this.retryFrom('#filter-query', () => this.reload())}>${msg('Réessayer')}</button></p>`
          : nothing}
      </div>`;
    }
    const listing = this.listing;
    const virtualize = this.virtualize;
    if (!listing || (!virtualize && this.#visible.length > 0)) {
      return html`<div class="grid grid--loading" aria-busy="true">
        <p class="visually-hidden" role="status">${msg('Chargement des documents…')}</p>
        ${renderSkeletonRows(SKELETON_ROWS)}
      </div>`;
    }
    const pending = this.#documentsTask.status === TaskStatus.PENDING;
    const count = this.#documentCount(listing);
    const none = this.#visible.length === 0 && !listing.nextCursor;
    const noneText = this.#hasFilters ? msg('Aucun document ne correspond') : msg('Aucun document');
    // The summary stays in the page through every filter: a live region put in with its text is
    // often not read, one whose text changes is.
    return html`${this.#renderSummary(listing, count, pending, none && noneText)}
    ${none
      ? html`<div class="notice empty">
          <strong aria-hidden="true">${noneText}</strong>
          ${this.#hasFilters
            ? html`<p><button type="button" class="button" @click=${this.#clearFilters}>${msg('Effacer les filtres')}</button></p>`
            : nothing}
        </div>`
      : html`${virtualize ? this.#renderGrid(virtualize, pending, count) : nothing} ${this.#renderLoadMore(listing, pending)}`}`;
  }

  /**
   * The documents the list stands for: all that match on the server, not only the pages loaded;
   * undefined when more pages remain and the server did not say how many.
   */
  #documentCount(listing: Listing): number | undefined {
    return this.#searchesLocally || !listing.nextCursor ? this.#visible.length : listing.total;
  }

  /** `none`: what the notice under it says when no document shows, which the summary says out of sight. */
  #renderSummary(listing: Listing, count: number | undefined, pending: boolean, none: string | false): TemplateResult {
    const loaded = formatNumber(this.#visible.length, this.locale);
    // A live region: a filter, a sort or a page loaded more is heard as its new count.
    return html`<p class="summary ${none ? 'visually-hidden' : ''}" id="summary" role="status" aria-busy=${pending}>
      ${none ||
      (count === undefined
        ? msg(str`Documents chargés : ${loaded}, d’autres à suivre`)
        : count === 1
          ? msg('1 document')
          : msg(str`${formatNumber(count, this.locale)} documents`))}
      ${listing.nextCursor && count !== undefined ? html`<span class="muted">${msg(str`(${loaded} chargés)`)}</span>` : nothing}
    </p>`;
  }

  /** `count`: the documents in all, unknown (-1 rows for assistive technologies) when the server did not say. */
  #renderGrid(virtualize: Virtualize, pending: boolean, count: number | undefined): TemplateResult {
    const sort = validSort(this.sort, this.client?.documentSorts);
    const ariaSort = (column: 'date' | 'title') =>
      sort.startsWith(column) ? (sort.endsWith('desc') ? 'descending' : 'ascending') : 'none';
    const ctx: RowContext = { locale: this.locale, activeIndex: this.activeIndex, mayOpen: this.#mayOpen, busy: this.busy, released: this.#released };
    return html`<div class="grid" role="grid" tabindex="-1" aria-label=${msg('Documents du DMP')} aria-describedby="summary"
      aria-rowcount=${count === undefined ? -1 : count + 1} aria-busy=${pending}
      @keydown=${this.#handleGridKeydown} @click=${this.#handleGridClick} @focusin=${this.#handleGridFocusIn} @focusout=${this.#handleGridFocusOut}>
      <div class="viewport" @scroll=${this.#handleScroll}>
        <div role="rowgroup" class="head">
          <div role="row" class="row row--head" aria-rowindex="1">
            <span role="columnheader" class="cell" aria-sort=${ariaSort('title')}>${msg('Titre')}</span>
            <span role="columnheader" class="cell">${msg('Catégorie')}</span>
            <span role="columnheader" class="cell" aria-sort=${ariaSort('date')}>${msg('Date de l’acte')}</span>
            <span role="columnheader" class="cell">${msg('Auteur')}</span>
            <span role="columnheader" class="cell">${msg('Format')}</span>
            <span role="columnheader" class="cell"><span class="visually-hidden">${msg('Actions')}</span></span>
          </div>
        </div>
        <div role="rowgroup" class="body" @rangeChanged=${this.#handleRangeChanged}>
          ${virtualize({
            items: this.#visible as Array<DmpDocument | undefined>,
            // Between a shorter list and the virtualizer's next range, a render of ours may ask
            // for rows past its end: they render as nothing until the range catches up.
            keyFunction: (doc: DmpDocument | undefined, index: number) => doc?.id ?? index,
            renderItem: (doc: DmpDocument | undefined, index: number) => (doc ? renderRow(doc, index, ctx) : html``),
          })}
        </div>
      </div>
    </div>`;
  }

  /** `reloading`: the list is being read again, which must end before its next page can be asked. */
  #renderLoadMore(listing: Listing, reloading: boolean): TemplateResult | typeof nothing {
    if (!listing.nextCursor) return nothing;
    const busy = this.loadingMore || reloading;
    return html`<div class="more">
      ${this.loadMoreError !== undefined
        ? html`<p class="notice notice--error" role="alert">
            ${msg(str`La suite de la liste n’a pas pu être chargée : ${errorText(this.loadMoreError)}`)}
          </p>`
        : nothing}
      <button type="button" class="button" aria-disabled=${busy} @click=${() => void this.#loadMore(true)}>
        ${busy
          ? msg('Chargement…')
          : msg('Charger plus de documents')}
      </button>
    </div>`;
  }

  /** `busy`: a write on the document is in flight, which a second one would cross. */
  #renderAction(key: string, label: string, decision: Decision | undefined, run: () => void, busy = false): TemplateResult {
    const allowed = decision?.allowed === true;
    const enabled = allowed && !busy;
    const reasonId = `action-${key}-reason`;
    return html`<li>
      <button type="button" class="button" data-action=${key} aria-disabled=${!enabled}
        aria-describedby=${enabled ? nothing : reasonId} @click=${enabled ? run : undefined}>${label}</button>
      ${enabled
        ? nothing
        : html`<p id=${reasonId} class="reason">
            ${allowed
              ? msg('Une modification de ce document est en cours.')
              : decision
                ? decisionRefusalText(decision)
                : msg('Les droits sur ce document n’ont pas pu être vérifiés.')}
          </p>`}
    </li>`;
  }

  #renderActionsDialog(): TemplateResult {
    // Its latest version: a change the user asked before may have come back while it is open.
    const doc = this.items.find((d) => d.id === this.actionTarget?.id) ?? this.actionTarget;
    const input = doc ? policyDocumentOf(doc) : undefined;
    const busy = this.busy.has(doc?.id ?? '');
    return html`<dialog id="actions-dialog" class="dialog" aria-labelledby="actions-title" @close=${this.#restoreFocus}>
      ${doc && input
        ? html`<h2 id="actions-title" class="dialog-title" lang="fr">${doc.title}</h2>
            <p class="muted">${categoryLabel(doc.category)} · ${formatDate(doc.serviceStart, this.locale)} · ${doc.author.name}</p>
            <ul class="action-list">
              ${this.#renderAction('open', msg('Ouvrir le document'), this.#decideOn('document.read', input), () => {
                this.#closeActions();
                this.#open(doc);
              })}
              ${doc.masked
                ? this.#renderAction('unmask', msg('Ne plus masquer aux professionnels'), this.#decideOn('document.unmask', input), () => void this.#change(doc, { masked: false }), busy)
                : this.#renderAction('mask', msg('Masquer aux professionnels'), this.#decideOn('document.mask', input), () => void this.#change(doc, { masked: true }), busy)}
              ${doc.invisibleToPatient && !this.#released(doc)
                ? this.#renderAction('reveal', msg('Rendre visible au patient (résultat annoncé)'), this.#decideOn('document.set-visibility', input), () => void this.#change(doc, { invisibleToPatient: false }), busy)
                : nothing}
              ${this.#renderAction('delete', msg('Supprimer…'), this.#decideOn('document.delete', input), () => void this.#askDelete(doc), busy)}
            </ul>`
        : nothing}
      <div class="dialog-buttons">
        <button type="button" class="button" @click=${() => this.#closeActions()}>${msg('Fermer')}</button>
      </div>
    </dialog>`;
  }

  #renderDeleteDialog(): TemplateResult {
    const doc = this.deleteTarget;
    return html`<dialog id="delete-dialog" class="dialog" aria-labelledby="delete-title" aria-describedby="delete-detail" @close=${this.#restoreFocus}>
      <h2 id="delete-title" class="dialog-title">${msg('Supprimer ce document ?')}</h2>
      <p id="delete-detail">
        ${doc
          ? msg(str`« ${doc.title} » sera retiré du dossier médical partagé. Les professionnels de santé ne pourront plus le consulter.`)
          : nothing}
      </p>
      <div class="dialog-buttons">
        <button type="button" class="button" autofocus @click=${() => this.#dialog('delete')?.close()}>${msg('Annuler')}</button>
        <button type="button" class="button button--danger" data-action="confirm-delete" @click=${this.#confirmDelete}>
          ${msg('Supprimer')}
        </button>
      </div>
    </dialog>`;
  }

  #renderAddDialog(): TemplateResult {
    return html`<dialog id="add-dialog" class="dialog dialog--wide" aria-labelledby="add-title-heading" @close=${this.#restoreFocus}
      @cancel=${this.#cancelAdd}>
      <h2 id="add-title-heading" class="dialog-title">${msg('Ajouter un document')}</h2>
      ${this.#addForm?.render((action, doc) => this.#decideOn(action, doc), this.actor, this.#submitAdd, this.#cancelAdd) ?? nothing}
    </dialog>`;
  }
}
