import * as Y from 'yjs';
import { SECTION_ID_ATTR } from '../../../shared/editor/section-id.ts';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';

/** The headings of a draft in order, as "label title" text. */
export function headingsOf(doc: Y.Doc): string[] {
  const nodes: (Y.XmlElement | Y.XmlText | Y.XmlHook)[] = doc.getXmlFragment(CONTENT_FRAGMENT).toArray();
  return nodes
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'heading')
    .map((h): string => String((h.get(0) as Y.XmlText | undefined)?.toString() ?? ''));
}

/** The index of the heading that opens `sectionId`. */
export function headingIndex(doc: Y.Doc, sectionId: string): number {
  const index = doc
    .getXmlFragment(CONTENT_FRAGMENT)
    .toArray()
    .findIndex((n) => n instanceof Y.XmlElement && n.getAttribute(SECTION_ID_ATTR) === sectionId);
  if (index < 0) throw new Error(`no heading for section ${sectionId}`);
  return index;
}

/** A piece of text with its formatting. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** Appends text (or formatted runs) to the paragraph right after the section's heading, in one transaction. */
export function writeInSection(doc: Y.Doc, sectionId: string, text: string | readonly TextRun[]): void {
  doc.transact(() => {
    const paragraph = doc
      .getXmlFragment(CONTENT_FRAGMENT)
      .get(headingIndex(doc, sectionId) + 1) as Y.XmlElement;
    let run = paragraph.get(0) as Y.XmlText | undefined;
    if (run === undefined) {
      run = new Y.XmlText();
      paragraph.insert(0, [run]);
    }
    for (const piece of typeof text === 'string' ? [{ text }] : text) {
      const marks: Record<string, object> = {};
      if (piece.bold === true) marks.bold = {};
      if (piece.italic === true) marks.italic = {};
      run.insert(run.length, piece.text, marks);
    }
  });
}

/** Replaces a section heading's text (the section id stays on the node). */
export function renameHeading(doc: Y.Doc, sectionId: string, text: string): void {
  doc.transact(() => {
    const heading = doc.getXmlFragment(CONTENT_FRAGMENT).get(headingIndex(doc, sectionId)) as Y.XmlElement;
    const run = heading.get(0) as Y.XmlText;
    run.delete(0, run.length);
    run.insert(0, text);
  });
}

/** Deletes a section's heading node. */
export function deleteHeading(doc: Y.Doc, sectionId: string): void {
  doc.getXmlFragment(CONTENT_FRAGMENT).delete(headingIndex(doc, sectionId), 1);
}
