import type { Kysely } from 'kysely';
import type {
  CreateDiscussionRequest,
  Discussion,
  DiscussionEvent,
  DiscussionList,
  DiscussionMembers,
} from '../../shared/api/discussions.ts';
import type { AccessService } from '../access/access.service.ts';
import { isOrphaned, readNewAnchor } from '../comments/comment-anchor.ts';
import { checkBody } from '../comments/comment-body.ts';
import { anchorOf } from '../comments/comment.view.ts';
import { DraftTextMap } from '../comments/draft-text-map.ts';
import type { Database } from '../db/database.ts';
import type { DraftTexts } from '../drafts/draft-text.ts';
import type { DraftService } from '../drafts/draft.service.ts';
import type { EventHub } from '../events/event-hub.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/app-error.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
import type { User, UserService } from '../users/user.service.ts';
import { findDiscussion, insertDiscussion, listDiscussions, setResolved } from './discussion.repository.ts';
import type { DiscussionRow } from './discussion.table.ts';
import { mentionsOf, toDiscussion } from './discussion.view.ts';
import type { Clock } from '../time/clock.ts';

/** What the discussions module needs from the others. */
export interface DiscussionDeps {
  readonly db: Kysely<Database>;
  readonly drafts: DraftService;
  readonly access: AccessService;
  readonly texts: DraftTexts;
  readonly users: Pick<UserService, 'findById' | 'namesOf' | 'withRole'>;
  readonly notifications: NotificationService;
  /** Server-sent events of draft pages; these go to the committee's streams only. */
  readonly events: EventHub<string>;
  readonly clock: Clock;
}

/**
 * The drafting committee's internal threads (trao đổi nội bộ) on words of a draft: replies,
 * @mentions that notify, and resolving. Only those who see every organisation's comments
 * (the unit's drafters and secretary, and admins overseeing it) read or write them; they
 * belong to no round, so commenters and the revision log never meet them. The anchoring
 * (Yjs positions plus quote) is the comments module's, read from the live draft the same way.
 */
export class DiscussionService {
  constructor(private readonly deps: DiscussionDeps) {}

  /** Every thread of the draft, each followed by its replies. */
  async list(userId: number, draftId: string): Promise<DiscussionList> {
    await this.committee(userId, draftId);
    const rows = await listDiscussions(this.deps.db, draftId);
    const orphaned = await this.deps.texts.read(draftId, (doc) => {
      const map = new DraftTextMap(doc);
      return new Set(
        rows.filter((r) => r.parent_id === null && isOrphaned(map, doc, anchorOf(r))).map((r) => r.id),
      );
    });
    const names = await this.names(rows);
    const byThread = new Map<number, DiscussionRow[]>();
    for (const row of rows) {
      const root = row.parent_id ?? row.id;
      byThread.set(root, [...(byThread.get(root) ?? []), row]);
    }
    return {
      discussions: [...byThread.values()].flat().map((r) => toDiscussion(r, names, orphaned.has(r.id))),
    };
  }

  /** Who may be @mentioned: the drafters and the secretary of the draft's unit, by name. */
  async members(userId: number, draftId: string): Promise<DiscussionMembers> {
    const { row } = await this.committee(userId, draftId);
    const [drafters, secretaries] = await Promise.all([
      this.deps.users.withRole('drafter', [row.org_id]),
      this.deps.users.withRole('secretary', [row.org_id]),
    ]);
    const names = await this.deps.users.namesOf([...drafters, ...secretaries]);
    const members = [...names].map(([id, name]) => ({ id, name }));
    members.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    return { members };
  }

  /** A new thread on the words between two positions of the live draft. */
  async create(user: User, draftId: string, request: CreateDiscussionRequest): Promise<Discussion> {
    const { row: draft } = await this.committee(user.id, draftId, true);
    const body = checkBody(request.body);
    const mentions = await this.checkMentions(draftId, draft.org_id, request.mentions);
    const anchor = await this.deps.texts.read(draftId, (doc) =>
      readNewAnchor(doc, request.start, request.end, false),
    );
    const row = await insertDiscussion(this.deps.db, {
      draft_id: draftId,
      parent_id: null,
      author_id: user.id,
      body,
      mentions: JSON.stringify(mentions),
      section_id: anchor.sectionId,
      quote: anchor.quote,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      anchor_start: request.start,
      anchor_end: request.end,
      created_at: this.deps.clock.now(),
    });
    return this.announce('created', row, user, mentions);
  }

