import * as Y from 'yjs';
import { CloseCode } from '../../../shared/collab/close-codes.ts';
import type { Logger } from '../../logger.ts';
import {
  ClientIdGuard,
  type ClientOwner,
  type ClientOwnerStore,
  type ClientWriter,
} from './client-owners.ts';
import type { CommitMeter } from './commit-meter.ts';
import type { ContentRule } from './content-rule.ts';
import { CollabError } from './collab-error.ts';
import { CommittedDoc } from './committed-doc.ts';
import type { DocStore, StoredDoc } from './doc-store.ts';
import type { FanoutChannel, RemoteMessage, RemoteUpdate } from './fanout.ts';
import { SharedLogFollower } from './shared-log-follower.ts';
import type { Member } from './member.ts';
import type { Peer } from './peer.ts';
import { Presence } from './presence.ts';
import * as protocol from './protocol.ts';
import { isEmptyUpdate, ScratchDoc } from './scratch-doc.ts';

/** When a room folds its update log into a snapshot. */
export interface CompactionPolicy {
  /** Compact once this many log rows (or bytes) have accumulated since the snapshot. */
  readonly afterUpdates: number;
  readonly afterBytes: number;
  /** A room starts a compaction at most this often (a write burst must not become a compaction storm). */
  readonly minIntervalMs: number;
}

/** What a room needs from the outside. */
export interface RoomDeps {
  readonly store: DocStore;
  readonly log: Logger;
  readonly compaction: CompactionPolicy;
  readonly owners: ClientOwnerStore;
  /** What the document may hold (the editor schema); without one, any update that integrates is accepted. */
  readonly content?: ContentRule | undefined;
  /** Called when the last peer has left (the registry starts its idle timer). */
  readonly onEmpty: (room: Room) => void;
  /** Called when the room can no longer guarantee durability and must be dropped. */
  readonly onFailed: (room: Room) => void;
  /** Called after a user's edit of `bytes` is applied (who edited last, automatic history). */
  readonly onEdited?: ((room: Room, userId: number, bytes: number) => void) | undefined;
  /** Told how long each step of an edit took (metrics). */
  readonly meter?: CommitMeter | undefined;
  /** The draft's channel to other instances (when the log is shared). */
  readonly channel?: FanoutChannel | undefined;
}

/** At most this many writes are merged into one relayed frame. */
const MERGE_CHUNK = 32;

/** The credential of server-side edits: each runs on a fresh copy, under a fresh clientID. */
const SERVER_EDIT = 'server';

interface PendingWrite {
  readonly update: Uint8Array;
  readonly from: Peer | null;
  readonly userId: number;
  readonly credential: string;
  status: 'pending' | 'committed';
  /** Its number in a shared log, once committed there. */
  seq: number | null;
  /** Called once the write is applied to the shared document (server-side edits wait on it). */
  readonly onApplied?: (() => void) | undefined;
}

/**
 * One live draft: the committed Y.Doc, presence, and the connected peers. An update is
 * validated on a scratch copy, appended to the store, and only once committed is it
 * applied to the shared document and relayed, in arrival order (R3, R14).
 */
export class Room {
  private readonly committed: CommittedDoc;
  private readonly peers = new Map<Peer, Member>();
  private readonly presence = new Presence(
    (message, except) => {
      for (const peer of this.peers.keys()) if (peer !== except) peer.send(message);
    },
    (update) => this.deps.channel?.publishPresence(update),
  );
  /** Keeps the room in step with a log other instances append to (null when only this one does). */
  private readonly follower: SharedLogFollower | null;
  private readonly clientIds: ClientIdGuard;
  private readonly listeners = new Set<() => void>();
  private readonly scratch: ScratchDoc;
  private readonly pending: PendingWrite[] = [];
  private logCount: number;
  private logBytes: number;
  private compacting = false;
  private drainQueued = false;
  private lastCompactionAt = -Infinity;
  private failed = false;
  private closed = false;
  private destroyed = false;

