import { HttpResponse, delay } from 'msw';
import type * as z from 'zod/mini';
import type { Actor } from '../../src/model/actor.js';
import type { Action } from '../../src/policy/types.js';
import { normalizeNir, validateNir } from '../../src/model/nir.js';
import { API_PREFIX } from '../../src/model/routes.js';
import { db } from '../db/store.js';
import type { FaultSpec } from '../db/faults.js';
import { INVALID } from '../document-acts.js';
import { invalidParams, problem } from './http.js';
import { RequestContext } from './request-context.js';

export interface RouteArgs {
  request: Request;
  params: Record<string, string>;
  actor: Actor;
  /** Present on every route under `/dossiers/:ins`. */
  ctx: RequestContext;
}

export type Resolver = (args: RouteArgs) => Response | Promise<Response>;

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/** Parses a JSON body with its schema; a problem response when it does not fit. */
export async function readBody<T extends z.ZodMiniType>(
  request: Request,
  schema: T,
): Promise<{ ok: true; value: z.infer<T> } | { ok: false; response: Response }> {
  // JSON only as JSON: a body a cross-site form can send (text/plain) is not taken for one.
  if (!JSON_TYPE.test(request.headers.get('Content-Type') ?? '')) {
    return { ok: false, response: problem(415, 'Le corps de la requête doit être envoyé en JSON (Content-Type: application/json).') };
  }
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return { ok: false, response: problem(400, 'Le corps de la requête n’est pas du JSON valide.') };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, response: problem(400, 'Le corps de la requête est invalide.', { invalidParams: invalidParams(parsed.error.issues) }) };
  }
  return { ok: true, value: parsed.data };
}

export function readQuery<T extends z.ZodMiniType>(request: Request, schema: T) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(query);
  if (parsed.success) return { ok: true as const, value: parsed.data as z.infer<T> };
  return {
    ok: false as const,
    response: problem(400, 'Paramètres de recherche invalides.', { invalidParams: invalidParams(parsed.error.issues) }),
  };
}

function bearerActor(request: Request): Actor | undefined {
  const header = request.headers.get('Authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1] ? db.actorById(match[1].trim()) : undefined;
}

async function faultResponse(fault: FaultSpec): Promise<Response | undefined> {
  if (fault.latencyMs) await delay(fault.latencyMs);
  if (fault.network) return HttpResponse.error();
  if (fault.malformed === 'truncated') {
    return new HttpResponse('{"items":[{"id":"doc-1","title":"Compte rendu', { status: 200, headers: { 'Content-Type': 'application/json' } });
  }
  if (fault.malformed === 'schema') {
    return HttpResponse.json({ items: [{ id: 42, title: null }], status: 'unknown', content: 'nope' });
  }
  if (fault.malformed === 'html') {
    return new HttpResponse('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } });
  }
  if (fault.status) {
    const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
    return problem(fault.status, 'Erreur injectée par le serveur de démonstration.', { headers });
  }
  return undefined;
}

/**
 * Wraps a resolver with what every route shares: injected faults, the caller's identity (401
 * when unknown), the request context for dossier routes (400 for an INS that is no NIR), and a
 * problem+json 500 on a bug.
 */
export function route(method: string, action: Action | undefined, resolver: Resolver) {
  return async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
    const pathname = new URL(request.url).pathname;
    const fault = db.faults.take(method, pathname.slice(pathname.indexOf(API_PREFIX) + API_PREFIX.length));
    if (fault) {
      const injected = await faultResponse(fault);
      if (injected) return injected;
    }
    const flatParams: Record<string, string> = {};
    // MSW has already decoded the path parameters.
    for (const [key, value] of Object.entries(params)) if (typeof value === 'string') flatParams[key] = value;
    const actor = bearerActor(request);
    if (!actor) return problem(401, 'Appelant inconnu : envoyez « Authorization: Bearer <identifiant> ».');
    // People type an INS with spaces or a lower-case 2a: every route looks up its one spelling.
    const ins = normalizeNir(flatParams.ins ?? '');
    // No dossier can have it, so there is no history to write it in either.
    if (flatParams.ins !== undefined && !validateNir(ins).ok) {
      return problem(400, 'INS invalide.', { invalidParams: [{ name: 'ins', reason: 'NIR invalide' }] });
    }
    const ctx = new RequestContext(actor, ins, request);
    let response: Response;
    try {
      response = await resolver({ request, params: flatParams, actor, ctx });
    } catch (error) {
      console.error('dmp-elements mock backend:', error);
      response = problem(500, 'Erreur interne du serveur de démonstration.');
    }
    // A request refused before the policy was asked (malformed body, bad cursor, a bug) is an
    // access attempt too: it gets its line, as a refused invalid request.
    if (ctx.ins && action && !ctx.logged) ctx.finish(action, INVALID);
    return fault?.answerLost ? HttpResponse.error() : response;
  };
}
