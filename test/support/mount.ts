import { fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { render } from 'lit';
import { db, startMockBackend, worker } from '../../mocks/browser.js';
import { handlers } from '../../mocks/handlers/index.js';
import { API_PREFIX } from '../../src/model/routes.js';
import { HttpResponse, http } from 'msw';
import { ACTORS, SEED_NOW } from '../../mocks/data/index.js';
import '../../src/context/dmp-provider.js';
import type { DmpProvider } from '../../src/context/dmp-provider.element.js';
import { setDmpLocale } from '../../src/i18n/localization.js';
import type { Actor } from '../../src/model/actor.js';

export { db, worker };

/**
 * Each request to the backend carries the number of the reset it was sent after. An element of an
 * earlier test may still be waiting for an answer (or have given up on it) when the next test
 * resets the backend: on a busy machine its request reaches the handlers after the reset, and would
 * be written into the new test's access history. It is refused instead, with a status no client
 * retries.
 */
const RUN_HEADER = 'x-test-run';
let run = 0;
let stamping = false;

function stampRequests(): void {
  if (stamping) return;
  stamping = true;
  const fetchInPage = window.fetch;
  window.fetch = (input, init) => {
    const request = new Request(input, init);
    if (request.url.includes(API_PREFIX)) request.headers.set(RUN_HEADER, String(run));
    return fetchInPage(request);
  };
  const { open, send } = XMLHttpRequest.prototype;
  const urls = new WeakMap<XMLHttpRequest, string>();
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['open']>) {
    urls.set(this, String(args[1]));
    open.apply(this, args as Parameters<typeof open>);
  } as XMLHttpRequest['open'];
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    if (urls.get(this)?.includes(API_PREFIX)) this.setRequestHeader(RUN_HEADER, String(run));
    send.call(this, body);
  };
}

const refuseEarlierRuns = () =>
  http.all(
    ({ request }) => request.headers.has(RUN_HEADER) && request.headers.get(RUN_HEADER) !== String(run),
    () => new HttpResponse(null, { status: 410, statusText: 'Sent before the backend was reset' }),
  );

/** Starts the reference backend once per test file; call from `before`. */
export async function startBackend(): Promise<void> {
  stampRequests();
  await startMockBackend({ onUnhandledRequest: 'error' });
}

/** Back to the seed with the clock fixed at the seed's "now"; call from `beforeEach`. */
export async function resetBackend(): Promise<void> {
  run += 1;
  worker.resetHandlers(refuseEarlierRuns(), ...handlers);
  db.reset();
  db.setNow(SEED_NOW);
  await setDmpLocale('fr');
}

export function seededActor(id: string): Actor {
  const actor = ACTORS.find((a) => a.id === id);
  if (!actor) throw new Error(`No seeded actor ${id}`);
  return actor;
}

/**
 * Renders `content` inside a `<dmp-provider>` acting as the seeded actor `actorId` and returns
 * the first element of `content` (typed by the caller) with the provider.
 */
export async function mountInProvider<T extends HTMLElement>(
  content: TemplateResult,
  actorId: string,
  options: { locale?: 'fr' | 'en'; sessionTimeout?: number; secret?: boolean } = {},
): Promise<{ el: T; provider: DmpProvider }> {
  const provider = await fixture<DmpProvider>(
    Object.assign(document.createElement('dmp-provider'), {
      actor: seededActor(actorId),
      locale: options.locale ?? 'fr',
      sessionTimeout: options.sessionTimeout ?? 1800,
      secret: options.secret ?? false,
    }),
  );
  render(content, provider);
  await provider.updateComplete;
  // The provider starts loading the locale's strings; wait for them, so a test never reads a
  // half-translated element.
  await setDmpLocale(options.locale ?? 'fr');
  const el = provider.firstElementChild as T | null;
  if (!el) throw new Error('mountInProvider: the template rendered no element');
  if ('updateComplete' in el) await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return { el, provider };
}

/** The visible text of an element's shadow root, white space folded. */
export function shadowText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Runs `run` and gives the statuses the backend answered meanwhile to the GET requests whose path
 * ends with `suffix`: what went over the wire, which the element's rendering alone cannot tell.
 */
export async function answersTo<T>(suffix: string, run: () => Promise<T>): Promise<{ value: T; statuses: number[] }> {
  const statuses: number[] = [];
  const listener = ({ request, response }: { request: Request; response: Response }) => {
    if (request.method === 'GET' && new URL(request.url).pathname.endsWith(suffix)) statuses.push(response.status);
  };
  worker.events.on('response:mocked', listener);
  try {
    const value = await run();
    // The worker reports a response on its own schedule, possibly after the page has used it.
    await waitUntil(() => statuses.length > 0, `no answer to GET …${suffix}`);
    return { value, statuses };
  } finally {
    worker.events.removeListener('response:mocked', listener);
  }
}
