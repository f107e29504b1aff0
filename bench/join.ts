/**
 * Join-time benchmark helpers: seed a draft with a long history of small updates, then time
 * how long a fresh client takes from creating its provider to `sync(true)`.
 * Runs in the orchestrator process (idle otherwise); the client-side cost of loading the
 * state is the same for both servers, so the ratio compares the servers.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { collectGarbage } from './collect-garbage.js';
import {
  addParagraph,
  contentText,
  closeClient,
  randInt,
  Typist,
  waitSynced,
  waitUntil,
  type Client,
  type Connect,
} from './client.js';

/** Outcome of seeding a draft. */
export interface SeedResult {
  /** Local transactions sent, i.e. updates that reached the server. */
  updates: number;
  paragraphs: number;
  /** Sending all updates with flow control. */
  sendMs: number;
  /** Until a second client had all of them. */
  verifyMs: number;
  /** Length of Y.encodeStateAsUpdate of the seeding client's doc. */
  historyBytes: number;
  /** Expected `content` of the draft, to check every joiner got all of it. */
  expected: string;
  /** The verifying client; left connected so "warm" means the room is live. */
  verifier: Client;
}

const BURST = 250;

/** Waits until the client's socket has flushed everything it queued (TCP backpressure). */
async function drain(c: Client, timeoutMs: number): Promise<void> {
  const ok = await waitUntil(() => c.bufferedAmount() === 0, timeoutMs, 5);
  if (!ok) throw new Error(`seeding: socket did not drain within ${timeoutMs} ms`);
}

/**
 * Types `updates` separate transactions into a draft the way a person does: mostly 1–3
 * characters at the caret, some backspaces, new paragraphs (Enter) and caret jumps.
 */
export async function seedHistory(
  connect: Connect,
  collabUrl: string,
  room: string,
  token: string,
  updates: number,
): Promise<SeedResult> {
  const seeder = connect(collabUrl, room, token);
  await waitSynced(seeder, 30_000);
  const fragment = seeder.doc.getXmlFragment('content');
  const typist = new Typist();
  let sent = 0;
  seeder.doc.on('update', (_u: Uint8Array, origin: unknown) => {
    if (!seeder.isRemote(origin)) sent++;
  });
  const t0 = performance.now();
  let cur = addParagraph(fragment, '');
  let caret = 0;
  for (let i = 1; i < updates; i++) {
    const r = Math.random();
    // A draft under revision: one edit in ten starts somewhere else (a correction), which
    // fragments the Yjs history the way rounds of comments do; plain typing packs too well.
    if (r < 0.1) {
      // Caret jump (a click elsewhere) carries no update by itself; the typing below does.
      const para = fragment.get(randInt(0, fragment.length - 1));
      const text = para instanceof Y.XmlElement ? para.get(0) : null;
      if (text instanceof Y.XmlText) cur = text;
      caret = randInt(0, cur.length);
    }
    if (r >= 0.1 && r < 0.11) {
      // Enter: new paragraph after the current one.
      const at = fragment.toArray().findIndex((p) => p instanceof Y.XmlElement && p.get(0) === cur);
      cur = addParagraph(fragment, '', at + 1);
      caret = 0;
    } else if (r >= 0.11 && r < 0.2 && caret > 0) {
      const n = Math.min(caret, randInt(1, 2));
      cur.delete(caret - n, n);
      caret -= n;
    } else {
      const s = typist.next(randInt(1, 3));
      cur.insert(caret, s);
      caret += s.length;
    }
    if (i % BURST === 0) await drain(seeder, 60_000);
  }
  await drain(seeder, 60_000);
  const sendMs = performance.now() - t0;
  if (sent !== updates) throw new Error(`seeding: sent ${sent} updates, expected ${updates}`);

  const t1 = performance.now();
  const verifier = connect(collabUrl, room, token);
  const expected = fragment.toJSON();
  const wantSv = Buffer.from(Y.encodeStateVector(seeder.doc));
  const ok = await waitUntil(
    () =>
      verifier.synced &&
      wantSv.equals(Y.encodeStateVector(verifier.doc)) &&
      contentText(verifier.doc) === expected,
    180_000,
    100,
  );
  if (!ok) throw new Error('seeding: second client did not receive the whole history within 180 s');
  const verifyMs = performance.now() - t1;
  const historyBytes = Y.encodeStateAsUpdate(seeder.doc).length;
  const paragraphs = fragment.length;
  closeClient(seeder);
  return { updates: sent, paragraphs, sendMs, verifyMs, historyBytes, expected, verifier };
}

/** Result of `measureJoins`. */
export interface JoinTimes {
  ms: number[];
  /** Per join: creating the provider → the socket is open (connect and upgrade). */
  openMs: number[];
  /** Per join: socket open → the server's answer starts to be applied (handshake and the server's work). */
  answerMs: number[];
  /** Per join: the client decoding and integrating what the server sent (the same work for any server). */
  applyMs: number[];
  /** Every joiner ended up with exactly the expected content. */
  complete: boolean;
}

/**
 * Joins `times` fresh clients one after another; each: new Y.Doc + provider → its first sync.
 * `warmup` joins go first and are not timed: the joining client runs in this process, which
 * measures the servers one after another, so without them the first server measured would
 * also pay for the client's Yjs code being compiled (its first join took 40–47 ms against
 * 13–25 for the next ones, whichever server went first). The series starts on a collected heap
 * (collectGarbage): after the load scenarios the first server's joins also paid for collecting
 * their garbage (its apply phase 7.0–10.9 ms against the next server's 6.2–6.8). Not before
 * every join: a full collection also throws away compiled code, and every join then took 60 ms.
 */
export async function measureJoins(
  connect: Connect,
  collabUrl: string,
  room: string,
  token: string,
  expected: string,
  times = 5,
  warmup = 0,
): Promise<JoinTimes> {
  const out: JoinTimes = { ms: [], openMs: [], answerMs: [], applyMs: [], complete: true };
  collectGarbage();
  for (let i = -warmup; i < times; i++) {
    const doc = new Y.Doc();
    let firstApply = Number.NaN;
    let applyStart = 0;
    let applyMs = 0;
    let openedAt = Number.NaN;
    // Transactions whose origin is the provider are the server's messages being applied.
    doc.on('beforeTransaction', (tr: Y.Transaction) => {
      if (tr.origin === null || tr.origin === doc) return;
      applyStart = performance.now();
      if (Number.isNaN(firstApply)) firstApply = applyStart;
    });
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin !== null && tr.origin !== doc) applyMs += performance.now() - applyStart;
    });
    const t0 = performance.now();
    const c = connect(collabUrl, room, token, doc);
    c.onOpen(() => {
      if (Number.isNaN(openedAt)) openedAt = performance.now();
    });
    try {
      await waitSynced(c, 60_000);
      if (i >= 0) {
        out.ms.push(performance.now() - t0);
        out.openMs.push(openedAt - t0);
        out.answerMs.push(firstApply - openedAt);
        out.applyMs.push(applyMs);
      }
      if (contentText(c.doc) !== expected) out.complete = false;
    } finally {
      closeClient(c);
    }
    // Let the server process the close before the next join.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return out;
}
