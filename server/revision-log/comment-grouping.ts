/**
 * Near-duplicate grouping of comments. Texts are normalised (NFC, lower case, punctuation
 * and spacing collapsed; Vietnamese diacritics kept, since "bổ sung" and "bỏ sung" are
 * different words) and compared by the Dice coefficient of their word bigrams (single words
 * for one-word texts). Similar pairs are joined transitively.
 *
 * Efficiency: no all-pairs comparison. Each text's features are sorted rarest first and only
 * a prefix is indexed (prefix filtering for set-similarity joins): two sets can reach the
 * threshold only if their prefixes share a feature, so common openings like "đề nghị" never
 * produce candidates on their own. Candidates are then checked with the full coefficient.
 */

/** A text to group, with the id the caller knows it by. */
export interface GroupInput {
  readonly id: number;
  readonly text: string;
}

/** Lower case, NFC, punctuation and symbols to spaces, spaces collapsed; diacritics kept. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The comparison features of a normalised text: word bigrams, or its single word. */
export function featuresOf(normalised: string): Set<string> {
  const words = normalised === '' ? [] : normalised.split(' ');
  if (words.length < 2) return new Set(words);
  const bigrams = new Set<string>();
  for (let i = 1; i < words.length; i++) bigrams.add(`${words[i - 1]} ${words[i]}`);
  return bigrams;
}

/** Dice coefficient of two feature sets: 2|A∩B| / (|A|+|B|). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const f of small) if (large.has(f)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Clusters texts whose similarity reaches `threshold` (0 < threshold ≤ 1). Returns clusters
 * of ids, each in input order, clusters ordered by their first member.
 */
export function groupNearDuplicates(items: readonly GroupInput[], threshold: number): number[][] {
  const features = items.map((item) => [...featuresOf(normaliseText(item.text))]);
  const frequency = new Map<string, number>();
  for (const list of features) for (const f of list) frequency.set(f, (frequency.get(f) ?? 0) + 1);
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // Dice ≥ t is Jaccard ≥ t/(2−t); a set of size n must then share a feature among its
  // first n − ⌈j·n⌉ + 1 rarest ones with any partner.
  const jaccard = threshold / (2 - threshold);
  const index = new Map<string, number[]>();
  const sets = features.map((list) => new Set(list));
  // seenBy[j] = i + 1 once text j was considered for text i (cheaper than a set per text).
  const seenBy = new Uint32Array(items.length);
  features.forEach((list, i) => {
    list.sort((x, y) => frequency.get(x)! - frequency.get(y)! || (x < y ? -1 : 1));
    const prefix = list.length === 0 ? 0 : list.length - Math.ceil(jaccard * list.length) + 1;
    for (let p = 0; p < prefix; p++) {
      const posting = index.get(list[p]!);
      if (posting === undefined) {
        index.set(list[p]!, [i]);
        continue;
      }
      for (const j of posting) {
        if (seenBy[j] === i + 1) continue;
        seenBy[j] = i + 1;
        if (find(i) !== find(j) && similarEnough(sets[i]!, sets[j]!, threshold)) parent[find(i)] = find(j);
      }
      posting.push(i);
    }
    // Empty texts (only punctuation) group with each other.
    if (list.length === 0) {
      const empty = index.get('') ?? [];
      if (empty.length > 0) parent[find(i)] = find(empty[0]!);
      empty.push(i);
      index.set('', empty);
    }
  });
  const clusters = new Map<number, number[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const cluster = clusters.get(root);
    if (cluster === undefined) clusters.set(root, [item.id]);
    else cluster.push(item.id);
  });
  return [...clusters.values()];
}

function similarEnough(a: ReadonlySet<string>, b: ReadonlySet<string>, threshold: number): boolean {
  // Size filter first: Dice can reach t only if the smaller set is at least t/(2−t) of the larger.
  const [small, large] = a.size <= b.size ? [a.size, b.size] : [b.size, a.size];
  if (small < (threshold / (2 - threshold)) * large - 1e-9) return false;
  return dice(a, b) >= threshold - 1e-9;
}
