import { HttpResponse } from 'msw';
import type { ReasonCode } from '../../src/policy/types.js';

const PROBLEM_HEADERS = { 'Content-Type': 'application/problem+json' };

const TITLES: Readonly<Record<number, string>> = {
  400: 'Requête invalide',
  401: 'Non authentifié',
  403: 'Accès refusé',
  404: 'Introuvable',
  409: 'Conflit',
  412: 'Version périmée',
  413: 'Fichier trop volumineux',
  415: 'Format non pris en charge',
  422: 'Requête incohérente',
  428: 'Version requise',
  429: 'Trop de requêtes',
  500: 'Erreur du serveur',
  503: 'Service indisponible',
};

export interface ProblemExtras {
  reason?: ReasonCode;
  invalidParams?: Array<{ name: string; reason: string }>;
  current?: unknown;
  etag?: string;
  headers?: Record<string, string>;
}

/** An RFC 9457 problem response, as every error of the API. */
export function problem(status: number, detail: string, extras: ProblemExtras = {}): HttpResponse<string> {
  const { headers, ...rest } = extras;
  const body = {
    type: extras.reason ? `https://dmp-elements.dev/problems/${extras.reason}` : 'about:blank',
    title: TITLES[status] ?? 'Erreur',
    status,
    detail,
    ...rest,
  };
  return new HttpResponse(JSON.stringify(body), { status, headers: { ...PROBLEM_HEADERS, ...headers } });
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  return HttpResponse.json(body as never, { status: init.status ?? 200, headers: init.headers ?? {} });
}

/**
 * 404 for what does not exist and for what is hidden from the caller alike: the answer must not
 * tell them apart (DECISIONS.md 12).
 */
export function notFound() {
  return problem(404, 'Introuvable.');
}

/** zod issues as problem+json `invalidParams`. */
export function invalidParams(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>) {
  return issues.map((issue) => ({ name: issue.path.map(String).join('.') || '(body)', reason: issue.message }));
}

const ENTITY_TAG = /(?:W\/)?"[^"]*"/g;

/**
 * RFC 9110 §13.1.1: whether a non-empty If-Match field holds against `etag`, the current
 * representation's (undefined when there is none): `*` when there is one, a list when one of its
 * tags is `etag` by strong comparison, so that a weak `W/"…"` tag never does.
 */
export function ifMatchHolds(field: string, etag: string | undefined): boolean {
  if (field.trim() === '*') return etag !== undefined;
  return (field.match(ENTITY_TAG) ?? []).some((tag) => tag === etag);
}
