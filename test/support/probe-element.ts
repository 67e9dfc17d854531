import { html } from 'lit';
import { DmpElement } from '../../src/elements/base/dmp-element.js';

/** A minimal DMP element for testing what the base class and the provider give every element. */
export class DmpTestProbe extends DmpElement {
  /** What the probe received, for assertions. */
  get received() {
    return {
      client: this.client,
      actor: this.actor,
      policy: this.policy,
      session: this.session,
      locale: this.locale,
      dataChange: this.dataChange,
      provider: this.provider,
    };
  }

  protected renderContent() {
    return html`<p part="base">${this.actor?.displayName ?? ''}</p>`;
  }
}
if (!customElements.get('dmp-test-probe')) customElements.define('dmp-test-probe', DmpTestProbe);

declare global {
  interface HTMLElementTagNameMap {
    'dmp-test-probe': DmpTestProbe;
  }
}
