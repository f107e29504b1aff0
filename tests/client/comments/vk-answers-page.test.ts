import { describe, expect, it } from 'vitest';
import '../../../client/comments/vk-answers-page.ts';
import type { SessionInfo } from '../../../shared/api/auth.ts';
import type { CommentDisposition } from '../../../shared/api/comments.ts';
import { comment, reply } from '../comments-data.ts';
import { eventually, find, findAll, json, mount, stubFetch, textOf } from '../fixture.ts';
import { invitation, overview } from '../rounds-data.ts';
import { signedIn } from '../sessions.ts';

const SESSION: SessionInfo = signedIn(
  {
    id: 31,
    username: 'cuonglv',
    displayName: 'Lê Văn Cường',
    org: { id: 21, kind: 'branch', name: 'Chi bộ 1', shortName: 'CB1', parentId: 3 },
  },
  [{ orgId: 21, role: 'commenter' }],
);

const UNIT = { id: 3, name: 'Đảng bộ Sở TN&MT' };
const ANSWER: CommentDisposition = {
  value: 'accepted',
  note: 'Đã bổ sung số liệu.',
  by: 7,
  byName: 'Phạm Thị Phương',
  at: '2026-03-06T09:00:00.000Z',
  appliedAt: null,
  textRemoved: false,
};

function api(status: 'open' | 'closed') {
  return stubFetch((r) => {
    if (r.path === '/api/drafts/d1/comments')
      return json(200, {
        comments: [
          comment(1, { disposition: ANSWER, editable: false }),
          reply(2, 1, { body: 'Cảm ơn tiểu ban.', editable: false }),
          comment(3, {
            body: 'Nên rút gọn phần này.',
            anchor: { sectionId: 's2', quote: '', prefix: '', suffix: '', start: null, end: null },
            editable: false,
          }),
        ],
        sections: [
          { id: 's1', title: 'I. Kinh tế' },
          { id: 's2', title: 'II. Xây dựng Đảng' },
        ],
      });
    if (r.path === '/api/rounds')
      return json(200, {
        rounds: [
          overview(1, UNIT, {
            round: { status, title: 'Lấy ý kiến Dự thảo lần 1', version: 1 },
            mine: invitation(21, 'Chi bộ 1', { state: 'submitted' }),
          }),
          overview(2, UNIT, { mine: invitation(21, 'Chi bộ 1') }),
        ],
      });
    return undefined;
  });
}

describe('vk-answers-page', () => {
  it("shows the organisation's comments by section with the committee's answers, and how many are answered", async () => {
    api('closed');
    const p = await mount('vk-answers-page', { session: SESSION, draftId: 'd1' });
    await eventually(() => expect(p.shadowRoot?.querySelector('vk-comment-thread')).not.toBeNull());

    expect(findAll(p, 'h2').map(textOf)).toEqual(['I. Kinh tế', 'II. Xây dựng Đảng']);
    expect(textOf(find(p, '.summary strong'))).toBe('1/2 góp ý đã được trả lời');
    expect(textOf(find(p, '.summary .waiting'))).toBe('1 đang chờ trả lời');
    // Only this draft's round, and the draft is no longer open to the organisation.
    expect(findAll(p, '.rounds li').map(textOf)).toEqual([
      'Lấy ý kiến Dự thảo lần 1 · Đợt lấy ý kiến đã kết thúc · Chi bộ 1: Đã gửi',
    ]);
    expect(p.shadowRoot?.querySelector('a[href="/drafts/d1"]')).toBeNull();
    const threads = findAll(p, 'vk-comment-thread');
    expect(textOf(threads[0]?.shadowRoot?.querySelector('.answer'))).toContain('Đã bổ sung số liệu.');
    expect(textOf(threads[0]?.shadowRoot?.querySelector('ol'))).toContain('Cảm ơn tiểu ban.');
    // Read-only here: no reply box and no answer form.
    expect(threads[0]?.shadowRoot?.querySelector('form, vk-comment-disposition')).toBeNull();
  });

  it('links back to the draft while the round is open', async () => {
    api('open');
    const p = await mount('vk-answers-page', { session: SESSION, draftId: 'd1' });
    await eventually(() => expect(p.shadowRoot?.querySelector('.summary a')).not.toBeNull());

    expect(find<HTMLAnchorElement>(p, '.summary a').getAttribute('href')).toBe('/drafts/d1');
  });

  it('says when a draft is not there for the user', async () => {
    stubFetch(() => json(404, { error: { code: 'draft_not_found', message: 'No such draft' } }));
    const p = await mount('vk-answers-page', { session: SESSION, draftId: 'zz' });
    await eventually(() => expect(p.shadowRoot?.querySelector('[role=alert]')).not.toBeNull());

    expect(textOf(find(p, '[role=alert] a'))).toBe('Về trang chủ');
  });
});
