import { expect, html } from '@open-wc/testing';
import { http, passthrough } from 'msw';
import { PATIENT_ADULT, PATIENT_MINOR } from '../../mocks/data/index.js';
import { SYNTHESIS_CONTENT_V1 } from '../../mocks/data/synthesis.js';
import { draftKey, writeDraft } from '../../src/drafts/draft-store.js';
import type { DmpPatientProfile } from '../../src/elements/dmp-patient-profile/dmp-patient-profile.element.js';
import type { DmpSynthesisEditor } from '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.element.js';
import type { Actor } from '../../src/model/actor.js';
import { API_PREFIX } from '../../src/model/routes.js';
import type { SynthesisContent } from '../../src/model/synthesis.js';
import type { DmpProvider } from '../../src/context/dmp-provider.element.js';
import { alias, db, find, get, guardian, mount, seededActor, settle, shadowRoots, typeIn, until, visibleText, waitFor, worker, type Mounted, suiteHooks } from './support.js';

/*
 * What the `lazy-races-*.test.ts` files share. The elements fetch their form checks (a module
 * loaded with import()) after their first load, and a Save clicked before they arrive waits for
 * them. Those files hold the first fetch of an element's checks open in the service worker, let
 * the user act during the wait, then let the checks in. A module is fetched once per page and
 * each test file runs in a page of its own: a file holds each element's checks in one test at
 * most, and no other test of that file may fetch them first. The state kept here (`seen`, the
 * holds) is thus one file's, never shared with the files running in parallel.
 */

export const ADULT = PATIENT_ADULT.identity.ins;
/** The minor has no declared profile yet: the profile shows without waiting for its checks. */
export const MINOR = PATIENT_MINOR.identity.ins;

/** What the user types in the profile and the synthesis before saving: a test looks for it afterwards, where it must not be, or must. */
const NOTE = 'Prévenir ma mère avant toute décision.';
export const DOSAGE = '1 comprimé matin, midi et soir';
/** The synthesis field the user edits: metformin's dosage, in the seeded synthesis of the adult. */
export const DOSAGE_FIELD = '[data-key="treatments:tt-metformine:dosage"]';

/**
 * What the service worker saw during the current test: writes to the backend (a race lost shows
 * as one sent, or sent twice), and modules that came in (to tell that the checks did not arrive
 * before the user acted).
 */
export const seen = { writes: [] as string[], modules: [] as string[] };
/** Holds still open when a test ends (it failed before releasing them): let go, so the page is not left waiting. */
const holds: Array<() => void> = [];

function watch(): () => void {
  const onStart = ({ request }: { request: Request }) => {
    const path = new URL(request.url).pathname;
    if (request.method !== 'GET' && path.startsWith(API_PREFIX)) seen.writes.push(`${request.method} ${path}`);
  };
  const onBypass = ({ request }: { request: Request }) => void seen.modules.push(new URL(request.url).pathname);
  worker.events.on('request:start', onStart);
  worker.events.on('response:bypass', onBypass);
  return () => {
    worker.events.removeListener('request:start', onStart);
    worker.events.removeListener('response:bypass', onBypass);
  };
}

/**
 * The hooks of a file's `describe`: the drafts reset are those of the file's own actors
 * (`<id>~<tag>`), since the drafts are shared with the files running in parallel; `seen` starts
 * empty for each test; holds a failed test left open are let go.
 */
export function raceHooks(tag: string, inses: readonly string[]): void {
  suiteHooks(tag, inses);
  let unwatch: () => void;
  before(() => {
    unwatch = watch();
  });
  after(() => unwatch());
  beforeEach(() => {
    seen.writes = [];
    seen.modules = [];
  });
  afterEach(() => holds.splice(0).forEach((release) => release()));
}

/** A promise a test resolves with `release()`; let go after the test anyway, should it fail first. */
export function gate(): { released: Promise<void>; release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  holds.push(release);
  return { released, release };
}

export interface Hold {
  /** The browser asked for the module. */
  asked(): boolean;
  /** Its answer came in (only after `release()`). */
  arrived(): boolean;
  release(): void;
  /** Resolves once the module is in and run: the element's own wait for it is over by then. */
  evaluated(): Promise<void>;
}

/**
 * The first request for the module `path` (e.g. `dmp-consent-panel/validation`) waits until
 * `release()`, then goes to the dev server. Only the first: the page keeps the module once in.
 */
export function holdOnce(path: string): Hold {
  let url: string | undefined;
  const { released, release } = gate();
  worker.use(
    http.get(
      `*/${path}.*`,
      async ({ request }) => {
        url = request.url;
        await released;
        return passthrough();
      },
      { once: true },
    ),
  );
  return {
    asked: () => url !== undefined,
    arrived: () => seen.modules.some((p) => p.includes(`/${path}.`)),
    release,
    evaluated: async () => {
      // The same URL is the same module: this import waits for the element's fetch, it fetches nothing.
      await import(url!);
    },
  };
}


