import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import * as Y from 'yjs';
import { anchorFromSelection } from '../../../client/comments/anchor-from-selection.ts';
import {
  commentRanges,
  nowReads,
  orphanedComments,
  setCommentAnchors,
  type AnchoredComment,
} from '../../../client/comments/comment-anchors.ts';
import type { Anchor } from '../../../shared/api/comments.ts';
import { anchoredEditor, positionOf, selectText } from '../comments-data.ts';
import { eventually } from '../fixture.ts';

const TEXT =
  '<h2 data-section-id="s1">I. Kinh tế</h2><p>Phát triển kinh tế nhanh và bền vững.</p>' +
  '<h2 data-section-id="s2">II. Xây dựng Đảng</h2><p>Nâng cao năng lực lãnh đạo của tổ chức đảng.</p>';

/** An anchor made as the composer makes it, from the selected `text`, with the server's quote. */
function anchorOf(editor: ReturnType<typeof anchoredEditor>['editor'], text: string): Anchor {
  selectText(editor, text);
  const selected = anchorFromSelection(editor.state);
  if (selected === null) throw new Error('nothing selected');
  return {
    sectionId: selected.sectionId,
    quote: text,
    prefix: '',
    suffix: '',
    start: selected.start,
    end: selected.end,
  };
}

const highlights = (editor: ReturnType<typeof anchoredEditor>['editor']) =>
  [...editor.view.dom.querySelectorAll<HTMLElement>('.comment-highlight')].map((el) => ({
    ids: [...el.classList].filter((c) => c.startsWith('cid-')).map((c) => Number(c.slice(4))),
    text: el.textContent,
    classes: [...el.classList].filter((c) => !c.startsWith('cid-')),
  }));

/** Two Y.Docs kept in sync, as the server keeps two browsers in sync. */
function sharedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin) => origin !== b && Y.applyUpdate(b, update, a));
  b.on('update', (update: Uint8Array, origin) => origin !== a && Y.applyUpdate(a, update, b));
  return [a, b];
}

