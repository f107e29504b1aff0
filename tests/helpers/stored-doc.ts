import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
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

/**
 * Replays what a test server durably stored for `doc`, on whichever store it runs: its SQLite
 * file, or its PostgreSQL database (snapshot, then the log rows numbered after it).
 */
export async function readServerDoc(
  server: { readonly dataDir: string; readonly databaseUrl: string | undefined },
  doc: string,
): Promise<Y.Doc> {
  if (server.databaseUrl === undefined) return readStoredDoc(path.join(server.dataDir, 'vankien.db'), doc);
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    const snapshot = await client.query<{ state: Buffer; up_to: string }>(
      'select state, up_to from collab_snapshots where doc = $1',
      [doc],
    );
    const after = snapshot.rows[0]?.up_to ?? '0';
    const rows = await client.query<{ data: Buffer }>(
      'select data from collab_updates where doc = $1 and seq > $2 order by seq',
      [doc, after],
    );
    const ydoc = new Y.Doc();
    Y.transact(ydoc, () => {
      if (snapshot.rows[0] !== undefined) Y.applyUpdate(ydoc, snapshot.rows[0].state);
      for (const row of rows.rows) Y.applyUpdate(ydoc, row.data);
    });
    return ydoc;
  } finally {
    await client.end();
  }
}