/**
 * Lets the held checks in and waits until a save they held up would have gone out, so that a
 * test can then tell that none did.
 */
export async function letChecksIn(checks: Hold): Promise<void> {
  checks.release();
  await checks.evaluated();
  await settle();
}

/** Whether `text` is shown by the element, in its text or in one of its fields: what was typed for one patient must not be shown for another. */
function shows(el: Element, text: string): boolean {
  const values = shadowRoots(el).flatMap((root) => [...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((c) => c.value));
  return visibleText(el).includes(text) || values.includes(text);
}

/**
 * What must hold once a profile saved for the minor was moved by the host to the adult and all is
 * in: nothing written for either patient, and the minor's note not shown on the adult's profile.
 */
export function expectNothingCarriedToAdult(el: Element): void {
  expect(seen.writes, 'the write requests').to.deep.equal([]);
  expect(db.documentsOf(MINOR).filter((d) => d.typeCode === 'EXPPAT_2')).to.deep.equal([]);
  expect(db.documentsOf(ADULT).filter((d) => d.typeCode === 'EXPPAT_2').map((d) => d.id)).to.deep.equal(['doc-durand-informations']);
  expect(shows(el, NOTE), 'the note is shown for the adult').to.equal(false);
}

/**
 * What must hold once a synthesis saved for the adult was moved by the host to the minor and all
 * is in: no version saved for either patient, and the adult's edit not shown for the minor.
 */
export function expectNothingCarriedToMinor(el: Element): void {
  expect(seen.writes, 'the write requests').to.deep.equal([]);
  expect(db.syntheses.get(ADULT)!.map((s) => s.version)).to.deep.equal([1, 2]);
  expect(db.syntheses.get(MINOR)).to.equal(undefined);
  expect(visibleText(el)).not.to.match(/Version \d+ enregistrée/);
  expect(shows(el, DOSAGE), 'the edit is shown for the minor').to.equal(false);
}

/** An element mounted with the first fetch of its checks held open, once it has asked for them. */
export interface Held<T extends HTMLElement> extends Mounted<T> {
  checks: Hold;
}

/** The same with the user's edits typed in a form. */
export interface Edited<T extends HTMLElement> extends Held<T> {
  /** The form's Save button as drawn now: once the session has ended and come back, the form is drawn anew, with another one. */
  save: HTMLButtonElement;
}

/** Clicks Save and waits until the element says it is saving: the save is then waiting for the checks. Returns `m`. */
export async function clickSave<T extends HTMLElement>(m: Edited<T>): Promise<Edited<T>> {
  m.save.click();
  await until(m.el, 'Enregistrement…');
  return m;
}

/**
 * Ends the session by `end` (a logout, or the expiry), the checks still held, then lets them in:
 * whatever the user had asked for must not be sent once the session is over.
 */
export async function sessionEndsWhileChecksLoad(m: Held<HTMLElement>, end: () => Promise<void>): Promise<void> {
  await end();
  await until(m.el, 'Session expirée');
  expect(m.checks.arrived(), 'the checks arrived before the session ended').to.equal(false);
  await letChecksIn(m.checks);
  expect(seen.writes, 'the write requests').to.deep.equal([]);
}

/**
 * The minor's profile, its form open and `NOTE` typed, as the file's own guardian (`rep~<tag>`),
 * its checks still loading: the user can click Save now.
 */
export async function profileEdited(tag: string): Promise<Edited<DmpPatientProfile>> {
  const checks = holdOnce('dmp-patient-profile/checks');
  const m = await mount<DmpPatientProfile>(html`<dmp-patient-profile patient-ins=${MINOR}></dmp-patient-profile>`, guardian(MINOR, tag));
  const { el } = m;
  await waitFor(() => find(el, '#edit'), 'the profile never loaded');
  await waitFor(() => checks.asked(), 'the checks were not fetched as the element appeared');
  get(el, '#edit').click();
  await waitFor(() => find(el, '#organ-note'), 'the form never opened');
  await typeIn(el, '#organ-note', NOTE);
  return { ...m, checks, save: get<HTMLButtonElement>(el, 'form.profile-form button[type="submit"]') };
}

/**
 * The adult's synthesis in the editor, `DOSAGE` typed, as the file's own Dr Martin
 * (`ps-martin~<tag>`), its checks still loading: the user can click Save now.
 */
export async function synthesisEdited(tag: string): Promise<Edited<DmpSynthesisEditor>> {
  const checks = holdOnce('dmp-synthesis-editor/schema-check');
  const m = await mount<DmpSynthesisEditor>(html`<dmp-synthesis-editor patient-ins=${ADULT}></dmp-synthesis-editor>`, alias('ps-martin', tag));
  const { el } = m;
  await waitFor(() => find(el, '[data-action="edit"]'), 'the synthesis never loaded');
  await waitFor(() => checks.asked(), 'the checks were not fetched once the author’s synthesis was loaded');
  get(el, '[data-action="edit"]').click();
  await waitFor(() => find(el, DOSAGE_FIELD), 'the form never came');
  await typeIn(el, DOSAGE_FIELD, DOSAGE);
  return { ...m, checks, save: get<HTMLButtonElement>(el, '[data-action="save"]') };
}

/**
 * The consent panel of the adult as `actor`, `email` typed in the notification settings, its
 * checks (fetched as the user enters a form) still loading: the user can submit now.
 */
export async function consentTyped(actor: string | Actor, email: string): Promise<Held<HTMLElement>> {
  const checks = holdOnce('dmp-consent-panel/validation');
  const m = await mount(html`<dmp-consent-panel patient-ins=${ADULT}></dmp-consent-panel>`, actor);
  await waitFor(() => find(m.el, '#notify-email'), 'the panel never loaded');
  await typeIn(m.el, '#notify-email', email);
  await waitFor(() => checks.asked(), 'the checks were not fetched as the user entered a form');
  return { ...m, checks };
}

/**
 * Jeanne submits new notification settings while the panel's checks load, and `handOver` gives
 * the page to another user during that wait: nothing may be sent, and once she is back the
 * panel shows her saved address, not the one she had typed.
 */
export async function consentHandedOver(handOver: (provider: DmpProvider) => Promise<void>): Promise<void> {
  const saved = db.dossiers.get(ADULT)!.notificationPreferences.email;
  const m = await consentTyped('pat-durand-jeanne', 'jeanne.d@example.org');
  get(m.el, '#notifications button[type="submit"]').click();
  await handOver(m.provider);
  await m.provider.updateComplete;
  expect(m.checks.arrived(), 'the checks arrived before the user changed').to.equal(false);
  await letChecksIn(m.checks);
  expect(seen.writes, 'the write requests').to.deep.equal([]);
  expect(db.dossiers.get(ADULT)!.notificationPreferences.email).to.equal(saved);
  m.provider.actor = seededActor('pat-durand-jeanne');
  const field = await waitFor(() => find<HTMLInputElement>(m.el, '#notify-email'), 'the panel never came back');
  expect(field.value).to.equal(saved);
}

/** The kardegic dosage in the draft left on version 1 (see `overwriteChosen`). */
export const DRAFT_DOSAGE = 'Dose écrite avant la version 2';

/**
 * Edits the author left on this device on version 1, while someone has saved version 2 since:
 * the editor opens on them straight into the conflict panel, as soon as the synthesis is loaded,
 * which may thus be shown before the checks arrive.
 */
async function draftOnVersion1(tag: string): Promise<void> {
  const content: SynthesisContent = structuredClone(SYNTHESIS_CONTENT_V1);
  content.treatments = content.treatments.map((t) => (t.id === 'tt-kardegic' ? { ...t, dosage: DRAFT_DOSAGE } : t));
  await writeDraft(draftKey(`professional:ps-martin~${tag}`, ADULT), { content, baseEtag: '"vsm-1-old"', baseVersion: 1, savedAt: '2026-11-19T08:00:00.000Z' });
}

/**
 * Confirms "Écraser" in the open dialog. The choice runs on the dialog's close event, a task
 * after the click: this resolves once the element has handled it, so that what the test does
 * next comes after the choice, as it would for a user.
 */
async function confirmOverwrite(el: Element): Promise<void> {
  const dialog = await waitFor(() => find<HTMLDialogElement>(el, 'dialog[open]'), 'the confirmation never opened');
  expect(dialog.textContent).to.contain('Remplacer la version 2');
  const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
  dialog.querySelector<HTMLButtonElement>('button[value="confirm"]')!.click();
  await closed;
}

/**
 * The editor opened on the file's own Dr Martin's draft on version 1, and "Écraser" chosen on the
 * conflict with version 2, its checks still loading: "Écraser" waits for them.
 */
export async function overwriteChosen(tag: string): Promise<Held<DmpSynthesisEditor>> {
  const checks = holdOnce('dmp-synthesis-editor/schema-check');
  await draftOnVersion1(tag);
  const m = await mount<DmpSynthesisEditor>(html`<dmp-synthesis-editor patient-ins=${ADULT}></dmp-synthesis-editor>`, alias('ps-martin', tag));
  const { el } = m;
  await waitFor(() => find(el, '.conflict [data-action="overwrite"]'), () => `no conflict panel: ${visibleText(el).slice(0, 300)}`);
  await waitFor(() => checks.asked(), 'the checks were not fetched once the author’s synthesis was loaded');
  get(el, '[data-action="overwrite"]').click();
  await confirmOverwrite(el);
  return { ...m, checks };
}
