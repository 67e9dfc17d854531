/**
 * Header sets merged in order: a later one replaces an earlier header of the same name however
 * either spells it (HTTP names are case-insensitive, and a browser would send both, joined).
 */
export function mergeHeaders(...sets: readonly (Readonly<Record<string, string>> | undefined)[]): Record<string, string> {
  const merged = new Map<string, [name: string, value: string]>();
  for (const set of sets) for (const [name, value] of Object.entries(set ?? {})) merged.set(name.toLowerCase(), [name, value]);
  return Object.fromEntries(merged.values());
}
