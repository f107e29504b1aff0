import {
  AlignmentType,
  LineRuleType,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IStylesOptions,
} from 'docx';
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
  /** Starts the run on a new line (a line break, not a new paragraph). */
  newLine = false,
): TextRun {
  return new TextRun(styledRunOptions(profile, style, text, extra, newLine));
}

/** The options of {@link styledRun}, for runs of other kinds (tracked insertions and deletions). */
export function styledRunOptions(
  profile: FormatProfile,
  style: ElementStyle,
  text: string,
  extra: { bold?: boolean; italic?: boolean; underline?: boolean } = {},
  newLine = false,
) {
  return {
    ...(newLine ? { break: 1 } : {}),
    text: styledText(style, text),
    font: profile.font.docx,
    size: style.sizeHalfPt,
    bold: style.bold || extra.bold === true,
    italics: style.italic || extra.italic === true,
    ...(style.underline || extra.underline === true ? { underline: {} } : {}),
  };
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

/**
 * The body's spacing in twips. The rule is written out: without `w:lineRule` LibreOffice reads
 * `w:line` as an exact height (13.8 pt for 14 pt text, diacritics touching), Word as a multiple.
 */
export function bodySpacing(profile: FormatProfile) {
  return {
    line: Math.round(240 * profile.body.lineSpacing),
    lineRule: LineRuleType.AUTO,
    after: Math.round(profile.body.spaceAfterPt * 20),
  };
}

/**
 * Document defaults from the profile: the typeface, body size and language (vi-VN, for
 * Word's proofing) of every run; single spacing with its rule written out; Word's Heading 1–4 restyled to the profile's part and heading elements
 * (black, not Word's blue), with their outline levels.
 */
export function partyDocumentStyles(profile: FormatProfile): IStylesOptions {
  const e = profile.elements;
  const heading = (style: ElementStyle, level: number) => ({
    run: {
      font: profile.font.docx,
      size: style.sizeHalfPt,
      bold: style.bold,
      italics: style.italic,
      color: '000000',
    },
    paragraph: { keepNext: true, outlineLevel: level },
  });
  return {
    default: {
      document: {
        run: {
          font: profile.font.docx,
          size: e.body.sizeHalfPt,
          language: { value: profile.language },
        },
        paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO } },
      },
      heading1: heading(e.partTitle, 0),
      heading2: heading(e.heading2, 1),
      heading3: heading(e.heading3, 2),
      heading4: heading(e.heading4, 3),
    },
  };
}
