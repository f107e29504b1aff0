import { Extension, type Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Mapping, StepMap } from '@tiptap/pm/transform';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { Anchor, CommentKind, RelativePosition } from '../../shared/api/comments.ts';
import { findQuote } from '../../shared/comments/quote-anchor.ts';
import { COMMENT_LIMITS } from '../../shared/limits.ts';
import { DocText } from './doc-text.ts';

/** The binding's map between Yjs items and ProseMirror nodes. */
type YMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

/** A comment as the highlights need it. */
export interface AnchoredComment {
  id: number;
  kind: CommentKind;
  anchor: Anchor;
}

/** Where a comment's quote is in the document now. */
export interface AnchorRange {
  from: number;
  to: number;
}

interface AnchorsState {
  comments: readonly AnchoredComment[];
  active: number | null;
  /** Resolved ranges by comment id; comments with a quote but no range are orphaned. */
  ranges: ReadonlyMap<number, AnchorRange>;
  orphaned: ReadonlySet<number>;
  decorations: DecorationSet;
}

/** The plugin's key, to read its state. */
export const commentAnchorsKey = new PluginKey<AnchorsState>('commentAnchors');

/** How long typing may go on before the anchors are resolved again (meanwhile they are mapped). */
const RECOMPUTE_DELAY_MS = 150;

/**
 * Highlights the commented ranges of the draft. Comments live outside the Y.Doc (commenters
 * cannot write it, T17), so the highlights are decorations: each anchor's Yjs relative
 * positions are resolved through the y-tiptap binding (T18: its own `ySyncPluginKey`), and
 * when they no longer hold a non-empty range, the quote is searched for again in the text.
 * A comment found by neither is orphaned. Overlapping comments each keep their decoration.
 */
export const CommentAnchors = Extension.create<{ onActivate: (commentId: number) => void }>({
  name: 'commentAnchors',
  addOptions() {
    return { onActivate: () => undefined };
  },
  addProseMirrorPlugins() {
    const onActivate = this.options.onActivate;
    let timer: ReturnType<typeof setTimeout> | undefined;
    return [
      new Plugin<AnchorsState>({
        key: commentAnchorsKey,
        state: {
          init: (_config, state) => resolveAnchors(state, [], null),
          apply(tr, value, oldState) {
            const next = tr.getMeta(commentAnchorsKey) as AnchorsState | undefined;
            if (next !== undefined) return next;
            if (!tr.docChanged) return value;
            // y-tiptap applies a colleague's edit as a replacement of the whole document, which
            // would sweep every highlight away; the part that really changed maps them instead.
            const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)
              ?.isChangeOrigin;
            const mapping = remote === true ? changedPart(oldState.doc, tr.doc) : tr.mapping;
            return {
              ...value,
              ranges: mapRanges(value.ranges, mapping),
              decorations: value.decorations.map(mapping, tr.doc),
            };
          },
        },
        props: {
          decorations: (state) => commentAnchorsKey.getState(state)?.decorations,
          handleDOMEvents: {
            // A DOM listener, not handleClick: read-only views (commenters) get it too.
            click: (view, event) => {
              const target = event.target instanceof Element ? event.target : null;
              const id = clickedComment(view.state, target?.closest('.comment-highlight') ?? null);
              if (id !== null) onActivate(id);
              return false;
            },
          },
        },
        view: () => ({
          update(view, previous) {
            if (view.state.doc === previous.doc) return;
            clearTimeout(timer);
            timer = setTimeout(() => refresh(view), RECOMPUTE_DELAY_MS);
          },
          destroy: () => clearTimeout(timer),
        }),
      }),
    ];
  },
});

/** Shows these comments' highlights, `active` (the focused thread) stronger than the rest. */
export function setCommentAnchors(
  editor: Editor,
  comments: readonly AnchoredComment[],
  active: number | null,
): void {
  if (editor.isDestroyed) return;
  const next = resolveAnchors(editor.state, comments, active);
  editor.view.dispatch(editor.state.tr.setMeta(commentAnchorsKey, next).setMeta('addToHistory', false));
}

