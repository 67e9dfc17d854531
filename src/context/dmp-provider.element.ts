import { ContextProvider } from '@lit/context';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DmpError } from '../client/errors.js';
import { HttpDmpClient } from '../client/http-client.js';
import { mergeHeaders } from '../client/merge-headers.js';
import { clearDraftsOf, draftAuthor } from '../drafts/draft-store.js';
import type { DmpClient, HeadersRequest } from '../client/types.js';
import { emit } from '../elements/base/emit.js';
import { watchUnauthorized } from './unauthorized-watch.js';
import { isDmpLocale, setDmpLocale } from '../i18n/localization.js';
import type { Actor } from '../model/actor.js';
import { actorKey } from '../model/actor-key.js';
import { normalizeNir } from '../model/nir-spelling.js';
import type { DossierInfo } from '../model/dossier.js';
import { decide } from '../policy/decide.js';
import { grantLifetimeMs } from '../policy/emergency-grant.js';
import { isReleasedToPatient } from '../policy/release.js';
import {
  actorContext,
  changesAccess,
  clientContext,
  DATA_TOPICS,
  dataChangeContext,
  grantFor,
  localeContext,
  policyContext,
  providerApiContext,
  sessionContext,
  type DataChange,
  type DataTopic,
  type PolicyEngine,
  type ProviderApi,
  type SessionGrant,
  type SessionState,
} from './contexts.js';

const DEFAULT_POLICY: PolicyEngine = { decide, isReleasedToPatient };
/**
 * How long the elements share one existence test: long enough for a page and its tabs to open,
 * short enough to see what changed elsewhere (the patient's portal, another workstation).
 */
const DOSSIER_INFO_MAX_AGE_MS = 60_000;
/** Data changes kept for the elements that missed some (see changesSince). */
const KEPT_CHANGES = 64;
const settled = (): void => undefined;
/** Pointer and keyboard activity anywhere inside the provider keeps the session alive. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const DEFAULT_SESSION_TIMEOUT_S = 30 * 60;
/** WCAG 2.2.1 asks that a user be warned and given at least 20 seconds to stay. */
const DEFAULT_SESSION_WARNING_S = 60;
const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
/** A longer setTimeout delay (about 24.8 days) overflows and fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** `value` when it is a number above 0, else `fallback` (an attribute removed reads null, "30min" NaN). */
const orDefault = (value: number, fallback: number): number => (Number.isFinite(value) && value > 0 ? value : fallback);

/**
 * Hands every `dmp-*` element inside it a client, the acting user, the policy engine, the locale
 * and the session; ends the session after a period without activity.
 *
 * @tagname dmp-provider
 * @summary The root of a DMP integration: wrap the elements in it.
 *
 * @slot - The DMP elements and any host markup around them.
 *
 * @csspart session-warning - The dialog warning that the session will end soon for inactivity.
 * @csspart session-warning-button - Its "Rester connecté" button.
 *
 * @cssprop --dmp-color-emergency - Border of the session warning.
 * @cssprop --dmp-color-accent - Background of its button.
 * @cssprop --dmp-color-on-accent - Text of its button.
 * @cssprop --dmp-color-focus - Focus ring.
 * @cssprop --dmp-color-surface - Background of the warning.
 * @cssprop --dmp-color-text - Text of the warning.
 * @cssprop --dmp-font-family - Font of the warning.
 * @cssprop --dmp-font-size - Font size of the warning.
 * @cssprop --dmp-radius - Corner radius.
 * @cssprop [--dmp-color-backdrop=rgb(0 0 0 / 0.4)] - Backdrop behind the warning.
 *
 * @fires {CustomEvent<SessionExpiringDetail>} dmp-session-expiring - The session will end soon for inactivity (`session-warning`). Cancelable: cancelled, the provider shows no warning of its own, and the host calls {@link DmpProvider.keepAlive} when the user stays.
 * @fires {CustomEvent<SessionRenewedDetail>} dmp-session-renewed - The user did something after `dmp-session-expiring` (or the host called {@link DmpProvider.keepAlive}): the session goes on, and a warning of the host's own is to be taken down.
 * @fires {CustomEvent<SessionExpiredDetail>} dmp-session-expired - The session ended after `session-timeout` seconds without activity.
 * @fires {CustomEvent<DataChange>} dmp-data-changed - An element wrote data; elements showing it reload.
 * @fires {CustomEvent<UnauthorizedDetail>} dmp-unauthorized - A request was refused as unauthorized: the server answered 401 (its session or token ended), or `authHeaders` failed to give its headers. Authenticate the user again; the element that asked says so and offers to try again, with what was typed kept. Calls refused together are told once: a call under way when the host was told is not told again; one made since is.
 */
