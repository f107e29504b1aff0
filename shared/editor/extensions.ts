import type { AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';

/**
 * The editor's extensions, the single definition of the draft schema. The browser editor
 * adds Collaboration and carets on top; the server builds its schema from this same list
 * to seed, read and export drafts. Undo/redo is off because Yjs provides it per user.
 */
export function editorExtensions(): AnyExtension[] {
  return [StarterKit.configure({ undoRedo: false })];
}
