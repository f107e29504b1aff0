import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { waitForAsync } from '../../helpers/wait.ts';
import { headingIndex } from '../drafts/draft-text-helpers.ts';

const bed = useTestbed();
const TEMPLATE = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';
const SECTION = 'p1-chi-tieu';
const AN = { id: 's-1', authorId: '7', authorName: 'Nguyễn Văn An', createdAt: '2026-12-09T08:00:00.000Z' };

type Diff = {
  sections: { sectionId: string; parts: { value: string; added: boolean; removed: boolean }[] }[];
};

function sectionText(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment(CONTENT_FRAGMENT).get(headingIndex(doc, SECTION) + 1) as Y.XmlElement;
  if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
  return paragraph.get(0) as Y.XmlText;
}

describe('proposals through versions, diffs and progress', () => {
  it('a frozen version keeps the pending proposal; once accepted, the diff shows an ordinary edit', async () => {
    const server = await bed.start();
    const token = server.workspace.users.editor.token;
    const created = await api(server, '/drafts', { token, body: { templateId: TEMPLATE } });
    const { id } = (await created.json()) as { id: string };
    const call = (path: string, body?: unknown) => api(server, `/drafts/${id}${path}`, { token, body });
    const pending = async () =>
      ((await (await call('/export/check')).json()) as { pendingSuggestions: number }).pendingSuggestions;
    const writer = bed.connect(id);
    await writer.synced();
    writer.doc.transact(() => {
      const text = sectionText(writer.doc);
      text.insert(0, 'Nhiệm kỳ ', {});
      text.insert(text.length, 'vừa qua', { suggestionDelete: AN });
      text.insert(text.length, 'sắp tới', { suggestionInsert: AN });
      text.insert(text.length, ' của Đảng bộ.', {});
    });
    await waitForAsync(async () => (await pending()) === 1, 'the proposal on the server');
    expect((await call('/versions', { note: 'Có đề xuất' })).status).toBe(201);
    const v1 = JSON.stringify(((await (await call('/versions/1')).json()) as { content: unknown }).content);
    expect(v1).toContain('"suggestionInsert"');
    expect(v1).toContain('"authorName":"Nguyễn Văn An"');
    const progress = await call('/progress');
    expect(progress.status).toBe(200);

    // Accepted as the editor does it: the insertion loses its mark, the struck words go.
    writer.doc.transact(() => {
      const text = sectionText(writer.doc);
      const start = 'Nhiệm kỳ '.length;
      text.format(start + 'vừa qua'.length, 'sắp tới'.length, { suggestionInsert: null });
      text.delete(start, 'vừa qua'.length);
    });
    await waitForAsync(async () => (await pending()) === 0, 'the acceptance on the server');
    expect((await call('/versions', { note: 'Đã duyệt' })).status).toBe(201);
    const diff = (await (await call('/versions/diff?from=1&to=2')).json()) as Diff;
    const parts = diff.sections.find((s) => s.sectionId === SECTION)!.parts;
    // The diff reads a version's text whole: the pending proposal's words both, then the result.
    const before = parts
      .filter((p) => !p.added)
      .map((p) => p.value)
      .join('');
    const after = parts
      .filter((p) => !p.removed)
      .map((p) => p.value)
      .join('');
    expect(before).toBe('Nhiệm kỳ vừa quasắp tới của Đảng bộ.');
    expect(after).toBe('Nhiệm kỳ sắp tới của Đảng bộ.');
  });
});
