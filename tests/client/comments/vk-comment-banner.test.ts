import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/comments/vk-comment-banner.ts';
import type { VkCommentBanner } from '../../../client/comments/vk-comment-banner.ts';
import { formatWhen } from '../../../client/app/format-when.ts';
import { captureEvents, eventually, find, findAll, json, mount, stubFetch, textOf } from '../fixture.ts';
import { daysFromNow, invitation, round } from '../rounds-data.ts';

const MINE = invitation(21, 'Chi bộ 1', { state: 'in_progress', comments: 3, answered: 1 });

const banner = (properties: Partial<VkCommentBanner> = {}) =>
  mount('vk-comment-banner', { draftId: 'd1', round: round(3), mine: MINE, ...properties });
const button = (b: Element, text: string) =>
  findAll<HTMLButtonElement>(b, 'button').find((x) => textOf(x) === text);

describe('vk-comment-banner', () => {
  it('shows the round, its deadline and time left, and the organisation’s state', async () => {
    stubFetch(() => undefined);
    const deadline = daysFromNow(5.5);
    const b = await banner({ round: round(3, { deadline }) });

    expect(textOf(find(b, '.what'))).toBe(
      `Lấy ý kiến góp ý Dự thảo lần 2 Dự thảo lần 2 · Hạn góp ý: ${formatWhen(deadline)} (Còn 5 ngày)`,
    );
    expect(textOf(find(b, '.what + p'))).toBe('Chi bộ 1: Đang góp ý · 3 góp ý, 1 đã được trả lời');
    expect(button(b, 'Gửi góp ý')).toBeDefined();
  });

  it('says "Hết hạn" once the deadline has passed', async () => {
    stubFetch(() => undefined);
    const b = await banner({ round: round(3, { deadline: daysFromNow(-1) }) });

    expect(textOf(find(b, '.late'))).toBe('(Hết hạn)');
  });

  it('asks before sending, then sends the organisation’s comments and says so up', async () => {
    const sent_ = invitation(21, 'Chi bộ 1', { state: 'submitted', submittedAt: '2026-03-07T10:00:00.000Z' });
    const sent = stubFetch((r) => (r.method === 'POST' ? json(201, sent_) : undefined));
    const submitted = captureEvents('vk-comments-submitted');
    const b = await banner();

    await userEvent.click(button(b, 'Gửi góp ý')!);
    expect(textOf(find(b, '.confirm p'))).toBe(
      'Gửi 3 góp ý của Chi bộ 1 cho tiểu ban văn kiện? Sau khi gửi, tổ chức không thêm, sửa hay rút góp ý được nữa.',
    );
    await userEvent.click(button(b, 'Huỷ')!);
    expect(findAll(b, '.confirm')).toEqual([]);
    expect(sent).toEqual([]);

    await userEvent.click(button(b, 'Gửi góp ý')!);
    await userEvent.click(button(b, 'Xác nhận gửi')!);

    await eventually(() => expect(submitted.map((e) => e.invitation)).toEqual([sent_]));
    expect(sent.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/api/drafts/d1/rounds/3/submissions', { orgId: 21 }],
    ]);
  });

  it('offers no sending once sent, when the round is closed, or to an organisation not invited', async () => {
    stubFetch(() => undefined);
    const done = await banner({
      mine: invitation(21, 'Chi bộ 1', {
        state: 'submitted',
        submittedAt: '2026-03-07T10:00:00.000Z',
        comments: 3,
      }),
    });
    expect(textOf(find(done, '.what + p'))).toBe(
      `Chi bộ 1: Đã gửi (${formatWhen('2026-03-07T10:00:00.000Z')}) · 3 góp ý, 0 đã được trả lời`,
    );
    expect(findAll(done, 'button')).toEqual([]);

    const closed = await banner({ round: round(3, { status: 'closed', deadline: daysFromNow(-1) }) });
    expect(textOf(find(closed, '.what'))).toContain('Đợt lấy ý kiến đã kết thúc.');
    expect(findAll(closed, 'button')).toEqual([]);

    const outsider = await banner({ mine: null });
    expect(textOf(find(outsider, 'p.muted'))).toBe('Tổ chức của bạn không được mời góp ý trong đợt này.');

    const none = await banner({ round: null });
    expect(textOf(find(none, '[role="status"]'))).toBe('Dự thảo này chưa được gửi lấy ý kiến.');
  });

  it('shows a refusal', async () => {
    stubFetch(() => json(409, { error: { code: 'round_closed', message: 'closed' } }));
    const b = await banner();

    await userEvent.click(button(b, 'Gửi góp ý')!);
    await userEvent.click(button(b, 'Xác nhận gửi')!);

    await eventually(() =>
      expect(textOf(find(b, '[role="alert"]'))).toBe(
        'Đợt lấy ý kiến đã kết thúc, không góp ý hay gửi góp ý được nữa.',
      ),
    );
  });
});
