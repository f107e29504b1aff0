import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { HistoryDiff, SnapshotList, VersionList, VersionSummary } from '../../../shared/api/versions.ts';
import '../../../client/versions/vk-versions-panel.ts';
import type { VkVersionsPanel } from '../../../client/versions/vk-versions-panel.ts';
import { formatWhen } from '../../../client/app/format-when.ts';
import {
  captureEvents,
  eventually,
  find,
  findAll,
  json,
  mount,
  settle,
  stubFetch,
  textOf,
} from '../fixture.ts';

const version = (number: number, createdAt: string): VersionSummary => ({
  number,
  label: `Dự thảo lần ${number}`,
  note: '',
  createdBy: 7,
  createdByName: 'Nguyễn Văn An',
  createdAt,
});

const SNAPSHOTS: SnapshotList = {
  snapshots: [
    {
      id: 17,
      startedAt: '2026-03-05T08:00:00.000Z',
      createdAt: '2026-03-05T08:05:00.000Z',
      editors: [
        { userId: 7, name: 'Nguyễn Văn An', updates: 12, bytes: 3072 },
        { userId: 9, name: 'Trần Thị Bình', updates: 3, bytes: 200 },
      ],
    },
    {
      id: 12,
      startedAt: '2026-03-04T09:00:00.000Z',
      createdAt: '2026-03-04T09:02:00.000Z',
      editors: [{ userId: 9, name: 'Trần Thị Bình', updates: 1, bytes: 40 }],
    },
  ],
};

const DIFF: HistoryDiff = {
  from: 'v1',
  to: 's17',
  sections: [
    {
      sectionId: 'p1',
      heading: 'I. Kết quả',
      status: 'changed',
      parts: [
        { value: 'Thu ngân sách ', added: false, removed: false },
        { value: 'tăng', added: false, removed: true },
        { value: 'vượt', added: true, removed: false, author: 7 },
        { value: ' kế hoạch.', added: false, removed: false },
        { value: ' Xuất khẩu tăng.', added: true, removed: false, author: 9 },
      ],
    },
  ],
  authors: [
    { userId: 7, name: 'Nguyễn Văn An' },
    { userId: 9, name: 'Trần Thị Bình' },
  ],
};

/** Draft d1 with one version (frozen before both snapshots) and two snapshots; naming adds version 2. */
function server() {
  let versions: VersionList = { versions: [version(1, '2026-03-03T08:00:00.000Z')], restores: [] };
  const sent = stubFetch((r) => {
    if (r.path === '/api/drafts/d1/versions') return json(200, versions);
    if (r.path === '/api/drafts/d1/snapshots') return json(200, SNAPSHOTS);
    if (r.path.startsWith('/api/drafts/d1/history/diff')) return json(200, DIFF);
    if (r.method === 'POST' && r.path === '/api/drafts/d1/snapshots/12/name') {
      const named = { ...version(2, '2026-03-06T08:00:00.000Z'), note: (r.body as { note: string }).note };
      versions = { ...versions, versions: [...versions.versions, named] };
      return json(201, named);
    }
    return undefined;
  });
  return sent;
}

async function panel(properties: Partial<VkVersionsPanel> = {}) {
  const element = await mount('vk-versions-panel', { draftId: 'd1', ...properties });
  const auto = find(element, 'vk-versions-auto');
  await eventually(() => expect(findAll(auto, 'ol > li')).toHaveLength(2));
  await settle(element);
  return { element, auto };
}

const named = (p: Element) => findAll(p, 'ol > li .head strong').map(textOf);

