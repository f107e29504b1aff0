import { DiscussionEvent, type Discussion, type DiscussionMember } from '../../shared/api/discussions.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { ApiError } from '../api/api-client.ts';
import type { EventStream } from '../api/event-stream.ts';
import { StreamWatcher } from '../drafts/draft-events-controller.ts';
import { discussionsApi } from './discussions-api.ts';
import { toDiscussionThreads, type DiscussionThread } from './discussion-threads.ts';

/**
 * The committee's internal threads of a draft, kept current: the list and the members over
 * REST, then the `discussion` events of the page's shared stream (the server sends them to
 * the committee only). After a drop everything is read again. Off for commenters: they
 * never ask, and the server would refuse.
 */
export class DiscussionsController extends StreamWatcher {
  /** Whether the user is of the committee (or oversees the draft); set before the stream opens. */
  enabled = false;
  /** Who may be @mentioned. */
  members: DiscussionMember[] = [];
  /** Whether the first list arrived. */
  loaded = false;
  /** Why the last load failed, if it did. */
  error: ErrorCode | 'network_error' | null = null;

  private messages = new Map<number, Discussion>();
  private cached: DiscussionThread[] | null = null;
  private draftId: string | null = null;

  /** Threads in the order they were started, each with its replies and state. */
  get threads(): readonly DiscussionThread[] {
    this.cached ??= toDiscussionThreads(this.messages.values());
    return this.cached;
  }

  watch(draftId: string, stream: EventStream): void {
    this.unfollow();
    if (draftId !== this.draftId) {
      this.messages = new Map();
      this.loaded = false;
      this.changed();
    }
    this.draftId = draftId;
    if (!this.enabled) return;
    this.follow([
      stream.on('discussion', DiscussionEvent, (event) => this.upsert(event.discussion)),
      stream.onReopen(() => void this.reload()),
    ]);
    void this.reload();
  }

  /** Reads the threads and the members again. */
  async reload(): Promise<void> {
    const draftId = this.draftId;
    if (draftId === null || !this.enabled) return;
    try {
      const [list, members] = await Promise.all([
        discussionsApi.list(draftId),
        discussionsApi.members(draftId),
      ]);
      if (draftId !== this.draftId) return;
      // Events that arrived meanwhile are newer than the list only if the list lacks them.
      for (const d of list.discussions) this.messages.set(d.id, d);
      this.members = members.members;
      this.loaded = true;
      this.error = null;
    } catch (error) {
      this.error = error instanceof ApiError ? error.code : 'network_error';
    } finally {
      this.changed();
    }
  }

  /** Takes a message's newer state (from the user's own action or an event). */
  upsert(discussion: Discussion): void {
    if (discussion.draftId !== this.draftId) return;
    this.messages.set(discussion.id, discussion);
    this.changed();
  }

  private changed(): void {
    this.cached = null;
    this.host.requestUpdate();
  }
}
