import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { Mapping, StepMap } from '@tiptap/pm/transform';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { Anchor, RelativePosition } from '../../shared/api/comments.ts';
import { findQuote, holdsQuote } from '../../shared/comments/quote-anchor.ts';
import { COMMENT_LIMITS } from '../../shared/limits.ts';
import type { DocText } from './doc-text.ts';
import { decodePosition } from '../../shared/comments/relative-position.ts';

// How a comment's anchor is found in the editor's document: by its Yjs positions first, by
// its quote next, and how found ranges follow edits until they are resolved again.

/** Where a comment's quote is in the document now. */
export interface AnchorRange {
  from: number;
  to: number;
}

/** The binding's map between Yjs items and ProseMirror nodes. */
type YMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

/**
 * The range between two Yjs positions, through y-tiptap's binding (T18), or null unless it is
 * inside the document and still stands for `quote` (not blank, not a remnant of it).
 */
export function fromRelative(
  state: EditorState,
  start: RelativePosition | null,
  end: RelativePosition | null,
  quote: string,
): AnchorRange | null {
  const sync = ySyncPluginKey.getState(state) as
    { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: YMapping } | null } | undefined;
  if (start === null || end === null || sync?.binding == null) return null;
  const resolve = (encoded: RelativePosition) => {
    const position = decodePosition(encoded);
    return position === null
      ? null
      : relativePositionToAbsolutePosition(sync.doc, sync.type, position, sync.binding!.mapping);
  };
  const from = resolve(start);
  const to = resolve(end);
  if (from === null || to === null || from >= to || to > state.doc.content.size) return null;
  // As on the server: positions around blanks or a remnant no longer hold the quote.
  return holdsQuote(state.doc.textBetween(from, to, '\n'), quote) ? { from, to } : null;
}

/** The range of the quote found again in the text (best match of its context, nearest its section). */
export function fromQuote(text: DocText, anchor: Anchor): AnchorRange | null {
  // A long quote is kept as its start and end around '…' and cannot be searched for.
  if (anchor.quote.length > COMMENT_LIMITS.quoteMax && anchor.quote.includes('…')) return null;
  const near = anchor.sectionId === null ? 0 : (text.sections.get(anchor.sectionId) ?? 0);
  const found = findQuote(text.text, anchor, near);
  if (found === null) return null;
  const from = text.startPos(found.start);
  const to = text.endPos(found.end);
  return from === null || to === null || from >= to ? null : { from, to };
}

/** A map of the one region where two documents differ (unchanged nodes are shared, so this is quick). */
export function changedPart(before: PMNode, after: PMNode): Mapping {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return new Mapping();
  let { a: endA, b: endB } = before.content.findDiffEnd(after.content) ?? { a: start, b: start };
  // Repeated text can make both ends overlap the start; ProseMirror's own DOM reader does the same.
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  return new Mapping([new StepMap([start, endA - start, endB - start])]);
}

/** Ranges moved through a change; those left empty are dropped. */
export function mapRanges(
  ranges: ReadonlyMap<number, AnchorRange>,
  mapping: Mapping,
): Map<number, AnchorRange> {
  const mapped = new Map<number, AnchorRange>();
  for (const [id, { from, to }] of ranges) {
    const next = { from: mapping.map(from, 1), to: mapping.map(to, -1) };
    if (next.from < next.to) mapped.set(id, next);
  }
  return mapped;
}
