import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { numberLine, placeDateLine, type FormatProfile } from '../../../shared/export/format-profile.ts';
import type { ExportDocument } from '../export-model.ts';
import { textMeasure, TINOS_DIR, TINOS_FILES } from '../fonts.ts';
import { headerLines } from '../header-lines.ts';
import { LAST_ID, MM, pdfBlocks, styled } from './pdf-blocks.ts';

/**
 * The document as a PDF in the same layout as the DOCX, with the Tinos fonts embedded.
 * pdfmake keeps fonts and policies on its one module instance; they are set on every render,
 * always to the same values, before any user text is laid out (T19).
 */
export async function renderPdf(document: ExportDocument, profile: FormatProfile): Promise<Uint8Array> {
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => file.startsWith(TINOS_DIR));
  pdfmake.setFonts({ [profile.font.pdf]: { ...TINOS_FILES } });
  const { page, elements: e } = profile;
  const m = page.margins;
  const pageWidthPt = page.widthTwips / 20;
  const textWidthPt = pageWidthPt - (m.leftMm + m.rightMm) * MM;
  const body = pdfBlocks(profile, document.blocks);
  const definition: TDocumentDefinitions = {
    pageSize: { width: pageWidthPt, height: page.heightTwips / 20 },
    pageMargins: [m.leftMm * MM, m.topMm * MM, m.rightMm * MM, m.bottomMm * MM],
    defaultStyle: { font: profile.font.pdf, fontSize: e.body.sizeHalfPt / 2 },
    language: profile.language,
    info: { title: document.title, author: document.header.issuer, creator: 'vankien' },
    // Centred over the text block (between the margins), not over the whole page.
    header: (current) =>
      current >= profile.pageNumbers.fromPage
        ? {
            ...styled(e.pageNumber, String(current)),
            margin: [m.leftMm * MM, page.headerMm * MM, m.rightMm * MM, 0],
          }
        : null,
    content: [
      partyHeader(document, profile, textWidthPt),
      { ...styled(e.documentTitle, document.title), margin: [0, 24, 0, 0] },
      { ...styled(e.subtitle, document.subtitle), margin: [0, 0, 0, 18] },
      ...closing(body, signature(document, profile), profile, textWidthPt),
    ],
  };
  return new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
}

/** The two-column header: issuer, congress line, "*" and number left; Party title with its rule, date and draft mark right. */
function partyHeader(document: ExportDocument, profile: FormatProfile, textWidthPt: number): Content {
  const { elements: e, texts } = profile;
  const h = document.header;
  const leftPt = (textWidthPt * profile.headerLeftPercent) / 100;
  const rightPt = textWidthPt - leftPt;
  const rule = textMeasure.widthPt(texts.partyTitle, e.partyTitle.sizeHalfPt / 2, e.partyTitle.bold);
  const x1 = (rightPt - rule) / 2;
  const name = (style: typeof e.issuer, text: string): Content[] =>
    text === '' ? [] : [styled(style, headerLines(profile, style, text, leftPt).join('\n'))];
  const right: Content[] = [
    styled(e.partyTitle, texts.partyTitle),
    { canvas: [{ type: 'line', x1, y1: 1, x2: x1 + rule, y2: 1, lineWidth: 0.6 }] },
    { ...styled(e.placeDate, placeDateLine(profile, h)), margin: [0, 16, 0, 0] },
  ];
  if (document.draftMark !== null)
    right.push({
      columns: [
        { width: '*', text: '' },
        { width: 'auto', table: { body: [[styled(e.draftMark, document.draftMark)]] } },
        { width: '*', text: '' },
      ],
      margin: [0, 12, 0, 0],
    });
  return {
    columns: [
      {
        width: leftPt,
        stack: [
          ...name(e.superior, h.superior),
          ...name(e.issuer, h.issuer),
          ...name(e.congress, h.congress),
          styled(e.issuerMark, texts.issuerMark),
          { ...styled(e.numberSymbol, numberLine(profile, h)), margin: [0, 6, 0, 0] },
        ],
      },
      { width: rightPt, stack: right },
    ],
  };
}

/** Lines of body text that may move to the next page with the closing block (about half a page). */
const CLOSING_KEEP_LINES = 20;

/**
 * The body's end and the closing block: the last paragraph (with any headings just over it)
 * and the signature block are one unbreakable stack, so the closing block never stands alone
 * on a page. pdfmake's `pageBreakBefore` would do it by laying the whole document out again
 * (and holding a copy of every node); an estimate of the paragraph's lines is enough to
 * decide. A last paragraph longer than about half a page is left to break as it falls.
 */
function closing(
  body: Content[],
  signatureBlock: Content,
  profile: FormatProfile,
  textWidthPt: number,
): Content[] {
  const at = body.findIndex((node) => (node as { id?: string }).id === LAST_ID);
  if (at < 0) return [signatureBlock];
  const tail = body.slice(at + 1);
  const sizePt = profile.elements.body.sizeHalfPt / 2;
  const lines = tail.reduce<number>((sum, node) => sum + estimatedLines(node, sizePt, textWidthPt), 0);
  if (lines > CLOSING_KEEP_LINES) return [...body.slice(0, at), ...tail, signatureBlock];
  return [...body.slice(0, at), { stack: [...tail, signatureBlock], unbreakable: true }];
}

/** Roughly how many lines a node's text takes (measured in the body size, plus one per paragraph). */
function estimatedLines(node: Content, sizePt: number, widthPt: number): number {
  const text = (value: unknown): string =>
    typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? value.map(text).join('')
        : typeof value === 'object' && value !== null
          ? text((value as { text?: unknown; stack?: unknown }).text ?? (value as { stack?: unknown }).stack)
          : '';
  if (typeof node === 'object' && node !== null && 'stack' in node)
    return (node.stack as Content[]).reduce<number>((sum, n) => sum + estimatedLines(n, sizePt, widthPt), 0);
  return Math.ceil(textMeasure.widthPt(text(node), sizePt, false) / widthPt) + 1;
}

/** "Nơi nhận:" and recipients left, the signing authority and name right, kept on one page. */
function signature(document: ExportDocument, profile: FormatProfile): Content {
  const { elements: e } = profile;
  return {
    unbreakable: true,
    margin: [0, 12, 0, 0],
    columns: [
      {
        width: '*',
        stack: [
          styled(e.recipientsLabel, profile.texts.recipientsLabel),
          ...document.recipients.map((line) => styled(e.recipient, line)),
        ],
      },
      {
        width: '*',
        stack: [
          styled(e.signatureAuthority, document.signature.authority),
          styled(e.signatureTitle, document.signature.title),
          { ...styled(e.signerName, document.signature.name), margin: [0, 72, 0, 0] },
        ],
      },
    ],
  };
}
