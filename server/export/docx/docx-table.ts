import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { ElementStyle, FormatProfile } from '../../../shared/export/format-profile.ts';
import type { Run, TableBlock, TableCellBlock } from '../export-model.ts';
import { horizontalMarginsTwips } from '../party-header-docx.ts';
import { tableGrid } from '../table-body.ts';

/** Runs as paragraph children in a style, with their comment ranges (docx-blocks.ts). */
export type RunChildren = (style: ElementStyle, runs: readonly Run[]) => ParagraphChild[];

/** Single black rules of 0.5 pt (docx sizes borders in eighths of a point). */
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * A table of the draft in the Party format: the text width, equal columns, 0.5 pt rules on
 * every edge, the profile's typeface at body size, single-spaced; header rows bold, centred
 * and repeated at the top of each page (tblHeader). Merged cells keep their spans (docx adds
 * the continuation cells below a cell merged down).
 */
export function docxTable(profile: FormatProfile, table: TableBlock, children: RunChildren): Table {
  const width = profile.page.widthTwips - horizontalMarginsTwips(profile);
  const { columns } = tableGrid(table);
  const column = Math.floor(width / columns);
  const columnWidths = Array.from({ length: columns }, (_, i) =>
    i === columns - 1 ? width - column * (columns - 1) : column,
  );
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: RULE,
      bottom: RULE,
      left: RULE,
      right: RULE,
      insideHorizontal: RULE,
      insideVertical: RULE,
    },
    rows: table.rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r < table.headerRows,
          cantSplit: r < table.headerRows,
          children: cells.map((cell) => docxCell(profile, cell, column, r < table.headerRows, children)),
        }),
    ),
  });
}

function docxCell(
  profile: FormatProfile,
  cell: TableCellBlock,
  column: number,
  inHeader: boolean,
  children: RunChildren,
): TableCell {
  const header = inHeader || cell.header;
  const style = { ...profile.elements.body, bold: profile.elements.body.bold || header };
  const alignment = ALIGN[cell.align ?? (header ? 'center' : 'left')];
  const lines = cell.lines.length > 0 ? cell.lines : [[]];
  return new TableCell({
    columnSpan: cell.colspan,
    rowSpan: cell.rowspan,
    width: { size: column * cell.colspan, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 100, right: 100 },
    verticalAlign: header ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    children: lines.map(
      (runs) =>
        new Paragraph({
          alignment,
          spacing: { line: 240, before: 0, after: 0 },
          children: children(style, runs),
        }),
    ),
  });
}
