import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/rounds/vk-round-actions.ts';
import { RoundChangedEvent } from '../../../client/rounds/vk-round-actions.ts';
import { toLocalInput } from '../../../client/rounds/deadline.ts';
import type { Round } from '../../../shared/api/rounds.ts';
import {
  answerDialog,
  captureEvents,
  eventually,
  find,
  findAll,
  json,
  mount,
  stubFetch,
  textOf,
  type Route,
} from '../fixture.ts';
import { dashboard, round } from '../rounds-data.ts';

function api(patch: Route = (r) => json(200, dashboard(4, r.body as Partial<Round>))) {
  return stubFetch((r) =>
    r.method === 'PATCH' && r.path === '/api/drafts/d1/rounds/4' ? patch(r) : undefined,
  );
}

const buttons = (a: Element) => findAll<HTMLButtonElement>(a, 'button').map(textOf);
const notice = (a: Element) => textOf(a.shadowRoot?.querySelector('.notice'));

describe('vk-round-actions', () => {
  it('offers to extend an open round and to close it early', async () => {
    const a = await mount('vk-round-actions', { draftId: 'd1', round: round(4) });

    expect(buttons(a)).toEqual(['Gia hạn', 'Kết thúc đợt sớm']);
    expect(textOf(find(a, 'label'))).toBe('Gia hạn đến');
  });

  it('offers only to extend (and re-open) a round its deadline closed, and nothing for one closed early', async () => {
    const byDeadline = await mount('vk-round-actions', {
      draftId: 'd1',
      round: round(4, { status: 'closed', closedReason: 'deadline', deadline: '2026-01-01T10:00:00.000Z' }),
    });
    expect(buttons(byDeadline)).toEqual(['Gia hạn']);
    expect(textOf(find(byDeadline, 'label'))).toBe('Gia hạn và mở lại đến');

    const early = await mount('vk-round-actions', {
      draftId: 'd1',
      round: round(4, { status: 'closed', closedReason: 'closed_early' }),
    });
    expect(buttons(early)).toEqual([]);
  });

  it('sends the new deadline with the local offset and announces the new dashboard', async () => {
    const sent = api();
    const changed = captureEvents(RoundChangedEvent.type);
    const a = await mount('vk-round-actions', { draftId: 'd1', round: round(4) });
    const later = new Date(Date.now() + 20 * 86_400_000);
    later.setHours(16, 30, 0, 0);

    await userEvent.fill(find<HTMLInputElement>(a, 'input[name="deadline"]'), toLocalInput(later));
    await userEvent.click(find(a, 'button[type="submit"]'));

    await eventually(() => expect(changed).toHaveLength(1));
    const body = sent[0]?.body as { deadline: string };
    expect(body.deadline).toMatch(/^\d{4}-\d\d-\d\dT16:30:00[+-]\d\d:\d\d$/);
    expect(new Date(body.deadline).getTime()).toBe(later.getTime());
    expect(changed[0]?.dashboard.round.id).toBe(4);
    expect(notice(a)).toBe('Đã gia hạn đợt lấy ý kiến.');
  });

  it('refuses a deadline in the past before anything is sent', async () => {
    const sent = api();
    const a = await mount('vk-round-actions', { draftId: 'd1', round: round(4) });

    await userEvent.fill(find<HTMLInputElement>(a, 'input[name="deadline"]'), '2020-01-01T10:00');
    await userEvent.click(find(a, 'button[type="submit"]'));

    expect(notice(a)).toBe('Hạn mới phải sau thời điểm hiện tại.');
    expect(sent).toEqual([]);
  });

  it('refuses a deadline no later than the current one, as the server would', async () => {
    const sent = api();
    const current = new Date(Date.now() + 5 * 86_400_000);
    const a = await mount('vk-round-actions', {
      draftId: 'd1',
      round: round(4, { deadline: current.toISOString() }),
    });

    await userEvent.fill(
      find<HTMLInputElement>(a, 'input[name="deadline"]'),
      toLocalInput(new Date(current.getTime() - 86_400_000)),
    );
    await userEvent.click(find(a, 'button[type="submit"]'));

    expect(notice(a)).toBe('Hạn mới phải sau hạn hiện tại.');
    expect(sent).toEqual([]);
  });

  it('closes the round early only after the committee confirms', async () => {
    const sent = api();
    const a = await mount('vk-round-actions', { draftId: 'd1', round: round(4) });
    const close = findAll(a, 'button').find((b) => textOf(b) === 'Kết thúc đợt sớm')!;

    await userEvent.click(close);
    expect(await answerDialog(false)).toBe(
      'Kết thúc đợt "Lấy ý kiến góp ý Dự thảo lần 2" ngay bây giờ? Các tổ chức chưa gửi sẽ không góp ý được nữa.',
    );
    expect(sent).toEqual([]);

    await userEvent.click(close);
    await answerDialog(true);
    await eventually(() => expect(sent.map((r) => r.body)).toEqual([{ status: 'closed' }]));
  });

  it('says why the server refused', async () => {
    api(() => json(409, { error: { code: 'round_closed', message: 'closed' } }));
    const a = await mount('vk-round-actions', { draftId: 'd1', round: round(4) });

    await userEvent.click(findAll(a, 'button').find((b) => textOf(b) === 'Kết thúc đợt sớm')!);
    await answerDialog(true);

    await eventually(() =>
      expect(notice(a)).toBe('Đợt lấy ý kiến đã kết thúc, không góp ý hay gửi góp ý được nữa.'),
    );
    expect(find(a, '.notice').getAttribute('role')).toBe('alert');
  });
});
