import { WARNINGS_HEADER, type ExportWarning } from '../../shared/api/exports.ts';
import { fetchOk } from '../api/api-client.ts';

/** A downloaded export: the file and what the server warned about. */
export interface DownloadedExport {
  blob: Blob;
  fileName: string;
  warnings: ExportWarning[];
}

/**
 * Fetches an export while reporting progress (0–1, or null while the size is unknown): a
 * 100-page PDF takes seconds to render and send, and the user should see it coming.
 */
export async function downloadExport(
  url: string,
  onProgress: (fraction: number | null) => void,
): Promise<DownloadedExport> {
  const response = await fetchOk(url);
  const total = Number(response.headers.get('content-length') ?? 0);
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  while (reader !== undefined) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(total > 0 ? received / total : null);
  }
  return {
    blob: new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? '' }),
    fileName: fileNameOf(response.headers.get('content-disposition') ?? ''),
    warnings: JSON.parse(
      decodeURIComponent(response.headers.get(WARNINGS_HEADER) ?? '%5B%5D'),
    ) as ExportWarning[],
  };
}

/** The RFC 5987 `filename*` of a Content-Disposition (the Vietnamese name), else the plain one. */
export function fileNameOf(disposition: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1] !== undefined) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? 'van-kien';
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
