import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { fixture, html, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { http, HttpResponse } from 'msw';
import { HttpDmpClient } from '../../src/client/http-client.js';
import type { DmpClient } from '../../src/client/types.js';
import '../../src/context/dmp-provider.js';
import type { DmpProvider } from '../../src/context/dmp-provider.element.js';
import type { Actor } from '../../src/model/actor.js';
import { API_PREFIX } from '../../src/model/routes.js';
import { deleteDraft, draftKey } from '../../src/drafts/draft-store.js';
import { db, resetBackend, seededActor, startBackend as startMockBackend, worker } from '../support/mount.js';

export { db, resetBackend, seededActor, worker } from '../support/mount.js';

/** Starts the mock backend once per file. */
export async function startBackend(): Promise<void> {
  await startMockBackend();
}

/*
 * Drafts live in the origin's IndexedDB, which every test file running in parallel shares: a
 * draft another file leaves under `ps-martin|<ins>` would reopen an editor here. The suites that
 * write drafts act under ids of their own (`ps-martin~storage`…), known to the mock backend.
 */

/** A seeded professional under an id of this suite's own (`<id>~<tag>`), known to the backend. */
export function alias(baseId: string, tag: string): Actor {
  const actor = { ...structuredClone(seededActor(baseId)), id: `${baseId}~${tag}` } as Actor;
  if (!db.actors.some((a) => a.id === actor.id)) db.actors.push(actor);
  return actor;
}

/** A legal representative of the patient `ins` of this suite's own: the patient side, with drafts of its own. */
export function guardian(ins: string, tag: string): Actor {
  const id = `rep~${tag}`;
  const dossier = db.dossiers.get(ins);
  if (dossier && !dossier.legalRepresentatives.some((r) => r.id === id)) {
    dossier.legalRepresentatives.push({ id, firstName: 'Paul', lastName: 'Garant', relationship: 'guardian', since: '2024-01-01T10:00:00.000Z' });
  }
  const actor: Actor = { kind: 'legal-representative', id, displayName: 'Paul Garant' };
  if (!db.actors.some((a) => a.id === id)) db.actors.push(actor);
  return actor;
}

/** Deletes the drafts this suite's actors may have left, and no one else's. */
export async function forgetOwnDrafts(tag: string, inses: readonly string[]): Promise<void> {
  const authors = [`professional:ps-martin~${tag}`, `legal-representative:rep~${tag}`];
  await Promise.all(
    authors.flatMap((author) => inses.flatMap((ins) => ['synthesis', 'profile'].map((kind) => deleteDraft(draftKey(author, ins, kind)).catch(() => undefined)))),
  );
}

/**
 * The hooks every hardening suite shares: the backend started once, back to its seed before each
 * test, with the drafts of this suite's actors (`tag`) on `inses` forgotten. A suite adds its own
 * `beforeEach` after calling this; the list's virtualizer resize notices are not errors.
 */
export function suiteHooks(tag: string, inses: readonly string[]): void {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  before(startBackend);
  beforeEach(async () => {
    await resetBackend();
    await forgetOwnDrafts(tag, inses);
  });
}

/** How often a wait looks again: the default 50 ms adds up over hundreds of cells. */
export const POLL_MS = 5;
/** How long a wait lasts: the mock answers in milliseconds, and a cell that fails should not hold the suite. */
export const WAIT_MS = 2000;
/** What `until` and `waitFor` wait by default: WAIT_MS, unless the running test asked for longer (`waitUpTo`). */
let patience = WAIT_MS;
/**
 * Sets the default wait of `until` and `waitFor` for the test about to run: a megabyte drawn in
 * every field of a dossier takes longer than two seconds on a busy two-core machine, and that is
 * no failure (speed is the benchmarks' to measure). Each test sets it anew.
 */
export function waitUpTo(ms: number): void {
  patience = ms;
}

/** The width the hardening suites lay elements out in: a narrow column of a practice software. */
export const CONTAINER_WIDTH = 600;
/** The request timeout a "timeout" fault runs under; the other requests get the provider's default. */
export const SHORT_TIMEOUT_MS = 300;

/**
 * The library's HTTP client as the provider builds it, twice: one with the default timeout, one
 * impatient. A test switches
 * between them without the client context changing (which would reload every element by itself
 * and hide whether its Retry button works). GET retries keep their count and their Retry-After
 * rule; only the backoff is shortened, so a 5xx cell does not wait a second for nothing.
 */
export class SwitchableClient {
  impatient = false;
  /** Calls made through this client that have not settled: while one is out, a retry could join its request. */
  pending = 0;
  readonly client: DmpClient;

  constructor(provider: DmpProvider) {
    const make = (timeoutMs: number) =>
      new HttpDmpClient({ baseUrl: API_PREFIX, timeoutMs, headers: (request) => provider.requestHeaders(request), retry: { baseDelayMs: 1 } });
    const patient = make(provider.requestTimeout);
    const hasty = make(SHORT_TIMEOUT_MS);
    this.client = new Proxy({} as DmpClient, {
      get: (_, name: string) => {
        const target = (this.impatient ? hasty : patient) as unknown as Record<string, unknown>;
        const value = target[name];
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const call = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          this.pending += 1;
          void call.then(
            () => (this.pending -= 1),
            () => (this.pending -= 1),
          );
          return call;
        };
      },
    });
  }
}

