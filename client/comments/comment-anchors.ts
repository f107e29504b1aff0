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

/** Anything highlighted at an anchor (a consultation comment, a committee thread). */
export interface AnchoredItem {
  id: number;
  anchor: Anchor;
}

/** How one kind of anchored item is drawn. */
export interface HighlightStyle<T extends AnchoredItem> {
  /** The class of every highlight of this kind (clicks are recognised by it). */
  base: string;
  /** The prefix of the class naming an item's id (overlapping spans carry several). */
  idPrefix: string;
  /** The data attribute naming the item's id (for tests and tools). */
  attribute: string;
  /** Further classes of an item. */
  classes(item: T, active: boolean): string[];
}

/** The state of one kind of highlights. */
export interface AnchorsState<T extends AnchoredItem = AnchoredItem> {
  comments: readonly T[];
  active: number | null;
  /** Resolved ranges by comment id; comments with a quote but no range are orphaned. */
  ranges: ReadonlyMap<number, AnchorRange>;
  orphaned: ReadonlySet<number>;
  decorations: DecorationSet;
}

/** The plugin's key, to read its state. */
export const commentAnchorsKey = new PluginKey<AnchorsState<AnchoredComment>>('commentAnchors');

const commentStyle: HighlightStyle<AnchoredComment> = {
  base: 'comment-highlight',
  idPrefix: 'cid-',
  attribute: 'data-comment-id',
  classes: (comment, active) => [
    ...(comment.kind === 'suggestion' ? ['comment-suggestion'] : []),
    ...(active ? ['comment-active'] : []),
  ],
};

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
    return [anchorHighlights(commentAnchorsKey, commentStyle, this.options.onActivate)];
  },
});

/**
 * The highlight plugin of one kind of anchored items under `key` (see {@link CommentAnchors});
 * a click on one of its highlights calls `onActivate` with the item's id.
 */
export function anchorHighlights<T extends AnchoredItem>(
  key: PluginKey<AnchorsState<T>>,
  style: HighlightStyle<T>,
  onActivate: (id: number) => void,
): Plugin<AnchorsState<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Plugin<AnchorsState<T>>({
    key,
    state: {
      init: (_config, state) => resolveAnchors(state, style, [], null),
      apply(tr, value, oldState) {
        const next = tr.getMeta(key) as AnchorsState<T> | undefined;
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
      decorations: (state) => key.getState(state)?.decorations,
      handleDOMEvents: {
        // A DOM listener, not handleClick: read-only views (commenters) get it too.
        click: (view, event) => {
          const target = event.target instanceof Element ? event.target : null;
          const id = clickedItem(view.state, key, style, target?.closest(`.${style.base}`) ?? null);
          if (id !== null) onActivate(id);
          return false;
        },
      },
    },
    view: () => ({
      update(view, previous) {
        if (view.state.doc === previous.doc) return;
        clearTimeout(timer);
        timer = setTimeout(() => refresh(view, key, style), RECOMPUTE_DELAY_MS);
      },
      destroy: () => clearTimeout(timer),
    }),
  });
}

/** Shows these items' highlights under `key`, `active` stronger than the rest. */
export function setAnchors<T extends AnchoredItem>(
  editor: Editor,
  key: PluginKey<AnchorsState<T>>,
  style: HighlightStyle<T>,
  items: readonly T[],
  active: number | null,
): void {
  if (editor.isDestroyed || key.getState(editor.state) === undefined) return;
  const next = resolveAnchors(editor.state, style, items, active);
  editor.view.dispatch(editor.state.tr.setMeta(key, next).setMeta('addToHistory', false));
}

/** Shows these comments' highlights, `active` (the focused thread) stronger than the rest. */
export function setCommentAnchors(
  editor: Editor,
  comments: readonly AnchoredComment[],
  active: number | null,
): void {
  setAnchors(editor, commentAnchorsKey, commentStyle, comments, active);
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

/** The item of a clicked highlight: where several overlap, the one with the shortest range. */
function clickedItem<T extends AnchoredItem>(
  state: EditorState,
  key: PluginKey<AnchorsState<T>>,
  style: HighlightStyle<T>,
  element: Element | null,
): number | null {
  const ranges = key.getState(state)?.ranges ?? new Map<number, AnchorRange>();
  const ids = [...(element?.classList ?? [])].flatMap((c) =>
    c.startsWith(style.idPrefix) && /^\d+$/.test(c.slice(style.idPrefix.length))
      ? [Number(c.slice(style.idPrefix.length))]
      : [],
  );
  const length = (id: number) => {
    const range = ranges.get(id);
    return range === undefined ? Infinity : range.to - range.from;
  };
  return ids.sort((a, b) => length(a) - length(b))[0] ?? null;
}

/** Resolves the anchors again once the text has settled (the mapped ranges drift on splits and undo). */
function refresh<T extends AnchoredItem>(
  view: EditorView,
  key: PluginKey<AnchorsState<T>>,
  style: HighlightStyle<T>,
): void {
  const current = key.getState(view.state);
  if (current === undefined || view.isDestroyed) return;
  const next = resolveAnchors(view.state, style, current.comments, current.active);
  view.dispatch(view.state.tr.setMeta(key, next).setMeta('addToHistory', false));
}

function resolveAnchors<T extends AnchoredItem>(
  state: EditorState,
  style: HighlightStyle<T>,
  comments: readonly T[],
  active: number | null,
): AnchorsState<T> {
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
    const classes = [
      style.base,
      `${style.idPrefix}${comment.id}`,
      ...style.classes(comment, comment.id === active),
    ];
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: classes.join(' '),
        [style.attribute]: String(comment.id),
      }),
    );
  }
  return { comments, active, ranges, orphaned, decorations: DecorationSet.create(state.doc, decorations) };
}
