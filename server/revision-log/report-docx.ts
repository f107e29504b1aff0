import { Document, Packer, Paragraph, type FileChild } from 'docx';
import { mmToTwips } from '../../shared/export/format-profile.ts';
import { bodySpacing, partyDocumentStyles, styledParagraph } from '../export/docx/docx-style.ts';
import { partyHeaderBlock, partyPage } from '../export/party-header-docx.ts';
import type { DocxFrame } from './revision-docx.ts';
import { REPORT_PARTS } from './revision-report.ts';

const PARTS = new Set<string>(REPORT_PARTS);

/**
 * The narrative report as the secretary left it, as a portrait DOCX in the Party layout:
 * header block, the first two lines as the document's title and subtitle, part headings
 * (I. … VI.) bold, everything else body text with the profile's indent.
 */
export async function reportDocx(text: string, frame: DocxFrame): Promise<Buffer> {
  const { profile } = frame;
  const e = profile.elements;
  const [title = '', subtitle = '', ...rest] = text.replace(/\r\n?/gu, '\n').split('\n');
  const body = {
    indent: { firstLine: mmToTwips(profile.body.firstLineIndentMm) },
    spacing: bodySpacing(profile),
  };
  const children: FileChild[] = [
    partyHeaderBlock(profile, frame.header),
    new Paragraph({}),
    styledParagraph(profile, e.documentTitle, title),
    styledParagraph(profile, e.subtitle, subtitle, { spacing: { after: 240 } }),
    ...rest.map((line) =>
      PARTS.has(line.trim())
        ? styledParagraph(profile, e.heading2, line.trim(), { spacing: { before: 120, after: 60 } })
        : styledParagraph(profile, e.body, line, body),
    ),
  ];
  const document = new Document({
    creator: 'vankien',
    title: title || 'Báo cáo tổng hợp ý kiến',
    styles: partyDocumentStyles(profile),
    sections: [{ properties: { page: partyPage(profile) }, children }],
  });
  return Packer.toBuffer(document);
}
