import type { Run, TableBlock } from '../export-model.ts';

/** The CSS of draft tables in the HTML page (html-styles.ts adds it): the DOCX's rules and spacing. */
export const HTML_TABLE_STYLES = `
table.doc { width: 100%; border-collapse: collapse; margin-bottom: 6pt; }
table.doc th, table.doc td { border: 0.5pt solid #000; padding: 2pt 5pt; vertical-align: top; line-height: 1; }
table.doc th { font-weight: bold; text-align: center; vertical-align: middle; }
table.doc thead { display: table-header-group; }
table.doc tr { page-break-inside: avoid; }
`;

/**
 * A table of the draft as HTML: header rows in `<thead>`, which browsers repeat at the top of
 * each printed page; merged cells as colspan/rowspan. `runs` renders a line's runs with
 * their emphasis, escaped (html-render.ts); `bodyCss` is the body text's inline style.
 */
export function htmlTable(
  table: TableBlock,
  runs: (list: readonly Run[]) => string,
  bodyCss: string,
): string {
  const row = (r: number) =>
    `<tr>${table.rows[r]!.map((cell) => {
      const tag = r < table.headerRows || cell.header ? 'th' : 'td';
      const attrs = [
        cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '',
        cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '',
        cell.align === null ? '' : ` style="text-align:${cell.align}"`,
      ].join('');
      const lines = cell.lines.map((line) => `<p>${runs(line)}</p>`).join('');
      return `<${tag}${attrs}>${lines}</${tag}>`;
    }).join('')}</tr>`;
  const rows = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => row(from + i)).join('');
  const head = table.headerRows > 0 ? `<thead>${rows(0, table.headerRows)}</thead>` : '';
  return `<table class="doc" style="${bodyCss}">${head}<tbody>${rows(table.headerRows, table.rows.length)}</tbody></table>`;
}