  constructor(
    readonly name: string,
    stored: StoredDoc,
    owners: Map<number, ClientOwner>,
    private readonly deps: RoomDeps,
  ) {
    this.clientIds = new ClientIdGuard(owners);
    this.committed = new CommittedDoc(stored, name, deps.log);
    this.logCount = stored.logCount;
    this.logBytes = stored.logBytes;
    const shared = deps.store.shared;
    this.follower =
      stored.head === undefined || shared === undefined
        ? null
        : new SharedLogFollower(stored.head, {
            name,
            log: shared,
            channel: deps.channel,
            logger: deps.log,
            owners: () => deps.owners.load(name),
            apply: (updates, owners) => this.applyRemote(updates, owners),
          });
    // Everything in `pending` (committed or not) is accepted but not yet in `doc`.
    this.scratch = new ScratchDoc(() => [this.state(), ...this.pending.map((w) => w.update)], deps.content);
  }

  /** Number of connected peers. */
  get size(): number {
    return this.peers.size;
  }

  /** Log rows (committed since the last snapshot) that a compaction would fold. */
  get logRows(): number {
    return this.logCount;
  }

  /** True when no peer is connected, nobody watches for changes and no write awaits its commit. */
  get isIdle(): boolean {
    return this.peers.size === 0 && this.pending.length === 0 && this.listeners.size === 0;
  }

  /** Adds a peer and starts the handshake: our state vector, then current presence. */
  join(peer: Peer, member: Member): void {
    if (this.failed) throw new CollabError('room_unavailable', 'room failed');
    this.peers.set(peer, member);
    this.presence.add(peer, member.presence);
    peer.send(protocol.encodeSyncStep1(this.committed.stateVector()));
    if (!this.presence.isEmpty) peer.send(this.presence.stateMessage());
  }

