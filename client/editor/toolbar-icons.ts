import { html, svg, type TemplateResult } from 'lit';

/** Line lengths (of 16) and offsets of the four bars of each alignment icon. */
const ALIGN_BARS: Record<string, [number, number][]> = {
  'align-left': [
    [14, 0],
    [9, 0],
    [14, 0],
    [9, 0],
  ],
  'align-center': [
    [14, 1],
    [8, 4],
    [14, 1],
    [8, 4],
  ],
  'align-right': [
    [14, 2],
    [9, 7],
    [14, 2],
    [9, 7],
  ],
  'align-justify': [
    [16, 0],
    [16, 0],
    [16, 0],
    [16, 0],
  ],
};

/** Glyphs of the table commands (their names are on the button's label and tooltip). */
const TABLE_GLYPHS: Record<string, string> = {
  table: '▦',
  'row+': '▤+',
  'row-': '▤−',
  'col+': '▥+',
  'col-': '▥−',
  header: '▀',
  merge: '⊟',
  split: '⊞',
  'table-': '▦✕',
};

/** What a toolbar button shows for its `icon`. */
export function toolIcon(icon: string): TemplateResult | string {
  if (icon === 'B') return html`<b>B</b>`;
  if (icon === 'I') return html`<i>I</i>`;
  if (icon === 'U') return html`<u>U</u>`;
  const bars = ALIGN_BARS[icon];
  if (bars !== undefined)
    return html`<svg width="16" height="14" viewBox="0 0 16 14" aria-hidden="true">
      ${bars.map(([width, x], i) => svg`<rect x=${x} y=${i * 4} width=${width} height="2" fill="currentColor" />`)}
    </svg>`;
  return TABLE_GLYPHS[icon] ?? icon;
}
