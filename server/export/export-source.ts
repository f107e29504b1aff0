import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import type { Comment } from '../../shared/api/comments.ts';
import type { ExportWarning } from '../../shared/api/exports.ts';
import { draftSchema, draftToJSON } from '../../shared/editor/draft-json.ts';
import type { Template, TemplateSection } from '../../shared/templates/template.ts';
import { locateAnchor } from '../comments/comment-anchor.ts';
import { DraftTextMap } from '../comments/draft-text-map.ts';
import { sectionProgress } from '../drafts/section-progress.ts';
import type { CommentSpan } from './export-body.ts';

/** What an export reads from one text of the draft (live or frozen), in one pass over its Y.Doc. */
export interface ExportSource {
  json: JSONContent;
  warnings: ExportWarning[];
  spans: CommentSpan[];
}

/**
 * Reads the text, the empty required sections and where each comment's range falls now.
 * Anchors are resolved by the comments module's own rules (positions, then the quote).
 */
export function readSource(
  doc: Y.Doc,
  template: Template | null,
  comments: readonly Comment[],
  schema = draftSchema(),
): ExportSource {
  const json = draftToJSON(doc, schema);
  const warnings: ExportWarning[] = [];
  if (template !== null) {
    const index = sectionIndex(template);
    for (const section of sectionProgress(doc, template))
      if (section.flagged)
        warnings.push({
          code: section.state === 'missing' ? 'required_section_missing' : 'required_section_empty',
          sectionId: section.id,
          section: index.get(section.id)?.numbered ?? section.title,
        });
  }
  const spans: CommentSpan[] = [];
  if (comments.length > 0) {
    const map = new DraftTextMap(doc);
    for (const comment of comments) {
      const range = comment.anchor === null ? null : locateAnchor(map, doc, comment.anchor);
      if (range !== null) spans.push({ id: comment.id, start: range.start, end: range.end });
      else {
        // A whole-section comment, or one whose text is gone: a point at its section's heading.
        const sectionId = comment.anchor?.sectionId ?? null;
        const at = sectionId === null ? 0 : (map.sectionOffset(sectionId) ?? 0);
        spans.push({ id: comment.id, start: at, end: at });
      }
    }
  }
  return { json, warnings, spans };
}

/** Reads a frozen version's state the same way the live text is read. */
export function readFrozen<T>(state: Uint8Array, use: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return use(doc);
  } finally {
    doc.destroy();
  }
}

/** Every section of a template by id: its numbering label and its numbered title ("Phần thứ nhất KẾT QUẢ …"). */
export function sectionIndex(template: Template | null): Map<string, { label: string; numbered: string }> {
  const index = new Map<string, { label: string; numbered: string }>();
  const walk = (sections: readonly TemplateSection[]) => {
    for (const s of sections) {
      index.set(s.id, { label: s.label, numbered: `${s.label} ${s.title}`.trim() });
      walk(s.children);
    }
  };
  if (template !== null) walk(template.sections);
  return index;
}
