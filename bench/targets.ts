/**
 * Issue 19's targets, measured: each as a figure (a ratio or milliseconds), its limit and
 * pass/fail. Over several runs (`--runs N`) the figure is the median of the runs' figures.
 */
import { bestRate, type HotResult } from './hot.js';
import type { JoinRun } from './report-join.js';
import { cpuPerDelivery, type PerKind, type ScenarioRun } from './report.js';
import { fmt, median } from './stats.js';

/** Everything one run of the bench measured. */
export interface RunData {
  scenarios: { name: string; desc: string; runs: PerKind<ScenarioRun> }[];
  join: { updates: number; runs: PerKind<JoinRun> } | null;
  hot: HotResult | null;
}

/** One target's figure in one run (also of the scale-out targets, bench/scale-out.ts). */
export interface Figure {
  label: string;
  value: number;
  limit: number;
  /** true: pass when value ≤ limit; false: when value ≥ limit. */
  atMost: boolean;
  unit: '×' | ' ms' | '';
}

/** Scenarios the latency and CPU targets are set for. */
const TARGET_SCENARIOS = ['200x20', '500x100'];

/** a / b, or NaN when either is missing or b is 0. */
export function div(a: number | undefined, b: number | undefined): number {
  return a === undefined || b === undefined || b === 0 ? NaN : a / b;
}

/** The targets' figures of one run (NaN where a server or a part was not run). */
function figures(d: RunData): Figure[] {
  const out: Figure[] = [];
  const at = (label: string, value: number, limit: number, unit: Figure['unit'], atMost = true): void => {
    out.push({ label, value, limit, atMost, unit });
  };
  for (const s of d.scenarios.filter((x) => TARGET_SCENARIOS.includes(x.name))) {
    const { ours, reference, hocuspocus } = s.runs;
    const p99 = (r: ScenarioRun | undefined): number | undefined => r?.load.latEdit.p99;
    const cpu = (r: ScenarioRun | undefined): number | undefined =>
      r === undefined ? undefined : cpuPerDelivery(r);
    at(`${s.name} p99 vs hocuspocus`, div(p99(ours), p99(hocuspocus)), 1.0, '×');
    at(`${s.name} p99`, p99(ours) ?? NaN, 50, ' ms');
    at(`${s.name} p50`, ours?.load.latEdit.p50 ?? NaN, 2, ' ms');
    at(`${s.name} CPU/update vs hocuspocus`, div(cpu(ours), cpu(hocuspocus)), 1.0, '×');
    at(`${s.name} CPU/update vs reference`, div(cpu(ours), cpu(reference)), 1.25, '×');
  }
  if (d.join !== null) {
    const { ours, reference, hocuspocus } = d.join.runs;
    const warm = (j: JoinRun | undefined): number | undefined =>
      j === undefined ? undefined : median(j.warm);
    const cold = (j: JoinRun | undefined): number | undefined =>
      j?.cold === null || j === undefined ? undefined : median(j.cold);
    at('warm join vs reference', div(warm(ours), warm(reference)), 0.8, '×');
    at('cold join vs hocuspocus', div(cold(ours), cold(hocuspocus)), 0.5, '×');
  }
  if (d.hot !== null) {
    const best = (k: 'ours' | 'reference'): number | undefined => {
      const steps = d.hot?.steps[k];
      return steps === undefined ? undefined : bestRate(steps);
    };
    // Only ours passing a step is above any ratio; neither passing one says nothing (n/a).
    const [o, r] = [best('ours'), best('reference')];
    const ratio = o !== undefined && o > 0 && r === 0 ? Infinity : div(o, r);
    at('hot-draft rate vs reference', ratio, 1.0, '×', false);
  }
  return out;
}

/** Each target's median over the runs, against its limit: "label value (≤ limit) pass". */
export function targetVerdicts(perRun: readonly Figure[][]): string[] {
  return (perRun[0] ?? []).map((f, i) => {
    const values = perRun.map((r) => r[i]?.value ?? NaN).filter((v) => !Number.isNaN(v));
    const value = median(values);
    if (Number.isNaN(value)) return `${f.label} n/a`;
    const pass = f.atMost ? value <= f.limit : value >= f.limit;
    const shown =
      value === Infinity
        ? '∞'
        : f.unit === '×'
          ? `${fmt(value, 3)}×`
          : f.unit === ' ms'
            ? `${fmt(value, 1)} ms`
            : fmt(value, 0);
    return `${f.label} ${shown} (${f.atMost ? '≤' : '≥'} ${f.limit}${f.unit}) ${pass ? 'pass' : 'FAIL'}`;
  });
}

/** The one-line summary of the targets over one or more runs. */
export function targetSummary(runs: RunData[]): string {
  const parts = targetVerdicts(runs.map(figures));
  return parts.length === 0 ? 'Targets: none measured in this run.' : `Targets: ${parts.join('; ')}.`;
}
