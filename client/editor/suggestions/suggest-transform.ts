import type { Fragment, Mark, MarkType, Node } from '@tiptap/pm/model';
import { Selection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Mapping, ReplaceStep, type Step } from '@tiptap/pm/transform';
import {
  SUGGESTION_DELETE,
  SUGGESTION_INSERT,
  type SuggestionAttrs,
} from '../../../shared/editor/suggestion-marks.ts';

/** Who is suggesting: the signed-in user. */
export interface SuggestionAuthor {
  id: string;
  name: string;
}

/** Clock and id source, replaceable in tests. */
export interface SuggestionSource {
  now: () => Date;
  newId: () => string;
}

const defaultSource: SuggestionSource = {
  now: () => new Date(),
  newId: () => crypto.randomUUID(),
};

interface Types {
  insert: MarkType;
  remove: MarkType;
}

/** A stretch of inline content of one node inside a range. */
interface Piece {
  from: number;
  to: number;
  marks: readonly Mark[];
}

/**
 * Turns an edit into a proposal (suggesting mode): inserted text gets the author's insertion
 * mark, deleted text stays and gets the deletion mark, and deleting the author's own pending
 * insertion removes it for real. Edits that neither add nor remove text (a paragraph split or
 * join, formatting, lists, a new empty table) stay direct edits: no sentence is lost by them,
 * and proposals are about words. Returns the original transaction when it has nothing to track.
 */
export function suggestTransaction(
  state: EditorState,
  original: Transaction,
  author: SuggestionAuthor,
  source: SuggestionSource = defaultSource,
): Transaction {
  const types = markTypes(state);
  if (types === null || !needsTracking(original, author, types)) return original;
  const tr = state.tr;
  let cursor: number | null = null;
  let attrs: SuggestionAttrs | null = null;
  const fresh = (): SuggestionAttrs => ({
    id: source.newId(),
    authorId: author.id,
    authorName: author.name,
    createdAt: source.now().toISOString(),
  });
  original.steps.forEach((step, i) => {
    // Positions of step i are in original.docs[i]: back to the start, then through what we did.
    const mapping = new Mapping();
    for (let j = i - 1; j >= 0; j--) mapping.appendMap(original.mapping.maps[j]!.invert());
    mapping.appendMapping(tr.mapping);
    if (!(step instanceof ReplaceStep)) {
      const mapped = step.map(mapping);
      if (mapped !== null) tr.maybeStep(mapped);
      return;
    }
    const from = mapping.map(step.from, 1);
    const to = Math.max(from, mapping.map(step.to, -1));
    const pieces = inlinePieces(tr.doc, from, to);
    const hasInline = sliceHasInline(step.slice.content);
    if (pieces.every((p) => ownInsertion(p.marks, author, types))) {
      // Nothing of anyone else's is removed: the edit goes in as it is, its text proposed.
      const size = tr.doc.content.size;
      tr.replace(from, to, step.slice);
      if (hasInline) {
        const end = from + (tr.doc.content.size - size) + (to - from);
        attrs = markInserted(tr, from, end, author, types, attrs ?? fresh());
        cursor = end;
      } else cursor = null;
      return;
    }
    // Others' text (or text already proposed for removal) stays: mark it, drop own insertions.
    const reused = adjacent(tr.doc, from, to, types.remove, author);
    const deletion = reused ?? attrs ?? fresh();
    attrs = deletion;
    const own: Piece[] = [];
    for (const piece of pieces) {
      if (ownInsertion(piece.marks, author, types)) own.push(piece);
      else if (!types.remove.isInSet(piece.marks))
        tr.addMark(piece.from, piece.to, types.remove.create(deletion));
    }
    const start = tr.steps.length;
    for (const piece of own.reverse()) tr.delete(piece.from, piece.to);
    const after = tr.mapping.slice(start).map(to, 1);
    const before = tr.mapping.slice(start).map(from, -1);
    if (hasInline) {
      const size = tr.doc.content.size;
      tr.replace(after, after, step.slice);
      const end = after + (tr.doc.content.size - size);
      attrs = markInserted(tr, after, end, author, types, deletion);
      cursor = end;
    } else {
      // Backspace leaves the caret before the struck text, Delete (or a selection) after it.
      const sel = state.selection;
      const backwards = i === 0 && sel.empty && sel.head === step.to;
      cursor = backwards ? before : after;
    }
  });
  // The caret is placed even when the original left it alone (a DOM-read deletion may): a
  // Backspace that struck a character must move past it, or the next one strikes it again.
  if (cursor !== null) tr.setSelection(Selection.near(tr.doc.resolve(cursor), -1));
  else if (original.selectionSet) {
    const base = original.selection.map(state.doc, original.mapping.invert());
    tr.setSelection(base.map(tr.doc, tr.mapping));
  }
  if (original.storedMarksSet) tr.setStoredMarks(original.storedMarks);
  if (original.scrolledIntoView) tr.scrollIntoView();
  copyMeta(original, tr);
  return tr;
}

