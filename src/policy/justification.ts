/** Shortest break-glass or regulation justification, in Unicode code points once trimmed. */
export const MIN_JUSTIFICATION_LENGTH = 20;

/**
 * Whether a written emergency justification is long enough. Counted in code points, not UTF-16
 * units, so that an emoji or a character outside the BMP counts as one, as a person would count it.
 */
export function isValidJustification(text: unknown): boolean {
  // Code points never outnumber UTF-16 units: a short string fails without trimming.
  if (typeof text !== 'string' || text.length < MIN_JUSTIFICATION_LENGTH) return false;
  const trimmed = text.trim();
  let codePoints = 0;
  for (let i = 0; i < trimmed.length; i++) {
    const unit = trimmed.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < trimmed.length) {
      const next = trimmed.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    if (++codePoints >= MIN_JUSTIFICATION_LENGTH) return true;
  }
  return false;
}
