import { Editor, type AnyExtension, type JSONContent } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { editorExtensions } from '../../shared/editor/extensions.ts';
import { CONTENT_FRAGMENT } from '../../shared/editor/fragment.ts';
import { CommentAnchors } from '../comments/comment-anchors.ts';
import { ClickLands } from './click-lands.ts';
import { EmptyHint } from './empty-hint.ts';
import { FindReplace } from './find-replace.ts';
import { RemoteCarets } from './remote-carets.ts';
import { SuggestingMode } from './suggestions/suggesting-mode.ts';

/** What a live editor is bound to. */
export interface LiveEditorOptions {
  element: HTMLElement;
  ydoc: Y.Doc;
  /** Null for a document no socket serves (a round's version, read-only). */
  provider: WebsocketProvider | null;
  /** The local caret label; others see the server's name and colour for this user instead. */
  user: { id: number; name: string; color: string };
  readOnly: boolean;
  /** Hint text in an empty paragraph under a heading (editable only). */
  hint: string;
  /** The accessible name of the text area. */
  label: string;
  /** Called when a comment's highlight is clicked. */
  onCommentClick?: (commentId: number) => void;
  /** Called when the user asks to find (Mod-F, or the toolbar). */
  onFind?: () => void;
}

/**
 * The collaborative editor on a draft's Y.Doc, with comment highlights in both modes. Editable:
 * the shared schema, Yjs binding with per-user undo, and a published caret. Read-only: no caret is published at all (T17: the
 * server drops a read-only client's writes, and the client must not try).
 */
export function createLiveEditor(options: LiveEditorOptions): Editor {
  const extensions: AnyExtension[] = [
    ...editorExtensions(),
    Collaboration.configure({ document: options.ydoc, field: CONTENT_FRAGMENT }),
    CommentAnchors.configure({ onActivate: options.onCommentClick ?? (() => undefined) }),
    FindReplace.configure({ onOpen: options.onFind ?? (() => undefined) }),
    // Proposals carry the signed-in user; a read-only viewer cannot switch suggesting on.
    SuggestingMode.configure({
      author: options.readOnly ? null : { id: String(options.user.id), name: options.user.name },
    }),
  ];
  if (!options.readOnly && options.provider !== null)
    extensions.push(
      RemoteCarets.configure({ provider: options.provider, user: options.user }),
      EmptyHint.configure({ text: options.hint }),
      ClickLands,
    );
  // A caret left over from an editable session would otherwise keep showing to others.
  else options.provider?.awareness.setLocalStateField('cursor', null);
  const editor = new Editor({
    element: options.element,
    extensions,
    editable: !options.readOnly && options.provider !== null,
    injectCSS: false, // the sheet's shadow root carries these rules (document-styles.ts)
    editorProps: {
      attributes: {
        'aria-label': options.label,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-readonly': String(options.readOnly),
      },
    },
  });
  patchShadowRoot(editor);
  return editor;
}

/**
 * y-tiptap asks the editor's root for `createRange()` on every remote update, but inside a
 * shadow root (every page is one, under vk-app) there is none and each update logs an error.
 * ProseMirror patches the missing `getSelection` the same way; this adds the document's
 * `createRange` to this one root only.
 */
function patchShadowRoot(editor: Editor): void {
  const root = editor.view.root;
  if (root instanceof ShadowRoot && !('createRange' in root))
    Object.defineProperty(root, 'createRange', { value: () => document.createRange(), configurable: true });
}

/** A non-editable view of a frozen version's ProseMirror JSON. */
export function createStaticEditor(element: HTMLElement, content: JSONContent, label: string): Editor {
  return new Editor({
    element,
    extensions: editorExtensions(),
    content,
    editable: false,
    injectCSS: false,
    editorProps: { attributes: { 'aria-label': label, 'aria-readonly': 'true' } },
  });
}
