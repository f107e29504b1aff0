import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Anchor, CommentKind } from '../../shared/api/comments.ts';
import { changedPart, fromQuote, fromRelative, mapRanges, type AnchorRange } from './anchor-resolve.ts';
import { DocText } from './doc-text.ts';

/** Where a comment's quote is in the document now. */
export type { AnchorRange } from './anchor-resolve.ts';

/** A comment as the highlights need it. */
export interface AnchoredComment {
  id: number;
  kind: CommentKind;
  anchor: Anchor;
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

/** What a comment's highlighted words read now, when they are no longer its quote; else null. */
export function nowReads(state: EditorState, commentId: number, quote: string): string | null {
  const range = commentRanges(state).get(commentId);
  if (range === undefined || quote === '') return null;
  const now = state.doc.textBetween(range.from, range.to, '\n');
  return now === quote ? null : now;
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
    let range = fromRelative(state, anchor.start, anchor.end, anchor.quote);
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
