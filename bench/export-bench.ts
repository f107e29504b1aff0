/**
 * Export benchmark: a 100-page political report (the shipped template, every section filled
 * with Vietnamese text, about 45,000 words) rendered to DOCX and PDF through the export
 * pipeline (Y.Doc → ProseMirror JSON → blocks → renderer). Prints times and peak RSS.
 * Targets (issue 8): DOCX ≤ 1.5 s, PDF ≤ 3 s, peak ≤ 300 MB. Run: `npm run bench:export`.
 */
import fs from 'node:fs';
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import type { Draft } from '../shared/api/drafts.ts';
import { draftUpdateFromJSON } from '../shared/editor/draft-json.ts';
import { findProfile } from '../shared/export/profiles.ts';
import { TemplateSchema, type TemplateSection } from '../shared/templates/template.ts';
import { buildBody } from '../server/export/export-body.ts';
import { composeDocument } from '../server/export/export-document.ts';
import { readSource, sectionIndex } from '../server/export/export-source.ts';
import { renderExport } from '../server/export/render.ts';

const WORDS_PER_PAGE = 450;
const PAGES = 100;
const SENTENCE =
  'Đảng bộ đã lãnh đạo cán bộ, đảng viên và người lao động đoàn kết, chủ động khắc phục khó khăn, hoàn thành thắng lợi nhiệm vụ chính trị được giao; ';

const template = TemplateSchema.parse(
  JSON.parse(fs.readFileSync('templates/bao-cao-chinh-tri-dang-bo-co-so-2025-2030.json', 'utf8')),
);
const profile = findProfile(template.formatProfile)!;

/** The template's headings with enough paragraphs under each to make PAGES pages. */
function report(): JSONContent {
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

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
const doc = new Y.Doc();
Y.applyUpdate(doc, draftUpdateFromJSON(report()));
const draft = {
  title: template.title,
  header: { term: template.term, congressOrdinal: 5 },
} as unknown as Draft;

async function once(format: 'docx' | 'pdf') {
  const started = performance.now();
  const source = readSource(doc, template, []);
  const { blocks, chars } = buildBody(source.json, sectionIndex(template), []);
  const document = composeDocument({
    draft,
    template,
    profile,
    blocks,
    draftMark: 'DỰ THẢO',
    signerName: '',
    comments: [],
  });
  const { body } = await renderExport(format, document, profile);
  return { ms: performance.now() - started, bytes: body.byteLength, chars };
}

const results: Record<string, { ms: number; bytes: number; chars: number }> = {};
console.log(`baseline RSS: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
for (const format of ['docx', 'pdf'] as const) {
  await once(format); // warm-up: module loading and font parsing are not per-export costs
  const runs = [await once(format), await once(format), await once(format)];
  results[format] = runs.sort((a, b) => a.ms - b.ms)[1]!;
}
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(`text: ${results.docx!.chars} characters, ${PAGES} pages at ${WORDS_PER_PAGE} words`);
for (const [format, r] of Object.entries(results))
  console.log(`${format}: ${(r.ms / 1000).toFixed(2)} s (median of 3), ${(r.bytes / 1024).toFixed(0)} KiB`);
console.log(`peak RSS: ${(peak / 1024 / 1024).toFixed(0)} MB`);
