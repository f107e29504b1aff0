import type { CompactionResult, DocStore, StoredDoc } from '../../server/collab/core/doc-store.ts';
import { buildSnapshot } from '../../server/collab/store/snapshot-builder.ts';

interface Held {
  readonly doc: string;
  readonly update: Uint8Array;
  readonly resolve: (seq: null) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The in-memory DocStore. Commits can be held and then released or failed by the test, so
 * what a room does between "appended" and "committed" can be observed deterministically.
 */
export class MemoryDocStore implements DocStore {
  private readonly docs = new Map<
    string,
    { snapshot: { state: Uint8Array; stateVector: Uint8Array } | null; log: Uint8Array[] }
  >();
  private held: Held[] | null = null;

  ready(): Promise<void> {
    return Promise.resolve();
  }
  loads = 0;
  compactions = 0;

  /** From now on, appends wait until {@link release} or {@link failHeld}. */
  hold(): void {
    this.held ??= [];
  }

  /** Commits every held append, in order, and stops holding. */
  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const h of held) this.commit(h);
  }

  /** Fails every held append (as a full disk would) and stops holding. */
  failHeld(error = new Error('disk full')): void {
    const held = this.held ?? [];
    this.held = null;
    for (const h of held) h.reject(error);
  }

  /** Number of appends waiting for their commit. */
  get heldCount(): number {
    return this.held?.length ?? 0;
  }

  /** Every committed update of a document (snapshot excluded). */
  logOf(doc: string): readonly Uint8Array[] {
    return this.docs.get(doc)?.log ?? [];
  }

  load(doc: string): Promise<StoredDoc> {
    this.loads += 1;
    const entry = this.docs.get(doc);
    const log = entry?.log ?? [];
    const snapshot = entry?.snapshot ?? null;
    return Promise.resolve({
      updates: snapshot ? [snapshot.state, ...log] : [...log],
      stateVector: snapshot && log.length === 0 ? snapshot.stateVector : null,
      logCount: log.length,
      logBytes: log.reduce((n, u) => n + u.length, 0),
    });
  }

  append(doc: string, update: Uint8Array): Promise<number | null> {
    return new Promise((resolve, reject) => {
      const item = { doc, update, resolve, reject };
      if (this.held !== null) this.held.push(item);
      else queueMicrotask(() => this.commit(item));
    });
  }

  compact(doc: string): Promise<CompactionResult> {
    this.compactions += 1;
    const entry = this.docs.get(doc);
    if (entry === undefined || entry.log.length === 0) return Promise.resolve({ updates: 0, bytes: 0 });
    const folded = entry.log.splice(0);
    entry.snapshot = buildSnapshot(entry.snapshot ? [entry.snapshot.state, ...folded] : folded);
    return Promise.resolve({ updates: folded.length, bytes: folded.reduce((n, u) => n + u.length, 0) });
  }

  close(): Promise<void> {
    this.release();
    return Promise.resolve();
  }

  private commit({ doc, update, resolve }: Held): void {
    const entry = this.docs.get(doc) ?? { snapshot: null, log: [] };
    entry.log.push(update);
    this.docs.set(doc, entry);
    resolve(null);
  }
}
