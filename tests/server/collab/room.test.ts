import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/collab/close-codes.ts';
import { CollabError } from '../../../server/collab/collab-error.ts';
import { Room, type RoomDeps } from '../../../server/collab/room.ts';
import { captureLogger } from '../../helpers/capture-logger.ts';
import { MemoryDocStore } from '../../helpers/memory-doc-store.ts';
import { MemoryPeer } from '../../helpers/memory-peer.ts';

function newRoom(store = new MemoryDocStore(), overrides: Partial<RoomDeps> = {}) {
  const events = { empty: 0, failed: 0 };
  const room = new Room(
    'r1',
    { updates: [], stateVector: null, logCount: 0, logBytes: 0 },
    {
      store,
      log: captureLogger(),
      compaction: { afterUpdates: 1000, afterBytes: 1 << 30, minIntervalMs: 0 },
      onEmpty: () => (events.empty += 1),
      onFailed: () => (events.failed += 1),
      ...overrides,
    },
  );
  return { room, store, events };
}

/** An update typing `text` from a fresh client doc. */
function edit(text: string, doc = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toJSON();
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('Room', () => {
  it('relays an update only after the store has committed it', async () => {
    const { room, store } = newRoom();
    const [writer, reader] = [new MemoryPeer('w'), new MemoryPeer('r')];
    room.join(writer);
    room.join(reader);
    store.hold();
    room.receive(writer, { kind: 'sync-update', update: edit('một') });
    await flush();
    expect(store.heldCount).toBe(1);
    expect(reader.updates()).toEqual([]);
    // A joiner during the wait is served the committed state only.
    const joiner = new MemoryPeer('j');
    room.join(joiner);
    room.receive(joiner, { kind: 'sync-step1', stateVector: new Uint8Array([0]) });
    expect(textOf(joiner.updates())).toBe('');
    store.release();
    await flush();
    expect(textOf(reader.updates())).toBe('một');
    expect(textOf(joiner.updates())).toBe('một');
    expect(textOf(writer.updates())).toBe(''); // never echoed to its sender
  });

  it('relays writes in arrival order even when they commit together', async () => {
    const { room, store } = newRoom();
    const [writer, reader] = [new MemoryPeer('w'), new MemoryPeer('r')];
    room.join(writer);
    room.join(reader);
    const doc = new Y.Doc();
    store.hold();
    for (const word of ['a', 'b', 'c'])
      room.receive(writer, { kind: 'sync-update', update: edit(word, doc) });
    store.release();
    await flush();
    // Applied one by one, each relayed update must integrate at once: arrival order was kept.
    const replica = new Y.Doc();
    const seen = reader.updates().map((update) => {
      Y.applyUpdate(replica, update);
      expect(replica.store.pendingStructs).toBeNull();
      return replica.getText('t').toJSON();
    });
    expect(seen).toEqual(['a', 'ab', 'abc']);
  });

  it('a refused update is neither stored nor relayed', () => {
    const { room, store } = newRoom();
    const [writer, reader] = [new MemoryPeer('w'), new MemoryPeer('r')];
    room.join(writer);
    room.join(reader);
    const doc = new Y.Doc();
    edit('never sent', doc);
    const gap = edit(' depends on it', doc);
    expect(() => room.receive(writer, { kind: 'sync-update', update: gap })).toThrow(CollabError);
    expect(store.heldCount + store.logOf('r1').length).toBe(0);
    expect(reader.updates()).toEqual([]);
  });

  it('after a refusal the next honest update is validated against intact state', async () => {
    const { room, store } = newRoom();
    const writer = new MemoryPeer('w');
    room.join(writer);
    expect(() => room.receive(writer, { kind: 'sync-update', update: new Uint8Array([1, 2, 3, 4]) })).toThrow(
      CollabError,
    );
    room.receive(writer, { kind: 'sync-update', update: edit('ổn') });
    await flush();
    expect(textOf([...store.logOf('r1')])).toBe('ổn');
  });

  it('a failed commit closes every peer with 1013 and relays nothing', async () => {
    const { room, store, events } = newRoom();
    const [writer, reader] = [new MemoryPeer('w'), new MemoryPeer('r')];
    room.join(writer);
    room.join(reader);
    store.hold();
    room.receive(writer, { kind: 'sync-update', update: edit('mất') });
    store.failHeld();
    await flush();
    expect(reader.updates()).toEqual([]);
    expect(writer.closedWith?.code).toBe(CloseCode.TryAgainLater);
    expect(reader.closedWith?.code).toBe(CloseCode.TryAgainLater);
    expect(events.failed).toBe(1);
  });

  it("a leaving peer's presence is removed for the others, and the last leave reports empty", () => {
    const { room, events } = newRoom();
    const [a, b] = [new MemoryPeer('a'), new MemoryPeer('b')];
    room.join(a);
    room.join(b);
    const client = new Y.Doc();
    const entry = new Uint8Array([1, ...varuint(client.clientID), 1, ...str('{"user":{"name":"A"}}')]);
    room.receive(a, { kind: 'awareness', update: entry });
    const before = b.sent.length;
    room.leave(a);
    expect(b.sent.length).toBe(before + 1); // the removal
    expect(events.empty).toBe(0);
    room.leave(b);
    expect(events.empty).toBe(1);
  });
});

function varuint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

function str(s: string): number[] {
  const bytes = [...Buffer.from(s, 'utf8')];
  return [...varuint(bytes.length), ...bytes];
}

describe('Room compaction', () => {
  async function burst(minIntervalMs: number): Promise<number> {
    const { room, store } = newRoom(new MemoryDocStore(), {
      compaction: { afterUpdates: 5, afterBytes: 1 << 30, minIntervalMs },
    });
    const writer = new MemoryPeer('w');
    room.join(writer);
    const doc = new Y.Doc();
    for (let i = 0; i < 40; i++) {
      room.receive(writer, { kind: 'sync-update', update: edit(`${i} `, doc) });
      await flush();
    }
    return store.compactions;
  }

  it('compacts once the log passes the threshold', async () => {
    expect(await burst(0)).toBeGreaterThanOrEqual(7);
  });

  it('a write burst starts at most one compaction per interval', async () => {
    expect(await burst(60_000)).toBe(1);
  });
});

describe('Room loading', () => {
  it('a stored history with a gap is served without the parked structs', () => {
    const doc = new Y.Doc();
    const first = edit('có ', doc);
    const lost = edit('mất ', doc);
    const after = edit('sau', doc);
    const room = new Room(
      'gappy',
      { updates: [first, after], stateVector: null, logCount: 2, logBytes: first.length + after.length },
      {
        store: new MemoryDocStore(),
        log: captureLogger(),
        compaction: { afterUpdates: 1000, afterBytes: 1 << 30, minIntervalMs: 0 },
        onEmpty: () => undefined,
        onFailed: () => undefined,
      },
    );
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, room.state());
    expect(fresh.getText('t').toJSON()).toBe('có ');
    expect(fresh.store.pendingStructs).toBeNull();
    expect(lost.length).toBeGreaterThan(0);
  });
});
