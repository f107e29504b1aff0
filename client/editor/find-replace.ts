import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { findMatches, type TextRange } from './find-text.ts';

/** What the find bar shows: the query, its matches and which one is current (-1: none yet). */
export interface FindState {
  query: string;
  matches: readonly TextRange[];
  current: number;
  decorations: DecorationSet;
}

const findKey = new PluginKey<FindState>('findReplace');

declare module '@tiptap/core' {
  interface Storage {
    findReplace: { open: () => void };
  }
}

/**
 * Find and replace in the draft, ignoring case and Vietnamese diacritics (find-text.ts). The
 * matches are decorations (never in the Y.Doc), found again after every change while a query
 * is set, so a colleague's typing is searched too; replacing is an ordinary edit, so each
 * replacement reaches the others and the user's undo takes it back. Mod-F opens the bar.
 */
export const FindReplace = Extension.create<{ onOpen: () => void }>({
  name: 'findReplace',
  addOptions() {
    return { onOpen: () => undefined };
  },
  addStorage() {
    return { open: () => this.options.onOpen() };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-f': () => {
        this.options.onOpen();
        return true;
      },
    };
  },
  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findKey,
        state: {
          init: () => ({ query: '', matches: [], current: -1, decorations: DecorationSet.empty }),
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(findKey) as { query?: string; current?: number } | undefined;
            if (meta === undefined && (!tr.docChanged || value.query === '')) return value;
            const query = meta?.query ?? value.query;
            const matches =
              meta?.query === undefined && !tr.docChanged ? value.matches : findMatches(state.doc, query);
            const wanted = meta?.current ?? value.current;
            const current = matches.length === 0 ? -1 : Math.min(wanted, matches.length - 1);
            return { query, matches, current, decorations: decorate(state, matches, current) };
          },
        },
        props: { decorations: (state) => findKey.getState(state)?.decorations },
      }),
    ];
  },
});

function decorate(state: EditorState, matches: readonly TextRange[], current: number): DecorationSet {
  return DecorationSet.create(
    state.doc,
    matches.map((m, i) =>
      Decoration.inline(m.from, m.to, { class: i === current ? 'find-match find-current' : 'find-match' }),
    ),
  );
}

/** The find state of an editor. */
export function findState(editor: Editor): FindState {
  return (
    findKey.getState(editor.state) ?? {
      query: '',
      matches: [],
      current: -1,
      decorations: DecorationSet.empty,
    }
  );
}

/** Sets the query; the current match becomes the first one at or after the cursor. */
export function setFindQuery(editor: Editor, query: string): void {
  const matches = findMatches(editor.state.doc, query);
  const from = editor.state.selection.from;
  const next = matches.findIndex((m) => m.from >= from);
  editor.view.dispatch(editor.state.tr.setMeta(findKey, { query, current: next === -1 ? 0 : next }));
}

/** Moves to the next (1) or previous (-1) match, wrapping around, selects it and scrolls it into view. */
export function findStep(editor: Editor, direction: 1 | -1): void {
  const { matches, current } = findState(editor);
  if (matches.length === 0) return;
  const index = current === -1 ? 0 : (current + direction + matches.length) % matches.length;
  select(editor, index);
}

/** Replaces the current match with `text` and moves on to the next one; false when there is none. */
export function replaceCurrent(editor: Editor, text: string): boolean {
  const { matches, current } = findState(editor);
  const match = matches[current];
  if (match === undefined) return false;
  const tr = editor.state.tr.insertText(text, match.from, match.to);
  tr.setSelection(TextSelection.create(tr.doc, match.from + text.length));
  editor.view.dispatch(tr.setMeta(findKey, { current }));
  // The match after the replaced text becomes the current one (wrapping to the first).
  const after = findState(editor).matches;
  const next = after.findIndex((m) => m.from >= match.from + text.length);
  if (after.length > 0) select(editor, next === -1 ? 0 : next);
  return true;
}

/** Replaces every match with `text` in one edit; returns how many were replaced. */
export function replaceAll(editor: Editor, text: string): number {
  const { matches } = findState(editor);
  if (matches.length === 0) return 0;
  const tr = editor.state.tr;
  // From the last to the first, so that earlier positions stay valid.
  for (let i = matches.length - 1; i >= 0; i--) tr.insertText(text, matches[i]!.from, matches[i]!.to);
  editor.view.dispatch(tr);
  return matches.length;
}

function select(editor: Editor, index: number): void {
  const match = findState(editor).matches[index];
  if (match === undefined) return;
  const tr = editor.state.tr
    .setSelection(TextSelection.create(editor.state.doc, match.from, match.to))
    .setMeta(findKey, { current: index })
    .scrollIntoView();
  editor.view.dispatch(tr);
}
