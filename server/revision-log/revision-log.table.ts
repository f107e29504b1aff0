import type { Generated, Selectable } from 'kysely';
import type { Disposition } from '../../shared/api/comments.ts';

/** A group of comments the committee saved: merged or split by hand, worded, answered. */
export interface RevisionGroupTable {
  id: Generated<number>;
  round_id: number;
  section_id: string | null;
  /** The committee's wording of what the group asks; empty until written. */
  summary: string;
  disposition: Disposition | null;
  answer: string;
  updated_by: number | null;
  updated_at: number;
}

/** Which comments a saved group holds (a comment is in at most one). */
export interface RevisionGroupMemberTable {
  comment_id: number;
  group_id: number;
}

/** The narrative report of a round as the secretary edited it. */
export interface RevisionReportTable {
  round_id: number;
  text: string;
  updated_by: number | null;
  updated_at: number;
}

/** The revision log module's tables. */
export interface RevisionLogTables {
  revision_groups: RevisionGroupTable;
  revision_group_members: RevisionGroupMemberTable;
  revision_reports: RevisionReportTable;
}

/** A saved group as read. */
export type RevisionGroupRow = Selectable<RevisionGroupTable>;
/** A stored report as read. */
export type RevisionReportRow = Selectable<RevisionReportTable>;
