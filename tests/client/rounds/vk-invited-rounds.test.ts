import { describe, expect, it } from 'vitest';
import '../../../client/rounds/vk-invited-rounds.ts';
import { find, findAll, mount, textOf } from '../fixture.ts';
import { daysFromNow, invitation, overview } from '../rounds-data.ts';

const UNIT = { id: 3, name: 'Đảng bộ Sở TN&MT' };
const MINE = invitation(11, 'Chi bộ Văn phòng Sở', { state: 'in_progress', comments: 4, answered: 1 });

/** Each card: its link and lines as read. */
const cards = (e: Element) =>
  findAll<HTMLAnchorElement>(e, 'li a').map((a) => [
    a.getAttribute('href'),
    ...[...a.children].map((c) => textOf(c)),
  ]);

describe('vk-invited-rounds', () => {
  it('lists the drafts the organisation is invited to, with time left, its state and answered comments', async () => {
    const e = await mount('vk-invited-rounds', {
      rounds: [overview(5, UNIT, { title: 'Báo cáo chính trị Đại hội VI', mine: MINE })],
    });

    expect(textOf(find(e, 'h2'))).toBe('Dự thảo được mời góp ý');
    const [card] = cards(e);
    expect(card?.[0]).toBe('/drafts/d5');
    expect(card?.[1]).toBe('Báo cáo chính trị Đại hội VI');
    // The default title names the version already; it is not said twice.
    expect(card?.[2]).toBe('Lấy ý kiến góp ý Dự thảo lần 2');
    expect(card?.[3]).toMatch(/^Hạn: .+ · Còn 5 ngày$/);
    expect(card?.slice(4)).toEqual(['Chi bộ Văn phòng Sở: Đang góp ý', '4 góp ý, 1 đã được trả lời']);
  });

  it('puts open rounds first, soonest deadline first; an ended one leads to the answers', async () => {
    const e = await mount('vk-invited-rounds', {
      rounds: [
        overview(1, UNIT, {
          mine: MINE,
          round: { status: 'closed', closedReason: 'deadline', deadline: daysFromNow(-3) },
        }),
        overview(2, UNIT, { mine: MINE, round: { deadline: daysFromNow(9.5) } }),
        overview(3, UNIT, { mine: MINE, round: { deadline: daysFromNow(0.2) } }),
        overview(4, UNIT, { mine: null }),
      ],
    });

    expect(cards(e).map(([href, , , deadline]) => [href, deadline?.replace(/^Hạn: .+ · /, '')])).toEqual([
      ['/drafts/d3', 'Còn 4 giờ'],
      ['/drafts/d2', 'Còn 9 ngày'],
      ['/drafts/d1/answers', 'Hết hạn'],
    ]);
  });

  it('says when the organisation has sent its comments, and when it has none yet', async () => {
    const e = await mount('vk-invited-rounds', {
      rounds: [
        overview(1, UNIT, {
          mine: invitation(11, 'Đoàn Thanh niên', {
            state: 'submitted',
            submittedAt: '2026-03-05T09:30:00.000Z',
          }),
        }),
      ],
    });

    expect(cards(e)[0]?.slice(4, 5)[0]).toMatch(/^Đoàn Thanh niên: Đã gửi \(.+2026\)$/);
    expect(cards(e)[0]?.at(-1)).toBe('Chưa có góp ý nào');
  });

  it('says when nothing is waiting for comments', async () => {
    const e = await mount('vk-invited-rounds', { rounds: [] });

    expect(textOf(find(e, '.empty'))).toBe('Tổ chức của bạn chưa được mời góp ý dự thảo nào.');
  });
});
