import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Draft } from '../../shared/api/drafts.ts';
import { CommentEvent, RoundEvent } from '../../shared/api/events.ts';
import type { RevisionLog } from '../../shared/api/revision-log.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { ApiError, request } from '../api/api-client.ts';
import { EventStream } from '../api/event-stream.ts';
import { loadLog } from './revision-api.ts';

/** Comments are answered in bursts (a group at a time); the table is re-read at most this often. */
const REFRESH_MS = 2000;

/**
 * A round's draft and revision log, kept current: re-read after `comment` and `round` events
 * of the draft's event stream (a colleague answering, an organisation sending its comments),
 * and replaced at once by what the server answers to this page's own changes.
 */
export class RevisionLogController implements ReactiveController {
  /** The draft, once loaded. */
  draft: Draft | null = null;
  /** The table, once loaded. */
  log: RevisionLog | null = null;
  /** Why the last load or change failed, if it did. */
  error: ErrorCode | 'network_error' | null = null;

  private draftId: string | null = null;
  private roundId = 0;
  private threshold: number | undefined = undefined;
  /** Comments of organisations that have not sent are listed too. */
  unsent = false;
  private stream: EventStream | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped by every load, so a slow answer never overwrites a newer one. */
  private generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.draftId !== null && this.stream === null) this.open(this.draftId, this.roundId);
  }

  hostDisconnected(): void {
    this.stream?.close();
    this.stream = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Loads a round's table and follows the draft's events. */
  open(draftId: string, roundId: number): void {
    this.hostDisconnected();
    this.draftId = draftId;
    this.roundId = roundId;
    void this.load();
    const stream = new EventStream(`/api/drafts/${encodeURIComponent(draftId)}/events`);
    stream.on('comment', CommentEvent, () => this.schedule());
    stream.on('round', RoundEvent, () => this.schedule());
    stream.onReopen(() => void this.load());
    this.stream = stream;
  }

  /** Re-reads the table grouped at another threshold (kept for later refreshes). */
  regroup(threshold: number): void {
    this.threshold = threshold;
    void this.load();
  }

  /** Lists (or leaves out) the comments of organisations that have not sent yet. */
  showUnsent(show: boolean): void {
    this.unsent = show;
    void this.load();
  }

  /** Runs a change on the server and shows the table it answers. */
  async change(call: () => Promise<RevisionLog>): Promise<void> {
    this.error = null;
    try {
      this.generation += 1;
      this.log = await call();
    } catch (error) {
      this.error = error instanceof ApiError ? error.code : 'network_error';
    }
    this.host.requestUpdate();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.load();
    }, REFRESH_MS);
  }

  private async load(): Promise<void> {
    const draftId = this.draftId;
    if (draftId === null) return;
    const generation = ++this.generation;
    try {
      const [draft, log] = await Promise.all([
        request(`/drafts/${encodeURIComponent(draftId)}`, Draft),
        loadLog(draftId, this.roundId, this.threshold, this.unsent),
      ]);
      if (generation !== this.generation) return;
      this.draft = draft;
      this.log = log;
      this.error = null;
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error instanceof ApiError ? error.code : 'network_error';
    }
    this.host.requestUpdate();
  }
}
