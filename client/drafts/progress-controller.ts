import { DraftProgress } from '../../shared/api/progress.ts';
import type { EventStream } from '../api/event-stream.ts';
import { StreamWatcher } from './draft-events-controller.ts';
import { loadProgress } from './drafts-api.ts';

/**
 * A draft's section progress, kept current: one `GET …/progress`, then the `progress` events
 * of the page's shared event stream (DraftEventsController owns it and closes it with the
 * page). After the stream drops and comes back, the progress is read again.
 */
export class ProgressController extends StreamWatcher {
  /** The latest progress; null until the first answer. */
  progress: DraftProgress | null = null;

  private draftId: string | null = null;

  /** Starts following a draft on the page's stream (replacing any previous one). */
  watch(draftId: string, stream: EventStream): void {
    this.unfollow();
    if (draftId !== this.draftId) this.progress = null;
    this.draftId = draftId;
    this.follow([
      stream.on('progress', DraftProgress, (progress) => this.set(progress)),
      stream.onReopen(() => this.load(draftId)),
    ]);
    this.load(draftId);
  }

  private load(draftId: string): void {
    const known = this.progress;
    loadProgress(draftId).then(
      // An event may have arrived meanwhile; it is newer than this answer.
      (progress) => draftId === this.draftId && this.progress === known && this.set(progress),
      () => undefined, // the page reports load errors; the stream may still deliver
    );
  }

  private set(progress: DraftProgress): void {
    this.progress = progress;
    this.host.requestUpdate();
  }
}
