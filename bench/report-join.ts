/**
 * The join benchmark's table: warm joins of every server, cold joins (after a restart) of
 * the durable ones, ours, and Hocuspocus on SQLite. The in-memory reference has no cold join;
 * ours' cold join is also compared with its warm one.
 */
import { ratioOf, SERVER_HEAD, SERVER_RATIO_FROM, type Row, type Table } from './report-format.js';
import { serverRow, textRow, type PerKind } from './report.js';
import { fmt, median } from './stats.js';

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

/** "open / answer / apply / after" medians of a set of joins. */
function phases(total: number[], p: JoinPhases): string {
  const after = total.map((t, i) => t - (p.open[i] ?? 0) - (p.answer[i] ?? 0) - (p.apply[i] ?? 0));
  return [median(p.open), median(p.answer), median(p.apply), median(after)].map((x) => fmt(x, 1)).join(' / ');
}

/** Ours' cold figure beside Hocuspocus' cold one; ratios against the reference's warm median and Hocuspocus' cold figure. */
function coldRow(label: string, runs: PerKind<JoinRun>, pick: (xs: number[]) => number | undefined): Row {
  const cold = (j: JoinRun | undefined): number | undefined =>
    j === undefined || j.cold === null ? undefined : pick(j.cold);
  const o = cold(runs.ours);
  const h = cold(runs.hocuspocus);
  const refWarm = runs.reference === undefined ? undefined : median(runs.reference.warm);
  return {
    label,
    decimals: 1,
    cells: [o, runs.reference === undefined ? undefined : 'n/a', h, ratioOf(o, refWarm), ratioOf(o, h)],
  };
}

/** Table for the join benchmark. */
export function joinTable(updates: number, runs: PerKind<JoinRun>): Table {
  const list = (xs: number[] | null): string => (xs === null ? 'n/a' : xs.map((x) => fmt(x, 0)).join(', '));
  return {
    title: `Join: draft with a history of ${updates} updates`,
    notes: [
      'Seeding: ours runs with RATE_MSGS_PER_SEC=1000000 RATE_MSGS_BURST=1000000 RATE_BYTES_PER_SEC=1000000000 (its per-connection rate limit would otherwise throttle the seeder); the cold restart uses default settings.',
      'Warm: server still running, the verifying client stays connected. Cold (ours and Hocuspocus): every client closed, the draft stored (Hocuspocus: polled in its SQLite file until it holds the whole content), SIGTERM, restart on the same DATA_DIR, no client connected. The reference is in memory: cold ratios ours/ref compare with its WARM join.',
      'Join time = new Y.Doc + provider (WebsocketProvider, or HocuspocusProvider for Hocuspocus) → first sync, one after another, median: warm, on a collected heap, 2 untimed joins (they warm the joining client’s own code, which runs in this process for every server) then 9 timed; cold, 5 timed, the first of them the server’s first after its restart.',
      'Phases (medians): open = provider created → WebSocket open (connect and the server’s upgrade check); answer = open → the server’s answer starts to be applied (handshake messages and the server producing its answer); apply = the joining client decoding and integrating it (the same bytes and work for every server); after = the client’s own work until its first sync.',
    ],
    head: SERVER_HEAD,
    ratioFrom: SERVER_RATIO_FROM,
    rows: [
      textRow('history: updates / paragraphs', runs, (j) => `${j.updates} / ${j.paragraphs}`),
      serverRow('history size (bytes, encodeStateAsUpdate)', runs, (j) => j.historyBytes, 0, false),
      textRow(
        'seeding: send / until 2nd client has all (s)',
        runs,
        (j) => `${fmt(j.sendMs / 1000)} / ${fmt(j.verifyMs / 1000)}`,
      ),
      serverRow('warm join median (ms)', runs, (j) => median(j.warm), 1),
      textRow('warm joins (ms)', runs, (j) => list(j.warm)),
      textRow('warm: open / answer / apply / after (ms)', runs, (j) => phases(j.warm, j.warmPhases)),
      coldRow('cold first join (ms)', runs, (xs) => xs[0]),
      coldRow('cold join median (ms)', runs, (xs) => median(xs)),
      textRow('cold joins (ms)', runs, (j) => list(j.cold)),
      textRow('cold: open / answer / apply / after (ms)', runs, (j) =>
        j.cold === null || j.coldPhases === null ? 'n/a' : phases(j.cold, j.coldPhases),
      ),
      textRow('every joiner got the full content', runs, (j) => (j.complete ? 'yes' : 'NO')),
      textRow('server stop before cold restart', runs, (j) =>
        j.stop === null ? 'n/a' : `exit ${j.stop.code} in ${j.stop.ms} ms`,
      ),
    ],
  };
}
