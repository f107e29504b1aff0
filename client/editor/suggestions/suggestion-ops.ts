import type { MarkType, Node } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import {
  SUGGESTION_DELETE,
  SUGGESTION_INSERT,
  type SuggestionAttrs,
} from '../../../shared/editor/suggestion-marks.ts';

/** One pending proposal: its author, where it is and what it adds and removes. */
export interface Suggestion extends SuggestionAttrs {
  /** Start of its first piece and end of its last (document positions). */
  from: number;
  to: number;
  inserted: string;
  deleted: string;
}

/** What to do with proposals. */
export type Decision = 'accept' | 'reject';

interface Range {
  from: number;
  to: number;
}

/** The pending proposals of a document, in reading order. */
export function listSuggestions(doc: Node): Suggestion[] {
  const byId = new Map<string, Suggestion>();
  const insert = doc.type.schema.marks[SUGGESTION_INSERT];
  const remove = doc.type.schema.marks[SUGGESTION_DELETE];
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const text = node.isText ? (node.text ?? '') : '\n';
    for (const mark of node.marks) {
      if (mark.type !== insert && mark.type !== remove) continue;
      const attrs = mark.attrs as SuggestionAttrs;
      let entry = byId.get(attrs.id);
      if (entry === undefined) {
        entry = { ...attrs, from: pos, to: pos + node.nodeSize, inserted: '', deleted: '' };
        byId.set(attrs.id, entry);
      }
      entry.to = pos + node.nodeSize;
      if (mark.type === insert) entry.inserted += text;
      else entry.deleted += text;
    }
    return false;
  });
  return [...byId.values()];
}

/** The proposal whose text is at `pos` (the one beginning last, so a nested one wins). */
export function suggestionAt(doc: Node, pos: number): Suggestion | null {
  const $pos = doc.resolve(pos);
  const marks = [...($pos.nodeAfter?.marks ?? []), ...($pos.nodeBefore?.marks ?? [])];
  const ids = marks
    .filter((m) => m.type.name === SUGGESTION_INSERT || m.type.name === SUGGESTION_DELETE)
    .map((m) => (m.attrs as SuggestionAttrs).id);
  if (ids.length === 0) return null;
  const all = listSuggestions(doc).filter((s) => ids.includes(s.id));
  return all.sort((a, b) => b.from - a.from)[0] ?? null;
}

/**
 * Accepts or rejects the proposal `id` (all of them when null), as one ordinary edit of the
 * shared text: accepting an insertion or rejecting a deletion drops the mark and keeps the
 * words; accepting a deletion or rejecting an insertion removes the words. Returns whether
 * anything changed.
 */
export function decideSuggestions(tr: Transaction, decision: Decision, id: string | null): boolean {
  const schema = tr.doc.type.schema;
  const insert = schema.marks[SUGGESTION_INSERT];
  const remove = schema.marks[SUGGESTION_DELETE];
  if (insert === undefined || remove === undefined) return false;
  const inserted = ranges(tr.doc, insert, id);
  const deleted = ranges(tr.doc, remove, id);
  if (inserted.length === 0 && deleted.length === 0) return false;
  const [keep, drop, keepType] =
    decision === 'accept' ? [inserted, deleted, insert] : [deleted, inserted, remove];
  for (const r of keep) tr.removeMark(r.from, r.to, keepType);
  for (const r of merge(drop).reverse()) tr.delete(r.from, r.to);
  return true;
}

/** The ranges carrying a mark of `type` (with `id`, unless null), each inline node's own piece. */
function ranges(doc: Node, type: MarkType, id: string | null): Range[] {
  const found: Range[] = [];
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const mark = type.isInSet(node.marks);
    if (mark !== undefined && (id === null || mark.attrs.id === id))
      found.push({ from: pos, to: pos + node.nodeSize });
    return false;
  });
  return found;
}

/** Touching ranges joined, in document order. */
function merge(list: Range[]): Range[] {
  const out: Range[] = [];
  for (const r of [...list].sort((a, b) => a.from - b.from)) {
    const last = out[out.length - 1];
    if (last !== undefined && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}
