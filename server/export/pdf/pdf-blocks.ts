import type { Content, ContentText } from 'pdfmake/interfaces.js';
import { styledText, type ElementStyle, type FormatProfile } from '../../../shared/export/format-profile.ts';
import { headingStyle } from '../docx/docx-blocks.ts';
import type { Block, Run } from '../export-model.ts';
import { pdfTable } from './pdf-table.ts';

/** Points per millimetre. */
export const MM = 72 / 25.4;

/** One element's text in its style. */
export function styled(style: ElementStyle, text: string): ContentText {
  return {
    text: styledText(style, text),
    ...format(style),
  };
}

/** The body's blocks as pdfmake content, mirroring the DOCX paragraphs. */
export function pdfBlocks(profile: FormatProfile, blocks: readonly Block[]): Content[] {
  const { elements: e, body } = profile;
  const indent = body.firstLineIndentMm * MM;
  const text = (style: ElementStyle, runs: readonly Run[], margin: [number, number, number, number]) => ({
    text: runs.filter((r) => r.text !== '').map((r) => runText(style, r)),
    ...format(style),
    lineHeight: body.lineSpacing,
    margin,
  });
  const after = body.spaceAfterPt;
  return blocks.flatMap((block): Content[] => {
    switch (block.kind) {
      case 'part':
        return [
          ...(block.label === ''
            ? []
            : [{ ...styled(e.partLabel, block.label), margin: [0, 12, 0, 0] } as Content]),
          { ...text(e.partTitle, block.title, [0, 0, 0, after]), headlineLevel: 1 },
        ];
      case 'heading':
        return [
          {
            ...text(headingStyle(profile, block.level), block.runs, [0, 6, 0, after]),
            leadingIndent: indent,
          },
        ];
      case 'paragraph':
        return [{ ...text(e.body, block.runs, [0, 0, 0, after]), leadingIndent: indent }];
      case 'item': {
        const runs = block.marker === '' ? block.runs : [{ ...plain(`${block.marker} `) }, ...block.runs];
        return [{ ...text(e.body, runs, [0, 0, 0, after]), leadingIndent: indent * block.depth }];
      }
      case 'table':
        return [
          pdfTable(
            profile,
            block,
            (style, runs) => runs.filter((r) => r.text !== '').map((r) => runText(style, r)),
            [0, 0, 0, after],
          ),
        ];
    }
  });
}

function format(style: ElementStyle) {
  return {
    fontSize: style.sizeHalfPt / 2,
    bold: style.bold,
    italics: style.italic,
    alignment: style.align,
    ...(style.underline ? { decoration: 'underline' as const } : {}),
  };
}

function runText(style: ElementStyle, run: Run): ContentText {
  return {
    text: styledText(style, run.text),
    bold: style.bold || run.bold,
    italics: style.italic || run.italic,
    ...(style.underline || run.underline ? { decoration: 'underline' as const } : {}),
  };
}

function plain(text: string): Run {
  return { text, bold: false, italic: false, underline: false, starts: [], ends: [] };
}