function markTypes(state: EditorState): Types | null {
  const insert = state.schema.marks[SUGGESTION_INSERT];
  const remove = state.schema.marks[SUGGESTION_DELETE];
  return insert === undefined || remove === undefined ? null : { insert, remove };
}

/** Whether any step adds inline content or removes inline content that is not the author's pending insertion. */
function needsTracking(tr: Transaction, author: SuggestionAuthor, types: Types): boolean {
  return tr.steps.some((step: Step, i) => {
    if (!(step instanceof ReplaceStep)) return false;
    if (sliceHasInline(step.slice.content)) return true;
    const doc = tr.docs[i]!;
    return inlinePieces(doc, step.from, step.to).some((p) => !ownInsertion(p.marks, author, types));
  });
}

function sliceHasInline(content: Fragment): boolean {
  let found = false;
  content.descendants((node) => {
    if (found) return false;
    if (node.isInline) found = true;
    return !found;
  });
  return found;
}

/** The inline nodes (or their parts) between `from` and `to`. */
function inlinePieces(doc: Node, from: number, to: number): Piece[] {
  const pieces: Piece[] = [];
  if (to <= from) return pieces;
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    pieces.push({ from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to), marks: node.marks });
    return false;
  });
  return pieces;
}

function ownInsertion(marks: readonly Mark[], author: SuggestionAuthor, types: Types): boolean {
  const mark = types.insert.isInSet(marks);
  return mark !== undefined && mark.attrs.authorId === author.id && !types.remove.isInSet(marks);
}

/** The author's own mark of `type` touching `from` or `to`, so a run of keystrokes stays one proposal. */
function adjacent(
  doc: Node,
  from: number,
  to: number,
  type: MarkType,
  author: SuggestionAuthor,
): SuggestionAttrs | null {
  const candidates = [doc.resolve(from).nodeBefore, doc.resolve(to).nodeAfter];
  for (const node of candidates) {
    const mark = node === null ? undefined : type.isInSet(node.marks);
    if (mark !== undefined && mark.attrs.authorId === author.id) return mark.attrs as SuggestionAttrs;
  }
  return null;
}

/** Marks [from, to) as the author's insertion, joining a touching proposal of theirs. */
function markInserted(
  tr: Transaction,
  from: number,
  to: number,
  author: SuggestionAuthor,
  types: Types,
  fallback: SuggestionAttrs,
): SuggestionAttrs {
  // Typing right beside one's own struck text (Backspace, then the new words) is one replacement.
  const attrs =
    adjacent(tr.doc, from, to, types.insert, author) ??
    adjacent(tr.doc, from, to, types.remove, author) ??
    fallback;
  tr.removeMark(from, to, types.remove);
  tr.addMark(from, to, types.insert.create(attrs));
  return attrs;
}

/** Keeps the original's metadata (paste, UI event, y-sync flags) on the tracked transaction. */
function copyMeta(from: Transaction, to: Transaction): void {
  const meta = (from as unknown as { meta: Record<string, unknown> }).meta;
  Object.assign((to as unknown as { meta: Record<string, unknown> }).meta, meta);
}
