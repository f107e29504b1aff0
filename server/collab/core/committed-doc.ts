import * as Y from 'yjs';
import type { Logger } from '../../logger.ts';
import { CollabError } from './collab-error.ts';
import type { StoredDoc } from './doc-store.ts';

/** Committed writes held back from the document at most (bounds memory). */
const BACKLOG_LIMIT = 256;

/**
 * A room's committed document: every update that is durable, and nothing else. It is built
 * lazily: a room whose peers only read is served from the stored snapshot bytes, so the first
 * join after a restart does not wait for a Y.Doc; and committed writes are folded in when it
 * is next read, many in one Yjs transaction, which costs about half as much per write as one
 * transaction each. Its full encoding is cached between changes (T23).
 */
export class CommittedDoc {
  private built: Y.Doc | null = null;
  private stored: readonly Uint8Array[];
  private readonly storedStateVector: Uint8Array | null;
  private encoded: Uint8Array | null = null;
  private backlog: Uint8Array[] = [];

  constructor(
    stored: StoredDoc,
    private readonly name: string,
    private readonly log: Logger,
  ) {
    this.stored = stored.updates;
    this.storedStateVector = stored.stateVector;
    // A lone snapshot is already the encoded state: the first join after a restart sends it as is.
    if (stored.updates.length === 1 && stored.logCount === 0) this.encoded = stored.updates[0]!;
  }

  /** Takes a committed update; it reaches the document when it is next read. */
  add(update: Uint8Array): void {
    this.backlog.push(update);
    this.encoded = null;
    // Reading the document folds the backlog into it (bounds the memory it holds).
    if (this.backlog.length >= BACKLOG_LIMIT) this.doc();
  }

  /** The state vector a joining peer is greeted with (from the snapshot while nothing is built). */
  stateVector(): Uint8Array {
    return this.built === null && this.backlog.length === 0 && this.storedStateVector !== null
      ? this.storedStateVector
      : Y.encodeStateVector(this.doc());
  }

  /** The full encoded state. */
  state(): Uint8Array {
    return (this.encoded ??= Y.encodeStateAsUpdate(this.doc()));
  }

  /** What a peer with `stateVector` lacks. */
  diff(stateVector: Uint8Array): Uint8Array {
    // An empty state vector (a fresh client) asks for everything: serve the cache.
    if (stateVector.length === 1 && stateVector[0] === 0) return this.state();
    try {
      if (this.built === null && this.encoded !== null) return Y.diffUpdate(this.encoded, stateVector);
      return Y.encodeStateAsUpdate(this.doc(), stateVector);
    } catch (error) {
      throw new CollabError('malformed_message', `bad state vector: ${(error as Error).message}`);
    }
  }

  /** The document, built and brought up to date. */
  doc(): Y.Doc {
    if (this.built === null) {
      const doc = new Y.Doc();
      Y.transact(doc, () => {
        for (const update of this.stored) Y.applyUpdate(doc, update);
      });
      if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
        // Never serve parked structs: clients would resync forever (R3). They stay in the log.
        this.log.error({ room: this.name }, 'stored history has gaps; serving what integrates');
        doc.store.pendingStructs = null;
        doc.store.pendingDs = null;
        this.encoded = null;
      }
      this.built = doc;
      this.stored = [];
    }
    if (this.backlog.length > 0) {
      const updates = this.backlog;
      this.backlog = [];
      // One transaction for all: Yjs' per-transaction work (cleanup, merging structs) is paid once.
      Y.transact(this.built, () => {
        for (const update of updates) Y.applyUpdate(this.built!, update);
      });
    }
    return this.built;
  }

  destroy(): void {
    this.built?.destroy();
  }
}
