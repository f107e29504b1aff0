import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { z } from 'zod';
import type { VersionList, VersionSummary } from '../../../shared/api/versions.ts';
import '../../../client/versions/vk-versions-panel.ts';
import type { VkVersionsPanel } from '../../../client/versions/vk-versions-panel.ts';
import { formatWhen } from '../../../client/app/format-when.ts';
import { VersionFrozenEvent, type VkVersionsFreeze } from '../../../client/versions/vk-versions-freeze.ts';
import {
  answerDialog,
  eventually,
  find,
  findAll,
  json,
  mount,
  settle,
  stubFetch,
  textOf,
  type Route,
} from '../fixture.ts';

type Version = z.infer<typeof VersionSummary>;
type Versions = z.infer<typeof VersionList>;

const version = (number: number, more: Partial<Version> = {}): Version => ({
  number,
  label: `Dự thảo lần ${number}`,
  note: '',
  createdBy: 7,
  createdByName: 'Nguyễn Văn An',
  createdAt: `2026-03-0${number}T08:00:00.000Z`,
  ...more,
});

/** Three versions of draft d1, oldest first as the API lists them; version 1 was restored once. */
const VERSIONS: Versions = {
  versions: [
    version(1, { note: 'Bản khung theo đề cương', createdBy: 9, createdByName: 'Trần Thị Bình' }),
    version(2, { createdBy: null, createdByName: null }),
    version(3, { note: 'Đã tiếp thu ý kiến của Thường trực Đảng ủy' }),
  ],
  restores: [
    { version: 1, restoredBy: 9, restoredByName: 'Trần Thị Bình', restoredAt: '2026-03-04T09:30:00.000Z' },
  ],
};

/** The API as the panel of draft d1 sees it: the list, plus whatever `more` answers. */
function api(list: () => Versions = () => VERSIONS, more: Route = () => undefined) {
  return stubFetch((r) =>
    r.method === 'GET' && r.path === '/api/drafts/d1/versions' ? json(200, list()) : more(r),
  );
}

async function panel(properties: Partial<VkVersionsPanel> = {}) {
  const element = await mount('vk-versions-panel', { draftId: 'd1', ...properties });
  await eventually(() => expect(findAll(element, 'ol > li').length).toBeGreaterThan(0));
  await settle(element);
  return element;
}

const items = (p: Element) =>
  findAll(p, 'ol > li').map((li) => ({
    label: textOf(li.querySelector('.head strong')),
    when: textOf(li.querySelector('.head small')),
    who: textOf(li.querySelector(':scope > small.muted')),
    note: textOf(li.querySelector('.note')),
  }));

const button = (p: Element, label: string) => find<HTMLButtonElement>(p, `button[aria-label="${label}"]`);
const notice = (p: Element) => textOf(findAll(p, '.notice')[0]);