export class DmpProvider extends LitElement implements ProviderApi {
  static override styles = css`
    :host {
      display: contents;
    }
    .warning {
      position: fixed;
      inset: auto 1rem 1rem;
      z-index: 1000;
      max-width: 40rem;
      margin: auto;
      padding: 0.75rem 1rem;
      border: 2px solid var(--dmp-color-emergency, #a3160f);
      border-radius: var(--dmp-radius, 6px);
      background: var(--dmp-color-surface, #fff);
      color: var(--dmp-color-text, #1b1b1f);
      font: var(--dmp-font-size, 0.9375rem) var(--dmp-font-family, system-ui, sans-serif);
      box-shadow: 0 2px 12px #0005;
    }
    .warning::backdrop {
      background: var(--dmp-color-backdrop, rgb(0 0 0 / 0.4));
    }
    p {
      margin: 0 0 0.75rem;
    }
    button {
      font: inherit;
      padding: 0.25rem 0.75rem;
      border: 0;
      border-radius: var(--dmp-radius, 6px);
      background: var(--dmp-color-accent, #0a55b5);
      color: var(--dmp-color-on-accent, #fff);
    }
    button:focus-visible {
      outline: 3px solid var(--dmp-color-focus, #0a55b5);
      outline-offset: 2px;
    }
  `;

  /** Base URL of the DMP API (the mock backend or the integrator's gateway). */
  @property({ attribute: 'base-url' }) baseUrl = '/api/dmp/v1';

  /**
   * Interface language, `fr` (default) or `en`; a regional tag (`en-GB`, `fr-FR`) selects its
   * language, any other value French. Dates and numbers follow the language. English strings that
   * fail to load (offline) leave the page French, marked so, until it is reloaded.
   */
  @property() locale: string = 'fr';

  /**
   * Seconds without pointer or key activity after which the session ends (default 30 min), by the
   * wall clock: time with the provider out of the page or the device asleep counts. A new value
   * counts from when it is set. A value that is not a number above 0 counts as the default: the
   * session always ends for inactivity, whoever the user.
   */
  @property({ attribute: 'session-timeout', type: Number }) sessionTimeout: number = DEFAULT_SESSION_TIMEOUT_S;

  /**
   * Seconds before the session ends for inactivity at which the user is warned (default 60), so
   * that they can stay (WCAG 2.2.1): `dmp-session-expiring` fires and, unless the host cancels it,
   * a modal dialog says so, with a "Rester connecté" button (Escape too). 0: no warning; none
   * either when the timeout is not longer than this.
   */
  @property({ attribute: 'session-warning', type: Number }) sessionWarning: number = DEFAULT_SESSION_WARNING_S;

  /** Timeout of each request, in milliseconds (default 15 000; a value that is not a number above 0 counts as the default). */
  @property({ attribute: 'request-timeout', type: Number }) requestTimeout: number = DEFAULT_REQUEST_TIMEOUT_MS;

  /**
   * Who acts: a patient, a legal representative, a professional… (the policy's actor union). The
   * same person (same kind and id) handed over again is no change of user and keeps the session,
   * ended or not: after an expiry or a logout, call {@link resume} once they have logged in again.
   * Another person, or one set after `actor` was cleared, starts a new session.
   */
  @property({ attribute: false }) actor: Actor | undefined;

  /**
   * A client to use instead of the built-in HTTP one (e.g. the FHIR client, or one talking to
   * the integrator's gateway).
   */
  @property({ attribute: false }) client: DmpClient | undefined;

  /**
   * Extra request headers, e.g. the gateway's own authentication. By default the caller is named
   * by `Authorization: Bearer <actor id>`, as the mock backend expects. Called for each request
   * with the INS of the dossier it is about (none when it is about no dossier), since a security
   * token (IUA, VIHF) names its patient. May answer with a promise (a token asked of the host's
   * server); if it rejects, the request fails as `unauthorized` and is not sent. A header given
   * as `''` is not sent: `{ Authorization: '' }` for a gateway that knows its caller by a cookie.
   */
  @property({ attribute: false }) authHeaders: ((request: HeadersRequest) => Record<string, string> | Promise<Record<string, string>>) | undefined;

