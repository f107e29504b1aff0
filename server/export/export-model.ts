import type { TextAlignment } from '../../shared/editor/attribute-values.ts';
import type { PartyHeaderFields } from '../../shared/export/format-profile.ts';

/** A stretch of text with the editor's emphasis, and the Word comments that open or close on it. */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** Comment ids whose range starts right before this run. */
  starts: number[];
  /** Comment ids whose range ends right after this run. */
  ends: number[];
  /** A pending proposal, present only when the export asks to show them (`suggestions=marked`). */
  suggestion?: RunSuggestion;
}

/** A proposed insertion or deletion shown in an export, with who proposed it and when. */
export interface RunSuggestion {
  kind: 'insert' | 'delete';
  author: string;
  date: string;
}

/**
 * One block of the body, already numbered and classified for the renderers. `align` is the
 * alignment the writer chose in the editor (TextAlign); absent or null, the profile's own.
 */
export type Block =
  /** A top-level part: the label line ("Phần thứ nhất") and the title line. */
  | { kind: 'part'; label: string; title: Run[]; align?: TextAlignment | null }
  | { kind: 'heading'; level: 2 | 3 | 4; runs: Run[]; align?: TextAlignment | null }
  | { kind: 'paragraph'; runs: Run[]; align?: TextAlignment | null }
  /** A list item's paragraph; `marker` is "-", "1." or "" for a follow-on paragraph. */
  | { kind: 'item'; marker: string; depth: number; runs: Run[]; align?: TextAlignment | null }
  | TableBlock;

/** An element's style with the writer's alignment, if they chose one. */
export function aligned<S extends { align: TextAlignment }>(
  style: S,
  align: TextAlignment | null | undefined,
): S {
  return align == null || align === style.align ? style : { ...style, align };
}

/** Whether a first-line indent applies: not to a line centred or set right, which it would push off its place. */
export function indents(align: TextAlignment | null | undefined): boolean {
  return align !== 'center' && align !== 'right';
}

/** A table cell: its lines (paragraphs; lists and nested tables read as lines), span and alignment. */
export interface TableCellBlock {
  header: boolean;
  colspan: number;
  rowspan: number;
  align: 'left' | 'center' | 'right' | null;
  lines: Run[][];
}

/**
 * A table as the editor holds it (prosemirror-tables: a row lists only the cells that start in
 * it; a cell spanning rows is absent from the rows below). `headerRows` leading rows are all
 * header cells: printed bold and repeated at the top of every page the table runs onto.
 */
export interface TableBlock {
  kind: 'table';
  rows: TableCellBlock[][];
  headerRows: number;
}

/** A committee working-copy comment, placed as a Word comment. */
export interface ExportComment {
  id: number;
  author: string;
  date: string;
  text: string;
}

/** Everything a renderer prints, in print order, with no layout decided yet. */
export interface ExportDocument {
  header: PartyHeaderFields;
  /** "BÁO CÁO CHÍNH TRỊ". */
  title: string;
  subtitle: string;
  /** "DỰ THẢO", "Dự thảo lần N", or null for the final text. */
  draftMark: string | null;
  blocks: Block[];
  signature: { authority: string; title: string; name: string };
  recipients: string[];
  comments: ExportComment[];
}

/** The plain text of runs. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}
