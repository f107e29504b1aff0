import type { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/comments/vk-comment-bubble.ts';
import { anchoredEditor } from '../comments-data.ts';
import { captureEvents, eventually, findAll, mount, textOf } from '../fixture.ts';

const TEXT =
  '<h2 data-section-id="s1">I. Kinh tế</h2><p>Phát triển kinh tế nhanh và bền vững.</p><p>Giữ vững ổn định.</p>';

/** Selects text in the page as a reader's mouse does: `text` inside the paragraph `paragraph`. */
function selectInPage(
  editor: Editor,
  paragraph: number,
  text: string,
  toParagraph = paragraph,
  toText = text,
) {
  const blocks = editor.view.dom.querySelectorAll('p');
  const start = blocks[paragraph]!.firstChild as Text;
  const end = blocks[toParagraph]!.firstChild as Text;
  const at = start.data.indexOf(text);
  const until = end.data.indexOf(toText) + toText.length;
  document.getSelection()!.setBaseAndExtent(start, at, end, until);
}

async function setup(enabled = true) {
  const { editor } = anchoredEditor(TEXT, { editable: false });
  const bubble = await mount('vk-comment-bubble', { editor, enabled });
  return { editor, bubble };
}

const buttons = (b: Element) => findAll<HTMLButtonElement>(b, 'button');

describe('vk-comment-bubble', () => {
  it('appears by selected text with "Góp ý" and "Đề xuất sửa"; a click asks for a comment on it', async () => {
    const requested = captureEvents('vk-comment-requested');
    const { editor, bubble } = await setup();
    expect(bubble.hidden).toBe(true);

    selectInPage(editor, 0, 'bền vững');

    await eventually(() => expect(buttons(bubble).map(textOf)).toEqual(['Góp ý', 'Đề xuất sửa']));
    expect(bubble.hidden).toBe(false);
    expect(findAll(bubble, '[role="toolbar"]')).toHaveLength(1);
    // At the top of the window the sticky bar would cover it above the words: it goes below them.
    const end = editor.view.coordsAtPos(editor.state.selection.to);
    expect(Math.abs(bubble.getBoundingClientRect().top - (end.bottom + 6))).toBeLessThan(2);

    await userEvent.click(buttons(bubble)[1]!);
    expect(requested.map((e) => [e.kind, e.anchor.quote, e.anchor.sectionId])).toEqual([
      ['suggestion', 'bền vững', 's1'],
    ]);
  });

  it('sits just above the selected words when there is room', async () => {
    const { editor, bubble } = await setup();
    editor.view.dom.parentElement!.style.marginTop = '300px';

    selectInPage(editor, 0, 'bền vững');

    await eventually(() => expect(bubble.hidden).toBe(false));
    const start = editor.view.coordsAtPos(editor.state.selection.from);
    await eventually(() =>
      expect(Math.abs(bubble.getBoundingClientRect().bottom + 6 - start.top)).toBeLessThan(2),
    );
    expect(Math.abs(bubble.getBoundingClientRect().left - start.left)).toBeLessThan(2);
  });

  it('offers only a comment for a selection across paragraphs', async () => {
    const { editor, bubble } = await setup();

    selectInPage(editor, 0, 'bền vững', 1, 'Giữ vững');

    await eventually(() => expect(buttons(bubble)).toHaveLength(2));
    expect(buttons(bubble).map((b) => b.disabled)).toEqual([false, true]);
  });

  it('answers Ctrl+Alt+M (and with Shift, a suggestion) while text is selected', async () => {
    const requested = captureEvents('vk-comment-requested');
    const { editor, bubble } = await setup();
    await userEvent.keyboard('{Control>}{Alt>}m{/Alt}{/Control}');
    expect(requested).toEqual([]);

    selectInPage(editor, 0, 'kinh tế');
    await eventually(() => expect(buttons(bubble)).toHaveLength(2));
    await userEvent.keyboard('{Control>}{Alt>}m{/Alt}{/Control}');
    await userEvent.keyboard('{Control>}{Alt>}{Shift>}M{/Shift}{/Alt}{/Control}');

    expect(requested.map((e) => [e.kind, e.anchor.quote])).toEqual([
      ['comment', 'kinh tế'],
      ['suggestion', 'kinh tế'],
    ]);
  });

  it('stays away when the user may not comment, and goes when the selection leaves the text', async () => {
    const { editor, bubble } = await setup(false);
    selectInPage(editor, 0, 'kinh tế');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bubble.hidden).toBe(true);

    bubble.enabled = true;
    await eventually(() => expect(bubble.hidden).toBe(false));
    document.getSelection()!.removeAllRanges();
    await eventually(() => expect(bubble.hidden).toBe(true));
  });
});