  /** The policy engine elements ask; `decide` from `dmp-elements/policy` unless replaced. */
  @property({ attribute: false }) policy: PolicyEngine = DEFAULT_POLICY;

  /** A minor's connexion secrète: documents submitted are hidden from the legal representatives. */
  @property({ type: Boolean }) secret = false;

  readonly #clientProvider = new ContextProvider(this, { context: clientContext });
  readonly #actorProvider = new ContextProvider(this, { context: actorContext });
  readonly #localeProvider = new ContextProvider(this, { context: localeContext });
  readonly #policyProvider = new ContextProvider(this, { context: policyContext });
  readonly #sessionProvider = new ContextProvider(this, {
    context: sessionContext,
    initialValue: { state: 'active', secret: false, logouts: 0, emergencyGrants: [] } satisfies SessionState,
  });
  readonly #dataChangeProvider = new ContextProvider(this, {
    context: dataChangeContext,
    initialValue: { revision: 0, topics: [] } satisfies DataChange,
  });

  constructor() {
    super();
    new ContextProvider(this, { context: providerApiContext, initialValue: this });
    updateWhenLocaleChanges(this);
  }

  #expiryTimer: ReturnType<typeof setTimeout> | undefined;
  #warningTimer: ReturnType<typeof setTimeout> | undefined;
  /** The seconds left the shown warning announced; undefined while none is shown. */
  @state() private warning: number | undefined;
  /** `dmp-session-expiring` fired, and nothing renewed the session since: the next activity is told. */
  #warned = false;
  #grantTimer: ReturnType<typeof setTimeout> | undefined;
  /** When each of the session's emergency grants ends, by this device's clock (see grantLifetimeMs). */
  readonly #grantEnds = new WeakMap<SessionGrant, number>();
  /** When the user last did something here, by the wall clock: time away (page detached, device asleep) counts as inactivity. */
  #lastActivity = Date.now();
  /** Whose drafts a logout deletes: the last user set. */
  #draftsAuthor = '';
  /** The existence tests asked under the current actor, client and session, by INS, with when they were asked. */
  readonly #dossiers = new Map<string, { answer: Promise<DossierInfo>; at: number }>();
  /** The last existence test sent for each INS, until it is answered. */
  readonly #asking = new Map<string, Promise<unknown>>();
  /** Counts the sittings (a new user, a logout, an expiry, a return): a test queued in one is not sent in the next. */
  #sittings = 0;
  /** The last data changes published, oldest first. */
  readonly #changes: DataChange[] = [];
  readonly #handleActivity = (e?: Event) => {
    // A touch on the warning is not yet the choice to stay: its button's click is, and taking the
    // warning away at once would send that click to whatever lies under it.
    if (e && this.renderRoot.contains(e.composedPath()[0] as Node)) return;
    // A click after the timeout passed unseen (timers sleep with the device) ends the session, not renews it.
    const renewed = Date.now() - this.#lastActivity < this.#timeoutSeconds * 1000;
    if (renewed) this.#lastActivity = Date.now();
    this.#armExpiry();
    if (renewed) this.#tellRenewed();
  };
  readonly #handleVisibility = () => {
    this.#armExpiry();
    this.#armGrantExpiry();
  };

  get #timeoutSeconds(): number {
    return orDefault(this.sessionTimeout, DEFAULT_SESSION_TIMEOUT_S);
  }

  /** The session as elements see it. */
  get session(): SessionState {
    return this.#sessionProvider.value ?? { state: 'active', secret: this.secret, logouts: 0, emergencyGrants: [] };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of ACTIVITY_EVENTS) this.addEventListener(type, this.#handleActivity, { passive: true });
    document.addEventListener('visibilitychange', this.#handleVisibility);
    this.#armExpiry();
    this.#armGrantExpiry();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of ACTIVITY_EVENTS) this.removeEventListener(type, this.#handleActivity);
    document.removeEventListener('visibilitychange', this.#handleVisibility);
    this.#disarm();
    clearTimeout(this.#grantTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('baseUrl') || changed.has('requestTimeout') || !this.#clientProvider.value) {
      this.#dossiers.clear();
      this.#clientProvider.setValue(watchUnauthorized(this.client ?? this.#createHttpClient(), (error) => emit(this, 'dmp-unauthorized', { status: error.status })));
    }
    if (changed.has('policy')) this.#policyProvider.setValue(this.policy);
    if (changed.has('actor')) {
      const before = changed.get('actor') as Actor | undefined;
      // A host may hand over an equal object at each render (React does): that is no new user,
      // and the elements keep what they show and what was typed in them.
      if (JSON.stringify(before) !== JSON.stringify(this.actor)) this.#actorProvider.setValue(this.actor);
      if (this.actor) this.#draftsAuthor = draftAuthor(this.actor);
      // Another person starts a new session: their predecessor's emergency grant must not carry
      // over. The same person handed over again (a re-render, a new display name) does not: an
      // ended session comes back only through resume(), never through a host's render.
      if (actorKey(before) !== actorKey(this.actor)) {
        this.#updateSession({ state: 'active', endedBy: undefined, emergencyGrants: [] });
        this.#start();
      }
    }
    if (changed.has('secret')) this.#updateSession({ secret: this.secret });
    // A new timeout counts from now (from 0, "never", the last activity would be long past).
    if (changed.has('sessionTimeout') || changed.has('sessionWarning')) this.#start();
    if (changed.has('locale')) void this.#applyLocale();
  }

  /** Tells every element that data changed (after a write), so the ones showing it reload. */
  notifyDataChanged(topics: readonly DataTopic[], ins?: string): void {
    // One patient however the host spells the INS (spaces, 2a): see dossierInfo and takeDataChange.
    const key = ins === undefined ? undefined : normalizeNir(ins);
    if (changesAccess(topics)) {
      if (key) this.#dossiers.delete(key);
      else this.#dossiers.clear();
    }
    const previous = this.#dataChangeProvider.value ?? { revision: 0, topics: [] };
    const change: DataChange = { revision: previous.revision + 1, topics, ins: key };
    this.#changes.push(change);
    if (this.#changes.length > KEPT_CHANGES) this.#changes.shift();
    this.#dataChangeProvider.setValue(change);
    emit(this, 'dmp-data-changed', change);
  }

  /** The changes published after `revision` (see ProviderApi). */
  changesSince(revision: number): readonly DataChange[] {
    const [oldest] = this.#changes;
    const latest = this.#changes.at(-1);
    if (oldest && latest && oldest.revision > revision + 1) return [{ revision: latest.revision, topics: DATA_TOPICS }];
    return this.#changes.filter((change) => change.revision > revision);
  }

  /** The dossier's existence test for the current actor, shared by this provider's elements (see ProviderApi). */
  dossierInfo(ins: string, { fresh = false }: { fresh?: boolean } = {}): Promise<DossierInfo> {
    const key = normalizeNir(ins);
    const known = fresh ? undefined : this.#dossiers.get(key);
    if (known && Date.now() - known.at < DOSSIER_INFO_MAX_AGE_MS) return known.answer;
    const client = this.#clientProvider.value;
    if (!client) return Promise.reject(new DmpError('invalid-request', 'dmp-provider has no client yet'));
    // A test still on its way was sent before what made this one necessary (a write, a Reload):
    // this one leaves after it, rather than share its answer (the client merges identical GETs).
    const before = this.#asking.get(key);
    const sitting = this.#sittings;
    const answer = (before ? before.then(settled, settled) : Promise.resolve()).then(() => {
      // Queued behind a test of the user who has left: it would go out under the next one's name.
      if (sitting !== this.#sittings) throw new DmpError('aborted', 'The session changed before the existence test was sent');
      return client.getDossier(ins);
    });
    this.#dossiers.set(key, { answer, at: Date.now() });
    this.#asking.set(key, answer);
    answer.then(
      () => this.#answered(key, answer, false),
      () => this.#answered(key, answer, true),
    );
    return answer;
  }

  /** A failure is not kept: the next element to ask tries again. */
  #answered(ins: string, answer: Promise<DossierInfo>, failed: boolean): void {
    if (this.#asking.get(ins) === answer) this.#asking.delete(ins);
    if (failed && this.#dossiers.get(ins)?.answer === answer) this.#dossiers.delete(ins);
  }

  /**
   * Records an emergency access granted to this session, in place of its patient's previous one;
   * the grants held for other patients stay. Each is dropped when it ends (at `expiresAt`, and at
   * most an hour from now by this device's clock): the elements then stop offering what it
   * opened, and dmp-break-glass offers a new request. An ended session holds none: a grant
   * answered after it expired is dropped, as the expiry dropped the others.
   */
  setEmergencyGrant(grant: SessionGrant): void {
    if (this.session.state !== 'active') return;
    const now = Date.now();
    this.#grantEnds.set(grant, now + grantLifetimeMs(grant.expiresAt, now));
    const replaced = grantFor(this.session, grant.ins);
    this.#updateSession({ emergencyGrants: [...this.session.emergencyGrants.filter((held) => held !== replaced), grant] });
    this.#notifyGrantChanged(grant.ins);
  }

  /**
   * Ends, before its hour, the emergency access this session holds for `ins` (the emergency is
   * over): requests about that patient go without it, and the elements stop offering what it
   * opened. The server's grant is not revoked: the DMP has no such call, and it ends on its own.
   */
  endEmergencyGrant(ins: string): void {
    const grant = grantFor(this.session, ins);
    if (!grant) return;
    this.#updateSession({ emergencyGrants: this.session.emergencyGrants.filter((held) => held !== grant) });
    this.#notifyGrantChanged(grant.ins);
  }

  #notifyGrantChanged(ins: string): void {
    this.notifyDataChanged(['documents', 'synthesis', 'history', 'dossier', 'authorizations'], ins);
  }

  /**
   * Ends the session on the user's request: forgets the emergency grant, deletes the user's drafts
   * kept in this browser, and shows the expired state until another user is set or {@link resume}
   * is called.
   */
  async logout(): Promise<void> {
    this.#disarm();
    this.#updateSession({ state: 'expired', endedBy: 'logout', emergencyGrants: [], logouts: this.session.logouts + 1 });
    // Drafts survive crashes and expiry for their author, not their explicit logout (DECISIONS 10):
    // the last user set, even if the host cleared `actor` before calling this.
    await clearDraftsOf(this.#draftsAuthor).catch(() => undefined);
  }

  /** Starts a new session for the same actor (after the user logged in again). */
  resume(): void {
    this.#updateSession({ state: 'active', endedBy: undefined });
    this.#start();
  }

  /**
   * Counts as the user's activity: the inactivity timeout starts again. For a host warning in its
   * own way (`dmp-session-expiring` cancelled), when the user chooses to stay.
   */
  keepAlive(): void {
    this.#handleActivity();
  }

  protected override render() {
    const seconds = this.warning;
    const locale = this.#localeProvider.value ?? 'fr';
    // Escape says "I am here" too.
    return html`<dialog part="session-warning" class="warning" role="alertdialog" lang=${locale}
        aria-labelledby=${seconds === undefined ? nothing : 'warning-text'} @cancel=${() => this.keepAlive()}>
        ${seconds === undefined
          ? nothing
          : html`<p id="warning-text">${msg(str`Sans activité de votre part, votre session prendra fin ${new Intl.RelativeTimeFormat(locale).format(seconds, 'second')}.`)}</p>
              <button type="button" part="session-warning-button" @click=${() => this.keepAlive()}>${msg('Rester connecté')}</button>`}
      </dialog><slot></slot>`;
  }

  /** Modal, so that the warning stands above an element's own dialog, where the user may be. */
  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog')!;
    if (this.warning === undefined) dialog.close();
    else if (!dialog.open) dialog.showModal();
  }

  #createHttpClient(): DmpClient {
    return new HttpDmpClient({
      baseUrl: this.baseUrl,
      timeoutMs: Math.min(orDefault(this.requestTimeout, DEFAULT_REQUEST_TIMEOUT_MS), MAX_TIMER_MS),
      headers: (request) => this.requestHeaders(request),
    });
  }

  /**
   * The headers the built-in client sends with a request about `request.ins` (none: about no
   * dossier): the caller, that patient's emergency grant while it lasts, the connexion secrète,
   * then `authHeaders`. For a client of your own that talks to the same API (another timeout, a
   * proxy), so that it carries them too: `headers: (request) => provider.requestHeaders(request)`.
   */
  async requestHeaders(request: HeadersRequest): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    const actor = this.actor;
    const id = actor?.id ?? (actor?.kind === 'professional' ? actor.rpps : undefined);
    if (id) headers.Authorization = `Bearer ${id}`;
    // A grant opens its patient's dossier only; an ended one is refused by the server, so it is
    // not sent while its timer has not fired yet (timers sleep with the device).
    const grant = grantFor(this.session, request.ins);
    if (grant && Date.now() < (this.#grantEnds.get(grant) ?? 0)) headers['DMP-Access-Grant'] = grant.id;
    if (this.session.secret) headers['DMP-Secret'] = '1';
    return mergeHeaders(headers, await this.authHeaders?.(request));
  }

  #updateSession(patch: Partial<SessionState>): void {
    // What the server answered belongs to the session it was asked in (its user, grant, secrecy).
    this.#dossiers.clear();
    if (patch.state !== undefined) {
      this.#sittings += 1;
      this.#asking.clear();
    }
    this.#sessionProvider.setValue({ ...this.session, ...patch });
    this.#armGrantExpiry();
  }

  /**
   * Drops each emergency grant when it ends: the server refuses it from then on, and the elements
   * stop offering what it opened (dmp-break-glass offers a new request).
   */
  #armGrantExpiry(): void {
    clearTimeout(this.#grantTimer);
    const grants = this.session.emergencyGrants;
    if (grants.length === 0 || !this.isConnected) return;
    const now = Date.now();
    const ended = grants.filter((grant) => (this.#grantEnds.get(grant) ?? 0) <= now);
    if (ended.length > 0) {
      // Updating the session arms the timer again, for the grants left.
      this.#updateSession({ emergencyGrants: grants.filter((grant) => !ended.includes(grant)) });
      for (const grant of ended) this.#notifyGrantChanged(grant.ins);
      return;
    }
    const next = Math.min(...grants.map((grant) => this.#grantEnds.get(grant) ?? 0));
    this.#grantTimer = setTimeout(() => this.#armGrantExpiry(), Math.min(next - now, MAX_TIMER_MS));
  }

  /** Told once per warning, not at every move: a host that warns its own way takes its warning down. */
  #tellRenewed(): void {
    if (this.#warned && this.session.state === 'active') emit(this, 'dmp-session-renewed', { secondsLeft: Math.ceil(this.#timeoutSeconds) });
    this.#warned = false;
  }

  #start(): void {
    this.#tellRenewed();
    this.#lastActivity = Date.now();
    this.#armExpiry();
  }

  /** Ends the session once the timeout has passed since the last activity: at once if it has already. */
  #armExpiry(): void {
    this.#disarm();
    const timeout = this.#timeoutSeconds;
    if (!this.isConnected || this.session.state !== 'active') return;
    const left = this.#lastActivity + timeout * 1000 - Date.now();
    this.#expiryTimer = setTimeout(() => (left > MAX_TIMER_MS ? this.#armExpiry() : this.#expire()), Math.min(left, MAX_TIMER_MS));
    const warning = (this.sessionWarning === 0 ? 0 : orDefault(this.sessionWarning, DEFAULT_SESSION_WARNING_S)) * 1000;
    // Back from sleep with less time left than the warning: warned at once, of what is left;
    // with none left, the session just ends.
    if (warning > 0 && warning < timeout * 1000 && left > 0 && left - warning < MAX_TIMER_MS) {
      this.#warningTimer = setTimeout(() => this.#warn(), left - warning);
    }
  }

  #disarm(): void {
    clearTimeout(this.#expiryTimer);
    clearTimeout(this.#warningTimer);
    this.warning = undefined;
  }

  /** Tells what is left when the timer fires: a timer in a background tab may fire late. */
  #warn(): void {
    const seconds = Math.ceil((this.#lastActivity + this.#timeoutSeconds * 1000 - Date.now()) / 1000);
    if (!this.actor || seconds <= 0) return;
    this.#warned = true;
    if (emit(this, 'dmp-session-expiring', { secondsLeft: seconds }, { cancelable: true })) this.warning = seconds;
  }

  #expire(): void {
    this.#warned = false;
    this.warning = undefined;
    this.#updateSession({ state: 'expired', endedBy: 'inactivity', emergencyGrants: [] });
    emit(this, 'dmp-session-expired', { timeoutSeconds: this.#timeoutSeconds });
  }

  /**
   * Strings are page-wide in @lit/localize; `Intl` formatting follows this provider's locale. A
   * regional tag (`en-GB`) asks for its language. English strings that cannot be loaded (offline)
   * leave the French ones: the elements then say they are French, or a screen reader would read
   * French text with an English voice.
   */
  async #applyLocale(): Promise<void> {
    // Removed (null) or left undefined by a framework: the default.
    const language = (this.locale ?? 'fr').split('-')[0]!;
    const requested = isDmpLocale(language) ? language : 'fr';
    this.#localeProvider.setValue(requested);
    await setDmpLocale(requested).catch(() => this.#localeProvider.setValue('fr'));
  }
}
