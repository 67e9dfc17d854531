import { expect, html } from '@open-wc/testing';
import { PATIENT_ADULT, PATIENT_MINOR, PATIENT_NO_DOSSIER, PREVENTION_DURAND, SYNTHESIS_V2 } from '../../mocks/data/index.js';
import { etagOf as preventionEtagOf } from '../../mocks/handlers/prevention.js';
import { etagOf } from '../../mocks/handlers/synthesis.js';
import '../../src/elements/dmp-break-glass/dmp-break-glass.js';
import '../../src/elements/dmp-dossier-create/dmp-dossier-create.js';
import '../../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import type { EditorContent } from '../../src/elements/dmp-synthesis-editor/entries.js';
import { alias, button, check, db, find, get, guardian, mount, shadowRoots, typeIn, until, visibleText, waitFor, suiteHooks } from './support.js';

const ADULT = PATIENT_ADULT.identity.ins;
const DOSAGE = 'treatments:tt-metformine:dosage';

/** A JSON-ish text of any value, cycles and DOM nodes cut, so a secret anywhere inside is found. */
function textOf(value: unknown, depth = 0, seen = new WeakSet<object>()): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value !== 'object') return String(value);
  if (seen.has(value) || depth > 6) return '';
  seen.add(value);
  if (value instanceof Node) return value instanceof Element ? value.localName : '';
  if (value instanceof Error) return `${value.name}: ${value.message} ${textOf((value as { cause?: unknown }).cause, depth + 1, seen)}`;
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return entries.map(([k, v]) => `${textOf(k, depth + 1, seen)}=${textOf(v, depth + 1, seen)}`).join(',');
}

/** Everything every IndexedDB database of this origin holds: keys and values of each store. */
async function indexedDbContents(): Promise<Array<{ db: string; store: string; key: IDBValidKey; value: unknown }>> {
  const out: Array<{ db: string; store: string; key: IDBValidKey; value: unknown }> = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const connection = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      for (const store of connection.objectStoreNames) {
        const tx = connection.transaction(store, 'readonly');
        const [keys, values] = await Promise.all(
          [tx.objectStore(store).getAllKeys(), tx.objectStore(store).getAll()].map(
            (request) =>
              new Promise<unknown[]>((resolve, reject) => {
                request.onsuccess = () => resolve(request.result as unknown[]);
                request.onerror = () => reject(request.error);
              }),
          ),
        );
        keys!.forEach((key, i) => out.push({ db: info.name!, store, key: key as IDBValidKey, value: values![i] }));
      }
    } finally {
      connection.close();
    }
  }
  return out;
}

/** The drafts of this suite's authors, by key (other test files running alongside keep theirs). */
async function drafts(): Promise<Map<string, Record<string, unknown>>> {
  const all = await indexedDbContents();
  return new Map(
    all
      .filter((e) => e.db === 'dmp-elements' && e.store === 'drafts' && /^(professional:ps-martin|legal-representative:rep)~storage\|/.test(String(e.key)))
      .map((e) => [String(e.key), e.value as Record<string, unknown>]),
  );
}

