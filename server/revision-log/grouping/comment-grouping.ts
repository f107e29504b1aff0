import { averageLinkage, type Edge } from './average-linkage.ts';
import { profileOf, type GroupingComment } from './grouping-profile.ts';
import { SimilarityIndex } from './grouping-similarity.ts';
import type { GroupingVocabulary } from './grouping-vocabulary.ts';
import { SectionTree, type SectionNode } from './section-tree.ts';

export type { GroupingComment } from './grouping-profile.ts';
export type { SectionNode } from './section-tree.ts';

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
export function groupComments(request: GroupingRequest, vocabulary: GroupingVocabulary): GroupingResult {
  const { comments, threshold } = request;
  const profiles = comments.map((c) => profileOf(c, vocabulary));
  const sections = comments.map((c) => c.sectionId);
  const index = new SimilarityIndex(profiles, sections, new SectionTree(request.sections));
  const edges: Edge[] = [];
  const neighbours: { j: number; sim: number }[][] = comments.map(() => []);
  for (let i = 0; i < comments.length; i++)
    for (const j of index.candidates(i)) {
      const sim = index.similarity(i, j);
      const apart = sim === 0;
      edges.push({ i, j, sim, apart });
      if (!apart) {
        neighbours[i]!.push({ j, sim });
        neighbours[j]!.push({ j: i, sim });
      }
    }
  const agreeing = profiles.flatMap((p, i) => (p.agreementOnly ? [i] : []));
  const fixed = request.fixed ?? [];
  const taken = new Set(fixed.flat());
  const seeds = [...fixed, agreeing.filter((i) => !taken.has(i))].filter((s) => s.length > 1);
  // Fixed groups are closed: nothing joins them automatically.
  const closedEdges = edges.map((e) => (taken.has(e.i) || taken.has(e.j) ? { ...e, apart: true } : e));
  const groups = averageLinkage(comments.length, closedEdges, threshold, seeds);
  const limit = request.suggestions ?? 0;
  const similar = neighbours.map((list) =>
    limit === 0
      ? []
      : list
          .sort((a, b) => b.sim - a.sim || a.j - b.j)
          .slice(0, limit)
          .map((n) => n.j),
  );
  return { groups, similar };
}
