/**
 * The access history on a log already in the browser: its first render of a 1,000-line page
 * against a vanilla DOM table of the same lines, and a "load more" adding the next 1,000. No
 * network: the provider gets a client that pages the log from memory.
 */
import { PATIENT_LARGE, actorById } from '../mocks/data/index.js';
import { HttpDmpClient } from '../src/client/http-client.js';
import '../src/elements/dmp-access-history/dmp-access-history.js';
import type { DmpAccessHistory } from '../src/elements/dmp-access-history/dmp-access-history.js';
import { outcomeLabel } from '../src/elements/dmp-access-history/texts.js';
import { formatDateTime } from '../src/i18n/format.js';
import { actionLabel, actorRoleLabel, modeLabel } from '../src/i18n/labels.js';
import type { AccessLogEntry, AccessLogQuery } from '../src/model/access-log.js';
import type { RequestOptions, ResponseOf } from '../src/client/types.js';
import type { DossierInfo } from '../src/model/dossier.js';
import { generateLogEntries, largeDossierInfo } from './large-dossier.js';
import { plainTable, providerFor } from './mount.js';
import { afterNextPaint, median, painted, whenTrue } from './timing.js';

const INS = PATIENT_LARGE.identity.ins;
const PAGE = 1000;

/** Answers the existence test and the log's pages (the cursor is the next line's index). */
class InMemoryClient extends HttpDmpClient {
  constructor(private readonly entries: readonly AccessLogEntry[]) {
    super({ baseUrl: '/bench-has-no-network' });
  }

  override async getDossier(ins: string, _options?: RequestOptions): Promise<DossierInfo> {
    return largeDossierInfo(ins);
  }

  override async listAccessLog(_ins: string, query: AccessLogQuery = {}, _options?: RequestOptions): Promise<ResponseOf<'listAccessLog'>> {
    const start = Number(query.cursor ?? 0);
    const end = start + (query.limit ?? PAGE);
    return { items: this.entries.slice(start, end), ...(end < this.entries.length ? { nextCursor: String(end) } : {}) };
  }
}

const rowCount = (el: DmpAccessHistory) => el.shadowRoot!.querySelectorAll('tbody tr').length;

async function mountElement(stage: HTMLElement, entries: readonly AccessLogEntry[]): Promise<{ el: DmpAccessHistory; ms: number }> {
  const el = document.createElement('dmp-access-history');
  el.setAttribute('patient-ins', INS);
  el.setAttribute('page-size', String(PAGE));
  const provider = providerFor(actorById(PATIENT_LARGE.id), new InMemoryClient(entries), el);
  const start = performance.now();
  stage.append(provider);
  await whenTrue(el.shadowRoot!, () => el.shadowRoot!.querySelector(`tbody tr:nth-child(${PAGE})`) !== null);
  await afterNextPaint();
  return { el, ms: performance.now() - start };
}

/** The baseline: the same lines, with the same texts, in a plain table. */
async function mountVanillaTable(stage: HTMLElement, entries: readonly AccessLogEntry[]): Promise<number> {
  const start = performance.now();
  const { table, body } = plainTable(['Date et heure', 'Qui', 'Action', 'Mode d’accès', 'Résultat']);
  for (const e of entries) {
    const row = body.insertRow();
    row.insertCell().textContent = formatDateTime(e.at, 'fr');
    row.insertCell().textContent = `${e.actor.name} ${actorRoleLabel(e.actor)} · RPPS ${e.actor.rpps ?? ''} ${e.actor.organisation ?? ''}`;
    row.insertCell().textContent = `${actionLabel(e.action)} ${e.target?.title ?? ''}`;
    row.insertCell().textContent = `${modeLabel(e.mode)} ${e.justification ?? ''}`;
    row.insertCell().textContent = outcomeLabel(e.outcome);
  }
  stage.append(table);
  await afterNextPaint();
  return performance.now() - start;
}

export interface HistoryBenchResult {
  count: number;
  elementMs: number;
  vanillaMs: number;
  ratio: number;
  /** From the "load more" click to the next 1,000 lines painted. */
  loadMoreMs: number;
}

/** Medians of `runs` interleaved runs of each side, and of as many "load more". */
export async function benchAccessHistory(stage: HTMLElement, runs = 7): Promise<HistoryBenchResult> {
  const entries = generateLogEntries(PAGE * 3);
  const element: number[] = [];
  const vanilla: number[] = [];
  const more: number[] = [];
  for (let run = 0; run < runs; run++) {
    stage.replaceChildren();
    await painted();
    const { el, ms } = await mountElement(stage, entries);
    element.push(ms);
    const button = [...el.shadowRoot!.querySelectorAll('.more button')].at(-1) as HTMLButtonElement;
    const start = performance.now();
    button.click();
    await whenTrue(el.shadowRoot!, () => rowCount(el) >= PAGE * 2);
    await afterNextPaint();
    more.push(performance.now() - start);
    stage.replaceChildren();
    await painted();
    vanilla.push(await mountVanillaTable(stage, entries.slice(0, PAGE)));
  }
  stage.replaceChildren();
  const elementMs = median(element);
  const vanillaMs = median(vanilla);
  return { count: PAGE, elementMs, vanillaMs, ratio: elementMs / vanillaMs, loadMoreMs: median(more) };
}