/** What a flow could have left in the browser beside IndexedDB. */
function webStorage(): string {
  const dump = (s: Storage) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`);
  return [...dump(localStorage), ...dump(sessionStorage), `url=${location.href}`, `cookie=${document.cookie}`, `history=${textOf(history.state)}`].join('\n');
}

/** Every console call and every event dispatched anywhere while it is on. */
class Recorder {
  readonly console: string[] = [];
  readonly events: Array<{ type: string; text: string }> = [];
  private readonly restore: Array<() => void> = [];

  start(): this {
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'table', 'dir'] as const) {
      const original = console[method];
      console[method] = (...args: unknown[]) => {
        this.console.push(`${method}: ${args.map((a) => textOf(a)).join(' ')}`);
        (original as (...a: unknown[]) => void).apply(console, args);
      };
      this.restore.push(() => (console[method] = original));
    }
    const dispatch = EventTarget.prototype.dispatchEvent;
    const events = this.events;
    EventTarget.prototype.dispatchEvent = function (event: Event) {
      events.push({ type: event.type, text: textOf((event as CustomEvent).detail) });
      return dispatch.call(this, event);
    };
    this.restore.push(() => (EventTarget.prototype.dispatchEvent = dispatch));
    return this;
  }

  stop(): void {
    for (const undo of this.restore.splice(0).reverse()) undo();
  }
}

let recorder: Recorder | undefined;

/** No draft is stored, once past the editor's draft delay (500 ms): one that was going to be written would be there. */
async function expectNoDraftLeft(): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, 700));
  const left = [...(await drafts()).keys()];
  expect(left.length, `drafts left after logout: ${left.join(', ')}`).to.equal(0);
}

describe('secrets and storage', () => {
  suiteHooks('storage', [ADULT, PATIENT_MINOR.identity.ins]);
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => {
    recorder?.stop();
    recorder = undefined;
  });

  describe('credentials of a new dossier', () => {
    async function createDossier() {
      const before = webStorage();
      recorder = new Recorder().start();
      const m = await mount<HTMLElement>(
        html`<dmp-dossier-create nir=${PATIENT_NO_DOSSIER.ins} ins-status="QUAL" .traits=${PATIENT_NO_DOSSIER.traits}></dmp-dossier-create>`,
        'ps-dubois',
      );
      button(m.el, 'Rechercher un DMP existant').click();
      await until(m.el, 'information et consentement');
      await typeIn(m.el, '#email', 'pa.santoni@example.org');
      await check(m.el, '#consent');
      button(m.el, 'Créer le DMP').click();
      const sheet = await waitFor(() => find(m.el, '[data-credential="password"]'), () => `no credentials sheet: ${visibleText(m.el).slice(0, 300)}`);
      const password = sheet.textContent!.trim();
      const identifier = get(m.el, '[data-credential="identifier"]').textContent!.trim();
      expect(password, 'the temporary password').to.have.length.greaterThan(7);
      return { m, password, identifier, before };
    }

    async function assertNowhere(secret: string, before: string, label: string): Promise<void> {
      expect(webStorage(), `${label} in web storage, the URL, cookies or history`).not.to.contain(secret);
      expect(webStorage(), 'storage written by the flow').to.equal(before);
      const stored = await indexedDbContents();
      expect(textOf(stored), `${label} in IndexedDB`).not.to.contain(secret);
      expect(recorder!.console.join('\n'), `${label} on the console`).not.to.contain(secret);
      const leaking = recorder!.events.filter((e) => e.text.includes(secret)).map((e) => e.type);
      expect(leaking, `events carrying the ${label}`).to.deep.equal([]);
    }

    it('the temporary password reaches no storage, URL, console output or event, during the flow and after it', async () => {
      const { m, password, before } = await createDossier();
      const types = new Set(recorder!.events.map((e) => e.type));
      for (const type of ['dmp-dossier-create-request', 'dmp-dossier-created', 'dmp-data-changed']) expect(types, `${type} was dispatched`).to.include(type);
      await assertNowhere(password, before, 'password');
      // The element's attributes and the provider's state do not keep it either.
      const attributes = [m.el, m.provider].flatMap((e) => [...e.attributes].map((a) => a.value)).join(' ');
      expect(attributes).not.to.contain(password);
      expect(textOf(m.provider.session)).not.to.contain(password);
      button(m.el, 'Terminé').click();
      await until(m.el, 'Ses identifiants ne sont plus affichés.');
      expect(shadowRoots(m.el).map((r) => r.innerHTML).join('')).not.to.contain(password);
      await assertNowhere(password, before, 'password');
    });

    it('on logout the password leaves the page, and a new login does not bring it back', async () => {
      const { m, password, before } = await createDossier();
      await m.provider.logout();
      await until(m.el, 'Session expirée');
      expect(shadowRoots(m.el).map((r) => r.innerHTML).join('')).not.to.contain(password);
      m.provider.resume();
      await (m.el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(visibleText(m.el), 'the sheet after a new login').not.to.contain(password);
      await assertNowhere(password, before, 'password');
    });
  });

  describe('drafts', () => {
    async function editSynthesis(text: string) {
      const m = await mount<HTMLElement>(html`<dmp-synthesis-editor patient-ins=${ADULT}></dmp-synthesis-editor>`, alias('ps-martin', 'storage'));
      await waitFor(() => find(m.el, '[data-action="edit"]'), 'the synthesis never loaded');
      get(m.el, '[data-action="edit"]').click();
      await waitFor(() => find(m.el, `[data-key="${DOSAGE}"]`), 'the editor never opened');
      await typeIn(m.el, `[data-key="${DOSAGE}"]`, text);
      return m;
    }

    async function draftOn(key: string): Promise<Record<string, unknown>> {
      let found: Record<string, unknown> | undefined;
      let reading = false;
      await waitFor(
        () => {
          if (!reading) {
            reading = true;
            void drafts().then((all) => {
              found = all.get(key);
              reading = false;
            });
          }
          return found;
        },
        `no draft under ${key}`,
      );
      return found!;
    }

    it('the synthesis draft holds only the typed content, its base version and when it was saved, under author|ins', async () => {
      const before = webStorage();
      await editSynthesis('1 comprimé matin et soir, pendant le repas');
      const key = `professional:ps-martin~storage|${ADULT}|synthesis`;
      const draft = await draftOn(key);
      expect([...(await drafts()).keys()], 'draft keys').to.deep.equal([key]);
      expect(Object.keys(draft).sort()).to.deep.equal(['baseEtag', 'baseVersion', 'companion', 'content', 'savedAt']);
      // The vaccinations and screenings the edits started from, as the server sent them.
      expect(draft.companion).to.deep.equal({ etag: preventionEtagOf(db.prevention.get(ADULT)!.at(-1)!), version: 1, content: PREVENTION_DURAND.content });
      expect(draft.baseVersion).to.equal(SYNTHESIS_V2.version);
      expect(draft.baseEtag, 'the ETag the server sent with version 2').to.equal(etagOf(db.syntheses.get(ADULT)!.at(-1)!));
      expect(Number.isNaN(Date.parse(String(draft.savedAt))), 'savedAt is a date').to.equal(false);
      // The server's version with exactly the one change typed: nothing else of the page or the user.
      const expected: EditorContent = structuredClone({ ...SYNTHESIS_V2.content, ...PREVENTION_DURAND.content });
      expected.treatments = expected.treatments.map((t) => (t.id === 'tt-metformine' ? { ...t, dosage: '1 comprimé matin et soir, pendant le repas' } : t));
      expect(draft.content).to.deep.equal(expected);
      expect(webStorage(), 'the draft went to web storage').to.equal(before);
    });

    it('a draft is for one patient: another patient of the same author gets their own key', async () => {
      await editSynthesis('Dose du matin seulement');
      await draftOn(`professional:ps-martin~storage|${ADULT}|synthesis`);
      const other = await mount<HTMLElement>(html`<dmp-synthesis-editor patient-ins=${PATIENT_MINOR.identity.ins}></dmp-synthesis-editor>`, alias('ps-martin', 'storage'));
      await waitFor(() => find(other.el, '[data-action="edit"]'), 'the other synthesis never loaded');
      expect(visibleText(other.el)).not.to.contain('Dose du matin seulement');
      expect([...(await drafts()).keys()]).to.deep.equal([`professional:ps-martin~storage|${ADULT}|synthesis`]);
    });

    it('the profile draft kept after a failed save holds only what was typed, under author|ins|profile', async () => {
      const before = webStorage();
      const m = await mount<HTMLElement>(html`<dmp-patient-profile patient-ins=${ADULT}></dmp-patient-profile>`, guardian(ADULT, 'storage'));
      await waitFor(() => find(m.el, '#edit'), 'the profile never loaded');
      get(m.el, '#edit').click();
      await waitFor(() => find(m.el, '#organ-note'), 'the form never opened');
      await typeIn(m.el, '#organ-note', 'Je souhaite en parler avec ma fille.');
      db.faults.add({ method: 'POST', path: '/documents$', status: 500 });
      get<HTMLFormElement>(m.el, 'form.profile-form').requestSubmit();
      await until(m.el, 'Votre saisie est conservée dans ce formulaire et sur cet appareil');
      const key = `legal-representative:rep~storage|${ADULT}|profile`;
      const draft = await draftOn(key);
      expect([...(await drafts()).keys()]).to.deep.equal([key]);
      expect(Object.keys(draft).sort()).to.deep.equal(['baseEtag', 'baseVersion', 'content', 'savedAt']);
      expect(draft.baseEtag).to.equal('doc-durand-informations');
      const content = draft.content as { organDonation: { note: string }; allergies: Array<{ agent: string }> };
      expect(content.organDonation.note).to.equal('Je souhaite en parler avec ma fille.');
      // The rest is the stored profile as the form shows it, nothing else.
      expect(content.allergies.map((a) => a.agent)).to.deep.equal(['Pénicillines (amoxicilline)', 'Codéine']);
      expect(textOf(draft)).not.to.contain('Bearer');
      expect(webStorage()).to.equal(before);
    });

    it('the failed-save alert never says the edits are not on the device when they are', async () => {
      const m = await mount<HTMLElement>(html`<dmp-patient-profile patient-ins=${ADULT}></dmp-patient-profile>`, guardian(ADULT, 'storage'));
      await waitFor(() => find(m.el, '#edit'), 'the profile never loaded');
      get(m.el, '#edit').click();
      await waitFor(() => find(m.el, '#organ-note'), 'the form never opened');
      await typeIn(m.el, '#organ-note', 'Une note qui doit rester.');
      // Every version of the alert a screen reader may announce, not only the last one.
      const announced: string[] = [];
      const observer = new MutationObserver(() => {
        const alert = find(m.el, '.save-error');
        if (alert) announced.push(alert.textContent!.replace(/\s+/g, ' ').trim());
      });
      observer.observe(m.el.shadowRoot!, { subtree: true, childList: true, characterData: true });
      db.faults.add({ method: 'POST', path: '/documents$', status: 500 });
      get<HTMLFormElement>(m.el, 'form.profile-form').requestSubmit();
      try {
        await until(m.el, 'Votre saisie est conservée dans ce formulaire et sur cet appareil');
      } finally {
        observer.disconnect();
      }
      await draftOn(`legal-representative:rep~storage|${ADULT}|profile`);
      const wrong = announced.filter((text) => text.includes('pas sur cet appareil'));
      expect(wrong.length, `alerts saying the edits are not on the device while they are: ${wrong.join(' | ')}`).to.equal(0);
    });

    it('provider.logout() deletes every draft on this device, and the elements show nothing of the patient', async () => {
      const m = await editSynthesis('À effacer à la déconnexion');
      await draftOn(`professional:ps-martin~storage|${ADULT}|synthesis`);
      await m.provider.logout();
      const left = [...(await drafts()).keys()];
      expect(left.length, `drafts left after logout: ${left.join(', ')}`).to.equal(0);
      await until(m.el, 'Session expirée');
      expect(visibleText(m.el)).not.to.contain('Hypertension');
    });

    it('after logout and a new login, the discarded edits are not shown again', async () => {
      const m = await editSynthesis('À effacer à la déconnexion');
      await draftOn(`professional:ps-martin~storage|${ADULT}|synthesis`);
      await m.provider.logout();
      m.provider.resume();
      await waitFor(() => find(m.el, '[part="base"]:not(.skeleton)'), 'the synthesis never loaded again');
      const values = shadowRoots(m.el).flatMap((r) => [...r.querySelectorAll<HTMLInputElement>('input, textarea')].map((c) => c.value));
      const shown = [visibleText(m.el), ...values].join('\n').includes('À effacer à la déconnexion');
      expect(shown, 'the edits discarded by the logout are shown again after the new login').to.equal(false);
    });

    it('a logout right after typing leaves no draft behind, even once the element is gone', async () => {
      const m = await editSynthesis('Tapé juste avant de se déconnecter');
      // The draft is written 0.5 s after the last keystroke: the logout comes first.
      await m.provider.logout();
      m.provider.remove();
      await expectNoDraftLeft();
    });

    it('a logout with the editor removed at once, before it could update, leaves no draft behind', async () => {
      const m = await editSynthesis('Tapé, déconnecté, retiré');
      const loggedOut = m.provider.logout();
      // The host tears the page down in the same task: the editor never renders the ended session.
      m.el.remove();
      await loggedOut;
      await expectNoDraftLeft();
    });

    it('nor when the next session starts in that same task, before the editor is removed', async () => {
      const m = await editSynthesis('Tapé, déconnecté, reconnecté, retiré');
      const loggedOut = m.provider.logout();
      // A kiosk hands over at once: the session is active again when the editor leaves the page.
      m.provider.resume();
      m.el.remove();
      await loggedOut;
      await expectNoDraftLeft();
    });
  });

  describe('emergency access', () => {
    it('the grant and the justification stay out of storage and the URL', async () => {
      const before = webStorage();
      recorder = new Recorder().start();
      const m = await mount<HTMLElement>(html`<dmp-break-glass patient-ins=${ADULT}></dmp-break-glass>`, 'ps-morel');
      await waitFor(() => find(m.el, '#justification'), 'the form never showed');
      await typeIn(m.el, '#justification', 'Arrêt cardio-respiratoire, patiente inconsciente.');
      await check(m.el, '#confirm');
      get<HTMLFormElement>(m.el, 'form').requestSubmit();
      await until(m.el, 'Accès d’urgence accordé jusqu’au');
      const grant = m.provider.session.emergencyGrants[0]!;
      expect(webStorage()).to.equal(before);
      const stored = textOf(await indexedDbContents());
      expect(stored).not.to.contain(grant.id);
      expect(stored).not.to.contain('Arrêt cardio-respiratoire');
      expect(recorder.console.join('\n')).not.to.contain(grant.id);
      await m.provider.logout();
      expect(m.provider.session.emergencyGrants[0], 'the grant after logout').to.equal(undefined);
    });
  });
});
