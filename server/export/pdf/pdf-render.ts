import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { numberLine, placeDateLine, type FormatProfile } from '../../../shared/export/format-profile.ts';
import type { ExportDocument } from '../export-model.ts';
import { TextMeasure, TINOS_DIR, TINOS_FILES } from '../fonts.ts';
import { MM, pdfBlocks, styled } from './pdf-blocks.ts';

/**
 * The document as a PDF in the same layout as the DOCX, with the Tinos fonts embedded.
 * pdfmake keeps fonts and policies on its one module instance; they are set on every render,
 * always to the same values, before any user text is laid out (STACK.md T19).
 */
export async function renderPdf(document: ExportDocument, profile: FormatProfile): Promise<Uint8Array> {
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => file.startsWith(TINOS_DIR));
  pdfmake.setFonts({ [profile.font.pdf]: { ...TINOS_FILES } });
  const { page, elements: e } = profile;
  const m = page.margins;
  const pageWidthPt = page.widthTwips / 20;
  const textWidthPt = pageWidthPt - (m.leftMm + m.rightMm) * MM;
  const definition: TDocumentDefinitions = {
    pageSize: { width: pageWidthPt, height: page.heightTwips / 20 },
    pageMargins: [m.leftMm * MM, m.topMm * MM, m.rightMm * MM, m.bottomMm * MM],
    defaultStyle: { font: profile.font.pdf, fontSize: e.body.sizeHalfPt / 2 },
    info: { title: document.title, creator: 'vankien' },
    header: (current) =>
      current >= profile.pageNumbers.fromPage
        ? { ...styled(e.pageNumber, String(current)), margin: [0, page.headerMm * MM, 0, 0] }
        : null,
    content: [
      partyHeader(document, profile, textWidthPt),
      { ...styled(e.documentTitle, document.title), margin: [0, 24, 0, 0] },
      { ...styled(e.subtitle, document.subtitle), margin: [0, 0, 0, 18] },
      ...pdfBlocks(profile, document.blocks),
      signature(document, profile),
    ],
  };
  return new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
}

/** The two-column header: issuer, "*" and number left; Party title with its rule, date and draft mark right. */
function partyHeader(document: ExportDocument, profile: FormatProfile, textWidthPt: number): Content {
  const { elements: e, texts } = profile;
  const h = document.header;
  const leftPt = (textWidthPt * profile.headerLeftPercent) / 100;
  const rightPt = textWidthPt - leftPt;
  const rule = new TextMeasure().widthPt(texts.partyTitle, e.partyTitle.sizeHalfPt / 2, e.partyTitle.bold);
  const x1 = (rightPt - rule) / 2;
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
          ...(h.superior === '' ? [] : [styled(e.superior, h.superior)]),
          styled(e.issuer, h.issuer),
          styled(e.issuerMark, texts.issuerMark),
          { ...styled(e.numberSymbol, numberLine(profile, h)), margin: [0, 6, 0, 0] },
        ],
      },
      { width: rightPt, stack: right },
    ],
  };
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
