import { describe, expect, it, onTestFinished } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { SessionInfo } from '../../../shared/api/auth.ts';
import type { Draft } from '../../../shared/api/drafts.ts';
import type { MyAssignments, SectionAssignment } from '../../../shared/api/assignments.ts';
import type { DraftProgress } from '../../../shared/api/progress.ts';
import type { Role } from '../../../shared/access.ts';
import '../../../client/drafts/vk-home-page.ts';
import { DraftCreatedEvent } from '../../../client/drafts/vk-create-draft-dialog.ts';
import { RouteChangedEvent } from '../../../client/app/router.ts';
import { progressOf, section } from '../sections.ts';
import type { VkInvitedRounds } from '../../../client/rounds/vk-invited-rounds.ts';
import type { VkRoundsOverview } from '../../../client/rounds/vk-rounds-overview.ts';
import { draft as draftOf, invitation, overview } from '../rounds-data.ts';
import { deferred, eventually, find, findAll, json, mount, stubFetch, textOf } from '../fixture.ts';
import { signedIn } from '../sessions.ts';

const UNIT = {
  id: 3,
  kind: 'unit',
  name: 'Đảng bộ Sở Tài nguyên và Môi trường',
  shortName: 'ĐB Sở TN&MT',
  parentId: 1,
} as const;

const sessionAs = (...roles: Role[]): SessionInfo =>
  signedIn(
    { id: 7, username: 'nguyen.van.an', displayName: 'Nguyễn Văn An', org: UNIT },
    roles.map((role) => ({ orgId: 3, role })),
  );

/** A drafting draft of the unit, from a template (what `GET /api/drafts` lists). */
const draft = (id: string, title: string, more: Partial<Draft> = {}): Draft =>
  draftOf({ id, title, status: 'drafting', templateId: 'bao-cao-chinh-tri', templateVersion: 1, ...more });

const ECONOMY = draft('kt2026', 'Báo cáo chính trị Đại hội XIV');
const REVIEW = draft('kd2025', 'Báo cáo kiểm điểm BCH', { status: 'consultation', access: 'comment' });
const BRANCH = draft('cb2025', 'Báo cáo chính trị chi bộ', { status: 'final', access: 'read' });
const BLANK = draft('tr0001', 'Dự thảo trống', { templateId: null, templateVersion: null });

const s1 = section('kinh-te', 'I.', 'Về phát triển kinh tế');
const s2 = section('xa-hoi', 'II.', 'Về văn hóa, xã hội');
const s3 = section('dang', 'III.', 'Về xây dựng Đảng');

/** `GET /api/drafts/{id}/progress`: three sections for template drafts, none for a blank one. */
function progress(id: string): DraftProgress {
  if (id === BLANK.id)
    return {
      draftId: id,
      sections: [],
      totals: { words: 0, written: 0, writing: 0, empty: 0, missing: 0, flagged: 0 },
    };
  return {
    draftId: id,
    sections: [
      progressOf(s1, 1, 'written', 420),
      progressOf(s2, 1, 'writing', 35),
      progressOf(s3, 1, 'empty', 0),
    ],
    totals: { words: 455, written: 1, writing: 1, empty: 1, missing: 0, flagged: 1 },
  };
}

/** `GET /api/drafts/{id}/versions` for a draft with `count` versions, numbered from 1. */
function versions(count: number) {
  return {
    versions: Array.from({ length: count }, (_, i) => ({
      number: i + 1,
      label: `Dự thảo lần ${i + 1}`,
      note: '',
      createdBy: 7,
      createdByName: 'Nguyễn Văn An',
      createdAt: '2026-03-02T08:00:00.000Z',
    })),
    restores: [],
  };
}

/**
 * The API as the home page sees it, listing `drafts`; `frozen` says how many versions each has;
 * `rounds` answers `GET /api/rounds` (none by default), `mine` `GET /api/assignments/mine`.
 */
function api(
  drafts: Draft[],
  frozen: Record<string, number> = {},
  list?: Promise<Response>,
  rounds: () => Response = () => json(200, { rounds: [] }),
  mine: MyAssignments = { drafts: [] },
) {
  return stubFetch((r) => {
    if (r.path === '/api/drafts') return list ?? json(200, { drafts });
    if (r.path === '/api/rounds') return rounds();
    if (r.path === '/api/assignments/mine') return json(200, mine);
    const [, id, what] = /^\/api\/drafts\/([^/]+)\/(progress|versions)$/.exec(r.path) ?? [];
    if (id !== undefined && what === 'progress') return json(200, progress(id));
    if (id !== undefined && what === 'versions') return json(200, versions(frozen[id] ?? 0));
    if (r.path === '/api/templates') return json(200, { templates: [] });
    return undefined;
  });
}

async function homePage(session: SessionInfo) {
  const page = await mount('vk-home-page', { session });
  await eventually(() => expect(textOf(findAll(page, 'p.empty')[0])).not.toBe('Đang tải…'));
  await page.updateComplete;
  return page;
}

