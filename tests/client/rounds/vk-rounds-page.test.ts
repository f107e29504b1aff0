import { describe, expect, it, onTestFinished } from 'vitest';
import type { Draft } from '../../../shared/api/drafts.ts';
import type { RoundDashboard } from '../../../shared/api/rounds.ts';
import '../../../client/rounds/vk-rounds-page.ts';
import { RoundOpenedEvent } from '../../../client/rounds/vk-round-open-dialog.ts';
import { RouteChangedEvent } from '../../../client/app/router.ts';
import { stubEventSource } from '../event-source-stub.ts';
import { eventually, find, findAll, json, mount, settle, stubFetch, textOf } from '../fixture.ts';
import { dashboard, draft, INVITATIONS, round, tally } from '../rounds-data.ts';
import { DRAFTER } from '../sessions.ts';

const CLOSED = dashboard(3, {
  title: 'Lấy ý kiến góp ý Dự thảo lần 1',
  version: 1,
  status: 'closed',
  closedReason: 'closed_early',
  closedAt: '2026-02-20T10:00:00.000Z',
});

/** Draft d1 with an open round 4 (newest) and a closed round 3, unless told otherwise. */
function api(options: { draft?: Draft; rounds?: RoundDashboard[] } = {}) {
  const rounds = options.rounds ?? [dashboard(4), CLOSED];
  return stubFetch((r) => {
    if (r.path === '/api/drafts/d1') return json(200, options.draft ?? draft());
    if (r.path === '/api/drafts/d1/rounds')
      return json(200, { rounds: rounds.map(({ round, tally }) => ({ round, tally })) });
    const id = /^\/api\/drafts\/d1\/rounds\/(\d+)$/.exec(r.path)?.[1];
    const found = rounds.find((d) => String(d.round.id) === id);
    if (found !== undefined && r.method === 'GET') return json(200, found);
    if (id !== undefined) return json(404, { error: { code: 'round_not_found', message: 'no' } });
    return undefined;
  });
}

async function page(roundId: number | null = null) {
  const p = await mount('vk-rounds-page', { session: DRAFTER, draftId: 'd1', roundId });
  await eventually(() => expect(p.shadowRoot?.querySelector('[role="status"].center')).toBeNull());
  await settle(p);
  return p;
}

const buttons = (p: Element) => findAll(p, 'button').map(textOf);
const rowNames = (p: Element) =>
  findAll(find(p, 'vk-round-invitations'), 'tbody tr').map((tr) => textOf(tr.querySelector('td')));

