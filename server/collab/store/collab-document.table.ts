import type { Generated, Insertable, Selectable } from 'kysely';

/** The append-only update log: one row per accepted Yjs update, in commit order. */
export interface CollabUpdateTable {
  id: Generated<number>;
  doc: string;
  data: Uint8Array;
  created_at: number;
  /** The row's number in its document's log (PostgreSQL); null in the single-writer SQLite log. */
  seq?: number | null;
}

/** How far each document's log is numbered (PostgreSQL; see migration 2026_12_09_1000). */
export interface CollabHeadTable {
  doc: string;
  seq: number;
}

/** One compacted state per document, covering every log row with `id <= up_to`. */
export interface CollabSnapshotTable {
  doc: string;
  state: Uint8Array;
  /** Y.encodeStateVector of `state`, so a room can greet peers before it builds a Y.Doc. */
  state_vector: Uint8Array;
  up_to: number;
  updated_at: number;
}

/** Which user first wrote structs with a Yjs clientID in a document (R13). */
export interface CollabClientOwnerTable {
  doc: string;
  client_id: number;
  user_id: number;
  /** The credential family that first wrote with it (see ClientOwner); null on rows older than that. */
  credential?: string | null;
}

/** The collab module's tables (it alone queries them). */
export interface CollabTables {
  collab_updates: CollabUpdateTable;
  collab_snapshots: CollabSnapshotTable;
  collab_client_owners: CollabClientOwnerTable;
  collab_heads: CollabHeadTable;
}

/** A log row as read. */
export type CollabUpdateRow = Selectable<CollabUpdateTable>;
/** A log row to insert. */
export type NewCollabUpdateRow = Insertable<CollabUpdateTable>;
