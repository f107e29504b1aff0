import {
  BorderStyle,
  Header,
  PageNumber,
  TextRun,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  mmToTwips,
  numberLine,
  placeDateLine,
  type ElementStyle,
  type FormatProfile,
  type PartyHeaderFields,
} from '../../shared/export/format-profile.ts';
import { alignmentOf, styledParagraph, styledRun } from './docx/docx-style.ts';
import { textMeasure } from './fonts.ts';
import { headerLines } from './header-lines.ts';

/** Page orientation of a Party document (the revision log's table is landscape). */
export type PartyOrientation = 'portrait' | 'landscape';

/** Options of {@link partyHeaderBlock}. */
export interface PartyHeaderOptions {
  /** "DỰ THẢO" or "Dự thảo lần N", boxed in the right cell under the date; none for a final text. */
  draftMark?: string | undefined;
  /** No "Số …" line when the paper has no number (a subcommittee's working table), rather than a placeholder. */
  withoutNumber?: boolean | undefined;
  /** Width of the paper in twips (defaults to the profile's portrait width; pass the height for landscape). */
  pageWidthTwips?: number | undefined;
}

/** Points to twips. */
const PT = 20;
/** The rule under the Party title is this much longer than the measured text, so the title never wraps. */
const RULE_SLACK_PT = 2;

/**
 * The borderless two-column Party header of 36-HD/VPTW as a docx Table: superior body,
 * issuing body (bold), a congress document's congress line, "*" and "Số …" on the left, each
 * name broken into lines where Party documents break them ({@link headerLines}); "ĐẢNG CỘNG SẢN VIỆT NAM" with a
 * rule exactly as long as it, the italic place and date, and the optional draft mark on the right.
 */
export function partyHeaderBlock(
  profile: FormatProfile,
  header: PartyHeaderFields,
  options: PartyHeaderOptions = {},
): Table {
  const { elements: e, texts } = profile;
  const textWidth = (options.pageWidthTwips ?? profile.page.widthTwips) - horizontalMarginsTwips(profile);
  const left = Math.round((textWidth * profile.headerLeftPercent) / 100);
  const right = textWidth - left;
  const titleTwips =
    (textMeasure.widthPt(texts.partyTitle, e.partyTitle.sizeHalfPt / 2, e.partyTitle.bold) + RULE_SLACK_PT) *
    PT;
  const ruleIndent = Math.max(0, Math.floor((right - titleTwips) / 2));
  const name = (style: ElementStyle, text: string) =>
    text === '' ? [] : [linesParagraph(profile, style, headerLines(profile, style, text, left / PT))];
  const leftCell = [
    ...name(e.superior, header.superior),
    ...name(e.issuer, header.issuer),
    ...name(e.congress, header.congress),
    styledParagraph(profile, e.issuerMark, texts.issuerMark),
    ...(options.withoutNumber === true && header.numberSymbol === ''
      ? []
      : [
          styledParagraph(profile, e.numberSymbol, numberLine(profile, header), { spacing: { before: 120 } }),
        ]),
  ];
  const rightCell = [
    // The rule is the title paragraph's bottom border, indented to the title's own width.
    styledParagraph(profile, e.partyTitle, texts.partyTitle, {
      indent: { left: ruleIndent, right: ruleIndent },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    }),
    styledParagraph(profile, e.placeDate, placeDateLine(profile, header), { spacing: { before: 360 } }),
  ];
  if (options.draftMark !== undefined && options.draftMark !== '')
    rightCell.push(draftMarkParagraph(profile, options.draftMark, right));
  return new Table({
    rows: [row([leftCell, rightCell], [left, right])],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

/** Page size and margins from the profile, portrait or landscape, for a docx section's `page`. */
export function partyPage(profile: FormatProfile, orientation: PartyOrientation = 'portrait') {
  const { widthTwips, heightTwips, margins, headerMm } = profile.page;
  const landscape = orientation === 'landscape';
  return {
    // docx swaps width and height itself for landscape; give it the portrait values.
    size: {
      width: widthTwips,
      height: heightTwips,
      ...(landscape ? { orientation: 'landscape' as const } : {}),
    },
    margin: {
      top: mmToTwips(margins.topMm),
      bottom: mmToTwips(margins.bottomMm),
      left: mmToTwips(margins.leftMm),
      right: mmToTwips(margins.rightMm),
      header: mmToTwips(headerMm),
    },
  };
}

/** Left plus right margin in twips. */
export function horizontalMarginsTwips(profile: FormatProfile): number {
  return mmToTwips(profile.page.margins.leftMm) + mmToTwips(profile.page.margins.rightMm);
}

/** The draft mark in a thin box just wider than its text, as drafts are commonly marked. */
function draftMarkParagraph(profile: FormatProfile, mark: string, cellTwips: number): Paragraph {
  const side = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 };
  const style = profile.elements.draftMark;
  const boxTwips = (textMeasure.widthPt(mark, style.sizeHalfPt / 2, style.bold) + 12) * PT;
  const indent = Math.max(0, Math.floor((cellTwips - boxTwips) / 2));
  return new Paragraph({
    alignment: alignmentOf(style),
    children: [styledRun(profile, style, mark)],
    border: { top: side, bottom: side, left: side, right: side },
    spacing: { before: 240 },
    indent: { left: indent, right: indent },
  });
}

/** One header name as a paragraph, its lines separated by line breaks (not by paragraphs). */
function linesParagraph(profile: FormatProfile, style: ElementStyle, lines: readonly string[]): Paragraph {
  return new Paragraph({
    alignment: alignmentOf(style),
    children: lines.map((line, i) => styledRun(profile, style, line, {}, i > 0)),
  });
}

function row(cells: Paragraph[][], widths: number[]): TableRow {
  return new TableRow({
    children: cells.map(
      (children, i) =>
        new TableCell({
          children,
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlign.TOP,
          margins: { left: 0, right: 0 },
        }),
    ),
  });
}

/** Page headers numbering pages from the profile's first numbered page, centred over the text. */
export function pageNumberHeaders(profile: FormatProfile) {
  const style = profile.elements.pageNumber;
  return {
    // With `titlePage`, page 1 has its own (empty) header, so numbers start on page 2.
    first: new Header({ children: [new Paragraph({})] }),
    default: new Header({
      children: [
        new Paragraph({
          alignment: alignmentOf(style),
          children: [
            new TextRun({ children: [PageNumber.CURRENT], size: style.sizeHalfPt, font: profile.font.docx }),
          ],
        }),
      ],
    }),
  };
}
