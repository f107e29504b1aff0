import type { FormatProfile } from '../../../shared/export/format-profile.ts';
import { HTML_TABLE_STYLES } from './html-table.ts';

/** The page's stylesheet: A4 width and margins from the profile, the profile's typeface. */
export function htmlStyles(profile: FormatProfile): string {
  const m = profile.page.margins;
  const widthMm = Math.round((profile.page.widthTwips / 1440) * 25.4);
  return `
@page { size: A4; margin: ${m.topMm}mm ${m.rightMm}mm ${m.bottomMm}mm ${m.leftMm}mm; }
html { background: #e8e8e8; }
body { margin: 0; font-family: "${profile.font.docx}", "${profile.font.pdf}", serif; color: #000; }
.page { box-sizing: border-box; width: ${widthMm}mm; margin: 0 auto; background: #fff;
  padding: ${m.topMm}mm ${m.rightMm}mm ${m.bottomMm}mm ${m.leftMm}mm; }
p, h1, h2, h3, h4, h5 { margin: 0; }
.body { line-height: ${profile.body.lineSpacing}; margin-bottom: ${profile.body.spaceAfterPt}pt; }
table.party, table.signature { width: 100%; border-collapse: collapse; }
table.party td, table.signature td { vertical-align: top; padding: 0; }
table.party td.left { width: ${profile.headerLeftPercent}%; }
.ruled { display: inline-block; border-bottom: 0.6pt solid #000; padding-bottom: 1pt; }
.number { margin-top: 6pt; }
.date { margin-top: 16pt; }
.mark { margin-top: 12pt; }
.mark span { border: 0.6pt solid #000; padding: 1pt 6pt; }
h1 { margin-top: 24pt; }
.subtitle { margin-bottom: 18pt; }
.keep { margin-top: 12pt; }
table.signature { margin-top: 12pt; page-break-inside: avoid; }
.signer { margin-top: 72pt; }
@media print { html { background: none; } .page { width: auto; padding: 0; } }
${HTML_TABLE_STYLES}`;
}
