import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/collab/close-codes.ts';
import { CollabError } from '../../../server/collab/core/collab-error.ts';
import type { Member } from '../../../server/collab/core/member.ts';
import * as protocol from '../../../server/collab/core/protocol.ts';
import { Room, type RoomDeps } from '../../../server/collab/core/room.ts';
import { colorForUser } from '../../../shared/collab/awareness.ts';
import { captureLogger } from '../../helpers/capture-logger.ts';
import type { ClientOwner } from '../../../server/collab/core/client-owners.ts';
import { MemoryClientOwners } from '../../helpers/memory-client-owners.ts';
import { MemoryDocStore } from '../../helpers/memory-doc-store.ts';
import { MemoryPeer } from '../../helpers/memory-peer.ts';

/** A member as the gate would admit it: user `userId`, a writer unless `canWrite` is false. */
function member(userId: number, canWrite = true): Member {
  return {
    userId,
    credential: `session:${userId}`,
    presence: { id: userId, name: `Người ${userId}`, color: colorForUser(userId) },
    canWrite,
  };
}

const WRITER = member(1);
const OTHER_WRITER = member(2);
const READ_ONLY = member(3, false);

function newRoom(
  store = new MemoryDocStore(),
  overrides: Partial<RoomDeps> = {},
  owners = new Map<number, ClientOwner>(),
) {
  const events = { empty: 0, failed: 0 };
  const ownerStore = new MemoryClientOwners();
  const room = new Room('r1', { updates: [], stateVector: null, logCount: 0, logBytes: 0 }, owners, {
    store,
    owners: ownerStore,
    log: captureLogger(),
    compaction: { afterUpdates: 1000, afterBytes: 1 << 30, minIntervalMs: 0 },
    onEmpty: () => (events.empty += 1),
    onFailed: () => (events.failed += 1),
    ...overrides,
  });
  return { room, store, events, ownerStore };
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
    room.join(writer, WRITER);
    room.join(reader, OTHER_WRITER);
    store.hold();
    room.receive(writer, { kind: 'sync-update', update: edit('một') });
    await flush();
    expect(store.heldCount).toBe(1);
    expect(reader.updates()).toEqual([]);
    // A joiner during the wait is served the committed state only.
    const joiner = new MemoryPeer('j');
    room.join(joiner, OTHER_WRITER);
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
    room.join(writer, WRITER);
    room.join(reader, OTHER_WRITER);
    const doc = new Y.Doc();
    store.hold();
    for (const word of ['a', 'b', 'c'])
      room.receive(writer, { kind: 'sync-update', update: edit(word, doc) });
    store.release();
    await flush();
    // Committed together, relayed as one update that integrates at once: arrival order was kept.
    const replica = new Y.Doc();
    expect(reader.updates()).toHaveLength(1);
    Y.applyUpdate(replica, reader.updates()[0]!);
    expect(replica.store.pendingStructs).toBeNull();
    expect(replica.getText('t').toJSON()).toBe('abc');
  });

  it('writes committed together reach each reader in one frame, and never their own author', async () => {
    const { room, store } = newRoom();
    const [a, b, reader] = [new MemoryPeer('a'), new MemoryPeer('b'), new MemoryPeer('r')];
    room.join(a, WRITER);
    room.join(b, OTHER_WRITER);
    room.join(reader, READ_ONLY);
    const [docA, docB] = [new Y.Doc(), new Y.Doc()];
    store.hold();
    room.receive(a, { kind: 'sync-update', update: edit('A1 ', docA) });
    room.receive(b, { kind: 'sync-update', update: edit('B1 ', docB) });
    room.receive(a, { kind: 'sync-update', update: edit('A2 ', docA) });
    store.release();
    await flush();
    expect(reader.updates()).toHaveLength(1);
    expect(textOf(reader.updates())).toBe(textOf([...store.logOf('r1')]));
    // Each author gets the other's writes, one frame each, and none of its own.
    expect(a.updates()).toHaveLength(1);
    expect(textOf(a.updates())).toBe('B1 ');
    expect(b.updates()).toHaveLength(2);
    expect(textOf(b.updates())).toBe('A1 A2 ');
  });

  it('a refused update is neither stored nor relayed', () => {
    const { room, store } = newRoom();
    const [writer, reader] = [new MemoryPeer('w'), new MemoryPeer('r')];
    room.join(writer, WRITER);
    room.join(reader, OTHER_WRITER);
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
    room.join(writer, WRITER);
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
    room.join(writer, WRITER);
    room.join(reader, OTHER_WRITER);
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
    room.join(a, WRITER);
    room.join(b, OTHER_WRITER);
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

describe('Room: who may write what', () => {
  it("a read-only member's sync step 2 and updates are dropped without a word; it still reads", async () => {
    const { room, store, ownerStore } = newRoom();
    const [writer, viewer] = [new MemoryPeer('w'), new MemoryPeer('v')];
    room.join(writer, WRITER);
    room.join(viewer, READ_ONLY);
    room.receive(viewer, { kind: 'sync-step2', update: edit('bước 2 giả') });
    room.receive(viewer, { kind: 'sync-update', update: edit('cập nhật giả') });
    // Not even validated: a read-only member's write is not refused, just never used.
    room.receive(viewer, { kind: 'sync-update', update: new Uint8Array([1, 2, 3, 4]) });
    await flush();
    expect(store.heldCount + store.logOf('r1').length).toBe(0);
    expect(writer.updates()).toEqual([]);
    expect(ownerStore.claims).toEqual([]);
    expect(viewer.closedWith).toBeNull();
    room.receive(writer, { kind: 'sync-update', update: edit('thật') });
    await flush();
    expect(textOf(viewer.updates())).toBe('thật');
  });

  it('new structs under a clientID another user owns are refused; its owner and known structs pass', async () => {
    const { room, store, ownerStore } = newRoom();
    const [writer, other] = [new MemoryPeer('w'), new MemoryPeer('o')];
    room.join(writer, WRITER);
    room.join(other, OTHER_WRITER);
    const mine = new Y.Doc();
    room.receive(writer, { kind: 'sync-update', update: edit('của tôi', mine) });
    await flush();
    expect(ownerStore.ownersOf('r1')).toEqual(new Map([[mine.clientID, WRITER.userId]]));

    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(mine));
    forger.clientID = mine.clientID;
    const forged = edit(' giả mạo', forger);
    expect(() => room.receive(other, { kind: 'sync-update', update: forged })).toThrow(/^client_id_owned:/);
    await flush();
    expect(store.logOf('r1')).toHaveLength(1);
    expect(writer.updates()).toEqual([]);

    // The owner keeps writing under it.
    room.receive(writer, { kind: 'sync-update', update: edit(' nữa', mine) });
    await flush();
    // Another user's sync step 2 may repeat the owner's structs the room has, next to its own.
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
    edit(' và của người khác', theirs);
    room.receive(other, { kind: 'sync-step2', update: Y.encodeStateAsUpdate(theirs) });
    await flush();
    expect(textOf([...store.logOf('r1')])).toBe('của tôi nữa và của người khác');
    expect(ownerStore.ownersOf('r1')).toEqual(
      new Map([
        [mine.clientID, WRITER.userId],
        [theirs.clientID, OTHER_WRITER.userId],
      ]),
    );
  });

  it('the clientID owners a room is loaded with are enforced', async () => {
    const owned = new Y.Doc();
    const { room, store } = newRoom(
      new MemoryDocStore(),
      {},
      new Map([[owned.clientID, { userId: WRITER.userId, credential: null }]]),
    );
    const [writer, other] = [new MemoryPeer('w'), new MemoryPeer('o')];
    room.join(writer, WRITER);
    room.join(other, OTHER_WRITER);
    const copy = new Y.Doc();
    copy.clientID = owned.clientID;
    expect(() => room.receive(other, { kind: 'sync-update', update: edit('giả', copy) })).toThrow(
      /^client_id_owned:/,
    );
    room.receive(writer, { kind: 'sync-update', update: edit('thật', owned) });
    await flush();
    expect(textOf([...store.logOf('r1')])).toBe('thật');
  });

  it("a second session of the same user cannot write under the first session's clientID", async () => {
    const { room, store } = newRoom();
    const firstSession = WRITER;
    const secondSession: Member = { ...WRITER, credential: 'session:second' };
    const [first, second] = [new MemoryPeer('first'), new MemoryPeer('second')];
    room.join(first, firstSession);
    room.join(second, secondSession);
    const mine = new Y.Doc();
    room.receive(first, { kind: 'sync-update', update: edit('của phiên đầu', mine) });
    await flush();
    // The second session holds the first one's text and writes on under its clientID.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(mine));
    copy.clientID = mine.clientID;
    expect(() => room.receive(second, { kind: 'sync-update', update: edit(' ghi đè', copy) })).toThrow(
      /^client_id_owned:.*another session/,
    );
    room.receive(first, { kind: 'sync-update', update: edit(' tiếp', mine) });
    await flush();
    expect(textOf([...store.logOf('r1')])).toBe('của phiên đầu tiếp');
  });

  it("relayed presence carries the member's identity, whatever the client put in `user`", () => {
    const { room } = newRoom();
    const [a, b] = [new MemoryPeer('a'), new MemoryPeer('b')];
    room.join(a, WRITER);
    room.join(b, OTHER_WRITER);
    const clientID = new Y.Doc().clientID;
    const claimed = { user: { id: 99, name: 'Giả danh', color: '#000000' }, cursor: { anchor: 5 } };
    const update = protocol.encodeAwarenessUpdate([{ clientID, clock: 1, state: JSON.stringify(claimed) }]);
    room.receive(a, { kind: 'awareness', update });
    const relayed = awarenessEntries(b).filter((entry) => entry.clientID === clientID);
    expect(relayed.map((entry) => JSON.parse(entry.state) as unknown)).toEqual([
      { user: WRITER.presence, cursor: { anchor: 5 } },
    ]);
  });
});

/** The awareness entries a peer was sent, in order. */
function awarenessEntries(peer: MemoryPeer): protocol.AwarenessEntry[] {
  return peer.sent.flatMap((message) => {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== protocol.MessageType.Awareness) return [];
    return protocol.decodeAwarenessUpdate(decoding.readVarUint8Array(decoder));
  });
}

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
    room.join(writer, WRITER);
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
      new Map(),
      {
        store: new MemoryDocStore(),
        owners: new MemoryClientOwners(),
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
