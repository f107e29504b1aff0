import type { Node as PMNode } from '@tiptap/pm/model';
import { SECTION_ID_ATTR } from '../../shared/editor/section-id.ts';

/** A run of the document's text: where it starts in the joined text and in the ProseMirror doc. */
interface Run {
  at: number;
  pos: number;
  length: number;
}

/**
 * The draft's text as the server quotes it (server/comments/draft-text-map.ts): the text of
 * every text block joined with '\n', inline nodes such as hard breaks counting for nothing,
 * with a way back from offsets in that text to ProseMirror positions, so that a quote found
 * again by `findQuote` can be highlighted.
 */
export class DocText {
  /** The joined text. */
  readonly text: string;
  /** Where each section's heading starts in the text. */
  readonly sections = new Map<string, number>();
  private readonly runs: Run[] = [];

  constructor(doc: PMNode) {
    const parts: string[] = [];
    let length = 0;
    const push = (text: string, pos: number | null) => {
      if (pos !== null && text.length > 0) this.runs.push({ at: length, pos, length: text.length });
      parts.push(text);
      length += text.length;
    };
    let first = true;
    doc.descendants((node, pos) => {
      if (!node.isTextblock) return true;
      if (!first) push('\n', null);
      first = false;
      const sectionId = node.type.name === 'heading' ? (node.attrs[SECTION_ID_ATTR] as unknown) : null;
      if (typeof sectionId === 'string' && !this.sections.has(sectionId))
        this.sections.set(sectionId, length);
      node.forEach((child, offset) => {
        if (child.isText) push(child.text ?? '', pos + 1 + offset);
      });
      return false;
    });
    this.text = parts.join('');
  }

  /** The document position where the character at `offset` starts (the next run's start in a gap). */
  startPos(offset: number): number | null {
    const run = this.runs.find((r) => r.at + r.length > offset);
    return run === undefined ? null : run.pos + Math.max(0, offset - run.at);
  }

  /** The document position right after the character before `offset` (the previous run's end in a gap). */
  endPos(offset: number): number | null {
    let found: Run | undefined;
    for (const run of this.runs) {
      if (run.at >= offset) break;
      found = run;
    }
    return found === undefined ? null : found.pos + Math.min(found.length, offset - found.at);
  }
}
