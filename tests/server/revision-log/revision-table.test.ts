import { describe, expect, it } from 'vitest';
import type { RevisionGroup, RevisionLog } from '../../../shared/api/revision-log.ts';
import { tableRows } from '../../../server/revision-log/revision-table.ts';

const member = (id: number, more: Partial<RevisionGroup['comments'][number]> = {}) => ({
  id,
  orgId: id,
  orgName: `Chi bộ ${id}`,
  kind: 'suggestion' as const,
  body: 'Đề nghị sửa số liệu.',
  replacement: 'tăng bình quân 9,1%/năm',
  quote: 'tăng bình quân 8,7%/năm',
  disposition: null,
  sectionId: 's1',
  position: 'I. Kết quả',
  unsent: false,
  similar: [],
  textRemoved: false,
  ...more,
});

const group = (more: Partial<RevisionGroup>): RevisionGroup => ({
  key: 'a1',
  groupId: null,
  sectionId: 's1',
  position: 'I. Kết quả',
  proposals: [{ quote: 'tăng bình quân 8,7%/năm', replacement: 'tăng bình quân 9,1%/năm' }],
  summary: 'Đề nghị sửa số liệu',
  headline: 'Có 2 ý kiến (2/9 chi bộ) đề nghị sửa số liệu',
  comments: [member(1), member(2)],
  orgs: [],
  disposition: null,
  answer: '',
  mixed: false,
  nextPosition: 'I. Kết quả',
  sectionChanged: false,
  ...more,
});

const rows = (groups: RevisionGroup[]) => tableRows({ groups, nextVersion: 3 } as unknown as RevisionLog);

describe('the rows of the exported table', () => {
  it("show a suggestion's proposed wording under the headline", () => {
    const [row] = rows([group({})]);
    expect(row![2]).toBe(
      'Có 2 ý kiến (2/9 chi bộ) đề nghị sửa số liệu\nĐề xuất sửa: «tăng bình quân 8,7%/năm» → «tăng bình quân 9,1%/năm»',
    );
    const [deletion] = rows([group({ proposals: [{ quote: 'đoạn thừa', replacement: '' }] })]);
    expect(deletion![2]).toContain('Đề xuất bỏ: «đoạn thừa»');
  });

  it('say what went into the text for an accepted suggestion with no answer written, and flag text removed since', () => {
    expect(rows([group({ disposition: 'accepted' })])[0]![6]).toBe(
      'Đã sửa «tăng bình quân 8,7%/năm» thành «tăng bình quân 9,1%/năm»',
    );
    expect(rows([group({ disposition: 'accepted', answer: 'Tiếp thu.' })])[0]![6]).toBe('Tiếp thu.');
    const removed = group({
      disposition: 'accepted',
      comments: [member(1, { textRemoved: true }), member(2)],
    });
    expect(rows([removed])[0]![6]).toContain(
      '(Lưu ý: đoạn đã tiếp thu của 1 ý kiến sau đó bị xóa khỏi dự thảo)',
    );
  });
});
