import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { consultation, rangeOf, TARGETS } from '../comments/consultation.ts';
import {
  docxPart,
  exportDraft,
  fetchExport,
  paragraphsWith,
  textOf,
  VIETNAMESE,
  writeRuns,
} from './export-helpers.ts';

const bed = useTestbed();

/** The `<w:rPr>` of the first run holding `text`. */
function runProps(xml: string, text: string): string {
  const at = xml.indexOf(`>${text}`);
  const start = xml.lastIndexOf('<w:rPr>', at);
  return xml.slice(start, xml.indexOf('</w:rPr>', start));
}

describe('DOCX export in the 36-HD/VPTW layout', () => {
  it('a working copy has A4, the margins, Times New Roman, the header table, numbering from page 2 and the draft mark', async () => {
    const { server, id, writer } = await exportDraft(bed);
    writeRuns(writer.doc, 'p1-chi-tieu', [
      { text: VIETNAMESE },
      { text: ' Kết quả nổi bật.', bold: true },
      { text: ' Ước thực hiện.', italic: true },
    ]);
    await writer.flushed();
    const response = await fetchExport(server, id, 'format=docx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    const disposition = response.headers.get('content-disposition') ?? '';
    // Short, ASCII, and says what it is: the report, the congress, the unit, its number, a working copy.
    expect(disposition).toContain('filename="BCCT-DHDB-So-TN-lan-V-du-thao.docx"');
    const file = new Uint8Array(await response.arrayBuffer());
    const xml = docxPart(file);

    // A4 in exact twips; margins 20/20/30/15 mm; page number 10 mm from the top.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567"/);
    // Times New Roman 14 pt (28 half-points) is every run's default.
    const styles = docxPart(file, 'word/styles.xml');
    expect(styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*\/><w:sz w:val="28"\/>/,
    );

    // The header: a borderless table; issuer left, Party title right with its rule.
    const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    expect(table).toMatch(/<w:tblBorders><w:top w:val="none"/);
    expect(textOf(table)).toContain('ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH');
    expect(runProps(table, 'ĐẢNG BỘ KHỐI')).toMatch(/<w:b w:val="false"\/>.*<w:sz w:val="28"\/>/);
    expect(runProps(table, 'ĐẢNG BỘ SỞ TÀI NGUYÊN')).toMatch(/<w:b\/>.*<w:sz w:val="28"\/>/);
    expect(textOf(table)).toContain('*Số 01-BC/ĐU');
    // Names too long for the column break where Party documents break them, congress line below.
    const issuer = paragraphsWith(table, 'ĐẢNG BỘ SỞ TÀI NGUYÊN')[0]!;
    expect(issuer).toMatch(/ĐẢNG BỘ SỞ TÀI NGUYÊN<\/w:t>.*<w:br\/>.*VÀ MÔI TRƯỜNG/s);
    expect(textOf(paragraphsWith(table, 'ĐẢNG BỘ KHỐI')[0]!)).toBe('ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH');
    expect(paragraphsWith(table, 'ĐẢNG BỘ KHỐI')[0]).not.toContain('<w:br/>');
    expect(textOf(table)).toContain('VÀ MÔI TRƯỜNGĐẠI HỘI ĐẠI BIỂU LẦN THỨ V*');
    const title = paragraphsWith(table, 'ĐẢNG CỘNG SẢN VIỆT NAM')[0]!;
    expect(title).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    expect(title).toMatch(/<w:jc w:val="center"\/>/);
    expect(runProps(table, 'ĐẢNG CỘNG SẢN')).toMatch(/<w:b\/>.*<w:sz w:val="30"\/>/);
    expect(runProps(table, 'Hà Nội, ngày 05 tháng 12 năm 2026')).toMatch(/<w:i\/>/);
    const mark = paragraphsWith(table, 'DỰ THẢO')[0]!;
    expect(mark).toMatch(/<w:top w:val="single"/);
    expect(runProps(table, 'DỰ THẢO')).toMatch(/<w:b\/>/);

    // Page numbers from page 2: a first-page header of its own, a PAGE field in the default one.
    expect(xml).toContain('<w:titlePg/>');
    const headers = Object.keys(await import('fflate').then((f) => f.unzipSync(file))).filter((p) =>
      /^word\/header\d+\.xml$/.test(p),
    );
    const fields = headers.map((p) => docxPart(file, p)).filter((h) => /PAGE/.test(h));
    expect(fields).toHaveLength(1);
    expect(fields[0]).toMatch(/<w:jc w:val="center"\/>/);

    // Title, part heading and body per Phụ lục 3.
    expect(runProps(xml, 'BÁO CÁO CHÍNH TRỊ')).toMatch(/<w:b\/>.*<w:sz w:val="32"\/>/);
    // A part is one Heading 1 paragraph (label, line break, title), so Word's outline sees it.
    const part = paragraphsWith(xml, 'Phần thứ nhất')[0]!;
    expect(part).toMatch(/<w:pStyle w:val="Heading1"\/>.*<w:jc w:val="center"\/>.*<w:b\/>/s);
    expect(part).toMatch(/Phần thứ nhất<\/w:t><\/w:r><w:r>.*<w:br\/>.*KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI/s);
    expect(paragraphsWith(xml, 'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU')[0]).toMatch(
      /<w:pStyle w:val="Heading2"\/><w:keepNext\/>/,
    );
    // Heading styles carry outline levels and the profile's black type, not Word's blue.
    expect(styles).toMatch(/w:styleId="Heading1".*?<w:outlineLvl w:val="0"\/>.*?<w:color w:val="000000"\/>/s);
    expect(styles).toMatch(/w:styleId="Heading3".*?<w:outlineLvl w:val="2"\/>/s);
    // Line spacing says its rule: LibreOffice reads a bare w:line as an exact height.
    expect(xml).not.toMatch(/<w:spacing [^>]*w:line="\d+"(?![^>]*w:lineRule)[^>]*\/>/);
    expect(styles).toContain('<w:lang w:val="vi-VN"/>');
    const core = docxPart(file, 'docProps/core.xml');
    expect(core).toContain('<dc:title>BÁO CÁO CHÍNH TRỊ</dc:title>');
    expect(core).toContain('<dc:creator>ĐẢNG BỘ SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG</dc:creator>');
    const body = paragraphsWith(xml, VIETNAMESE)[0]!;
    expect(body).toMatch(/<w:ind w:firstLine="567"\/><w:jc w:val="both"\/>/);
    expect(runProps(xml, ' Kết quả nổi bật.')).toMatch(/<w:b\/>/);
    expect(runProps(xml, ' Ước thực hiện.')).toMatch(/<w:i\/>/);

    // Signature block and recipients.
    expect(runProps(xml, 'T/M BAN CHẤP HÀNH')).toMatch(/<w:b\/>/);
    expect(runProps(xml, 'Nơi nhận:')).toMatch(/<w:b\/>.*<w:i\/>.*<w:sz w:val="24"\/>/);
    expect(runProps(xml, 'Nơi nhận:')).not.toContain('<w:u ');
    expect(runProps(xml, '- Các chi bộ trực thuộc,')).toMatch(/<w:sz w:val="22"\/>/);

    const text = (await mammoth.extractRawText({ buffer: Buffer.from(file) })).value;
    for (const expected of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'DỰ THẢO',
      'trình Đại hội đại biểu Đảng bộ Sở Thử nghiệm lần thứ V, nhiệm kỳ 2025–2030',
      `${VIETNAMESE} Kết quả nổi bật. Ước thực hiện.`,
      'BÍ THƯ',
      '- Ban Thường vụ Đảng ủy Khối (để báo cáo),',
    ])
      expect(text).toContain(expected);
  });

  it('a version is marked "Dự thảo lần N" and holds that version\'s text, not later edits', async () => {
    const { server, id, writer } = await exportDraft(bed);
    const token = server.workspace.users.editor.token;
    writeRuns(writer.doc, 'p1-chi-tieu', [{ text: 'Văn bản lần một.' }]);
    await writer.flushed();
    expect((await api(server, `/drafts/${id}/versions`, { token, body: {} })).status).toBe(201);
    writeRuns(writer.doc, 'p1-chi-tieu', [{ text: ' Câu thêm sau khi chốt.' }]);
    await writer.flushed(); // the later edit is stored: the export must still leave it out
    const file = new Uint8Array(await (await fetchExport(server, id, 'format=docx&version=1')).arrayBuffer());
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(file) })).value;
    expect(text).toContain('Dự thảo lần 1');
    expect(text).toContain('Văn bản lần một.');
    expect(text).not.toContain('Câu thêm sau khi chốt.');
    expect(text).not.toContain('DỰ THẢO');
  });

  it("a round's comments become Word comments around the text they quote", async () => {
    const c = await consultation(bed);
    const quote = 'Thu hút đầu tư tăng mạnh.';
    const made = await c.call('commenter', '/comments', {
      body: { kind: 'comment', body: 'Cần nêu số liệu cụ thể.', ...rangeOf(c.writer.doc, quote) },
    });
    expect(made.status).toBe(201);
    const response = await fetchExport(c.server, c.draftId, `format=docx&comments=${c.roundId}`);
    expect(response.status).toBe(200);
    const file = new Uint8Array(await response.arrayBuffer());
    const xml = docxPart(file);
    const between = xml.slice(xml.indexOf('<w:commentRangeStart'), xml.indexOf('<w:commentRangeEnd'));
    expect(textOf(between)).toBe(quote);
    expect(TARGETS.endsWith(quote)).toBe(true);
    const comments = docxPart(file, 'word/comments.xml');
    expect(textOf(comments)).toContain('Cần nêu số liệu cụ thể.');
    expect(comments).toContain('w:author="Chi bộ Văn phòng — Phạm Thị Dung"');
  });
});
