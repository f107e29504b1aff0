import { describe, expect, it } from 'vitest';
import '../../../client/rounds/vk-rounds-overview.ts';
import { find, findAll, mount, textOf } from '../fixture.ts';
import { invitation, overview } from '../rounds-data.ts';

const STNMT = { id: 3, name: 'Đảng bộ Sở Tài nguyên và Môi trường' };
const STC = { id: 4, name: 'Đảng bộ Sở Tài chính' };

const rows = (e: Element) =>
  findAll(e, 'tbody tr').map((tr) =>
    tr.querySelector('th.unit') ? `# ${textOf(tr)}` : textOf(tr.querySelector('a')),
  );

describe('vk-rounds-overview', () => {
  it('lists each round with a link to its dashboard, its deadline and its tally, open ones first', async () => {
    const e = await mount('vk-rounds-overview', {
      rounds: [
        overview(2, STNMT, { round: { title: 'Đợt 2', status: 'closed', closedReason: 'closed_early' } }),
        overview(3, STNMT, {
          round: { title: 'Đợt 3' },
          tally: { invited: 9, submitted: 3, percent: 33, overdue: 0 },
        }),
      ],
    });

    expect(textOf(find(e, 'h2'))).toBe('Các đợt lấy ý kiến');
    expect(rows(e)).toEqual(['Đợt 3 · Dự thảo lần 2', 'Đợt 2 · Dự thảo lần 2']);
    expect(find(e, 'tbody a').getAttribute('href')).toBe('/drafts/d3/rounds/3');
    const first = findAll(e, 'tbody tr')[0]!;
    expect(textOf(first.querySelectorAll('td')[1]?.querySelector('small'))).toBe('Còn 5 ngày');
    expect(textOf(first.querySelector('vk-round-tally')?.shadowRoot?.querySelector('.big'))).toBe(
      'Đã gửi 3/9 (33%)',
    );
    expect(textOf(findAll(e, 'tbody tr')[1]?.querySelectorAll('td')[1]?.querySelector('small'))).toBe(
      'Đã kết thúc',
    );
  });

  it('groups the rounds by unit for the bloc office', async () => {
    const e = await mount('vk-rounds-overview', {
      byUnit: true,
      rounds: [
        overview(1, STNMT, { round: { title: 'TN&MT đợt 1' } }),
        overview(2, STC, { round: { title: 'Tài chính đợt 1' } }),
        overview(3, STNMT, { round: { title: 'TN&MT đợt 2' } }),
      ],
    });

    expect(rows(e)).toEqual([
      '# Đảng bộ Sở Tài chính 1 đợt',
      'Tài chính đợt 1 · Dự thảo lần 2',
      '# Đảng bộ Sở Tài nguyên và Môi trường 2 đợt',
      'TN&MT đợt 1 · Dự thảo lần 2',
      'TN&MT đợt 2 · Dự thảo lần 2',
    ]);
  });

  it('leaves out rounds the caller is invited to comment on, and says when there is none', async () => {
    const e = await mount('vk-rounds-overview', {
      rounds: [overview(1, STNMT, { mine: invitation(11, 'Chi bộ Văn phòng Sở') })],
    });

    expect(textOf(find(e, '.empty'))).toBe('Chưa có đợt lấy ý kiến nào.');
  });
});
