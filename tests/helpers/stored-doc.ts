import BetterSqlite3 from 'better-sqlite3';
import * as Y from 'yjs';

/**
 * Replays what is durably stored for `doc` (snapshot, then log rows), read through a
 * separate read-only connection, as a crash would leave it.
 */
export function readStoredDoc(file: string, doc: string): Y.Doc {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const snapshot = sqlite.prepare('SELECT state, up_to FROM collab_snapshots WHERE doc = ?').get(doc) as
      { state: Buffer; up_to: number } | undefined;
    const rows = sqlite
      .prepare('SELECT data FROM collab_updates WHERE doc = ? AND id > ? ORDER BY id')
      .all(doc, snapshot?.up_to ?? 0) as { data: Buffer }[];
    const ydoc = new Y.Doc();
    Y.transact(ydoc, () => {
      if (snapshot !== undefined) Y.applyUpdate(ydoc, snapshot.state);
      for (const row of rows) Y.applyUpdate(ydoc, row.data);
    });
    return ydoc;
  } finally {
    sqlite.close();
  }
}
