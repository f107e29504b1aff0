/**
 * Load generator process (spawned by run.ts with an IPC channel; config as JSON in argv[2]).
 *
 * C clients (stock y-websocket providers, or Hocuspocus providers for a Hocuspocus server) over
 * D drafts, each editing the `content` XmlFragment (starting from its own paragraph) at `rate`
 * edits/s with jitter, as the workload says (bench/workload.ts). Runs warm-up, a measured window,
 * then stops editing, waits for quiescence and checks convergence. Reports over IPC (or as
 * JSON lines on stdout when run by hand).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import {
  addParagraph,
  closeClient,
  connectFor,
  contentText,
  Typist,
  waitSynced,
  waitUntil,
  type Client,
} from './client.js';
import { draftRoom, instanceFor, LoadConfig, type LoadMessage, type LoadResult } from './protocol.js';
import { percentiles } from './stats.js';
import { Tracker } from './tracker.js';
import { editFor, type Author } from './workload.js';

/** One simulated author. */
interface Sim {
  client: Client;
  draft: number;
  local: number;
  draftSize: number;
  author: Author | null;
  timer: NodeJS.Timeout | null;
}

const CONNECT_BATCH = 25;
const LOOP_RESOLUTION_MS = 2;

function send(msg: LoadMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined) {
      process.stdout.write(JSON.stringify(msg) + '\n', () => resolve());
    } else {
      process.send(msg, () => resolve());
    }
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One edit of the workload, as one transaction, registered with the tracker. */
function edit(sim: Sim, tracker: Tracker, apply: (a: Author) => void): void {
  const author = sim.author;
  if (author === null) return;
  const t0 = performance.now();
  const tr = sim.client.doc.transact((t) => {
    apply(author);
    return t;
  });
  tracker.recordLocal(tr, sim.local, sim.draftSize, t0);
}

function startTyping(sims: Sim[], rate: number, tracker: Tracker, apply: (a: Author) => void): void {
  const period = 1000 / rate;
  for (const sim of sims) {
    // Uniform jitter of ±50 % keeps the mean rate while de-synchronising the clients.
    const tick = (): void => {
      edit(sim, tracker, apply);
      sim.timer = setTimeout(tick, period * (0.5 + Math.random()));
    };
    sim.timer = setTimeout(tick, Math.random() * period);
  }
}

function stopTyping(sims: Sim[]): void {
  for (const sim of sims) if (sim.timer !== null) clearTimeout(sim.timer);
}

/** Drafts whose clients disagree (state vector or text), and how many clients differ. */
function divergence(sims: Sim[], drafts: number): { drafts: number; clients: number } {
  const firstOf = new Map<number, { sv: Buffer; text: string }>();
  let badClients = 0;
  const badDrafts = new Set<number>();
  for (const sim of sims) {
    const sv = Buffer.from(Y.encodeStateVector(sim.client.doc));
    const text = contentText(sim.client.doc);
    const first = firstOf.get(sim.draft);
    if (first === undefined) firstOf.set(sim.draft, { sv, text });
    else if (!first.sv.equals(sv) || first.text !== text) {
      badClients++;
      badDrafts.add(sim.draft);
    }
  }
  return { drafts: Math.min(badDrafts.size, drafts), clients: badClients };
}

