import { z } from 'zod';
import { NotificationList } from '../../shared/api/notifications.ts';
import { apiPath, apiUrl, request } from '../api/api-client.ts';

/** The signed-in user's notifications, newest first, and how many are unread. */
export function listNotifications(): Promise<NotificationList> {
  return request(apiPath(['notifications']), NotificationList);
}

/** Marks these notifications (or all of them) as read. */
export async function markRead(body: { ids?: number[]; all?: boolean }): Promise<void> {
  await request(apiPath(['notifications', 'read']), z.undefined(), { body });
}

/** The URL of the user's notification events. */
export function notificationEventsUrl(): string {
  return apiUrl(apiPath(['notifications', 'events']));
}
