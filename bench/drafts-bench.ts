/**
 * `npm run bench:drafts`: section progress and version diff on a 100-page draft (issue 4's
 * targets: progress ≤ 20 ms after an edit, diff of two 100-page versions ≤ 200 ms).
 * Runs in-process on the real functions; prints medians of repeated runs.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { draftSchema, draftToJSON, draftUpdateFromJSON } from '../shared/editor/draft-json.ts';
import { CONTENT_FRAGMENT } from '../shared/editor/fragment.ts';
import { TemplateSchema } from '../shared/templates/template.ts';
import { templateToDoc } from '../server/drafts/draft-seed.ts';
import { sectionProgress } from '../server/drafts/section-progress.ts';
import { diffVersions } from '../server/versions/version-diff.ts';

const PAGES = 100;
const WORDS_PER_PAGE = 500;
const WORDS_PER_PARAGRAPH = 60;
const SYLLABLES =
  'đảng bộ lãnh đạo thực hiện nghị quyết nhiệm kỳ phát triển kinh tế xã hội chỉ tiêu đạt vượt kế hoạch công tác xây dựng chính trị tư tưởng tổ chức cán bộ kiểm tra giám sát dân vận'.split(
    ' ',
  );

function sentence(words: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(SYLLABLES[(seed * 7 + i * 13) % SYLLABLES.length]!);
  return `${out.join(' ')}.`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const template = TemplateSchema.parse(
  JSON.parse(fs.readFileSync('templates/bao-cao-chinh-tri-dang-bo-co-so-2025-2030.json', 'utf8')),
);
const schema = draftSchema();
// A 100-page report: the outline's headings, each followed by its share of 60-word paragraphs.
const seeded = templateToDoc(template).content ?? [];
const headings = seeded.filter((node) => node.type === 'heading').length;
const paragraphs = Math.round((PAGES * WORDS_PER_PAGE) / WORDS_PER_PARAGRAPH);
const perSection = Math.ceil(paragraphs / headings);
let written = 0;
const content = seeded.flatMap((node) => {
  if (node.type !== 'heading') return [];
  const body = Array.from({ length: Math.min(perSection, paragraphs - written) }, () => ({
    type: 'paragraph',
    content: [{ type: 'text', text: sentence(WORDS_PER_PARAGRAPH, written++) }],
  }));
  return [node, ...body];
});
const doc = new Y.Doc();
Y.applyUpdate(doc, draftUpdateFromJSON({ type: 'doc', content }, schema));
const fragment = doc.getXmlFragment(CONTENT_FRAGMENT);
const before = draftToJSON(doc, schema);
const words = sectionProgress(doc, template)
  .filter((s) => s.depth === 1)
  .reduce((sum, s) => sum + s.words, 0);

// Progress after each of 50 single edits (one keystroke-sized insert somewhere).
const progressMs: number[] = [];
for (let i = 0; i < 50; i++) {
  const target = fragment.get((i * 37) % fragment.length);
  const text = target instanceof Y.XmlElement && target.nodeName === 'paragraph' ? target.get(0) : null;
  if (text instanceof Y.XmlText) text.insert(0, 'x ');
  const t0 = performance.now();
  sectionProgress(doc, template);
  progressMs.push(performance.now() - t0);
}

// A second version: 5 % of paragraphs reworded, some added, some removed.
doc.transact(() => {
  for (let i = 0; i < fragment.length; i += 20) {
    const node = fragment.get(i);
    const text = node instanceof Y.XmlElement && node.nodeName === 'paragraph' ? node.get(0) : null;
    if (text instanceof Y.XmlText) {
      text.delete(5, 10);
      text.insert(5, ' sửa đổi bổ sung theo góp ý ');
    }
  }
});
const after = draftToJSON(doc, schema);
const diffMs: number[] = [];
let changed = 0;
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  changed = diffVersions(before, after).filter((s) => s.status !== 'unchanged').length;
  diffMs.push(performance.now() - t0);
}
const jsonMs: number[] = [];
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  draftToJSON(doc, schema);
  jsonMs.push(performance.now() - t0);
}

const rows: [string, string][] = [
  [
    'draft',
    `${words.toLocaleString('en')} words (~${PAGES} pages), ${fragment.length} blocks, ${headings} sections`,
  ],
  ['section progress after an edit (median of 50)', `${median(progressMs).toFixed(2)} ms (target ≤ 20 ms)`],
  [
    'diff of two versions (median of 10)',
    `${median(diffMs).toFixed(1)} ms, ${changed} sections changed (target ≤ 200 ms)`,
  ],
  ['draft → ProseMirror JSON, per freeze (median of 10)', `${median(jsonMs).toFixed(1)} ms`],
];
console.log(`Node ${process.version}`);
for (const [what, value] of rows) console.log(`${what.padEnd(52)} ${value}`);
