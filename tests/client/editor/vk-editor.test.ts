import { describe, expect, it, onTestFinished } from 'vitest';
import type { Editor } from '@tiptap/core';
import { userEvent } from 'vitest/browser';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import '../../../client/editor/vk-editor.ts';
import { draftToJSON, draftUpdateFromJSON } from '../../../shared/editor/draft-json.ts';
import { captureEvents, eventually, mount } from '../fixture.ts';

const USER = { id: 7, name: 'Phạm Thị Phương', color: '#1565c0' };

/** A draft's text as the server seeds it: two sections, the first with a paragraph. */
function seededDoc(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(
    doc,
    draftUpdateFromJSON({
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2, sectionId: 's1' },
          content: [{ type: 'text', text: 'I. Kinh tế' }],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'Tăng trưởng khá.' }] },
        {
          type: 'heading',
          attrs: { level: 2, sectionId: 's2' },
          content: [{ type: 'text', text: 'II. Xây dựng Đảng' }],
        },
        { type: 'paragraph' },
      ],
    }),
  );
  return doc;
}

/** The stock provider on that document, never connected (the element only needs its awareness). */
function offlineProvider(doc: Y.Doc): WebsocketProvider {
  const provider = new WebsocketProvider('ws://127.0.0.1:9', 'd1', doc, { connect: false });
  onTestFinished(() => provider.destroy());
  return provider;
}

async function editorOf(readOnly = false) {
  const ydoc = seededDoc();
  const e = await mount('vk-editor', { ydoc, provider: offlineProvider(ydoc), user: USER, readOnly });
  await eventually(() => expect(e.editor).not.toBeNull());
  return { e, ydoc, editor: e.editor! };
}

describe('vk-editor', () => {
  it('shows the shared text with its toolbar, and bold from the toolbar reaches the Yjs document', async () => {
    const { e, ydoc, editor } = await editorOf();
    expect(e.shadowRoot?.querySelector('vk-editor-toolbar')).not.toBeNull();
    expect(editor.getText()).toContain('Tăng trưởng khá.');

    editor.commands.setTextSelection({ from: 13, to: 22 });
    editor.commands.toggleBold();
    await eventually(() => expect(JSON.stringify(draftToJSON(ydoc))).toContain('"bold"'));
  });

  it('a read-only text has no toolbar and refuses typing', async () => {
    const { e, ydoc, editor } = await editorOf(true);
    expect(e.shadowRoot?.querySelector('vk-editor-toolbar')).toBeNull();
    expect(editor.isEditable).toBe(false);
    const before = Y.encodeStateAsUpdate(ydoc).byteLength;
    await userEvent.click(e.shadowRoot!.querySelector('.ProseMirror')!);
    await userEvent.keyboard('xyz');
    expect(Y.encodeStateAsUpdate(ydoc).byteLength).toBe(before);
  });

  it('tells which section the cursor is in, and goes to a section on request', async () => {
    const changed = captureEvents('vk-section-changed');
    const { e } = await editorOf();

    expect(e.goToSection('s2')).toBe(true);
    await eventually(() => expect(changed.at(-1)?.sectionId).toBe('s2'));
    expect(e.goToSection('no-such-section')).toBe(false);
  });

  it('announces its editor when ready, and none once removed from the page', async () => {
    const ready = captureEvents('vk-editor-ready');
    const { e, editor } = await editorOf();
    await eventually(() => expect(ready.at(-1)?.editor).toBe(editor));
    // Once detached, its events no longer reach the document: listen on the element itself.
    const after: (Editor | null)[] = [];
    e.addEventListener('vk-editor-ready', (event) => after.push(event.editor));

    e.remove();
    expect(after).toEqual([null]);
    expect(editor.isDestroyed).toBe(true);
  });
});
