/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, where `window` exists.
import type { Page } from 'playwright-core';
import type { TestServer } from '../helpers/test-server.ts';
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
