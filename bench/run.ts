/**
 * `npm run bench`: runs the same load against three servers, fresh for each scenario and
 * interleaved (ours, the reference, Hocuspocus, then the next scenario), and prints each
 * one's figures with the ratios ours/reference and ours/hocuspocus:
 *
 *   - ours (server/main.ts, compiled), durable: every update committed to SQLite;
 *   - reference: `@y/websocket-server` 0.1.1, in memory;
 *   - hocuspocus: Hocuspocus 3.4.4 with its SQLite extension (durable, debounced store),
 *     installed on demand into bench/.cache/ (bench/hocuspocus-install.ts), clients on
 *     `@hocuspocus/provider`.
 *
 * Parts: the load scenarios, the join benchmark, the hot draft (bench/hot.ts), then a one-line
 * summary of issue 19's targets. Options in bench/run-cli.ts. With `--store postgres` and/or
 * `--instances N` it is a scale-out run instead (bench/scale-out.ts): deployments of ours
 * against one SQLite instance, and issue 23's targets.
 *
 * Ours requires authentication: before it starts, its fresh database is seeded (bench/workspace.ts)
 * with min(clients, 50) drafters, one API token each, and the scenario's drafts; clients connect
 * round-robin over the users with `?token=`. The references ignore the token; their clients
 * send placeholder tokens of the same shape, so the client side does the same work.
 *
 * Environment: BENCH_NODE_ARGS_OURS / BENCH_NODE_ARGS_REFERENCE / BENCH_NODE_ARGS_HOCUSPOCUS add
 * Node flags (e.g. --cpu-prof, then bench/profile-share.ts); BENCH_OURS_ENTRY runs another entry
 * as ours (node and tsx launchers); BENCH_OURS_PREAUTH=1 says that entry predates
 * authentication (no seeding, placeholder tokens); BENCH_LOG_LEVEL sets the servers' LOG_LEVEL
 * (default warn).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildHocuspocusServer } from './hocuspocus-build.js';
import { dropLeftDatabases } from './bench-database.js';
import { ensureHocuspocus, HOCUSPOCUS_VERSION } from './hocuspocus-install.js';
import { runHot } from './hot.js';
import { runJoin } from './join-run.js';
import { CPU_TICK_MS } from './proc.js';
import { mergeTables, toMarkdown, toText, type Table } from './report-format.js';
import { hotTable } from './report-hot.js';
import { joinTable, type JoinRun } from './report-join.js';
import { scenarioTable, type PerKind, type ScenarioRun } from './report.js';
import { parseCli, type Cli } from './run-cli.js';
import { runScaleOut, scaleTargetSummary, type ScaleData } from './scale-out.js';
import { runScenario, type LoadKnobs } from './scenario.js';
import { emergencyCleanup, type Launcher } from './server-process.js';
import { targetSummary, type RunData } from './targets.js';

const LAUNCH_TEXT: Record<Launcher, string> = {
  build: 'node dist/<entry>.js (compiled by npm run build, as npm start runs)',
  node: 'node --import tsx <entry>.ts',
  tsx: 'tsx <entry>.ts',
};

function cleanup(): void {
  emergencyCleanup();
  dropLeftDatabases();
}

function installCleanup(): void {
  process.on('exit', cleanup);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      console.error(`\n${sig}: stopping servers and generator`);
      cleanup();
      process.exit(130);
    });
  }
}

/** One run of everything the command line asks for; `show` prints each table as it is done. */
function knobsOf(cli: Cli, logDir: string): LoadKnobs {
  return {
    workload: cli.workload,
    rate: cli.rate,
    seconds: cli.seconds,
    warmupSeconds: cli.warmup,
    logDir,
    launcher: cli.launcher,
  };
}

