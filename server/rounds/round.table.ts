import type { Generated, Selectable } from 'kysely';

/** Consultation rounds: a frozen version of a draft sent out for comments until a deadline. */
export interface RoundTable {
  id: Generated<number>;
  draft_id: string;
  version: number;
  title: string;
  /** Epoch milliseconds. */
  deadline: number;
  /** `open` until closed early or swept after its deadline (reads also check the deadline). */
  status: 'open' | 'closed';
  closed_reason: 'deadline' | 'closed_early' | null;
  opened_by: number | null;
  opened_at: number;
  closed_at: number | null;
  /** 1: the invited organisations may compare the version with the current text; 0: they read the version only. */
  allow_compare: Generated<number>;
}

/** The organisations invited to a round, and when each sent its comments. */
export interface RoundInvitationTable {
  round_id: number;
  org_id: number;
  submitted_by: number | null;
  submitted_at: number | null;
}

/** The rounds module's tables. */
export interface RoundTables {
  rounds: RoundTable;
  round_invitations: RoundInvitationTable;
}

/** A round row as read. */
export type RoundRow = Selectable<RoundTable>;
/** An invitation row as read. */
export type InvitationRow = Selectable<RoundInvitationTable>;
