import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { Org } from '../../../shared/api/orgs.ts';
import type { UserSummary } from '../../../shared/api/users.ts';
import '../../../client/admin/vk-users-admin.ts';
import {
  answerDialog,
  eventually,
  find,
  findAll,
  json,
  mount,
  stubFetch,
  textOf,
  type Route,
} from '../fixture.ts';

/** The organisations the admin manages: the bloc and one unit under it. */
const ORGS: Org[] = [
  { id: 1, kind: 'bloc', name: 'Đảng ủy Khối các cơ quan tỉnh', shortName: 'ĐUK', parentId: null },
  { id: 3, kind: 'unit', name: 'Đảng bộ Sở Tài nguyên và Môi trường', shortName: 'ĐB Sở TN&MT', parentId: 1 },
];

const AN: UserSummary = {
  id: 7,
  username: 'nguyen.van.an',
  displayName: 'Nguyễn Văn An',
  orgId: 3,
  roles: [
    { orgId: 3, role: 'drafter' },
    { orgId: 1, role: 'admin' },
  ],
};
const BINH: UserSummary = {
  id: 9,
  username: 'tran.thi.binh',
  displayName: 'Trần Thị Bình',
  orgId: 42,
  roles: [],
};
const CUONG: UserSummary = {
  id: 12,
  username: 'le.van.cuong',
  displayName: 'Lê Văn Cường',
  orgId: 3,
  roles: [{ orgId: 3, role: 'secretary' }],
};

/** The users API over a list `users` that `more` (POST, DELETE) may change. */
function api(users: UserSummary[], more: Route = () => undefined) {
  return stubFetch((r) =>
    r.method === 'GET' && r.path === '/api/users' ? json(200, { users: [...users] }) : more(r),
  );
}

async function usersAdmin() {
  const admin = await mount('vk-users-admin', { orgs: ORGS });
  await eventually(() => expect(findAll(admin, 'tbody tr').length).toBeGreaterThan(0));
  return {
    admin,
    rows: () =>
      findAll(admin, 'tbody tr').map((tr) => [
        ...[...tr.querySelectorAll('td')].slice(0, 3).map(textOf),
        [...tr.querySelectorAll('.role')].map((r) => textOf(r).replace(/ ×$/, '')).join(', '),
      ]),
    /** The button `label` in the row of `username`. */
    button: (username: string, label: string) => {
      const row = findAll<HTMLTableRowElement>(admin, 'tbody tr').find(
        (tr) => textOf(tr.cells[0]) === username,
      );
      return [...(row?.querySelectorAll('button') ?? [])].find((b) => textOf(b) === label)!;
    },
    field: (name: string) => find<HTMLInputElement>(admin, `form.create [name="${name}"]`),
    role: (label: string) =>
      findAll(admin, 'fieldset label')
        .find((l) => textOf(l) === label)!
        .querySelector('input')!,
    submit: () => userEvent.click(find(admin, 'form.create button[type="submit"]')),
    password: () => textOf(findAll(admin, '.password[role="status"]')[0]),
    alert: () => textOf(findAll(admin, '[role="alert"]')[0]),
  };
}

