import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { EventStream } from '../api/event-stream.ts';
import { draftEventsUrl } from './drafts-api.ts';

/**
 * What a page showing one draft's live data shares (the rounds dashboard, the revision log):
 * it reads its data, re-reads it after the draft's server-sent events (at most once per
 * `refreshMs`, since comments arrive in bursts) and after the stream comes back (events may
 * have been missed), closes the stream when the page leaves the DOM and reopens it when the
 * page comes back. A slow answer never overwrites a newer one.
 */
export abstract class LiveDraftController implements ReactiveController {
  /** The draft followed, once `follow` was called. */
  protected draftId: string | null = null;
  private stream: EventStream | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped by every load (and by `supersede`), so only the newest answer is shown. */
  private generation = 0;

  constructor(
    protected readonly host: ReactiveControllerHost,
    private readonly refreshMs: number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.draftId !== null && this.stream === null) this.resume(this.draftId);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Reopens what was shown before the page left the DOM. */
  protected abstract resume(draftId: string): void;

  /** Subscribes to the events that change what is shown (`scheduleReload` or patch in place). */
  protected abstract listen(stream: EventStream): void;

  /** Reads the data; `current()` turns false once a newer load or change has started. */
  protected abstract load(draftId: string, current: () => boolean): Promise<void>;

  /** Loads `draftId` and follows its events, replacing whatever was followed. */
  protected follow(draftId: string): void {
    this.stop();
    this.draftId = draftId;
    void this.reload();
    const stream = new EventStream(draftEventsUrl(draftId));
    this.listen(stream);
    stream.onReopen(() => void this.reload());
    this.stream = stream;
  }

  /** Reads the data again now. */
  protected reload(): Promise<void> {
    const draftId = this.draftId;
    if (draftId === null) return Promise.resolve();
    const generation = ++this.generation;
    return this.load(draftId, () => generation === this.generation);
  }

  /** Reads the data again after `refreshMs`, once for however many events arrive meanwhile. */
  protected scheduleReload(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.reload();
    }, this.refreshMs);
  }

  /** Makes loads under way stale (what the server answered to a change here is newer). */
  protected supersede(): void {
    this.generation++;
  }

  private stop(): void {
    this.stream?.close();
    this.stream = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.generation++;
  }
}
