import { getSchema, type JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import {
  prosemirrorJSONToYDoc,
  yXmlFragmentToProseMirrorRootNode,
  yXmlFragmentToProsemirrorJSON,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { editorExtensions } from './extensions.ts';
import { CONTENT_FRAGMENT } from './fragment.ts';

/** Builds the ProseMirror schema of drafts (no DOM needed). */
export function draftSchema(): Schema {
  return getSchema(editorExtensions());
}

/** A draft's text as ProseMirror JSON, validated against the schema (throws if it does not fit). */
export function draftToJSON(doc: Y.Doc, schema: Schema = draftSchema()): JSONContent {
  const fragment = doc.getXmlFragment(CONTENT_FRAGMENT);
  yXmlFragmentToProseMirrorRootNode(fragment, schema).check();
  return yXmlFragmentToProsemirrorJSON(fragment) as JSONContent;
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
