import { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { describe, expect, it, onTestFinished } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import * as Y from 'yjs';
import { editorExtensions } from '../../../shared/editor/extensions.ts';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import '../../../client/editor/vk-editor-toolbar.ts';
import { find, findAll, mount } from '../fixture.ts';

/** An editor set up as the live page sets it up: the shared schema on a Y.Doc, undo per user. */
function liveEditor(ydoc = new Y.Doc()): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [...editorExtensions(), Collaboration.configure({ document: ydoc, field: CONTENT_FRAGMENT })],
  });
  onTestFinished(() => editor.destroy());
  return editor;
}

/** Two Y.Docs kept in sync, as the server keeps two colleagues' browsers in sync. */
function sharedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin) => origin !== b && Y.applyUpdate(b, update, a));
  b.on('update', (update: Uint8Array, origin) => origin !== a && Y.applyUpdate(a, update, b));
  return [a, b];
}

/**
 * The document as HTML, less the empty paragraph Tiptap keeps after a last list or heading
 * (its trailing-node extension): that is Tiptap's doing, not the toolbar's.
 */
function withoutTrailingParagraph(editor: Editor): string {
  const html = editor.getHTML();
  return html.endsWith('<p></p>') ? html.slice(0, -'<p></p>'.length) : html;
}

async function toolbarFor(editor: Editor) {
  const toolbar = await mount('vk-editor-toolbar', { editor });
  const button = (name: string) =>
    page.getByRole('button', { name, exact: true }).element() as HTMLButtonElement;
  return { toolbar, button, select: find<HTMLSelectElement>(toolbar, 'select') };
}

/** Puts a paragraph of text in the editor and selects the words `from`..`to` (1-based positions). */
function writeAndSelect(editor: Editor, text: string, from: number, to: number) {
  editor.commands.setContent(`<p>${text}</p>`);
  editor.commands.setTextSelection({ from, to });
}

