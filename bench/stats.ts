/**
 * Small numeric helpers for the benchmark: percentiles and formatting.
 * Kept dependency-free so both the orchestrator and the generator can import it cheaply.
 */

/** Summary of a latency sample in milliseconds; NaN fields mean "no data". */
export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * Nearest-rank percentiles (no interpolation: every reported value was actually observed,
 * which keeps p99 honest for small samples).
 */
export function percentiles(values: ArrayLike<number>): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const at = (q: number): number =>
    n === 0 ? NaN : (sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))] ?? NaN);
  return {
    count: n,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: n === 0 ? NaN : (sorted[n - 1] ?? NaN),
  };
}

/** Median of a list (mean of the two middle values for even lengths); NaN when empty. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  const hi = s[Math.floor(n / 2)] ?? NaN;
  return n % 2 === 1 ? hi : ((s[n / 2 - 1] ?? NaN) + hi) / 2;
}

/** Formats a number with a fixed number of decimals, or "n/a" for missing values. */
export function fmt(value: number | undefined, decimals = 1): string {
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  return value.toFixed(decimals);
}

/** ours/reference ratio as text; "n/a" unless both sides are finite and the reference is non-zero. */
export function ratio(ours: number | undefined, ref: number | undefined): string {
  if (
    ours === undefined ||
    ref === undefined ||
    !Number.isFinite(ours) ||
    !Number.isFinite(ref) ||
    ref === 0
  ) {
    return 'n/a';
  }
  return (ours / ref).toFixed(2);
}
