/**
 * Unsaved edits kept on this device (IndexedDB) so they survive a reload, a crash or a session
 * expiry (DECISIONS.md 10); in the page only, when the device refuses to store them. Keys name
 * their author, so a draft is offered again only to the person who wrote it; `clearDraftsOf`
 * runs on their explicit logout.
 */

import type { Actor } from '../model/actor.js';
import { actorKey } from '../model/actor-key.js';

const DB_NAME = 'dmp-elements';
const STORE = 'drafts';

/** A draft of a versioned document: the edited content and the version it started from. */
export interface Draft<T> {
  content: T;
  /** ETag of the version the edits started from; null when there was none yet. */
  baseEtag: string | null;
  /** Number of that version; null when there was none yet. */
  baseVersion: number | null;
  /** When the draft was last written (ISO date-time). */
  savedAt: string;
  /**
   * A second document edited in the same form (the prevention record beside the synthesis): the
   * version its edits started from, content included, so that they can be merged later.
   */
  companion?: { etag: string | null; version: number | null; content: unknown } | undefined;
  /** Set on a draft read back from the page, which the device could not store: a reload loses it. */
  inPage?: true | undefined;
}

/**
 * Who a draft belongs to: the actor's kind and id (a professional's RPPS when they have none).
 * The kind is part of it because ids need only be unique within one: a patient and a
 * professional both known as `42` to the host must not read each other's drafts. Actors the
 * schema lets go without an id (administrative staff, an insurer…) write nothing a draft would
 * keep; their kind still names them, so that the elements load for them.
 */
export function draftAuthor(actor: Actor | undefined): string {
  return actorKey(actor);
}

/** `author|ins|kind`: one draft per author, patient and kind of document. */
export function draftKey(authorKey: string, ins: string, kind = 'synthesis'): string {
  return `${authorKey}|${ins}|${kind}`;
}

let connection: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  connection ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available'));
      return;
    }
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading or deleting the database must not be blocked by this one.
      db.onversionchange = () => {
        db.close();
        connection = undefined;
      };
      // Closed by the browser (site data cleared, the disk gone): the next draft opens a new one.
      db.onclose = () => {
        connection = undefined;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
  });
  // A failed open is retried on the next call rather than cached.
  connection.catch(() => {
    connection = undefined;
  });
  return connection;
}

async function run<R>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<R>, again = true): Promise<R> {
  const db = await open();
  let tx: IDBTransaction;
  try {
    tx = db.transaction(STORE, mode);
  } catch (error) {
    // A connection closed without telling (some browsers on a lost connection): one new try,
    // rather than no draft kept until the page is reloaded.
    connection = undefined;
    if (!again) throw error;
    return run(mode, act, false);
  }
  return new Promise<R>((resolve, reject) => {
    const request = act(tx.objectStore(STORE));
    // Resolve on completion, not on the request's success: only then is a write durable.
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? request.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/**
 * Drafts the device could not store (IndexedDB refused or missing), kept for the life of the
 * page: a host switching to another patient and back still finds the edits. The write still
 * fails, so the element says they are not on the device (a reload would lose them).
 */
const unstored = new Map<string, Draft<unknown>>();

/** The draft stored under `key`, if any: the one the device could not store first, being newer. */
export async function readDraft<T>(key: string): Promise<Draft<T> | undefined> {
  const kept = unstored.get(key);
  if (kept) return { ...structuredClone(kept), inPage: true } as Draft<T>;
  return (await run('readonly', (store) => store.get(key))) as Draft<T> | undefined;
}

/** Stores (or replaces) the draft under `key`; rejects when the device cannot, the draft then kept in the page. */
export async function writeDraft<T>(key: string, { inPage: _read, ...draft }: Draft<T>): Promise<void> {
  try {
    await run('readwrite', (store) => store.put(draft, key));
    unstored.delete(key);
  } catch (error) {
    unstored.set(key, structuredClone(draft));
    throw error;
  }
}

/** Forgets the draft under `key` (after a successful save or an explicit discard). */
export async function deleteDraft(key: string): Promise<void> {
  unstored.delete(key);
  await run('readwrite', (store) => store.delete(key));
}

/**
 * Forgets every draft on this device, for every author. For a host whose users sign out
 * elsewhere (single sign-on), or a shared workstation at the end of a shift: `provider.logout()`
 * deletes only its own user's. Also the demo's reset.
 */
export async function clearAllDrafts(): Promise<void> {
  unstored.clear();
  await run('readwrite', (store) => store.clear());
}

/**
 * Forgets every draft of `author` on this device: called on their explicit logout. Another
 * author's drafts (a colleague whose session expired on this workstation) wait for them.
 */
export async function clearDraftsOf(author: string): Promise<void> {
  if (!author) return;
  for (const key of unstored.keys()) if (key.startsWith(`${author}|`)) unstored.delete(key);
  await run('readwrite', (store) => store.delete(IDBKeyRange.bound(`${author}|`, `${author}|\uffff`)));
}
