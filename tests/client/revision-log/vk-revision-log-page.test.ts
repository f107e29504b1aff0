import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { parseRoute, routePath } from '../../../client/app/router.ts';
import '../../../client/revision-log/vk-revision-log-page.ts';
import type { SessionInfo } from '../../../shared/api/auth.ts';
import { stubEventSource } from '../event-source-stub.ts';
import { eventually, find, findAll, json, mount, stubFetch, textOf } from '../fixture.ts';
import { revisionLog } from '../revision-log-data.ts';
import { draft, round, tally } from '../rounds-data.ts';

const SESSION = { user: { id: 7 }, roles: [] } as unknown as SessionInfo;

function api() {
  let reads = 0;
  const sent = stubFetch((r) => {
    if (r.path === '/api/drafts/d1') return json(200, draft());
    if (r.path === '/api/drafts/d1/rounds/4/log') {
      reads += 1;
      return json(200, revisionLog());
    }
    if (r.path === '/api/drafts/d1/rounds/4/log/groups' && r.method === 'POST')
      return json(201, revisionLog({ groups: revisionLog().groups.slice(0, 2) }));
    return undefined;
  });
  return { sent, reads: () => reads };
}

const rows = (p: Element) => findAll(find(p, 'vk-revision-table'), 'tbody tr');

describe('vk-revision-log-page', () => {
  it('has its own address under the round', () => {
    const route = parseRoute('/drafts/d1/rounds/4/log');
    expect(route).toEqual({ name: 'revision-log', draftId: 'd1', roundId: 4 });
    expect(routePath(route)).toBe('/drafts/d1/rounds/4/log');
    expect(parseRoute('/drafts/d1/rounds/4')).toEqual({ name: 'rounds', draftId: 'd1', roundId: 4 });
  });

  it('shows the counts, the table and the downloads, and takes the table the server answers to a merge', async () => {
    stubEventSource();
    const { sent } = api();
    const p = await mount('vk-revision-log-page', { session: SESSION, draftId: 'd1', roundId: 4 });
    await eventually(() => expect(rows(p)).toHaveLength(3));

    expect(textOf(find(p, 'h1'))).toBe('Bảng tổng hợp, tiếp thu, giải trình ý kiến góp ý');
    expect(findAll<HTMLAnchorElement>(p, 'a[download]').map((a) => a.getAttribute('href'))).toEqual([
      '/api/drafts/d1/rounds/4/log/export?format=docx',
      '/api/drafts/d1/rounds/4/log/export?format=csv',
    ]);
    const table = find(p, 'vk-revision-table');
    const boxes = findAll<HTMLInputElement>(table, 'tbody input[type="checkbox"]');
    await userEvent.click(boxes[0]!);
    await userEvent.click(boxes[1]!);
    await userEvent.click(find(table, '.controls button.primary'));
    await eventually(() => expect(rows(p)).toHaveLength(2));
    expect(sent.at(-1)).toMatchObject({
      method: 'POST',
      body: { commentIds: [100, 101, 102, 103, 104, 200] },
    });
  });

  it("re-reads the table after the draft's events (a colleague answering, a sub-branch sending)", async () => {
    const streams = stubEventSource();
    const { reads } = api();
    const p = await mount('vk-revision-log-page', { session: SESSION, draftId: 'd1', roundId: 4 });
    await eventually(() => expect(rows(p)).toHaveLength(3));

    expect(streams[0]!.url).toBe('/api/drafts/d1/events');
    streams[0]!.emit('round', { action: 'submitted', round: round(4), tally: tally(), invitation: null });
    await vi.waitFor(() => expect(reads()).toBe(2), { timeout: 4000, interval: 50 });
    p.remove();
    expect(streams[0]!.closed).toBe(true);
  });
});
