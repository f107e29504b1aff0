import type { Selectable } from 'kysely';

/** Frozen, numbered drafts ("Dự thảo lần N"). */
export interface DraftVersionTable {
  draft_id: string;
  number: number;
  /** Y.encodeStateAsUpdate of the draft at that moment. */
  state: Uint8Array;
  /** The text as ProseMirror JSON (what is shown, diffed and restored). */
  content: string;
  note: string;
  created_by: number | null;
  created_at: number;
}

/** Who restored which version of a draft, when (a restore is an edit, not a version). */
export interface DraftRestoreTable {
  id: import('kysely').Generated<number>;
  draft_id: string;
  version: number;
  restored_by: number | null;
  restored_at: number;
}

/** Automatic snapshots taken while people edit (not numbered versions). */
export interface DraftSnapshotTable {
  id: import('kysely').Generated<number>;
  draft_id: string;
  /** The Yjs changes since the draft's previous snapshot (the first: the whole state). */
  delta: Uint8Array;
  /** The draft's state vector at the snapshot (where the next delta starts). */
  state_vector: Uint8Array;
  /** JSON: `[{ userId, updates, bytes }]`, who edited in the span and how much. */
  editors: string;
  started_at: number;
  created_at: number;
}

/** The versions module's tables. */
export interface VersionTables {
  draft_versions: DraftVersionTable;
  draft_restores: DraftRestoreTable;
  draft_snapshots: DraftSnapshotTable;
}

/** A version row as read. */
export type DraftVersionRow = Selectable<DraftVersionTable>;
