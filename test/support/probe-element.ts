import { html, type PropertyValues } from 'lit';
import type { DataChange } from '../../src/context/contexts.js';
import { DmpElement } from '../../src/elements/base/dmp-element.js';

/** A minimal DMP element for testing what the base class and the provider give every element. */
export class DmpTestProbe extends DmpElement {
  /** The patient whose data changes the probe takes (see takeDataChange). */
  probeIns = '';
  /** The data changes taken, one per update that brought some. */
  readonly taken: DataChange[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    const change = changed.has('dataChange') ? this.takeDataChange(this.probeIns) : undefined;
    if (change) this.taken.push(change);
  }

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
