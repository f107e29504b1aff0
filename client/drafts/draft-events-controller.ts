import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { EventStream } from '../api/event-stream.ts';
import { draftEventsUrl } from './drafts-api.ts';

/** Something that follows a draft's server-sent events (progress, comments, rounds). */
export interface DraftEventsWatcher {
  /** Starts following `draftId` on `stream`, replacing whatever it followed before. */
  watch(draftId: string, stream: EventStream): void;
}

/**
 * A watcher as a controller of the page: it holds its subscriptions on the stream and drops
 * them when the page leaves. DraftEventsController renews the stream and calls `watch` again
 * when the page comes back, so connecting needs nothing.
 */
export abstract class StreamWatcher implements ReactiveController, DraftEventsWatcher {
  private subscriptions: (() => void)[] = [];

  constructor(protected readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  abstract watch(draftId: string, stream: EventStream): void;

  hostConnected(): void {}

  hostDisconnected(): void {
    this.unfollow();
  }

  /** Keeps `subscriptions` (what `stream.on` and `stream.onReopen` return) to drop them later. */
  protected follow(subscriptions: (() => void)[]): void {
    this.unfollow();
    this.subscriptions = subscriptions;
  }

  /** Drops the subscriptions (before following another draft, or when the page leaves). */
  protected unfollow(): void {
    for (const off of this.subscriptions) off();
    this.subscriptions = [];
  }
}

/**
 * The draft page's one `GET /api/drafts/{id}/events` stream: opened once per draft and handed
 * to every watcher, so the page holds a single connection (browsers allow few per host). It is
 * closed when the host leaves the DOM, so a closed page holds no stream and the server stops
 * recomputing for it; coming back opens a fresh one and the watchers reload.
 */
export class DraftEventsController implements ReactiveController {
  private stream: EventStream | null = null;
  private draftId: string | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly watchers: readonly DraftEventsWatcher[],
  ) {
    host.addController(this);
  }

  /** Follows a draft (closing the stream of any previous one). */
  open(draftId: string): void {
    this.close();
    this.draftId = draftId;
    this.start();
  }

  hostConnected(): void {
    if (this.draftId !== null && this.stream === null) this.start();
  }

  hostDisconnected(): void {
    this.close();
  }

  private start(): void {
    if (this.draftId === null) return;
    const stream = new EventStream(draftEventsUrl(this.draftId));
    this.stream = stream;
    for (const watcher of this.watchers) watcher.watch(this.draftId, stream);
  }

  private close(): void {
    this.stream?.close();
    this.stream = null;
  }
}
