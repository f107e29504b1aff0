import { Editor, type JSONContent } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { isSuggesting, SuggestingMode } from '../../../client/editor/suggestions/suggesting-mode.ts';
import { listSuggestions, suggestionAt } from '../../../client/editor/suggestions/suggestion-ops.ts';
import { editorExtensions } from '../../../shared/editor/extensions.ts';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';

const AN = { id: '7', name: 'Nguyễn Văn An' };
const BINH = { id: '8', name: 'Trần Thị Bình' };

function editorOn(ydoc: Y.Doc, author: { id: string; name: string }, content?: string): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  let n = 0;
  const editor = new Editor({
    element,
    extensions: [
      ...editorExtensions(),
      Collaboration.configure({ document: ydoc, field: CONTENT_FRAGMENT }),
      SuggestingMode.configure({
        author,
        source: { now: () => new Date('2026-12-09T08:00:00Z'), newId: () => `${author.id}-s${++n}` },
      }),
    ],
  });
  if (content !== undefined) editor.commands.setContent(content);
  onTestFinished(() => editor.destroy());
  return editor;
}

/** Two Y.Docs kept in sync, as the server relays them. */
function linkedDocs(): [Y.Doc, Y.Doc] {
  const [a, b] = [new Y.Doc(), new Y.Doc()];
  a.on('update', (u: Uint8Array, origin) => origin !== b && Y.applyUpdate(b, u, a));
  b.on('update', (u: Uint8Array, origin) => origin !== a && Y.applyUpdate(a, u, b));
  return [a, b];
}

/** The first paragraph's text runs: text and the suggestion marks on it. */
function runs(editor: Editor, block = 0): { text: string; ins?: string; del?: string }[] {
  const para = (editor.getJSON().content ?? [])[block] as JSONContent;
  return (para.content ?? []).map((t) => {
    const run: { text: string; ins?: string; del?: string } = { text: t.text ?? '' };
    for (const m of t.marks ?? []) {
      if (m.type === 'suggestionInsert') run.ins = String(m.attrs?.id);
      if (m.type === 'suggestionDelete') run.del = String(m.attrs?.id);
    }
    return run;
  });
}

const at = (editor: Editor, pos: number) => editor.commands.setTextSelection(pos);
const type = (editor: Editor, text: string) => editor.view.dispatch(editor.state.tr.insertText(text));
/** What ProseMirror dispatches when the browser deletes a character (it reads the DOM change). */
const backspace = (editor: Editor) => {
  const head = editor.state.selection.head;
  editor.view.dispatch(editor.state.tr.delete(head - 1, head));
};
const forwardDelete = (editor: Editor) => {
  const head = editor.state.selection.head;
  editor.view.dispatch(editor.state.tr.delete(head, head + 1));
};