async function runOnce(
  cli: Cli,
  logDir: string,
  log: (line: string) => void,
  show: (t: Table) => void,
): Promise<{ data: RunData; tables: Table[] }> {
  const tables: Table[] = [];
  const add = (t: Table): void => {
    tables.push(t);
    show(t);
  };
  const knobs = knobsOf(cli, logDir);
  const data: RunData = { scenarios: [], join: null, hot: null };
  for (const spec of cli.scenarios) {
    const runs: PerKind<ScenarioRun> = {};
    for (const kind of cli.kinds) {
      log(`${spec.name}: ${kind} …`);
      runs[kind] = await runScenario(kind, spec, knobs);
    }
    const desc = `${spec.clients} clients × ${spec.drafts} drafts, ${cli.workload} workload, ${cli.rate} edits/s each, ${cli.seconds} s window`;
    data.scenarios.push({ name: spec.name, desc, runs });
    add(scenarioTable(spec.name, desc, runs));
  }
  if (cli.join) {
    const runs: PerKind<JoinRun> = {};
    for (const kind of cli.kinds) {
      log(`join (${cli.joinUpdates} updates): ${kind} …`);
      runs[kind] = await runJoin(kind, cli.joinUpdates, logDir, cli.launcher);
    }
    data.join = { updates: cli.joinUpdates, runs };
    add(joinTable(cli.joinUpdates, runs));
  }
  if (cli.hot) {
    data.hot = await runHot(cli.kinds, cli.hotRates, { ...knobs, seconds: cli.hotSeconds }, log);
    add(hotTable(data.hot, cli.workload));
  }
  return { data, tables };
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const cli = parseCli();
  installCleanup();
  if (cli.kinds.includes('hocuspocus')) ensureHocuspocus();
  // Measure what `npm start` runs: the compiled build, fresh.
  if (cli.launcher === 'build') {
    execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
    if (cli.kinds.includes('hocuspocus')) buildHocuspocusServer();
  }
  const resultsDir = path.join(import.meta.dirname, 'results');
  const logDir = path.join(resultsDir, 'logs');
  // Fresh server logs per run (a restarted server appends to its file within the run).
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  // The box has 2 cores; anything else running skews every figure, so say so up front.
  const loadAtStart = os.loadavg()[0] ?? 0;
  console.log(`load average at start: ${loadAtStart.toFixed(2)} (${os.cpus().length} CPUs)`);
  const stamp = (): string => `[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s]`;
  const show = (t: Table): void => console.log(`\n${toText(t)}\n`);

  const runs: { data: RunData; tables: Table[] }[] = [];
  const scaleRuns: { data: ScaleData; tables: Table[] }[] = [];
  for (let i = 1; i <= cli.runs; i++) {
    const prefix = cli.runs > 1 ? `run ${i}/${cli.runs}: ` : '';
    const log = (line: string): void => console.log(`${stamp()} ${prefix}${line}`);
    if (cli.scaleOut) scaleRuns.push(await runScaleOut(cli, knobsOf(cli, logDir), log, show));
    else runs.push(await runOnce(cli, logDir, log, show));
  }
  const allTables = cli.scaleOut ? scaleRuns.map((r) => r.tables) : runs.map((r) => r.tables);
  const tables =
    cli.runs === 1
      ? (allTables[0] ?? [])
      : (allTables[0] ?? []).map((_, i) => mergeTables(allTables.map((t) => t[i] as Table)));
  if (cli.runs > 1) for (const t of tables) show(t);
  const summary = cli.scaleOut
    ? scaleTargetSummary(scaleRuns.map((r) => r.data))
    : targetSummary(runs.map((r) => r.data));
  console.log(summary);

  const totalS = (Date.now() - t0) / 1000;
  const header = [
    cli.scaleOut
      ? `## Benchmark, scale-out: ours on ${cli.store} ×${cli.instances} (Redis fan-out) vs ours on SQLite ×1`
      : `## Benchmark: ours vs @y/websocket-server 0.1.1 (reference, in memory) vs Hocuspocus ${HOCUSPOCUS_VERSION} (SQLite)`,
    '',
    `Run ${new Date().toISOString()}, Node ${process.version}, servers: ${cli.kinds.join(' + ')}, workload ${cli.workload}, ${cli.runs} run(s), total ${totalS.toFixed(0)} s, load average at start ${loadAtStart.toFixed(2)}.`,
    cli.scaleOut
      ? 'Ratios are deployment/sqlite ×1: < 1 means lower than one SQLite instance.'
      : 'Ratios are ours/other: < 1 means ours is lower (better for latency, CPU, RSS and join time; worse for delivered updates).',
    'Latency = local edit → integrated by every other client of the draft (all clients in one generator process, one clock).',
    `Servers run as \`${LAUNCH_TEXT[cli.launcher]}\`; CPU and RSS are summed over the server process tree; CPU comes from /proc in clock ticks (${CPU_TICK_MS} ms).`,
    '',
    summary,
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
  cleanup();
  process.exit(1);
});
