import type { Content, ContentTable, ContentText, TableCell } from 'pdfmake/interfaces.js';
import type { ElementStyle, FormatProfile } from '../../../shared/export/format-profile.ts';
import type { Run, TableBlock } from '../export-model.ts';
import { tableGrid } from '../table-body.ts';

/** Runs as pdfmake text pieces in a style (pdf-blocks.ts). */
export type RunTexts = (style: ElementStyle, runs: readonly Run[]) => ContentText[];

/**
 * A table of the draft as the DOCX prints it: the text width in equal columns, 0.5 pt black
 * rules, the body typeface single-spaced; header rows bold, centred and repeated on every page
 * the table runs onto (pdfmake `headerRows`). pdfmake wants a full grid, so the places merged
 * cells cover are filled with empty placeholders.
 */
export function pdfTable(
  profile: FormatProfile,
  table: TableBlock,
  texts: RunTexts,
  margin: [number, number, number, number],
): Content {
  const { columns, places } = tableGrid(table);
  const grid: TableCell[][] = table.rows.map(() => Array.from({ length: columns }, (): TableCell => ({})));
  table.rows.forEach((cells, r) =>
    cells.forEach((cell, i) => {
      const { row, col } = places[r]![i]!;
      const header = r < table.headerRows || cell.header;
      const style = { ...profile.elements.body, bold: profile.elements.body.bold || header };
      const alignment = cell.align ?? (header ? 'center' : 'left');
      const lines = cell.lines.length > 0 ? cell.lines : [[]];
      grid[row]![col] = {
        stack: lines.map((runs) => ({ text: texts(style, runs), alignment })),
        fontSize: style.sizeHalfPt / 2,
        ...(cell.colspan > 1 ? { colSpan: Math.min(cell.colspan, columns - col) } : {}),
        ...(cell.rowspan > 1 ? { rowSpan: Math.min(cell.rowspan, table.rows.length - row) } : {}),
      };
    }),
  );
  const rule = () => 0.5;
  const black = () => '#000000';
  const content: ContentTable = {
    table: {
      headerRows: table.headerRows,
      keepWithHeaderRows: table.headerRows > 0 ? 1 : 0,
      widths: Array.from({ length: columns }, () => '*'),
      body: grid,
    },
    layout: {
      hLineWidth: rule,
      vLineWidth: rule,
      hLineColor: black,
      vLineColor: black,
      paddingLeft: () => 5,
      paddingRight: () => 5,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    margin,
  };
  return content;
}
