import type { ReactiveControllerHost } from 'lit';
import type { Draft } from '../../shared/api/drafts.ts';
import { CommentEvent, RoundEvent } from '../../shared/api/events.ts';
import type { RevisionLog } from '../../shared/api/revision-log.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { ApiError } from '../api/api-client.ts';
import type { EventStream } from '../api/event-stream.ts';
import { loadDraft } from '../drafts/drafts-api.ts';
import { LiveDraftController } from '../drafts/live-draft-controller.ts';
import { loadLog } from './revision-api.ts';

/** Comments are answered in bursts (a group at a time); the table is re-read at most this often. */
const REFRESH_MS = 2000;

/**
 * A round's draft and revision log, kept current: re-read after `comment` and `round` events
 * of the draft's event stream (a colleague answering, an organisation sending its comments),
 * and replaced at once by what the server answers to this page's own changes.
 */
export class RevisionLogController extends LiveDraftController {
  /** The draft, once loaded. */
  draft: Draft | null = null;
  /** The table, once loaded. */
  log: RevisionLog | null = null;
  /** Why the last load or change failed, if it did. */
  error: ErrorCode | 'network_error' | null = null;

  private roundId = 0;
  private threshold: number | undefined = undefined;
  /** Comments of organisations that have not sent are listed too. */
  unsent = false;

  constructor(host: ReactiveControllerHost) {
    super(host, REFRESH_MS);
  }

  /** Loads a round's table and follows the draft's events. */
  open(draftId: string, roundId: number): void {
    this.roundId = roundId;
    this.follow(draftId);
  }

  protected resume(draftId: string): void {
    this.open(draftId, this.roundId);
  }

  protected listen(stream: EventStream): void {
    stream.on('comment', CommentEvent, () => this.scheduleReload());
    stream.on('round', RoundEvent, () => this.scheduleReload());
  }

  /** Re-reads the table grouped at another threshold (kept for later refreshes). */
  regroup(threshold: number): void {
    this.threshold = threshold;
    void this.reload();
  }

  /** Lists (or leaves out) the comments of organisations that have not sent yet. */
  showUnsent(show: boolean): void {
    this.unsent = show;
    void this.reload();
  }

  /** Runs a change on the server and shows the table it answers. */
  async change(call: () => Promise<RevisionLog>): Promise<void> {
    this.error = null;
    try {
      this.supersede();
      this.log = await call();
    } catch (error) {
      this.error = error instanceof ApiError ? error.code : 'network_error';
    }
    this.host.requestUpdate();
  }

  protected async load(draftId: string, current: () => boolean): Promise<void> {
    try {
      const [draft, log] = await Promise.all([
        loadDraft(draftId),
        loadLog(draftId, this.roundId, this.threshold, this.unsent),
      ]);
      if (!current()) return;
      this.draft = draft;
      this.log = log;
      this.error = null;
    } catch (error) {
      if (!current()) return;
      this.error = error instanceof ApiError ? error.code : 'network_error';
    }
    this.host.requestUpdate();
  }
}
