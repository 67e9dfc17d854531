import { html, type TemplateResult } from 'lit';
import { ACTORS } from '../mocks/data/index.js';
import '../src/context/dmp-provider.js';

/** The seeded actors a story can act as, for an `actor` control. */
export const ACTOR_OPTIONS = ACTORS.map((a) => a.id ?? a.kind);

/** Wraps a story's element in a provider acting as a seeded actor, in a locale. */
export function inProvider(content: TemplateResult, actorId: string, locale: 'fr' | 'en' = 'fr'): TemplateResult {
  const actor = ACTORS.find((a) => a.id === actorId);
  return html`<dmp-provider base-url="/api/dmp/v1" locale=${locale} .actor=${actor}>${content}</dmp-provider>`;
}
