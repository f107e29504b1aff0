/**
 * The export benchmark's latency phase (issue 18: during a 100-page PDF export, `/healthz`
 * and a live editor's round trip stay ≤ 50 ms p99). A real server (the compiled build, in a
 * process of its own) holds the 100-page report as a live draft. For `PHASE_MS` at a time,
 * this process polls `/healthz` every 10 ms and has a stock y-websocket client A type one
 * character every 50 ms, timing each until client B has it; once with the server otherwise
 * idle, once while PDF exports of the draft run back to back. Prints JSON (one run); the
 * orchestrator (`export-bench.ts`) runs it three times and reports the medians.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { draftUpdateFromJSON } from '../shared/editor/draft-json.ts';
import {
  addParagraph,
  closeClient,
  connectYWebsocket,
  contentText,
  waitSynced,
  waitUntil,
} from './client.ts';
import { report } from './export-report.ts';
import { makeTempDir, removeDir, startServer, stopServer } from './server-process.ts';
import { percentiles, type Percentiles } from './stats.ts';
import { seedWorkspace } from './workspace.ts';

const PHASE_MS = Number(process.env.PHASE_MS ?? 15_000);
const ROOM = 'bench-export';
/** Users to spread the exports over: each has a budget of 10 exports a minute. */
const USERS = 8;

/** What one phase measured. */
interface Phase {
  healthz: Percentiles;
  roundTrip: Percentiles;
  exports: number[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const dataDir = makeTempDir('vankien-export-latency-');
const { tokens } = await seedWorkspace(dataDir, { users: USERS, draftIds: [ROOM] });
const server = await startServer({
  kind: 'ours',
  dataDir,
  logFile: `${dataDir}/server.log`,
  // LATENCY_LAUNCHER=node runs the TypeScript entry (BENCH_OURS_ENTRY may name another checkout's), to compare builds.
  launcher: process.env.LATENCY_LAUNCHER === 'node' ? 'node' : 'build',
  // The 100-page report arrives as one update of about a megabyte.
  env: {
    MAX_PAYLOAD_BYTES: String(16 * 1024 * 1024),
    RATE_BYTES_PER_SEC: '1000000000',
    RATE_BYTES_BURST: '1000000000',
    LOG_LEVEL: 'warn',
  },
});
const a = connectYWebsocket(server.collabUrl, ROOM, tokens[0]!);
const b = connectYWebsocket(server.collabUrl, ROOM, tokens[1]!);
try {
  await Promise.all([waitSynced(a, 10_000), waitSynced(b, 10_000)]);
  Y.applyUpdate(a.doc, draftUpdateFromJSON(report()));
  const line = addParagraph(a.doc.getXmlFragment('content'), 'Gõ thử: ');
  if (!(await waitUntil(() => contentText(b.doc) === contentText(a.doc), 60_000)))
    throw new Error('client B never received the report');
  // Warm-up: the render worker's first start and font parsing are not per-export costs.
  await exportPdf(0);
  const idle = await phase(false);
  const busy = await phase(true);
  console.log(JSON.stringify({ idle, busy, workers: process.env.EXPORT_WORKERS ?? 'default' }));

  /** Measures for PHASE_MS, with PDF exports running back to back or not. */
  async function phase(exporting: boolean): Promise<Phase> {
    const until = performance.now() + PHASE_MS;
    const exports: number[] = [];
    const exporter = async () => {
      for (let i = 1; performance.now() < until; i++) exports.push(await exportPdf(i));
    };
    const [healthz, roundTrip] = await Promise.all([
      pollHealth(until),
      typeAndTime(until),
      exporting ? exporter() : Promise.resolve(),
    ]);
    return { healthz: percentiles(healthz), roundTrip: percentiles(roundTrip), exports };
  }

  /** `/healthz` every 10 ms: how long each answer took. */
  async function pollHealth(until: number): Promise<number[]> {
    const times: number[] = [];
    while (performance.now() < until) {
      const started = performance.now();
      const response = await fetch(`${server.httpUrl}/healthz`);
      await response.arrayBuffer();
      times.push(performance.now() - started);
      await sleep(Math.max(0, 10 - (performance.now() - started)));
    }
    return times;
  }

  /** A keystroke every 50 ms by A; each timed until B's document has it. */
  async function typeAndTime(until: number): Promise<number[]> {
    const times: number[] = [];
    while (performance.now() < until) {
      const seen = new Promise<void>((resolve) => b.doc.once('update', () => resolve()));
      const started = performance.now();
      line.insert(line.length, 'a');
      await seen;
      times.push(performance.now() - started);
      await sleep(Math.max(0, 50 - (performance.now() - started)));
    }
    return times;
  }

  /** One PDF export of the live draft (as the i-th user, for the per-user budget); its time. */
  async function exportPdf(i: number): Promise<number> {
    const started = performance.now();
    const response = await fetch(`${server.httpUrl}/api/drafts/${ROOM}/export?format=pdf`, {
      headers: { authorization: `Bearer ${tokens[i % USERS]!}` },
    });
    const body = await response.arrayBuffer();
    if (response.status !== 200)
      throw new Error(`export answered ${response.status}: ${new TextDecoder().decode(body)}`);
    return performance.now() - started;
  }
} finally {
  closeClient(a);
  closeClient(b);
  await stopServer(server);
  removeDir(dataDir);
}
