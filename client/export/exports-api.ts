import { ExportCheck, ExportList, type ExportQuery } from '../../shared/api/exports.ts';
import { apiPath, apiUrl, request } from '../api/api-client.ts';
import { downloadExport, type DownloadedExport } from './export-download.ts';

/** The query of an export, in the order the dialog sets it; undefined values are left out. */
export type ExportParams = { [K in keyof ExportQuery]?: ExportQuery[K] | undefined };

/** The draft's earlier exports, newest first. */
export function listExports(draftId: string): Promise<ExportList> {
  return request(apiPath(['drafts', draftId, 'exports']), ExportList);
}

/** What an export with these choices would warn about, before making it. */
export function checkExport(draftId: string, params: ExportParams): Promise<ExportCheck> {
  return request(apiPath(['drafts', draftId, 'export', 'check'], params), ExportCheck);
}

/** Makes and downloads an export, reporting progress (0–1, or null while the size is unknown). */
export function exportDraft(
  draftId: string,
  params: ExportParams,
  onProgress: (fraction: number | null) => void,
): Promise<DownloadedExport> {
  return downloadExport(apiUrl(apiPath(['drafts', draftId, 'export'], params)), onProgress);
}