describe('vk-rounds-page', () => {
  it('shows the newest round’s dashboard: tally, deadline, every invited organisation, a way back', async () => {
    const sent = api();
    stubEventSource();
    const p = await page();

    expect(textOf(find(p, '.draft-title'))).toBe('Báo cáo chính trị Đại hội VI');
    expect(find(p, 'a.back').getAttribute('href')).toBe('/drafts/d1');
    expect(textOf(find(p, 'h2'))).toBe('Lấy ý kiến góp ý Dự thảo lần 2');
    expect(textOf(find(p, '.chip'))).toBe('Đang lấy ý kiến');
    expect(textOf(find(p, '.meta'))).toMatch(
      /^Dự thảo lần 2 · Hạn gửi góp ý: .+ \(Còn 5 ngày\) · Mở bởi Phạm Thị Phương/,
    );
    expect(textOf(find(find(p, 'vk-round-tally'), '.big'))).toBe('Đã gửi 1/4 (25%)');
    expect(rowNames(p)).toHaveLength(INVITATIONS.length);
    expect(sent.map((r) => r.path)).toContain('/api/drafts/d1/rounds/4');
  });

  it('lists the draft’s rounds and shows the one the address names', async () => {
    api();
    stubEventSource();
    const p = await page(3);

    expect(
      findAll(p, 'nav.rounds a').map((a) => [a.getAttribute('href'), a.getAttribute('aria-current')]),
    ).toEqual([
      ['/drafts/d1/rounds/4', 'false'],
      ['/drafts/d1/rounds/3', 'page'],
    ]);
    expect(textOf(find(p, 'h2'))).toBe('Lấy ý kiến góp ý Dự thảo lần 1');
    expect(textOf(find(p, '.meta'))).toContain('Kết thúc sớm lúc');
  });

  it('says so when the round in the address does not exist', async () => {
    api();
    stubEventSource();
    const p = await page(99);

    expect(textOf(find(p, 'p.error'))).toContain('Không tìm thấy đợt lấy ý kiến này.');
    expect(find(p, 'p.error a').getAttribute('href')).toBe('/drafts/d1/rounds');
  });

  it('gives the committee the round’s controls, and "Mở đợt lấy ý kiến" only when no round is open', async () => {
    api();
    stubEventSource();
    const open = await page();
    expect(open.shadowRoot?.querySelector('vk-round-actions')).not.toBeNull();
    expect(buttons(open)).not.toContain('Mở đợt lấy ý kiến');
    open.remove();

    api({ rounds: [CLOSED] });
    const closed = await page();
    expect(buttons(closed)).toContain('Mở đợt lấy ý kiến');
  });

  it('shows readers (the bloc office) the dashboard without controls', async () => {
    api({ draft: draft({ access: 'read' }) });
    stubEventSource();
    const p = await page();

    expect(p.shadowRoot?.querySelector('vk-round-actions')).toBeNull();
    expect(p.shadowRoot?.querySelector('vk-round-open-dialog')).toBeNull();
    expect(buttons(p)).toEqual([]);
    expect(rowNames(p)).toHaveLength(4);
  });

  it('does not ask commenters for the dashboard, and sends them to the draft', async () => {
    const sent = api({ draft: draft({ access: 'comment' }) });
    stubEventSource();
    const p = await page();

    expect(sent.map((r) => r.path)).not.toContain('/api/drafts/d1/rounds/4');
    expect(find(p, 'p.center a').getAttribute('href')).toBe('/drafts/d1');
  });

  it('says so when the draft is not there', async () => {
    stubFetch(() => json(404, { error: { code: 'draft_not_found', message: 'no' } }));
    stubEventSource();
    const p = await page();

    expect(textOf(find(p, '[role="alert"] p'))).toBe('Không tìm thấy dự thảo, hoặc bạn không có quyền xem.');
  });

  it('updates one row and the tally when an organisation submits, without reloading', async () => {
    const sent = api();
    const streams = stubEventSource();
    const p = await page();
    const before = sent.length;

    expect(streams.map((s) => s.url)).toEqual(['/api/drafts/d1/events']);
    const invitation = {
      ...INVITATIONS[2]!,
      state: 'submitted',
      submittedByName: 'Võ Văn Tú',
      submittedAt: '2026-03-06T08:00:00.000Z',
    };
    streams[0]!.emit('round', {
      action: 'submitted',
      round: round(4),
      tally: tally({ invited: 4, submitted: 2, percent: 50, overdue: 0, comments: 8, answered: 4 }),
      invitation,
    });
    await settle(p);

    expect(textOf(find(find(p, 'vk-round-tally'), '.big'))).toBe('Đã gửi 2/4 (50%)');
    const row = findAll(find(p, 'vk-round-invitations'), 'tbody tr').find((tr) =>
      textOf(tr).startsWith('Chi bộ Chi cục Bảo vệ môi trường'),
    );
    expect(textOf(row?.querySelector('.state'))).toBe('Đã gửi');
    expect(sent.length).toBe(before);
  });

  it('reloads the dashboard when the round is extended or closed elsewhere', async () => {
    const sent = api();
    const streams = stubEventSource();
    await page();
    const before = sent.length;

    streams[0]!.emit('round', {
      action: 'closed',
      round: round(4, { status: 'closed' }),
      tally: tally(),
      invitation: null,
    });

    await eventually(() =>
      expect(sent.slice(before).map((r) => r.path)).toContain('/api/drafts/d1/rounds/4'),
    );
  });

  it('goes to the new round’s dashboard once the dialog opened it', async () => {
    api({ rounds: [CLOSED] });
    stubEventSource();
    const p = await page();
    const path = location.pathname;
    const routes: RouteChangedEvent[] = [];
    const onRoute = (e: Event) => routes.push(e as RouteChangedEvent);
    window.addEventListener(RouteChangedEvent.type, onRoute);
    onTestFinished(() => {
      window.removeEventListener(RouteChangedEvent.type, onRoute);
      history.replaceState(null, '', path);
    });

    find(p, 'vk-round-open-dialog').dispatchEvent(new RoundOpenedEvent(dashboard(5)));
    await settle(p);

    expect(routes.map((e) => e.route)).toEqual([{ name: 'rounds', draftId: 'd1', roundId: 5 }]);
    expect(findAll(p, 'nav.rounds a').map((a) => a.getAttribute('href'))).toEqual([
      '/drafts/d1/rounds/5',
      '/drafts/d1/rounds/3',
    ]);
    expect(textOf(find(find(p, 'vk-round-tally'), '.big'))).toBe('Đã gửi 1/4 (25%)');
  });

  it('closes the draft’s event stream when the page goes away', async () => {
    api();
    const streams = stubEventSource();
    const p = await page();

    p.remove();

    expect(streams.map((s) => s.closed)).toEqual([true]);
  });
});
