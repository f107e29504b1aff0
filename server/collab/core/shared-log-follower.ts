import type { Logger } from '../../logger.ts';
import type { ClientOwner } from './client-owners.ts';
import type { SharedLog } from './doc-store.ts';
import type { FanoutChannel, RemoteUpdate } from './fanout.ts';
import { LogPosition } from './log-position.ts';

/** How long a hole in the numbered log may wait for its message before the room reads the log. */
const GAP_WAIT_MS = 100;

/** What a follower needs from its room and the outside. */
export interface FollowerDeps {
  readonly name: string;
  readonly log: SharedLog;
  readonly channel: FanoutChannel | undefined;
  readonly logger: Logger;
  /** The clientIDs' owners as stored (rows read from the log do not say who wrote them). */
  readonly owners: () => Promise<Map<number, ClientOwner>>;
  /** Applies other instances' committed updates, in number order. */
  readonly apply: (updates: readonly RemoteUpdate[], owners: Map<number, ClientOwner> | null) => void;
}

/**
 * Keeps a room in step with a log other instances append to: tells them what this instance
 * committed, applies what they committed strictly in number order, and reads from the log
 * whatever the fan-out did not bring (a hole left for {@link GAP_WAIT_MS}, a reconnect, a
 * head found ahead of the room).
 */
export class SharedLogFollower {
  private readonly position: LogPosition;
  private catchingUp: Promise<void> | null = null;
  private gapTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    head: number,
    private readonly deps: FollowerDeps,
  ) {
    this.position = new LogPosition(head);
  }

  /** The number of the last update the room holds. */
  get head(): number {
    return this.position.head;
  }

  /** This instance committed these numbered updates (already in the room): publish them. */
  committed(updates: readonly RemoteUpdate[]): void {
    for (const { seq } of updates) this.position.committed(seq);
    if (updates.length > 0) this.deps.channel?.publishUpdates(updates);
    this.advance(null);
  }

  /** Another instance's updates arrived over the fan-out. */
  received(updates: readonly RemoteUpdate[]): void {
    this.position.received(updates);
    this.advance(null);
  }

  /** Reads the log past the room's head and applies it. */
  catchUp(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.catchingUp ??= (async () => {
      try {
        const [rows, owners] = await Promise.all([
          this.deps.log.since(this.deps.name, this.position.head),
          this.deps.owners(),
        ]);
        if (this.stopped) return;
        this.position.received(rows.map((row) => ({ ...row, userId: 0, credential: '' })));
        this.advance(owners);
      } catch (error) {
        this.deps.logger.warn(
          { room: this.deps.name, err: error },
          'could not read the shared log; will retry',
        );
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  stop(): void {
    this.stopped = true;
    if (this.gapTimer !== null) clearTimeout(this.gapTimer);
  }

  private advance(owners: Map<number, ClientOwner> | null): void {
    if (this.stopped) return;
    const ready = this.position.takeReady();
    if (ready.length > 0 || owners !== null) this.deps.apply(ready, owners);
    if (!this.position.hasGap) {
      if (this.gapTimer !== null) clearTimeout(this.gapTimer);
      this.gapTimer = null;
      return;
    }
    this.gapTimer ??= setTimeout(() => {
      this.gapTimer = null;
      void this.catchUp();
    }, GAP_WAIT_MS);
  }
}
