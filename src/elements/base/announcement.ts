import { html, type TemplateResult } from 'lit';

/**
 * The words of a live region, drawn as a new node whenever `count` changes: a live region speaks
 * when its content changes, so the same words written again into the same node would not be
 * heard. The two templates are alike on purpose: Lit replaces the DOM of one by the other's.
 */
export function announcement(count: number, text: string): TemplateResult {
  return count % 2 ? html`<span>${text}</span>` : html`<span>${text}</span>`;
}