/** The resolved range of each highlighted comment, by id. */
export function commentRanges(state: EditorState): ReadonlyMap<number, AnchorRange> {
  return commentAnchorsKey.getState(state)?.ranges ?? new Map();
}

/** Comments whose quoted text is no longer in the draft. */
export function orphanedComments(state: EditorState): ReadonlySet<number> {
  return commentAnchorsKey.getState(state)?.orphaned ?? new Set();
}

/** The comment of a clicked highlight: where several overlap, the one with the shortest range. */
function clickedComment(state: EditorState, element: Element | null): number | null {
  const ranges = commentRanges(state);
  const ids = [...(element?.classList ?? [])].flatMap((c) =>
    /^cid-(\d+)$/.exec(c) ? [Number(c.slice(4))] : [],
  );
  const length = (id: number) => {
    const range = ranges.get(id);
    return range === undefined ? Infinity : range.to - range.from;
  };
  return ids.sort((a, b) => length(a) - length(b))[0] ?? null;
}

/** Resolves the anchors again once the text has settled (the mapped ranges drift on splits and undo). */
function refresh(view: EditorView): void {
  const current = commentAnchorsKey.getState(view.state);
  if (current === undefined || view.isDestroyed) return;
  const next = resolveAnchors(view.state, current.comments, current.active);
  view.dispatch(view.state.tr.setMeta(commentAnchorsKey, next).setMeta('addToHistory', false));
}

function resolveAnchors(
  state: EditorState,
  comments: readonly AnchoredComment[],
  active: number | null,
): AnchorsState {
  const ranges = new Map<number, AnchorRange>();
  const orphaned = new Set<number>();
  const decorations: Decoration[] = [];
  let text: DocText | null = null; // built once, only if a quote must be searched for
  for (const comment of comments) {
    const { anchor } = comment;
    const hasRange = anchor.quote !== '' || anchor.start !== null;
    if (!hasRange) continue; // a whole-section comment
    let range = fromRelative(state, anchor.start, anchor.end);
    if (range === null && anchor.quote.trim() !== '') {
      text ??= new DocText(state.doc);
      range = fromQuote(text, anchor);
    }
    if (range === null) {
      orphaned.add(comment.id);
      continue;
    }
    ranges.set(comment.id, range);
    // Overlapping marks merge into one span whose classes add up, so each carries its id as a class.
    const classes = ['comment-highlight', `cid-${comment.id}`];
    if (comment.kind === 'suggestion') classes.push('comment-suggestion');
    if (comment.id === active) classes.push('comment-active');
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: classes.join(' '),
        'data-comment-id': String(comment.id),
      }),
    );
  }
  return { comments, active, ranges, orphaned, decorations: DecorationSet.create(state.doc, decorations) };
}

/** The range between two Yjs positions, or null unless it is non-empty and inside the document. */
function fromRelative(
  state: EditorState,
  start: RelativePosition | null,
  end: RelativePosition | null,
): AnchorRange | null {
  const sync = ySyncPluginKey.getState(state) as
    { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: YMapping } | null } | undefined;
  if (start === null || end === null || sync?.binding == null) return null;
  const resolve = (position: RelativePosition) =>
    relativePositionToAbsolutePosition(
      sync.doc,
      sync.type,
      Y.createRelativePositionFromJSON(position),
      sync.binding!.mapping,
    );
  const from = resolve(start);
  const to = resolve(end);
  if (from === null || to === null || from >= to || to > state.doc.content.size) return null;
  // As on the server: positions around nothing but spaces no longer hold the quote.
  return state.doc.textBetween(from, to, '\n').trim() === '' ? null : { from, to };
}

/** The range of the quote found again in the text (best match of its context, nearest its section). */
function fromQuote(text: DocText, anchor: Anchor): AnchorRange | null {
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
function changedPart(before: PMNode, after: PMNode): Mapping {
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

function mapRanges(ranges: ReadonlyMap<number, AnchorRange>, mapping: Mapping): Map<number, AnchorRange> {
  const mapped = new Map<number, AnchorRange>();
  for (const [id, { from, to }] of ranges) {
    const next = { from: mapping.map(from, 1), to: mapping.map(to, -1) };
    if (next.from < next.to) mapped.set(id, next);
  }
  return mapped;
}