describe('suggesting mode', () => {
  it('typed text becomes one proposal carrying its author, however many keystrokes', () => {
    const editor = editorOn(new Y.Doc(), AN, '<p>Đảng bộ lãnh đạo.</p>');
    editor.commands.setSuggesting(true);
    expect(isSuggesting(editor.state)).toBe(true);
    at(editor, 9); // after "Đảng bộ "
    for (const ch of 'toàn diện ') type(editor, ch);
    expect(runs(editor)).toEqual([
      { text: 'Đảng bộ ' },
      { text: 'toàn diện ', ins: '7-s1' },
      { text: 'lãnh đạo.' },
    ]);
    const [s] = listSuggestions(editor.state.doc);
    expect(s).toMatchObject({
      id: '7-s1',
      authorId: '7',
      authorName: 'Nguyễn Văn An',
      createdAt: '2026-12-09T08:00:00.000Z',
      inserted: 'toàn diện ',
      deleted: '',
    });
    // The caret follows the typing.
    expect(editor.state.selection.from).toBe(19);
  });

  it('Backspace and Delete strike text through instead of removing it, one proposal per run', () => {
    const editor = editorOn(new Y.Doc(), AN, '<p>Đảng bộ lãnh đạo.</p>');
    editor.commands.setSuggesting(true);
    at(editor, 8); // after "Đảng bộ"
    backspace(editor);
    backspace(editor);
    expect(editor.getText()).toBe('Đảng bộ lãnh đạo.');
    expect(runs(editor)).toEqual([{ text: 'Đảng ' }, { text: 'bộ', del: '7-s1' }, { text: ' lãnh đạo.' }]);
    expect(editor.state.selection.from).toBe(6); // before the struck text
    at(editor, 9);
    forwardDelete(editor);
    expect(runs(editor)[3]).toEqual({ text: 'l', del: '7-s2' });
    expect(editor.state.selection.from).toBe(10); // past it
  });

  it("deleting one's own pending insertion removes it for real", () => {
    const editor = editorOn(new Y.Doc(), AN, '<p>Đảng bộ.</p>');
    editor.commands.setSuggesting(true);
    at(editor, 8);
    type(editor, ' Khối');
    backspace(editor);
    backspace(editor);
    expect(runs(editor)).toEqual([{ text: 'Đảng bộ' }, { text: ' Kh', ins: '7-s1' }, { text: '.' }]);
    expect(editor.getText()).toBe('Đảng bộ Kh.');
    // Backspace past the insertion strikes the original text.
    for (let i = 0; i < 4; i++) backspace(editor);
    expect(runs(editor)).toEqual([{ text: 'Đảng b' }, { text: 'ộ', del: '7-s2' }, { text: '.' }]);
  });

  it('typing over a selection proposes a replacement: the deletion and insertion share one id', () => {
    const editor = editorOn(new Y.Doc(), AN, '<p>Nhiệm kỳ 2020-2025.</p>');
    editor.commands.setSuggesting(true);
    editor.commands.setTextSelection({ from: 10, to: 19 });
    type(editor, '2025-2030');
    expect(runs(editor)).toEqual([
      { text: 'Nhiệm kỳ ' },
      { text: '2020-2025', del: '7-s1' },
      { text: '2025-2030', ins: '7-s1' },
      { text: '.' },
    ]);
    expect(listSuggestions(editor.state.doc)).toMatchObject([
      { id: '7-s1', deleted: '2020-2025', inserted: '2025-2030' },
    ]);
    expect(suggestionAt(editor.state.doc, 12)?.id).toBe('7-s1');
  });

  it('striking words with Backspace and typing new ones is one replacement, the new words first', () => {
    const editor = editorOn(new Y.Doc(), AN, '<p>Lần thứ V.</p>');
    editor.commands.setSuggesting(true);
    at(editor, 10);
    backspace(editor);
    type(editor, 'VI');
    expect(runs(editor)).toEqual([
      { text: 'Lần thứ ' },
      { text: 'VI', ins: '7-s1' },
      { text: 'V', del: '7-s1' },
      { text: '.' },
    ]);
    expect(listSuggestions(editor.state.doc)).toHaveLength(1);
  });

  it('a paragraph split and formatting stay direct edits', () => {
    const editor = editorOn(new Y.Doc(), AN, '<p>Một. Hai.</p>');
    editor.commands.setSuggesting(true);
    at(editor, 5);
    editor.commands.enter();
    expect(editor.getHTML()).toBe('<p>Một.</p><p> Hai.</p>');
    editor.commands.setTextSelection({ from: 1, to: 5 });
    editor.commands.toggleBold();
    expect(editor.getHTML()).toBe('<p><strong>Một.</strong></p><p> Hai.</p>');
    expect(listSuggestions(editor.state.doc)).toEqual([]);
  });

  it('accepting and rejecting one proposal, then all: the result is a normal edit', () => {
    const editor = editorOn(new Y.Doc(), AN, '<p>Nhiệm kỳ 2020-2025, đại hội lần thứ V.</p>');
    editor.commands.setSuggesting(true);
    editor.commands.setTextSelection({ from: 10, to: 19 });
    type(editor, '2025-2030'); // s1: a replacement
    at(editor, editor.state.doc.content.size - 2);
    type(editor, 'I'); // s2: "VI"
    expect(editor.getText()).toBe('Nhiệm kỳ 2020-20252025-2030, đại hội lần thứ VI.');
    expect(editor.commands.decideSuggestion('accept', '7-s1')).toBe(true);
    expect(editor.getText()).toBe('Nhiệm kỳ 2025-2030, đại hội lần thứ VI.');
    expect(editor.commands.decideSuggestion('reject', '7-s2')).toBe(true);
    expect(editor.getText()).toBe('Nhiệm kỳ 2025-2030, đại hội lần thứ V.');
    expect(editor.getHTML()).toBe('<p>Nhiệm kỳ 2025-2030, đại hội lần thứ V.</p>');
    // Accept all / reject all, with suggesting still on: deciding is never itself tracked.
    at(editor, 1);
    type(editor, 'A ');
    at(editor, editor.state.doc.content.size - 1);
    backspace(editor);
    const before = editor.getJSON();
    expect(editor.commands.decideSuggestion('reject', null)).toBe(true);
    expect(editor.getHTML()).toBe('<p>Nhiệm kỳ 2025-2030, đại hội lần thứ V.</p>');
    editor.commands.setSuggesting(false);
    editor.commands.setContent(before);
    expect(editor.commands.decideSuggestion('accept', null)).toBe(true);
    expect(editor.getHTML()).toBe('<p>A Nhiệm kỳ 2025-2030, đại hội lần thứ V</p>');
    expect(editor.commands.decideSuggestion('accept', null)).toBe(false);
  });

  it('a colleague sees the proposal live and accepts it; their own suggesting mode never rewrites what arrives', () => {
    const [a, b] = linkedDocs();
    const an = editorOn(a, AN, '<p>Đảng bộ lãnh đạo.</p>');
    const binh = editorOn(b, BINH);
    binh.commands.setSuggesting(true);
    an.commands.setSuggesting(true);
    at(an, 9);
    type(an, 'toàn diện ');
    expect(runs(binh)).toEqual([
      { text: 'Đảng bộ ' },
      { text: 'toàn diện ', ins: '7-s1' },
      { text: 'lãnh đạo.' },
    ]);
    // Bình deleting An's pending insertion proposes a deletion over it (it is not Bình's own).
    binh.commands.setTextSelection({ from: 9, to: 14 });
    binh.view.dispatch(binh.state.tr.deleteSelection());
    expect(runs(an)[1]).toEqual({ text: 'toàn ', ins: '7-s1', del: '8-s1' });
    binh.commands.decideSuggestion('reject', '8-s1');
    binh.commands.decideSuggestion('accept', '7-s1');
    expect(an.getHTML()).toBe('<p>Đảng bộ toàn diện lãnh đạo.</p>');
  });
});
