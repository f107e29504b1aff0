import {
  CommentRangeEnd,
  HeadingLevel,
  type IParagraphOptions,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  InsertedTextRun,
  Paragraph,
  TextRun,
  type ParagraphChild,
  type Table,
} from 'docx';
import { mmToTwips, type ElementStyle, type FormatProfile } from '../../../shared/export/format-profile.ts';
import { aligned, indents, type Block, type Run } from '../export-model.ts';
import { alignmentOf, bodySpacing, styledRun, styledRunOptions } from './docx-style.ts';
import { docxTable } from './docx-table.ts';

/**
 * The body's blocks as docx paragraphs, in the profile's styles; comment ranges wrap their runs.
 * Parts and headings carry Word's heading styles (outline levels 1–4), so the navigation pane
 * and a table of contents see them; they keep with the next paragraph, and the last paragraph
 * keeps with the signature block that follows the body.
 */
export function docxBlocks(profile: FormatProfile, blocks: readonly Block[]): (Paragraph | Table)[] {
  const { elements: e } = profile;
  const spacing = bodySpacing(profile);
  const indent = mmToTwips(profile.body.firstLineIndentMm);
  const last = blocks.length - 1;
  return blocks.map((block, i) => {
    const keepNext = i === last;
    switch (block.kind) {
      case 'part': {
        // Label and title are one heading paragraph, so the outline shows "Phần thứ nhất KẾT QUẢ …".
        const label: ParagraphChild[] =
          block.label === '' ? [] : [styledRun(profile, e.partLabel, block.label), new TextRun({ break: 1 })];
        return new Paragraph({
          heading: HEADING_LEVELS[1],
          widowControl: true,
          spacing: { ...spacing, before: 240 },
          keepNext: true,
          alignment: alignmentOf(aligned(e.partTitle, block.align)),
          children: [...label, ...runChildren(profile, e.partTitle, block.title)],
        });
      }
      case 'heading':
        return paragraph(profile, aligned(headingStyle(profile, block.level), block.align), block.runs, {
          heading: HEADING_LEVELS[block.level],
          spacing: { ...spacing, before: 120 },
          indent: { firstLine: indents(block.align) ? indent : 0 },
          keepNext: true,
        });
      case 'paragraph':
        return paragraph(profile, aligned(e.body, block.align), block.runs, {
          spacing,
          indent: { firstLine: indents(block.align) ? indent : 0 },
          keepNext,
        });
      case 'item': {
        const runs = block.marker === '' ? block.runs : [markerRun(block.marker), ...block.runs];
        return paragraph(profile, aligned(e.body, block.align), runs, {
          spacing,
          indent: { firstLine: indents(block.align) ? indent * block.depth : 0 },
          keepNext,
        });
      }
      case 'table':
        return docxTable(profile, block, (style, runs) => runChildren(profile, style, runs));
    }
  });
}

/** Word's built-in heading styles by outline depth (the styles themselves come from the profile). */
const HEADING_LEVELS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

/** The style of heading levels below a part. */
export function headingStyle(profile: FormatProfile, level: 2 | 3 | 4): ElementStyle {
  return level === 2
    ? profile.elements.heading2
    : level === 3
      ? profile.elements.heading3
      : profile.elements.heading4;
}

function paragraph(
  profile: FormatProfile,
  style: ElementStyle,
  runs: readonly Run[],
  options: Omit<IParagraphOptions, 'children' | 'alignment'>,
): Paragraph {
  return new Paragraph({
    // Never one line of a paragraph alone at a page's foot or head (Word's and LibreOffice's rule).
    widowControl: true,
    ...options,
    alignment: alignmentOf(style),
    children: runChildren(profile, style, runs),
  });
}

/** Runs with their comment ranges: start marks before, end marks and the reference after. */
function runChildren(profile: FormatProfile, style: ElementStyle, runs: readonly Run[]): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  for (const run of runs) {
    for (const id of run.starts) children.push(new CommentRangeStart(id));
    if (run.text !== '') children.push(textRun(profile, style, run));
    for (const id of run.ends)
      children.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
  }
  return children;
}

/** Word revision ids: unique within a file is all Word asks, so one counter serves every render. */
let revisionId = 0;

/** A run, or a proposal shown as a real Word revision (Review → Accept/Reject works on it). */
function textRun(profile: FormatProfile, style: ElementStyle, run: Run): ParagraphChild {
  if (run.suggestion === undefined) return styledRun(profile, style, run.text, run);
  revisionId = (revisionId % 1_000_000_000) + 1;
  const options = {
    ...styledRunOptions(profile, style, run.text, run),
    id: revisionId,
    author: run.suggestion.author,
    date: run.suggestion.date,
  };
  return run.suggestion.kind === 'insert' ? new InsertedTextRun(options) : new DeletedTextRun(options);
}

function markerRun(marker: string): Run {
  return { text: `${marker} `, bold: false, italic: false, underline: false, starts: [], ends: [] };
}
