import type { Actor } from '../../src/model/actor.js';
import type { DocumentAuthor } from '../../src/model/document.js';

/** Who a document written by `actor` names as its author. */
export function documentAuthorOf(actor: Actor): DocumentAuthor {
  if (actor.kind !== 'professional') return { name: actor.displayName ?? actor.kind };
  return {
    name: actor.displayName ?? actor.rpps,
    rpps: actor.rpps,
    profession: actor.profession,
    ...(actor.organisation ? { organisation: actor.organisation.name } : {}),
  };
}
