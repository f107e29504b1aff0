import type { Generated, Selectable } from 'kysely';
import type { CommentKind, Disposition } from '../../shared/api/comments.ts';

/** Comments, suggestions and replies made in consultation rounds (outside the Yjs document). */
export interface CommentTable {
  id: Generated<number>;
  draft_id: string;
  round_id: number;
  /** The thread's first comment, for replies. */
  parent_id: number | null;
  /** The organisation the author speaks for. */
  org_id: number;
  author_id: number | null;
  kind: CommentKind;
  body: string;
  replacement: string | null;
  section_id: string | null;
  quote: string;
  prefix: string;
  suffix: string;
  /** Base64 of `Y.encodeRelativePosition` (shared/comments/relative-position.ts); null for section comments and replies. */
  anchor_start: string | null;
  anchor_end: string | null;
  created_at: number;
  updated_at: number;
  /** Withdrawn by its author: kept for the record, shown to nobody. */
  withdrawn_at: number | null;
  disposition: Disposition | null;
  disposition_note: string;
  disposition_by: number | null;
  disposition_at: number | null;
  /** When an accepted suggestion's replacement was written into the draft. */
  applied_at: number | null;
}

/** The comments module's tables. */
export interface CommentTables {
  comments: CommentTable;
}

/** A comment row as read. */
export type CommentRow = Selectable<CommentTable>;
