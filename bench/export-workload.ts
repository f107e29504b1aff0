/**
 * The export benchmark's workload, run compiled (as `npm start` runs the server) in a process
 * of its own for one format: a 100-page political report (the shipped template, every section
 * filled with Vietnamese text, about 45,000 words) rendered through the export pipeline
 * (Y.Doc → ProseMirror JSON → blocks → renderer), one warm-up and three timed runs. Prints
 * JSON: the times, the file size, and the process's resident memory before and at its peak.
 * `bench/export-bench.ts` builds, runs it per format and prints the table.
 */
import fs from 'node:fs';
import * as Y from 'yjs';
import type { Draft } from '../shared/api/drafts.ts';
import { draftUpdateFromJSON } from '../shared/editor/draft-json.ts';
import { findProfile } from '../shared/export/profiles.ts';
import { buildBody } from '../server/export/export-body.ts';
import { composeDocument } from '../server/export/export-document.ts';
import { readSource, sectionIndex } from '../server/export/export-source.ts';
import { renderExport } from '../server/export/render.ts';
import { PAGES, report, template } from './export-report.ts';

const profile = findProfile(template.formatProfile)!;
const format = process.argv[2] === 'pdf' ? 'pdf' : 'docx';
const doc = new Y.Doc();
Y.applyUpdate(doc, draftUpdateFromJSON(report()));
const draft = {
  title: template.title,
  header: { term: template.term, congressOrdinal: 5 },
} as unknown as Draft;
const baselineRss = process.memoryUsage().rss;

async function once() {
  const started = performance.now();
  const source = readSource(doc, template, []);
  const { blocks, chars } = buildBody(source.json, sectionIndex(template), []);
  const document = composeDocument({
    draft,
    template,
    profile,
    unitName: 'Đảng bộ Sở Tài nguyên và Môi trường',
    blocks,
    draftMark: 'DỰ THẢO',
    signerName: '',
    comments: [],
  });
  const { body } = await renderExport(format, document, profile);
  return { ms: performance.now() - started, bytes: body.byteLength, chars };
}

await once(); // warm-up: module loading and font parsing are not per-export costs
const runs = [await once(), await once(), await once()];
// VmHWM is the kernel's peak resident set of this process: nothing between samples is missed.
const peakKb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
console.log(
  JSON.stringify({
    format,
    ms: runs.map((r) => r.ms),
    bytes: runs[0]!.bytes,
    chars: runs[0]!.chars,
    pages: PAGES,
    baselineMb: baselineRss / 1048576,
    peakMb: peakKb / 1024,
  }),
);
