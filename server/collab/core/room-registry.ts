import type { Logger } from '../../logger.ts';
import { CollabError } from './collab-error.ts';
import type { ClientOwnerStore } from './client-owners.ts';
import type { CommitMeter } from './commit-meter.ts';
import type { ContentRule } from './content-rule.ts';
import type { DocStore } from './doc-store.ts';
import type { Fanout, FanoutChannel, RemoteMessage } from './fanout.ts';
import type { Member } from './member.ts';
import type { Peer } from './peer.ts';
import { Room, type CompactionPolicy } from './room.ts';

/** Settings of the registry and the rooms it creates. */
export interface RoomRegistryOptions {
  readonly store: DocStore;
  readonly owners: ClientOwnerStore;
  readonly log: Logger;
  /** How long a room without peers stays loaded. */
  readonly roomIdleMs: number;
  readonly compaction: CompactionPolicy;
  /** What documents may hold (the editor schema); every update is checked against it. */
  readonly content?: ContentRule | undefined;
  /** Called after a user's edit is applied to a room's document. */
  readonly onEdited?: ((doc: string, userId: number, bytes: number) => void) | undefined;
  /** Told how long each step of an edit took (metrics). */
  readonly meter?: CommitMeter | undefined;
  /** Channels to other instances serving the same drafts (with a shared log). */
  readonly fanout?: Fanout | undefined;
  /**
   * With a shared log, how often loaded rooms compare their place with the log's head: the
   * fan-out may drop a message silently, and the next one may be long in coming.
   */
  readonly headCheckMs?: number;
}