describe('vk-versions-panel', () => {
  it('lists the versions newest first, each with its label, time, note, who froze it and who restored it', async () => {
    api();
    const p = await panel({ selfId: 1 });

    expect(items(p)).toEqual([
      {
        label: 'Dự thảo lần 3',
        when: formatWhen('2026-03-03T08:00:00.000Z'),
        who: 'Nguyễn Văn An',
        note: 'Đã tiếp thu ý kiến của Thường trực Đảng ủy',
      },
      { label: 'Dự thảo lần 2', when: formatWhen('2026-03-02T08:00:00.000Z'), who: '—', note: '' },
      {
        label: 'Dự thảo lần 1',
        when: formatWhen('2026-03-01T08:00:00.000Z'),
        who: 'Trần Thị Bình',
        note: 'Bản khung theo đề cương',
      },
    ]);
    expect(textOf(findAll(p, 'ol > li')[2]?.querySelector('.restored'))).toBe(
      `Đã khôi phục: Trần Thị Bình, ${formatWhen('2026-03-04T09:30:00.000Z')}`,
    );
    expect(findAll(p, '.restored')).toHaveLength(1);
    expect(textOf(find(p, 'h2'))).toBe('Các lần dự thảo');
    expect(find(p, 'ol').getAttribute('aria-labelledby')).toBe('versions-title');
  });

  it('says "Bạn" for the signed-in user’s versions and falls back to known names, then to the member number', async () => {
    api(() => ({
      versions: [
        version(1, { createdBy: 7 }),
        version(2, { createdBy: 9, createdByName: null }),
        version(3, { createdBy: 12, createdByName: null }),
      ],
      restores: [],
    }));
    const p = await panel({ selfId: 7, names: new Map([[9, 'Trần Thị Bình']]) });

    expect(items(p).map((i) => i.who)).toEqual(['Thành viên số 12', 'Trần Thị Bình', 'Bạn']);
  });

  it('says it is loading, then that no version was frozen yet, with nothing to compare', async () => {
    let answer!: (response: Response) => void;
    stubFetch((r) =>
      r.path.endsWith('/snapshots')
        ? json(200, { snapshots: [] })
        : new Promise((resolve) => (answer = resolve)),
    );
    const p = await mount('vk-versions-panel', { draftId: 'd1' });
    expect(textOf(find(p, 'p.muted'))).toBe('Đang tải…');

    answer(json(200, { versions: [], restores: [] }));

    await eventually(() => expect(textOf(find(p, 'p.muted'))).toBe('Chưa chốt lần dự thảo nào.'));
    expect(findAll(p, 'form.compare')).toEqual([]);
    expect(findAll(p, 'ol')).toEqual([]);
  });

  it('offers freezing the next version and restoring only with edit access', async () => {
    api();
    const reader = await panel();
    expect(findAll(reader, 'vk-versions-freeze')).toEqual([]);
    expect(findAll(reader, 'button.danger')).toEqual([]);
    expect(findAll(reader, 'li button').map(textOf)).toEqual([
      'Xem',
      'So với lần trước',
      'Xem',
      'So với lần trước',
      'Xem',
    ]);
    reader.remove();

    const editor = await panel({ canEdit: true });
    expect(find<VkVersionsFreeze>(editor, 'vk-versions-freeze').next).toBe(4);
    expect(find<VkVersionsFreeze>(editor, 'vk-versions-freeze').draftId).toBe('d1');
    expect(findAll(editor, 'button.danger').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Khôi phục Dự thảo lần 3',
      'Khôi phục Dự thảo lần 2',
      'Khôi phục Dự thảo lần 1',
    ]);
  });

  it('asks before restoring, then restores a confirmed version, says so and re-reads the list', async () => {
    let list = VERSIONS;
    const sent = api(
      () => list,
      (r) => {
        if (r.method !== 'POST' || r.path !== '/api/drafts/d1/versions/2/restore') return undefined;
        list = {
          ...VERSIONS,
          restores: [
            {
              version: 2,
              restoredBy: 7,
              restoredByName: 'Nguyễn Văn An',
              restoredAt: '2026-03-05T10:00:00.000Z',
            },
          ],
        };
        return new Response(null, { status: 204 });
      },
    );
    const p = await panel({ canEdit: true, selfId: 7 });

    await userEvent.click(button(p, 'Khôi phục Dự thảo lần 2'));
    expect(await answerDialog(false)).toBe(
      'Khôi phục Dự thảo lần 2? Văn bản đang soạn sẽ được thay bằng nội dung của lần này, và mọi người đang mở dự thảo sẽ thấy ngay. Nếu cần giữ văn bản hiện tại, hãy chốt nó thành một lần dự thảo trước.',
    );
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);

    await userEvent.click(button(p, 'Khôi phục Dự thảo lần 2'));
    await answerDialog(true);

    await eventually(() => expect(notice(p)).toBe('Đã khôi phục Dự thảo lần 2.'));
    await eventually(() =>
      expect(findAll(p, '.restored').map(textOf)).toEqual([
        `Đã khôi phục: Bạn, ${formatWhen('2026-03-05T10:00:00.000Z')}`,
      ]),
    );
    expect(find(p, '.notice').getAttribute('role')).toBe('status');
    // The automatic snapshots are read once, when the panel opens: a restore adds a version, not a snapshot.
    expect(sent.filter((r) => !r.path.endsWith('/snapshots')).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/drafts/d1/versions',
      'POST /api/drafts/d1/versions/2/restore',
      'GET /api/drafts/d1/versions',
    ]);
  });

  it('alerts when a restore is refused', async () => {
    api(undefined, (r) =>
      r.method === 'POST' ? json(409, { error: { code: 'draft_final', message: 'final' } }) : undefined,
    );
    const p = await panel({ canEdit: true });

    await userEvent.click(button(p, 'Khôi phục Dự thảo lần 1'));
    await answerDialog(true);

    await eventually(() => expect(notice(p)).toBe('Dự thảo đã là bản cuối cùng, không sửa được nữa.'));
    expect(find(p, '.notice').getAttribute('role')).toBe('alert');
  });

  it('compares two different chosen versions, the older first, defaulting to the two newest', async () => {
    const sent = api(undefined, (r) =>
      r.path.startsWith('/api/drafts/d1/history/diff')
        ? json(200, { from: 'v1', to: 'v3', sections: [], authors: [] })
        : undefined,
    );
    const p = await panel();
    const [from, to] = findAll<HTMLSelectElement>(p, 'form.compare select');
    expect([from?.value, to?.value]).toEqual(['v2', 'v3']);
    expect([...from!.options].map(textOf)).toEqual([
      'Bản đang soạn',
      'Dự thảo lần 3',
      'Dự thảo lần 2',
      'Dự thảo lần 1',
    ]);

    await userEvent.selectOptions(from!, 'v3');
    await userEvent.click(find(p, 'form.compare button[type="submit"]'));
    await eventually(() => expect(notice(p)).toBe('Chọn hai lần dự thảo khác nhau để so sánh.'));
    expect(sent.filter((r) => r.path.includes('/diff'))).toEqual([]);

    await userEvent.selectOptions(to!, 'v1');
    await userEvent.click(find(p, 'form.compare button[type="submit"]'));

    await eventually(() =>
      expect(sent.map((r) => r.path)).toContain('/api/drafts/d1/history/diff?from=v1&to=v3'),
    );
    const diff = find(p, 'vk-versions-diff');
    await eventually(() => expect(find<HTMLDialogElement>(diff, 'dialog').open).toBe(true));
  });

  it('opens a version for reading, and compares a version with the one before', async () => {
    const sent = api(undefined, (r) => {
      if (r.path === '/api/drafts/d1/versions/2')
        return json(200, { ...version(2), content: { type: 'doc', content: [{ type: 'paragraph' }] } });
      if (r.path === '/api/drafts/d1/history/diff?from=v2&to=v3')
        return json(200, { from: 'v2', to: 'v3', sections: [], authors: [] });
      return undefined;
    });
    const p = await panel();

    await userEvent.click(button(p, 'Xem Dự thảo lần 2'));
    const viewer = find(p, 'vk-versions-viewer');
    await eventually(() => expect(find<HTMLDialogElement>(viewer, 'dialog').open).toBe(true));
    find<HTMLDialogElement>(viewer, 'dialog').close();

    await userEvent.click(button(p, 'So sánh Dự thảo lần 3 với lần trước'));
    await eventually(() =>
      expect(find<HTMLDialogElement>(find(p, 'vk-versions-diff'), 'dialog').open).toBe(true),
    );

    expect(sent.map((r) => r.path).filter((path) => !/\/(versions|snapshots)$/.test(path))).toEqual([
      '/api/drafts/d1/versions/2',
      '/api/drafts/d1/history/diff?from=v2&to=v3',
    ]);
  });

  it('re-reads the list when a version is frozen', async () => {
    let list = VERSIONS;
    const sent = api(() => list);
    const p = await panel({ canEdit: true });

    list = { ...VERSIONS, versions: [...VERSIONS.versions, version(4)] };
    find(p, 'vk-versions-freeze').dispatchEvent(new VersionFrozenEvent(version(4)));

    await eventually(() => expect(items(p)[0]?.label).toBe('Dự thảo lần 4'));
    expect(sent.filter((r) => r.path === '/api/drafts/d1/versions')).toHaveLength(2);
    await settle(p);
    expect(find<VkVersionsFreeze>(p, 'vk-versions-freeze').next).toBe(5);
  });

  it('alerts when the list cannot be loaded', async () => {
    stubFetch(() => json(404, { error: { code: 'draft_not_found', message: 'no such draft' } }));
    const p = await mount('vk-versions-panel', { draftId: 'd1' });

    await eventually(() =>
      expect(textOf(find(p, '[role="alert"]'))).toBe('Không tìm thấy dự thảo, hoặc bạn không có quyền xem.'),
    );
  });

  it('after a restore the freeze form no longer says nothing changed', async () => {
    api(undefined, (r) => {
      if (r.method === 'POST' && r.path === '/api/drafts/d1/versions')
        return json(409, { error: { code: 'no_changes', message: 'no changes' } });
      if (r.method === 'POST' && r.path.endsWith('/restore')) return new Response(null, { status: 204 });
      return undefined;
    });
    const p = await panel({ canEdit: true });
    const freeze = find<VkVersionsFreeze>(p, 'vk-versions-freeze');

    await userEvent.click(find(freeze, 'button[type="submit"]'));
    await eventually(() => expect(findAll(freeze, '.notice.info')).toHaveLength(1));

    await userEvent.click(button(p, 'Khôi phục Dự thảo lần 1'));
    await answerDialog(true);
    await eventually(() => expect(notice(p)).toBe('Đã khôi phục Dự thảo lần 1.'));
    await settle(freeze);
    expect(findAll(freeze, '.notice')).toEqual([]);
  });
});
