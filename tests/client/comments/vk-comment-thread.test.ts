import type { LitElement } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/comments/vk-comment-thread.ts';
import type { VkCommentThread } from '../../../client/comments/vk-comment-thread.ts';
import { formatWhen } from '../../../client/app/format-when.ts';
import { AnswerDrafts } from '../../../client/comments/answer-drafts.ts';
import type { CommentDisposition } from '../../../shared/api/comments.ts';
import { comment, reply, thread } from '../comments-data.ts';
import {
  answerDialog,
  captureEvents,
  eventually,
  find,
  findAll,
  json,
  mount,
  stubFetch,
  textOf,
} from '../fixture.ts';

const ANSWER: CommentDisposition = {
  value: 'explained',
  note: 'Số liệu đã có ở Phụ lục 2.',
  by: 7,
  byName: 'Phạm Thị Phương',
  at: '2026-03-06T09:00:00.000Z',
  appliedAt: null,
  textRemoved: false,
};

async function card(properties: Partial<VkCommentThread>) {
  return mount('vk-comment-thread', { draftId: 'd1', selfId: 31, thread: thread(comment(5)), ...properties });
}

const button = (c: Element, text: string) => {
  const found = findAll<HTMLButtonElement>(c, 'button').find((b) => textOf(b) === text);
  if (found === undefined) throw new Error(`no button ${text}`);
  return found;
};
const buttons = (c: Element) => findAll(c, 'button').map(textOf);

