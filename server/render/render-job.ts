import type { ExportFormat } from '../../shared/api/exports.ts';
import type { RevisionLog } from '../../shared/api/revision-log.ts';
import type { FormatProfile } from '../../shared/export/format-profile.ts';
import type { ExportDocument } from '../export/export-model.ts';
import { renderExport } from '../export/render.ts';
import { reportDocx } from '../revision-log/report-docx.ts';
import { revisionCsv } from '../revision-log/revision-csv.ts';
import { revisionDocx, type DocxFrame } from '../revision-log/revision-docx.ts';

/**
 * One file to render, as plain data (it crosses to a worker thread by structured clone): the
 * caller has already read the database and the draft's text on the main thread.
 */
export type RenderJob =
  | { kind: 'draft'; format: ExportFormat; document: ExportDocument; profile: FormatProfile }
  | { kind: 'revision-docx'; log: RevisionLog; frame: DocxFrame }
  | { kind: 'revision-csv'; log: RevisionLog }
  | { kind: 'report-docx'; text: string; frame: DocxFrame };

/** Renders a job to the file's bytes (in whichever thread calls it). */
export async function renderJob(job: RenderJob): Promise<Uint8Array> {
  switch (job.kind) {
    case 'draft':
      return (await renderExport(job.format, job.document, job.profile)).body;
    case 'revision-docx':
      return revisionDocx(job.log, job.frame);
    case 'revision-csv':
      return new TextEncoder().encode(revisionCsv(job.log));
    case 'report-docx':
      return reportDocx(job.text, job.frame);
  }
}
