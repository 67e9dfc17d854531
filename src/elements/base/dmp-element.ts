import { consume } from '@lit/context';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, type PropertyValues, type ReactiveController, type TemplateResult } from 'lit';
import { state } from 'lit/decorators/state.js';
import type { DmpClient } from '../../client/types.js';
import {
  actorContext,
  clientContext,
  dataChangeContext,
  grantFor,
  localeContext,
  policyContext,
  providerApiContext,
  sessionContext,
  type DataChange,
  type PolicyEngine,
  type ProviderApi,
  type SessionState,
} from '../../context/contexts.js';
import type { DmpEventDetails, DmpEventName } from '../../events.js';
import type { DmpLocale } from '../../i18n/localization.js';
import type { Actor } from '../../model/actor.js';
import { actorKey } from '../../model/actor-key.js';
import { normalizeNir } from '../../model/nir-spelling.js';
import type { DossierInfo } from '../../model/dossier.js';
import type { PolicyRequest } from '../../policy/types.js';
import { emit } from './emit.js';
import { baseStyles } from './styles.js';

/**
 * What every DMP element shares: the provider's contexts, typed events, and the two states no
 * element may skip — used outside a provider, and session expired (no patient data then).
 *
 * The design tokens below are read by every element (defaults in `base/styles.ts`); set them on
 * the element or on any ancestor.
 *
 * @cssprop [--dmp-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - Text font.
 * @cssprop [--dmp-font-size=0.9375rem] - Base text size.
 * @cssprop [--dmp-color-text=#1b1b1f] - Text.
 * @cssprop [--dmp-color-muted=#52525b] - Secondary text.
 * @cssprop [--dmp-color-surface=#ffffff] - Background of fields and cards.
 * @cssprop [--dmp-color-surface-alt=#f4f4f5] - Background of notices and alternate rows.
 * @cssprop [--dmp-color-border=#c4c4cc] - Borders.
 * @cssprop [--dmp-color-accent=#0a55b5] - Buttons, links, the selected item.
 * @cssprop [--dmp-color-on-accent=#ffffff] - Text on the accent color.
 * @cssprop [--dmp-color-focus=#0a55b5] - The focus ring.
 * @cssprop [--dmp-color-error=#b3261e] - Errors and destructive actions.
 * @cssprop [--dmp-color-error-surface=#fdecea] - Background of error notices.
 * @cssprop [--dmp-color-emergency=#a3160f] - Emergency access (bris de glace, régulation).
 * @cssprop [--dmp-color-masked=#6b3fa0] - Masked documents.
 * @cssprop [--dmp-color-success=#1e6b34] - Confirmations.
 * @cssprop [--dmp-color-declared=#7a4b00] - The "declared by the patient" label.
 * @cssprop [--dmp-color-declared-surface=#fff4e0] - Background of that label.
 * @cssprop [--dmp-radius=6px] - Corner radius.
 * @cssprop [--dmp-space=0.5rem] - Base spacing unit.
 */
export abstract class DmpElement extends LitElement {
  static override styles = [baseStyles];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected client: DmpClient | undefined;

  @consume({ context: actorContext, subscribe: true })
  @state()
  protected actor: Actor | undefined;

  @consume({ context: policyContext, subscribe: true })
  @state()
  protected policy: PolicyEngine | undefined;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session: SessionState | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  protected locale: DmpLocale | undefined;

  @consume({ context: dataChangeContext, subscribe: true })
  @state()
  protected dataChange: DataChange | undefined;

  @consume({ context: providerApiContext, subscribe: true })
  @state()
  protected provider: ProviderApi | undefined;

  /** The element's tasks, stopped while it is out of the page (see disconnectedCallback). */
  readonly #tasks = new Set<Task>();
  readonly #stopped = new Set<Task>();
  /** Lets a pending update go on once the element is back in the page. */
  #reconnected: (() => void) | undefined;
  #seenDataRevision: number | undefined;
  /** The session's logout count at the last update, for loggedOut(). */
  #logoutsSeen: number | undefined;

  override addController(controller: ReactiveController): void {
    super.addController(controller);
    if (controller instanceof Task) this.#tasks.add(controller);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#reconnected?.();
    this.#reconnected = undefined;
    for (const task of this.#stopped) void task.run();
    this.#stopped.clear();
  }

  /**
   * A load still running in a removed element would send its next request under whoever uses
   * the provider by then (the host may have switched user when it removed the element): it is
   * aborted, and runs again if the element comes back. A move (removed and put back in the same
   * task) aborts nothing.
   */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    queueMicrotask(() => {
      if (this.isConnected) return;
      for (const task of this.#tasks) {
        if (task.status !== TaskStatus.PENDING) continue;
        task.abort();
        this.#stopped.add(task);
      }
    });
  }