/**
 * The loaded rooms of one server (an instance, never a module global). A room is loaded
 * once however many peers join at the same time, answers nobody before its stored state is
 * in memory, and is unloaded when it has had no peer for `roomIdleMs`.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private loads = 0;
  private readonly stopWatching: () => void;

  constructor(private readonly options: RoomRegistryOptions) {
    const shared = options.store.shared;
    if (shared === undefined) {
      this.stopWatching = () => undefined;
      return;
    }
    const timer = setInterval(() => void this.checkHeads(), options.headCheckMs ?? 2000);
    timer.unref();
    const stopReconnect = options.fanout?.onReconnect(() => {
      for (const room of this.rooms.values()) void room.catchUp();
    });
    this.stopWatching = () => {
      clearInterval(timer);
      stopReconnect?.();
    };
  }

  /** Number of rooms in memory. */
  get size(): number {
    return this.rooms.size;
  }

  /** How many times a room was loaded from the store (for tests and metrics). */
  get loadCount(): number {
    return this.loads;
  }

  /** Whether a room is in memory. */
  has(name: string): boolean {
    return this.rooms.has(name);
  }

  /** Loads the room if needed and adds the peer to it (the handshake starts at once). */
  async join(name: string, peer: Peer, member: Member): Promise<Room> {
    const room = this.rooms.get(name) ?? (await this.load(name));
    // No await between here and join: an idle timer cannot unload the room in between.
    this.cancelIdle(name);
    room.join(peer, member);
    return room;
  }

  /**
   * Runs `use` with the room loaded (without joining it), e.g. to read or edit a draft from
   * a REST request; a room nobody is connected to is unloaded after the idle delay.
   */
  async withRoom<T>(name: string, use: (room: Room) => T | Promise<T>): Promise<T> {
    const room = this.rooms.get(name) ?? (await this.load(name));
    this.cancelIdle(name);
    try {
      return await use(room);
    } finally {
      if (room.size === 0) this.scheduleIdle(room);
    }
  }

  /** Closes every peer of every room, e.g. on shutdown. */
  closeAll(code: number, reason: string): void {
    for (const room of this.rooms.values()) room.closeAll(code, reason);
  }

  /**
   * Folds the logs of loaded rooms into snapshots, largest first, until `budgetMs` has passed
   * (on shutdown), so that after a restart rooms load from a lone snapshot.
   */
  async compactAll(budgetMs: number): Promise<void> {
    const deadline = performance.now() + budgetMs;
    const rooms = [...this.rooms.values()].filter((r) => r.logRows > 0).sort((a, b) => b.logRows - a.logRows);
    for (const room of rooms) {
      if (performance.now() > deadline) return;
      await this.compact(room.name);
    }
  }

  /** Unloads every room now (after closeAll, on shutdown). */
  unloadAll(): void {
    this.stopWatching();
    for (const name of [...this.rooms.keys()]) this.unload(name);
  }

  /** Rooms behind the shared log's head (a message was lost) read what they miss. */
  private async checkHeads(): Promise<void> {
    const shared = this.options.store.shared;
    if (shared === undefined || this.rooms.size === 0) return;
    try {
      const heads = await shared.heads([...this.rooms.keys()]);
      for (const [name, head] of heads) {
        const room = this.rooms.get(name);
        const held = room?.logHead ?? null;
        if (room !== undefined && held !== null && head > held) void room.catchUp();
      }
    } catch (error) {
      this.options.log.warn({ err: error }, 'could not read the shared log heads');
    }
  }

  /**
   * Listens to the draft's channel before its history is read, so nothing published between
   * the read and the subscription is missed; what arrives before the room exists is kept.
   */
  private async listen(
    name: string,
  ): Promise<{ channel: FanoutChannel | undefined; early: RemoteMessage[] }> {
    const early: RemoteMessage[] = [];
    const fanout = this.options.fanout;
    if (fanout === undefined || this.options.store.shared === undefined) return { channel: undefined, early };
    const channel = await fanout.join(name, (message) => {
      const room = this.rooms.get(name);
      if (room === undefined) early.push(message);
      else room.receiveRemote(message);
    });
    return { channel, early };
  }

  private load(name: string): Promise<Room> {
    let loading = this.loading.get(name);
    if (loading === undefined) {
      const started = performance.now();
      loading = this.listen(name)
        .then(async ({ channel, early }) => {
          const [stored, owners] = await Promise.all([
            this.options.store.load(name),
            this.options.owners.load(name),
          ]).catch((error: unknown) => {
            channel?.leave();
            throw error;
          });
          return { stored, owners, channel, early };
        })
        .then(({ stored, owners, channel, early }) => {
          const room = new Room(name, stored, owners, {
            store: this.options.store,
            owners: this.options.owners,
            log: this.options.log,
            compaction: this.options.compaction,
            content: this.options.content,
            onEmpty: (r) => this.scheduleIdle(r),
            onFailed: (r) => this.drop(r),
            onEdited: (r, userId, bytes) => this.options.onEdited?.(r.name, userId, bytes),
            meter: this.options.meter,
            channel,
          });
          this.loads += 1;
          this.rooms.set(name, room);
          for (const message of early) room.receiveRemote(message);
          // The Y.Doc is built lazily, so reading the stored history is the cost of a load.
          const readMs = Math.round((performance.now() - started) * 10) / 10;
          this.options.log.info({ room: name, readMs, logRows: stored.logCount }, 'room loaded');
          return room;
        })
        .catch((error: unknown) => {
          this.options.log.error({ room: name, err: error }, 'room could not be loaded');
          throw new CollabError('room_unavailable', `load failed: ${(error as Error).message}`);
        })
        .finally(() => this.loading.delete(name));
      this.loading.set(name, loading);
    }
    return loading;
  }

  private scheduleIdle(room: Room): void {
    if (this.rooms.get(room.name) !== room) return;
    this.cancelIdle(room.name);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.name);
      if (!room.isIdle) return room.size === 0 ? this.scheduleIdle(room) : undefined;
      const fold = room.logRows > 0;
      this.unload(room.name);
      // The next load then reads one snapshot instead of replaying the log.
      if (fold) void this.compact(room.name);
    }, this.options.roomIdleMs);
    timer.unref();
    this.idleTimers.set(room.name, timer);
  }

  private cancelIdle(name: string): void {
    const timer = this.idleTimers.get(name);
    if (timer !== undefined) clearTimeout(timer);
    this.idleTimers.delete(name);
  }

  private unload(name: string): void {
    const room = this.rooms.get(name);
    if (room === undefined) return;
    this.cancelIdle(name);
    this.rooms.delete(name);
    room.destroy();
    this.options.log.debug({ room: name }, 'room unloaded');
  }

  private compact(name: string): Promise<void> {
    return this.options.store.compact(name).then(
      () => undefined,
      (error: unknown) => this.options.log.error({ room: name, err: error }, 'compaction failed'),
    );
  }

  private drop(room: Room): void {
    if (this.rooms.get(room.name) === room) this.unload(room.name);
  }
}
