/**
 * The text a live region holds: screen readers speak a text when it is added to the region, so a
 * second announcement is heard only if its text is a new node, even when the words are the same.
 */
export function spokenText(region: Element): Text | undefined {
  const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent!.trim() !== '') return node as Text;
  return undefined;
}
