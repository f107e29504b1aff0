/** A section of the draft's outline: its id and its parent's (null at the top). */
export interface SectionNode {
  readonly id: string;
  readonly parentId: string | null;
}

/** How much a pair's wording must weigh, by where the two comments sit. */
export const PLACE_FACTORS = {
  same: 1,
  /** Parent and child: "the same fix raised from two adjacent sections". */
  parentChild: 0.9,
  /** Two sections under one parent. */
  siblings: 0.85,
  /** A comment on the whole document and one on a section. */
  wholeDocument: 0.8,
} as const;

/**
 * Adjacency in the outline. Comments on the same request often sit one level apart (one on a
 * part, one on its point) or in neighbouring points; comments further apart are never grouped
 * (the same request at another place is another request). `null` is the whole document.
 */
export class SectionTree {
  private readonly parents: Map<string, string | null>;

  constructor(sections: readonly SectionNode[]) {
    this.parents = new Map(sections.map((s) => [s.id, s.parentId]));
  }

  /** True when comments on these two sections are compared at all. */
  near(a: string | null, b: string | null): boolean {
    return this.factor(a, b) > 0;
  }

  /** The place factor of a pair (0 when too far apart). */
  factor(a: string | null, b: string | null): number {
    if (a === b) return PLACE_FACTORS.same;
    if (a === null || b === null) return PLACE_FACTORS.wholeDocument;
    const pa = this.parents.get(a);
    const pb = this.parents.get(b);
    if (pa === b || pb === a) return PLACE_FACTORS.parentChild;
    if (pa !== undefined && pa === pb) return PLACE_FACTORS.siblings;
    return 0;
  }
}
