import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { useTestbed } from '../../helpers/testbed.ts';
import { insertTableInSection, RESULTS_TABLE, type CellSpec } from '../drafts/table-helpers.ts';
import { docxPart, exportDraft, fetchExport, textOf } from './export-helpers.ts';

const bed = useTestbed();
const ARTIFACT_DIR = path.resolve('dist/e2e-screenshots');

/** A table long enough to run over a page: the header row and 60 numbered rows. */
function longTable(): (string | CellSpec)[][] {
  return [
    [
      { text: 'STT', header: true },
      { text: 'Tên chi bộ', header: true },
      { text: 'Số đảng viên', header: true },
    ],
    ...Array.from({ length: 60 }, (_, i) => [String(i + 1), `Chi bộ số ${i + 1}`, String(20 + i)]),
  ];
}

describe('tables in every export, in the Party format', () => {
  it('DOCX: ruled Times New Roman table, header row repeated on each page, merged cells kept', async () => {
    const { server, id, writer } = await exportDraft(bed);
    insertTableInSection(writer.doc, 'p1-chi-tieu', RESULTS_TABLE);
    await writer.flushed();
    const response = await fetchExport(server, id, 'format=docx');
    expect(response.status).toBe(200);
    const file = new Uint8Array(await response.arrayBuffer());
    const xml = docxPart(file);
    const tables = xml.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];
    const table = tables.find((t) => textOf(t).includes('Chỉ tiêu'))!;
    expect(table).toBeDefined();
    // 0.5 pt single black rules on every edge, the text width in three equal columns.
    for (const edge of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'])
      expect(table).toMatch(new RegExp(`<w:${edge} w:val="single" w:color="000000" w:sz="4"/>`));
    expect(table.match(/<w:gridCol /g)).toHaveLength(3);
    const rows = table.match(/<w:tr>.*?<\/w:tr>|<w:tr [^>]*>.*?<\/w:tr>/gs)!;
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    // Header cells bold and centred; every run in Times New Roman at body size.
    expect(rows[0]).toMatch(/<w:jc w:val="center"\/>.*<w:b\/>.*Chỉ tiêu/s);
    expect(table).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    // The merged cells: a row span (restart, then continue below) and a column span of 3.
    expect(rows[2]).toContain('<w:vMerge w:val="restart"/>');
    expect(rows[3]).toContain('<w:vMerge w:val="continue"/>');
    expect(rows[4]).toContain('<w:gridSpan w:val="3"/>');
    expect(rows[1]).toMatch(/<w:jc w:val="right"\/>.*105 tỷ đồng/s);
    // Word's reader sees the same table.
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(file) })).value;
    expect(html).toMatch(/<table>.*Chỉ tiêu.*Thu ngân sách.*105 tỷ đồng.*Kết nạp đảng viên mới.*Tổng hợp/s);
  });

  it('PDF: the table with its rules, and the header row again at the top of the next page', async () => {
    const { server, id, writer } = await exportDraft(bed);
    insertTableInSection(writer.doc, 'p1-chi-tieu', longTable());
    await writer.flushed();
    const response = await fetchExport(server, id, 'format=pdf');
    expect(response.status).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-table-'));
    const file = path.join(dir, 'table.pdf');
    fs.writeFileSync(file, new Uint8Array(await response.arrayBuffer()));
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
    const first = pages.findIndex((p) => p.includes('Chi bộ số 1 '));
    const last = pages.findIndex((p) => p.includes('Chi bộ số 60'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(last).toBeGreaterThan(first);
    for (let page = first; page <= last; page++)
      expect(pages[page], `page ${page + 1}`).toMatch(/STT\s+Tên chi bộ\s+Số đảng viên/);
    fs.mkdirSync(ARTIFACT_DIR, { recursive: true });
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-png',
      '-f',
      String(last + 1),
      '-l',
      String(last + 1),
      file,
      path.join(ARTIFACT_DIR, 'export-table-pdf'),
    ]);
  });

  it('Markdown and HTML: the table with its header row and merged cells', async () => {
    const { server, id, writer } = await exportDraft(bed);
    insertTableInSection(writer.doc, 'p1-chi-tieu', RESULTS_TABLE);
    await writer.flushed();
    const md = await (await fetchExport(server, id, 'format=md')).text();
    expect(md).toContain(
      [
        '| Chỉ tiêu | Kế hoạch | Thực hiện |',
        '| --- | --- | --- |',
        '| Thu ngân sách | 100 tỷ đồng | 105 tỷ đồng |',
        '| Kết nạp đảng viên mới | 40 | 52 |',
        '|   | Tỷ lệ | Vượt 30% |',
        '| Tổng hợp: đạt và vượt 12/14 chỉ tiêu |   |   |',
      ].join('\n'),
    );
    const html = await (await fetchExport(server, id, 'format=html')).text();
    expect(html).toContain(
      '<thead><tr><th><p>Chỉ tiêu</p></th><th><p>Kế hoạch</p></th><th><p>Thực hiện</p></th></tr></thead>',
    );
    expect(html).toContain('<td rowspan="2"><p>Kết nạp đảng viên mới</p></td>');
    expect(html).toContain('<td colspan="3"><p>Tổng hợp: đạt và vượt 12/14 chỉ tiêu</p></td>');
    expect(html).toContain('<td style="text-align:right"><p>105 tỷ đồng</p></td>');
    expect(html).toMatch(/table\.doc th, table\.doc td \{ border: 0\.5pt solid #000;/);
  });
});
