import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { setCommentAnchors } from '../../../client/comments/comment-anchors.ts';
import '../../../client/discussions/vk-discussion-composer.ts';
import '../../../client/discussions/vk-discussion-panel.ts';
import '../../../client/discussions/vk-discussion-thread.ts';
import {
  attachDiscussionAnchors,
  discussionRanges,
  setDiscussionAnchors,
} from '../../../client/discussions/discussion-anchors.ts';
import {
  nextUnanswered,
  toDiscussionThreads,
  type DiscussionThread,
} from '../../../client/discussions/discussion-threads.ts';
import { matchMembers, mentionQuery } from '../../../client/discussions/mentions.ts';
import type { Discussion } from '../../../shared/api/discussions.ts';
import { anchoredEditor } from '../comments-data.ts';
import {
  captureEvents,
  eventually,
  find,
  findAll,
  json,
  mount,
  settle,
  stubFetch,
  textOf,
} from '../fixture.ts';

const MEMBERS = [
  { id: 1, name: 'Nguyễn Văn An' },
  { id: 2, name: 'Trần Thị Bình' },
  { id: 3, name: 'Bùi Văn Khánh' },
];
const ANCHOR = { sectionId: 's1', quote: 'kinh tế', prefix: '', suffix: '', start: null, end: null };

const message = (id: number, more: Partial<Discussion> = {}): Discussion => ({
  id,
  draftId: 'd1',
  parentId: null,
  authorId: 1,
  authorName: 'Nguyễn Văn An',
  body: 'Xem lại số liệu.',
  mentions: [],
  anchor: ANCHOR,
  orphaned: false,
  createdAt: '2026-03-05T08:00:00.000Z',
  resolvedAt: null,
  resolvedByName: null,
  ...more,
});
const replyOf = (id: number, parentId: number, authorId: number): Discussion =>
  message(id, { parentId, authorId, authorName: 'Trần Thị Bình', anchor: null, body: 'Đã xem.' });

