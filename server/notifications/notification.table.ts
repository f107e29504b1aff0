import type { NOTIFICATION_KINDS } from '../../shared/api/notifications.ts';
import type { Generated, Selectable } from 'kysely';

/** In-app notifications, one row per recipient. */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: (typeof NOTIFICATION_KINDS)[number];
  draft_id: string;
  round_id: number | null;
  comment_id: number | null;
  actor_name: string | null;
  text: string;
  created_at: number;
  read_at: number | null;
}

/** The notifications module's tables. */
export interface NotificationTables {
  notifications: NotificationTable;
}

/** A notification row as read. */
export type NotificationRow = Selectable<NotificationTable>;
