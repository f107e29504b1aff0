import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { SECTION_ID_ATTR } from '../../shared/editor/section-id.ts';
import type { TemplateSection } from '../../shared/templates/template.ts';

/** A template section flattened into outline order, with its depth (1 = top level). */
export interface OutlineSection {
  section: TemplateSection;
  depth: number;
}

/** The template's section tree in document order. */
export function flattenSections(sections: readonly TemplateSection[], depth = 1): OutlineSection[] {
  return sections.flatMap((section) => [{ section, depth }, ...flattenSections(section.children, depth + 1)]);
}

/** The section id a node carries, if it is a section heading. */
function sectionIdOf(node: PMNode): string | null {
  if (node.type.name !== 'heading') return null;
  const id = node.attrs[SECTION_ID_ATTR] as unknown;
  return typeof id === 'string' ? id : null;
}

/** Position of the heading that opens a section, found by id (so renamed or moved headings still match). */
export function findSectionHeading(doc: PMNode, sectionId: string): { pos: number; node: PMNode } | null {
  let found: { pos: number; node: PMNode } | null = null;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (sectionIdOf(node) === sectionId) found = { pos, node };
    // Headings are top-level blocks; no need to look inside other blocks.
    return false;
  });
  return found;
}

/** The section the selection is in: the nearest section heading at or before it. */
export function currentSectionId(state: EditorState): string | null {
  const head = state.selection.from;
  let current: string | null = null;
  state.doc.forEach((node, offset) => {
    if (offset > head) return;
    current = sectionIdOf(node) ?? current;
  });
  return current;
}

/**
 * Scrolls to a section's heading and, when editable, puts the cursor at the end of the
 * paragraph after it (where the writer continues), or at the end of the heading itself
 * when a subsection follows directly.
 */
export function goToSection(editor: Editor, sectionId: string): boolean {
  const heading = findSectionHeading(editor.state.doc, sectionId);
  if (heading === null) return false;
  const after = heading.pos + heading.node.nodeSize;
  const next = editor.state.doc.nodeAt(after);
  const cursor = next !== null && next.type.name === 'paragraph' ? after + next.nodeSize - 1 : after - 1;
  const dom = editor.view.nodeDOM(heading.pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start', behavior: 'smooth' });
  if (editor.isEditable)
    editor.chain().setTextSelection(cursor).focus(undefined, { scrollIntoView: false }).run();
  return true;
}
