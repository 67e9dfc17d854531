/** What the benchmarks put on the page: an element in its provider, and the vanilla baseline. */
import type { HttpDmpClient } from '../src/client/http-client.js';
import '../src/context/dmp-provider.js';
import type { DmpProvider } from '../src/context/dmp-provider.element.js';
import type { Actor } from '../src/model/actor.js';

/** `child` inside a provider for `actor` whose client is `client`, not attached yet. */
export function providerFor(actor: Actor | undefined, client: HttpDmpClient, child: HTMLElement): DmpProvider {
  const provider = document.createElement('dmp-provider') as DmpProvider;
  provider.actor = actor;
  provider.client = client;
  provider.append(child);
  return provider;
}

/** The baseline's table: a header of `labels`, and the body its rows are inserted into. */
export function plainTable(labels: readonly string[]): { table: HTMLTableElement; body: HTMLTableSectionElement } {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const label of labels) {
    const th = document.createElement('th');
    th.textContent = label;
    head.append(th);
  }
  return { table, body: table.createTBody() };
}
