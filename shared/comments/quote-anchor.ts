/** A quote with the text just before and after it, as stored with a comment's anchor. */
export interface QuoteContext {
  quote: string;
  prefix: string;
  suffix: string;
}

/** A range of characters, end excluded. */
export interface TextRange {
  start: number;
  end: number;
}

/** The quote `text[start, end)` with up to `chars` characters of context on each side. */
export function quoteContext(text: string, start: number, end: number, chars: number): QuoteContext {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - chars), start),
    suffix: text.slice(end, end + chars),
  };
}

/**
 * Whether the text now between a comment's Yjs positions still stands for its quote. Blank
 * text does not, and neither does a remnant: when most of a quote is deleted the positions
 * close in on what is left (often a single character), and a highlight on that would claim
 * the comment is about it. Under a fifth of the quote's characters counts as a remnant.
 */
export function holdsQuote(found: string, quote: string): boolean {
  const left = found.trim().length;
  const original = quote.trim().length;
  return left > 0 && (original < 5 || left * 5 >= original);
}

/** Most occurrences of a quote weighed before giving up (a one-word quote in a long text). */
const MAX_OCCURRENCES = 2000;

/**
 * Finds a quote again once its Yjs positions no longer hold it (the paragraph was split or
 * merged, or undo brought the text back as new items). Among the places the quote occurs,
 * the one whose surroundings best match the stored prefix and suffix wins; ties go to the
 * one nearest `near`. Null when the quote is empty or no longer in `text`.
 */
export function findQuote(text: string, context: QuoteContext, near = 0): TextRange | null {
  const { quote, prefix, suffix } = context;
  if (quote.trim() === '') return null;
  let best: TextRange | null = null;
  let bestScore = -1;
  let bestDistance = Infinity;
  let seen = 0;
  for (let at = text.indexOf(quote); at !== -1 && seen < MAX_OCCURRENCES; at = text.indexOf(quote, at + 1)) {
    seen += 1;
    const end = at + quote.length;
    const score =
      commonTail(text.slice(Math.max(0, at - prefix.length), at), prefix) +
      commonHead(text.slice(end, end + suffix.length), suffix);
    const distance = Math.abs(at - near);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = { start: at, end };
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

/** How many characters `a` and `b` share at their ends. */
function commonTail(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

/** How many characters `a` and `b` share at their starts. */
function commonHead(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}
