/**
 * Turns load-scenario results into tables (report-format.ts renders and merges them; the join
 * table is in report-join.ts, the hot draft's in report-hot.ts). One column per server kind,
 * then the ratios ours/reference and ours/hocuspocus: < 1 means ours is lower.
 */
import type { LoadResult } from './protocol.js';
import { ratioOf, SERVER_HEAD, SERVER_RATIO_FROM, type Cell, type Row, type Table } from './report-format.js';
import type { ServerKind } from './server-process.js';
import { fmt } from './stats.js';

/** Load-scenario outcome for one server. */
export interface ScenarioRun {
  load: LoadResult;
  /** Summed over every instance. */
  serverCpuUs: number;
  /** Each instance's share of `serverCpuUs` (one entry for a single server). */
  instanceCpuUs: number[];
  /** CPU of the run's PostgreSQL backends (null on SQLite). */
  dbCpuUs: number | null;
  /** CPU of the whole Redis server, which other users of it share (null with one instance). */
  redisCpuUs: number | null;
  serverRssBytes: number;
  /** CPU used during the window by everything except the server tree and the generator. */
  otherCpuUs: number;
  stop: { code: number | null; ms: number };
}

/** Results of one server kind each (a kind left out by `--only` is absent). */
export type PerKind<T> = Partial<Record<ServerKind, T>>;

/** Above this much foreign CPU during a window (% of one core) the table says so. */
const OTHER_CPU_WARN_PCT = 15;
/** Above this generator CPU (% of one core) its own queueing shows up in the latency figures. */
export const GENERATOR_WARN_PCT = 70;

/** A row of one figure per server, plus both ratios (or none). */
export function serverRow<T>(
  label: string,
  runs: PerKind<T>,
  get: (r: T) => number,
  decimals: number,
  withRatio = true,
): Row {
  const v = (k: ServerKind): number | undefined => {
    const r = runs[k];
    return r === undefined ? undefined : get(r);
  };
  const [o, r, h] = [v('ours'), v('reference'), v('hocuspocus')];
  return {
    label,
    decimals,
    cells: [o, r, h, withRatio ? ratioOf(o, r) : undefined, withRatio ? ratioOf(o, h) : undefined],
  };
}

/** A row of one text per server, no ratios. */
export function textRow<T>(label: string, runs: PerKind<T>, get: (r: T) => string): Row {
  const v = (k: ServerKind): Cell => {
    const r = runs[k];
    return r === undefined ? undefined : get(r);
  };
  return { label, decimals: 0, cells: [v('ours'), v('reference'), v('hocuspocus'), undefined, undefined] };
}

/** A warning when foreign processes or the generator took a noticeable share of the CPU. */
export function pollution(kind: string, r: ScenarioRun | undefined): string | null {
  if (r === undefined) return null;
  const pct = (r.otherCpuUs / 1000 / r.load.windowMs) * 100;
  const notes: string[] = [];
  if (pct > OTHER_CPU_WARN_PCT) {
    notes.push(`other processes used ${fmt(pct, 0)} % of a core during the window; figures are polluted`);
  }
  if (r.load.genCpuPct > GENERATOR_WARN_PCT) {
    notes.push(
      `generator at ${fmt(r.load.genCpuPct, 0)} % of a core; latency tails partly measure the generator`,
    );
  }
  return notes.length === 0 ? null : `WARNING (${kind}): ${notes.join('; ')}.`;
}

/** Server CPU per delivered update (µs). */
export const cpuPerDelivery = (r: ScenarioRun): number => r.serverCpuUs / r.load.deliveries;

/** Table for one load scenario. */
export function scenarioTable(name: string, desc: string, runs: PerKind<ScenarioRun>): Table {
  const perSec = (r: ScenarioRun): number => r.load.deliveries / (r.load.windowMs / 1000);
  const kinds: ServerKind[] = ['ours', 'reference', 'hocuspocus'];
  return {
    title: `Scenario ${name}: ${desc}`,
    notes: kinds.map((k) => pollution(k, runs[k])).filter((n) => n !== null),
    head: SERVER_HEAD,
    ratioFrom: SERVER_RATIO_FROM,
    rows: [
      serverRow('latency p50 (ms, edit → all peers)', runs, (r) => r.load.latEdit.p50, 2),
      serverRow('latency p95 (ms)', runs, (r) => r.load.latEdit.p95, 2),
      serverRow('latency p99 (ms)', runs, (r) => r.load.latEdit.p99, 2),
      serverRow('per-delivery p50 (ms)', runs, (r) => r.load.latDelivery.p50, 2),
      serverRow('per-delivery p99 (ms)', runs, (r) => r.load.latDelivery.p99, 2),
      serverRow('server CPU per delivered update (µs)', runs, cpuPerDelivery, 1),
      serverRow('server CPU (% of one core)', runs, (r) => (r.serverCpuUs / 1000 / r.load.windowMs) * 100, 1),
      serverRow('server RSS, process tree (MiB)', runs, (r) => r.serverRssBytes / 2 ** 20, 1),
      serverRow('delivered updates', runs, (r) => r.load.deliveries, 0),
      serverRow('delivered updates/s', runs, perSec, 0),
      serverRow('missing deliveries', runs, (r) => r.load.missingDeliveries, 0),
      serverRow('divergent clients', runs, (r) => r.load.divergentClients, 0),
      serverRow('edits in window', runs, (r) => r.load.edits, 0, false),
      serverRow('disconnects during run', runs, (r) => r.load.disconnects, 0, false),
      serverRow('generator CPU (% of one core)', runs, (r) => r.load.genCpuPct, 0, false),
      serverRow('generator event-loop delay p99 (ms)', runs, (r) => r.load.loopDelayP99Ms, 0, false),
      serverRow(
        'other processes on the machine (% of one core)',
        runs,
        (r) => (r.otherCpuUs / 1000 / r.load.windowMs) * 100,
        0,
        false,
      ),
      textRow('server stop (SIGTERM)', runs, (r) => `exit ${r.stop.code} in ${r.stop.ms} ms`),
    ],
  };
}
