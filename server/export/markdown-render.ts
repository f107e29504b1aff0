import {
  numberLine,
  placeDateLine,
  styledText,
  type FormatProfile,
} from '../../shared/export/format-profile.ts';
import { headingStyle } from './docx/docx-blocks.ts';
import type { TextAlignment } from '../../shared/editor/attribute-values.ts';
import type { ExportDocument, Run } from './export-model.ts';
import { markdownTable } from './markdown-table.ts';

/** The document as Markdown: the header lines, the numbered headings and the text with its emphasis. */
export function renderMarkdown(document: ExportDocument, profile: FormatProfile): string {
  const { elements: e, texts } = profile;
  const h = document.header;
  const lines: string[] = [];
  const line = (text: string) => lines.push(text, '');
  if (h.superior !== '') line(styledText(e.superior, h.superior));
  line(`**${styledText(e.issuer, h.issuer)}**`);
  if (h.congress !== '') line(`**${styledText(e.congress, h.congress)}**`);
  line(`${texts.issuerMark === '*' ? '\\*' : texts.issuerMark}`);
  line(numberLine(profile, h));
  line(`**${texts.partyTitle}**`);
  line(`*${placeDateLine(profile, h)}*`);
  if (document.draftMark !== null) line(`**${document.draftMark}**`);
  line(`# ${styledText(e.documentTitle, document.title)}`);
  if (document.subtitle !== '') line(`**${document.subtitle}**`);
  /** Markdown has no alignment: an aligned paragraph goes in an HTML block, which renderers honour. */
  const alignedLine = (text: string, align: TextAlignment | null | undefined) =>
    line(align == null || align === 'left' ? text : `<div align="${align}">\n\n${text}\n\n</div>`);
  for (const block of document.blocks) {
    if (block.kind === 'part') {
      const title = styledText(e.partTitle, markdownRuns(block.title));
      alignedLine(block.label === '' ? `## ${title}` : `## ${block.label}: ${title}`, block.align);
    } else if (block.kind === 'heading')
      alignedLine(
        `${'#'.repeat(block.level + 1)} ${styledText(headingStyle(profile, block.level), markdownRuns(block.runs))}`,
        block.align,
      );
    else if (block.kind === 'item') {
      const pad = '  '.repeat(block.depth - 1);
      const marker = block.marker === '' ? '  ' : block.marker === '-' ? '-' : block.marker;
      lines.push(`${pad}${marker} ${markdownRuns(block.runs)}`);
    } else if (block.kind === 'table') {
      lines.push('');
      line(markdownTable(block, markdownRuns));
    } else alignedLine(markdownRuns(block.runs), block.align);
  }
  lines.push('');
  line(`**${document.signature.authority}**  \n**${document.signature.title}**`);
  if (document.signature.name !== '') line(`**${document.signature.name}**`);
  line(`***${texts.recipientsLabel}***`);
  for (const r of document.recipients) lines.push(r.replace(/^-/, '\\-') + '  ');
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** Runs with Markdown emphasis; characters Markdown would read as syntax are escaped. */
function markdownRuns(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      const text = r.text.replace(/([\\`*_[\]#<>])/g, '\\$1');
      if (text.trim() === '') return text;
      const wrap = r.bold && r.italic ? '***' : r.bold ? '**' : r.italic ? '*' : '';
      const emphasised = `${wrap}${text}${wrap}`;
      // Shown proposals as GitHub Markdown reads them: struck through, or an HTML insertion.
      if (r.suggestion?.kind === 'delete') return `~~${emphasised}~~`;
      if (r.suggestion?.kind === 'insert') return `<ins>${emphasised}</ins>`;
      return emphasised;
    })
    .join('');
}
