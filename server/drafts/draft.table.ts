import type { Generated, Selectable } from 'kysely';

/** Drafts: one document of one organisation; its text is a Yjs document in the collab log. */
export interface DraftTable {
  id: string;
  org_id: number;
  title: string;
  created_by: number | null;
  created_at: number;
  updated_at: number;
  /** The template (and its version) the draft was made from; null for a blank draft. */
  template_id: string | null;
  template_version: number | null;
  status: 'drafting' | 'consultation' | 'final';
  archived_at: number | null;
  /** Header fields as JSON (DraftHeader). */
  header: string | null;
  /** Who last edited the text, and when (recorded at most once a minute per draft and user). */
  last_edited_by: number | null;
  last_edited_at: number | null;
}

/** Each status change of a draft, with the reason when a final draft is reopened. */
export interface DraftStatusLogTable {
  id: Generated<number>;
  draft_id: string;
  from_status: DraftTable['status'];
  to_status: DraftTable['status'];
  user_id: number | null;
  reason: string | null;
  at: number;
}

/** The drafts module's tables. */
export interface DraftTables {
  drafts: DraftTable;
  draft_status_log: DraftStatusLogTable;
}

/** A draft row as read. */
export type DraftRow = Selectable<DraftTable>;
