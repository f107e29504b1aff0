import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { plainText } from '../../../server/comments/draft-text-map.ts';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { waitForAsync } from '../../helpers/wait.ts';
import type { Persona } from '../../helpers/workspace.ts';
import { consultation, findText, rangeOf, type Consultation } from './consultation.ts';

// Anchors that do not drift (issue 6 §3): each case edits the draft the way the editor's Yjs
// binding does, then asks the server where every comment's text is now.

const bed = useTestbed();

type Listed = { id: number; orphaned: boolean; nowReads: string | null; anchor: { quote: string } | null };

/** A persona's comment on `quote`, made once the server's copy of the draft holds the quote. */
async function commentOn(c: Consultation, as: Persona, quote: string): Promise<number> {
  let id = 0;
  await waitForAsync(async () => {
    const made = await c.call<{ id: number }>(as, '/comments', {
      body: { kind: 'comment', body: `Về "${quote}"`, ...rangeOf(c.writer.doc, quote) },
    });
    id = made.body.id;
    return made.status === 201;
  }, `a comment on "${quote}"`);
  return id;
}

/** Waits until the server's view of comment `id` matches `expected`. */
async function expectAnchor(
  c: Consultation,
  id: number,
  expected: { orphaned: boolean; nowReads: string | null },
): Promise<void> {
  let last: Listed | undefined;
  await waitForAsync(
    async () => {
      last = (await c.call<{ comments: Listed[] }>('editor', '/comments')).body.comments.find(
        (x) => x.id === id,
      );
      return last?.orphaned === expected.orphaned && last.nowReads === expected.nowReads;
    },
    `comment ${id} to be ${JSON.stringify(expected)}, last ${JSON.stringify(last)}`,
  );
}

const HELD = { orphaned: false, nowReads: null };
const ORPHANED = { orphaned: true, nowReads: null };

/** The paragraph element holding `quote`. */
function paragraphOf(doc: Y.Doc, quote: string): Y.XmlElement {
  return findText(doc, quote).text.parent as Y.XmlElement;
}

