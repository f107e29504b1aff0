import * as Y from 'yjs';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { headingIndex } from './draft-text-helpers.ts';

/** One cell of a test table: its text (lines split on "\n") and, optionally, how it is merged and aligned. */
export interface CellSpec {
  text: string;
  header?: boolean;
  colspan?: number;
  rowspan?: number;
  align?: 'left' | 'center' | 'right';
  colwidth?: number[];
}

/**
 * A table as y-tiptap writes the editor's table into Yjs: every cell with its colspan and
 * rowspan, null attributes left out, each line a paragraph.
 */
export function tableElement(rows: readonly (readonly (string | CellSpec)[])[]): Y.XmlElement {
  const table = new Y.XmlElement('table');
  table.insert(
    0,
    rows.map((cells) => {
      const row = new Y.XmlElement('tableRow');
      row.insert(
        0,
        cells.map((spec) => {
          const c = typeof spec === 'string' ? { text: spec } : spec;
          const cell = new Y.XmlElement(c.header === true ? 'tableHeader' : 'tableCell');
          cell.setAttribute('colspan', (c.colspan ?? 1) as unknown as string);
          cell.setAttribute('rowspan', (c.rowspan ?? 1) as unknown as string);
          if (c.align !== undefined) cell.setAttribute('align', c.align);
          if (c.colwidth !== undefined) cell.setAttribute('colwidth', c.colwidth as unknown as string);
          cell.insert(
            0,
            c.text.split('\n').map((line) => {
              const paragraph = new Y.XmlElement('paragraph');
              if (line !== '') paragraph.insert(0, [new Y.XmlText(line)]);
              return paragraph;
            }),
          );
          return cell;
        }),
      );
      return row;
    }),
  );
  return table;
}

/** Puts a table right after the paragraph under a section's heading, in one transaction. */
export function insertTableInSection(
  doc: Y.Doc,
  sectionId: string,
  rows: readonly (readonly (string | CellSpec)[])[],
): void {
  doc.transact(() => {
    doc.getXmlFragment(CONTENT_FRAGMENT).insert(headingIndex(doc, sectionId) + 2, [tableElement(rows)]);
  });
}

/** The Party-style results table the tests export: a header row, a merged cell, a merged row. */
export const RESULTS_TABLE: readonly (readonly (string | CellSpec)[])[] = [
  [
    { text: 'Chỉ tiêu', header: true },
    { text: 'Kế hoạch', header: true },
    { text: 'Thực hiện', header: true },
  ],
  ['Thu ngân sách', '100 tỷ đồng', { text: '105 tỷ đồng', align: 'right' }],
  [{ text: 'Kết nạp đảng viên mới', rowspan: 2 }, '40', '52'],
  ['Tỷ lệ', { text: 'Vượt 30%', align: 'center' }],
  [{ text: 'Tổng hợp: đạt và vượt 12/14 chỉ tiêu', colspan: 3 }],
];
