import { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import {
  findState,
  findStep,
  replaceAll,
  replaceCurrent,
  setFindQuery,
} from '../../../client/editor/find-replace.ts';
import { foldText } from '../../../client/editor/find-text.ts';
import { FindReplace } from '../../../client/editor/find-replace.ts';
import { editorExtensions } from '../../../shared/editor/extensions.ts';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';

const TEXT =
  '<p>Đảng bộ lãnh đạo toàn diện. Đại hội Đảng bộ lần thứ VI.</p><table><tbody><tr><th><p>Chỉ tiêu</p></th></tr><tr><td><p>Kết nạp đảng viên</p></td></tr></tbody></table><p>Dạng khác: dâng cao.</p>';

function liveEditor(ydoc = new Y.Doc(), content?: string): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [
      ...editorExtensions(),
      Collaboration.configure({ document: ydoc, field: CONTENT_FRAGMENT }),
      FindReplace,
    ],
  });
  if (content !== undefined) editor.commands.setContent(content);
  onTestFinished(() => editor.destroy());
  return editor;
}

const found = (editor: Editor) =>
  findState(editor).matches.map((m) => editor.state.doc.textBetween(m.from, m.to));

describe('find and replace', () => {
  it('folds Vietnamese: case, tone and vowel marks and đ do not matter', () => {
    expect(foldText('Đảng BỘ Kiểm Điểm Nghị quyết')).toBe('dang bo kiem diem nghi quyet');
  });

  it('"dang" finds Đảng, đảng, dạng and dâng, in paragraphs and table cells, and steps through them', () => {
    const editor = liveEditor(new Y.Doc(), TEXT);
    setFindQuery(editor, 'dang');
    expect(found(editor)).toEqual(['Đảng', 'Đảng', 'đảng', 'Dạng', 'dâng']);
    expect(findState(editor).current).toBe(0);
    findStep(editor, 1);
    expect(findState(editor).current).toBe(1);
    findStep(editor, -1);
    findStep(editor, -1);
    expect(findState(editor).current).toBe(4);
    expect(editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to)).toBe('dâng');
    setFindQuery(editor, 'đảng bộ');
    expect(found(editor)).toEqual(['Đảng bộ', 'Đảng bộ']);
    setFindQuery(editor, 'không có');
    expect(findState(editor).matches).toEqual([]);
  });

  it('replaces the current match and moves to the next; replace all changes the rest in one edit', () => {
    const editor = liveEditor(new Y.Doc(), TEXT);
    editor.commands.setTextSelection(1);
    setFindQuery(editor, 'dang bo');
    expect(replaceCurrent(editor, 'Đảng ủy')).toBe(true);
    expect(editor.getText()).toContain('Đảng ủy lãnh đạo toàn diện. Đại hội Đảng bộ lần thứ VI.');
    expect(found(editor)).toEqual(['Đảng bộ']);
    setFindQuery(editor, 'dang');
    expect(replaceAll(editor, 'ĐẢNG')).toBe(5);
    expect(editor.getText()).toContain('ĐẢNG ủy lãnh đạo toàn diện. Đại hội ĐẢNG bộ lần thứ VI.');
    expect(editor.getText()).toContain('Kết nạp ĐẢNG viên');
    // The table is still a table, its cell's text replaced in place.
    expect(editor.getHTML()).toContain('<td colspan="1" rowspan="1"><p>Kết nạp ĐẢNG viên</p></td>');
  });

  it("a colleague's typing is searched as it arrives", () => {
    const [mine, theirs] = [new Y.Doc(), new Y.Doc()];
    mine.on('update', (u: Uint8Array, origin) => origin !== theirs && Y.applyUpdate(theirs, u, mine));
    theirs.on('update', (u: Uint8Array, origin) => origin !== mine && Y.applyUpdate(mine, u, theirs));
    const editor = liveEditor(mine, '<p>Đảng bộ.</p>');
    const colleague = liveEditor(theirs);
    setFindQuery(editor, 'dang');
    expect(findState(editor).matches).toHaveLength(1);
    colleague.commands.insertContentAt(colleague.state.doc.content.size - 1, ' Xây dựng Đảng.');
    expect(found(editor)).toEqual(['Đảng', 'Đảng']);
  });
});
