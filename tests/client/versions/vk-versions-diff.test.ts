import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { VersionDiff } from '../../../shared/api/versions.ts';
import '../../../client/versions/vk-versions-diff.ts';
import { deferred, eventually, find, findAll, json, mount, stubFetch, textOf } from '../fixture.ts';

type Section = VersionDiff['sections'][number];

const kept = (value: string) => ({ value, added: false, removed: false });
const added = (value: string) => ({ value, added: true, removed: false });
const removed = (value: string) => ({ value, added: false, removed: true });
/** `n` distinct words ("w1 w2 …"), so a test can tell which ones were kept. */
const words = (from: number, n: number) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');

const economy: Section = {
  sectionId: 'kinh-te',
  heading: 'I. Về phát triển kinh tế',
  status: 'changed',
  parts: [kept('Tốc độ tăng trưởng bình quân đạt '), removed('7,2%'), added('7,5%'), kept('/năm.')],
};
const party: Section = {
  sectionId: 'xay-dung-dang',
  heading: 'II. Về xây dựng Đảng',
  status: 'unchanged',
  parts: [],
};
const digital: Section = {
  sectionId: 'chuyen-doi-so',
  heading: 'III. Chuyển đổi số',
  status: 'added',
  parts: [added('Hoàn thành số hóa hồ sơ.')],
};
const old: Section = {
  sectionId: 'cu',
  heading: 'IV. Mục cũ',
  status: 'removed',
  parts: [removed('Nội dung cũ.')],
};

/** Opens the diff of draft d1, versions 1 → 2, answered with `sections`. */
async function openDiff(sections: Section[]) {
  const sent = stubFetch((r) =>
    r.path === '/api/drafts/d1/versions/diff?from=1&to=2'
      ? json(200, { from: 1, to: 2, sections })
      : undefined,
  );
  const diff = await mount('vk-versions-diff');
  await diff.show('d1', 1, 2);
  await diff.updateComplete;
  return { diff, sent };
}

/** The words shown before and after the "[…N chữ không đổi…]" marker, and N. */
function shortened(text: string, opening: string, closing: string) {
  const match = /^(.*?)\s*\[…(\d+) chữ không đổi…\]\s*(.*)$/.exec(text);
  if (match === null) throw new Error(`not shortened: ${text}`);
  const wordsOf = (part: string, strip: string) => part.replace(strip, '').split(/\s+/).filter(Boolean);
  return {
    before: wordsOf(match[1]!, opening),
    skipped: Number(match[2]),
    after: wordsOf(match[3]!, closing),
  };
}
const wordRange = (from: number, n: number) => words(from, n).split(' ').filter(Boolean);

const headings = (diff: Element) => findAll(diff, 'h3 > span:first-child').map(textOf);

