import { benchAccessHistory } from './access-history.bench.js';
import { benchFirstRender, benchKeywordFilter, benchScrollToMiddle } from './document-list.bench.js';
import { benchRecap, benchSynthesis } from './dossier.bench.js';
import { benchCsv, benchZodParse } from './other.bench.js';

declare global {
  interface Window {
    benchResults?: Record<string, unknown>;
  }
}

const stage = document.getElementById('stage')!;
const out = document.getElementById('results')!;
const line = (text: string) => (out.textContent += `${text}\n`);

async function run(): Promise<void> {
  out.textContent = '';
  const results: Record<string, unknown> = {};
  results.firstRender10k = await benchFirstRender(stage, 10_000, 7, 7);
  line(`first render 10,000: ${JSON.stringify(results.firstRender10k)}`);
  results.firstRender100k = await benchFirstRender(stage, 100_000, 3, 1);
  line(`first render 100,000: ${JSON.stringify(results.firstRender100k)}`);
  results.keywordFilter10k = await benchKeywordFilter(stage);
  line(`keyword filter 10,000: median ${(results.keywordFilter10k as { medianMs: number }).medianMs.toFixed(1)} ms`);
  results.scrollToMiddle100k = await benchScrollToMiddle(stage);
  line(`scroll to the middle of 100,000: median ${(results.scrollToMiddle100k as { medianMs: number }).medianMs.toFixed(1)} ms`);
  results.recap10kPatient = await benchRecap(stage, 'pat-garnier-henri');
  line(`récapitulatif, 10,000 documents, patient: ${JSON.stringify(results.recap10kPatient)}`);
  results.recap10kTreating = await benchRecap(stage, 'ps-martin');
  line(`récapitulatif, 10,000 documents, médecin traitant: ${JSON.stringify(results.recap10kTreating)}`);
  results.synthesis200 = await benchSynthesis(stage);
  line(`synthesis of 200 entries: ${JSON.stringify(results.synthesis200)}`);
  results.zodParse10k = benchZodParse();
  line(`zod parse 10,000: ${JSON.stringify(results.zodParse10k)}`);
  results.history1k = await benchAccessHistory(stage);
  line(`access history, 1,000 lines: ${JSON.stringify(results.history1k)}`);
  results.csv10k = benchCsv();
  line(`CSV 10,000: ${JSON.stringify(results.csv10k)}`);
  window.benchResults = results;
}

document.getElementById('run')!.addEventListener('click', () => void run());
if (new URLSearchParams(location.search).has('run')) void run();
