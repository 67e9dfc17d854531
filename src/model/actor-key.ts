import type { Actor } from './actor.js';

// Apart from actor.ts so that using it pulls no schema (and no zod) into an element's bundle.
/** A stable key for who acts: their kind and id (a professional's RPPS when they have no id). */
export function actorKey(actor: Actor | undefined): string {
  if (!actor) return '';
  return `${actor.kind}:${actor.id ?? (actor.kind === 'professional' ? actor.rpps : '')}`;
}
