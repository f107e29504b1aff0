import type { Editor } from '@tiptap/core';
import { PluginKey, type EditorState } from '@tiptap/pm/state';
import type { Anchor } from '../../shared/api/comments.ts';
import {
  anchorHighlights,
  setAnchors,
  type AnchorRange,
  type AnchorsState,
  type HighlightStyle,
} from '../comments/comment-anchors.ts';

/** A thread as its highlight needs it. */
export interface AnchoredThread {
  id: number;
  anchor: Anchor;
  /** Answered or resolved: its highlight fades. */
  settled: boolean;
}

const discussionAnchorsKey = new PluginKey<AnchorsState<AnchoredThread>>('discussionAnchors');

const style: HighlightStyle<AnchoredThread> = {
  base: 'discussion-highlight',
  idPrefix: 'did-',
  attribute: 'data-discussion-id',
  classes: (thread, active) => [
    ...(thread.settled ? ['discussion-settled'] : []),
    ...(active ? ['discussion-active'] : []),
  ],
};

/**
 * Adds the committee's thread highlights to a live editor, once: the same anchoring as the
 * consultation comments' (comment-anchors.ts), under a key of their own, so the two sets
 * never mix ids or clicks. Registered on the built editor, so the editor's own setup stays
 * the same for commenters, who never see these threads.
 */
export function attachDiscussionAnchors(editor: Editor, onActivate: (threadId: number) => void): void {
  if (editor.isDestroyed || discussionAnchorsKey.getState(editor.state) !== undefined) return;
  editor.registerPlugin(anchorHighlights(discussionAnchorsKey, style, onActivate));
}

/** Shows these threads' highlights, `active` stronger. */
export function setDiscussionAnchors(
  editor: Editor,
  threads: readonly AnchoredThread[],
  active: number | null,
): void {
  setAnchors(editor, discussionAnchorsKey, style, threads, active);
}

/** The resolved range of each highlighted thread, by id. */
export function discussionRanges(state: EditorState): ReadonlyMap<number, AnchorRange> {
  return discussionAnchorsKey.getState(state)?.ranges ?? new Map();
}
