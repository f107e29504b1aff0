import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type {
  Comment,
  CreateCommentRequest,
  DispositionRequest,
  EditCommentRequest,
} from '../../shared/api/comments.ts';
import type { CommentEvent } from '../../shared/api/events.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Database } from '../db/database.ts';
import type { DraftTexts } from '../drafts/draft-text.ts';
import type { DraftService } from '../drafts/draft.service.ts';
import type { EventHub } from '../events/event-hub.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/app-error.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
import type { OrgService } from '../orgs/org.service.ts';
import type { RoundService } from '../rounds/round.service.ts';
import type { User, UserService } from '../users/user.service.ts';
import { readNewAnchor } from './comment-anchor.ts';
import { CommentAnswers } from './comment-answers.ts';
import { checkBody, checkReplacement } from './comment-body.ts';
import { CommentReader } from './comment.reader.ts';
import { findComment, insertComment, updateComment } from './comment.repository.ts';
import type { CommentRow } from './comment.table.ts';
import { DraftTextMap } from './draft-text-map.ts';
import type { Clock } from '../time/clock.ts';

/** What the comments service is built from. */
export interface CommentDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly drafts: DraftService;
  readonly access: AccessService;
  readonly rounds: RoundService;
  readonly texts: DraftTexts;
  readonly users: UserService;
  readonly orgs: OrgService;
  readonly events: EventHub<string>;
  readonly notifications: NotificationService;
  /** The Yjs state of a frozen version (the versions module answers). */
  readonly versionState: (draftId: string, number: number) => Promise<Uint8Array>;
}

/**
 * Comments and suggestions of invited organisations, replies, and the committee's answers.
 * They live outside the Yjs document, so commenting never needs write access to the text.
 */
export class CommentService {
  /** Listing and counting. */
  readonly reader: CommentReader;

  private readonly answers: CommentAnswers;

  constructor(private readonly deps: CommentDeps) {
    this.reader = new CommentReader(deps);
    this.answers = new CommentAnswers(deps, {
      root: (draftId, commentId) => this.root(draftId, commentId, true),
      publish: (row, draftOrgId) => this.publish('answered', row, draftOrgId),
    });
  }

  /** A new comment or suggestion on behalf of the author's invited organisation. */
  async create(user: User, draftId: string, request: CreateCommentRequest): Promise<Comment> {
    const draft = await this.visibleDraft(user.id, draftId);
    const { round, orgId } = await this.deps.rounds.commentingRound(user.id, draftId, request.orgId);
    const suggestion = request.kind === 'suggestion';
    const body = checkBody(request.body, suggestion);
    const replacement = suggestion ? checkReplacement(request.replacement ?? '') : null;
    if (!suggestion && request.replacement !== undefined)
      throw new ValidationError('validation_failed', 'Only a suggestion has replacement text');
    if ((request.start === undefined) !== (request.end === undefined))
      throw new ValidationError('validation_failed', 'A range needs both its start and its end');
    const { start, end } = request;
    // Organisations read and comment on the version sent out, not the committee's text in
    // progress: the range is read there. Its Yjs positions name characters the live draft
    // also holds (a version is an earlier state of it), so the committee sees the comment at
    // the same words, carried through the edits made since, or orphaned with its quote.
    const version = await this.versionDoc(draftId, round.version);
    let anchor: { sectionId: string | null; quote: string; prefix: string; suffix: string };
    if (start !== undefined && end !== undefined) {
      anchor = readNewAnchor(version, start, end, suggestion);
    } else {
      if (suggestion)
        throw new ValidationError('anchor_unresolved', 'A suggestion needs the text it rewords');
      const sectionId = request.sectionId;
      const known = sectionId !== undefined && new DraftTextMap(version).sectionOffset(sectionId) !== null;
      if (!known) throw new ValidationError('anchor_unresolved', 'No such section in the draft');
      anchor = { sectionId: sectionId ?? null, quote: '', prefix: '', suffix: '' };
    }
    if (suggestion && replacement === anchor.quote)
      throw new ValidationError('validation_failed', 'The suggestion does not change the text');
    const now = this.deps.clock.now();
    const row = await insertComment(this.deps.db, {
      draft_id: draftId,
      round_id: round.id,
      parent_id: null,
      org_id: orgId,
      author_id: user.id,
      kind: request.kind,
      body,
      replacement,
      section_id: anchor.sectionId,
      quote: anchor.quote,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      anchor_start: start ?? null,
      anchor_end: end ?? null,
      disposition_note: '',
      created_at: now,
      updated_at: now,
    });
    return this.publish('created', row, draft.orgId);
  }

  /** A reply in a comment's thread: by the committee, or by the comment's organisation while it may comment. */
  async reply(user: User, draftId: string, commentId: number, rawBody: string): Promise<Comment> {
    const draft = await this.visibleDraft(user.id, draftId);
    const parent = await this.root(draftId, commentId);
    const body = checkBody(rawBody);
    const committee = draft.access === 'edit';
    let orgId = draft.orgId;
    if (!committee) {
      const commenting = await this.deps.rounds.commentingRound(user.id, draftId, parent.org_id);
      if (commenting.round.id !== parent.round_id)
        throw new ConflictError('round_closed', 'That round is closed');
      orgId = commenting.orgId;
    }
    const now = this.deps.clock.now();
    const row = await insertComment(this.deps.db, {
      draft_id: draftId,
      round_id: parent.round_id,
      parent_id: parent.id,
      org_id: orgId,
      author_id: user.id,
      kind: 'comment',
      body,
      quote: '',
      prefix: '',
      suffix: '',
      disposition_note: '',
      created_at: now,
      updated_at: now,
    });
    const comment = await this.publish('created', row, draft.orgId, parent.org_id);
    if (committee && parent.author_id !== null && parent.author_id !== user.id)
      await this.deps.notifications.notify([parent.author_id], {
        kind: 'comment_replied',
        draftId,
        roundId: parent.round_id,
        commentId: parent.id,
        actorName: user.displayName,
        text: body,
      });
    return comment;
  }

