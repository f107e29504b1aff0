import type { JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { diffArrays, diffChars } from 'diff';
import * as Y from 'yjs';
import { draftToJSON } from '../../shared/editor/draft-json.ts';
import { CONTENT_FRAGMENT } from '../../shared/editor/fragment.ts';

/** How much of the draft a restore touched. */
export interface RestoreStats {
  /** Top-level blocks kept as they were, edited in place (text), inserted and deleted. */
  readonly kept: number;
  readonly edited: number;
  readonly inserted: number;
  readonly deleted: number;
}

type Run = { insert: string; attributes?: Record<string, unknown> };

/**
 * Turns the live text into `target` with the smallest change it can find, in one transaction
 * of the caller: unchanged top-level blocks are left alone (their Yjs items, comment anchors
 * and other editors' carets with them); a block whose text alone changed (same node type and
 * attributes, one text run) is edited character by character; the rest is deleted and
 * inserted. Deleting everything and inserting the version again would orphan every comment
 * and move every caret.
 */
export function restoreInto(doc: Y.Doc, target: JSONContent, schema: Schema): RestoreStats {
  const fragment = doc.getXmlFragment(CONTENT_FRAGMENT);
  const live = draftToJSON(doc, schema).content ?? [];
  const wanted = target.content ?? [];
  const key = (block: JSONContent) => canonical(block);
  const changes = diffArrays(live.map(key), wanted.map(key));
  const stats = { kept: 0, edited: 0, inserted: 0, deleted: 0 };
  let index = 0; // position in the live fragment as it is being changed
  let wantedAt = 0; // position in `wanted`
  for (let c = 0; c < changes.length; c++) {
    const change = changes[c]!;
    const count = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      index += count;
      wantedAt += count;
      stats.kept += count;
      continue;
    }
    const next = changes[c + 1];
    if (change.removed && next?.added === true) {
      // A run of removed blocks followed by added ones: pair them up where only text differs.
      const added = next.count ?? next.value.length;
      const pairs = Math.min(count, added);
      for (let i = 0; i < pairs; i++) {
        const element = fragment.get(index);
        const block = wanted[wantedAt]!;
        if (element instanceof Y.XmlElement && editText(element, block)) {
          stats.edited += 1;
          index += 1;
        } else {
          fragment.delete(index, 1);
          fragment.insert(index, build([block], schema));
          stats.deleted += 1;
          stats.inserted += 1;
          index += 1;
        }
        wantedAt += 1;
      }
      if (count > pairs) {
        fragment.delete(index, count - pairs);
        stats.deleted += count - pairs;
      }
      if (added > pairs) {
        fragment.insert(index, build(wanted.slice(wantedAt, wantedAt + added - pairs), schema));
        index += added - pairs;
        wantedAt += added - pairs;
        stats.inserted += added - pairs;
      }
      c += 1;
    } else if (change.removed) {
      fragment.delete(index, count);
      stats.deleted += count;
    } else {
      fragment.insert(index, build(wanted.slice(wantedAt, wantedAt + count), schema));
      index += count;
      wantedAt += count;
      stats.inserted += count;
    }
  }
  return stats;
}

/**
 * Edits a block's text in place when the block is the same node with the same attributes and
 * holds one text run on both sides; returns false (nothing changed) otherwise.
 */
function editText(element: Y.XmlElement, block: JSONContent): boolean {
  if (element.nodeName !== block.type) return false;
  if (canonical(element.getAttributes()) !== canonical(block.attrs ?? {})) return false;
  const children = element.toArray();
  const content = block.content ?? [];
  if (children.length !== 1 || !(children[0] instanceof Y.XmlText)) return false;
  if (content.length === 0 || content.some((n) => n.type !== 'text')) return false;
  const text = children[0];
  const runs: Run[] = content.map((n) => ({
    insert: n.text ?? '',
    ...(n.marks === undefined
      ? {}
      : { attributes: Object.fromEntries(n.marks.map((m) => [m.type, m.attrs ?? {}])) }),
  }));
  const oldText = (text.toDelta() as Run[]).map((r) => r.insert).join('');
  const newText = runs.map((r) => r.insert).join('');
  let at = 0;
  for (const part of diffChars(oldText, newText)) {
    if (part.removed) text.delete(at, part.value.length);
    else {
      if (part.added) text.insert(at, part.value);
      at += part.value.length;
    }
  }
  // Formatting: every run gets exactly its marks; Yjs adds no item where nothing changes.
  const markKeys = new Set<string>();
  for (const run of [...(text.toDelta() as Run[]), ...runs])
    for (const k of Object.keys(run.attributes ?? {})) markKeys.add(k);
  let offset = 0;
  for (const run of runs) {
    const attributes: Record<string, unknown> = {};
    for (const k of markKeys) attributes[k] = run.attributes?.[k] ?? null;
    if (markKeys.size > 0) text.format(offset, run.insert.length, attributes);
    offset += run.insert.length;
  }
  return true;
}

/** New Yjs nodes for ProseMirror blocks (from a frozen version: valid and within the depth limit). */
function build(blocks: JSONContent[], schema: Schema): (Y.XmlElement | Y.XmlText)[] {
  const source = prosemirrorJSONToYDoc(schema, { type: 'doc', content: blocks }, CONTENT_FRAGMENT);
  try {
    return source
      .getXmlFragment(CONTENT_FRAGMENT)
      .toArray()
      .filter((n): n is Y.XmlElement | Y.XmlText => n instanceof Y.XmlElement || n instanceof Y.XmlText)
      .map((n) => n.clone());
  } finally {
    source.destroy();
  }
}

/** JSON with object keys sorted: attribute order in Yjs maps is not meaningful. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
