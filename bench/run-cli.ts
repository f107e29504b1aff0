/**
 * Command line of `npm run bench` (see run.ts for what each part measures).
 *
 *   --only ours|reference|hocuspocus  servers to run; repeatable or comma list (default all three)
 *   --scenario 200x20        repeatable or comma list; default 200x20,500x100 (2x1, 50x1 on request)
 *   --workload editor|typing|append  what each edit does (bench/workload.ts; default editor)
 *   --seconds N              measured window per scenario (default 20)
 *   --warmup N               untimed editing before the window (default 3)
 *   --rate N                 edits/s per client in the scenarios (default 2)
 *   --join-updates N         history length for the join benchmark (default 20000)
 *   --no-join / --join-only  skip the join benchmark / run only it
 *   --hot-only (or --hot)    run only the hot draft; --no-hot skips it
 *   --hot-rates 2,4,…        its steps (edits/s per client; default 2,4,6,8,12,16,24,32)
 *   --hot-seconds N          its window per step (default 8)
 *   --runs N                 run everything N times; the report gives each figure's median and range
 *   --store sqlite|postgres  where ours keeps its data (default sqlite); postgres: a fresh
 *                            database per run on the local PostgreSQL (BENCH_PG)
 *   --instances N            ours as N processes on one database, linked through the local
 *                            Redis (BENCH_REDIS); N > 1 needs --store postgres
 *   --no-by-draft            scale-out: skip the case where a draft's clients share one instance
 *   --launcher build|node|tsx  build (default): `npm run build`, then the servers as compiled
 *                            JavaScript on plain node, as `npm start` runs; node: the TypeScript
 *                            sources through `node --import tsx`; tsx: the `tsx <entry>` launcher,
 *                            whose signal relay may SIGKILL a server that is slow to ack SIGTERM
 *
 * `--scenario` and `--join-only` narrow a run to what they name, so they leave out the hot draft.
 * With `--store postgres` or `--instances` > 1 the run is a scale-out run (bench/scale-out.ts):
 * deployments of ours only, against one SQLite instance; no references, no join benchmark.
 */
import { parseArgs } from 'node:util';
import type { Store } from './deployment.js';
import { HOT_RATES } from './hot.js';
import type { ScenarioSpec } from './scenario.js';
import { SERVER_KINDS, type Launcher, type ServerKind } from './server-process.js';
import { WORKLOADS, type Workload } from './workload.js';

/** What one `npm run bench` does. */
export interface Cli {
  kinds: ServerKind[];
  scenarios: ScenarioSpec[];
  workload: Workload;
  seconds: number;
  warmup: number;
  rate: number;
  joinUpdates: number;
  join: boolean;
  hot: boolean;
  hotRates: number[];
  hotSeconds: number;
  runs: number;
  launcher: Launcher;
  store: Store;
  instances: number;
  byDraft: boolean;
  /** A scale-out run (bench/scale-out.ts): another store or more than one instance. */
  scaleOut: boolean;
}

const DEFAULT_SCENARIOS = ['200x20', '500x100'];

function list(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((s) => s.split(',')).filter((s) => s !== '');
}

function num(name: string, v: string | undefined): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${v}"`);
  return n;
}

/** Parses and checks the command line; throws with a clear message on bad input. */
export function parseCli(): Cli {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      scenario: { type: 'string', multiple: true },
      workload: { type: 'string', default: 'editor' },
      seconds: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      rate: { type: 'string', default: '2' },
      'join-updates': { type: 'string', default: '20000' },
      'no-join': { type: 'boolean', default: false },
      'join-only': { type: 'boolean', default: false },
      hot: { type: 'boolean', default: false },
      'hot-only': { type: 'boolean', default: false },
      'no-hot': { type: 'boolean', default: false },
      'hot-rates': { type: 'string', default: HOT_RATES.join(',') },
      'hot-seconds': { type: 'string', default: '8' },
      runs: { type: 'string', default: '1' },
      launcher: { type: 'string', default: 'build' },
      store: { type: 'string', default: 'sqlite' },
      instances: { type: 'string', default: '1' },
      'no-by-draft': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const launcher = values.launcher;
  if (launcher !== 'build' && launcher !== 'node' && launcher !== 'tsx') {
    throw new Error('--launcher must be "build", "node" or "tsx"');
  }
  const only = list(values.only);
  for (const k of only) {
    if (!(SERVER_KINDS as readonly string[]).includes(k)) {
      throw new Error(`--only takes ${SERVER_KINDS.join(', ')}; got "${k}"`);
    }
  }
  const workload = values.workload as Workload;
  if (!WORKLOADS.includes(workload)) throw new Error(`--workload must be one of ${WORKLOADS.join(', ')}`);
  const hotOnly = values.hot || values['hot-only'];
  const joinOnly = values['join-only'];
  if (hotOnly && joinOnly) throw new Error('--hot-only and --join-only exclude each other');
  const names =
    hotOnly || joinOnly ? [] : values.scenario === undefined ? DEFAULT_SCENARIOS : list(values.scenario);
  const scenarios = names.map((name) => {
    const m = /^(\d+)x(\d+)$/.exec(name);
    if (m === null) throw new Error(`bad --scenario "${name}" (want CLIENTSxDRAFTS, e.g. 200x20)`);
    return { name, clients: Number(m[1]), drafts: Number(m[2]) };
  });
  const warmup = Number(values.warmup);
  if (!Number.isFinite(warmup) || warmup < 0) throw new Error('--warmup must be a number ≥ 0');
  const runs = num('runs', values.runs);
  if (!Number.isInteger(runs)) throw new Error('--runs must be a whole number');
  const store = values.store;
  if (store !== 'sqlite' && store !== 'postgres') throw new Error('--store must be "sqlite" or "postgres"');
  const instances = num('instances', values.instances);
  if (!Number.isInteger(instances)) throw new Error('--instances must be a whole number');
  if (instances > 1 && store === 'sqlite') {
    throw new Error('--instances > 1 needs --store postgres (a SQLite file belongs to one process)');
  }
  const scaleOut = store !== 'sqlite' || instances > 1;
  if (scaleOut && only.some((k) => k !== 'ours')) {
    throw new Error('a scale-out run (--store postgres, --instances) measures ours only; drop --only');
  }
  if (scaleOut && joinOnly) throw new Error('a scale-out run has no join benchmark; drop --join-only');
  return {
    kinds: scaleOut ? ['ours'] : SERVER_KINDS.filter((k) => only.length === 0 || only.includes(k)),
    scenarios,
    workload,
    seconds: num('seconds', values.seconds),
    warmup,
    rate: num('rate', values.rate),
    joinUpdates: Math.round(num('join-updates', values['join-updates'])),
    join: !values['no-join'] && !hotOnly && !scaleOut,
    hot: hotOnly || (!values['no-hot'] && !joinOnly && values.scenario === undefined),
    hotRates: list([values['hot-rates']]).map((r) => num('hot-rates', r)),
    hotSeconds: num('hot-seconds', values['hot-seconds']),
    runs,
    launcher,
    store,
    instances,
    byDraft: !values['no-by-draft'],
    scaleOut,
  };
}