describe('vk-editor-toolbar', () => {
  it('shows no controls until it has an editor, but is already announced as a toolbar', async () => {
    const toolbar = await mount('vk-editor-toolbar');

    expect(findAll(toolbar, 'select, button')).toEqual([]);
    expect(toolbar.getAttribute('role')).toBe('toolbar');
  });

  it('gives every control an accessible name and shows its shortcut', async () => {
    const { toolbar, button, select } = await toolbarFor(liveEditor());

    expect(page.getByRole('toolbar', { name: 'Định dạng văn bản' }).element()).toBe(toolbar);
    expect(page.getByRole('combobox', { name: 'Kiểu đoạn' }).element()).toBe(select);
    for (const name of [
      'In đậm',
      'In nghiêng',
      'Danh sách gạch đầu dòng',
      'Danh sách đánh số',
      'Hoàn tác thay đổi của tôi',
      'Làm lại',
    ])
      expect(button(name)).toBeInstanceOf(HTMLButtonElement);
    expect(button('In đậm').title).toBe('In đậm (Ctrl+B)');
    expect(button('Làm lại').title).toBe('Làm lại (Ctrl+Shift+Z)');
  });

  it('underlines the selected words, and aligns the paragraph left, centred, right or justified', async () => {
    const editor = liveEditor();
    writeAndSelect(editor, 'Báo cáo chính trị', 1, 5);
    const { toolbar, button } = await toolbarFor(editor);
    await userEvent.click(button('Gạch chân'));
    await toolbar.updateComplete;
    expect(editor.getHTML()).toBe('<p><u>Báo </u>cáo chính trị</p>');
    expect(button('Gạch chân').getAttribute('aria-pressed')).toBe('true');
    for (const [name, align] of [
      ['Căn giữa', 'center'],
      ['Căn phải', 'right'],
      ['Căn đều hai bên', 'justify'],
      ['Căn trái', 'left'],
    ] as const) {
      await userEvent.click(button(name));
      await toolbar.updateComplete;
      expect(editor.getHTML()).toBe(`<p style="text-align: ${align};"><u>Báo </u>cáo chính trị</p>`);
      expect(button(name).getAttribute('aria-pressed')).toBe('true');
    }
  });

  it('inserts a table with a header row, and offers the table commands only inside one', async () => {
    const editor = liveEditor();
    writeAndSelect(editor, 'Kết quả', 8, 8);
    const { toolbar, button } = await toolbarFor(editor);
    expect(page.getByRole('button', { name: 'Gộp ô' }).query()).toBeNull();
    await userEvent.click(button('Chèn bảng'));
    await toolbar.updateComplete;
    expect(editor.isActive('table')).toBe(true);
    expect(editor.getHTML()).toContain('<th colspan="1" rowspan="1"><p></p></th>');
    expect(button('Hàng tiêu đề').getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(button('Thêm hàng bên dưới'));
    await userEvent.click(button('Xóa cột'));
    let table: { childCount: number; firstChild: { childCount: number } | null } | null = null;
    editor.state.doc.forEach((node) => {
      if (node.type.name === 'table') table = node;
    });
    expect(table!.childCount).toBe(4);
    expect(table!.firstChild?.childCount).toBe(2);
    await userEvent.click(button('Xóa bảng'));
    await toolbar.updateComplete;
    expect(editor.isActive('table')).toBe(false);
    expect(page.getByRole('button', { name: 'Gộp ô' }).query()).toBeNull();
  });

  it('keeps the focus in the editor through a click, so the next key lands in the text at once', async () => {
    const editor = liveEditor();
    writeAndSelect(editor, 'Kết quả', 8, 8);
    const { button } = await toolbarFor(editor);
    await userEvent.click(button('Chèn bảng'));
    editor.commands.focus();
    const blurs: EventTarget[] = [];
    editor.view.dom.addEventListener('focusout', (e) => blurs.push(e.target!));

    // Had the button taken the focus, Tiptap would hand it back a frame later, and a key
    // pressed in between would go to the button.
    await userEvent.click(button('Thêm hàng bên dưới'));
    expect(blurs).toEqual([]);
    expect(editor.view.hasFocus()).toBe(true);
    await userEvent.keyboard('Đ');
    expect(editor.getText()).toContain('Đ');
  });

  it.each([
    ['In đậm', 'bold'],
    ['In nghiêng', 'italic'],
  ])('%s formats the selected words and shows itself pressed', async (name, mark) => {
    const editor = liveEditor();
    writeAndSelect(editor, 'Báo cáo chính trị', 1, 5);
    const { toolbar, button } = await toolbarFor(editor);
    expect(button(name).getAttribute('aria-pressed')).toBe('false');

    await userEvent.click(button(name));
    await toolbar.updateComplete;

    const tag = mark === 'bold' ? 'strong' : 'em';
    expect(editor.getHTML()).toBe(`<p><${tag}>Báo </${tag}>cáo chính trị</p>`);
    expect(button(name).getAttribute('aria-pressed')).toBe('true');

    await userEvent.click(button(name));
    await toolbar.updateComplete;
    expect(editor.getHTML()).toBe('<p>Báo cáo chính trị</p>');
    expect(button(name).getAttribute('aria-pressed')).toBe('false');
  });

  it.each([
    ['Danh sách gạch đầu dòng', 'bulletList', 'ul'],
    ['Danh sách đánh số', 'orderedList', 'ol'],
  ])('%s turns the paragraph into a list item and back', async (name, list, tag) => {
    const editor = liveEditor();
    writeAndSelect(editor, 'Tăng cường kỷ luật', 3, 3);
    const { toolbar, button } = await toolbarFor(editor);

    await userEvent.click(button(name));
    await toolbar.updateComplete;
    expect(editor.isActive(list)).toBe(true);
    expect(withoutTrailingParagraph(editor)).toBe(`<${tag}><li><p>Tăng cường kỷ luật</p></li></${tag}>`);
    expect(button(name).getAttribute('aria-pressed')).toBe('true');

    await userEvent.click(button(name));
    expect(withoutTrailingParagraph(editor)).toBe('<p>Tăng cường kỷ luật</p>');
  });

  it('turns the paragraph under the cursor into a heading of the chosen level, and back', async () => {
    const editor = liveEditor();
    writeAndSelect(editor, 'Về phát triển kinh tế', 4, 4);
    const { toolbar, select } = await toolbarFor(editor);
    expect(select.value).toBe('0');

    await userEvent.selectOptions(select, 'Tiêu đề 2');
    await toolbar.updateComplete;
    expect(editor.isActive('heading', { level: 2 })).toBe(true);
    expect(select.value).toBe('2');

    await userEvent.selectOptions(select, 'Đoạn văn');
    await toolbar.updateComplete;
    expect(withoutTrailingParagraph(editor)).toBe('<p>Về phát triển kinh tế</p>');
    expect(select.value).toBe('0');
  });

  it('shows the block type of wherever the cursor moves', async () => {
    const editor = liveEditor();
    editor.commands.setContent('<h3>1. Nông nghiệp</h3><p>Sản lượng lúa tăng.</p>');
    const { toolbar, select } = await toolbarFor(editor);

    editor.commands.setTextSelection(3);
    await toolbar.updateComplete;
    expect(select.value).toBe('3');

    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    await toolbar.updateComplete;
    expect(select.value).toBe('0');
  });

  it('undoes only the user’s own edit, never a colleague’s sentence', async () => {
    const [mine, theirs] = sharedDocs();
    const editor = liveEditor(mine);
    const colleague = liveEditor(theirs);
    const { toolbar, button } = await toolbarFor(editor);

    colleague.commands.insertContent('Câu của đồng chí An.');
    await toolbar.updateComplete;
    expect(editor.getText()).toBe('Câu của đồng chí An.');
    expect(button('Hoàn tác thay đổi của tôi').disabled).toBe(true);

    editor.commands.insertContentAt(editor.state.doc.content.size - 1, ' Câu của tôi.');
    await toolbar.updateComplete;
    expect(button('Hoàn tác thay đổi của tôi').disabled).toBe(false);
    expect(button('Làm lại').disabled).toBe(true);

    await userEvent.click(button('Hoàn tác thay đổi của tôi'));
    await toolbar.updateComplete;
    expect(editor.getText()).toBe('Câu của đồng chí An.');
    expect(colleague.getText()).toBe('Câu của đồng chí An.');

    await userEvent.click(button('Làm lại'));
    expect(editor.getText()).toBe('Câu của đồng chí An. Câu của tôi.');
  });

  it('is one Tab stop whose arrow keys move between the enabled controls, wrapping around', async () => {
    const { toolbar, select, button } = await toolbarFor(liveEditor());
    const tabStops = () => findAll(toolbar, 'select, button').filter((c) => c.tabIndex === 0);
    expect(tabStops()).toEqual([select]);

    select.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(toolbar.shadowRoot?.activeElement).toBe(button('In đậm'));
    expect(tabStops()).toEqual([button('In đậm')]);

    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    // Undo and redo are disabled with nothing to undo, so the last stop is "find and replace".
    expect(toolbar.shadowRoot?.activeElement).toBe(button('Tìm và thay thế'));
    expect(tabStops()).toEqual([button('Tìm và thay thế')]);
  });

  it('acts on the editor it is given now, not on the one it had before', async () => {
    const first = liveEditor();
    const second = liveEditor();
    writeAndSelect(first, 'Một', 1, 4);
    writeAndSelect(second, 'Hai', 1, 4);
    const { toolbar, button } = await toolbarFor(first);

    toolbar.editor = second;
    await toolbar.updateComplete;
    await userEvent.click(button('In đậm'));
    await toolbar.updateComplete;

    expect(second.getHTML()).toBe('<p><strong>Hai</strong></p>');
    expect(first.getHTML()).toBe('<p>Một</p>');
    expect(button('In đậm').getAttribute('aria-pressed')).toBe('true');
    // The first editor's changes no longer drive the buttons.
    first.commands.setTextSelection({ from: 1, to: 4 });
    first.commands.toggleBold();
    await toolbar.updateComplete;
    expect(button('In đậm').getAttribute('aria-pressed')).toBe('true');
  });
});
