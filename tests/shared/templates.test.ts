import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  MAX_SECTION_DEPTH,
  TemplateSchema,
  type Template,
  type TemplateSection,
} from '../../shared/templates/template.ts';

const templatesDir = new URL('templates/', new URL('../../', import.meta.url));
const files = readdirSync(templatesDir)
  .filter((name) => name.endsWith('.json'))
  .sort();

/** Reads and validates one template file; a failure names the file and every zod issue path. */
function loadTemplate(file: string): Template {
  const raw: unknown = JSON.parse(readFileSync(new URL(file, templatesDir), 'utf8'));
  const result = TemplateSchema.safeParse(raw);
  if (!result.success) throw new Error(`templates/${file} is invalid:\n${describeIssues(result.error)}`);
  return result.data;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `  at ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
}

function allSections(sections: TemplateSection[]): TemplateSection[] {
  return sections.flatMap((section) => [section, ...allSections(section.children)]);
}

/** Top level of each shipped outline, as [label, id]. */
const expectedTopLevel: Record<string, [string, string][]> = {
  'bao-cao-chinh-tri-dang-bo-co-so-2025-2030': [
    ['', 'mo-dau'],
    ['Phần thứ nhất', 'p1'],
    ['Phần thứ hai', 'p2'],
    ['', 'ket-luan'],
  ],
  'bao-cao-kiem-diem-bch-2020-2025': [
    ['I.', 'dac-diem'],
    ['II.', 'ket-qua'],
    ['III.', 'danh-gia'],
    ['IV.', 'khac-phuc'],
    ['V.', 'bai-hoc'],
    ['VI.', 'phuong-huong-khac-phuc'],
  ],
  'bao-cao-chinh-tri-chi-bo-2025-2027': [
    ['Phần thứ nhất', 'p1'],
    ['Phần thứ hai', 'p2'],
    ['', 'ket-luan'],
  ],
};

describe('the outline templates shipped in templates/', () => {
  it('include the three outlines the product ships', () => {
    expect(files).toEqual(expect.arrayContaining(Object.keys(expectedTopLevel).map((id) => `${id}.json`)));
  });

  describe.each(files)('%s', (file) => {
    it('validates against TemplateSchema and carries its file name as id', () => {
      const template = loadTemplate(file);
      expect(template.id).toBe(file.replace(/\.json$/, ''));
    });

    it('gives every section a unique id and non-empty guidance', () => {
      const sections = allSections(loadTemplate(file).sections);
      const ids = sections.map((section) => section.id);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
      expect(sections.filter((section) => section.guidance.trim() === '').map((s) => s.id)).toEqual([]);
    });

    it('uses no header placeholder other than {unit}, {ordinal} and {term}', () => {
      const { header } = loadTemplate(file);
      const placeholders = Object.values(header)
        .flat()
        .flatMap((text) => text.match(/\{[^}]*\}/g) ?? []);
      expect(placeholders.filter((p) => !['{unit}', '{ordinal}', '{term}'].includes(p))).toEqual([]);
    });

    it('has the expected top-level outline', () => {
      const template = loadTemplate(file);
      const topLevel = template.sections.map((section) => [section.label, section.id]);
      const expected = expectedTopLevel[template.id];
      if (expected) expect(topLevel).toEqual(expected);
      if (template.header.documentTitle === 'BÁO CÁO CHÍNH TRỊ') {
        const parts = template.sections.map((section) => section.label).filter((l) => l.startsWith('Phần'));
        expect(parts).toEqual(['Phần thứ nhất', 'Phần thứ hai']);
      }
    });
  });
});

describe('TemplateSchema refuses a malformed outline', () => {
  const section = (id: string, children: unknown[] = []) => ({
    id,
    label: '',
    title: `Mục ${id}`,
    guidance: 'Hướng dẫn viết.',
    required: true,
    children,
  });
  const template = (sections: unknown[]) => ({
    id: 'thu-nghiem',
    version: 1,
    title: 'Đề cương thử nghiệm',
    documentType: 'BC',
    level: 'unit',
    term: '2025-2030',
    header: { documentTitle: 'BÁO CÁO CHÍNH TRỊ' },
    formatProfile: 'hd36-vptw',
    sections,
  });

  it('names the second occurrence of a duplicate section id', () => {
    const result = TemplateSchema.safeParse(template([section('p1', [section('a'), section('p1')])]));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['sections', 0, 'children', 1, 'id'],
        message: 'duplicate section id "p1"',
      }),
    ]);
  });

  it(`points at the section nested deeper than ${MAX_SECTION_DEPTH} levels`, () => {
    const nested = section('d1', [section('d2', [section('d3', [section('d4', [section('d5')])])])]);
    const result = TemplateSchema.safeParse(template([nested]));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['sections', 0, 'children', 0, 'children', 0, 'children', 0, 'children', 0],
        message: `sections nest at most ${MAX_SECTION_DEPTH} deep`,
      }),
    ]);
  });
});
