import { z } from 'zod';
import { DraftId } from './drafts.ts';

/**
 * What a notification tells: a round opened for the user's organisation, the committee
 * answered (or replied to) one of their organisation's comments, or an organisation sent its
 * comments on a draft the user drafts, or the secretary assigned the user a section to write,
 * or a committee member @mentioned the user in an internal thread.
 */
export const NOTIFICATION_KINDS = [
  'round_opened',
  'comment_answered',
  'comment_replied',
  'org_submitted',
  'section_assigned',
  'discussion_mentioned',
] as const;

/** An in-app notification. */
export const Notification = z
  .object({
    id: z.number().int(),
    kind: z.enum(NOTIFICATION_KINDS),
    draftId: DraftId,
    draftTitle: z.string(),
    roundId: z.number().int().nullable(),
    commentId: z.number().int().nullable(),
    /** Who acted (display name), when known. */
    actorName: z.string().nullable(),
    /** A short excerpt: the round title, the answer, or the organisation's name. */
    text: z.string(),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .meta({ id: 'Notification' });
/** An in-app notification. */
export type Notification = z.infer<typeof Notification>;

/** `GET /api/notifications`: the newest 50, and how many are unread in all. */
export const NotificationList = z
  .object({ notifications: z.array(Notification), unread: z.number().int() })
  .meta({ id: 'NotificationList' });
/** The caller's notifications. */
export type NotificationList = z.infer<typeof NotificationList>;

/** `POST /api/notifications/read`: mark these (or all) as read. */
export const MarkReadRequest = z
  .object({ ids: z.array(z.number().int()).max(500).optional(), all: z.boolean().optional() })
  .strict()
  .meta({ id: 'MarkReadRequest' });

/**
 * Server-sent events on `/api/notifications/events`: `notification` (a Notification) when
 * one arrives for the caller.
 */
export const NOTIFICATION_EVENT = 'notification';
