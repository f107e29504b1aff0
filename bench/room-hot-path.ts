/**
 * `npx tsx bench/room-hot-path.ts`: the CPU one room spends per incoming edit, in process,
 * with an in-memory store and peers that only count: what validation, apply and relay cost
 * without sockets or disk, so a change to the hot path can be priced without the noise of a
 * full `npm run bench`. 10 editors in one draft of the editor's schema, each typing into its
 * own paragraph; prints µs of CPU per edit (median of 5 rounds).
 */
import * as Y from 'yjs';
import { draftSchema } from '../shared/editor/draft-json.ts';
import { Room } from '../server/collab/core/room.ts';
import { SchemaRule } from '../server/collab/core/schema-rule.ts';
import { createLogger } from '../server/logger.ts';
import type { Peer } from '../server/collab/core/peer.ts';
import type { DocStore } from '../server/collab/core/doc-store.ts';
import type { ClientOwnerStore } from '../server/collab/core/client-owners.ts';
import { Typist } from './client.ts';

const EDITORS = 10;
const EDITS = Number(process.env.EDITS ?? 4000);
/** Edits received per turn of the event loop (they share one commit). */
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const PER_TURN = Number(process.env.PER_TURN ?? 4);

const store: DocStore = {
  ready: () => Promise.resolve(),
  load: () => Promise.resolve({ updates: [], stateVector: null, logCount: 0, logBytes: 0 }),
  append: () => Promise.resolve(null),
  compact: () => Promise.resolve({ updates: 0, bytes: 0 }),
  close: () => Promise.resolve(),
};
const owners: ClientOwnerStore = { claim: () => Promise.resolve() } as unknown as ClientOwnerStore;

async function round(): Promise<number> {
  let sent = 0;
  const room = new Room('hot', { updates: [], stateVector: null, logCount: 0, logBytes: 0 }, new Map(), {
    store,
    owners,
    log: createLogger('silent'),
    compaction: { afterUpdates: 1e9, afterBytes: 1e12, minIntervalMs: 1e9 },
    content: new SchemaRule(draftSchema()),
    onEmpty: () => undefined,
    onFailed: () => undefined,
  });
  const peers: Peer[] = [];
  const clients: { doc: Y.Doc; text: Y.XmlText; typist: Typist }[] = [];
  for (let i = 0; i < EDITORS; i++) {
    const peer: Peer = { id: `p${i}`, send: () => void (sent += 1), close: () => undefined };
    peers.push(peer);
    room.join(peer, {
      userId: i + 1,
      credential: `c${i}`,
      presence: { id: i + 1, name: `u${i}`, color: '#000' },
      canWrite: true,
    });
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('content');
    const text = new Y.XmlText();
    const para = new Y.XmlElement('paragraph');
    fragment.insert(0, [para]);
    para.insert(0, [text]);
    text.insert(0, `Đoạn ${i}: `);
    clients.push({ doc, text, typist: new Typist() });
  }
  // Each client's own paragraph reaches the room and every other client first.
  const deliver = async (from: number, update: Uint8Array) => {
    room.receive(peers[from]!, { kind: 'sync-update', update });
    await new Promise((resolve) => setImmediate(resolve));
  };
  for (let i = 0; i < EDITORS; i++) await deliver(i, Y.encodeStateAsUpdate(clients[i]!.doc));
  const edits: [number, Uint8Array][] = [];
  for (let n = 0; n < EDITS; n++) {
    const i = n % EDITORS;
    const { doc, text, typist } = clients[i]!;
    const before = Y.encodeStateVector(doc);
    text.insert(Math.floor(Math.random() * text.length), typist.next(3));
    edits.push([i, Y.encodeStateAsUpdate(doc, before)]);
  }
  const t0 = process.cpuUsage();
  // A few edits per turn of the loop, as a busy server receives them.
  for (const [n, [i, update]] of edits.entries()) {
    room.receive(peers[i]!, { kind: 'sync-update', update });
    if (n % PER_TURN === PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  const used = process.cpuUsage(t0);
  // Writes committed together go out merged, so fewer frames than deliveries; none is wrong.
  if (sent < EDITS) throw new Error(`only ${sent} frames for ${EDITS} edits`);
  frames = sent / EDITS;
  room.destroy();
  return (used.user + used.system) / EDITS;
}

let frames = 0;
const results: number[] = [];
for (let r = 0; r < ROUNDS; r++) results.push(await round());
results.sort((a, b) => a - b);
const at = (q: number) => results[Math.min(results.length - 1, Math.floor(q * results.length))]!.toFixed(1);
console.log(`${PER_TURN} edits per turn of the loop, ${frames.toFixed(2)} frames sent per edit`);
console.log(`µs CPU per edit (${EDITORS} editors, 1 room): median ${at(0.5)} [${at(0)}–${at(1)}]`);
