import { describe, expect, it } from 'vitest';
import { thinning } from '../../../server/versions/snapshot-thinning.ts';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { waitForAsync } from '../../helpers/wait.ts';
import { writeInSection } from '../drafts/draft-text-helpers.ts';

const bed = useTestbed();
const TEMPLATE = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Snapshots = {
  snapshots: { id: number; editors: { userId: number; updates: number; bytes: number }[] }[];
};

describe('automatic history', () => {
  it('snapshots a span of editing with who edited and how much, apart from the numbered versions', async () => {
    const server = await bed.start({ HISTORY_INTERVAL_MS: '400', HISTORY_QUIET_MS: '200' });
    const { editor, coeditor } = server.workspace.users;
    const created = await api(server, '/drafts', { token: editor.token, body: { templateId: TEMPLATE } });
    const { id } = (await created.json()) as { id: string };
    const [a, b] = [bed.connect(id), bed.connect(id, { as: 'coeditor' })];
    await Promise.all([a.synced(), b.synced()]);
    writeInSection(a.doc, 'p1-chi-tieu', 'Tổng thu ngân sách đạt 105% kế hoạch.');
    writeInSection(b.doc, 'p2-du-bao', 'Tình hình thế giới còn nhiều biến động.');
    writeInSection(b.doc, 'p2-du-bao', ' Kinh tế trong nước phục hồi.');
    let list: Snapshots = { snapshots: [] };
    await waitForAsync(async () => {
      list = (await (
        await api(server, `/drafts/${id}/snapshots`, { token: editor.token })
      ).json()) as Snapshots;
      const editors = list.snapshots.flatMap((s) => s.editors.map((e) => e.userId));
      return editors.includes(editor.id) && editors.includes(coeditor.id);
    }, 'a snapshot naming both editors');
    const of = (userId: number) =>
      list.snapshots.flatMap((s) => s.editors).filter((e) => e.userId === userId);
    expect(of(coeditor.id).reduce((n, e) => n + e.updates, 0)).toBe(2);
    expect(of(editor.id).every((e) => e.bytes > 0)).toBe(true);
    const versions = (await (
      await api(server, `/drafts/${id}/versions`, { token: editor.token })
    ).json()) as {
      versions: unknown[];
    };
    expect(versions.versions).toEqual([]);
  });

  it('keeps every snapshot of the last day, one per hour until a week, then one per day', () => {
    const now = 60 * DAY;
    const policy = { keepAllMs: DAY, hourlyUntilMs: 7 * DAY };
    // Every 5 minutes, 8 hours a day, for 60 days.
    const snapshots: { id: number; createdAt: number }[] = [];
    for (let day = 0; day < 60; day++)
      for (let minute = 0; minute < 8 * 60; minute += 5)
        snapshots.push({ id: snapshots.length + 1, createdAt: day * DAY + 8 * HOUR + minute * 60_000 });
    const plan = thinning(snapshots, now, policy);
    const dropped = new Set(plan.map((p) => p.drop));
    const kept = snapshots.filter((s) => !dropped.has(s.id));
    const age = (s: { createdAt: number }) => now - s.createdAt;
    expect(kept.filter((s) => age(s) < DAY)).toHaveLength(96);
    expect(kept.filter((s) => age(s) >= DAY && age(s) < 7 * DAY)).toHaveLength(6 * 8);
    expect(kept.filter((s) => age(s) >= 7 * DAY)).toHaveLength(53);
    // Each dropped snapshot folds into the next newer one, so no change is lost.
    for (const { drop, into } of plan) expect(into).toBe(drop + 1);
  });
});
