import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../shared/api/auth.ts';
import type { Org } from '../../../shared/api/orgs.ts';
import '../../../client/admin/vk-admin-page.ts';
import type { VkUsersAdmin } from '../../../client/admin/vk-users-admin.ts';
import { eventually, find, findAll, json, mount, stubFetch, textOf } from '../fixture.ts';
import { signedIn } from '../sessions.ts';

const BLOC: Org = {
  id: 1,
  kind: 'bloc',
  name: 'Đảng ủy Khối các cơ quan tỉnh',
  shortName: 'ĐUK',
  parentId: null,
};
const UNIT: Org = {
  id: 3,
  kind: 'unit',
  name: 'Đảng bộ Sở Tài nguyên và Môi trường',
  shortName: 'ĐB Sở TN&MT',
  parentId: 1,
};
const BRANCH: Org = { id: 5, kind: 'branch', name: 'Chi bộ Văn phòng Sở', shortName: 'CB VP', parentId: 3 };
const UNION: Org = { id: 8, kind: 'mass', name: 'Công đoàn cơ quan Khối', shortName: 'CĐ Khối', parentId: 1 };

/** An admin of `orgId` (and drafter of the unit). */
const adminOf = (orgId: number): SessionInfo =>
  signedIn({ id: 2, username: 'quan.tri', displayName: 'Phạm Quản Trị', org: orgId === 1 ? BLOC : UNIT }, [
    { orgId, role: 'admin' },
    { orgId: 3, role: 'drafter' },
  ]);

/** The API as the admin page and its panels see it, the organisations visible being `orgs`. */
function api(orgs: Org[]) {
  return stubFetch((r) => {
    if (r.path === '/api/orgs') return json(200, { orgs });
    if (r.path === '/api/users') return json(200, { users: [] });
    if (r.path === '/api/templates') return json(200, { templates: [] });
    return undefined;
  });
}

async function adminPage(session: SessionInfo, orgs: Org[]) {
  const sent = api(orgs);
  const page = await mount('vk-admin-page', { session });
  await eventually(() => expect(findAll(page, 'nav li')).toHaveLength(orgs.length));
  await page.updateComplete;
  return { page, sent };
}

/** The organisation tree as shown: each name with its short name, and how deep it is nested. */
const tree = (page: Element) =>
  findAll(page, 'nav li').map((li) => {
    let depth = 0;
    for (let at = li.parentElement?.closest('li'); at; at = at.parentElement?.closest('li')) depth++;
    return [`${textOf(li.querySelector('.name'))} ${textOf(li.querySelector('.kind'))}`, depth];
  });

describe('vk-admin-page', () => {
  it('shows the organisation tree, each organisation indented under its parent', async () => {
    const { page, sent } = await adminPage(adminOf(1), [BLOC, UNIT, BRANCH, UNION]);

    expect(tree(page)).toEqual([
      ['Đảng ủy Khối các cơ quan tỉnh ĐUK', 0],
      ['Đảng bộ Sở Tài nguyên và Môi trường ĐB Sở TN&MT', 1],
      ['Chi bộ Văn phòng Sở CB VP', 2],
      ['Công đoàn cơ quan Khối CĐ Khối', 1],
    ]);
    expect(findAll(page, 'nav li .kind').map(textOf)).toEqual(['ĐUK', 'ĐB Sở TN&MT', 'CB VP', 'CĐ Khối']);
    expect(find(page, 'nav').getAttribute('aria-label')).toBe('Cây tổ chức');
    expect(sent.filter((r) => r.path === '/api/orgs')).toHaveLength(1);
  });

  it('starts the tree at the highest organisation the admin can see', async () => {
    const { page } = await adminPage(adminOf(3), [UNIT, BRANCH]);

    expect(tree(page)).toEqual([
      ['Đảng bộ Sở Tài nguyên và Môi trường ĐB Sở TN&MT', 0],
      ['Chi bộ Văn phòng Sở CB VP', 1],
    ]);
  });

  it("nests a unit's sub-branches under it even when another unit and its branch were created in between", async () => {
    const other: Org = {
      id: 4,
      kind: 'unit',
      name: 'Đảng bộ Sở Tài chính',
      shortName: 'ĐB STC',
      parentId: 1,
    };
    const otherBranch: Org = {
      id: 6,
      kind: 'branch',
      name: 'Chi bộ Thanh tra',
      shortName: 'CB TT',
      parentId: 4,
    };
    const late: Org = {
      id: 9,
      kind: 'branch',
      name: 'Chi bộ Phòng Đất đai',
      shortName: 'CB ĐĐ',
      parentId: 3,
    };
    const { page } = await adminPage(adminOf(1), [BLOC, UNIT, other, BRANCH, otherBranch, late]);

    expect(tree(page)).toEqual([
      ['Đảng ủy Khối các cơ quan tỉnh ĐUK', 0],
      ['Đảng bộ Sở Tài nguyên và Môi trường ĐB Sở TN&MT', 1],
      ['Chi bộ Văn phòng Sở CB VP', 2],
      ['Chi bộ Phòng Đất đai CB ĐĐ', 2],
      ['Đảng bộ Sở Tài chính ĐB STC', 1],
      ['Chi bộ Thanh tra CB TT', 2],
    ]);
  });

  it('tells a secretary plainly that administration is not theirs, with no forms and no requests', async () => {
    const sent = api([BLOC, UNIT]);
    const session: SessionInfo = { ...adminOf(3), roles: [{ orgId: 3, role: 'secretary' }] };
    const page = await mount('vk-admin-page', { session });

    expect(textOf(find(page, '[role="alert"]'))).toContain('Bạn không có quyền quản trị.');
    expect(findAll(page, 'vk-users-admin, vk-templates-admin, form')).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('hands the organisations to the users panel', async () => {
    const { page } = await adminPage(adminOf(3), [UNIT, BRANCH]);

    expect(textOf(find(page, 'h1'))).toBe('Quản trị');
    expect(find<VkUsersAdmin>(page, 'vk-users-admin').orgs).toEqual([UNIT, BRANCH]);
  });

  it('shows the templates to an admin of the bloc', async () => {
    const { page, sent } = await adminPage(adminOf(1), [BLOC, UNIT]);

    expect(findAll(page, 'vk-templates-admin')).toHaveLength(1);
    await eventually(() => expect(sent.map((r) => r.path)).toContain('/api/templates'));
  });

  it('hides the templates from an admin of a unit only', async () => {
    const { page, sent } = await adminPage(adminOf(3), [BLOC, UNIT, BRANCH]);

    expect(findAll(page, 'vk-templates-admin')).toEqual([]);
    expect(findAll(page, 'vk-users-admin')).toHaveLength(1);
    expect(sent.map((r) => r.path)).not.toContain('/api/templates');
  });

  it('does not count a drafter of the bloc as its admin', async () => {
    const session: SessionInfo = {
      ...adminOf(3),
      roles: [
        { orgId: 1, role: 'drafter' },
        { orgId: 3, role: 'admin' },
      ],
    };
    const { page } = await adminPage(session, [BLOC, UNIT]);

    expect(findAll(page, 'vk-templates-admin')).toEqual([]);
  });
});