describe('internal discussions', () => {
  it('a thread is open until someone else answers it, and resolved once marked so', () => {
    const threads = toDiscussionThreads([
      message(1),
      replyOf(2, 1, 1), // the author adding to their own question answers nothing
      message(3),
      replyOf(4, 3, 2),
      message(5, { resolvedAt: '2026-03-06T08:00:00.000Z' }),
    ]);
    expect(threads.map((t) => [t.root.id, t.state, t.replies.length])).toEqual([
      [1, 'open', 1],
      [3, 'answered', 1],
      [5, 'resolved', 0],
    ]);
  });

  it('"next unanswered" goes through open threads in document order and wraps around', () => {
    const threads = toDiscussionThreads([message(1), message(2), message(3), replyOf(4, 2, 2)]);
    const order = [3, 2, 1]; // as they appear in the text
    expect(nextUnanswered(threads, order, null)).toBe(3);
    expect(nextUnanswered(threads, order, 3)).toBe(1);
    expect(nextUnanswered(threads, order, 1)).toBe(3);
    expect(nextUnanswered(toDiscussionThreads([message(1, { resolvedAt: 'x' })]), [1], null)).toBeNull();
  });

  it('finds the mention being typed and the members it may name, without diacritics', () => {
    expect(mentionQuery('Nhờ @bi', 7)).toEqual({ at: 4, text: 'bi' });
    expect(mentionQuery('Nhờ @Trần Th', 12)).toEqual({ at: 4, text: 'Trần Th' });
    expect(mentionQuery('email a@b', 9)).toBeNull();
    expect(matchMembers(MEMBERS, 'binh').map((m) => m.id)).toEqual([2]);
    expect(matchMembers(MEMBERS, 'van').map((m) => m.id)).toEqual([1, 3]);
  });

  it('the composer offers members after @, writes the picked name, and sends it as a mention', async () => {
    const sent = stubFetch(() => json(201, message(9, { mentions: [MEMBERS[1]!] })));
    const saved = captureEvents('vk-discussion-saved');
    const c = await mount('vk-discussion-composer', {
      draftId: 'd1',
      members: MEMBERS,
      target: {
        type: 'new',
        anchor: { sectionId: 's1', start: 'AAwoAA==', end: 'AAwvAA==', quote: 'kinh tế', singleBlock: true },
      },
    });
    const input = find(c, 'vk-mention-input');
    await settle(c);
    const field = find<HTMLTextAreaElement>(input, 'textarea');
    expect(input.shadowRoot!.activeElement).toBe(field);
    await userEvent.type(field, 'Nhờ @binh');
    await settle(input);
    expect(findAll(input, '[role="option"]').map(textOf)).toEqual(['@Trần Thị Bình']);
    await userEvent.keyboard('{Enter}');
    await userEvent.type(field, 'xem giúp.');
    expect(field.value).toBe('Nhờ @Trần Thị Bình xem giúp.');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await eventually(() => expect(saved).toHaveLength(1));
    expect(sent.map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        '/api/drafts/d1/discussions',
        { body: 'Nhờ @Trần Thị Bình xem giúp.', start: 'AAwoAA==', end: 'AAwvAA==', mentions: [2] },
      ],
    ]);
  });

  it('a panel re-rendered by colleagues’ activity keeps the new thread being typed, its focus and its list', async () => {
    const composer = {
      sectionId: 's1',
      start: 'AAwoAA==',
      end: 'AAwvAA==',
      quote: 'kinh tế',
      singleBlock: true,
    };
    const p = await mount('vk-discussion-panel', {
      draftId: 'd1',
      members: MEMBERS,
      composer,
      canWrite: true,
    });
    const input = find(find(p, 'vk-discussion-composer'), 'vk-mention-input');
    await settle(input);
    const field = find<HTMLTextAreaElement>(input, 'textarea');
    await userEvent.type(field, 'Nhờ @binh');
    await settle(input);
    // A colleague's thread arrives: the page hands the panel a new list, and it renders again.
    p.threads = toDiscussionThreads([message(1)]);
    await settle(p);
    await settle(input);
    expect(field.value).toBe('Nhờ @binh');
    expect(input.shadowRoot!.activeElement).toBe(field);
    expect(findAll(input, '[role="option"]').map(textOf)).toEqual(['@Trần Thị Bình']);
    expect(find<HTMLButtonElement>(find(p, 'vk-discussion-composer'), 'button[type="submit"]').disabled).toBe(
      false,
    );
  });

  it('an answered thread folds to one line unless focused; resolving it asks the server', async () => {
    const [answered] = toDiscussionThreads([message(1), replyOf(2, 1, 2)]) as [DiscussionThread];
    const t = await mount('vk-discussion-thread', { draftId: 'd1', thread: answered, canWrite: true });
    expect(textOf(find(t, 'article.collapsed'))).toContain('Đã trả lời');
    expect(textOf(find(t, 'article.collapsed'))).toContain('“kinh tế”');
    t.active = true;
    await settle(t);
    expect(findAll(t, 'article.collapsed')).toHaveLength(0);
    expect(textOf(find(t, 'ol'))).toContain('Đã xem.');

    const sent = stubFetch(() => json(200, message(1, { resolvedAt: '2026-03-06T08:00:00.000Z' })));
    const saved = captureEvents('vk-discussion-saved');
    findAll<HTMLButtonElement>(t, 'button')
      .find((b) => textOf(b) === 'Đánh dấu đã giải quyết')!
      .click();
    await eventually(() => expect(saved).toHaveLength(1));
    expect(sent.map((r) => [r.method, r.path, r.body])).toEqual([
      ['PUT', '/api/drafts/d1/discussions/1/resolved', { resolved: true }],
    ]);
  });

  it('the panel counts open threads and asks for the next one', async () => {
    const next = captureEvents('vk-discussion-next');
    const p = await mount('vk-discussion-panel', {
      draftId: 'd1',
      threads: toDiscussionThreads([message(1), message(3), replyOf(4, 3, 2)]),
      canWrite: true,
    });
    const button = find<HTMLButtonElement>(p, 'button.next');
    expect(textOf(button)).toBe('Chưa trả lời tiếp theo (1)');
    button.click();
    expect(next).toHaveLength(1);
    p.threads = [];
    await settle(p);
    expect(find<HTMLButtonElement>(p, 'button.next').disabled).toBe(true);
  });

  it('highlights threads beside consultation comments, fading settled ones, each click to its own kind', () => {
    const { editor, clicked } = anchoredEditor('<p>Phát triển kinh tế và xã hội bền vững.</p>');
    const threadClicks: number[] = [];
    attachDiscussionAnchors(editor, (id) => threadClicks.push(id));
    setCommentAnchors(editor, [{ id: 1, kind: 'comment', anchor: ANCHOR }], null);
    setDiscussionAnchors(
      editor,
      [
        { id: 1, anchor: { ...ANCHOR, quote: 'xã hội' }, settled: false },
        { id: 2, anchor: { ...ANCHOR, quote: 'bền vững' }, settled: true },
      ],
      null,
    );
    expect([...discussionRanges(editor.state).keys()]).toEqual([1, 2]);
    const dom = editor.view.dom;
    expect(textOf(dom.querySelector('.comment-highlight'))).toBe('kinh tế');
    expect(textOf(dom.querySelector('.discussion-highlight:not(.discussion-settled)'))).toBe('xã hội');
    expect(textOf(dom.querySelector('.discussion-settled'))).toBe('bền vững');
    dom.querySelector<HTMLElement>('.discussion-highlight')!.click();
    dom.querySelector<HTMLElement>('.comment-highlight')!.click();
    expect(threadClicks).toEqual([1]);
    expect(clicked).toEqual([1]);
  });
});
