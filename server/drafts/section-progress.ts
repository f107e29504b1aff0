import * as Y from 'yjs';
import type { SectionProgress } from '../../shared/api/progress.ts';
import { SECTION_ID_ATTR } from '../../shared/editor/section-id.ts';
import { CONTENT_FRAGMENT } from '../../shared/editor/fragment.ts';
import type { Template, TemplateSection } from '../../shared/templates/template.ts';

/** Without a length hint, a section counts as written from this many words. */
const DEFAULT_WRITTEN_WORDS = 30;

/**
 * Every template section's progress in the live document. A section's text is everything
 * after its heading (found by the section id the heading carries, wherever it moved and
 * whatever it now says) up to the next heading that opens a section.
 */
export function sectionProgress(doc: Y.Doc, template: Template): SectionProgress[] {
  const own = new Map<string, { heading: string; words: number }>();
  let current: { heading: string; words: number } | null = null;
  for (const node of doc.getXmlFragment(CONTENT_FRAGMENT).toArray()) {
    const sectionId =
      node instanceof Y.XmlElement && node.nodeName === 'heading'
        ? node.getAttribute(SECTION_ID_ATTR)
        : undefined;
    if (typeof sectionId === 'string' && !own.has(sectionId)) {
      current = { heading: textOf(node).trim(), words: 0 };
      own.set(sectionId, current);
    } else if (current !== null) {
      current.words += countWords(textOf(node));
    }
  }
  const result: SectionProgress[] = [];
  const walk = (sections: readonly TemplateSection[], depth: number): number => {
    let total = 0;
    for (const section of sections) {
      const entry: SectionProgress = {
        id: section.id,
        label: section.label,
        title: section.title,
        heading: own.get(section.id)?.heading ?? null,
        depth,
        required: section.required,
        words: 0,
        state: 'empty',
        flagged: false,
      };
      result.push(entry);
      entry.words = (own.get(section.id)?.words ?? 0) + walk(section.children, depth + 1);
      const enough = section.lengthHint?.minWords ?? DEFAULT_WRITTEN_WORDS;
      entry.state =
        entry.heading === null
          ? 'missing'
          : entry.words === 0
            ? 'empty'
            : entry.words >= enough
              ? 'written'
              : 'writing';
      entry.flagged = section.required && (entry.state === 'missing' || entry.state === 'empty');
      total += entry.words;
    }
    return total;
  };
  walk(template.sections, 1);
  return result;
}

/** The plain text of a block (its text runs, nested blocks included, each child followed by a space). */
function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) return runText(node);
  if (!(node instanceof Y.XmlElement)) return '';
  // An explicit stack, not recursion: nesting an earlier build let in must not overflow.
  let text = '';
  const stack: { children: (Y.XmlElement | Y.XmlText | Y.XmlHook)[]; next: number }[] = [
    { children: node.toArray(), next: 0 },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const child = frame.children[frame.next++];
    if (child === undefined) {
      stack.pop();
      if (stack.length > 0) text += ' '; // the end of a nested element
    } else if (child instanceof Y.XmlElement) {
      stack.push({ children: child.toArray(), next: 0 });
    } else {
      text += `${child instanceof Y.XmlText ? runText(child) : ''} `;
    }
  }
  return text;
}

function runText(node: Y.XmlText): string {
  let text = '';
  for (const op of node.toDelta() as { insert: unknown }[])
    if (typeof op.insert === 'string') text += op.insert;
  return text;
}

/** Words as Vietnamese counts them here: runs of non-space characters (one per syllable). */
export function countWords(text: string): number {
  return text.match(/\S+/gu)?.length ?? 0;
}
