import type { JSONContent } from '@tiptap/core';
import { diffWordsWithSpace } from 'diff';
import type { VersionDiff } from '../../shared/api/versions.ts';
import { SECTION_ID_ATTR } from '../../shared/editor/section-id.ts';

/** A section's heading and body text. */
export interface SectionText {
  readonly heading: string;
  readonly text: string;
}

/** A document's sections in order: id → heading and body text (blocks separated by newlines). */
export function splitSections(doc: JSONContent): Map<string, SectionText> {
  const sections = new Map<string, { heading: string; blocks: string[] }>();
  let current = { heading: '', blocks: [] as string[] };
  sections.set('', current);
  for (const block of doc.content ?? []) {
    const id = block.type === 'heading' ? (block.attrs?.[SECTION_ID_ATTR] as unknown) : undefined;
    if (typeof id === 'string' && !sections.has(id)) {
      current = { heading: plainText(block), blocks: [] };
      sections.set(id, current);
    } else {
      current.blocks.push(plainText(block));
    }
  }
  return new Map(
    [...sections].map(([id, s]) => [id, { heading: s.heading, text: s.blocks.join('\n').trim() }]),
  );
}

/**
 * Section-by-section changes from `a` to `b`, in `b`'s order with sections only `a` has at
 * their old place. Inside a changed section, a word diff (Vietnamese syllables are
 * space-separated, so word runs read naturally).
 */
export function diffVersions(a: JSONContent, b: JSONContent): VersionDiff['sections'] {
  return diffSections(splitSections(a), splitSections(b));
}

/** {@link diffVersions} over texts already split into sections (the history diff splits them from Yjs). */
export function diffSections(
  before: ReadonlyMap<string, SectionText>,
  after: ReadonlyMap<string, SectionText>,
): VersionDiff['sections'] {
  const order = mergeOrder([...before.keys()], [...after.keys()]);
  const result: VersionDiff['sections'] = [];
  for (const id of order) {
    const old = before.get(id);
    const now = after.get(id);
    if (now === undefined && old !== undefined) {
      result.push({
        sectionId: id,
        heading: old.heading,
        status: 'removed',
        parts: [part(old.text, false, true)],
      });
    } else if (old === undefined && now !== undefined) {
      result.push({
        sectionId: id,
        heading: now.heading,
        status: 'added',
        parts: [part(now.text, true, false)],
      });
    } else if (old !== undefined && now !== undefined) {
      if (old.text === now.text && old.heading === now.heading) {
        result.push({ sectionId: id, heading: now.heading, status: 'unchanged', parts: [] });
        continue;
      }
      const parts = diffWordsWithSpace(old.text, now.text).map((c) => part(c.value, c.added, c.removed));
      result.push({ sectionId: id, heading: now.heading, status: 'changed', parts });
    }
  }
  // The untitled preamble matters only when it has text.
  return result.filter((s) => s.sectionId !== '' || s.parts.some((p) => p.value.trim() !== ''));
}

/** `b`'s order, with ids only in `a` inserted after their predecessor in `a`. */
function mergeOrder(a: string[], b: string[]): string[] {
  const order = [...b];
  const inB = new Set(b);
  a.forEach((id, index) => {
    if (inB.has(id)) return;
    const prev = a
      .slice(0, index)
      .reverse()
      .find((p) => order.includes(p));
    order.splice(prev === undefined ? 0 : order.indexOf(prev) + 1, 0, id);
  });
  return order;
}

function part(value: string, added: boolean, removed: boolean) {
  return { value, added, removed };
}

/**
 * The text of a ProseMirror JSON node (hard breaks as newlines, blocks separated by newlines).
 * Recursive, but over JSON from `draftToJSON`, which refuses nesting past CONTENT_LIMITS.maxDepth.
 */
export function plainText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const inner = (node.content ?? []).map(plainText);
  const isBlockContainer = (node.content ?? []).some((c) => c.type !== 'text' && c.type !== 'hardBreak');
  return inner.join(isBlockContainer ? '\n' : '');
}
