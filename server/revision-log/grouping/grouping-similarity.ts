import type { CommentProfile } from './grouping-profile.ts';
import type { SectionTree } from './section-tree.ts';

/** How strongly each kind of evidence counts; one place, documented in the README. */
export const WEIGHTS = {
  /** A suggestion's edited words count this many times a request word. */
  change: 2,
  /**
   * Two adjacent request syllables count this much of one syllable. Many Vietnamese words take
   * two syllables, so the pairs are evidence ("cán bộ" is not "bộ" and "cán"); but comments
   * asking one thing in other words share syllables far more often than pairs, and at full
   * weight the pairs a rewording does not share outweighed the syllables it does.
   */
  bigram: 0.3,
  /** Added to the similarity when two comments quote overlapping words of one section. */
  sameQuote: 0.2,
  /** Similarity is multiplied by this when both quote, in one section, words that do not overlap. */
  otherQuote: 0.8,
  /** Similarity is multiplied by this when the two ask only different actions (add vs delete). */
  otherAction: 0.6,
  /** … and by this when both name bodies ("Đoàn Thanh niên", "Hội Cựu chiến binh") and none is shared. */
  otherNames: 0.6,
  /** A feature held by more than this share of the round (and 30 comments) finds no candidates. */
  commonShare: 0.1,
} as const;

/** A sparse, L2-normalised TF-IDF vector. */
type Vector = Map<string, number>;

/** Pairwise similarity of a round's comments, with the candidate pairs worth comparing. */
export class SimilarityIndex {
  private readonly vectors: Vector[];
  private readonly weights: Vector[] = [];
  private readonly totals: number[] = [];
  private readonly postings = new Map<string, number[]>();

  constructor(
    private readonly profiles: readonly CommentProfile[],
    private readonly sections: readonly (string | null)[],
    private readonly tree: SectionTree,
  ) {
    const raw = profiles.map(featuresOf);
    const df = new Map<string, number>();
    for (const features of raw) for (const f of features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    const n = profiles.length;
    this.vectors = raw.map((features) => {
      const v: Vector = new Map();
      let norm = 0;
      for (const [f, tf] of features) {
        const scale = f.startsWith('b ') ? WEIGHTS.bigram : 1;
        // Sublinear in repeats; a weight below one occurrence stays linear (and positive).
        const w = scale * (tf > 1 ? 1 + Math.log(tf) : tf) * Math.log(1 + n / df.get(f)!);
        v.set(f, w);
        norm += w * w;
      }
      norm = Math.sqrt(norm);
      this.weights.push(new Map(v));
      let total = 0;
      for (const w of v.values()) total += w;
      this.totals.push(total);
      if (norm > 0) for (const [f, w] of v) v.set(f, w / norm);
      return v;
    });
    const common = Math.max(30, WEIGHTS.commonShare * n);
    this.vectors.forEach((v, i) => {
      for (const f of v.keys()) {
        if (df.get(f)! > common) continue;
        const list = this.postings.get(f);
        if (list === undefined) this.postings.set(f, [i]);
        else list.push(i);
      }
    });
  }

  /**
   * The comments most worth comparing with comment i: those sharing distinctive features with
   * it in a section near its own, the `limit` with the largest shared weight. Bounding them
   * keeps a round of thousands of comments to a few tens of comparisons each.
   */
  candidates(i: number, limit: number): number[] {
    const shared = new Map<number, number>();
    const v = this.vectors[i]!;
    for (const [f, w] of v)
      for (const j of this.postings.get(f) ?? [])
        if (j !== i) shared.set(j, (shared.get(j) ?? 0) + w * this.vectors[j]!.get(f)!);
    const near = [...shared].filter(([j]) => this.tree.near(this.sections[i]!, this.sections[j]!));
    if (near.length > limit) near.sort((a, b) => b[1] - a[1]).length = limit;
    return near.map(([j]) => j);
  }

  /** Similarity in [0, 1+]: 0 for pairs that must stay apart, whatever their wording. */
  similarity(i: number, j: number): number {
    const a = this.profiles[i]!;
    const b = this.profiles[j]!;
    if (apart(a, b)) return 0;
    const factor = this.tree.factor(this.sections[i]!, this.sections[j]!);
    if (factor === 0) return 0;
    // Containment rather than cosine: a comment that adds its reasons or an example to the
    // same request is still the same request (cosine fell with every word added).
    let sim = containment(this.weights[i]!, this.weights[j]!, Math.min(this.totals[i]!, this.totals[j]!));
    if (a.quote.length > 0 && b.quote.length > 0) {
      const overlap = this.sections[i] === this.sections[j] ? overlapShare(a.quote, b.quote) : 0;
      sim = overlap > 0 ? sim + WEIGHTS.sameQuote * overlap : sim * WEIGHTS.otherQuote;
    }
    if (a.actions.size > 0 && b.actions.size > 0 && ![...a.actions].some((k) => b.actions.has(k)))
      sim *= WEIGHTS.otherAction;
    if (a.names.size > 0 && b.names.size > 0 && ![...a.names].some((n) => b.names.has(n)))
      sim *= WEIGHTS.otherNames;
    return sim * factor;
  }
}

/** Pairs that are different requests however alike they read. */
export function apart(a: CommentProfile, b: CommentProfile): boolean {
  if (a.agreementOnly !== b.agreementOnly) return true;
  if (a.keep !== b.keep) return true;
  if (a.figures.size > 0 && b.figures.size > 0 && ![...a.figures].some((f) => b.figures.has(f))) return true;
  if (a.correctsFigure !== b.correctsFigure && (a.figures.size === 0 || b.figures.size === 0)) return true;
  return a.sides.some((side, k) => side !== 0 && b.sides[k] !== 0 && side !== b.sides[k]);
}

function featuresOf(profile: CommentProfile): Map<string, number> {
  const features = new Map<string, number>();
  const add = (f: string, w: number) => features.set(f, (features.get(f) ?? 0) + w);
  profile.request.forEach((t, k) => {
    add(`w ${t}`, 1);
    if (k > 0) add(`b ${profile.request[k - 1]} ${t}`, 1);
  });
  for (const t of profile.change) add(`w ${t}`, WEIGHTS.change);
  // The quoted words are not in the vector: they say where, not what is asked (two requests
  // on one sentence often differ); shared quotes count through `sameQuote` instead.
  return features;
}

/** Weight two comments share, as a share of the lighter one's: extra reasons do not dilute it. */
function containment(a: Vector, b: Vector, lighter: number): number {
  if (lighter === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [f, w] of small) {
    const other = large.get(f);
    if (other !== undefined) shared += Math.min(w, other);
  }
  return shared / lighter;
}

/** Share of the shorter quote's words that the other quote holds. */
function overlapShare(a: readonly string[], b: readonly string[]): number {
  const setB = new Set(b);
  const setA = new Set(a);
  let shared = 0;
  for (const t of setA) if (setB.has(t)) shared += 1;
  return shared / Math.min(setA.size, setB.size);
}
