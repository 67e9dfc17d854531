import { msg } from '@lit/localize';
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { errorText } from '../../i18n/error-text.js';

/**
 * A part of an element's view that comes in a module fetched after the first load (see
 * `lazyModule`). `request()` asks for the module; `render()` draws the part once it is here, and until
 * then says that it is coming, or why it did not come, with a Retry button.
 */
export class LazyView<T> {
  /** The module, once fetched. */
  value: T | undefined;
  private error: unknown;
  private loading = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<T>,
    /** Called once the module is here, before the host draws it. */
    private readonly onLoad?: (value: T) => void,
  ) {}

  /** Asks for the module, unless it is here or on its way; after a failure, only Retry asks again. */
  request(): void {
    if (this.value !== undefined || this.loading || this.error !== undefined) return;
    this.loading = true;
    this.load()
      .then(
        (value) => {
          this.value = value;
          this.onLoad?.(value);
        },
        (error: unknown) => {
          this.error = error;
        },
      )
      .finally(() => {
        this.loading = false;
        this.host.requestUpdate();
      });
  }

  render(draw: (value: T) => TemplateResult): TemplateResult {
    if (this.value !== undefined) return draw(this.value);
    if (this.error === undefined) return html`<p role="status">${msg('Chargement…', { id: 'lazy-view.loading' })}</p>`;
    return html`<div class="notice notice--error" role="alert">
      <p>${errorText(this.error)}</p>
      <p><button type="button" @click=${this.retry}>${msg('Réessayer', { id: 'lazy-view.retry' })}</button></p>
    </div>`;
  }

  private readonly retry = (): void => {
    this.error = undefined;
    this.request();
    this.host.requestUpdate();
  };
}
