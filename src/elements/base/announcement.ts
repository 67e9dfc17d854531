/**
 * Says `text` in `region`, a live region whose content Lit does not draw: each time a new text
 * node, for a live region speaks what is added to it, and the same words written again into the
 * node that holds them would not be heard again. Empty text clears it.
 */
export function announceIn(region: Element | null, text: string): void {
  region?.replaceChildren(...(text ? [text] : []));
}