/** Each status group as shown: its heading and its cards' titles. */
const groups = (page: Element) =>
  findAll(page, 'h2').map((h2) => [
    textOf(h2),
    [...(h2.nextElementSibling?.querySelectorAll('.title') ?? [])].map(textOf),
  ]);

const card = (page: Element, id: string) => find<HTMLAnchorElement>(page, `a.card[href="/drafts/${id}"]`);

describe('vk-home-page', () => {
  it('groups the drafts by status, drafting first, leaving out empty groups', async () => {
    api([BRANCH, ECONOMY, REVIEW]);
    const page = await homePage(sessionAs('drafter'));

    expect(textOf(find(page, 'h1'))).toBe('Dự thảo văn kiện');
    expect(groups(page)).toEqual([
      ['Đang soạn thảo', ['Báo cáo chính trị Đại hội XIV']],
      ['Đang lấy ý kiến', ['Báo cáo kiểm điểm BCH']],
      ['Bản cuối cùng', ['Báo cáo chính trị chi bộ']],
    ]);

    api([REVIEW]);
    const other = await homePage(sessionAs('drafter'));
    expect(groups(other).map(([heading]) => heading)).toEqual(['Đang lấy ý kiến']);
  });

  it('asks for each draft’s progress and versions after the list', async () => {
    const sent = api([ECONOMY, REVIEW]);
    await homePage(sessionAs('commenter'));

    expect(sent[0]?.path).toBe('/api/drafts');
    expect(
      sent
        .slice(1)
        .map((r) => r.path)
        .filter((path) => path !== '/api/rounds' && path !== '/api/assignments/mine')
        .sort(),
    ).toEqual([
      '/api/drafts/kd2025/progress',
      '/api/drafts/kd2025/versions',
      '/api/drafts/kt2026/progress',
      '/api/drafts/kt2026/versions',
    ]);
  });

  it('shows on each draft the sections the user writes and how many are late', async () => {
    const mine = (id: string, label: string, title: string, late: boolean): SectionAssignment => ({
      sectionId: id,
      label,
      title,
      depth: 1,
      state: 'writing',
      assignee: { id: 7, name: 'Nguyễn Văn An' },
      due: '2026-03-01',
      late,
    });
    api([ECONOMY, REVIEW], {}, undefined, undefined, {
      drafts: [
        {
          draftId: ECONOMY.id,
          sections: [
            mine('kinh-te', 'I.', 'Về phát triển kinh tế', true),
            mine('dang', 'III.', 'Về xây dựng Đảng', false),
          ],
          late: 1,
        },
      ],
    });
    const page = await homePage(sessionAs('drafter'));
    await eventually(() => expect(findAll(page, '.mine')).toHaveLength(1));
    const cards = findAll(page, 'a.card');
    const economy = cards.find((c) => textOf(c.querySelector('.title')) === ECONOMY.title)!;
    expect(textOf(economy.querySelector('.mine'))).toContain('Mục bạn viết: 2 · 1 trễ hạn');
    expect(textOf(economy.querySelector('.mine-sections'))).toBe(
      'I. Về phát triển kinh tế; III. Về xây dựng Đảng',
    );
    const review = cards.find((c) => textOf(c.querySelector('.title')) === REVIEW.title)!;
    expect(review.querySelector('.mine')).toBeNull();
  });

  it('links each draft to its page and shows its current version and what the user may do', async () => {
    api([ECONOMY, REVIEW, BRANCH], { kt2026: 3, cb2025: 1 });
    const page = await homePage(sessionAs('drafter'));

    expect([ECONOMY, REVIEW, BRANCH].map((d) => textOf(card(page, d.id).querySelector('.meta')))).toEqual([
      'Dự thảo lần 3 · Được sửa',
      'Chưa chốt lần dự thảo nào · Được góp ý',
      'Dự thảo lần 1 · Chỉ xem',
    ]);
  });

  it('shows each template draft’s progress through its sections, and none for a blank draft', async () => {
    api([ECONOMY, BLANK]);
    const page = await homePage(sessionAs('drafter'));

    const bar = card(page, ECONOMY.id).querySelector('vk-progress-bar');
    expect(bar && [bar.written, bar.writing, bar.total, bar.flagged]).toEqual([1, 1, 3, 1]);
    expect(card(page, BLANK.id).querySelector('vk-progress-bar')).toBeNull();
  });

  it('says it is loading, then that there is no draft to see', async () => {
    const list = deferred<Response>();
    api([], {}, list.promise);
    const page = await mount('vk-home-page', { session: sessionAs('commenter') });
    expect(textOf(find(page, 'p.empty'))).toBe('Đang tải…');

    list.resolve(json(200, { drafts: [] }));

    await eventually(() => expect(textOf(find(page, 'p.empty'))).toBe('Chưa có dự thảo nào bạn được xem.'));
    expect(findAll(page, 'h2')).toEqual([]);
  });

  it('offers "Tạo dự thảo" to drafters and secretaries only', async () => {
    const offered = async (...roles: Role[]) => {
      api([ECONOMY]);
      const page = await homePage(sessionAs(...roles));
      const shown = findAll(page, '.top button').map(textOf);
      page.remove();
      return shown;
    };

    expect(await offered('drafter')).toEqual(['Tạo dự thảo']);
    expect(await offered('secretary')).toEqual(['Tạo dự thảo']);
    expect(await offered('commenter')).toEqual([]);
    expect(await offered('admin')).toEqual([]);
    expect(await offered()).toEqual([]);
  });

  it('opens the new draft dialog, and goes to the draft it creates', async () => {
    const sent = api([ECONOMY]);
    const page = await homePage(sessionAs('secretary'));
    const routes: RouteChangedEvent[] = [];
    const onRoute = (event: Event) => routes.push(event as RouteChangedEvent);
    window.addEventListener(RouteChangedEvent.type, onRoute);
    const path = location.pathname + location.search;
    onTestFinished(() => {
      window.removeEventListener(RouteChangedEvent.type, onRoute);
      history.replaceState(null, '', path);
    });

    await userEvent.click(find(page, '.top button'));
    const dialog = find(page, 'vk-create-draft-dialog');
    await eventually(() => expect(find<HTMLDialogElement>(dialog, 'dialog').open).toBe(true));
    expect(sent.map((r) => r.path)).toContain('/api/templates');

    dialog.dispatchEvent(new DraftCreatedEvent(draft('moi001', 'Dự thảo mới')));

    expect(location.pathname).toBe('/drafts/moi001');
    expect(routes.map((e) => e.route)).toEqual([{ name: 'draft', draftId: 'moi001' }]);
  });

  it('shows commenters the drafts their organisation is invited to comment on, above the drafts', async () => {
    const invited = overview(5, { id: 3, name: UNIT.name }, { mine: invitation(11, 'Chi bộ Văn phòng Sở') });
    api([REVIEW], {}, undefined, () => json(200, { rounds: [invited] }));
    const page = await homePage(sessionAs('commenter'));

    const list = find<VkInvitedRounds>(page, 'vk-invited-rounds');
    expect(list.rounds).toEqual([invited]);
    expect(
      list.compareDocumentPosition(findAll(page, 'h2')[0]!) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(page.shadowRoot?.querySelector('vk-rounds-overview')).toBeNull();
  });

  it('shows drafters every round of their unit, and the bloc office every unit’s, grouped by unit', async () => {
    const rounds = [overview(5, { id: 3, name: UNIT.name })];
    api([ECONOMY], {}, undefined, () => json(200, { rounds }));
    const drafter = await homePage(sessionAs('drafter'));
    expect(find<VkRoundsOverview>(drafter, 'vk-rounds-overview').rounds).toEqual(rounds);
    expect(find<VkRoundsOverview>(drafter, 'vk-rounds-overview').byUnit).toBe(false);
    expect(drafter.shadowRoot?.querySelector('vk-invited-rounds')).toBeNull();
    drafter.remove();

    api([ECONOMY], {}, undefined, () => json(200, { rounds }));
    const bloc: SessionInfo = {
      ...sessionAs('admin'),
      user: {
        ...sessionAs().user,
        org: { id: 1, kind: 'bloc', name: 'Đảng bộ Khối', shortName: 'ĐBK', parentId: null },
      },
      roles: [{ orgId: 1, role: 'admin' }],
    };
    const admin = await homePage(bloc);
    expect(find<VkRoundsOverview>(admin, 'vk-rounds-overview').byUnit).toBe(true);
  });

  it('says so when the rounds cannot be loaded, and still lists the drafts', async () => {
    api([ECONOMY], {}, undefined, () => json(500, { error: { code: 'internal_error', message: 'boom' } }));
    const page = await homePage(sessionAs('drafter'));

    await eventually(() =>
      expect(findAll(page, '[role="alert"]').map(textOf)).toEqual(['Không tải được các đợt lấy ý kiến.']),
    );
    expect(groups(page)).toEqual([['Đang soạn thảo', ['Báo cáo chính trị Đại hội XIV']]]);
  });

  it('links each draft the user may follow to its consultation rounds, but not for commenters', async () => {
    api([ECONOMY, REVIEW, BRANCH]);
    const page = await homePage(sessionAs('drafter'));

    expect(findAll(page, 'a.rounds').map((a) => [a.getAttribute('href'), textOf(a)])).toEqual([
      ['/drafts/kt2026/rounds', 'Các đợt lấy ý kiến →'],
      ['/drafts/cb2025/rounds', 'Các đợt lấy ý kiến →'],
    ]);
  });
});
