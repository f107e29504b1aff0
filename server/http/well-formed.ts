/** A UTF-16 surrogate not paired with its other half (a well-formed pair counts as one code point under `u`). */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Where in a parsed JSON value a string (or object key) holds a lone surrogate, as a dotted
 * path (`""` for the value itself); null when every string is well-formed. JSON may escape
 * one (`"\ud800"`), but UTF-8 cannot carry it: SQLite would silently store U+FFFD instead,
 * so such text is refused rather than changed (issue 18).
 */
export function illFormedTextAt(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (LONE_SURROGATE.test(key)) return at;
    const found = illFormedTextAt(item, at);
    if (found !== null) return found;
  }
  return null;
}
