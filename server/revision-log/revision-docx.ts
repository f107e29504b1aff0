import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { RevisionLog } from '../../shared/api/revision-log.ts';
import type { FormatProfile, PartyHeaderFields } from '../../shared/export/format-profile.ts';
import {
  horizontalMarginsTwips,
  pageNumberHeaders,
  partyHeaderBlock,
  partyPage,
} from '../export/party-header-docx.ts';
import { partyDocumentStyles } from '../export/docx/docx-style.ts';
import { countsSentence } from './revision-report.ts';
import { tableHeaders, tableRows } from './revision-table.ts';

/** Shares of the text width per column, in the order of {@link tableHeaders} (sum 100). */
const COLUMN_PERCENT = [5, 13, 25, 14, 6, 9, 18, 10];
/** Table text is 12 pt: eight columns on landscape A4 leave no room for the body's 14 pt. */
const TABLE_HALF_PT = 24;
const CENTRED_COLUMNS = new Set([0, 4, 5]);

/** What a DOCX export prints besides the table: the Party header and the document's names. */
export interface DocxFrame {
  readonly profile: FormatProfile;
  readonly header: PartyHeaderFields;
  readonly draftTitle: string;
}

/**
 * The consolidated table as DOCX: A4 landscape in the profile's typeface (Times New Roman),
 * the Party header block, the title, the round's figures, and the table with its header row
 * repeated on every page.
 */
export async function revisionDocx(log: RevisionLog, frame: DocxFrame): Promise<Buffer> {
  const { profile } = frame;
  const font = profile.font.docx;
  const widthTwips = profile.page.heightTwips - horizontalMarginsTwips(profile);
  const widths = COLUMN_PERCENT.map((p) => Math.floor((widthTwips * p) / 100));
  const run = (text: string, bold = false) => new TextRun({ text, font, bold, size: TABLE_HALF_PT });
  const cell = (text: string, column: number, bold = false) =>
    // Widths and margins are set once on the table: per cell they double the XML and the time to pack it.
    new TableCell({
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: bold || CENTRED_COLUMNS.has(column) ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [run(line, bold)],
          }),
      ),
    });
  const table = new Table({
    width: { size: widthTwips, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: tableHeaders(log).map((h, i) => cell(h, i, true)),
      }),
      // A row never splits across pages: a comment and its answer are read side by side.
      ...tableRows(log).map(
        (row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i)) }),
      ),
    ],
  });
  const centred = (text: string, options: { bold?: boolean; italics?: boolean; size?: number }) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text, font, ...options })],
    });
  const children: FileChild[] = [
    partyHeaderBlock(profile, frame.header, {
      pageWidthTwips: profile.page.heightTwips,
      withoutNumber: true,
    }),
    new Paragraph({}),
    centred('BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý', {
      bold: true,
      size: profile.elements.documentTitle.sizeHalfPt,
    }),
    centred(`vào ${frame.draftTitle} (${log.round.versionLabel})`, { bold: true }),
    // The round's own title only when it says more than the version already named above.
    ...(log.round.title.toLocaleLowerCase('vi').includes(log.round.versionLabel.toLocaleLowerCase('vi'))
      ? []
      : [centred(log.round.title, { italics: true })]),
    new Paragraph({
      spacing: { before: 120, after: 120 },
      children: [new TextRun({ text: countsSentence(log), font })],
    }),
    table,
  ];
  const document = new Document({
    creator: 'vankien',
    title: 'Bảng tổng hợp, tiếp thu, giải trình ý kiến góp ý',
    styles: partyDocumentStyles(profile),
    sections: [
      {
        properties: { page: partyPage(profile, 'landscape'), titlePage: profile.pageNumbers.fromPage > 1 },
        headers: pageNumberHeaders(profile),
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