describe('vk-versions-diff', () => {
  it('opens a dialog titled with the two versions compared and asks the server for their diff', async () => {
    const { diff, sent } = await openDiff([economy]);

    expect(find<HTMLDialogElement>(diff, 'dialog').open).toBe(true);
    expect(textOf(find(diff, '#diff-title'))).toBe('So sánh Dự thảo lần 1 với lần 2');
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/drafts/d1/versions/diff?from=1&to=2',
    ]);
  });

  it('shows removed words struck through and added words inserted, in reading order', async () => {
    const { diff } = await openDiff([economy]);
    const text = find(diff, 'p.text');

    expect(findAll(diff, 'del').map(textOf)).toEqual(['7,2%']);
    expect(findAll(diff, 'ins').map(textOf)).toEqual(['7,5%']);
    expect(getComputedStyle(find(diff, 'del')).textDecorationLine).toBe('line-through');
    expect(getComputedStyle(find(diff, 'ins')).textDecorationLine).toBe('underline');
    expect(text.textContent).toBe('Tốc độ tăng trưởng bình quân đạt 7,2%7,5%/năm.');
  });

  it('only counts the unchanged sections and labels how each other one changed', async () => {
    const { diff } = await openDiff([economy, party, digital, old]);

    expect(textOf(find(diff, '.summary'))).toBe('3 mục thay đổi, 1 mục giữ nguyên.');
    expect(headings(diff)).toEqual(['I. Về phát triển kinh tế', 'III. Chuyển đổi số', 'IV. Mục cũ']);
    expect(findAll(diff, 'h3 .chip').map((c) => [c.className, textOf(c)])).toEqual([
      ['chip changed', 'Có sửa đổi'],
      ['chip added', 'Mục mới'],
      ['chip removed', 'Mục bị xóa'],
    ]);
  });

  it('says the versions are identical when nothing changed', async () => {
    const { diff } = await openDiff([party, { ...party, sectionId: 'khac', heading: 'Khác' }]);

    expect(textOf(find(diff, '.summary'))).toBe('0 mục thay đổi, 2 mục giữ nguyên.');
    expect(textOf(find(diff, '.sheet > p:not(.summary)'))).toBe('Hai lần dự thảo giống hệt nhau.');
    expect(findAll(diff, 'h3')).toEqual([]);
  });

  it('names the text before the first section heading', async () => {
    const { diff } = await openDiff([
      { sectionId: '', heading: '', status: 'changed', parts: [added('Lời mở đầu.')] },
    ]);

    expect(headings(diff)).toEqual(['(Phần đầu văn bản)']);
  });

  it('shortens a long unchanged stretch between changes to its ends, counting the words left out', async () => {
    const { diff } = await openDiff([
      { ...economy, parts: [added('Mới.'), kept(` ${words(1, 100)} `), removed('Cũ.')] },
    ]);

    const { before, skipped, after } = shortened(textOf(find(diff, 'p.text')), 'Mới.', 'Cũ.');
    expect(before).toEqual(wordRange(1, before.length));
    expect(after).toEqual(wordRange(101 - after.length, after.length));
    expect(before.length).toBeGreaterThanOrEqual(10);
    expect(after.length).toBeGreaterThanOrEqual(10);
    expect(skipped).toBe(100 - before.length - after.length);
  });

  it('keeps only the words next to the change at the start and end of a section', async () => {
    const { diff } = await openDiff([
      { ...economy, parts: [kept(`${words(1, 50)} `), added('mới'), kept(` ${words(51, 50)}`)] },
    ]);
    const text = textOf(find(diff, 'p.text'));

    const [opening, closing] = text.split(' mới ') as [string, string];
    const start = shortened(opening, '', '');
    const end = shortened(closing, '', '');
    expect(start.before).toEqual([]);
    expect(start.after).toEqual(wordRange(51 - start.after.length, start.after.length));
    expect(start.skipped).toBe(50 - start.after.length);
    expect(end.before).toEqual(wordRange(51, end.before.length));
    expect(end.after).toEqual([]);
    expect(end.skipped).toBe(50 - end.before.length);
  });

  it('leaves a short unchanged stretch whole', async () => {
    const { diff } = await openDiff([
      { ...economy, parts: [added('Mới.'), kept(` ${words(1, 30)} `), removed('Cũ.')] },
    ]);

    expect(textOf(find(diff, 'p.text'))).toBe(`Mới. ${words(1, 30)} Cũ.`);
    expect(findAll(diff, '.skip')).toEqual([]);
  });

  it('says it is loading until the diff arrives', async () => {
    const answer = deferred<Response>();
    stubFetch(() => answer.promise);
    const diff = await mount('vk-versions-diff');

    const shown = diff.show('d1', 1, 2);
    await diff.updateComplete;
    expect(textOf(find(diff, '.status'))).toBe('Đang tải…');

    answer.resolve(json(200, { from: 1, to: 2, sections: [economy] }));
    await shown;
    await diff.updateComplete;
    expect(findAll(diff, '.status')).toEqual([]);
    expect(headings(diff)).toEqual(['I. Về phát triển kinh tế']);
  });

  it('shows why the diff could not be loaded', async () => {
    stubFetch(() => json(404, { error: { code: 'draft_not_found', message: 'no such draft' } }));
    const diff = await mount('vk-versions-diff');

    await diff.show('d1', 1, 2);
    await diff.updateComplete;

    expect(textOf(find(diff, '[role="alert"]'))).toBe('Không tìm thấy dự thảo, hoặc bạn không có quyền xem.');
    expect(findAll(diff, '.sheet')).toEqual([]);
  });

  it('never lets a slow earlier comparison replace the one asked for last', async () => {
    const first = deferred<Response>();
    stubFetch((r) =>
      r.path.endsWith('from=1&to=2') ? first.promise : json(200, { from: 2, to: 3, sections: [digital] }),
    );
    const diff = await mount('vk-versions-diff');

    const slow = diff.show('d1', 1, 2);
    await diff.show('d1', 2, 3);
    first.resolve(json(200, { from: 1, to: 2, sections: [economy] }));
    await slow;
    await diff.updateComplete;

    expect(textOf(find(diff, '#diff-title'))).toBe('So sánh Dự thảo lần 2 với lần 3');
    expect(headings(diff)).toEqual(['III. Chuyển đổi số']);
  });

  it('closes with its close button', async () => {
    const { diff } = await openDiff([economy]);
    const dialog = find<HTMLDialogElement>(diff, 'dialog');

    await userEvent.click(find(diff, 'header button'));

    await eventually(() => expect(dialog.open).toBe(false));
  });
});
