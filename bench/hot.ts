/**
 * The hot draft: one draft, 50 clients, at increasing edit rates per client, against each
 * server kind. Every step starts a fresh server (so no step inherits the previous one's
 * document or backlog) and the kinds are interleaved per step (ours, reference, hocuspocus at
 * 2/s, then at 4/s, …) so a change in the machine's load hits them alike. A step passes when
 * the edit latency p99 is ≤ 100 ms, nothing is missing and no client diverges; a kind stops
 * stepping after two consecutive failed steps.
 */
import type { Deployment } from './deployment.js';
import type { ScenarioRun } from './report.js';
import { runScenario, type LoadKnobs } from './scenario.js';
import type { ServerKind } from './server-process.js';
import { fmt } from './stats.js';

/** Default rates (edits/s per client). */
export const HOT_RATES = [2, 4, 6, 8, 12, 16, 24, 32];
export const HOT_CLIENTS = 50;
export const HOT_P99_MS = 100;

/** One step of one kind. */
export interface HotStep {
  rate: number;
  /** Null when the step failed to run at all (see `reason`). */
  run: ScenarioRun | null;
  pass: boolean;
  /** Why it failed ('' when it passed). */
  reason: string;
}

/** The hot draft over all kinds. */
export interface HotResult {
  rates: number[];
  seconds: number;
  /** Per contestant: a server kind, or a deployment of ours (`deploymentLabel`) in a scale-out run. */
  steps: Partial<Record<string, HotStep[]>>;
}

/** Who steps through the rates: a server kind, deployed as `deployment` (ours only). */
export interface HotContestant {
  key: string;
  kind: ServerKind;
  deployment?: Deployment;
}

/** Highest passing rate of a kind's steps (0 when none passed). */
export function bestRate(steps: HotStep[]): number {
  return Math.max(0, ...steps.filter((s) => s.pass).map((s) => s.rate));
}

function judge(rate: number, run: ScenarioRun): HotStep {
  const l = run.load;
  const why: string[] = [];
  if (!(l.latEdit.p99 <= HOT_P99_MS)) why.push(`p99 ${fmt(l.latEdit.p99, 0)} ms`);
  if (l.missingDeliveries > 0) why.push(`${l.missingDeliveries} missing`);
  if (l.divergentClients > 0) why.push(`${l.divergentClients} divergent`);
  // What else may explain a failure: the generator's own load and the machine's other processes.
  const others = (run.otherCpuUs / 1000 / l.windowMs) * 100;
  if (why.length > 0) why.push(`generator ${fmt(l.genCpuPct, 0)} % CPU, others ${fmt(others, 0)} %`);
  return { rate, run, pass: why.length === 0, reason: why.join(', ') };
}

/**
 * Runs the steps; `log` announces each. Knobs' `rate` is ignored (the steps set it).
 * `who`: server kinds, or contestants with a deployment each.
 */
export async function runHot(
  who: readonly (ServerKind | HotContestant)[],
  rates: readonly number[],
  knobs: LoadKnobs,
  log: (line: string) => void,
): Promise<HotResult> {
  const contestants = who.map((w): HotContestant => (typeof w === 'string' ? { key: w, kind: w } : w));
  const steps: Partial<Record<string, HotStep[]>> = {};
  const failsInARow = new Map<string, number>();
  for (const rate of rates) {
    for (const { key: kind, kind: serverKind, deployment } of contestants) {
      if ((failsInARow.get(kind) ?? 0) >= 2) continue;
      log(`hot draft ${HOT_CLIENTS}x1 at ${rate}/s per client: ${kind} …`);
      let step: HotStep;
      try {
        const spec = { name: `hot-${rate}`, clients: HOT_CLIENTS, drafts: 1 };
        step = judge(rate, await runScenario(serverKind, spec, { ...knobs, rate }, deployment));
      } catch (err) {
        const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
        step = { rate, run: null, pass: false, reason: `did not complete: ${message}` };
      }
      if (!step.pass) log(`  ${kind} failed at ${rate}/s: ${step.reason}`);
      (steps[kind] ??= []).push(step);
      failsInARow.set(kind, step.pass ? 0 : (failsInARow.get(kind) ?? 0) + 1);
    }
  }
  return { rates: [...rates], seconds: knobs.seconds, steps };
}
