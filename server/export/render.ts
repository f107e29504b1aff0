import type { ExportFormat } from '../../shared/api/exports.ts';
import type { FormatProfile } from '../../shared/export/format-profile.ts';
import { renderDocx } from './docx/docx-render.ts';
import type { ExportDocument } from './export-model.ts';
import { renderHtml } from './html/html-render.ts';
import { renderMarkdown } from './markdown-render.ts';
import { renderPdf } from './pdf/pdf-render.ts';
import { contentTypeOf } from './export-file-name.ts';

/** Renders the document in one format. */
export async function renderExport(
  format: ExportFormat,
  document: ExportDocument,
  profile: FormatProfile,
): Promise<{ body: Uint8Array; contentType: string }> {
  const encode = (text: string) => new TextEncoder().encode(text);
  const body =
    format === 'docx'
      ? await renderDocx(document, profile)
      : format === 'pdf'
        ? await renderPdf(document, profile)
        : format === 'md'
          ? encode(renderMarkdown(document, profile))
          : encode(renderHtml(document, profile));
  return { body, contentType: contentTypeOf(format) };
}
