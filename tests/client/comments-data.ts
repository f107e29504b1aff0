import { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { CommentAnchors } from '../../client/comments/comment-anchors.ts';
import type { CommentThread } from '../../client/comments/comments-controller.ts';
import type { Comment } from '../../shared/api/comments.ts';
import { editorExtensions } from '../../shared/editor/extensions.ts';
import { CONTENT_FRAGMENT } from '../../shared/editor/fragment.ts';

/** A comment on draft d1 as the API returns it: by Chi bộ 1, on a quote in section s1. */
export const comment = (id: number, more: Partial<Comment> = {}): Comment => ({
  id,
  draftId: 'd1',
  roundId: 3,
  parentId: null,
  orgId: 21,
  orgName: 'Chi bộ 1',
  authorId: 31,
  authorName: 'Lê Văn Cường',
  kind: 'comment',
  body: 'Cần nêu rõ số liệu.',
  replacement: null,
  anchor: { sectionId: 's1', quote: 'kinh tế', prefix: '', suffix: '', start: null, end: null },
  orphaned: false,
  nowReads: null,
  createdAt: '2026-03-05T08:00:00.000Z',
  updatedAt: '2026-03-05T08:00:00.000Z',
  disposition: null,
  editable: true,
  ...more,
});

/** A reply in the thread of comment `parentId`. */
export const reply = (id: number, parentId: number, more: Partial<Comment> = {}): Comment =>
  comment(id, { parentId, anchor: null, body: 'Đồng ý.', ...more });

/** A thread of a root and its replies. */
export const thread = (root: Comment, ...replies: Comment[]): CommentThread => ({ root, replies });

/**
 * A live editor as the draft page builds it (schema, Yjs binding, comment highlights), on
 * its own Y.Doc, with `html` as its text. Clicked highlights are recorded in `clicked`.
 */
export function anchoredEditor(html: string, options: { editable?: boolean; ydoc?: Y.Doc } = {}) {
  const element = document.createElement('div');
  document.body.append(element);
  const clicked: number[] = [];
  const editor = new Editor({
    element,
    extensions: [
      ...editorExtensions(),
      Collaboration.configure({ document: options.ydoc ?? new Y.Doc(), field: CONTENT_FRAGMENT }),
      CommentAnchors.configure({ onActivate: (id) => clicked.push(id) }),
    ],
  });
  if (html !== '') editor.commands.setContent(html);
  if (options.editable === false) editor.setEditable(false);
  onTestFinished(() => editor.destroy());
  return { editor, clicked };
}

/** The document position of the first occurrence of `text` (a position inside one text node). */
export function positionOf(editor: Editor, text: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return found < 0;
    const at = node.text!.indexOf(text);
    if (at >= 0) found = pos + at;
    return false;
  });
  if (found < 0) throw new Error(`no "${text}" in the document`);
  return found;
}

/** Selects the first occurrence of `text` in the editor. */
export function selectText(editor: Editor, text: string): void {
  const from = positionOf(editor, text);
  editor.commands.setTextSelection({ from, to: from + text.length });
}
