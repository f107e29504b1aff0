import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/rounds/vk-round-open-dialog.ts';
import { RoundOpenedEvent } from '../../../client/rounds/vk-round-open-dialog.ts';
import { toLocalInput } from '../../../client/rounds/deadline.ts';
import {
  captureEvents,
  deferred,
  dialogControls,
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
import { dashboard, ORGS } from '../rounds-data.ts';

const version = (number: number, note = '') => ({
  number,
  label: `Dự thảo lần ${number}`,
  note,
  createdBy: 7,
  createdByName: 'Phạm Thị Phương',
  createdAt: '2026-03-02T08:00:00.000Z',
});

/** The API as the dialog of draft d1 sees it: `count` frozen versions, ORGS to invite, `open` answering the POST. */
function api(count = 2, open: Route = () => json(201, dashboard(9))) {
  return stubFetch((r) => {
    if (r.path === '/api/drafts/d1/versions')
      return json(200, {
        versions: Array.from({ length: count }, (_, i) =>
          version(i + 1, i === 1 ? 'Đã tiếp thu ý kiến' : ''),
        ),
        restores: [],
      });
    if (r.path === '/api/drafts/d1/rounds/invitable') return json(200, { orgs: ORGS });
    if (r.method === 'POST' && r.path === '/api/drafts/d1/rounds') return open(r);
    return undefined;
  });
}

async function openDialog() {
  const dialog = await mount('vk-round-open-dialog', { draftId: 'd1' });
  await dialog.show();
  await settle(dialog);
  const picker = find(dialog, 'vk-round-org-picker');
  const tick = (name: string) =>
    userEvent.click(
      [...(picker.shadowRoot?.querySelectorAll('label') ?? [])].find((l) => textOf(l) === name)!,
    );
  return { dialog, ...dialogControls(dialog), tick };
}

describe('vk-round-open-dialog', () => {
  it('opens with the newest version, a title naming it, and a deadline a week ahead at 17:00', async () => {
    api();
    const { dialog, modal, field } = await openDialog();

    expect(modal.matches(':modal')).toBe(true);
    expect(findAll<HTMLOptionElement>(dialog, 'select option').map((o) => [o.value, textOf(o)])).toEqual([
      ['2', 'Dự thảo lần 2 — Đã tiếp thu ý kiến'],
      ['1', 'Dự thảo lần 1'],
    ]);
    expect(find<HTMLSelectElement>(dialog, 'select').value).toBe('2');
    expect(field('title').value).toBe('Lấy ý kiến góp ý Dự thảo lần 2');
    const week = new Date();
    week.setDate(week.getDate() + 7);
    expect(field('deadline').value).toBe(`${toLocalInput(week).slice(0, 10)}T17:00`);
  });

  it('follows the chosen version in the title until the title is edited', async () => {
    api();
    const { dialog, field } = await openDialog();

    await userEvent.selectOptions(find<HTMLSelectElement>(dialog, 'select'), '1');
    expect(field('title').value).toBe('Lấy ý kiến góp ý Dự thảo lần 1');

    await userEvent.fill(field('title'), 'Góp ý lần đầu');
    await userEvent.selectOptions(find<HTMLSelectElement>(dialog, 'select'), '2');
    expect(field('title').value).toBe('Góp ý lần đầu');
  });

  it('sends whole kinds as allOf and single organisations by id, with the deadline’s offset, and announces the round', async () => {
    const sent = api();
    const opened = captureEvents(RoundOpenedEvent.type);
    const { dialog, modal, field, tick, submit } = await openDialog();
    const deadline = new Date(Date.now() + 10 * 86_400_000);
    deadline.setHours(11, 0, 0, 0);

    await tick('Tất cả chi bộ');
    await tick('Đoàn Thanh niên');
    expect(textOf(find(find(dialog, 'vk-round-org-picker'), '.count'))).toBe('Đã chọn 4 tổ chức');
    await userEvent.fill(field('deadline'), toLocalInput(deadline));
    await submit();

    await eventually(() => expect(opened).toHaveLength(1));
    const body = sent.find((r) => r.method === 'POST')?.body as Record<string, unknown>;
    expect({ ...body, deadline: undefined }).toEqual({
      version: 2,
      title: 'Lấy ý kiến góp ý Dự thảo lần 2',
      orgIds: [22],
      allOf: ['branch'],
      deadline: undefined,
      // Organisations read the version only unless the committee ticks the box.
      allowCompare: false,
    });
    expect(new Date(body.deadline as string).getTime()).toBe(deadline.getTime());
    expect(body.deadline).toMatch(/T11:00:00[+-]\d\d:\d\d$/);
    expect(opened[0]?.dashboard.round.id).toBe(9);
    expect(modal.open).toBe(false);
  });

  it('refuses a past deadline and an empty selection before anything is sent', async () => {
    const sent = api();
    const { field, tick, submit, alert } = await openDialog();

    await submit();
    expect(alert()).toBe('Hãy chọn ít nhất một tổ chức được mời.');

    await tick('Tất cả đoàn thể');
    await userEvent.fill(field('deadline'), '2020-05-01T17:00');
    await submit();
    expect(alert()).toBe('Hạn gửi góp ý phải sau thời điểm hiện tại.');
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('says there is nothing to send without a frozen version, and where to freeze one', async () => {
    api(0);
    const { dialog, alert } = await openDialog();

    expect(alert()).toContain('Dự thảo chưa có lần dự thảo nào được chốt');
    expect(find<HTMLAnchorElement>(dialog, '.notice a').getAttribute('href')).toBe('/drafts/d1/versions');
    expect(textOf(find(dialog, '.notice a'))).toContain('Các lần dự thảo');
    expect(find<HTMLButtonElement>(dialog, 'button[type="submit"]').disabled).toBe(true);
  });

  it('shows the server’s refusal by its code and stays open', async () => {
    api(2, () => json(409, { error: { code: 'round_already_open', message: 'Round "x" is still open' } }));
    const { modal, tick, submit, alert } = await openDialog();

    await tick('Tất cả chi bộ');
    await submit();

    await eventually(() => expect(alert()).toMatch(/^Dự thảo đang có một đợt lấy ý kiến chưa kết thúc/));
    expect(modal.open).toBe(true);
  });

  it('opens one round however often the button is pressed while the request runs', async () => {
    const answer = deferred<Response>();
    const sent = api(2, () => answer.promise);
    const { dialog, tick, submit } = await openDialog();

    await tick('Tất cả chi bộ');
    await submit();
    find<HTMLFormElement>(dialog, 'form').requestSubmit();
    answer.resolve(json(201, dashboard(9)));

    await eventually(() => expect(find<HTMLDialogElement>(dialog, 'dialog').open).toBe(false));
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
