import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { updateDraft } from './draft.repository.ts';
import type { DraftRow } from './draft.table.ts';
import type { Clock } from '../time/clock.ts';

/** Who edited a draft's text last, and when. */
interface EditMark {
  userId: number;
  at: number;
}

/**
 * "Last edited by" for each draft, noted in memory on every accepted edit and written in one
 * transaction every few seconds (`flush`). Writing it with each edit cost a committed (fsynced)
 * transaction per keystroke batch whenever two people took turns typing: at 200 clients on 20
 * drafts, half of the main thread's busy time. Reads lay the newest unwritten
 * mark over the stored row, so nobody sees it late; a crash loses at most one interval of it
 * (never text: the update log is written before any edit is applied).
 */
export class DraftEditMarks {
  private readonly pending = new Map<string, EditMark>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** Notes an edit (memory only: this runs for every update the server accepts). */
  note(draftId: string, userId: number, at = this.clock.now()): void {
    this.pending.set(draftId, { userId, at });
  }

  /** The row with its draft's newest unwritten mark laid over it. */
  overlay(row: DraftRow): DraftRow {
    const mark = this.pending.get(row.id);
    return mark === undefined ? row : { ...row, last_edited_by: mark.userId, last_edited_at: mark.at };
  }

  /** Writes every unwritten mark in one transaction; marks that fail stay for the next flush. */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending];
    this.pending.clear();
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const [draftId, mark] of batch)
          await updateDraft(
            trx,
            draftId,
            { last_edited_by: mark.userId, last_edited_at: mark.at },
            this.clock.now(),
          );
      });
    } catch (error) {
      // Kept for the next flush, unless a newer edit was noted meanwhile.
      for (const [draftId, mark] of batch) if (!this.pending.has(draftId)) this.pending.set(draftId, mark);
      throw error;
    }
  }
}