  /** A reply in a thread (a reply to a reply joins the same thread). */
  async reply(
    user: User,
    draftId: string,
    discussionId: number,
    request: { body: string; mentions?: number[] | undefined },
  ): Promise<Discussion> {
    const { row: draft } = await this.committee(user.id, draftId, true);
    const root = await this.root(draftId, discussionId);
    const body = checkBody(request.body);
    const mentions = await this.checkMentions(draftId, draft.org_id, request.mentions);
    const row = await insertDiscussion(this.deps.db, {
      draft_id: draftId,
      parent_id: root.id,
      author_id: user.id,
      body,
      mentions: JSON.stringify(mentions),
      section_id: root.section_id,
      anchor_start: null,
      anchor_end: null,
      created_at: this.deps.clock.now(),
    });
    return this.announce('created', row, user, mentions);
  }

  /** Resolves a thread, or opens it again. */
  async resolve(user: User, draftId: string, discussionId: number, resolved: boolean): Promise<Discussion> {
    await this.committee(user.id, draftId, true);
    const root = await this.root(draftId, discussionId);
    // Already so: answer with its state and tell nobody anything new.
    if ((root.resolved_at !== null) === resolved) return this.view(root);
    const row = await setResolved(
      this.deps.db,
      root.id,
      resolved ? { at: this.deps.clock.now(), by: user.id } : null,
    );
    return this.announce(resolved ? 'resolved' : 'reopened', row, user, []);
  }

  /** The draft, if the user sees every organisation's comments; a commenter is refused (403), others get 404. */
  private async committee(userId: number, draftId: string, write = false) {
    const found = await this.deps.drafts.find(userId, draftId);
    if (found.access !== 'edit' && found.access !== 'read')
      throw new ForbiddenError(
        'forbidden',
        'Only the drafting committee reads and writes its internal threads',
      );
    if (write && found.row.status === 'final') throw new ConflictError('draft_final', 'The draft is final');
    return found;
  }

  private async root(draftId: string, id: number): Promise<DiscussionRow> {
    const row = await findDiscussion(this.deps.db, draftId, id);
    if (row === undefined) throw new NotFoundError('discussion_not_found', 'No such discussion');
    if (row.parent_id === null) return row;
    const root = await findDiscussion(this.deps.db, draftId, row.parent_id);
    if (root === undefined) throw new NotFoundError('discussion_not_found', 'No such discussion');
    return root;
  }

  /** Each mentioned user must exist and be able to read the thread (else they could not follow the link). */
  private async checkMentions(
    draftId: string,
    orgId: number,
    ids: readonly number[] | undefined,
  ): Promise<number[]> {
    const unique = [...new Set(ids ?? [])];
    for (const id of unique) {
      const exists = (await this.deps.users.findById(id)) !== null;
      const access = exists ? await this.deps.access.resolveIn(id, draftId, orgId) : null;
      if (access !== 'edit' && access !== 'read')
        throw new ValidationError(
          'mention_invalid',
          `mentions: user ${id} is not a member of the drafting committee of this draft`,
        );
    }
    return unique;
  }

  /** Publishes the change to the committee's open pages and notifies those mentioned. */
  private async announce(
    action: DiscussionEvent['action'],
    row: DiscussionRow,
    user: User,
    mentions: readonly number[],
  ): Promise<Discussion> {
    const discussion = await this.view(row);
    this.deps.events.publish(
      row.draft_id,
      'discussion',
      { action, discussion } satisfies DiscussionEvent,
      'committee',
    );
    const recipients = mentions.filter((id) => id !== user.id);
    if (recipients.length > 0)
      await this.deps.notifications.notify(recipients, {
        kind: 'discussion_mentioned',
        draftId: row.draft_id,
        actorName: user.displayName,
        text: row.parent_id === null && row.quote !== '' ? `“${row.quote}”: ${row.body}` : row.body,
      });
    return discussion;
  }

  private async view(row: DiscussionRow): Promise<Discussion> {
    const names = await this.names([row]);
    return toDiscussion(row, names, false);
  }

  private names(rows: readonly DiscussionRow[]) {
    return this.deps.users.namesOf(rows.flatMap((r) => [r.author_id, r.resolved_by, ...mentionsOf(r)]));
  }
}
