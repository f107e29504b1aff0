/**
 * `npm run bench:export`: issue 8's targets for a 100-page political report: DOCX ≤ 1.5 s,
 * PDF ≤ 3 s, peak memory ≤ 300 MB. Builds the project, then runs the compiled workload
 * (`bench/export-workload.ts`) in a fresh process per format, as the server would run it, and
 * prints the median of three timed runs and the process's peak resident memory.
 * Then issue 18's target: while 100-page PDFs export, `/healthz` and a live editor's round
 * trip stay ≤ 50 ms p99 (`bench/export-latency.ts`, three runs, medians of their figures;
 * `LATENCY_RUNS`, `PHASE_MS` and `EXPORT_WORKERS` pass through).
 */
import { execFileSync } from 'node:child_process';
import type { Percentiles } from './stats.ts';

interface Result {
  format: string;
  ms: number[];
  bytes: number;
  chars: number;
  pages: number;
  baselineMb: number;
  peakMb: number;
}

execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
const results: Result[] = ['docx', 'pdf'].map(
  (format) =>
    JSON.parse(
      execFileSync(process.execPath, ['dist/bench/export-workload.js', format], { encoding: 'utf8' }),
    ) as Result,
);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const targets: Record<string, number> = { docx: 1.5, pdf: 3 };
const first = results[0]!;
console.log(`\n${first.pages} pages (${first.chars} characters), compiled, one process per format`);
console.log('| format | time (median of 3) | file | memory before → peak | targets |');
console.log('|---|---|---|---|---|');
for (const r of results)
  console.log(
    `| ${r.format} | ${(median(r.ms) / 1000).toFixed(2)} s | ${(r.bytes / 1024).toFixed(0)} KiB | ` +
      `${r.baselineMb.toFixed(0)} → ${r.peakMb.toFixed(0)} MB | ≤ ${targets[r.format]} s, ≤ 300 MB |`,
  );

interface LatencyRun {
  idle: { healthz: Percentiles; roundTrip: Percentiles; exports: number[] };
  busy: { healthz: Percentiles; roundTrip: Percentiles; exports: number[] };
}
const runs: LatencyRun[] = Array.from(
  { length: Number(process.env.LATENCY_RUNS ?? 3) },
  () =>
    JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/export-latency.ts'], { encoding: 'utf8' }),
    ) as LatencyRun,
);
const ms = (pick: (run: LatencyRun) => number) => `${median(runs.map(pick)).toFixed(1)} ms`;
console.log(
  `\nLive editors during PDF exports (compiled server, ${runs.length} runs, medians; ` +
    `${runs.map((r) => r.busy.exports.length).join('/')} exports ran in the busy phases)`,
);
console.log('| phase | /healthz p50 | /healthz p99 | round trip A→B p50 | round trip A→B p99 | target |');
console.log('|---|---|---|---|---|---|');
for (const phase of ['idle', 'busy'] as const)
  console.log(
    `| ${phase === 'idle' ? 'no export' : 'PDF exports back to back'} | ${ms((r) => r[phase].healthz.p50)} | ` +
      `${ms((r) => r[phase].healthz.p99)} | ${ms((r) => r[phase].roundTrip.p50)} | ` +
      `${ms((r) => r[phase].roundTrip.p99)} | ≤ 50 ms p99 |`,
  );
