import { msg } from '@lit/localize';
import type { Editor } from '@tiptap/core';
import { TEXT_ALIGNMENTS, type TextAlignment } from '../../shared/editor/attribute-values.ts';

/** "Ctrl" or "⌘": shortcuts are shown the way the user's keyboard labels them. */
export const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** One toolbar button: what it says, does, and when it shows pressed or greyed out. */
export interface ToolButton {
  label: string;
  shortcut: string;
  /** Text shown on the button ('B', 'I', 'U' are drawn in their own style; `align-*` and `table*` are drawn icons). */
  icon: string;
  run: (editor: Editor) => boolean;
  active?: (editor: Editor) => boolean;
  enabled?: (editor: Editor) => boolean;
}

const chain = (editor: Editor) => editor.chain().focus();

/** Bold, italic, underline. */
export function emphasisButtons(): ToolButton[] {
  return [
    {
      label: msg('In đậm'),
      shortcut: `${MOD}+B`,
      icon: 'B',
      run: (e) => chain(e).toggleBold().run(),
      active: (e) => e.isActive('bold'),
    },
    {
      label: msg('In nghiêng'),
      shortcut: `${MOD}+I`,
      icon: 'I',
      run: (e) => chain(e).toggleItalic().run(),
      active: (e) => e.isActive('italic'),
    },
    {
      label: msg('Gạch chân'),
      shortcut: `${MOD}+U`,
      icon: 'U',
      run: (e) => chain(e).toggleUnderline().run(),
      active: (e) => e.isActive('underline'),
    },
  ];
}

/** Paragraph alignment; none pressed for a paragraph in the sheet's default (justified text, centred part titles). */
export function alignButtons(): ToolButton[] {
  const labels: Record<TextAlignment, [string, string]> = {
    left: [msg('Căn trái'), 'L'],
    center: [msg('Căn giữa'), 'E'],
    right: [msg('Căn phải'), 'R'],
    justify: [msg('Căn đều hai bên'), 'J'],
  };
  return TEXT_ALIGNMENTS.map((align) => ({
    label: labels[align][0],
    shortcut: `${MOD}+Shift+${labels[align][1]}`,
    icon: `align-${align}`,
    run: (e) => chain(e).setTextAlign(align).run(),
    active: (e) => e.isActive({ textAlign: align }),
  }));
}

/** Lists. */
export function listButtons(): ToolButton[] {
  return [
    {
      label: msg('Danh sách gạch đầu dòng'),
      shortcut: `${MOD}+Shift+8`,
      icon: '•≡',
      run: (e) => chain(e).toggleBulletList().run(),
      active: (e) => e.isActive('bulletList'),
    },
    {
      label: msg('Danh sách đánh số'),
      shortcut: `${MOD}+Shift+7`,
      icon: '1≡',
      run: (e) => chain(e).toggleOrderedList().run(),
      active: (e) => e.isActive('orderedList'),
    },
  ];
}

/** "Insert table", and inside a table the row, column, header, merge and delete commands. */
export function tableButtons(editor: Editor): ToolButton[] {
  const insert: ToolButton = {
    label: msg('Chèn bảng'),
    shortcut: '',
    icon: 'table',
    run: (e) => chain(e).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    enabled: (e) => e.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
  };
  if (!editor.isActive('table')) return [insert];
  const inTable = (
    label: string,
    icon: string,
    run: (e: Editor) => boolean,
    can: (e: Editor) => boolean,
  ) => ({
    label,
    shortcut: '',
    icon,
    run,
    enabled: can,
  });
  return [
    inTable(
      msg('Thêm hàng bên dưới'),
      'row+',
      (e) => chain(e).addRowAfter().run(),
      (e) => e.can().addRowAfter(),
    ),
    inTable(
      msg('Xóa hàng'),
      'row-',
      (e) => chain(e).deleteRow().run(),
      (e) => e.can().deleteRow(),
    ),
    inTable(
      msg('Thêm cột bên phải'),
      'col+',
      (e) => chain(e).addColumnAfter().run(),
      (e) => e.can().addColumnAfter(),
    ),
    inTable(
      msg('Xóa cột'),
      'col-',
      (e) => chain(e).deleteColumn().run(),
      (e) => e.can().deleteColumn(),
    ),
    {
      ...inTable(
        msg('Hàng tiêu đề'),
        'header',
        (e) => chain(e).toggleHeaderRow().run(),
        (e) => e.can().toggleHeaderRow(),
      ),
      active: (e) => headerRowOn(e),
    },
    inTable(
      msg('Gộp ô'),
      'merge',
      (e) => chain(e).mergeCells().run(),
      (e) => e.can().mergeCells(),
    ),
    inTable(
      msg('Tách ô'),
      'split',
      (e) => chain(e).splitCell().run(),
      (e) => e.can().splitCell(),
    ),
    inTable(
      msg('Xóa bảng'),
      'table-',
      (e) => chain(e).deleteTable().run(),
      (e) => e.can().deleteTable(),
    ),
  ];
}

/** Whether the first row of the table around the selection is a header row. */
function headerRowOn(editor: Editor): boolean {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name !== 'table') continue;
    const first = node.firstChild;
    return (
      first !== null &&
      first.childCount > 0 &&
      first.content.content.every((c) => c.type.name === 'tableHeader')
    );
  }
  return false;
}

/** Find and replace (the bar itself belongs to vk-editor, which the editor's storage calls). */
export function findButtons(): ToolButton[] {
  return [
    {
      label: msg('Tìm và thay thế'),
      shortcut: `${MOD}+F`,
      icon: '⌕',
      run: (e) => {
        e.storage.findReplace.open();
        return true;
      },
    },
  ];
}

/** Undo and redo of the user's own edits (Yjs' UndoManager tracks only this user's changes). */
export function historyButtons(): ToolButton[] {
  return [
    {
      label: msg('Hoàn tác thay đổi của tôi'),
      shortcut: `${MOD}+Z`,
      icon: '↶',
      run: (e) => chain(e).undo().run(),
      enabled: (e) => e.can().undo(),
    },
    {
      label: msg('Làm lại'),
      shortcut: `${MOD}+Shift+Z`,
      icon: '↷',
      run: (e) => chain(e).redo().run(),
      enabled: (e) => e.can().redo(),
    },
  ];
}
