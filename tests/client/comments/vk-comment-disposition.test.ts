import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/comments/vk-comment-disposition.ts';
import type { Comment } from '../../../shared/api/comments.ts';
import { comment } from '../comments-data.ts';
import { captureEvents, eventually, find, findAll, json, mount, stubFetch, textOf } from '../fixture.ts';

const form = (target: Comment = comment(5)) =>
  mount('vk-comment-disposition', { draftId: 'd1', comment: target });
const choice = (d: Element, label: string) =>
  findAll<HTMLButtonElement>(d, '[role="group"] button').find((b) => textOf(b) === label)!;
const save = (d: Element) => find<HTMLButtonElement>(d, 'button[type="submit"]');

describe('vk-comment-disposition', () => {
  it('offers the four answers, and saves one with its note', async () => {
    const answered = comment(5, {
      disposition: {
        value: 'accepted',
        note: 'Đã bổ sung.',
        by: 7,
        byName: 'P',
        at: '2026-03-06T09:00:00.000Z',
        appliedAt: null,
        textRemoved: false,
      },
    });
    const sent = stubFetch((r) => (r.method === 'PUT' ? json(200, answered) : undefined));
    const changed = captureEvents('vk-comment-changed');
    const d = await form();

    expect(findAll(d, '[role="group"] button').map(textOf)).toEqual([
      'Tiếp thu',
      'Tiếp thu một phần',
      'Giải trình',
      'Ghi nhận',
    ]);
    expect(save(d).disabled).toBe(true);

    await userEvent.click(choice(d, 'Tiếp thu'));
    expect(choice(d, 'Tiếp thu').getAttribute('aria-pressed')).toBe('true');
    await userEvent.type(find(d, 'textarea'), 'Đã bổ sung.');
    await userEvent.click(save(d));

    await eventually(() => expect(changed.map((e) => e.comment)).toEqual([answered]));
    expect(sent.map((r) => [r.method, r.path, r.body])).toEqual([
      ['PUT', '/api/drafts/d1/comments/5/disposition', { value: 'accepted', note: 'Đã bổ sung.' }],
    ]);
  });

  it('keeps a half-written answer when a new copy of the comment arrives, but not when a colleague answered', async () => {
    stubFetch(() => undefined);
    const d = await form();
    await userEvent.click(choice(d, 'Giải trình'));
    await userEvent.type(find(d, 'textarea'), 'Số liệu ở phụ lục');

    // The author edited their text: the same comment, not yet answered.
    d.comment = comment(5, { body: 'Đã sửa lời góp ý.' });
    await d.updateComplete;
    expect(choice(d, 'Giải trình').getAttribute('aria-pressed')).toBe('true');
    expect(find<HTMLTextAreaElement>(d, 'textarea').value).toBe('Số liệu ở phụ lục');

    d.comment = comment(5, {
      disposition: {
        value: 'noted',
        note: '',
        by: 8,
        byName: 'Q',
        at: '2026-03-06T10:00:00.000Z',
        appliedAt: null,
        textRemoved: false,
      },
    });
    await d.updateComplete;
    expect(choice(d, 'Ghi nhận').getAttribute('aria-pressed')).toBe('true');
  });

  it('requires the reason when explaining or accepting in part', async () => {
    const sent = stubFetch(() => undefined);
    const d = await form();

    await userEvent.click(choice(d, 'Giải trình'));
    expect(textOf(find(d, 'label'))).toBe('Ý kiến của tiểu ban (bắt buộc)');
    await userEvent.click(save(d));

    expect(textOf(find(d, '[role="alert"]'))).toBe('Hãy ghi rõ lý do khi giải trình hoặc tiếp thu một phần.');
    expect(sent).toEqual([]);
    await userEvent.click(choice(d, 'Ghi nhận'));
    expect(textOf(find(d, 'label'))).toBe('Ý kiến của tiểu ban');
  });

  it('says that accepting a suggestion writes it into the draft', async () => {
    stubFetch(() => undefined);
    const d = await form(comment(5, { kind: 'suggestion', replacement: 'kinh tế số' }));

    await userEvent.click(choice(d, 'Tiếp thu'));

    expect(textOf(find(d, 'small'))).toBe('Khi lưu, văn bản đề xuất sẽ được đưa vào dự thảo.');
  });

  it('starts from the current answer, and shows a refusal', async () => {
    stubFetch(() => json(409, { error: { code: 'comment_orphaned', message: 'gone' } }));
    const d = await form(
      comment(5, {
        disposition: {
          value: 'partly',
          note: 'Một phần.',
          by: 7,
          byName: null,
          at: '2026-03-06T09:00:00.000Z',
          appliedAt: null,
          textRemoved: false,
        },
      }),
    );

    expect(choice(d, 'Tiếp thu một phần').getAttribute('aria-pressed')).toBe('true');
    expect(find<HTMLTextAreaElement>(d, 'textarea').value).toBe('Một phần.');
    await userEvent.click(save(d));

    await eventually(() =>
      expect(textOf(find(d, '[role="alert"]'))).toBe(
        'Đoạn văn của góp ý này đã bị xóa khỏi dự thảo, nên không áp dụng được đề xuất sửa.',
      ),
    );
  });
});
