import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/revision-log/vk-revision-history.ts';
import type { RevisionHistory } from '../../../shared/api/revision-log.ts';
import { eventually, find, findAll, json, mount, stubFetch, textOf } from '../fixture.ts';

const history: RevisionHistory = {
  // The server's Vietnamese labels; the element names the versions by number in its own language.
  fromLabel: 'Dự thảo lần 2',
  fromVersion: 2,
  toLabel: 'Dự thảo lần 3',
  toVersion: 3,
  editedBy: 'Nguyễn Văn An',
  editedAt: '2026-03-10T08:00:00.000Z',
  sections: [
    {
      sectionId: 'p1-chi-tieu',
      position: 'Phần thứ nhất › I. CHỈ TIÊU',
      status: 'changed',
      wordsAdded: 12,
      wordsRemoved: 3,
      editors: ['Nguyễn Văn An', 'Trần Thị Bình'],
      groups: 2,
      accepted: 1,
    },
    {
      sectionId: 'p2-du-bao',
      position: 'Phần thứ hai › I. DỰ BÁO',
      status: 'unchanged',
      wordsAdded: 0,
      wordsRemoved: 0,
      editors: [],
      groups: 1,
      accepted: 0,
    },
  ],
};

describe('vk-revision-history', () => {
  it('lists the changed sections with words added and removed, and opens a word diff on demand', async () => {
    const sent = stubFetch((r) =>
      r.path.endsWith('/log/history')
        ? json(200, history)
        : r.path.endsWith('/log/history/p1-chi-tieu')
          ? json(200, {
              sectionId: 'p1-chi-tieu',
              heading: 'I. CHỈ TIÊU',
              status: 'changed',
              parts: [
                { value: 'Thu ngân sách ', added: false, removed: false },
                { value: 'vượt', added: true, removed: false },
                { value: 'đạt', added: false, removed: true },
              ],
            })
          : undefined,
    );
    const h = await mount('vk-revision-history', { draftId: 'd1', roundId: 4 });
    await eventually(() => expect(findAll(h, 'tbody tr')).toHaveLength(1));

    expect(textOf(find(h, 'p'))).toContain('Từ Dự thảo lần 2 đến Dự thảo lần 3: 1 phần có sửa đổi.');
    expect(findAll(h, 'tbody td').slice(0, 4).map(textOf)).toEqual([
      'Phần thứ nhất › I. CHỈ TIÊU',
      '+12 / −3',
      'Nguyễn Văn An, Trần Thị Bình',
      '1/2',
    ]);
    await userEvent.click(find(h, 'tbody button'));
    await eventually(() => expect(textOf(find(h, 'td.diff ins'))).toBe('vượt'));
    expect(textOf(find(h, 'td.diff del'))).toBe('đạt');
    expect(sent.map((r) => r.path)).toEqual([
      '/api/drafts/d1/rounds/4/log/history',
      '/api/drafts/d1/rounds/4/log/history/p1-chi-tieu',
    ]);
  });
});