export interface Mounted<T extends HTMLElement> {
  el: T;
  provider: DmpProvider;
  container: HTMLElement;
  net: SwitchableClient;
}

/** What the next mounts get unless told otherwise: a load under a "timeout" fault mounts impatient. */
export const mountDefaults = { impatient: false };

/**
 * Renders `content` in a provider acting as `actor` (a seeded id, or any actor, e.g. one the
 * server does not know), inside a container `CONTAINER_WIDTH` pixels wide.
 */
export async function mount<T extends HTMLElement>(content: TemplateResult, actor: string | Actor): Promise<Mounted<T>> {
  const container = await fixture<HTMLElement>(html`<div style="width: ${CONTAINER_WIDTH}px"></div>`);
  const provider = Object.assign(document.createElement('dmp-provider'), {
    actor: typeof actor === 'string' ? seededActor(actor) : actor,
    locale: 'fr',
  });
  const net = new SwitchableClient(provider);
  net.impatient = mountDefaults.impatient;
  provider.client = net.client;
  container.append(provider);
  await provider.updateComplete;
  render(content, provider);
  const el = provider.firstElementChild as T | null;
  if (!el) throw new Error('mount: the template rendered no element');
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return { el, provider, container, net };
}

/** Every shadow root under `root`, nested ones (composed elements) included. */
export function shadowRoots(root: Element | ShadowRoot): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: Element | ShadowRoot) => {
    if (node instanceof Element && node.shadowRoot) {
      found.push(node.shadowRoot);
      visit(node.shadowRoot);
    }
    for (const child of node.querySelectorAll('*')) if (child.shadowRoot) visit(child);
  };
  visit(root);
  return [...new Set(found)];
}

/** The text of an element's shadow root and of the shadow roots nested in it, as rendered (not folded). */
export function deepText(el: Element): string {
  return shadowRoots(el)
    .map((r) => r.textContent ?? '')
    .join('\n');
}

/** The same, white space folded: for matching sentences. */
export function visibleText(el: Element): string {
  return deepText(el).replace(/\s+/g, ' ').trim();
}

/** The first element matching `selector` in `el`'s shadow roots. */
export function find<E extends Element = HTMLElement>(el: Element, selector: string): E | null {
  for (const root of shadowRoots(el)) {
    const hit = root.querySelector<E>(selector);
    if (hit) return hit;
  }
  return null;
}

export function get<E extends Element = HTMLElement>(el: Element, selector: string): E {
  const hit = find<E>(el, selector);
  if (!hit) throw new Error(`No ${selector} in ${el.localName}: ${visibleText(el).slice(0, 300)}`);
  return hit;
}

