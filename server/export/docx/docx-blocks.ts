import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Paragraph,
  TextRun,
  type Table,
  type ParagraphChild,
} from 'docx';
import { mmToTwips, type ElementStyle, type FormatProfile } from '../../../shared/export/format-profile.ts';
import type { Block, Run } from '../export-model.ts';
import { alignmentOf, styledParagraph, styledRun } from './docx-style.ts';
import { docxTable } from './docx-table.ts';

/** The body's blocks as docx paragraphs, in the profile's styles; comment ranges wrap their runs. */
export function docxBlocks(profile: FormatProfile, blocks: readonly Block[]): (Paragraph | Table)[] {
  const { elements: e, body } = profile;
  const spacing = { line: Math.round(240 * body.lineSpacing), after: Math.round(body.spaceAfterPt * 20) };
  const indent = mmToTwips(body.firstLineIndentMm);
  const out: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'part':
        if (block.label !== '')
          out.push(
            styledParagraph(profile, e.partLabel, block.label, { spacing: { before: 240 }, keepNext: true }),
          );
        out.push(
          paragraph(profile, e.partTitle, block.title, {
            spacing: { ...spacing, before: 0 },
            keepNext: true,
          }),
        );
        break;
      case 'heading':
        out.push(
          paragraph(profile, headingStyle(profile, block.level), block.runs, {
            spacing: { ...spacing, before: 120 },
            indent: { firstLine: indent },
            keepNext: true,
          }),
        );
        break;
      case 'paragraph':
        out.push(paragraph(profile, e.body, block.runs, { spacing, indent: { firstLine: indent } }));
        break;
      case 'item': {
        const runs = block.marker === '' ? block.runs : [markerRun(block.marker), ...block.runs];
        out.push(paragraph(profile, e.body, runs, { spacing, indent: { firstLine: indent * block.depth } }));
        break;
      }
      case 'table':
        out.push(docxTable(profile, block, (style, runs) => runChildren(profile, style, runs)));
        break;
    }
  }
  return out;
}

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
  options: {
    spacing?: { line?: number; after?: number; before?: number };
    indent?: { firstLine: number };
    keepNext?: boolean;
  },
): Paragraph {
  return new Paragraph({
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
    if (run.text !== '') children.push(styledRun(profile, style, run.text, run));
    for (const id of run.ends)
      children.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
  }
  return children;
}

function markerRun(marker: string): Run {
  return { text: `${marker} `, bold: false, italic: false, underline: false, starts: [], ends: [] };
}