describe('comment anchors', () => {
  it('turns a selection into Yjs positions, the quoted text, its section and whether it is one paragraph', () => {
    const { editor } = anchoredEditor(TEXT);
    selectText(editor, 'kinh tế');
    expect(anchorFromSelection(editor.state)).toMatchObject({
      sectionId: 's1',
      quote: 'kinh tế',
      singleBlock: true,
    });

    const from = positionOf(editor, 'nhanh');
    editor.commands.setTextSelection({ from, to: positionOf(editor, 'Nâng') + 4 });
    expect(anchorFromSelection(editor.state)).toMatchObject({
      sectionId: 's1',
      quote: 'nhanh và bền vững.\nII. Xây dựng Đảng\nNâng',
      singleBlock: false,
    });

    editor.commands.setTextSelection(from);
    expect(anchorFromSelection(editor.state)).toBeNull();
  });

  it('snaps a selection that starts or ends inside a word to whole words, without spaces at its ends', () => {
    const { editor } = anchoredEditor(TEXT);
    const quoteOf = (from: number, to: number) => {
      editor.commands.setTextSelection({ from, to });
      return anchorFromSelection(editor.state)?.quote;
    };
    const kinh = positionOf(editor, 'kinh tế nhanh');
    // "inh tế nha" → "kinh tế nhanh"
    expect(quoteOf(kinh + 1, kinh + 'kinh tế nha'.length)).toBe('kinh tế nhanh');
    // " kinh " → "kinh"
    expect(quoteOf(kinh - 1, kinh + 'kinh '.length)).toBe('kinh');
    // Punctuation is not a word: "vững." stays as selected.
    const vung = positionOf(editor, 'vững.');
    expect(quoteOf(vung + 1, vung + 'vững.'.length)).toBe('vững.');
    // Across paragraphs, each end snaps within its own paragraph.
    expect(quoteOf(positionOf(editor, 'vững') + 2, positionOf(editor, 'Nâng') + 2)).toBe(
      'vững.\nII. Xây dựng Đảng\nNâng',
    );
  });

  it('highlights each comment, suggestions and the focused one apart, overlapping ones each with its own mark', () => {
    const { editor } = anchoredEditor(TEXT);
    const comments: AnchoredComment[] = [
      { id: 1, kind: 'comment', anchor: anchorOf(editor, 'kinh tế nhanh') },
      { id: 2, kind: 'suggestion', anchor: anchorOf(editor, 'nhanh và bền vững') },
      {
        id: 3,
        kind: 'comment',
        anchor: { sectionId: 's2', quote: '', prefix: '', suffix: '', start: null, end: null },
      },
    ];

    setCommentAnchors(editor, comments, 2);

    expect(commentRanges(editor.state).get(1)).toEqual({
      from: positionOf(editor, 'kinh tế'),
      to: positionOf(editor, 'kinh tế') + 'kinh tế nhanh'.length,
    });
    expect([...commentRanges(editor.state).keys()]).toEqual([1, 2]);
    // "nhanh" is in both: its span carries both comments.
    expect(highlights(editor)).toEqual([
      { ids: [1], text: 'kinh tế ', classes: ['comment-highlight'] },
      {
        ids: [1, 2],
        text: 'nhanh',
        classes: ['comment-highlight', 'comment-suggestion', 'comment-active'],
      },
      {
        ids: [2],
        text: ' và bền vững',
        classes: ['comment-highlight', 'comment-suggestion', 'comment-active'],
      },
    ]);
    expect(orphanedComments(editor.state).size).toBe(0);
  });

  it('places a highlight by its Yjs positions alone; the quote is only the fallback', () => {
    const { editor } = anchoredEditor(TEXT);
    const anchor = { ...anchorOf(editor, 'bền vững'), quote: 'không có trong văn bản' };

    setCommentAnchors(editor, [{ id: 1, kind: 'comment', anchor }], null);

    expect(highlights(editor).map((m) => m.text)).toEqual(['bền vững']);
  });

  it('keeps covering the quote when a colleague writes before it', async () => {
    const [mine, theirs] = sharedDocs();
    const { editor } = anchoredEditor(TEXT, { ydoc: mine });
    const { editor: colleague } = anchoredEditor('', { ydoc: theirs });
    setCommentAnchors(editor, [{ id: 1, kind: 'comment', anchor: anchorOf(editor, 'bền vững') }], null);

    colleague.commands.insertContentAt(positionOf(colleague, 'Phát'), 'Tiếp tục ');

    expect(editor.getText()).toContain('Tiếp tục Phát triển');
    // Mapped at once (no flicker), and resolved again from the Yjs positions shortly after.
    expect(highlights(editor).map((m) => m.text)).toEqual(['bền vững']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(highlights(editor).map((m) => m.text)).toEqual(['bền vững']);
  });

  it('finds the quote again when its Yjs positions are gone, and marks it orphaned once the text is deleted', async () => {
    const { editor } = anchoredEditor(TEXT);
    const anchor = anchorOf(editor, 'năng lực lãnh đạo');
    // The same words retyped: new Yjs items, so only the quote (with its context) finds them.
    const from = positionOf(editor, 'Nâng');
    editor.commands.insertContentAt(
      { from, to: from + 'Nâng cao năng lực lãnh đạo của tổ chức đảng.'.length },
      'Nâng cao năng lực lãnh đạo của tổ chức đảng.',
    );
    setCommentAnchors(editor, [{ id: 7, kind: 'comment', anchor: { ...anchor, prefix: 'Nâng cao ' } }], null);
    expect(highlights(editor).map((m) => m.text)).toEqual(['năng lực lãnh đạo']);

    const at = positionOf(editor, 'năng lực');
    editor.commands.deleteRange({ from: at, to: at + 'năng lực lãnh đạo '.length });

    await eventually(() => expect(orphanedComments(editor.state).has(7)).toBe(true));
    expect(highlights(editor)).toEqual([]);
    expect(commentRanges(editor.state).has(7)).toBe(false);
  });

  it('drops the highlight of a quote cut down to a remnant, and says what an edited quote reads now', async () => {
    const { editor } = anchoredEditor(TEXT);
    setCommentAnchors(
      editor,
      [
        { id: 1, kind: 'comment', anchor: anchorOf(editor, 'nhanh và bền vững') },
        { id: 2, kind: 'comment', anchor: anchorOf(editor, 'năng lực lãnh đạo') },
      ],
      null,
    );
    editor.commands.insertContentAt(positionOf(editor, 'lãnh đạo'), 'sức chiến đấu và ');
    await eventually(() =>
      expect(nowReads(editor.state, 2, 'năng lực lãnh đạo')).toBe('năng lực sức chiến đấu và lãnh đạo'),
    );
    expect(nowReads(editor.state, 1, 'nhanh và bền vững')).toBeNull();

    // All but the last letter gone: one highlighted "g" would say nothing, so the comment is orphaned.
    const at = positionOf(editor, 'nhanh');
    editor.commands.deleteRange({ from: at, to: at + 'nhanh và bền vữn'.length });
    await eventually(() => expect(orphanedComments(editor.state).has(1)).toBe(true));
    expect(highlights(editor).map((m) => m.ids)).toEqual([[2]]);
  });

  it('reports a click on a highlight, also in a read-only text; where two overlap, the shorter wins', async () => {
    const { editor, clicked } = anchoredEditor(TEXT, { editable: false });
    setCommentAnchors(
      editor,
      [
        { id: 4, kind: 'comment', anchor: anchorOf(editor, 'nhanh và bền vững') },
        { id: 5, kind: 'comment', anchor: anchorOf(editor, 'bền') },
      ],
      null,
    );
    const [first, overlap] = editor.view.dom.querySelectorAll('.comment-highlight');

    await userEvent.click(first!);
    await userEvent.click(overlap!);

    expect(clicked).toEqual([4, 5]);
  });
});
