import { Extension, type Editor } from '@tiptap/core';
import type { Mapping } from '@tiptap/pm/transform';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { Anchor, CommentKind, RelativePosition } from '../../shared/api/comments.ts';
import { findQuote } from '../../shared/comments/quote-anchor.ts';
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
          apply(tr, value) {
            const next = tr.getMeta(commentAnchorsKey) as AnchorsState | undefined;
            if (next !== undefined) return next;
            if (!tr.docChanged) return value;
            return {
              ...value,
              ranges: mapRanges(value.ranges, tr.mapping),
              decorations: value.decorations.map(tr.mapping, tr.doc),
            };
          },
        },
        props: {
          decorations: (state) => commentAnchorsKey.getState(state)?.decorations,
          handleDOMEvents: {
            // A DOM listener, not handleClick: read-only views (commenters) get it too.
            click: (_view, event) => {
              const target = event.target instanceof Element ? event.target : null;
              const id = Number(target?.closest('[data-comment-id]')?.getAttribute('data-comment-id'));
              if (id > 0) onActivate(id);
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
    const classes = ['comment-highlight'];
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
  return { from, to };
}

/** The range of the quote found again in the text (best match of its context). */
function fromQuote(text: DocText, anchor: Anchor): AnchorRange | null {
  const found = findQuote(text.text, anchor);
  if (found === null) return null;
  const from = text.startPos(found.start);
  const to = text.endPos(found.end);
  return from === null || to === null || from >= to ? null : { from, to };
}

function mapRanges(ranges: ReadonlyMap<number, AnchorRange>, mapping: Mapping): Map<number, AnchorRange> {
  const mapped = new Map<number, AnchorRange>();
  for (const [id, { from, to }] of ranges) {
    const next = { from: mapping.map(from, 1), to: mapping.map(to, -1) };
    if (next.from < next.to) mapped.set(id, next);
  }
  return mapped;
}
