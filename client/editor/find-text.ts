import type { Node as PMNode } from '@tiptap/pm/model';

/** A match in the document, as ProseMirror positions. */
export interface TextRange {
  from: number;
  to: number;
}

const folded = new Map<string, string>();

/**
 * One character as search compares it: lower case, without its tone and vowel marks, đ as d
 * ("Đảng" reads "dang"), so that a search typed without Vietnamese diacritics finds the text.
 */
export function foldChar(ch: string): string {
  let out = folded.get(ch);
  if (out === undefined) {
    out =
      ch === 'đ' || ch === 'Đ'
        ? 'd'
        : ch
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase();
    folded.set(ch, out);
  }
  return out;
}

/** A string as search compares it (see {@link foldChar}). */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/**
 * Every place the query occurs in the document, ignoring case and diacritics, in document
 * order and not overlapping. Matches stay within one text block (a paragraph, heading or
 * table cell's paragraph); a hard break or other inline node breaks a match.
 */
export function findMatches(doc: PMNode, query: string): TextRange[] {
  const q = foldText(query);
  const matches: TextRange[] = [];
  if (q === '') return matches;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let text = '';
    // Where each folded character came from: its position in the document.
    const at: number[] = [];
    node.forEach((child, offset) => {
      const start = pos + 1 + offset;
      if (!child.isText) {
        text += '\uFFFC';
        at.push(start);
        return;
      }
      const raw = child.text ?? '';
      for (let i = 0; i < raw.length; i++)
        for (const ch of foldChar(raw[i]!)) {
          text += ch;
          at.push(start + i);
        }
    });
    for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + q.length))
      matches.push({ from: at[i]!, to: at[i + q.length - 1]! + 1 });
    return false;
  });
  return matches;
}
