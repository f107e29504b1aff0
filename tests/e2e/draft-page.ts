/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, where `window` exists.
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { E2E_CLIENT_DIR, signInAs, type TestPage, type useBrowser } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/test-server.ts';
import type { Testbed } from '../helpers/testbed.ts';
import { api } from '../helpers/http-client.ts';

/** Creates a draft of the political-report outline as the test editor; returns its id. */
export async function createDraft(server: TestServer): Promise<string> {
  const response = await api(server, '/drafts', {
    token: server.workspace.users.editor.token,
    origin: server.browserUrl,
    body: { templateId: 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030', header: { congressOrdinal: 6 } },
  });
  if (response.status !== 201) throw new Error(`draft not created: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

/** Opens the draft page and waits until the live editor is up. */
export async function openDraft(page: Page, draftId: string): Promise<void> {
  await page.goto(`/drafts/${draftId}`);
  await page.waitForFunction(() => (window as unknown as { __vkEditor?: unknown }).__vkEditor !== undefined);
}

/** The editor's plain text (T16: not the DOM's, which holds caret labels). */
export function editorText(page: Page): Promise<string> {
  return page.evaluate(() =>
    (window as unknown as { __vkEditor: { getText(): string } }).__vkEditor.getText(),
  );
}

/** Puts the cursor at the end of the paragraph under a section's heading and focuses the editor. */
export async function focusSection(page: Page, sectionId: string): Promise<void> {
  await page.evaluate((id) => {
    type Node = { type: { name: string }; attrs: Record<string, unknown>; nodeSize: number };
    const editor = (
      window as unknown as {
        __vkEditor: {
          state: { doc: { descendants(f: (n: Node, pos: number) => boolean | void): void } };
          commands: { focus(pos: number): boolean };
        };
      }
    ).__vkEditor;
    let target = -1;
    let afterHeading = false;
    editor.state.doc.descendants((node, pos) => {
      if (target >= 0) return false;
      if (node.type.name === 'heading') afterHeading = node.attrs.sectionId === id;
      else if (afterHeading && node.type.name === 'paragraph') target = pos + node.nodeSize - 1;
      return false;
    });
    if (target < 0) throw new Error(`no paragraph under section ${id}`);
    editor.commands.focus(target);
  }, sectionId);
  // Tiptap focuses the view on the next animation frame; typing before that would go nowhere.
  await page.waitForFunction(
    () => (window as unknown as { __vkEditor: { isFocused: boolean } }).__vkEditor.isFocused,
  );
}

/**
 * A server serving the browser client and a new draft open in two pages: `a` as the editor,
 * `b` as the coeditor (each page at `viewports` or the default 1280×800).
 */
export async function twoDraftersOnNewDraft(
  bed: Testbed,
  browser: ReturnType<typeof useBrowser>,
  viewports: { a?: { width: number; height: number }; b?: { width: number; height: number } } = {},
): Promise<{ server: TestServer; draftId: string; a: TestPage; b: TestPage }> {
  const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
  const draftId = await createDraft(server);
  const [a, b] = [await browser.page(server, viewports.a), await browser.page(server, viewports.b)];
  await signInAs(a.page, server, 'editor');
  await signInAs(b.page, server, 'coeditor');
  await openDraft(a.page, draftId);
  await openDraft(b.page, draftId);
  return { server, draftId, a, b };
}

/**
 * Writes 100 pages into `doc` in one transaction: about 50,000 words in 830 paragraphs of 60;
 * `after(p, fragment)` may add more after paragraph `p` (e.g. a table).
 */
export function writeHundredPages(doc: Y.Doc, after?: (p: number, fragment: Y.XmlFragment) => void): void {
  const words =
    'đảng bộ lãnh đạo thực hiện nghị quyết nhiệm kỳ phát triển kinh tế xã hội chỉ tiêu đạt vượt kế hoạch'.split(
      ' ',
    );
  doc.transact(() => {
    const fragment = doc.getXmlFragment('content');
    for (let p = 0; p < 830; p++) {
      const paragraph = new Y.XmlElement('paragraph');
      const text = Array.from({ length: 60 }, (_, i) => words[(p * 7 + i) % words.length]).join(' ');
      paragraph.insert(0, [new Y.XmlText(`${text}.`)]);
      fragment.insert(fragment.length, [paragraph]);
      after?.(p, fragment);
    }
  });
}