describe('vk-users-admin', () => {
  it('lists each user with their organisation and every role per organisation', async () => {
    api([AN, BINH]);
    const { rows } = await usersAdmin();

    expect(rows()).toEqual([
      ['nguyen.van.an', 'Nguyễn Văn An', 'ĐB Sở TN&MT', 'Tiểu ban văn kiện (ĐB Sở TN&MT), Quản trị (ĐUK)'],
      // An organisation the admin does not manage shows as its number.
      ['tran.thi.binh', 'Trần Thị Bình', '42', ''],
    ]);
  });

  it('offers the managed organisations and the four roles for a new user', async () => {
    api([AN]);
    const { admin } = await usersAdmin();

    expect(
      findAll<HTMLOptionElement>(admin, 'form.create select[name="orgId"] option').map((o) => [
        o.value,
        textOf(o),
      ]),
    ).toEqual([
      ['1', 'Đảng ủy Khối các cơ quan tỉnh'],
      ['3', 'Đảng bộ Sở Tài nguyên và Môi trường'],
    ]);
    expect(findAll(admin, 'fieldset label').map(textOf)).toEqual([
      'Quản trị',
      'Bí thư',
      'Tiểu ban văn kiện',
      'Góp ý',
    ]);
  });

  it('creates a user, shows the generated password once and lists the new user', async () => {
    const users = [AN];
    const sent = api(users, (r) => {
      if (r.method !== 'POST' || r.path !== '/api/users') return undefined;
      users.push(CUONG);
      return json(201, { user: CUONG, password: 'Xk7-pQ2-mZ9' });
    });
    const { admin, rows, field, role, submit, password } = await usersAdmin();

    await userEvent.fill(field('username'), 'le.van.cuong');
    await userEvent.fill(field('displayName'), 'Lê Văn Cường');
    await userEvent.selectOptions(find<HTMLSelectElement>(admin, 'form.create select[name="orgId"]'), '3');
    await userEvent.click(role('Bí thư'));
    await userEvent.click(role('Góp ý'));
    await submit();

    await eventually(() =>
      expect(password()).toBe('Mật khẩu của le.van.cuong (chỉ hiện một lần): Xk7-pQ2-mZ9'),
    );
    const post = sent.find((r) => r.method === 'POST');
    expect(post?.headers.get('content-type')).toBe('application/json');
    expect(post?.body).toEqual({
      username: 'le.van.cuong',
      displayName: 'Lê Văn Cường',
      orgId: 3,
      roles: ['secretary', 'commenter'],
    });
    await eventually(() => expect(rows().map((r) => r[0])).toEqual(['nguyen.van.an', 'le.van.cuong']));
    expect(field('username').value).toBe('');
    expect(role('Bí thư').checked).toBe(false);
  });

  it('refuses a username with capitals or spaces before anything is sent', async () => {
    const sent = api([AN]);
    const { field, submit } = await usersAdmin();

    await userEvent.fill(field('username'), 'Nguyen Van An');
    await userEvent.fill(field('displayName'), 'Nguyễn Văn An');
    await submit();

    expect(field('username').validity.patternMismatch).toBe(true);
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('shows why the server refused a new user, in the interface language only', async () => {
    api([AN], (r) =>
      r.method === 'POST'
        ? json(409, { error: { code: 'conflict', message: 'username nguyen.van.an is taken' } })
        : undefined,
    );
    const { field, submit, alert, password } = await usersAdmin();

    await userEvent.fill(field('username'), 'nguyen.van.an');
    await userEvent.fill(field('displayName'), 'Nguyễn Văn An');
    await submit();

    await eventually(() =>
      expect(alert()).toBe('Đã có một bản ghi như vậy (ví dụ: tên đăng nhập đã được dùng).'),
    );
    expect(password()).toBe('');
    expect(field('username').value).toBe('nguyen.van.an');
  });

  it('asks before issuing a new password, and shows it once', async () => {
    const sent = api([AN, CUONG], (r) =>
      r.method === 'POST' && r.path === '/api/users/le.van.cuong/password'
        ? json(200, { user: CUONG, password: 'Nw4-rT8-bY1' })
        : undefined,
    );
    const { button, password } = await usersAdmin();

    await userEvent.click(button('le.van.cuong', 'Cấp lại mật khẩu'));
    expect(await answerDialog(false)).toBe(
      'Cấp mật khẩu mới cho le.van.cuong? Các phiên đang mở của người này sẽ kết thúc.',
    );
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);

    await userEvent.click(button('le.van.cuong', 'Cấp lại mật khẩu'));
    await answerDialog(true);

    await eventually(() =>
      expect(password()).toBe('Mật khẩu mới của le.van.cuong (chỉ hiện một lần): Nw4-rT8-bY1'),
    );
    expect(sent.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/users/le.van.cuong/password',
    ]);
  });

  it('hides a one-time password once the admin does something else', async () => {
    const users = [AN, CUONG];
    api(users, (r) => {
      if (r.method === 'POST' && r.path === '/api/users/le.van.cuong/password')
        return json(200, { user: CUONG, password: 'Nw4-rT8-bY1' });
      if (r.method === 'DELETE' && r.path === '/api/users/le.van.cuong') {
        users.pop();
        return new Response(null, { status: 204 });
      }
      return undefined;
    });
    const { button, password, rows } = await usersAdmin();

    await userEvent.click(button('le.van.cuong', 'Cấp lại mật khẩu'));
    await answerDialog(true);
    await eventually(() => expect(password()).toContain('Nw4-rT8-bY1'));
    await userEvent.click(button('le.van.cuong', 'Xóa'));
    await answerDialog(true);

    await eventually(() => expect(rows()).toHaveLength(1));
    expect(password()).toBe('');
  });

  it('asks before removing a user, then removes them from the list', async () => {
    const users = [AN, CUONG];
    const sent = api(users, (r) => {
      if (r.method !== 'DELETE' || r.path !== '/api/users/le.van.cuong') return undefined;
      users.pop();
      return new Response(null, { status: 204 });
    });
    const { button, rows } = await usersAdmin();

    await userEvent.click(button('le.van.cuong', 'Xóa'));
    expect(await answerDialog(false)).toBe('Xóa người dùng le.van.cuong?');
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(rows()).toHaveLength(2);

    await userEvent.click(button('le.van.cuong', 'Xóa'));
    await answerDialog(true);

    await eventually(() => expect(rows().map((r) => r[0])).toEqual(['nguyen.van.an']));
    expect(sent.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/users/le.van.cuong']);
  });

  it('alerts when a removal is refused, and clears the alert on the next action that works', async () => {
    let refuse = true;
    api([AN, CUONG], (r) => {
      if (r.method !== 'DELETE') return undefined;
      return refuse
        ? json(403, { error: { code: 'forbidden', message: 'cannot remove yourself' } })
        : new Response(null, { status: 204 });
    });
    const { admin, button, alert } = await usersAdmin();

    await userEvent.click(button('nguyen.van.an', 'Xóa'));
    await answerDialog(true);
    await eventually(() => expect(alert()).toBe('Bạn không có quyền làm việc này.'));

    refuse = false;
    await userEvent.click(button('le.van.cuong', 'Xóa'));
    await answerDialog(true);
    await eventually(() => expect(findAll(admin, '[role="alert"]')).toEqual([]));
  });

  it('grants a role in a managed organisation and revokes one, saying what changed', async () => {
    let cuong = CUONG;
    const sent = api([AN, CUONG], (r) => {
      if (r.method !== 'POST' || r.path !== '/api/users/le.van.cuong/roles') return undefined;
      const { orgId, role, granted } = r.body as { orgId: number; role: 'drafter'; granted: boolean };
      cuong = {
        ...cuong,
        roles: granted
          ? [...cuong.roles, { orgId, role }]
          : cuong.roles.filter((g) => g.orgId !== orgId || g.role !== role),
      };
      return json(200, cuong);
    });
    const { admin, rows } = await usersAdmin();
    const row = () =>
      findAll<HTMLTableRowElement>(admin, 'tbody tr').find((tr) => textOf(tr.cells[0]) === 'le.van.cuong')!;

    await userEvent.selectOptions(
      row().querySelector<HTMLSelectElement>('form.grant select[name="role"]')!,
      'drafter',
    );
    await userEvent.click(row().querySelector<HTMLButtonElement>('form.grant button')!);
    await eventually(() =>
      expect(textOf(find(admin, '.ok[role="status"]'))).toBe(
        'Đã cấp vai trò Tiểu ban văn kiện (ĐB Sở TN&MT) cho le.van.cuong.',
      ),
    );
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { orgId: 3, role: 'drafter', granted: true },
    ]);

    // Reload the list (the stub's GET answers the original users), then revoke from the chip.
    await userEvent.click(row().querySelector<HTMLButtonElement>('button.revoke')!);
    await eventually(() =>
      expect(textOf(find(admin, '.ok[role="status"]'))).toBe(
        'Đã thu hồi vai trò Bí thư (ĐB Sở TN&MT) của le.van.cuong.',
      ),
    );
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { orgId: 3, role: 'drafter', granted: true },
      { orgId: 3, role: 'secretary', granted: false },
    ]);
    expect(rows()).toHaveLength(2);
  });

  it('names the fields of a refused form in the interface language, never the server’s English', async () => {
    api([AN], (r) =>
      r.method === 'POST'
        ? json(400, {
            error: { code: 'validation_failed', message: 'displayName: Too big', fields: ['displayName'] },
          })
        : undefined,
    );
    const { field, submit, alert } = await usersAdmin();
    await userEvent.fill(field('username'), 'pham.van.d');
    await userEvent.fill(field('displayName'), 'Phạm Văn D');
    await submit();
    await eventually(() => expect(alert()).toBe('Thông tin nhập chưa hợp lệ. (Họ và tên)'));
  });
});
