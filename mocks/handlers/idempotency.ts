import type { Actor } from '../../src/model/actor.js';
import { actorKey } from '../../src/model/actor-key.js';
import type { RouteName } from '../../src/model/routes.js';
import { db, type IdempotentResult } from '../db/store.js';
import { problem } from './http.js';

/**
 * Where an answer given under an Idempotency-Key is kept: keys are the caller's (another caller
 * replaying one gets nothing of the first answer) and the route's.
 */
function storedKey(route: RouteName, actor: Actor, key: string): string {
  return `${route}|${actorKey(actor)}|${key}`;
}

export type Replay =
  | { kind: 'refused'; response: Response }
  | { kind: 'replay'; previous: IdempotentResult }
  | { kind: 'first'; remember: (result: Omit<IdempotentResult, 'fingerprint'>) => void };

/**
 * What the request's Idempotency-Key makes of it: refused (no key, or a key already used for
 * another request), the stored answer to give again, or a first request whose answer to keep.
 * A request is the same when its path and `body` (as read by the handler) are: one key never
 * adds to two dossiers. An answer that no longer `holds` (a grant expired, a person removed since)
 * is not given again: the request is made anew. Synchronous, so that requests are handled in the
 * order they came.
 */
export function idempotentRequest(
  route: RouteName,
  actor: Actor,
  request: Request,
  body: unknown,
  holds: (previous: IdempotentResult) => boolean = () => true,
): Replay {
  const key = request.headers.get('Idempotency-Key');
  if (!key) return { kind: 'refused', response: problem(400, 'En-tête Idempotency-Key requis.', { invalidParams: [{ name: 'Idempotency-Key', reason: 'requis' }] }) };
  const fingerprint = JSON.stringify([new URL(request.url).pathname, body]);
  const stored = storedKey(route, actor, key);
  const previous = db.idempotency.get(stored);
  if (!previous || (previous.fingerprint === fingerprint && !holds(previous))) {
    return { kind: 'first', remember: (result) => db.idempotency.set(stored, { ...result, fingerprint }) };
  }
  if (previous.fingerprint !== fingerprint) {
    return { kind: 'refused', response: problem(422, 'Cette clé d’idempotence a déjà servi pour une autre demande.') };
  }
  return { kind: 'replay', previous };
}
