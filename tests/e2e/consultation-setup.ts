/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, where `window` exists.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { E2E_CLIENT_DIR } from '../helpers/browser.ts';
import type { CollabClient } from '../helpers/collab-client.ts';
import { api } from '../helpers/http-client.ts';
import type { Testbed } from '../helpers/testbed.ts';
import type { TestServer } from '../helpers/test-server.ts';
import type { Workspace } from '../helpers/workspace.ts';
import { writeInSection } from '../server/drafts/draft-text-helpers.ts';
import { createDraft } from './draft-page.ts';

/** The sentence the consultation tests write in the first section and then comment on. */
export const TARGETS = 'Tổng thu ngân sách đạt 105% kế hoạch. Thu hút đầu tư tăng mạnh.';

/** The round a consultation opens on Dự thảo lần 1. */
export interface RoundSpec {
  readonly title: string;
  readonly orgIds: (orgs: Workspace['orgs']) => number[];
  /** Left out of the request unless given (the server's default applies). */
  readonly allowCompare?: boolean;
}

/**
 * A server serving the browser client, with a draft holding {@link TARGETS} in its first
 * section, frozen as Dự thảo lần 1 and out for comments in `round` (deadline in a week).
 * The writer that typed the text stays connected (the testbed closes it after the test).
 */
export async function draftOutForComments(
  bed: Testbed,
  round: RoundSpec,
): Promise<{ server: TestServer; draftId: string; writer: CollabClient }> {
  const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
  const { users, orgs } = server.workspace;
  const draftId = await createDraft(server);
  const writer = bed.connect(draftId);
  await writer.synced();
  writeInSection(writer.doc, 'p1-chi-tieu', TARGETS);
  const call = (path: string, body: unknown) =>
    api(server, `/drafts/${draftId}${path}`, { token: users.editor.token, origin: server.browserUrl, body });
  // The first freeze would succeed on the bare outline: wait until the server has stored the text.
  await writer.flushed();
  expect((await call('/versions', { note: 'Gửi lấy ý kiến' })).status).toBe(201);
  const opened = await call('/rounds', {
    version: 1,
    title: round.title,
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    orgIds: round.orgIds(orgs),
    ...(round.allowCompare === undefined ? {} : { allowCompare: round.allowCompare }),
  });
  expect(opened.status).toBe(201);
  return { server, draftId, writer };
}

/**
 * Drags the mouse over `text` in the editor, as a reader selects it; `span` (offsets within
 * `text`) starts and ends the drag inside it instead, e.g. in the middle of words.
 */
export async function dragOver(
  page: Page,
  text: string,
  span: { start: number; end: number } = { start: 0, end: text.length },
): Promise<void> {
  const box = await page.evaluate(
    ({ quote, start, end }) => {
      type View = {
        state: {
          doc: { descendants(f: (n: { isText: boolean; text?: string }, pos: number) => boolean): void };
        };
        view: { coordsAtPos(pos: number): { left: number; top: number; bottom: number } };
      };
      const editor = (window as unknown as { __vkEditor: View }).__vkEditor;
      let from = -1;
      editor.state.doc.descendants((node, pos) => {
        const at = node.isText ? (node.text ?? '').indexOf(quote) : -1;
        if (from < 0 && at >= 0) from = pos + at;
        return from < 0;
      });
      const a = editor.view.coordsAtPos(from + start);
      const b = editor.view.coordsAtPos(from + end);
      return { x1: a.left + 1, y1: (a.top + a.bottom) / 2, x2: b.left - 1, y2: (b.top + b.bottom) / 2 };
    },
    { quote: text, ...span },
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}
