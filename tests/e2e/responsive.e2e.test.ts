/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, where `window` exists.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { E2E_CLIENT_DIR, screenshot, signInAs, useBrowser } from '../helpers/browser.ts';
import { api } from '../helpers/http-client.ts';
import type { TestServer } from '../helpers/test-server.ts';
import { useTestbed } from '../helpers/testbed.ts';
import { waitForAsync } from '../helpers/wait.ts';
import type { Persona } from '../helpers/workspace.ts';
import { writeInSection } from '../server/drafts/draft-text-helpers.ts';
import { dragOver } from './consultation-setup.ts';
import { createDraft } from './draft-page.ts';

const bed = useTestbed();
const browser = useBrowser();

const WIDTHS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
] as const;

/** A draft with text, frozen, out for comments to both branches, with one comment on it. */
async function consultation(server: TestServer) {
  const { users, orgs } = server.workspace;
  const draftId = await createDraft(server);
  const writer = bed.connect(draftId);
  await writer.synced();
  writeInSection(
    writer.doc,
    'p1-chi-tieu',
    'Tổng thu ngân sách đạt 105% kế hoạch. Thu hút đầu tư tăng mạnh.',
  );
  const call = (as: Persona, path: string, body: unknown) =>
    api(server, `/drafts/${draftId}${path}`, { token: users[as].token, origin: server.browserUrl, body });
  await waitForAsync(async () => {
    const progress = await api(server, `/drafts/${draftId}/progress`, { token: users.editor.token });
    const { sections } = (await progress.json()) as { sections: { id: string; words: number }[] };
    return (sections.find((s) => s.id === 'p1-chi-tieu')?.words ?? 0) > 0;
  }, 'the text on the server');
  expect((await call('editor', '/versions', { note: 'Gửi lấy ý kiến' })).status).toBe(201);
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const opened = await call('editor', '/rounds', {
    version: 1,
    title: 'Lấy ý kiến Dự thảo lần 1',
    deadline,
    orgIds: [orgs.branch, orgs.branch2],
  });
  expect(opened.status).toBe(201);
  const roundId = ((await opened.json()) as { round: { id: number } }).round.id;
  const comment = await call('commenter', '/comments', {
    kind: 'comment',
    body: 'Đề nghị nêu rõ số liệu thu ngân sách của từng năm trong nhiệm kỳ.',
    sectionId: 'p1-chi-tieu',
  });
  expect(comment.status).toBe(201);
  return { draftId, roundId };
}

/** Waits until the draft page's editor is up and its text laid out. */
async function draftReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __vkEditor?: unknown }).__vkEditor !== undefined);
  await page.locator('.ProseMirror', { hasText: 'Tổng thu ngân sách' }).waitFor();
}

/** How far the page is wider than the window (0 when nothing scrolls sideways). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The innermost elements (through shadow roots) that reach past the window's right edge, to name in a failure. */
function widestElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const box = el.getBoundingClientRect();
        const inside = Array.from(el.children).some(
          (c) => c.getBoundingClientRect().right > window.innerWidth,
        );
        if (box.right > window.innerWidth + 0.5 && !inside)
          found.push(
            `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ends at ${Math.round(box.right)}`,
          );
        if (el.shadowRoot !== null) walk(el.shadowRoot);
      }
    };
    walk(document);
    return found.slice(0, 8);
  });
}

