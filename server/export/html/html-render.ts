import {
  numberLine,
  placeDateLine,
  styledText,
  type ElementStyle,
  type FormatProfile,
} from '../../../shared/export/format-profile.ts';
import { headingStyle } from '../docx/docx-blocks.ts';
import { aligned, indents, type ExportDocument, type Run } from '../export-model.ts';
import { headerLines } from '../header-lines.ts';
import { htmlStyles } from './html-styles.ts';
import { htmlTable } from './html-table.ts';

/** The document as one self-contained HTML page laid out like the printed A4 page. */
export function renderHtml(document: ExportDocument, profile: FormatProfile): string {
  const { elements: e, texts } = profile;
  const h = document.header;
  const p = (style: ElementStyle, text: string, cls = '') =>
    `<p class="${cls}" style="${css(style)}">${escape(styledText(style, text))}</p>`;
  // Header names break where the DOCX and PDF break them.
  const name = (style: ElementStyle, text: string) =>
    text === ''
      ? ''
      : `<p style="${css(style)}">${headerLines(profile, style, text, headerLeftPt(profile))
          .map(escape)
          .join('<br>')}</p>`;
  const runs = (style: ElementStyle, list: readonly Run[]) =>
    list.map((r) => emphasis(r, escape(styledText(style, r.text)))).join('');
  const body = document.blocks
    .map((b) => {
      if (b.kind === 'part')
        return `${b.label === '' ? '' : p(e.partLabel, b.label, 'keep')}<h2 style="${css(aligned(e.partTitle, b.align))}">${runs(e.partTitle, b.title)}</h2>`;
      if (b.kind === 'heading') {
        const style = aligned(headingStyle(profile, b.level), b.align);
        return `<h${b.level + 1} class="body" style="${css(style)}">${runs(style, b.runs)}</h${b.level + 1}>`;
      }
      if (b.kind === 'table')
        return htmlTable(b, (list) => runs(e.body, list), `font-size:${e.body.sizeHalfPt / 2}pt`);
      const marker = b.kind === 'item' && b.marker !== '' ? `${escape(b.marker)} ` : '';
      const depth = b.kind === 'item' ? b.depth : 1;
      const indent = indents(b.align) ? depth * profile.body.firstLineIndentMm : 0;
      return `<p class="body" style="${css(aligned(e.body, b.align))};text-indent:${indent}mm">${marker}${runs(e.body, b.runs)}</p>`;
    })
    .join('\n');
  const draftMark =
    document.draftMark === null
      ? ''
      : `<p class="mark" style="${css(e.draftMark)}"><span>${escape(document.draftMark)}</span></p>`;
  return `<!doctype html>
<html lang="${profile.language.slice(0, 2)}"><head><meta charset="utf-8"><title>${escape(document.title)}</title>
<style>${htmlStyles(profile)}</style></head>
<body><main class="page">
<table class="party"><tr>
<td class="left">${name(e.superior, h.superior)}${name(e.issuer, h.issuer)}${name(e.congress, h.congress)}${p(e.issuerMark, texts.issuerMark)}${p(e.numberSymbol, numberLine(profile, h), 'number')}</td>
<td class="right"><p style="${css(e.partyTitle)}"><span class="ruled">${escape(texts.partyTitle)}</span></p>${p(e.placeDate, placeDateLine(profile, h), 'date')}${draftMark}</td>
</tr></table>
<h1 style="${css(e.documentTitle)}">${escape(styledText(e.documentTitle, document.title))}</h1>
${document.subtitle === '' ? '' : p(e.subtitle, document.subtitle, 'subtitle')}
${body}
<table class="signature"><tr>
<td>${p(e.recipientsLabel, texts.recipientsLabel)}${document.recipients.map((r) => p(e.recipient, r)).join('')}</td>
<td>${p(e.signatureAuthority, document.signature.authority)}${p(e.signatureTitle, document.signature.title)}${p(e.signerName, document.signature.name, 'signer')}</td>
</tr></table>
</main></body></html>
`;
}

/** The header's left column in points (text width × the profile's share). */
function headerLeftPt(profile: FormatProfile): number {
  const m = profile.page.margins;
  return (
    ((profile.page.widthTwips / 20 - ((m.leftMm + m.rightMm) * 72) / 25.4) * profile.headerLeftPercent) / 100
  );
}

/** Inline CSS of one element. */
function css(style: ElementStyle): string {
  return [
    `font-size:${style.sizeHalfPt / 2}pt`,
    `font-weight:${style.bold ? 'bold' : 'normal'}`,
    `font-style:${style.italic ? 'italic' : 'normal'}`,
    `text-align:${style.align}`,
    ...(style.underline ? ['text-decoration:underline'] : []),
  ].join(';');
}

function emphasis(run: Run, html: string): string {
  let out = html;
  if (run.bold) out = `<strong>${out}</strong>`;
  if (run.italic) out = `<em>${out}</em>`;
  if (run.underline) out = `<u>${out}</u>`;
  const proposal = run.suggestion;
  if (proposal !== undefined) {
    const tag = proposal.kind === 'insert' ? 'ins' : 'del';
    const colour = proposal.kind === 'insert' ? '#1d6b2a' : '#a61b1b';
    out = `<${tag} style="color:${colour}" title="${escape(proposal.author)}" datetime="${escape(proposal.date)}">${out}</${tag}>`;
  }
  return out;
}

/** Escapes text for HTML content and attribute values. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
