import type { Comment, DispositionRequest } from '../../shared/api/comments.ts';
import { ConflictError } from '../http/app-error.ts';
import type { User } from '../users/user.service.ts';
import { applyReplacement } from './comment-anchor.ts';
import { checkAnswerNote } from './comment-body.ts';
import { updateComment } from './comment.repository.ts';
import type { CommentDeps } from './comment.service.ts';
import type { CommentRow } from './comment.table.ts';
import { anchorOf } from './comment.view.ts';

/** What answering needs from the comments service: a root comment by id, and telling open pages. */
export interface AnsweredRows {
  root(draftId: string, commentId: number): Promise<CommentRow>;
  publish(row: CommentRow, draftOrgId: number): Promise<Comment>;
}

/**
 * The drafting committee's answers to comments (tiếp thu, tiếp thu một phần, giải trình, ghi
 * nhận): one at a time, where accepting a suggestion writes it into the draft, or one answer
 * for a group; the author is told either way.
 */
export class CommentAnswers {
  constructor(
    private readonly deps: Pick<CommentDeps, 'db' | 'clock' | 'drafts' | 'texts' | 'notifications'>,
    private readonly rows: AnsweredRows,
  ) {}

  /** The committee's answer; accepting a suggestion writes its replacement into the draft, once. */
  async dispose(
    user: User,
    draftId: string,
    commentId: number,
    request: DispositionRequest,
  ): Promise<Comment> {
    const draft = await this.answerable(user, draftId);
    const row = await this.rows.root(draftId, commentId);
    const note = checkAnswerNote(request.value, request.note);
    const next: Partial<CommentRow> = answerRow(user, request, note, this.deps.clock.now());
    if (request.value === 'accepted' && row.kind === 'suggestion' && row.applied_at === null)
      Object.assign(next, await this.applySuggestion(user, row), { applied_at: next.disposition_at });
    const updated = await updateComment(this.deps.db, row.id, next);
    const comment = await this.rows.publish(updated, draft.org_id);
    await this.notifyAnswered(user, row, note);
    return comment;
  }

  /**
   * One answer for several comments of a draft (a group of the revision log). Unlike
   * `dispose`, an accepted suggestion's text is not written in: near-duplicate suggestions
   * reword the same text, and the committee writes the agreed wording once by hand.
   */
  async disposeMany(
    user: User,
    draftId: string,
    commentIds: readonly number[],
    request: DispositionRequest,
  ): Promise<void> {
    const draft = await this.answerable(user, draftId);
    const note = checkAnswerNote(request.value, request.note);
    const rows = await Promise.all(commentIds.map((id) => this.rows.root(draftId, id)));
    const changes = answerRow(user, request, note, this.deps.clock.now());
    for (const row of rows) {
      const updated = await updateComment(this.deps.db, row.id, changes);
      await this.rows.publish(updated, draft.org_id);
      await this.notifyAnswered(user, row, note);
    }
  }

  /** The draft, if the user answers its comments (the committee) and it is not final yet. */
  private async answerable(user: User, draftId: string) {
    const { row } = await this.deps.drafts.find(user.id, draftId, 'edit');
    if (row.status === 'final') throw new ConflictError('draft_final', 'The draft is final');
    return row;
  }

  /** Writes an accepted suggestion into the draft; the comment's new anchor is the new text. */
  private async applySuggestion(user: User, row: CommentRow): Promise<Partial<CommentRow>> {
    const anchor = anchorOf(row)!;
    let moved: ReturnType<typeof applyReplacement> = null;
    await this.deps.texts.edit(row.draft_id, user.id, (doc) => {
      moved = applyReplacement(doc, anchor, row.replacement ?? '');
    });
    if (moved === null)
      throw new ConflictError(
        'comment_orphaned',
        'The suggested text is no longer in the draft; edit it by hand',
      );
    const { start, end, quote } = moved as NonNullable<ReturnType<typeof applyReplacement>>;
    return { anchor_start: start, anchor_end: end, quote };
  }

  /** Tells the author (unless they answered themselves) that their comment was answered. */
  private async notifyAnswered(user: User, row: CommentRow, note: string): Promise<void> {
    if (row.author_id === null || row.author_id === user.id) return;
    await this.deps.notifications.notify([row.author_id], {
      kind: 'comment_answered',
      draftId: row.draft_id,
      roundId: row.round_id,
      commentId: row.id,
      actorName: user.displayName,
      text: note === '' ? row.body : note,
    });
  }
}

/** The columns an answer sets. */
function answerRow(user: User, request: DispositionRequest, note: string, at: number): Partial<CommentRow> {
  return {
    disposition: request.value,
    disposition_note: note,
    disposition_by: user.id,
    disposition_at: at,
  };
}
