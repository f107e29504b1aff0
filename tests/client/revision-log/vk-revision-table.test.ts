import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/revision-log/vk-revision-table.ts';
import {
  RevisionDissolveEvent,
  RevisionEditGroupEvent,
  RevisionRegroupEvent,
  RevisionShowUnsentEvent,
} from '../../../client/revision-log/revision-events.ts';
import { captureEvents, find, findAll, mount, settle, textOf } from '../fixture.ts';
import { revisionLog } from '../revision-log-data.ts';

const column = (t: Element, n: number) => findAll(t, `tbody tr td:nth-child(${n})`).map(textOf);

describe('vk-revision-table', () => {
  it('shows the columns of the exported table, one row per group in the server order', async () => {
    const t = await mount('vk-revision-table', { log: revisionLog() });

    expect(findAll(t, 'thead th').map(textOf)).toEqual([
      'STT ▲',
      'Vị trí trong dự thảo lần 2',
      'Nội dung góp ý',
      'Đơn vị góp ý',
      'Số ý kiến',
      'Hướng xử lý',
      'Nội dung tiếp thu, giải trình',
      'Vị trí trong dự thảo lần 3',
    ]);
    expect(column(t, 1)).toEqual(['1', '2', '3']);
    expect(column(t, 5)).toEqual(['5', '1', '3']);
    expect(column(t, 6)).toEqual(['Tiếp thu', 'Chưa xử lý', 'Chưa xử lý']);
    expect(column(t, 8)[0]).toBe('I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU đã sửa');
  });

  it('sorts by a header (and back), keeping each row its number', async () => {
    const t = await mount('vk-revision-table', { log: revisionLog() });
    const sortBy = async (label: string) => {
      const button = findAll(t, 'th button').find((b) => textOf(b).startsWith(label))!;
      await userEvent.click(button);
      await settle(t);
    };

    await sortBy('Số ý kiến');
    expect(column(t, 1)).toEqual(['1', '3', '2']);
    expect(find(t, 'th[aria-sort="descending"]')).toBeTruthy();
    await sortBy('Số ý kiến');
    expect(column(t, 1)).toEqual(['2', '3', '1']);
  });

  it('filters by section, answer and words', async () => {
    const t = await mount('vk-revision-table', { log: revisionLog() });
    const [section, answer] = findAll<HTMLSelectElement>(t, 'select');

    await userEvent.selectOptions(section!, 'p2-du-bao');
    expect(column(t, 1)).toEqual(['3']);
    await userEvent.selectOptions(section!, '');
    await userEvent.selectOptions(answer!, 'none');
    expect(column(t, 1)).toEqual(['2', '3']);
    await userEvent.fill(find<HTMLInputElement>(t, 'input[type="search"]'), 'CHUYỂN ĐỔI');
    expect(column(t, 1)).toEqual(['2']);
    await userEvent.fill(find<HTMLInputElement>(t, 'input[type="search"]'), 'chuyen doi');
    expect(textOf(find(t, '.empty'))).toBe('Không có nhóm ý kiến nào khớp bộ lọc.');
  });

  it('lets the committee merge ticked groups (of any sections), split a comment off, edit and dissolve', async () => {
    const regroup = captureEvents(RevisionRegroupEvent.type);
    const edit = captureEvents(RevisionEditGroupEvent.type);
    const dissolve = captureEvents(RevisionDissolveEvent.type);
    const t = await mount('vk-revision-table', { log: revisionLog(), editable: true });
    const boxes = findAll<HTMLInputElement>(t, 'tbody input[type="checkbox"]');

    await userEvent.click(boxes[0]!);
    await userEvent.click(boxes[2]!);
    const merge = find<HTMLButtonElement>(t, '.controls button.primary');
    expect([textOf(merge), merge.disabled]).toEqual(['Gộp 2 nhóm', false]);
    await userEvent.click(merge);
    expect(regroup.map((e) => e.commentIds)).toEqual([[100, 101, 102, 103, 104, 300, 301, 302]]);

    await userEvent.click(findAll(t, 'button.link')[0]!);
    const members = find(t, 'vk-revision-members');
    await settle(members);
    await userEvent.click(findAll(members, 'button.link').filter((b) => textOf(b) === 'Tách riêng')[1]!);
    expect(regroup[1]!.commentIds).toEqual([101]);
    await userEvent.click(findAll(t, '.row-actions button').find((b) => textOf(b) === 'Tổng hợp, trả lời')!);
    expect(edit[0]!.group.key).toBe('a1');
    await userEvent.click(findAll(t, '.row-actions button').find((b) => textOf(b) === 'Bỏ nhóm')!);
    expect(dissolve[0]!.groupId).toBe(12);
  });

  it("offers each comment's most similar comments of other rows, merged into the row in one click", async () => {
    const regroup = captureEvents(RevisionRegroupEvent.type);
    const log = revisionLog();
    const [first, second, third] = log.groups;
    // The first comment of row 1 is most like row 3's first comment, then its own row-mate.
    const c = first!.comments[0]!;
    first!.comments[0] = { ...c, similar: [101, third!.comments[0]!.id, second!.comments[0]!.id] };
    const t = await mount('vk-revision-table', { log, editable: true });

    await userEvent.click(findAll(t, 'button.link')[0]!);
    const members = find(t, 'vk-revision-members');
    await settle(members);
    const offered = findAll(members, '.similar li').map(textOf);
    expect(offered).toEqual([
      `Chi bộ 1: ${third!.comments[0]!.body} Gộp vào nhóm này`,
      `Chi bộ 1: ${second!.comments[0]!.body} Gộp vào nhóm này`,
    ]);
    await userEvent.click(find(members, '.similar button'));
    expect(regroup[0]!.commentIds).toEqual([...first!.comments.map((m) => m.id), third!.comments[0]!.id]);
  });

  it("shows a suggestion's proposed wording as a word diff, and asks for unsent comments on request", async () => {
    const shown = captureEvents(RevisionShowUnsentEvent.type);
    const log = revisionLog();
    log.groups[1] = {
      ...log.groups[1]!,
      proposals: [{ quote: 'tăng bình quân 8,7%/năm', replacement: 'tăng bình quân 9,1%/năm' }],
    };
    const t = await mount('vk-revision-table', { log, editable: true });

    const line = findAll(t, '.proposal-line')[0]!;
    expect(textOf(line)).toContain('Đề xuất sửa:');
    expect(findAll(t, '.proposal-line del').map(textOf)).toEqual(['8,7%/năm']);
    expect(findAll(t, '.proposal-line ins').map(textOf)).toEqual(['9,1%/năm']);
    // Accepted with no answer written, the row says what went into the text.
    t.log = { ...log, groups: [{ ...log.groups[1], disposition: 'accepted', answer: '' }] };
    await settle(t);
    expect(textOf(find(t, 'td.answer'))).toBe('Đã sửa: tăng bình quân 8,7%/năm9,1%/năm');
    const box = findAll<HTMLInputElement>(t, '.controls input[type="checkbox"]')[0]!;
    await userEvent.click(box);
    expect(shown.map((e) => e.show)).toEqual([true]);
  });

  it('is read-only for those who oversee the unit', async () => {
    const t = await mount('vk-revision-table', { log: revisionLog({ editable: false }), editable: false });

    expect(findAll(t, 'tbody input[type="checkbox"]')).toEqual([]);
    expect(findAll(t, '.row-actions')).toEqual([]);
  });
});
