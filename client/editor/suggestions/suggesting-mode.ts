import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { suggestTransaction, type SuggestionAuthor, type SuggestionSource } from './suggest-transform.ts';
import { decideSuggestions, type Decision } from './suggestion-ops.ts';

/** Meta on a transaction: switch suggesting on/off, or leave this edit untracked. */
interface SuggestingMeta {
  enabled?: boolean;
  skip?: boolean;
}

const suggestingKey = new PluginKey<{ enabled: boolean }>('suggesting');

/** Options of {@link SuggestingMode}. */
export interface SuggestingModeOptions {
  /** The signed-in user; null leaves suggesting off (a viewer). */
  author: SuggestionAuthor | null;
  /** Clock and ids (tests fix them). */
  source?: SuggestionSource;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggesting: {
      /** Turns suggesting mode on or off for this user's edits. */
      setSuggesting: (enabled: boolean) => ReturnType;
      /** Accepts or rejects one proposal by id, or every proposal when id is null. */
      decideSuggestion: (decision: Decision, id: string | null) => ReturnType;
    };
  }
}

/** Whether this editor's edits are proposals. */
export function isSuggesting(state: EditorState): boolean {
  return suggestingKey.getState(state)?.enabled ?? false;
}

/**
 * Suggesting mode ("Đề xuất", track changes). A per-user switch (plugin state, never shared);
 * while on, every local edit is rewritten before it is applied (`suggest-transform.ts`) so it
 * lands in the Y.Doc as proposal marks. Colleagues' edits arriving through y-sync, undo/redo
 * (Yjs replays what was stored, already tracked) and accept/reject are never rewritten.
 */
export const SuggestingMode = Extension.create<SuggestingModeOptions>({
  name: 'suggesting',
  addOptions() {
    return { author: null };
  },
  addCommands() {
    return {
      setSuggesting:
        (enabled) =>
        ({ tr, dispatch }) => {
          if (enabled && this.options.author === null) return false;
          if (dispatch) tr.setMeta(suggestingKey, { enabled } satisfies SuggestingMeta);
          return true;
        },
      decideSuggestion:
        (decision, id) =>
        ({ tr, dispatch }) => {
          const changed = decideSuggestions(tr, decision, id);
          if (changed && dispatch) tr.setMeta(suggestingKey, { skip: true } satisfies SuggestingMeta);
          return changed;
        },
    };
  },
  dispatchTransaction({ transaction, next }) {
    const author = this.options.author;
    const state = this.editor.state;
    if (author === null || !transaction.docChanged || !isSuggesting(state) || untracked(transaction))
      return next(transaction);
    next(suggestTransaction(state, transaction, author, this.options.source));
  },
  addProseMirrorPlugins() {
    return [
      new Plugin<{ enabled: boolean }>({
        key: suggestingKey,
        state: {
          init: () => ({ enabled: false }),
          apply(tr, value) {
            const meta = tr.getMeta(suggestingKey) as SuggestingMeta | undefined;
            return meta?.enabled === undefined ? value : { enabled: meta.enabled };
          },
        },
      }),
    ];
  },
});

function untracked(tr: Transaction): boolean {
  const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  const own = tr.getMeta(suggestingKey) as SuggestingMeta | undefined;
  return sync?.isChangeOrigin === true || own?.skip === true;
}

/** Shortcut for the UI: whether the editor is in suggesting mode. */
export function editorSuggesting(editor: Editor): boolean {
  return isSuggesting(editor.state);
}