describe('vk-versions-panel: numbered and automatic history', () => {
  it('lists the numbered versions and the automatic snapshots apart, each snapshot with who edited and how much', async () => {
    server();
    const { element, auto } = await panel({ selfId: 9 });

    expect(findAll(element, 'h3').map(textOf)).toEqual(['Các bản dự thảo', 'Tự động lưu']);
    expect(named(element)).toEqual(['Dự thảo lần 1']);
    const [newest, older] = findAll(auto, 'ol > li');
    expect(textOf(newest!.querySelector('.head strong'))).toBe(formatWhen('2026-03-05T08:05:00.000Z'));
    expect([...newest!.querySelectorAll('.editors li')].map(textOf)).toEqual([
      'Nguyễn Văn An: 12 lần sửa (3.0 KB)',
      'Bạn: 3 lần sửa (200 B)',
    ]);
    // Only the newer one has an older one to compare with; naming needs edit access.
    expect(newest!.querySelectorAll('button')).toHaveLength(1);
    expect(older!.querySelectorAll('button')).toHaveLength(0);
  });

  it('names an automatic snapshot with a note, after which it is listed among the numbered versions', async () => {
    const sent = server();
    const seen = captureEvents('vk-snapshot-named');
    const { element, auto } = await panel({ canEdit: true });
    const label = `Tự động lưu lúc ${formatWhen('2026-03-04T09:02:00.000Z')}`;

    await userEvent.click(find(auto, `button[aria-label="Đặt tên cho ${label}"]`));
    const input = find<HTMLInputElement>(auto, 'form.name input');
    expect(auto.shadowRoot!.activeElement).toBe(input);
    await userEvent.type(input, 'Bản họp tiểu ban sáng thứ Tư');
    await userEvent.click(find(auto, 'form.name button[type="submit"]'));

    await eventually(() => expect(named(element)).toEqual(['Dự thảo lần 2', 'Dự thảo lần 1']));
    expect(sent.find((r) => r.method === 'POST')).toMatchObject({
      path: '/api/drafts/d1/snapshots/12/name',
      body: { note: 'Bản họp tiểu ban sáng thứ Tư' },
    });
    expect(seen.map((e) => e.version.number)).toEqual([2]);
    expect(textOf(find(auto, '.notice'))).toBe(`Đã lưu ${label} thành Dự thảo lần 2.`);
    expect(findAll(auto, 'form.name')).toEqual([]);
    expect(textOf(find(element, '.note'))).toBe('Bản họp tiểu ban sáng thứ Tư');
  });

  it('compares a version with a snapshot, the older first, the added words coloured by author with a legend', async () => {
    const sent = server();
    const { element } = await panel();
    const [from, to] = findAll<HTMLSelectElement>(element, 'form.compare select');
    await userEvent.selectOptions(from!, 's17');
    await userEvent.selectOptions(to!, 'v1');
    await userEvent.click(find(element, 'form.compare button[type="submit"]'));

    await eventually(() =>
      expect(sent.map((r) => r.path)).toContain('/api/drafts/d1/history/diff?from=v1&to=s17'),
    );
    const diff = find(element, 'vk-versions-diff');
    await eventually(() => expect(findAll(diff, '.legend li')).toHaveLength(3));
    expect(textOf(find(diff, 'h2'))).toBe(
      `So sánh Dự thảo lần 1 với Tự động lưu lúc ${formatWhen('2026-03-05T08:05:00.000Z')}`,
    );
    const legend = findAll(diff, '.legend li > *').map((e) => [e.localName, e.className, textOf(e)]);
    expect(legend).toEqual([
      ['ins', 'a0', 'Nguyễn Văn An'],
      ['ins', 'a1', 'Trần Thị Bình'],
      ['del', '', 'Chữ bị xóa'],
    ]);
    const text = findAll(diff, '.text > ins, .text > del').map((e) => [e.localName, e.className, textOf(e)]);
    expect(text).toEqual([
      ['del', '', 'tăng'],
      ['ins', 'a0', 'vượt'],
      ['ins', 'a1', 'Xuất khẩu tăng.'],
    ]);
    // Each author's colour differs from the others' and from plain added text.
    const colours = findAll(diff, '.text > ins').map((e) => getComputedStyle(e).backgroundColor);
    expect(new Set(colours).size).toBe(2);
  });
});
