/**
 * Opening costs on data already in the browser: `dmp-dossier` from attachment to its
 * récapitulatif fully rendered for the 10,000-document patient, and `dmp-synthesis-editor`
 * opening a synthesis of 200 entries (read view, then the editor). No network: the client answers
 * from memory, but every answer goes through JSON and its zod schema as the HTTP client's would.
 */
import { ADULT_PROFILE, DR_MARTIN_TRAITANT, PATIENT_LARGE, PREVENTION_DURAND, SYNTHESIS_V2, actorById, generateLargeDossierDocuments } from '../mocks/data/index.js';
import { HttpDmpClient } from '../src/client/http-client.js';
import type { LatestDocumentsOptions, RequestOptions } from '../src/client/types.js';
import '../src/elements/dmp-dossier/dmp-dossier.js';
import '../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import { AccessLogListSchema, type AccessLogQuery } from '../src/model/access-log.js';
import { CATEGORIES } from '../src/model/category.js';
import { DocumentListSchema, LatestDocumentsSchema, type DmpDocument, type DocumentQuery } from '../src/model/document.js';
import type { DossierInfo } from '../src/model/dossier.js';
import { PreventionSchema } from '../src/model/prevention.js';
import { SynthesisSchema, type Synthesis, type SynthesisContent } from '../src/model/synthesis.js';
import { largeDossierInfo } from './large-dossier.js';
import { providerFor } from './mount.js';
import { afterNextPaint, median, painted, whenTrue } from './timing.js';

const INS = PATIENT_LARGE.identity.ins;

/** As the HTTP client receives it: a JSON text, parsed and checked by the route's schema. */
function received<T>(schema: { parse(value: unknown): T }, value: unknown): T {
  return schema.parse(JSON.parse(JSON.stringify(value)));
}

/** A synthesis with `count` entries, spread over the sections as a long-followed patient's would be. */
export function largeSynthesis(count: number): Synthesis {
  const source = SYNTHESIS_V2.content;
  const sections = ['problems', 'allergies', 'riskFactors', 'treatments', 'pointsToWatch'] as const;
  const content: SynthesisContent = { ...structuredClone(source), problems: [], allergies: [], riskFactors: [], treatments: [], pointsToWatch: [] };
  for (let i = 0; i < count; i++) {
    const section = sections[i % sections.length]!;
    const pool = source[section] as Array<{ id: string }>;
    const entry = { ...structuredClone(pool[i % pool.length]!), id: `${section}-${i}` };
    (content[section] as Array<{ id: string }>).push(entry);
  }
  return { ...SYNTHESIS_V2, content };
}

/** Answers every call the récapitulatif and the editor make, from memory. */
class InMemoryClient extends HttpDmpClient {
  constructor(
    private readonly documents: readonly DmpDocument[],
    private readonly synthesis: Synthesis,
  ) {
    super({ baseUrl: '/bench-has-no-network' });
  }

  override async getDossier(ins: string, _options?: RequestOptions): Promise<DossierInfo> {
    return largeDossierInfo(ins);
  }

  /** The server's work included: a pass over every document for the newest of each category. */
  override async latestDocuments(_ins: string, options?: LatestDocumentsOptions) {
    const newest = new Map<string, DmpDocument>();
    for (const doc of this.documents) {
      if (doc.status !== 'current') continue;
      const best = newest.get(doc.category);
      if (!best || doc.serviceStart > best.serviceStart) newest.set(doc.category, doc);
    }
    const categories = (options?.categories ?? CATEGORIES).map((category) => ({ category, ...(newest.has(category) ? { document: newest.get(category) } : {}) }));
    return received(LatestDocumentsSchema, { categories });
  }

  override async listDocuments(_ins: string, query: DocumentQuery = {}, _options?: RequestOptions) {
    const items = this.documents.filter((d) => (!query.category || d.category === query.category) && (query.status !== 'current' || d.status === 'current'));
    return received(DocumentListSchema, { items: items.slice(0, query.limit ?? 50), total: items.length });
  }

  override async getSynthesis(_ins: string, _options?: RequestOptions) {
    return received(SynthesisSchema, this.synthesis);
  }

  /** The seeded vaccinations and screenings, shown beside the synthesis. */
  override async getPrevention(_ins: string, _options?: RequestOptions) {
    return received(PreventionSchema, PREVENTION_DURAND);
  }

  /** The declared information: the patient's own profile, as JSON. */
  override async getDocumentContent(_ins: string, _id: string, _options?: RequestOptions): Promise<Blob> {
    return new Blob([JSON.stringify(ADULT_PROFILE)], { type: 'application/json' });
  }

  override async listAccessLog(_ins: string, _query?: AccessLogQuery, _options?: RequestOptions) {
    return received(AccessLogListSchema, { items: [] });
  }
}

/** From attaching `dmp-dossier` to the récapitulatif rendered with every part and painted. */
export async function benchRecap(stage: HTMLElement, actorId: string, count = 10_000, runs = 7): Promise<{ count: number; medianMs: number; samples: number[] }> {
  const documents = generateLargeDossierDocuments(count).reverse();
  const client = new InMemoryClient(documents, largeSynthesis(20));
  const actor = actorById(actorId)!;
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    stage.replaceChildren();
    await painted();
    const el = document.createElement('dmp-dossier');
    el.setAttribute('patient-ins', INS);
    const provider = providerFor(actor, client, el);
    const start = performance.now();
    stage.append(provider);
    await whenTrue(el.shadowRoot!, () => {
      const recap = el.shadowRoot!.querySelector('[part="recap"]');
      return recap !== null && recap.querySelector('table.latest') !== null && recap.querySelector('.skeleton, [aria-busy="true"]') === null;
    });
    await afterNextPaint();
    samples.push(performance.now() - start);
    const failed = el.shadowRoot!.querySelector('[part="recap"] [role="alert"]');
    if (failed) throw new Error(`the récapitulatif failed: ${failed.textContent}`);
  }
  stage.replaceChildren();
  return { count, medianMs: median(samples), samples };
}

/** The médecin traitant opens a synthesis of `entries` entries: to the read view, then to the editor with every entry. */
export async function benchSynthesis(stage: HTMLElement, entries = 200, runs = 7): Promise<{ entries: number; readMs: number; editMs: number }> {
  const client = new InMemoryClient([], largeSynthesis(entries));
  const actor = actorById(DR_MARTIN_TRAITANT.id!)!;
  const read: number[] = [];
  const edit: number[] = [];
  for (let run = 0; run < runs; run++) {
    stage.replaceChildren();
    await painted();
    const el = document.createElement('dmp-synthesis-editor');
    el.setAttribute('patient-ins', INS);
    const provider = providerFor(actor, client, el);
    const root = () => el.shadowRoot!;
    let start = performance.now();
    stage.append(provider);
    // At least: the vaccinations and screenings beside the synthesis are entries too.
    await whenTrue(el.shadowRoot!, () => root().querySelectorAll('li.entry').length >= entries && root().querySelector('[data-action="edit"]') !== null);
    await afterNextPaint();
    read.push(performance.now() - start);
    start = performance.now();
    root().querySelector<HTMLButtonElement>('[data-action="edit"]')!.click();
    await whenTrue(el.shadowRoot!, () => root().querySelectorAll('fieldset.entry').length >= entries);
    await afterNextPaint();
    edit.push(performance.now() - start);
  }
  stage.replaceChildren();
  return { entries, readMs: median(read), editMs: median(edit) };
}
