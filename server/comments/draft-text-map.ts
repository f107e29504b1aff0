import * as Y from 'yjs';
import { CONTENT_FRAGMENT } from '../../shared/editor/fragment.ts';
import { SECTION_ID_ATTR } from '../../shared/editor/section-id.ts';

/** Block nodes whose children are text (the rest only hold blocks). */
const TEXTBLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/** A section heading's place in the flat text. */
export interface SectionMark {
  id: string;
  offset: number;
}

/**
 * The draft's text flattened the way the browser's `doc.textBetween(…, '\n')` flattens it
 * (text blocks joined by a newline), with where each Yjs text and each element boundary
 * falls in it. Quotes, sections and anchors are computed on this one string.
 */
export class DraftTextMap {
  /** The flat text. */
  readonly text: string;
  /** Section headings in document order. */
  readonly sections: readonly SectionMark[];
  private readonly textStarts = new Map<Y.XmlText, number>();
  private readonly childStarts = new Map<Y.XmlElement | Y.XmlFragment, number[]>();

  constructor(doc: Y.Doc) {
    const parts: string[] = [];
    const sections: SectionMark[] = [];
    let length = 0;
    let blocks = 0;
    const push = (s: string) => {
      parts.push(s);
      length += s.length;
    };
    // An explicit stack, not recursion: nesting an earlier build let in must not overflow.
    type Frame = { node: Y.XmlElement | Y.XmlFragment; children: unknown[]; next: number; starts: number[] };
    const stack: Frame[] = [];
    const enter = (node: Y.XmlElement | Y.XmlFragment) => {
      const isBlock = node instanceof Y.XmlElement && TEXTBLOCKS.has(node.nodeName);
      if (isBlock) {
        if (blocks > 0) push('\n');
        blocks += 1;
        const id: unknown = node.nodeName === 'heading' ? node.getAttribute(SECTION_ID_ATTR) : undefined;
        if (typeof id === 'string' && id !== '') sections.push({ id, offset: length });
      }
      stack.push({ node, children: node.toArray(), next: 0, starts: [] });
    };
    enter(doc.getXmlFragment(CONTENT_FRAGMENT));
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.next < frame.children.length) {
        const child = frame.children[frame.next++];
        frame.starts.push(length);
        if (child instanceof Y.XmlText) {
          this.textStarts.set(child, length);
          push(plainText(child));
        } else if (child instanceof Y.XmlElement) enter(child);
      } else {
        frame.starts.push(length);
        this.childStarts.set(frame.node, frame.starts);
        stack.pop();
      }
    }
    this.text = parts.join('');
    this.sections = sections;
  }

  /** Where a stored relative position falls in the flat text now, or null if its place is gone. */
  offsetOf(
    position: Y.RelativePosition,
    doc: Y.Doc,
  ): { offset: number; text: Y.XmlText | null; index: number } | null {
    const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
    if (absolute === null) return null;
    const { type, index } = absolute;
    if (type instanceof Y.XmlText) {
      const start = this.textStarts.get(type);
      return start === undefined ? null : { offset: start + index, text: type, index };
    }
    if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
      const starts = this.childStarts.get(type);
      const offset = starts?.[Math.min(index, starts.length - 1)];
      return offset === undefined ? null : { offset, text: null, index };
    }
    return null;
  }

  /** The Yjs text holding all of `[start, end)`, with the index of `start` in it, or null if the range crosses texts. */
  textAt(start: number, end: number): { text: Y.XmlText; index: number } | null {
    for (const [text, at] of this.textStarts)
      if (start >= at && end <= at + text.length && !text._item?.deleted) return { text, index: start - at };
    return null;
  }

  /** The section whose heading comes last at or before `offset`, or null before the first one. */
  sectionAt(offset: number): string | null {
    let found: string | null = null;
    for (const mark of this.sections) {
      if (mark.offset > offset) break;
      found = mark.id;
    }
    return found;
  }

  /** Where a section's heading starts, or null if the draft has no such section. */
  sectionOffset(id: string): number | null {
    return this.sections.find((s) => s.id === id)?.offset ?? null;
  }

  /** Each section's heading text (its numbering and title), in document order. */
  sectionHeadings(): { id: string; title: string }[] {
    return this.sections.map(({ id, offset }) => {
      const end = this.text.indexOf('\n', offset);
      return { id, title: this.text.slice(offset, end === -1 ? undefined : end).trim() };
    });
  }

  /** Document order of the sections, for sorting comments. */
  sectionOrder(): Map<string, number> {
    return new Map(this.sections.map((s, i) => [s.id, i]));
  }
}

/** The characters of a Yjs text without its formatting (embeds count as one character, as in Yjs). */
export function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((d) => (typeof d.insert === 'string' ? d.insert : '\uFFFC'))
    .join('');
}
