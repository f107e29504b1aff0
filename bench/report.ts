/**
 * Turns benchmark results into tables: aligned plain text for the terminal and Markdown for
 * bench/results/latest.md. Ratios are ours/reference, so < 1 means ours is lower.
 */
import type { LoadResult } from './protocol.js';
import { fmt, median, ratio } from './stats.js';

/** Load-scenario outcome for one server. */
export interface ScenarioRun {
  load: LoadResult;
  serverCpuUs: number;
  serverRssBytes: number;
  /** CPU used during the window by everything except the server tree and the generator. */
  otherCpuUs: number;
  stop: { code: number | null; ms: number };
}

/** Phases of each join: opening the socket (connect and the upgrade check), the handshake and the server's answer, the client applying it. */
export interface JoinPhases {
  open: number[];
  answer: number[];
  apply: number[];
}

/** Join outcome for one server. */
export interface JoinRun {
  updates: number;
  paragraphs: number;
  historyBytes: number;
  sendMs: number;
  verifyMs: number;
  warm: number[];
  warmPhases: JoinPhases;
  cold: number[] | null;
  coldPhases: JoinPhases | null;
  complete: boolean;
  stop: { code: number | null; ms: number } | null;
}

/** A titled table: header row plus body rows of cells. */
export interface Table {
  title: string;
  notes: string[];
  rows: string[][];
}

const HEAD = ['metric', 'ours', 'reference', 'ours/ref'];
/** Above this much foreign CPU during a window (% of one core) the table says so. */
const OTHER_CPU_WARN_PCT = 15;
/** Above this generator CPU (% of one core) its own queueing shows up in the latency figures. */
const GENERATOR_WARN_PCT = 70;
type Num = (r: ScenarioRun) => number;

function numRow(
  label: string,
  ours: ScenarioRun | undefined,
  ref: ScenarioRun | undefined,
  get: Num,
  d: number,
  withRatio = true,
): string[] {
  const o = ours === undefined ? undefined : get(ours);
  const r = ref === undefined ? undefined : get(ref);
  return [
    label,
    ours === undefined ? '—' : fmt(o, d),
    ref === undefined ? '—' : fmt(r, d),
    withRatio ? ratio(o, r) : '—',
  ];
}

function textRow(label: string, ours: string | undefined, ref: string | undefined): string[] {
  return [label, ours ?? '—', ref ?? '—', '—'];
}

/** A warning when foreign processes took a noticeable share of the CPU during the window. */
function pollution(label: string, r: ScenarioRun | undefined): string | null {
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
  return notes.length === 0 ? null : `WARNING (${label}): ${notes.join('; ')}.`;
}

/** Table for one load scenario. */
export function scenarioTable(name: string, desc: string, ours?: ScenarioRun, ref?: ScenarioRun): Table {
  const perDelivery = (r: ScenarioRun): number => r.serverCpuUs / r.load.deliveries;
  const perSec = (r: ScenarioRun): number => r.load.deliveries / (r.load.windowMs / 1000);
  const stop = (r: ScenarioRun | undefined): string | undefined =>
    r === undefined ? undefined : `exit ${r.stop.code} in ${r.stop.ms} ms`;
  const gen = (r: ScenarioRun | undefined): string | undefined =>
    r === undefined
      ? undefined
      : `${fmt(r.load.genCpuPct, 0)} % CPU, loop p99 ${fmt(r.load.loopDelayP99Ms, 0)} ms`;
  return {
    title: `Scenario ${name}: ${desc}`,
    notes: [pollution('ours', ours), pollution('reference', ref)].filter((n) => n !== null),
    rows: [
      HEAD,
      numRow('latency p50 (ms, edit → all peers)', ours, ref, (r) => r.load.latEdit.p50, 2),
      numRow('latency p95 (ms)', ours, ref, (r) => r.load.latEdit.p95, 2),
      numRow('latency p99 (ms)', ours, ref, (r) => r.load.latEdit.p99, 2),
      numRow('per-delivery p50 (ms)', ours, ref, (r) => r.load.latDelivery.p50, 2),
      numRow('per-delivery p99 (ms)', ours, ref, (r) => r.load.latDelivery.p99, 2),
      numRow('server CPU per delivered update (µs)', ours, ref, perDelivery, 1),
      numRow(
        'server CPU (% of one core)',
        ours,
        ref,
        (r) => (r.serverCpuUs / 1000 / r.load.windowMs) * 100,
        1,
      ),
      numRow('delivered updates/s', ours, ref, perSec, 0),
      numRow('server RSS, process tree (MiB)', ours, ref, (r) => r.serverRssBytes / 2 ** 20, 1),
      numRow('edits in window', ours, ref, (r) => r.load.edits, 0, false),
      numRow('missing deliveries', ours, ref, (r) => r.load.missingDeliveries, 0, false),
      numRow('divergent clients', ours, ref, (r) => r.load.divergentClients, 0, false),
      numRow('disconnects during run', ours, ref, (r) => r.load.disconnects, 0, false),
      textRow('generator (one process)', gen(ours), gen(ref)),
      numRow(
        'other processes on the machine (% of one core)',
        ours,
        ref,
        (r) => (r.otherCpuUs / 1000 / r.load.windowMs) * 100,
        0,
        false,
      ),
      textRow('server stop (SIGTERM)', stop(ours), stop(ref)),
    ],
  };
}

