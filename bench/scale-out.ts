/**
 * The scale-out run (`npm run bench -- --instances 2 --store postgres`, issue 23): the same
 * load scenarios and hot draft as the default run, against deployments of ours only, each
 * fresh per scenario and interleaved as the kinds are in the default run:
 *
 *   1. `sqlite ×1`: today's single process on its SQLite file, the baseline of every ratio;
 *   2. `postgres ×1`: one process on a fresh PostgreSQL database (what the store alone costs);
 *   3. `postgres ×N spread`: N processes on one fresh database, linked through Redis, the
 *      clients of every draft alternating between them (every draft has editors on every
 *      instance: each edit crosses Redis to reach some of its readers);
 *   4. `postgres ×N by draft`: the same, a draft's clients all on the instance a proxy rule
 *      hashing the draft id would pick (scenarios only; `--no-by-draft` skips it).
 *
 * The hot draft runs 1–3. Then one line on issue 23's targets.
 */
import { bestRate, runHot, type HotContestant, type HotResult } from './hot.js';
import { deploymentLabel, SINGLE_SQLITE, type Deployment } from './deployment.js';
import type { Table } from './report-format.js';
import { scaleHotTable, scaleScenarioTable, type PerDeployment } from './report-scale.js';
import { cpuPerDelivery, type ScenarioRun } from './report.js';
import type { Cli } from './run-cli.js';
import { runScenario, type LoadKnobs } from './scenario.js';
import { div, targetVerdicts, type Figure } from './targets.js';

/** Everything one scale-out run measured. */
export interface ScaleData {
  /** Label of the deployment the targets are set for (`postgres ×2 spread`). */
  target: string;
  scenarios: { name: string; runs: PerDeployment<ScenarioRun> }[];
  hot: HotResult | null;
  hotLabels: string[];
}

/** The deployments a scale-out run compares, baseline first; `forHot` leaves out the by-draft one. */
export function deploymentsOf(cli: Cli, forHot: boolean): Deployment[] {
  const out: Deployment[] = [SINGLE_SQLITE];
  if (cli.store !== 'sqlite') out.push({ store: cli.store, instances: 1, placement: 'spread' });
  if (cli.instances > 1) {
    out.push({ store: cli.store, instances: cli.instances, placement: 'spread' });
    if (cli.byDraft && !forHot) out.push({ store: cli.store, instances: cli.instances, placement: 'draft' });
  }
  return out;
}

/** One scale-out run of the scenarios and the hot draft; `show` prints each table as it is done. */
export async function runScaleOut(
  cli: Cli,
  knobs: LoadKnobs,
  log: (line: string) => void,
  show: (t: Table) => void,
): Promise<{ data: ScaleData; tables: Table[] }> {
  const tables: Table[] = [];
  const add = (t: Table): void => {
    tables.push(t);
    show(t);
  };
  const deployments = deploymentsOf(cli, false);
  const target = deploymentLabel(deploymentsOf(cli, true).at(-1) ?? SINGLE_SQLITE);
  const data: ScaleData = { target, scenarios: [], hot: null, hotLabels: [] };
  for (const spec of cli.scenarios) {
    const runs: PerDeployment<ScenarioRun> = [];
    for (const d of deployments) {
      const label = deploymentLabel(d);
      log(`${spec.name}: ours, ${label} …`);
      runs.push({ label, run: await runScenario('ours', spec, knobs, d) });
    }
    const desc = `${spec.clients} clients × ${spec.drafts} drafts, ${cli.workload} workload, ${cli.rate} edits/s each, ${cli.seconds} s window`;
    data.scenarios.push({ name: spec.name, runs });
    add(scaleScenarioTable(spec.name, desc, runs));
  }
  if (cli.hot) {
    const contestants: HotContestant[] = deploymentsOf(cli, true).map((deployment) => ({
      key: deploymentLabel(deployment),
      kind: 'ours',
      deployment,
    }));
    data.hotLabels = contestants.map((c) => c.key);
    data.hot = await runHot(contestants, cli.hotRates, { ...knobs, seconds: cli.hotSeconds }, log);
    add(scaleHotTable(data.hot, data.hotLabels, cli.workload));
  }
  return { data, tables };
}

/** The scenario issue 23's targets are set for. */
const TARGET_SCENARIO = '500x100';

function figures(d: ScaleData): Figure[] {
  const out: Figure[] = [];
  const at = (label: string, value: number, limit: number, unit: Figure['unit'], atMost = true): void => {
    out.push({ label, value, limit, atMost, unit });
  };
  const base = deploymentLabel(SINGLE_SQLITE);
  for (const s of d.scenarios.filter((x) => x.name === TARGET_SCENARIO)) {
    const one = s.runs.find((r) => r.label === base)?.run;
    const many = s.runs.find((r) => r.label === d.target)?.run;
    const name = `${s.name} ${d.target}`;
    at(`${name} p99`, many?.load.latEdit.p99 ?? NaN, 100, ' ms');
    at(`${name} missing`, many?.load.missingDeliveries ?? NaN, 0, '');
    at(`${name} divergent clients`, many?.load.divergentClients ?? NaN, 0, '');
    const cpu = (r: ScenarioRun | undefined): number | undefined =>
      r === undefined ? undefined : cpuPerDelivery(r);
    at(`${name} CPU/update vs ${base}`, div(cpu(many), cpu(one)), 1.5, '×');
    // Per-instance CPU: the busiest instance's CPU over the same window length.
    const perInstance = (r: ScenarioRun | undefined): number | undefined =>
      r === undefined ? undefined : Math.max(...r.instanceCpuUs) / r.load.windowMs;
    at(`${name} busiest instance's CPU vs ${base}`, div(perInstance(many), perInstance(one)), 0.6, '×');
    // The same two CPU figures where the documented proxy rule places each draft on one instance.
    const byDraftLabel = d.target.replace(/ spread$/, ' by draft');
    const byDraft = s.runs.find((r) => r.label === byDraftLabel)?.run;
    if (byDraft !== undefined) {
      at(`${s.name} ${byDraftLabel} CPU/update vs ${base}`, div(cpu(byDraft), cpu(one)), 1.5, '×');
      at(
        `${s.name} ${byDraftLabel} busiest instance's CPU vs ${base}`,
        div(perInstance(byDraft), perInstance(one)),
        0.6,
        '×',
      );
    }
  }
  if (d.hot !== null) {
    const best = (label: string): number | undefined => {
      const steps = d.hot?.steps[label];
      return steps === undefined ? undefined : bestRate(steps);
    };
    at(`hot-draft rate ${d.target} vs ${base}`, div(best(d.target), best(base)), 0.9, '×', false);
  }
  return out;
}

/** The one-line summary of issue 23's targets over one or more runs (medians). */
export function scaleTargetSummary(runs: ScaleData[]): string {
  const parts = targetVerdicts(runs.map(figures));
  return parts.length === 0
    ? 'Targets (issue 23): none measured in this run (they are set for 500x100 and the hot draft).'
    : `Targets (issue 23): ${parts.join('; ')}.`;
}
