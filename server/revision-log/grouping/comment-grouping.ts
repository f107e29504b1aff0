import { averageLinkage, type Edge } from './average-linkage.ts';
import { profileOf, type CommentProfile, type GroupingComment } from './grouping-profile.ts';
import { SimilarityIndex } from './grouping-similarity.ts';
import type { GroupingVocabulary } from './grouping-vocabulary.ts';
import { SectionTree, type SectionNode } from './section-tree.ts';

export type { GroupingComment } from './grouping-profile.ts';
export type { SectionNode } from './section-tree.ts';

/** Comparisons per comment: its most promising candidates (a group larger than this is rare). */
const CANDIDATES_PER_COMMENT = 40;

/** One grouping run: the round's comments by index. */
export interface GroupingRequest {
  readonly comments: readonly GroupingComment[];
  /** The draft's outline (adjacency decides which sections' comments are compared). */
  readonly sections: readonly SectionNode[];
  /** Mean similarity a group must keep (see the README: 0.3 loose … 1 identical). */
  readonly threshold: number;
  /** Groups fixed in advance (the committee's own), by index; never split or undone. */
  readonly fixed?: readonly (readonly number[])[];
  /** How many similar comments to rank for each (0: none). */
  readonly suggestions?: number;
}

/** Groups (indices, in input order, groups by first member) and each comment's similar ones. */
export interface GroupingResult {
  readonly groups: number[][];
  /** similar[i]: the most similar other comments to i, best first, groupmates included. */
  readonly similar: number[][];
}

/**
 * The revision log's grouping: the comments that ask for the same change at the same place.
 * Used as is by the server's table and by `npm run grouping` (so what is scored is what runs).
 * Steps: profile each comment (what it asks, without stock openers), TF-IDF over the round so
 * rare content words count and stock phrases do not, compare candidate pairs in the same or an
 * adjacent section, keep apart pairs that ask opposite things or different figures, then
 * average linkage. Comments that only agree form one group.
 */
export function groupComments(
  request: GroupingRequest,
  vocabulary: GroupingVocabulary,
  /** How a comment is read; the server passes one that remembers comments read before. */
  read: (comment: GroupingComment) => CommentProfile = (c) => profileOf(c, vocabulary),
): GroupingResult {
  const { comments, threshold } = request;
  const fixed = request.fixed ?? [];
  const taken = new Set(fixed.flat());
  const profiles = comments.map(read);
  // Comments asking in the same words at the same place are compared once: copied wording
  // is common, and it would otherwise fill every comment's candidate list with its copies.
  const unique: number[] = [];
  const copies: number[][] = [];
  const byKey = new Map<string, number>();
  profiles.forEach((p, i) => {
    const key = taken.has(i) ? `#${i}` : keyOf(p, comments[i]!.sectionId);
    const u = byKey.get(key);
    if (u !== undefined) copies[u]!.push(i);
    else {
      byKey.set(key, unique.length);
      unique.push(i);
      copies.push([i]);
    }
  });
  const index = new SimilarityIndex(
    unique.map((i) => profiles[i]!),
    unique.map((i) => comments[i]!.sectionId),
    new SectionTree(request.sections),
  );
  const m = unique.length;
  const edges: Edge[] = [];
  const neighbours: { j: number; sim: number }[][] = unique.map(() => []);
  const compared = new Set<number>();
  for (let i = 0; i < m; i++)
    for (const j of index.candidates(i, CANDIDATES_PER_COMMENT)) {
      const [a, b] = i < j ? [i, j] : [j, i];
      if (compared.has(a * m + b)) continue;
      compared.add(a * m + b);
      const sim = index.similarity(a, b);
      const apart = sim === 0 || taken.has(unique[a]!) || taken.has(unique[b]!); // fixed groups are closed
      edges.push({ i: a, j: b, sim, apart });
      if (sim > 0) {
        neighbours[a]!.push({ j: b, sim });
        neighbours[b]!.push({ j: a, sim });
      }
    }
  const uniqueOf = new Map<number, number>();
  copies.forEach((list, u) => list.forEach((i) => uniqueOf.set(i, u)));
  const agreeing = unique.flatMap((i, u) => (profiles[i]!.agreementOnly && !taken.has(i) ? [u] : []));
  const seeds = [...fixed.map((g) => g.map((i) => uniqueOf.get(i)!)), agreeing].filter((s) => s.length > 1);
  const weights = copies.map((list) => list.length);
  const groups = averageLinkage(m, edges, threshold, seeds, weights)
    .map((g) => g.flatMap((u) => copies[u]!).sort((x, y) => x - y))
    .sort((x, y) => x[0]! - y[0]!);
  const limit = request.suggestions ?? 0;
  for (const list of neighbours) list.sort((a, b) => b.sim - a.sim || a.j - b.j);
  const similar = comments.map((_, i) => {
    const ranked: number[] = [];
    if (limit === 0) return ranked;
    const u = uniqueOf.get(i)!;
    // Its exact copies first, then the nearest other wordings with their copies.
    for (const k of copies[u]!) if (k !== i && ranked.length < limit) ranked.push(k);
    for (const n of neighbours[u]!) {
      if (ranked.length >= limit) break;
      for (const k of copies[n.j]!) if (ranked.length < limit) ranked.push(k);
    }
    return ranked;
  });
  return { groups, similar };
}

/** What makes two comments the same request in the same words at the same place. */
function keyOf(p: CommentProfile, sectionId: string | null): string {
  return JSON.stringify([
    sectionId,
    p.request,
    p.change,
    p.quote,
    p.agreementOnly,
    p.keep,
    [...p.figures],
    p.sides,
  ]);
}
