import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { Notification } from '../../../shared/api/notifications.ts';
import '../../../client/notifications/vk-notifications.ts';
import { notificationHref } from '../../../client/notifications/vk-notifications.ts';
import { stubEventSource } from '../event-source-stub.ts';
import { eventually, find, findAll, json, mount, settle, stubFetch, textOf, viewport } from '../fixture.ts';

const note = (id: number, more: Partial<Notification> = {}): Notification => ({
  id,
  kind: 'round_opened',
  draftId: 'd1',
  draftTitle: 'Báo cáo chính trị Đại hội VI',
  roundId: 4,
  commentId: null,
  actorName: 'Phạm Thị Phương',
  text: 'Lấy ý kiến góp ý Dự thảo lần 2',
  createdAt: '2026-03-02T08:00:00.000Z',
  read: false,
  ...more,
});

const NOTES: Notification[] = [
  note(3, { kind: 'org_submitted', text: 'Chi bộ Văn phòng Sở', actorName: 'Lê Thị Mai' }),
  note(2, { kind: 'comment_answered', commentId: 8, text: 'Tiếp thu: đã bổ sung số liệu năm 2025' }),
  note(1, { read: true }),
];

/** The API of the bell: the list (2 unread), and the read marks it receives. */
function api(list = { notifications: NOTES, unread: 2 }) {
  return stubFetch((r) => {
    if (r.path === '/api/notifications') return json(200, list);
    if (r.method === 'POST' && r.path === '/api/notifications/read')
      return new Response(null, { status: 204 });
    return undefined;
  });
}

async function bell() {
  const e = await mount('vk-notifications');
  await eventually(() => expect(e.shadowRoot?.querySelector('.badge')).not.toBeNull());
  return e;
}

const button = (e: Element) => find<HTMLButtonElement>(e, 'button.bell');
const items = (e: Element) =>
  findAll(e, 'li').map((li) => [
    li.className,
    textOf(li.querySelector('.what')),
    li.querySelector('a')?.getAttribute('href'),
  ]);

describe('vk-notifications', () => {
  it('shows the unread count on the bell and in its accessible name', async () => {
    api();
    stubEventSource();
    const e = await bell();

    expect(textOf(find(e, '.badge'))).toBe('2');
    expect(button(e).getAttribute('aria-label')).toBe('Thông báo: 2 chưa đọc');
    expect(button(e).getAttribute('aria-expanded')).toBe('false');
    expect(find(e, '.panel').hidden).toBe(true);
  });

  it('opens a panel listing what happened, each linking to the draft, the round’s dashboard or the answers', async () => {
    api();
    stubEventSource();
    const e = await bell();

    await userEvent.click(button(e));

    expect(button(e).getAttribute('aria-expanded')).toBe('true');
    expect(find(e, '.panel').hidden).toBe(false);
    expect(items(e)).toEqual([
      ['unread', 'Chi bộ Văn phòng Sở đã gửi góp ý', '/drafts/d1/rounds/4'],
      ['unread', 'Phạm Thị Phương đã trả lời góp ý của tổ chức bạn', '/drafts/d1/answers'],
      ['read', 'Đợt lấy ý kiến mới mời tổ chức của bạn góp ý', '/drafts/d1'],
    ]);
    expect(textOf(findAll(e, 'li')[1]?.querySelector('.excerpt'))).toBe(
      'Tiếp thu: đã bổ sung số liệu năm 2025',
    );
  });

  it('marks a notification read when it is opened', async () => {
    const sent = api();
    stubEventSource();
    const e = await bell();
    await userEvent.click(button(e));
    const link = findAll<HTMLAnchorElement>(e, 'li a')[1]!;
    // Stay on the test page: the app's router would take the click in place.
    link.addEventListener('click', (event) => event.preventDefault());

    await userEvent.click(link);

    await eventually(() =>
      expect(sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([{ ids: [2] }]),
    );
    expect(textOf(find(e, '.badge'))).toBe('1');
    expect(find(e, '.panel').hidden).toBe(true);
  });

  it('marks all read in one click', async () => {
    const sent = api();
    stubEventSource();
    const e = await bell();
    await userEvent.click(button(e));

    await userEvent.click(findAll(e, '.head button').find((b) => textOf(b) === 'Đánh dấu đã đọc tất cả')!);

    await eventually(() =>
      expect(sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([{ all: true }]),
    );
    expect(e.shadowRoot?.querySelector('.badge')).toBeNull();
    expect(button(e).getAttribute('aria-label')).toBe('Thông báo');
    expect(findAll(e, 'li.unread')).toEqual([]);
  });

  it('adds notifications as they arrive, once each', async () => {
    api();
    const streams = stubEventSource();
    const e = await bell();

    expect(streams.map((s) => s.url)).toEqual(['/api/notifications/events']);
    streams[0]!.emit('notification', note(4, { kind: 'comment_replied', text: 'Đề nghị làm rõ thêm' }));
    streams[0]!.emit('notification', note(4, { kind: 'comment_replied', text: 'Đề nghị làm rõ thêm' }));
    await settle(e);

    expect(textOf(find(e, '.badge'))).toBe('3');
    expect(items(e)[0]).toEqual([
      'unread',
      'Phạm Thị Phương đã phản hồi góp ý của tổ chức bạn',
      '/drafts/d1',
    ]);
    expect(items(e)).toHaveLength(4);
  });

  it('closes with Escape, giving the focus back to the bell, and on a click elsewhere', async () => {
    api();
    stubEventSource();
    const e = await bell();

    await userEvent.click(button(e));
    await userEvent.keyboard('{Escape}');
    expect(find(e, '.panel').hidden).toBe(true);
    expect(e.shadowRoot?.activeElement).toBe(button(e));

    await userEvent.click(button(e));
    document.body.click();
    await settle(e);
    expect(find(e, '.panel').hidden).toBe(true);
  });

  it('keeps the panel inside a narrow window', async () => {
    api();
    stubEventSource();
    await viewport(360);
    const e = await bell();

    await userEvent.click(button(e));

    const box = find(e, '.panel').getBoundingClientRect();
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(window.innerWidth);
  });

  it('says when there is nothing yet, and closes its stream when it goes away', async () => {
    api({ notifications: [], unread: 0 });
    const streams = stubEventSource();
    const e = await mount('vk-notifications');
    await eventually(() => expect(textOf(find(e, '.empty'))).toBe('Chưa có thông báo nào.'));

    e.remove();

    expect(streams.map((s) => s.closed)).toEqual([true]);
  });

  it('leads an organisation’s submission without a round to the draft', () => {
    expect(notificationHref(note(1, { kind: 'org_submitted', roundId: null }))).toBe('/drafts/d1');
  });
});
