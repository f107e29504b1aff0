/**
 * Benchmark tables as data: rows of numeric or text cells, rendered as aligned plain text
 * (terminal) or Markdown (bench/results/latest.md), and merged over repeated runs (`--runs N`)
 * into "median (min–max)" per numeric cell.
 */
import { fmt, median } from './stats.js';

/** A number (formatted with the row's decimals; NaN shows as n/a), a text, or absent (—). */
export type Cell = number | string | undefined;

/** One metric: its label and one cell per column after the first. */
export interface Row {
  label: string;
  cells: Cell[];
  decimals: number;
}

/** A titled table. */
export interface Table {
  title: string;
  notes: string[];
  head: string[];
  rows: Row[];
  /** Cells from this index on are ratios, shown with two decimals whatever the row's. */
  ratioFrom?: number;
}

/** Column heads of the per-server tables: the three servers, then the two ratios. */
export const SERVER_HEAD = ['metric', 'ours', 'reference', 'hocuspocus', 'ours/ref', 'ours/hocuspocus'];
/** Where the ratio cells of a per-server table start (`Table.ratioFrom`). */
export const SERVER_RATIO_FROM = 3;
const RATIO_DECIMALS = 2;

/** Decimals of cell `i` of `row`. */
function decimalsOf(t: Table, row: Row, i: number): number {
  return t.ratioFrom !== undefined && i >= t.ratioFrom ? RATIO_DECIMALS : row.decimals;
}

/** ours/other, NaN unless both are finite and the other is non-zero (shows as n/a). */
export function ratioOf(ours: number | undefined, other: number | undefined): number | undefined {
  if (ours === undefined || other === undefined) return undefined;
  return Number.isFinite(ours) && Number.isFinite(other) && other !== 0 ? ours / other : NaN;
}

function cellText(c: Cell, decimals: number): string {
  if (c === undefined) return '—';
  return typeof c === 'number' ? fmt(c, decimals) : c;
}

function textRows(t: Table): string[][] {
  return [
    t.head,
    ...t.rows.map((r) => [r.label, ...r.cells.map((c, i) => cellText(c, decimalsOf(t, r, i)))]),
  ];
}

/** Aligned plain-text rendering. */
export function toText(t: Table): string {
  const rows = textRows(t);
  const widths = t.head.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const [head, ...body] = rows;
  return [t.title, ...t.notes.map((n) => `  * ${n}`), line(head ?? []), ...body.map(line)].join('\n');
}

/** Markdown rendering (pipe table). */
export function toMarkdown(t: Table): string {
  const [head, ...body] = textRows(t);
  const row = (r: string[]): string => `| ${r.join(' | ')} |`;
  const sep = `|${t.head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [
    `### ${t.title}`,
    '',
    ...t.notes.map((n) => `- ${n}`),
    ...(t.notes.length > 0 ? [''] : []),
    row(head ?? []),
    sep,
    ...body.map(row),
  ].join('\n');
}

/**
 * One cell over N runs: numbers → "median (min–max)" (with "[k of N runs]" when some runs
 * had none); texts → the distinct texts joined by " | ".
 */
function mergeCell(cells: Cell[], decimals: number): Cell {
  const nums = cells.filter((c): c is number => typeof c === 'number' && Number.isFinite(c));
  if (nums.length === 0) {
    const texts = [...new Set(cells.map((c) => cellText(c, decimals)))];
    return texts.length === 1 ? cells[0] : texts.join(' | ');
  }
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const range = nums.length > 1 ? ` (${fmt(lo, decimals)}–${fmt(hi, decimals)})` : '';
  const partial = nums.length < cells.length ? ` [${nums.length} of ${cells.length} runs]` : '';
  return `${fmt(median(nums), decimals)}${range}${partial}`;
}

/** Merges the same table of several runs (same shape, as the same code built them). */
export function mergeTables(runs: Table[]): Table {
  const [first] = runs;
  if (first === undefined) throw new Error('mergeTables: no runs');
  return {
    title: `${first.title} — median (range) of ${runs.length} runs`,
    notes: [...new Set(runs.flatMap((t) => t.notes))],
    head: first.head,
    // The merged cells are texts, already formatted with each cell's decimals.
    rows: first.rows.map((row, r) => ({
      label: row.label,
      decimals: row.decimals,
      cells: row.cells.map((_, c) =>
        mergeCell(
          runs.map((t) => t.rows[r]?.cells[c]),
          decimalsOf(first, row, c),
        ),
      ),
    })),
  };
}
