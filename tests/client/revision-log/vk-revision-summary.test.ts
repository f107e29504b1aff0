import { describe, expect, it } from 'vitest';
import '../../../client/revision-log/vk-revision-summary.ts';
import { find, findAll, mount, textOf } from '../fixture.ts';
import { revisionLog } from '../revision-log-data.ts';

describe('vk-revision-summary', () => {
  it('shows submitted out of invited units, comments and groups, and comments per answer', async () => {
    const s = await mount('vk-revision-summary', { log: revisionLog() });

    expect(textOf(find(s, '.big'))).toBe('8/10 chi bộ đã gửi góp ý (80%)');
    expect(textOf(find(s, '.facts'))).toBe('9 ý kiến của 6 chi bộ, tổng hợp thành 3 nhóm');
    expect(findAll(s, 'li').map(textOf)).toEqual([
      'Tiếp thu5',
      'Tiếp thu một phần0',
      'Giải trình0',
      'Ghi nhận0',
      'Chưa xử lý4',
    ]);
  });
});
