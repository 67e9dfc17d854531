import { normalizeNir } from '../../model/nir.js';

/** How the Carte Vitale prints a NIR: sex, year, month, department, commune, order, key. */
const GROUPS = [1, 2, 2, 2, 3, 3, 2] as const;

/** `258036938304702` → `2 58 03 69 383 047 02`; characters past the 15th follow in one group. */
export function formatNir(raw: string): string {
  const compact = normalizeNir(raw);
  const parts: string[] = [];
  let start = 0;
  for (const size of GROUPS) {
    if (start >= compact.length) break;
    parts.push(compact.slice(start, start + size));
    start += size;
  }
  if (start < compact.length) parts.push(compact.slice(start));
  return parts.join(' ');
}

/** Where the caret goes in `formatted` so that `count` significant characters precede it. */
function caretAfter(formatted: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i += 1) {
    if (formatted[i] !== ' ') seen += 1;
    if (seen === count) return i + 1;
  }
  return formatted.length;
}

/**
 * Regroups what the user typed and keeps the caret beside the same character. Deleting one of
 * the spaces we inserted would change nothing (the space comes back), so it deletes the
 * character beyond it instead, as people expect.
 */
export function reformatNirInput(
  value: string,
  caret: number,
  previous: string,
  inputType: string | undefined,
): { value: string; caret: number } {
  let compact = normalizeNir(value);
  let before = normalizeNir(value.slice(0, caret)).length;
  const onlySpaceRemoved = compact === normalizeNir(previous) && value.length < previous.length;
  if (onlySpaceRemoved && inputType === 'deleteContentBackward' && before > 0) {
    compact = compact.slice(0, before - 1) + compact.slice(before);
    before -= 1;
  } else if (onlySpaceRemoved && inputType === 'deleteContentForward') {
    compact = compact.slice(0, before) + compact.slice(before + 1);
  }
  const formatted = formatNir(compact);
  return { value: formatted, caret: caretAfter(formatted, before) };
}
