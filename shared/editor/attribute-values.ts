/**
 * The values node attributes of the draft schema may take, where the schema's default alone
 * (a number or a string) says too little. The extensions (`extensions.ts`) are configured from
 * these lists and the server's schema rule checks every incoming attribute against them, so
 * the two ends cannot drift apart.
 */

/** Paragraph and heading alignment (TextAlign), in toolbar order. */
export const TEXT_ALIGNMENTS = ['left', 'center', 'right', 'justify'] as const;
export type TextAlignment = (typeof TEXT_ALIGNMENTS)[number];

/** Heading levels the editor offers (Tiptap's default `levels`). */
export const HEADING_LEVELS = [1, 2, 3, 4, 5, 6] as const;

/** The most columns or rows one table cell may span; a real table has a few dozen at most. */
export const MAX_CELL_SPAN = 1000;
/** The widest column width a cell may carry, in pixels (pasted tables carry Word's widths). */
export const MAX_COLUMN_WIDTH = 100_000;

/** The node types that carry each constrained attribute, and the check of its value. */
export type AttributeCheck = (value: unknown) => boolean;

const oneOf =
  (values: readonly unknown[]): AttributeCheck =>
  (value) =>
    values.includes(value);
const span: AttributeCheck = (value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_CELL_SPAN;
/** `colwidth`: a width (or 0, unknown) per spanned column, as prosemirror-tables keeps it. */
const columnWidths: AttributeCheck = (value) =>
  Array.isArray(value) &&
  value.length >= 1 &&
  value.length <= MAX_CELL_SPAN &&
  value.every((w) => typeof w === 'number' && Number.isInteger(w) && w >= 0 && w <= MAX_COLUMN_WIDTH);

const cell: Record<string, AttributeCheck> = {
  colspan: span,
  rowspan: span,
  colwidth: columnWidths,
  align: oneOf(['left', 'center', 'right']),
};

/** Attribute checks by node type name; attributes not listed here keep the generic check. */
export const ATTRIBUTE_VALUES: Readonly<Record<string, Readonly<Record<string, AttributeCheck>>>> = {
  heading: { level: oneOf(HEADING_LEVELS), textAlign: oneOf(TEXT_ALIGNMENTS) },
  paragraph: { textAlign: oneOf(TEXT_ALIGNMENTS) },
  tableCell: cell,
  tableHeader: cell,
};