  /** Removes a peer and the presence it published. */
  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    this.presence.remove(peer);
    if (this.peers.size === 0) this.deps.onEmpty(this);
  }

  /** Handles one decoded message from a joined peer; throws CollabError to refuse it. */
  receive(peer: Peer, message: protocol.InboundMessage): void {
    switch (message.kind) {
      case 'sync-step1':
        peer.send(protocol.encodeSyncStep2(this.committed.diff(message.stateVector)));
        return;
      case 'sync-step2':
      case 'sync-update': {
        const member = this.peers.get(peer);
        // Read-only members still read; their writes are dropped without a word (R8, T17).
        if (member?.canWrite === true) this.write(peer, member, message.update);
        return;
      }
      case 'awareness':
        this.presence.apply(peer, message.update);
        return;
      case 'query-awareness':
        peer.send(this.presence.stateMessage());
        return;
      case 'ignored':
        return;
    }
  }

  /**
   * Closes every peer (e.g. on shutdown). Writes still in flight from them are ignored:
   * y-websocket clients resend whatever the server lacks when they reconnect.
   */
  closeAll(code: number, reason: string): void {
    this.closed = true;
    for (const peer of [...this.peers.keys()]) peer.close(code, reason);
  }

  /** Frees the documents; the room must not be used afterwards. */
  destroy(): void {
    this.destroyed = true;
    this.follower?.stop();
    this.deps.channel?.leave();
    this.presence.destroy();
    this.scratch.discard();
    this.committed.destroy();
  }

  /** The committed document's full encoded state, cached between changes (T23). */
  state(): Uint8Array {
    return this.committed.state();
  }

  /**
   * The committed document, for reading only (section progress, versions). Never mutate it:
   * changes go through {@link edit} so they are validated, stored and relayed.
   */
  read(): Y.Doc {
    return this.committed.doc();
  }

  /** Subscribes to changes of the committed document; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A server-side edit on behalf of `userId` (e.g. restoring a version): `change` runs on a
   * copy holding every accepted update; the resulting update takes the same path as a
   * client's (validated, stored, applied, relayed to every peer). Resolves once applied.
   */
  edit(userId: number, change: (doc: Y.Doc) => void): Promise<void> {
    if (this.closed || this.failed) return Promise.reject(new CollabError('room_unavailable', 'room closed'));
    const copy = new Y.Doc();
    try {
      Y.transact(copy, () => {
        for (const update of [this.state(), ...this.pending.map((w) => w.update)])
          Y.applyUpdate(copy, update);
      });
      const before = Y.encodeStateVector(copy);
      Y.transact(copy, () => change(copy));
      const update = Y.encodeStateAsUpdate(copy, before);
      return new Promise((resolve) => {
        if (!this.write(null, { userId, credential: SERVER_EDIT }, update, resolve)) resolve();
      });
    } finally {
      copy.destroy();
    }
  }

  private write(
    peer: Peer | null,
    writer: ClientWriter,
    update: Uint8Array,
    onApplied?: () => void,
  ): boolean {
    if (this.closed || isEmptyUpdate(update)) return false;
    const started = performance.now();
    const { userId } = writer;
    const claims = this.clientIds.check(update, writer, (id) => this.scratch.clockOf(id));
    const refusal = this.scratch.tryApply(update);
    if (refusal !== null) throw new CollabError(refusal.code, refusal.detail);
    if (claims.length > 0) {
      this.clientIds.bind(claims, writer);
      // Not in the update's transaction: a crash in between leaves the clientID unbound, not the text lost.
      this.deps.owners
        .claim(this.name, claims, writer)
        .catch((error: unknown) =>
          this.deps.log.error({ room: this.name, err: error }, 'clientID claim not stored'),
        );
    }
    const write: PendingWrite = {
      update,
      from: peer,
      userId,
      credential: writer.credential,
      status: 'pending',
      seq: null,
      onApplied,
    };
    this.pending.push(write);
    const handed = performance.now();
    this.deps.meter?.phase?.('validate', (handed - started) / 1000);
    this.deps.store.append(this.name, update).then(
      (seq) => {
        write.status = 'committed';
        write.seq = seq;
        this.deps.meter?.phase?.('wait', (performance.now() - handed) / 1000);
        // After the other writes of the same commit are marked too (their callbacks are
        // already queued), so one drain relays them together.
        if (this.drainQueued) return;
        this.drainQueued = true;
        queueMicrotask(() => {
          this.drainQueued = false;
          this.drain();
        });
      },
      (error: unknown) => this.fail(error),
    );
    return true;
  }

  /**
   * Applies and relays committed writes in arrival order. Writes committed together are
   * relayed as one merged update per peer where that saves work: in a busy draft one frame
   * (one send, one apply on the client) carries several keystrokes. A peer never gets its
   * own writes back, so their authors receive the others' writes one by one.
   */
  private drain(): void {
    if (this.destroyed) return; // unloaded at shutdown: the write is stored, nobody is left to see it
    const ready: PendingWrite[] = [];
    while (this.pending[0]?.status === 'committed') ready.push(this.pending.shift()!);
    if (ready.length === 0) return;
    const started = performance.now();
    // Each write was already applied once, to the scratch copy, to validate it; the committed
    // document folds it in when next read (a join, a progress reading).
    for (const { update } of ready) {
      this.committed.add(update);
      this.logCount += 1;
      this.logBytes += update.length;
    }
    this.relay(ready);
    this.publish(ready);
    this.deps.meter?.phase?.('relay', (performance.now() - started) / 1000);
    for (const { update, userId, onApplied } of ready) {
      onApplied?.();
      this.deps.onEdited?.(this, userId, update.length);
    }
    for (const listener of this.listeners) listener();
    this.maybeCompact();
  }

  /** Tells other instances of writes committed here (and applies theirs that waited on them). */
  private publish(writes: readonly PendingWrite[]): void {
    const numbered: RemoteUpdate[] = [];
    for (const { seq, userId, credential, update } of writes)
      if (seq !== null) numbered.push({ seq, userId, credential, data: update });
    this.follower?.committed(numbered);
  }

  /** Takes a message from another instance's room of this draft. */
  receiveRemote(message: RemoteMessage): void {
    if (this.destroyed || this.failed) return;
    if (message.kind === 'presence') this.presence.applyRemote(message.update);
    else this.follower?.received(message.updates);
  }

  /** Reads the shared log past what the room holds (a lost message, a reconnect, a head ahead). */
  catchUp(): Promise<void> {
    return this.follower?.catchUp() ?? Promise.resolve();
  }

  /** The number of the last update the room holds from a shared log (null when not shared). */
  get logHead(): number | null {
    return this.follower?.head ?? null;
  }

  /** Applies committed updates of other instances: the document, the scratch copy, local peers. */
  private applyRemote(updates: readonly RemoteUpdate[], owners: Map<number, ClientOwner> | null): void {
    if (owners !== null) this.clientIds.adoptAll(owners);
    if (updates.length === 0) return;
    for (const { data, userId, credential } of updates) {
      if (userId !== 0) this.clientIds.adopt(data, { userId, credential });
      this.scratch.absorb(data);
      this.committed.add(data);
      this.logCount += 1;
      this.logBytes += data.length;
    }
    const message = protocol.encodeSyncUpdate(
      updates.length === 1 ? updates[0]!.data : Y.mergeUpdates(updates.map((u) => u.data)),
    );
    for (const peer of this.peers.keys()) peer.send(message);
    for (const listener of this.listeners) listener();
    this.maybeCompact();
  }

  private relay(writes: readonly PendingWrite[]): void {
    if (writes.length === 1) {
      const { update, from } = writes[0]!;
      const message = protocol.encodeSyncUpdate(update);
      for (const peer of this.peers.keys()) if (peer !== from) peer.send(message);
      return;
    }
    // Merging costs more per update the more updates it takes: merge in bounded chunks.
    for (let i = 0; i < writes.length; i += MERGE_CHUNK) this.relayMerged(writes.slice(i, i + MERGE_CHUNK));
  }

  private relayMerged(writes: readonly PendingWrite[]): void {
    const message = protocol.encodeSyncUpdate(
      writes.length === 1 ? writes[0]!.update : Y.mergeUpdates(writes.map((w) => w.update)),
    );
    const authors = new Set(writes.map((w) => w.from));
    let single: Uint8Array[] | null = null;
    for (const peer of this.peers.keys()) {
      if (!authors.has(peer)) {
        peer.send(message);
        continue;
      }
      single ??= writes.map((w) => protocol.encodeSyncUpdate(w.update));
      writes.forEach((w, i) => {
        if (w.from !== peer) peer.send(single![i]!);
      });
    }
  }

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.deps.log.error({ room: this.name, err: error }, 'update could not be stored; closing room');
    this.pending.length = 0;
    // Clients keep their edits and resend them when they reconnect to a freshly loaded room.
    this.closeAll(CloseCode.TryAgainLater, 'room_unavailable');
    this.deps.onFailed(this);
  }

  private maybeCompact(): void {
    const { afterUpdates, afterBytes, minIntervalMs } = this.deps.compaction;
    const due = this.logCount >= afterUpdates || this.logBytes >= afterBytes;
    if (!due || this.compacting || this.failed) return;
    // Each compaction rebuilds the whole draft: during a burst (a paste, an import) let the
    // log grow rather than rebuild every few hundred milliseconds while peers need the CPU.
    if (performance.now() - this.lastCompactionAt < minIntervalMs) return;
    this.lastCompactionAt = performance.now();
    this.compacting = true;
    this.deps.store
      .compact(this.name)
      .then((result) => {
        this.logCount = Math.max(0, this.logCount - result.updates);
        this.logBytes = Math.max(0, this.logBytes - result.bytes);
      })
      .catch((error: unknown) => this.deps.log.error({ room: this.name, err: error }, 'compaction failed'))
      .finally(() => {
        this.compacting = false;
      });
  }
}
