import { AlignmentType, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import { styledText, type ElementStyle, type FormatProfile } from '../../../shared/export/format-profile.ts';

const ALIGNMENT = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

/** A run in the profile's typeface with an element's size and style; `extra` adds emphasis from the editor. */
export function styledRun(
  profile: FormatProfile,
  style: ElementStyle,
  text: string,
  extra: { bold?: boolean; italic?: boolean; underline?: boolean } = {},
): TextRun {
  return new TextRun({
    text: styledText(style, text),
    font: profile.font.docx,
    size: style.sizeHalfPt,
    bold: style.bold || extra.bold === true,
    italics: style.italic || extra.italic === true,
    ...(style.underline || extra.underline === true ? { underline: {} } : {}),
  });
}

/** A paragraph of one element: its alignment and one run of `text` (nothing printed when empty). */
export function styledParagraph(
  profile: FormatProfile,
  style: ElementStyle,
  text: string,
  options: Omit<IParagraphOptions, 'children' | 'alignment'> = {},
): Paragraph {
  return new Paragraph({
    ...options,
    alignment: ALIGNMENT[style.align],
    children: text === '' ? [] : [styledRun(profile, style, text)],
  });
}

/** The docx alignment of an element. */
export function alignmentOf(style: ElementStyle) {
  return ALIGNMENT[style.align];
}
