import type { ResolvedPos } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { RelativePosition } from '../../shared/api/comments.ts';
import { currentSectionId } from '../editor/sections.ts';
import { encodePosition } from '../../shared/comments/relative-position.ts';

/** What a new comment on the selected text sends, and what the composer shows. */
export interface SelectionAnchor {
  /** The outline section the selection starts in (the nearest section heading before it). */
  sectionId: string | null;
  start: RelativePosition;
  end: RelativePosition;
  /** The selected text, blocks joined with '\n' as the server quotes it. */
  quote: string;
  /** The selection lies in one paragraph (a suggestion must). */
  singleBlock: boolean;
}

/** A letter, a digit or a combining mark (Vietnamese tone marks may come decomposed). */
const WORD = /[\p{L}\p{N}\p{M}]/u;

/** The text block's characters, one per position (a leaf such as a line break counts as one). */
function blockText($pos: ResolvedPos): string | null {
  const block = $pos.parent;
  return block.isTextblock ? block.textBetween(0, block.content.size, undefined, '\ufffc') : null;
}

/**
 * The selection grown to whole words and without spaces at its ends: a finger or a quick drag
 * on a phone lands inside words, and a quote "ng sách đạt 10" reads badly in the table.
 */
export function wordRange(state: EditorState): { from: number; to: number } {
  let { from, to } = state.selection;
  const { $from, $to } = state.selection;
  const startText = blockText($from);
  if (startText !== null) {
    let i = $from.parentOffset;
    const end = $from.sameParent($to) ? $to.parentOffset : startText.length;
    const first = i;
    while (i < end && /\s/u.test(startText[i]!)) i++;
    while (i > 0 && WORD.test(startText[i - 1]!) && WORD.test(startText[i] ?? '')) i--;
    from += i - first;
  }
  const endText = blockText($to);
  if (endText !== null) {
    let j = $to.parentOffset;
    const start = $from.sameParent($to) ? from - $to.start() : 0;
    const last = j;
    while (j > start && /\s/u.test(endText[j - 1]!)) j--;
    while (j < endText.length && WORD.test(endText[j]!) && WORD.test(endText[j - 1] ?? '')) j++;
    to += j - last;
  }
  return to > from ? { from, to } : { from: state.selection.from, to: state.selection.to };
}

/**
 * Turns the editor's selection, snapped to whole words, into Yjs relative positions (through
 * y-tiptap's binding, T18), which follow concurrent edits; the server takes the quote and
 * section from the live draft at these positions. Null when nothing is selected or the
 * binding is not ready.
 */
export function anchorFromSelection(state: EditorState): SelectionAnchor | null {
  if (state.selection.empty) return null;
  const { $from, $to } = state.selection;
  const { from, to } = wordRange(state);
  const sync = ySyncPluginKey.getState(state) as
    | {
        type: Y.XmlFragment;
        binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] } | null;
      }
    | undefined;
  if (sync?.binding == null) return null;
  const quote = state.doc.textBetween(from, to, '\n', '\n');
  if (quote.trim() === '') return null;
  const relative = (pos: number) =>
    encodePosition(
      absolutePositionToRelativePosition(pos, sync.type, sync.binding!.mapping) as Y.RelativePosition,
    );
  return {
    sectionId: currentSectionId(state),
    start: relative(from),
    end: relative(to),
    quote,
    singleBlock: $from.sameParent($to) && $from.parent.isTextblock,
  };
}
