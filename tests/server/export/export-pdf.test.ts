import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { useTestbed } from '../../helpers/testbed.ts';
import { exportDraft, fetchExport, VIETNAMESE, writeRuns } from './export-helpers.ts';

const bed = useTestbed();
/** Page 1 of the PDF export as PNG, kept for a person to look at (git-ignored). */
const ARTIFACT_DIR = path.resolve('.vitest-attachments/export');

/** Whether a poppler tool is installed (Debian poppler-utils; .ci/run installs it). */
function has(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('PDF export', () => {
  it.skipIf(!has('pdftotext'))(
    'embeds the Tinos fonts and holds the same Vietnamese text as the DOCX; page 1 is kept as PNG',
    async () => {
      const { server, id, writer } = await exportDraft(bed);
      writeRuns(writer.doc, 'p1-chi-tieu', [{ text: VIETNAMESE }, { text: ' Kết quả nổi bật.', bold: true }]);
      await writer.flushed();
      const pdf = await fetchExport(server, id, 'format=pdf');
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-pdf-'));
      const file = path.join(dir, 'export.pdf');
      fs.writeFileSync(file, new Uint8Array(await pdf.arrayBuffer()));

      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      for (const face of ['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic'])
        expect(fonts).toMatch(new RegExp(`\\+${face}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
      const words = (text: string) => text.replace(/\s+/g, ' ').trim();
      const pdfText = words(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
      // pdftotext ends each page with a form feed; pages after the first open with their number.
      const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f');
      const pdfRaw = words(pages.map((p, i) => (i === 0 ? p : p.replace(/^\s*\d+\n/, ''))).join(' '));
      expect(pdfRaw).toContain(`${VIETNAMESE} Kết quả nổi bật.`);
      expect(pdfText).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(pdfText).toContain('Hà Nội, ngày 05 tháng 12 năm 2026');

      // The DOCX carries the same words in the same order (the layout differs: columns vs table cells).
      const docx = await fetchExport(server, id, 'format=docx');
      const docxText = words(
        (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value,
      );
      // (mammoth drops the line break between a part's label and its title, so spaces are ignored.)
      const bodyOf = (text: string) =>
        text.slice(text.indexOf('BÁO CÁO CHÍNH TRỊ'), text.indexOf('T/M')).replace(/\s+/g, '');
      expect(bodyOf(pdfRaw)).toBe(bodyOf(docxText));
      // Every heading of the outline is there (a run of empty sections is longer than a page).
      expect(pdfRaw).toContain('IV. KHÂU ĐỘT PHÁ');
      expect(pdfRaw).toContain('KẾT LUẬN');

      // Page numbers from page 2: page 1 has none at the top, page 2 starts with "2".
      expect(pages[0]!.trim().startsWith('ĐẢNG BỘ KHỐI')).toBe(true);
      expect(pages[1]!.trim().split('\n')[0]).toBe('2');

      if (has('pdftoppm')) {
        fs.mkdirSync(ARTIFACT_DIR, { recursive: true });
        execFileSync('pdftoppm', [
          '-r',
          '80',
          '-png',
          '-f',
          '1',
          '-l',
          '1',
          '-singlefile',
          file,
          path.join(ARTIFACT_DIR, 'page-1'),
        ]);
        expect(fs.statSync(path.join(ARTIFACT_DIR, 'page-1.png')).size).toBeGreaterThan(10_000);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});
