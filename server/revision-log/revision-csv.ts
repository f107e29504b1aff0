import type { RevisionLog } from '../../shared/api/revision-log.ts';
import { tableHeaders, tableRows } from './revision-table.ts';

/** Byte order mark: spreadsheet programs read the file as UTF-8 only with it (Vietnamese diacritics). */
const BOM = '\uFEFF';

/** The consolidated table as CSV (RFC 4180: CRLF rows, fields quoted when needed), UTF-8 with a BOM. */
export function revisionCsv(log: RevisionLog): string {
  const lines = [tableHeaders(log), ...tableRows(log)].map((row) => row.map(field).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A field quoted when it holds a comma, quote or line break; quotes doubled. */
function field(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}
