import type { AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { SectionId } from './section-id.ts';

/**
 * The editor's extensions, the single definition of the draft schema. The browser editor
 * adds Collaboration and carets on top; the server builds its schema from this same list
 * to seed, read and export drafts. Undo/redo is off because Yjs provides it per user.
 * Headings carry their outline section's id (`section-id.ts`).
 */
export function editorExtensions(): AnyExtension[] {
  return [StarterKit.configure({ undoRedo: false }), SectionId];
}
