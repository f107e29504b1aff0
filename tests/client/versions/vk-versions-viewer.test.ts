import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { z } from 'zod';
import type { VersionDetail } from '../../../shared/api/versions.ts';
import '../../../client/versions/vk-versions-viewer.ts';
import { formatWhen } from '../../../client/app/format-when.ts';
import { deferred, eventually, find, findAll, json, mount, stubFetch, textOf } from '../fixture.ts';

const text = (heading: string, paragraph: string): JSONContent => ({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: heading }] },
    { type: 'paragraph', content: [{ type: 'text', text: paragraph }] },
  ],
});

const detail = (number: number, more: Partial<z.infer<typeof VersionDetail>> = {}) => ({
  number,
  label: `Dự thảo lần ${number}`,
  note: '',
  createdBy: 7,
  createdByName: 'Nguyễn Văn An',
  createdAt: '2026-03-02T08:00:00.000Z',
  content: text('I. Về phát triển kinh tế', `Tốc độ tăng trưởng của lần ${number}.`),
  ...more,
});

async function viewer() {
  const element = await mount('vk-versions-viewer');
  return {
    element,
    dialog: find<HTMLDialogElement>(element, 'dialog'),
    title: () => textOf(find(element, '#viewer-title')),
    sheet: () => find(element, '.sheet'),
    prose: () => findAll(element, '.mount .ProseMirror'),
  };
}

describe('vk-versions-viewer', () => {
  it('opens a modal dialog on the version asked for, titled with its label, time and note', async () => {
    const sent = stubFetch((r) =>
      r.path === '/api/drafts/d1/versions/2'
        ? json(200, detail(2, { note: 'Đã tiếp thu ý kiến' }))
        : undefined,
    );
    const { element, dialog, title } = await viewer();

    await element.show('d1', 2);
    await element.updateComplete;

    expect(dialog.matches(':modal')).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBe('viewer-title');
    expect(title()).toBe('Dự thảo lần 2');
    expect(textOf(find(element, 'header .grow p'))).toBe(
      `${formatWhen('2026-03-02T08:00:00.000Z')} — Đã tiếp thu ý kiến`,
    );
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/drafts/d1/versions/2']);
  });

  it('shows the frozen text read-only, named after the version', async () => {
    stubFetch(() => json(200, detail(2)));
    const { element, prose } = await viewer();

    await element.show('d1', 2);

    const [editor] = prose();
    expect(findAll(element, '.mount .ProseMirror')).toHaveLength(1);
    expect(editor?.getAttribute('contenteditable')).toBe('false');
    expect(editor?.getAttribute('aria-readonly')).toBe('true');
    expect(editor?.getAttribute('aria-label')).toBe('Dự thảo lần 2');
    expect([...(editor?.children ?? [])].map((e) => [e.localName, textOf(e)])).toEqual([
      ['h2', 'I. Về phát triển kinh tế'],
      ['p', 'Tốc độ tăng trưởng của lần 2.'],
    ]);
  });

  it('says it is loading, with no text, until the version arrives', async () => {
    const answer = deferred<Response>();
    stubFetch(() => answer.promise);
    const { element, title, sheet } = await viewer();

    const shown = element.show('d1', 2);
    await element.updateComplete;
    expect(title()).toBe('Đang tải…');
    expect(sheet().hidden).toBe(true);

    answer.resolve(json(200, detail(2)));
    await shown;
    expect(title()).toBe('Dự thảo lần 2');
    expect(sheet().hidden).toBe(false);
  });

  it('shows why the version could not be loaded', async () => {
    stubFetch(() => json(404, { error: { code: 'version_not_found', message: 'no version 9' } }));
    const { element, sheet, prose } = await viewer();

    await element.show('d1', 9);
    await element.updateComplete;

    expect(textOf(find(element, '[role="alert"]'))).toBe('Không tìm thấy lần dự thảo này.');
    expect(textOf(find(element, '#viewer-title'))).toBe('Không mở được lần dự thảo này');
    expect(sheet().hidden).toBe(true);
    expect(prose()).toEqual([]);
  });

  it('replaces the text when another version is opened, keeping one editor', async () => {
    stubFetch((r) => json(200, detail(Number(r.path.split('/').at(-1)))));
    const { element, prose, title } = await viewer();

    await element.show('d1', 1);
    await element.show('d1', 3);

    expect(title()).toBe('Dự thảo lần 3');
    expect(prose()).toHaveLength(1);
    expect(textOf(prose()[0]?.querySelector('p'))).toBe('Tốc độ tăng trưởng của lần 3.');
  });

  it('never lets a slow earlier version replace the one asked for last', async () => {
    const slow = deferred<Response>();
    stubFetch((r) => (r.path.endsWith('/1') ? slow.promise : json(200, detail(3))));
    const { element, prose, title } = await viewer();

    const first = element.show('d1', 1);
    await element.show('d1', 3);
    slow.resolve(json(200, detail(1)));
    await first;
    await element.updateComplete;

    expect(title()).toBe('Dự thảo lần 3');
    expect(prose()).toHaveLength(1);
    expect(textOf(prose()[0]?.querySelector('p'))).toBe('Tốc độ tăng trưởng của lần 3.');
  });

  it('closes with its close button and lets go of the text', async () => {
    stubFetch(() => json(200, detail(2)));
    const { element, dialog, prose } = await viewer();
    await element.show('d1', 2);

    await userEvent.click(find(element, 'header button'));

    await eventually(() => expect(dialog.open).toBe(false));
    expect(textOf(find(element, 'header button'))).toBe('Đóng');
    expect(prose()).toEqual([]);
  });
});
