/**
 * The document list on data already in the browser (DECISIONS.md 22): its first render of
 * 10,000 (and 100,000) documents against a vanilla DOM table rendering every row, and the keyword
 * filter over the 10,000 loaded rows. No network: the provider gets a client that answers from
 * memory with every document at once.
 */
import { DR_MARTIN_TRAITANT, PATIENT_LARGE, actorById, generateLargeDossierDocuments } from '../mocks/data/index.js';
import { HttpDmpClient } from '../src/client/http-client.js';
import type { RequestOptions } from '../src/client/types.js';
import '../src/elements/dmp-document-list/dmp-document-list.js';
import type { DmpDocumentList } from '../src/elements/dmp-document-list/dmp-document-list.js';
import { formatBytes, formatDate } from '../src/i18n/format.js';
import { categoryLabel, professionLabel } from '../src/i18n/labels.js';
import type { DmpDocument, DocumentList, DocumentQuery } from '../src/model/document.js';
import type { DossierInfo } from '../src/model/dossier.js';
import { largeDossierInfo } from './large-dossier.js';
import { plainTable, providerFor } from './mount.js';
import { afterNextPaint, median, painted, whenTrue } from './timing.js';

const INS = PATIENT_LARGE.identity.ins;
const KEYWORDS = ['bilan', 'echographie', 'ordonnance hypertension', 'mercier', 'vaccination', 'irm genou', 'zzz', 'dispensation', 'scanner thorax', 'cardiologie'];

/** Answers the two calls the list makes from memory; everything else is never called here. */
class InMemoryClient extends HttpDmpClient {
  constructor(private readonly documents: readonly DmpDocument[]) {
    super({ baseUrl: '/bench-has-no-network' });
  }

  override async getDossier(ins: string, _options?: RequestOptions): Promise<DossierInfo> {
    return largeDossierInfo(ins);
  }

  override async listDocuments(_ins: string, _query?: DocumentQuery, _options?: RequestOptions): Promise<DocumentList> {
    return { items: [...this.documents], total: this.documents.length };
  }
}

async function mountElement(stage: HTMLElement, documents: readonly DmpDocument[]): Promise<{ el: DmpDocumentList; ms: number }> {
  const el = document.createElement('dmp-document-list');
  el.setAttribute('patient-ins', INS);
  const provider = providerFor(actorById(DR_MARTIN_TRAITANT.id!), new InMemoryClient(documents), el);
  const start = performance.now();
  stage.append(provider);
  await whenTrue(el.shadowRoot!, () => el.shadowRoot!.querySelector('.body [role="row"]') !== null);
  await afterNextPaint();
  return { el, ms: performance.now() - start };
}

/** The baseline: every row in a plain table, with the same texts as the element's rows. */
async function mountVanillaTable(stage: HTMLElement, documents: readonly DmpDocument[]): Promise<number> {
  const start = performance.now();
  const { table, body } = plainTable(['Titre', 'Catégorie', 'Date de l’acte', 'Auteur', 'Format', 'Actions']);
  for (const doc of documents) {
    const row = body.insertRow();
    row.insertCell().textContent = doc.title;
    row.insertCell().textContent = categoryLabel(doc.category);
    row.insertCell().textContent = formatDate(doc.serviceStart, 'fr');
    row.insertCell().textContent = `${doc.author.name} ${[professionLabel(doc.author.profession), doc.author.organisation].filter(Boolean).join(' · ')}`;
    row.insertCell().textContent = `${doc.mimeType} · ${formatBytes(doc.size, 'fr')}`;
    const button = document.createElement('button');
    button.textContent = 'Actions';
    row.insertCell().append(button);
  }
  stage.append(table);
  await afterNextPaint();
  return performance.now() - start;
}

export interface BenchResult {
  count: number;
  elementMs: number;
  vanillaMs: number;
  ratio: number;
}

/**
 * First render, element vs vanilla table: medians of `runs` element runs and `vanillaRuns` table
 * runs, interleaved (a 100,000-row table takes about a minute, hence fewer runs there).
 */
export async function benchFirstRender(stage: HTMLElement, count: number, runs = 7, vanillaRuns = runs): Promise<BenchResult> {
  const documents = generateLargeDossierDocuments(count).reverse();
  const element: number[] = [];
  const vanilla: number[] = [];
  for (let run = 0; run < Math.max(runs, vanillaRuns); run++) {
    if (run < runs) {
      stage.replaceChildren();
      await painted();
      element.push((await mountElement(stage, documents)).ms);
    }
    if (run < vanillaRuns) {
      stage.replaceChildren();
      await painted();
      vanilla.push(await mountVanillaTable(stage, documents));
    }
  }
  stage.replaceChildren();
  const elementMs = median(element);
  const vanillaMs = median(vanilla);
  return { count, elementMs, vanillaMs, ratio: elementMs / vanillaMs };
}

/** Setting `query` on 10,000 loaded documents until the element has updated, median per keyword. */
export async function benchKeywordFilter(stage: HTMLElement, count = 10_000): Promise<{ medianMs: number; samples: number[] }> {
  stage.replaceChildren();
  const { el } = await mountElement(stage, generateLargeDossierDocuments(count).reverse());
  const samples: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const keyword of KEYWORDS) {
      const start = performance.now();
      el.query = keyword;
      await el.updateComplete;
      samples.push(performance.now() - start);
      await painted();
    }
  }
  stage.replaceChildren();
  return { medianMs: median(samples), samples };
}


/** Scrolling a 100,000-row list to its middle: time until the rows there are rendered and painted. */
export async function benchScrollToMiddle(stage: HTMLElement, count = 100_000, runs = 5): Promise<{ medianMs: number; samples: number[] }> {
  stage.replaceChildren();
  const { el } = await mountElement(stage, generateLargeDossierDocuments(count).reverse());
  const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"]')].map((r) => Number(r.dataset.index));
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Each run starts at the top, then jumps to the middle, a little further each time.
    const container = findScroller(el);
    container.scrollTop = 0;
    await painted();
    const target = Math.floor(count / 2) + run * 100;
    const start = performance.now();
    container.scrollTop = (container.scrollHeight * target) / count;
    await whenTrue(el.shadowRoot!, () => rows().some((i) => Math.abs(i - target) < 200));
    await afterNextPaint();
    samples.push(performance.now() - start);
  }
  stage.replaceChildren();
  return { medianMs: median(samples), samples };
}

/** The element that scrolls the rows: the list's own scroll box, or the page's stage. */
function findScroller(el: DmpDocumentList): HTMLElement {
  for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    if (node.scrollHeight > node.clientHeight + 1 && getComputedStyle(node).overflowY === 'auto') return node;
  }
  return el.closest<HTMLElement>('#stage') ?? document.documentElement;
}
