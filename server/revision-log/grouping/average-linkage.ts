/** An edge of the similarity graph between items i < j. */
export interface Edge {
  readonly i: number;
  readonly j: number;
  /** Similarity; pairs with no edge count as 0. */
  readonly sim: number;
  /** The two must never share a cluster. */
  readonly apart: boolean;
}

/**
 * Average-linkage agglomerative clustering on a sparse similarity graph: repeatedly merges the
 * two clusters whose mean pairwise similarity (missing pairs count 0) is highest, while it
 * reaches `threshold` and no pair across them must stay apart. Unlike single link (joining
 * whatever two members are alike), one shared stock phrase cannot chain many requests into one
 * group: every member has to be close to the group as a whole. `seeds` start as clusters.
 */
export function averageLinkage(
  count: number,
  edges: readonly Edge[],
  threshold: number,
  seeds: readonly (readonly number[])[] = [],
  /** How many identical comments each item stands for (1 each by default). */
  weights: readonly number[] = [],
): number[][] {
  const clusterOf = Array.from({ length: count }, (_, i) => i);
  const members = new Map<number, number[]>(clusterOf.map((i) => [i, [i]]));
  const weightOf = (i: number) => weights[i] ?? 1;
  const size = new Map<number, number>(clusterOf.map((i) => [i, weightOf(i)]));
  // links.get(a).get(b): summed similarity between clusters a and b, or -Infinity if kept apart.
  const links = new Map<number, Map<number, number>>(clusterOf.map((i) => [i, new Map()]));
  const heap = new MaxHeap();
  const link = (a: number, b: number, value: number) => {
    links.get(a)!.set(b, value);
    links.get(b)!.set(a, value);
  };
  const push = (a: number, b: number) => {
    const sum = links.get(a)!.get(b)!;
    if (sum === -Infinity) return;
    const mean = sum / (size.get(a)! * size.get(b)!);
    if (mean >= threshold) heap.push(mean, a, b);
  };
  const merge = (a: number, b: number) => {
    // b joins a: a's links to others become the sum of both; a veto on either side stays.
    for (const [other, value] of links.get(b)!) {
      links.get(other)!.delete(b);
      if (other === a) continue;
      const mine = links.get(a)!.get(other) ?? 0;
      link(a, other, mine === -Infinity || value === -Infinity ? -Infinity : mine + value);
    }
    links.delete(b);
    const joined = members.get(a)!;
    for (const m of members.get(b)!) {
      joined.push(m);
      clusterOf[m] = a;
    }
    members.delete(b);
    size.set(a, size.get(a)! + size.get(b)!);
    size.delete(b);
  };
  for (const e of edges) {
    const a = e.i;
    const b = e.j;
    link(a, b, e.apart ? -Infinity : e.sim * weightOf(a) * weightOf(b));
  }
  for (const seed of seeds)
    for (const m of seed.slice(1))
      if (clusterOf[m] !== clusterOf[seed[0]!]) merge(clusterOf[seed[0]!]!, clusterOf[m]!);
  for (const [a, others] of links) for (const b of others.keys()) if (a < b) push(a, b);
  for (let top = heap.pop(); top !== undefined; top = heap.pop()) {
    const [mean, a, b] = top;
    if (!members.has(a) || !members.has(b)) continue;
    const sum = links.get(a)!.get(b);
    if (sum === undefined || sum === -Infinity) continue;
    const current = sum / (size.get(a)! * size.get(b)!);
    if (Math.abs(current - mean) > 1e-12) continue; // stale entry: the clusters have grown
    merge(a, b);
    for (const other of links.get(a)!.keys()) push(a, other);
  }
  return [...members.values()].map((list) => list.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

/** A binary max-heap of [key, a, b]. */
class MaxHeap {
  private readonly items: [number, number, number][] = [];

  push(key: number, a: number, b: number): void {
    const items = this.items;
    items.push([key, a, b]);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (items[parent]![0] >= items[i]![0]) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }

  pop(): [number, number, number] | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < items.length && items[l]![0] > items[best]![0]) best = l;
      if (r < items.length && items[r]![0] > items[best]![0]) best = r;
      if (best === i) break;
      [items[best], items[i]] = [items[i]!, items[best]!];
      i = best;
    }
    return top;
  }
}
