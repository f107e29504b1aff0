import type { AnyExtension } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import { TextAlign } from '@tiptap/extension-text-align';
import { StarterKit } from '@tiptap/starter-kit';
import { TEXT_ALIGNMENTS } from './attribute-values.ts';
import { SectionId } from './section-id.ts';
import { SuggestionDelete, SuggestionInsert } from './suggestion-marks.ts';

/**
 * The editor's extensions, the single definition of the draft schema. The browser editor
 * adds Collaboration and carets on top; the server builds its schema from this same list
 * to seed, read and export drafts, and checks incoming updates against it (with the value
 * lists of `attribute-values.ts`). Undo/redo is off because Yjs provides it per user.
 * Headings carry their outline section's id (`section-id.ts`). StarterKit brings underline.
 * Tables (table, tableRow, tableHeader, tableCell: prosemirror-tables' model, with colspan,
 * rowspan and merged cells) have no column resizing: exports lay columns out in the Party
 * format themselves. Suggesting mode's two marks (`suggestion-marks.ts`) hold proposed
 * insertions and deletions with their author.
 */
export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({ undoRedo: false }),
    SectionId,
    TableKit.configure({ table: { resizable: false } }),
    TextAlign.configure({ types: ['heading', 'paragraph'], alignments: [...TEXT_ALIGNMENTS] }),
    SuggestionInsert,
    SuggestionDelete,
  ];
}