  /** The author changes their comment's text while it is editable. */
  async edit(user: User, draftId: string, commentId: number, changes: EditCommentRequest): Promise<Comment> {
    const { row, draftOrgId } = await this.own(user, draftId, commentId);
    const next: Partial<CommentRow> = { updated_at: this.deps.clock.now() };
    if (changes.body !== undefined) next.body = checkBody(changes.body, row.kind === 'suggestion');
    if (changes.replacement !== undefined) {
      if (row.kind !== 'suggestion')
        throw new ValidationError('validation_failed', 'Only a suggestion has replacement text');
      next.replacement = checkReplacement(changes.replacement);
    }
    const updated = await updateComment(this.deps.db, row.id, next);
    return this.publish('updated', updated, draftOrgId, await this.threadOrg(updated));
  }

  /** The author withdraws their comment (and its thread) while it is editable. */
  async withdraw(user: User, draftId: string, commentId: number): Promise<void> {
    const { row, draftOrgId } = await this.own(user, draftId, commentId);
    const updated = await updateComment(this.deps.db, row.id, { withdrawn_at: this.deps.clock.now() });
    await this.publish('withdrawn', updated, draftOrgId, await this.threadOrg(updated));
  }

  /** The committee's answer; accepting a suggestion writes its replacement into the draft, once. */
  dispose(user: User, draftId: string, commentId: number, request: DispositionRequest): Promise<Comment> {
    return this.answers.dispose(user, draftId, commentId, request);
  }

  /** One answer for several comments (a group of the revision log); see {@link CommentAnswers.disposeMany}. */
  disposeMany(
    user: User,
    draftId: string,
    ids: readonly number[],
    request: DispositionRequest,
  ): Promise<void> {
    return this.answers.disposeMany(user, draftId, ids, request);
  }

  /** The version a round sent out, as a document to read ranges in. */
  private async versionDoc(draftId: string, number: number): Promise<Y.Doc> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await this.deps.versionState(draftId, number));
    return doc;
  }

  private async visibleDraft(userId: number, draftId: string) {
    try {
      const { row, access } = await this.deps.drafts.find(userId, draftId);
      return { orgId: row.org_id, access };
    } catch (error) {
      // A commenter of a sub-branch of this unit that was not invited hears why, not "no such draft".
      if (error instanceof NotFoundError) await this.refuseUninvited(userId, draftId);
      throw error;
    }
  }

  private async refuseUninvited(userId: number, draftId: string): Promise<void> {
    const located = await this.deps.drafts.locate(draftId);
    if (located === null) return;
    if ((await this.deps.rounds.invitedEver(userId, draftId)).size > 0)
      throw new ConflictError('round_closed', 'The round is closed; no more comments are taken');
    const under = new Set(
      (await this.deps.orgs.list()).filter((o) => o.parentId === located.orgId).map((o) => o.id),
    );
    const grants = await this.deps.users.grantsOf(userId);
    if (grants.some((g) => g.role === 'commenter' && under.has(g.orgId)))
      throw new ForbiddenError(
        'not_invited',
        'Your organisation is not invited to comment on this draft now',
      );
  }

  private async own(user: User, draftId: string, commentId: number) {
    const draft = await this.visibleDraft(user.id, draftId);
    const row = await findComment(this.deps.db, draftId, commentId);
    if (row === undefined || row.withdrawn_at !== null)
      throw new NotFoundError('comment_not_found', 'No such comment');
    if (row.author_id !== user.id) throw new ForbiddenError('forbidden', 'Only its author changes a comment');
    const committeeReply = row.org_id === draft.orgId;
    // The answer was given to these words: changing or withdrawing them would leave the
    // revision log answering something nobody wrote.
    if (row.disposition !== null)
      throw new ConflictError(
        'comment_locked',
        'The committee has answered this comment; it can no longer be changed',
      );
    if (!committeeReply && !(await this.deps.rounds.isEditable(row.round_id, row.org_id)))
      throw new ConflictError(
        'comment_locked',
        'The round is closed or your organisation has sent its comments',
      );
    return { row, draftOrgId: draft.orgId };
  }

  private async root(draftId: string, commentId: number, strict = false): Promise<CommentRow> {
    const row = await findComment(this.deps.db, draftId, commentId);
    if (row === undefined || row.withdrawn_at !== null)
      throw new NotFoundError('comment_not_found', 'No such comment');
    if (row.parent_id === null) return row;
    if (strict)
      throw new ValidationError('validation_failed', 'Replies are not answered; answer the comment');
    return this.root(draftId, row.parent_id);
  }

  private async threadOrg(row: CommentRow): Promise<number> {
    return row.parent_id === null
      ? row.org_id
      : (await findComment(this.deps.db, row.draft_id, row.parent_id))!.org_id;
  }

  /** Sends the change to open pages allowed to see the thread's organisation, and returns the comment. */
  private async publish(
    action: CommentEvent['action'],
    row: CommentRow,
    draftOrgId: number,
    threadOrg = row.org_id,
  ): Promise<Comment> {
    const [view, anchor] = await Promise.all([
      this.reader.viewer([row], draftOrgId),
      this.reader.anchorNow(row),
    ]);
    const comment = view(row, anchor);
    this.deps.events.publish(row.draft_id, 'comment', { action, comment } satisfies CommentEvent, threadOrg);
    return comment;
  }
}
