import * as Y from 'yjs';
import type { VersionDiff } from '../../shared/api/versions.ts';
import { authoredSections, type AuthoredSection } from './authored-text.ts';
import { diffSections } from './version-diff.ts';

type Part = VersionDiff['sections'][number]['parts'][number];

/**
 * The section-by-section word diff from `a` to `b` (as between two versions), with each added
 * run split by who typed it: the characters of `b` whose Yjs items `a` does not have (newer
 * than its state vector) carry their clientID, and `owners` maps clientIDs to users. Attribution is exact per
 * character; deletions have no author (Yjs records none).
 */
export function authoredDiff(
  a: Y.Doc,
  b: Y.Doc,
  owners: ReadonlyMap<number, number>,
): VersionDiff['sections'] {
  const before = authoredSections(a, new Map(), new Map());
  const after = authoredSections(b, Y.decodeStateVector(Y.encodeStateVector(a)), owners);
  return diffSections(before, after).map((section) => {
    const now = after.get(section.sectionId);
    if (now === undefined || section.status === 'unchanged' || section.status === 'removed') return section;
    // The parts are a diff of the very text `now` holds, so positions in it line up with `now.authors`.
    return { ...section, parts: attribute(section.parts, now) };
  });
}

/** Splits each added part into runs of one author, walking the later text alongside the parts. */
function attribute(parts: readonly Part[], now: AuthoredSection): Part[] {
  const out: Part[] = [];
  let at = 0;
  for (const part of parts) {
    if (part.removed) {
      out.push(part);
      continue;
    }
    if (!part.added) {
      out.push(part);
      at += part.value.length;
      continue;
    }
    // A block separator or space nobody typed (null) stays with the run it sits in.
    const authorAt = (i: number, current: number | null) => {
      const author = now.authors[at + i] ?? null;
      return author === null && /\s/.test(part.value[i]!) ? current : author;
    };
    let start = 0;
    let author = authorAt(0, null);
    for (let i = 1; i <= part.value.length; i++) {
      const next = i < part.value.length ? authorAt(i, author) : undefined;
      if (next === author) continue;
      out.push({ value: part.value.slice(start, i), added: true, removed: false, author });
      start = i;
      author = next ?? null;
    }
    at += part.value.length;
  }
  return out;
}
