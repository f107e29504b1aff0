import type { Content, ContentText } from 'pdfmake/interfaces.js';
import { styledText, type ElementStyle, type FormatProfile } from '../../../shared/export/format-profile.ts';
import { headingStyle } from '../docx/docx-blocks.ts';
import { aligned, indents, runsText, type Block, type Run } from '../export-model.ts';
import { textMeasure } from '../fonts.ts';
import { pdfTable } from './pdf-table.ts';

/** Points per millimetre. */
export const MM = 72 / 25.4;

/** Lines of the next paragraph a heading keeps on its page (Word's widow control keeps two). */
const KEEP_LINES = 2;

/** One element's text in its style. */
export function styled(style: ElementStyle, text: string): ContentText {
  return {
    text: styledText(style, text),
    ...format(style),
  };
}

/**
 * The body's blocks as pdfmake content, mirroring the DOCX paragraphs. pdfmake has no "keep
 * with next", so a run of headings is an unbreakable stack that ends with room for the next
 * paragraph's first two lines, and that paragraph starts back up over the reserved room: when
 * the headings and two lines do not fit, they all move to the next page together. This costs
 * no second layout pass (pdfmake's `pageBreakBefore` re-lays the whole document per break).
 * Headings are PDF bookmarks, nested by level.
 */
export function pdfBlocks(profile: FormatProfile, blocks: readonly Block[]): Content[] {
  const { body } = profile;
  const reserve =
    KEEP_LINES * textMeasure.lineHeightPt(profile.elements.body.sizeHalfPt / 2, body.lineSpacing);
  const parents: string[] = [];
  const content: Content[] = [];
  /** Whether the node just pushed reserved room that the next node starts back up over. */
  let reserved = false;
  const push = (node: Content) => {
    if (!reserved) content.push(node);
    else {
      const margin = (node as { margin?: number[] }).margin ?? [0, 0, 0, 0];
      content.push({
        ...(node as object),
        margin: [margin[0]!, margin[1]! - reserve, margin[2]!, margin[3]!],
      } as Content);
    }
    reserved = false;
  };
  const isHeading = (b: Block | undefined) => b?.kind === 'part' || b?.kind === 'heading';
  let lastAt = 0;
  for (let i = 0; i < blocks.length;) {
    // A node that starts back up over reserved room stays with the stack before it.
    if (!reserved) lastAt = content.length;
    if (!isHeading(blocks[i])) {
      for (const node of blockContent(profile, blocks[i]!, `b${i}`, parents)) push(node);
      i += 1;
      continue;
    }
    // A few headings at a time: an unbreakable stack taller than a page would be cut off.
    const chunk: Content[] = [];
    for (let n = 0; n < CHUNK && isHeading(blocks[i]); n++, i++)
      chunk.push(...blockContent(profile, blocks[i]!, `b${i}`, parents));
    // Only a paragraph starts back up over the reserved room: it is sure to start on the same
    // page. A stack moved whole to a new page would carry its negative margin into the top margin,
    // so after more headings than a chunk holds the chain may break (four empty sections in a row).
    if (i >= blocks.length || isHeading(blocks[i])) {
      push({ stack: chunk, unbreakable: true });
      continue;
    }
    push({
      stack: [...chunk, { text: ' ', fontSize: 1, margin: [0, reserve - 1, 0, 0] }],
      unbreakable: true,
    });
    reserved = true;
    for (const node of blockContent(profile, blocks[i]!, `b${i}`, parents)) push(node);
    i += 1;
  }
  // A mark just before the body's last paragraph (and the headings over it): the closing
  // block is kept with what follows it (pdf-render.ts).
  if (content.length > 0) content.splice(lastAt, 0, { text: ' ', fontSize: 1, id: LAST_ID });
  return content;
}

/** The id of the point before the body's last paragraph. */
export const LAST_ID = 'body-last';

/** Headings per unbreakable stack (a run of empty sections can be longer than a page). */
const CHUNK = 4;

function blockContent(profile: FormatProfile, block: Block, id: string, parents: string[]): Content[] {
  const { elements: e, body } = profile;
  const indent = body.firstLineIndentMm * MM;
  const lineHeight = body.lineSpacing * textMeasure.wordLineFactor();
  const text = (style: ElementStyle, runs: readonly Run[], margin: [number, number, number, number]) => ({
    id,
    text: runs.filter((r) => r.text !== '').map((r) => runText(style, r)),
    ...format(style),
    lineHeight,
    margin,
  });
  const after = body.spaceAfterPt;
  /** A bookmark under the nearest heading of a higher level. */
  const outline = (level: number, title: string) => {
    parents.length = level - 1;
    const parent = parents.findLast((p) => p !== undefined);
    parents[level - 1] = id;
    return {
      outline: true,
      outlineText: title,
      ...(parent === undefined ? {} : { outlineParentId: parent }),
    };
  };
  switch (block.kind) {
    case 'part': {
      const title = runsText(block.title);
      const bookmark = outline(1, `${block.label} ${styledText(e.partTitle, title)}`.trim());
      const titleStyle = aligned(e.partTitle, block.align);
      if (block.label === '') return [{ ...text(titleStyle, block.title, [0, 12, 0, after]), ...bookmark }];
      return [
        {
          ...styled(e.partLabel, block.label),
          id,
          margin: [0, 12, 0, 0],
          lineHeight,
          ...bookmark,
        },
        { ...text(titleStyle, block.title, [0, 0, 0, after]), id: `${id}t` } as Content,
      ];
    }
    case 'heading': {
      const style = aligned(headingStyle(profile, block.level), block.align);
      return [
        {
          ...text(style, block.runs, [0, 6, 0, after]),
          leadingIndent: indents(block.align) ? indent : 0,
          ...outline(block.level, styledText(style, runsText(block.runs))),
        },
      ];
    }
    case 'paragraph':
      return [
        {
          ...text(aligned(e.body, block.align), block.runs, [0, 0, 0, after]),
          leadingIndent: indents(block.align) ? indent : 0,
        },
      ];
    case 'item': {
      const runs = block.marker === '' ? block.runs : [plain(`${block.marker} `), ...block.runs];
      return [
        {
          ...text(aligned(e.body, block.align), runs, [0, 0, 0, after]),
          leadingIndent: indents(block.align) ? indent * block.depth : 0,
        },
      ];
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
  const proposal = run.suggestion;
  return {
    text: styledText(style, run.text),
    bold: style.bold || run.bold,
    italics: style.italic || run.italic,
    ...(style.underline || run.underline ? { decoration: 'underline' as const } : {}),
    // Shown proposals: insertions underlined in green, deletions struck through in red.
    ...(proposal === undefined
      ? {}
      : proposal.kind === 'insert'
        ? { decoration: 'underline' as const, color: '#1d6b2a' }
        : { decoration: 'lineThrough' as const, color: '#a61b1b' }),
  };
}

function plain(text: string): Run {
  return { text, bold: false, italic: false, underline: false, starts: [], ends: [] };
}
