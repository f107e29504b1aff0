import { Mark, type Attribute } from '@tiptap/core';

/** The mark on text a drafter proposes to add (suggesting mode, "Đề xuất"). */
export const SUGGESTION_INSERT = 'suggestionInsert';
/** The mark on text a drafter proposes to remove; the text stays until the proposal is accepted. */
export const SUGGESTION_DELETE = 'suggestionDelete';
/** Both suggestion mark names. */
export const SUGGESTION_MARKS = [SUGGESTION_INSERT, SUGGESTION_DELETE] as const;

/**
 * What a suggestion mark carries. All strings, because the server's schema rule accepts only
 * string (or null) mark attributes: `id` groups the pieces of one proposal (a replacement's
 * deletion and insertion share it), `authorId` is the user's id as text, `createdAt` ISO 8601.
 */
export interface SuggestionAttrs {
  id: string;
  authorId: string;
  authorName: string;
  createdAt: string;
}

const attrs = (): Record<keyof SuggestionAttrs, Attribute> => ({
  id: { default: null, rendered: false },
  authorId: { default: null, rendered: false },
  authorName: { default: null, rendered: false },
  createdAt: { default: null, rendered: false },
});

/** A stable hue per author, so each drafter's proposals read in their own colour. */
export function authorHue(authorId: unknown): number {
  const text = attrText(authorId);
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) >>> 0;
  return (hash * 137) % 360;
}

/** A mark attribute as text (they are strings; anything else renders empty). */
function attrText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function render(tag: 'ins' | 'del', kind: string) {
  return ({ mark }: { mark: { attrs: Record<string, unknown> } }) =>
    [
      tag,
      {
        class: `suggestion suggestion-${kind}`,
        'data-suggestion': attrText(mark.attrs.id),
        'data-author': attrText(mark.attrs.authorName),
        title: attrText(mark.attrs.authorName),
        style: `--suggestion-hue: ${authorHue(mark.attrs.authorId)}`,
      },
      0,
    ] as const;
}

/**
 * The two marks of suggesting mode (track changes). They live in the shared Y.Doc like any
 * mark, so every editor sees them live, versions freeze them and the server checks them.
 * Neither is inclusive: typing next to a proposal in normal mode is a normal edit. Pasted
 * HTML never brings them back (no parse rule): a copied proposal pastes as plain text, so an
 * id can never be duplicated by copy and paste. The two may overlap (a colleague proposes to
 * remove text someone else proposed to add).
 */
export const SuggestionInsert = Mark.create({
  name: SUGGESTION_INSERT,
  inclusive: false,
  addAttributes: attrs,
  parseHTML: () => [],
  renderHTML: render('ins', 'insert'),
});

/** See {@link SuggestionInsert}. */
export const SuggestionDelete = Mark.create({
  name: SUGGESTION_DELETE,
  inclusive: false,
  addAttributes: attrs,
  parseHTML: () => [],
  renderHTML: render('del', 'delete'),
});