async function main(): Promise<void> {
  const cfg = LoadConfig.parse(JSON.parse(process.argv[2] ?? '{}'));
  // Every provider registers a process 'exit' listener; hundreds are expected here.
  process.setMaxListeners(0);
  const hardLimit = 120_000 + (cfg.warmupSeconds + cfg.seconds) * 1000 + cfg.quiesceTimeoutMs;
  setTimeout(
    () =>
      void send({ type: 'error', message: `generator hard timeout ${hardLimit} ms` }).then(() =>
        process.exit(1),
      ),
    hardLimit,
  ).unref();

  const connect = await connectFor(cfg.protocol);
  const tracker = new Tracker();
  const sims: Sim[] = [];
  let disconnects = 0;
  let counting = false;
  const tConnect = performance.now();
  for (let i = 0; i < cfg.clients; i += CONNECT_BATCH) {
    const batch: Sim[] = [];
    for (let j = i; j < Math.min(cfg.clients, i + CONNECT_BATCH); j++) {
      const draft = j % cfg.drafts;
      const draftSize = Math.floor(cfg.clients / cfg.drafts) + (draft < cfg.clients % cfg.drafts ? 1 : 0);
      const token = cfg.tokens[j % cfg.tokens.length] ?? '';
      const room = draftRoom(cfg.roomPrefix, draft);
      const local = Math.floor(j / cfg.drafts);
      const instance = instanceFor(cfg.placement, cfg.collabUrls.length, room, local);
      const client = connect(cfg.collabUrls[instance] ?? '', room, token);
      const sim: Sim = {
        client,
        draft,
        local,
        draftSize,
        author: null,
        timer: null,
      };
      client.doc.on('afterTransaction', (tr) => {
        if (client.isRemote(tr.origin)) tracker.onRemote(tr, sim.local, performance.now());
      });
      client.onClose(() => {
        if (counting) disconnects++;
      });
      client.setUser(`Đại biểu ${j}`);
      batch.push(sim);
    }
    await Promise.all(batch.map((s) => waitSynced(s.client, 30_000)));
    sims.push(...batch);
  }
  for (const sim of sims) {
    const fragment = sim.client.doc.getXmlFragment('content');
    const text = addParagraph(fragment, `Ý kiến ${sim.draft}.${sim.local}: `);
    sim.author = { fragment, text, caret: text.length, typist: new Typist() };
  }
  const allParagraphs = await waitUntil(
    () => sims.every((s) => s.client.doc.getXmlFragment('content').length === s.draftSize),
    30_000,
  );
  if (!allParagraphs) throw new Error('warm-up: not every client saw every paragraph within 30 s');
  const connectMs = performance.now() - tConnect;
  counting = true;
  await send({ type: 'ready', connectMs });

  startTyping(sims, cfg.rate, tracker, editFor(cfg.workload));
  await sleep(cfg.warmupSeconds * 1000);

  // The histogram records timer delay including the sampling interval itself; subtract it below.
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  tracker.active = true;
  await send({ type: 'window-start' });
  await sleep(cfg.seconds * 1000);
  tracker.active = false;
  stopTyping(sims);
  const windowMs = performance.now() - w0;
  const cpu = process.cpuUsage(cpu0);
  loop.disable();
  await send({ type: 'window-end' });

  // Quiescence: every tracked edit delivered everywhere and every draft converged.
  const q0 = performance.now();
  let lastCheck = 0;
  await waitUntil(() => {
    if (!tracker.complete) return false;
    if (performance.now() - lastCheck < 250) return false;
    lastCheck = performance.now();
    return divergence(sims, cfg.drafts).clients === 0;
  }, cfg.quiesceTimeoutMs);
  const quiesceMs = performance.now() - q0;
  const div = divergence(sims, cfg.drafts);
  counting = false;

  const t = tracker.totals();
  const result: LoadResult = {
    windowMs,
    connectMs,
    quiesceMs,
    edits: t.edits,
    expectedDeliveries: t.expectedDeliveries,
    deliveries: t.deliveries,
    missingDeliveries: t.missingDeliveries,
    incompleteEdits: t.incompleteEdits,
    latEdit: percentiles(t.editLatencies),
    latDelivery: percentiles(t.deliveryLatencies),
    divergentDrafts: div.drafts,
    divergentClients: div.clients,
    disconnects,
    genCpuPct: ((cpu.user + cpu.system) / 1000 / windowMs) * 100,
    loopDelayP99Ms: Math.max(0, loop.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
  };
  for (const sim of sims) closeClient(sim.client);
  await send({ type: 'result', result });
  process.exit(0);
}

main().catch(async (err: unknown) => {
  await send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
