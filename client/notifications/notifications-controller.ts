import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Notification, NOTIFICATION_EVENT } from '../../shared/api/notifications.ts';
import { EventStream } from '../api/event-stream.ts';
import { listNotifications, markRead, notificationEventsUrl } from './notifications-api.ts';

/** How many notifications the list keeps (the server sends the newest 50). */
const KEEP = 50;

/**
 * The signed-in user's notifications, kept live: one `GET /api/notifications`, then the
 * `notification` events of `/api/notifications/events` (one EventSource for the whole app,
 * closed when the host leaves the DOM, e.g. at sign-out). After a drop the list is read again.
 */
export class NotificationsController implements ReactiveController {
  /** Newest first; null until the first answer. */
  notifications: Notification[] | null = null;
  /** Unread in all (not only among those listed). */
  unread = 0;
  /** The first load failed (the bell still works once events arrive). */
  failed = false;

  private stream: EventStream | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    const stream = new EventStream(notificationEventsUrl());
    stream.on(NOTIFICATION_EVENT, Notification, (n) => this.add(n));
    stream.onReopen(() => void this.load());
    this.stream = stream;
    void this.load();
  }

  hostDisconnected(): void {
    this.stream?.close();
    this.stream = null;
  }

  /** Marks these notifications read (optimistically; the server is told in the background). */
  async markRead(ids: number[]): Promise<void> {
    const list = this.notifications ?? [];
    const fresh = ids.filter((id) => list.some((n) => n.id === id && !n.read));
    if (fresh.length === 0) return;
    this.set(
      list.map((n) => (fresh.includes(n.id) ? { ...n, read: true } : n)),
      Math.max(0, this.unread - fresh.length),
    );
    await this.post({ ids: fresh });
  }

  /** Marks every notification read, also those beyond the listed 50. */
  async markAllRead(): Promise<void> {
    this.set(
      (this.notifications ?? []).map((n) => ({ ...n, read: true })),
      0,
    );
    await this.post({ all: true });
  }

  private async post(body: { ids?: number[]; all?: boolean }): Promise<void> {
    try {
      await markRead(body);
    } catch {
      // The list as the server has it wins: a failed mark shows the items unread again.
      await this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      const { notifications, unread } = await listNotifications();
      this.failed = false;
      this.set(notifications, unread);
    } catch {
      this.failed = true;
      this.host.requestUpdate();
    }
  }

  private add(notification: Notification): void {
    const list = this.notifications ?? [];
    // A notification that arrived by event and again in a reload is counted once.
    if (list.some((n) => n.id === notification.id)) return;
    this.set([notification, ...list].slice(0, KEEP), this.unread + (notification.read ? 0 : 1));
  }

  private set(notifications: Notification[], unread: number): void {
    this.notifications = notifications;
    this.unread = unread;
    this.host.requestUpdate();
  }
}
