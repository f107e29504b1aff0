import type { Generated, Selectable } from 'kysely';

/** The drafting committee's internal threads and replies (outside the Yjs document and any round). */
export interface DiscussionTable {
  id: Generated<number>;
  draft_id: string;
  /** The thread's first message, for replies. */
  parent_id: number | null;
  author_id: number | null;
  body: string;
  /** JSON array of the ids of users @mentioned. */
  mentions: Generated<string>;
  section_id: string | null;
  quote: Generated<string>;
  prefix: Generated<string>;
  suffix: Generated<string>;
  /** Base64 of `Y.encodeRelativePosition` (shared/comments/relative-position.ts); null for replies. */
  anchor_start: string | null;
  anchor_end: string | null;
  /** Milliseconds (bigint columns may read back as strings on PostgreSQL: read with Number). */
  created_at: number | string;
  resolved_at: number | string | null;
  resolved_by: number | null;
}

/** The discussions module's tables. */
export interface DiscussionTables {
  discussions: DiscussionTable;
}

/** A discussion row as read. */
export type DiscussionRow = Selectable<DiscussionTable>;
