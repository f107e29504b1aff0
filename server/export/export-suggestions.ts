import type { JSONContent } from '@tiptap/core';
import { SUGGESTION_DELETE, SUGGESTION_INSERT } from '../../shared/editor/suggestion-marks.ts';
import type { RunSuggestion } from './export-model.ts';

type MarkJSON = NonNullable<JSONContent['marks']>[number];

/**
 * The proposal a text piece belongs to, if any. Text one drafter proposed to add and another
 * proposed to remove counts as a deletion: accepting everything would remove it.
 */
export function suggestionOf(marks: readonly MarkJSON[]): RunSuggestion | null {
  const remove = marks.find((m) => m.type === SUGGESTION_DELETE);
  const insert = marks.find((m) => m.type === SUGGESTION_INSERT);
  const mark = remove ?? insert;
  if (mark === undefined) return null;
  return {
    kind: mark === remove ? 'delete' : 'insert',
    author: String(mark.attrs?.authorName ?? ''),
    date: String(mark.attrs?.createdAt ?? ''),
  };
}

/** How many proposals are pending in a text (distinct ids). */
export function countSuggestions(doc: JSONContent): number {
  const ids = new Set<string>();
  const stack: JSONContent[] = [doc];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    for (const mark of node.marks ?? [])
      if (mark.type === SUGGESTION_INSERT || mark.type === SUGGESTION_DELETE) ids.add(String(mark.attrs?.id));
    stack.push(...(node.content ?? []));
  }
  return ids.size;
}
