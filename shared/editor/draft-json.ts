import { getSchema, type JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { CONTENT_LIMITS } from '../limits.ts';
import { editorExtensions } from './extensions.ts';
import { CONTENT_FRAGMENT } from './fragment.ts';

/** A draft's text does not fit the editor schema (unknown node or mark, too deep): `draft repair` fixes it. */
export class DraftContentError extends Error {
  override readonly name = 'DraftContentError';
}

/** Builds the ProseMirror schema of drafts (no DOM needed). */
export function draftSchema(): Schema {
  return getSchema(editorExtensions());
}

/**
 * A draft's text as ProseMirror JSON, validated against the schema; throws DraftContentError
 * if it does not fit. The same JSON as y-tiptap's `yXmlFragmentToProsemirrorJSON`, built
 * without recursion and refusing nesting past the depth limit before ProseMirror (which
 * recurses) sees it: a draft broken by an earlier build answers with an error, not a stack
 * overflow. Unlike y-tiptap's root-node builder it never deletes invalid nodes from `doc`.
 */
export function draftToJSON(doc: Y.Doc, schema: Schema = draftSchema()): JSONContent {
  const json = fragmentToJSON(doc.getXmlFragment(CONTENT_FRAGMENT));
  try {
    schema.nodeFromJSON(json).check();
  } catch (error) {
    throw new DraftContentError(`draft does not fit the editor schema: ${(error as Error).message}`);
  }
  return json;
}

type XmlChild = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** The fragment as ProseMirror JSON, walked with an explicit stack. */
function fragmentToJSON(fragment: Y.XmlFragment, maxDepth: number = CONTENT_LIMITS.maxDepth): JSONContent {
  const root: JSONContent = { type: 'doc', content: [] };
  const stack: { children: XmlChild[]; next: number; out: JSONContent[]; depth: number }[] = [
    { children: fragment.toArray(), next: 0, out: root.content!, depth: 1 },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const child = frame.children[frame.next++];
    if (child === undefined) {
      stack.pop();
    } else if (child instanceof Y.XmlText) {
      frame.out.push(...textToJSON(child));
    } else if (!(child instanceof Y.XmlElement)) {
      throw new DraftContentError('draft holds a shared type that is not a node');
    } else if (frame.depth > maxDepth) {
      throw new DraftContentError(`draft nests deeper than ${maxDepth}`);
    } else {
      const node: JSONContent = { type: child.nodeName };
      const attrs = child.getAttributes();
      if (Object.keys(attrs).length > 0) node.attrs = attrs;
      frame.out.push(node);
      const children = child.toArray();
      if (children.length > 0)
        stack.push({ children, next: 0, out: (node.content = []), depth: frame.depth + 1 });
    }
  }
  return root;
}

/** A text run's pieces, marks as y-tiptap writes them (`attrs` always present). */
function textToJSON(text: Y.XmlText): JSONContent[] {
  return (text.toDelta() as { insert: string; attributes?: Record<string, Record<string, unknown>> }[]).map(
    (d) => {
      const piece: JSONContent = { type: 'text', text: d.insert };
      if (d.attributes !== undefined)
        piece.marks = Object.entries(d.attributes).map(([key, attrs]) => ({
          type: key.split('--')[0]!,
          attrs,
        }));
      return piece;
    },
  );
}

/** The Yjs update that creates a draft holding `json` (e.g. seeded from an outline template). */
export function draftUpdateFromJSON(json: JSONContent, schema: Schema = draftSchema()): Uint8Array {
  const doc = prosemirrorJSONToYDoc(schema, json, CONTENT_FRAGMENT);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
