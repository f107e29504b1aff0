import * as Y from 'yjs';

/**
 * Folds a snapshot and log updates into one encoded state. It replays them into a Y.Doc and
 * encodes that, because one `Y.mergeUpdates` over a long log is quadratic (T21).
 */
export function buildSnapshot(updates: Iterable<Uint8Array>): { state: Uint8Array; stateVector: Uint8Array } {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
  } finally {
    doc.destroy();
  }
}
