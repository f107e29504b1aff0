import type { JSONContent } from '@tiptap/core';
import type { Run, TableBlock, TableCellBlock } from './export-model.ts';

/**
 * Reads a `table` node into a TableBlock. `textblock` is the body builder's reader of one
 * text block: it must see every text block in document order, so that the offsets of
 * comment ranges stay the ones the comments module counted (comments anchor in cells too).
 */
export function tableBlock(node: JSONContent, textblock: (node: JSONContent) => Run[]): TableBlock {
  const rows: TableCellBlock[][] = [];
  for (const row of node.content ?? []) {
    if (row.type !== 'tableRow') continue;
    const cells: TableCellBlock[] = [];
    for (const cell of row.content ?? []) {
      if (cell.type !== 'tableCell' && cell.type !== 'tableHeader') continue;
      const lines: Run[][] = [];
      for (const child of cell.content ?? []) cellLines(child, textblock, lines, '');
      cells.push({
        header: cell.type === 'tableHeader',
        colspan: span(cell.attrs?.colspan),
        rowspan: span(cell.attrs?.rowspan),
        align: align(cell.attrs?.align),
        lines,
      });
    }
    rows.push(cells);
  }
  let headerRows = 0;
  while (headerRows < rows.length && rows[headerRows]!.length > 0 && rows[headerRows]!.every((c) => c.header))
    headerRows += 1;
  // A table that is all header (a one-row table made a header) still prints its rows once.
  if (headerRows === rows.length) headerRows = 0;
  return { kind: 'table', rows, headerRows };
}

/** The lines of one block inside a cell: text blocks as they are, list items with their marker, nested tables flattened. */
function cellLines(
  node: JSONContent,
  textblock: (node: JSONContent) => Run[],
  out: Run[][],
  marker: string,
): void {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock') {
    const runs = textblock(node);
    out.push(marker === '' ? runs : [plainRun(`${marker} `), ...runs]);
    return;
  }
  if (node.type === 'bulletList' || node.type === 'orderedList') {
    let n = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
    for (const item of node.content ?? []) {
      let first = true;
      for (const child of item.content ?? []) {
        cellLines(child, textblock, out, first ? (node.type === 'orderedList' ? `${n}.` : '-') : '');
        first = false;
      }
      n += 1;
    }
    return;
  }
  for (const child of node.content ?? []) cellLines(child, textblock, out, '');
}

/** Where each cell sits on the table's grid, and the grid's width (what spans cover is skipped). */
export function tableGrid(table: TableBlock): { columns: number; places: { row: number; col: number }[][] } {
  const taken = new Set<string>();
  let columns = 0;
  const places = table.rows.map((cells, row) => {
    let col = 0;
    return cells.map((cell) => {
      while (taken.has(`${row}:${col}`)) col += 1;
      const place = { row, col };
      for (let r = row; r < row + cell.rowspan; r++)
        for (let c = col; c < col + cell.colspan; c++) taken.add(`${r}:${c}`);
      col += cell.colspan;
      columns = Math.max(columns, col);
      return place;
    });
  });
  return { columns: Math.max(columns, 1), places };
}

/** The plain text of a cell's lines. */
export function cellText(cell: TableCellBlock): string[] {
  return cell.lines.map((line) => line.map((r) => r.text).join(''));
}

function span(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1;
}

function align(value: unknown): TableCellBlock['align'] {
  return value === 'left' || value === 'center' || value === 'right' ? value : null;
}

function plainRun(text: string): Run {
  return { text, bold: false, italic: false, underline: false, starts: [], ends: [] };
}
