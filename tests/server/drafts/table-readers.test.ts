import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { consultation, findText, rangeOf } from '../comments/consultation.ts';
import { docxPart, fetchExport, textOf } from '../export/export-helpers.ts';
import { insertTableInSection, RESULTS_TABLE } from './table-helpers.ts';

const bed = useTestbed();
const TEMPLATE = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';

/** Words of RESULTS_TABLE's cells, as progress counts them (runs of non-space characters). */
const TABLE_WORDS = RESULTS_TABLE.flat()
  .map((c) => (typeof c === 'string' ? c : c.text))
  .join(' ')
  .split(/\s+/).length;

type Diff = {
  sections: {
    sectionId: string;
    status: string;
    parts: { value: string; added: boolean; removed: boolean }[];
  }[];
};

/** Replaces `from` with `to` inside the Yjs text that holds it (a cell's paragraph, here). */
function rewrite(doc: Y.Doc, from: string, to: string): void {
  const { text, index } = findText(doc, from);
  doc.transact(() => {
    text.delete(index, from.length);
    text.insert(index, to);
  });
}

describe('the server readers count the text in tables', () => {
  it('progress counts a table under a section as that section’s words, and a version diff shows a change inside a cell', async () => {
    const server = await bed.start();
    const token = server.workspace.users.editor.token;
    const created = await api(server, '/drafts', { token, body: { templateId: TEMPLATE } });
    const { id } = (await created.json()) as { id: string };
    const call = (path: string, options: { body?: unknown } = {}) =>
      api(server, `/drafts/${id}${path}`, { token, ...options });
    const writer = bed.connect(id);
    await writer.synced();
    insertTableInSection(writer.doc, 'p1-chi-tieu', RESULTS_TABLE);
    await writer.flushed();
    const { sections } = (await (await call('/progress')).json()) as {
      sections: { id: string; words: number }[];
    };
    expect(sections.find((s) => s.id === 'p1-chi-tieu')?.words).toBe(TABLE_WORDS);

    expect((await call('/versions', { body: { note: 'Có bảng' } })).status).toBe(201);
    rewrite(writer.doc, '105 tỷ đồng', '110 tỷ đồng');
    await writer.flushed();
    expect((await call('/versions', { body: { note: 'Sửa bảng' } })).status).toBe(201);
    const diff = (await (await call('/versions/diff?from=1&to=2')).json()) as Diff;
    const section = diff.sections.find((s) => s.sectionId === 'p1-chi-tieu')!;
    expect(section.status).toBe('changed');
    expect(
      section.parts
        .filter((p) => p.removed)
        .map((p) => p.value)
        .join(''),
    ).toContain('105');
    expect(
      section.parts
        .filter((p) => p.added)
        .map((p) => p.value)
        .join(''),
    ).toContain('110');
    expect(diff.sections.filter((s) => s.status !== 'unchanged').map((s) => s.sectionId)).toEqual([
      'p1-chi-tieu',
    ]);
  });

  it('a comment anchors in a table cell, follows edits of the cell and becomes a Word comment inside the table', async () => {
    // The table is in the version sent out: organisations comment on that.
    const c = await consultation(bed, {
      write: (doc) => insertTableInSection(doc, 'p1-chi-tieu', RESULTS_TABLE),
    });
    const quote = 'Kết nạp đảng viên mới';
    const made = await c.call<{ id: number; anchor: { quote: string; sectionId: string | null } }>(
      'commenter',
      '/comments',
      { body: { kind: 'comment', body: 'Nêu rõ số lượng từng chi bộ.', ...rangeOf(c.writer.doc, quote) } },
    );
    expect(made.status).toBe(201);
    expect(made.body.anchor).toMatchObject({ quote, sectionId: 'p1-chi-tieu' });

    // Text typed before the quote in the same cell: the comment keeps its words.
    const { text, index } = findText(c.writer.doc, quote);
    text.insert(index, 'Số ');
    await c.writer.flushed();
    const { comments } = (
      await c.call<{ comments: { id: number; orphaned: boolean; nowReads: string | null }[] }>(
        'editor',
        '/comments',
      )
    ).body;
    expect(comments.find((x) => x.id === made.body.id)).toMatchObject({ orphaned: false, nowReads: null });

    const response = await fetchExport(c.server, c.draftId, `format=docx&comments=${c.roundId}`);
    const xml = docxPart(new Uint8Array(await response.arrayBuffer()));
    const table = (xml.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? []).find((t) => textOf(t).includes(quote))!;
    const between = table.slice(table.indexOf('<w:commentRangeStart'), table.indexOf('<w:commentRangeEnd'));
    expect(textOf(between)).toBe(quote);
  });
});
