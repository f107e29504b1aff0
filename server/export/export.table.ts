import type { Generated, Insertable, Selectable } from 'kysely';

/** One export of a draft (DOCX, PDF, Markdown or HTML), kept as a record of who took which text out. */
export interface DraftExportTable {
  id: Generated<number>;
  draft_id: string;
  user_id: number | null;
  format: 'docx' | 'pdf' | 'md' | 'html';
  /** A working copy (draft-marked) or the final text. */
  kind: 'working' | 'final';
  /** The version exported, or null for the live text. */
  version: number | null;
  profile: string;
  /** The round whose comments were included, if any. */
  round_id: number | null;
  bytes: number;
  /** JSON array of the warnings the export carried (e.g. empty required sections). */
  warnings: string;
  created_at: number;
}

/** The export module's tables. */
export interface ExportTables {
  draft_exports: DraftExportTable;
}

/** An export record as read. */
export type DraftExportRow = Selectable<DraftExportTable>;
/** An export record to store. */
export type NewDraftExport = Insertable<DraftExportTable>;
