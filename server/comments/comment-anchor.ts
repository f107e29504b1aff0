import * as Y from 'yjs';
import type { Anchor, RelativePosition } from '../../shared/api/comments.ts';
import { findQuote, holdsQuote, quoteContext, type TextRange } from '../../shared/comments/quote-anchor.ts';
import { COMMENT_LIMITS } from '../../shared/limits.ts';
import { decodePosition, encodePosition } from '../../shared/comments/relative-position.ts';
import { ValidationError } from '../http/app-error.ts';
import { DraftTextMap } from './draft-text-map.ts';

/** What a new comment's range is, read from the live draft. */
export interface NewAnchor {
  sectionId: string | null;
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * Reads a new comment's range from the live draft: both positions must resolve, in order,
 * around some text; a suggestion's range must lie within one paragraph, since its
 * replacement is plain text put in its place.
 */
export function readNewAnchor(
  doc: Y.Doc,
  start: RelativePosition,
  end: RelativePosition,
  suggestion: boolean,
): NewAnchor {
  const map = new DraftTextMap(doc);
  const from = offsetOf(map, doc, start);
  const to = offsetOf(map, doc, end);
  if (
    from === null ||
    to === null ||
    to.offset <= from.offset ||
    map.text.slice(from.offset, to.offset).trim() === ''
  )
    throw new ValidationError(
      'anchor_unresolved',
      'The selected text is not in the draft (it may have just been deleted)',
    );
  if (suggestion && map.textAt(from.offset, to.offset) === null)
    throw new ValidationError('suggestion_span', 'A suggested rewording must stay within one paragraph');
  const context = quoteContext(map.text, from.offset, to.offset, COMMENT_LIMITS.contextChars);
  return {
    sectionId: map.sectionAt(from.offset),
    quote: storedQuote(context.quote),
    prefix: context.prefix,
    suffix: context.suffix,
  };
}

/**
 * Where a stored anchor's text is now: by its Yjs positions while they still hold some
 * text, else by finding its quote again near its section (a split or merged paragraph, or
 * text brought back by undo, has new Yjs items). Null: the text is gone (orphaned).
 */
export function locateAnchor(map: DraftTextMap, doc: Y.Doc, anchor: Anchor): TextRange | null {
  if (anchor.start === null || anchor.end === null) return null;
  const from = offsetOf(map, doc, anchor.start);
  const to = offsetOf(map, doc, anchor.end);
  if (
    from !== null &&
    to !== null &&
    to.offset > from.offset &&
    holdsQuote(map.text.slice(from.offset, to.offset), anchor.quote)
  )
    return { start: from.offset, end: to.offset };
  if (anchor.quote.includes('…') && anchor.quote.length > COMMENT_LIMITS.quoteMax) return null;
  const near = anchor.sectionId === null ? 0 : (map.sectionOffset(anchor.sectionId) ?? 0);
  return findQuote(map.text, anchor, near);
}

/** Where a comment's anchored text stands now, as the API shows it. */
export interface AnchorState {
  /** The text is gone (a section comment never is). */
  orphaned: boolean;
  /** What the anchored text reads now, when that is no longer its quote; else null. */
  nowReads: string | null;
}

const HELD: AnchorState = { orphaned: false, nowReads: null };

/** Whether a comment's text is still there, and what it reads now if it was edited. */
export function anchorState(map: DraftTextMap, doc: Y.Doc, anchor: Anchor | null): AnchorState {
  if (anchor === null || anchor.start === null) return HELD;
  const range = locateAnchor(map, doc, anchor);
  if (range === null) return { orphaned: true, nowReads: null };
  const now = storedQuote(map.text.slice(range.start, range.end));
  return now === anchor.quote ? HELD : { orphaned: false, nowReads: now };
}

/** Whether a comment with an anchor has lost its text (a section comment never does). */
export function isOrphaned(map: DraftTextMap, doc: Y.Doc, anchor: Anchor | null): boolean {
  return anchorState(map, doc, anchor).orphaned;
}

/**
 * Puts a suggestion's replacement in place of its anchored text, as one edit inside the
 * caller's transaction; the new text takes the formatting of the first replaced character.
 * Returns the anchor of the new text (so the comment keeps pointing at what it became), or
 * null when the text is gone or no longer within one paragraph.
 */
export function applyReplacement(
  doc: Y.Doc,
  anchor: Anchor,
  replacement: string,
): { start: RelativePosition; end: RelativePosition; quote: string } | null {
  const map = new DraftTextMap(doc);
  const range = locateAnchor(map, doc, anchor);
  if (range === null) return null;
  const place = map.textAt(range.start, range.end);
  if (place === null) return null;
  const { text, index } = place;
  const attributes = formatAt(text, index);
  text.delete(index, range.end - range.start);
  if (replacement !== '') text.insert(index, replacement, attributes);
  // The same convention as the browser's positions: each refers to the character after it.
  const at = (i: number) => encodePosition(Y.createRelativePositionFromTypeIndex(text, i));
  return { start: at(index), end: at(index + replacement.length), quote: replacement };
}

/** The formatting attributes of the character at `index`. */
function formatAt(text: Y.XmlText, index: number): Record<string, unknown> {
  let at = 0;
  for (const d of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const size = typeof d.insert === 'string' ? d.insert.length : 1;
    if (index < at + size) return d.attributes ?? {};
    at += size;
  }
  return {};
}

/** A quote as stored: a very long one keeps its start and end, enough to find and show it. */
function storedQuote(quote: string): string {
  const half = COMMENT_LIMITS.quoteMax / 2;
  return quote.length > COMMENT_LIMITS.quoteMax ? `${quote.slice(0, half)}…${quote.slice(-half)}` : quote;
}

/** Where an encoded position falls in the flat text now; null if malformed or its place is gone. */
function offsetOf(map: DraftTextMap, doc: Y.Doc, encoded: RelativePosition) {
  const position = decodePosition(encoded);
  return position === null ? null : map.offsetOf(position, doc);
}
