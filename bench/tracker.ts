/**
 * Edit → delivery bookkeeping for the load generator.
 *
 * All clients live in one process, so one monotonic clock timestamps both the local edit and
 * every peer's receipt. Receipt is detected on the peer's `afterTransaction` (origin === its
 * provider): `beforeState`/`afterState` give the new struct clocks per client (inserts), and
 * `deleteSet` gives the IDs deleted (delete-only edits carry no clock, so they are keyed by the
 * first ID they delete). This sees exactly what got integrated, whatever way the server
 * batched or merged updates, and costs nothing extra to decode.
 */
import type * as Y from 'yjs';

/** One tracked edit. */
interface EditRecord {
  t0: number;
  senderLocal: number;
  /** Per receiver (index within the draft): 1 once it has the edit. */
  seen: Uint8Array;
  got: number;
  lastAt: number;
}

/** Aggregated delivery numbers. */
export interface TrackerTotals {
  edits: number;
  expectedDeliveries: number;
  deliveries: number;
  missingDeliveries: number;
  incompleteEdits: number;
  /** Latency until the LAST peer of the draft had the edit (complete edits only). */
  editLatencies: number[];
  /** Latency of every single delivery. */
  deliveryLatencies: number[];
}

/** Tracks edits made while `active` and their arrival at every other client of the same draft. */
export class Tracker {
  active = false;
  private readonly records: EditRecord[] = [];
  private readonly inserts = new Map<number, { starts: number[]; recs: EditRecord[] }>();
  private readonly deletes = new Map<number, Map<number, EditRecord>>();
  private readonly deliveryLatencies: number[] = [];
  private pending = 0;

  /** Registers a local edit (call right after the transaction finished). */
  recordLocal(tr: Y.Transaction, senderLocal: number, draftSize: number, t0: number): void {
    if (!this.active || draftSize < 2) return;
    const cid = tr.doc.clientID;
    const rec: EditRecord = { t0, senderLocal, seen: new Uint8Array(draftSize), got: 0, lastAt: 0 };
    const before = tr.beforeState.get(cid) ?? 0;
    const after = tr.afterState.get(cid) ?? 0;
    if (after > before) {
      const entry = this.inserts.get(cid) ?? { starts: [], recs: [] };
      entry.starts.push(before); // clocks only grow, so the list stays sorted
      entry.recs.push(rec);
      this.inserts.set(cid, entry);
    } else {
      const first = tr.deleteSet.clients.get(cid)?.[0];
      if (first === undefined) return; // a no-op edit: nothing to deliver
      const map = this.deletes.get(cid) ?? new Map<number, EditRecord>();
      map.set(first.clock, rec);
      this.deletes.set(cid, map);
    }
    this.records.push(rec);
    this.pending += draftSize - 1;
  }

  /** Handles a remote transaction integrated by the client with index `receiverLocal`. */
  onRemote(tr: Y.Transaction, receiverLocal: number, now: number): void {
    for (const [cid, after] of tr.afterState) {
      const before = tr.beforeState.get(cid) ?? 0;
      if (after <= before) continue;
      const entry = this.inserts.get(cid);
      if (entry === undefined) continue;
      for (let i = lowerBound(entry.starts, before); i < entry.starts.length; i++) {
        if ((entry.starts[i] ?? Infinity) >= after) break;
        const rec = entry.recs[i];
        if (rec !== undefined) this.deliver(rec, receiverLocal, now);
      }
    }
    for (const [cid, items] of tr.deleteSet.clients) {
      const map = this.deletes.get(cid);
      if (map === undefined) continue;
      for (const item of items) {
        if (item.len <= map.size) {
          for (let c = item.clock; c < item.clock + item.len; c++) {
            const rec = map.get(c);
            if (rec !== undefined) this.deliver(rec, receiverLocal, now);
          }
        } else {
          for (const [c, rec] of map)
            if (c >= item.clock && c < item.clock + item.len) this.deliver(rec, receiverLocal, now);
        }
      }
    }
  }

  /** True when every tracked edit reached every peer. */
  get complete(): boolean {
    return this.pending === 0;
  }

  /** Totals over all tracked edits. */
  totals(): TrackerTotals {
    const editLatencies: number[] = [];
    let expected = 0;
    let incomplete = 0;
    for (const r of this.records) {
      const peers = r.seen.length - 1;
      expected += peers;
      if (r.got === peers) editLatencies.push(r.lastAt - r.t0);
      else incomplete++;
    }
    return {
      edits: this.records.length,
      expectedDeliveries: expected,
      deliveries: this.deliveryLatencies.length,
      missingDeliveries: expected - this.deliveryLatencies.length,
      incompleteEdits: incomplete,
      editLatencies,
      deliveryLatencies: this.deliveryLatencies,
    };
  }

  private deliver(rec: EditRecord, receiver: number, now: number): void {
    if (receiver === rec.senderLocal || rec.seen[receiver] === 1) return;
    rec.seen[receiver] = 1;
    rec.got++;
    rec.lastAt = now;
    this.pending--;
    this.deliveryLatencies.push(now - rec.t0);
  }
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
