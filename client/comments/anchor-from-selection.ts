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

/**
 * Turns the editor's selection into Yjs relative positions (through y-tiptap's binding, T18),
 * which follow concurrent edits; the server takes the quote and section from the live draft
 * at these positions. Null when nothing is selected or the binding is not ready.
 */
export function anchorFromSelection(state: EditorState): SelectionAnchor | null {
  const { from, to, $from, $to, empty } = state.selection;
  if (empty) return null;
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