describe('vk-comment-thread', () => {
  it('shows who commented, when, on what, and the body as plain text only', async () => {
    stubFetch(() => undefined);
    const body = 'Xem <img src=x onerror="window.hacked=1"> & <b>số liệu</b>';
    const c = await card({ thread: thread(comment(5, { body })) });

    expect(textOf(find(c, 'header'))).toBe(
      `Góp ý Chi bộ 1 Lê Văn Cường · ${formatWhen('2026-03-05T08:00:00.000Z')}`,
    );
    expect(textOf(find(c, 'blockquote.quote'))).toBe('kinh tế');
    expect(find(c, '.body').textContent).toBe(body);
    expect(findAll(c, 'img, b')).toEqual([]);
    expect(find(c, 'article').getAttribute('aria-label')).toBe('Góp ý của Chi bộ 1');
  });

  it('shows a suggestion as the quote struck through and its replacement, or that it deletes the quote', async () => {
    stubFetch(() => undefined);
    const suggestion = comment(5, { kind: 'suggestion', replacement: 'kinh tế số', body: '' });
    const c = await card({ thread: thread(suggestion) });

    expect(textOf(find(c, '.badge.suggestion'))).toBe('Đề xuất sửa');
    expect(textOf(find(c, '.change'))).toBe('kinh tế thay bằng kinh tế số');
    expect(textOf(find(c, '.change del'))).toBe('kinh tế');
    expect(textOf(find(c, '.change ins'))).toBe('kinh tế số');
    expect(findAll(c, '.body')).toEqual([]);

    c.thread = thread({ ...suggestion, replacement: '' });
    await c.updateComplete;
    expect(textOf(find(c, '.change'))).toBe('kinh tế thay bằng (xoá đoạn này)');

    // Accepted and written into the draft: the anchor now holds the new text.
    const applied = { ...ANSWER, value: 'accepted' as const, appliedAt: '2026-03-06T09:00:00.000Z' };
    c.thread = thread({
      ...suggestion,
      anchor: { ...suggestion.anchor!, quote: 'kinh tế số' },
      disposition: applied,
    });
    await c.updateComplete;
    expect(textOf(find(c, '.change'))).toBe('Đã sửa thành kinh tế số');
    expect(findAll(c, '.change del')).toEqual([]);
  });

  it('says when the quoted text was deleted from the draft, keeping the quote', async () => {
    stubFetch(() => undefined);
    const c = await card({ orphaned: true });

    expect(textOf(find(c, '.orphan'))).toBe('Đoạn văn được góp ý đã bị xoá');
    expect(textOf(find(c, 'blockquote.quote'))).toBe('kinh tế');
  });

  it('an accepted suggestion whose text was removed later says so once, not "deleted" and "taken in" both', async () => {
    stubFetch(() => undefined);
    const removed = {
      ...ANSWER,
      value: 'accepted' as const,
      appliedAt: '2026-03-06T09:00:00.000Z',
      textRemoved: true,
    };
    const c = await card({ orphaned: true, thread: thread({ ...comment(5), disposition: removed }) });

    expect(findAll(c, '.orphan')).toEqual([]);
    expect(textOf(find(c, '.answer small.warn'))).toBe(
      'Đã đưa vào dự thảo, nhưng đoạn sửa sau đó đã bị xóa (ví dụ khi khôi phục một bản cũ).',
    );
  });

  it('shows what the commented words read now once the committee changed them', async () => {
    stubFetch(() => undefined);
    const c = await card({ nowReads: 'kinh tế số' });

    expect(textOf(find(c, 'blockquote.quote'))).toBe('kinh tế');
    expect(textOf(find(c, '.now'))).toBe('Nay là kinh tế số');
    c.orphaned = true;
    await c.updateComplete;
    expect(c.shadowRoot!.querySelector('.now')).toBeNull();
  });

  it('shows the committee’s answer with its note; "Chưa trả lời" only to the committee', async () => {
    stubFetch(() => undefined);
    const c = await card({ thread: thread(comment(5, { disposition: ANSWER })) });

    expect(textOf(find(c, 'header .badge.explained'))).toBe('Giải trình');
    expect(textOf(find(c, '.answer'))).toBe(
      `Tiểu ban: Giải trình · Phạm Thị Phương · ${formatWhen(ANSWER.at)} Số liệu đã có ở Phụ lục 2.`,
    );

    const unanswered = await card({ canAnswer: true, selfId: 1 });
    expect(textOf(find(unanswered, '.badge.none'))).toBe('Chưa trả lời');
    const commenter = await card({ selfId: 1 });
    expect(findAll(commenter, '.badge.none')).toEqual([]);
  });

  it('is compact until expanded: then replies, the reply box and, for the committee, the answer form', async () => {
    stubFetch(() => undefined);
    const replies = [reply(6, 5, { authorName: 'Phạm Thị Phương', orgName: 'Đảng ủy' }), reply(7, 5)];
    const c = await card({
      thread: thread(comment(5), ...replies),
      canReply: true,
      canAnswer: true,
      selfId: 1,
    });

    expect(textOf(find(c, '.more'))).toBe('2 trả lời');
    expect(findAll(c, 'ol, form, vk-comment-disposition')).toEqual([]);

    c.expanded = true;
    await c.updateComplete;
    expect(findAll(c, 'ol > li').map((li) => textOf(li.querySelector('.reply-body')))).toEqual([
      'Đồng ý.',
      'Đồng ý.',
    ]);
    expect(textOf(find(c, 'ol > li small'))).toContain('Phạm Thị Phương (Đảng ủy)');
    expect(findAll(c, 'vk-comment-disposition')).toHaveLength(1);
    await userEvent.click(button(c, 'Trả lời'));
    expect(findAll(c, 'form.reply')).toHaveLength(1);
    expect(c.shadowRoot!.activeElement).toBe(find(c, 'textarea#reply'));
  });

  it('keeps a half-written answer while the card is collapsed or made anew, and forgets it once saved', async () => {
    const answered = comment(5, { disposition: ANSWER });
    stubFetch((r) => (r.method === 'PUT' ? json(200, answered) : undefined));
    const answerDrafts = new AnswerDrafts();
    const c = await card({ canAnswer: true, selfId: 1, expanded: true, answerDrafts });
    const answer = () => find<LitElement>(c, 'vk-comment-disposition');
    const pressed = () =>
      findAll(answer(), '[role="group"] button')
        .filter((b) => b.getAttribute('aria-pressed') === 'true')
        .map(textOf);
    await userEvent.click(button(answer(), 'Giải trình'));
    await userEvent.type(find(answer(), 'textarea'), 'Số liệu ở Phụ lục 2.');

    // Another card picked: this one collapses, its form goes away, then comes back.
    c.expanded = false;
    await c.updateComplete;
    c.expanded = true;
    await c.updateComplete;
    await answer().updateComplete;
    expect(pressed()).toEqual(['Giải trình']);
    expect(find<HTMLTextAreaElement>(answer(), 'textarea').value).toBe('Số liệu ở Phụ lục 2.');

    // A filter hid the card: a new card for the same comment still has it.
    const again = await card({ canAnswer: true, selfId: 1, expanded: true, answerDrafts });
    const form = find<LitElement>(again, 'vk-comment-disposition');
    await form.updateComplete;
    expect(find<HTMLTextAreaElement>(form, 'textarea').value).toBe('Số liệu ở Phụ lục 2.');

    await userEvent.click(button(form, 'Lưu trả lời'));
    await eventually(() => expect(answerDrafts.take(5, null)).toBeNull());
    expect(answerDrafts.take(5, ANSWER.at)).toBeNull();
  });

  it('lets the author edit and withdraw while the comment is editable, and no one else', async () => {
    stubFetch(() => undefined);
    expect(buttons(await card({}))).toEqual(['Sửa', 'Rút lại']);
    expect(buttons(await card({ selfId: 99 }))).toEqual([]);
    expect(buttons(await card({ thread: thread(comment(5, { editable: false })) }))).toEqual([]);
  });

  it('saves the author’s edit and sends it up', async () => {
    const edited = comment(5, { body: 'Cần số liệu năm 2025.', updatedAt: '2026-03-05T09:00:00.000Z' });
    const sent = stubFetch((r) => (r.method === 'PATCH' ? json(200, edited) : undefined));
    const changed = captureEvents('vk-comment-changed');
    const c = await card({});

    await userEvent.click(button(c, 'Sửa'));
    await userEvent.clear(find(c, 'textarea#body'));
    await userEvent.type(find(c, 'textarea#body'), 'Cần số liệu năm 2025.');
    await userEvent.click(button(c, 'Lưu'));

    await eventually(() => expect(changed.map((e) => e.comment)).toEqual([edited]));
    expect(sent.map((r) => [r.method, r.path, r.body])).toEqual([
      ['PATCH', '/api/drafts/d1/comments/5', { body: 'Cần số liệu năm 2025.' }],
    ]);
    expect(findAll(c, 'form.edit')).toEqual([]);
  });

  it('asks before withdrawing, then withdraws; a refusal is explained', async () => {
    let status = 423;
    const sent = stubFetch((r) =>
      r.method !== 'DELETE'
        ? undefined
        : status === 204
          ? new Response(null, { status: 204 })
          : json(409, { error: { code: 'comment_locked', message: 'locked' } }),
    );
    const withdrawn = captureEvents('vk-comment-withdrawn');
    const c = await card({});

    await userEvent.click(button(c, 'Rút lại'));
    expect(await answerDialog(false)).toBe('Rút lại góp ý này? Góp ý sẽ bị xoá khỏi danh sách.');
    expect(sent).toEqual([]);

    await userEvent.click(button(c, 'Rút lại'));
    await answerDialog(true);
    await eventually(() =>
      expect(textOf(find(c, '[role="alert"]'))).toBe(
        'Góp ý này đã được trả lời hoặc đã gửi, không sửa hay rút lại được nữa.',
      ),
    );

    status = 204;
    await userEvent.click(button(c, 'Rút lại'));
    await answerDialog(true);
    await eventually(() => expect(withdrawn.map((e) => e.commentId)).toEqual([5]));
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'DELETE /api/drafts/d1/comments/5',
      'DELETE /api/drafts/d1/comments/5',
    ]);
  });

  it('opens a reply box on "Trả lời" and sends the reply, closing the box; an empty one is not sent', async () => {
    const answer = reply(8, 5, { body: 'Đã bổ sung.' });
    const sent = stubFetch((r) => (r.method === 'POST' ? json(201, answer) : undefined));
    const changed = captureEvents('vk-comment-changed');
    const c = await card({ expanded: true, canReply: true });
    await userEvent.click(button(c, 'Trả lời'));

    await userEvent.click(button(c, 'Gửi trả lời'));
    expect(textOf(find(c, '[role="alert"]'))).toBe('Nội dung góp ý đang để trống.');
    await userEvent.type(find(c, 'textarea#reply'), ' Đã bổ sung. ');
    await userEvent.click(button(c, 'Gửi trả lời'));

    await eventually(() => expect(changed.map((e) => e.comment)).toEqual([answer]));
    expect(sent.map((r) => [r.path, r.body])).toEqual([
      ['/api/drafts/d1/comments/5/replies', { body: 'Đã bổ sung.' }],
    ]);
    expect(findAll(c, 'form.reply')).toEqual([]);
  });
});
