import type { Node as PMNode } from '@tiptap/pm/model';

/** A run of the document's text: where it starts in the joined text and in the ProseMirror doc. */
interface Run {
  at: number;
  pos: number;
  length: number;
}

/**
 * The draft's text as the server quotes it: the text of every block joined with '\n' (hard
 * breaks are '\n' too), with a way back from offsets in that text to ProseMirror positions,
 * so a quote found again by `findQuote` can be highlighted.
 */
export class DocText {
  /** The joined text. */
  readonly text: string;
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
      node.forEach((child, offset) => {
        const at = pos + 1 + offset;
        if (child.isText) push(child.text ?? '', at);
        else if (child.type.name === 'hardBreak') push('\n', at);
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
