import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/**
 * Shows a grey hint in an empty paragraph that follows a heading ("write this section
 * here"), so a freshly seeded draft says where to type. Decorations only: nothing reaches
 * the Y.Doc, which is why it lives in the client and not in the shared schema.
 */
export const EmptyHint = Extension.create<{ text: string }>({
  name: 'emptyHint',
  addOptions() {
    return { text: '' };
  },
  addProseMirrorPlugins() {
    const text = this.options.text;
    return [
      new Plugin({
        key: new PluginKey('emptyHint'),
        props: {
          decorations: (state) => {
            const decorations: Decoration[] = [];
            let previous: string | null = null;
            state.doc.forEach((node, offset) => {
              if (node.type.name === 'paragraph' && node.content.size === 0 && previous === 'heading')
                decorations.push(
                  Decoration.node(offset, offset + node.nodeSize, {
                    class: 'is-empty-hint',
                    'data-placeholder': text,
                  }),
                );
              previous = node.type.name;
            });
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});
