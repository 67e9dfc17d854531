/**
 * Parsing and export costs the elements pay on large data: zod parsing 10,000 documents with and
 * without its JIT (a strict CSP forbids the JIT's `new Function`), against JSON.parse alone; and
 * the access history's CSV encoding of 10,000 log lines.
 */
import * as z from 'zod/mini';
import { generateLargeDossierDocuments } from '../mocks/data/index.js';
import { accessLogRows, encodeCsv } from '../src/elements/dmp-access-history/csv.js';
import type { AccessLogEntry } from '../src/model/access-log.js';
import { DocumentListSchema } from '../src/model/document.js';
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
  const entries: AccessLogEntry[] = Array.from({ length: count }, (_, i) => ({
    id: `log-${i}`,
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    actor: { kind: 'professional', id: 'ps-martin', name: 'Dr Claire Martin', rpps: '10003456786', profession: '10', organisation: 'Cabinet médical des Brotteaux' },
    action: i % 3 ? 'document.read' : 'document.list',
    target: { documentId: `doc-${i}`, title: `=Compte rendu ${i}` },
    mode: i % 50 ? 'normal' : 'break-glass',
    ...(i % 50 ? {} : { justification: 'Patiente inconsciente aux urgences, allergies inconnues' }),
    outcome: 'allowed',
    reason: 'allowed',
    secret: false,
  }));
  const csvMs = time(runs, () => encodeCsv(accessLogRows(entries, 'fr')));
  return { count, csvMs };
}
