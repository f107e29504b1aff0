import * as Y from 'yjs';
import { CONTENT_FRAGMENT } from '../../shared/editor/fragment.ts';
import { SECTION_ID_ATTR } from '../../shared/editor/section-id.ts';
import { CONTENT_LIMITS } from '../../shared/limits.ts';
import type { SectionText } from './version-diff.ts';

/** A section's text with, for each UTF-16 unit of `text`, the user who typed it since the earlier point (or null). */
export interface AuthoredSection extends SectionText {
  readonly authors: readonly (number | null)[];
}

/**
 * The sections of `doc` as `splitSections` reads them from its JSON (same headings, same
 * newlines, same trimming), read straight from the Yjs items so that every character keeps
 * the clientID that wrote it. A character is attributed when its item is newer than `before`
 * (the earlier point's state vector) and `owners` knows the clientID's user; text that was
 * already there, or whose writer is unknown (the server's template text), gets null.
 */
export function authoredSections(
  doc: Y.Doc,
  before: ReadonlyMap<number, number>,
  owners: ReadonlyMap<number, number>,
): Map<string, AuthoredSection> {
  const sections = new Map<string, { heading: string; blocks: Run[] }>();
  let current = { heading: '', blocks: [] as Run[] };
  sections.set('', current);
  const read = (node: Y.XmlElement | Y.XmlText) => readNode(node, before, owners, 0);
  for (const node of doc.getXmlFragment(CONTENT_FRAGMENT).toArray()) {
    if (!(node instanceof Y.XmlElement || node instanceof Y.XmlText)) continue;
    const id =
      node instanceof Y.XmlElement && node.nodeName === 'heading'
        ? node.getAttribute(SECTION_ID_ATTR)
        : undefined;
    if (typeof id === 'string' && id !== '' && !sections.has(id)) {
      current = { heading: read(node).text, blocks: [] };
      sections.set(id, current);
    } else {
      current.blocks.push(read(node));
    }
  }
  return new Map([...sections].map(([id, s]) => [id, { heading: s.heading, ...trim(join(s.blocks, '\n')) }]));
}

interface Run {
  text: string;
  authors: (number | null)[];
}

/**
 * Mirrors `plainText` of version-diff.ts. Recursive like it, but bounded: the collaboration
 * core refuses updates nesting past CONTENT_LIMITS.maxDepth, and deeper nodes read as empty.
 */
function readNode(
  node: Y.XmlElement | Y.XmlText,
  before: ReadonlyMap<number, number>,
  owners: ReadonlyMap<number, number>,
  depth: number,
): Run {
  if (node instanceof Y.XmlText) return readText(node, before, owners);
  if (node.nodeName === 'hardBreak') return { text: '\n', authors: [null] };
  if (depth > CONTENT_LIMITS.maxDepth) return { text: '', authors: [] };
  const children = node
    .toArray()
    .filter((c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText);
  const isBlockContainer = children.some((c) => !(c instanceof Y.XmlText) && c.nodeName !== 'hardBreak');
  return join(
    children.map((c) => readNode(c, before, owners, depth + 1)),
    isBlockContainer ? '\n' : '',
  );
}

/** Walks Yjs's own item list, where each run of characters carries the clientID and clock that made it. */
function readText(
  text: Y.XmlText,
  before: ReadonlyMap<number, number>,
  owners: ReadonlyMap<number, number>,
): Run {
  const run: Run = { text: '', authors: [] };
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    const { client, clock } = item.id;
    const known = before.get(client) ?? 0;
    const owner = owners.get(client) ?? null;
    const str = item.content.str;
    run.text += str;
    for (let i = 0; i < str.length; i++) run.authors.push(clock + i >= known ? owner : null);
  }
  return run;
}

function join(runs: readonly Run[], separator: string): Run {
  const out: Run = { text: '', authors: [] };
  runs.forEach((r, i) => {
    if (i > 0 && separator !== '') {
      out.text += separator;
      out.authors.push(null);
    }
    out.text += r.text;
    for (const a of r.authors) out.authors.push(a); // no spread: a long section would overflow the stack
  });
  return out;
}

function trim(run: Run): { text: string; authors: (number | null)[] } {
  const start = run.text.length - run.text.trimStart().length;
  const text = run.text.trim();
  return { text, authors: run.authors.slice(start, start + text.length) };
}
