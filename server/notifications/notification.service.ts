import type { Kysely } from 'kysely';
import type { Notification, NotificationList } from '../../shared/api/notifications.ts';
import { NOTIFICATION_EVENT } from '../../shared/api/notifications.ts';
import type { Database } from '../db/database.ts';
import { EventHub, type HubRelay } from '../events/event-hub.ts';
import type { NotificationRow, NotificationTable } from './notification.table.ts';
import type { Clock } from '../time/clock.ts';

/** What happened, for whom to read. */
export interface NewNotification {
  kind: NotificationTable['kind'];
  draftId: string;
  roundId?: number | null;
  commentId?: number | null;
  actorName?: string | null;
  /** A short excerpt (round title, answer, organisation name); cut to 200 characters. */
  text: string;
}

/** How many notifications a list shows. */
const LIST_SIZE = 50;

/** In-app notifications: stored per recipient, pushed live to their open pages. */
export class NotificationService {
  /** Open notification streams by user id. */
  readonly hub: EventHub<number>;

  constructor(
    private readonly db: Kysely<Database>,
    /** Draft titles (the drafts module answers). */
    private readonly titles: (ids: readonly string[]) => Promise<Map<string, { title: string }>>,
    /** Carries notifications to pages open on other instances. */
    private readonly clock: Clock,
    relay?: HubRelay,
  ) {
    this.hub = new EventHub<number>(relay);
  }

  /** Stores one notification for each recipient (once each) and pushes it to their open pages. */
  async notify(userIds: Iterable<number>, what: NewNotification): Promise<void> {
    const recipients = [...new Set(userIds)];
    if (recipients.length === 0) return;
    const base = {
      kind: what.kind,
      draft_id: what.draftId,
      round_id: what.roundId ?? null,
      comment_id: what.commentId ?? null,
      actor_name: what.actorName ?? null,
      text: what.text.length > 200 ? `${what.text.slice(0, 199)}…` : what.text,
      created_at: this.clock.now(),
      read_at: null,
    };
    const rows: NotificationRow[] = [];
    await this.db.transaction().execute(async (tx) => {
      // 10 values a row; SQLite's parameter cap allows well over 50 rows a statement.
      for (let at = 0; at < recipients.length; at += 50) {
        const batch = recipients.slice(at, at + 50).map((user_id) => ({ ...base, user_id }));
        rows.push(...(await tx.insertInto('notifications').values(batch).returningAll().execute()));
      }
    });
    const title = (await this.titles([what.draftId])).get(what.draftId)?.title ?? '';
    for (const row of rows) this.hub.publish(row.user_id, NOTIFICATION_EVENT, toNotification(row, title));
  }

  /** The newest notifications of a user and how many are unread. */
  async list(userId: number): Promise<NotificationList> {
    const rows = await this.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(LIST_SIZE)
      .execute();
    const { unread } = await this.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('unread'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    const titles = await this.titles([...new Set(rows.map((r) => r.draft_id))]);
    return {
      notifications: rows.map((row) => toNotification(row, titles.get(row.draft_id)?.title ?? '')),
      unread: Number(unread),
    };
  }

  /** Marks the user's notifications `ids` (or all of them) as read. */
  async markRead(
    userId: number,
    which: { ids?: readonly number[] | undefined; all?: boolean | undefined },
  ): Promise<void> {
    let query = this.db
      .updateTable('notifications')
      .set({ read_at: this.clock.now() })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (which.all !== true) {
      if (which.ids === undefined || which.ids.length === 0) return;
      query = query.where('id', 'in', which.ids);
    }
    await query.execute();
  }
}

function toNotification(row: NotificationRow, draftTitle: string): Notification {
  return {
    id: row.id,
    kind: row.kind,
    draftId: row.draft_id,
    draftTitle,
    roundId: row.round_id,
    commentId: row.comment_id,
    actorName: row.actor_name,
    text: row.text,
    createdAt: new Date(row.created_at).toISOString(),
    read: row.read_at !== null,
  };
}
