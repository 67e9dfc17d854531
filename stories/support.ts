import type { ArgTypes } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { waitFor } from 'storybook/test';
import manifest from '../custom-elements.json';
import { ACTORS } from '../mocks/data/index.js';
import type { FaultSpec } from '../mocks/db/faults.js';
import { db } from '../mocks/db/store.js';
import type { DmpProvider } from '../src/context/dmp-provider.element.js';
import '../src/context/dmp-provider.js';

/** The seeded actors a story can act as, for an `actor` control. */
const ACTOR_OPTIONS = ACTORS.map((a) => a.id ?? a.kind);

/** What a story may ask of the provider beside the actor and the locale (its attributes; the defaults when absent). */
export interface ProviderOptions {
  /** Seconds without activity before the session ends. */
  sessionTimeout?: number;
  /** Seconds before that end at which the provider warns. */
  sessionWarning?: number;
  /** Milliseconds a request may take. */
  requestTimeout?: number;
}

/** How long a Loading story's mock holds its answer: the state stays on screen for review. */
export const HOLD_MS = 10 * 60_000;

/** A Loading story's provider (its `parameters.provider`): it waits for the held answer rather than time out. */
export const HOLDING: ProviderOptions = { requestTimeout: HOLD_MS + 60_000 };

let storyOptions: ProviderOptions = {};

/** The preview's decorator hands each story's `parameters.provider` here, before the story renders. */
export function setStoryProviderOptions(options: ProviderOptions | undefined): void {
  storyOptions = options ?? {};
}

/** Wraps a story's element in a provider acting as a seeded actor, in a locale. */
export function inProvider(content: TemplateResult, actorId: string, locale: 'fr' | 'en' = 'fr', ownOptions: ProviderOptions = {}): TemplateResult {
  const actor = ACTORS.find((a) => a.id === actorId);
  const options = { ...storyOptions, ...ownOptions };
  return html`<dmp-provider base-url="/api/dmp/v1" locale=${locale} .actor=${actor}
    session-timeout=${ifDefined(options.sessionTimeout)} session-warning=${ifDefined(options.sessionWarning)}
    request-timeout=${ifDefined(options.requestTimeout)}>${content}</dmp-provider>`;
}

/** The provider's session, once it has ended. */
export function sessionEnded(canvas: HTMLElement): Promise<void> {
  return waitFor(
    () => {
      if (canvas.querySelector<DmpProvider>('dmp-provider')?.session.state !== 'expired') throw new Error('the session goes on');
    },
    { timeout: 10_000 },
  );
}

// The states every element shares (see DmpElement), one story each in every element's file.

/**
 * A provider whose `actor` the host has not set: the element says so, and shows nothing else. The
 * id is no seeded actor's, so inProvider gives the provider none.
 */
export const NO_USER = { args: { actor: 'nobody' } };

/** The session ended after inactivity (5 s here): no patient data is left on screen. */
export const SESSION_EXPIRED = {
  parameters: {
    provider: { sessionTimeout: 5 },
    // On the docs page, in a frame of its own: the session it ends is this story's only.
    docs: { story: { inline: false, height: '420px' } },
  },
  play: ({ canvasElement }: { canvasElement: HTMLElement }) => sessionEnded(canvasElement),
};

/** What the mock answers a read with, for `failedRead` (its method and path are the story's), and what the element then says. */
interface ReadFailure {
  fault: Omit<FaultSpec, 'method' | 'path'>;
  says: string;
}

/** The server no longer knows the user (a session or token ended on its side): 401, once, so that Retry then succeeds. */
export const UNAUTHORIZED: ReadFailure = { fault: { status: 401, times: 1 }, says: 'Le serveur n’a pas reconnu l’utilisateur : reconnectez-vous.' };

/**
 * Too many requests: a 429 asking to wait 1 s, at each of the client's tries of a read (three),
 * so that its retries are spent in about two seconds and the failure is the element's to say.
 */
export const RATE_LIMITED: ReadFailure = { fault: { status: 429, retryAfter: 1, times: 3 }, says: 'Trop de demandes : patientez un instant avant de réessayer.' };

/** A story whose element's read `GET path` meets `failure.fault`, over once the element says `failure.says` in `selector`. */
export function failedRead(tag: string, path: string, failure: ReadFailure, selector: string) {
  return {
    beforeEach: () => db.faults.add({ method: 'GET', path, ...failure.fault }),
    play: async ({ canvasElement }: { canvasElement: HTMLElement }) => void (await saying(canvasElement, tag, selector, failure.says)),
  };
}

