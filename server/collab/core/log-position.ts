import type { RemoteUpdate } from './fanout.ts';

/**
 * A room's place in a shared, numbered log (several instances append to it): which numbers
 * the room's document holds. Other instances' updates are applied strictly in number order,
 * so none ever waits in Yjs for history it lacks; this room's own commits are in the document
 * already and are stepped over. A number neither here nor received is a gap, which the room
 * fills from the log.
 */
export class LogPosition {
  private applied: number;
  /** Numbers above `applied` committed by this instance (already in the document). */
  private readonly local = new Set<number>();
  /** Other instances' updates above `applied + 1`, waiting for the ones before them. */
  private readonly ahead = new Map<number, RemoteUpdate>();

  constructor(head: number) {
    this.applied = head;
  }

  /** Every update numbered up to this is in the document. */
  get head(): number {
    return this.applied;
  }

  /** Whether updates past a missing number are held (the missing one must be fetched). */
  get hasGap(): boolean {
    return this.local.size > 0 || this.ahead.size > 0;
  }

  /** This instance committed (and applied) update `seq`. */
  committed(seq: number): void {
    if (seq > this.applied) this.local.add(seq);
  }

  /** Other instances' updates arrived (from the fan-out or the log); repeats are ignored. */
  received(updates: readonly RemoteUpdate[]): void {
    for (const update of updates)
      if (update.seq > this.applied && !this.local.has(update.seq)) this.ahead.set(update.seq, update);
  }

  /** Takes the received updates that are next in order, stepping over this instance's own. */
  takeReady(): RemoteUpdate[] {
    const ready: RemoteUpdate[] = [];
    for (;;) {
      const next = this.applied + 1;
      if (this.local.delete(next)) {
        this.applied = next;
        continue;
      }
      const update = this.ahead.get(next);
      if (update === undefined) return ready;
      this.ahead.delete(next);
      ready.push(update);
      this.applied = next;
    }
  }
}
