import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { TemplateSchema, type TemplateSection } from '../../../shared/templates/template.ts';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { waitForAsync } from '../../helpers/wait.ts';
import { exportDraft, TEMPLATE } from './export-helpers.ts';

const bed = useTestbed();

/** Debian's LibreOffice (libreoffice-writer-nogui), or null when it is not installed. */
function soffice(): string | null {
  for (const name of ['soffice', 'libreoffice'])
    try {
      execFileSync(name, ['--version'], { stdio: 'ignore', timeout: 60_000 });
      return name;
    } catch {
      // try the next name
    }
  return null;
}
const SOFFICE = soffice();
if (SOFFICE === null)
  console.warn(
    'export-libreoffice.test.ts skipped: soffice is not installed (apt-get install libreoffice-writer-nogui)',
  );

const SENTENCE =
  'Đảng bộ lãnh đạo cán bộ, đảng viên đoàn kết, khắc phục khó khăn, hoàn thành thắng lợi nhiệm vụ chính trị được giao; ';

/**
 * Fills every section of the draft with paragraphs of varied length (a fixed sequence, so
 * headings fall at different heights of the page), about 36 pages in all.
 */
function fillReport(doc: Y.Doc): { last: string; words: number } {
  const fragment = doc.getXmlFragment(CONTENT_FRAGMENT);
  let n = 0;
  let words = 0;
  let last = '';
  doc.transact(() => {
    for (let i = fragment.length - 1; i >= 0; i--) {
      const node = fragment.get(i);
      if (!(node instanceof Y.XmlElement) || node.nodeName !== 'heading') continue;
      const paragraphs = Array.from({ length: 5 }, () => {
        n += 1;
        const p = new Y.XmlElement('paragraph');
        const text = `${SENTENCE.repeat(1 + ((n * 7) % 9))}đoạn ${n}.`;
        words += text.split(/\s+/).filter((w) => w !== '').length;
        p.insert(0, [new Y.XmlText(text)]);
        return p;
      });
      fragment.insert(i + 1, paragraphs);
      // Sections are filled from the end: the first batch holds the document's last paragraph.
      if (last === '') last = `đoạn ${n}.`;
    }
  });
  return { last, words };
}

/** Each page's text lines, in order. */
function pageLines(pdf: string): string[][] {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1)
    .map((page) =>
      page
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    );
}

function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
}

/** Distances between consecutive lines' tops within each text block (pdftotext's layout analysis). */
function linePitches(pdf: string): number[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-f', '2', '-l', '6', pdf, '-'], {
    encoding: 'utf8',
  });
  const pitches: number[] = [];
  for (const block of html.split('<block').slice(1)) {
    const tops = [...block.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)"/g)].map((m) => Number(m[1]));
    for (let i = 1; i < tops.length; i++) pitches.push(tops[i]! - tops[i - 1]!);
  }
  return pitches.sort((a, b) => a - b);
}

describe('DOCX rendered by LibreOffice', () => {
  it.skipIf(SOFFICE === null)(
    'lays out a 36-page report like the PDF export: same page count ±1, no heading last on a page, 1.15 line spacing',
    async () => {
      const { server, id, writer } = await exportDraft(bed);
      const { last, words } = fillReport(writer.doc);
      const token = server.workspace.users.editor.token;
      // The section word counts say when the whole text has reached the server (exports are rate-limited).
      await waitForAsync(
        async () => {
          const progress = (await (await api(server, `/drafts/${id}/progress`, { token })).json()) as {
            sections: { words: number }[];
          };
          return progress.sections.reduce((sum, s) => sum + s.words, 0) >= words * 0.95;
        },
        'the filled report on the server',
        30_000,
      );
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-lo-'));
      try {
        for (const format of ['docx', 'pdf']) {
          const response = await api(server, `/drafts/${id}/export?format=${format}`, { token });
          expect(response.status).toBe(200);
          fs.writeFileSync(path.join(dir, `report.${format}`), new Uint8Array(await response.arrayBuffer()));
        }
        fs.mkdirSync(path.join(dir, 'lo'));
        // A profile directory of its own, so parallel runs never share LibreOffice's lock.
        execFileSync(
          SOFFICE!,
          [
            `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            path.join(dir, 'lo'),
            path.join(dir, 'report.docx'),
          ],
          { stdio: 'ignore', timeout: 180_000 },
        );
        const ours = path.join(dir, 'report.pdf');
        const office = path.join(dir, 'lo', 'report.pdf');
        const pages = pageCount(ours);
        expect(pages).toBeGreaterThanOrEqual(30);
        expect(Math.abs(pageCount(office) - pages)).toBeLessThanOrEqual(1);

        // No page ends on a heading, in either rendering.
        const template = TemplateSchema.parse(
          JSON.parse(fs.readFileSync(`templates/${TEMPLATE}.json`, 'utf8')),
        );
        const headings: string[] = [];
        const walk = (sections: readonly TemplateSection[]) => {
          for (const s of sections) {
            headings.push(s.title.toLocaleUpperCase('vi'));
            walk(s.children);
          }
        };
        walk(template.sections);
        for (const pdf of [ours, office]) {
          const lines = pageLines(pdf);
          // Every heading is printed (so the check below looks at real headings)…
          const text = lines.flat().join(' ').toLocaleUpperCase('vi');
          expect(headings.filter((h) => !text.includes(h.slice(0, 20)))).toEqual([]);
          // …and none is the last line of its page; the closing block shares its page with text.
          const ending = lines.map((page) => page.at(-1)!.toLocaleUpperCase('vi'));
          expect(ending.filter((line) => headings.some((h) => line.includes(h.slice(0, 20))))).toEqual([]);
          const lastPage = lines.at(-1)!;
          expect(lastPage.join(' ')).toContain(last);
        }

        // Body lines are at least 1.15 × 14 pt apart in LibreOffice (a bare w:line gave 13.8 pt).
        const pitches = linePitches(office);
        expect(pitches.length).toBeGreaterThan(50);
        expect(pitches[Math.floor(pitches.length / 2)]).toBeGreaterThanOrEqual(1.15 * 14);
        expect(pitches[Math.floor(pitches.length * 0.05)]).toBeGreaterThanOrEqual(1.15 * 14);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
