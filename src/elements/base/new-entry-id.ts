/**
 * A new id for an entry of a list the user edits (allergies, treatments, contacts…): kept across
 * versions so they compare entry by entry (DECISIONS.md 4), unique enough within one patient's
 * record, and made in insecure contexts too, where `crypto.randomUUID` is missing.
 */
export function newEntryId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
