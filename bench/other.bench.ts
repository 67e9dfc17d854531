/**
 * Parsing and export costs the elements pay on large data: zod parsing 10,000 documents with and
 * without its JIT (a strict CSP forbids the JIT's `new Function`), against JSON.parse alone; and
 * the access history's CSV encoding of 10,000 log lines.
 */
import * as z from 'zod/mini';
import { generateLargeDossierDocuments } from '../mocks/data/index.js';
import { accessLogRows, encodeCsv } from '../src/elements/dmp-access-history/csv.js';
import { DocumentListSchema } from '../src/model/document.js';
import { generateLogEntries } from './large-dossier.js';
import { median } from './timing.js';

function time(runs: number, work: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export function benchZodParse(count = 10_000, runs = 9) {
  const body = JSON.stringify({ items: generateLargeDossierDocuments(count), total: count });
  const jsonMs = time(runs, () => JSON.parse(body));
  // A schema compiles (or not) on its first parse, with the configuration of that moment.
  z.config({ jitless: true });
  const jitless = DocumentListSchema.clone();
  const jitlessMs = time(runs, () => jitless.parse(JSON.parse(body)));
  z.config({ jitless: false });
  const jit = DocumentListSchema.clone();
  const jitMs = time(runs, () => jit.parse(JSON.parse(body)));
  z.config({ jitless: true });
  return { count, jsonMs, jitlessMs, jitMs };
}

export function benchCsv(count = 10_000, runs = 9) {
  const entries = generateLogEntries(count);
  const csvMs = time(runs, () => encodeCsv(accessLogRows(entries, 'fr')));
  return { count, csvMs };
}
