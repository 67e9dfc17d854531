/**
 * Header sets merged in order: a later one replaces an earlier header of the same name however
 * either spells it (HTTP names are case-insensitive, and a browser would send both, joined), and
 * a later empty value removes it.
 */
export function mergeHeaders(...sets: readonly (Readonly<Record<string, string>> | undefined)[]): Record<string, string> {
  const merged = new Map<string, [name: string, value: string]>();
  for (const set of sets) {
    for (const [name, value] of Object.entries(set ?? {})) {
      // An empty value takes the header out: a host's `{ Authorization: '' }` sends no default one.
      if (value === '') merged.delete(name.toLowerCase());
      else merged.set(name.toLowerCase(), [name, value]);
    }
  }
  return Object.fromEntries(merged.values());
}
