import {
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { FormatProfile } from '../../../shared/export/format-profile.ts';
import type { ExportDocument } from '../export-model.ts';
import {
  horizontalMarginsTwips,
  pageNumberHeaders,
  partyHeaderBlock,
  partyPage,
} from '../party-header-docx.ts';
import { docxBlocks } from './docx-blocks.ts';
import { partyDocumentStyles, styledParagraph } from './docx-style.ts';

/** The document as a DOCX file: Party header, title, body, signature and recipients; numbered from page 2. */
export async function renderDocx(document: ExportDocument, profile: FormatProfile): Promise<Uint8Array> {
  const { elements: e } = profile;
  const file = new Document({
    // Word's File › Info: the title, the issuing body as author, the trích yếu as subject.
    title: document.title,
    subject: document.subtitle,
    creator: document.header.issuer,
    lastModifiedBy: document.header.issuer,
    styles: partyDocumentStyles(profile),
    comments: {
      children: document.comments.map((c) => ({
        id: c.id,
        author: c.author,
        date: new Date(c.date),
        children: c.text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
      })),
    },
    sections: [
      {
        properties: { page: partyPage(profile), titlePage: profile.pageNumbers.fromPage > 1 },
        headers: pageNumberHeaders(profile),
        children: [
          partyHeaderBlock(profile, document.header, { draftMark: document.draftMark ?? undefined }),
          styledParagraph(profile, e.documentTitle, document.title, { spacing: { before: 480 } }),
          styledParagraph(profile, e.subtitle, document.subtitle, { spacing: { after: 360 } }),
          ...docxBlocks(profile, document.blocks),
          signatureTable(profile, document),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}

/** "Nơi nhận:" and recipients on the left, the signing authority and name on the right, without borders. */
function signatureTable(profile: FormatProfile, document: ExportDocument): Table {
  const { elements: e } = profile;
  const width = profile.page.widthTwips - horizontalMarginsTwips(profile);
  const half = Math.round(width / 2);
  const cell = (children: Paragraph[], size: number) =>
    new TableCell({ children, width: { size, type: WidthType.DXA }, margins: { left: 0, right: 0 } });
  const left = [
    styledParagraph(profile, e.recipientsLabel, profile.texts.recipientsLabel),
    ...document.recipients.map((line) => styledParagraph(profile, e.recipient, line)),
  ];
  const right = [
    styledParagraph(profile, e.signatureAuthority, document.signature.authority),
    styledParagraph(profile, e.signatureTitle, document.signature.title),
    // Room for the signature and the seal.
    styledParagraph(profile, e.signerName, document.signature.name, { spacing: { before: 1440 } }),
  ];
  return new Table({
    rows: [new TableRow({ cantSplit: true, children: [cell(left, half), cell(right, width - half)] })],
    width: { size: width, type: WidthType.DXA },
    columnWidths: [half, width - half],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}
