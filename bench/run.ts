/**
 * `npm run bench`: runs the same load against our server and the reference
 * (`@y/websocket-server`, in memory) and prints ours/reference ratios.
 *
 *   --only reference|ours    run one server only (ratios then show n/a)
 *   --scenario 200x20        repeatable or comma list; default 2x1,50x1,200x20,500x100
 *   --seconds N              measured window per scenario (default 20)
 *   --warmup N               untimed editing before the window (default 3)
 *   --rate N                 edits/s per client (default 2)
 *   --join-updates N         history length for the join benchmark (default 20000)
 *   --no-join / --join-only  skip the join benchmark / skip the load scenarios
 *   --launcher build|node|tsx  build (default): `npm run build`, then both servers as compiled
 *                            JavaScript on plain node, as `npm start` runs; node: the TypeScript
 *                            sources through `node --import tsx`; tsx: the `tsx <entry>` launcher,
 *                            whose signal relay may SIGKILL a server that is slow to ack SIGTERM
 *
 * Ours requires authentication: before it starts, its fresh database is seeded (bench/workspace.ts)
 * with min(clients, 50) drafters, one API token each, and the scenario's drafts; clients connect
 * round-robin over the users with `?token=`. The reference ignores the parameter; its clients
 * send placeholder tokens of the same shape, so the client side does the same work.
 *
 * Environment: BENCH_NODE_ARGS_OURS / BENCH_NODE_ARGS_REFERENCE add Node flags (e.g. --cpu-prof,
 * then bench/profile-share.ts); BENCH_OURS_ENTRY runs another entry as ours (node and tsx
 * launchers); BENCH_OURS_PREAUTH=1 says that entry predates authentication (no seeding,
 * placeholder tokens); BENCH_LOG_LEVEL sets the servers' LOG_LEVEL (default warn).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  joinTable,
  scenarioTable,
  toMarkdown,
  toText,
  type JoinRun,
  type ScenarioRun,
  type Table,
} from './report.js';
import { runJoin, runScenario, type ScenarioSpec } from './scenario.js';
import { CPU_TICK_MS } from './proc.js';
import { emergencyCleanup, type Launcher, type ServerKind } from './server-process.js';

const ALL_SCENARIOS = ['2x1', '50x1', '200x20', '500x100'];
const LAUNCH_TEXT: Record<Launcher, string> = {
  build: 'node dist/<entry>.js (compiled by npm run build, as npm start runs)',
  node: 'node --import tsx <entry>.ts',
  tsx: 'tsx <entry>.ts',
};

function parseCli(): {
  kinds: ServerKind[];
  scenarios: ScenarioSpec[];
  seconds: number;
  warmup: number;
  rate: number;
  joinUpdates: number;
  join: boolean;
  launcher: Launcher;
} {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      scenario: { type: 'string', multiple: true },
      seconds: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      rate: { type: 'string', default: '2' },
      'join-updates': { type: 'string', default: '20000' },
      'no-join': { type: 'boolean', default: false },
      'join-only': { type: 'boolean', default: false },
      launcher: { type: 'string', default: 'build' },
    },
    strict: true,
  });
  const only = values.only;
  const launcher = values.launcher;
  if (launcher !== 'build' && launcher !== 'node' && launcher !== 'tsx') {
    throw new Error('--launcher must be "build", "node" or "tsx"');
  }
  if (only !== undefined && only !== 'ours' && only !== 'reference')
    throw new Error('--only must be "ours" or "reference"');
  const num = (name: string, v: string | undefined): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  const names = values['join-only']
    ? []
    : (values.scenario ?? ALL_SCENARIOS).flatMap((s) => s.split(',')).filter((s) => s !== '');
  const scenarios = names.map((name) => {
    const m = /^(\d+)x(\d+)$/.exec(name);
    if (m === null) throw new Error(`bad --scenario "${name}" (want CLIENTSxDRAFTS, e.g. 200x20)`);
    return { name, clients: Number(m[1]), drafts: Number(m[2]) };
  });
  return {
    kinds: only === undefined ? ['ours', 'reference'] : [only],
    scenarios,
    seconds: num('seconds', values.seconds),
    warmup: Number(values.warmup ?? '3'),
    rate: num('rate', values.rate),
    joinUpdates: Math.round(num('join-updates', values['join-updates'])),
    join: !values['no-join'],
    launcher,
  };
}

function installCleanup(): void {
  process.on('exit', emergencyCleanup);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      console.error(`\n${sig}: stopping servers and generator`);
      emergencyCleanup();
      process.exit(130);
    });
  }
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const cli = parseCli();
  installCleanup();
  // Measure what `npm start` runs: the compiled build, fresh.
  if (cli.launcher === 'build') execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  const resultsDir = path.join(import.meta.dirname, 'results');
  const logDir = path.join(resultsDir, 'logs');
  // Fresh server logs per run (a restarted server appends to its file within the run).
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  // The box has 2 cores; anything else running skews every figure, so say so up front.
  const loadAtStart = os.loadavg()[0] ?? 0;
  console.log(`load average at start: ${loadAtStart.toFixed(2)} (${os.cpus().length} CPUs)`);
  const stamp = (): string => `[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s]`;
  const tables: Table[] = [];
  const show = (t: Table): void => {
    tables.push(t);
    console.log(`\n${toText(t)}\n`);
  };

  for (const spec of cli.scenarios) {
    const runs: Partial<Record<ServerKind, ScenarioRun>> = {};
    for (const kind of cli.kinds) {
      console.log(`${stamp()} ${spec.name}: ${kind} …`);
      runs[kind] = await runScenario(kind, spec, {
        rate: cli.rate,
        seconds: cli.seconds,
        warmupSeconds: cli.warmup,
        logDir,
        launcher: cli.launcher,
      });
    }
    const desc = `${spec.clients} clients × ${spec.drafts} drafts, ${cli.rate} edits/s each, ${cli.seconds} s window`;
    show(scenarioTable(spec.name, desc, runs.ours, runs.reference));
  }

  if (cli.join) {
    const runs: Partial<Record<ServerKind, JoinRun>> = {};
    for (const kind of cli.kinds) {
      console.log(`${stamp()} join (${cli.joinUpdates} updates): ${kind} …`);
      runs[kind] = await runJoin(kind, cli.joinUpdates, logDir, cli.launcher);
    }
    show(joinTable(cli.joinUpdates, runs.ours, runs.reference));
  }

  const totalS = (Date.now() - t0) / 1000;
  const header = [
    '## Benchmark: ours vs @y/websocket-server 0.1.1 (reference, in memory)',
    '',
    `Run ${new Date().toISOString()}, Node ${process.version}, servers: ${cli.kinds.join(' + ')}, total ${totalS.toFixed(0)} s, load average at start ${loadAtStart.toFixed(2)}.`,
    'Ratios are ours/reference: < 1 means ours is lower (better for latency, CPU, RSS and join time; worse for delivered/s).',
    'Latency = local edit → integrated by every other client of the draft (all clients in one generator process, one clock).',
    `Servers run as \`${LAUNCH_TEXT[cli.launcher]}\`; CPU and RSS are summed over the server process tree; CPU comes from /proc in clock ticks (${CPU_TICK_MS} ms).`,
  ];
  writeFileSync(
    path.join(resultsDir, 'latest.md'),
    [...header, '', ...tables.map(toMarkdown).flatMap((m) => [m, ''])].join('\n'),
  );
  console.log(
    `${stamp()} done in ${totalS.toFixed(0)} s; Markdown: bench/results/latest.md, server logs: bench/results/logs/`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  emergencyCleanup();
  process.exit(1);
});