describe('comment anchors that do not drift', () => {
  it("organisations comment on the version sent out: the committee's later text is not theirs to quote, and where their comment stands now is the committee's to see", async () => {
    const c = await consultation(bed);
    const doc = c.writer.doc;
    const { text, index } = findText(doc, 'tăng mạnh');
    text.insert(index, 'rất ');
    await waitForAsync(async () => {
      const made = await c.call<{ error?: { code: string } }>('commenter', '/comments', {
        body: { kind: 'comment', body: 'Về "rất"', ...rangeOf(doc, 'rất') },
      });
      return made.status === 400 && made.body.error?.code === 'anchor_unresolved';
    }, 'a comment on words written after the round opened to be refused');
    const id = await commentOn(c, 'commenter', 'Thu hút đầu tư');
    const at = findText(doc, 'đầu tư');
    at.text.insert(at.index, 'vốn ');
    await expectAnchor(c, id, { orphaned: false, nowReads: 'Thu hút vốn đầu tư' });
    const mine = (await c.call<{ comments: Listed[] }>('commenter', '/comments')).body.comments;
    expect(mine.find((x) => x.id === id)).toMatchObject({ ...HELD, anchor: { quote: 'Thu hút đầu tư' } });
  });

  it('overlapping comments each keep their own range through edits inside and around them', async () => {
    const c = await consultation(bed);
    const first = await commentOn(c, 'commenter', 'đạt 105% kế hoạch');
    const second = await commentOn(c, 'commenter2', '105% kế hoạch. Thu hút');
    const at = findText(c.writer.doc, '105%');
    at.text.insert(at.index, 'gần ');
    await expectAnchor(c, first, { orphaned: false, nowReads: 'đạt gần 105% kế hoạch' });
    await expectAnchor(c, second, HELD);
    const hut = findText(c.writer.doc, 'Thu hút');
    hut.text.delete(hut.index, 'Thu hút'.length);
    await expectAnchor(c, second, { orphaned: false, nowReads: '105% kế hoạch. ' });
    await expectAnchor(c, first, { orphaned: false, nowReads: 'đạt gần 105% kế hoạch' });
  });

  it('a paragraph split before or inside the quote keeps the comment on its text', async () => {
    const c = await consultation(bed);
    const moved = await commentOn(c, 'commenter', 'Thu hút đầu tư');
    const straddling = await commentOn(c, 'commenter2', 'kế hoạch. Thu');
    // As the editor's binding splits a paragraph: the tail leaves this Yjs text and comes back
    // as new items in a new paragraph right after it.
    const doc = c.writer.doc;
    doc.transact(() => {
      const { text, index } = findText(doc, 'Thu hút');
      const tail = plainText(text).slice(index);
      text.delete(index, tail.length);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(tail)]);
      const fragment = doc.getXmlFragment(CONTENT_FRAGMENT);
      const parent = text.parent as Y.XmlElement;
      fragment.insert(fragment.toArray().indexOf(parent) + 1, [paragraph]);
    });
    await expectAnchor(c, moved, HELD);
    // Its start stayed behind; the split line falls inside: the part before it is what remains here.
    await expectAnchor(c, straddling, { orphaned: false, nowReads: 'kế hoạch. ' });
  });

  it('merging a paragraph into the one before keeps its comments anchored', async () => {
    // The second paragraph is in the version sent out: organisations comment on that.
    const c = await consultation(bed, {
      write: (doc) =>
        doc.transact(() => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText('Chỉ số năng lực cạnh tranh tăng 5 bậc.')]);
          const fragment = doc.getXmlFragment(CONTENT_FRAGMENT);
          fragment.insert(fragment.toArray().indexOf(paragraphOf(doc, 'Tổng thu')) + 1, [paragraph]);
        }),
    });
    const doc = c.writer.doc;
    const merged = await commentOn(c, 'commenter', 'tăng 5 bậc');
    // As the binding merges: the second paragraph goes, its text is appended to the first as new items.
    doc.transact(() => {
      const second = paragraphOf(doc, 'tăng 5 bậc');
      const words = plainText(second.get(0) as Y.XmlText);
      const fragment = doc.getXmlFragment(CONTENT_FRAGMENT);
      fragment.delete(fragment.toArray().indexOf(second), 1);
      const first = findText(doc, 'Tổng thu').text;
      first.insert(first.length, ` ${words}`);
    });
    await expectAnchor(c, merged, HELD);
  });

  it('deleting all but a remnant of the quote orphans it; undo brings it back, redo orphans it again', async () => {
    const c = await consultation(bed);
    const doc = c.writer.doc;
    const id = await commentOn(c, 'commenter', 'Thu hút đầu tư tăng mạnh.');
    const undo = new Y.UndoManager(doc.getXmlFragment(CONTENT_FRAGMENT));
    const at = findText(doc, 'Thu hút');
    // Everything but the final full stop: a highlight on "." would say nothing.
    at.text.delete(at.index, 'Thu hút đầu tư tăng mạnh'.length);
    await expectAnchor(c, id, ORPHANED);
    undo.undo();
    await expectAnchor(c, id, HELD);
    undo.redo();
    await expectAnchor(c, id, ORPHANED);
  });

  it('bold on and formatting cleared again keep the anchor and its text', async () => {
    const c = await consultation(bed);
    const id = await commentOn(c, 'commenter', 'ngân sách đạt 105%');
    const { text, index } = findText(c.writer.doc, 'sách đạt');
    text.format(index, 'sách đạt'.length, { bold: {} });
    await expectAnchor(c, id, HELD);
    text.format(0, text.length, { bold: null, italic: null });
    await expectAnchor(c, id, HELD);
  });

  it('after a server restart anchors resolve as before, edits included', async () => {
    const c = await consultation(bed);
    const edited = await commentOn(c, 'commenter', 'Tổng thu ngân sách');
    const kept = await commentOn(c, 'commenter2', 'Thu hút đầu tư');
    const at = findText(c.writer.doc, 'ngân sách');
    at.text.insert(at.index, 'nhà nước và ');
    await expectAnchor(c, edited, { orphaned: false, nowReads: 'Tổng thu nhà nước và ngân sách' });
    bed.disconnectAll();
    const server = await bed.restart();
    const response = await api(server, `/drafts/${c.draftId}/comments`, {
      token: server.workspace.users.editor.token,
    });
    const { comments } = (await response.json()) as { comments: Listed[] };
    const byId = new Map(comments.map((x) => [x.id, x]));
    expect(byId.get(edited)).toMatchObject({ orphaned: false, nowReads: 'Tổng thu nhà nước và ngân sách' });
    expect(byId.get(kept)).toMatchObject({
      orphaned: false,
      nowReads: null,
      anchor: { quote: 'Thu hút đầu tư' },
    });
  });
});
