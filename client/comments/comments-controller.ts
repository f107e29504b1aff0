import type { DraftAccess } from '../../shared/access.ts';
import type { Comment } from '../../shared/api/comments.ts';
import { toThreads, type CommentThread } from './threads.ts';
import { CommentEvent, RoundEvent } from '../../shared/api/events.ts';
import type { Invitation, Round } from '../../shared/api/rounds.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { ApiError } from '../api/api-client.ts';
import { listRounds, roundsOverview } from '../rounds/rounds-api.ts';
import { listComments } from './comments-api.ts';
import type { EventStream } from '../api/event-stream.ts';
import { StreamWatcher } from '../drafts/draft-events-controller.ts';

export type { CommentThread } from './threads.ts';

/**
 * A draft's comments and its consultation round, kept current: the list over REST, then the
 * `comment` and `round` events of the page's shared stream. A dropped stream may have missed
 * events, so everything is read again when it comes back. The committee and those overseeing
 * the draft see every organisation's comments; a commenter sees their own organisation's.
 */
export class CommentsController extends StreamWatcher {
  /** What the user may do with the draft; set by the page before the stream opens. */
  access: DraftAccess = 'read';
  /** The newest round on the draft, open or closed; null when there is none. */
  round: Round | null = null;
  /** The user's invited organisation in that round and its state (commenters only). */
  mine: Invitation | null = null;
  /** Whether the first list arrived. */
  loaded = false;
  /** Why the last load failed, if it did. */
  error: ErrorCode | 'network_error' | null = null;

  private comments = new Map<number, Comment>();
  private readonly withdrawn = new Set<number>();
  private cachedThreads: CommentThread[] | null = null;
  private myOrgCache: { from: readonly CommentThread[]; mine: Invitation; value: Invitation } | null = null;
  private draftId: string | null = null;
  /** Events that arrived while a list was on its way, replayed on top of it. */
  private pending: CommentEvent[] | null = null;

  /**
   * The user's organisation in the round with its counts taken from the live list (the
   * invitation was read once; comments added or withdrawn since change them).
   */
  get myOrg(): Invitation | null {
    const mine = this.mine;
    if (mine === null || !this.loaded) return mine;
    const key = this.threads;
    if (this.myOrgCache?.from === key && this.myOrgCache.mine === mine) return this.myOrgCache.value;
    const roots = key.filter((t) => t.root.orgId === mine.orgId).map((t) => t.root);
    const state = mine.state === 'submitted' ? 'submitted' : roots.length > 0 ? 'in_progress' : 'not_started';
    const answered = roots.filter((r) => r.disposition !== null).length;
    const value = { ...mine, state, comments: roots.length, answered } satisfies Invitation;
    this.myOrgCache = { from: key, mine, value };
    return value;
  }

  /** The round open for comments now, if any. */
  get openRound(): Round | null {
    return this.round?.status === 'open' ? this.round : null;
  }

  /** Whether the user may add comments now: a commenter, in an open round, not yet submitted. */
  get canComment(): boolean {
    return (
      this.access === 'comment' &&
      this.openRound !== null &&
      this.mine !== null &&
      this.mine.state !== 'submitted'
    );
  }

  /** Threads in the order the server lists them (document order of sections), replies oldest first. */
  get threads(): readonly CommentThread[] {
    this.cachedThreads ??= toThreads(this.comments.values());
    return this.cachedThreads;
  }

  watch(draftId: string, stream: EventStream): void {
    this.unfollow();
    if (draftId !== this.draftId) this.reset();
    this.draftId = draftId;
    this.follow([
      stream.on('comment', CommentEvent, (event) => this.apply(event)),
      stream.on('round', RoundEvent, (event) => this.onRound(event)),
      stream.onReopen(() => void this.reload()),
    ]);
    void this.reload();
  }

  /** Reads the comments, the rounds and the user's submission state again. */
  async reload(): Promise<void> {
    const draftId = this.draftId;
    if (draftId === null) return;
    this.pending = [];
    try {
      // The comments are the point; without the round the page still shows them.
      const [list, rounds, overview] = await Promise.all([
        listComments(draftId),
        listRounds(draftId).catch(() => null),
        this.access === 'comment' ? roundsOverview().catch(() => null) : null,
      ]);
      if (draftId !== this.draftId) return;
      this.round = rounds?.rounds[0]?.round ?? null;
      const roundId = this.round?.id;
      this.mine = overview?.rounds.find((r) => r.round.id === roundId)?.mine ?? null;
      this.comments = new Map(list.comments.map((c) => [c.id, c]));
      for (const event of this.pending) this.take(event);
      this.loaded = true;
      this.error = null;
    } catch (error) {
      this.error = error instanceof ApiError ? error.code : 'network_error';
    } finally {
      this.pending = null;
      this.changed();
    }
  }

  /** Takes a comment's newer state (from the user's own action or an event). */
  upsert(comment: Comment): void {
    if (this.withdrawn.has(comment.id)) return;
    const known = this.comments.get(comment.id);
    if (known !== undefined && known.updatedAt > comment.updatedAt) return;
    // An organisation reads the round's version, where its ranges hold: the events tell where
    // they stand in the committee's current text, which is not what this page shows.
    const shown = this.access === 'comment' ? { ...comment, orphaned: false, nowReads: null } : comment;
    this.comments.set(comment.id, shown);
    this.changed();
  }

  /** Drops a withdrawn comment and its replies. */
  remove(commentId: number): void {
    this.withdrawn.add(commentId);
    this.comments.delete(commentId);
    for (const [id, c] of this.comments) if (c.parentId === commentId) this.comments.delete(id);
    this.changed();
  }

  /** Takes the user's organisation's new state (after "Gửi góp ý"); its comments are read-only now. */
  submitted(invitation: Invitation): void {
    this.mine = invitation;
    for (const c of this.comments.values())
      if (c.orgId === invitation.orgId && c.editable) this.comments.set(c.id, { ...c, editable: false });
    this.changed();
  }

  private apply(event: CommentEvent): void {
    this.pending?.push(event);
    this.take(event);
  }

  private take(event: CommentEvent): void {
    if (event.action === 'withdrawn') this.remove(event.comment.id);
    else this.upsert(event.comment);
  }

  private onRound(event: RoundEvent): void {
    if (this.round === null || event.round.id >= this.round.id) this.round = event.round;
    if (event.invitation !== null && event.invitation.orgId === this.mine?.orgId)
      this.mine = event.invitation;
    this.changed();
    // Opening or closing a round changes which comments are editable; the list says so.
    if (event.action !== 'submitted') void this.reload();
  }

  private reset(): void {
    this.comments = new Map();
    this.withdrawn.clear();
    this.round = null;
    this.mine = null;
    this.loaded = false;
    this.error = null;
  }

  private changed(): void {
    this.cachedThreads = null;
    this.host.requestUpdate();
  }
}