/** "open / answer / apply / after" medians of a set of joins. */
function phases(total: number[], p: JoinPhases): string {
  const after = total.map((t, i) => t - (p.open[i] ?? 0) - (p.answer[i] ?? 0) - (p.apply[i] ?? 0));
  return [median(p.open), median(p.answer), median(p.apply), median(after)].map((x) => fmt(x, 1)).join(' / ');
}

/** Table for the join benchmark. */
export function joinTable(updates: number, ours?: JoinRun, ref?: JoinRun): Table {
  const refWarm = ref === undefined ? undefined : median(ref.warm);
  const oursWarm = ours === undefined ? undefined : median(ours.warm);
  const oursCold = ours?.cold ?? null;
  const coldFirst = oursCold?.[0];
  const coldMedian = oursCold === null ? undefined : median(oursCold);
  const list = (xs: number[] | null | undefined): string | undefined =>
    xs === null || xs === undefined ? undefined : xs.map((x) => fmt(x, 0)).join(', ');
  const on = (j: JoinRun | undefined, f: (j: JoinRun) => string): string | undefined =>
    j === undefined ? undefined : f(j);
  return {
    title: `Join: draft with a history of ${updates} updates`,
    notes: [
      'Seeding: ours runs with RATE_MSGS_PER_SEC=1000000 RATE_MSGS_BURST=1000000 RATE_BYTES_PER_SEC=1000000000 (its per-connection rate limit would otherwise throttle the seeder); the cold restart uses default settings.',
      'Warm: server still running, the verifying client stays connected. Cold (ours only): SIGTERM, restart on the same DATA_DIR, no client connected; compared with the reference WARM join because the reference is in memory.',
      'Join time = new Y.Doc + WebsocketProvider → sync(true); 5 joins one after another, median.',
      'Phases (medians): open = provider created → WebSocket open (connect and the server’s upgrade check); answer = open → the server’s answer starts to be applied (handshake messages and the server producing its answer); apply = the joining client decoding and integrating it (the same bytes and work for both servers); after = the client’s own work until sync(true) (its update event).',
    ],
    rows: [
      HEAD,
      textRow(
        'history: updates / paragraphs',
        on(ours, (j) => `${j.updates} / ${j.paragraphs}`),
        on(ref, (j) => `${j.updates} / ${j.paragraphs}`),
      ),
      [
        'history size (bytes, encodeStateAsUpdate)',
        on(ours, (j) => String(j.historyBytes)) ?? '—',
        on(ref, (j) => String(j.historyBytes)) ?? '—',
        '—',
      ],
      textRow(
        'seeding: send / until 2nd client has all (s)',
        on(ours, (j) => `${fmt(j.sendMs / 1000)} / ${fmt(j.verifyMs / 1000)}`),
        on(ref, (j) => `${fmt(j.sendMs / 1000)} / ${fmt(j.verifyMs / 1000)}`),
      ),
      [
        'warm join median (ms)',
        ours === undefined ? '—' : fmt(oursWarm, 1),
        ref === undefined ? '—' : fmt(refWarm, 1),
        ratio(oursWarm, refWarm),
      ],
      textRow('warm joins (ms)', list(ours?.warm), list(ref?.warm)),
      textRow(
        'warm: open / answer / apply / after (ms)',
        on(ours, (j) => phases(j.warm, j.warmPhases)),
        on(ref, (j) => phases(j.warm, j.warmPhases)),
      ),
      [
        'cold first join (ms) vs ref warm median',
        ours === undefined ? '—' : fmt(coldFirst, 1),
        ref === undefined ? '—' : 'n/a',
        ratio(coldFirst, refWarm),
      ],
      [
        'cold join median (ms) vs ref warm median',
        ours === undefined ? '—' : fmt(coldMedian, 1),
        ref === undefined ? '—' : 'n/a',
        ratio(coldMedian, refWarm),
      ],
      textRow(
        'cold joins (ms)',
        list(oursCold) ?? (ours === undefined ? undefined : 'n/a'),
        ref === undefined ? undefined : 'n/a',
      ),
      textRow(
        'cold: open / answer / apply / after (ms)',
        on(ours, (j) => (j.cold === null || j.coldPhases === null ? 'n/a' : phases(j.cold, j.coldPhases))),
        ref === undefined ? undefined : 'n/a',
      ),
      textRow(
        'every joiner got the full content',
        on(ours, (j) => (j.complete ? 'yes' : 'NO')),
        on(ref, (j) => (j.complete ? 'yes' : 'NO')),
      ),
      textRow(
        'server stop before cold restart',
        on(ours, (j) => (j.stop === null ? 'n/a' : `exit ${j.stop.code} in ${j.stop.ms} ms`)),
        ref === undefined ? undefined : 'n/a',
      ),
    ],
  };
}

/** Aligned plain-text rendering. */
export function toText(t: Table): string {
  const widths = (t.rows[0] ?? []).map((_, i) => Math.max(...t.rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const [head, ...body] = t.rows;
  return [t.title, ...t.notes.map((n) => `  * ${n}`), line(head ?? []), ...body.map(line)].join('\n');
}

/** Markdown rendering (pipe table). */
export function toMarkdown(t: Table): string {
  const [head, ...body] = t.rows;
  const row = (r: string[]): string => `| ${r.join(' | ')} |`;
  const sep = `|${(head ?? []).map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [
    `### ${t.title}`,
    '',
    ...t.notes.map((n) => `- ${n}`),
    ...(t.notes.length > 0 ? [''] : []),
    row(head ?? []),
    sep,
    ...body.map(row),
  ].join('\n');
}
