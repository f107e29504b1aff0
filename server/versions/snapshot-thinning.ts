/** How automatic snapshots are thinned as they age. */
export interface ThinningPolicy {
  /** Younger snapshots are all kept. */
  readonly keepAllMs: number;
  /** Up to this age one per hour is kept; older ones, one per day. */
  readonly hourlyUntilMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Which snapshots to drop (`created` ascending): in each hour (past `keepAllMs`) or day (past
 * `hourlyUntilMs`) only the newest stays. Each dropped one names the next newer snapshot,
 * which absorbs its changes and editors, so the chain of deltas stays whole.
 */
export function thinning(
  snapshots: readonly { id: number; createdAt: number }[],
  now: number,
  policy: ThinningPolicy,
): { drop: number; into: number }[] {
  const bucketOf = ({ id, createdAt }: { id: number; createdAt: number }): string => {
    const age = now - createdAt;
    if (age < policy.keepAllMs) return `s${id}`;
    return age < policy.hourlyUntilMs
      ? `h${Math.floor(createdAt / HOUR)}`
      : `d${Math.floor(createdAt / DAY)}`;
  };
  const plan: { drop: number; into: number }[] = [];
  for (let i = 0; i < snapshots.length - 1; i++) {
    const current = snapshots[i]!;
    const next = snapshots[i + 1]!;
    if (bucketOf(current) === bucketOf(next)) plan.push({ drop: current.id, into: next.id });
  }
  return plan;
}
