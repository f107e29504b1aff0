import type { Draft } from '../../shared/api/drafts.ts';
import type { ExportFormat, ExportQuery } from '../../shared/api/exports.ts';

/** The file name of an export, in Vietnamese: the draft's title, which text, the format's extension. */
export function exportFileName(draft: Pick<Draft, 'title'>, query: ExportQuery): string {
  const which =
    query.kind === 'final'
      ? ''
      : query.version === undefined
        ? ' (dự thảo)'
        : ` (dự thảo lần ${query.version})`;
  // Characters that no file system accepts, and control characters, become a space.
  const title = draft.title
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
  return `${title === '' ? 'van-kien' : title}${which}.${query.format}`;
}

/**
 * `Content-Disposition` for a download named in Vietnamese: an ASCII fallback without
 * diacritics for old clients, and the exact name as RFC 5987 `filename*`.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (d) => (d === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** The Content-Type of a format. */
export function contentTypeOf(format: ExportFormat): string {
  return CONTENT_TYPES[format];
}
