import { randomUuid } from '../../model/uuid.js';

/** What makes an upload the same one, for `RetryKey.for`: its metadata and the file picked (a File is no JSON). */
export function uploadContent(metadata: unknown, { name, size, lastModified }: File): unknown[] {
  return [metadata, name, size, lastModified];
}

/**
 * The Idempotency-Key of a write the user may send again: the same while what is sent is the
 * same and no answer came, so that a request whose answer was lost is not made twice; a new one
 * once it was answered or what is sent changed.
 */
export class RetryKey {
  #last: { sent: string; key: string; at: string } | undefined;

  /** The key to send `content` under. */
  for(content: unknown): string {
    const sent = JSON.stringify(content);
    if (this.#last?.sent !== sent) this.#last = { sent, key: randomUuid(), at: new Date().toISOString() };
    return this.#last.key;
  }

  /**
   * When a key was first asked for the last content: a write stamped with it is the same when
   * sent again, as the key requires.
   */
  get since(): string | undefined {
    return this.#last?.at;
  }

  /** The write sent under `key` was answered: the next one, even the same, is another write. */
  answered(key: string): void {
    if (this.#last?.key === key) this.#last = undefined;
  }

  /** The user left: what they sent is not for the next one to resend. */
  forget(): void {
    this.#last = undefined;
  }
}
