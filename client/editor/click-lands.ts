import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';

/**
 * Makes a plain click put the caret where it was clicked, even when a colleague's edit or
 * caret arrives during the click. ProseMirror leaves a plain click to the browser and reads
 * the new DOM selection on the next `selectionchange`; a remote transaction applied between
 * the browser's mousedown and that event redraws the paragraph (or the colleague's caret
 * widget) and writes the editor's old selection back into the DOM, so the click was lost
 * and the next keystrokes went to where the caret had been (the first heading, for a
 * drafter who had not clicked yet). At mouseup ProseMirror knows the clicked position
 * (recomputed if the document changed meanwhile) and asks `handleClick`; this sets it when
 * the selection is elsewhere, and otherwise lets everything else go on as before.
 */
export const ClickLands = Extension.create({
  name: 'clickLands',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('clickLands'),
        props: {
          handleClick(view, pos, event) {
            if (event.button !== 0 || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey)
              return false;
            const { state } = view;
            if (pos < 0 || pos > state.doc.content.size) return false;
            const $pos = state.doc.resolve(pos);
            // Only text positions: clicks on leaves and between blocks keep ProseMirror's handling.
            if (!$pos.parent.inlineContent) return false;
            const { selection } = state;
            if (selection.empty && selection.head === pos) return false;
            view.dispatch(
              state.tr.setSelection(TextSelection.create(state.doc, pos)).setMeta('pointer', true),
            );
            return false;
          },
        },
      }),
    ];
  },
});
