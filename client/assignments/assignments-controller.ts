import type { AssignmentList } from '../../shared/api/assignments.ts';
import { AssignmentsEvent } from '../../shared/api/events.ts';
import type { EventStream } from '../api/event-stream.ts';
import { listAssignments } from './assignments-api.ts';
import { StreamWatcher } from '../drafts/draft-events-controller.ts';

/**
 * Who writes which section of a draft, kept current: one `GET …/assignments`, read again on
 * each `assignments` event of the page's shared stream (the secretary's change on any page),
 * after the stream comes back, and after this page's own change.
 */
export class AssignmentsController extends StreamWatcher {
  /** The latest list; null until loaded (or if it could not be: the outline shows none). */
  assignments: AssignmentList | null = null;

  private draftId: string | null = null;
  /** Answers may cross; only the newest request's answer is kept. */
  private generation = 0;

  watch(draftId: string, stream: EventStream): void {
    this.unfollow();
    if (draftId !== this.draftId) this.assignments = null;
    this.draftId = draftId;
    this.follow([
      stream.on('assignments', AssignmentsEvent, () => this.reload()),
      stream.onReopen(() => this.reload()),
    ]);
    this.reload();
  }

  /** Reads the list again. */
  reload(): void {
    const draftId = this.draftId;
    if (draftId === null) return;
    const generation = ++this.generation;
    listAssignments(draftId).then(
      (list) => {
        if (generation !== this.generation || draftId !== this.draftId) return;
        this.assignments = list;
        this.host.requestUpdate();
      },
      () => undefined, // the outline works without them; the next event reloads
    );
  }
}