/** The button whose text (white space folded) is `text`, or that contains it when `partial`. */
export function findButton(el: Element, text: string, partial = false): HTMLButtonElement | undefined {
  for (const root of shadowRoots(el)) {
    const hit = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => {
      const own = (b.textContent ?? '').replace(/\s+/g, ' ').trim();
      return partial ? own.includes(text) : own === text;
    });
    if (hit) return hit;
  }
  return undefined;
}

export function button(el: Element, text: string, partial = false): HTMLButtonElement {
  const hit = findButton(el, text, partial);
  if (!hit) throw new Error(`No button "${text}" in ${el.localName}: ${visibleText(el).slice(0, 400)}`);
  return hit;
}

export async function until(el: Element, text: string, timeout = patience): Promise<void> {
  await waitFor(() => visibleText(el).includes(text), () => `${el.localName} never showed "${text}"; it says: ${said(el)}`, timeout);
}

/** What an element says in its live regions and error notices, or the start of its text. */
export function said(el: Element): string {
  const notices = shadowRoots(el)
    .flatMap((root) => [...root.querySelectorAll('[role="alert"], [role="status"], .notice, .field-error')])
    .map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return notices.length > 0 ? notices.map((n) => `[${n.slice(0, 200)}]`).join(' ') : visibleText(el).slice(0, 400);
}

/**
 * Types `value` into a text control as a user pasting it would: the browser keeps at most
 * `maxlength` characters, then `input` and `change` fire.
 */
export function typeInto(control: HTMLInputElement | HTMLTextAreaElement, value: string): string {
  const kept = control.maxLength >= 0 ? value.slice(0, control.maxLength) : value;
  control.focus();
  control.value = kept;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  return kept;
}

export async function typeIn(el: Element, selector: string, value: string): Promise<string> {
  const kept = typeInto(get<HTMLInputElement>(el, selector), value);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return kept;
}

export async function choose(el: Element, selector: string, value: string): Promise<void> {
  const control = get<HTMLSelectElement | HTMLInputElement>(el, selector);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

export async function check(el: Element, selector: string, checked = true): Promise<void> {
  const box = get<HTMLInputElement>(el, selector);
  if (box.checked !== checked) box.click();
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

/** Confirms the open `<dialog>` of `el` with its button named `text`. */
export async function confirmDialog(el: Element, text: string): Promise<void> {
  const dialog = await waitFor(() => [...shadowRoots(el)].map((r) => r.querySelector<HTMLDialogElement>('dialog[open]')).find(Boolean), 'no dialog opened');
  const target = [...dialog.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim() === text);
  if (!target) throw new Error(`No "${text}" in the dialog`);
  target.click();
  await waitUntil(() => !dialog.open, 'the dialog did not close');
}

/** Resolves with the value once `probe` returns one; the message is written when the wait fails, so it can tell what was there then. */
export async function waitFor<T>(probe: () => T | null | undefined | false, message: string | (() => string), timeout = patience): Promise<T> {
  let value: T | null | undefined | false;
  try {
    await waitUntil(
      () => {
        value = probe();
        return Boolean(value);
      },
      'waitFor',
      { timeout, interval: POLL_MS },
    );
  } catch {
    throw new Error(typeof message === 'string' ? message : message());
  }
  return value as T;
}

export function pdf(name = 'compte-rendu.pdf'): File {
  return new File(['%PDF-1.4\n%hardening\n'], name, { type: 'application/pdf' });
}

export function pickFile(el: Element, selector: string, file: File): void {
  const input = get<HTMLInputElement>(el, selector);
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Long enough for what would follow an event at once (a request through the service worker, a
 * render after a failed import) to have happened: for checking that something did not.
 */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 300));

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** The next request for the module at `path` fails as a dropped connection does; later ones go through. */
export function dropOnce(path: string): { dropped: () => number } {
  let dropped = 0;
  worker.use(
    http.get(
      `*/${path}`,
      () => {
        dropped += 1;
        return HttpResponse.error();
      },
      { once: true },
    ),
  );
  return { dropped: () => dropped };
}