describe('every page on phones, tablets and desktops', () => {
  // One test per width: together they outlast one test's time limit on a loaded machine.
  it.each(WIDTHS)('no page scrolls sideways at $width px, for any role', async (viewport) => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const { draftId, roundId } = await consultation(server);
    const visits: { as: Persona | null; name: string; path: string; ready: (page: Page) => Promise<void> }[] =
      [
        {
          as: null,
          name: 'sign-in',
          path: '/',
          ready: (p) => p.getByRole('heading', { name: 'Đăng nhập' }).waitFor(),
        },
        ...(['editor', 'commenter', 'reader', 'secretary'] as const).flatMap((as) => [
          {
            as,
            name: `home-${as}`,
            path: '/',
            ready: (p: Page) =>
              p
                .getByRole('link', { name: /BÁO CÁO CHÍNH TRỊ/ })
                .first()
                .waitFor(),
          },
          { as, name: `draft-${as}`, path: `/drafts/${draftId}`, ready: draftReady },
        ]),
        {
          as: 'editor',
          name: 'draft-versions',
          path: `/drafts/${draftId}/versions`,
          ready: async (p) => {
            await draftReady(p);
            await p.locator('vk-versions-panel').getByText('Gửi lấy ý kiến').waitFor();
          },
        },
        {
          as: 'secretary',
          name: 'draft-header',
          path: `/drafts/${draftId}/header`,
          ready: async (p) => {
            await draftReady(p);
            await p.locator('vk-header-form').getByLabel('Cơ quan ban hành').waitFor();
          },
        },
        {
          as: 'editor',
          name: 'rounds',
          path: `/drafts/${draftId}/rounds`,
          ready: (p) => p.getByRole('heading', { name: 'Các đợt lấy ý kiến' }).first().waitFor(),
        },
        {
          as: 'editor',
          name: 'round',
          path: `/drafts/${draftId}/rounds/${roundId}`,
          ready: (p) => p.getByRole('heading', { name: 'Lấy ý kiến Dự thảo lần 1' }).waitFor(),
        },
        {
          as: 'editor',
          name: 'revision-log',
          path: `/drafts/${draftId}/rounds/${roundId}/log`,
          ready: (p) =>
            p.getByRole('heading', { name: 'Bảng tổng hợp, tiếp thu, giải trình ý kiến góp ý' }).waitFor(),
        },
        {
          as: 'commenter',
          name: 'answers',
          path: `/drafts/${draftId}/answers`,
          ready: (p) => p.getByText('Đề nghị nêu rõ số liệu').first().waitFor(),
        },
        {
          as: 'reader',
          name: 'admin',
          path: '/admin',
          ready: (p) => p.getByRole('heading', { name: 'Người dùng và vai trò' }).waitFor(),
        },
        {
          as: 'secretary',
          name: 'admin-secretary',
          path: '/admin',
          ready: (p) => p.getByRole('heading', { name: 'Quản trị' }).waitFor(),
        },
      ];
    const overflowing: string[] = [];
    const pages = new Map<Persona | null, { page: Page; errors: string[] }>();
    for (const visit of visits) {
      let open = pages.get(visit.as);
      if (open === undefined) {
        open = await browser.page(server, viewport);
        if (visit.as !== null) await signInAs(open.page, server, visit.as);
        pages.set(visit.as, open);
      }
      const { page } = open;
      await page.goto(visit.path);
      await visit.ready(page);
      await screenshot(page, `responsive-${visit.name}-${viewport.width}`);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0)
        overflowing.push(
          `${visit.name} at ${viewport.width} px: ${overflow} px too wide (${(await widestElements(page)).join(', ')})`,
        );
    }
    for (const { errors } of pages.values()) expect(errors, errors.join('\n')).toEqual([]);
    expect(overflowing).toEqual([]);
  });
});

describe('the draft page on a phone', () => {
  it('signs out through the account menu, opens the comments drawer within the screen, and quotes whole words', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const { draftId } = await consultation(server);
    const { page, errors } = await browser.page(server, { width: 390, height: 844 });
    await signInAs(page, server, 'commenter');
    await page.goto(`/drafts/${draftId}`);
    await draftReady(page);

    // The comments tab is in sight and nothing lies over it (the presence avatars once did).
    const tab = page.locator('vk-editor-layout').getByRole('button', { name: 'Góp ý (1)' });
    const box = (await tab.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const onTop = await page.evaluate(
      ({ x, y }) => {
        let el: Element | null = document.elementFromPoint(x, y);
        while (el?.shadowRoot?.elementFromPoint(x, y) && el.shadowRoot.elementFromPoint(x, y) !== el)
          el = el.shadowRoot.elementFromPoint(x, y);
        return el?.textContent?.trim() ?? '';
      },
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(onTop).toBe('Góp ý (1)');

    // A drag that starts and ends inside words quotes the whole words.
    await dragOver(page, 'Thu hút đầu tư', { start: 2, end: 'Thu hút đầu t'.length });
    await page.getByRole('button', { name: 'Góp ý', exact: true }).click();
    const drawer = page.locator('vk-editor-layout aside#aside');
    await page.locator('vk-comment-composer', { hasText: 'Thu hút đầu tư' }).waitFor();
    expect(await page.locator('vk-comment-composer').textContent()).not.toContain('“u hút');
    const drawerBox = (await drawer.boundingBox())!;
    expect(drawerBox.x).toBeGreaterThanOrEqual(0);
    expect(drawerBox.x + drawerBox.width).toBeLessThanOrEqual(390);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-comment-composer-390');
    await page.keyboard.type('Cần nêu số vốn đầu tư.');
    await page.keyboard.press('Control+Enter');
    await page.locator('.comment-highlight', { hasText: 'Thu hút đầu tư' }).waitFor();
    expect(await page.locator('.comment-highlight').first().textContent()).toBe('Thu hút đầu tư');

    // Sign out through the menu.
    // The drawer lies over the page; closed, the account menu is in reach.
    await drawer.getByRole('button', { name: 'Đóng' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Tài khoản' }).click();
    await screenshot(page, 'phone-account-menu-390');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('the side panel keeps its tab through a full-page screenshot and a resize across the breakpoint', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const { draftId } = await consultation(server);
    const { page, errors } = await browser.page(server, { width: 1440, height: 900 });
    await signInAs(page, server, 'secretary');
    await page.goto(`/drafts/${draftId}/header`);
    await draftReady(page);
    const form = page.locator('vk-header-form');
    await form.getByLabel('Cơ quan ban hành').waitFor();
    await screenshot(page, 'panel-header-1440');
    expect(await form.isVisible()).toBe(true);
    // Narrower than the docked panel needs: it closes; wide again: the same tab comes back.
    await page.setViewportSize({ width: 1000, height: 900 });
    await form.waitFor({ state: 'hidden' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await form.getByLabel('Cơ quan ban hành').waitFor();
    expect(page.url()).toContain('/header');
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
