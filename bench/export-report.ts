/**
 * The export benchmarks' document: a 100-page political report (the shipped template, every
 * section filled with Vietnamese text, about 45,000 words) as ProseMirror JSON.
 */
import fs from 'node:fs';
import type { JSONContent } from '@tiptap/core';
import { TemplateSchema, type TemplateSection } from '../shared/templates/template.ts';

const WORDS_PER_PAGE = 450;
/** How long the report is, in printed pages. */
export const PAGES = 100;
const SENTENCE =
  'Đảng bộ đã lãnh đạo cán bộ, đảng viên và người lao động đoàn kết, chủ động khắc phục khó khăn, hoàn thành thắng lợi nhiệm vụ chính trị được giao; ';

/** The shipped political report template. */
export const template = TemplateSchema.parse(
  JSON.parse(fs.readFileSync('templates/bao-cao-chinh-tri-dang-bo-co-so-2025-2030.json', 'utf8')),
);

/** The template's headings with enough paragraphs under each to make PAGES pages. */
export function report(): JSONContent {
  const headings: JSONContent[] = [];
  const walk = (sections: readonly TemplateSection[], depth: number) => {
    for (const s of sections) {
      headings.push({
        type: 'heading',
        attrs: { level: Math.min(depth, 4), sectionId: s.id },
        content: [{ type: 'text', text: `${s.label} ${s.title}`.trim() }],
      });
      walk(s.children, depth + 1);
    }
  };
  walk(template.sections, 1);
  const wordsPerSentence = SENTENCE.split(' ').length;
  const paragraphsPerSection = Math.ceil((PAGES * WORDS_PER_PAGE) / headings.length / (wordsPerSentence * 5));
  const content = headings.flatMap((heading, i) => [
    heading,
    ...Array.from({ length: paragraphsPerSection }, (_, p) => ({
      type: 'paragraph',
      content: [
        { type: 'text', text: SENTENCE.repeat(4) },
        { type: 'text', text: `chỉ tiêu ${i}.${p} đạt 105%.`, marks: [{ type: 'bold' }] },
      ],
    })),
  ]);
  return { type: 'doc', content };
}