/** The provider's session warning, once it is shown (after `session-timeout` − `session-warning` seconds). */
export function sessionWarningShown(canvas: HTMLElement, timeout = 8000): Promise<HTMLDialogElement> {
  return shown<HTMLDialogElement>(canvas, 'dmp-provider', 'dialog[part="session-warning"][open]', timeout);
}

// ---------------------------------------------------------------------------------------------
// Controls.

interface Named {
  name: string;
  kind?: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Named[];
  members?: Named[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
const DECLARATIONS = (manifest as unknown as { modules: Array<{ declarations?: Declaration[] }> }).modules.flatMap((m) => m.declarations ?? []);

/**
 * The argTypes of an element's stories. With `component` set, Storybook makes a row of the docs
 * table, and a control, of every attribute, property, event, CSS part and custom property that
 * custom-elements.json lists for it. The stories drive an element through its properties, by
 * their camelCase names (`patientIns`, `dateFrom`), which the render hands to the element as
 * attributes or properties: those are `args`, and keep their control. Every other row keeps its
 * documentation without a control, which would change nothing: an attribute (`patient-ins`) is
 * the same value as its property, and events, parts, custom properties and read-only properties
 * are no input.
 */
export function elementArgTypes(tag: string, args: object): ArgTypes {
  const declaration = DECLARATIONS.find((d) => d.tagName === tag);
  if (!declaration) throw new Error(`${tag} is not in custom-elements.json`);
  const driven = new Set(Object.keys(args));
  const listed = [
    ...(declaration.attributes ?? []),
    ...(declaration.members ?? []).filter((m) => m.kind !== 'method'),
    ...(declaration.events ?? []),
    ...(declaration.slots ?? []),
    ...(declaration.cssParts ?? []),
    ...(declaration.cssProperties ?? []),
  ];
  // The default slot has no name, and no row.
  return {
    ...Object.fromEntries(listed.filter((item) => item.name && !driven.has(item.name)).map((item) => [item.name, { control: false }])),
    // Every story's own: who is logged in to the provider around the element, and in which language.
    actor: { control: 'select', options: ACTOR_OPTIONS },
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
  };
}

// ---------------------------------------------------------------------------------------------
// Play functions: what a user does, once the element has drawn what they act on.

/** `selector` in the shadow root of the story's `tag` once it is drawn (the mock answers first). */
export function shown<T extends Element = HTMLElement>(canvas: HTMLElement, tag: string, selector: string, timeout = 8000): Promise<T> {
  return waitFor(
    () => {
      const found = canvas.querySelector(tag)?.shadowRoot?.querySelector<T>(selector);
      if (!found) throw new Error(`${tag}: ${selector} is not drawn yet`);
      return found;
    },
    { timeout },
  );
}

/** Like `shown`, once the element found also has some text (a message written in a live region). */
export function said<T extends Element = HTMLElement>(canvas: HTMLElement, tag: string, selector: string, timeout = 8000): Promise<T> {
  return waitFor(
    () => {
      const found = canvas.querySelector(tag)?.shadowRoot?.querySelector<T>(selector);
      if (!found?.textContent?.trim()) throw new Error(`${tag}: ${selector} says nothing yet`);
      return found;
    },
    { timeout },
  );
}

/** Like `shown`, once one of the elements `selector` finds says `text` (among other words, maybe). */
export function saying<T extends Element = HTMLElement>(canvas: HTMLElement, tag: string, selector: string, text: string, timeout = 8000): Promise<T> {
  return waitFor(
    () => {
      const found = [...(canvas.querySelector(tag)?.shadowRoot?.querySelectorAll<T>(selector) ?? [])].find((e) => e.textContent?.includes(text));
      if (!found) throw new Error(`${tag}: no ${selector} says « ${text} » yet`);
      return found;
    },
    { timeout },
  );
}

/** Types `value` into a field as a user would: `input`, then `change`. */
export function fill(field: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Chooses a file in a file input, as the file picker would. */
export function choose(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A small but well-formed one-page PDF, to upload. */
export function smallPdf(name = 'compte-rendu.pdf'): File {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return new File([body], name, { type: 'application/pdf' });
}
