/**
 * What one simulated author does per edit (`--workload`). Every edit is one local transaction,
 * made by the generator at the client's rate; the tracker times its delivery to every peer.
 *
 * - typing: 2–5 characters at a random position of the author's own paragraph, 10 % delete
 *   1–2 characters (the bench's first workload).
 * - append: a new paragraph (Y.XmlElement 'paragraph' holding a Y.XmlText with a short
 *   sentence) appended to the `content` fragment, as an independent check did.
 * - editor (default): like a person in an editor: 1–5 characters at the caret of the author's
 *   current paragraph, the caret staying where the typing left it (now and then nudged a few
 *   characters, as arrow keys do); about 1 edit in 15 presses Enter (a new paragraph after the
 *   current one becomes current) and about 5 % are backspaces.
 */
import * as Y from 'yjs';
import { addParagraph, randInt, Typist } from './client.js';

/** The workloads `--workload` accepts. */
export const WORKLOADS = ['typing', 'append', 'editor'] as const;
/** One of `WORKLOADS`. */
export type Workload = (typeof WORKLOADS)[number];

/** One author's editing state in its client's doc. */
export interface Author {
  fragment: Y.XmlFragment;
  /** The paragraph the author is typing in (its own one at the start). */
  text: Y.XmlText;
  caret: number;
  typist: Typist;
}

const ENTER_P = 1 / 15;
const BACKSPACE_P = 0.05;
const NUDGE_P = 0.1;

// Short sentences of the kind a comment round adds; precomposed (NFC) like the typed phrases.
const SENTENCES = [
  'Đề nghị bổ sung số liệu về tăng trưởng kinh tế.',
  'Cần làm rõ trách nhiệm của người đứng đầu.',
  'Thống nhất với nội dung dự thảo.',
  'Đề nghị viết gọn lại đoạn này.',
  'Bổ sung kết quả chuyển đổi số năm 2025.',
  'Nên nêu rõ hạn chế và nguyên nhân.',
].map((s) => s.normalize('NFC'));

/** Makes the author's edit for one workload; call inside the edit's transaction. */
export function editFor(workload: Workload): (a: Author) => void {
  if (workload === 'typing') return typingEdit;
  if (workload === 'append') return appendEdit;
  return editorEdit;
}

function typingEdit(a: Author): void {
  const len = a.text.length;
  if (len > 20 && Math.random() < 0.1) {
    const n = randInt(1, 2);
    a.text.delete(randInt(0, len - n), n);
  } else {
    a.text.insert(randInt(0, len), a.typist.next(randInt(2, 5)));
  }
}

function appendEdit(a: Author): void {
  addParagraph(a.fragment, SENTENCES[randInt(0, SENTENCES.length - 1)] ?? 'Ý kiến.');
}

function editorEdit(a: Author): void {
  const r = Math.random();
  a.caret = Math.min(a.caret, a.text.length);
  if (r < ENTER_P) {
    a.text = addParagraph(a.fragment, '', indexOfParagraph(a.fragment, a.text) + 1);
    a.caret = 0;
    return;
  }
  if (r < ENTER_P + BACKSPACE_P && a.caret > 0) {
    a.text.delete(a.caret - 1, 1);
    a.caret -= 1;
    return;
  }
  if (Math.random() < NUDGE_P) a.caret = clamp(a.caret + randInt(-8, 8), 0, a.text.length);
  const s = a.typist.next(randInt(1, 5));
  a.text.insert(a.caret, s);
  a.caret += s.length;
}

/** Index of the paragraph holding `text` (the end of the fragment if it is gone). */
function indexOfParagraph(fragment: Y.XmlFragment, text: Y.XmlText): number {
  let i = 0;
  for (let child = fragment.firstChild; child !== null; child = child.nextSibling) {
    if (child instanceof Y.XmlElement && child.firstChild === text) return i;
    i++;
  }
  return fragment.length - 1;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, x));
}
