import type { Disposition } from '../../shared/api/comments.ts';

/** An answer being written to one comment. */
export interface AnswerDraft {
  /** The disposition chosen so far. */
  readonly value: Disposition | null;
  /** The committee's note typed so far. */
  readonly note: string;
  /** The time of the answer the comment had when this one was begun (null: unanswered). */
  readonly basedOn: string | null;
}

/**
 * Half-written answers by comment, kept by the page rather than by the answer form: a card
 * collapses when another is picked and is made anew when a filter hides and shows it, and
 * the committee member's choice and note must still be there when they come back. A draft
 * begun on an answer a colleague has since replaced is dropped (theirs is newer).
 */
export class AnswerDrafts {
  private readonly byComment = new Map<number, AnswerDraft>();

  /** The draft for a comment whose current answer is dated `answeredAt`, if one is still valid. */
  take(commentId: number, answeredAt: string | null): AnswerDraft | null {
    const draft = this.byComment.get(commentId);
    if (draft === undefined) return null;
    if (draft.basedOn === answeredAt) return draft;
    this.byComment.delete(commentId);
    return null;
  }

  /** Keeps what is being written to a comment. */
  keep(commentId: number, draft: AnswerDraft): void {
    this.byComment.set(commentId, draft);
  }

  /** Forgets a comment's draft (saved, or the comment is gone). */
  drop(commentId: number): void {
    this.byComment.delete(commentId);
  }
}
