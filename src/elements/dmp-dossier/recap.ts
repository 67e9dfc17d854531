import { isDmpError, undefinedIfNotFound } from '../../client/errors.js';
import { lazyModule } from '../../client/lazy-module.js';
import type { DmpClient, RequestOptions } from '../../client/types.js';
import type { AccessLogEntry } from '../../model/access-log.js';
import { CATEGORIES, PROFILE_TYPE_CODE, SYNTHESIS_TYPE_CODE, type Category } from '../../model/category.js';
import type { DmpDocument } from '../../model/document.js';
import type { PatientProfile } from '../../model/profile.js';
import type { Synthesis } from '../../model/synthesis.js';
import type { ReasonCode } from '../../policy/types.js';
import { nominalDocument } from '../../model/nominal-document.js';
import type { Ask } from './tabs.js';

/** How far back the récapitulatif looks for emergency accesses. */
export const EMERGENCY_WINDOW_DAYS = 90;
/** Emergency log lines asked per mode; the access history tab has the rest. */
const EMERGENCY_LIMIT = 20;

/** A part of the récapitulatif, or the policy's reason for not showing it. */
export type Part<T> = { ok: true; value: T } | { ok: false; reason: ReasonCode };

export interface LatestLine {
  category: Category;
  /** The category's newest current document, by date of the act. */
  document: DmpDocument | undefined;
}

export type Declared =
  | { kind: 'none' }
  | { kind: 'profile'; profile: PatientProfile }
  /** A declared-information document whose content is not the expected JSON: shown as such, never guessed. */
  | { kind: 'unreadable' };

export interface RecapContent {
  latest: LatestLine[];
  /** For a professional, the dossier's documents the server kept from them, by reason. */
  hidden: Readonly<Record<string, number>> | undefined;
  /** Undefined when the dossier has no synthesis yet. */
  synthesis: Part<Synthesis | undefined>;
  declared: Part<Declared>;
}

export interface Emergencies {
  /** Break-glass and regulation log lines, newest first. */
  entries: AccessLogEntry[];
  /** More lines than were asked exist in the window. */
  more: boolean;
  /**
   * The window the lines were asked for, in days, carried with them: the view, a chunk of its own,
   * then imports nothing from this loader (which would split the dossier's first load further).
   */
  days: number;
}

export interface Recap {
  /** The dossier's content; refused as a whole when the actor may not list its documents. */
  content: Part<RecapContent>;
  /** Only for those who may read the access history. */
  emergencies: Emergencies | undefined;
}

/** A refusal by the server becomes a part to explain; any other failure stays an error. */
async function refusable<T>(run: () => Promise<T>): Promise<Part<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (isDmpError(error) && error.kind === 'forbidden' && error.reason) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** Undefined when there is none yet: the JSON API's 204, or a 404 from an integrator's gateway. */
async function currentSynthesis(client: DmpClient, ins: string, options: RequestOptions): Promise<Synthesis | undefined> {
  return (await undefinedIfNotFound(() => client.getSynthesis(ins, options))) ?? undefined;
}

/** Finding and reading the declaration, a part of the récapitulatif some actors never see, loads apart. */
const loadDeclared = lazyModule(() => import('./declared.js'), 'The declared information', 'readDeclared');

/** `toldOfHidden`: whether the user is told what is hidden from them (isToldOfHiddenDocuments), whatever a gateway sends. */
async function loadContent(client: DmpClient, ins: string, ask: Ask, toldOfHidden: boolean, options: RequestOptions): Promise<RecapContent> {
  // Categories the actor may never read are not asked for: each request is one more line in the patient's history.
  const readable = CATEGORIES.filter((c) => ask('document.read', nominalDocument(c)).allowed);
  const latest = client.latestDocuments(ins, { ...options, categories: readable });
  const declaredDecision = ask('document.read', nominalDocument('patient', PROFILE_TYPE_CODE));
  const declared: Promise<Part<Declared>> = declaredDecision.allowed
    ? refusable(async () => (await loadDeclared()).readDeclared(client, ins, options))
    : Promise.resolve({ ok: false, reason: declaredDecision.reason });
  const synthesisDecision = ask('synthesis.read', nominalDocument('synthesis', SYNTHESIS_TYPE_CODE));
  const synthesis: Promise<Part<Synthesis | undefined>> = synthesisDecision.allowed
    ? refusable(() => currentSynthesis(client, ins, options))
    : Promise.resolve({ ok: false, reason: synthesisDecision.reason });
  const [{ categories, hidden }, synthesisPart, declaredPart] = await Promise.all([latest, synthesis, declared]);
  return {
    latest: categories.map((line): LatestLine => ({ category: line.category, document: line.document })),
    hidden: toldOfHidden ? hidden : undefined,
    synthesis: synthesisPart,
    declared: declaredPart,
  };
}

/** `YYYY-MM-DD` (UTC, as the server compares log days) `days` before `now`. */
export function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

async function loadEmergencies(client: DmpClient, ins: string, now: Date, options: RequestOptions): Promise<Emergencies> {
  const from = daysBefore(now, EMERGENCY_WINDOW_DAYS);
  const pages = await Promise.all(
    (['break-glass', 'regulation'] as const).map((mode) => client.listAccessLog(ins, { mode, from, limit: EMERGENCY_LIMIT }, options)),
  );
  const entries = pages.flatMap((p) => p.items).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { entries, more: pages.some((p) => p.nextCursor !== undefined), days: EMERGENCY_WINDOW_DAYS };
}

/**
 * Everything the récapitulatif shows, each part asked only when the policy allows it; the calls
 * run in parallel.
 */
export async function loadRecap(client: DmpClient, ins: string, ask: Ask, toldOfHidden: boolean, now: Date, options: RequestOptions): Promise<Recap> {
  const list = ask('document.list');
  const content: Promise<Part<RecapContent>> = list.allowed
    ? refusable(() => loadContent(client, ins, ask, toldOfHidden, options))
    : Promise.resolve({ ok: false, reason: list.reason });
  const emergencies = ask('history.read').allowed ? loadEmergencies(client, ins, now, options) : Promise.resolve(undefined);
  const [contentPart, emergencyPart] = await Promise.all([content, emergencies]);
  return { content: contentPart, emergencies: emergencyPart };
}
