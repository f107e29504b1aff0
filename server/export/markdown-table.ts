import type { Run, TableBlock } from './export-model.ts';
import { tableGrid } from './table-body.ts';

/**
 * A table of the draft as a GitHub-flavoured Markdown table. GFM has one header row and no
 * merged cells: the first header row heads the table (an empty one when the table has
 * none), a merged cell's text stands in its first place and the places it covers stay empty,
 * and a cell's lines are joined with `<br>`. `runs` renders runs with their emphasis, escaped.
 */
export function markdownTable(table: TableBlock, runs: (list: readonly Run[]) => string): string {
  const { columns, places } = tableGrid(table);
  const grid = table.rows.map(() => Array.from({ length: columns }, () => ''));
  table.rows.forEach((cells, r) =>
    cells.forEach((cell, i) => {
      const { row, col } = places[r]![i]!;
      grid[row]![col] = cell.lines
        .map((line) => runs(line).replace(/\|/g, '\\|').replace(/\n/g, ' ').trim())
        .filter((text) => text !== '')
        .join('<br>');
    }),
  );
  const line = (cells: readonly string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  const header = table.headerRows > 0 ? grid[0]! : grid[0]!.map(() => '');
  const body = table.headerRows > 0 ? grid.slice(1) : grid;
  return [line(header), `|${' --- |'.repeat(columns)}`, ...body.map(line)].join('\n');
}