  /** Out of the page, changes wait for the element's return: an update would start loads. */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.isConnected) await new Promise<void>((resolve) => (this.#reconnected = resolve));
    await super.scheduleUpdate();
  }

  /**
   * The data changes published since this element last asked, merged (their topics, the latest
   * revision), leaving out the element's `own` and those about another patient than `ins`;
   * undefined when none is left. Every one counts, not only the latest: two published before this
   * update (in one task, or while the element was out of the page) must not hide each other. The
   * first revision seen is a baseline, not a change.
   */
  protected takeDataChange(ins: string, own?: number): DataChange | undefined {
    const change = this.dataChange;
    if (!change) return undefined;
    const seen = this.#seenDataRevision;
    this.#seenDataRevision = change.revision;
    if (seen === undefined || change.revision <= seen) return undefined;
    const since = this.provider?.changesSince(seen) ?? [change];
    // The provider publishes the INS in its one spelling; the host may give this element another.
    const key = normalizeNir(ins);
    const here = since.filter((c) => c.revision !== own && (!c.ins || c.ins === key));
    return here[0] && { revision: here.at(-1)!.revision, topics: [...new Set(here.flatMap((c) => c.topics))] };
  }

  /**
   * The existence test of `ins`, shared by the provider's elements (see ProviderApi.dossierInfo):
   * `fresh` when the user asked to reload. Being shared, the request ignores `signal`; the answer
   * does not: a caller whose run was aborted meanwhile gets the abort, not stale access conditions.
   */
  protected async dossierInfo(ins: string, options: { signal?: AbortSignal; fresh?: boolean } = {}): Promise<DossierInfo> {
    const info = await this.provider!.dossierInfo(ins, { fresh: options.fresh ?? false });
    options.signal?.throwIfAborted();
    return info;
  }

  /**
   * Whether a user logged out since the last update: what they typed goes with them (DECISIONS.md
   * 10), even if a new session began in the same task, or the element was removed before it
   * could update.
   */
  protected loggedOut(): boolean {
    return this.#logoutsSeen !== undefined && this.#logoutsSeen !== this.session?.logouts;
  }

  /** Whether this update brings another user: told apart by who they are, not by the object. */
  protected otherUser(changed: PropertyValues): boolean {
    return changed.has('actor') && actorKey(changed.get('actor') as Actor | undefined) !== actorKey(this.actor);
  }

  /**
   * Who is here, and since which login: a request's answer is the user's only while this is
   * unchanged (another user, or a logout and a new login, is someone else's sitting).
   */
  protected get sitting(): string {
    return `${actorKey(this.actor)}#${this.session?.logouts ?? 0}`;
  }

  /**
   * Taken when a request leaves: whether its answer still belongs here once it comes, that is
   * the same sitting and the same `shown()` (the patient, the identity checked…).
   */
  protected answerFor(shown: () => unknown = () => undefined): () => boolean {
    const sitting = this.sitting;
    const then = shown();
    return () => this.sitting === sitting && shown() === then;
  }

  /**
   * Whether this update comes after the user left (another user, or a logout): what the one who
   * left had typed goes with them.
   */
  protected userLeft(changed: PropertyValues): boolean {
    return this.otherUser(changed) || this.loggedOut();
  }

  protected override update(changed: PropertyValues): void {
    const focused = this.matches(':focus-within');
    super.update(changed);
    this.#logoutsSeen = this.session?.logouts;
    // What had focus went with the content it was in: the fallback takes it, rather than the page.
    if (focused && !this.matches(':focus-within')) this.focusFallback()?.focus();
  }

  /**
   * Where focus goes when an update took away what had it: the session-expired notice, in the
   * place of everything; an element may name its own for its content.
   */
  protected focusFallback(): HTMLElement | null | undefined {
    if (this.session?.state !== 'expired') return undefined;
    const notice = this.renderRoot.querySelector<HTMLElement>('.notice');
    // Focused, the notice is read; still a live region, it would be read a second time.
    notice?.removeAttribute('role');
    return notice;
  }

  /** Whether the element has what it needs to show patient data. */
  protected get ready(): boolean {
    return Boolean(this.client && this.policy && this.actor && this.session?.state === 'active');
  }

  /**
   * The request part of a policy question about `ins`: the emergency mode and its justification
   * when this session holds a grant for that patient, and the time.
   */
  protected policyRequest(ins: string): PolicyRequest {
    const grant = grantFor(this.session, ins);
    const now = new Date().toISOString();
    return grant ? { mode: grant.mode, justification: grant.justification, now } : { now };
  }

  /**
   * Whether the element may move focus once an answer comes: focus is inside it, or was lost to
   * the page (the control that had it went away), not on something the user went to meanwhile.
   */
  protected focusIsOurs(): boolean {
    return this.focusLost() || this.matches(':focus-within');
  }

  /** Whether focus was lost to the page: the control that had it went away (or the user left it nowhere). */
  protected focusLost(): boolean {
    const active = document.activeElement;
    return !active || active === document.body;
  }

  /**
   * Runs a retry asked from a button that the retry takes away (the error it is in gives way to
   * the load): focus goes first to `target`, a selector in the shadow root, rather than to the
   * page with the button.
   */
  protected retryFrom(target: string, run: () => unknown): void {
    const next = this.renderRoot.querySelector<HTMLElement>(target);
    if (next && this.matches(':focus-within')) {
      // A heading takes focus from script only; a field keeps its place in the tab order.
      if (next.tabIndex < 0) next.tabIndex = -1;
      next.focus();
    }
    void run();
  }

  protected emit<N extends DmpEventName>(name: N, detail: DmpEventDetails[N], options?: { cancelable?: boolean }): boolean {
    return emit(this, name, detail, options);
  }

  protected override render(): unknown {
    // Screen readers speak the element's text in the provider's language, whatever the page's;
    // written when it changes only, or a host's attribute observers would hear of every render.
    if (this.locale && this.lang !== this.locale) this.lang = this.locale;
    if (!this.client || !this.policy || !this.provider) return this.renderConfigurationError();
    if (this.session?.state === 'expired') return this.renderSessionExpired();
    if (!this.actor) return this.renderNoActor();
    return this.renderContent();
  }

  /** The element's own content, once a provider, an actor and a live session are there. */
  protected abstract renderContent(): unknown;

  protected renderConfigurationError(): TemplateResult {
    return html`<div part="base" class="notice notice--error" role="alert">
      <strong>${msg('Erreur de configuration')}</strong>
      <p>
        ${msg('Cet élément doit être placé dans un élément dmp-provider, qui lui donne la connexion au DMP et l’utilisateur.')}
      </p>
    </div>`;
  }

  protected renderSessionExpired(): TemplateResult {
    return html`<div part="base" class="notice" role="status" tabindex="-1">
      <strong>${msg('Session expirée')}</strong>
      <p>
        ${this.session?.endedBy === 'logout'
          ? msg('Votre session a été fermée par une déconnexion. Reconnectez-vous pour consulter ce dossier.')
          : msg('Votre session a pris fin après une période d’inactivité. Reconnectez-vous pour consulter ce dossier.')}
      </p>
    </div>`;
  }

  protected renderNoActor(): TemplateResult {
    return html`<div part="base" class="notice notice--error" role="alert">
      <strong>${msg('Erreur de configuration')}</strong>
      <p>${msg('Aucun utilisateur n’est défini sur le dmp-provider (sa propriété actor).')}</p>
    </div>`;
  }
}

// The heading levels live beside the base class rather than in a module of their own: one shared
// by dmp-dossier and its tabs' elements would be one more chunk in the dossier's first load.

/** The heading level asked for: a whole number from 1; 2 when unset or not one. */
export function headingLevelOf(asked: number | undefined): number {
  return asked !== undefined && Number.isInteger(asked) && asked >= 1 ? asked : 2;
}

/**
 * Gives the headings in an element's shadow root the levels of the host page's outline: its title
 * (the `h2`) at `top` (see headingLevelOf), and each heading under it one level further down per
 * rank. Templates keep their `h2`–`h4` and their styles; assistive technologies are told the
 * level (`aria-level`), set only where it differs from the tag's: as an attribute, which every
 * browser reads (ARIA reflection, `ariaLevel`, came to Firefox in version 119).
 */
export function levelHeadings(root: ParentNode, top: number | undefined): void {
  const shift = headingLevelOf(top) - 2;
  for (const heading of root.querySelectorAll('h2,h3,h4')) {
    if (shift) heading.setAttribute('aria-level', String(Number(heading.localName[1]) + shift));
    else heading.removeAttribute('aria-level');
  }
}
