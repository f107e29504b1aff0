/**
 * Tables of a scale-out run (`--store`, `--instances`): one column per deployment of ours
 * (bench/deployment.ts), the first being the single SQLite instance, then each other
 * deployment's ratio to it (< 1: lower than one SQLite instance).
 */
import { bestRate, HOT_CLIENTS, HOT_P99_MS, type HotResult } from './hot.js';
import { ratioOf, type Cell, type Row, type Table } from './report-format.js';
import { atRate } from './report-hot.js';
import { cpuPerDelivery, pollution, type ScenarioRun } from './report.js';

/** Runs of one scenario, one per deployment label, the baseline (single SQLite instance) first. */
export type PerDeployment<T> = { label: string; run: T | undefined }[];

function head(labels: string[]): string[] {
  const [base, ...others] = labels;
  return ['metric', ...labels, ...others.map((l) => `${l} / ${base ?? ''}`)];
}

/** A row of one figure per deployment, then each one's ratio to the first (or none). */
function row<T>(
  label: string,
  runs: PerDeployment<T>,
  get: (r: T) => number,
  decimals: number,
  withRatio = true,
): Row {
  const values = runs.map((d) => (d.run === undefined ? undefined : get(d.run)));
  const [base, ...others] = values;
  const ratios: Cell[] = others.map((v) => (withRatio ? ratioOf(v, base) : undefined));
  return { label, decimals, cells: [...values, ...ratios] };
}

function textRow<T>(label: string, runs: PerDeployment<T>, get: (r: T) => string): Row {
  return {
    label,
    decimals: 0,
    cells: [
      ...runs.map((d) => (d.run === undefined ? undefined : get(d.run))),
      ...runs.slice(1).map(() => undefined),
    ],
  };
}

const pctOfCore = (us: number, r: ScenarioRun): number => (us / 1000 / r.load.windowMs) * 100;

/** Table of one load scenario over the deployments. */
export function scaleScenarioTable(name: string, desc: string, runs: PerDeployment<ScenarioRun>): Table {
  const nan = (v: number | null): number => v ?? NaN;
  return {
    title: `Scenario ${name} (scale-out): ${desc}`,
    notes: [
      'CPU per delivered update sums every instance of a deployment; PostgreSQL backends and Redis are shown apart and not in it.',
      'Redis is the whole Redis server (shared with anything else using it); PostgreSQL is the backends serving the run’s own database (not its WAL writer or checkpointer).',
      ...runs.map((d) => pollution(d.label, d.run)).filter((n): n is string => n !== null),
    ],
    head: head(runs.map((d) => d.label)),
    ratioFrom: runs.length,
    rows: [
      row('latency p50 (ms, edit → all peers)', runs, (r) => r.load.latEdit.p50, 2),
      row('latency p95 (ms)', runs, (r) => r.load.latEdit.p95, 2),
      row('latency p99 (ms)', runs, (r) => r.load.latEdit.p99, 2),
      row('per-delivery p99 (ms)', runs, (r) => r.load.latDelivery.p99, 2),
      row('server CPU per delivered update, all instances (µs)', runs, cpuPerDelivery, 1),
      row('server CPU, all instances (% of one core)', runs, (r) => pctOfCore(r.serverCpuUs, r), 1),
      row('busiest instance CPU (% of one core)', runs, (r) => pctOfCore(Math.max(...r.instanceCpuUs), r), 1),
      row(
        'PostgreSQL backends CPU per delivered update (µs)',
        runs,
        (r) => nan(r.dbCpuUs) / r.load.deliveries,
        1,
      ),
      row('PostgreSQL backends CPU (% of one core)', runs, (r) => pctOfCore(nan(r.dbCpuUs), r), 1),
      row('Redis server CPU (% of one core)', runs, (r) => pctOfCore(nan(r.redisCpuUs), r), 1),
      row('server RSS, all instances (MiB)', runs, (r) => r.serverRssBytes / 2 ** 20, 1),
      row('delivered updates', runs, (r) => r.load.deliveries, 0),
      row('delivered updates/s', runs, (r) => r.load.deliveries / (r.load.windowMs / 1000), 0),
      row('missing deliveries', runs, (r) => r.load.missingDeliveries, 0),
      row('divergent clients', runs, (r) => r.load.divergentClients, 0),
      row('edits in window', runs, (r) => r.load.edits, 0, false),
      row('disconnects during run', runs, (r) => r.load.disconnects, 0, false),
      row('generator CPU (% of one core)', runs, (r) => r.load.genCpuPct, 0, false),
      row(
        'other processes on the machine (% of one core)',
        runs,
        (r) => pctOfCore(r.otherCpuUs, r),
        0,
        false,
      ),
      textRow('server stop (SIGTERM)', runs, (r) => `exit ${r.stop.code} in ${r.stop.ms} ms`),
    ],
  };
}

/** The hot draft over the deployments (columns in `labels` order). */
export function scaleHotTable(hot: HotResult, labels: string[], workload: string): Table {
  const per = <T>(get: (label: string) => T | undefined): PerDeployment<T> =>
    labels.map((label) => ({ label, run: get(label) }));
  return {
    title: `Hot draft (scale-out): ${HOT_CLIENTS} clients in one draft, increasing edit rates (${workload} workload)`,
    notes: [
      `Each step: fresh instances on a fresh database, ${hot.seconds} s window; a step passes with edit-latency p99 ≤ ${HOT_P99_MS} ms, nothing missing and no divergence. A deployment stops stepping after two consecutive failures (— = not run).`,
      'With several instances the draft’s clients alternate between them, so every edit crosses Redis to reach half of its readers.',
      ...labels.map((label) => {
        const failed = (hot.steps[label] ?? [])
          .filter((s) => !s.pass)
          .map((s) => `${s.rate}/s (${s.reason})`);
        return `${label} failed: ${failed.length === 0 ? 'none' : failed.join('; ')}.`;
      }),
    ],
    head: head(labels),
    ratioFrom: labels.length,
    rows: [
      row(
        'highest passing rate (edits/s per client)',
        per((l) => hot.steps[l]),
        bestRate,
        0,
      ),
      ...hot.rates.map((rate) => {
        const steps = atRate(hot, rate);
        return row(
          `p99 at ${rate}/s per client (ms)`,
          per((l) => steps[l]),
          (s) => s.run?.load.latEdit.p99 ?? NaN,
          1,
        );
      }),
      ...hot.rates.map((rate) => {
        const steps = atRate(hot, rate);
        return row(
          `CPU per delivered update at ${rate}/s (µs)`,
          per((l) => steps[l]),
          (s) => (s.run === null ? NaN : cpuPerDelivery(s.run)),
          1,
        );
      }),
    ],
  };
}
