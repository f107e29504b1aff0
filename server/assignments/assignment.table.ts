import type { Selectable } from 'kysely';

/** One outline section of a draft given to a member of the drafting subcommittee. */
export interface SectionAssignmentTable {
  draft_id: string;
  section_id: string;
  user_id: number;
  /** YYYY-MM-DD, a day in Vietnam's time zone. */
  due: string;
  assigned_by: number;
  assigned_at: number;
}

/** The assignments module's tables. */
export interface AssignmentTables {
  section_assignments: SectionAssignmentTable;
}

/** An assignment row as read. */
export type SectionAssignmentRow = Selectable<SectionAssignmentTable>;
