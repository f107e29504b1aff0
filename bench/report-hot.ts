/** The hot draft's table: p99 per step and server, and each server's highest passing rate. */
import { bestRate, HOT_CLIENTS, HOT_P99_MS, type HotResult, type HotStep } from './hot.js';
import { SERVER_HEAD, SERVER_RATIO_FROM, type Row, type Table } from './report-format.js';
import { serverRow } from './report.js';

/** The steps of every contestant (server kind, or deployment in a scale-out run) at one rate. */
export function atRate(hot: HotResult, rate: number): Partial<Record<string, HotStep>> {
  const out: Partial<Record<string, HotStep>> = {};
  for (const [kind, steps = []] of Object.entries(hot.steps)) {
    const step = steps.find((s) => s.rate === rate);
    if (step !== undefined) out[kind] = step;
  }
  return out;
}

/** Table for the hot draft. */
export function hotTable(hot: HotResult, workload: string): Table {
  const rateRows: Row[] = hot.rates.map((rate) =>
    serverRow(
      `p99 at ${rate}/s per client (ms)`,
      atRate(hot, rate),
      (s) => s.run?.load.latEdit.p99 ?? NaN,
      1,
    ),
  );
  return {
    title: `Hot draft: ${HOT_CLIENTS} clients in one draft, increasing edit rates (${workload} workload)`,
    notes: [
      `Each step: a fresh server, ${hot.seconds} s window; a step passes with edit-latency p99 ≤ ${HOT_P99_MS} ms, nothing missing and no divergence. A server stops stepping after two consecutive failures (— = not run).`,
      'All clients live in one generator process: at high rates its own CPU (in the failure reasons) caps what any server can show.',
      ...Object.entries(hot.steps).map(([kind, steps = []]) => {
        const failed = steps.filter((s) => !s.pass).map((s) => `${s.rate}/s (${s.reason})`);
        return `${kind} failed: ${failed.length === 0 ? 'none' : failed.join('; ')}.`;
      }),
    ],
    head: SERVER_HEAD,
    ratioFrom: SERVER_RATIO_FROM,
    rows: [serverRow('highest passing rate (edits/s per client)', hot.steps, bestRate, 0), ...rateRows],
  };
}
