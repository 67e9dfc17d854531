import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Writes a host's unsaved edits to the device a moment after the last change, and at once when
 * the page is hidden or left (a closed tab, a crash later on) or the host leaves the page, so
 * that what was typed survives all of them (DECISIONS.md 10).
 */
export class DraftAutosave implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #write: () => Promise<void>;
  readonly #delayMs: number;

  readonly #handleHidden = () => {
    if (document.visibilityState === 'hidden') void this.flush();
  };
  readonly #handlePageHide = () => void this.flush();

  constructor(host: ReactiveControllerHost, write: () => Promise<void>, delayMs = 500) {
    this.#write = write;
    this.#delayMs = delayMs;
    host.addController(this);
  }

  /** Writes after the delay, unless another change comes first. */
  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#delayMs);
  }

  /** Drops the pending write: the edits were saved, discarded or belong to someone who left. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Writes now if a write is pending; nothing otherwise. */
  async flush(): Promise<void> {
    if (this.#timer === undefined) return;
    this.cancel();
    await this.#write();
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#handleHidden);
    window.addEventListener('pagehide', this.#handlePageHide);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#handleHidden);
    window.removeEventListener('pagehide', this.#handlePageHide);
    void this.flush();
  }
}
