import { msg } from '@lit/localize';
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LazyModule } from '../../client/lazy-module.js';
import { errorText } from '../../i18n/error-text.js';

/**
 * A part of an element's view that comes in a module fetched after the first load (see
 * `lazyModule`). `request()` asks for the module; `render()` draws the part once it is here, and until
 * then says that it is coming, or why it did not come, with a Retry button.
 */
export class LazyView<T> {
  #fetched: T | undefined;
  #error: unknown;
  #loading = false;
  readonly #host: ReactiveControllerHost;
  readonly #load: LazyModule<T>;
  readonly #onLoad: ((value: T) => void) | undefined;

  constructor(
    host: ReactiveControllerHost,
    load: LazyModule<T>,
    /** Called once the module is here, before the host draws it. */
    onLoad?: (value: T) => void,
  ) {
    this.#host = host;
    this.#load = load;
    this.#onLoad = onLoad;
  }

  /** The module, once here; when another element fetched it already, taken at once (no "loading" flash). */
  get value(): T | undefined {
    const loaded = this.#load.loaded;
    if (this.#fetched === undefined && loaded !== undefined) this.#take(loaded);
    return this.#fetched;
  }

  #take(value: T): void {
    this.#fetched = value;
    this.#onLoad?.(value);
  }

  /** Asks for the module, unless it is here or on its way; after a failure, only Retry asks again. */
  request(): void {
    if (this.value !== undefined || this.#loading || this.#error !== undefined) return;
    this.#loading = true;
    this.#load()
      .then(
        (value) => {
          if (this.#fetched === undefined) this.#take(value);
        },
        (error: unknown) => {
          this.#error = error;
        },
      )
      .finally(() => {
        this.#loading = false;
        this.#host.requestUpdate();
      });
  }

  render(draw: (value: T) => TemplateResult): TemplateResult {
    const value = this.value;
    if (value !== undefined) return draw(value);
    if (this.#error === undefined) return html`<p class="lazy-loading" role="status">${msg('Chargement…')}</p>`;
    return html`<div class="notice notice--error" role="alert">
      <p>${errorText(this.#error)}</p>
      <p><button type="button" class="lazy-retry" @click=${this.#retry}>${msg('Réessayer')}</button></p>
    </div>`;
  }

  readonly #retry = (event: Event): void => {
    // The button goes with its error: focus waits on the element's title rather than falling to
    // the page.
    const button = event.currentTarget as HTMLElement;
    const title = (button.getRootNode() as ShadowRoot).querySelector('h2');
    if (title && button.matches(':focus')) {
      title.tabIndex = -1;
      title.focus();
    }
    this.#error = undefined;
    this.request();
    this.#host.requestUpdate();
  };
}
